"""The named query library, its dialect layer, the read-only guard, and running queries on the
embedded store from the CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KGError, QueryNotFoundError, QueryParseError, ReadOnlyQueryError
from kg.query import check_read_only, library_queries, load_queries, run_named_query
from kg.query.dialect import for_engine
from kg.query.library import _parse_file, bind_params, get_query

# Parameters that make each query return rows on the sample corpus (the parity test checks it).
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
    "benchmark_usage_by_month": {"min_papers": "1"},
    "leaderboard": {"benchmark": "gsm8k"},
    "method_results": {"method": "TaskGen"},
    "benchmark_metrics": {"benchmark": "MATH"},
    "author_papers": {"author": "Ada Lovelace"},
    "coauthors": {"author": "Ada Lovelace"},
}
# The sample's listings give author counts, not names: these are checked with rows on the
# update fixtures (tests/integration/test_loader.py) instead.
NO_ROWS_ON_SAMPLE = {"author_papers", "coauthors", "prolific_authors"}


def test_queries_all_files_parse_and_are_parameterised():
    queries = load_queries()
    assert {"upsert_papers", "merge_outperforms", "pull_nodes"} <= set(queries)
    for q in library_queries():
        assert q.description and q.example.startswith(f"kg query {q.name}")
        for param in q.params:
            assert f"${param.name}" in q.text, (q.name, param.name)


def test_queries_bind_params_types_defaults_and_errors():
    q = get_query("outperforms_chains")
    assert bind_params(q, {"method": "MHR"}) == {"method": "mhr", "max_depth": 3, "limit": 100}  # a key: any case
    assert bind_params(q, {"method": "MHR", "max_depth": "2"})["max_depth"] == 2
    with pytest.raises(KGError, match="must be int"):
        bind_params(q, {"method": "MHR", "max_depth": "two"})
    with pytest.raises(KGError, match="needs --param method"):
        bind_params(q, {})
    with pytest.raises(KGError, match="no parameter 'x'"):
        bind_params(q, {"method": "a", "x": "1"})


def test_queries_unknown_name():
    with pytest.raises(QueryNotFoundError, match="kg query --list"):
        get_query("nope")


def test_queries_parse_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (n) RETURN n\n")
    with pytest.raises(QueryParseError, match="bad.cypher:1"):
        _parse_file(bad)
    empty = tmp_path / "empty.cypher"
    empty.write_text("// name: nothing\n// just words\n")
    with pytest.raises(QueryParseError, match="has no Cypher"):
        _parse_file(empty)


@pytest.mark.parametrize("neo4j, ladybug", [
    ("MATCH p = (a)-[:OUTPERFORMS*1..4]->(b) RETURN [n IN nodes(p) | n.name] AS chain",
     "MATCH p = (a)-[:OUTPERFORMS* TRAIL 1..4]->(b) RETURN list_transform(nodes(p), n -> n.name) AS chain"),
    ("MATCH ()-[r]->() RETURN type(r) AS t", "MATCH ()-[r]->() RETURN label(r) AS t"),
    ("MATCH (n:Entity) RETURN n.name AS name", "MATCH (n:Entity) RETURN n.name AS name"),
    # an existence test of a store primary key is always true there: dropped where that keeps the filter
    ("MATCH (b:Entity)-[u:USED_IN]->(m:Month)\nWHERE m.month IS NOT NULL AND u.papers >= 2\nRETURN m.month",
     "MATCH (b:Entity)-[u:USED_IN]->(m:Month)\nWHERE u.papers >= 2\nRETURN m.month"),
    ("MATCH (m:Month) WHERE u.papers >= 2 AND m.month IS NOT NULL RETURN m", "MATCH (m:Month) WHERE u.papers >= 2 RETURN m"),
    ("MATCH (m:Month) WHERE m.month IS NOT NULL\nRETURN m", "MATCH (m:Month)\nRETURN m"),
    ("MATCH (m:Month) WHERE m.month IS NOT NULL OR m.x = 1 RETURN m", "MATCH (m:Month) WHERE m.month IS NOT NULL OR m.x = 1 RETURN m"),
    ("MATCH (p:Paper) WHERE p.title IS NOT NULL RETURN p", "MATCH (p:Paper) WHERE p.title IS NOT NULL RETURN p"),
])
def test_queries_dialect_rewrites(neo4j, ladybug):
    assert for_engine(neo4j, "neo4j") == neo4j
    assert for_engine(neo4j, "ladybug") == ladybug


def test_queries_every_library_query_runs_on_the_store(sample_build):
    from kg.query import StoreEngine

    with StoreEngine(sample_build.folder) as engine:
        for q in library_queries():
            columns, rows = run_named_query(q.name, SAMPLE_PARAMS.get(q.name, {}), engine)
            assert columns and all(set(r) == set(columns) for r in rows), q.name


# The questions that read derived tables (kg.store.schema), asked of the graph's own relationships.
DIRECT = {
    "papers_on_benchmark": "MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)<-[r:EVALUATED_ON]-(p:Paper) "
                           "RETURN p.id AS paper, p.title AS title, b.name AS benchmark, r.evidence AS evidence "
                           "ORDER BY title, paper, benchmark LIMIT $limit",
    "methods_outperforming": "MATCH (:NameKey {key: $method})-[:NAMES]->(l:Entity)<-[r:OUTPERFORMS]-(w:Entity) "
                             "MATCH (p:Paper {id: r.paper}) OPTIONAL MATCH (b:Entity {id: r.benchmark}) "
                             "RETURN w.name AS method, l.name AS beats, b.name AS benchmark, p.title AS paper, "
                             "r.evidence AS evidence ORDER BY method, paper, benchmark, evidence LIMIT $limit",
    "methods_on_both": "MATCH (:NameKey {key: $a})-[:NAMES]->(:Entity)<-[:EVALUATED_ON]-(p:Paper) "
                       "MATCH (p)-[:EVALUATED_ON]->(:Entity)<-[:NAMES]-(:NameKey {key: $b}) "
                       "MATCH (p)-[:PROPOSES]->(m:Entity) WHERE m.label = 'Method' "
                       "RETURN DISTINCT m.name AS method, p.title AS paper ORDER BY method, paper LIMIT $limit",
    "papers_sharing_benchmarks": "MATCH (:PaperKey {key: $paper})-[:KEYS]->(p:Paper)-[:EVALUATED_ON]->(b:Entity)"
                                 "<-[:EVALUATED_ON]-(q:Paper) WHERE q <> p WITH q, collect(DISTINCT b.name) AS shared "
                                 "WHERE size(shared) >= $k RETURN q.id AS paper, q.title AS title, "
                                 "size(shared) AS shared_count, shared ORDER BY shared_count DESC, title, paper LIMIT $limit",
}


@pytest.mark.parametrize("name, params", [
    ("papers_on_benchmark", {"benchmark": "GSM8K", "limit": "3"}),
    ("papers_on_benchmark", {"benchmark": "MATH", "limit": "100"}),
    ("methods_outperforming", {"method": "GPT-4o", "limit": "100"}),
    ("methods_outperforming", {"method": "Poly", "limit": "1"}),
    ("methods_on_both", {"a": "MATH", "b": "GSM8K", "limit": "100"}),
    ("methods_on_both", {"a": "GSM8K", "b": "gsm8k", "limit": "100"}),  # (the same name twice: papers on it)
    ("papers_sharing_benchmarks", {**SAMPLE_PARAMS["papers_sharing_benchmarks"], "limit": "100"}),
    ("papers_sharing_benchmarks", {**SAMPLE_PARAMS["papers_sharing_benchmarks"], "k": "2"}),
])
def test_queries_that_read_derived_lists_answer_as_the_relationships_do(sample_build, name, params):
    from kg.query import StoreEngine

    with StoreEngine(sample_build.folder) as engine:
        _, rows = run_named_query(name, params, engine)
        _, expected = engine.run(DIRECT[name], bind_params(get_query(name), params))
    if name == "methods_outperforming":  # (ties of method and paper: the named query leaves their order open)
        rows = sorted(rows, key=lambda r: (r["method"], r["paper"], r["benchmark"] or "", r["evidence"] or ""))
    if name == "papers_sharing_benchmarks":  # (collect's order is not fixed)
        rows, expected = ([{**r, "shared": sorted(r["shared"])} for r in part] for part in (rows, expected))
    assert rows and rows == expected


@pytest.mark.parametrize("text", [
    "MATCH (p:Paper) RETURN p.title AS t LIMIT 3",
    "MATCH (p:Paper) WHERE p.title CONTAINS 'create' RETURN count(*) AS n",
    "MATCH (a)-[r:EVALUATED_ON]->(b) RETURN r.start AS start, r.end AS end LIMIT 1",
    "CALL db.index.fulltext.queryNodes('entity_names', 'MHR') YIELD node RETURN node.name",
    "// a comment with CREATE in it\nMATCH (n) RETURN count(n)",
])
def test_queries_guard_lets_reads_through(text):
    check_read_only(text)


@pytest.mark.parametrize("text", [
    "MATCH (n) DETACH DELETE n",
    "MATCH (b:Entity) SET b.touched = true RETURN b",
    "CREATE (:Paper {id: 'x'})",
    "MERGE (n:Paper {id: 'x'}) RETURN n",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW TRANSACTIONS",
    "LOAD CSV FROM 'http://127.0.0.1:7474/' AS line RETURN line",
    "CALL db.prepareForReplanning()",
    "CALL db.resampleOutdatedIndexes()",
    "CALL dbms.killQueries(['1'])",
    "MATCH (n) RETURN n; MATCH (m) DELETE m",
    "DROP INDEX entity_name",
    "CREATE USER eve SET PASSWORD 'x'",
    "START DATABASE neo4j",
    "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1",
    "USE system SHOW USERS",
    "COPY Paper FROM '/etc/passwd'",
])
def test_queries_guard_refuses_writes_loads_and_administration(text):
    with pytest.raises(ReadOnlyQueryError, match="kg cypher"):
        check_read_only(text)


def test_queries_guard_names_database_administration_anywhere_in_a_query():
    with pytest.raises(ReadOnlyQueryError, match="database administration"):
        check_read_only("MATCH (n) RETURN n STOP DATABASE neo4j")


def test_queries_cli_offline_list_run_and_cypher(sample_build, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    runner = CliRunner()
    listing = runner.invoke(cli, ["query", "--list"])
    assert listing.output.count("\n    ") >= 14
    data = str(sample_build.folder)
    result = runner.invoke(cli, ["query", "papers_on_benchmark", "-p", "benchmark=bbh", "--data", data, "--csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "paper,title,benchmark,evidence"
    assert len(result.stdout.splitlines()) >= 3
    assert f"answered by embedded store {data}" in result.stderr
    adhoc = runner.invoke(cli, ["cypher", "MATCH (e:Entity) WHERE e.label = 'Benchmark' RETURN count(*) AS n", "--data", data,
                                "--json"])
    assert adhoc.exit_code == 0 and '"n"' in adhoc.stdout
    refused = runner.invoke(cli, ["cypher", "MATCH (n) DETACH DELETE n", "--data", data])
    assert refused.exit_code == 1 and "read-only" in refused.stderr


@pytest.mark.parametrize("value", ["-1", "99999999999999999999"])
def test_queries_int_parameters_are_bounded(value):
    with pytest.raises(KGError, match=r"must be int between 0 and 1,000,000,000"):
        bind_params(get_query("top_benchmarks"), {"limit": value})


@pytest.mark.parametrize(("uri", "message"), [
    ("http://127.0.0.1:7474", "the scheme must be one of bolt"),
    ("bolt://127.0.0.1:abc", "with a port from 1 to 65535"),
    ("bolt://127.0.0.1:70000", "with a port from 1 to 65535"),
    ("bolt://neo4j:hunter22@db.example:7687", "not in the URI"),
])
def test_queries_bad_neo4j_uris_are_one_line_without_the_password(uri, message):
    result = CliRunner().invoke(cli, ["query", "top_benchmarks", "--neo4j", uri, "--password", "x"])
    assert result.exit_code == 1 and message in result.stderr
    assert "hunter22" not in result.stderr and "Traceback" not in result.stderr


def test_queries_unknown_name_suggests_the_closest():
    with pytest.raises(QueryNotFoundError, match="did you mean 'papers_on_benchmark'"):
        get_query("papers_on_benchmrk")


@pytest.mark.parametrize(("params", "hint"), [
    (["papers_on_benchmark", "-p", "benchmark=BigBench Hard"], "no benchmark is called 'BigBench Hard'; closest in the graph: BBH"),
    (["papers_on_benchmark", "-p", "benchmark=super-ni"], "closest in the graph: SuperNI"),
    (["paper_proposals", "-p", "paper=multi head adapter routing"],
     "closest in the graph: Multi-Head Adapter Routing for Cross-Task Generalization"),
])
def test_queries_a_name_that_matches_nothing_gets_the_closest_names(sample_build, monkeypatch, params, hint):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = CliRunner().invoke(cli, ["query", *params, "--data", str(sample_build.folder)])
    assert result.exit_code == 0 and "(0 rows)" in result.stdout
    assert hint in result.stderr


def test_queries_wide_tables_keep_long_values(sample_build, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    args = ["cypher", "MATCH (p:Paper) WHERE size(p.title) > 90 RETURN p.title AS t ORDER BY t LIMIT 1",
            "--data", str(sample_build.folder)]
    cut, wide = CliRunner().invoke(cli, args), CliRunner().invoke(cli, [*args, "--wide"])
    assert "..." in cut.stdout and "..." not in wide.stdout
    assert max(map(len, wide.stdout.splitlines())) > 90
