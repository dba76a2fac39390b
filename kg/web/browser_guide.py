"""A Neo4j Browser guide for this graph: the style and every named query, one click each.

Neo4j Browser plays a guide with ``:play URL`` from a host on its allowlist (``localhost`` by
default): an HTML page whose ``<slide>`` elements become the slides of a carousel. In a slide, a
``<pre class="runnable">`` block is copied into the editor when clicked, to be run with the
editor's button or Enter, in a frame of its own (the guide stays). The guide gives the command
that applies the shipped GraSS style, then, for
each query of ``cypher/library/``, its parameters as a ``:params`` map (the query's own example)
and its text, exactly as ``kg query`` sends it to Neo4j.

:func:`serve_guide` serves the guide and the style from this process, on 127.0.0.1, with the
header that lets Browser's page (another origin) read them.
"""

from __future__ import annotations

import html
import math
import shlex
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterable, Optional

from kg.query.library import CYPHER_DIR, NamedQuery, bind_params, library_queries

__all__ = ["STYLE_FILE", "cypher_literal", "example_params", "render_guide", "serve_guide", "GuideServer"]

STYLE_FILE = CYPHER_DIR / "browser-style.grass"
GUIDE_PATH = "/guide.html"
STYLE_PATH = "/browser-style.grass"

# Graph-shaped starter queries: results Browser draws, so that the style shows.
PICTURES = (
    ("Papers and the benchmarks they report results on",
     "MATCH (p:Paper)-[r:EVALUATED_ON]->(b:Benchmark)\nRETURN p, r, b\nLIMIT 50"),
    ("What the paper with the most facts proposes, uses and reports on",
     "MATCH (p:Paper)-[r:PROPOSES|USES|EVALUATED_ON]->(e:Entity)\nWITH p, count(r) AS facts ORDER BY facts DESC, p.id LIMIT 1\n"
     "MATCH (p)-[r:PROPOSES|USES|EVALUATED_ON]->(e:Entity)\nRETURN p, r, e"),
    ("Who beats whom",
     "MATCH path = (:Method)-[:OUTPERFORMS*1..3]->(:Method)\nRETURN path\nLIMIT 25"),
    ("Any name or alias, by full-text search",
     "CALL db.index.fulltext.queryNodes('entity_names', 'BBH') YIELD node, score\nRETURN node.name AS name, node.label AS kind, score\nLIMIT 10"),
)


def cypher_literal(value) -> str:
    """A Python value as a Cypher literal, for the ``:params`` map a user clicks.

    >>> cypher_literal("it's")
    "'it\\\\'s'"
    >>> cypher_literal(["a", 2, None, True])
    "['a', 2, null, true]"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value!r}")
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{text}'"


def example_params(query: NamedQuery) -> dict:
    """The typed parameters of the query's ``// example:`` call, defaults filled in."""
    raw: dict[str, str] = {}
    words = shlex.split(query.example) if query.example else []
    for flag, value in zip(words, words[1:]):
        if flag in ("-p", "--param") and "=" in value:
            key, _, text = value.partition("=")
            raw[key] = text
    return bind_params(query, raw)


def _params_command(params: dict) -> str:
    return ":params {" + ", ".join(f"{key}: {cypher_literal(value)}" for key, value in params.items()) + "}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _runnable(text: str) -> str:
    return f'<pre class="runnable">{_esc(text)}</pre>'


def _query_slide(query: NamedQuery) -> str:
    params = example_params(query)
    parts = [f"<h3>{_esc(query.name)}</h3>", f"<p>{_esc(query.description)}</p>"]
    if params:
        keys = [p.name for p in query.params if p.type in ("key", "author")]
        note = (f" Names ({', '.join(keys)}) are matched lower-case, with single spaces, as "
                "<code>kg query</code> writes them.") if keys else ""
        if any(p.type == "author" for p in query.params):
            note += " An author is given by the author's id: <code>author:</code> and the name."
        parts.append(f"<p>First the parameters (click &#9654;), from the query's example.{note}</p>")
        parts.append(_runnable(_params_command(params)))
    parts.append("<p>Then the query (or click its text to edit it first):</p>")
    parts.append(_runnable(query.text))
    if query.example:
        parts.append(f"<p>From a shell: <code>{_esc(query.example)}</code></p>")
    return "<slide>\n" + "\n".join(parts) + "\n</slide>"


