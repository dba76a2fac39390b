"""Rows of the store's tables from the graph's papers, entities and relations, and the derived
tables (see :mod:`kg.store.schema`).

:func:`paper_rows`, :func:`relation_rows` and :func:`result_rows` give one paper's rows, so a
build can stream a corpus through them. :func:`write_derived` then computes the entity counters
and every derived table from the tables staged so far (columnar, with Arrow), whether those rows
were written by this build or kept from the previous one (``kg build --update``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Iterable

from kg.model import Entity, NodeLabel, Paper, Relation, Result, paper_authors
from kg.store.schema import RANK_DEPTH

__all__ = ["paper_row", "relation_row", "paper_rows", "relation_rows", "result_rows", "write_derived"]

_DATA = (NodeLabel.DATASET.value, NodeLabel.BENCHMARK.value)


def paper_row(paper: Paper) -> dict:
    row = paper.model_dump()
    row["code_url"] = paper.code_url
    return row


def relation_row(rel: Relation) -> dict:
    row = rel.model_dump(exclude={"source", "type", "target"})
    row["from"], row["to"] = rel.source, rel.target
    return row


def paper_rows(paper: Paper) -> Iterable[tuple[str, dict]]:
    """(table, row) for the paper, its lookup keys (its id and lower-cased title) and its authors.
    Merged papers have different titles (identity is the title key), so keys are unique; a title
    that reads like an id is left out rather than risk a clash."""
    yield "Paper", paper_row(paper)
    keys = [paper.id.lower()]
    title = paper.title.lower()
    if title != keys[0] and not title.startswith(("arxiv:", "title:")):
        keys.append(title)
    for key in keys:
        yield "PaperKey", {"key": key}
        yield "KEYS", {"from": key, "to": paper.id}
    for aid, _, position in paper_authors(paper.authors):
        yield "WROTE", {"from": aid, "to": paper.id, "position": position}


def relation_rows(relations: Iterable[Relation]) -> Iterable[tuple[str, dict]]:
    for rel in relations:
        yield rel.type.value, relation_row(rel)


def result_rows(results: Iterable[Result]) -> Iterable[tuple[str, dict]]:
    """(table, row) for each result of one paper and its links."""
    for result in results:
        row = result.model_dump(exclude={"method", "benchmark", "metric"})
        yield "Result", row
        yield "REPORTS", {"from": result.paper, "to": result.id}
        yield "ON_BENCHMARK", {"from": result.id, "to": result.benchmark}
        if result.method:
            yield "BY_METHOD", {"from": result.id, "to": result.method}
        if result.metric:
            yield "MEASURED_BY", {"from": result.id, "to": result.metric}


def write_derived(writer, entities: Iterable[Entity]) -> None:
    """Add the Entity rows (with their counters) and every derived table to ``writer`` (a
    :class:`kg.store.StoreWriter`), computed from the Paper and relationship tables it holds."""
    import pyarrow as pa
    import pyarrow.compute as pc

    entities = list(entities)
    labels = {e.id: e.label.value for e in entities}
    # Every entity a paper names is either proposed or used by it (one role per pair, mostly: a
    # paper naming one entity two ways may give it both).
    named = pa.concat_tables([writer.read("PROPOSES", ["from", "to"]), writer.read("USES", ["from", "to"])])
    mentioned = _counts(named.group_by(["from", "to"]).aggregate([]), ["to"]) if named.num_rows else {}
    evaluated_rows = writer.read("EVALUATED_ON", ["from", "to"])
    evaluated = _counts(evaluated_rows, ["to"])
    proposed = _counts(writer.read("PROPOSES", ["to"]), ["to"])
    beaten = writer.read("OUTPERFORMS", ["from", "to"])
    wins = _counts(beaten.group_by(["from", "to"]).aggregate([]), ["from"]) if beaten.num_rows else {}
    rows = [{"id": e.id, "label": labels[e.id], "name": e.name, "aliases": list(e.aliases),
             "papers": mentioned.get((e.id,), 0), "evaluated_in": evaluated.get((e.id,), 0),
             "proposed_in": proposed.get((e.id,), 0), "wins": wins.get((e.id,), 0)} for e in entities]
    writer.add_many("Entity", rows)

    names: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        for form in dict.fromkeys(" ".join(f.split()).lower() for f in [entity.name, *entity.aliases]):
            names[form].append(entity.id)
    for key in sorted(names):
        writer.add("NameKey", {"key": key})
        for eid in names[key]:
            writer.add("NAMES", {"from": key, "to": eid})

    # Datasets and benchmarks each paper reports results on: pairs of them, and months.
    data_ids = pa.array(sorted(i for i, label in labels.items() if label in _DATA), type=pa.string())
    on_data = evaluated_rows.filter(pc.is_in(evaluated_rows["to"], value_set=data_ids)) if evaluated_rows.num_rows else evaluated_rows
    if on_data.num_rows:
        pairs = on_data.join(on_data, keys="from", join_type="inner", left_suffix=".a", right_suffix=".b")
        pairs = pairs.filter(pc.less(pairs["to.a"], pairs["to.b"]))
        for (a, b), n in sorted(_counts(pairs, ["to.a", "to.b"]).items()):
            writer.add("CO_USED", {"from": a, "to": b, "papers": n})
        months = writer.read("Paper", ["id", "month"]).rename_columns(["from", "month"])
        dated = on_data.join(months.filter(pc.is_valid(months["month"])), keys="from", join_type="inner")
        by_month = _counts(dated, ["to", "month"])
        for month in sorted({m for _, m in by_month}):
            writer.add("Month", {"month": month})
        for (entity, month), n in sorted(by_month.items()):
            writer.add("USED_IN", {"from": entity, "to": month, "papers": n})

    for kind, rank, entity in _rankings(rows):
        key = f"{kind}:{rank}"
        writer.add("Ranked", {"id": key, "kind": kind, "rank": rank})
        writer.add("RANKS", {"from": key, "to": entity})

    papers = writer.read("Paper", ["id", "title", "code_url", "date"])
    with_code = papers.filter(pc.is_valid(papers["code_url"])).sort_by([("title", "ascending"), ("id", "ascending")])
    for rank, row in enumerate(with_code.slice(0, RANK_DEPTH).to_pylist(), start=1):
        writer.add("PaperCode", {"rank": rank, "paper": row["id"], "title": row["title"], "code_url": row["code_url"],
                                 "date": row["date"]})

    authors: dict[str, list] = {}  # author id -> [name as first written, papers]
    for names_of_paper in writer.read("Paper", ["authors"])["authors"].to_pylist():
        for aid, name, _ in paper_authors(names_of_paper):
            known = authors.setdefault(aid, [name, 0])
            known[1] += 1
    for aid in sorted(authors):
        name, count = authors[aid]
        writer.add("Author", {"id": aid, "name": name, "papers": count})


def _counts(table, columns: list[str]) -> dict[tuple, int]:
    """Rows of ``table`` per distinct value of ``columns``."""
    if table.num_rows == 0:
        return {}
    grouped = table.group_by(columns).aggregate([([], "count_all")])
    keys = zip(*(grouped[c].to_pylist() for c in columns))
    return dict(zip(keys, grouped["count_all"].to_pylist()))


def _rankings(rows: list[dict]) -> list[tuple[str, int, str]]:
    """(kind, rank, entity id) of the first RANK_DEPTH entities of each ranking."""
    rankings: list[tuple[str, int, str]] = []

    def ranking(kind: str, chosen, key) -> None:
        best = heapq.nsmallest(RANK_DEPTH, (r for r in rows if chosen(r)), key=key)
        rankings.extend((kind, rank, row["id"]) for rank, row in enumerate(best, start=1))

    ranking("evaluated", lambda r: r["evaluated_in"] > 0, lambda r: (-r["evaluated_in"], r["name"], r["label"]))
    ranking("wins", lambda r: r["wins"] > 0, lambda r: (-r["wins"], r["name"], r["id"]))
    once = lambda r: (r["label"], r["name"], r["id"])  # noqa: E731
    ranking("once", lambda r: r["papers"] == 1, once)
    for label in sorted({r["label"] for r in rows}):
        ranking(f"once:{label}", lambda r, label=label: r["papers"] == 1 and r["label"] == label, once)
    ranking("users", lambda r: r["proposed_in"] > 0 and r["label"] in _DATA, lambda r: (-(r["papers"] - 1), r["name"], r["id"]))
    return rankings
