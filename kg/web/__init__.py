"""What users open in a web browser: the Neo4j Browser guide (:mod:`kg.web.browser_guide`)."""

from kg.web.browser_guide import GuideServer, render_guide, serve_guide

__all__ = ["GuideServer", "render_guide", "serve_guide"]
