"""The NetworkX mirror of the graph: the analysis surface, built from the store.

Nodes are keyed by model id with a ``label`` attribute and the model's properties; edges
carry ``type`` and the relation's properties, keyed by :attr:`kg.model.Relation.key` so that
two papers claiming the same OUTPERFORMS give two edges. :func:`load_mirror` reads the whole
graph or a subgraph (a benchmark's neighbourhood, a time window) from the store, so analysis of a
large graph need not hold all of it. Exported as node-link JSON, GraphML (Gephi, Cytoscape) and
CSV.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Optional, Union

import networkx as nx

from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType, Result, paper_authors
from kg.store.schema import TABLES, decode_offsets

__all__ = [
    "to_networkx",
    "from_networkx",
    "load_mirror",
    "mirror_of_store",
    "export_node_link",
    "export_graphml",
    "export_csv",
    "graph_counts",
]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The graph as an ``nx.MultiDiGraph``.

    >>> g = Graph(papers=[Paper(id="p", title="T", abstract="A")])
    >>> to_networkx(g).nodes["p"]["label"]
    'Paper'
    """
    G = nx.MultiDiGraph()
    for paper in graph.papers:
        G.add_node(paper.id, label=NodeLabel.PAPER.value, **paper.properties())
        _add_authors(G, paper.id, paper.authors)
    for entity in graph.entities:
        G.add_node(entity.id, label=entity.label.value, **entity.properties())
    for rel in graph.relations:
        G.add_edge(rel.source, rel.target, key=rel.key, type=rel.type.value, **rel.properties())
    for result in graph.results:
        _add_result(G, result)
    return G


def _add_authors(G: nx.MultiDiGraph, paper: str, authors) -> None:
    """Author nodes and their WROTE edges (the store derives the same from the author lists)."""
    for aid, name, position in paper_authors(authors):
        if aid not in G:
            G.add_node(aid, label="Author", name=name)
        G.add_edge(aid, paper, key=f"WROTE:{paper}", type="WROTE", position=position)


_RESULT_LINKS = (("REPORTS", "paper", False), ("ON_BENCHMARK", "benchmark", True), ("BY_METHOD", "method", True),
                 ("MEASURED_BY", "metric", True))


def _add_result(G: nx.MultiDiGraph, result: Result) -> None:
    """A result node and its links: paper -[REPORTS]-> result -[ON_BENCHMARK|BY_METHOD|MEASURED_BY]-> entity."""
    G.add_node(result.id, label="Result", **result.properties())
    for kind, field, outgoing in _RESULT_LINKS:
        other = getattr(result, field)
        if other is not None:
            source, target = (result.id, other) if outgoing else (other, result.id)
            G.add_edge(source, target, key=kind, type=kind)


def from_networkx(G: nx.MultiDiGraph) -> Graph:
    """Rebuild the typed Graph from a mirror (validates it against the schema)."""
    papers, entities, relations, results = [], [], [], []
    links = {kind for kind, _, _ in _RESULT_LINKS}
    for node, data in G.nodes(data=True):
        props = {k: v for k, v in data.items() if k != "label"}
        if data["label"] == NodeLabel.PAPER.value:
            papers.append(Paper(id=node, **props))
        elif data["label"] == "Author":
            continue  # derived from the papers' author lists
        elif data["label"] == "Result":
            ends = {kind: t for _, t, kind in G.out_edges(node, keys=True)}
            results.append(Result(id=node, method=ends.get("BY_METHOD"), benchmark=ends["ON_BENCHMARK"],
                                  metric=ends.get("MEASURED_BY"), **props))
        else:
            entities.append(Entity(id=node, label=NodeLabel(data["label"]), **props))
    for source, target, data in G.edges(data=True):
        if data["type"] in links or data["type"] == "WROTE":
            continue
        props = {k: v for k, v in data.items() if k != "type"}
        relations.append(Relation(source=source, target=target, type=RelType(data["type"]), **props))
    return Graph(papers=papers, entities=entities, relations=relations, results=results)


def load_mirror(folder: Union[str, Path], *, benchmark: Optional[str] = None, since: Optional[str] = None,
                until: Optional[str] = None) -> nx.MultiDiGraph:
    """The mirror of the graph in ``folder``, whole or for a subgraph.

    Parameters
    ----------
    benchmark : a dataset or benchmark (any name or alias, any case): only the papers that report
        results on it, with every node and relationship they bring.
    since, until : months ("2023-01"), inclusive: only the papers of that window (papers without a
        dated listing are left out of a window).

    Raises
    ------
    MirrorNotFoundError : no graph in ``folder``.
    """
    from kg.store import Store

    with Store(folder) as store:
        return mirror_of_store(store, benchmark=benchmark, since=since, until=until)


def read_results(store, where: str = "", params: Optional[dict] = None) -> list[Result]:
    """The store's results as the model has them (a result's own columns, not its paper's that
    it copies), those of the papers ``p`` that ``where`` keeps."""
    fields = ", ".join(f"r.`{name}` AS `{name}`" for name in TABLES["Result"].own_column_names)
    text = (f"MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_BENCHMARK]->(b:Entity) {where} "
            "OPTIONAL MATCH (r)-[:BY_METHOD]->(m:Entity) OPTIONAL MATCH (r)-[:MEASURED_BY]->(x:Entity) "
            f"RETURN {fields}, b.id AS benchmark, m.id AS method, x.id AS metric ORDER BY r.id")  # joins run in parallel
    return [Result(**{k: v for k, v in row.items() if v is not None or k in ("method", "metric")})
            for row in store.rows(text, params or {})]


