"""Render what the pipeline found with displaCy, at the exact character offsets of each mention
(``doc.ents`` covers whole tokens; a mention such as "GPT-3.5" inside "(GPT-3.5)," does not).

    >>> from extractors.pipeline import load_pipeline, make_doc
    >>> nlp = load_pipeline()
    >>> doc = nlp(make_doc(nlp, "ZetaNet\\n\\nWe propose ZetaNet and test it on (ImageNet)."))
    >>> [(m["start"], m["end"], m["label"]) for m in displacy_mentions(doc)["ents"]]
    [(0, 7, 'Method'), (20, 27, 'Method'), (44, 52, 'Dataset')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors.candidates import BatchComponent, original_text

__all__ = ["displacy_mentions", "render_html", "COLORS", "MentionSpans", "MENTIONS_KEY"]

MENTIONS_KEY = "kg_mentions"

COLORS = {"Method": "#f4a261", "Dataset": "#76c7e8", "Benchmark": "#8fd694", "Task": "#d3b8f0", "Metric": "#f2d16b"}


def displacy_mentions(doc: Doc) -> dict:
    """displaCy's manual "ent" format: the text as read, and every mention that does not overlap
    an earlier one, labelled by its entity's type."""
    mentions = sorted((start, end, entity.label.value) for entity in doc._.kg_entities for start, end in entity.spans)
    ents, last_end = [], -1
    for start, end, label in mentions:
        if start >= last_end:
            ents.append({"start": start, "end": end, "label": label})
            last_end = end
    return {"text": original_text(doc), "ents": ents, "title": None}


def render_html(doc: Doc, *, page: bool = True) -> str:
    """HTML of the Doc's mentions, coloured by type (``displacy.render`` in manual mode)."""
    from spacy import displacy

    return displacy.render(displacy_mentions(doc), style="ent", manual=True, page=page,
                           options={"colors": COLORS, "ents": list(COLORS)})


class MentionSpans(BatchComponent):
    """``kg_mention_spans``: every mention of ``doc._.kg_entities`` as a labelled span in
    ``doc.spans["kg_mentions"]``, and those that do not overlap as ``doc.ents``, so that spaCy's
    own tools (displaCy, ``doc.ents``) see them.

    Spans cover whole tokens (with the whitespace tokenizer "(GPT-3.5)," is one token); the exact
    offsets are each entity's ``spans``, which :func:`displacy_mentions` renders. Making the Span
    objects costs about a fifth of the pipeline's time, so :func:`extractors.pipeline.extract_papers`,
    which reads only the entities, runs without this component.
    """

    def __init__(self, nlp: Language, name: str = "kg_mention_spans"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for entity in doc._.kg_entities:
            label = entity.label.value
            for start, end in entity.spans:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[MENTIONS_KEY] = spans
        doc.set_ents(filter_spans(spans), default="outside")
        return doc


@Language.factory("kg_mention_spans", assigns=["doc.spans", "doc.ents"], requires=["doc._.kg_entities"])
def make_mention_spans(nlp: Language, name: str) -> MentionSpans:
    return MentionSpans(nlp, name)
