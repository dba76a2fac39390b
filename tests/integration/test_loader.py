"""The loader against a real Neo4j server."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg.loader
from kg.build import build
from kg.cli import cli
from kg.config import Neo4jSettings
from kg.errors import Neo4jConnectionError
from kg.loader import database_counts, load_store, pull_graph
from kg.store import Store, read_graph


def _load(folder, settings, **options):
    with Store(folder) as store:
        return load_store(store, settings, **options)


def _graph(folder):
    with Store(folder) as store:
        return read_graph(store)


def _sorted(graph):
    key = lambda item: item.model_dump_json()  # noqa: E731
    return tuple(sorted(map(key, part)) for part in (graph.papers, graph.entities, graph.relations, graph.results))

pytestmark = pytest.mark.integration


def test_loader_creates_constraints_and_fulltext_index(empty_db, neo4j_settings, sample_build):
    _load(sample_build.folder, neo4j_settings)
    records, _, _ = empty_db.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names",
                                           database_=neo4j_settings.database)
    assert {"paper_id", "entity_id", "name_key", "paper_key"} <= set(records[0]["names"])
    records, _, _ = empty_db.execute_query("SHOW INDEXES YIELD name, type RETURN name, type",
                                           database_=neo4j_settings.database)
    assert ("entity_names", "FULLTEXT") in {(r["name"], r["type"]) for r in records}


def test_loader_counts_match_the_store_and_a_double_load_changes_nothing(empty_db, neo4j_settings, sample_build):
    expected = sample_build.counts
    _load(sample_build.folder, neo4j_settings)
    first = database_counts(empty_db, neo4j_settings.database)
    assert first == expected
    _load(sample_build.folder, neo4j_settings, batch_size=37)
    assert database_counts(empty_db, neo4j_settings.database) == first


def test_loader_interrupted_load_recovers_exactly(empty_db, neo4j_settings, sample_build, monkeypatch):
    original = kg.loader._BatchWriter._send
    calls = {"n": 0}

    def dying_write(self, table_name, text, rows):
        calls["n"] += 1
        if calls["n"] == 12:
            raise KeyboardInterrupt("killed midway")
        return original(self, table_name, text, rows)

    monkeypatch.setattr(kg.loader._BatchWriter, "_send", dying_write)
    with pytest.raises(KeyboardInterrupt):
        _load(sample_build.folder, neo4j_settings, batch_size=50)
    partial = database_counts(empty_db, neo4j_settings.database)
    assert partial != sample_build.counts
    monkeypatch.setattr(kg.loader._BatchWriter, "_send", original)
    _load(sample_build.folder, neo4j_settings, batch_size=50)
    assert database_counts(empty_db, neo4j_settings.database) == sample_build.counts


def test_loader_round_trip_equals_the_store(empty_db, neo4j_settings, sample_build):
    _load(sample_build.folder, neo4j_settings)
    stored = _graph(sample_build.folder)
    assert stored.results, "the sample should yield some results"
    assert _sorted(pull_graph(neo4j_settings)) == _sorted(stored)


def test_loader_neo4j_follows_the_store_exactly(empty_db, neo4j_settings, sample_dir, tmp_path):
    """Load the whole sample, then a graph of two of its pages: the server must hold exactly the
    smaller graph (papers, entities and facts the second graph lacks are removed)."""
    files = sorted(sample_dir.iterdir())
    build(files, out=tmp_path / "all")
    build(files[:2], out=tmp_path / "part")
    _load(tmp_path / "all", neo4j_settings)
    _load(tmp_path / "part", neo4j_settings)
    assert _sorted(pull_graph(neo4j_settings)) == _sorted(_graph(tmp_path / "part"))
    with Store(tmp_path / "part") as store:
        assert database_counts(empty_db, neo4j_settings.database) == store.counts()


def test_loader_cli_build_with_neo4j(empty_db, neo4j_settings, sample_dir, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(sample_dir), "--data", str(tmp_path / "d"), "--neo4j", neo4j_settings.uri,
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
        _load(sample_build.folder, Neo4jSettings.resolve(**args))
    result = CliRunner().invoke(cli, ["load", "--data", str(sample_build.folder), "--neo4j", args["uri"],
                                      "--password", args["password"], "--database", args["database"]])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and message in result.output
    assert "Traceback" not in result.output


def test_loader_update_day_by_day_then_pull_equals_the_store_and_queries_agree(empty_db, neo4j_settings, tmp_path):
    """Build day 1, load; update with day 2 (a paper whose new text drops a comparison and a score,
    and a new paper), load through ``kg build --update --neo4j``: the server holds exactly the
    folder's graph, and every named query answers the same on both."""
    from pathlib import Path

    from kg.query import Neo4jEngine, StoreEngine, library_queries, run_named_query

    update = Path(__file__).resolve().parent.parent / "fixtures" / "update"
    folder = tmp_path / "kg-data"
    build([update / "day1.jsonl"], out=folder)
    _load(folder, neo4j_settings)
    result = CliRunner().invoke(cli, ["build", str(update / "day2.jsonl"), "--data", str(folder), "--update",
                                      "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 0, result.output
    assert "updated: 2 papers extracted" in result.stdout
    assert "changed rows into" in result.stdout and "Neo4j now holds what" in result.stdout  # a delta load
    pulled = pull_graph(neo4j_settings)
    assert _sorted(pulled) == _sorted(_graph(folder))
    assert not [r for r in pulled.relations if r.type.value == "OUTPERFORMS" and r.target.endswith("bert")]
    params = {"papers_on_benchmark": {"benchmark": "COCO"}, "paper_proposals": {"paper": "DetNet: One-Stage Detection"},
              "methods_outperforming": {"method": "RetinaNet"}, "outperforms_chains": {"method": "DetNet"},
              "papers_sharing_benchmarks": {"paper": "ZetaNet: Routing Adapters for Cross-Task Generalization"},
              "methods_on_both": {"a": "GSM8K", "b": "MATH"}, "entity_lookup": {"name": "ZetaNet"},
              "entities_mentioned_once": {"label": "Benchmark"}, "leaderboard": {"benchmark": "COCO"},
              "method_results": {"method": "DetNet"}, "benchmark_metrics": {"benchmark": "GSM8K"},
              "author_papers": {"author": "alan  TURING"}, "coauthors": {"author": "Ada Lovelace"}}
    with Neo4jEngine(neo4j_settings) as online, StoreEngine(folder) as offline:
        for query in library_queries():
            given = params.get(query.name, {})
            answer = run_named_query(query.name, given, online)
            assert answer == run_named_query(query.name, given, offline), query.name
            if query.name in ("author_papers", "coauthors", "prolific_authors"):
                assert answer[1], query.name
    assert [row["coauthor"] for row in answer_of("coauthors", {"author": "ada lovelace"}, folder)] == ["Alan Turing"]


def test_loader_sends_only_the_changes_after_an_update_and_everything_when_it_cannot(empty_db, neo4j_settings,
                                                                                     sample_dir, tmp_path):
    """The sample in two days: the load after the update sends the changes only, and the server
    then holds exactly the folder's graph (counts, pull, every entity counter and derived table).
    Two updates without a load in between: the next load writes everything (the server holds
    neither the folder's build nor the one its last update started from)."""
    files = sorted(sample_dir.iterdir())
    folder = tmp_path / "kg-data"
    build(files[:3], out=folder)
    plans = []

    def load(**options):
        with Store(folder) as store:
            sent = load_store(store, neo4j_settings, on_plan=lambda kind, rows: plans.append((kind, rows)), **options)
            return sent, store.counts(), sum(store.manifest["rows"].values())

    load()
    build(files[3:], out=folder, mode="update")
    sent, counts, total = load()
    assert plans[-1][0] == "delta" and sum(sent.values()) == plans[-1][1] < total / 2
    assert database_counts(empty_db, neo4j_settings.database) == counts
    assert _sorted(pull_graph(neo4j_settings)) == _sorted(_graph(folder))
    assert derived_rows(empty_db, neo4j_settings) == derived_rows_of(folder)

    sent, _, _ = load()
    assert plans[-1] == ("none", 0) and not sent

    changed = tmp_path / "changed.jsonl"
    changed.write_text('{"id": "x1", "title": "A New Paper", "abstract": "We propose FooNet. FooNet outperforms BERT on GLUE."}\n')
    build([changed], out=folder, mode="update")
    changed.write_text('{"id": "x2", "title": "Another Paper", "abstract": "We evaluate BERT on SQuAD."}\n')
    build([changed], out=folder, mode="update")
    sent, counts, total = load()
    assert plans[-1][0] == "all" and sum(sent.values()) == total
    assert database_counts(empty_db, neo4j_settings.database) == counts
    assert derived_rows(empty_db, neo4j_settings) == derived_rows_of(folder)


def test_loader_reads_a_folder_without_its_tables_from_the_store_and_says_when_nothing_changed(
        empty_db, neo4j_settings, sample_build, tmp_path):
    """A folder of an earlier version has no Parquet snapshot: the load reads the store instead and
    gives the same graph. Loading the same build again (the original folder) sends nothing and
    says so; --full sends every row."""
    import shutil

    folder = tmp_path / "older"
    shutil.copytree(sample_build.folder, folder)
    shutil.rmtree(folder / "tables")
    _load(folder, neo4j_settings)
    assert database_counts(empty_db, neo4j_settings.database) == sample_build.counts
    assert _sorted(pull_graph(neo4j_settings)) == _sorted(_graph(sample_build.folder))
    args = ["load", "--data", str(sample_build.folder), "--neo4j", neo4j_settings.uri,
            "--password", neo4j_settings.password.get_secret_value()]
    again = CliRunner().invoke(cli, args)  # (the copy is the same build as the original)
    assert again.exit_code == 0 and "already holds this build" in again.stdout
    full = CliRunner().invoke(cli, [*args, "--full"])
    rows = json.loads((sample_build.folder / "manifest.json").read_text())["rows"]
    assert full.exit_code == 0 and f"loaded {sum(rows.values())} rows" in full.stdout
    assert database_counts(empty_db, neo4j_settings.database) == sample_build.counts


_DERIVED = ("MATCH (e:Entity) RETURN 'E' AS t, e.id AS a, e.name AS b, [e.papers, e.evaluated_in, e.proposed_in, e.wins] AS c",
            "MATCH (a:Entity)-[r:CO_USED]->(b) RETURN 'C' AS t, a.id AS a, b.id AS b, [r.papers] AS c",
            "MATCH (a:Entity)-[r:USED_IN]->(m) RETURN 'U' AS t, a.id AS a, m.month AS b, [r.papers, r.ahead] AS c",
            "MATCH (a:Entity)-[r:EVALUATED_ON_TOP]->(p) RETURN 'T' AS t, a.id AS a, p.id AS b, [r.evidence] AS c",
            "MATCH (a:Entity)-[r:OUTPERFORMS_TOP]->(b) RETURN 'O' AS t, a.id AS a, b.id AS b, [r.paper, r.title, r.benchmark] AS c",
            "MATCH (a:Entity)-[r:LEADERBOARD_TOP]->(p) RETURN 'L' AS t, a.id AS a, p.id AS b, [r.result, r.metric, r.method, r.value_text, r.title] AS c",
            "MATCH (a:Entity)-[r:METHOD_RESULTS_TOP]->(p) RETURN 'M' AS t, a.id AS a, p.id AS b, [r.result, r.benchmark, r.metric, r.title] AS c",
            "MATCH (k:NameKey)-[:EVALUATED_BY]->(p) RETURN 'B' AS t, k.key AS a, p.id AS b, [] AS c",
            "MATCH (k:Ranked)-[:RANKS]->(e) RETURN 'R' AS t, k.id AS a, e.id AS b, [k.rank] AS c",
            "MATCH (k:NameKey)-[:NAMES]->(e) RETURN 'N' AS t, k.key AS a, e.id AS b, [] AS c",
            "MATCH (a:Author) RETURN 'A' AS t, a.id AS a, a.name AS b, [a.papers] AS c",
            "MATCH (p:PaperCode) RETURN 'P' AS t, p.paper AS a, p.title AS b, [p.rank] AS c",
            "MATCH (p:ProlificAuthor) RETURN 'W' AS t, p.author AS a, p.name AS b, [p.rank, p.papers] AS c")


def derived_rows(driver, settings) -> list:
    rows = []
    for text in _DERIVED:
        rows += [tuple(map(str, r.values())) for r in driver.execute_query(text, database_=settings.database).records]
    return sorted(rows)


def derived_rows_of(folder) -> list:
    rows = []
    with Store(folder) as store:
        for text in _DERIVED:
            rows += [tuple(map(str, r.values())) for r in store.query(text)[1]]
    return sorted(rows)


def answer_of(name, params, folder):
    from kg.query import StoreEngine, run_named_query

    with StoreEngine(folder) as engine:
        return run_named_query(name, params, engine)[1]


def test_loader_server_lost_mid_load_is_one_line_and_a_rerun_finishes(empty_db, neo4j_settings, sample_build, monkeypatch):
    from neo4j.exceptions import ServiceUnavailable

    from kg.errors import LoadError

    real_write, calls = kg.loader._BatchWriter._send, []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ServiceUnavailable("Failed to read from defunct connection")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(kg.loader._BatchWriter, "_send", dying)
    with pytest.raises(LoadError, match=r"stopped answering during the load .*run kg load again to finish") as info:
        _load(sample_build.folder, neo4j_settings)
    assert "\n" not in str(info.value)
    monkeypatch.setattr(kg.loader._BatchWriter, "_send", real_write)
    _load(sample_build.folder, neo4j_settings)
    with Store(sample_build.folder) as store:
        assert database_counts(empty_db, neo4j_settings.database) == store.counts()


def test_loader_pull_of_a_node_that_does_not_fit_the_model_is_one_line(empty_db, neo4j_settings, sample_build, tmp_path):
    _load(sample_build.folder, neo4j_settings)
    empty_db.execute_query("MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 1 SET p.surprise = [1, 2], p.title = 42",
                           database_=neo4j_settings.database)
    result = CliRunner().invoke(cli, ["pull", "--data", str(tmp_path / "pulled"), "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = [l for l in result.stderr.splitlines() if l.startswith("Error:")]
    assert "holds a Paper 'title:" in line and "title: Input should be a valid string" in line
    assert not (tmp_path / "pulled" / "graph.lbug").exists()


@pytest.mark.parametrize("statement", ["delete_stale_relationships", "delete_stale_nodes"])
def test_loader_removes_stale_rows_in_a_stream(empty_db, neo4j_settings, sample_build, statement):
    """What a load removes is read as it is deleted, 10,000 rows a transaction: an Eager barrier
    (every row held before the first delete) or a scan over several labels (a set of every node
    seen) made replacing a million-paper graph fail on the server's transaction memory limit."""
    from neo4j import Query

    from kg.query.library import get_query
    from kg.store.schema import NODE_TABLES, REL_TABLES

    with Store(sample_build.folder) as store:  # (a plan for a graph, not for an empty database)
        load_store(store, neo4j_settings)
    with empty_db.session(database=neo4j_settings.database) as session:
        plan = session.run(Query("EXPLAIN " + get_query(statement).text), load="x",
                           types=[t.name for t in REL_TABLES], labels=[t.name for t in NODE_TABLES]).consume().plan
    operators = []

    def walk(step) -> None:
        operators.append(step["operatorType"].split("@")[0])
        for child in step.get("children", []):
            walk(child)
    walk(plan)
    assert "TransactionForeach" in operators
    assert not {"Eager", "UnionNodeByLabelsScan"} & set(operators), operators
