"""The named query library on a real Neo4j, and its parity with the embedded store: one query
text per query, the same rows from both engines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import ReadOnlyQueryError
from kg.query import Neo4jEngine, StoreEngine, library_queries, run_adhoc, run_named_query
from tests.unit.test_queries import NO_ROWS_ON_SAMPLE, SAMPLE_PARAMS

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def loaded(neo4j_settings, sample_build):
    from kg.loader import open_driver
    from tests.integration.conftest import _wipe, load_sample

    load_sample(neo4j_settings, sample_build)
    with Neo4jEngine(neo4j_settings) as neo4j, StoreEngine(sample_build.folder) as embedded:
        yield neo4j, embedded
    with open_driver(neo4j_settings) as driver:
        _wipe(driver, neo4j_settings.database)


@pytest.mark.parametrize("name", [q.name for q in library_queries()])
def test_queries_parity_neo4j_and_embedded(loaded, name):
    neo4j, embedded = loaded
    params = SAMPLE_PARAMS.get(name, {})
    online_columns, online = run_named_query(name, params, neo4j)
    offline_columns, offline = run_named_query(name, params, embedded)
    assert online_columns == offline_columns
    assert online == offline
    assert online or name in NO_ROWS_ON_SAMPLE, f"{name} returned no rows on the sample corpus; pick parameters that do"


def test_queries_cli_online_json_says_which_engine_answered(loaded, neo4j_settings):
    result = CliRunner().invoke(cli, ["query", "top_benchmarks", "--param", "limit=3", "--json", "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 0, result.output
    assert '"benchmark"' in result.stdout
    assert f"answered by Neo4j {neo4j_settings.display_uri}" in result.stderr


def test_queries_adhoc_cypher_reads_and_refuses_writes(loaded, neo4j_settings):
    neo4j, _ = loaded
    columns, rows = run_adhoc("MATCH (b:Benchmark) RETURN count(b) AS n", {}, neo4j)
    assert columns == ["n"] and rows[0]["n"] > 0
    for text in ("MATCH (b:Benchmark) SET b.touched = true RETURN b", "CREATE (:Paper {id: $id})",
                 "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "LOAD CSV FROM 'http://127.0.0.1:7474/' AS l RETURN l"):
        with pytest.raises(ReadOnlyQueryError, match="read-only"):
            run_adhoc(text, {"id": "x"}, neo4j)
    result = CliRunner().invoke(cli, ["cypher", "MATCH (n) DETACH DELETE n", "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 1 and "read-only" in result.output
    columns, rows = run_adhoc("MATCH (p:Paper) RETURN count(p) AS n", {}, neo4j)
    assert rows[0]["n"] == 310  # nothing was deleted


def test_queries_every_library_query_plans_as_a_read(loaded, neo4j_settings):
    from neo4j import Query

    from kg.query.library import bind_params

    neo4j, _ = loaded
    for q in library_queries():
        params = bind_params(q, {p.name: "1" if p.type == "int" else "x" for p in q.params if p.default is None})
        _, summary, _ = neo4j.driver.execute_query(Query("EXPLAIN " + q.text), parameters_=params,
                                                   database_=neo4j_settings.database)
        assert summary.query_type == "r", q.name


def test_leaderboard_cli_online_equals_offline_for_every_benchmark_with_scores(loaded, neo4j_settings, sample_build):
    import json

    _, embedded = loaded
    _, rows = run_adhoc("MATCH (r:Result)-[:ON_BENCHMARK]->(b:Entity) RETURN DISTINCT b.name AS name ORDER BY name",
                        {}, embedded)
    names = [row["name"] for row in rows]
    assert len(names) >= 5, names
    online_flags = ["--neo4j", neo4j_settings.uri, "--password", neo4j_settings.password.get_secret_value()]
    for name in names:
        offline = CliRunner().invoke(cli, ["leaderboard", name.lower(), "--json", "--data", str(sample_build.folder)])
        online = CliRunner().invoke(cli, ["leaderboard", name, "--json", *online_flags])
        assert offline.exit_code == online.exit_code == 0, (name, offline.output, online.output)
        assert json.loads(offline.stdout) == json.loads(online.stdout), name
        assert json.loads(online.stdout)[0]["rank"] == 1
        assert "answered by Neo4j" in online.stderr


def test_queries_a_bounded_server_stops_hostile_reads_in_one_line_and_stays_up(loaded, neo4j_settings, monkeypatch):
    online = ["--neo4j", neo4j_settings.uri, "--password", neo4j_settings.password.get_secret_value()]
    runner = CliRunner()
    cartesian = "MATCH (a:Paper),(b:Paper),(c:Paper) RETURN size(collect(a.abstract+b.abstract+c.abstract)) AS x"
    result = runner.invoke(cli, ["cypher", cartesian, *online])
    assert result.exit_code == 1 and "transaction memory limit" in result.stderr
    monkeypatch.setenv("KG_QUERY_TIMEOUT", "1")
    slow = "MATCH (a:Paper),(b:Paper),(c:Paper) WHERE a.title < b.title AND b.title < c.title RETURN count(*) AS n"
    result = runner.invoke(cli, ["cypher", slow, *online])
    assert result.exit_code == 1 and "stopped after 1 s" in result.stderr
    for text, message in (("RETURN 1/0 AS x", "/ by zero"), ("RETURN $x AS x", "Expected parameter(s): x")):
        result = runner.invoke(cli, ["cypher", text, *online])
        assert result.exit_code == 1 and message in result.stderr
        assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == \
            [line for line in result.stderr.splitlines() if "Error" in line]  # one line, no traceback
    result = runner.invoke(cli, ["cypher", "MATCH (p:Paper) RETURN count(p) AS n", "--json", *online])
    assert result.exit_code == 0 and '"n": 310' in result.stdout  # the server is still up


def test_queries_suggestions_are_the_same_online(loaded):
    from kg.query import suggest_names

    neo4j, embedded = loaded
    for name, params in (("papers_on_benchmark", {"benchmark": "super-ni"}),
                         ("paper_proposals", {"paper": "multi head adapter routing"})):
        online = suggest_names(name, params, neo4j)
        assert online and online == suggest_names(name, params, embedded)


def test_every_runnable_block_of_the_browser_guide_runs_on_neo4j(loaded, neo4j_settings):
    """What a user clicks in the guide of `kg guide`: the :params maps are Cypher map literals
    (Browser evaluates them as Cypher), and each query runs with its map."""
    from kg.loader import open_driver
    from kg.web.browser_guide import render_guide
    from tests.unit.test_guide import runnables

    blocks = [b for b in runnables(render_guide(style_url="http://localhost:1/s.grass")) if not b.startswith(":style")]
    params: dict = {}
    ran = 0
    with open_driver(neo4j_settings) as driver:
        for block in blocks:
            if block.startswith(":params "):
                records, _, _ = driver.execute_query("RETURN " + block[len(":params "):] + " AS params",
                                                     database_=neo4j_settings.database)
                params = records[0]["params"]
                continue
            driver.execute_query(block, params, database_=neo4j_settings.database, routing_="r")
            params = {}
            ran += 1
    assert ran == len(library_queries()) + 4  # the named queries and the four pictures
