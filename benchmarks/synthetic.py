"""Synthetic graph folders of any size, shaped like the sample corpus's graph.

Paper ``i`` copies the extracted structure of sample paper ``i mod 310``: the same relationships to
the same shared entities (benchmarks, baselines), while every entity the sample paper proposes
becomes a new entity of paper ``i`` ("MHR 12345"), as each new paper proposes its own method.
So a million papers give about a million distinct entities with the sample's heavy heads
(ImageNet, GLUE, GPT-4), and dates spread over 2014-2025. The sample's results are copied the same
way (about 16 per 310 papers). The sample names no authors, so authors are drawn: 1 to 12 a paper
(3.9 on average), a head of prolific authors and a tail of authors of one paper. In a million
papers the first author writes 1,500, the 300th 750, the 30,000th 15 (papers(k) = 1500 * 300 /
(300 + k), scaled with the corpus's size), about 1.4 million authors in all, as a listing of
arXiv's CS papers might have.

The rows go through the build's own writer (:class:`kg.store.StoreWriter`,
:mod:`kg.store.derived`), so generating a graph also measures writing one.

    python benchmarks/synthetic.py --papers 100000 --data /tmp/kg-100k
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Entity, NodeLabel, Paper, Relation, RelType, Result  # noqa: E402
from kg.store import Store, StoreWriter, folder_lock, read_graph  # noqa: E402
from kg.store.derived import paper_rows, relation_rows, result_rows, write_derived  # noqa: E402

SAMPLE = ROOT / "data" / "hf-daily-papers"


def sample_graph():
    """The sample corpus's graph (built once into a temporary folder)."""
    from kg.build import build

    with tempfile.TemporaryDirectory() as folder:
        build([SAMPLE], out=folder)
        with Store(folder) as store:
            return read_graph(store)


def write_synthetic(papers: int, folder: Path, *, seed: int = 7) -> dict:
    """Write a synthetic graph of ``papers`` papers into ``folder``; returns figures of the run.

    As in ``kg build``, the rows are generated and staged in a forked process, and this one only
    bulk-loads them."""
    started = time.perf_counter()
    with folder_lock(folder), StoreWriter(folder, chunk_rows=50_000) as writer:
        entity_count = writer.stage_in_forked_process(lambda: _stage_synthetic(writer, papers, seed))
        staged = time.perf_counter() - started
        writer.commit({"synthetic": papers})
    with Store(folder) as store:
        counts = store.counts()
    return {"papers": papers, "entities": entity_count, "staging s": round(staged, 1),
            "bulk load s": round(writer.timings.get("bulk load", 0.0), 1),
            "total s": round(time.perf_counter() - started, 1), "counts": counts,
            "file MiB": round((folder / "graph.lbug").stat().st_size / 2**20, 1)}


def _stage_synthetic(writer: StoreWriter, papers: int, seed: int) -> int:
    """Stage the rows of the synthetic graph; returns the number of entities."""
    graph = sample_graph()
    rng = random.Random(seed)
    by_paper: dict[str, list[Relation]] = defaultdict(list)
    for rel in graph.relations:
        by_paper[rel.paper].append(rel)
    results_of: dict[str, list[Result]] = defaultdict(list)
    for result in graph.results:
        results_of[result.paper].append(result)
    author_lists = _author_lists(papers, rng)
    proposed = {p.id: {r.target for r in by_paper[p.id] if r.type is RelType.PROPOSES} for p in graph.papers}
    entities = {e.id: e for e in graph.entities}
    months = [f"{y}-{m:02d}" for y in range(2014, 2026) for m in range(1, 13)]
    new_entities: list[tuple[str, str, str, list[str]]] = []
    for i in range(papers):
        base = graph.papers[i % len(graph.papers)]
        pid = f"synth:{i:07d}"
        paper = Paper(id=pid, title=f"{base.title} [{i}]", abstract=base.abstract, urls=base.urls,
                      authors=[_author_name(k) for k in next(author_lists)],
                      month=months[rng.randrange(len(months))], sources=[f"synthetic:{i}"])
        renamed = {}
        for eid in proposed[base.id]:
            entity = entities[eid]
            new_id = f"{eid}~{i}"
            renamed[eid] = new_id
            new_entities.append((new_id, entity.label.value, f"{entity.name} {i}", []))
        relations = []
        for rel in by_paper[base.id]:
            source = pid if rel.source == base.id else renamed.get(rel.source, rel.source)
            relations.append(rel.model_copy(update={"source": source, "target": renamed.get(rel.target, rel.target),
                                                    "paper": pid, "benchmark": renamed.get(rel.benchmark, rel.benchmark)}))
        for table, row in paper_rows(paper):
            writer.add(table, row)
        for table, row in relation_rows(relations, paper):
            writer.add(table, row)
        results = [result.model_copy(update={"id": f"{pid}#r{n}", "paper": pid, "method": renamed.get(result.method, result.method),
                                             "benchmark": renamed.get(result.benchmark, result.benchmark)})
                   for n, result in enumerate(results_of[base.id], start=1)]
        for table, row in result_rows(results, paper):
            writer.add(table, row)
    every_entity = list(graph.entities) + [
        Entity.model_construct(id=eid, label=NodeLabel(label), name=name, aliases=aliases)
        for eid, label, name, aliases in new_entities
    ]
    write_derived(writer, every_entity)
    return len(every_entity)


PROLIFIC_HEAD, PROLIFIC_SCALE = 1500, 300  # in a million papers, papers(k) = HEAD * SCALE / (SCALE + k)
_GIVEN = ("Ada", "Alan", "Grace", "Yoshua", "Fei", "Geoffrey", "Daphne", "Jürgen", "Yann", "Andrew", "Kaiming",
          "Ilya", "Percy", "Chelsea", "Sergey", "Oriol", "Jeff", "Quoc", "Christopher", "Emily")
_FAMILY = ("Lovelace", "Turing", "Hopper", "Li", "Wang", "Zhang", "Chen", "Liu", "Smith", "Müller", "Kim", "Park",
           "García", "Rossi", "Nguyen", "Kumar", "Singh", "Sato", "Ivanova", "Okafor")


def _author_name(k: int) -> str:
    return f"{_GIVEN[k % len(_GIVEN)]} {_FAMILY[(k // len(_GIVEN)) % len(_FAMILY)]} {k}"


def _author_lists(papers: int, rng: random.Random):
    """Yield each paper's author numbers: every author's papers dealt at random over the slots."""
    from array import array

    sizes = array("B", (min(12, 1 + int(rng.expovariate(1 / 3.5))) for _ in range(papers)))
    total = sum(sizes)
    head = PROLIFIC_HEAD * papers / 1_000_000  # (a corpus a tenth the size: a tenth of each author's papers)
    slots = array("i")
    author = 0
    while len(slots) < total * 2 // 3:
        count = int(head * PROLIFIC_SCALE / (PROLIFIC_SCALE + author))
        if count < 2:
            break
        slots.extend([author] * count)
        author += 1
    slots.extend(range(author, author + max(0, total - len(slots))))  # the tail: one paper each
    rng.shuffle(slots)
    start = 0
    for size in sizes:
        yield dict.fromkeys(slots[start:start + size])  # (an author dealt twice to one paper: once)
        start += size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args()
    print(write_synthetic(args.papers, args.data))


if __name__ == "__main__":
    main()
