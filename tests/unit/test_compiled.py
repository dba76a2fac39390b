"""The extraction modules compiled with Cython at install (setup.py): the same output as their
source, their doctests, and an edited source never losing to a stale build (extractors/__init__.py)."""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractors
from extractors import RECORD, SourceFirst, compiled_in_use, compiled_modules, stale_compiled_modules

FOLDER = Path(extractors.__file__).parent
ROOT = FOLDER.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _require_compiled() -> None:
    if not compiled_in_use():
        message = "no compiled extraction module in use (install with Cython and a C compiler: scripts/setup)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_a_compiled_module_is_stale_when_its_source_differs_from_the_recorded_one(tmp_path):
    for name in ("same", "edited", "unrecorded"):
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\n")
        (tmp_path / f"{name}{SUFFIX}").write_bytes(b"not a library")
    (tmp_path / f"orphan{SUFFIX}").write_bytes(b"a build without its source is not ours to judge")
    (tmp_path / RECORD).write_text(json.dumps({"same": _digest("NAME = 'same'\n"), "edited": _digest("NAME = 'old'\n")}))

    assert compiled_modules(tmp_path) == {"same", "edited", "unrecorded"}
    assert stale_compiled_modules(tmp_path) == {"edited", "unrecorded"}
    assert stale_compiled_modules(tmp_path, pure_python=True) == {"same", "edited", "unrecorded"}
    (tmp_path / RECORD).write_text("{ torn")
    assert stale_compiled_modules(tmp_path) == {"same", "edited", "unrecorded"}


def test_a_stale_module_is_imported_from_its_source_not_its_build(tmp_path, monkeypatch):
    package = tmp_path / "stalepkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "mod.py").write_text("VALUE = 'from source'\n")
    (package / f"mod{SUFFIX}").write_bytes(b"a stale build Python would load first")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(ImportError):  # without the finder, the build wins (and here cannot load)
            importlib.import_module("stalepkg.mod")
        sys.modules.pop("stalepkg.mod", None)
        finder = SourceFirst("stalepkg", package, {"mod"})
        monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
        assert importlib.import_module("stalepkg.mod").VALUE == "from source"
        assert finder.find_spec("stalepkg.other") is None and finder.find_spec("otherpkg.mod") is None
    finally:
        for name in ("stalepkg.mod", "stalepkg"):
            sys.modules.pop(name, None)


def test_the_compiled_modules_are_the_ones_imported():
    _require_compiled()
    for name in compiled_in_use():
        assert importlib.import_module(f"extractors.{name}").__file__.endswith(SUFFIX), name


_EXTRACT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from extract_speed import sample_papers, unseen
from extractors.pipeline import extract_papers
import extractors.relations
papers = sample_papers()[:120]
papers += list(unseen(papers, 120))
print(json.dumps({"module": extractors.relations.__file__,
                  "records": [r.model_dump_json() for r in extract_papers(papers)]}))
"""


def _extract_in_process(pure_python: bool) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "KG_PURE_PYTHON"}
    if pure_python:
        env["KG_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", _EXTRACT, str(ROOT / "benchmarks")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.slow
def test_the_compiled_pipeline_extracts_what_its_source_does():
    _require_compiled()
    compiled, source = _extract_in_process(False), _extract_in_process(True)
    assert compiled["module"].endswith(SUFFIX) and source["module"].endswith(".py")
    assert len(compiled["records"]) == 240
    assert compiled["records"] == source["records"]


@pytest.mark.slow
def test_the_doctests_of_compiled_modules_run_on_their_source():
    names = sorted(compiled_in_use())
    if not names:
        pytest.skip("nothing compiled: pytest collects these doctests itself")
    env = {**os.environ, "KG_PURE_PYTHON": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules",
         *[f"extractors/{name}.py" for name in names]],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
