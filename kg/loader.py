"""Load a Graph into Neo4j, and pull it back.

Writes are idempotent: constraints first (``IF NOT EXISTS``), then nodes, then relationships,
each as ``UNWIND $rows ... MERGE`` on the stable ids, in batches, each batch one managed write
transaction (the driver retries transient errors). Loading the same graph twice changes no
count; a load killed midway and run again ends with the counts of an uninterrupted load.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Optional, Sequence

import neo4j
from pydantic import ValidationError
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable, SessionExpired

from kg.config import Neo4jSettings
from kg.errors import LoadError, Neo4jConnectionError
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType, Result
from kg.query.library import CYPHER_DIR, get_query, load_queries
from kg.store.schema import decode_offsets

__all__ = ["open_driver", "ensure_schema", "load_store", "load_graph", "pull_graph", "database_counts", "batched",
           "run_read"]

# Tables in load order (nodes before the relationships between them) and their statements.
_LOAD_PLAN = (
    ("Paper", "upsert_papers"), ("Entity", "upsert_entities"), ("Result", "upsert_results"), ("Author", "upsert_authors"),
    ("NameKey", "upsert_name_keys"),
    ("PaperKey", "upsert_paper_keys"), ("Month", "upsert_months"), ("PaperCode", "upsert_paper_code"),
    ("ProlificAuthor", "upsert_prolific_authors"), ("Ranked", "upsert_ranked"),
    ("PROPOSES", "merge_proposes"),
    ("USES", "merge_uses"), ("EVALUATED_ON", "merge_evaluated_on"),
    ("OUTPERFORMS", "merge_outperforms"), ("REPORTS", "merge_reports"), ("ON_BENCHMARK", "merge_on_benchmark"),
    ("BY_METHOD", "merge_by_method"), ("MEASURED_BY", "merge_measured_by"), ("NAMES", "merge_names"), ("KEYS", "merge_keys"), ("RANKS", "merge_ranks"),
    ("CO_USED", "merge_co_used"), ("USED_IN", "merge_used_in"), ("WROTE", "merge_wrote"),
    ("EVALUATED_BY", "merge_evaluated_by"), ("EVALUATED_ON_TOP", "merge_evaluated_on_top"), ("OUTPERFORMS_TOP", "merge_outperforms_top"),
    ("LEADERBOARD_TOP", "merge_leaderboard_top"), ("METHOD_RESULTS_TOP", "merge_method_results_top"),
)


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
            f"Neo4j at {settings.display_uri} refused user {settings.user!r}: check NEO4J_USER / NEO4J_PASSWORD (or --user/--password)"
        )
    if isinstance(exc, ClientError) and exc.code and "DatabaseNotFound" in exc.code:
        return Neo4jConnectionError(
            f"database {settings.database!r} does not exist on {settings.display_uri}: set NEO4J_DATABASE (Community has only 'neo4j')"
        )
    if isinstance(exc, (ServiceUnavailable, OSError)):
        return Neo4jConnectionError(
            f"cannot reach Neo4j at {settings.display_uri}: start it (scripts/neo4j-server start, or docker compose up -d --wait) "
            "or fix NEO4J_URI"
        )
    return Neo4jConnectionError(f"Neo4j at {settings.display_uri}: {exc}")


@contextmanager
def open_driver(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A verified driver: connectivity, credentials and the database are checked up front,
    and failures become one-line ``Neo4jConnectionError`` messages."""
    try:
        # (Server notifications off: "label KGState does not exist" before the first load, and the
        # like, are not the user's business and would be logged as warnings by the driver.)
        driver = GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password.get_secret_value()), connection_timeout=5,
            notifications_min_severity="OFF",
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise Neo4jConnectionError(f"invalid Neo4j URI {settings.display_uri!r}: {exc}") from None
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


def read_timeout() -> float:
    """Seconds a query of ``kg query``/``kg cypher`` may run on Neo4j ($KG_QUERY_TIMEOUT, default 60)."""
    import os

    try:
        return max(1.0, float(os.environ.get("KG_QUERY_TIMEOUT", "60")))
    except ValueError:
        return 60.0


