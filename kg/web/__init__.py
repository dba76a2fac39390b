"""What users open in a web browser: the HTML report (:mod:`kg.web.report`) and the Neo4j
Browser guide (:mod:`kg.web.browser_guide`)."""

from kg.web.browser_guide import GuideServer, render_guide, serve_guide
from kg.web.report import render_report, write_report

__all__ = ["GuideServer", "render_guide", "serve_guide", "render_report", "write_report"]
