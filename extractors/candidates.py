"""The candidate record the components exchange through ``doc._.kg_candidates``."""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional

from spacy.tokens import Doc

from kg.model import NodeLabel
from extractors.text import WordIndex

__all__ = ["Candidate", "add_candidates", "doc_text", "doc_words"]


class Candidate(NamedTuple):
    """A surface form that may name an entity (a named tuple: a few dozen are made per abstract).

    start, end: character offsets in ``doc.text``.
    label: the type when the source knows it (gazetteer, "X benchmark"), else None.
    source: the rule that found it ("gazetteer", "shape", "title", "abbreviation", ...).
    canonical: the preferred name when known (the gazetteer's), aliases likewise.
    proposed: the rule itself says the paper introduces it (title prefix, "we propose X").
    long_form: for an abbreviation, the span of its long form.
    """

    start: int
    end: int
    label: Optional[NodeLabel]
    source: str
    canonical: Optional[str] = None
    aliases: tuple[str, ...] = ()
    proposed: bool = False
    long_form: Optional[tuple[int, int]] = None


_CANDIDATES = "kg_candidates"


def _get_candidates(doc: Doc) -> list[Candidate]:
    return doc.user_data.setdefault(_CANDIDATES, [])


def _set_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    doc.user_data[_CANDIDATES] = list(candidates)


if not Doc.has_extension("kg_candidates"):
    # A getter and setter over one list per Doc: an extension ``default`` list would be shared by every Doc.
    Doc.set_extension("kg_candidates", getter=_get_candidates, setter=_set_candidates)


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    doc.user_data.setdefault(_CANDIDATES, []).extend(candidates)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def doc_words(doc: Doc) -> WordIndex:
    """The distinct words of ``doc_text(doc)``, computed once per Doc for every component."""
    index = doc.user_data.get("kg_words")
    if index is None:
        index = doc.user_data["kg_words"] = WordIndex(doc_text(doc))
    return index
