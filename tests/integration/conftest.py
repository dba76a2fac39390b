"""Fixtures for tests against a real Neo4j over Bolt (scripts/neo4j-server, or docker compose).

They read NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE. Without a server they skip
with a loud reason, except under CI=true, where a missing server is a failure.
"""

from __future__ import annotations

import os

import pytest

from kg.config import Neo4jSettings


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(f"NEO4J INTEGRATION TESTS SKIPPED: {reason} (run scripts/test, which starts a server)")


@pytest.fixture(scope="session")
def neo4j_settings() -> Neo4jSettings:
    settings = Neo4jSettings.resolve(required=False)
    if settings is None:
        _unavailable("NEO4J_URI is not set")
    from kg.errors import Neo4jConnectionError
    from kg.loader import open_driver

    try:
        with open_driver(settings):
            pass
    except Neo4jConnectionError as exc:
        _unavailable(str(exc))
    return settings


@pytest.fixture()
def driver(neo4j_settings):
    from kg.loader import open_driver

    with open_driver(neo4j_settings) as driver:
        yield driver


@pytest.fixture()
def empty_db(driver, neo4j_settings):
    """An empty database before and after the test (the loader's schema is kept)."""

    _wipe(driver, neo4j_settings.database)
    yield driver
    _wipe(driver, neo4j_settings.database)


def _wipe(driver, database: str) -> None:
    # Relationships first, then nodes, in batches: on a server that still holds a large graph (a
    # benchmark's million papers) a batch of nodes with all their relationships exceeds the
    # transaction memory limit.
    for text in ("MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n",
                 "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"):
        while True:
            records, _, _ = driver.execute_query(text, database_=database)
            if records[0]["n"] == 0:
                break


def load_sample(settings, sample_build) -> None:
    """An empty database, then the sample's graph folder loaded into it."""
    from kg.loader import load_store, open_driver
    from kg.store import Store

    with open_driver(settings) as driver:
        _wipe(driver, settings.database)
    with Store(sample_build.folder) as store:
        load_store(store, settings)
