"""Neo4j Browser on a server started on non-default ports (scripts/neo4j-server): the login form
offers the Bolt address the server listens on. Checked in headless Chromium, with a screenshot."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

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
    env = {**os.environ, "NEO4J_HOME_DIR": str(home), "NEO4J_LIB_DIR": str(lib), "NEO4J_BOLT_PORT": str(bolt),
           "NEO4J_HTTP_PORT": str(http), "NEO4J_HEAP": "512m", "NEO4J_PAGECACHE": "64m"}
    started = subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server"), "start"], env=env, capture_output=True,
                             text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-2000:]
    yield bolt, http
    subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server"), "stop"], env=env, capture_output=True, timeout=120)


def test_browser_login_offers_the_bolt_port_the_server_listens_on(other_ports_server, tmp_path):
    bolt, http = other_ports_server
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
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    if keep:
        shutil.copy(screenshot, os.path.join(keep, "browser-login.png"))
