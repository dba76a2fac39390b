"""The NetworkX mirror of the graph: build, save, load, export.

Nodes are keyed by model id with a ``label`` attribute and the model's properties; edges
carry ``type`` and the relation's properties, keyed by :attr:`kg.model.Relation.key` so that
two papers claiming the same OUTPERFORMS give two edges. Saved as node-link JSON (lossless),
exported to GraphML (Gephi, Cytoscape) and CSV.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Union

import networkx as nx

from kg.errors import MirrorNotFoundError
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType

__all__ = [
    "MIRROR_FILE",
    "to_networkx",
    "from_networkx",
    "save_mirror",
    "load_mirror",
    "export_graphml",
    "export_csv",
    "graph_counts",
]

MIRROR_FILE = "graph.json"


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The graph as an ``nx.MultiDiGraph``.

    >>> g = Graph(papers=[Paper(id="p", title="T", abstract="A")])
    >>> to_networkx(g).nodes["p"]["label"]
    'Paper'
    """
    G = nx.MultiDiGraph()
    for paper in graph.papers:
        G.add_node(paper.id, label=NodeLabel.PAPER.value, **paper.properties())
    for entity in graph.entities:
        G.add_node(entity.id, label=entity.label.value, **entity.properties())
    for rel in graph.relations:
        G.add_edge(rel.source, rel.target, key=rel.key, type=rel.type.value, **rel.properties())
    return G


def from_networkx(G: nx.MultiDiGraph) -> Graph:
    """Rebuild the typed Graph from a mirror (validates it against the schema)."""
    papers, entities, relations = [], [], []
    for node, data in G.nodes(data=True):
        props = {k: v for k, v in data.items() if k != "label"}
        if data["label"] == NodeLabel.PAPER.value:
            papers.append(Paper(id=node, **props))
        else:
            entities.append(Entity(id=node, label=NodeLabel(data["label"]), **props))
    for source, target, data in G.edges(data=True):
        props = {k: v for k, v in data.items() if k != "type"}
        relations.append(Relation(source=source, target=target, type=RelType(data["type"]), **props))
    return Graph(papers=papers, entities=entities, relations=relations)


def save_mirror(G: nx.MultiDiGraph, folder: Union[str, Path]) -> Path:
    """Write the mirror as node-link JSON into ``folder``; returns the file path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MIRROR_FILE
    data = nx.node_link_data(G, edges="edges")
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)  # never leave a half-written mirror behind
    return path


def load_mirror(folder: Union[str, Path]) -> nx.MultiDiGraph:
    """Read the mirror saved by :func:`save_mirror`.

    Raises
    ------
    MirrorNotFoundError : no mirror in ``folder``.
    """
    path = Path(folder) / MIRROR_FILE
    if not path.is_file():
        raise MirrorNotFoundError(f"no graph in {folder}: run `kg build SOURCE --out {folder}` first")
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


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
