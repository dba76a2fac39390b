"""Regression floors on the development gold (../shared/eval), a little under what the
pipeline reaches, and parity of `kg eval` with the reference scorer."""

from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate import evaluate_files
from tests.conftest import SHARED_EVAL

pytestmark = pytest.mark.skipif(not (SHARED_EVAL / "dev_gold.jsonl").is_file(), reason="no ../shared/eval here")

FLOORS = {"entities": 0.92, "proposed": 0.91, "evaluated_on": 0.91, "outperforms": 0.80}


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory):
    out = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(SHARED_EVAL / "dev_papers.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_quality_dev_gold_floors(dev_predictions):
    scores = evaluate_files(SHARED_EVAL / "dev_gold.jsonl", dev_predictions)
    assert scores["missing_predictions"] == 0
    for kind, floor in FLOORS.items():
        assert scores[kind]["f1"] >= floor, (kind, scores[kind])


def test_quality_kg_eval_matches_the_reference_scorer(dev_predictions):
    spec = importlib.util.spec_from_file_location("reference_score", SHARED_EVAL / "score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold = SHARED_EVAL / "dev_gold.jsonl"
    expected = reference.score(reference.load(gold), reference.load(dev_predictions))
    assert evaluate_files(gold, dev_predictions) == expected
    printed = CliRunner().invoke(cli, ["eval", str(gold), str(dev_predictions), "--json"])
    assert json.loads(printed.output) == expected


def test_quality_kg_eval_counts_missing_papers(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    scores = evaluate_files(SHARED_EVAL / "dev_gold.jsonl", empty)
    assert scores["missing_predictions"] == 150 and scores["entities"]["tp"] == 0


def test_quality_kg_eval_errors_account_for_every_miss(dev_predictions):
    scores = evaluate_files(SHARED_EVAL / "dev_gold.jsonl", dev_predictions, errors=True)
    for kind in ("entities", "proposed", "evaluated_on", "outperforms", "results"):
        listed = [e for e in scores["errors"] if e["kind"] == kind]
        assert sum(e["error"] == "fp" for e in listed) == scores[kind]["fp"], kind
        assert sum(e["error"] == "fn" for e in listed) == scores[kind]["fn"], kind
    printed = CliRunner().invoke(cli, ["eval", str(SHARED_EVAL / "dev_gold.jsonl"), str(dev_predictions), "--errors"])
    assert printed.exit_code == 0
    assert any(line.split("\t")[1:3] == ["entities", "FN"] for line in printed.output.splitlines() if "\t" in line)


def test_quality_kg_eval_refuses_swapped_arguments(dev_predictions):
    result = CliRunner().invoke(cli, ["eval", str(dev_predictions), str(SHARED_EVAL / "dev_gold.jsonl")])
    assert result.exit_code == 1
    assert "kg eval GOLD PRED" in result.output and "Traceback" not in result.output
    assert result.output.strip().count("\n") == 0
