"""The HTTP client every fetcher uses: timeouts, retries with backoff that honour ``Retry-After``,
a descriptive User-Agent, a polite minimum interval between requests, and an on-disk cache so that
a re-run (or a run resumed after an interruption) requests nothing it already has."""

from __future__ import annotations

import email.utils
import hashlib
import os
import time
from pathlib import Path
from typing import Callable, Optional, Union

import requests

from kg import __version__
from kg.errors import FetchError

__all__ = ["HttpClient", "USER_AGENT", "default_cache_dir"]

def _user_agent() -> str:
    """Who is asking: the tool and its version, and a contact when $KG_CONTACT gives one (arXiv
    asks heavy users for one)."""
    contact = os.environ.get("KG_CONTACT", "").strip()
    return f"kg-papers/{__version__} (knowledge graph of ML papers{'; ' + contact if contact else ''})"


USER_AGENT = _user_agent()
_RETRY_STATUSES = {429, 500, 502, 503, 504}


def default_cache_dir() -> Path:
    base = os.environ.get("KG_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "kg-papers")
    return Path(base) / "http"


class HttpClient:
    """GET with retries and a response cache.

    Parameters
    ----------
    cache_dir : where successful responses are kept (one file per URL); None: no cache.
    timeout : seconds for connecting and for each read.
    retries : attempts after the first, for timeouts, connection errors, 429 and 5xx.
    backoff : the first wait in seconds, doubled per attempt (a ``Retry-After`` wins when given).
    min_interval : seconds between the starts of two requests (a source's rate policy).
    max_wait : the longest wait accepted from a ``Retry-After``; longer is an error.
    sleep : how to wait (tests pass a recorder).
    """

    def __init__(self, cache_dir: Union[str, Path, None] = None, *, timeout: float = 30.0, retries: int = 4,
                 backoff: float = 2.0, min_interval: float = 0.0, max_wait: float = 600.0,
                 sleep: Callable[[float], None] = time.sleep, user_agent: str = USER_AGENT):
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.min_interval, self.max_wait, self.sleep = min_interval, max_wait, sleep
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.requests_made = 0
        self._last_start: Optional[float] = None

    def get(self, url: str, params: Optional[dict] = None, *, check: Optional[Callable[[str], object]] = None,
            cache: bool = True) -> str:
        """The body of ``url`` (from the cache when it holds it). ``check`` parses the body and
        raises :class:`FetchError` when it is malformed; a malformed body is retried like a 5xx
        (a truncated transfer) and never cached."""
        full = requests.Request("GET", url, params=params).prepare().url
        cached = self._cache_path(full) if cache else None
        if cached is not None and cached.exists():
            return cached.read_text(encoding="utf-8")
        problem = ""
        for attempt in range(self.retries + 1):
            wait = self.backoff * (2 ** attempt)  # unless the server says how long
            try:
                self._pace()
                response = self.session.get(full, timeout=self.timeout)
            except requests.Timeout:
                problem = f"no answer within {self.timeout:g} s"
            except requests.ConnectionError as exc:
                problem = f"cannot connect ({_reason(exc)})"
            else:
                if response.status_code == 200:
                    body = response.text
                    try:
                        if check is not None:
                            check(body)
                    except FetchError as exc:
                        problem = str(exc)
                    else:
                        if cached is not None:
                            _write_atomically(cached, body)
                        return body
                elif response.status_code in _RETRY_STATUSES:
                    problem = f"HTTP {response.status_code}"
                    after = _retry_after(response.headers.get("Retry-After"))
                    if after is not None:
                        if after > self.max_wait:
                            raise FetchError(f"GET {full}: HTTP {response.status_code}, asked to retry after "
                                             f"{after:.0f} s (more than {self.max_wait:.0f} s)")
                        wait = after
                else:
                    raise FetchError(f"GET {full}: HTTP {response.status_code} {response.reason}".rstrip())
            if attempt < self.retries:
                self.sleep(wait)
        raise FetchError(f"GET {full}: {problem} (gave up after {self.retries + 1} attempts)")

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "HttpClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _pace(self) -> None:
        now = time.monotonic()
        if self.min_interval and self._last_start is not None and now - self._last_start < self.min_interval:
            self.sleep(self.min_interval - (now - self._last_start))
        self._last_start = time.monotonic()
        self.requests_made += 1

    def _cache_path(self, url: str) -> Optional[Path]:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / digest


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _reason(exc: Exception) -> str:
    text = str(exc.args[0] if exc.args else exc)
    for marker in ("Name or service not known", "Connection refused", "Temporary failure in name resolution",
                   "No route to host", "Network is unreachable"):
        if marker in text:
            return marker
    return text.splitlines()[0][:160]


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
