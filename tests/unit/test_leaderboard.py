"""Leaderboards: best score per method by the metric's direction, the mirror path equal to the
named-query path, and ``kg leaderboard`` on the embedded store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.analysis.leaderboard import best_per_method, canonical_metric, leaderboard
from kg.cli import cli
from kg.errors import KGError


def _row(method, value, paper="p1", metric="accuracy", higher=True, benchmark="GSM8K"):
    return {"benchmark": benchmark, "metric": metric, "higher_is_better": higher, "method": method,
            "value": value, "value_text": str(value), "paper": paper, "title": paper, "evidence": "s"}


def test_best_per_method_keeps_each_methods_best_and_ranks_by_direction():
    rows = [_row("A", 70.0), _row("B", 81.5), _row("A", 75.0, paper="p2"), _row("C", 60.0)]
    (board,) = best_per_method(rows).values()
    assert [(e.rank, e.method, e.value, e.results) for e in board] == [
        (1, "B", 81.5, 1), (2, "A", 75.0, 2), (3, "C", 60.0, 1)]
    assert board[1].paper == "p2"  # the paper of the best score, not the first seen


def test_best_per_method_lower_is_better_metrics_rank_ascending():
    rows = [_row("A", 12.0, metric="perplexity", higher=False), _row("B", 9.5, metric="perplexity", higher=False),
            _row("A", 15.0, metric="perplexity", higher=False, paper="p0")]
    board = best_per_method(rows)["perplexity"]
    assert [(e.method, e.value) for e in board] == [("B", 9.5), ("A", 12.0)]
    assert not board[0].higher_is_better


def test_best_per_method_unnamed_own_methods_are_one_row_per_paper_and_ties_break_by_name():
    rows = [_row(None, 50.0, paper="p1"), _row(None, 55.0, paper="p2"), _row("Z", 55.0), _row("M", 55.0)]
    (board,) = best_per_method(rows).values()
    assert [(e.method, e.paper) for e in board] == [(None, "p2"), ("M", "p1"), ("Z", "p1"), (None, "p1")]
    assert [e.rank for e in board] == [1, 2, 3, 4]


def test_best_per_method_one_table_per_metric_most_methods_first_and_benchmark_prefix_when_several():
    rows = [_row("A", 1.0, metric="F1"), _row("A", 70.0), _row("B", 71.0)]
    assert list(best_per_method(rows)) == ["accuracy", "F1"]
    rows.append(_row("A", 3.0, benchmark="GSM-Hard"))
    assert set(best_per_method(rows)) == {"GSM8K / accuracy", "GSM8K / F1", "GSM-Hard / accuracy"}


def test_canonical_metric_groups_written_forms():
    assert canonical_metric("acc.") == canonical_metric("Accuracy") == "accuracy"
    assert canonical_metric("") == canonical_metric(None) == ""


def test_leaderboard_from_mirror_equals_the_named_query_on_the_store(sample_build):
    from kg.query import StoreEngine, run_named_query
    from kg.store.mirror import load_mirror

    G = load_mirror(sample_build.folder)
    with_results = sorted({G.nodes[target]["name"] for result, target, kind in G.edges(keys=True)
                           if kind == "ON_BENCHMARK"})
    assert len(with_results) >= 5, with_results
    with StoreEngine(sample_build.folder) as engine:
        for name in with_results:
            _, rows = run_named_query("leaderboard", {"benchmark": name}, engine)
            assert rows, name
            assert best_per_method(rows) == leaderboard(G, name.lower()), name


def test_leaderboard_from_mirror_unknown_name_and_metric_filter(sample_build):
    from kg.store.mirror import load_mirror

    G = load_mirror(sample_build.folder)
    with pytest.raises(KGError, match="no dataset or benchmark"):
        leaderboard(G, "no-such-benchmark-anywhere")
    assert leaderboard(G, "GSM8K", metric="BLEU") == {}


@pytest.fixture()
def runner(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)  # the graph folder's store, even when a server is configured
    return CliRunner()  # stdout and stderr apart (click 8.2)


def test_cli_leaderboard_table_json_and_any_case(runner, sample_build):
    data = str(sample_build.folder)
    table = runner.invoke(cli, ["leaderboard", "gsm8k", "--data", data])
    assert table.exit_code == 0, table.output + table.stderr
    assert "GSM8K:" in table.stdout and "rank" in table.stdout
    as_json = runner.invoke(cli, ["leaderboard", "GSM8K", "--data", data, "--json"])
    entries = json.loads(as_json.stdout)
    assert entries and entries[0]["rank"] == 1 and entries[0]["benchmark"] == "GSM8K"
    assert all(e["evidence"] and e["paper"] for e in entries)


def test_cli_leaderboard_unknown_benchmark_is_one_line_exit_1(runner, sample_build):
    result = runner.invoke(cli, ["leaderboard", "NoSuchBench", "--data", str(sample_build.folder)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "NoSuchBench" in errors[0]


def test_cli_leaderboard_known_benchmark_without_scores_says_so_exit_0(runner, sample_build):
    data = str(sample_build.folder)
    result = runner.invoke(cli, ["leaderboard", "GSM8K", "--metric", "BLEU", "--data", data, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [] and "no scores reported on GSM8K" in result.stderr
