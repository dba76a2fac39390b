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

    def __init__(self, folder: Path):
        self.db = sqlite3.connect(folder / "staging.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE records(seq INTEGER PRIMARY KEY, data TEXT, hash TEXT, extraction TEXT)")
        self.db.execute("CREATE TABLE extractions(seq INTEGER PRIMARY KEY, paper TEXT, data TEXT)")
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


def _stage_records(staging: _Staging, sources, *, format, on_reject, rejects: list,
                   existing: Iterable = ()) -> tuple[int, array, int]:
    """Write every record to staging, after the papers of ``existing`` (a paper cache, for
    --update) with their cached extractions; returns (records, the group of each, existing papers)."""
    owner: dict[bytes, int] = {}
    parent = array("q")
    old = 0
    insert_old = "INSERT INTO records(seq, data, hash, extraction) VALUES (?, ?, ?, ?)"
    for cached in existing:
        paper = Paper.model_validate_json(cached.paper_json)
        parent.append(old)
        for key in _identity_keys(paper):
            owner.setdefault(key, old)
        staging.db.execute(insert_old, (old, cached.paper_json, cached.hash, cached.extraction_json))
        old += 1

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    insert = "INSERT INTO records(seq, data) VALUES (?, ?)"
    batch = []
    count = 0
    for record in _papers_of(sources, format=format, rejects=rejects, on_reject=on_reject):
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


