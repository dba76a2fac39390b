"""Update speed: ``kg build --update`` with a day of new papers against a full rebuild, same run.

    python benchmarks/update_speed.py [--papers 100000] [--new 500] [--root /tmp/kg-update-bench] [--neo4j]

The corpus is the sample's abstracts made new (see ``extract_speed.unseen``: coined names
numbered per copy, one word in twenty replaced), written as JSON Lines. Three timings:
the base graph of ``--papers`` papers; ``--update`` with ``--new`` more; and a full rebuild of
all of them (``--replace``), which is what an update saves. Prints the ratio update / rebuild
(the target is at most 1/20) and where the update spends its time.

With ``--neo4j`` (and ``NEO4J_URI`` etc. set, e.g. ``eval "$(scripts/neo4j-server env)"``) the
base graph is loaded into Neo4j (database wiped first), the update's changes are loaded as a delta,
and the updated graph is then loaded in full (``kg load --full``) for comparison.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_speed import sample_papers, unseen  # noqa: E402

from kg.build import build  # noqa: E402


def write_jsonl(path: Path, papers) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for paper in papers:
            handle.write(json.dumps({"id": paper.id, "title": paper.title, "abstract": paper.abstract}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--root", type=Path, default=Path("/tmp/kg-update-bench"))
    parser.add_argument("--neo4j", action="store_true", help="also time the delta load against a full load")
    parser.add_argument("--reuse-base", action="store_true",
                        help="keep the base graph of an earlier run under --root (its build is not part of the ratios)")
    args = parser.parse_args()
    settings = None
    if args.neo4j:
        from kg.config import Neo4jSettings

        settings = Neo4jSettings.resolve(required=False)
        if settings is None:
            parser.error("--neo4j needs NEO4J_URI (eval \"$(scripts/neo4j-server env)\")")
    if not args.reuse_base:
        shutil.rmtree(args.root, ignore_errors=True)
    args.root.mkdir(parents=True, exist_ok=True)
    base = sample_papers()
    old, new = args.root / "base.jsonl", args.root / "day.jsonl"
    if not (args.reuse_base and old.exists()):
        write_jsonl(old, unseen(base, args.papers))
    write_jsonl(new, unseen(base, args.new, start=args.papers))
    base_folder, folder = args.root / "base-graph", args.root / "kg-data"
    base_seconds = None
    if not (args.reuse_base and _papers_in(base_folder) == args.papers):
        shutil.rmtree(base_folder, ignore_errors=True)
        started = time.perf_counter()
        build([old], out=base_folder, n_process=args.processes)
        base_seconds = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(base_folder, folder)  # (the update changes its folder: the base stays for --reuse-base)

    if settings is not None:
        wipe(settings)
        base_load = timed_load(folder, settings)
    started = time.perf_counter()
    updated = build([new], out=folder, n_process=args.processes, mode="update")
    update_seconds = time.perf_counter() - started
    if settings is not None:
        delta_load = timed_load(folder, settings)
        full_load = timed_load(folder, settings, full=True)

    started = time.perf_counter()
    rebuilt = build([old, new], out=args.root / "rebuilt", n_process=args.processes)
    rebuild_seconds = time.perf_counter() - started

    assert updated.counts == rebuilt.counts, "an update must give the graph a rebuild gives"
    shown = f"{base_seconds:.1f} s" if base_seconds is not None else "an earlier run (--reuse-base)"
    print(f"base graph: {_papers_in(base_folder):,} papers, built in {shown}")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    print(f"--update with {args.new} new papers: {update_seconds:.1f} s "
          f"({updated.extracted} extracted, {updated.reused:,} kept: {manifest.get('papers_copied', 0):,} copied, "
          f"{manifest.get('papers_resolved_again', 0):,} resolved again)")
    print("   phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in updated.timings.items()))
    print(f"full rebuild of {rebuilt.counts['nodes']['Paper']:,} papers: {rebuild_seconds:.1f} s")
    print("   phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in rebuilt.timings.items()))
    print(f"update / rebuild: {update_seconds / rebuild_seconds:.3f} (target at most {1 / 20:.3f})")
    if settings is not None:
        print(f"Neo4j: base graph loaded in {base_load[0]:.1f} s ({base_load[1]:,} rows); after the update, "
              f"delta load {delta_load[0]:.1f} s ({delta_load[1]:,} rows, {delta_load[2]}), "
              f"full load {full_load[0]:.1f} s ({full_load[1]:,} rows)")
        print(f"delta load / full load: {delta_load[0] / full_load[0]:.3f} (target at most {1 / 20:.3f})")


def _papers_in(folder: Path):
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["rows"]["Paper"]
    except (OSError, ValueError, KeyError):
        return None


def timed_load(folder: Path, settings, *, full: bool = False) -> tuple[float, int, str]:
    from kg.loader import load_store
    from kg.store import Store

    plan = []
    started = time.perf_counter()
    with Store(folder) as store:
        sent = load_store(store, settings, full=full, batch_size=5000, on_plan=lambda kind, rows: plan.append(kind))
    return time.perf_counter() - started, sum(sent.values()), plan[0]


def wipe(settings) -> None:
    """Empty the database in small transactions (the bounded server allows 256 MiB each)."""
    from kg.loader import open_driver

    with open_driver(settings) as driver:
        for text in ("MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n",
                     "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"):
            while driver.execute_query(text, database_=settings.database).records[0]["n"]:
                pass


if __name__ == "__main__":
    main()
