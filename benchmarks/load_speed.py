"""Neo4j load speed: the batched, streamed loader against a naive one-transaction-per-row writer.

    python benchmarks/load_speed.py [--papers 10000] [--naive-rows 2000]

Needs NEO4J_URI (and NEO4J_PASSWORD) of a server whose database may be overwritten. A synthetic
graph of ``--papers`` papers (benchmarks/synthetic.py) is loaded with ``kg.loader.load_store``;
then the first ``--naive-rows`` USES rows are written again one per transaction.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from neo4j import Query  # noqa: E402

from benchmarks.synthetic import write_synthetic  # noqa: E402
from kg.config import Neo4jSettings  # noqa: E402
from kg.loader import _rows_of, database_counts, load_store, open_driver  # noqa: E402
from kg.query.library import get_query  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.store.schema import TABLES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--naive-rows", type=int, default=2_000)
    args = parser.parse_args()
    settings = Neo4jSettings.resolve()
    with tempfile.TemporaryDirectory() as folder:
        write_synthetic(args.papers, Path(folder))
        with Store(folder) as store:
            rows = sum(store.manifest["rows"].values())
            started = time.perf_counter()
            load_store(store, settings)
            batched = time.perf_counter() - started
            naive_rows = list(_rows_of(store, TABLES["USES"]))[: args.naive_rows]
        with open_driver(settings) as driver:
            counts = database_counts(driver, settings.database)
            text = Query(get_query("merge_mentions").text)
            started = time.perf_counter()
            for row in naive_rows:
                driver.execute_query(text, parameters_={"rows": [row], "load": "naive"}, database_=settings.database)
            naive = time.perf_counter() - started
    print(f"{args.papers:,} papers: {rows:,} rows (nodes, relationships and derived tables) loaded in {batched:.1f} s "
          f"= {rows / batched:,.0f} rows/s batched")
    print(f"naive, one transaction per row: {len(naive_rows) / naive:,.0f} rows/s; batched / naive "
          f"{(rows / batched) / (len(naive_rows) / naive):.0f}x")
    print(f"counts on the server: {counts}")


if __name__ == "__main__":
    main()
