"""A learned scorer for EVALUATED_ON and OUTPERFORMS candidates.

The rules propose candidates (every dataset or benchmark of a paper for EVALUATED_ON; every pair
of one of the paper's methods and another method named in a comparing sentence for OUTPERFORMS)
and say which they would keep; the scorer reads that verdict with the words around the names
(training sentences, numbers, "than", a clause break, a non-claim such as "comparable to") and
decides. One logistic regression per relation type (:class:`extractors.entity_typer.TyperModel`
with the labels "no" and "yes"), trained on both development golds by
``scripts/train_relation_scorer.py``; held-out figures come from ``scripts/validate.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from extractors.entity_typer import TyperModel

__all__ = ["RelationScorer", "RecordingScorer", "DEFAULT_MODEL", "KINDS", "LABELS"]

DEFAULT_MODEL = Path(__file__).parent / "models" / "relations"
KINDS = ("EVALUATED_ON", "OUTPERFORMS")
LABELS = ("no", "yes")


class RelationScorer:
    """Keeps a candidate when its model gives "yes" a higher score than "no"; a relation type
    without a model keeps the rules' verdict."""

    def __init__(self, models: dict[str, TyperModel]):
        self.models = models
        self._tables = {}
        for kind, model in models.items():
            yes, no = model.labels.index("yes"), model.labels.index("no")
            margin = (model.weights[:, yes] - model.weights[:, no]).tolist()
            self._tables[kind] = ({f: margin[i] for f, i in model.index.items()}, float(model.bias[yes] - model.bias[no]))

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> "RelationScorer":
        return cls({kind: TyperModel.load(Path(path) / kind.lower()) for kind in KINDS if (Path(path) / kind.lower()).is_dir()})

    def save(self, path: Path) -> None:
        for kind, model in self.models.items():
            model.save(Path(path) / kind.lower())

    def score(self, kind: str, rows: Sequence[Sequence[str]], rule_verdicts: Sequence[bool], described: Sequence = ()) -> list[bool]:
        table = self._tables.get(kind)
        if table is None:
            return list(rule_verdicts)
        weights, bias = table
        return [bias + sum(weights.get(f, 0.0) for f in row) > 0.0 for row in rows]


class RecordingScorer:
    """Passes decisions on to ``inner`` (or keeps the rules') and records every candidate: one
    record list per text and relation type, in the order the texts went through."""

    def __init__(self, inner: Optional[RelationScorer] = None):
        self.inner = inner
        self.calls: list[tuple[str, list[dict]]] = []

    def score(self, kind, rows, rule_verdicts, described=()) -> list[bool]:
        verdicts = self.inner.score(kind, rows, rule_verdicts, described) if self.inner else list(rule_verdicts)
        self.calls.append((kind, [{"features": list(r), "rule": bool(v), "names": list(d)}
                                  for r, v, d in zip(rows, rule_verdicts, described)]))
        return verdicts

    def take(self) -> list[dict[str, list[dict]]]:
        """Per text, the candidates of each relation type."""
        docs: list[dict[str, list[dict]]] = []
        for kind, records in self.calls:
            if kind == KINDS[0]:
                docs.append({})
            docs[-1][kind] = records
        self.calls = []
        return docs