def run_read(driver: neo4j.Driver, text: str, params: dict, database: str):
    """Run read-only Cypher in a read transaction, bounded in time; returns (keys, records).

    Raises
    ------
    LoadError : the server refused or stopped the query (too slow, too much memory, a Cypher
        error), in one line.
    """
    try:
        # One auto-commit READ transaction, not execute_query: a query the server stops for its
        # memory limit must fail at once, not be retried as a transient error for half a minute.
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            result = session.run(Query(text, timeout=read_timeout()), params)
            records = list(result)
            keys = result.keys()
    except Neo4jError as exc:
        code = (exc.code or "").rsplit(".", 1)[-1]
        hint = {"TransactionTimedOutClientConfiguration": f" (stopped after {read_timeout():g} s; $KG_QUERY_TIMEOUT)",
                "TransactionTimedOut": " (stopped by the server's transaction timeout)",
                "MemoryPoolOutOfMemoryError": " (the server's transaction memory limit; narrow the query)"}.get(code, "")
        message = " ".join((exc.message or str(exc)).split())
        raise LoadError(f"Neo4j refused the query: {message[:300]}{hint}") from None
    return keys, records


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create the constraints and indexes (idempotent)."""
    schema_file = str(CYPHER_DIR / "schema.cypher")
    for query in load_queries().values():
        if query.file == schema_file:
            driver.execute_query(Query(query.text), database_=database)


def _rows_of(store, table) -> Iterator[dict]:
    """The rows of one store table in the loader's shape (for a folder without Parquet tables)."""
    if table.is_rel:
        columns = ", ".join(f"r.`{name}` AS `{name}`" for name in table.column_names)
        key = "key" if table.source in ("NameKey", "PaperKey") else "id"  # (Ranked: id)
        target_key = "month" if table.target == "Month" else "id"
        text = (f"MATCH (a:{table.source})-[r:{table.name}]->(b:{table.target}) "
                f"RETURN a.{key} AS `from`, b.{target_key} AS `to`{', ' + columns if columns else ''}")
        for row in store.rows(text):
            yield _loader_row(table, row)
    else:
        text = f"MATCH (n:{table.name}) RETURN n.*"  # (every column: node tables of the graph are not wide)
        for row in store.rows(text):
            yield _loader_row(table, {k.split(".", 1)[1]: v for k, v in row.items()})


def load_store(
    store,
    settings: Neo4jSettings,
    *,
    batch_size: int = 1000,
    on_batch: Optional[Callable[[str, int], None]] = None,
    full: bool = False,
    on_plan: Optional[Callable[[str, Optional[int]], None]] = None,
) -> dict[str, int]:
    """Make Neo4j hold exactly what ``store`` (a :class:`kg.store.Store`) holds; returns the
    number of rows written per table.

    The server remembers which build of a graph folder it holds. When that is the build the
    folder's last ``kg build --update`` started from, only the difference is sent (the papers the
    update wrote again and the entity and derived rows that changed); when it is the folder's
    current build, nothing is; otherwise (or with ``full``) every row is written and whatever
    the server held besides is removed.

    Parameters
    ----------
    store : the graph folder's store, opened.
    settings : where to load it.
    batch_size : rows per UNWIND batch (one managed transaction each).
    on_batch : called after each committed batch with (table, rows).
    full : write every row even when a delta would do.
    on_plan : called once the kind of load is known, with ("all", rows), ("delta", rows) or
        ("none", 0).

    Raises
    ------
    Neo4jConnectionError : unreachable server, wrong credentials, unknown database.
    LoadError : the server rejected a write.
    """
    from kg.store.store import Snapshot

    generation = store.manifest.get("generation")
    snapshot = Snapshot.open(store.folder) if generation else None
    load_id = uuid.uuid4().hex
    sent: dict[str, int] = {}
    with open_driver(settings) as driver:
        try:
            ensure_schema(driver, settings.database)
            loaded = _run(driver, "loaded_generation", settings.database).records[0]["generation"]
            if not full and generation and loaded == generation:
                if on_plan:
                    on_plan("none", 0)
                return sent
            writer = _BatchWriter(driver, settings.database, load_id, batch_size, on_batch, sent)
            delta = snapshot.delta if snapshot is not None else None
            if not full and delta is not None and loaded == delta["parent"]:
                if on_plan:
                    on_plan("delta", _delta_rows(snapshot, delta))
                _load_delta(writer, snapshot, delta)
            else:
                if on_plan:
                    on_plan("all", sum((store.manifest.get("rows") or {}).values()) or None)
                _load_all(writer, store, snapshot)
            if generation:
                _run(driver, "set_loaded_generation", settings.database, generation=generation)
        except ClientError as exc:
            raise LoadError(f"Neo4j rejected a write to {settings.display_uri}: {exc.message}") from exc
        except (ServiceUnavailable, SessionExpired, Neo4jError, OSError) as exc:
            message = " ".join(str(getattr(exc, "message", None) or exc).split())[:200]
            raise LoadError(f"Neo4j at {settings.display_uri} stopped answering during the load ({message}); "
                            "the batches written are kept: run kg load again to finish") from None
    return sent


