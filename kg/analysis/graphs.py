"""Graph analysis as plain functions over the NetworkX mirror (``kg.store.mirror.load_mirror``).

Every function takes the mirror ``G`` (an ``nx.MultiDiGraph`` with ``label`` on nodes and
``type`` on edges) first, options as keywords, and returns plain data or a new graph.

Examples
--------
>>> G = example_graph()
>>> benchmark_popularity(G)[:2]
[('SuperNI', 3), ('BBH', 2)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

import networkx as nx

from kg.errors import KGError

__all__ = [
    "example_graph",
    "benchmark_popularity",
    "benchmark_trend",
    "rising_benchmarks",
    "cousage_graph",
    "method_benchmark_graph",
    "centrality",
    "communities",
    "outperforms_graph",
    "rank_methods",
]

_DATA = ("Dataset", "Benchmark")


def example_graph() -> nx.MultiDiGraph:
    """A small mirror for examples: four papers, three methods, three benchmarks, three results.

    >>> G = example_graph()
    >>> sorted(d["label"] for _, d in G.nodes(data=True)).count("Paper")
    4
    """
    from kg.mirror import to_networkx
    from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType, Result

    papers = [Paper(id=f"p{i}", title=f"Paper {i}", abstract="A.", month=m) for i, m in
              enumerate(["2022-10", "2023-01", "2023-02", "2023-03"])]
    entities = [Entity(id="m:mhr", label=NodeLabel.METHOD, name="MHR"), Entity(id="m:poly", label=NodeLabel.METHOD, name="Poly"),
                Entity(id="m:t5", label=NodeLabel.METHOD, name="T5"),
                Entity(id="b:superni", label=NodeLabel.BENCHMARK, name="SuperNI"),
                Entity(id="b:bbh", label=NodeLabel.BENCHMARK, name="BBH"), Entity(id="d:glue", label=NodeLabel.BENCHMARK, name="GLUE")]
    rel = []

    def add(s, t, rtype, paper):
        rel.append(Relation(source=s, type=rtype, target=t, paper=paper))

    for paper, bench in [("p0", "d:glue"), ("p1", "b:superni"), ("p2", "b:superni"), ("p2", "b:bbh"), ("p3", "b:superni"),
                         ("p3", "b:bbh")]:
        add(paper, bench, RelType.EVALUATED_ON, paper)
    for paper, method in [("p0", "m:t5"), ("p1", "m:poly"), ("p2", "m:mhr")]:
        add(paper, method, RelType.PROPOSES, paper)
    add("m:mhr", "m:poly", RelType.OUTPERFORMS, "p2")
    add("m:poly", "m:t5", RelType.OUTPERFORMS, "p1")
    add("m:mhr", "m:t5", RelType.OUTPERFORMS, "p3")
    entities.append(Entity(id="metric:rouge-l", label=NodeLabel.METRIC, name="ROUGE-L"))
    results = [Result(id=f"{paper}#r{i}", paper=paper, method=method, benchmark="b:superni", metric="metric:rouge-l",
                      metric_text="ROUGE-L", higher_is_better=True, value=value, value_text=str(value))
               for i, (paper, method, value) in enumerate([("p1", "m:poly", 49.9), ("p2", "m:mhr", 51.2),
                                                          ("p3", "m:mhr", 50.4)])]
    return to_networkx(Graph(papers=papers, entities=entities, relations=rel, results=results))


def _check(G) -> None:
    if not isinstance(G, nx.MultiDiGraph):
        raise KGError("expected the mirror as an nx.MultiDiGraph (kg.mirror.load_mirror)")


def _evaluations(G):
    for u, v, d in G.edges(data=True):
        if d["type"] == "EVALUATED_ON" and G.nodes[v]["label"] in _DATA:
            yield u, v


def benchmark_popularity(G: nx.MultiDiGraph, *, limit: Optional[int] = None) -> list[tuple[str, int]]:
    """Datasets and benchmarks by the number of papers reporting results on them.

    >>> benchmark_popularity(example_graph(), limit=1)
    [('SuperNI', 3)]
    """
    _check(G)
    papers = defaultdict(set)
    for paper, bench in _evaluations(G):
        papers[G.nodes[bench]["name"]].add(paper)
    ranked = sorted(((name, len(ps)) for name, ps in papers.items()), key=lambda x: (-x[1], x[0]))
    return ranked[:limit] if limit else ranked


def benchmark_trend(G: nx.MultiDiGraph, *, benchmarks: Optional[list[str]] = None) -> dict[str, dict[str, int]]:
    """Papers per month for each benchmark: ``{benchmark: {"YYYY-MM": n}}`` (papers without a year are left out).

    >>> benchmark_trend(example_graph())["SuperNI"]
    {'2023-01': 1, '2023-02': 1, '2023-03': 1}
    """
    _check(G)
    trend: dict[str, Counter] = defaultdict(Counter)
    for paper, bench in _evaluations(G):
        month = G.nodes[paper].get("month")
        name = G.nodes[bench]["name"]
        if month and (benchmarks is None or name in benchmarks):
            trend[name][month] += 1
    return {name: dict(sorted(counts.items())) for name, counts in sorted(trend.items())}


def rising_benchmarks(G: nx.MultiDiGraph, *, split: Optional[str] = None, min_papers: int = 2) -> list[tuple[str, int, int]]:
    """Benchmarks whose usage grows: (name, papers before ``split``, papers from ``split`` on),
    sorted by growth. ``split`` defaults to the median month of all dated evaluations.

    >>> rising_benchmarks(example_graph(), split="2023-02")
    [('BBH', 0, 2), ('SuperNI', 1, 2)]
    """
    trend = benchmark_trend(G)
    months = sorted(m for counts in trend.values() for m, n in counts.items() for _ in range(n))
    if not months:
        return []
    split = split or months[len(months) // 2]
    rows = []
    for name, counts in trend.items():
        before = sum(n for m, n in counts.items() if m < split)
        after = sum(n for m, n in counts.items() if m >= split)
        if before + after >= min_papers and after > before:
            rows.append((name, before, after))
    return sorted(rows, key=lambda r: (-(r[2] - r[1]), r[0]))


def cousage_graph(G: nx.MultiDiGraph, *, min_papers: int = 1) -> nx.Graph:
    """Benchmarks linked when papers use them together; edge ``weight`` = number of such papers,
    node ``papers`` = papers using the benchmark (the weighted projection of the paper-benchmark graph).

    >>> C = cousage_graph(example_graph())
    >>> C["SuperNI"]["BBH"]["weight"]
    2
    """
    _check(G)
    by_paper = defaultdict(set)
    for paper, bench in _evaluations(G):
        by_paper[paper].add(G.nodes[bench]["name"])
    C = nx.Graph()
    for name, count in benchmark_popularity(G):
        C.add_node(name, papers=count)
    for benches in by_paper.values():
        ordered = sorted(benches)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weight = C.edges[a, b]["weight"] + 1 if C.has_edge(a, b) else 1
                C.add_edge(a, b, weight=weight)
    C.remove_edges_from([(a, b) for a, b, w in C.edges(data="weight") if w < min_papers])
    return C


def method_benchmark_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite graph: a method is linked to a benchmark when a paper proposing the method
    reports results on the benchmark. Nodes carry ``bipartite`` = "method" or "benchmark".

    >>> B = method_benchmark_graph(example_graph())
    >>> sorted(B["MHR"])
    ['BBH', 'SuperNI']
    """
    _check(G)
    evaluated = defaultdict(set)
    for paper, bench in _evaluations(G):
        evaluated[paper].add(G.nodes[bench]["name"])
    B = nx.Graph()
    for paper, method, d in G.edges(data=True):
        if d["type"] == "PROPOSES" and G.nodes[method]["label"] == "Method":
            name = G.nodes[method]["name"]
            B.add_node(name, bipartite="method")
            for bench in evaluated[paper]:
                B.add_node(bench, bipartite="benchmark")
                B.add_edge(name, bench, weight=B.edges[name, bench]["weight"] + 1 if B.has_edge(name, bench) else 1)
    return B


