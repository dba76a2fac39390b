"""The embedded store: a LadybugDB database file in the graph folder, written in bulk, read with
Cypher.

LadybugDB (the maintained MIT-licensed fork of Kùzu) is an embedded property-graph database:
columnar storage on disk, a primary-key index per node table, CSR adjacency lists, Cypher. A
graph folder holds ``graph.lbug`` and a ``manifest.json``; opening it reads nothing until a query
asks, so ``kg query`` on a million papers answers from disk in milliseconds.

Writing is a build: rows are staged to Parquet files table by table (:class:`StoreWriter`, memory
bounded by the chunk size), then a new database file is bulk-loaded with ``COPY`` and moved over
the old one in one rename, so that a build killed at any moment leaves the previous graph
readable. An update (``kg build --update``) instead applies its changes (the rows of the papers it
wrote again, and the entity and derived rows that differ) to a copy of the current file, which
then replaces it the same way. Builds into one folder are serialised by a lock file.
"""

from __future__ import annotations

import fcntl
import gc
import json
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from kg.errors import KGError, MirrorNotFoundError
from kg.store.schema import NODE_TABLES, REL_TABLES, TABLES, Table, ddl

__all__ = ["STORE_FILE", "MANIFEST_FILE", "FORMAT_VERSION", "Store", "StoreWriter", "open_store", "store_exists",
           "StoreError"]

