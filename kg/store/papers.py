"""The graph folder's paper cache (``papers.sqlite``): every paper of the graph with the hash of
its text and its extraction, so that ``kg build --update`` re-extracts only papers that are new or
whose text changed. The cache is written next to the store by every build and moved into place
just before the store, so that a build killed between the two leaves a cache that holds at least
the papers of the store."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Union

from kg.errors import InputError
from kg.model import Paper

__all__ = ["PAPERS_FILE", "PaperCache", "CachedPaper", "text_hash", "extractor_fingerprint"]

PAPERS_FILE = "papers.sqlite"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extraction code, configuration, data and models: a cached extraction made by
    other extractors is stale."""
    import importlib.util

    root = Path(importlib.util.find_spec("extractors").origin).parent
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def text_hash(paper: Paper, config: str = "") -> str:
    """What an extraction depends on: the paper's title and abstract, and the pipeline."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (extractor_fingerprint(), config, paper.title, paper.abstract):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class CachedPaper:
    __slots__ = ("paper_json", "hash", "extraction_json")

    def __init__(self, paper_json: str, hash: str, extraction_json: str):
        self.paper_json, self.hash, self.extraction_json = paper_json, hash, extraction_json


class PaperCache:
    """Read (an existing folder's) or write (a build's staging) paper cache."""

    def __init__(self, path: Union[str, Path], *, create: bool = False):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise InputError(f"{self.path.parent}: no paper cache ({PAPERS_FILE}); it was built by an earlier "
                             "version: rebuild it once with --replace and all its sources")
        self.db = sqlite3.connect(self.path, isolation_level=None)
        if create:
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            self.db.execute("CREATE TABLE papers(seq INTEGER PRIMARY KEY, id TEXT, hash TEXT, paper BLOB, extraction BLOB)")
            self.db.execute("BEGIN")
        self._batch: list[tuple] = []

    def add(self, paper_json: str, paper_id: str, hash: str, extraction_json: str) -> None:
        self._batch.append((paper_id, hash, zlib.compress(paper_json.encode("utf-8"), 1),
                            zlib.compress(extraction_json.encode("utf-8"), 1)))
        if len(self._batch) >= 2000:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self.db.executemany("INSERT INTO papers(id, hash, paper, extraction) VALUES (?, ?, ?, ?)", self._batch)
            self._batch.clear()

    def finish(self) -> None:
        self._flush()
        self.db.execute("COMMIT")
        self.db.close()

    def __iter__(self) -> Iterator[CachedPaper]:
        for _, hash_, paper, extraction in self.db.execute("SELECT id, hash, paper, extraction FROM papers ORDER BY seq"):
            yield CachedPaper(zlib.decompress(paper).decode("utf-8"), hash_, zlib.decompress(extraction).decode("utf-8"))

    def close(self) -> None:
        self.db.close()


def cache_path(folder: Union[str, Path]) -> Path:
    return Path(folder) / PAPERS_FILE