def centrality(C: nx.Graph, *, kind: str = "degree") -> list[tuple[str, float]]:
    """Nodes of a co-usage (or bipartite) graph ranked by ``degree``, ``betweenness`` or ``pagerank``.

    >>> centrality(cousage_graph(example_graph()))[0]
    ('BBH', 0.5)
    """
    if kind == "degree":
        scores = nx.degree_centrality(C)
    elif kind == "betweenness":
        scores = nx.betweenness_centrality(C, weight=None)
    elif kind == "pagerank":
        scores = nx.pagerank(C, weight="weight")
    else:
        raise KGError(f"unknown centrality {kind!r}; choose degree, betweenness or pagerank")
    return sorted(((n, round(s, 6)) for n, s in scores.items()), key=lambda x: (-x[1], x[0]))


def communities(C: nx.Graph, *, seed: int = 0) -> list[list[str]]:
    """Groups of benchmarks used together (Louvain on edge weights, fixed seed), largest first.

    >>> communities(cousage_graph(example_graph()))
    [['BBH', 'SuperNI'], ['GLUE']]
    """
    if C.number_of_nodes() == 0:
        return []
    groups = nx.community.louvain_communities(C, weight="weight", seed=seed)
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def outperforms_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Methods with an edge winner -> loser for each claimed win; ``weight`` = number of claims,
    ``claims`` = (paper title, benchmark or None) of each.

    >>> sorted(outperforms_graph(example_graph()).edges(data="weight"))
    [('MHR', 'Poly', 1), ('MHR', 'T5', 1), ('Poly', 'T5', 1)]
    """
    _check(G)
    D = nx.DiGraph()
    for u, v, d in G.edges(data=True):
        if d["type"] == "OUTPERFORMS":
            a, b = G.nodes[u]["name"], G.nodes[v]["name"]
            if not D.has_edge(a, b):
                D.add_edge(a, b, weight=0, claims=[])
            D.edges[a, b]["weight"] += 1
            paper = d.get("paper")
            D.edges[a, b]["claims"].append((G.nodes[paper].get("title", paper) if paper in G else paper,
                                            d.get("benchmark")))
    return D


def rank_methods(G: nx.MultiDiGraph, *, benchmark: Optional[str] = None, iterations: int = 200) -> dict:
    """Rank methods from OUTPERFORMS claims with a Bradley-Terry fit, and report cycles.

    Parameters
    ----------
    G : the mirror.
    benchmark : only claims whose sentence names this benchmark (by name).
    iterations : MM iterations of the fit (Hunter 2004).

    Returns
    -------
    ``{"ranking": [(method, strength), ...], "cycles": [[a, b, ...], ...]}``; strengths are
    normalised to sum to 1, with a small prior so undefeated methods stay finite.

    >>> result = rank_methods(example_graph())
    >>> [name for name, _ in result["ranking"]], result["cycles"]
    (['MHR', 'Poly', 'T5'], [])
    """
    _check(G)
    wins: Counter = Counter()
    for u, v, d in G.edges(data=True):
        if d["type"] != "OUTPERFORMS":
            continue
        if benchmark is not None and (d.get("benchmark") is None or G.nodes[d["benchmark"]]["name"] != benchmark):
            continue
        wins[(G.nodes[u]["name"], G.nodes[v]["name"])] += 1
    methods = sorted({m for pair in wins for m in pair})
    if not methods:
        return {"ranking": [], "cycles": []}
    prior = 0.1  # one tenth of a virtual win and loss against every opponent keeps the MLE finite
    strength = {m: 1.0 for m in methods}
    games = defaultdict(float)
    for (a, b), n in wins.items():
        games[frozenset((a, b))] += n
    for _ in range(iterations):
        updated = {}
        for m in methods:
            total_wins = sum(n for (a, _), n in wins.items() if a == m) + prior * (len(methods) - 1)
            denominator = 0.0
            for other in methods:
                if other == m:
                    continue
                n = games.get(frozenset((m, other)), 0.0) + 2 * prior
                denominator += n / (strength[m] + strength[other])
            updated[m] = total_wins / denominator if denominator else strength[m]
        norm = sum(updated.values())
        strength = {m: s / norm for m, s in updated.items()}
    ranking = sorted(((m, round(s, 4)) for m, s in strength.items()), key=lambda x: (-x[1], x[0]))
    D = nx.DiGraph(list(wins))
    cycles = sorted(sorted_cycle(c) for c in nx.simple_cycles(D))
    return {"ranking": ranking, "cycles": cycles}


def sorted_cycle(cycle: list[str]) -> list[str]:
    """A cycle rotated to start at its smallest name (so equal cycles compare equal)."""
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]