STORE_FILE = "graph.lbug"
MANIFEST_FILE = "manifest.json"
LOCK_FILE = ".lock"
SNAPSHOT_DIR = "tables"
SNAPSHOT_FORMAT = 4  # the tables' layout: a snapshot of another layout is not used (1: no MENTIONS; 2: spans as text; 3: EVALUATED_ON.title; 4: WROTE.authors, ProlificAuthor, Result's paper columns)
# The tables whose rows each belong to one paper, and what says which: a paper id column, the
# paper's lookup key ("key", through KEYS) or its result's id ("result", through Result).
PAPER_TABLE_KEYS = {
    "Paper": "id", "PaperKey": "key", "KEYS": "to", "WROTE": "to", "Result": "paper", "REPORTS": "from",
    "ON_BENCHMARK": "result", "BY_METHOD": "result", "MEASURED_BY": "result",
    "PROPOSES": "paper", "USES": "paper", "EVALUATED_ON": "paper", "OUTPERFORMS": "paper",
}
_MISSING_TABLE = re.compile(r"Table (\w+) does not exist")
_MISSING_PROPERTY = re.compile(r"Cannot find property (\w+) for")
FORMAT_VERSION = 2  # 1: the node-link graph.json of earlier versions
READ_BUFFER = 256 * 1024 * 1024  # LadybugDB's default takes most of the machine's memory
def _write_buffer() -> int:
    """Bytes of a write's buffer pool: $KG_WRITE_BUFFER_MB, else half the machine's memory up to
    8 GiB and at least 1 GiB. LadybugDB keeps pages in the pool as long as it has room, so the
    process grows towards this size: a bulk load asks for less (:func:`_bulk_load_buffer`)."""
    chosen = int(os.environ.get("KG_WRITE_BUFFER_MB") or 0) * 2**20
    if chosen:
        return chosen
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        memory = 2 * 2**30
    return max(2**30, min(8 * 2**30, memory // 2))


def _bulk_load_buffer(largest_relationship_rows: int) -> int:
    """The buffer pool a bulk load starts with. A COPY into a relationship table kept both ways
    holds that whole table (into one loaded file by file, ``Table.loaded_by_file``, the file it
    loads), about 1 KiB a row (a million synthetic papers: 1.9 million USES rows failed with
    1.5 GiB and loaded with 2 GiB, peak RSS 2.6 GB; 100,000 real abstracts load in 1 GiB). A load
    that still runs out of room is started again with a larger pool (:meth:`StoreWriter._bulk_load`)."""
    if os.environ.get("KG_WRITE_BUFFER_MB"):
        return _write_buffer()
    return max(2**30, min(_write_buffer(), 2**29 + largest_relationship_rows * 1024))


def return_free_memory() -> None:
    """Give freed memory back to the system: Arrow's allocator and glibc keep freed blocks for
    reuse (about 180 MB at 300,000 synthetic papers), and a process's peak is what it holds plus
    what it takes next (the bulk load's buffer pool, the derived tables)."""
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: its allocator keeps what it keeps
        pass


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class _BufferPoolFull(Exception):
    """A bulk load ran out of buffer pool (it is tried again with a larger one)."""


def _ladybug():
    import ladybug

    return ladybug


def store_exists(folder: Union[str, Path]) -> bool:
    return (Path(folder) / STORE_FILE).is_file()


class Store:
    """A graph folder opened for reading.

    >>> import tempfile
    >>> from kg.model import Graph, Paper
    >>> folder = tempfile.mkdtemp()
    >>> from kg.store import write_graph
    >>> _ = write_graph(Graph(papers=[Paper(id="p", title="T", abstract="A")]), folder)
    >>> with Store(folder) as store:
    ...     store.query("MATCH (p:Paper) RETURN p.title AS title")
    (['title'], [{'title': 'T'}])
    """

    def __init__(self, folder: Union[str, Path], *, buffer_pool_size: int = READ_BUFFER):
        self.folder = Path(folder)
        self._tables: Optional[frozenset[str]] = None
        path = self.folder / STORE_FILE
        if not path.is_file():
            from kg.store.migrate import describe_old_format

            old = describe_old_format(self.folder)
            if old:
                raise MirrorNotFoundError(old)
            raise MirrorNotFoundError(f"no graph in {self.folder}: run `kg build SOURCE --data {self.folder}` first")
        lb = _ladybug()
        try:
            self._db = lb.Database(str(path), read_only=True, buffer_pool_size=buffer_pool_size)
            self._conn = lb.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"{path}: cannot open the graph store: {exc}") from None

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
            self._conn = None
        if db is not None:
            db.close()
            self._db = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def manifest(self) -> dict:
        path = self.folder / MANIFEST_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def query(self, text: str, params: Optional[dict] = None) -> tuple[list[str], list[dict]]:
        """Run read-only Cypher; returns (columns, rows as dicts). The database is opened read-only,
        so a write fails whatever the text says."""
        result = self._execute(text, params)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, result.get_next())))
        result.close()
        return columns, rows

    def _execute(self, text: str, params: Optional[dict]):
        if self._conn is None:
            raise StoreError(f"{self.folder}: the store is closed")
        try:
            result = self._conn.execute(text, params or {})
        except RuntimeError as exc:
            message = str(exc).strip().splitlines()[0]
            missing = _MISSING_TABLE.search(message)
            if missing and missing.group(1) in TABLES:
                message = (f"{self.folder} was written by an earlier version of kg and has no {missing.group(1)} table: "
                           f"build it again with this version (kg build <its sources> --data {self.folder})")
            missing = _MISSING_PROPERTY.search(message)
            lacking = self._tables_lacking(missing.group(1)) if missing else []
            if lacking:
                message = (f"{self.folder} was written by an earlier version of kg ({lacking[0]} has no {missing.group(1)}): "
                           f"build it again with this version (kg build <its sources> --data {self.folder})")
            raise StoreError(message) from None
        return result[-1] if isinstance(result, list) else result

    def _tables_lacking(self, column: str) -> list[str]:
        """The tables of the schema that have ``column`` and lack it in this store (one written
        before the column was added). A query asking for a property no table has gets none."""
        lacking = []
        for table in TABLES.values():
            if column not in table.column_names:
                continue
            try:  # (table_info takes no parameter; the name is the schema's)
                result = self._conn.execute(f"CALL table_info('{table.name}') RETURN name")
            except RuntimeError:  # the table itself is missing: said above
                continue
            names = set()
            while result.has_next():
                names.add(result.get_next()[0])
            if column not in names:
                lacking.append(table.name)
        return lacking

    def rows(self, text: str, params: Optional[dict] = None, *, batch: int = 10_000) -> Iterator[dict]:
        """Stream the rows of a query (for exports and loads of large graphs)."""
        result = self._execute(text, params)
        columns = result.get_column_names()
        try:
            while result.has_next():
                yield dict(zip(columns, result.get_next()))
        finally:
            result.close()

    @property
    def tables(self) -> frozenset[str]:
        """The tables this store has (a store written by an earlier version lacks newer ones)."""
        if self._tables is None:
            _, rows = self.query("CALL show_tables() RETURN name")
            self._tables = frozenset(row["name"] for row in rows)
        return self._tables

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}`` of the graph (derived tables left out)."""
        nodes: dict[str, int] = {}
        _, rows = self.query("MATCH (p:Paper) RETURN count(*) AS n")
        if rows[0]["n"]:
            nodes["Paper"] = rows[0]["n"]
        _, rows = self.query("MATCH (e:Entity) RETURN e.label AS label, count(*) AS n")
        nodes.update({r["label"]: r["n"] for r in rows})
        _, rows = self.query("MATCH (r:Result) RETURN count(*) AS n")
        if rows[0]["n"]:
            nodes["Result"] = rows[0]["n"]
        rels: dict[str, int] = {}
        if "Author" in self.tables:
            _, rows = self.query("MATCH (a:Author) RETURN count(*) AS n")
            if rows[0]["n"]:
                nodes["Author"] = rows[0]["n"]
            _, rows = self.query("MATCH ()-[r:WROTE]->() RETURN count(*) AS n")
            if rows[0]["n"]:
                rels["WROTE"] = rows[0]["n"]
        for table in REL_TABLES:
            if table.derived or table.source == "Result" or table.target == "Result":
                continue  # (a result's links are counted as the result)
            _, rows = self.query(f"MATCH ()-[r:{table.name}]->() RETURN count(*) AS n")
            if rows[0]["n"]:
                rels[table.name] = rows[0]["n"]
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def open_store(folder: Union[str, Path]) -> Store:
    return Store(folder)


@contextmanager
def folder_lock(folder: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the folder's lock: one build (or update) at a time. Without ``wait`` a second writer
    is refused at once with a one-line error instead of racing the first."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / LOCK_FILE, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise StoreError(f"{folder}: another build is writing this graph folder; wait for it to finish") from None
        yield
    finally:
        handle.close()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _in_forked_process(work: Callable[[], Any]) -> Any:
    """What ``work()`` returns, run in a forked child process (or what it raises, raised here)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)

    def run() -> None:
        # The child shares the parent's heap page by page until either writes to a page. A
        # collection of the cyclic GC writes to every object it inspects, so one full collection
        # here copied the parent's whole heap (a staging child of a 100,000-paper build measured
        # 219 MiB in one run, 374 in another); frozen, the inherited objects are never inspected.
        gc.freeze()
        try:
            outcome = (True, work())
        except BaseException as exc:  # (KeyboardInterrupt too: the parent raises it)
            outcome = (False, exc)
        try:
            sending.send(outcome)
        except Exception:  # an exception that does not pickle: its message does
            sending.send((False, KGError(f"{type(outcome[1]).__name__}: {outcome[1]}")))

    child = context.Process(target=run, name="kg-staging")
    child.start()
    sending.close()
    try:
        ok, value = receiving.recv()
    except EOFError:
        child.join()
        raise KGError(f"the staging process ended without a result (exit code {child.exitcode})") from None
    finally:
        receiving.close()
    child.join()
    if not ok:
        raise value
    return value