def _merged_papers(staging: _Staging, groups: array) -> Iterator[tuple[Paper, Optional[tuple[str, str]]]]:
    """The merged papers in the order their last record was read, each with the (hash,
    extraction) cached for it when it was already in the graph: a group of one record (most
    papers) goes out at once; a larger group when its last record has been seen.

    A paper already in the graph and read again takes the text of the new records (a new version
    of an abstract replaces the old one) and keeps everything else the records agree on."""
    sizes: dict[int, int] = {}
    for root in groups:
        sizes[root] = sizes.get(root, 0) + 1
    pending: dict[int, list[tuple[Paper, Optional[tuple[str, str]]]]] = {}
    for seq, data, hash_, extraction in staging.db.execute("SELECT seq, data, hash, extraction FROM records ORDER BY seq"):
        paper = Paper.model_validate_json(data)
        cached = (hash_, extraction) if hash_ is not None else None
        root = groups[seq]
        if sizes[root] == 1:
            yield paper, cached
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
                combined = merge_papers(merged, before)
                merged = combined.model_copy(update={"title": merged.title, "abstract": merged.abstract})
            elif olds:
                for other, _ in olds[1:]:
                    merged = merge_papers(merged, other)
            yield merged, (olds[0][1] if olds else None)


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
    extractions); ``"replace"`` builds the graph from ``sources`` alone. Without a mode, a folder
    whose graph was built from other sources is refused (``InputError``), so that a second build
    never silently replaces a graph.

    Rejected input is reported through ``on_reject`` and written to ``out/rejects.jsonl``. The
    previous graph of ``out`` stays readable until the new one replaces it in one rename; a build
    that reads no paper at all stops (``InputError``) and leaves it as it was, unless
    ``allow_empty`` (or ``mode="update"``, where it changes nothing).

    ``progress(iterable, label, total)`` may wrap each phase's stream (a progress bar).
    """
    from extractors.pipeline import extract_papers  # spaCy loads only when extraction runs
    from kg.store.papers import PAPERS_FILE, PaperCache, cache_path, text_hash

    if mode not in (None, "update", "replace"):
        raise ValueError(f"mode must be None, 'update' or 'replace', not {mode!r}")
    progress = progress or _no_progress
    folder = Path(out)
    sources = [str(source) for source in sources]
    rejects: list[Reject] = []
    timings: dict[str, float] = {}
    config = config_path.read_text(encoding="utf-8") if config_path else ""
    with folder_lock(folder):
        previous = _previous_sources(folder)
        if mode is None and previous is not None and _resolved(previous) != _resolved(sources):
            shown = ", ".join(previous) or "(no sources recorded)"
            raise InputError(f"{folder} holds a graph built from {shown}: add --update to add these papers to it, "
                             "or --replace to rebuild it from these sources alone")
        existing = PaperCache(cache_path(folder)) if mode == "update" and previous is not None else None
        with StoreWriter(folder) as writer:
            staging = _Staging(writer.staging)
            new_cache = PaperCache(writer.staging / PAPERS_FILE, create=True)
            try:
                started = time.perf_counter()
                count, groups, old = _stage_records(staging, sources, format=format, on_reject=on_reject,
                                                    rejects=rejects, existing=existing if existing is not None else ())
                timings["read"] = time.perf_counter() - started
                if count == 0 and not allow_empty and mode != "update":
                    raise InputError("no paper was read from the sources; the graph in "
                                     f"{folder} is left as it was")
                distinct = len(set(groups))

                started = time.perf_counter()
                resolver = Resolver()
                rows = GraphRows({})
                order: deque[tuple[Paper, str]] = deque()
                seq = 0
                reused = 0
                insert = "INSERT INTO extractions(seq, paper, data) VALUES (?, ?, ?)"
                batch = []

                def keep(paper: Paper, extraction_json: str, extraction: PaperExtraction, digest: str) -> None:
                    nonlocal seq
                    resolver.add(extraction)
                    for table, row in rows.paper(paper):
                        writer.add(table, row)
                    new_cache.add(paper.model_dump_json(), paper.id, digest, extraction_json)
                    batch.append((seq, paper.model_dump_json(include={"id", "month", "sources", "title"}), extraction_json))
                    seq += 1
                    if len(batch) >= 1000:
                        staging.db.executemany(insert, batch)
                        batch.clear()

                def to_extract() -> Iterator[Paper]:
                    nonlocal reused
                    for paper, cached in _merged_papers(staging, groups):
                        digest = text_hash(paper, config)
                        if cached is not None and cached[0] == digest:
                            reused += 1
                            extraction_json, extraction = cached[1], PaperExtraction.model_validate_json(cached[1])
                            if extraction.paper_id != paper.id:  # the paper took an arXiv id since
                                extraction = extraction.model_copy(update={"paper_id": paper.id})
                                extraction_json = extraction.model_dump_json()
                            keep(paper, extraction_json, extraction, digest)
                            continue
                        order.append((paper, digest))
                        yield paper

                extracted = extract_papers(to_extract(), n_process=n_process, config_path=config_path)
                for extraction in progress(extracted, "extracting", distinct - old if existing else distinct):
                    paper, digest = order.popleft()
                    keep(paper, extraction.model_dump_json(), extraction, digest)
                if batch:
                    staging.db.executemany(insert, batch)
                staging.db.execute("COMMIT")
                new_cache.finish()
                timings["extract"] = time.perf_counter() - started

                started = time.perf_counter()
                entities = resolver.entities()
                rows.labels.update({e.id: e.label.value for e in entities})
                timings["resolve"] = time.perf_counter() - started

                started = time.perf_counter()
                stream = staging.db.execute("SELECT paper, data FROM extractions ORDER BY seq")
                for paper_data, data in progress(stream, "relations", distinct):
                    paper = _PaperRef(**json.loads(paper_data))
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
                if existing is not None:
                    existing.close()
            started = time.perf_counter()
            recorded = list(dict.fromkeys((previous or []) + sources)) if mode == "update" else sources
            store_path = writer.commit({"entries_read": count, "rejects": len(rejects), "sources": recorded,
                                        "papers_extracted": distinct - reused, "papers_reused": reused},
                                       alongside=[writer.staging / PAPERS_FILE])
            timings["bulk load"] = time.perf_counter() - started
    write_rejects(rejects, folder)
    with Store(folder) as store:
        counts = store.counts()
    return BuildResult(counts=counts, rejects=rejects, entries_read=count, store_path=store_path, timings=timings,
                       extracted=distinct - reused, reused=reused)


class _PaperRef(NamedTuple):
    """What writing a paper's facts reads of it. (``Paper.model_construct`` took 2 ms a paper:
    pydantic inspects each default factory's signature on every call.)"""

    id: str
    title: str
    sources: list[str] = []
    month: Optional[str] = None


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
