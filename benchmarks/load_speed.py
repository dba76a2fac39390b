"""Load speed: the batched UNWIND loader against a naive one-transaction-per-row writer,
into the same Neo4j server, in the same run.

    eval "$(scripts/neo4j-server env)"
    python benchmarks/load_speed.py --papers 10000 [--big 100000]

The synthetic corpus is shaped like the sample (per paper: ~2.5 entity mentions, a proposed
method, ~0.7 EVALUATED_ON, ~0.1 OUTPERFORMS; entity names drawn from a Zipf-like pool).
The naive writer runs on the first ``--naive-rows`` rows of each kind only (it is slow);
its rate is rows per second over what it wrote. WARNING: wipes the target database.
"""

from __future__ import annotations

import argparse
import random
import time


from kg.config import Neo4jSettings
from kg.loader import _node_rows, _relation_rows, database_counts, load_graph, open_driver
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType, entity_id, paper_id
from kg.queries import get_query


def synthetic_graph(n_papers: int, seed: int = 7) -> Graph:
    rng = random.Random(seed)
    pool_size = max(50, n_papers // 2)
    labels = [NodeLabel.METHOD] * 6 + [NodeLabel.DATASET] * 2 + [NodeLabel.BENCHMARK] * 2
    pool = []
    for i in range(pool_size):
        label = labels[i % len(labels)]
        name = f"{label.value[:3]}Net-{i}"
        pool.append(Entity(id=entity_id(label, name), label=label, name=name, aliases=[f"N{i}"]))
    methods = [e for e in pool if e.label is NodeLabel.METHOD]
    papers, relations = [], []
    used_entities: dict[str, Entity] = {}

    def pick(items):
        return items[min(len(items) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.7 else rng.choice(items)

    for i in range(n_papers):
        title = f"Synthetic paper {i}: a study of things"
        pid = paper_id(arxiv_id=f"{2000 + i // 100000:04d}.{i % 100000:05d}", title=title)
        papers.append(Paper(id=pid, title=title, abstract="We propose X. " * 20, date="Oct 5, 2022",
                            authors_count=rng.randint(1, 12), sources=[f"synthetic.txt:{i}"], arxiv_id=pid[6:]))
        own = methods[rng.randrange(len(methods))]
        mentioned = {own.id: own}
        for _ in range(rng.randint(0, 3)):
            e = pick(pool)
            mentioned[e.id] = e
        evidence = dict(paper=pid, evidence="We propose X and evaluate it on Y.", start=0, end=34,
                        extractor="synthetic", confidence=0.9, source_file=f"synthetic.txt:{i}")
        for e in mentioned.values():
            used_entities[e.id] = e
            relations.append(Relation(source=pid, type=RelType.MENTIONS, target=e.id, **evidence))
            role = RelType.PROPOSES if e is own else RelType.USES
            relations.append(Relation(source=pid, type=role, target=e.id, **evidence))
            if e.label is not NodeLabel.METHOD and rng.random() < 0.8:
                relations.append(Relation(source=pid, type=RelType.EVALUATED_ON, target=e.id, **evidence))
        if rng.random() < 0.1:
            loser = methods[rng.randrange(len(methods))]
            if loser.id != own.id:
                used_entities[loser.id] = loser
                relations.append(Relation(source=own.id, type=RelType.OUTPERFORMS, target=loser.id, **evidence))
    return Graph.model_construct(papers=papers, entities=list(used_entities.values()), relations=relations)


def wipe(driver, database: str) -> None:
    while driver.execute_query("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n",
                               database_=database).records[0]["n"]:
        pass


def naive_load(driver, database: str, graph: Graph, limit: int) -> tuple[int, float]:
    """One managed transaction per row, using the same MERGE statements with one-row lists."""
    plan = [("upsert_papers", _node_rows(graph.papers[:limit]))]
    for label, query in (("Method", "upsert_methods"), ("Dataset", "upsert_datasets"), ("Benchmark", "upsert_benchmarks")):
        plan.append((query, _node_rows([e for e in graph.entities if e.label.value == label][:limit])))
    for rtype in RelType:
        plan.append((f"merge_{rtype.value.lower()}", _relation_rows([r for r in graph.relations if r.type is rtype][:limit])))
    rows = 0
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for name, items in plan:
            text = get_query(name).text
            for row in items:
                session.execute_write(lambda tx, r=row: tx.run(text, rows=[r]).consume())
                rows += 1
    return rows, time.perf_counter() - started


def heap_used_mb(driver, database: str) -> float:
    record = driver.execute_query(
        "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
        "RETURN attributes.HeapMemoryUsage.value.properties AS heap", database_=database).records[0]
    return record["heap"]["used"] / 2**20, record["heap"]["max"] / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--naive-rows", type=int, default=300, help="rows per kind for the naive writer")
    parser.add_argument("--big", type=int, default=0, help="also load this many papers and report time and heap")
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    settings = Neo4jSettings.resolve(required=True)
    graph = synthetic_graph(args.papers)
    rel_count = len(graph.relations)
    node_count = len(graph.papers) + len(graph.entities)
    with open_driver(settings) as driver:
        db = settings.database
        wipe(driver, db)
        load_graph(graph.model_construct(papers=graph.papers[:10], entities=[], relations=[]), settings)  # schema, warm-up
        wipe(driver, db)

        phase = {"nodes": 0.0, "relationships": 0.0}
        mark = [time.perf_counter()]

        def timed(query: str, rows: int) -> None:
            now = time.perf_counter()
            phase["relationships" if query.startswith("merge_") else "nodes"] += now - mark[0]
            mark[0] = now

        started = mark[0] = time.perf_counter()
        load_graph(graph, settings, batch_size=args.batch_size, on_batch=timed)
        batched_seconds = time.perf_counter() - started
        counts = database_counts(driver, db)
        batched_rate = (node_count + rel_count) / batched_seconds

        wipe(driver, db)
        naive_rows, naive_seconds = naive_load(driver, db, graph, args.naive_rows)
        naive_rate = naive_rows / naive_seconds

        print(f"synthetic corpus: {args.papers} papers, {node_count} nodes, {rel_count} relationships")
        print(f"database after batched load: {counts}")
        print(f"batched loader : {node_count + rel_count} rows in {batched_seconds:.2f} s = {batched_rate:,.0f} rows/s "
              f"({rel_count / batched_seconds:,.0f} relationships/s over the whole load)")
        print(f"  phases: {node_count} nodes in {phase['nodes']:.2f} s ({node_count / phase['nodes']:,.0f}/s), "
              f"{rel_count} relationships in {phase['relationships']:.2f} s "
              f"({rel_count / phase['relationships']:,.0f} relationships/s)")
        print(f"naive writer   : {naive_rows} rows in {naive_seconds:.2f} s = {naive_rate:,.0f} rows/s")
        print(f"ratio batched/naive: {batched_rate / naive_rate:.1f}x")

        if args.big:
            wipe(driver, db)
            big = synthetic_graph(args.big, seed=11)
            rows = len(big.papers) + len(big.entities) + len(big.relations)
            started = time.perf_counter()
            load_graph(big, settings, batch_size=args.batch_size)
            seconds = time.perf_counter() - started
            used, heap_max = heap_used_mb(driver, db)
            print(f"big load: {args.big} papers, {rows} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s; "
                  f"server heap used {used:.0f} MiB of {heap_max:.0f} MiB after the load")
        wipe(driver, db)


if __name__ == "__main__":
    main()
