"""``kg report``: one self-contained HTML file (inline SVG, no scripts, no network) with the
pictures users ask for: top benchmarks, usage over time, the co-usage network, the OUTPERFORMS
graph of the most compared methods, and the leaderboards and best score over time of the
most-reported benchmarks."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Union

import networkx as nx

from kg import analysis
from kg.analysis.leaderboard import LeaderboardEntry, best_over_time, leaderboard, most_reported
from kg.mirror import graph_counts

__all__ = ["render_report", "write_report"]

PALETTE = ["#4C8EDA", "#F79767", "#57C7E3", "#8DCC93", "#C990C0", "#E8503A", "#FFC454", "#6DCE9E", "#A5ABB6", "#DA7194"]


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg class="plot" role="img" aria-label="{_esc(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">' + "".join(body) + "</svg>"
    )


def bar_chart(items: list[tuple[str, int]], *, title: str, width: int = 760) -> str:
    """Horizontal bars, one per (label, value)."""
    if not items:
        return "<p>No data.</p>"
    bar, gap, left = 20, 6, 260
    height = len(items) * (bar + gap) + 30
    top = max(v for _, v in items)
    body = []
    for i, (label, value) in enumerate(items):
        y = 10 + i * (bar + gap)
        w = (width - left - 60) * value / top
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12">{_esc(label[:34])}</text>')
        body.append(f'<rect class="mark" x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{PALETTE[0]}"><title>{_esc(label)}: {value}</title></rect>')
        body.append(f'<text x="{left + w + 6:.1f}" y="{y + 15}" font-size="12">{value}</text>')
    return _svg(width, height, body, title)


def _month_number(month: str) -> int:
    year, number = month.split("-")[:2]
    return int(year) * 12 + int(number) - 1


def timeline_chart(series: dict[str, dict[str, int]], *, title: str, width: int = 760) -> str:
    """One row per series on a time axis placed by date: a dot in each month with papers, its
    area by their number (dated papers are few and far between: a dot plot reads, a line does not)."""
    months = sorted({m for points in series.values() for m in points})
    if not months:
        return "<p>No dated evaluations: no paper's listing date gives a year.</p>"
    left, right, row, top_pad = 150, 30, 34, 16
    height = top_pad + row * len(series) + 40
    first, last = _month_number(months[0]) - 1, _month_number(months[-1]) + 1
    span = max(1, last - first)
    plot_w = width - left - right
    most = max(n for points in series.values() for n in points.values())

    def x(number: int) -> float:
        return left + plot_w * (number - first) / span

    axis_y = top_pad + row * len(series) + 4
    body = [f'<line x1="{left}" y1="{axis_y}" x2="{left + plot_w}" y2="{axis_y}" stroke="#999"/>']
    years = range(first // 12 + 1, last // 12 + 1)
    step = max(1, len(years) // 12)
    for year in list(years)[::step]:
        body.append(f'<line x1="{x(year * 12):.1f}" y1="{top_pad}" x2="{x(year * 12):.1f}" y2="{axis_y}" stroke="#eee"/>')
        body.append(f'<text x="{x(year * 12):.1f}" y="{axis_y + 16}" font-size="10" text-anchor="middle">{year}</text>')
    for k, (name, points) in enumerate(series.items()):
        y = top_pad + row * k + row / 2
        colour = PALETTE[k % len(PALETTE)]
        body.append(f'<text x="{left - 10}" y="{y + 4:.1f}" text-anchor="end" font-size="12">{_esc(_shorten(name, 22))}'
                    f"<title>{_esc(name)}: {sum(points.values())} dated papers</title></text>")
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#f2f2f2"/>')
        for month, n in sorted(points.items()):
            radius = 3 + 7 * math.sqrt(n / most)
            body.append(f'<circle class="mark" cx="{x(_month_number(month)):.1f}" cy="{y:.1f}" r="{radius:.1f}" '
                        f'fill="{colour}" fill-opacity="0.8"><title>{_esc(name)}, {month}: {n} paper{"s" if n != 1 else ""}'
                        "</title></circle>")
    return _svg(width, height, body, title)


def progress_chart(panels: list[tuple[str, list[LeaderboardEntry], list[LeaderboardEntry]]], *, title: str,
                   width: int = 760, panel_height: int = 150) -> str:
    """Best score over time, one panel per (heading, scores, records): every dated score a dot,
    the state of the art (each record that beat all earlier ones) a step line; each panel has its
    own scale, since metrics differ."""
    panels = [panel for panel in panels if panel[1]]
    if not panels:
        return "<p>No dated scores (a listing date without a year gives no month).</p>"
    left, right, gap = 60, 30, 44
    body = []
    for k, (heading, scores, records) in enumerate(panels):
        top = 26 + k * (panel_height + gap)
        months = sorted({e.month for e in scores})
        low, high = min(e.value for e in scores), max(e.value for e in scores)
        pad = (high - low) * 0.1 or max(abs(high) * 0.05, 1.0)
        low, high = low - pad, high + pad
        plot_w = width - left - right

        def x(month: str) -> float:
            return left + (plot_w * (months.index(month) + 0.5) / len(months))

        def y(value: float) -> float:
            return top + panel_height * (high - value) / (high - low)

        body.append(f'<text x="{left}" y="{top - 8}" font-size="13" font-weight="bold">{_esc(heading)}</text>')
        body.append(f'<line x1="{left}" y1="{top + panel_height}" x2="{left + plot_w}" y2="{top + panel_height}" stroke="#999"/>')
        body.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + panel_height}" stroke="#999"/>')
        for value in sorted({low + pad, high - pad}):
            body.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">{value:g}</text>')
        for month in months:
            body.append(f'<text x="{x(month):.1f}" y="{top + panel_height + 14}" text-anchor="middle" font-size="10">{_esc(month)}</text>')
        if len(records) > 1:
            points, previous = [], None
            for record in records:
                if previous is not None:
                    points.append(f"{x(record.month):.1f},{y(previous):.1f}")
                points.append(f"{x(record.month):.1f},{y(record.value):.1f}")
                previous = record.value
            body.append(f'<polyline class="mark" points="{" ".join(points)}" fill="none" stroke="{PALETTE[1]}" stroke-width="2">'
                        f"<title>{_esc(heading)}: state of the art</title></polyline>")
        best = {(e.paper, e.method) for e in records}
        for e in scores:
            colour = PALETTE[1] if (e.paper, e.method) in best else PALETTE[0]
            label = f"{e.method or 'own method'}: {e.value_text} ({e.month}, {e.title})"
            body.append(f'<circle class="mark" cx="{x(e.month):.1f}" cy="{y(e.value):.1f}" r="5" fill="{colour}">'
                        f"<title>{_esc(label)}</title></circle>")
            body.append(f'<text x="{x(e.month) + 8:.1f}" y="{y(e.value) + 4:.1f}" font-size="11">'
                        f"{_esc((e.method or 'own method')[:20])} {_esc(e.value_text)}</text>")
    return _svg(width, 26 + len(panels) * (panel_height + gap), body, title)


def _dated_papers(G: nx.MultiDiGraph) -> int:
    return sum(1 for _, data in G.nodes(data=True) if data.get("label") == "Paper" and data.get("month"))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _leaderboard_tables(pairs: list[tuple[str, str, dict]], *, rows: int = 8) -> str:
    """(benchmark, metric, its leaderboards) -> one table each."""
    tables = []
    for benchmark, metric, boards in pairs:
        board = boards.get(metric) or next(iter(boards.values()))
        direction = "higher is better" if board[0].higher_is_better else "lower is better"
        body = "".join(
            f"<tr><td>{e.rank}</td><td>{_esc(e.method or '(own method, unnamed)')}</td><td>{_esc(e.value_text)}</td>"
            f'<td title="{_esc(e.evidence)}">{_esc(_shorten(e.title, 64))}</td><td>{_esc(e.month or e.date or "")}</td></tr>'
            for e in board[:rows])
        tables.append(f"<h3>{_esc(benchmark)}: {_esc(metric or 'metric not stated')} ({direction})</h3>"
                      f'<table class="board"><tr><th>#</th><th>Method</th><th>Score</th><th>Paper</th><th>Date</th></tr>{body}</table>')
    return "".join(tables) or "<p>No scores were extracted.</p>"


def _largest_components(graph: nx.Graph, *, limit: int) -> nx.Graph:
    """Whole connected components, largest first, up to ``limit`` nodes; no lone nodes."""
    components = sorted((sorted(c) for c in nx.connected_components(graph.to_undirected()) if len(c) > 1),
                        key=lambda c: (-len(c), c))
    keep: list = []
    for nodes in components:
        if len(keep) + len(nodes) > limit and keep:
            break
        keep.extend(nodes)
    return graph.subgraph(keep).copy()


LABEL_FONT = 11


def text_width(text: str) -> float:
    """A label's width in px at LABEL_FONT, over-estimated for the wide sans-serif faces a
    system-ui font falls back to (DejaVu Sans: capitals about 8 px), so that labels kept apart
    by the estimate are apart on screen (the report's browser test measures them)."""
    width = 0.0
    for char in text:
        if char in "MW…":
            width += 11.0
        elif char.isupper() or char in "mw":
            width += 9.0
        elif char.isdigit():
            width += 7.2
        elif char in "ijlft|!.,:;'":
            width += 4.0
        elif char == " ":
            width += 3.8
        elif char.islower():
            width += 7.0
        else:
            width += 7.5
    return width


def _size(graph: nx.Graph, node) -> int:
    """What a node's circle shows: its papers, else its degree."""
    return graph.nodes[node].get("papers") or graph.degree(node) or 1


def _radius(graph: nx.Graph, node) -> float:
    return 5 + 3 * min(_size(graph, node), 8)


def _separate(points: dict, radii: dict, box: tuple[float, float, float, float], *, gap: float = 6,
              rounds: int = 80) -> None:
    """Push apart circles that overlap (the spring layout ignores their sizes), inside ``box``."""
    x0, y0, x1, y1 = box
    nodes = sorted(points, key=str)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                (ax, ay), (bx, by) = points[a], points[b]
                dx, dy = bx - ax, by - ay
                distance = math.hypot(dx, dy)
                need = radii[a] + radii[b] + gap
                if distance >= need:
                    continue
                if distance < 1e-6:  # the same point: split them along a fixed direction
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (need - distance) / 2
                ux, uy = dx / distance * push, dy / distance * push
                points[a] = (min(max(ax - ux, x0), x1), min(max(ay - uy, y0), y1))
                points[b] = (min(max(bx + ux, x0), x1), min(max(by + uy, y0), y1))
                moved = True
        if not moved:
            return


def _packed_layout(graph: nx.Graph, width: int, radii: dict) -> tuple[dict, float]:
    """Pixel positions and the height they need: each connected component laid out on its own
    (seeded spring layout) in a square whose side grows with its size, squares packed in rows,
    largest first. One spring layout for all would let small components collapse onto a point,
    and equal cells crowd the largest component."""
    components = sorted((sorted(c, key=str) for c in nx.connected_components(graph.to_undirected())),
                        key=lambda c: (-len(c), [str(n) for n in c]))
    positions: dict = {}
    x = y = row_height = 0.0
    for nodes in components:
        if len(nodes) <= 2:  # a pair side by side (the winner on the left), not across a square
            box_width, box_height = 230.0, 100.0
        else:
            box_width = min(float(width), 130 + 80 * math.sqrt(len(nodes)))
            box_height = box_width * 0.75
        if x + box_width > width + 1e-6:
            x, y, row_height = 0.0, y + row_height, 0.0
        pad_x, pad_y = 60.0, 30.0  # room for labels at the sides, above and below
        box = (x + pad_x, y + pad_y, x + box_width - pad_x, y + box_height - pad_y)
        if len(nodes) <= 2:
            ordered = sorted(nodes, key=lambda n: (-graph.out_degree(n) if graph.is_directed() else 0, str(n)))
            local = {node: (float(i), 0.5) for i, node in enumerate(ordered)}
        else:
            # Nodes and edges in a fixed order: the seed alone does not fix the layout when the
            # graph's own order comes from set iteration (it varies with the hash seed).
            ordered_graph = nx.Graph()
            ordered_graph.add_nodes_from(nodes)
            ordered_graph.add_edges_from(sorted((tuple(sorted((a, b), key=str)) for a, b in graph.subgraph(nodes).edges()),
                                                key=lambda edge: (str(edge[0]), str(edge[1]))))
            local = nx.spring_layout(ordered_graph, seed=7, weight=None, iterations=200)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
        placed = {node: (box[0] + ((px - min(xs)) / span_x if span_x else 0.5) * (box[2] - box[0]),
                         box[1] + ((py - min(ys)) / span_y if span_y else 0.5) * (box[3] - box[1]))
                  for node, (px, py) in local.items()}
        _separate(placed, radii, box, gap=22)  # a label's height between two nodes
        positions.update(placed)
        x += box_width
        row_height = max(row_height, box_height)
    return positions, y + row_height


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_labels(positions: dict, radii: dict, texts: dict, width: float, height: float) -> dict:
    """Label boxes that overlap no other label and no node, tried above, below, right and left of
    each node, then at its corners, larger nodes first; a label that fits nowhere is left out (the node's tooltip has
    the name)."""
    circles = [(x - r, y - r, x + r, y + r) for node, (x, y) in positions.items() for r in [radii[node]]]
    taken: list[tuple] = []
    placed = {}
    for node in sorted(texts, key=lambda n: (-radii[n], str(n))):
        x, y = positions[node]
        r, text = radii[node], texts[node]
        w, h = text_width(text), LABEL_FONT + 2
        own = (x - r, y - r, x + r, y + r)
        candidates = [  # (anchor x, baseline y, anchor)
            (x, y - r - 4, "middle"), (x, y + r + h, "middle"), (x + r + 4, y + h / 2 - 2, "start"),
            (x - r - 4, y + h / 2 - 2, "end"), (x + r * 0.7 + 2, y - r * 0.7 - 2, "start"),
            (x - r * 0.7 - 2, y - r * 0.7 - 2, "end"), (x + r * 0.7 + 2, y + r * 0.7 + h, "start"),
            (x - r * 0.7 - 2, y + r * 0.7 + h, "end"),
        ]
        for ax, baseline, anchor in candidates:
            left = ax - w / 2 if anchor == "middle" else ax if anchor == "start" else ax - w
            box = (left, baseline - h + 2, left + w, baseline + 2)
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                continue
            if any(_overlaps(box, other) for other in taken) or any(
                    _overlaps(box, c) for c in circles if c != own):
                continue
            taken.append(box)
            placed[node] = (ax, baseline, anchor)
            break
    return placed


def network_chart(graph: nx.Graph, *, title: str, directed: bool = False, width: int = 760) -> str:
    """Components packed by size, each by a seeded spring layout; node size by ``papers`` (or
    degree), edge width by ``weight``; labels that would overlap are left to the tooltips."""
    if graph.number_of_nodes() == 0:
        return "<p>No data.</p>"
    radii = {node: _radius(graph, node) for node in graph}
    positions, height = _packed_layout(graph, width, radii)

    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#E8503A"/></marker></defs>']
    edges = [(a, b, data) if graph.is_directed() or str(a) <= str(b) else (b, a, data)
             for a, b, data in graph.edges(data=True)]  # an undirected edge in one orientation, whatever the hash seed
    for a, b, data in sorted(edges, key=lambda edge: (str(edge[0]), str(edge[1]))):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        if directed:  # end the arrow at the loser's rim, whatever its size
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            x2, y2 = x2 - (x2 - x1) / length * (radii[b] + 2), y2 - (y2 - y1) / length * (radii[b] + 2)
        weight = data.get("weight", 1)
        colour = "#E8503A" if directed else "#9AA1AC"
        marker = ' marker-end="url(#arrow)"' if directed else ""
        claims = data.get("claims") or []
        if directed and claims:
            detail = "; ".join(f"{_shorten(paper, 60)}" + (f" (on {bench})" if bench else "") for paper, bench in claims[:5])
            tooltip = f"{a} beats {b}: {detail}" + (f"; and {len(claims) - 5} more" if len(claims) > 5 else "")
        else:
            tooltip = f"{a} - {b}: {weight} paper{'s' if weight != 1 else ''}"
        body.append(f'<line class="mark" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                    f'stroke-opacity="0.7" stroke-width="{min(1 + weight, 6)}"{marker}><title>{_esc(tooltip)}</title></line>')
    for node in sorted(graph, key=str):
        cx, cy = positions[node]
        size = _size(graph, node)
        body.append(f'<circle class="mark" cx="{cx:.1f}" cy="{cy:.1f}" r="{radii[node]}" fill="{PALETTE[2] if not directed else PALETTE[1]}" '
                    f'stroke="#fff"><title>{_esc(node)} ({size})</title></circle>')
    texts = {node: _shorten(str(node), 24) for node in graph}
    for node, (x, baseline, anchor) in sorted(_place_labels(positions, radii, texts, width, height).items(),
                                              key=lambda item: str(item[0])):
        body.append(f'<text x="{x:.1f}" y="{baseline:.1f}" text-anchor="{anchor}" font-size="{LABEL_FONT}" '
                    'stroke="#fff" stroke-width="3" paint-order="stroke">'
                    f"{_esc(texts[node])}<title>{_esc(node)}</title></text>")
    return _svg(width, math.ceil(height), body, title)


def _win_loss(G: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Method name -> (claims it outperforms another, claims another outperforms it)."""
    wins: dict[str, int] = {}
    losses: dict[str, int] = {}
    for u, v, data in G.edges(data=True):
        if data.get("type") == "OUTPERFORMS":
            winner, loser = G.nodes[u]["name"], G.nodes[v]["name"]
            wins[winner] = wins.get(winner, 0) + 1
            losses[loser] = losses.get(loser, 0) + 1
    return {name: (wins.get(name, 0), losses.get(name, 0)) for name in set(wins) | set(losses)}


def render_report(G: nx.MultiDiGraph, *, top: int = 15) -> str:
    """The report as one HTML string."""
    counts = graph_counts(G)
    by_use = analysis.benchmark_popularity(G)
    popular = by_use[:top]
    dated = analysis.benchmark_trend(G)  # the most used among benchmarks with dated papers
    trend = dict([(name, dated[name]) for name, _ in by_use if name in dated][:6])
    cousage = _largest_components(analysis.cousage_graph(G), limit=40)
    beats = _largest_components(analysis.outperforms_graph(G), limit=30)
    ranking = analysis.rank_methods(G)
    rising = analysis.rising_benchmarks(G)
    reported = most_reported(G, limit=None)
    boards: dict[str, dict] = {}  # one leaderboard per benchmark: each reads the whole mirror

    def board(benchmark: str) -> dict:
        if benchmark not in boards:
            boards[benchmark] = leaderboard(G, benchmark)
        return boards[benchmark]

    progress = []  # the most-reported benchmarks among those with dated scores
    for benchmark, metric, _ in reported:
        dated = [e for e in board(benchmark).get(metric) or [] if e.month]
        if dated:
            progress.append((f"{benchmark}: {metric or 'metric not stated'}", dated, best_over_time(G, benchmark, metric)))
            if len(progress) == 4:
                break
    tables = [(benchmark, metric, board(benchmark)) for benchmark, metric, _ in reported[:4]]
    sections = [
        ("Most used datasets and benchmarks", "Papers reporting results on each (EVALUATED_ON).",
         bar_chart(popular, title="Top benchmarks")),
        ("Usage over time", f"Papers per month (dot area) for the {len(trend)} most used of the benchmarks with dated papers "
         f"(only papers whose listing gives a year have a month: {_dated_papers(G)} of {counts['nodes'].get('Paper', 0)}).",
         timeline_chart(trend, title="Benchmark usage over time")),
        ("Benchmarks used together", "Linked when papers report results on both; thicker = more papers.",
         network_chart(cousage, title="Benchmark co-usage network")),
        ("Who beats whom", "OUTPERFORMS claims among the most compared methods (arrow: winner to loser).",
         network_chart(beats, title="OUTPERFORMS graph", directed=True)),
        ("Best score over time", "The most-reported benchmarks: each method's best dated score (dot) and the "
         "state of the art as papers appeared (step line; orange dots set it).",
         progress_chart(progress, title="Best score over time")),
    ]
    node_rows = "".join(f"<tr><td>{_esc(k)}</td><td>{v}</td></tr>" for k, v in counts["nodes"].items())
    rel_rows = "".join(f"<tr><td>{_esc(k)}</td><td>{v}</td></tr>" for k, v in counts["relationships"].items())
    record = _win_loss(G)
    rank_rows, previous, place = [], None, 0
    for position, (method, strength) in enumerate(ranking["ranking"][:15], start=1):
        if strength != previous:
            place, previous = position, strength
        tied = sum(1 for _, other in ranking["ranking"] if other == strength) > 1
        wins, losses = record.get(method, (0, 0))
        rank_rows.append(f"<tr><td>{'=' if tied else ''}{place}</td><td>{_esc(method)}</td><td>{strength}</td>"
                         f"<td>{wins}</td><td>{losses}</td></tr>")
    rank_rows = "".join(rank_rows)
    rising_rows = "".join(f"<tr><td>{_esc(n)}</td><td>{b}</td><td>{a}</td></tr>" for n, b, a in rising[:10]) or (
        '<tr><td colspan="3">None: no benchmark has at least two dated papers on both sides of the median month.</td></tr>')
    rank_rows = rank_rows or '<tr><td colspan="5">No OUTPERFORMS claims.</td></tr>'
    figures = "".join(
        f'<section><h2>{_esc(h)}</h2><p class="note">{_esc(note)}</p><figure>{svg}</figure></section>'
        for h, note, svg in sections
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Knowledge graph report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 820px; color: #222; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.2em; margin-top: 1.6em; }} h3 {{ font-size: 1em; margin-bottom: 0.3em; }}
table.board {{ display: table; margin-bottom: 1em; }} table.board td:nth-child(-n+3), table.board td:last-child {{ white-space: nowrap; }}
table {{ border-collapse: collapse; margin-right: 2em; display: inline-table; vertical-align: top; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 2px 10px; text-align: left; }}
.note {{ color: #666; font-size: 0.9em; }} figure {{ margin: 0; }}
</style></head>
<body>
<h1>Knowledge graph of papers, methods and benchmarks</h1>
<section><h2>Contents</h2>
<table><tr><th>Nodes</th><th></th></tr>{node_rows}</table>
<table><tr><th>Relationships</th><th></th></tr>{rel_rows}</table></section>
{figures}
<section><h2>Method ranking from OUTPERFORMS claims</h2>
<p class="note">Bradley-Terry strengths from the claims (wins and losses: claims made for and against the method);
cycles among claims: {len(ranking["cycles"])}. Methods with the same record against opponents of the same
record tie (=): most methods are compared once, and one claim says no more than that.</p>
<table><tr><th>#</th><th>Method</th><th>Strength</th><th>Wins</th><th>Losses</th></tr>{rank_rows}</table></section>
<section><h2>Rising benchmarks</h2>
<p class="note">Datasets and benchmarks reported on by more dated papers since the median month than before it.</p>
<table><tr><th>Benchmark</th><th>Before</th><th>Since</th></tr>{rising_rows}</table></section>
<section><h2>Leaderboards</h2>
<p class="note">The most-reported benchmarks: each method's best score stated in an abstract (hover a paper for the
sentence); <code>kg leaderboard NAME</code> prints any benchmark's.</p>
{_leaderboard_tables(tables)}</section>
</body></html>
"""


def write_report(G: nx.MultiDiGraph, path: Union[str, Path]) -> Path:
    path = Path(path)
    path.write_text(render_report(G), encoding="utf-8")
    return path
