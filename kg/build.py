"""The main job as a Python API: read listings, extract, resolve, write the graph folder's store.

Example (what ``kg build data/hf-daily-papers`` does)::

    from kg.build import build
    result = build(["data/hf-daily-papers"], out="kg-data")
    result.counts["nodes"]["Paper"]   # 310

The build streams: records are staged on disk (SQLite) as they are read, duplicates are merged
group by group, extraction results go back to disk, entities are resolved from statistics of
names (:class:`kg.resolve.Resolver`), and the store's tables are written in Parquet chunks and
bulk-loaded at the end (:class:`kg.store.StoreWriter`). Memory grows with the number of distinct
names and dataset pairs, not with the number of papers.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from array import array
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Optional, Union

from kg.errors import InputError
from kg.extraction import PaperExtraction
from kg.identity import deduplicate_papers, merge_papers
from kg.model import Paper, title_key
from kg.readers import Reject, read_sources
from kg.resolve import Resolver, paused_gc
from kg.store import Store, StoreWriter, folder_lock, return_free_memory
from kg.store.derived import entity_columns, paper_rows, relation_rows, result_rows, write_derived

__all__ = ["BuildResult", "read_papers", "build", "extract_to_file", "REJECTS_FILE"]

REJECTS_FILE = "rejects.jsonl"
# From this many papers, a full build stages its rows in a forked process and extracts in a worker
# of that process: the heap they leave behind (spaCy's vocabulary tables, caches, the allocator's
# free blocks; ~1.5 GB together after 100,000 abstracts of unseen text) goes before the bulk load
# takes its buffer pool. Below it, starting them (the pipeline loads again) costs more than it saves.
SEPARATE_PROCESS_PAPERS = 5_000
Progress = Callable[[Iterable, str, Optional[int]], Iterable]


@dataclass
class BuildResult:
    counts: dict[str, dict[str, int]]
    rejects: list[Reject] = field(default_factory=list)
    entries_read: int = 0
    store_path: Optional[Path] = None
    timings: dict[str, float] = field(default_factory=dict)
    extracted: int = 0  # papers extracted by this build
    reused: int = 0  # papers whose earlier extraction was kept (--update)

    @property
    def folder(self) -> Optional[Path]:
        return self.store_path.parent if self.store_path else None


def _papers_of(sources, *, format: Optional[str], rejects: list[Reject],
               on_reject: Optional[Callable[[Reject], None]]) -> Iterator[Paper]:
    """The papers of ``sources``; each reject is kept in ``rejects`` and reported as it comes."""
    for record in read_sources(sources, format=format):
        if isinstance(record, Reject):
            rejects.append(record)
            if on_reject:
                on_reject(record)
        else:
            yield record


def read_papers(
    sources: Iterable[Union[str, Path]], *, format: Optional[str] = None, on_reject: Optional[Callable[[Reject], None]] = None
) -> tuple[list[Paper], list[Reject], int]:
    """Read and deduplicate papers in memory; returns (papers, rejects, entries read). For small
    corpora and tests: :func:`build` streams instead."""
    rejects: list[Reject] = []
    records = list(_papers_of(sources, format=format, rejects=rejects, on_reject=on_reject))
    return deduplicate_papers(records), rejects, len(records)


def _no_progress(stream: Iterable, label: str, total: Optional[int]) -> Iterable:
    return stream


class _Staging:
    """The build's scratch space: records and extraction results on disk (SQLite), so that only
    identity keys stay in memory."""

    def __init__(self, folder: Path, *, reopen: bool = False):
        self.db = sqlite3.connect(folder / "staging.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        if not reopen:
            self.db.execute("CREATE TABLE records(seq INTEGER PRIMARY KEY, data TEXT, hash TEXT, extraction TEXT, "
                            "old_seq INTEGER, old_id TEXT)")
            self.db.execute("CREATE TABLE extractions(seq INTEGER PRIMARY KEY, paper TEXT, data TEXT)")
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


class _Old(NamedTuple):
    """A paper of the graph being updated, as its cache holds it."""

    seq: int
    id: str
    hash: str
    extraction: str


def _stage_records(staging: _Staging, records: Iterable[Paper], *, existing: Iterable = ()) -> tuple[int, array, int]:
    """Write every record to staging, after the papers of ``existing`` (cached papers of the graph
    being updated) with their cache entries; returns (records, the group of each, existing papers)."""
    owner: dict[bytes, int] = {}
    parent = array("q")
    old = 0
    insert_old = "INSERT INTO records(seq, data, hash, extraction, old_seq, old_id) VALUES (?, ?, ?, ?, ?, ?)"
    for cached in existing:
        paper = Paper.model_validate_json(cached.paper_json)
        parent.append(old)
        for key in _identity_keys(paper):
            owner.setdefault(key, old)
        staging.db.execute(insert_old, (old, cached.paper_json, cached.hash, cached.extraction_json, cached.seq, cached.id))
        old += 1

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    insert = "INSERT INTO records(seq, data) VALUES (?, ?)"
    batch = []
    count = 0
    for record in records:
        seq = old + count
        count += 1
        parent.append(seq)
        for key in _identity_keys(record):
            if key in owner:
                a, b = find(owner[key]), find(seq)
                parent[max(a, b)] = min(a, b)  # the earliest record stays the group's root
            else:
                owner[key] = seq
        batch.append((seq, record.model_dump_json()))
        if len(batch) >= 2000:
            staging.db.executemany(insert, batch)
            batch.clear()
    if batch:
        staging.db.executemany(insert, batch)
    del owner
    for i in range(old + count):
        parent[i] = find(i)
    return count, parent, old


def _identity_keys(paper: Paper) -> list[bytes]:
    return [b"t" + _digest(title_key(paper.title))] + ([b"a" + paper.arxiv_id.encode()] if paper.arxiv_id else [])


def _merged_papers(staging: _Staging, groups: array) -> Iterator[tuple[Paper, list[_Old]]]:
    """The merged papers in the order their last record was read, each with the cache entries of
    the graph's papers it is (none for a new paper): a group of one record (most papers) goes out
    at once; a larger group when its last record has been seen.

    A paper already in the graph and read again takes the text of the new records (a new version
    of an abstract replaces the old one) and keeps everything else the records agree on."""
    sizes: dict[int, int] = {}
    for root in groups:
        sizes[root] = sizes.get(root, 0) + 1
    pending: dict[int, list[tuple[Paper, Optional[_Old]]]] = {}
    rows = staging.db.execute("SELECT seq, data, hash, extraction, old_seq, old_id FROM records ORDER BY seq")
    for seq, data, hash_, extraction, old_seq, old_id in rows:
        paper = Paper.model_validate_json(data)
        cached = _Old(old_seq, old_id, hash_, extraction) if hash_ is not None else None
        root = groups[seq]
        if sizes[root] == 1:
            yield paper, [cached] if cached else []
            continue
        members = pending.setdefault(root, [])
        members.append((paper, cached))
        if len(members) == sizes[root]:
            del pending[root]
            olds = [(p, c) for p, c in members if c is not None]
            news = [p for p, c in members if c is None]
            merged = news[0] if news else olds[0][0]
            for other in news[1:]:
                merged = merge_papers(merged, other)
            if olds and news:
                before = olds[0][0]
                for other, _ in olds[1:]:
                    before = merge_papers(before, other)
                combined = merge_papers(before, merged)  # (sources in the order a full build reads them)
                merged = combined.model_copy(update={"title": merged.title, "abstract": merged.abstract})
            elif olds:
                for other, _ in olds[1:]:
                    merged = merge_papers(merged, other)
            yield merged, [c for _, c in olds]


class _Previous:
    """The graph an update starts from: its paper cache and, when they belong to the graph the
    folder holds and to the current extractors, the resolver's statistics and the Parquet
    snapshot of its paper tables. With them an update touches only the papers it concerns
    (incremental); without them (a folder of an earlier version, a build killed between its
    renames, other extractors) every cached paper is read again."""

    def __init__(self, folder: Path, pipeline: str):
        from kg.store.papers import PaperCache, cache_path
        from kg.store.store import Snapshot

        self.cache = PaperCache(cache_path(folder))
        self.resolver: Optional[Resolver] = None
        self.assignment: dict[str, str] = {}
        self.snapshot = Snapshot.open(folder)
        generation = self.snapshot.generation if self.snapshot else None
        if generation and self.cache.meta("generation") == generation and self.cache.meta("pipeline") == pipeline:
            state = _read_state(folder / STATE_FILE)
            if state and state.get("generation") == generation and state.get("format") == STATE_FORMAT:
                self.resolver = Resolver.from_state(state["resolver"])
                self.assignment = state["assignment"]

    @property
    def incremental(self) -> bool:
        return self.resolver is not None

    def close(self) -> None:
        self.cache.close()


STATE_FILE = "resolver.pickle"
# (1: each name's entity id and label; 2: its entity id, which starts with the label; 3: labels as
# text; 4: in parts)
STATE_FORMAT = 4
# Names per part of the state file. Pickle remembers every object of one dump, to write an object
# met twice once: over a million papers' names that memo was half a gigabyte, the build's peak.
# Each part holds a slice of the names with a slice of the written forms, which were mostly added
# together and share their strings, so reading the file back shares them as before.
STATE_PART = 65_536


ENTITIES_FILE = "entities.arrow"  # (the entities' columns, from the staging process to the derived tables')


def _save_entities(table, path: Path) -> None:
    import pyarrow as pa

    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as out:
        out.write_table(table)


def _load_entities(path: Path):
    """The table :func:`_save_entities` wrote, mapped from the file rather than read into memory."""
    import pyarrow as pa

    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all()


def _read_state(path: Path) -> Optional[dict]:
    import pickle

    try:
        with path.open("rb") as handle, paused_gc():
            header = pickle.load(handle)
            if not isinstance(header, dict) or header.get("format") != STATE_FORMAT:
                return header if isinstance(header, dict) else None  # (an older format: the caller resolves anew)
            forms: dict[tuple, int] = {}
            labels: dict[str, Union[str, dict[str, int]]] = {}
            surfaces: dict[str, Union[str, dict[str, int]]] = {}
            assignment: dict[str, str] = {}
            while len(surfaces) < header["names"] or len(forms) < header["forms"]:
                keys, key_labels, key_surfaces, ids, form_counts = pickle.load(handle)
                if not keys and not form_counts:
                    return None
                labels.update(zip(keys, key_labels))
                surfaces.update(zip(keys, key_surfaces))
                assignment.update(zip(keys, ids))
                forms.update(form_counts)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, KeyError):
        return None
    return {"format": STATE_FORMAT, "generation": header["generation"], "assignment": assignment,
            "resolver": {"long_forms": header["long_forms"], "forms": forms, "labels": labels, "surfaces": surfaces}}


def _write_state(path: Path, generation: str, resolver: Resolver, assignment: dict[str, str]) -> None:
    import pickle
    from itertools import islice

    state = resolver.state()
    forms, labels, surfaces = state["forms"], state["labels"], state["surfaces"]
    with path.open("wb") as handle, paused_gc():
        pickle.dump({"format": STATE_FORMAT, "generation": generation, "long_forms": state["long_forms"],
                     "names": len(surfaces), "forms": len(forms)}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        names, form_counts = iter(surfaces), iter(forms.items())
        while True:
            keys, counts = list(islice(names, STATE_PART)), list(islice(form_counts, STATE_PART))
            if not keys and not counts:
                break
            part = (keys, [labels[key] for key in keys], [surfaces[key] for key in keys],
                    [assignment[key] for key in keys], counts)
            pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
            del part, keys, counts


def build(
    sources: Iterable[Union[str, Path]],
    *,
    out: Union[str, Path] = "kg-data",
    format: Optional[str] = None,
    n_process: int = 1,
    on_reject: Optional[Callable[[Reject], None]] = None,
    progress: Optional[Progress] = None,
    config_path: Optional[Path] = None,
    allow_empty: bool = False,
    mode: Optional[str] = None,
) -> BuildResult:
    """Read ``sources``, extract entities and relations, resolve them, write the store in ``out``.

    ``mode``: ``"update"`` adds the papers of ``sources`` to the graph of ``out`` and re-extracts
    only papers that are new or whose text changed (the folder's paper cache holds the others'
    extractions), re-resolving only papers whose names now resolve differently and copying the
    rows of every other paper from the previous build; ``"replace"`` builds the graph from
    ``sources`` alone. Without a mode, a folder whose graph was built from other sources is
    refused (``InputError``), so that a second build never silently replaces a graph.

    Rejected input is reported through ``on_reject`` and written to ``out/rejects.jsonl``. The
    previous graph of ``out`` stays readable until the new one replaces it in one rename; a build
    that reads no paper at all stops (``InputError``) and leaves it as it was, unless
    ``allow_empty`` (or ``mode="update"``, where it changes nothing).

    ``progress(iterable, label, total)`` may wrap each phase's stream (a progress bar).
    """
    import uuid

    from kg.store.papers import PAPERS_FILE, PaperCache, pipeline_fingerprint, text_hash

    if mode not in (None, "update", "replace"):
        raise ValueError(f"mode must be None, 'update' or 'replace', not {mode!r}")
    progress = progress or _no_progress
    folder = Path(out)
    sources = [str(source) for source in sources]
    rejects: list[Reject] = []
    timings: dict[str, float] = {}
    config = config_path.read_text(encoding="utf-8") if config_path else ""
    pipeline = pipeline_fingerprint(config)
    generation = uuid.uuid4().hex
    with folder_lock(folder):
        previous_sources = _previous_sources(folder)
        if mode is None and previous_sources is not None and _resolved(previous_sources) != _resolved(sources):
            shown = ", ".join(previous_sources) or "(no sources recorded)"
            raise InputError(f"{folder} holds a graph built from {shown}: add --update to add these papers to it, "
                             "or --replace to rebuild it from these sources alone")
        started = time.perf_counter()
        previous = _Previous(folder, pipeline) if mode == "update" and previous_sources is not None else None
        timings["previous state"] = time.perf_counter() - started
        incremental = previous is not None and previous.incremental
        with StoreWriter(folder) as writer:
            staging = _Staging(writer.staging)
            try:
                started = time.perf_counter()
                records = _papers_of(sources, format=format, rejects=rejects, on_reject=on_reject)
                if incremental:
                    records, keys = _staged_incoming(staging, records)
                    existing = previous.cache.papers_with_identity(keys)
                else:
                    existing = previous.cache if previous is not None else ()
                count, groups, old = _stage_records(staging, records, existing=existing)
                timings["read"] = time.perf_counter() - started
                if count == 0 and not allow_empty and mode != "update":
                    raise InputError("no paper was read from the sources; the graph in "
                                     f"{folder} is left as it was")
                distinct = len(set(groups))
                in_child = not incremental and distinct >= SEPARATE_PROCESS_PAPERS

                # Extraction, resolution and the tables' rows. A large full build does this in a
                # forked process, so that the heap it leaves behind (~1 GB at 100,000 papers) is
                # gone before the bulk load takes its buffer pool; the files it staged and its
                # counts come back. (An SQLite connection must not cross a fork: the child opens its own.)
                def stage_all(derive: bool = True) -> dict:
                    cache = PaperCache.create(writer.staging / PAPERS_FILE, copy_of=previous.cache if incremental else None)
                    started = time.perf_counter()
                    resolver = previous.resolver if incremental else Resolver()
                    order: deque[tuple[Paper, str, list[_Old]]] = deque()
                    seq = 0
                    reused = 0
                    handled: set[int] = set()  # cache entries written by this build
                    dropped: set[str] = set()  # ids of the graph's papers whose rows are written again
                    insert = "INSERT INTO extractions(seq, paper, data) VALUES (?, ?, ?)"
                    batch = []

                    def stage(paper: Paper, extraction_json: str) -> None:
                        nonlocal seq
                        for table, row in paper_rows(paper):
                            writer.add(table, row)
                        batch.append((seq, paper.model_dump_json(include={"id", "month", "sources", "title", "date"}), extraction_json))
                        seq += 1
                        if len(batch) >= 1000:
                            staging.db.executemany(insert, batch)
                            batch.clear()

                    def keep(paper: Paper, extraction_json: str, extraction: PaperExtraction, digest: str,
                             olds: list[_Old]) -> None:
                        resolver.add(extraction)
                        stage(paper, extraction_json)
                        slot = olds[0].seq if incremental and olds else None
                        written = cache.put(slot, paper.id, paper.model_dump_json(), digest, extraction_json,
                                            _identity_keys(paper), Resolver.name_keys(extraction))
                        if incremental:
                            for other in olds[1:]:
                                cache.delete(other.seq)
                            handled.update(o.seq for o in olds)
                            handled.add(written)

                    def to_extract() -> Iterator[Paper]:
                        nonlocal reused
                        for paper, olds in _merged_papers(staging, groups):
                            removed = []  # (parsed once: a kept extraction is the first of them)
                            if incremental:
                                for other in olds:  # its statistics are counted again below
                                    removed.append(PaperExtraction.model_validate_json(other.extraction))
                                    resolver.remove(removed[-1])
                                    dropped.add(other.id)
                            digest = text_hash(paper, config)
                            if olds and olds[0].hash == digest:
                                reused += 1
                                extraction_json = olds[0].extraction
                                extraction = removed[0] if removed else PaperExtraction.model_validate_json(extraction_json)
                                if extraction.paper_id != paper.id:  # the paper took an arXiv id since
                                    extraction = extraction.model_copy(update={"paper_id": paper.id})
                                    extraction_json = extraction.model_dump_json()
                                keep(paper, extraction_json, extraction, digest, olds)
                                continue
                            order.append((paper, digest, olds))
                            yield paper

                    # (imported here: a large build's own process never loads spaCy, ~65 MiB
                    # it would otherwise still hold during the bulk load)
                    from extractors.pipeline import extract_papers

                    to_do = distinct - old if previous is not None else distinct
                    extracted = extract_papers(to_extract(), n_process=n_process, config_path=config_path,
                                               isolated=to_do >= SEPARATE_PROCESS_PAPERS)
                    for extraction in progress(extracted, "extracting", to_do):
                        paper, digest, olds = order.popleft()
                        keep(paper, extraction.model_dump_json(), extraction, digest, olds)
                    timings["extract"] = time.perf_counter() - started

                    started = time.perf_counter()
                    entities = resolver.resolved()
                    now = resolver.assignment()
                    untouched = len(previous.cache) - len(dropped) if incremental else 0
                    resolved_again = 0
                    if incremental:
                        # Papers none of whose names resolve differently keep their rows; the others
                        # are resolved again from their cached extraction.
                        before = previous.assignment
                        changed = [key for key, eid in now.items() if before.get(key) != eid]
                        changed += [key for key in before if key not in now]
                        for cached in cache.papers_with_names(changed):
                            if cached.seq in handled:
                                continue
                            dropped.add(cached.id)
                            resolved_again += 1
                            stage(Paper.model_validate_json(cached.paper_json), cached.extraction_json)
                    if batch:
                        staging.db.executemany(insert, batch)
                    staging.db.execute("COMMIT")
                    timings["resolve"] = time.perf_counter() - started

                    started = time.perf_counter()
                    # The relations need the names' clusters alone: the resolver's statistics and
                    # the names' assignment (1.5 GB at a million papers of new text) are saved and
                    # let go first.
                    _write_state(writer.staging / STATE_FILE, generation, resolver, now)
                    timings["of which state"] = time.perf_counter() - started
                    resolver.forget_statistics()
                    now = None
                    return_free_memory()
                    stream = staging.db.execute("SELECT paper, data FROM extractions ORDER BY seq")
                    for paper_data, data in progress(stream, "relations", seq):
                        paper = _PaperRef(**json.loads(paper_data))
                        extraction = PaperExtraction.model_validate_json(data)
                        relations, results = resolver.facts(paper, extraction)
                        for table, row in relation_rows(relations, paper):
                            writer.add(table, row)
                        for table, row in result_rows(results, paper):
                            writer.add(table, row)
                    if incremental:
                        writer.keep_from(previous.snapshot, dropped)
                        writer.start_in_place()  # (the store takes the new papers while the derived tables are computed)
                    # The derived tables need the entities' columns, not millions of tuples (the
                    # clusters go first: the tuples are in ``entities`` as well).
                    resolver.forget_resolution()
                    resolver = None
                    entity_table = entity_columns(entities)
                    entities = None
                    cache.set_meta(generation=generation, pipeline=pipeline)
                    cache.finish()
                    if derive:
                        return_free_memory()
                        deriving = time.perf_counter()
                        write_derived(writer, entity_table)
                        timings["of which derived tables"] = time.perf_counter() - deriving
                    else:
                        _save_entities(entity_table, writer.staging / ENTITIES_FILE)
                    del entity_table
                    timings["write tables"] = time.perf_counter() - started
                    return {"reused": reused, "untouched": untouched, "resolved_again": resolved_again,
                            "timings": timings}

                def stage_in_child() -> dict:
                    nonlocal staging
                    staging = _Staging(writer.staging, reopen=True)
                    try:
                        return stage_all(derive=False)
                    finally:
                        staging.close()

                def derive_in_child() -> float:
                    deriving = time.perf_counter()
                    write_derived(writer, _load_entities(writer.staging / ENTITIES_FILE))
                    return time.perf_counter() - deriving

                if in_child:
                    staging.db.execute("COMMIT")
                    staging.close()
                    staged = writer.stage_in_forked_process(stage_in_child)
                    timings.update(staged["timings"])
                    # The derived tables in a process of their own, forked from this small one:
                    # the staging process's heap, freed but fragmented by millions of names
                    # (2 GB of it at a million papers of new text), does not lie under them.
                    started = time.perf_counter()
                    timings["of which derived tables"] = writer.stage_in_forked_process(derive_in_child)
                    (writer.staging / ENTITIES_FILE).unlink()
                    timings["write tables"] += time.perf_counter() - started
                else:
                    staged = stage_all()
                reused, untouched, resolved_again = staged["reused"], staged["untouched"], staged["resolved_again"]
            finally:
                staging.close()
                if previous is not None:
                    previous.close()
            started = time.perf_counter()
            recorded = list(dict.fromkeys((previous_sources or []) + sources)) if mode == "update" else sources
            store_path = writer.commit({"entries_read": count, "rejects": len(rejects), "sources": recorded,
                                        "papers_extracted": distinct - reused, "papers_reused": reused + untouched,
                                        "papers_resolved_again": resolved_again,
                                        "papers_copied": untouched - resolved_again},
                                       alongside=[writer.staging / PAPERS_FILE, writer.staging / STATE_FILE],
                                       generation=generation)
            # "bulk load": every row into a new store; "store update": the changes applied to a copy
            timings["store update" if "in place" in writer.timings else "bulk load"] = time.perf_counter() - started
            # (parts of that phase: computing the changes, for Neo4j and the store; then applying them)
            for part in ("delta", "papers in background", "waited", "changes", "checkpoint"):
                if part in writer.timings:
                    timings[f"of which {part}"] = writer.timings[part]
    write_rejects(rejects, folder)
    with Store(folder) as store:
        counts = store.counts()
    return BuildResult(counts=counts, rejects=rejects, entries_read=count, store_path=store_path, timings=timings,
                       extracted=distinct - reused, reused=reused + untouched)


def _staged_incoming(staging: _Staging, records: Iterable[Paper]) -> tuple[Iterator[Paper], set[bytes]]:
    """Read ``records`` into staging once, to learn their identity keys before they are grouped
    with the graph's papers; returns (the records again, from staging, and their keys)."""
    staging.db.execute("CREATE TABLE incoming(seq INTEGER PRIMARY KEY, data TEXT)")
    keys: set[bytes] = set()
    batch = []
    for record in records:
        keys.update(_identity_keys(record))
        batch.append((record.model_dump_json(),))
        if len(batch) >= 2000:
            staging.db.executemany("INSERT INTO incoming(data) VALUES (?)", batch)
            batch.clear()
    staging.db.executemany("INSERT INTO incoming(data) VALUES (?)", batch)

    def again() -> Iterator[Paper]:
        for (data,) in staging.db.execute("SELECT data FROM incoming ORDER BY seq").fetchall():
            yield Paper.model_validate_json(data)

    return again(), keys


