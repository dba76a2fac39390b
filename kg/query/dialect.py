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
- ``v.key IS NOT NULL`` on a node's primary key in the store is always true there, and only
  turns LadybugDB's plan for the worse; Neo4j's planner needs it to read the key's index in order
  (and stop once the first rows of an ``ORDER BY`` on the key are found). It is dropped for
  LadybugDB when joined by ``AND`` or the whole ``WHERE``;
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
_NODE_LABEL = re.compile(r"\(\s*([A-Za-z_]\w*)\s*:\s*([A-Za-z_]\w*)")
_EXISTENCE = re.compile(r"\bIS\s+NOT\s+NULL\b", re.IGNORECASE)
_CLAUSE_END = r"(?=\s*(?:$|\b(?:MATCH|OPTIONAL|WITH|RETURN|UNWIND|ORDER|CALL)\b))"


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
    text = _without_key_existence(text)
    for column in ordered_lists:
        order = text.rfind("ORDER BY")
        if order >= 0:
            head, tail = text[:order], text[order:]
            replacement = f"list_to_string('\\u0001', {column})"
            tail = re.sub(rf"\b{re.escape(column)}\b", lambda _: replacement, tail, count=1)
            text = head + tail
    return text


def _without_key_existence(text: str) -> str:
    """``text`` without ``v.key IS NOT NULL`` where ``key`` is the store's primary key of ``v``'s
    label (true of every node there), when removing it cannot change the filter: a conjunct, or
    the whole ``WHERE``.

    >>> _without_key_existence("MATCH (m:Month) WHERE m.month IS NOT NULL AND m.x > 1 RETURN m")
    'MATCH (m:Month) WHERE m.x > 1 RETURN m'
    >>> _without_key_existence("MATCH (m:Month) WHERE m.month IS NOT NULL OR m.x > 1 RETURN m")
    'MATCH (m:Month) WHERE m.month IS NOT NULL OR m.x > 1 RETURN m'
    """
    if not _EXISTENCE.search(text):
        return text
    from kg.store.schema import NODE_TABLES

    keys = {table.name: table.key for table in NODE_TABLES}
    for variable, label in dict(_NODE_LABEL.findall(text)).items():
        if label not in keys:
            continue
        predicate = rf"\b{re.escape(variable)}\.`?{re.escape(keys[label])}`?\s+IS\s+NOT\s+NULL\b"
        text = re.sub(rf"\bWHERE\s+{predicate}\s+AND\s+", "WHERE ", text, flags=re.IGNORECASE)
        text = re.sub(rf"\s+AND\s+{predicate}", "", text, flags=re.IGNORECASE)
        text = re.sub(rf"\s*\bWHERE\s+{predicate}{_CLAUSE_END}", "", text, flags=re.IGNORECASE)
    return text
