"""The typed graph model every stage speaks: readers produce ``Paper``; extractors produce
``Entity`` and ``Relation``; the mirror, the Neo4j loader and the queries consume ``Graph``.

Ids are deterministic natural keys (arXiv id or a normalised title for papers, a
normalised name for entities), so every write is a re-runnable MERGE.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import Enum
from functools import lru_cache
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kg.errors import SchemaError
from kg.keys import author_id

__all__ = [
    "NodeLabel",
    "RelType",
    "ENTITY_LABELS",
    "Paper",
    "Entity",
    "Relation",
    "Result",
    "Graph",
    "name_key",
    "merge_key",
    "display_name",
    "title_key",
    "entity_id",
    "paper_id",
    "month_of",
]

PropertyValue = Union[str, int, float, bool, None, list[str], list[int]]


class NodeLabel(str, Enum):
    PAPER = "Paper"
    METHOD = "Method"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    TASK = "Task"
    METRIC = "Metric"


ENTITY_LABELS = (NodeLabel.METHOD, NodeLabel.DATASET, NodeLabel.BENCHMARK, NodeLabel.TASK, NodeLabel.METRIC)
_ID_PREFIX = {label: f"{label.value.lower()}:" for label in NodeLabel}  # (a label or its value: one hash)


class RelType(str, Enum):
    PROPOSES = "PROPOSES"  # Paper -> entity it introduces
    USES = "USES"  # Paper -> entity it names without introducing it
    EVALUATED_ON = "EVALUATED_ON"  # Paper -> Dataset/Benchmark with reported results
    OUTPERFORMS = "OUTPERFORMS"  # Method -> Method, a comparative claim made by one paper


# Which (source label, target label) pairs each relationship type allows.
_PAPER_TO_ENTITY = {(NodeLabel.PAPER, lab) for lab in ENTITY_LABELS}
RELATION_SCHEMA: dict[RelType, set[tuple[NodeLabel, NodeLabel]]] = {
    RelType.PROPOSES: _PAPER_TO_ENTITY,
    RelType.USES: _PAPER_TO_ENTITY,
    RelType.EVALUATED_ON: {(NodeLabel.PAPER, NodeLabel.DATASET), (NodeLabel.PAPER, NodeLabel.BENCHMARK)},
    RelType.OUTPERFORMS: {(NodeLabel.METHOD, NodeLabel.METHOD)},
}

_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\*?(\{([^{}]*)\})?")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NAME_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015]+")


@lru_cache(maxsize=65_536)  # extraction asks for the same few names many times per abstract
def name_key(name: str) -> str:
    """Normalise an entity surface form for matching: NFKC, case folding, no spaces, hyphens
    or underscores (the reference scorer's rule), so 'Multi-Head Routing' and 'multihead
    routing' meet while 'MiniWoB' and 'MiniWoB++' or 'GPT-3' and 'GPT-4' stay apart.

    >>> name_key("Multi-Head  Routing")
    'multiheadrouting'
    >>> name_key("MiniWoB++") != name_key("MiniWoB")
    True
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    return _NAME_SEPARATORS.sub("", text).strip(".,;:()[]{}'\"")


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=1 << 20)
def merge_key(name: str) -> str:
    """The key on which names from different papers meet: :func:`name_key` without a leading
    article, so that "THE COLOSSEUM" and "Colosseum" are one name.

    >>> merge_key("THE COLOSSEUM") == merge_key("Colosseum"), merge_key("The Pile") == merge_key("Pile")
    (True, True)
    """
    return name_key(_LEADING_ARTICLE.sub("", name.strip()))


def display_name(forms: dict[str, int]) -> str:
    """The name to show for an entity written in several forms (form -> how often): its common
    short form ("GLUE", not "General Language Understanding Evaluation"), else its most frequent
    form, longer and better capitalised forms winning ties.

    >>> display_name({"General Language Understanding Evaluation": 3, "GLUE": 2})
    'GLUE'
    >>> display_name({"Multi-Head Routing": 2, "multi-head routing": 1})
    'Multi-Head Routing'
    """

    def short(form: str) -> bool:
        return " " not in form.strip() and len(form) <= 16 and sum(c.isupper() for c in form) >= 2

    if len(forms) == 1:
        return next(iter(forms))
    return max(forms, key=lambda f: (short(f), not _LEADING_ARTICLE.match(f), forms[f], sum(c.isupper() for c in f),
                                     len(f), f))


def title_key(title: str) -> str:
    """Normalise a paper title so that copies differing in case, spacing, punctuation or
    LaTeX markup (``$\\mathcal{X}$``, ``\\textbf{Y}``) get the same key.

    >>> title_key("Poly: \\\\textbf{Modular} Skills!") == title_key("poly modular skills")
    True
    """
    text = _LATEX_CMD.sub(lambda m: m.group(2) or "", title)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_ALNUM.sub("", text)


_SLUG_BREAK = re.compile(r"[^0-9a-z+]+")


