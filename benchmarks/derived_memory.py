"""Memory of the derived tables alone, over the tables of a graph folder a build wrote.

    python benchmarks/derived_memory.py /tmp/kg-build-bench/graph-1000000

A large build's peak is at the end of its staging process, where the entity counters and the
derived tables are computed (``kg.store.derived.write_derived``); measuring that on a real build of
a million papers takes half an hour. This runs only that step, in about a minute, on the base
tables the build left in ``<folder>/tables`` (papers, relationships, results) and its entities
(read back from the Entity table and handed over as the build hands them over), into a scratch writer that is
discarded. It prints the resident memory before, at each table written and at the peak, with
the step that was running then (sampled every 50 ms on a thread).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402,F401  (before pyarrow: the build's Arrow allocator, the system's)

BASE_TABLES = ("Paper", "PROPOSES", "USES", "EVALUATED_ON", "OUTPERFORMS", "Result", "REPORTS", "ON_BENCHMARK", "BY_METHOD",
               "MEASURED_BY")


def resident_mib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


class PeakSampler:
    def __init__(self, interval: float = 0.05):
        self.peak, self.step, self.current = 0, "", "start"
        thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        thread.start()

    def _run(self, interval: float) -> None:
        while True:
            self.sample()
            time.sleep(interval)

    def sample(self) -> int:
        now = resident_mib()
        if now > self.peak:
            self.peak, self.step = now, self.current
        return now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a graph folder written by kg build")
    args = parser.parse_args()
    tables = args.folder / "tables"
    if not tables.is_dir():
        sys.exit(f"{args.folder}: no tables/ folder (is it a graph folder written by kg build?)")

    import pyarrow.parquet as pq

    import kg.store.derived as derived
    from kg.model import NodeLabel
    from kg.resolve import ResolvedEntity
    from kg.store import StoreWriter, return_free_memory

    columns = ["id", "label", "name", "aliases"]
    entities = []
    for path in sorted(tables.glob("Entity-*.parquet")):
        part = pq.read_table(path, columns=columns)
        entities.extend(ResolvedEntity(i, NodeLabel(label), name, tuple(aliases or ()))
                        for i, label, name, aliases in zip(*(part[c].to_pylist() for c in columns)))
    del part
    entities = derived.entity_columns(entities)  # (handed over as a build hands them over)
    return_free_memory()
    sampler = PeakSampler()
    with tempfile.TemporaryDirectory(dir=args.folder.parent) as scratch:
        writer = StoreWriter(Path(scratch) / "graph")
        for name in BASE_TABLES:
            writer._files[name] = sorted(tables.glob(f"{name}-*.parquet"))
        add_columns, read = writer.add_columns, writer.read

        def add_columns_marked(table, values):
            sampler.current = f"writing {table}"
            print(f"  {table:20s} {sampler.sample():6,d} MiB", flush=True)
            return add_columns(table, values)

        def read_marked(table, wanted):
            sampler.current = f"after reading {table} {list(wanted)}"
            return read(table, wanted)

        writer.add_columns, writer.read = add_columns_marked, read_marked
        before, started = resident_mib(), time.perf_counter()
        print(f"{entities.num_rows:,} entities; resident before the derived tables {before:,} MiB")
        derived.write_derived(writer, entities)
        sampler.sample()
        print(f"write_derived: {time.perf_counter() - started:.0f} s, peak {sampler.peak:,} MiB "
              f"(+{sampler.peak - before:,}), {sampler.step}")
        writer.discard()


if __name__ == "__main__":
    main()
