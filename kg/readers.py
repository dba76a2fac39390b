"""Readers that stream ``Paper`` records (and ``Reject`` notes) from paper listings.

Three formats, chosen by content unless ``format`` is given:

- ``hf-text``: Hugging Face Daily Papers pages saved as text, in any of three layouts
  (blank-line separated; consecutive lines; entries followed by "• N authors", "·", a date).
- ``jsonl``: one ``{"id", "title", "abstract", ...}`` object a line.
- ``arxiv``: the arXiv metadata snapshot (JSON Lines with ``categories``, ``versions`` ...).

Bad input never stops a read: each problem becomes a ``Reject`` naming the file and line,
and the rest of the input is still read.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from pydantic import ValidationError

from kg.errors import InputError
from kg.model import Paper, is_date, month_of, paper_id

__all__ = ["FORMATS", "Reject", "Record", "detect_format", "read_source", "read_sources", "find_urls"]

FORMATS = ("hf-text", "jsonl", "arxiv")


@dataclass(frozen=True)
class Reject:
    """Something in the input that could not become a Paper."""

    file: str
    line: int
    reason: str
    text: str = ""

    def __str__(self) -> str:  # line 0: about the whole file or folder
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


Record = Union[Paper, Reject]

_URL = re.compile(r"https?://[^\s<>\"'{}|\\^`]+")
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([0-9]{4}\.[0-9]{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/[0-9]{7})")
_ARXIV_VERSION = re.compile(r"v[0-9]+$")


def find_urls(text: str) -> list[str]:
    """URLs written in a text, with trailing sentence punctuation removed.

    >>> find_urls("Code: https://github.com/a/b. See (https://x.io/p).")
    ['https://github.com/a/b', 'https://x.io/p']
    """
    urls: list[str] = []
    if "http" not in text:
        return urls  # most abstracts: one str scan instead of a regex scan
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        # Closing brackets the URL did not open belong to the sentence: "(see https://x.io/p)."
        # Counted once, then cut from the end (linear: a URL followed by 40,000 ")" is one pass).
        unmatched = url.count(")") - url.count("(")
        end = len(url)
        while unmatched > 0 and end and url[end - 1] == ")":
            end -= 1
            unmatched -= 1
            while end and url[end - 1] in ".,;:!?":
                end -= 1
        url = url[:end]
        if url not in urls:
            urls.append(url)
    return urls


def _arxiv_from(*values: Optional[str]) -> Optional[str]:
    for value in values:
        if not value:
            continue
        match = _ARXIV_URL.search(value)
        candidate = match.group(1) if match else value.strip()
        if re.fullmatch(r"[0-9]{4}\.[0-9]{4,5}(v[0-9]+)?|[a-z\-]+(\.[A-Z]{2})?/[0-9]{7}(v[0-9]+)?", candidate):
            return _ARXIV_VERSION.sub("", candidate)
    return None


def _make_paper(file: str, line: int, **fields) -> Record:
    title = " ".join((fields.get("title") or "").split())
    abstract = " ".join((fields.get("abstract") or "").split())
    if not title:
        return Reject(file, line, "record has no title", abstract[:80])
    if not abstract:
        return Reject(file, line, "record has no abstract", title[:80])
    fields.update(title=title, abstract=abstract)
    fields.setdefault("urls", find_urls(abstract))
    fields["month"] = month_of(fields.get("date"))
    try:
        return Paper(id=paper_id(arxiv_id=fields.get("arxiv_id"), title=title), sources=[f"{file}:{line}"], **fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return Reject(file, line, f"invalid record: {where}: {first['msg']}", title[:80])


# ---------------------------------------------------------------------------- decoding


_FORMAT_LINES = 200  # lines read to detect a file's format


def _numbered_lines(handle) -> Iterator[tuple[int, Optional[str]]]:
    """(line number, text) for each line of a file opened in binary mode, read as they come;
    text is None where the line is not valid UTF-8."""
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        try:
            yield number, raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError:
            yield number, None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return bool(head) and control / len(head) > 0.1


def detect_format(lines: list[str]) -> Optional[str]:
    """Guess a format from the first non-empty lines; None when nothing fits."""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("{"):
            try:
                record = json.loads(stripped) if len(stripped) <= MAX_LINE_BYTES else None
            except (json.JSONDecodeError, RecursionError):
                return "jsonl"
            if isinstance(record, dict) and ({"versions", "update_date", "categories"} & record.keys()):
                return "arxiv"
            return "jsonl"
        break
    text_lines = [line for line in lines if line.strip()]
    if len(text_lines) >= 2 and any(len(line.split()) >= 15 for line in text_lines):
        return "hf-text"
    return None


def read_source(path: Union[str, Path], *, format: Optional[str] = None) -> Iterator[Record]:
    """Stream the records of one file.

    Parameters
    ----------
    path : path of the listing.
    format : one of ``FORMATS``; detected from the content when None.

    Yields
    ------
    Paper or Reject, in file order.

    Raises
    ------
    InputError : the file does not exist or ``format`` is not a known format.
    """
    path = Path(path)
    name = str(path)
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if not path.is_file():
        raise InputError(f"{name}: no such file")
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Reject(name, 0, f"cannot read the file ({exc.strerror or exc})")
        return
    with handle:
        try:
            head = handle.read(8192)
        except OSError as exc:
            yield Reject(name, 0, f"cannot read the file ({exc.strerror or exc})")
            return
        if _looks_binary(head):
            yield Reject(name, 1, "binary file, not a paper listing")
            return
        # Lines are read as the records go out: a listing of a million papers is not held in
        # memory (read whole, 100,000 abstracts took 500 MiB). Its first lines choose the format.
        handle.seek(0)
        numbered = _numbered_lines(handle)
        first = list(itertools.islice(numbered, _FORMAT_LINES + 1))
        if not any(text is None or text.strip() for _, text in first) and len(first) <= _FORMAT_LINES:
            yield Reject(name, 1, "empty file")
            return
        chosen = format or detect_format([text or "" for _, text in first[:_FORMAT_LINES]])
        if chosen is None:
            yield Reject(name, 1, "unknown layout: not JSON Lines and not a Daily Papers page (use --format)")
            return
        numbered = itertools.chain(first, numbered)
        try:
            if chosen == "hf-text":  # (a page: small, and its records span lines)
                decoded = [text for _, text in numbered]
                invalid = {number for number, text in enumerate(decoded, start=1) if text is None}
                yield from _read_hf_text(name, [text or "" for text in decoded], invalid)
            else:
                yield from _read_json_lines(name, numbered, arxiv=(chosen == "arxiv"))
        except OSError as exc:
            yield Reject(name, 0, f"cannot read the rest of the file ({exc.strerror or exc})")


def _invalid_utf8(name: str, number: int) -> Reject:
    return Reject(name, number, "invalid UTF-8; line skipped")


def read_sources(paths, *, format: Optional[str] = None) -> Iterator[Record]:
    """Stream the records of several files, directories expanded to their files in name order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            unreadable: list[OSError] = []
            children = []
            for folder, subfolders, files in os.walk(path, onerror=unreadable.append):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                children.extend(Path(folder) / f for f in files if not f.startswith("."))
            for error in unreadable:  # os.walk skips a folder it cannot list: say so
                yield Reject(str(error.filename or path), 0, f"cannot read the folder ({error.strerror or error})")
            if not children and not unreadable:
                yield Reject(str(path), 0, "folder holds no listing files")
            for child in sorted(children):
                yield from read_source(child, format=format)
        else:
            yield from read_source(path, format=format)


