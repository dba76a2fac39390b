"""A hostile user against the real server, through the CLI: every attempt ends in one line and
exit 1, nothing is written, and the server is still up and answering at the end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.loader import database_counts
from kg.store import Store

pytestmark = pytest.mark.integration

ATTEMPTS = [
    # writes and administration, whatever the spelling
    ("MATCH (n) DETACH DELETE n", "read-only"),
    ("match (p:Paper) set p.title = 'x' return p", "read-only"),
    ("CREATE (:Paper {id: 'x'})", "read-only"),
    ("MATCH (p:Paper) CALL (p) { DELETE p } IN TRANSACTIONS RETURN 1", "read-only"),
    ("FOREACH (x IN [1] | CREATE (:X))", "read-only"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "read-only"),
    ("SHOW TRANSACTIONS", "read-only"),
    ("CREATE USER mallory SET PASSWORD 'secretsecret'", "read-only"),
    ("STOP DATABASE neo4j", "read-only"),
    ("USE system SHOW USERS", "read-only"),
    # reaching out of the database
    ("LOAD CSV FROM 'http://127.0.0.1:7474/' AS line RETURN line", "read-only"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "read-only"),
    # procedures that are not read-only queries of the graph
    ("CALL db.prepareForReplanning()", "procedure db.prepareForReplanning is not allowed"),
    ("CALL db.resampleOutdatedIndexes()", "procedure db.resampleOutdatedIndexes is not allowed"),
    ("CALL dbms.killQueries(['x'])", "not allowed"),
    # reads that would take the server down or run forever
    ("MATCH (a:Paper),(b:Paper),(c:Paper) RETURN size(collect(a.abstract+b.abstract+c.abstract)) AS x",
     "transaction memory limit"),
    # runtime errors
    ("RETURN 1/0 AS x", "/ by zero"),
    ("RETURN $missing AS x", "Expected parameter(s): missing"),
    ("MATCH (p:Paper) RETURN p.title + AS x", "Neo4j refused the query: Invalid input"),
    ("THIS IS NOT CYPHER", "a query starts with MATCH"),
]


@pytest.fixture(scope="module")
def online(neo4j_settings, sample_build):
    from tests.integration.conftest import load_sample

    load_sample(neo4j_settings, sample_build)
    yield ["--neo4j", neo4j_settings.uri, "--password", neo4j_settings.password.get_secret_value()]


@pytest.mark.parametrize(("text", "message"), ATTEMPTS)
def test_hostile_cypher_is_one_line_and_changes_nothing(online, text, message):
    result = CliRunner().invoke(cli, ["cypher", text, *online])
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len([line for line in result.stderr.splitlines() if line.startswith("Error:")]) == 1


def test_hostile_bad_parameters_are_one_line(online):
    for params, message in ((["-p", "limit=-1"], "between 0 and"), (["-p", "limit=1e99"], "must be int"),
                            (["-p", "nope=1"], "has no parameter 'nope'")):
        result = CliRunner().invoke(cli, ["query", "top_benchmarks", *params, *online])
        assert result.exit_code == 1 and message in result.stderr


def test_hostile_server_is_still_up_and_holds_the_graph(online, neo4j_settings, sample_build, driver):
    result = CliRunner().invoke(cli, ["cypher", "MATCH (p:Paper) RETURN count(p) AS n", "--json", *online])
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"n": 310}]
    with Store(sample_build.folder) as store:
        assert database_counts(driver, neo4j_settings.database) == store.counts()
