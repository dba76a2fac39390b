"""Fetchers: the Hugging Face Daily Papers API, arXiv's OAI-PMH interface and the arXiv API.
Each writes JSON Lines records that ``kg build`` reads (``id``, ``arxiv_id``, ``title``,
``abstract``, ``authors``, ``date``, ``upvotes``, ``url``, ``links``, ``categories``)."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from kg.errors import FetchError
from kg.fetch.http import HttpClient
from kg.fetch.output import ResumableJsonl

__all__ = ["FetchReport", "parse_date", "fetch_hf_daily", "fetch_arxiv_listing", "fetch_arxiv_ids",
           "HF_BASE", "ARXIV_OAI", "ARXIV_API"]

HF_BASE = "https://huggingface.co"
ARXIV_OAI = "https://oaipmh.arxiv.org/oai"
ARXIV_API = "https://export.arxiv.org/api/query"
ARXIV_INTERVAL = 3.0  # arXiv's API terms: no more than one request every three seconds
_OAI = "{http://www.openarchives.org/OAI/2.0/}"
_ARXIV = "{http://arxiv.org/OAI/arXiv/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV_ATOM = "{http://arxiv.org/schemas/atom}"
_ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})$")


@dataclass
class FetchReport:
    written: int = 0  # new records in the output
    seen: int = 0  # records the source gave (new or already in the output)
    skipped: list[str] = field(default_factory=list)  # records left out, one line each
    failed: list[str] = field(default_factory=list)  # units (days, pages) that could not be fetched
    requests: int = 0


Progress = Callable[[Iterable], Iterable]


def parse_date(text: str, *, what: str = "date") -> dt.date:
    """A ``YYYY-MM-DD`` date, not in the future.

    >>> parse_date("2023-11-02")
    datetime.date(2023, 11, 2)
    """
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise FetchError(f"bad {what} {text!r}: expected YYYY-MM-DD, for example 2024-05-01") from None
    if day > dt.date.today():
        raise FetchError(f"bad {what} {text}: it is in the future")
    return day


def _check_order(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise FetchError(f"bad dates: --to {end} is before --from {start}")


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    _check_order(start, end)
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def _keep(report: FetchReport, out: ResumableJsonl, found: Iterable[tuple[Optional[dict], Optional[str]]],
          where: str) -> None:
    """Write one unit's records (a day, a page) in one go; note each record left out and why."""
    records = []
    for record, why in found:
        if record is None:
            report.skipped.append(f"{where}{why}; left out")
        else:
            records.append(record)
    report.seen += len(records)
    report.written += out.add(records)


def _clean(text: Optional[str]) -> str:
    return " ".join((text or "").split())


# --------------------------------------------------------------------------- Hugging Face Daily Papers