def _slug(text: str) -> str:
    slug = _SLUG_BREAK.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-")
    return slug or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH_WORDS = {name[:3]: name for name in ("january", "february", "march", "april", "may", "june", "july", "august",
                                            "september", "october", "november", "december")}


def month_of(date: Optional[str]) -> Optional[str]:
    """"YYYY-MM" from a listing date, or None when the date has no year (none is invented).

    >>> [month_of(d) for d in ["Oct 5, 2022", "Mar 20", "2023-01-02", "Mon, 7 Nov 2022 19:00:00 GMT", None]]
    ['2022-10', None, '2023-01', '2022-11', None]
    """
    if not date:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})", date)
    if iso:
        return f"{iso.group(1)}-{iso.group(2)}"
    words = re.findall(r"[A-Za-z]+|\d+", date)
    month = next((_MONTHS[w[:3].lower()] for w in words if w[:3].lower() in _MONTHS and w.isalpha()), None)
    year = next((w for w in words if len(w) == 4 and w.isdigit()), None)
    return f"{year}-{month:02d}" if month and year else None


def is_date(text: str) -> bool:
    """Whether a listing's date reads as one: an ISO date, or one with a month's name.

    >>> [is_date(d) for d in ["2023-01-02", "Mar 20", "Mon, 7 Nov 2022 19:00:00 GMT", "not-a-date", "42"]]
    [True, True, True, False, False]
    """
    if re.match(r"^\s*\d{4}-\d{2}(?:-\d{2})?(?:[T ]|\s*$)", text):
        return True
    return any(w[:3].lower() in _MONTHS and _MONTH_WORDS[w[:3].lower()].startswith(w.lower())
               for w in re.findall(r"[A-Za-z]+", text) if len(w) >= 3)


def paper_id(*, arxiv_id: Optional[str], title: str) -> str:
    """Deterministic paper id: ``arxiv:<id>`` when known, else ``title:<sha1 of title key>``."""
    if arxiv_id:
        return f"arxiv:{arxiv_id}"
    return "title:" + hashlib.sha1(title_key(title).encode("utf-8")).hexdigest()[:16]


def entity_id(label: Union[NodeLabel, str], name: str) -> str:
    """Deterministic entity id: lower-cased label, a colon, the slug of the canonical name."""
    prefix = _ID_PREFIX.get(label) or f"{label.lower()}:"
    return prefix + _slug(name)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)



def paper_authors(names) -> list[tuple[str, str, int]]:
    """(author id, name as written, position) of a paper's author list: blank names and a second
    writing of one author left out.

    >>> paper_authors(["Ada  Lovelace", "", "ada lovelace", "Alan Turing"])
    [('author:ada lovelace', 'Ada Lovelace', 1), ('author:alan turing', 'Alan Turing', 4)]
    """
    seen, authors = set(), []
    for position, name in enumerate(names or (), start=1):
        aid = author_id(name)
        if aid != "author:" and aid not in seen:
            seen.add(aid)
            authors.append((aid, " ".join(name.split()), position))
    return authors


class Paper(_Model):
    """One paper, however many listings it appeared in.

    Attributes:
        id: ``arxiv:<id>`` or ``title:<hash>``, see :func:`paper_id`.
        title, abstract: as first read (LaTeX left as written).
        authors: names when the source gives them; ``authors_count`` when only a count is given.
        date: the listing's date exactly as written ("Oct 5, 2022", "Nov 28"); no year is invented.
        upvotes: Hugging Face upvotes when the listing shows them.
        urls: links written in the abstract (code, project pages).
        sources: every ``file:line`` this paper was read from.
    """

    id: str
    title: str = Field(min_length=1)
    abstract: str = Field(min_length=1)
    authors: list[str] = Field(default_factory=list)
    authors_count: Optional[int] = None
    date: Optional[str] = None
    month: Optional[str] = None  # "2022-10" when the date gives a year; for trends over time
    upvotes: Optional[int] = None
    urls: list[str] = Field(default_factory=list)
    arxiv_id: Optional[str] = None
    categories: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    input_id: Optional[str] = None  # the record's own id in a JSON Lines source ("D07")

    @property
    def text(self) -> str:
        """The text extractors read; relation offsets index into it. A blank line, not a single
        newline, separates title and abstract: spaCy's tokenizer cache skips chunks that hold a
        lone newline, which made tokenization ten times slower."""
        return f"{self.title}\n\n{self.abstract}"

    @property
    def code_url(self) -> Optional[str]:
        for url in self.urls:
            if "github.com" in url or "gitlab.com" in url or "huggingface.co" in url:
                return url
        return None

    def properties(self) -> dict[str, PropertyValue]:
        return self.model_dump(exclude={"id"})


class Entity(_Model):
    """A Method, Dataset, Benchmark (or Task, Metric) node, deduplicated across papers."""

    id: str
    label: NodeLabel
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_a_paper(self) -> "Entity":
        if self.label is NodeLabel.PAPER:
            raise SchemaError(f"entity {self.id!r} cannot have the label Paper")
        return self

    def properties(self) -> dict[str, PropertyValue]:
        return {"name": self.name, "aliases": list(self.aliases)}


