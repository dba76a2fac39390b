"""``kg_ner``: a statistical NER (trained by ``scripts/train_ner.py``) whose labels settle the
type of names no rule typed. Letting it add names of its own cost 0.10 entity F1 in
cross-validation, so ``kg_relations`` only takes its labels. Opt-in: ``extractors/config-ner.cfg``,
``kg extract --with-ner``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ExtractionError
from kg.model import NodeLabel
from extractors.candidates import Candidate, add_candidates, doc_text

__all__ = ["StatisticalNER", "DEFAULT_MODEL"]

DEFAULT_MODEL = Path(__file__).parent / "models" / "ner"
_LABELS = {"METHOD": NodeLabel.METHOD, "DATA": NodeLabel.DATASET}


class StatisticalNER:
    """Adds a ``Candidate`` (source ``ner``) for each entity the trained model finds; see
    ``kg_relations`` for how they are used.

    The model keeps its own tokenizer and vocabulary (it is a separate spaCy pipeline on disk),
    so it reads the Doc's text rather than its tokens.
    """

    def __init__(self, nlp: Language, name: str = "kg_ner", *, model: Optional[str] = None):
        self.name = name
        self.model_path = Path(model) if model else DEFAULT_MODEL
        self._ner: Optional[Language] = None

    def load_model(self, path: Path) -> None:
        try:
            self._ner = spacy.load(path)
        except OSError as exc:
            raise ExtractionError(f"{path}: no trained NER model (python scripts/train_ner.py --save): {exc}") from exc
        self.model_path = Path(path)

    def __call__(self, doc: Doc) -> Doc:
        if self._ner is None:
            self.load_model(self.model_path)
        found = self._ner(doc_text(doc))
        add_candidates(doc, (Candidate(e.start_char, e.end_char, _LABELS.get(e.label_), "ner") for e in found.ents))
        return doc


@Language.factory("kg_ner", assigns=["doc._.kg_candidates"], default_config={"model": None})
def make_statistical_ner(nlp: Language, name: str, model: Optional[str]) -> StatisticalNER:
    return StatisticalNER(nlp, name, model=model)
