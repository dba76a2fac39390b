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
