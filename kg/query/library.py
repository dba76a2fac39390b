"""Named Cypher queries loaded from ``cypher/``: written once, run on the embedded store and on
Neo4j (see :mod:`kg.query.dialect` for the few places where the two read Cypher differently).

Each query starts with a ``// name: <name>`` line; the ``//`` lines after it are its
documentation, where ``// params:`` lists parameters as ``name: type = default`` separated by
semicolons, ``// example:`` shows a call, ``// sorted:`` names list columns (from ``collect``)
that are returned sorted, since neither engine fixes their order, and ``// ordered lists:`` names
list columns that rows are ordered by (see :mod:`kg.query.dialect`). Queries are parameter-only: values are never formatted
into the text, and the text is handed to the driver as ``neo4j.Query``.

>>> q = get_query("upsert_papers")
>>> q.name, "$rows" in q.text
('upsert_papers', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Optional

from kg.errors import QueryNotFoundError, QueryParseError

__all__ = ["NamedQuery", "QueryParam", "CYPHER_DIR", "load_queries", "get_query", "library_queries", "bind_params"]

def _cypher_dir() -> Path:
    """cypher/ of the repository (a checkout or an editable install), else kg/cypher of a wheel."""
    checkout = Path(__file__).resolve().parent.parent.parent / "cypher"
    return checkout if (checkout / "library").is_dir() else Path(__file__).resolve().parent.parent / "cypher"


CYPHER_DIR = _cypher_dir()
_NAME = re.compile(r"^//\s*name:\s*([a-z][a-z0-9_]*)\s*$")
_PARAM = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(?::\s*([a-z]+))?\s*(?:=\s*(.+?))?\s*$")


MAX_INT_PARAM = 1_000_000_000


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str = "str"  # str, key (a name matched in any case: lower-cased), author (an author's id), int, float, list
    default: Optional[str] = None

    def convert(self, raw: str):
        """Turn a command-line string into the parameter's type.

        >>> QueryParam("benchmark", "key").convert("Big-Bench Hard")
        'big-bench hard'
        >>> QueryParam("author", "author").convert("  Ada  LOVELACE")
        'author:ada lovelace'
        """
        if self.type == "key":
            # Names and aliases are stored lower-cased with single spaces (kg.store.derived):
            # normalising the value here, not in Cypher, lets both engines use their index.
            return " ".join(raw.split()).lower()
        if self.type == "author":
            # The author's id, made here: LadybugDB scans every author for `a.id = 'author:' +
            # $author` (80-190 ms at 1.4 million authors), and looks one up by a whole parameter.
            from kg.keys import author_id

            return author_id(raw)
        if self.type == "int":
            value = int(raw)
            if not 0 <= value <= MAX_INT_PARAM:  # limits, depths and counts: never negative, and an int64 for both engines
                raise ValueError(f"between 0 and {MAX_INT_PARAM:,}")
            return value
        if self.type == "float":
            return float(raw)
        if self.type == "list":
            return [part.strip() for part in raw.split(",") if part.strip()]
        return raw


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    example: str = ""
    file: str = ""
    line: int = 0
    sorted_columns: tuple[str, ...] = field(default=())  # list columns whose order the engines do not fix
    ordered_lists: tuple[str, ...] = field(default=())  # list columns the rows are ordered by (see kg.query.dialect)

    def defaults(self) -> dict:
        return {p.name: p.convert(p.default) for p in self.params if p.default is not None}


def _parse_file(path: Path) -> list[NamedQuery]:
    queries: list[NamedQuery] = []
    current: Optional[dict] = None

    def finish() -> None:
        if current is None:
            return
        text = "\n".join(current["body"]).strip().rstrip(";").strip()
        if not text:
            raise QueryParseError(f"{path}:{current['line']}: query {current['name']!r} has no Cypher")
        queries.append(
            NamedQuery(
                name=current["name"], text=text, description=" ".join(current["doc"]).strip(),
                params=tuple(current["params"]), example=current["example"], file=str(path), line=current["line"],
                sorted_columns=current["sorted"], ordered_lists=current["ordered"],
            )
        )

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _NAME.match(line.strip())
        if match:
            finish()
            current = {"name": match.group(1), "doc": [], "params": [], "example": "", "body": [], "line": number,
                       "sorted": (), "ordered": ()}
            continue
        if current is None:
            if line.strip() and not line.strip().startswith("//"):
                raise QueryParseError(f"{path}:{number}: Cypher before any '// name:' header")
            continue
        stripped = line.strip()
        if stripped.startswith("//") and not current["body"]:
            doc = stripped[2:].strip()
            if doc.startswith("params:"):
                for chunk in filter(None, (c.strip() for c in doc[len("params:") :].split(";"))):
                    param = _PARAM.match(chunk)
                    if not param:
                        raise QueryParseError(f"{path}:{number}: cannot read parameter {chunk!r}")
                    default = param.group(3)
                    if default is not None and len(default) >= 2 and default[0] == default[-1] and default[0] in "'\"":
                        default = default[1:-1]  # a quoted default: `metric: key = ""` is the empty string
                    current["params"].append(QueryParam(param.group(1), param.group(2) or "str", default))
            elif doc.startswith("example:"):
                current["example"] = doc[len("example:") :].strip()
            elif doc.startswith("sorted:"):
                current["sorted"] = tuple(c.strip() for c in doc[len("sorted:") :].split(",") if c.strip())
            elif doc.startswith("ordered lists:"):
                current["ordered"] = tuple(c.strip() for c in doc[len("ordered lists:") :].split(",") if c.strip())
            else:
                current["doc"].append(doc)
        else:
            current["body"].append(line)
    finish()
    return queries


@lru_cache(maxsize=4)
def load_queries(folder: Path = CYPHER_DIR) -> Mapping[str, NamedQuery]:
    """All named queries under ``folder`` as a read-only mapping."""
    found: dict[str, NamedQuery] = {}
    for path in sorted(Path(folder).rglob("*.cypher")):
        for query in _parse_file(path):
            if query.name in found:
                raise QueryParseError(f"{path}:{query.line}: query name {query.name!r} also in {found[query.name].file}")
            found[query.name] = query
    return MappingProxyType(found)


def get_query(name: str) -> NamedQuery:
    queries = load_queries()
    if name not in queries:
        import difflib

        library = [q.name for q in library_queries()]
        close = difflib.get_close_matches(name, library, n=3, cutoff=0.6)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
        raise QueryNotFoundError(f"no query named {name!r}; {hint}`kg query --list` shows them")
    return queries[name]


def library_queries() -> list[NamedQuery]:
    """The user-facing read queries (``cypher/library/``), sorted by name."""
    library = CYPHER_DIR / "library"
    return sorted((q for q in load_queries().values() if Path(q.file).parent == library), key=lambda q: q.name)


def bind_params(query: NamedQuery, raw: dict[str, str]) -> dict:
    """Typed parameters for ``query`` from command-line strings, defaults filled in.

    Raises
    ------
    KGError : an unknown parameter, a missing one, or a value of the wrong type.
    """
    from kg.errors import KGError

    declared = {p.name: p for p in query.params}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        raise KGError(f"query {query.name!r} has no parameter {unknown[0]!r}; it takes: {', '.join(declared) or 'none'}")
    bound = query.defaults()
    for key, value in raw.items():
        try:
            bound[key] = declared[key].convert(value)
        except ValueError as exc:
            bounds = f" {exc}" if str(exc).startswith("between") else ""
            raise KGError(f"parameter {key!r} of {query.name!r} must be {declared[key].type}{bounds}, "
                          f"not {value!r}") from None
    missing = [p.name for p in query.params if p.name not in bound]
    if missing:
        raise KGError(f"query {query.name!r} needs --param {missing[0]}=...")
    return bound