# ---------------------------------------------------------------------------- JSON Lines


# Per-record limits: far above any real listing, low enough that one record cannot exhaust the
# build's or the server's memory.
MAX_LINE_BYTES = 1_000_000
MAX_TITLE = 2_000
MAX_ABSTRACT = 50_000
MAX_AUTHORS = 5_000


def _read_json_lines(name: str, numbered: Iterable[tuple[int, Optional[str]]], *, arxiv: bool) -> Iterator[Record]:
    for number, line in numbered:
        if line is None:
            yield _invalid_utf8(name, number)
            continue
        if not line.strip():
            continue
        if len(line) > MAX_LINE_BYTES:
            yield Reject(name, number, f"line of {len(line):,} characters; a record may take {MAX_LINE_BYTES:,}", line[:80])
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(name, number, f"invalid JSON ({exc.msg} at column {exc.colno})", line[:80])
            continue
        except RecursionError:
            yield Reject(name, number, "invalid JSON: nested too deeply", line[:80])
            continue
        if not isinstance(record, dict):
            yield Reject(name, number, "JSON line is not an object", line[:80])
            continue
        yield _paper_from_json(name, number, record, arxiv=arxiv)


def _type_problem(record: dict) -> Optional[str]:
    """Why a JSON record's fields cannot be read as a paper, if they cannot: text that is not
    text (a number as title, a list as abstract), authors that are not names, a date that is not
    a date, or a record above the size limits."""
    for key in ("title", "abstract", "date"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key} must be text, not {_json_type(value)}"
    for key in ("id", "arxiv_id", "url"):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
            return f"{key} must be text, not {_json_type(value)}"
    authors = record.get("authors_parsed") or record.get("authors")
    if authors is not None:
        if isinstance(authors, list):
            if not all(isinstance(a, str) or (isinstance(a, list) and all(isinstance(p, str) for p in a)) for a in authors):
                return "authors must be a list of names"
            if len(authors) > MAX_AUTHORS:
                return f"{len(authors):,} authors; a record may list {MAX_AUTHORS:,}"
        elif not isinstance(authors, str):
            return f"authors must be a list of names or a text, not {_json_type(authors)}"
    if isinstance(record.get("title"), str) and len(record["title"]) > MAX_TITLE:
        return f"title of {len(record['title']):,} characters; a title may take {MAX_TITLE:,}"
    if isinstance(record.get("abstract"), str) and len(record["abstract"]) > MAX_ABSTRACT:
        return f"abstract of {len(record['abstract']):,} characters; an abstract may take {MAX_ABSTRACT:,}"
    date = record.get("date")
    if isinstance(date, str) and date.strip() and not is_date(date):
        return f"date {date[:40]!r} is not a date (2024-05-01, May 1, 2024 or May 1)"
    return None


