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
from typing import Callable, Iterable, Iterator, Optional, Union

from kg.errors import InputError
from kg.extraction import PaperExtraction
from kg.identity import deduplicate_papers, merge_papers
from kg.model import Paper, title_key
from kg.readers import Reject, read_sources
from kg.resolve import Resolver
from kg.store import Store, StoreWriter, folder_lock
from kg.store.derived import GraphRows

__all__ = ["BuildResult", "read_papers", "build", "extract_to_file", "REJECTS_FILE"]

REJECTS_FILE = "rejects.jsonl"
Progress = Callable[[Iterable, str, Optional[int]], Iterable]


@dataclass
class BuildResult:
    counts: dict[str, dict[str, int]]
    rejects: list[Reject] = field(default_factory=list)
    entries_read: int = 0
    store_path: Optional[Path] = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def folder(self) -> Optional[Path]:
        return self.store_path.parent if self.store_path else None


def read_papers(
    sources: Iterable[Union[str, Path]], *, format: Optional[str] = None, on_reject: Optional[Callable[[Reject], None]] = None
) -> tuple[list[Paper], list[Reject], int]:
    """Read and deduplicate papers in memory; returns (papers, rejects, entries read). For small
    corpora and tests: :func:`build` streams instead."""
    records, rejects = [], []
    for record in read_sources(sources, format=format):
        if isinstance(record, Reject):
            rejects.append(record)
            if on_reject:
                on_reject(record)
        else:
            records.append(record)
    return deduplicate_papers(records), rejects, len(records)


def _no_progress(stream: Iterable, label: str, total: Optional[int]) -> Iterable:
    return stream


class _Staging:
    """The build's scratch space: records and extraction results on disk (SQLite), so that only
    identity keys stay in memory."""

    def __init__(self, folder: Path):
        self.db = sqlite3.connect(folder / "staging.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE records(seq INTEGER PRIMARY KEY, data TEXT)")
        self.db.execute("CREATE TABLE extractions(seq INTEGER PRIMARY KEY, paper TEXT, data TEXT)")
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


def _stage_records(staging: _Staging, sources, *, format, on_reject, rejects: list) -> tuple[int, array]:
    """Write every record to staging; returns (records, the group of each record)."""
    owner: dict[bytes, int] = {}
    parent = array("q")

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    insert = "INSERT INTO records(seq, data) VALUES (?, ?)"
    batch = []
    count = 0
    for record in read_sources(sources, format=format):
        if isinstance(record, Reject):
            rejects.append(record)
            if on_reject:
                on_reject(record)
            continue
        seq = count
        count += 1
        parent.append(seq)
        keys = [b"t" + _digest(title_key(record.title))] + ([b"a" + record.arxiv_id.encode()] if record.arxiv_id else [])
        for key in keys:
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
    for i in range(count):
        parent[i] = find(i)
    return count, parent


def _merged_papers(staging: _Staging, groups: array) -> Iterator[Paper]:
    """The merged papers in the order their last record was read: a group of one record (most
    papers) goes out at once; a larger group when its last record has been seen."""
    sizes: dict[int, int] = {}
    for root in groups:
        sizes[root] = sizes.get(root, 0) + 1
    pending: dict[int, list[Paper]] = {}
    for seq, data in staging.db.execute("SELECT seq, data FROM records ORDER BY seq"):
        paper = Paper.model_validate_json(data)
        root = groups[seq]
        if sizes[root] == 1:
            yield paper
            continue
        members = pending.setdefault(root, [])
        members.append(paper)
        if len(members) == sizes[root]:
            del pending[root]
            merged = members[0]
            for other in members[1:]:
                merged = merge_papers(merged, other)
            yield merged


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
) -> BuildResult:
    """Read ``sources``, extract entities and relations, resolve them, write the store in ``out``.

    Rejected input is reported through ``on_reject`` and written to ``out/rejects.jsonl``. The
    previous graph of ``out`` stays readable until the new one replaces it in one rename; a build
    that reads no paper at all stops (``InputError``) and leaves it as it was, unless
    ``allow_empty``.

    ``progress(iterable, label, total)`` may wrap each phase's stream (a progress bar).
    """
    from extractors.pipeline import extract_papers  # spaCy loads only when extraction runs

    progress = progress or _no_progress
    folder = Path(out)
    rejects: list[Reject] = []
    timings: dict[str, float] = {}
    with folder_lock(folder), StoreWriter(folder) as writer:
        staging = _Staging(writer.staging)
        try:
            started = time.perf_counter()
            count, groups = _stage_records(staging, sources, format=format, on_reject=on_reject, rejects=rejects)
            timings["read"] = time.perf_counter() - started
            if count == 0 and not allow_empty:
                raise InputError("no paper was read from the sources; the graph in "
                                 f"{folder} is left as it was")
            distinct = len(set(groups))

            started = time.perf_counter()
            resolver = Resolver()
            rows = GraphRows({})
            papers = _merged_papers(staging, groups)
            order: deque[Paper] = deque()

            def remember(stream: Iterable[Paper]) -> Iterator[Paper]:
                for paper in stream:
                    order.append(paper)
                    yield paper

            insert = "INSERT INTO extractions(seq, paper, data) VALUES (?, ?, ?)"
            batch = []
            extracted = extract_papers(remember(papers), n_process=n_process, config_path=config_path)
            for seq, extraction in enumerate(progress(extracted, "extracting", distinct)):
                paper = order.popleft()
                resolver.add(extraction)
                for table, row in rows.paper(paper):
                    writer.add(table, row)
                batch.append((seq, paper.model_dump_json(include={"id", "month", "sources", "title"}),
                              extraction.model_dump_json()))
                if len(batch) >= 1000:
                    staging.db.executemany(insert, batch)
                    batch.clear()
            if batch:
                staging.db.executemany(insert, batch)
            staging.db.execute("COMMIT")
            timings["extract"] = time.perf_counter() - started

            started = time.perf_counter()
            entities = resolver.entities()
            rows.labels.update({e.id: e.label.value for e in entities})
            timings["resolve"] = time.perf_counter() - started

            started = time.perf_counter()
            stream = staging.db.execute("SELECT paper, data FROM extractions ORDER BY seq")
            for paper_data, data in progress(stream, "relations", distinct):
                paper = Paper.model_construct(**json.loads(paper_data))
                extraction = PaperExtraction.model_validate_json(data)
                relations, results = resolver.facts(paper, extraction)
                for table, row in rows.relations(paper, relations):
                    writer.add(table, row)
                for table, row in rows.results(results):
                    writer.add(table, row)
            writer.add_many("Entity", rows.entity_rows(entities))
            for table, row in rows.derived_rows(entities):
                writer.add(table, row)
            timings["write tables"] = time.perf_counter() - started
        finally:
            staging.close()
        started = time.perf_counter()
        store_path = writer.commit({"entries_read": count, "rejects": len(rejects), "sources": [str(s) for s in sources]})
        timings["bulk load"] = time.perf_counter() - started
    write_rejects(rejects, folder)
    with Store(folder) as store:
        counts = store.counts()
    return BuildResult(counts=counts, rejects=rejects, entries_read=count, store_path=store_path, timings=timings)


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
        for record in read_sources(sources, format=format):
            if isinstance(record, Reject):
                rejects.append(record)
                if on_reject:
                    on_reject(record)
            else:
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
