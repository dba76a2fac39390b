"""What the extractors say about one paper, before entities are resolved across papers.

``PaperExtraction.to_prediction()`` is the per-paper record of the evaluation format
(``shared/eval/README.md``); ``kg.resolve`` turns many of them into a ``Graph``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from kg.model import NodeLabel

__all__ = ["Evidence", "ExtractedEntity", "ExtractedRelation", "ExtractedResult", "PaperExtraction"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a fact was read: the sentence and its offsets in ``Paper.text``, and the offsets of
    the names the fact is about (the entity's mention; a comparison's winner and loser)."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mentions: list[tuple[int, int]] = Field(default_factory=list)
    extractor: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class ExtractedEntity(_Model):
    """A name found in one paper: ``spans`` are the character offsets of every mention in
    ``Paper.text`` (``mentions`` is their number)."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    label: NodeLabel
    role: Literal["proposed", "used"]
    mentions: int = 1
    spans: list[tuple[int, int]] = Field(default_factory=list)
    evidence: Evidence


class ExtractedRelation(_Model):
    """EVALUATED_ON (target is a dataset/benchmark name) or OUTPERFORMS (source beats target)."""

    type: Literal["EVALUATED_ON", "OUTPERFORMS"]
    source: Optional[str] = None  # entity name; None means the paper itself
    target: str
    benchmark: Optional[str] = None
    evidence: Evidence


class ExtractedResult(_Model):
    """A score the text reports: ``method`` is an entity name, or None for the paper's own method
    when the text does not name it; ``value`` is the number as written ("85.3%"); ``metric`` the
    metric as written and ``metric_name`` the known metric it is (see extractors/data/metrics.jsonl),
    with ``higher_is_better``. The evidence's mentions are the value, the benchmark and the method."""

    method: Optional[str] = None
    benchmark: str
    metric: Optional[str] = None
    metric_name: Optional[str] = None
    higher_is_better: Optional[bool] = None
    value: str
    number: float
    unit: Optional[str] = None
    evidence: Evidence


class PaperExtraction(_Model):
    paper_id: str
    entities: list[ExtractedEntity] = Field(default_factory=list)
    relations: list[ExtractedRelation] = Field(default_factory=list)
    results: list[ExtractedResult] = Field(default_factory=list)
    code_url: Optional[str] = None

    def to_prediction(self) -> dict:
        """The record ``kg extract`` writes and ``kg eval`` / ``score.py`` read."""
        return {
            "id": self.paper_id,
            "entities": [
                {
                    "name": e.name,
                    "aliases": e.aliases,
                    "type": e.label.value,
                    "role": e.role,
                    "evidence": e.evidence.sentence,
                    "confidence": e.evidence.confidence,
                }
                for e in self.entities
            ],
            "evaluated_on": [r.target for r in self.relations if r.type == "EVALUATED_ON"],
            "outperforms": [[r.source, r.target] for r in self.relations if r.type == "OUTPERFORMS"],
            "results": [{"method": r.method, "benchmark": r.benchmark, "metric": r.metric, "value": r.value}
                        for r in self.results],
            "code_url": self.code_url,
        }
