"""Latency of every named query on synthetic graphs, embedded and on Neo4j, side by side.

    python benchmarks/query_latency.py [--sizes 100000,1000000] [--root /tmp/kg-bench] [--runs 20]
                                       [--neo4j-sizes 100000] [--cli-runs 3]

For each size a synthetic graph folder is built (or reused) under ``--root`` (see
``benchmarks/synthetic.py``). Every library query then runs ``--runs`` times in process on the
embedded store (p50, p95), ``--cli-runs`` times as a whole ``kg query`` process (median), and,
for the sizes in ``--neo4j-sizes``, on the Neo4j of ``NEO4J_URI`` after a load of the same graph
(warm p50, p95). Parameters are picked from each graph: its most used benchmark (the worst case
for queries that expand it), a method others beat, a paper with results, the benchmark and the
method with the most scores, the most prolific author.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import StoreEngine, library_queries, run_named_query  # noqa: E402
from kg.store import MANIFEST_FILE  # noqa: E402


def ensure_graph(root: Path, papers: int) -> Path:
    folder = root / f"synthetic-{papers}"
    manifest = folder / MANIFEST_FILE
    if manifest.is_file() and json.loads(manifest.read_text()).get("synthetic") == papers:
        return folder
    from benchmarks.synthetic import write_synthetic

    print(f"building a synthetic graph of {papers:,} papers in {folder} ...", flush=True)
    print(write_synthetic(papers, folder), flush=True)
    return folder


def pick_params(engine) -> dict[str, dict[str, str]]:
    """Parameters that make each query work hard on this graph."""
    def one(text: str, params: Optional[dict] = None) -> dict:
        _, rows = engine.run(text, params or {})
        return rows[0] if rows else {}

    top = one("MATCH (b:Entity) WHERE b.evaluated_in > 0 RETURN b.name AS name ORDER BY b.evaluated_in DESC LIMIT 1")
    pair = one("MATCH (a:Entity)-[c:CO_USED]->(b:Entity) RETURN a.name AS a, b.name AS b ORDER BY c.papers DESC LIMIT 1")
    beaten = one("MATCH (l:Entity)<-[:OUTPERFORMS]-(:Entity) RETURN l.name AS name, count(*) AS n ORDER BY n DESC LIMIT 1")
    winner = one("MATCH (w:Entity) WHERE w.wins > 0 RETURN w.name AS name ORDER BY w.wins DESC LIMIT 1")
    paper = one("MATCH (:Entity {name: $name})<-[:EVALUATED_ON]-(p:Paper) RETURN p.id AS id LIMIT 1", {"name": top["name"]})
    proposer = one("MATCH (p:Paper)-[:PROPOSES]->(:Entity) RETURN p.title AS title LIMIT 1")
    author = one("MATCH (a:Author) RETURN a.name AS name ORDER BY a.papers DESC LIMIT 1")
    scored = one("MATCH (r:Result)-[:ON_BENCHMARK]->(b:Entity) RETURN b.name AS name, count(*) AS n ORDER BY n DESC LIMIT 1")
    scorer = one("MATCH (r:Result)-[:BY_METHOD]->(m:Entity) RETURN m.name AS name, count(*) AS n ORDER BY n DESC LIMIT 1")
    return {
        "papers_on_benchmark": {"benchmark": top["name"]},
        "paper_proposals": {"paper": proposer["title"]},
        "methods_outperforming": {"method": beaten["name"]},
        "outperforms_chains": {"method": winner["name"], "max_depth": "3"},
        "papers_sharing_benchmarks": {"paper": paper["id"], "k": "1"},
        "methods_on_both": {"a": pair["a"], "b": pair["b"]},
        "entity_lookup": {"name": top["name"]},
        "entities_mentioned_once": {"label": "any"},
        "benchmarks_used_together": {"min_papers": "2"},
        "benchmark_usage_by_month": {"min_papers": "1"},
        "leaderboard": {"benchmark": scored["name"]},
        "method_results": {"method": scorer["name"]},
        "benchmark_metrics": {"benchmark": scored["name"]},
        "author_papers": {"author": author["name"]},
        "coauthors": {"author": author["name"]},
    }


def timed(engine, name: str, params: dict, runs: int) -> tuple[float, float, int]:
    times, rows = [], []
    for _ in range(runs):
        started = time.perf_counter()
        _, rows = run_named_query(name, params, engine)
        times.append(time.perf_counter() - started)
    times.sort()
    return statistics.median(times) * 1000, times[min(len(times) - 1, int(0.95 * len(times)))] * 1000, len(rows)


def cli_time(folder: Path, name: str, params: dict, runs: int) -> float:
    args = [sys.executable, "-m", "kg", "query", name, "--data", str(folder), "--json"]
    for key, value in params.items():
        args += ["-p", f"{key}={value}"]
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--root", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--neo4j-sizes", default="", help="sizes to also load into and time on NEO4J_URI")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    neo4j_sizes = {int(s) for s in args.neo4j_sizes.split(",") if s}
    for size in sizes:
        folder = ensure_graph(args.root, size)
        with StoreEngine(folder) as engine:
            opened = time.perf_counter()
            params = pick_params(engine)
            results = {q.name: timed(engine, q.name, params.get(q.name, {}), args.runs) for q in library_queries()}
        neo4j_results = {}
        if size in neo4j_sizes:
            from kg.config import Neo4jSettings
            from kg.loader import load_store
            from kg.query import Neo4jEngine
            from kg.store import Store

            settings = Neo4jSettings.resolve()
            started = time.perf_counter()
            with Store(folder) as store:
                load_store(store, settings, batch_size=5000)
            print(f"loaded {size:,} papers into Neo4j in {time.perf_counter() - started:.0f} s", flush=True)
            with Neo4jEngine(settings) as neo4j:
                for q in library_queries():
                    run_named_query(q.name, params.get(q.name, {}), neo4j)  # warm
                    neo4j_results[q.name] = timed(neo4j, q.name, params.get(q.name, {}), args.runs)
        print(f"\n{size:,} papers ({folder}, {(folder / 'graph.lbug').stat().st_size / 2**20:.0f} MiB)")
        print(f"| query | rows | embedded p50 ms | embedded p95 ms | CLI s | Neo4j p50 ms | Neo4j p95 ms |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for q in library_queries():
            p50, p95, rows = results[q.name]
            cli = cli_time(folder, q.name, params.get(q.name, {}), args.cli_runs) if args.cli_runs else float("nan")
            n50, n95, _ = neo4j_results.get(q.name, (float("nan"), float("nan"), 0))
            print(f"| {q.name} | {rows} | {p50:.1f} | {p95:.1f} | {cli:.2f} | {n50:.1f} | {n95:.1f} |", flush=True)
        del opened


if __name__ == "__main__":
    main()
