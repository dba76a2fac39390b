"""The candidate record the components exchange through ``doc._.kg_candidates``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc

from kg.model import NodeLabel

__all__ = ["Candidate", "add_candidates", "doc_text"]


@dataclass(frozen=True)
class Candidate:
    """A surface form that may name an entity.

    start, end: character offsets in ``doc.text``.
    label: the type when the source knows it (gazetteer, "X benchmark"), else None.
    source: the rule that found it ("gazetteer", "shape", "title", "abbreviation", ...).
    canonical: the preferred name when known (the gazetteer's), aliases likewise.
    proposed: the rule itself says the paper introduces it (title prefix, "we propose X").
    """

    start: int
    end: int
    label: Optional[NodeLabel]
    source: str
    canonical: Optional[str] = None
    aliases: tuple[str, ...] = ()
    proposed: bool = False
    long_form: Optional[tuple[int, int]] = field(default=None)  # abbreviation: span of the long form


if not Doc.has_extension("kg_candidates"):
    Doc.set_extension("kg_candidates", default=[])


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    doc._.kg_candidates = list(doc._.kg_candidates) + list(candidates)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text
