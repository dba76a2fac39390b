"""Leaderboards: for a dataset or benchmark, each method's best reported score per metric.

The rows come from the named query ``leaderboard`` (on the embedded store or Neo4j, identical)
or straight from the NetworkX mirror (:func:`leaderboard`); :func:`best_per_method` turns either
into the tables ``kg leaderboard`` prints.

>>> from kg.analysis.graphs import example_graph
>>> boards = leaderboard(example_graph(), "superni")
>>> [(e.rank, e.method, e.value_text) for e in boards["ROUGE-L"]]
[(1, 'MHR', '51.2'), (2, 'Poly', '49.9')]
"""

from __future__ import annotations

from typing import Iterable, Optional

import networkx as nx
from pydantic import BaseModel, ConfigDict

from kg.errors import KGError

__all__ = ["LeaderboardEntry", "best_per_method", "leaderboard", "most_reported", "best_over_time", "canonical_metric",
           "UNSTATED_METRIC"]

UNSTATED_METRIC = ""  # results whose sentence names no metric ("reaches 74.0% on GSM8K")
_DATA = ("Dataset", "Benchmark")


class LeaderboardEntry(BaseModel):
    """One row of a leaderboard: a method's best score on a benchmark for one metric. ``method`` is
    None for a paper's own method when its text does not name it (each such paper is its own row)."""

    model_config = ConfigDict(frozen=True)

    rank: int = 0
    benchmark: str
    metric: str
    higher_is_better: bool = True
    method: Optional[str] = None
    value: float
    value_text: str
    paper: str
    title: str = ""
    date: Optional[str] = None  # as the listing writes it
    month: Optional[str] = None  # "2023-02" when the date gives a year
    evidence: str = ""
    results: int = 1  # how many scores this method has on the benchmark for the metric


_ROW_FIELDS = frozenset(LeaderboardEntry.model_fields) - {"rank", "results"}


def canonical_metric(name: Optional[str]) -> str:
    """The metric a written form names, as results are grouped ("acc." -> "accuracy"); unknown
    forms are kept as written.

    >>> canonical_metric("Acc."), canonical_metric("solve rate"), canonical_metric("held-out score")
    ('accuracy', 'success rate', 'held-out score')
    """
    from extractors.results import metric_of

    if not name:
        return UNSTATED_METRIC
    known = metric_of(name)
    return known.name if known else name.strip()


def best_per_method(rows: Iterable[dict]) -> dict[str, list[LeaderboardEntry]]:
    """Group result rows (the ``leaderboard`` query's columns) by benchmark and metric and keep
    each method's best score, best first by the metric's direction; ties by method, then paper.

    Returns ``{metric: [entries]}`` (for a name naming several benchmarks, the metric key is
    ``"<benchmark> / <metric>"``), metrics with the most methods first.
    """
    groups: dict[tuple[str, str], dict[tuple, LeaderboardEntry]] = {}
    counts: dict[tuple, int] = {}
    for row in rows:
        entry = LeaderboardEntry(**{k: v for k, v in row.items() if k in _ROW_FIELDS and v is not None})
        group = groups.setdefault((entry.benchmark, entry.metric), {})
        who = (entry.method,) if entry.method is not None else (None, entry.paper)
        counts[(entry.benchmark, entry.metric, who)] = counts.get((entry.benchmark, entry.metric, who), 0) + 1
        best = group.get(who)
        if best is None or _better(entry, best):
            group[who] = entry
    benchmarks = {benchmark for benchmark, _ in groups}
    boards: dict[str, list[LeaderboardEntry]] = {}
    for (benchmark, metric), by_method in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        ordered = sorted(by_method.items(), key=lambda item: (_goodness(item[1]) * -1, item[1].method or "", item[1].paper))
        title = metric if len(benchmarks) == 1 else f"{benchmark} / {metric}"
        boards[title] = [entry.model_copy(update={"rank": rank, "results": counts[(benchmark, metric, who)]})
                         for rank, (who, entry) in enumerate(ordered, start=1)]
    return boards


def _goodness(entry: LeaderboardEntry) -> float:
    return entry.value if entry.higher_is_better else -entry.value


