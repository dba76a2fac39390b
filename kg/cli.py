"""``kg``: the command line, a thin layer over the ``kg`` Python API.

Every ``KGError`` becomes one line on stderr and exit code 1 (2 for usage errors).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from pathlib import Path
from typing import Optional

import click

from kg.errors import KGError

FORMAT_CHOICE = click.Choice(["hf-text", "jsonl", "arxiv"])


def _fail_cleanly(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except (KGError, OSError) as exc:
            context = click.get_current_context(silent=True)
            if context is not None and context.find_root().meta.get("kg.debug"):
                raise
            raise click.ClickException(_one_line(exc)) from None

    return wrapper


def _one_line(exc: Exception) -> str:
    """What went wrong and where, in one line."""
    if isinstance(exc, OSError) and not isinstance(exc, KGError):  # a read-only folder, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}; nothing already written was lost"
    return " ".join(str(exc).split())


def _report_reject(reject) -> None:
    click.echo(f"error: {reject}", err=True)


def _neo4j_options(func=None, *, optional: bool = True):
    if func is None:
        return lambda f: _neo4j_options(f, optional=optional)
    uri_help = ("Neo4j Bolt URI (default: $NEO4J_URI; without one, the graph folder's embedded store is used)."
                if optional else "Neo4j Bolt URI (default: $NEO4J_URI; required).")
    options = [
        click.option("--neo4j", "neo4j_uri", metavar="URI", help=uri_help),
        click.option("--user", metavar="USER", help="Neo4j user (default: $NEO4J_USER or neo4j)."),
        click.option("--password", metavar="PW", help="Neo4j password (default: $NEO4J_PASSWORD)."),
        click.option("--database", metavar="DB", help="Neo4j database (default: $NEO4J_DATABASE or neo4j)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-papers", prog_name="kg")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG", help="Show the traceback of an error ($KG_DEBUG).")
@click.option("-v", "--verbose", is_flag=True, help="Also show the libraries' warnings and retries (Neo4j driver).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars and no 'answered by' lines; results and errors only.")
@click.pass_context
def cli(ctx, debug, verbose, quiet) -> None:
    """Knowledge graph of ML papers, the methods they propose and the benchmarks they use.

    Errors are one line and exit 1 (2 for a wrong command line); --debug shows their traceback.
    Shell completion: eval "$(_KG_COMPLETE=bash_source kg)" (zsh_source, fish_source).
    """
    import logging
    import warnings

    ctx.meta["kg.debug"] = debug
    ctx.meta["kg.quiet"] = quiet
    # The Neo4j driver logs each retry and deprecation; one line per problem is what users read.
    logging.getLogger("neo4j").setLevel(logging.WARNING if verbose else logging.CRITICAL)
    if not verbose:
        warnings.filterwarnings("ignore", module=r"neo4j(\.|$)")


def _quiet() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.meta.get("kg.quiet"))


def _interactive() -> bool:
    """Progress bars: on a terminal, unless --quiet."""
    return sys.stderr.isatty() and not _quiet()


DATA_OPTION_HELP = "Graph folder (default: $KG_DATA or kg-data)."


def _output_format(func):
    """--json, --csv or --wide (a table with long values whole); a table when none is given."""
    for option in reversed((
        click.option("--json", "fmt", flag_value="json", help="Print JSON."),
        click.option("--csv", "fmt", flag_value="csv", help="Print CSV."),
        click.option("--wide", "fmt", flag_value="wide", help="Print tables without cutting long values."),
    )):
        func = option(func)
    return func


def _data_option(func):
    return click.option("--data", default="kg-data", envvar="KG_DATA", show_default=True,
                        type=click.Path(file_okay=False), help=DATA_OPTION_HELP)(func)


def _answered_by(engine) -> None:
    if not _quiet():
        click.echo(f"answered by {engine.describe()}", err=True)


@cli.command("build")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@_data_option
@click.option("--out", "out", hidden=True, type=click.Path(file_okay=False), help="Old name of --data.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, help="Input format (default: detected from content).")
@click.option("--processes", default=1, show_default=True, help="Extraction processes.")
@click.option("--with-ner", is_flag=True, help="Add the statistical NER (slower; see README for its scores).")
@click.option("--timings", is_flag=True, help="Print the time each phase took (on stderr).")
@click.option("--update", "mode", flag_value="update",
              help="Add these papers to the folder's graph; re-extract only new papers and changed texts.")
@click.option("--replace", "mode", flag_value="replace", help="Rebuild the folder's graph from these sources alone.")
@_neo4j_options
@_fail_cleanly
def build_cli(sources, data, out, fmt, processes, with_ner, timings, mode, neo4j_uri, user, password, database) -> None:
    """Read listings, extract, and write the graph folder (and load Neo4j with --neo4j).

    A folder that holds a graph built from other sources needs --update (add to it) or
    --replace (rebuild it); rebuilding from the same sources needs neither.

    Example: kg build data/hf-daily-papers --data kg-data; kg build may.jsonl --update
    """
    from kg.build import build

    folder = out or data

    def progress(stream, label, total):
        if not _interactive():
            return stream
        return _bar(stream, label, total)

    result = build(sources, out=folder, format=fmt, n_process=processes, on_reject=_report_reject,
                   progress=progress, config_path=_config(with_ner), mode=mode)
    _print_summary(result.counts, entries=result.entries_read, rejects=len(result.rejects), out=folder)
    if mode == "update":
        click.echo(f"updated: {result.extracted} papers extracted (new or changed text), "
                   f"{result.reused} kept as they were")
    if timings:
        width = max(map(len, result.timings), default=0)
        for phase, seconds in result.timings.items():
            click.echo(f"{phase:>{width}}: {seconds:8.1f} s", err=True)
    settings = _settings(neo4j_uri, user, password, database, required=False)
    if settings is not None:
        _load(folder, settings, 1000)
    if result.rejects:
        click.echo(f"{len(result.rejects)} input problem(s); see {Path(folder) / 'rejects.jsonl'}", err=True)
        sys.exit(1)


def _bar(stream, label: str, total):
    with click.progressbar(stream, label=label, length=total, file=sys.stderr, show_pos=True, show_eta=True) as bar:
        yield from bar


def _load(folder, settings, batch_size: int, *, full: bool = False) -> None:
    from contextlib import ExitStack

    from kg.loader import load_store
    from kg.store import Store

    plan: dict = {}
    with Store(folder) as store, ExitStack() as bars:
        def planned(kind: str, rows) -> None:
            plan["kind"] = kind
            if _interactive() and kind != "none":
                label = "loading (changes only)" if kind == "delta" else "loading"
                plan["bar"] = bars.enter_context(click.progressbar(length=rows, label=label, file=sys.stderr,
                                                                   show_pos=True, show_eta=True))

        sent = load_store(store, settings, batch_size=batch_size, full=full, on_plan=planned,
                          on_batch=lambda table, rows: plan["bar"].update(rows) if "bar" in plan else None)
    total = sum(sent.values())
    where = f"{settings.display_uri} (database {settings.database})"
    if plan.get("kind") == "none":
        click.echo(f"{where} already holds this build of {folder}: nothing to load (--full loads every row again)")
    elif plan.get("kind") == "delta":
        click.echo(f"loaded {total} changed rows into {where}; Neo4j now holds what {folder} holds")
    else:
        click.echo(f"loaded {total} rows into {where}; Neo4j now holds what {folder} holds")


def _print_summary(counts: dict, *, entries: Optional[int] = None, rejects: int = 0, out: Optional[str] = None) -> None:
    if entries is not None:
        papers = counts["nodes"].get("Paper", 0)
        click.echo(f"read {entries} entries -> {papers} distinct papers ({rejects} rejected)")
    width = max([len(k) for part in counts.values() for k in part] + [12])
    click.echo(f"{'nodes':<{width}}  count")
    for label, n in sorted(counts["nodes"].items()):
        click.echo(f"{label:<{width}}  {n:>5}")
    click.echo(f"{'relationships':<{width}}  count")
    for rtype, n in sorted(counts["relationships"].items()):
        click.echo(f"{rtype:<{width}}  {n:>5}")
    if out:
        click.echo(f"graph: {Path(out)}")


@cli.command("stats")
@_data_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_fail_cleanly
def stats_cli(data, as_json) -> None:
    """Node and relationship counts of the graph folder.

    Example: kg stats --data kg-data --json
    """
    from kg.store import Store

    with Store(data) as store:
        counts = store.counts()
    if as_json:
        click.echo(json.dumps(counts))
    else:
        _print_summary(counts)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "json", "csv"]), required=True)
@_data_option
@click.option("-o", "--output", type=click.Path(), help="File (graphml, json; standard output when omitted) or folder (csv).")
@click.option("--benchmark", help="Only the papers that report results on this dataset or benchmark (any name or alias).")
@click.option("--since", metavar="YYYY-MM", help="Only papers listed in this month or later.")
@click.option("--until", metavar="YYYY-MM", help="Only papers listed in this month or earlier.")
@_fail_cleanly
def export_cli(fmt, data, output, benchmark, since, until) -> None:
    """Export the graph (or a subgraph) as GraphML, node-link JSON or CSV.

    Example: kg export --format graphml --benchmark GLUE -o glue.graphml
    """
    from kg.store.mirror import export_csv, export_graphml, export_node_link, load_mirror

    G = load_mirror(data, benchmark=benchmark, since=since, until=until)
    if fmt == "csv":
        if not output:
            raise click.UsageError("--format csv writes two files: give a folder with -o/--output")
        nodes, rels = export_csv(G, output)
        click.echo(f"wrote {nodes} and {rels}", err=True)
        return
    if not output:
        import io
        import networkx as nx

        if fmt == "json":
            click.echo(json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, sort_keys=True))
        else:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                click.echo(export_graphml(G, Path(tmp) / "g.graphml").read_text(encoding="utf-8"), nl=False)
        return
    path = export_node_link(G, output) if fmt == "json" else export_graphml(G, output)
    click.echo(f"wrote {path}", err=True)


@cli.command("schema")
def schema_cli() -> None:
    """Print the graph model as JSON Schema.

    Example: kg schema
    """
    from kg.model import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@cli.command("extract")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Predictions JSONL.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, help="Input format (default: detected).")
@click.option("--processes", default=1, show_default=True, help="Extraction processes.")
@click.option("--with-ner", is_flag=True, help="Add the statistical NER (slower; see README for its scores).")
@_fail_cleanly
def extract_cli(sources, output, fmt, processes, with_ner) -> None:
    """Write per-paper predictions in the evaluation format.

    Example: kg extract ../shared/eval/dev_papers.jsonl -o pred.jsonl
    """
    from kg.build import extract_to_file

    count, rejects = extract_to_file(sources, output, format=fmt, on_reject=_report_reject, n_process=processes,
                                     config_path=_config(with_ner))
    click.echo(f"wrote {count} predictions to {output}")
    if rejects:
        sys.exit(1)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every false positive and false negative, per paper (entities, relations, results).")
@_fail_cleanly
def eval_cli(gold, pred, as_json, show_errors) -> None:
    """Precision, recall and F1 of predictions against gold (the reference scorer's rules).

    Example: kg eval ../shared/eval/dev_gold.jsonl pred.jsonl --errors
    """
    from kg.evaluate import KINDS, evaluate_files, format_errors

    result = evaluate_files(gold, pred, errors=show_errors)
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(f"{'':14s} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for kind in KINDS:
        if kind not in result:
            continue
        r = result[kind]
        click.echo(f"{kind:14s} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5d} {r['fp']:5d} {r['fn']:5d}")
    click.echo(f"papers {result['papers']}, missing predictions {result['missing_predictions']}")
    if show_errors:
        click.echo("")
        for line in format_errors(result["errors"]):
            click.echo(line)


@cli.command("load")
@_data_option
@click.option("--batch-size", default=1000, show_default=True, help="Rows per UNWIND batch.")
@click.option("--full", is_flag=True, help="Write every row, even when the server holds the build the folder's "
              "last update started from (then only the changes are sent).")
@_neo4j_options(optional=False)
@_fail_cleanly
def load_cli(data, batch_size, full, neo4j_uri, user, password, database) -> None:
    """Make Neo4j hold exactly what the graph folder holds (idempotent; stale facts removed).

    After `kg build --update`, a server that holds the previous build gets only the changes.

    Example: kg load --data kg-data --neo4j bolt://127.0.0.1:7687
    """
    settings = _settings(neo4j_uri, user, password, database, required=True)
    _load(data, settings, batch_size, full=full)


@cli.command("pull")
@_data_option
@click.option("--out", "out", hidden=True, type=click.Path(file_okay=False), help="Old name of --data.")
@_neo4j_options(optional=False)
@_fail_cleanly
def pull_cli(data, out, neo4j_uri, user, password, database) -> None:
    """Read the graph from Neo4j into a graph folder.

    Example: kg pull --data kg-pulled --neo4j bolt://127.0.0.1:7687
    """
    from kg.loader import pull_graph
    from kg.store import write_graph

    folder = out or data
    settings = _settings(neo4j_uri, user, password, database, required=True)
    graph = pull_graph(settings)
    write_graph(graph, folder)
    _print_summary(graph.counts(), out=folder)


@cli.command("migrate")
@_data_option
@_fail_cleanly
def migrate_cli(data) -> None:
    """Convert a graph folder written by an earlier version (graph.json) to the current store.

    Example: kg migrate --data old-kg-data
    """
    from kg.store.migrate import migrate

    path = migrate(data)
    click.echo(f"converted {data} (the old graph.json is kept as graph.json.migrated); store: {path}")


def _config(with_ner: bool):
    if not with_ner:
        return None
    from extractors.pipeline import NER_CONFIG

    return NER_CONFIG


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected key=value, got {pair!r}", param_hint="--param")
        params[key.strip()] = value
    return params


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _print_rows(columns: list[str], rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})
        click.echo(buffer.getvalue(), nl=False)
        return

    def cell(value) -> str:
        text = ", ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
        text = _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], text)  # no terminal escapes from the data
        return text if fmt == "wide" or len(text) <= 60 else text[:57] + "..."

    table = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in table]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for r in table:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _engine(data, neo4j_uri, user, password, database):
    """Neo4j when one is configured (flag or NEO4J_URI), else the graph folder's store."""
    from kg.query import Neo4jEngine, StoreEngine

    settings = _settings(neo4j_uri, user, password, database, required=False)
    return Neo4jEngine(settings) if settings is not None else StoreEngine(data)


@cli.command("query")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@_data_option
@_output_format
@_neo4j_options
@_fail_cleanly
def query_cli(name, params, list_queries, data, fmt, neo4j_uri, user, password, database) -> None:
    """Run a named query from cypher/library: on Neo4j when one is configured (--neo4j or
    NEO4J_URI), else on the graph folder's embedded store. stderr says which answered.

    Example: kg query papers_on_benchmark --param benchmark=BBH
    """
    from kg.query import library_queries, run_named_query

    if list_queries or not name:
        for q in library_queries():
            signature = ", ".join(p.name + (f"={p.default}" if p.default is not None else "") for p in q.params)
            click.echo(f"{q.name}({signature})\n    {q.description}")
        return
    from kg.query import suggest_names

    given = _parse_params(params)
    with _engine(data, neo4j_uri, user, password, database) as engine:
        columns, rows = run_named_query(name, given, engine)
        hints = suggest_names(name, given, engine) if not rows else {}
        _answered_by(engine)
    _print_rows(columns, rows, fmt or "table")
    for param, names in hints.items():
        click.echo(f"no {param} is called {given[param]!r}; closest in the graph: {', '.join(names)}", err=True)


@cli.command("leaderboard")
@click.argument("benchmark")
@click.option("--metric", help="Only this metric (any known name or alias: acc., top-1 accuracy ...).")
@_data_option
@_output_format
@_neo4j_options
@_fail_cleanly
def leaderboard_cli(benchmark, metric, data, fmt, neo4j_uri, user, password, database) -> None:
    """Each method's best reported score on a dataset or benchmark (any name or alias), best first
    by the metric's direction, with the paper and the sentence: one table per metric. On Neo4j
    when one is configured, else on the graph folder's store; the rows are the same.

    Example: kg leaderboard GSM8K --metric accuracy
    """
    from kg.analysis.leaderboard import best_per_method, canonical_metric
    from kg.query import run_named_query, suggest_names

    params = {"benchmark": benchmark, **({"metric": canonical_metric(metric)} if metric else {})}
    with _engine(data, neo4j_uri, user, password, database) as engine:
        _, rows = run_named_query("leaderboard", params, engine)
        if not rows:
            _, found = run_named_query("entity_lookup", {"name": benchmark}, engine)
            close = suggest_names("leaderboard", {"benchmark": benchmark}, engine).get("benchmark", [])
        _answered_by(engine)
    if not rows:
        data_names = [row["name"] for row in found if row["label"] in ("Dataset", "Benchmark")]
        if not data_names:
            hint = f"closest in the graph: {', '.join(close)}" if close else "kg query entity_lookup --param name=..."
            raise KGError(f"no dataset or benchmark is called {benchmark!r} ({hint})")
        what = f" for metric {metric!r}" if metric else ""
        click.echo(f"no scores reported on {', '.join(data_names)}{what}", err=True)
        if fmt == "json":
            click.echo("[]")
        return
    boards = best_per_method(rows)
    entries = [entry.model_dump() for board in boards.values() for entry in board]
    if fmt in ("json", "csv"):
        _print_rows(list(entries[0]), entries, fmt)
        return
    for number, (metric_name, board) in enumerate(boards.items()):
        direction = "higher is better" if board[0].higher_is_better else "lower is better"
        click.echo(("\n" if number else "") + f"{board[0].benchmark}: {metric_name or 'metric not stated'} ({direction})")
        table = [{"rank": e.rank, "method": e.method or "(own method, unnamed)", "score": e.value_text,
                  "paper": e.title, "evidence": e.evidence} for e in board]
        _print_rows(["rank", "method", "score", "paper", "evidence"], table, fmt or "table")


@cli.command("cypher")
@click.argument("text")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (strings).")
@_data_option
@_output_format
@_neo4j_options
@_fail_cleanly
def cypher_cli(text, params, data, fmt, neo4j_uri, user, password, database) -> None:
    """Run ad-hoc read-only Cypher on Neo4j (when configured) or on the graph folder's store.
    Writes, LOAD CSV, procedures other than read-only ones and administration are refused.

    Example: kg cypher 'MATCH (b:Entity) WHERE b.label = "Benchmark" RETURN b.name AS name LIMIT 5'
    """
    from kg.query import run_adhoc

    with _engine(data, neo4j_uri, user, password, database) as engine:
        columns, rows = run_adhoc(text, _parse_params(params), engine)
        _answered_by(engine)
    _print_rows(columns, rows, fmt or "table")


@cli.group("fetch")
def fetch_cli() -> None:
    """Fetch paper listings as JSON Lines for kg build: Hugging Face Daily Papers or arXiv.

    Responses are cached (default ~/.cache/kg-papers/http, or $KG_CACHE), so a re-run, or a run
    resumed after an interruption into the same output, requests only what it lacks and adds
    only new records. Example: kg fetch hf-daily --from 2024-05-01 --to 2024-05-07 -o may.jsonl
    """


def _fetch_options(default_out: str):
    def wrap(func):
        for option in reversed([
            click.option("-o", "--output", "out", default=default_out, show_default=True,
                         type=click.Path(dir_okay=False), help="JSON Lines file; records already in it are kept."),
            click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help="Response cache folder."),
            click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache."),
            click.option("--base-url", metavar="URL", help="Another server speaking the same protocol (a mirror)."),
            click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per request."),
            click.option("--retries", type=int, default=4, show_default=True, help="Retries per request."),
        ]):
            func = option(func)
        return func
    return wrap


