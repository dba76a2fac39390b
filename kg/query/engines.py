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

__all__ = ["StoreEngine", "Neo4jEngine", "run_named_query", "run_adhoc", "run_query", "suggest_names"]


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


# Which lookup a key parameter is: its name -> the query finding names like it.
_SIMILAR = {"benchmark": "similar_names", "method": "similar_names", "name": "similar_names", "a": "similar_names",
            "b": "similar_names", "paper": "similar_titles", "author": "similar_authors"}


def suggest_names(name: str, raw_params: dict[str, str], engine, *, limit: int = 5) -> dict[str, list[str]]:
    """For a library query that returned nothing: per name-like parameter, the closest names in
    the graph (``"BigBench Hard"`` -> ``["Big-Bench Hard", "BIG-Bench"]``)."""
    import difflib
    import re

    query = get_query(name)
    hints: dict[str, list[str]] = {}
    for param in query.params:
        if param.type not in ("key", "author") or param.name not in _SIMILAR or param.name not in raw_params:
            continue
        wanted = param.convert(raw_params[param.name]).removeprefix("author:")
        squashed = re.sub(r"[^0-9a-z]+", "", wanted)
        fragments = {f[:4] for f in re.split(r"[^0-9a-z]+", wanted) if len(f) >= 2} | ({squashed[:4]} if squashed else set())
        found: dict[str, str] = {}
        for fragment in sorted(fragments):
            _, rows = run_query(get_query(_SIMILAR[param.name]), {"fragment": fragment, "limit": 200}, engine)
            found.update((row["key"].removeprefix("author:"), row["name"]) for row in rows)
        by_squashed = {re.sub(r"[^0-9a-z]+", "", key): key for key in found}
        close = difflib.get_close_matches(squashed, list(by_squashed), n=limit, cutoff=0.5)
        names = list(dict.fromkeys(found[by_squashed[key]] for key in close))
        if names:
            hints[param.name] = names
    return hints
