"""Training and held-out validation of the learned components.

Sources (see ``../shared/train/README.md`` and ``../shared/eval/README.md``):

- ``dev`` and ``ood_dev``: our own gold (entities by name, relations); labels come from matching
  an extracted entity's surface forms to the gold's, as the reference scorer matches them;
- ``scierc``, ``tdmsci``, ``heddes``: public corpora annotated with character spans under
  conventions of their own; labels come from span overlap, and are *partial*: a corpus that marks
  only datasets says of an unmarked candidate only that it is not a dataset.

Every text goes through the pipeline once with a :class:`~extractors.entity_typer.RecordingTyper`,
which keeps each entity's features, surfaces and mention offsets; training and scoring then work
on those records. Folds are fixed by a hash of the record id, so every run splits the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from spacy.language import Language

from extractors.entity_typer import LABELS, EntityTyper, RecordingTyper, TyperModel, train

__all__ = ["Record", "load_source", "SOURCES", "record_entities", "examples_of", "fold_of", "span_scores",
           "train_typer", "DEFAULT_SHARED"]

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = ("dev", "ood_dev", "scierc", "tdmsci", "heddes")
# What each span corpus can say about an unannotated candidate: every label but the ones it annotates.
_UNMARKED = {
    "scierc": ("None",),
    "tdmsci": ("None", "Method"),
    "heddes": ("None", "Method", "Task", "Metric"),
}
_SPAN_TYPE = {"Method": "Method", "Dataset": "Data", "Task": "Task", "Metric": "Metric"}


@dataclass
class Record:
    """One text to learn from or score on."""

    id: str
    source: str
    title: str
    abstract: str
    gold: Optional[dict] = None  # dev, ood_dev: the gold record
    spans: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start, end, label, looks named
    other_spans: list[tuple[int, int]] = field(default_factory=list)  # SciERC's other scientific terms
    split: str = "train"

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.abstract}"

    @property
    def offset(self) -> int:
        """Where the abstract starts in :attr:`text`."""
        return len(self.title) + 2


def _read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_source(name: str, shared: Path = DEFAULT_SHARED) -> list[Record]:
    """The records of one source; SciERC's dev split is marked ``split="dev"``."""
    if name in ("dev", "ood_dev"):
        papers = {r["id"]: r for r in _read_jsonl(shared / "eval" / f"{name}_papers.jsonl")}
        return [Record(g["id"], name, papers[g["id"]]["title"], papers[g["id"]]["abstract"], gold=g)
                for g in _read_jsonl(shared / "eval" / f"{name}_gold.jsonl") if g["id"] in papers]
    files = {"scierc": ["scierc_train.jsonl", "scierc_dev.jsonl"], "tdmsci": ["tdmsci_train.jsonl"],
             "heddes": ["heddes_train.jsonl"]}[name]
    records = []
    for file in files:
        for r in _read_jsonl(shared / "train" / file):
            spans = [(e["start"], e["end"], _SPAN_TYPE[e["type"]], bool(e.get("looks_named"))) for e in r["entities"]]
            other = [(e["start"], e["end"]) for e in r.get("other_entities") or []]
            records.append(Record(r["id"], name, "", r["text"], spans=spans, other_spans=other,
                                  split="dev" if r.get("split") == "dev" else "train"))
    return records


def fold_of(record_id: str, folds: int) -> int:
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % folds


def record_entities(nlp: Language, records: Sequence[Record], typer: Optional[EntityTyper] = None,
                    batch_size: int = 64, scorer=None) -> tuple[dict[str, list[dict]], dict[str, tuple]]:
    """Run the pipeline over ``records`` with a recording typer (and ``scorer`` deciding the
    relations). Returns the entity records per record id, and per record id the (entities,
    relations) the pipeline output."""
    component = nlp.get_pipe("kg_relations")
    previous = component.typer, component.scorer
    recorder = RecordingTyper(typer)
    component.typer, component.scorer = recorder, scorer
    recorded: dict[str, list[dict]] = {}
    outputs: dict[str, tuple] = {}
    try:
        from extractors.pipeline import make_doc

        docs = ((make_doc(nlp, r.text), r.id) for r in records)
        for doc, rid in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            outputs[rid] = (doc._.kg_entities, doc._.kg_relations, doc._.kg_results)
        per_doc = recorder.take()
    finally:
        component.typer, component.scorer = previous
    if len(per_doc) != len(records):
        raise RuntimeError(f"the typer was asked {len(per_doc)} times for {len(records)} texts")
    for r, entities in zip(records, per_doc):
        # Sorted by place: the order the pipeline met them may follow string hashing, which varies per process.
        recorded[r.id] = sorted(entities, key=lambda e: (e["mentions"][0] if e["mentions"] else [0, 0], e["surfaces"]))
    return recorded, outputs


