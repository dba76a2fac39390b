"""Load a Graph into Neo4j, and pull it back.

Writes are idempotent: constraints first (``IF NOT EXISTS``), then nodes, then relationships,
each as ``UNWIND $rows ... MERGE`` on the stable ids, in batches, each batch one managed write
transaction (the driver retries transient errors). Loading the same graph twice changes no
count; a load killed midway and run again ends with the counts of an uninterrupted load.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Optional, Sequence

import neo4j
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from kg.config import Neo4jSettings
from kg.errors import LoadError, Neo4jConnectionError
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType
from kg.queries import get_query

__all__ = ["open_driver", "ensure_schema", "load_graph", "pull_graph", "database_counts", "batched", "run_read"]

SCHEMA_QUERIES = (
    "constraint_paper_id",
    "constraint_entity_id",
    "index_entity_name",
    "index_paper_date",
    "fulltext_entity_names",
    "fulltext_paper_text",
)
_NODE_QUERY = {
    NodeLabel.METHOD: "upsert_methods",
    NodeLabel.DATASET: "upsert_datasets",
    NodeLabel.BENCHMARK: "upsert_benchmarks",
    NodeLabel.TASK: "upsert_tasks",
    NodeLabel.METRIC: "upsert_metrics",
}


def batched(items: Sequence, size: int) -> Iterator[Sequence]:
    """Consecutive slices of at most ``size`` items.

    >>> [list(b) for b in batched([1, 2, 3, 4, 5], 2)]
    [[1, 2], [3, 4], [5]]
    """
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _explain(exc: Exception, settings: Neo4jSettings) -> Neo4jConnectionError:
    if isinstance(exc, AuthError):
        return Neo4jConnectionError(
            f"Neo4j at {settings.uri} refused user {settings.user!r}: check NEO4J_USER / NEO4J_PASSWORD (or --user/--password)"
        )
    if isinstance(exc, ClientError) and exc.code and "DatabaseNotFound" in exc.code:
        return Neo4jConnectionError(
            f"database {settings.database!r} does not exist on {settings.uri}: set NEO4J_DATABASE (Community has only 'neo4j')"
        )
    if isinstance(exc, (ServiceUnavailable, OSError)):
        return Neo4jConnectionError(
            f"cannot reach Neo4j at {settings.uri}: start it (scripts/neo4j-server start, or docker compose up -d --wait) "
            "or fix NEO4J_URI"
        )
    return Neo4jConnectionError(f"Neo4j at {settings.uri}: {exc}")


@contextmanager
def open_driver(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A verified driver: connectivity, credentials and the database are checked up front,
    and failures become one-line ``Neo4jConnectionError`` messages."""
    try:
        driver = GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password.get_secret_value()), connection_timeout=5
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise Neo4jConnectionError(f"invalid Neo4j URI {settings.uri!r}: {exc}") from None
    try:
        try:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1", database_=settings.database, routing_=RoutingControl.READ)
        except (Neo4jError, ServiceUnavailable, OSError) as exc:
            raise _explain(exc, settings) from None
        except neo4j.exceptions.DriverError as exc:
            raise _explain(exc, settings) from None
        yield driver
    finally:
        driver.close()


def _run(driver: neo4j.Driver, name: str, database: str, **params):
    return driver.execute_query(Query(get_query(name).text), parameters_=params, database_=database)


def run_read(driver: neo4j.Driver, text: str, params: dict, database: str):
    """Run read-only Cypher in a read transaction; returns (keys, records)."""
    records, summary, keys = driver.execute_query(
        Query(text), parameters_=params, database_=database, routing_=RoutingControl.READ
    )
    return keys, records


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the constraints and indexes (idempotent)."""
    for name in SCHEMA_QUERIES:
        _run(driver, name, database)


def _node_rows(items: Iterable[Paper | Entity]) -> list[dict]:
    return [{"id": item.id, "props": {k: v for k, v in item.properties().items() if v is not None}} for item in items]


def _relation_rows(relations: Iterable[Relation]) -> list[dict]:
    return [
        {"source": r.source, "target": r.target, "paper": r.paper,
         "props": {k: v for k, v in r.properties().items() if v is not None}}
        for r in relations
    ]


def load_graph(
    graph: Graph,
    settings: Neo4jSettings,
    *,
    batch_size: int = 1000,
    on_batch: Optional[Callable[[str, int], None]] = None,
) -> dict[str, int]:
    """Write ``graph`` into Neo4j; returns the number of rows sent per kind.

    Parameters
    ----------
    graph : the graph to load.
    settings : where to load it.
    batch_size : rows per UNWIND batch (one managed transaction each).
    on_batch : called after each committed batch with (query name, rows).

    Raises
    ------
    Neo4jConnectionError : unreachable server, wrong credentials, unknown database.
    LoadError : the server rejected a write.
    """
    plan: list[tuple[str, list[dict]]] = [("upsert_papers", _node_rows(graph.papers))]
    for label, query in _NODE_QUERY.items():
        plan.append((query, _node_rows(e for e in graph.entities if e.label is label)))
    for rtype in RelType:
        plan.append((f"merge_{rtype.value.lower()}", _relation_rows(r for r in graph.relations if r.type is rtype)))
    sent: dict[str, int] = {}
    with open_driver(settings) as driver:
        try:
            ensure_schema(driver, settings.database)
            for query, rows in plan:
                for batch in batched(rows, batch_size):
                    _run(driver, query, settings.database, rows=list(batch))
                    if on_batch:
                        on_batch(query, len(batch))
                if rows:
                    sent[query] = len(rows)
        except ClientError as exc:
            raise LoadError(f"Neo4j rejected a write to {settings.uri}: {exc.message}") from exc
    return sent


def database_counts(driver: neo4j.Driver, database: str) -> dict[str, dict[str, int]]:
    """Counts in the same shape as ``kg stats --json``."""
    nodes = {r["label"]: r["n"] for r in _run(driver, "count_nodes", database).records}
    rels = {r["type"]: r["n"] for r in _run(driver, "count_relationships", database).records}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def pull_graph(settings: Neo4jSettings) -> Graph:
    """Read the whole knowledge graph from Neo4j back into the typed model."""
    papers, entities, relations = [], [], []
    with open_driver(settings) as driver:
        for record in _run(driver, "pull_nodes", settings.database).records:
            props = dict(record["props"])
            props.pop("id", None)
            if record["label"] == NodeLabel.PAPER.value:
                papers.append(Paper(id=record["id"], **props))
            else:
                entities.append(Entity(id=record["id"], label=NodeLabel(record["label"]), **props))
        for record in _run(driver, "pull_relationships", settings.database).records:
            relations.append(Relation(source=record["source"], type=RelType(record["type"]), target=record["target"],
                                      **dict(record["props"])))
    return Graph(papers=papers, entities=entities, relations=relations)
