"""Peak memory and time per phase of a real ``kg build`` of N papers of unseen text.

    python benchmarks/build_memory.py [--papers 100000] [--root /tmp/kg-build-bench] [--processes 1]

Writes N papers as JSON Lines (the sample's abstracts made new: coined names numbered per copy,
one word in twenty replaced; see ``benchmarks/extract_speed.py``), then runs ``kg build`` on them as
its own process under ``/usr/bin/time -v`` and prints wall time, peak resident memory and the
build's own breakdown per phase (``--timings``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_speed import sample_papers, unseen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--root", type=Path, default=Path("/tmp/kg-build-bench"))
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    args.root.mkdir(parents=True, exist_ok=True)
    source = args.root / f"papers-{args.papers}.jsonl"
    if not source.is_file():
        with source.open("w", encoding="utf-8") as fh:
            for paper in unseen(sample_papers(), args.papers):
                fh.write(json.dumps({"id": paper.id, "title": paper.title, "abstract": paper.abstract}) + "\n")
    folder = args.root / f"graph-{args.papers}"
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "kg", "build", str(source), "--data", str(folder),
               "--timings", "--processes", str(args.processes)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-4000:])
        sys.exit(done.returncode)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr).group(1)
    print(f"kg build of {args.papers:,} papers ({args.processes} process(es)): wall {wall}, peak RSS {peak:,.0f} MiB")
    for line in done.stderr.splitlines():
        if re.match(r"^\s+[a-z ]+:\s+[\d.]+ s$", line):
            print(line)
    print(done.stdout.strip().splitlines()[0])


if __name__ == "__main__":
    main()
