from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KGError, QueryNotFoundError, QueryParseError
from kg.offline import OFFLINE_QUERIES
from kg.queries import _parse_file, bind_params, get_query, library_queries, load_queries


def test_queries_all_files_parse_and_are_parameterised():
    queries = load_queries()
    assert {"upsert_papers", "merge_outperforms", "pull_nodes"} <= set(queries)
    for q in queries.values():
        assert "{" not in q.text.replace("{id:", "").replace("{paper:", "") or "$" in q.text


def test_queries_every_library_query_has_an_offline_twin():
    assert {q.name for q in library_queries()} == set(OFFLINE_QUERIES)


def test_queries_bind_params_types_defaults_and_errors():
    q = get_query("outperforms_chains")
    assert bind_params(q, {"method": "MHR"}) == {"method": "MHR", "max_depth": 3}
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


def test_queries_cli_offline_list_and_run(sample_build, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    runner = CliRunner()
    listing = runner.invoke(cli, ["query", "--list"])
    assert listing.output.count("\n    ") >= 12
    data = str(sample_build.mirror_path.parent)
    result = runner.invoke(cli, ["query", "papers_on_benchmark", "-p", "benchmark=bbh", "--data", data, "--csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "paper,title,benchmark,evidence"
    assert len(result.output.splitlines()) >= 3


def test_queries_cli_cypher_needs_neo4j(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = CliRunner().invoke(cli, ["cypher", "MATCH (n) RETURN n"])
    assert result.exit_code == 1 and "NEO4J_URI" in result.output
