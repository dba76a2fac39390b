"""``kg_abbreviations``: "Multi-Head Routing (MHR)" and "MHR (Multi-Head Routing)" become one
candidate carrying both surface forms (Schwartz & Hearst 2003 and its reverse layout; see
:func:`extractors.text.find_abbreviations`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.candidates import BatchComponent, Candidate, add_candidates, doc_text
from extractors.text import find_abbreviations, title_abbreviation, title_long_form

__all__ = ["AbbreviationDetector"]


class AbbreviationDetector(BatchComponent):
    """Adds one ``Candidate`` (source ``abbreviation``) per definition, on the short form,
    with ``long_form`` pointing at the long form. Sets ``doc._.kg_candidates``."""

    def __init__(self, nlp: Language, name: str = "kg_abbreviations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(
            doc,
            (
                Candidate(a.short_start, a.short_end, None, "abbreviation", long_form=(a.long_start, a.long_end))
                for a in _definitions(doc_text(doc))
            ),
        )
        return doc


def _definitions(text: str) -> list:
    found = find_abbreviations(text)
    in_title = title_abbreviation(text)
    if in_title is not None and not any(a.short_start == in_title.short_start for a in found):
        found.append(in_title)
    long_in_title = title_long_form(text) if in_title is None else None
    if long_in_title is not None and not any(
            text[a.short_start : a.short_end] == text[long_in_title.short_start : long_in_title.short_end] for a in found):
        found.append(long_in_title)
    return found


@Language.factory("kg_abbreviations", assigns=["doc._.kg_candidates"])
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    return AbbreviationDetector(nlp, name)