def render_guide(queries: Optional[Iterable[NamedQuery]] = None, *, style_url: Optional[str] = None) -> str:
    """The guide's HTML: a first slide (what the graph holds, the style), pictures, then one slide
    per named query. With ``style_url``, the first slide gives ``:style URL``, else it says which file to drag in."""
    queries = list(library_queries() if queries is None else queries)
    style = ("<p>First, the style (colours by kind, papers captioned by title; <code>:style reset</code> "
             f"undoes it):</p>\n{_runnable(':style ' + style_url)}" if style_url else
             "<p>Drag <code>cypher/browser-style.grass</code> onto this window to colour the graph by kind.</p>")
    intro = (
        "<slide>\n<h3>Papers, methods and benchmarks</h3>\n"
        "<p>Nodes: <code>Paper</code>, <code>Author</code>, and entities (<code>Method</code>, <code>Dataset</code>, "
        "<code>Benchmark</code>, <code>Task</code>, <code>Metric</code>; each also labelled <code>Entity</code>), "
        "with <code>Result</code> nodes for reported scores.</p>\n"
        "<p>Relationships: <code>PROPOSES</code>, <code>USES</code>, <code>EVALUATED_ON</code>, "
        "<code>OUTPERFORMS</code> (between methods, on a benchmark), <code>WROTE</code>. Every extracted fact "
        "carries its <code>evidence</code>: the sentence it came from.</p>\n"
        f"{style}\n"
        f"<p>Next: {len(PICTURES)} pictures, then the {len(queries)} named queries of <code>kg query</code>, "
        "one per slide.</p>\n</slide>"
    )
    pictures = ("<slide>\n<h3>Pictures</h3>\n<p>Click &#9654; to run a query, or its text to copy it into the "
                "editor. Browser also draws the relationships among the nodes a query returns (Settings: "
                "<em>Connect result nodes</em>): <code>CO_USED</code> joins two datasets or benchmarks that "
                "papers use together.</p>\n" + "\n".join(
        f"<p>{_esc(title)}</p>\n{_runnable(text)}" for title, text in PICTURES) + "\n</slide>")
    slides = [intro, pictures, *(_query_slide(q) for q in queries)]
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>kg: papers, methods and benchmarks"
            "</title></head>\n<body>\n<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n"
            + "\n".join(slides) + "\n</carousel>\n</article>\n</body></html>\n")


class _Handler(BaseHTTPRequestHandler):
    server: "GuideServer"

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("/", GUIDE_PATH):
            body, kind = render_guide(style_url=self.server.url + STYLE_PATH).encode(), "text/html; charset=utf-8"
        elif path == STYLE_PATH:
            body, kind = STYLE_FILE.read_bytes(), "text/plain; charset=utf-8"
        else:
            self.send_error(404, "the guide is at " + GUIDE_PATH)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        # Browser's page is served by Neo4j (another origin) and fetches the guide from script.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self) -> None:  # noqa: N802
        # Browser asks with no-cache headers, which makes its fetch a preflighted CORS request.
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", self.headers.get("Access-Control-Request-Headers", "*"))
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 (the standard library's signature)
        pass


class GuideServer(ThreadingHTTPServer):
    """The guide and the style on 127.0.0.1; ``url`` names it ``localhost``, the host that
    Browser's default allowlist accepts."""

    daemon_threads = True

    def __init__(self, port: int = 8001):
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://localhost:{self.server_address[1]}"

    @property
    def guide_url(self) -> str:
        return self.url + GUIDE_PATH

    def start(self) -> "GuideServer":
        threading.Thread(target=self.serve_forever, name="kg-guide", daemon=True).start()
        return self


def serve_guide(port: int = 8001) -> GuideServer:
    """Start serving the guide in a background thread; ``shutdown()`` stops it."""
    return GuideServer(port).start()