class _BatchWriter:
    """Send rows in UNWIND batches, one managed transaction each, counting what was sent."""

    def __init__(self, driver, database: str, load_id: str, batch_size: int,
                 on_batch: Optional[Callable[[str, int], None]], sent: dict[str, int]):
        self.driver, self.database, self.load_id, self.batch_size = driver, database, load_id, batch_size
        self.on_batch, self.sent = on_batch, sent

    def write(self, table_name: str, statement: str, rows: Iterable[dict]) -> None:
        text = Query(get_query(statement).text)
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= self.batch_size:
                self._send(table_name, text, batch)
                batch = []
        if batch:
            self._send(table_name, text, batch)

    def _send(self, table_name: str, text: Query, rows: list[dict]) -> None:
        self.driver.execute_query(text, parameters_={"rows": rows, "load": self.load_id}, database_=self.database)
        self.sent[table_name] = self.sent.get(table_name, 0) + len(rows)
        if self.on_batch:
            self.on_batch(table_name, len(rows))

    def run(self, statement: str, **params) -> None:
        self.driver.execute_query(Query(get_query(statement).text), parameters_=params, database_=self.database)


def _load_all(writer: _BatchWriter, store, snapshot) -> None:
    """Write every row of the graph, then remove what the server held besides. Rows are read
    from the folder's Parquet snapshot when it belongs to the store (streamed in record batches:
    reading a large relationship table through the store's Cypher needs a buffer pool as large as
    the table), else from the store."""
    from kg.store.schema import NODE_TABLES, REL_TABLES, TABLES

    for table_name, statement in _LOAD_PLAN:
        table = TABLES[table_name]
        if snapshot is not None and snapshot.has(table_name):
            writer.write(table_name, statement, _snapshot_rows(snapshot, table, snapshot.files(table_name)))
        elif table_name in store.tables:  # (a store written by an earlier version lacks Author/WROTE)
            writer.write(table_name, statement, _rows_of(store, table))
    with writer.driver.session(database=writer.database) as session:
        kinds = {"types": [t.name for t in REL_TABLES], "labels": [t.name for t in NODE_TABLES]}
        for statement in ("delete_stale_relationships", "delete_stale_nodes"):
            session.run(Query(get_query(statement).text), load=writer.load_id, **kinds).consume()


def _snapshot_rows(snapshot, table, paths) -> Iterator[dict]:
    import pyarrow.parquet as pq

    for path in paths:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=5000):
            for row in batch.to_pylist():
                yield _loader_row(table, row)


_DELETE_STATEMENTS = {
    "Entity": "delete_entities", "NameKey": "delete_name_keys", "Month": "delete_months", "Ranked": "delete_ranked",
    "PaperCode": "delete_paper_code", "ProlificAuthor": "delete_prolific_authors", "Author": "delete_authors", "NAMES": "delete_names", "RANKS": "delete_ranks",
    "CO_USED": "delete_co_used", "USED_IN": "delete_used_in", "EVALUATED_BY": "delete_evaluated_by",
    "EVALUATED_ON_TOP": "delete_evaluated_on_top", "OUTPERFORMS_TOP": "delete_outperforms_top",
    "LEADERBOARD_TOP": "delete_leaderboard_top", "METHOD_RESULTS_TOP": "delete_method_results_top",
}


