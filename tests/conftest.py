"""Shared fixtures. Integration fixtures (a real Neo4j over Bolt) live in tests/integration."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "hf-daily-papers"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def nlp():
    from extractors.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample corpus built once per session into a temporary graph folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("kg-data")
    return build([SAMPLE], out=out)
