"""The graph folder's store: a LadybugDB database written in bulk and read with Cypher.

- :func:`write_graph` writes a whole :class:`~kg.model.Graph` (small graphs, ``kg pull``);
  ``kg build`` streams a corpus through :class:`StoreWriter` instead (see :mod:`kg.build`).
- :class:`Store` answers read-only Cypher; :func:`kg.store.mirror.load_mirror` builds the NetworkX
  mirror from it, whole or for a subgraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

from kg.store.schema import REL_TABLES, TABLES, decode_offsets
from kg.store.store import (
    FORMAT_VERSION, MANIFEST_FILE, STORE_FILE, Store, StoreError, StoreWriter, folder_lock, open_store, return_free_memory,
    store_exists,
)

__all__ = ["Store", "StoreWriter", "StoreError", "open_store", "store_exists", "write_graph", "read_graph",
           "folder_lock", "return_free_memory", "STORE_FILE", "MANIFEST_FILE", "FORMAT_VERSION"]

if TYPE_CHECKING:
    from kg.model import Graph

# The model (pydantic) is imported by the functions that need it, not here: a `kg query` on the
# store never builds a model object, and importing pydantic is a third of its start-up.


def write_graph(graph: Graph, folder: Union[str, Path], *, manifest: Optional[dict] = None) -> Path:
    """Write ``graph`` as the store of ``folder`` (replacing what was there, in one rename)."""
    from kg.store.derived import paper_rows, relation_rows, result_rows, write_derived

    folder = Path(folder)
    by_paper: dict[str, list] = {}
    for rel in graph.relations:
        by_paper.setdefault(rel.paper, []).append(rel)
    results_of: dict[str, list] = {}
    for result in graph.results:
        results_of.setdefault(result.paper, []).append(result)
    with folder_lock(folder), StoreWriter(folder) as writer:
        for paper in graph.papers:
            for table, row in paper_rows(paper):
                writer.add(table, row)
            for table, row in relation_rows(by_paper.pop(paper.id, []), paper):
                writer.add(table, row)
            for table, row in result_rows(results_of.get(paper.id, []), paper):
                writer.add(table, row)
        for orphans in by_paper.values():  # relations whose paper is not in the graph (none from a build)
            for rel in orphans:
                writer.add(rel.type.value, {"from": rel.source, "to": rel.target, **rel.model_dump(exclude={"source", "type", "target"})})
        write_derived(writer, graph.entities)
        return writer.commit({"counts": graph.counts(), **(manifest or {})})


_RELATION_FIELDS = [name for name, _ in TABLES["OUTPERFORMS"].columns]


def read_graph(store: Store) -> Graph:
    """The whole graph of a store as the pydantic model (for comparisons and small graphs)."""
    from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType
    from kg.store.mirror import read_results

    papers = [Paper(**{k[2:]: v for k, v in row.items() if k != "p.code_url"})
              for row in store.rows("MATCH (p:Paper) RETURN p.* ORDER BY p.id")]
    entities = [Entity(id=r["id"], label=NodeLabel(r["label"]), name=r["name"], aliases=r["aliases"] or [])
                for r in store.rows("MATCH (e:Entity) RETURN e.id AS id, e.label AS label, e.name AS name, "
                                    "e.aliases AS aliases ORDER BY e.id")]
    relations = []
    for table in REL_TABLES:
        if table.derived or table.source == "Result" or table.target == "Result":
            continue
        fields = ", ".join(f"r.`{name}` AS `{name}`" for name in table.own_column_names)
        text = f"MATCH (a:{table.source})-[r:{table.name}]->(b:{table.target}) RETURN a.id AS source, b.id AS target, {fields}"
        for row in store.rows(text):
            values = {k: v for k, v in decode_offsets(row).items() if v is not None and k not in ("source", "target")}
            relations.append(Relation(source=row["source"], target=row["target"], type=RelType(table.name), **values))
    return Graph(papers=papers, entities=entities, relations=relations, results=read_results(store))