def _better(a: LeaderboardEntry, b: LeaderboardEntry) -> bool:
    return (_goodness(a), b.paper) > (_goodness(b), a.paper)  # equal scores: the first paper by id


def leaderboard(G: nx.MultiDiGraph, benchmark: str, *, metric: Optional[str] = None) -> dict[str, list[LeaderboardEntry]]:
    """The leaderboards of ``benchmark`` (any name or alias, any case) from the mirror.

    Raises
    ------
    KGError : no dataset or benchmark has that name.
    """
    wanted = benchmark.strip().lower()
    targets = [node for node, data in G.nodes(data=True) if data.get("label") in _DATA
               and wanted in {data["name"].lower(), *(alias.lower() for alias in data.get("aliases") or ())}]
    if not targets:
        raise KGError(f"no dataset or benchmark is called {benchmark!r}")
    metric_wanted = canonical_metric(metric).lower() if metric else None
    rows = [row for target in targets for row in _result_rows(G, target)
            if metric_wanted is None or row["metric"].lower() == metric_wanted]
    return best_per_method(rows)


def _result_rows(G: nx.MultiDiGraph, target) -> list[dict]:
    """The ``leaderboard`` query's rows for one dataset or benchmark node of the mirror."""
    rows = []
    for result, _, kind in G.in_edges(target, keys=True):
        if kind != "ON_BENCHMARK":
            continue
        data = G.nodes[result]
        ends = {kind: end for _, end, kind in G.out_edges(result, keys=True)}
        (paper,) = [source for source, _, kind in G.in_edges(result, keys=True) if kind == "REPORTS"]
        metric_name = G.nodes[ends["MEASURED_BY"]]["name"] if "MEASURED_BY" in ends else (data.get("metric_text") or "")
        higher = data.get("higher_is_better")
        rows.append({"benchmark": G.nodes[target]["name"], "metric": metric_name,
                     "higher_is_better": True if higher is None else higher,
                     "method": G.nodes[ends["BY_METHOD"]]["name"] if "BY_METHOD" in ends else None,
                     "value": data["value"], "value_text": data["value_text"], "paper": paper,
                     "title": G.nodes[paper].get("title", ""), "date": G.nodes[paper].get("date"),
                     "month": G.nodes[paper].get("month"), "evidence": data.get("evidence", "")})
    return rows


def most_reported(G: nx.MultiDiGraph, *, limit: Optional[int] = 4) -> list[tuple[str, str, int]]:
    """(benchmark, metric, number of scores) of the benchmark-metric pairs with the most reported
    scores, most first; ties by name.

    >>> from kg.analysis.graphs import example_graph
    >>> most_reported(example_graph())
    [('SuperNI', 'ROUGE-L', 3)]
    """
    counts: dict[tuple[str, str], int] = {}
    for node, data in G.nodes(data=True):
        if data.get("label") in _DATA:
            for row in _result_rows(G, node):
                counts[(row["benchmark"], row["metric"])] = counts.get((row["benchmark"], row["metric"]), 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(benchmark, metric, n) for (benchmark, metric), n in ranked[: limit]]


def best_over_time(G: nx.MultiDiGraph, benchmark: str, metric: str) -> list[LeaderboardEntry]:
    """The state of the art over time on ``benchmark`` for ``metric``: the dated scores, in date
    order, each that beat every earlier one (by the metric's direction). Papers without a month
    (a listing date without a year) are left out.

    >>> from kg.analysis.graphs import example_graph
    >>> [(e.month, e.method, e.value) for e in best_over_time(example_graph(), "SuperNI", "ROUGE-L")]
    [('2023-01', 'Poly', 49.9), ('2023-02', 'MHR', 51.2)]
    """
    wanted = benchmark.strip().lower()
    rows = [row for node, data in G.nodes(data=True)
            if data.get("label") in _DATA and data["name"].lower() == wanted
            for row in _result_rows(G, node) if row["metric"] == metric and row["month"]]
    records: list[LeaderboardEntry] = []
    for row in sorted(rows, key=lambda row: (row["month"], -_goodness(LeaderboardEntry(**row)), row["paper"])):
        entry = LeaderboardEntry(**row)
        if not records or _goodness(entry) > _goodness(records[-1]):
            records.append(entry.model_copy(update={"rank": len(records) + 1}))
    return records