def _client(cache_dir, no_cache, timeout, retries, min_interval=0.0):
    from kg.fetch import HttpClient, default_cache_dir

    return HttpClient(None if no_cache else (cache_dir or default_cache_dir()), timeout=timeout, retries=retries,
                      min_interval=min_interval)


def _progress_over(label: str):
    def progress(items):
        if not _interactive():
            return items
        return click.progressbar(list(items), label=label, file=sys.stderr)
    return progress


def _fetch_summary(report, out) -> None:
    for line in report.skipped:
        click.echo(f"warning: {line}", err=True)
    for line in report.failed:
        click.echo(f"error: {line}", err=True)
    click.echo(f"{report.written} new records ({report.seen} listed, {report.seen - report.written} already in the file) "
               f"in {report.requests} requests -> {out}")
    if report.failed:
        click.echo(f"{len(report.failed)} could not be fetched; run the same command again to fetch what is missing",
                   err=True)
        sys.exit(1)


@fetch_cli.command("hf-daily")
@click.option("--from", "start", required=True, metavar="YYYY-MM-DD", help="First day.")
@click.option("--to", "end", metavar="YYYY-MM-DD", help="Last day (default: the first).")
@_fetch_options("hf-daily.jsonl")
@_fail_cleanly
def fetch_hf_cli(start, end, out, cache_dir, no_cache, base_url, timeout, retries) -> None:
    """Hugging Face Daily Papers, one request per day (GET /api/daily_papers?date=...).

    Example: kg fetch hf-daily --from 2024-05-01 --to 2024-05-07 -o may.jsonl && kg build may.jsonl --update
    """
    from kg.fetch import HF_BASE, ResumableJsonl, fetch_hf_daily, parse_date

    first = parse_date(start, what="--from date")
    last = parse_date(end, what="--to date") if end else first
    with _client(cache_dir, no_cache, timeout, retries) as client, ResumableJsonl(out) as output:
        report = fetch_hf_daily(client, output, first, last, base_url=base_url or HF_BASE,
                                progress=_progress_over("days"))
    _fetch_summary(report, out)


