"""Where a query runs: the embedded store of a graph folder, or a Neo4j server. Both take the
library's text (rewritten by :func:`kg.query.dialect.for_engine`) and give rows as dicts.

>>> import tempfile
>>> from kg.model import Graph, Paper
>>> from kg.store import write_graph
>>> folder = tempfile.mkdtemp()
>>> _ = write_graph(Graph(papers=[Paper(id="p", title="T", abstract="A", urls=["https://github.com/a/b"])]), folder)
>>> with StoreEngine(folder) as engine:
...     run_named_query("papers_with_code", {}, engine)
(['title', 'code_url', 'date'], [{'title': 'T', 'code_url': 'https://github.com/a/b', 'date': None}])
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from kg.errors import QueryNotFoundError
from kg.query.dialect import for_engine
from kg.query.guard import check_read_only
from kg.query.library import NamedQuery, bind_params, get_query, library_queries

__all__ = ["StoreEngine", "Neo4jEngine", "run_named_query", "run_adhoc", "run_query"]


class StoreEngine:
    """The embedded store of a graph folder (opened read-only)."""

    name = "ladybug"

    def __init__(self, folder: Union[str, Path]):
        from kg.store import Store

        self.folder = Path(folder)
        self.store = Store(folder)

    def describe(self) -> str:
        return f"embedded store {self.folder}"

    def run(self, text: str, params: dict) -> tuple[list[str], list[dict]]:
        return self.store.query(text, params)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "StoreEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Neo4jEngine:
    """A Neo4j server: every query in a READ transaction."""

    name = "neo4j"

    def __init__(self, settings):
        from kg.loader import open_driver

        self.settings = settings
        self._context = open_driver(settings)
        self.driver = self._context.__enter__()

    def describe(self) -> str:
        return f"Neo4j {self.settings.display_uri} (database {self.settings.database})"

    def run(self, text: str, params: dict) -> tuple[list[str], list[dict]]:
        from kg.loader import run_read

        keys, records = run_read(self.driver, text, params, self.settings.database)
        return list(keys), [record.data() for record in records]

    def close(self) -> None:
        self._context.__exit__(None, None, None)

    def __enter__(self) -> "Neo4jEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run_query(query: NamedQuery, params: dict, engine) -> tuple[list[str], list[dict]]:
    """Run one named query (any, library or internal) with bound parameters on ``engine``."""
    columns, rows = engine.run(for_engine(query.text, engine.name, query.ordered_lists), params)
    for column in query.sorted_columns:
        for row in rows:
            if isinstance(row.get(column), list):
                row[column] = sorted(row[column], key=lambda v: (v is None, v))
    return columns, rows


def run_named_query(name: str, raw_params: dict[str, str], engine) -> tuple[list[str], list[dict]]:
    """Run a library query; both engines give the same rows for the same graph."""
    query = get_query(name)
    if query not in library_queries():
        raise QueryNotFoundError(f"{name!r} is an internal query; `kg query --list` shows the library")
    return run_query(query, bind_params(query, raw_params), engine)


def run_adhoc(text: str, params: Optional[dict], engine) -> tuple[list[str], list[dict]]:
    """Run ad-hoc read-only Cypher (refused by :func:`kg.query.guard.check_read_only` otherwise)."""
    check_read_only(text)
    return engine.run(text, params or {})
