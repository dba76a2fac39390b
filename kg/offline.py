"""The named queries of ``cypher/library`` answered from the NetworkX mirror, without Neo4j.

Each function here mirrors one ``.cypher`` file row for row (same columns, same order); the
parity test runs both on the sample corpus and compares. Registered by query name in
``OFFLINE_QUERIES``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterator, Optional

import networkx as nx

__all__ = ["OFFLINE_QUERIES", "run_offline"]

Row = dict
OFFLINE_QUERIES: dict[str, Callable[..., list[Row]]] = {}


def _query(name: str):
    def register(func):
        OFFLINE_QUERIES[name] = func
        return func

    return register


def _is(data: dict, text: str) -> bool:
    """Name or any alias equals ``text`` ignoring case (Cypher toLower)."""
    wanted = text.lower()
    return data.get("name", "").lower() == wanted or any(a.lower() == wanted for a in data.get("aliases") or [])


def _entities(G: nx.MultiDiGraph, text: str) -> list[str]:
    return [n for n, d in G.nodes(data=True) if d["label"] != "Paper" and _is(d, text)]


def _papers(G: nx.MultiDiGraph, ref: str) -> list[str]:
    wanted = ref.lower()
    return [n for n, d in G.nodes(data=True) if d["label"] == "Paper" and (n == ref or d["title"].lower() == wanted)]


def _edges(G: nx.MultiDiGraph, rtype: str) -> Iterator[tuple[str, str, dict]]:
    for u, v, d in G.edges(data=True):
        if d["type"] == rtype:
            yield u, v, d


def _name(G, node: Optional[str]):
    return G.nodes[node]["name"] if node is not None and node in G else None


@_query("papers_on_benchmark")
def papers_on_benchmark(G, *, benchmark: str) -> list[Row]:
    targets = set(_entities(G, benchmark))
    rows = [
        {"paper": u, "title": G.nodes[u]["title"], "benchmark": G.nodes[v]["name"], "evidence": d.get("evidence")}
        for u, v, d in _edges(G, "EVALUATED_ON") if v in targets
    ]
    return sorted(rows, key=lambda r: (r["title"], r["paper"], r["benchmark"]))


@_query("paper_proposals")
def paper_proposals(G, *, paper: str) -> list[Row]:
    sources = set(_papers(G, paper))
    rows = [
        {"title": G.nodes[u]["title"], "label": G.nodes[v]["label"], "name": G.nodes[v]["name"],
         "aliases": G.nodes[v].get("aliases") or [], "evidence": d.get("evidence")}
        for u, v, d in _edges(G, "PROPOSES") if u in sources
    ]
    return sorted(rows, key=lambda r: (r["title"], r["label"], r["name"]))


@_query("methods_outperforming")
def methods_outperforming(G, *, method: str) -> list[Row]:
    targets = {n for n in _entities(G, method) if G.nodes[n]["label"] == "Method"}
    rows = [
        {"method": G.nodes[u]["name"], "beats": G.nodes[v]["name"], "benchmark": _name(G, d.get("benchmark")),
         "paper": G.nodes[d["paper"]]["title"], "evidence": d.get("evidence")}
        for u, v, d in _edges(G, "OUTPERFORMS") if v in targets and G.nodes[u]["label"] == "Method"
    ]
    return sorted(rows, key=lambda r: (r["method"], r["paper"]))


@_query("outperforms_chains")
def outperforms_chains(G, *, method: str, max_depth: int = 3) -> list[Row]:
    depth = min(max_depth, 4)
    out = defaultdict(list)
    for u, v, k in G.edges(keys=True):
        if G.edges[u, v, k]["type"] == "OUTPERFORMS":
            out[u].append((v, (u, v, k)))
    chains: set[tuple[tuple[str, ...], int]] = set()

    def walk(node: str, names: tuple[str, ...], used: frozenset) -> None:
        if len(names) - 1 >= depth:
            return
        for nxt, edge in out[node]:
            if edge in used:  # Cypher never repeats a relationship within one path
                continue
            chain = names + (G.nodes[nxt]["name"],)
            chains.add((chain, len(chain) - 1))
            walk(nxt, chain, used | {edge})

    for start in _entities(G, method):
        if G.nodes[start]["label"] == "Method":
            walk(start, (G.nodes[start]["name"],), frozenset())
    return [{"chain": list(chain), "hops": hops} for chain, hops in sorted(chains, key=lambda c: (c[1], c[0]))]


def _evaluated_counts(G) -> dict[str, set]:
    papers = defaultdict(set)
    for u, v, _ in _edges(G, "EVALUATED_ON"):
        papers[v].add(u)
    return papers


@_query("top_benchmarks")
def top_benchmarks(G, *, limit: int = 10) -> list[Row]:
    rows = [{"benchmark": G.nodes[b]["name"], "label": G.nodes[b]["label"], "papers": len(ps)}
            for b, ps in _evaluated_counts(G).items()]
    return sorted(rows, key=lambda r: (-r["papers"], r["benchmark"], r["label"]))[:limit]


@_query("benchmark_usage_by_month")
def benchmark_usage_by_month(G, *, min_papers: int = 1) -> list[Row]:
    counts = defaultdict(set)
    for u, v, _ in _edges(G, "EVALUATED_ON"):
        month = G.nodes[u].get("month")
        if month is not None:
            counts[(month, G.nodes[v]["name"])].add(u)
    rows = [{"month": m, "benchmark": b, "papers": len(ps)} for (m, b), ps in counts.items() if len(ps) >= min_papers]
    return sorted(rows, key=lambda r: (r["month"], -r["papers"], r["benchmark"]))


@_query("benchmarks_used_together")
def benchmarks_used_together(G, *, min_papers: int = 2) -> list[Row]:
    by_paper = defaultdict(set)
    for u, v, _ in _edges(G, "EVALUATED_ON"):
        by_paper[u].add(v)
    pairs = defaultdict(set)
    for paper, benches in by_paper.items():
        ordered = sorted(benches)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)].add(paper)
    rows = [{"benchmark_a": G.nodes[a]["name"], "benchmark_b": G.nodes[b]["name"], "papers": len(ps)}
            for (a, b), ps in pairs.items() if len(ps) >= min_papers]
    return sorted(rows, key=lambda r: (-r["papers"], r["benchmark_a"], r["benchmark_b"]))


@_query("papers_sharing_benchmarks")
def papers_sharing_benchmarks(G, *, paper: str, k: int = 1) -> list[Row]:
    by_paper = defaultdict(set)
    for u, v, _ in _edges(G, "EVALUATED_ON"):
        by_paper[u].add(v)
    shared = defaultdict(set)
    for p in _papers(G, paper):
        for q, benches in by_paper.items():
            if q != p:
                shared[q] |= {G.nodes[b]["name"] for b in benches & by_paper[p]}
    rows = [{"paper": q, "title": G.nodes[q]["title"], "shared_count": len(names), "shared": sorted(names)}
            for q, names in shared.items() if len(names) >= k and names]
    return sorted(rows, key=lambda r: (-r["shared_count"], r["title"], r["paper"]))


@_query("methods_on_both")
def methods_on_both(G, *, a: str, b: str) -> list[Row]:
    xs, ys = set(_entities(G, a)), set(_entities(G, b))
    evaluated = defaultdict(set)
    for u, v, _ in _edges(G, "EVALUATED_ON"):
        evaluated[u].add(v)
    rows = {
        (G.nodes[m]["name"], G.nodes[p]["title"])
        for p, m, _ in _edges(G, "PROPOSES")
        if G.nodes[m]["label"] == "Method" and evaluated[p] & xs and evaluated[p] & ys
    }
    return [{"method": m, "paper": t} for m, t in sorted(rows)]


@_query("proposed_benchmarks_and_users")
def proposed_benchmarks_and_users(G, *, min_users: int = 0) -> list[Row]:
    mentioned_by = defaultdict(set)
    for u, v, _ in _edges(G, "MENTIONS"):
        mentioned_by[v].add(u)
    rows = []
    for origin, b, _ in _edges(G, "PROPOSES"):
        if G.nodes[b]["label"] not in ("Benchmark", "Dataset"):
            continue
        users = sorted({G.nodes[u]["title"] for u in mentioned_by[b] if u != origin})
        if len(users) >= min_users:
            rows.append({"benchmark": G.nodes[b]["name"], "proposed_in": G.nodes[origin]["title"],
                         "proposed_on": G.nodes[origin].get("date"), "used_by": users})
    return sorted(rows, key=lambda r: (-len(r["used_by"]), r["benchmark"], r["proposed_in"]))


@_query("papers_with_code")
def papers_with_code(G, *, limit: int = 50) -> list[Row]:
    rows = []
    for n, d in G.nodes(data=True):
        if d["label"] != "Paper":
            continue
        code = [u for u in d.get("urls") or [] if "github.com" in u or "gitlab.com" in u]
        if code:
            rows.append({"title": d["title"], "code_url": code[0], "date": d.get("date")})
    return sorted(rows, key=lambda r: r["title"])[:limit]


@_query("entity_lookup")
def entity_lookup(G, *, name: str) -> list[Row]:
    rows = []
    for e in _entities(G, name):
        papers = {u for u, _, d in G.in_edges(e, data=True) if d["type"] == "MENTIONS"}
        data = G.nodes[e]
        rows.append({"id": e, "label": data["label"], "name": data["name"], "aliases": data.get("aliases") or [],
                     "papers": len(papers)})
    return sorted(rows, key=lambda r: (-r["papers"], r["id"]))


@_query("entities_mentioned_once")
def entities_mentioned_once(G, *, label: str = "any") -> list[Row]:
    papers = defaultdict(set)
    for u, v, _ in _edges(G, "MENTIONS"):
        papers[v].add(u)
    rows = [{"label": G.nodes[e]["label"], "name": G.nodes[e]["name"], "id": e}
            for e, ps in papers.items() if len(ps) == 1 and (label == "any" or G.nodes[e]["label"] == label)]
    return sorted(rows, key=lambda r: (r["label"], r["name"], r["id"]))


@_query("top_methods_by_wins")
def top_methods_by_wins(G, *, limit: int = 10) -> list[Row]:
    beaten = defaultdict(set)
    for u, v, _ in _edges(G, "OUTPERFORMS"):
        beaten[u].add(v)
    rows = [{"method": G.nodes[w]["name"], "beats": len(ls), "beaten": sorted(G.nodes[l]["name"] for l in ls)}
            for w, ls in beaten.items()]
    return sorted(rows, key=lambda r: (-r["beats"], r["method"]))[:limit]


def run_offline(G: nx.MultiDiGraph, name: str, params: dict) -> list[Row]:
    """Answer the named query ``name`` from the mirror."""
    from kg.errors import QueryNotFoundError

    if name not in OFFLINE_QUERIES:
        raise QueryNotFoundError(f"no query named {name!r}; `kg query --list` shows them")
    return OFFLINE_QUERIES[name](G, **params)
