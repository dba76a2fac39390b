"""Exception hierarchy: one root, one subclass per failure domain.

Library code raises these; the CLI turns any ``KGError`` into one line on stderr and a
non-zero exit code, so users never see a traceback for a problem they can fix.
"""

__all__ = [
    "KGError",
    "SchemaError",
    "InputError",
    "ExtractionError",
    "LoadError",
    "Neo4jConnectionError",
    "QueryNotFoundError",
    "QueryParseError",
    "ReadOnlyQueryError",
    "MirrorNotFoundError",
    "FetchError",
]


class KGError(Exception):
    """Root of every error this package raises on purpose."""


class SchemaError(KGError):
    """A node or relationship does not fit the graph schema."""


class InputError(KGError):
    """An input file cannot be read at all (missing, unknown format given explicitly)."""


class ExtractionError(KGError):
    """The extraction pipeline could not be built or run."""


class LoadError(KGError):
    """Writing to Neo4j failed for a reason other than a transient error."""


class Neo4jConnectionError(LoadError):
    """The server is unreachable, refused the credentials, or lacks the database."""


class QueryNotFoundError(KGError):
    """No named query has that name."""


class QueryParseError(KGError):
    """A file in ``cypher/`` has no valid ``// name:`` header."""


class ReadOnlyQueryError(KGError):
    """An ad-hoc query tried to write."""


class MirrorNotFoundError(KGError):
    """No saved NetworkX mirror in the data folder: run ``kg build`` first."""


class FetchError(KGError):
    """A source could not be fetched: a bad date, an unreachable host, retries used up, or a
    response that is not what the source sends."""
