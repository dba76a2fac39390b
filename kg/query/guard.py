"""The read-only guard of ad-hoc Cypher (``kg cypher``): an allow-list, checked on the client
before any engine sees the text.

A query may read the graph and nothing else: its clauses come from :data:`ALLOWED_CLAUSES`, and
the only procedures it may call are the read-only ones of :data:`ALLOWED_PROCEDURES`. Writes
(``CREATE``, ``MERGE``, ``SET`` ...), ``LOAD CSV`` (which makes a server fetch a URL or read a
file), transaction and administration commands (``TERMINATE TRANSACTIONS``, ``SHOW``, ``DROP``,
``GRANT`` ...) and every other procedure are refused with a one-line reason. String literals and
comments are blanked before the check, so ``RETURN 'create'`` is a read.

The engines add their own protection on top: the embedded store is opened read-only, and Neo4j
runs the query in a READ transaction with a timeout and a memory limit.

>>> check_read_only("MATCH (p:Paper) WHERE p.title CONTAINS 'Create' RETURN p.title LIMIT 3")
>>> check_read_only("MATCH (n) DETACH DELETE n")
Traceback (most recent call last):
...
kg.errors.ReadOnlyQueryError: kg cypher runs read-only queries: DETACH is not allowed
"""

from __future__ import annotations

import re

from kg.errors import ReadOnlyQueryError

__all__ = ["check_read_only", "ALLOWED_CLAUSES", "ALLOWED_PROCEDURES"]

ALLOWED_CLAUSES = frozenset((
    "MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "RETURN", "ORDER", "BY", "SKIP", "LIMIT", "UNION", "ALL",
    "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE",
    "END", "ASC", "ASCENDING", "DESC", "DESCENDING", "CONTAINS", "STARTS", "ENDS", "EXISTS", "COUNT", "CALL", "YIELD",
    "EXPLAIN", "PROFILE", "TRAIL", "ACYCLIC", "WALK", "SHORTEST", "ALL_SHORTEST", "ANY",
))
# Words that only a write, a load or an administration command uses.
# (Property names such as ``start`` and ``end`` stay usable: START and STOP are refused only
# before DATABASE, below.)
_FORBIDDEN = frozenset((
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "FOREACH", "TERMINATE", "SHOW", "ALTER",
    "GRANT", "DENY", "REVOKE", "USE", "COPY", "EXPORT", "IMPORT", "INSTALL", "ATTACH", "CHECKPOINT", "BEGIN", "COMMIT",
    "ROLLBACK",
))
_DATABASE_COMMAND = re.compile(r"\b(?:START|STOP)\s+DATABASE\b", re.IGNORECASE)
ALLOWED_PROCEDURES = frozenset((
    "db.index.fulltext.querynodes", "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "show_tables", "table_info",
))
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*\(", re.IGNORECASE)
_SUBQUERY_CALL = re.compile(r"\bCALL\s*\{", re.IGNORECASE)


def _blank(text: str) -> str:
    """The text with string literals, quoted names and comments replaced by spaces."""
    text = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    return _STRING.sub(lambda m: " " * len(m.group(0)), text)


def check_read_only(text: str) -> None:
    """Raise :class:`~kg.errors.ReadOnlyQueryError` unless ``text`` only reads."""
    bare = _blank(text)
    if not bare.strip():
        raise ReadOnlyQueryError("kg cypher: the query is empty")
    if ";" in bare.strip().rstrip(";"):
        raise ReadOnlyQueryError("kg cypher runs one query at a time: remove the ';' between statements")
    for match in _CALL.finditer(bare):
        if match.group(1).lower() not in ALLOWED_PROCEDURES:
            raise ReadOnlyQueryError(
                f"kg cypher runs read-only queries: procedure {match.group(1)} is not allowed "
                f"(allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})"
            )
    if _SUBQUERY_CALL.search(bare) and re.search(r"\bIN\s+TRANSACTIONS\b", bare, re.IGNORECASE):
        raise ReadOnlyQueryError("kg cypher runs read-only queries: CALL { ... } IN TRANSACTIONS is not allowed")
    if _DATABASE_COMMAND.search(bare):
        raise ReadOnlyQueryError("kg cypher runs read-only queries: database administration is not allowed")
    for word in _WORD.findall(bare):
        if word.upper() in _FORBIDDEN:
            raise ReadOnlyQueryError(f"kg cypher runs read-only queries: {word.upper()} is not allowed")
    first = _WORD.search(bare)
    if first is None or first.group(0).upper() not in ("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL",
                                                        "EXPLAIN", "PROFILE"):
        raise ReadOnlyQueryError(
            "kg cypher runs read-only queries: a query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL"
        )