def _hf_items(body: str) -> list:
    try:
        items = json.loads(body)
    except json.JSONDecodeError as exc:
        raise FetchError(f"malformed response: not JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise FetchError("malformed response: expected a list of papers")
    return items


def hf_record(item: dict, day: dt.date) -> tuple[Optional[dict], Optional[str]]:
    """One Daily Papers item as a record, or (None, why it is left out)."""
    paper = item.get("paper") if isinstance(item.get("paper"), dict) else item
    arxiv_id = str(paper.get("id") or "").strip()
    title = _clean(paper.get("title") or item.get("title"))
    abstract = _clean(paper.get("summary") or item.get("summary"))
    if not arxiv_id or not title:
        return None, f"an item without {'an id' if not arxiv_id else 'a title'}"
    if not abstract:
        return None, f"{arxiv_id} has no abstract"
    authors = [_clean(a.get("name")) for a in paper.get("authors") or [] if isinstance(a, dict) and a.get("name")]
    published = str(paper.get("publishedAt") or item.get("publishedAt") or "")[:10] or day.isoformat()
    links = [link for link in (paper.get("githubRepo"), paper.get("projectPage")) if isinstance(link, str) and link]
    record = {"id": arxiv_id, "arxiv_id": arxiv_id if _ARXIV_ID.match(arxiv_id) else None, "title": title,
              "abstract": abstract, "authors": authors, "date": published, "listed": day.isoformat(),
              "upvotes": paper.get("upvotes") if isinstance(paper.get("upvotes"), int) else None,
              "url": f"https://arxiv.org/abs/{arxiv_id}" if _ARXIV_ID.match(arxiv_id) else None, "links": links}
    return record, None


def fetch_hf_daily(client: HttpClient, out: ResumableJsonl, start: dt.date, end: dt.date, *,
                   base_url: str = HF_BASE, progress: Optional[Progress] = None) -> FetchReport:
    """Every paper listed on each day from ``start`` to ``end`` (one request per day). A day that
    cannot be fetched is reported and the others are fetched; a re-run fetches only what is missing."""
    report = FetchReport()
    recent = dt.date.today() - dt.timedelta(days=1)  # today's and yesterday's listings still change
    days = _days(start, end)
    for day in (progress(days) if progress else days):
        try:
            body = client.get(f"{base_url.rstrip('/')}/api/daily_papers", {"date": day.isoformat()},
                              check=_hf_items, cache=day < recent)
        except FetchError as exc:
            report.failed.append(f"{day}: {exc}")
            continue
        _keep(report, out, (hf_record(item, day) for item in _hf_items(body)), f"{day}: ")
    report.requests = client.requests_made
    return report


# --------------------------------------------------------------------------- arXiv OAI-PMH

def _xml(body: str) -> ET.Element:
    try:
        return ET.fromstring(body)
    except ET.ParseError as exc:
        raise FetchError(f"malformed response: not XML ({exc})") from None


def _oai_page(body: str) -> ET.Element:
    root = _xml(body)
    if root.tag != f"{_OAI}OAI-PMH":
        raise FetchError("malformed response: not an OAI-PMH document")
    error = root.find(f"{_OAI}error")
    if error is not None and error.get("code") != "noRecordsMatch":
        hint = " (the listing's resumption token expired: re-run with --no-cache)" \
            if error.get("code") == "badResumptionToken" else ""
        raise FetchError(f"OAI-PMH error {error.get('code')}: {_clean(error.text)}{hint}")
    if error is None and root.find(f"{_OAI}ListRecords") is None:
        raise FetchError("malformed response: no ListRecords element")
    return root


def oai_record(record: ET.Element) -> tuple[Optional[dict], Optional[str]]:
    header = record.find(f"{_OAI}header")
    identifier = _clean(header.findtext(f"{_OAI}identifier")) if header is not None else ""
    if header is not None and header.get("status") == "deleted":
        return None, f"{identifier} is deleted"
    meta = record.find(f"{_OAI}metadata/{_ARXIV}arXiv")
    if meta is None:
        return None, f"{identifier or 'a record'} has no arXiv metadata"
    arxiv_id = _clean(meta.findtext(f"{_ARXIV}id"))
    title, abstract = _clean(meta.findtext(f"{_ARXIV}title")), _clean(meta.findtext(f"{_ARXIV}abstract"))
    if not arxiv_id or not title:
        return None, f"{identifier or 'a record'} has no {'id' if not arxiv_id else 'title'}"
    if not abstract:
        return None, f"{arxiv_id} has no abstract"
    authors = []
    for author in meta.findall(f"{_ARXIV}authors/{_ARXIV}author"):
        name = " ".join(part for part in (_clean(author.findtext(f"{_ARXIV}forenames")),
                                          _clean(author.findtext(f"{_ARXIV}keyname")),
                                          _clean(author.findtext(f"{_ARXIV}suffix"))) if part)
        if name:
            authors.append(name)
    return {"id": arxiv_id, "arxiv_id": arxiv_id, "title": title, "abstract": abstract, "authors": authors,
            "date": _clean(meta.findtext(f"{_ARXIV}created")) or None,
            "categories": _clean(meta.findtext(f"{_ARXIV}categories")).split(),
            "url": f"https://arxiv.org/abs/{arxiv_id}"}, None


def fetch_arxiv_listing(client: HttpClient, out: ResumableJsonl, set_spec: str, start: dt.date,
                        end: Optional[dt.date] = None, *, base_url: str = ARXIV_OAI,
                        progress: Optional[Callable[[int, Optional[int]], None]] = None) -> FetchReport:
    """Every record of an OAI-PMH set (``cs``, ``cs:cs:LG`` style specs as arXiv names them)
    changed from ``start`` to ``end``, following resumption tokens page by page."""
    report = FetchReport()
    params = {"verb": "ListRecords", "metadataPrefix": "arXiv", "set": set_spec, "from": start.isoformat()}
    if end is not None:
        _check_order(start, end)
        params["until"] = end.isoformat()
    # The first page lists what has changed since it was asked: only pages behind a token are cached.
    cache = False
    while True:
        try:
            body = client.get(base_url, params, check=_oai_page, cache=cache)
        except FetchError as exc:
            report.failed.append(f"{set_spec} from {start}: {exc}")
            break
        root = _oai_page(body)
        listing = root.find(f"{_OAI}ListRecords")
        _keep(report, out, (oai_record(record) for record in (listing.findall(f"{_OAI}record") if listing is not None else [])),
              f"{set_spec}: ")
        token = listing.find(f"{_OAI}resumptionToken") if listing is not None else None
        if progress is not None:
            size = token.get("completeListSize") if token is not None else None
            progress(report.seen, int(size) if size and size.isdigit() else None)
        if token is None or not _clean(token.text):
            break
        params = {"verb": "ListRecords", "resumptionToken": _clean(token.text)}
        cache = True
    report.requests = client.requests_made
    return report


# --------------------------------------------------------------------------- arXiv API, by id

def _atom_feed(body: str) -> ET.Element:
    root = _xml(body)
    if root.tag != f"{_ATOM}feed":
        raise FetchError("malformed response: not an Atom feed")
    return root


def atom_record(entry: ET.Element) -> tuple[Optional[dict], Optional[str]]:
    link = _clean(entry.findtext(f"{_ATOM}id"))
    match = re.search(r"arxiv\.org/abs/(.+?)(?:v\d+)?$", link)
    title = _clean(entry.findtext(f"{_ATOM}title"))
    if match is None:
        return None, f"the API answered {title or 'an entry'!r} ({_clean(entry.findtext(f'{_ATOM}summary'))[:80]})"
    arxiv_id, abstract = match.group(1), _clean(entry.findtext(f"{_ATOM}summary"))
    if not title:
        return None, f"{arxiv_id} has no title"
    if not abstract:
        return None, f"{arxiv_id} has no abstract"
    authors = [_clean(a.findtext(f"{_ATOM}name")) for a in entry.findall(f"{_ATOM}author") if _clean(a.findtext(f"{_ATOM}name"))]
    categories = [c.get("term") for c in entry.findall(f"{_ATOM}category") if c.get("term")]
    return {"id": arxiv_id, "arxiv_id": arxiv_id, "title": title, "abstract": abstract, "authors": authors,
            "date": _clean(entry.findtext(f"{_ATOM}published"))[:10] or None, "categories": categories,
            "url": f"https://arxiv.org/abs/{arxiv_id}"}, None


def fetch_arxiv_ids(client: HttpClient, out: ResumableJsonl, ids: list[str], *, base_url: str = ARXIV_API,
                    batch: int = 100, progress: Optional[Progress] = None) -> FetchReport:
    """The records of a list of arXiv ids (``2211.03831``, ``arXiv:2211.03831v2``, ``cs/0112017``)."""
    report = FetchReport()
    wanted = []
    for raw in ids:
        arxiv_id = re.sub(r"^(?:arxiv:|https?://arxiv\.org/(?:abs|pdf)/)", "", raw.strip(), flags=re.I)
        arxiv_id = re.sub(r"v\d+$", "", arxiv_id)
        if not _ARXIV_ID.match(arxiv_id):
            report.skipped.append(f"{raw!r} is not an arXiv id; left out")
        elif arxiv_id not in out.ids and arxiv_id not in wanted:
            wanted.append(arxiv_id)
    chunks = [wanted[i : i + batch] for i in range(0, len(wanted), batch)]
    for chunk in (progress(chunks) if progress else chunks):
        try:
            body = client.get(base_url, {"id_list": ",".join(chunk), "max_results": str(len(chunk))}, check=_atom_feed)
        except FetchError as exc:
            report.failed.append(f"ids {chunk[0]}..{chunk[-1]}: {exc}")
            continue
        _keep(report, out, (atom_record(entry) for entry in _atom_feed(body).findall(f"{_ATOM}entry")), "")
    report.requests = client.requests_made
    return report


def iter_ids(lines: Iterable[str]) -> Iterator[str]:
    """Ids from a file: one or more per line, separated by spaces or commas; # starts a comment."""
    for line in lines:
        for token in re.split(r"[\s,]+", line.split("#", 1)[0]):
            if token:
                yield token
