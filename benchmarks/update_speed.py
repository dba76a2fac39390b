"""Update speed: ``kg build --update`` with a day of new papers against a full rebuild, same run.

    python benchmarks/update_speed.py [--papers 100000] [--new 500] [--root /tmp/kg-update-bench]

The corpus is the sample's abstracts made new (see ``extract_speed.unseen``: coined names
numbered per copy, one word in twenty replaced), written as JSON Lines. Three timings:
the base graph of ``--papers`` papers; ``--update`` with ``--new`` more; and a full rebuild of
all of them (``--replace``), which is what an update saves. Prints the ratio update / rebuild
(the target is at most 1/20) and where the update spends its time.
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
    args = parser.parse_args()
    shutil.rmtree(args.root, ignore_errors=True)
    args.root.mkdir(parents=True)
    base = sample_papers()
    old, new = args.root / "base.jsonl", args.root / "day.jsonl"
    write_jsonl(old, unseen(base, args.papers))
    write_jsonl(new, unseen(base, args.new, start=args.papers))
    folder = args.root / "kg-data"

    started = time.perf_counter()
    first = build([old], out=folder, n_process=args.processes)
    base_seconds = time.perf_counter() - started

    started = time.perf_counter()
    updated = build([new], out=folder, n_process=args.processes, mode="update")
    update_seconds = time.perf_counter() - started

    started = time.perf_counter()
    rebuilt = build([old, new], out=args.root / "rebuilt", n_process=args.processes)
    rebuild_seconds = time.perf_counter() - started

    assert updated.counts == rebuilt.counts, "an update must give the graph a rebuild gives"
    print(f"base graph: {first.counts['nodes']['Paper']:,} papers in {base_seconds:.1f} s")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    print(f"--update with {args.new} new papers: {update_seconds:.1f} s "
          f"({updated.extracted} extracted, {updated.reused:,} kept: {manifest.get('papers_copied', 0):,} copied, "
          f"{manifest.get('papers_resolved_again', 0):,} resolved again)")
    print("   phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in updated.timings.items()))
    print(f"full rebuild of {rebuilt.counts['nodes']['Paper']:,} papers: {rebuild_seconds:.1f} s")
    print("   phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in rebuilt.timings.items()))
    print(f"update / rebuild: {update_seconds / rebuild_seconds:.3f} (target at most {1 / 20:.3f})")


if __name__ == "__main__":
    main()
