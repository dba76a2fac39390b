"""The graph folder's paper cache (``papers.sqlite``): every paper of the graph with the hash of
its text and its extraction, so that ``kg build --update`` re-extracts only papers that are new or
whose text changed, and two indexes that let an update touch only the papers it concerns:

- ``ident``: each paper's identity keys (title key, arXiv id), to find the papers a new record
  is a copy of without reading the others;
- ``names``: the ``class|key`` of every name a paper's facts were resolved through, to find the
  papers whose facts change when a name resolves to another entity.

The cache is written next to the store by every build (an update starts from a copy) and moved
into place just before the store, so that a build killed between the two leaves a cache that holds
at least the papers of the store. ``meta`` records the build's generation and pipeline, which an
update checks before trusting the folder's other saved state.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from kg.errors import InputError

__all__ = ["PAPERS_FILE", "PaperCache", "CachedPaper", "text_hash", "extractor_fingerprint", "pipeline_fingerprint"]

PAPERS_FILE = "papers.sqlite"
_SCHEMA = (
    "CREATE TABLE papers(seq INTEGER PRIMARY KEY, id TEXT, hash TEXT, paper BLOB, extraction BLOB)",
    "CREATE TABLE ident(key BLOB, seq INTEGER)",
    "CREATE INDEX ident_key ON ident(key)",
    "CREATE TABLE names(key TEXT, seq INTEGER)",
    "CREATE INDEX names_key ON names(key)",
    "CREATE INDEX names_seq ON names(seq)",
    "CREATE INDEX ident_seq ON ident(seq)",
    "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT)",
)


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


def pipeline_fingerprint(config: str = "") -> str:
    """The extractors and their configuration: every cached extraction is stale when it changes."""
    return hashlib.blake2b((extractor_fingerprint() + "\0" + config).encode("utf-8"), digest_size=12).hexdigest()


def text_hash(paper, config: str = "") -> str:
    """What an extraction depends on: the paper's title and abstract, and the pipeline."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (extractor_fingerprint(), config, paper.title, paper.abstract):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class CachedPaper:
    __slots__ = ("seq", "id", "paper_json", "hash", "extraction_json")

    def __init__(self, seq: int, id: str, paper_json: str, hash: str, extraction_json: str):
        self.seq, self.id, self.paper_json, self.hash, self.extraction_json = seq, id, paper_json, hash, extraction_json


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1)


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


class PaperCache:
    """A paper cache: an existing folder's (read), a new one, or a copy of one to update
    (:meth:`create`), written in one transaction that :meth:`finish` commits."""

    def __init__(self, path: Union[str, Path]):
        self.path = Path(path)
        if not self.path.is_file():
            raise InputError(f"{self.path.parent}: no paper cache ({PAPERS_FILE}); it was built by an earlier "
                             "version: rebuild it once with --replace and all its sources")
        self.db = sqlite3.connect(self.path, isolation_level=None)
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # (A cache of an earlier version has only the papers: an update reads them all.)
        self.indexed = {"ident", "names", "meta"} <= tables

    @classmethod
    def create(cls, path: Union[str, Path], *, copy_of: Optional["PaperCache"] = None) -> "PaperCache":
        """A cache to write at ``path``: empty, or starting as a copy of ``copy_of``."""
        path = Path(path)
        if copy_of is not None:
            shutil.copyfile(copy_of.path, path)
        else:
            db = sqlite3.connect(path, isolation_level=None)
            for statement in _SCHEMA:
                db.execute(statement)
            db.close()
        cache = cls(path)
        cache.db.execute("PRAGMA journal_mode=OFF")
        cache.db.execute("PRAGMA synchronous=OFF")
        cache.db.execute("BEGIN")
        return cache

    # --- reading

    def meta(self, name: str) -> Optional[str]:
        if not self.indexed:
            return None
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def __iter__(self) -> Iterator[CachedPaper]:
        for row in self.db.execute("SELECT seq, id, hash, paper, extraction FROM papers ORDER BY seq"):
            yield self._cached(row)

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM papers").fetchone()[0]

    @staticmethod
    def _cached(row) -> CachedPaper:
        seq, id_, hash_, paper, extraction = row
        return CachedPaper(seq, id_, _unpack(paper), hash_, _unpack(extraction))

    def papers_with_identity(self, keys: Iterable[bytes]) -> list[CachedPaper]:
        """The cached papers that have one of the identity ``keys``, in cache order."""
        return self._papers_where("ident", keys)

    def papers_with_names(self, keys: Iterable[str]) -> list[CachedPaper]:
        """The cached papers whose facts were resolved through one of the name ``keys``."""
        return self._papers_where("names", keys)

    def _papers_where(self, table: str, keys: Iterable) -> list[CachedPaper]:
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(value PRIMARY KEY) WITHOUT ROWID")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((key,) for key in keys))
        rows = self.db.execute(
            f"SELECT seq, id, hash, paper, extraction FROM papers WHERE seq IN "
            f"(SELECT t.seq FROM {table} t JOIN wanted w ON t.key = w.value) ORDER BY seq").fetchall()
        return [self._cached(row) for row in rows]

    # --- writing

    def put(self, seq: Optional[int], paper_id: str, paper_json: str, hash: str, extraction_json: str,
            identity: Iterable[bytes], names: Iterable[str]) -> int:
        """Write a paper (a new one when ``seq`` is None) with its index keys; returns its seq."""
        row = (paper_id, hash, _pack(paper_json), _pack(extraction_json))
        if seq is None:
            seq = self.db.execute("INSERT INTO papers(id, hash, paper, extraction) VALUES (?, ?, ?, ?)", row).lastrowid
        else:
            self.db.execute("UPDATE papers SET id = ?, hash = ?, paper = ?, extraction = ? WHERE seq = ?", (*row, seq))
            self.db.execute("DELETE FROM ident WHERE seq = ?", (seq,))
            self.db.execute("DELETE FROM names WHERE seq = ?", (seq,))
        self.db.executemany("INSERT INTO ident VALUES (?, ?)", ((key, seq) for key in identity))
        self.db.executemany("INSERT INTO names VALUES (?, ?)", ((key, seq) for key in names))
        return seq

    def delete(self, seq: int) -> None:
        for table in ("papers", "ident", "names"):
            self.db.execute(f"DELETE FROM {table} WHERE seq = ?", (seq,))

    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def finish(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()

    def close(self) -> None:
        self.db.close()


def cache_path(folder: Union[str, Path]) -> Path:
    return Path(folder) / PAPERS_FILE
