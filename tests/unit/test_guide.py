"""The Neo4j Browser guide (kg guide): its slides, its parameters, and the server Browser fetches
it from. That Browser plays it, applies the style and draws a result is checked in Chromium
(tests/integration/test_browser.py)."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query.library import library_queries
from kg.web.browser_guide import STYLE_FILE, cypher_literal, example_params, render_guide, serve_guide

RUNNABLE = re.compile(r'<pre class="runnable">(.*?)</pre>', re.S)


def runnables(page: str) -> list[str]:
    return [html.unescape(block) for block in RUNNABLE.findall(page)]


def test_one_slide_per_named_query_after_the_introduction_and_the_pictures():
    page = render_guide(style_url="http://localhost:8001/browser-style.grass")
    slides = re.findall(r"<slide>(.*?)</slide>", page, re.S)
    queries = library_queries()
    assert len(slides) == 2 + len(queries)
    assert ":style http://localhost:8001/browser-style.grass" in runnables(slides[0])
    for slide, query in zip(slides[2:], queries):
        assert f"<h3>{query.name}</h3>" in slide
        blocks = runnables(slide)
        assert blocks[-1] == query.text  # as kg query sends it to Neo4j
        if query.params:
            assert blocks[0].startswith(":params {")
            for param in query.params:
                assert f"{param.name}: " in blocks[0]


def test_a_guide_without_a_style_url_says_which_file_to_drag_in():
    page = render_guide()
    assert ":style" not in "".join(runnables(page))
    assert "browser-style.grass" in page


def test_parameters_are_the_examples_typed_with_defaults():
    by_name = {q.name: q for q in library_queries()}
    assert example_params(by_name["papers_on_benchmark"])["benchmark"] == "bbh"  # a key: lower-cased
    assert example_params(by_name["methods_on_both"]) == {**by_name["methods_on_both"].defaults(), "a": "superni",
                                                          "b": "bbh"}
    assert example_params(by_name["top_benchmarks"])["limit"] == 5


@pytest.mark.parametrize("value, literal", [
    ("it's", r"'it\'s'"), ("back\\slash", r"'back\\slash'"), ("two\nlines", r"'two\nlines'"), (3, "3"),
    (0.5, "0.5"), (True, "true"), (None, "null"), (["a", 1], "['a', 1]"),
])
def test_cypher_literals_quote_what_a_value_holds(value, literal):
    assert cypher_literal(value) == literal


def test_cypher_literals_refuse_what_cypher_cannot_write():
    with pytest.raises(ValueError):
        cypher_literal(float("nan"))


def test_browser_sanitiser_leaves_the_guide_unchanged():
    """Browser strips `on...=` attributes and scripts from a guide with regular expressions that
    also hit text (" only=..."): nothing of ours may match them."""
    page = render_guide(style_url="http://localhost:8001/browser-style.grass")
    handlers = re.compile(r"""(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))""", re.I)
    assert not handlers.search(page)
    assert "<script" not in page.lower() and "javascript:" not in page.lower()


def test_served_guide_and_style_with_the_headers_browser_needs():
    server = serve_guide(0)
    try:
        with urllib.request.urlopen(server.guide_url, timeout=10) as response:
            assert response.headers["Access-Control-Allow-Origin"] == "*"
            page = response.read().decode()
        assert f":style {server.url}/browser-style.grass" in runnables(page)
        with urllib.request.urlopen(server.url + "/browser-style.grass", timeout=10) as response:
            assert response.read() == STYLE_FILE.read_bytes()
        # Browser's fetch sends no-cache headers, so it asks first (a CORS preflight).
        preflight = urllib.request.Request(server.guide_url, method="OPTIONS", headers={
            "Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control"})
        with urllib.request.urlopen(preflight, timeout=10) as response:
            assert response.status == 204
            assert response.headers["Access-Control-Allow-Headers"] == "pragma,cache-control"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.url + "/elsewhere", timeout=10)
        assert missing.value.code == 404
    finally:
        server.shutdown()
        server.server_close()


def test_kg_guide_writes_the_page_to_a_file_or_standard_output(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["guide", "-o", "-", "--style-url", "http://localhost:9/s.grass"])
    assert result.exit_code == 0 and ":style http://localhost:9/s.grass" in html.unescape(result.stdout)
    out = tmp_path / "guide.html"
    result = runner.invoke(cli, ["guide", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text().count("<slide>") == 2 + len(library_queries())


def test_kg_guide_says_in_one_line_when_its_port_is_taken():
    server = serve_guide(0)
    try:
        result = CliRunner().invoke(cli, ["guide", "--port", str(server.server_address[1])])
        assert result.exit_code == 1
        assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1
    finally:
        server.shutdown()
        server.server_close()
