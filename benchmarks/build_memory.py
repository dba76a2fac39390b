"""Peak memory and time per phase of a real ``kg build`` of N papers of unseen text.

    python benchmarks/build_memory.py [--papers 100000] [--root /tmp/kg-build-bench] [--processes 1]
    python benchmarks/build_memory.py --synthetic --papers 1000000 [--root /tmp/kg-build-bench]

Writes N papers as JSON Lines (the sample's abstracts made new: coined names numbered per copy,
one word in twenty replaced; see ``benchmarks/extract_speed.py``), then runs ``kg build`` on them as
its own process and prints wall time, the peak resident memory of the build's whole process tree
(the build and its extraction workers: the sum of their proportional set sizes, so pages a forked
worker shares with the build count once; sampled every 0.1 s from /proc) and the build's own breakdown
per phase (``--timings``).

With ``--synthetic``, the same figures for writing a synthetic graph of N papers
(``benchmarks/synthetic.py``: the sample's extracted structure copied, no extraction), which is
how the build's writing is measured at a million papers.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_speed import sample_papers, unseen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--root", type=Path, default=Path("/tmp/kg-build-bench"))
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--synthetic", action="store_true", help="write a synthetic graph instead of building")
    args = parser.parse_args()
    args.root.mkdir(parents=True, exist_ok=True)
    if args.synthetic:
        measure_synthetic(args.papers, args.root / f"synthetic-{args.papers}")
        return
    source = args.root / f"papers-{args.papers}.jsonl"
    if not source.is_file():
        with source.open("w", encoding="utf-8") as fh:
            for paper in unseen(sample_papers(), args.papers):
                fh.write(json.dumps({"id": paper.id, "title": paper.title, "abstract": paper.abstract}) + "\n")
    folder = args.root / f"graph-{args.papers}"
    command = [sys.executable, "-m", "kg", "build", str(source), "--data", str(folder),
               "--timings", "--processes", str(args.processes)]
    started = time.perf_counter()
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, peak_at = tree_peak_memory(build)
    stdout, stderr = build.communicate()
    wall = time.perf_counter() - started
    if build.returncode != 0:
        print(stdout[-2000:], stderr[-4000:])
        sys.exit(build.returncode)
    phases = [(m.group(1).strip(), float(m.group(2))) for m in
              (re.match(r"^\s*([a-z ]+):\s+([\d.]+) s$", line) for line in stderr.splitlines()) if m]
    print(f"kg build of {args.papers:,} papers ({args.processes} process(es)): wall {wall:.0f} s, "
          f"peak memory of its processes (summed PSS) {peak / 2**20:,.0f} MiB, "
          f"reached {peak_at:.0f} s in ({phase_at(phases, peak_at, wall)})")
    for phase, seconds in phases:
        print(f"{phase:>24}: {seconds:9.1f} s")
    print(stdout.strip().splitlines()[0])


def phase_at(phases: list[tuple[str, float]], at: float, wall: float) -> str:
    """The phase of the build's timings (consecutive, the "of which" parts inside them) that was
    running ``at`` seconds after the start; the time before the first (starting Python, imports)
    and after the last (counting the store) is the difference between the wall time and their sum."""
    main = [(phase, seconds) for phase, seconds in phases if not phase.startswith("of which")]
    end = (wall - sum(seconds for _, seconds in main)) / 2  # (about as much before as after)
    for phase, seconds in main:
        end += seconds
        if at <= end:
            return phase
    return "after the last phase"


def measure_synthetic(papers: int, folder: Path) -> None:
    command = [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "--papers", str(papers), "--data", str(folder)]
    started = time.perf_counter()
    writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, _ = tree_peak_memory(writer)
    stdout, stderr = writer.communicate()
    if writer.returncode != 0:
        print(stdout[-2000:], stderr[-4000:])
        sys.exit(writer.returncode)
    print(f"synthetic graph of {papers:,} papers written: wall {time.perf_counter() - started:.0f} s, "
          f"peak memory of its processes (summed PSS) {peak / 2**20:,.0f} MiB")
    print(stdout.strip().splitlines()[-1])


def tree_peak_memory(process: subprocess.Popen, interval: float = 0.1) -> tuple[int, float]:
    """Bytes: the largest sum of proportional set sizes over ``process`` and its descendants,
    sampled until it exits, and when it was reached (seconds after this call). (The kernel's own
    peak, as ``time -v`` prints it, is one process's.)"""
    started = time.perf_counter()
    peak, peak_at = 0, 0.0
    while process.poll() is None:
        now = sum(_pss(pid) for pid in _tree(process.pid))
        if now > peak:
            peak, peak_at = now, time.perf_counter() - started
        time.sleep(interval)
    return peak, peak_at


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        return int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1)) * 1024
    except (OSError, AttributeError):
        return 0


if __name__ == "__main__":
    main()