_NORM_SEP = re.compile(r"[\s\-_\u2010-\u2015]+")


def _norm(s: str) -> str:
    return _NORM_SEP.sub("", unicodedata.normalize("NFKC", s).casefold()).strip(".,;:()[]{}'\"")


def _gold_class(t: str) -> str:
    return "Method" if t == "Method" else "Data"


def examples_of(record: Record, entities: list[dict]) -> list[tuple[list[str], tuple[str, ...]]]:
    """(features, allowed labels) for each recorded entity of ``record``; entities whose label
    cannot be told (a name that only partly matches a gold name) are left out."""
    out = []
    if record.gold is not None:
        gold = [(g, {_norm(n) for n in [g["name"], *(g.get("aliases") or [])] if _norm(n)}) for g in record.gold["entities"]]
        for ent in entities:
            forms = {_norm(s) for s in ent["surfaces"] if _norm(s)}
            hit = next((g for g, gforms in gold if forms & gforms), None)
            if hit is not None:
                label = _gold_class(hit["type"])
                out.append((ent["features"], (label, "None") if hit.get("optional") else (label,)))
            elif any(f in gf or gf in f for f in forms for _, gforms in gold for gf in gforms):
                continue  # "PASCAL VOC" where the gold has "PASCAL VOC 2012": neither right nor wrong
            else:
                out.append((ent["features"], ("None", "Task", "Metric")))
        return out
    shift = record.offset
    for ent in entities:
        mentions = [(a - shift, b - shift) for a, b in ent["mentions"]]
        hits = [label for s, e, label, _ in record.spans for a, b in mentions if a < e and s < b]
        if hits:
            out.append((ent["features"], (max(sorted(set(hits)), key=hits.count),)))
        elif any(a < e and s < b for s, e in record.other_spans for a, b in mentions):
            continue  # SciERC's "other scientific terms": named things among them, not a label to learn
        else:
            out.append((ent["features"], _UNMARKED[record.source]))
    return out


def span_scores(record: Record, entities, kinds: dict[str, str]) -> dict[str, list[int]]:
    """Lenient named-span counts per kind: a predicted mention span of the kind that overlaps a
    gold span of that kind (looks-named gold spans only) is a hit; one gold span counts once.
    ``kinds`` maps an output label ("Method", "Dataset", "Benchmark") to a gold kind."""
    shift = record.offset
    counts: dict[str, list[int]] = {}
    for kind in set(kinds.values()):
        predicted = sorted({(a - shift, b - shift) for e in entities if kinds.get(e["label"]) == kind
                            for a, b in e["spans"] if a >= shift})
        gold = [(s, e) for s, e, label, named in record.spans if label == kind and named]
        matched_gold = set()
        tp_pred = 0
        for a, b in predicted:
            hit = [i for i, (s, e) in enumerate(gold) if a < e and s < b]
            if hit:
                tp_pred += 1
                matched_gold.update(hit)
        counts[kind] = [tp_pred, len(predicted) - tp_pred, len(gold) - len(matched_gold)]
    return counts


def train_typer(examples: Sequence[tuple[list[str], tuple[str, ...], float]], settings: dict) -> TyperModel:
    """Fit the typer on (features, allowed labels, weight) examples with ``settings`` (typer.cfg)."""
    model = train([e[0] for e in examples], [e[1] for e in examples], weights=[e[2] for e in examples],
                  labels=LABELS, epochs=settings["epochs"], learning_rate=settings["learning_rate"],
                  l2=settings["l2"], min_count=settings["min_count"], batch_size=settings["batch_size"],
                  seed=settings["seed"])
    return model


def assign_folds(records: Sequence[Record], folds: int) -> dict[str, int]:
    """Each record's fold; SciERC's dev split is -1: never trained on in cross-validation."""
    return {r.id: (-1 if r.split == "dev" else fold_of(f"{r.source}:{r.id}", folds)) for r in records}


def labelled_examples(records: Sequence[Record], recorded: dict[str, list[dict]], weights: dict[str, float],
                      keep=lambda record: True) -> list[tuple[list[str], tuple[str, ...], float]]:
    out = []
    for r in records:
        if keep(r):
            out.extend((feats, allowed, weights[r.source]) for feats, allowed in examples_of(r, recorded[r.id]))
    return out


