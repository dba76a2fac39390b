"""The loader against a real Neo4j server."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

import kg.loader
from kg.build import build
from kg.cli import cli
from kg.config import Neo4jSettings
from kg.errors import Neo4jConnectionError
from kg.loader import database_counts, load_graph, pull_graph
from kg.mirror import graph_counts, load_mirror, to_networkx

pytestmark = pytest.mark.integration


def test_loader_creates_constraints_and_fulltext_index(empty_db, neo4j_settings, sample_build):
    load_graph(sample_build.graph, neo4j_settings)
    records, _, _ = empty_db.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names",
                                           database_=neo4j_settings.database)
    assert {"paper_id", "entity_id"} <= set(records[0]["names"])
    records, _, _ = empty_db.execute_query("SHOW INDEXES YIELD name, type RETURN name, type",
                                           database_=neo4j_settings.database)
    assert ("entity_names", "FULLTEXT") in {(r["name"], r["type"]) for r in records}


def test_loader_counts_match_the_mirror_and_a_double_load_changes_nothing(empty_db, neo4j_settings, sample_build):
    expected = sample_build.graph.counts()
    load_graph(sample_build.graph, neo4j_settings)
    first = database_counts(empty_db, neo4j_settings.database)
    assert first == {"nodes": dict(sorted(expected["nodes"].items())),
                     "relationships": dict(sorted(expected["relationships"].items()))}
    load_graph(sample_build.graph, neo4j_settings, batch_size=37)
    assert database_counts(empty_db, neo4j_settings.database) == first


def test_loader_interrupted_load_recovers_exactly(empty_db, neo4j_settings, sample_build, monkeypatch):
    full = sample_build.graph
    original = kg.loader._run
    calls = {"n": 0}

    def dying_run(driver, name, database, **params):
        if name.startswith(("upsert_", "merge_")):
            calls["n"] += 1
            if calls["n"] == 12:
                raise KeyboardInterrupt("killed midway")
        return original(driver, name, database, **params)

    monkeypatch.setattr(kg.loader, "_run", dying_run)
    with pytest.raises(KeyboardInterrupt):
        load_graph(full, neo4j_settings, batch_size=50)
    partial = database_counts(empty_db, neo4j_settings.database)
    assert partial["relationships"] != full.counts()["relationships"]
    monkeypatch.setattr(kg.loader, "_run", original)
    load_graph(full, neo4j_settings, batch_size=50)
    uninterrupted = to_networkx(full)
    assert database_counts(empty_db, neo4j_settings.database) == graph_counts(uninterrupted)


def test_loader_round_trip_equals_the_local_mirror(empty_db, neo4j_settings, sample_build):
    load_graph(sample_build.graph, neo4j_settings)
    pulled = to_networkx(pull_graph(neo4j_settings))
    local = load_mirror(sample_build.mirror_path.parent)
    assert nx.utils.graphs_equal(pulled, local)


def test_loader_new_listing_adds_only_what_is_new(empty_db, neo4j_settings, sample_dir, tmp_path):
    files = sorted(sample_dir.iterdir())
    whole = build(files, out=tmp_path / "all")
    part = build(files[:2], out=tmp_path / "part")
    load_graph(part.graph, neo4j_settings)
    load_graph(whole.graph, neo4j_settings)
    counts = database_counts(empty_db, neo4j_settings.database)
    assert counts["nodes"]["Paper"] == whole.graph.counts()["nodes"]["Paper"]


def test_loader_cli_build_with_neo4j(empty_db, neo4j_settings, sample_dir, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(sample_dir), "--out", str(tmp_path / "d"), "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 0, result.output
    assert database_counts(empty_db, neo4j_settings.database)["nodes"]["Paper"] == 310


@pytest.mark.parametrize(
    "change, message",
    [
        ({"password": "not-the-password"}, "refused user 'neo4j'"),
        ({"uri": "bolt://127.0.0.1:1"}, "cannot reach Neo4j"),
        ({"database": "nosuchdb"}, "database 'nosuchdb' does not exist"),
    ],
)
def test_loader_bad_connection_is_one_line_and_exit_1(neo4j_settings, sample_build, change, message):
    args = {"uri": neo4j_settings.uri, "user": neo4j_settings.user,
            "password": neo4j_settings.password.get_secret_value(), "database": neo4j_settings.database, **change}
    with pytest.raises(Neo4jConnectionError, match=message):
        load_graph(sample_build.graph, Neo4jSettings.resolve(**args))
    result = CliRunner().invoke(cli, ["load", "--data", str(sample_build.mirror_path.parent), "--neo4j", args["uri"],
                                      "--password", args["password"], "--database", args["database"]])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and message in result.output
    assert "Traceback" not in result.output
