"""The HTML report, opened in headless Chromium (Debian's chromium package)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from kg.analysis import example_graph
from kg.cli import cli
from kg.web.report import render_report, text_width
from tests.support.cdp import Chromium

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


NETWORK_COLLISIONS = """(() => {
  const hit = (a, b) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
  const found = [];
  for (const svg of document.querySelectorAll('svg.plot')) {
    const circles = [...svg.querySelectorAll('circle.mark')];
    const labels = [...svg.querySelectorAll('text')].filter(t => t.querySelector('title'));
    if (!circles.length || !labels.length || svg.querySelector('path.mark, polyline')) continue;  // networks only
    const boxes = labels.map(t => t.getBBox());
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b, j) => { if (hit(a, b)) found.push([labels[i].textContent, labels[i + 1 + j].textContent]); });
      circles.forEach(c => { if (hit(a, c.getBBox())) found.push([labels[i].textContent, c.textContent]); });
    });
  }
  return found;
})()"""


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but chromium is not installed (.ci/run installs Debian's chromium)", pytrace=False)
        pytest.skip("REPORT BROWSER TEST SKIPPED: chromium is not installed (apt-get install chromium)")
    return path


def test_report_is_self_contained():
    page = render_report(example_graph())
    assert page.count('<svg class="plot"') == 5
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_renders_in_headless_chromium(sample_build, tmp_path):
    chromium = _chromium()
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--data", str(sample_build.folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    profile = tmp_path / "profile"
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    plots = re.findall(r'<svg class="plot".*?</svg>', dom.stdout, flags=re.S)
    assert len(plots) == 5
    for plot in plots[:4]:  # every plot drew marks (bars, lines, nodes)
        assert len(re.findall(r'class="mark"', plot)) >= 2
    assert "<circle class=\"mark\"" in plots[4]  # the sample's dated scores are few: one at least
    assert "<h2>Leaderboards</h2>" in dom.stdout and "GSM8K" in dom.stdout
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    with Chromium(chromium, CHROMIUM_FLAGS, tmp_path / "profile-cdp", width=900, height=1200) as page:
        page.navigate(out.as_uri())
        page.wait_for("document.readyState === 'complete' && document.querySelectorAll('section').length >= 9")
        # Drawn with the real font: no label of a network picture covers another label or a node.
        collisions = page.evaluate(NETWORK_COLLISIONS)
        assert collisions == [], collisions[:5]
        drawn = page.evaluate("[...document.querySelectorAll('svg.plot text')].filter(t => t.querySelector('title'))"
                              ".map(t => [t.firstChild.textContent, t.getBBox().width])")
        assert drawn and all(width <= text_width(text) for text, width in drawn), \
            [(text, width, text_width(text)) for text, width in drawn if width > text_width(text)][:5]
        titles = page.evaluate("[...document.querySelectorAll('section > h2')].map(h => h.innerText)")
        assert len(titles) == 9
        for number, title in enumerate(titles, start=1):
            page.evaluate(f"document.querySelectorAll('section')[{number - 1}].id = 'shot-{number}'")
            name = f"report-{number}-{re.sub(r'[^a-z]+', '-', title.lower()).strip('-')}.png"
            screenshot = page.screenshot_element(f"#shot-{number}", tmp_path / name)
            assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert screenshot.stat().st_size > 5_000, name  # drawn, not blank
            if keep:
                shutil.copy(screenshot, os.path.join(keep, name))


def test_report_best_score_over_time_and_leaderboard_tables():
    page = render_report(example_graph())
    progress = re.findall(r'<svg class="plot" role="img" aria-label="Best score over time".*?</svg>', page, flags=re.S)
    assert len(progress) == 1
    assert len(re.findall(r'<circle class="mark"', progress[0])) == 2  # MHR's best and Poly's
    assert progress[0].count("<polyline") == 1  # Poly 49.9 in 2023-01, then MHR 51.2 in 2023-02
    board = page[page.index("<h2>Leaderboards</h2>"):]
    assert "SuperNI: ROUGE-L (higher is better)" in board
    assert board.index("<td>MHR</td><td>51.2</td>") < board.index("<td>Poly</td><td>49.9</td>")


def test_report_time_axis_is_by_date_and_tooltips_name_papers_and_benchmarks():
    page = render_report(example_graph())
    usage = re.search(r'aria-label="Benchmark usage over time".*?</svg>', page, flags=re.S).group(0)
    dots = {title: float(cx) for cx, title in re.findall(r'<circle class="mark" cx="([\d.]+)"[^>]*><title>([^<]+)</title>', usage)}
    oct22, jan23, feb23 = dots["GLUE, 2022-10: 1 paper"], dots["SuperNI, 2023-01: 1 paper"], dots["SuperNI, 2023-02: 1 paper"]
    assert abs((jan23 - oct22) - 3 * (feb23 - jan23)) < 0.5  # three months apart look three times as far
    beats = re.search(r'aria-label="OUTPERFORMS graph".*?</svg>', page, flags=re.S).group(0)
    assert "<title>MHR beats Poly: Paper 2</title>" in beats
    G = example_graph()
    G.remove_edges_from([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d.get("type") == "OUTPERFORMS"])
    for node, data in G.nodes(data=True):
        data.pop("month", None)
    empty = render_report(G)
    assert "No OUTPERFORMS claims." in empty
    assert "None: no benchmark has at least two dated papers" in empty
    assert "No dated evaluations: no paper's listing date gives a year." in empty


def _label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    from kg.web.report import LABEL_FONT, text_width

    boxes = []
    for x, y, anchor, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]*)<title>', svg):
        x, y, w = float(x), float(y), text_width(html.unescape(text))
        left = x - w / 2 if anchor == "middle" else x if anchor == "start" else x - w
        boxes.append((left, y - LABEL_FONT, left + w, y + 2))
    return boxes


def test_network_labels_overlap_neither_each_other_nor_nodes_and_components_do_not_collide():
    """A dense component (a hub with many neighbours) and many small ones: every label drawn sits
    clear of the others and of every node; nodes keep their names as tooltips either way."""
    import networkx as nx

    from kg.web.report import network_chart

    graph = nx.DiGraph()
    for i in range(14):
        graph.add_edge("A very central method", f"Baseline number {i}")
        graph.add_edge(f"Baseline number {i}", f"Baseline number {(i + 1) % 14}")
    for i in range(8):
        graph.add_edge(f"Winner {i}", f"Loser with a rather long name {i}")
    svg = network_chart(graph, title="t", directed=True)
    circles = [(float(x) - float(r), float(y) - float(r), float(x) + float(r), float(y) + float(r))
               for x, y, r in re.findall(r'<circle class="mark" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', svg)]
    assert len(circles) == graph.number_of_nodes()
    for i, a in enumerate(circles):  # no two nodes drawn on each other
        for b in circles[i + 1:]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1), (a, b)
    labels = _label_boxes(svg)
    assert len(labels) >= 0.8 * graph.number_of_nodes()  # most named on the page, the rest by tooltip
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
        assert sum(1 for c in circles if a[0] < c[2] and c[0] < a[2] and a[1] < c[3] and c[1] < a[3]) == 0
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    assert all(0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height for box in labels)
    for node in graph:  # every node named by its tooltip
        assert f"<title>{html.escape(node)} (" in svg


def test_report_is_the_same_file_whatever_the_hash_seed(sample_build, tmp_path):
    """Layouts are seeded, and nodes and edges are laid out and written in a fixed order: two runs
    give the same bytes (a report kept under version control changes only when the graph does)."""
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "kg", "report", "--data", str(sample_build.folder), "-o", str(out)],
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