@fetch_cli.command("arxiv")
@click.option("--set", "set_spec", metavar="SET", help="OAI-PMH set: cs, math, physics:hep-th ... (with --from).")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="Records added or changed from this day.")
@click.option("--until", "end", metavar="YYYY-MM-DD", help="... up to this day (default: today).")
@click.option("--ids", "ids", multiple=True, metavar="ID", help="arXiv ids instead (repeatable; 2211.03831, arXiv:...).")
@click.option("--ids-file", type=click.File("r"), help="A file of arXiv ids (spaces, commas or lines; # comments).")
@click.option("--interval", type=float, default=None, help="Seconds between requests (default 3, arXiv's policy).")
@_fetch_options("arxiv.jsonl")
@_fail_cleanly
def fetch_arxiv_cli(set_spec, start, end, ids, ids_file, interval, out, cache_dir, no_cache, base_url, timeout,
                    retries) -> None:
    """arXiv: a set's new and changed records through OAI-PMH (ListRecords, arXiv metadata,
    resumption tokens), or a list of ids through the arXiv API; one request every 3 seconds.

    Example: kg fetch arxiv --set cs --from 2024-05-01 --until 2024-05-02 -o cs.jsonl
    """
    from kg.fetch import (ARXIV_API, ARXIV_INTERVAL, ARXIV_OAI, ResumableJsonl, fetch_arxiv_ids,
                          fetch_arxiv_listing, iter_ids, parse_date)

    wanted = [*ids, *(iter_ids(ids_file) if ids_file else [])]
    if bool(wanted) == bool(set_spec or start):
        raise KGError("give either --set and --from (a listing) or --ids/--ids-file (records by id)")
    if not wanted and not (set_spec and start):
        raise KGError("a listing needs both --set (for example cs) and --from YYYY-MM-DD")
    pace = ARXIV_INTERVAL if interval is None else interval
    with _client(cache_dir, no_cache, timeout, retries, pace) as client, ResumableJsonl(out) as output:
        if wanted:
            report = fetch_arxiv_ids(client, output, wanted, base_url=base_url or ARXIV_API,
                                     progress=_progress_over("batches of ids"))
        else:
            first = parse_date(start, what="--from date")
            last = parse_date(end, what="--until date") if end else None

            def progress(seen, total):
                if _interactive():
                    click.echo(f"\r{seen} records" + (f" of {total}" if total else ""), err=True, nl=False)

            report = fetch_arxiv_listing(client, output, set_spec, first, last, base_url=base_url or ARXIV_OAI,
                                         progress=progress)
            if _interactive():
                click.echo("", err=True)
    _fetch_summary(report, out)