def _json_type(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _authors(value) -> list[str]:
    if isinstance(value, list):
        names = []
        for item in value:
            if isinstance(item, str):
                names.append(item.strip())
            elif isinstance(item, (list, tuple)) and item:  # arXiv authors_parsed: [last, first, suffix]
                names.append(" ".join(str(p) for p in reversed(item[:2]) if p).strip())
        return [n for n in names if n]
    if isinstance(value, str) and value.strip():
        return [n.strip() for n in re.split(r",\s*|\s+and\s+", value) if n.strip()]
    return []


def _paper_from_json(name: str, number: int, record: dict, *, arxiv: bool) -> Record:
    def text(key: str) -> Optional[str]:
        value = record.get(key)
        return value if isinstance(value, str) else (None if value is None else str(value))

    problem = _type_problem(record)
    if problem:
        return Reject(name, number, problem, str(record.get("title"))[:80])

    abstract = text("abstract") or ""
    authors = _authors(record.get("authors_parsed") or record.get("authors"))
    if arxiv:
        arxiv_id = _arxiv_from(text("id"))
        date = text("update_date")
        versions = record.get("versions")
        if isinstance(versions, list) and versions and isinstance(versions[0], dict):
            date = versions[0].get("created") or date
        categories = (text("categories") or "").split()
        url = f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None
    else:
        arxiv_id = _arxiv_from(text("arxiv_id"), text("url"))
        date = text("date")
        categories = [str(c) for c in record.get("categories") or [] if isinstance(c, str)] \
            if isinstance(record.get("categories"), list) else []
        url = text("url")
    urls = find_urls(abstract)
    links = record.get("links") if isinstance(record.get("links"), list) else []
    for link in [url, *links]:
        if isinstance(link, str) and link and link not in urls:
            urls.append(link)
    upvotes = record.get("upvotes")
    return _make_paper(
        name,
        number,
        title=text("title"),
        abstract=abstract,
        authors=authors,
        authors_count=len(authors) or None,
        date=date,
        arxiv_id=arxiv_id,
        categories=categories,
        urls=urls,
        upvotes=upvotes if isinstance(upvotes, int) and not isinstance(upvotes, bool) and upvotes >= 0 else None,
        input_id=text("id"),
    )


# ---------------------------------------------------------------------------- HF Daily Papers text

_BOILERPLATE = re.compile(
    r"^(new|subscribe|daily papers|byak and the research community|get trending papers in your email inbox[^\n]*)$",
    re.IGNORECASE,
)
_GLUED_PREFIX = re.compile(r"^(?:Get trending papers in your email inbox[^!]*!|Subscribe)(?=\S)")
_AUTHORS = re.compile(r"^[•\u2022\-\*]\s*(\d+)\s+authors?$")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE = re.compile(rf"^((?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)(?:\s+(\d+))?$")
_SEPARATOR = {"·", "•", "\u00b7"}


def _is_title_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 40 and len(line) <= 300 and not (line.endswith(".") and len(words) > 25)


@dataclass
class _Entry:
    title: str
    line: int
    abstract: Optional[str] = None
    authors_count: Optional[int] = None
    date: Optional[str] = None
    upvotes: Optional[int] = None


def _read_hf_text(name: str, lines: list[str], invalid: set[int]) -> Iterator[Record]:
    current: Optional[_Entry] = None
    seen_entry = False

    def finish(entry: Optional[_Entry]) -> Iterator[Record]:
        if entry is not None:
            yield _make_paper(
                name,
                entry.line,
                title=entry.title,
                abstract=entry.abstract or "",
                authors_count=entry.authors_count,
                date=entry.date,
                upvotes=entry.upvotes,
            )

    for number, raw in enumerate(lines, start=1):
        if number in invalid:
            yield _invalid_utf8(name, number)
            continue
        line = _GLUED_PREFIX.sub("", raw.strip()).strip()
        if not line or _BOILERPLATE.match(line):
            continue
        if line in _SEPARATOR:
            continue
        authors = _AUTHORS.match(line)
        if authors:
            if current is not None:
                current.authors_count = int(authors.group(1))
            continue
        date = _DATE.match(line)
        if date:
            if current is not None and current.abstract is not None:
                current.date = date.group(1)
                current.upvotes = int(date.group(2)) if date.group(2) else None
            elif seen_entry:
                yield Reject(name, number, "date line without an entry", line[:80])
            continue  # the page's own date above the first entry
        if current is None or current.abstract is not None:
            # Expecting a title.
            if not _is_title_like(line):
                yield from finish(current)
                current = None
                yield Reject(name, number, "abstract without a title", line[:80])
                continue
            yield from finish(current)
            current = _Entry(title=line, line=number)
            seen_entry = True
        else:
            # Expecting the abstract; a short line followed by a long one is the next title.
            following = _next_text(lines, number)
            if _is_title_like(line) and len(line.split()) < 25 and following is not None and not _is_title_like(following):
                yield Reject(name, current.line, "record has no abstract", current.title[:80])
                current = _Entry(title=line, line=number)
                continue
            current.abstract = line
    yield from finish(current)


def _next_text(lines: list[str], number: int) -> Optional[str]:
    for raw in lines[number:]:
        line = raw.strip()
        if line and not _BOILERPLATE.match(line) and line not in _SEPARATOR and not _AUTHORS.match(line) and not _DATE.match(line):
            return line
    return None