class Relation(_Model):
    """A relationship with its provenance.

    ``paper`` is the paper whose text states the fact; a fact is keyed by
    (source, type, target, paper), so two papers claiming that A outperforms B give two edges.
    ``start``/``end`` are character offsets of the evidence sentence in ``Paper.text``
    (title, blank line, abstract); ``spans`` those of the names in it that the fact is about,
    flattened as ``[start, end, start, end, ...]`` (a property list Neo4j can store).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    type: RelType
    target: str
    paper: str
    evidence: str = ""
    start: int = Field(default=0, ge=0)
    end: int = Field(default=0, ge=0)
    extractor: str = ""
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    spans: list[int] = Field(default_factory=list)  # [start, end, ...] of the names the evidence is about
    benchmark: Optional[str] = None  # OUTPERFORMS only: the benchmark named in the same sentence
    metric: Optional[str] = None  # OUTPERFORMS only: the metric of a result the paper states on it
    source_file: Optional[str] = None

    @property
    def key(self) -> str:
        """Edge key, unique among edges between the same two nodes."""
        return f"{self.type.value}@{self.paper}"

    def properties(self) -> dict[str, PropertyValue]:
        return self.model_dump(exclude={"source", "type", "target"})


class Result(_Model):
    """A score a paper reports for a method on a dataset or benchmark (a leaderboard entry).

    ``method`` is an entity id, or None when the paper's own method has no name in its text;
    ``benchmark`` the dataset or benchmark's id; ``metric`` the Metric entity's id when the metric
    is a known one (``metric_text`` is the metric as written either way). ``value`` is the number,
    ``value_text`` as written ("85.3%"). Evidence as on relations; ``spans`` are the offsets of
    the value, the benchmark and the method in the paper's text.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    paper: str
    method: Optional[str] = None
    benchmark: str
    metric: Optional[str] = None
    metric_text: Optional[str] = None
    higher_is_better: Optional[bool] = None
    value: float
    value_text: str
    unit: Optional[str] = None
    evidence: str = ""
    start: int = Field(default=0, ge=0)
    end: int = Field(default=0, ge=0)
    spans: list[int] = Field(default_factory=list)
    extractor: str = ""
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    source_file: Optional[str] = None

    def properties(self) -> dict[str, PropertyValue]:
        return self.model_dump(exclude={"id", "method", "benchmark", "metric"})


class Graph(_Model):
    """A whole knowledge graph: the unit the mirror and the loader exchange."""

    papers: list[Paper] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_schema(self) -> "Graph":
        labels: dict[str, NodeLabel] = {p.id: NodeLabel.PAPER for p in self.papers}
        for entity in self.entities:
            if entity.id in labels:
                raise SchemaError(f"duplicate node id {entity.id!r}")
            labels[entity.id] = entity.label
        if len(labels) != len(self.papers) + len(self.entities):
            raise SchemaError("duplicate paper ids")
        for rel in self.relations:
            pair = (labels.get(rel.source), labels.get(rel.target))
            if None in pair:
                raise SchemaError(f"{rel.type.value} relation refers to an unknown node: {rel.source} -> {rel.target}")
            if pair not in RELATION_SCHEMA[rel.type]:
                raise SchemaError(
                    f"{rel.type.value} cannot link {pair[0].value} to {pair[1].value} ({rel.source} -> {rel.target})"
                )
        for result in self.results:
            if labels.get(result.paper) is not NodeLabel.PAPER:
                raise SchemaError(f"result {result.id!r} refers to an unknown paper {result.paper!r}")
            if labels.get(result.benchmark) not in (NodeLabel.DATASET, NodeLabel.BENCHMARK):
                raise SchemaError(f"result {result.id!r}: {result.benchmark!r} is not a dataset or benchmark")
            if result.method is not None and labels.get(result.method) is not NodeLabel.METHOD:
                raise SchemaError(f"result {result.id!r}: {result.method!r} is not a method")
            if result.metric is not None and labels.get(result.metric) is not NodeLabel.METRIC:
                raise SchemaError(f"result {result.id!r}: {result.metric!r} is not a metric")
        return self

    def counts(self) -> dict[str, dict[str, int]]:
        nodes: dict[str, int] = {"Paper": len(self.papers)}
        for entity in self.entities:
            nodes[entity.label.value] = nodes.get(entity.label.value, 0) + 1
        rels: dict[str, int] = {}
        for rel in self.relations:
            rels[rel.type.value] = rels.get(rel.type.value, 0) + 1
        if self.results:
            nodes["Result"] = len(self.results)
        return {"nodes": nodes, "relationships": rels}


def json_schema() -> dict:
    """The model as JSON Schema (what ``kg schema`` prints)."""
    return Graph.model_json_schema()