class StoreWriter:
    """Stage rows to Parquet, table by table, then bulk-load a new store and swap it in.

    Rows are buffered ``chunk_rows`` at a time per table and written as Parquet row groups into a
    private staging folder, so memory holds at most one chunk per table. :meth:`commit` builds the
    database next to the old one, then replaces it with one rename.
    """

    FILE_ROWS = 250_000  # rows per Parquet file: one COPY each, and what an update links unchanged

    def __init__(self, folder: Union[str, Path], *, chunk_rows: int = 5_000, file_rows: Optional[int] = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.folder))
        self.file_rows = file_rows or self.FILE_ROWS  # one COPY per file: LadybugDB's memory for a COPY grows with the file
        self.chunk_rows = min(chunk_rows, self.file_rows)
        self._buffers: dict[str, list[dict]] = {}
        self._writers: dict[str, Any] = {}
        self._files: dict[str, list[Path]] = {}
        self._parent: Optional[Snapshot] = None  # the previous build's snapshot, when this one updates it
        self._dropped: list[str] = []
        self._kept: set[Path] = set()
        self._file_fill: dict[str, int] = {}
        self.rows_written: dict[str, int] = {}
        self.timings: dict[str, float] = {}
        self._papers_applied: Optional[threading.Thread] = None  # see start_in_place
        self._papers_error: Optional[BaseException] = None

    def add(self, table: str, row: dict) -> None:
        buffer = self._buffers.setdefault(table, [])
        buffer.append(row)
        if len(buffer) >= self.chunk_rows:
            self._flush(table)

    def add_many(self, table: str, rows: Iterable[dict]) -> None:
        for row in rows:
            self.add(table, row)

    def add_columns(self, table_name: str, columns: dict) -> None:
        """Add rows given as columns (name -> list or Arrow array, every staged column of the
        table): what :meth:`add` does for a row, for a whole table at once."""
        import pyarrow as pa

        self._flush(table_name)
        kinds = dict(TABLES[table_name].staged_columns)
        batch = pa.table({name: pa.array(columns[name], type=_arrow_type(kind)) if not isinstance(columns[name], (pa.Array, pa.ChunkedArray))
                          else columns[name].cast(_arrow_type(kind)) for name, kind in kinds.items()})
        for start in range(0, batch.num_rows, self.chunk_rows):
            self._write_batch(table_name, batch.slice(start, self.chunk_rows))

    def _flush(self, table_name: str) -> None:
        import pyarrow as pa

        rows = self._buffers.get(table_name)
        if not rows:
            return
        table = TABLES[table_name]
        names = table.staged_columns
        arrays = {name: pa.array([row.get(name) for row in rows], type=_arrow_type(kind)) for name, kind in names}
        self._write_batch(table_name, pa.table(arrays))
        rows.clear()

    def _write_batch(self, table_name: str, batch) -> None:
        import pyarrow.parquet as pq

        writer = self._writers.get(table_name)
        if writer is not None and self._file_fill[table_name] >= self.file_rows:
            writer.close()
            writer = None
        if writer is None:
            files = self._files.setdefault(table_name, [])
            path = self.staging / f"{table_name}-{len(files):05d}.parquet"
            files.append(path)
            writer = self._writers[table_name] = pq.ParquetWriter(path, batch.schema)
            self._file_fill[table_name] = 0
        writer.write_table(batch)
        self._file_fill[table_name] += batch.num_rows
        self.rows_written[table_name] = self.rows_written.get(table_name, 0) + batch.num_rows

    def seal(self) -> None:
        """Write every buffered row and close the staged files."""
        for name in list(self._buffers):
            self._flush(name)
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()

    def stage_in_forked_process(self, work: Callable[[], Any]) -> Any:
        """Run ``work()``, which adds this writer's rows, in a forked child process, and take the
        files it staged; returns what ``work()`` returns (or raises what it raised).

        The heap that staging leaves behind (records, buffers, Arrow's pool: about 1 GB at 100,000
        papers) goes with the child, so the bulk load's buffer pool does not come on top of it.
        Where ``fork`` is not available the work runs here. (The child must not use a connection
        it inherited, an SQLite one for instance: it opens its own.)"""
        if not _can_fork():
            return work()

        def in_child() -> tuple:
            outcome = work()
            self.seal()
            return outcome, self._files, self.rows_written

        outcome, self._files, self.rows_written = _in_forked_process(in_child)
        return outcome

    def read(self, table_name: str, columns: Sequence[str]):
        """The rows staged so far in ``table_name`` (those columns), as one Arrow table."""
        return _read_all(self._staged_files(table_name), TABLES[table_name], columns)

    def _staged_files(self, table_name: str) -> list[Path]:
        self._flush(table_name)
        writer = self._writers.pop(table_name, None)
        if writer is not None:
            writer.close()  # (the next rows start a new file)
        return self._files.get(table_name, [])

    def read_by_file(self, table_name: str, columns: Sequence[str]) -> Iterator:
        """The rows :meth:`read` gives, one Arrow table per staged file (in the same order), for
        a wide column that need not be in memory all at once."""
        import pyarrow.parquet as pq

        for path in self._staged_files(table_name):
            yield pq.read_table(path, columns=list(columns))

    def keep_from(self, snapshot: "Snapshot", papers: Iterable[str]) -> dict[str, int]:
        """Stage the rows of the previous build's ``snapshot`` except those of ``papers`` (ids),
        ahead of this build's own rows; returns the rows kept per table."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        self._parent, self._dropped = snapshot, sorted(set(papers))
        dropped = pa.array(self._dropped, type=pa.string())
        keys = pc.unique(_column_of(snapshot, "KEYS", "from", where=("to", dropped)))
        results = pc.unique(_column_of(snapshot, "Result", "id", where=("paper", dropped)))
        kept: dict[str, int] = {}
        for name, column in PAPER_TABLE_KEYS.items():
            values = {"key": keys, "result": results}.get(column, dropped)
            column = {"key": "key", "result": "from"}.get(column, column)
            files, fill, writer = [], 0, None
            for path in snapshot.files(name):
                rows = pq.ParquetFile(path).metadata.num_rows
                if rows >= min(self.file_rows // 2, _LINKED_FILE_ROWS) and not pc.any(
                        pc.is_in(pq.read_table(path, columns=[column])[column], value_set=values)).as_py():
                    # A full file none of whose rows go is kept as it is: linked, not written again.
                    files.append(self.staging / f"{name}-kept{len(files):05d}.parquet")
                    _link_or_copy(path, files[-1])
                    kept[name] = kept.get(name, 0) + rows
                    continue
                table = pq.read_table(path)
                table = table.filter(pc.invert(pc.is_in(table[column], value_set=values)))
                if not table.num_rows:
                    continue
                if writer is None or fill >= self.file_rows:
                    if writer is not None:
                        writer.close()
                    files.append(self.staging / f"{name}-kept{len(files):05d}.parquet")
                    writer, fill = pq.ParquetWriter(files[-1], table.schema), 0
                writer.write_table(table)
                fill += table.num_rows
                kept[name] = kept.get(name, 0) + table.num_rows
            if writer is not None:
                writer.close()
            self._files[name] = files + self._files.get(name, [])
            self._kept.update(files)
            self.rows_written[name] = self.rows_written.get(name, 0) + kept.get(name, 0)
        return kept

    def start_in_place(self) -> bool:
        """After :meth:`keep_from` and this build's last paper row: start writing the paper
        tables' changes into a copy of the folder's store in a background thread, and return
        whether it started. LadybugDB releases the GIL, so the rewrite of the large relationship
        tables the new papers add to (most of an update's store time) runs while the build
        computes the derived tables; :meth:`commit` (which starts it when nobody did) waits for
        it and applies the rest: together, the delta :func:`kg.loader.load_store` sends a server.
        An update changes a few thousand rows: applied to a copy of the store they take seconds,
        where loading every row again takes as long as the graph is large. Entities
        and authors the new rows point at and the store lacks are created bare here; their
        columns come with the derived tables."""
        current = self.folder / STORE_FILE
        if (self._parent is None or not current.exists() or os.environ.get("KG_BULK_LOAD")
                or not all(self._parent.has(t.name) for t in NODE_TABLES + REL_TABLES if t.name not in PAPER_TABLE_KEYS)):
            return False  # (commit loads every row instead)
        for name in PAPER_TABLE_KEYS:
            self._flush(name)
            writer = self._writers.pop(name, None)
            if writer is not None:
                writer.close()
        files = {name: [f for f in self._files.get(name, []) if f not in self._kept] for name in PAPER_TABLE_KEYS}
        fresh = self.staging / STORE_FILE

        def apply() -> None:
            try:
                started = time.perf_counter()
                shutil.copyfile(current, fresh)
                self._run_in(fresh, _paper_statements(self._dropped, files))
                self.timings["papers in background"] = time.perf_counter() - started
            except BaseException as exc:  # (re-raised by commit, in the build's thread)
                self._papers_error = exc

        self._papers_applied = threading.Thread(target=apply, name="kg-store-papers", daemon=True)
        self._papers_applied.start()
        return True

    def _run_in(self, path: Path, statements: Iterable[tuple[str, str, dict]]) -> None:
        """Run ``statements`` ((table, text, parameters)) on the database at ``path`` in one
        transaction, then checkpoint."""
        lb = _ladybug()
        db = lb.Database(str(path), buffer_pool_size=_write_buffer())
        conn = lb.Connection(db)
        table_name = "(papers)"
        try:
            started = time.perf_counter()
            conn.execute("BEGIN TRANSACTION")
            for table_name, statement, params in statements:
                conn.execute(statement, params)
            conn.execute("COMMIT")
            self.timings["changes"] = self.timings.get("changes", 0.0) + time.perf_counter() - started
            started = time.perf_counter()
            conn.execute("CHECKPOINT")
            self.timings["checkpoint"] = self.timings.get("checkpoint", 0.0) + time.perf_counter() - started
        except RuntimeError as exc:
            raise StoreError(f"{self.folder}: cannot write the graph store (table {table_name}): {exc}") from None
        finally:
            conn.close()
            db.close()

    def _wait_for_papers(self) -> bool:
        """Wait for :meth:`start_in_place`'s thread; True when it ran, its error raised here."""
        if self._papers_applied is None:
            return False
        started = time.perf_counter()
        self._papers_applied.join()
        self._papers_applied = None
        self.timings["waited"] = time.perf_counter() - started
        if self._papers_error is not None:
            error, self._papers_error = self._papers_error, None
            raise error
        return True

    def commit(self, manifest: Optional[dict] = None, *, alongside: Sequence[Path] = (),
               generation: Optional[str] = None) -> Path:
        """Load every staged table into a new database file and put it in place; returns its path.
        ``alongside``: files of the staging folder moved into the folder just before the store.

        The paper tables' Parquet files are kept in the folder (``tables/``, a :class:`Snapshot`)
        for the next ``kg build --update``, which copies the rows of the papers it does not touch
        from them instead of computing them again."""
        if self._papers_applied is None:
            self.start_in_place()  # (an update whose caller did not start it: it runs while the delta is computed)
        self.seal()
        generation = generation or uuid.uuid4().hex
        fresh = self.staging / STORE_FILE
        target = self.folder / STORE_FILE
        started_delta = time.perf_counter()
        delta = self._delta(generation) if self._parent is not None else None
        self.timings["delta"] = time.perf_counter() - started_delta
        started = time.perf_counter()
        if self._wait_for_papers():
            if delta is None:  # (start_in_place checked what _delta needs: not expected)
                raise StoreError(f"{self.folder}: the update's changes could not be computed; build again with --replace")
            self._run_in(fresh, _derived_statements(delta, self.staging))
            self.timings["in place"] = time.perf_counter() - started
        else:
            return_free_memory()
            self._bulk_load(fresh)
            self.timings["bulk load"] = time.perf_counter() - started
        Snapshot.write(self.staging / SNAPSHOT_DIR, generation, {t.name: self._files.get(t.name, []) for t in NODE_TABLES + REL_TABLES},
                       delta)
        current_snapshot = self.folder / SNAPSHOT_DIR
        if current_snapshot.exists():
            current_snapshot.replace(self.staging / (SNAPSHOT_DIR + ".old"))
        (self.staging / SNAPSHOT_DIR).replace(current_snapshot)
        for staged in alongside:
            staged.replace(self.folder / staged.name)
        fresh.replace(target)  # one rename: readers see the old graph or the new one, never half of one
        for leftover in (self.folder / (STORE_FILE + ".wal"),):
            if leftover.exists():
                leftover.unlink()
        info = {"format": FORMAT_VERSION, "generation": generation, "rows": dict(sorted(self.rows_written.items())),
                **(manifest or {})}
        tmp = self.staging / MANIFEST_FILE
        tmp.write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(self.folder / MANIFEST_FILE)
        self.discard()
        self.generation = generation
        return target

    def _bulk_load(self, fresh: Path) -> None:
        """Load every staged table into a new database file ``fresh``, with the smallest buffer
        pool that holds the largest relationship COPY: one sized from its rows, then (if the
        load runs out of room) half as large again, up to :func:`_write_buffer`."""
        import pyarrow.parquet as pq

        # what one COPY takes: a table loaded whole, or one file of a table loaded file by file
        rows = 0
        for table in REL_TABLES:
            per_file = [pq.ParquetFile(f).metadata.num_rows for f in self._files.get(table.name, ())]
            rows = max(rows, max(per_file, default=0) if table.loaded_by_file else sum(per_file))
        pool, ceiling = _bulk_load_buffer(rows), _write_buffer()
        while True:
            try:
                self._bulk_load_with(fresh, pool)
                return
            except _BufferPoolFull as full:
                if pool >= ceiling:
                    raise StoreError(f"{self.folder}: cannot write the graph store (table {full}): a {pool // 2**20} MiB "
                                     "buffer pool is too small (set KG_WRITE_BUFFER_MB)") from None
                pool = min(ceiling, pool * 3 // 2)
                for leftover in fresh.parent.glob(fresh.name + "*"):
                    leftover.unlink()

    def _bulk_load_with(self, fresh: Path, pool: int) -> None:
        lb = _ladybug()
        current = "(schema)"
        db = lb.Database(str(fresh), buffer_pool_size=pool)
        conn = lb.Connection(db)
        try:
            for statement in ddl():
                conn.execute(statement)
            for table in NODE_TABLES + REL_TABLES:
                files = self._files.get(table.name, ())
                if not files:
                    continue
                current = table.name
                if table.loaded_by_file:
                    # File by file, in the order staged (by paper): each COPY fills the forward
                    # lists of its own papers, so it costs one file whatever the table's size (the
                    # USES of a million papers of new text: one COPY of 3.6 million rows took 6 GiB
                    # of buffer pool); see Table.loaded_by_file for the tables kept both ways.
                    sources, reopen = [_quoted(f) for f in files], True
                elif table.is_rel or os.environ.get("KG_COPY_WHOLE"):
                    # One COPY per relationship table kept both ways: a COPY into one that already
                    # holds rows rebuilds its adjacency lists, which made a million papers take hours.
                    sources, reopen = ["[" + ", ".join(_quoted(f) for f in files) + "]"], True
                else:
                    sources, reopen = [_quoted(f) for f in files], False
                for source in sources:
                    conn.execute(f"COPY {table.name} FROM {source}")
                    if reopen:
                        # What a COPY holds outside the buffer pool stays until the database
                        # closes, and a checkpoint does not free it: open it again after each
                        # relationship COPY, so the peak is the largest one's, not the sum
                        # (writing 1M synthetic papers: 2,900 -> 2,411 MiB, the same 38 s).
                        conn.close()
                        db.close()
                        conn = db = None
                        db = lb.Database(str(fresh), buffer_pool_size=pool)
                        conn = lb.Connection(db)
        except RuntimeError as exc:
            if "buffer pool is full" in str(exc):
                raise _BufferPoolFull(current) from None
            raise StoreError(f"{self.folder}: cannot write the graph store (table {current}): {exc}") from None
        finally:
            if conn is not None:
                conn.close()
            if db is not None:
                db.close()

    def _delta(self, generation: str) -> Optional[dict]:
        """What changed since the parent snapshot, for a server that holds the parent's graph
        (:func:`kg.loader.load_store`): the papers whose rows were written again (their old rows
        go), the rows this build wrote for them, and for the other tables (entities and derived
        tables, which any paper may change) the rows that differ and the keys that went.
        None when the parent snapshot lacks a table to compare."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        delta = {"parent": self._parent.generation, "generation": generation, "papers": self._dropped,
                 "upsert": {}, "delete": {}}
        for name in PAPER_TABLE_KEYS:
            delta["upsert"][name] = [f.name for f in self._files.get(name, []) if f not in self._kept]
        for table in NODE_TABLES + REL_TABLES:
            if table.name in PAPER_TABLE_KEYS:
                continue
            if not self._parent.has(table.name):
                return None
            old = _read_all(self._parent.files(table.name), table)
            new = _read_all(self._files.get(table.name, []), table)
            every = [name for name, _ in table.staged_columns]
            new_rows, old_rows = _fingerprints(new, every), _fingerprints(old, every)
            changed = new.filter(pc.invert(pc.is_in(new_rows, value_set=old_rows)))
            if table.is_rel:
                # A pair's relationships are replaced together (a pair may have several: one
                # OUTPERFORMS_TOP per paper), so a pair with any row added, changed or gone is
                # deleted and written again whole; so is a pair ending at a paper written again
                # (taking the paper out took its relationships).
                key_columns = ["from", "to"]
                stale = old.filter(pc.invert(pc.is_in(old_rows, value_set=new_rows)))
                touched = pa.concat_arrays([_fingerprints(changed, key_columns), _fingerprints(stale, key_columns)])
                rewritten = pc.is_in(_fingerprints(new, key_columns), value_set=touched)
                for end, node in (("from", table.source), ("to", table.target)):
                    if node == "Paper" and self._dropped:
                        rewritten = pc.or_(rewritten, pc.is_in(new[end], value_set=pa.array(self._dropped, type=pa.string())))
                changed = new.filter(rewritten)
                gone = old.filter(pc.is_in(_fingerprints(old, key_columns), value_set=touched))
            else:  # (a primary key is never null: its values are their own fingerprints)
                key_columns = [table.key]
                gone = old.filter(pc.invert(pc.is_in(old[table.key], value_set=new[table.key].combine_chunks())))
            if gone.num_rows:
                delta["delete"][table.name] = [list(key) for key in dict.fromkeys(zip(*(gone[c].to_pylist() for c in key_columns)))]
            if changed.num_rows:
                path = self.staging / f"{table.name}-delta.parquet"
                pq.write_table(changed, path)
                delta["upsert"][table.name] = [path.name]
        return delta

    def discard(self) -> None:
        """Drop the staging folder (the previous graph, if any, stays as it was)."""
        if self._papers_applied is not None:
            self._papers_applied.join()  # (its database is in the staging folder)
            self._papers_applied, self._papers_error = None, None
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:
            self.discard()


# A file of at least this many rows is linked by an update when none of its rows go; smaller ones
# (an update's own rows) are merged, so that daily updates do not leave a file each per table.
_LINKED_FILE_ROWS = 20_000


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # (a file system without hard links)
        shutil.copyfile(source, target)


def _quoted(path: Path) -> str:
    """A staged file's path as a Cypher string literal (LadybugDB takes no parameter for a file)."""
    text = str(path)
    if "'" in text or "\\" in text:
        raise StoreError(f"{path.parent}: a graph folder's path may not hold a quote or a backslash")
    return f"'{text}'"


def _delete_pairs(table: Table, pairs: list[dict]) -> tuple[str, str, dict]:
    """The statement deleting ``table``'s relationships between the given ends ({"a", "b"} keys)."""
    source, target = TABLES[table.source], TABLES[table.target]
    return table.name, (f"UNWIND $keys AS k MATCH (a:{source.name} {{{source.key}: k.a}}) WITH a, k "
                        f"MATCH (a)-[r:{table.name}]->(b:{target.name} {{{target.key}: k.b}}) DELETE r"), {"keys": pairs}


_DERIVED_ENDS = ("Entity", "Author")  # node tables the paper tables point at but do not write


def _paper_statements(papers: list[str], files: dict[str, list[Path]]) -> Iterator[tuple[str, str, dict]]:
    """The statements taking the rows of ``papers`` (ids) out of a store and putting the paper
    tables' new rows (``files`` per table) in. The entities and authors these rows point at and
    the store lacks are created with their key alone (the derived tables' changes set the rest).
    Lookups are anchored on a node's primary key before the pattern widens (``MATCH (a {key})
    WITH a MATCH (a)-[r]->(b)``): in one pattern LadybugDB joins both ends by scanning. (Every
    variable is carried through ``WITH``: LadybugDB 0.22 fails on "MATCH (p {id: i}) WITH p
    MATCH (p)-->(r)" with i dropped.)"""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for start in range(0, len(papers), 1000):
        ids = papers[start : start + 1000]
        yield "Result", "UNWIND $ids AS i MATCH (p:Paper {id: i}) WITH p, i MATCH (p)-[:REPORTS]->(r:Result) DETACH DELETE r", {"ids": ids}
        yield "PaperKey", "UNWIND $ids AS i MATCH (p:Paper {id: i}) WITH p, i MATCH (k:PaperKey)-[:KEYS]->(p) DETACH DELETE k", {"ids": ids}
        yield "Paper", "UNWIND $ids AS i MATCH (p:Paper {id: i}) DETACH DELETE p", {"ids": ids}
    if papers:  # comparisons are between entities: the paper is a property
        yield "OUTPERFORMS", "MATCH ()-[r:OUTPERFORMS]->() WHERE r.paper IN $ids DELETE r", {"ids": papers}
    ends: dict[str, set[str]] = {}
    for name in PAPER_TABLE_KEYS:
        table = TABLES[name]
        for end, node in (("from", table.source), ("to", table.target)) if table.is_rel else ():
            if node in _DERIVED_ENDS:
                for path in files.get(name) or ():
                    ends.setdefault(node, set()).update(pc.unique(pq.read_table(path, columns=[end])[end]).to_pylist())
    for node, ids in sorted(ends.items()):
        ordered = sorted(ids)
        for start in range(0, len(ordered), 5000):
            yield node, f"UNWIND $ids AS i MERGE (n:{node} {{{TABLES[node].key}: i}})", {"ids": ordered[start : start + 5000]}
    for table in NODE_TABLES + REL_TABLES:
        if table.name in PAPER_TABLE_KEYS:
            for path in files.get(table.name) or ():
                yield _upsert_statement(table, path)


def _derived_statements(delta: dict, folder: Path) -> Iterator[tuple[str, str, dict]]:
    """The statements applying ``delta``'s changes of the tables that are not the papers' own
    (entities and derived tables; files in ``folder``). A relationship pair that is written again
    is among the deleted ones already (see :meth:`StoreWriter._delta`), or was not there."""
    for name, keys in delta["delete"].items():
        table = TABLES[name]
        if table.is_rel:
            yield _delete_pairs(table, [{"a": a, "b": b} for a, b in keys])
        else:
            yield name, f"UNWIND $keys AS k MATCH (n:{name} {{{table.key}: k}}) DETACH DELETE n", {"keys": [k[0] for k in keys]}
    for table in NODE_TABLES + REL_TABLES:
        if table.name in PAPER_TABLE_KEYS:
            continue
        for file_name in delta["upsert"].get(table.name) or ():
            yield _upsert_statement(table, folder / file_name)


def _upsert_statement(table: Table, path: Path) -> tuple[str, str, dict]:
    """The statement putting the rows of a staged file into the store: relationships created
    between their ends, nodes merged on their key."""
    if table.is_rel:
        source, target = TABLES[table.source], TABLES[table.target]
        carried = "".join(f", `{column}`" for column in table.column_names)
        properties = ", ".join(f"`{column}`: `{column}`" for column in table.column_names)
        return table.name, (f"LOAD FROM {_quoted(path)} MATCH (a:{source.name} {{{source.key}: `from`}}) "
                            f"WITH a, `from`, `to`{carried} MATCH (b:{target.name} {{{target.key}: `to`}}) "
                            f"CREATE (a)-[:{table.name} {{{properties}}}]->(b)"), {}
    key = table.key
    sets = ", ".join(f"n.`{column}` = `{column}`" for column in table.column_names[1:])
    return table.name, f"LOAD FROM {_quoted(path)} MERGE (n:{table.name} {{`{key}`: `{key}`}})" + (
        f" SET {sets}" if sets else ""), {}


class Snapshot:
    """The Parquet files of the paper tables a build loaded (``tables/`` in the graph folder), with
    the build's generation: an update uses them only when the manifest names the same one."""

    INDEX = "index.json"

    def __init__(self, folder: Path, index: dict):
        self.folder, self.generation, self._files = folder, index["generation"], index["files"]
        self.delta: Optional[dict] = index.get("delta")

    @classmethod
    def open(cls, graph_folder: Union[str, Path]) -> Optional["Snapshot"]:
        """The folder's snapshot when it belongs to the graph the folder holds, else None."""
        folder = Path(graph_folder) / SNAPSHOT_DIR
        try:
            index = json.loads((folder / cls.INDEX).read_text(encoding="utf-8"))
            manifest = json.loads((Path(graph_folder) / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (index.get("generation") != manifest.get("generation") or index.get("format") != SNAPSHOT_FORMAT
                or not set(PAPER_TABLE_KEYS) <= set(index.get("files", ()))):
            return None
        return cls(folder, index)

    def files(self, table: str) -> list[Path]:
        return [self.folder / name for name in self._files[table]]

    def has(self, table: str) -> bool:
        return table in self._files

    @classmethod
    def write(cls, folder: Path, generation: str, files: dict[str, list[Path]], delta: Optional[dict] = None) -> None:
        folder.mkdir()
        names: dict[str, list[str]] = {}
        for table, paths in files.items():
            names[table] = []
            for path in paths:
                path.replace(folder / path.name)
                names[table].append(path.name)
        if delta is not None:
            for table, upserts in delta["upsert"].items():
                for name in upserts:
                    if (folder.parent / name).exists():  # (a delta file: the others are moved above)
                        (folder.parent / name).replace(folder / name)
        index = {"format": SNAPSHOT_FORMAT, "generation": generation, "files": names, "delta": delta}
        (folder / cls.INDEX).write_text(json.dumps(index), encoding="utf-8")


def _read_all(paths: Sequence[Path], table: Table, columns: Optional[Sequence[str]] = None):
    """The staged rows of ``table`` in Parquet files (those columns, or all), as one Arrow table;
    an empty one of the right columns when there is no file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not paths:
        kinds = dict(table.staged_columns)
        return pa.table({name: pa.array([], type=_arrow_type(kinds[name])) for name in columns or kinds})
    return pa.concat_tables([pq.read_table(p, columns=list(columns) if columns else None) for p in paths])


def _fingerprints(table, columns):
    """One string per row that equals another row's exactly when the two rows are equal in
    ``columns``: each value cast to text and escaped, nulls and lists (with their length) told
    apart."""
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = []
    for name in columns:
        column = table[name]
        if pa.types.is_list(column.type):
            chunks = []
            for chunk in column.chunks:
                values = pc.replace_substring(chunk.values.cast(pa.string()), "\x1e", "\\x1e")
                chunks.append(pa.ListArray.from_arrays(chunk.offsets, values, mask=chunk.is_null()))
            joined = pc.binary_join(pa.chunked_array(chunks, type=pa.list_(pa.string())), "\x1e")
            text = pc.binary_join_element_wise(pc.list_value_length(column).cast(pa.string()), joined, ":")
        elif pa.types.is_string(column.type):
            text = pc.replace_substring(column, "\x1f", "\\x1f")
        else:  # (a number or a truth value has no separator to escape)
            text = column.cast(pa.string())
        parts.append(pc.fill_null(pc.binary_join_element_wise("v", text, ""), "n"))
    if not parts or table.num_rows == 0:
        return pa.array([], type=pa.string())
    return pc.binary_join_element_wise(*parts, "\x1f").combine_chunks()


def _column_of(snapshot: Snapshot, table: str, column: str, *, where: tuple[str, Any]):
    """``column`` of the snapshot's rows of ``table`` whose ``where[0]`` is in ``where[1]``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    parts = []
    for path in snapshot.files(table):
        rows = pq.read_table(path, columns=[column, where[0]])
        parts.append(rows.filter(pc.is_in(rows[where[0]], value_set=where[1]))[column])
    return pa.chunked_array([c for part in parts for c in part.chunks], type=pa.string())


def _arrow_type(kind: str):
    import pyarrow as pa

    base = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOL": pa.bool_()}
    if kind.endswith("[]"):
        return pa.list_(base[kind[:-2]])
    return base[kind]


def node_columns(table: Table) -> Sequence[str]:
    return table.column_names
