"""``kg_gazetteer``: well-known public names (benchmarks, datasets, landmark models).

Entries live in ``data/gazetteer.jsonl`` as ``{"name", "label", "aliases"}`` and are validated
with pydantic when loaded. Names match case-sensitively (so "ARC" the benchmark is not "arc"),
and long multi-word names also match in any case ("big-bench hard").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.errors import ExtractionError
from kg.model import NodeLabel
from extractors.candidates import Candidate, add_candidates, doc_text
from extractors.text import trim_name

__all__ = ["GazetteerEntry", "Gazetteer", "load_gazetteer", "DEFAULT_GAZETTEER"]

DEFAULT_GAZETTEER = Path(__file__).parent / "data" / "gazetteer.jsonl"


class GazetteerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    label: NodeLabel
    aliases: tuple[str, ...] = ()


def load_gazetteer(path: Path = DEFAULT_GAZETTEER) -> list[GazetteerEntry]:
    """Read and validate a gazetteer file; raises ExtractionError naming the bad line."""
    entries = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(GazetteerEntry(**json.loads(line)))
        except (json.JSONDecodeError, ValidationError, TypeError) as exc:
            raise ExtractionError(f"{path}:{number}: invalid gazetteer entry: {exc}") from exc
    return entries


def _inside_word(text: str, start: int, end: int) -> bool:
    """Is text[start:end] only part of a hyphenated word ("CLIP" in "M2-CLIP", "Charades" in
    "Charades-STA")? A glued participle does not count: "ImageNet-trained" is ImageNet."""
    before = text[start - 2 : start] if start >= 2 else ""
    if len(before) == 2 and before[1] == "-" and before[0].isalnum():
        return True
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum():
        word_end = end
        while word_end < len(text) and not text[word_end].isspace() and text[word_end] not in ",;:()[]":
            word_end += 1
        word = text[start:word_end].rstrip(".")
        return len(trim_name(word)) != end - start
    return False


class Gazetteer:
    """Adds a ``Candidate`` (source ``gazetteer``) for every gazetteer name in the doc.

    Sets ``doc._.kg_candidates`` (list of Candidate), shared with the other components.
    """

    def __init__(self, nlp: Language, name: str = "kg_gazetteer", *, path: Optional[str] = None):
        self.name = name
        self.entries = load_gazetteer(Path(path) if path else DEFAULT_GAZETTEER)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_key: dict[str, GazetteerEntry] = {}
        for index, entry in enumerate(self.entries):
            key = str(index)
            self.by_key[key] = entry
            forms = (entry.name, *entry.aliases)
            self.exact.add(key, [nlp.make_doc(form) for form in forms])
            long_forms = [nlp.make_doc(f) for f in forms if len(f.split()) >= 2 and len(f) >= 10]
            if long_forms:
                self.folded.add(key, long_forms)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        text = doc_text(doc)
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                entry = self.by_key[doc.vocab.strings[match_id]]
                span = doc[start:end]
                if _inside_word(text, span.start_char, span.end_char):
                    continue
                found.append(
                    Candidate(span.start_char, span.end_char, entry.label, "gazetteer", canonical=entry.name,
                              aliases=entry.aliases)
                )
        add_candidates(doc, found)
        return doc

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({e.label.value for e in self.entries}))


@Language.factory("kg_gazetteer", assigns=["doc._.kg_candidates"], default_config={"path": None})
def make_gazetteer(nlp: Language, name: str, path: Optional[str]) -> Gazetteer:
    return Gazetteer(nlp, name, path=path)
