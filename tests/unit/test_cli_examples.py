"""Every command's help: its options exist, and its example runs (in a sandbox holding the
sample corpus, a fetched listing and the evaluation sets). Examples that need a server or the
network are run elsewhere (tests/integration, tests/unit/test_fetch.py) and only parsed here."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent.parent
NEEDS_A_SERVER_OR_THE_NETWORK = ("--neo4j", "kg fetch ")


def commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def examples(command) -> list[str]:
    return re.findall(r"Example: (.+)", command.help or "")


def test_every_command_has_an_example_and_its_options_are_in_its_help():
    runner = CliRunner()
    for path, command in commands():
        assert examples(command), f"kg {' '.join(path)} has no example"
        shown = runner.invoke(cli, [*path, "--help"]).stdout
        for param in command.params:
            for flag in param.opts if isinstance(param, click.Option) and not param.hidden else ():
                assert flag in shown, (path, flag)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    base = tmp_path_factory.mktemp("examples")
    work = base / "work"
    (work / "data").mkdir(parents=True)
    (work / "data" / "hf-daily-papers").symlink_to(ROOT / "data" / "hf-daily-papers")
    shutil.copy(ROOT / "tests" / "fixtures" / "update" / "day1.jsonl", work / "may.jsonl")
    shared = ROOT.parent / "shared" / "eval"
    if shared.is_dir():
        (base / "shared").mkdir()
        (base / "shared" / "eval").symlink_to(shared)
    return work


def test_every_example_runs(sandbox, monkeypatch):
    monkeypatch.chdir(sandbox)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("KG_DATA", raising=False)
    runner = CliRunner()
    ordered = sorted((text for _, command in commands() for text in examples(command)),
                     key=lambda text: (not text.startswith("kg build"), not text.startswith("kg extract"), text))
    ran = without_eval_sets = 0
    for text in ordered:
        for part in re.split(r"\s*(?:&&|;)\s*", text):
            if any(marker in part for marker in NEEDS_A_SERVER_OR_THE_NETWORK):
                continue
            if "../shared/eval" in part and not (sandbox.parent / "shared").exists():
                without_eval_sets += 1  # a checkout without ../shared (kg extract, kg eval)
                continue
            if part.startswith("kg migrate"):  # needs a folder of the old format: make one
                old = sandbox / "old-kg-data"
                old.mkdir(exist_ok=True)
                (old / "graph.json").write_text('{"directed": true, "multigraph": true, "graph": {}, "nodes": [], "edges": []}')
            words = shlex.split(part)
            assert words[0] == "kg", part
            result = runner.invoke(cli, words[1:])
            assert result.exit_code == 0, (part, result.output)
            ran += 1
    assert ran + without_eval_sets >= 13 and ran >= 11