def _load_delta(writer: _BatchWriter, snapshot, delta: dict) -> None:
    """Apply a build's delta (see :meth:`kg.store.StoreWriter.commit`) to a server that holds
    the build it started from."""
    from kg.store.schema import TABLES

    papers = delta["papers"]
    for ids in batched(papers, writer.batch_size):
        writer.run("delete_papers", ids=list(ids))
    for ids in batched(papers, 10_000):
        writer.run("delete_papers_outperforms", ids=list(ids))
    for table_name, keys in delta["delete"].items():
        for chunk in batched(keys, writer.batch_size):
            writer.run(_DELETE_STATEMENTS[table_name], keys=list(chunk))
    for table_name, statement in _LOAD_PLAN:
        names = delta["upsert"].get(table_name) or ()
        rows = _snapshot_rows(snapshot, TABLES[table_name], [snapshot.folder / name for name in names])
        writer.write(table_name, statement, rows)


def _delta_rows(snapshot, delta: dict) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(snapshot.folder / name).metadata.num_rows
               for names in delta["upsert"].values() for name in names)


def _loader_row(table, row: dict) -> dict:
    """A staged row in the shape the load statements take."""
    if table.is_rel:
        props = {k: v for k, v in decode_offsets(row).items() if k not in ("from", "to") and v is not None}
        return {"from": row["from"], "to": row["to"], "props": props}
    first = table.key
    item = {first: row[first], "props": {k: v for k, v in row.items() if v is not None and k != first}}
    if table.name == "Entity":
        item["label"] = row["label"]
    return item


def load_graph(graph: Graph, settings: Neo4jSettings, **options) -> dict[str, int]:
    """Load a whole in-memory ``graph`` (it is written to a temporary store first)."""
    import tempfile

    from kg.store import Store, write_graph

    with tempfile.TemporaryDirectory() as folder:
        write_graph(graph, folder)
        with Store(folder) as store:
            return load_store(store, settings, **options)


def database_counts(driver: neo4j.Driver, database: str) -> dict[str, dict[str, int]]:
    """Counts in the same shape as ``kg stats --json``."""
    nodes = {r["label"]: r["n"] for r in _run(driver, "count_nodes", database).records}
    rels = {r["type"]: r["n"] for r in _run(driver, "count_relationships", database).records}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


_PAPER_FIELDS = frozenset(Paper.model_fields) - {"id"}
_RELATION_FIELDS = frozenset(Relation.model_fields) - {"source", "type", "target"}
_RESULT_FIELDS = frozenset(Result.model_fields) - {"id", "paper", "method", "benchmark", "metric"}


def pull_graph(settings: Neo4jSettings) -> Graph:
    """Read the whole knowledge graph from Neo4j back into the typed model (derived counters,
    lookup nodes and load stamps left out)."""
    try:
        return _pull(settings)
    except _Misfit as misfit:
        node, exc = misfit.args
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LoadError(f"Neo4j at {settings.display_uri} holds a {exc.title} {node!r} that does not fit the model "
                        f"({where}: {first['msg']}, got {str(first.get('input'))[:60]!r}); fix it there or "
                        "load the graph folder again with kg load") from None


class _Misfit(Exception):
    """(node or relationship, its ValidationError)"""


def _pull(settings: Neo4jSettings) -> Graph:
    papers, entities, relations, results = [], [], [], []
    with open_driver(settings) as driver:
        for record in _run(driver, "pull_nodes", settings.database).records:
            props = dict(record["props"])
            try:
                if record["label"] == NodeLabel.PAPER.value:
                    papers.append(Paper(id=record["id"], **{k: v for k, v in props.items() if k in _PAPER_FIELDS}))
                else:
                    entities.append(Entity(id=record["id"], label=NodeLabel(record["label"]), name=props.get("name"),
                                           aliases=props.get("aliases") or []))
            except ValidationError as exc:
                raise _Misfit(record["id"], exc) from None
        for record in _run(driver, "pull_relationships", settings.database).records:
            props = {k: v for k, v in dict(record["props"]).items() if k in _RELATION_FIELDS}
            try:
                relations.append(Relation(source=record["source"], type=RelType(record["type"]),
                                          target=record["target"], **props))
            except ValidationError as exc:
                raise _Misfit(f"{record['source']} -{record['type']}-> {record['target']}", exc) from None
        for record in _run(driver, "pull_results", settings.database).records:
            props = {k: v for k, v in dict(record["props"]).items() if k in _RESULT_FIELDS}
            try:
                results.append(Result(id=record["id"], paper=record["paper"], benchmark=record["benchmark"],
                                      method=record["method"], metric=record["metric"], **props))
            except ValidationError as exc:
                raise _Misfit(record["id"], exc) from None
    return Graph(papers=papers, entities=entities, relations=relations, results=results)
