from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli


@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_build_sample_then_stats_json(runner, sample_dir, tmp_path):
    out = tmp_path / "kg-data"
    result = runner.invoke(cli, ["build", str(sample_dir), "--data", str(out)])
    assert result.exit_code == 0, result.output
    assert "read 376 entries -> 310 distinct papers (0 rejected)" in result.output
    stats = runner.invoke(cli, ["stats", "--data", str(out), "--json"])
    counts = json.loads(stats.output)
    assert counts["nodes"]["Paper"] == 310
    assert set(counts["relationships"]) >= {"PROPOSES", "USES", "EVALUATED_ON"}


def test_cli_build_timings_print_every_phase_aligned(runner, fixtures, tmp_path):
    """``--timings`` prints one line a phase on stderr, the names right-aligned to the longest
    ("of which derived tables" included), which benchmarks/build_memory.py reads back."""
    result = runner.invoke(cli, ["build", str(fixtures / "papers.jsonl"), "--data", str(tmp_path / "kg-data"), "--timings"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.endswith(" s")]
    phases = [line.split(":")[0].strip() for line in lines]
    assert {"read", "extract", "resolve", "write tables", "of which state", "of which derived tables", "bulk load"} <= set(phases)
    assert len({line.index(":") for line in lines}) == 1


def test_cli_bad_input_reports_each_problem_keeps_the_rest_and_exits_1(runner, fixtures, tmp_path):
    out = tmp_path / "kg-data"
    sources = [str(fixtures / n) for n in ("bad.jsonl", "empty.txt", "binary.bin", "unknown.txt", "papers.jsonl")]
    result = runner.invoke(cli, ["build", *sources, "--data", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 8
    assert all(":" in e.split(" ", 1)[1] for e in errors)  # file:line
    assert "read 4 entries -> 4 distinct papers (8 rejected)" in result.output
    rejects = (out / "rejects.jsonl").read_text().splitlines()
    assert len(rejects) == 8
    assert json.loads(rejects[0])["line"] == 2


def test_cli_build_keeps_earlier_mirror_when_input_is_missing(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "missing.txt"), "--data", str(tmp_path / "o")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_cli_export_formats(runner, sample_build, tmp_path):
    data = str(sample_build.folder)
    graphml = tmp_path / "g.graphml"
    assert runner.invoke(cli, ["export", "--format", "graphml", "--data", data, "-o", str(graphml)]).exit_code == 0
    assert nx.read_graphml(graphml).number_of_nodes() == sum(sample_build.counts["nodes"].values())
    assert runner.invoke(cli, ["export", "--format", "csv", "--data", data, "-o", str(tmp_path / "csv")]).exit_code == 0
    assert (tmp_path / "csv" / "relationships.csv").is_file()
    assert runner.invoke(cli, ["export", "--format", "json", "--data", data, "-o", str(tmp_path / "g.json")]).exit_code == 0


def test_cli_stats_without_mirror_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["stats", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "kg build" in result.output


def test_cli_schema_is_json_schema(runner):
    schema = json.loads(runner.invoke(cli, ["schema"]).output)
    assert {"Paper", "Entity", "Relation"} <= set(schema["$defs"])


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_cli_every_command_has_help(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help


def test_cli_build_is_deterministic_across_hash_seeds(sample_dir, tmp_path):
    """Ids, names and labels must not depend on Python's string-hash randomisation."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(sample_dir), "--data", str(out)],
                       check=True, env=env, capture_output=True, timeout=300)
        subprocess.run([sys.executable, "-m", "kg", "export", "--format", "json", "--data", str(out), "-o", str(out / "g.json")],
                       check=True, env=env, capture_output=True, timeout=300)
        outputs.append((out / "g.json").read_bytes())
    assert outputs[0] == outputs[1]


def test_cli_quiet_prints_results_only_and_help_documents_completion(runner, sample_build, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    data = str(sample_build.folder)
    loud = runner.invoke(cli, ["query", "top_benchmarks", "-p", "limit=2", "--data", data])
    quiet = runner.invoke(cli, ["-q", "query", "top_benchmarks", "-p", "limit=2", "--data", data])
    assert "answered by" in loud.stderr and quiet.stderr == "" and quiet.stdout == loud.stdout
    help_text = runner.invoke(cli, ["--help"]).stdout
    assert "_KG_COMPLETE=bash_source kg" in help_text and "--quiet" in help_text and "--verbose" in help_text
    assert runner.invoke(cli, ["--version"]).stdout.startswith("kg, version ")


def test_cli_query_on_the_store_starts_without_the_model_or_pydantic(sample_build):
    """A `kg query` answered by the embedded store is mostly start-up: it must not pay for
    importing pydantic and building the model's classes (about 0.3 s of a 0.7 s call)."""
    import os
    import subprocess
    import sys

    probe = ("import sys, runpy; sys.argv = ['kg', 'query', 'top_benchmarks', '--data', sys.argv[1], '--json'];\n"
             "try:\n    runpy.run_module('kg', run_name='__main__')\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'spacy') or m == 'kg.model'), file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    done = subprocess.run([sys.executable, "-c", probe, str(sample_build.folder)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout), "the query answered no rows"
    assert done.stderr.strip().splitlines()[-1] == "[]"