class _PaperRef(NamedTuple):
    """What writing a paper's facts reads of it. (``Paper.model_construct`` took 2 ms a paper:
    pydantic inspects each default factory's signature on every call.)"""

    id: str
    title: str
    sources: list[str] = []
    month: Optional[str] = None
    date: Optional[str] = None


def _previous_sources(folder: Path) -> Optional[list[str]]:
    """The sources the folder's graph was built from, or None when it holds no graph."""
    from kg.store import MANIFEST_FILE, store_exists

    if not store_exists(folder):
        return None
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(s) for s in manifest.get("sources") or []]


def _resolved(sources: list[str]) -> set[str]:
    return {str(Path(s).resolve()) for s in sources}


def write_rejects(rejects: list[Reject], folder: Path) -> Path:
    path = folder / REJECTS_FILE
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in rejects:
            fh.write(json.dumps({"file": r.file, "line": r.line, "reason": r.reason, "text": r.text}, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def extract_to_file(
    sources: Iterable[Union[str, Path]], output: Union[str, Path], *, format: Optional[str] = None,
    on_reject: Optional[Callable[[Reject], None]] = None, n_process: int = 1, config_path: Optional[Path] = None,
) -> tuple[int, list[Reject]]:
    """Write one prediction line per input record (keyed by the input's own id when it has one),
    streaming: records are not all held in memory."""
    from extractors.pipeline import extract_papers

    rejects: list[Reject] = []
    ids: deque[str] = deque()

    def papers() -> Iterator[Paper]:
        for record in _papers_of(sources, format=format, rejects=rejects, on_reject=on_reject):
            ids.append(record.input_id or record.id)
            yield record

    count = 0
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for ex in extract_papers(papers(), n_process=n_process, config_path=config_path):
            prediction = ex.to_prediction()
            prediction["id"] = ids.popleft()
            fh.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(path)
    return count, rejects