def cross_validate(nlp: Language, records: Sequence[Record], recorded: dict[str, list[dict]], settings: dict,
                   weights: dict[str, float], folds: int = 5, relations: Optional[dict] = None,
                   relation_kinds: Sequence[str] = ()) -> dict[str, tuple]:
    """Held-out output for every record: record ``r`` is run through the pipeline with a typer
    trained on every fold but its own (SciERC's dev split with the fold-0 model, which never saw
    it), and, given the recorded relation candidates of the gold records (``relations``), with a
    relation scorer for ``relation_kinds`` trained likewise. Returns (entities, relations) per
    record id."""
    fold = assign_folds(records, folds)
    outputs: dict[str, tuple] = {}
    for k in range(folds):
        train_set = labelled_examples(records, recorded, weights, keep=lambda r: fold[r.id] not in (k, -1))
        typer = EntityTyper(train_typer(train_set, settings))
        scorer = None
        if relations is not None and relation_kinds:
            examples: dict[str, list] = {kind: [] for kind in relation_kinds}
            for r in records:
                if r.gold is not None and fold[r.id] != k:
                    for kind, rows in relation_examples(r, *relations[r.id]).items():
                        if kind in examples:
                            examples[kind] += rows
            scorer = train_relation_scorer(examples, settings)
        held_out = [r for r in records if fold[r.id] == k or (k == 0 and fold[r.id] == -1)]
        _, fold_outputs = record_entities(nlp, held_out, typer, scorer=scorer)
        outputs.update(fold_outputs)
    return outputs


def record_relations(nlp: Language, records: Sequence[Record], typer=None, batch_size: int = 64):
    """Run the pipeline over ``records`` with a recording relation scorer. Returns, per record
    id, the candidates of each relation type and the entities the pipeline output."""
    from extractors.pipeline import make_doc
    from extractors.relation_scorer import RecordingScorer

    component = nlp.get_pipe("kg_relations")
    previous = component.typer, component.scorer
    recorder = RecordingScorer(None)
    component.typer, component.scorer = typer, recorder
    entities: dict[str, list] = {}
    try:
        docs = ((make_doc(nlp, r.text), r.id) for r in records)
        for doc, rid in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            entities[rid] = doc._.kg_entities
        per_doc = recorder.take()
    finally:
        component.typer, component.scorer = previous
    if len(per_doc) != len(records):
        raise RuntimeError(f"the scorer was asked {len(per_doc)} times for {len(records)} texts")
    return {r.id: (candidates, entities[r.id]) for r, candidates in zip(records, per_doc)}


def relation_examples(record: Record, candidates: dict[str, list[dict]], entities: list) -> dict[str, list[tuple]]:
    """(features, allowed labels) per relation type for one gold record: a candidate is "yes"
    when the gold states the relation between the gold entities its names match."""
    gold = record.gold
    forms_of = {e.name: {_norm(f) for f in [e.name, *e.aliases] if _norm(f)} for e in entities}
    gold_entities = [(g, {_norm(f) for f in [g["name"], *(g.get("aliases") or [])] if _norm(f)}) for g in gold["entities"]]

    def match(name):
        forms = forms_of.get(name, {_norm(name)})
        return next((g for g, gforms in gold_entities if forms & gforms), None)

    by_name = {_norm(g["name"]): g for g, _ in gold_entities}
    evaluated = {id(by_name[_norm(n)]) for n in gold.get("evaluated_on", []) if _norm(n) in by_name}
    beats = {(id(by_name[_norm(a)]), id(by_name[_norm(b)])) for a, b in gold.get("outperforms", [])
             if _norm(a) in by_name and _norm(b) in by_name}
    out: dict[str, list[tuple]] = {"EVALUATED_ON": [], "OUTPERFORMS": []}
    for c in candidates.get("EVALUATED_ON", []):
        g = match(c["names"][0])
        if g is not None and g.get("optional"):
            continue
        out["EVALUATED_ON"].append((c["features"], ("yes",) if g is not None and id(g) in evaluated else ("no",)))
    for c in candidates.get("OUTPERFORMS", []):
        a, b = match(c["names"][0]), match(c["names"][1])
        yes = a is not None and b is not None and (id(a), id(b)) in beats
        out["OUTPERFORMS"].append((c["features"], ("yes",) if yes else ("no",)))
    return out


def train_relation_scorer(examples: dict[str, list[tuple]], settings: dict):
    """One model per relation type from (features, allowed labels) examples."""
    from extractors.relation_scorer import LABELS, RelationScorer

    models = {}
    for kind, rows in examples.items():
        if rows and len({a for _, a in rows}) > 1:
            models[kind] = train([r[0] for r in rows], [r[1] for r in rows], labels=LABELS, epochs=settings["epochs"],
                                 learning_rate=settings["learning_rate"], l2=settings["l2"],
                                 min_count=settings["min_count"], batch_size=settings["batch_size"], seed=settings["seed"])
    return RelationScorer(models)
