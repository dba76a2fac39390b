"""Where LadybugDB's Cypher and Neo4j's differ, for the queries of this project.

The query library (``cypher/``) is written in the Cypher both engines accept: entities are one
node label, ``Entity``, with their kind in a ``label`` property; names are looked up through
``NameKey`` nodes; lists are sorted by the caller, not by ``ORDER BY`` before ``collect``. Three
things remain that one engine spells differently, and :func:`for_engine` rewrites them from the
library's (Neo4j's) spelling for LadybugDB:

- a list comprehension over a path's nodes, ``[n IN nodes(path) | n.name]``, is
  ``list_transform(nodes(path), n -> n.name)``;
- a variable-length pattern ``-[:R*1..4]->`` walks in LadybugDB (an edge may repeat) and follows
  trails in Neo4j (it may not): LadybugDB is asked for ``* TRAIL 1..4``;
- ``type(r)`` is ``label(r)``;
- LadybugDB cannot ``ORDER BY`` a list: a list column that orders rows (``ORDER BY hops, chain``)
  is ordered by its elements joined with a separator below every printable character, which
  sorts as Neo4j sorts the list. A query names such columns with ``// ordered lists:`` and the
  library passes them here.

>>> for_engine("MATCH p = (a)-[:OUTPERFORMS*1..4]->(b) RETURN [n IN nodes(p) | n.name] AS chain", "ladybug")
'MATCH p = (a)-[:OUTPERFORMS* TRAIL 1..4]->(b) RETURN list_transform(nodes(p), n -> n.name) AS chain'
>>> for_engine("MATCH ()-[r]->() RETURN type(r) AS t", "ladybug")
'MATCH ()-[r]->() RETURN label(r) AS t'
>>> for_engine("MATCH (n) RETURN n", "neo4j")
'MATCH (n) RETURN n'
"""

from __future__ import annotations

import re

__all__ = ["ENGINES", "for_engine"]

ENGINES = ("neo4j", "ladybug")

_COMPREHENSION = re.compile(r"\[\s*([A-Za-z_]\w*)\s+IN\s+([^|\[\]]+?)\s*\|\s*([^\[\]]+?)\s*\]")
_VARIABLE_LENGTH = re.compile(r"(\[[^\]]*?:\s*[A-Z_]+)\s*\*\s*(\d+)\s*\.\.\s*(\d+)\s*\]")
_TYPE_CALL = re.compile(r"\btype\s*\(", re.IGNORECASE)


def for_engine(text: str, engine: str, ordered_lists: tuple[str, ...] = ()) -> str:
    r"""The library's query text as ``engine`` ("neo4j" or "ladybug") reads it.

    >>> print(for_engine("RETURN x AS chain ORDER BY hops, chain", "ladybug", ("chain",)))
    RETURN x AS chain ORDER BY hops, list_to_string('\u0001', chain)
    """
    if engine == "neo4j":
        return text
    if engine != "ladybug":
        raise ValueError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    text = _COMPREHENSION.sub(lambda m: f"list_transform({m.group(2)}, {m.group(1)} -> {m.group(3)})", text)
    text = _VARIABLE_LENGTH.sub(lambda m: f"{m.group(1)}* TRAIL {m.group(2)}..{m.group(3)}]", text)
    text = _TYPE_CALL.sub("label(", text)
    for column in ordered_lists:
        order = text.rfind("ORDER BY")
        if order >= 0:
            head, tail = text[:order], text[order:]
            replacement = f"list_to_string('\\u0001', {column})"
            tail = re.sub(rf"\b{re.escape(column)}\b", lambda _: replacement, tail, count=1)
            text = head + tail
    return text
