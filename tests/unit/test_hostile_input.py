"""Hostile and careless input: every bad record is one line naming the file and line, the rest is
read, and nothing already built is lost."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg.cli import cli
from kg.readers import MAX_ABSTRACT, MAX_AUTHORS, MAX_LINE_BYTES, MAX_TITLE, Reject, find_urls, read_sources

GOOD = {"title": "Good Paper", "abstract": "We propose GoodNet."}


def reasons(tmp_path, *records) -> list[str]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in [*records, GOOD]) + "\n")
    read = list(read_sources([path]))
    assert read[-1].title == "Good Paper"  # the rest is still read
    return [str(r) for r in read if isinstance(r, Reject)]


@pytest.mark.parametrize(("record", "message"), [
    ({"title": 42, "abstract": "We propose NumNet."}, "in.jsonl:1: title must be text, not a number"),
    ({"title": "T", "abstract": ["We propose BarNet.", "x"]}, "in.jsonl:1: abstract must be text, not a list"),
    ({"title": True, "abstract": "A."}, "in.jsonl:1: title must be text, not true/false"),
    ({"title": "T", "abstract": "A.", "authors": 42}, "authors must be a list of names or a text, not a number"),
    ({"title": "T", "abstract": "A.", "authors": [{"name": "x"}]}, "authors must be a list of names"),
    ({"title": "T", "abstract": "A.", "date": "not-a-date"}, "date 'not-a-date' is not a date"),
    ({"title": "T", "abstract": "A.", "date": 20240501}, "date must be text, not a number"),
    ({"title": "T" * (MAX_TITLE + 1), "abstract": "A."}, f"title of {MAX_TITLE + 1:,} characters"),
    ({"title": "T", "abstract": "a " * MAX_ABSTRACT}, f"abstract of {2 * MAX_ABSTRACT:,} characters"),
    ({"title": "T", "abstract": "A.", "authors": ["X"] * (MAX_AUTHORS + 1)}, f"{MAX_AUTHORS + 1:,} authors"),
    ('{"title": "A", "abstract": ' + "[" * 50_000 + "]" * 50_000 + "}", "in.jsonl:1: invalid JSON: nested too deeply"),
    ('{"title": "A", "abstract": "' + "x" * MAX_LINE_BYTES + '"}', f"characters; a record may take {MAX_LINE_BYTES:,}"),
])
def test_bad_records_are_one_line_each_and_the_rest_is_read(tmp_path, record, message):
    (reason,) = reasons(tmp_path, record)
    assert message in reason and "\n" not in reason


def test_dates_that_read_as_dates_pass(tmp_path):
    dated = [{**GOOD, "title": f"P{i}", "date": d} for i, d in
             enumerate(["2024-05-01", "2024-05-01T10:00:00Z", "May 1, 2024", "Nov 28", "Mon, 7 Nov 2022 19:00:00 GMT",
                        "1 September 2021"])]
    assert reasons(tmp_path, *dated) == []


def test_empty_folder_and_unreadable_folder_are_errors(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    (empty / ".hidden").mkdir(parents=True)
    (empty / ".hidden" / "x.jsonl").write_text(json.dumps(GOOD) + "\n")
    (rejected,) = read_sources([empty])
    assert str(rejected) == f"{empty}: folder holds no listing files"

    real_walk = os.walk

    def walk_with_a_locked_folder(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "data" / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.jsonl").write_text(json.dumps(GOOD) + "\n")
    monkeypatch.setattr("kg.readers.os.walk", walk_with_a_locked_folder)
    first, paper = read_sources([tmp_path / "data"])
    assert str(first) == f"{tmp_path / 'data' / 'locked'}: cannot read the folder (Permission denied)"
    assert paper.title == "Good Paper"


def test_build_of_an_empty_folder_leaves_the_graph_and_exits_1(tmp_path, fixtures):
    runner = CliRunner()
    data = str(tmp_path / "kg-data")
    assert runner.invoke(cli, ["build", str(fixtures / "papers.jsonl"), "--data", data]).exit_code == 0
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "empty"), "--data", data, "--replace"])
    assert result.exit_code == 1 and "folder holds no listing files" in result.stderr
    assert "left as it was" in result.stderr
    stats = runner.invoke(cli, ["stats", "--data", data, "--json"])
    assert json.loads(stats.stdout)["nodes"]["Paper"] == 2


@given(st.integers(min_value=0, max_value=3000), st.sampled_from([")", ").", "),", ");"]))
def test_urls_followed_by_closing_brackets(n, tail):
    # (benchmarks/adversarial_input.py times this at 10k-400k brackets: linear)
    assert find_urls("See https://x.org/a" + tail * n) == ["https://x.org/a"]


def test_urls_keep_their_own_brackets():
    assert find_urls("(https://en.wikipedia.org/wiki/A_(b)).") == ["https://en.wikipedia.org/wiki/A_(b)"]
    assert find_urls("Code: https://github.com/a/b. See (https://x.io/p).") == ["https://github.com/a/b", "https://x.io/p"]


def test_control_characters_are_escaped_in_tables(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    source = tmp_path / "ctrl.jsonl"
    source.write_text(json.dumps({"title": "Red \x1b[31mALERT\x1b[0m", "abstract": "We propose CtrlNet."}) + "\n")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(source), "--data", str(tmp_path / "d")]).exit_code == 0
    result = runner.invoke(cli, ["cypher", "MATCH (p:Paper) RETURN p.title AS t", "--data", str(tmp_path / "d")])
    assert "\x1b" not in result.stdout and "Red \\x1b[31mALERT\\x1b[0m" in result.stdout


def test_an_unwritable_graph_folder_is_one_line(tmp_path, fixtures):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["build", str(fixtures / "papers.jsonl"), "--data", str(blocker / "kg-data")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = [l for l in result.stderr.splitlines() if l.startswith("Error:")]
    assert str(blocker) in line


def test_errors_are_one_line_unless_debug(tmp_path, fixtures, monkeypatch):
    from kg.errors import QueryNotFoundError

    monkeypatch.delenv("NEO4J_URI", raising=False)
    data = str(tmp_path / "d")
    CliRunner().invoke(cli, ["build", str(fixtures / "papers.jsonl"), "--data", data])
    plain = CliRunner().invoke(cli, ["query", "nope", "--data", data])
    assert plain.exit_code == 1 and plain.stderr.splitlines()[-1].startswith("Error: no query named 'nope'")
    debug = CliRunner().invoke(cli, ["--debug", "query", "nope", "--data", data])
    assert isinstance(debug.exception, QueryNotFoundError)
    usage = CliRunner().invoke(cli, ["querx"])
    assert usage.exit_code == 2


def test_two_builds_into_one_folder_one_is_refused_in_one_line_and_the_graph_survives(tmp_path, fixtures):
    """A build started while another writes the folder is refused at once. (The other build is this
    test holding the folder's lock, as a build does while it runs: two real builds raced, and on a
    fast machine the first one could finish before the second one asked.)"""
    import subprocess
    import sys

    from kg.store import Store
    from kg.store.store import folder_lock

    data = tmp_path / "kg-data"
    sample = fixtures.parent.parent / "data" / "hf-daily-papers"
    args = [sys.executable, "-m", "kg", "build", str(sample), "--data", str(data)]
    first = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    with folder_lock(data):
        second = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert second.returncode == 1
    assert second.stderr.strip().splitlines()[-1].endswith("another build is writing this graph folder; wait for it to finish")
    with Store(data) as store:
        assert store.counts()["nodes"]["Paper"] == 310
