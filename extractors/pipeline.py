"""Build the extraction pipeline from ``config.cfg`` and run it over papers."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language

from kg.errors import ExtractionError
from kg.extraction import PaperExtraction
from kg.model import Paper
from kg.readers import find_urls

# Importing the modules registers their factories (also exposed as spacy_factories entry points).
from extractors import abbreviations, gazetteer, patterns, relations  # noqa: F401

__all__ = ["DEFAULT_CONFIG", "load_pipeline", "extract_papers"]

DEFAULT_CONFIG = Path(__file__).parent / "config.cfg"
MAX_CHARS = 200_000  # longer abstracts are cut: nothing in an abstract needs more


def load_pipeline(config_path: Optional[Path] = None) -> Language:
    """The spaCy pipeline described by ``config_path`` (default: ``extractors/config.cfg``)."""
    path = Path(config_path or DEFAULT_CONFIG)
    try:
        config = spacy.util.load_config(path)
        return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ExtractionError(f"{path}: cannot build the extraction pipeline: {exc}") from exc


def _sanitise(text: str) -> str:
    # Control characters other than newline and tab confuse nothing in the rules but make
    # evidence sentences unprintable; they carry no meaning in an abstract.
    return "".join(ch if ch >= " " or ch in "\n\t" else " " for ch in text[:MAX_CHARS])


def extract_papers(
    papers: Iterable[Paper], *, nlp: Optional[Language] = None, n_process: int = 1, batch_size: int = 64
) -> Iterator[PaperExtraction]:
    """Extract entities and relations from each paper, in order."""
    nlp = nlp or load_pipeline()
    items = ((_sanitise(p.text), (p.id, p.urls)) for p in papers)
    for doc, (paper_id, urls) in nlp.pipe(items, as_tuples=True, n_process=n_process, batch_size=batch_size):
        code = next((u for u in urls + find_urls(doc.text) if "github.com" in u or "gitlab.com" in u), None)
        yield PaperExtraction(paper_id=paper_id, entities=doc._.kg_entities, relations=doc._.kg_relations, code_url=code)
