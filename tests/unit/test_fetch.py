"""Fetchers against a local HTTP server in the test process, replaying responses shaped like the
real ones (Hugging Face Daily Papers JSON, arXiv OAI-PMH XML, arXiv API Atom): retries on 429 with
Retry-After, 500s, timeouts and truncated bodies; empty days; resumption tokens; records without
an abstract; an interrupted fetch resumed. No test touches the internet."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import FetchError
from kg.fetch import HttpClient, ResumableJsonl, fetch_arxiv_ids, fetch_arxiv_listing, fetch_hf_daily, parse_date

REPLAY = Path(__file__).resolve().parent.parent / "fixtures" / "fetch"
DAY1, DAY4 = dt.date(2024, 5, 1), dt.date(2024, 5, 4)


class Replay:
    """What the server answers: for a route key, a queue of scripted faults, then the recording."""

    def __init__(self):
        self.faults: dict[str, list[tuple]] = {}
        self.log: list[str] = []

    def route(self, path: str, query: dict) -> tuple[str, str, str]:
        if path == "/api/daily_papers":
            day = query.get("date", [""])[0]
            recording = REPLAY / f"hf_{day}.json"
            return f"hf:{day}", "application/json", recording.read_text() if recording.exists() else "[]"
        if path == "/oai":
            if "resumptionToken" in query:
                return "oai:2", "text/xml", (REPLAY / "oai_page2.xml").read_text()
            if query.get("set") == ["empty"]:
                return "oai:empty", "text/xml", (REPLAY / "oai_norecords.xml").read_text()
            return "oai:1", "text/xml", (REPLAY / "oai_page1.xml").read_text()
        if path == "/api/query":
            return "ids", "application/atom+xml", (REPLAY / "atom_ids.xml").read_text()
        return "404", "text/plain", ""


@pytest.fixture()
def server():
    replay = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            url = urlparse(self.path)
            key, kind, body = replay.route(url.path, parse_qs(url.query))
            replay.log.append(key)
            faults = replay.faults.get(key)
            status, headers, delay = 200, {}, 0.0
            if faults:
                fault = faults.pop(0)
                if fault[0] == "status":
                    status, headers = fault[1], fault[2]
                elif fault[0] == "delay":
                    delay = fault[1]
                elif fault[0] == "truncate":
                    body = body[: len(body) // 2]
            if key == "404":
                status = 404
            time.sleep(delay)
            payload = body.encode("utf-8") if status == 200 else b"busy"
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout test)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    replay.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield replay
    httpd.shutdown()
    httpd.server_close()


def client(tmp_path, sleeps=None, **kwargs) -> HttpClient:
    recorder = sleeps.append if sleeps is not None else (lambda seconds: None)
    return HttpClient(tmp_path / "cache", sleep=recorder, **{"timeout": 5.0, "backoff": 0.5, **kwargs})


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_hf_daily_records_empty_days_and_records_without_abstract(server, tmp_path):
    out = tmp_path / "hf.jsonl"
    with client(tmp_path) as http, ResumableJsonl(out) as output:
        report = fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)
    records = lines(out)
    assert [r["id"] for r in records] == ["2405.00001", "2405.00002", "2405.00004", "2405.00005"]  # 2405.00001 twice listed
    assert report.written == 4 and report.failed == [] and report.requests == 4  # one request per day
    assert report.skipped == ["2024-05-01: 2405.00003 has no abstract; left out"]
    first = records[0]
    assert first["title"] == "ZetaNet: Routing Adapters for Cross-Task Generalization"
    assert first["authors"] == ["Ada Lovelace", "Alan Turing"] and first["upvotes"] == 12
    assert first["date"] == "2024-04-30" and first["listed"] == "2024-05-01"
    assert first["links"] == ["https://github.com/example/zetanet"]

    from kg.readers import read_sources

    papers = [p for p in read_sources([out]) if hasattr(p, "abstract")]
    assert {p.arxiv_id for p in papers} == {"2405.00001", "2405.00002", "2405.00004", "2405.00005"}
    zeta = next(p for p in papers if p.arxiv_id == "2405.00001")
    assert zeta.month == "2024-04" and zeta.upvotes == 12 and "https://github.com/example/zetanet" in zeta.urls


def test_hf_daily_rerun_is_served_from_the_cache(server, tmp_path):
    out = tmp_path / "hf.jsonl"
    for _ in range(2):
        with client(tmp_path) as http, ResumableJsonl(out) as output:
            report = fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)
    assert report.requests == 0 and report.written == 0 and report.seen == 5  # 2405.00001 is listed twice
    assert len(lines(out)) == 4 and len(server.log) == 4


def test_http_429_honours_retry_after_and_500_backs_off(server, tmp_path):
    server.faults["hf:2024-05-01"] = [("status", 429, {"Retry-After": "7"}), ("status", 500, {}), ("status", 503, {})]
    sleeps: list[float] = []
    with client(tmp_path, sleeps) as http, ResumableJsonl(tmp_path / "hf.jsonl") as output:
        report = fetch_hf_daily(http, output, DAY1, DAY1, base_url=server.url)
    assert report.written == 2 and report.failed == []
    assert sleeps == [7.0, 1.0, 2.0]  # Retry-After, then backoff doubling from 0.5
    assert server.log == ["hf:2024-05-01"] * 4


def test_http_timeout_is_retried(server, tmp_path):
    server.faults["hf:2024-05-02"] = [("delay", 2.5)]
    with client(tmp_path, timeout=1.0) as http, ResumableJsonl(tmp_path / "hf.jsonl") as output:
        report = fetch_hf_daily(http, output, DAY1 + dt.timedelta(days=1), DAY1 + dt.timedelta(days=1), base_url=server.url)
    assert report.written == 2 and report.failed == [] and server.log.count("hf:2024-05-02") == 2


def test_truncated_json_is_retried_and_never_cached_and_a_lost_day_is_reported(server, tmp_path):
    server.faults["hf:2024-05-01"] = [("truncate",)]
    server.faults["hf:2024-05-02"] = [("truncate",)] * 3
    out = tmp_path / "hf.jsonl"
    with client(tmp_path, retries=2) as http, ResumableJsonl(out) as output:
        report = fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)
    assert [r["id"] for r in lines(out)] == ["2405.00001", "2405.00002", "2405.00005"]  # the other days are kept
    (failure,) = report.failed
    assert failure.startswith("2024-05-02: GET ") and "malformed response: not JSON" in failure
    assert "gave up after 3 attempts" in failure and "\n" not in failure
    with client(tmp_path) as http, ResumableJsonl(out) as output:  # the re-run fetches only the lost day
        report = fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)
    assert report.requests == 1 and report.written == 1 and report.failed == []


def test_interrupted_fetch_rerun_ends_with_exactly_the_records_of_an_uninterrupted_one(server, tmp_path):
    whole = tmp_path / "whole.jsonl"
    with HttpClient(None) as http, ResumableJsonl(whole) as output:
        fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)

    resumed = tmp_path / "resumed.jsonl"

    def interrupt_after_two_days(days):
        for n, day in enumerate(days):
            if n == 2:
                raise KeyboardInterrupt
            yield day

    with pytest.raises(KeyboardInterrupt):
        with client(tmp_path) as http, ResumableJsonl(resumed) as output:
            fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url, progress=interrupt_after_two_days)
    with resumed.open("a") as handle:  # and a kill tore the last line being written
        handle.write('{"id": "2405.0000')
    with client(tmp_path) as http, ResumableJsonl(resumed) as output:
        report = fetch_hf_daily(http, output, DAY1, DAY4, base_url=server.url)
    assert resumed.read_text() == whole.read_text()
    assert report.requests == 2  # the two days the interrupted run had not reached


@pytest.mark.parametrize(("start", "end", "message"), [
    ("2024-13-01", None, "bad --from date '2024-13-01': expected YYYY-MM-DD"),
    ("yesterday", None, "bad --from date 'yesterday'"),
    ("2024-05-04", "2024-05-01", "--to 2024-05-01 is before --from 2024-05-04"),
    ((dt.date.today() + dt.timedelta(days=3)).isoformat(), None, "it is in the future"),
])
def test_cli_bad_dates_are_one_line(server, tmp_path, start, end, message):
    args = ["fetch", "hf-daily", "--from", start, "--base-url", server.url, "-o", str(tmp_path / "o.jsonl"),
            "--cache", str(tmp_path / "c")] + (["--to", end] if end else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1
    assert server.log == []


def test_cli_unreachable_host_is_one_line_per_day_and_exit_1(tmp_path):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(cli, ["fetch", "hf-daily", "--from", "2024-05-01", "--to", "2024-05-02",
                                      "--base-url", f"http://127.0.0.1:{port}", "--retries", "0",
                                      "-o", str(tmp_path / "o.jsonl"), "--no-cache"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("cannot connect (Connection refused)" in e for e in errors)


def test_cli_hf_daily_then_build(server, tmp_path):
    out = tmp_path / "may.jsonl"
    result = CliRunner().invoke(cli, ["fetch", "hf-daily", "--from", "2024-05-01", "--to", "2024-05-04",
                                      "--base-url", server.url, "-o", str(out), "--cache", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "4 new records (5 listed, 1 already in the file) in 4 requests" in result.stdout
    assert "warning: 2024-05-01: 2405.00003 has no abstract; left out" in result.stderr
    built = CliRunner().invoke(cli, ["build", str(out), "--data", str(tmp_path / "kg-data")])
    assert built.exit_code == 0, built.output
    assert "4 distinct papers" in built.output


def test_arxiv_oai_follows_resumption_tokens_and_skips_deleted_and_empty_records(server, tmp_path):
    out = tmp_path / "cs.jsonl"
    with client(tmp_path) as http, ResumableJsonl(out) as output:
        report = fetch_arxiv_listing(http, output, "cs", DAY1, base_url=f"{server.url}/oai")
    records = lines(out)
    assert [r["id"] for r in records] == ["2405.00010", "2405.00013"]
    assert records[0]["authors"] == ["Ada Lovelace", "Charles Babbage Jr"]
    assert records[0]["title"] == "Sparse Routing for Multi-Task Learning" and records[0]["categories"] == ["cs.LG", "cs.CL"]
    assert records[0]["abstract"] == "We propose SparseRoute, evaluated on GLUE and SuperGLUE."
    assert report.skipped == ["cs: oai:arXiv.org:2405.00011 is deleted; left out",
                              "cs: 2405.00012 has no abstract; left out"]
    assert server.log == ["oai:1", "oai:2"]
    with client(tmp_path) as http, ResumableJsonl(out) as output:  # the first page is asked again, the rest cached
        report = fetch_arxiv_listing(http, output, "cs", DAY1, base_url=f"{server.url}/oai")
    assert report.requests == 1 and report.written == 0


def test_arxiv_oai_no_records_is_empty_and_pacing_is_honoured(server, tmp_path):
    sleeps: list[float] = []
    with client(tmp_path, sleeps, min_interval=3.0) as http, ResumableJsonl(tmp_path / "e.jsonl") as output:
        report = fetch_arxiv_listing(http, output, "empty", DAY1, base_url=f"{server.url}/oai")
        fetch_arxiv_listing(http, output, "empty", DAY1, base_url=f"{server.url}/oai")
    assert report.written == 0 and report.failed == []
    assert len(sleeps) == 1 and 2.5 < sleeps[0] <= 3.0  # one request every three seconds


def test_arxiv_ids_through_the_api(server, tmp_path):
    out = tmp_path / "ids.jsonl"
    with client(tmp_path) as http, ResumableJsonl(out) as output:
        report = fetch_arxiv_ids(http, output, ["arXiv:2211.03831v2", "1512.03385", "9999.99999", "not-an-id"],
                                 base_url=f"{server.url}/api/query")
    records = lines(out)
    assert [r["id"] for r in records] == ["2211.03831", "1512.03385"]
    assert records[0]["authors"] == ["Lucas Caccia", "Edoardo Ponti"] and records[0]["date"] == "2022-11-07"
    assert records[0]["categories"] == ["cs.LG", "cs.CL"]
    assert report.skipped[0] == "'not-an-id' is not an arXiv id; left out"
    assert "incorrect id format for 9999.99999" in report.skipped[1]


def test_http_client_errors_are_fetch_errors(server, tmp_path):
    with client(tmp_path) as http:
        with pytest.raises(FetchError, match=r"GET http://127\.0\.0\.1:\d+/nowhere: HTTP 404"):
            http.get(f"{server.url}/nowhere")
        server.faults["hf:2024-05-01"] = [("status", 429, {"Retry-After": "3600"})]
        with pytest.raises(FetchError, match="asked to retry after 3600 s"):
            http.get(f"{server.url}/api/daily_papers", {"date": "2024-05-01"})


def test_parse_date():
    assert parse_date(" 2024-02-29 ") == dt.date(2024, 2, 29)
    with pytest.raises(FetchError, match="expected YYYY-MM-DD"):
        parse_date("2023-02-29")