@cli.command("report")
@_data_option
@click.option("-o", "--output", "out", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file.")
@_fail_cleanly
def report_cli(data, out) -> None:
    """Write a self-contained HTML report (works offline) with plots of the graph.

    Example: kg report -o report.html
    """
    from kg.mirror import load_mirror
    from kg.web.report import write_report

    click.echo(f"wrote {write_report(load_mirror(data), out)}")


@cli.command("guide")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 to serve the guide from (0: any free port).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the guide's HTML to this file ('-': standard output) instead of serving it.")
@click.option("--style-url", metavar="URL", help="With -o: where the guide's ':style' command fetches the style.")
@_fail_cleanly
def guide_cli(port, output, style_url) -> None:
    """Serve a Neo4j Browser guide: the style and every named query, a click each.

    Prints the command to type into Browser (':play http://localhost:PORT/guide.html'), then
    serves the guide and cypher/browser-style.grass until Ctrl-C. Browser plays guides from
    localhost by default.

    Example: kg guide -o guide.html
    """
    from kg.web.browser_guide import GuideServer, render_guide

    if output is not None:
        text = render_guide(style_url=style_url)
        if output == "-":
            click.echo(text, nl=False)
        else:
            Path(output).write_text(text, encoding="utf-8")
            click.echo(f"wrote {output}", err=True)
        return
    if style_url:
        raise click.UsageError("--style-url goes with -o (a served guide points to its own style)")
    server = GuideServer(port)
    click.echo(f"In Neo4j Browser, run:  :play {server.guide_url}", err=True)
    click.echo("(serving the guide and the style on 127.0.0.1; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _settings(uri, user, password, database, *, required: bool):
    if not required and not (uri or os.environ.get("NEO4J_URI")):
        return None  # the embedded store answers: no need to import pydantic (a third of a CLI call)
    from kg.config import Neo4jSettings

    return Neo4jSettings.resolve(uri=uri, user=user, password=password, database=database, required=required)


def main() -> None:  # pragma: no cover - entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
