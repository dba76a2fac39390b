"""Neo4j Browser on a server started on non-default ports (scripts/neo4j-server): the login form
offers the Bolt address the server listens on; after logging in, the guide of `kg guide` plays,
its style applies, and a query result is drawn in the style's colours. Checked in headless
Chromium (through the DevTools protocol where it takes clicks), with screenshots."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.integration.conftest import load_sample
from tests.support.cdp import Chromium
from tests.unit.test_report import CHROMIUM_FLAGS, _chromium

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def other_ports_server(tmp_path_factory, neo4j_settings):
    """A second server on free ports, sharing the first one's jars (no second download)."""
    lib = ROOT / ".neo4j" / "home" / "lib"
    if not (lib / ".complete").exists():
        pytest.skip("the jars of scripts/neo4j-server are not here (a server started some other way)")
    home = tmp_path_factory.mktemp("neo4j-other-ports")
    bolt, http = _free_port(), _free_port()
    password = "other-ports-password"
    env = {**os.environ, "NEO4J_HOME_DIR": str(home), "NEO4J_LIB_DIR": str(lib), "NEO4J_BOLT_PORT": str(bolt),
           "NEO4J_HTTP_PORT": str(http), "NEO4J_HEAP": "512m", "NEO4J_PAGECACHE": "64m", "NEO4J_PASSWORD": password}
    started = subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server"), "start"], env=env, capture_output=True,
                             text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-2000:]
    yield bolt, http, password
    subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server"), "stop"], env=env, capture_output=True, timeout=120)


def test_browser_login_offers_the_bolt_port_the_server_listens_on(other_ports_server, tmp_path):
    bolt, http, _ = other_ports_server
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/", timeout=10) as response:
        discovery = json.load(response)
    assert discovery["bolt_direct"] == f"bolt://127.0.0.1:{bolt}"
    chromium = _chromium()
    url = f"http://127.0.0.1:{http}/browser/"
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert "Connect to Neo4j" in dom.stdout and f"127.0.0.1:{bolt}" in dom.stdout
    assert "127.0.0.1:7687" not in dom.stdout
    screenshot = tmp_path / "browser-login.png"
    shot = subprocess.run([chromium, *flags, "--window-size=1280,800", f"--screenshot={screenshot}", url],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # the form drawn, not a blank page
    _keep(screenshot)


def _keep(screenshot: Path) -> None:
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    if keep:
        shutil.copy(screenshot, os.path.join(keep, screenshot.name))


def _grass_colours() -> dict[str, str]:
    """label -> fill colour of the shipped style."""
    text = (ROOT / "cypher" / "browser-style.grass").read_text()
    return {label: block.group(1).upper()
            for label, body in re.findall(r"node\.(\w+)\s*\{(.*?)\}", text, re.S)
            for block in [re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)] if block}


def _fill(page, selector: str, value: str) -> None:
    """Type ``value`` into a form field and wait until the field holds it. (A click alone did not
    always move the focus in time: the password was once typed after the user name.)"""
    field = f"document.querySelector({json.dumps(selector)})"
    page.click(selector)
    page.evaluate(f"{field}.focus(), {field}.select()")
    page.wait_for(f"document.activeElement === {field}", what=f"the focus on {selector}", timeout=10)
    page.type_text(value)
    page.wait_for(f"{field}.value === {json.dumps(value)}", what=f"{selector} filled in", timeout=10)


FRAME_COMMANDS = "[...document.querySelectorAll('[data-testid=frameCommand]')].map(e => e.innerText).join('\\n')"


def test_browser_guide_applies_the_style_to_a_query_result(other_ports_server, sample_build, tmp_path):
    from kg.config import Neo4jSettings
    from kg.web.browser_guide import serve_guide

    bolt, http, password = other_ports_server
    load_sample(Neo4jSettings(uri=f"bolt://127.0.0.1:{bolt}", password=password), sample_build)
    guide = serve_guide(0)
    try:
        with Chromium(_chromium(), CHROMIUM_FLAGS, tmp_path / "profile", width=1400, height=1000) as page:
            page.navigate(f"http://127.0.0.1:{http}/browser/")
            page.wait_for("document.querySelector('[data-testid=password]')", what="the login form")
            assert page.evaluate("document.querySelector('[data-testid=boltaddress]').value") == f"127.0.0.1:{bolt}"
            _fill(page, "[data-testid=username]", "neo4j")
            _fill(page, "[data-testid=password]", password)
            # (The form may still be attaching its handler after the fields change: click again until it answers.)
            page.click_until("[data-testid=connect]", "document.body.innerText.includes('You are connected')",
                             attempts=4, wait=15, what="the connection")

            page.click("[data-testid=activeEditor]")
            page.type_text(f":play {guide.guide_url}")
            page.press("Enter", "Enter", 13)
            page.wait_for("document.body.innerText.includes('Papers, methods and benchmarks')", what="the guide")
            page.click_until("pre.runnable i", f"{FRAME_COMMANDS}.includes(':style {guide.url}')", what="the style")
            page.click_until("[data-testid=nextSlide]", "document.body.innerText.includes('Connect result nodes')",
                             what="the pictures slide")
            page.evaluate("[...document.querySelectorAll('pre.runnable')]"
                          ".find(e => e.innerText.includes('RETURN p, r, e')).id = 'one-paper'")
            # Nodes of the frame that ran this picture's query only: a click that landed on another
            # picture (once, in CI) draws a graph too, in another frame.
            one_paper_nodes = ("[...document.querySelectorAll('[data-testid=frame]')]"
                               ".filter(f => f.querySelector('[data-testid=frameCommand]')?.innerText.includes('RETURN p, r, e'))"
                               ".flatMap(f => [...f.querySelectorAll('svg g.node')])")
            page.click_until("#one-paper i", f"{one_paper_nodes}.length >= 5", wait=30, what="the graph")
            time.sleep(3)  # the force layout settles
            drawn = page.evaluate(f"{one_paper_nodes}.map(g => g.querySelector('circle.b-outline').getAttribute('fill'))")
            screenshot = page.screenshot(tmp_path / "browser-styled-result.png")
    finally:
        guide.shutdown()
        guide.server_close()
    colours = _grass_colours()
    # The one paper, and its entities in the colours of their kinds (not Entity's, not Browser's own).
    assert drawn.count(colours["Paper"]) == 1
    kinds = {colour for colour in map(str.upper, drawn)} - {colours["Paper"]}
    entity_colours = {colours[k] for k in ("Method", "Dataset", "Benchmark", "Task", "Metric") if k in colours}
    assert kinds and kinds <= entity_colours, (kinds, entity_colours)
    assert len(kinds) >= 2
    assert screenshot.stat().st_size > 50_000
    _keep(screenshot)