def mirror_of_store(store, *, benchmark: Optional[str] = None, since: Optional[str] = None,
                    until: Optional[str] = None) -> nx.MultiDiGraph:
    from kg.store.schema import REL_TABLES

    whole = benchmark is None and since is None and until is None
    papers = {} if whole else {"ids": _paper_ids(store, benchmark=benchmark, since=since, until=until)}
    where = "" if whole else "WHERE p.id IN $ids"
    G = nx.MultiDiGraph()
    for row in store.rows(f"MATCH (p:Paper) {where} RETURN p.*", papers):
        props = {k[2:]: v for k, v in row.items() if k not in ("p.id", "p.code_url")}
        G.add_node(row["p.id"], label=NodeLabel.PAPER.value, **props)
        _add_authors(G, row["p.id"], props.get("authors") or ())
    relations = []
    for table in REL_TABLES:
        if table.derived or "Result" in (table.source, table.target):
            continue
        fields = ", ".join(f"r.`{name}` AS `{name}`" for name in table.own_column_names)
        rel_where = "" if whole else ("WHERE p.id IN $ids" if table.source == "Paper" else "WHERE r.paper IN $ids")
        text = f"MATCH (p:{table.source})-[r:{table.name}]->(e:{table.target}) {rel_where} RETURN p.id AS source, e.id AS target, {fields}"
        relations.extend((table.name, row) for row in store.rows(text, papers))
    results = read_results(store, where, papers)
    wanted = {row["target"] for _, row in relations} | {row["source"] for name, row in relations if name == "OUTPERFORMS"}
    wanted |= {e for r in results for e in (r.benchmark, r.method, r.metric) if e}
    entity_where = "" if whole else "WHERE e.id IN $entities"
    for row in store.rows(f"MATCH (e:Entity) {entity_where} RETURN e.id AS id, e.label AS label, e.name AS name, "
                          "e.aliases AS aliases", None if whole else {"entities": sorted(wanted)}):
        G.add_node(row["id"], label=row["label"], name=row["name"], aliases=row["aliases"] or [])
    for name, row in relations:
        props = {k: v for k, v in decode_offsets(row).items() if k not in ("source", "target")}
        if name != "OUTPERFORMS":
            props.pop("benchmark", None)
            props.pop("metric", None)
        G.add_edge(row["source"], row["target"], key=f"{name}@{row['paper']}", type=name,
                   **Relation(source=row["source"], target=row["target"], type=RelType(name), **props).properties())
    for result in results:
        _add_result(G, result)
    return G


def _paper_ids(store, *, benchmark: Optional[str], since: Optional[str], until: Optional[str]) -> list[str]:
    params: dict = {}
    if benchmark is not None:
        text = ("MATCH (:NameKey {key: toLower($benchmark)})-[:NAMES]->(b:Entity)<-[:EVALUATED_ON]-(p:Paper) "
                "RETURN DISTINCT p.id AS id, p.month AS month")
        params["benchmark"] = benchmark
    else:
        text = "MATCH (p:Paper) WHERE p.month IS NOT NULL RETURN p.id AS id, p.month AS month"
    ids = []
    for row in store.rows(text, params):
        month = row["month"]
        if since is not None and (month is None or month < since):
            continue
        if until is not None and (month is None or month > until):
            continue
        ids.append(row["id"])
    return sorted(ids)


def export_node_link(G: nx.MultiDiGraph, path: Union[str, Path]) -> Path:
    """Node-link JSON (what ``nx.node_link_graph`` reads back), written atomically."""
    path = Path(path)
    data = nx.node_link_data(G, edges="edges")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
    return path


def _flat(value):
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def export_graphml(G: nx.MultiDiGraph, path: Union[str, Path]) -> Path:
    """GraphML for Gephi or Cytoscape; list properties become JSON strings, None is dropped."""
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for source, target, key, data in G.edges(keys=True, data=True):
        H.add_edge(source, target, key=key, **{k: _flat(v) for k, v in data.items() if v is not None})
    nx.write_graphml(H, path)
    return Path(path)


def export_csv(G: nx.MultiDiGraph, folder: Union[str, Path]) -> tuple[Path, Path]:
    """``nodes.csv`` and ``relationships.csv`` (list properties as JSON strings)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    node_fields = sorted({k for _, d in G.nodes(data=True) for k in d})
    edge_fields = sorted({k for *_, d in G.edges(data=True) for k in d})
    nodes_path, rels_path = folder / "nodes.csv", folder / "relationships.csv"
    with nodes_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", *node_fields])
        for node, data in G.nodes(data=True):
            writer.writerow([node, *(_flat(data.get(k)) for k in node_fields)])
    with rels_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "target", "key", *edge_fields])
        for source, target, key, data in G.edges(keys=True, data=True):
            writer.writerow([source, target, key, *(_flat(data.get(k)) for k in edge_fields)])
    return nodes_path, rels_path


def graph_counts(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """``{"nodes": {label: n}, "relationships": {type: n}}``, sorted by name."""
    nodes: dict[str, int] = {}
    for _, label in G.nodes(data="label"):
        nodes[label] = nodes.get(label, 0) + 1
    rels: dict[str, int] = {}
    for *_, rtype in G.edges(data="type"):
        rels[rtype] = rels.get(rtype, 0) + 1
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
