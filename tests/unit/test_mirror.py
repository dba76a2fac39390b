from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import MirrorNotFoundError, SchemaError
from kg.mirror import export_csv, export_graphml, from_networkx, graph_counts, load_mirror, save_mirror, to_networkx
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType


def small_graph() -> Graph:
    return Graph(
        papers=[Paper(id="arxiv:1", title="T", abstract="We propose MHR.", urls=["https://github.com/a/b"], sources=["f:1"])],
        entities=[
            Entity(id="method:mhr", label=NodeLabel.METHOD, name="Multi-Head Routing", aliases=["MHR"]),
            Entity(id="method:poly", label=NodeLabel.METHOD, name="Poly"),
            Entity(id="benchmark:superni", label=NodeLabel.BENCHMARK, name="SuperNI"),
        ],
        relations=[
            Relation(source="arxiv:1", type=RelType.PROPOSES, target="method:mhr", paper="arxiv:1", evidence="We propose MHR.", end=15),
            Relation(source="arxiv:1", type=RelType.EVALUATED_ON, target="benchmark:superni", paper="arxiv:1"),
            Relation(source="method:mhr", type=RelType.OUTPERFORMS, target="method:poly", paper="arxiv:1", benchmark="benchmark:superni"),
        ],
    )


def test_mirror_round_trip_is_lossless(tmp_path):
    G = to_networkx(small_graph())
    save_mirror(G, tmp_path)
    H = load_mirror(tmp_path)
    assert nx.utils.graphs_equal(G, H)
    assert from_networkx(H) == small_graph()


def test_mirror_counts():
    assert graph_counts(to_networkx(small_graph())) == {
        "nodes": {"Benchmark": 1, "Method": 2, "Paper": 1},
        "relationships": {"EVALUATED_ON": 1, "OUTPERFORMS": 1, "PROPOSES": 1},
    }


def test_mirror_graphml_is_readable_by_networkx(tmp_path):
    path = export_graphml(to_networkx(small_graph()), tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert H.number_of_nodes() == 4 and H.number_of_edges() == 3
    assert H.nodes["method:mhr"]["aliases"] == '["MHR"]'


def test_mirror_csv(tmp_path):
    nodes, rels = export_csv(to_networkx(small_graph()), tmp_path)
    assert len(nodes.read_text().splitlines()) == 5
    assert len(rels.read_text().splitlines()) == 4


def test_mirror_missing_folder_says_what_to_do(tmp_path):
    with pytest.raises(MirrorNotFoundError, match="kg build"):
        load_mirror(tmp_path)


def test_model_rejects_relations_outside_the_schema():
    with pytest.raises(SchemaError):
        Graph(
            papers=[Paper(id="p", title="T", abstract="A")],
            entities=[Entity(id="m", label=NodeLabel.METHOD, name="M")],
            relations=[Relation(source="p", type=RelType.EVALUATED_ON, target="m", paper="p")],
        )
    with pytest.raises(SchemaError):
        Graph(papers=[Paper(id="p", title="T", abstract="A")],
              relations=[Relation(source="p", type=RelType.USES, target="missing", paper="p")])


def test_mirror_of_the_sample_build_round_trips(sample_build):
    G = load_mirror(sample_build.mirror_path.parent)
    assert from_networkx(G).counts() == sample_build.graph.counts()
