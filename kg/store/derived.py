"""Rows of the store's tables from the graph's papers, entities and relations, and the derived
tables computed on the way (see :mod:`kg.store.schema`).

:class:`GraphRows` takes a paper, then its relations, one paper at a time, so a build can stream
a corpus through it; what it keeps grows with the number of distinct entities and of dataset
pairs, not with the number of papers.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from itertools import combinations
from typing import Iterable, Optional

from kg.model import Entity, NodeLabel, Paper, Relation, RelType, Result, paper_authors
from kg.store.schema import RANK_DEPTH

__all__ = ["GraphRows", "paper_row", "relation_row"]

_DATA = (NodeLabel.DATASET.value, NodeLabel.BENCHMARK.value)


def paper_row(paper: Paper) -> dict:
    row = paper.model_dump()
    row["code_url"] = paper.code_url
    return row


def relation_row(rel: Relation) -> dict:
    row = rel.model_dump(exclude={"source", "type", "target"})
    row["from"], row["to"] = rel.source, rel.target
    return row


class GraphRows:
    """Accumulates the derived tables while the graph's rows are written.

    Call :meth:`paper` for each paper, :meth:`relations` with each paper's relations (entity
    labels must be known: pass ``labels``), then :meth:`entity_rows` and :meth:`derived_rows`.
    """

    def __init__(self, labels: dict[str, str]):
        self.labels = labels  # entity id -> label
        self.mentioned: Counter = Counter()
        self.evaluated: Counter = Counter()
        self.proposed: Counter = Counter()
        self.beaten: dict[str, set] = defaultdict(set)
        self.co_used: Counter = Counter()
        self.by_month: Counter = Counter()
        self.with_code: list[tuple[str, str, str, Optional[str]]] = []  # (title, paper id, code url, date)
        self.rankings: list[tuple[str, int, str]] = []  # (kind, rank, entity id)
        self.authors: dict[str, list] = {}  # author id -> [name as first written, papers]

    def paper(self, paper: Paper) -> Iterable[tuple[str, dict]]:
        """(table, row) for the paper and its lookup keys: its id and its lower-cased title.
        Merged papers have different titles (identity is the title key), so keys are unique; a
        title that reads like an id is left out rather than risk a clash."""
        row = paper_row(paper)
        yield "Paper", row
        if row["code_url"]:
            self.with_code.append((paper.title, paper.id, row["code_url"], paper.date))
            if len(self.with_code) > 2 * RANK_DEPTH:  # only the first RANK_DEPTH by title are kept
                self.with_code = heapq.nsmallest(RANK_DEPTH, self.with_code)
        keys = [paper.id.lower()]
        title = paper.title.lower()
        if title != keys[0] and not title.startswith(("arxiv:", "title:")):
            keys.append(title)
        for key in keys:
            yield "PaperKey", {"key": key}
            yield "KEYS", {"from": key, "to": paper.id}
        for aid, name, position in paper_authors(paper.authors):
            known = self.authors.setdefault(aid, [name, 0])
            known[1] += 1
            yield "WROTE", {"from": aid, "to": paper.id, "position": position}

    def relations(self, paper: Paper, relations: Iterable[Relation]) -> Iterable[tuple[str, dict]]:
        """(table, row) for each relation of one paper, counting as it goes."""
        evaluated = set()
        for rel in relations:
            kind = rel.type.value
            if rel.type is RelType.MENTIONS:
                self.mentioned[rel.target] += 1
            elif rel.type is RelType.PROPOSES:
                self.proposed[rel.target] += 1
            elif rel.type is RelType.EVALUATED_ON:
                self.evaluated[rel.target] += 1
                evaluated.add(rel.target)
            elif rel.type is RelType.OUTPERFORMS:
                self.beaten[rel.source].add(rel.target)
            yield kind, relation_row(rel)
        data = sorted(e for e in evaluated if self.labels.get(e) in _DATA)
        for a, b in combinations(data, 2):
            self.co_used[(a, b)] += 1
        if paper.month:
            for target in data:
                self.by_month[(target, paper.month)] += 1

    def results(self, results: Iterable[Result]) -> Iterable[tuple[str, dict]]:
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

    def entity_row(self, entity: Entity) -> dict:
        """An entity's row with its counters (ranks are set by :meth:`entity_rows`)."""
        return {"id": entity.id, "label": entity.label.value, "name": entity.name, "aliases": list(entity.aliases),
                "papers": self.mentioned[entity.id], "evaluated_in": self.evaluated[entity.id],
                "proposed_in": self.proposed[entity.id], "wins": len(self.beaten.get(entity.id, ()))}

    def entity_rows(self, entities: Iterable[Entity]) -> list[dict]:
        """Every entity's row with its counters; remembers the rankings for :meth:`derived_rows`."""
        rows = [self.entity_row(e) for e in entities]

        def ranking(kind: str, chosen, key) -> None:
            best = heapq.nsmallest(RANK_DEPTH, (r for r in rows if chosen(r)), key=key)
            self.rankings.extend((kind, rank, row["id"]) for rank, row in enumerate(best, start=1))

        ranking("evaluated", lambda r: r["evaluated_in"] > 0, lambda r: (-r["evaluated_in"], r["name"], r["label"]))
        ranking("wins", lambda r: r["wins"] > 0, lambda r: (-r["wins"], r["name"], r["id"]))
        once = lambda r: (r["label"], r["name"], r["id"])  # noqa: E731
        ranking("once", lambda r: r["papers"] == 1, once)
        for label in sorted({r["label"] for r in rows}):
            ranking(f"once:{label}", lambda r, label=label: r["papers"] == 1 and r["label"] == label, once)
        ranking("users", lambda r: r["proposed_in"] > 0 and r["label"] in _DATA, lambda r: (-(r["papers"] - 1), r["name"], r["id"]))
        return rows

    def derived_rows(self, entities: Iterable[Entity]) -> Iterable[tuple[str, dict]]:
        """NameKey/NAMES, Month/USED_IN, CO_USED, Ranked/RANKS, PaperCode and Author rows (after
        :meth:`entity_rows`)."""
        names: dict[str, list[str]] = defaultdict(list)
        for entity in entities:
            for form in dict.fromkeys(" ".join(f.split()).lower() for f in [entity.name, *entity.aliases]):
                names[form].append(entity.id)
        for key in sorted(names):
            yield "NameKey", {"key": key}
            for eid in names[key]:
                yield "NAMES", {"from": key, "to": eid}
        for month in sorted({m for _, m in self.by_month}):
            yield "Month", {"month": month}
        for (entity, month), n in sorted(self.by_month.items()):
            yield "USED_IN", {"from": entity, "to": month, "papers": n}
        for (a, b), n in sorted(self.co_used.items()):
            yield "CO_USED", {"from": a, "to": b, "papers": n}
        for kind, rank, entity in self.rankings:
            key = f"{kind}:{rank}"
            yield "Ranked", {"id": key, "kind": kind, "rank": rank}
            yield "RANKS", {"from": key, "to": entity}
        for rank, (title, paper, code_url, date) in enumerate(heapq.nsmallest(RANK_DEPTH, self.with_code), start=1):
            yield "PaperCode", {"rank": rank, "paper": paper, "title": title, "code_url": code_url, "date": date}
        for aid in sorted(self.authors):
            name, papers = self.authors[aid]
            yield "Author", {"id": aid, "name": name, "papers": papers}

