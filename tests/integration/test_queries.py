"""The named query library on a real Neo4j, and its parity with the offline engine."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import ReadOnlyQueryError
from kg.loader import load_graph
from kg.mirror import load_mirror
from kg.queries import library_queries, run_adhoc_read, run_named_query

pytestmark = pytest.mark.integration

# Parameters that make each query return rows on the sample corpus (checked below).
SAMPLE_PARAMS = {
    "papers_on_benchmark": {"benchmark": "BBH"},
    "paper_proposals": {"paper": "Multi-Head Adapter Routing for Cross-Task Generalization"},
    "methods_outperforming": {"method": "Poly"},
    "outperforms_chains": {"method": "PilotRL", "max_depth": "3"},
    "papers_sharing_benchmarks": {"paper": "TaskExpert: Dynamically Assembling Multi-Task Representations with Memorial Mixture-of-Experts", "k": "1"},
    "methods_on_both": {"a": "MATH", "b": "GSM8K"},
    "entity_lookup": {"name": "MHR"},
    "entities_mentioned_once": {"label": "Benchmark"},
    "benchmarks_used_together": {"min_papers": "2"},
}


@pytest.fixture(scope="module")
def loaded(neo4j_settings, sample_build):
    from kg.loader import open_driver
    from tests.integration.conftest import _wipe

    with open_driver(neo4j_settings) as driver:
        _wipe(driver, neo4j_settings.database)
    load_graph(sample_build.graph, neo4j_settings)
    yield load_mirror(sample_build.mirror_path.parent)
    with open_driver(neo4j_settings) as driver:
        _wipe(driver, neo4j_settings.database)


def test_queries_library_has_at_least_12_documented_queries():
    queries = library_queries()
    assert len(queries) >= 12
    for q in queries:
        assert q.description and q.example.startswith(f"kg query {q.name}")


@pytest.mark.parametrize("name", [q.name for q in library_queries()])
def test_queries_parity_neo4j_and_offline(loaded, neo4j_settings, name):
    params = SAMPLE_PARAMS.get(name, {})
    online_columns, online = run_named_query(name, params, settings=neo4j_settings)
    offline_columns, offline = run_named_query(name, params, mirror=loaded)
    assert online_columns == offline_columns
    assert online == offline
    assert online, f"{name} returned no rows on the sample corpus; pick parameters that do"


def test_queries_cli_online_json(loaded, neo4j_settings):
    result = CliRunner().invoke(cli, ["query", "top_benchmarks", "--param", "limit=3", "--json", "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 0, result.output
    assert '"benchmark"' in result.output


def test_queries_adhoc_cypher_reads_and_refuses_writes(loaded, neo4j_settings):
    columns, rows = run_adhoc_read("MATCH (b:Benchmark) RETURN count(b) AS n", {}, neo4j_settings)
    assert columns == ["n"] and rows[0]["n"] > 0
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        run_adhoc_read("MATCH (b:Benchmark) SET b.touched = true RETURN b", {}, neo4j_settings)
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        run_adhoc_read("CREATE (:Paper {id: $id})", {"id": "x"}, neo4j_settings)
    result = CliRunner().invoke(cli, ["cypher", "MATCH (n) DETACH DELETE n", "--neo4j", neo4j_settings.uri,
                                      "--password", neo4j_settings.password.get_secret_value()])
    assert result.exit_code == 1 and "read-only" in result.output
    columns, rows = run_adhoc_read("MATCH (p:Paper) RETURN count(p) AS n", {}, neo4j_settings)
    assert rows[0]["n"] == 310  # nothing was deleted


def test_queries_every_library_query_explains(loaded, neo4j_settings):
    from neo4j import Query

    from kg.loader import open_driver
    from kg.queries import bind_params

    with open_driver(neo4j_settings) as driver:
        for q in library_queries():
            params = bind_params(q, {p.name: "1" if p.type == "int" else "x" for p in q.params if p.default is None})
            _, summary, _ = driver.execute_query(Query("EXPLAIN " + q.text), parameters_=params,
                                                 database_=neo4j_settings.database)
            assert summary.query_type == "r", q.name
