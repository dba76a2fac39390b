"""Entity resolution across papers: per-paper extractions become deduplicated entities.

Rules:
- surface forms meet on :func:`kg.model.merge_key` (case, spaces, hyphens, a leading article
  ignored), so "Multi-Head Routing" and "multi-head routing" merge while "MHR" and "MHR-z",
  "GPT-3" and "GPT-4", "SAM" and "SAM 2", "MiniWoB" and "MiniWoB++" stay apart;
- an acronym and its long form, defined together in any paper, merge;
- an acronym defined with *different* long forms in different papers is ambiguous, so it is
  not used to merge those entities (SAM: Segment Anything Model vs Sharpness-Aware Minimization);
- Methods never merge with Datasets/Benchmarks; within data, the label most papers give wins;
- an entity is shown by its common short form ("GLUE"), its long forms kept as aliases.

:class:`Resolver` works in two passes over the extractions and keeps only statistics of names
(forms, labels, long forms): its memory grows with the number of distinct names in a corpus, not
with the number of papers. :func:`resolve_graph` is the whole thing for a graph held in memory.
"""

from __future__ import annotations

import gc
import heapq
from collections import Counter
from contextlib import contextmanager
from itertools import chain
from typing import Iterable, Iterator, NamedTuple, Optional, Union

from kg.extraction import PaperExtraction
from kg.model import (
    ENTITY_LABELS, Entity, Graph, NodeLabel, Paper, Relation, RelType, Result, display_name, entity_id, merge_key,
)

__all__ = ["Resolver", "ResolvedEntity", "resolve_graph", "paused_gc", "MAX_ALIASES"]

# An entity keeps its most written forms as aliases, at most this many: every alias is a lookup
# key, and the store relates each key to every paper reporting on the entity (EVALUATED_BY), so
# an entity written 3,000 ways by 3,000 papers made 9 million rows (a million papers of new text,
# where each paper wrote its own acronym for one long form). Its name still resolves every form.
MAX_ALIASES = 64


class ResolvedEntity(NamedTuple):
    """An entity as the resolver keeps it: a tuple, for a build's millions of them (a pydantic
    Entity took 670 bytes with its strings, this 210). :meth:`Resolver.entities` gives models."""

    id: str
    label: NodeLabel
    name: str
    aliases: tuple[str, ...]


_CLASS_OF = {label: "data" if label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) else label.value for label in NodeLabel}


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: making (or unpickling) hundreds of thousands of
    small objects with no cycle among them, it runs again and again over a build's large heap
    (half the time of resolving the entities, a third of reading the resolver's state)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class _UnionFind:
    """Only joined names have a parent: a name alone is its own cluster without an entry (most
    names of a large corpus; an entry each was 100 bytes a name)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        while True:
            up = parent.get(x)
            if up is None or up == x:
                return x
            above = parent.get(up, up)
            if above != up:
                parent[x] = above  # (path halving)
            x = above

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class Resolver:
    """Resolve entities across papers in two passes.

    1. :meth:`add` each paper's extraction (names, aliases and labels are counted);
    2. :meth:`entities` settles the clusters and gives the entities;
    3. :meth:`relations` turns each paper's extraction into relations between resolved ids.
    """

    def __init__(self) -> None:
        # Statistics of names, each a count, so that a paper's extraction can be taken out again
        # (kg build --update re-extracts a changed paper) and the result equals a fresh resolver's.
        # (Plain dicts of counts, not Counters: the statistics are pickled for the next update, and
        # a million Counters take seconds to unpickle.)
        # The counts of one key are a dict, or, when the key has counted one item once (most names
        # of a large corpus: a paper's own method, named by one paper, one way), that item alone:
        # a dict per name and table was half the resolver's memory (755 bytes a name, 2.2 KB a paper
        # of new text; see _bump).
        self._long_forms: dict[tuple[str, str], Union[str, dict[str, int]]] = {}  # (class, short key) -> long keys
        self._forms: dict[tuple, int] = {}  # (class, forms) of each extracted entity
        self._labels: dict[str, Union[str, dict[str, int]]] = {}  # class|key of the name -> labels (plain strings unpickle fast)
        self._surfaces: dict[str, Union[str, dict[str, int]]] = {}  # class|key of the name -> written forms
        self._uf: Optional[_UnionFind] = None
        self._root_of: dict[str, str] = {}  # class|key of each name -> its cluster (after entities())
        self._node: dict[str, str] = {}
        self._entities: dict[str, ResolvedEntity] = {}

    def add(self, extraction: PaperExtraction) -> None:
        self._count(extraction, 1)

    def remove(self, extraction: PaperExtraction) -> None:
        """Take out what :meth:`add` counted of ``extraction`` (before :meth:`entities`)."""
        self._count(extraction, -1)

    def _count(self, extraction: PaperExtraction, n: int) -> None:
        for ent in extraction.entities:
            cls = _CLASS_OF[ent.label]
            forms = [ent.name, *ent.aliases]
            shorts = [f for f in forms if f.isupper() or len(f) <= 6]
            longs = [f for f in forms if f not in shorts]
            for short in shorts:
                for long in longs:
                    _bump(self._long_forms, (cls, merge_key(short)), merge_key(long), n)
            _bump_counter(self._forms, (cls, tuple(forms)), n)
            key = f"{cls}|{merge_key(ent.name)}"
            _bump(self._labels, key, ent.label.value, n)
            for form in forms:
                _bump(self._surfaces, key, form, n)
        for result in extraction.results:  # a known metric is a Metric entity results point at
            if result.metric_name:
                name = result.metric_name
                _bump_counter(self._forms, (NodeLabel.METRIC.value, (name,)), n)
                key = f"{NodeLabel.METRIC.value}|{merge_key(name)}"
                _bump(self._labels, key, NodeLabel.METRIC.value, n)
                _bump(self._surfaces, key, name, n)

    def state(self) -> dict:
        """The statistics, to be given to :meth:`from_state` (kg build keeps them for --update)."""
        if self._surfaces is None:
            raise RuntimeError("the resolver's statistics were forgotten (forget_statistics)")
        return {"long_forms": self._long_forms, "forms": self._forms, "labels": self._labels,
                "surfaces": self._surfaces}

    @classmethod
    def from_state(cls, state: dict) -> "Resolver":
        resolver = cls()
        resolver._long_forms, resolver._forms = state["long_forms"], state["forms"]
        resolver._labels, resolver._surfaces = state["labels"], state["surfaces"]
        return resolver

    def assignment(self) -> dict[str, str]:
        """``class|key`` of every name -> the id of the entity it resolves to (after :meth:`entities`;
        an id starts with its entity's label). A paper's facts depend on nothing else of the
        resolution: a paper none of whose names changed assignment keeps its facts."""
        node, root_of = self._node, self._root_of
        return {key: node[root_of.get(key, key)] for key in self._surfaces}

    @staticmethod
    def name_keys(extraction: PaperExtraction) -> set[str]:
        """The ``class|key`` of every name a paper's facts were resolved through."""
        keys = {f"{_CLASS_OF[ent.label]}|{merge_key(ent.name)}" for ent in extraction.entities}
        keys.update(f"{NodeLabel.METRIC.value}|{merge_key(r.metric_name)}" for r in extraction.results if r.metric_name)
        return keys

    def _cluster_of(self, label: NodeLabel, name: str) -> str:
        assert self._uf is not None, "call entities() first"
        return self._uf.find(f"{_CLASS_OF[label]}|{merge_key(name)}")

    def entities(self) -> list[Entity]:
        """The resolved entities (call once, after every :meth:`add`, or after :meth:`resolved`)."""
        if not self._entities:
            self.resolved()
        return [Entity(id=e.id, label=e.label, name=e.name, aliases=list(e.aliases)) for e in self._entities.values()]

    def forget_statistics(self) -> None:
        """Drop the statistics (after :meth:`resolved`, :meth:`assignment` and :meth:`state`):
        :meth:`facts` needs only the clusters. A build of a million papers of new text held them,
        1.5 GB, through the relations of every paper. The resolver cannot count or settle again."""
        self._long_forms = self._forms = self._labels = self._surfaces = None  # type: ignore[assignment]

    def forget_resolution(self) -> None:
        """Drop the entities and the names' clusters (after every :meth:`facts`), keeping the
        statistics unless :meth:`forget_statistics` dropped them: a build of a million papers of
        new text held them, a gigabyte, while it made the entities' columns for the derived tables."""
        self._uf, self._root_of, self._node, self._entities = None, {}, {}, {}

    def resolved(self) -> list[ResolvedEntity]:
        """The resolved entities as tuples (call once, after every :meth:`add`)."""
        with paused_gc():
            return self._settle()

    def _settle(self) -> list[ResolvedEntity]:
        uf = self._uf = _UnionFind()
        long_forms = self._long_forms
        ambiguous = {key for key, longs in long_forms.items() if longs.__class__ is dict and len(longs) > 1}  # (class, short key)
        for cls, forms in self._forms:
            if len(forms) == 1:
                continue  # (most names: a name alone joins nothing)
            keys = [merge_key(form) for form in forms]
            first = f"{cls}|{keys[0]}"
            for key in keys[1:]:
                if key != keys[0] and (cls, key) not in ambiguous:
                    uf.union(first, f"{cls}|{key}")
        # A name's cluster is kept only where it is not the name itself, and the names of each
        # cluster listed only for clusters of several (most names are alone: a dict entry and a
        # list each were a few hundred bytes a name).
        root_of = self._root_of = {}
        joined: set[str] = set()
        for key in self._surfaces:  # (the keys of _labels are the same)
            root = uf.find(key)
            if root != key:
                root_of[key] = root
                joined.add(root)
        members: dict[str, list[str]] = {}
        for key in self._surfaces:
            root = root_of.get(key, key)
            if root in joined:
                members.setdefault(root, []).append(key)
        roots = sorted(chain(members, (key for key in self._surfaces if key not in root_of and key not in joined)))
        del joined
        # Only the classes with an ambiguous acronym need each written form looked up.
        ambiguous_classes = {cls for cls, _ in ambiguous}
        entities, node = self._entities, self._node
        for root in roots:
            keys = members.get(root) or (root,)
            if len(keys) == 1:  # most names: no merging of counts
                surface_counts, label_counts = _counts(self._surfaces[keys[0]]), _counts(self._labels[keys[0]])
            else:
                surface_counts, label_counts = Counter(), Counter()
                for key in keys:
                    surface_counts.update(_counts(self._surfaces[key]))
                    label_counts.update(_counts(self._labels[key]))
            if len(label_counts) == 1:
                label = next(iter(label_counts))
            else:
                label = max(label_counts, key=lambda lab: (label_counts[lab], lab == NodeLabel.BENCHMARK.value))
            if len(surface_counts) == 1:
                name = next(iter(surface_counts))
                aliases = []
            else:
                cls = _CLASS_OF[label]
                if cls in ambiguous_classes:
                    forms = {f: n for f, n in surface_counts.items() if (cls, merge_key(f)) not in ambiguous}
                else:
                    forms = surface_counts
                name = display_name(forms or surface_counts)  # an ambiguous acronym (SAM) is not a display name
                aliases = [s for s in surface_counts if s != name]
                if len(aliases) > MAX_ALIASES:
                    aliases = heapq.nsmallest(MAX_ALIASES, aliases, key=lambda s: (-surface_counts[s], s))
                aliases.sort()
            eid = entity_id(label, name)
            while eid in entities and entities[eid].name != name:
                eid += "~"
            if eid in entities:
                aliases = sorted(set(entities[eid].aliases) | set(aliases))[: 2 * MAX_ALIASES]
            entities[eid] = ResolvedEntity(eid, NodeLabel(label), name, tuple(aliases) if aliases else ())
            node[root] = eid
        assert all(e.label in ENTITY_LABELS for e in entities.values())
        return list(entities.values())

    def relations(self, paper: Paper, extraction: PaperExtraction) -> list[Relation]:
        """The relations one paper states, between resolved ids (after :meth:`entities`)."""
        return self.facts(paper, extraction)[0]

    def facts(self, paper: Paper, extraction: PaperExtraction) -> tuple[list[Relation], list[Result]]:
        """The relations and results one paper states, between resolved ids (after :meth:`entities`).
        An OUTPERFORMS claim takes the benchmark and metric of a result its sentence states, and
        failing that the metric of a result the paper states on the claim's benchmark."""
        relations: dict[tuple, Relation] = {}

        def add(rel: Relation) -> None:
            relations.setdefault((rel.source, rel.type, rel.target, rel.paper), rel)

        source_file = paper.sources[0] if paper.sources else None
        by_name: dict[str, str] = {}
        entities = self._entities
        for ent in extraction.entities:
            eid = self._node[self._cluster_of(ent.label, ent.name)]
            by_name[ent.name] = eid
            ev = ent.evidence
            common = dict(paper=paper.id, evidence=ev.sentence, start=ev.start, end=ev.end, extractor=ev.extractor,
                          confidence=ev.confidence, spans=[o for m in ev.mentions for o in m], source_file=source_file)
            role = RelType.PROPOSES if ent.role == "proposed" else RelType.USES
            add(Relation(source=paper.id, type=role, target=eid, **common))
        outperforms = []
        for rel in extraction.relations:
            ev = rel.evidence
            common = dict(paper=paper.id, evidence=ev.sentence, start=ev.start, end=ev.end, extractor=ev.extractor,
                          confidence=ev.confidence, spans=[o for m in ev.mentions for o in m], source_file=source_file)
            target = by_name.get(rel.target)
            if target is None:
                continue
            if rel.type == "EVALUATED_ON" and entities[target].label in (NodeLabel.DATASET, NodeLabel.BENCHMARK):
                add(Relation(source=paper.id, type=RelType.EVALUATED_ON, target=target, **common))
            elif rel.type == "OUTPERFORMS" and rel.source in by_name:
                source = by_name[rel.source]
                if entities[source].label is NodeLabel.METHOD and entities[target].label is NodeLabel.METHOD and source != target:
                    bench = by_name.get(rel.benchmark) if rel.benchmark else None
                    outperforms.append((source, target, bench, common))
        results = self._results(paper, extraction, by_name, source_file)
        for source, target, bench, common in outperforms:
            same_sentence = [r for r in results if r.start == common["start"]]
            if bench is None and same_sentence:
                bench = same_sentence[0].benchmark
            on_bench = [r for r in same_sentence or results if r.benchmark == bench and r.metric]
            metric = on_bench[0].metric if on_bench and bench else None
            add(Relation(source=source, type=RelType.OUTPERFORMS, target=target, benchmark=bench, metric=metric, **common))
        return list(relations.values()), results

    def _results(self, paper: Paper, extraction: PaperExtraction, by_name: dict[str, str],
                 source_file: Optional[str]) -> list[Result]:
        entities = self._entities
        results, seen = [], set()
        for found in extraction.results:
            benchmark = by_name.get(found.benchmark)
            method = by_name.get(found.method) if found.method else None
            if benchmark is None or entities[benchmark].label not in (NodeLabel.DATASET, NodeLabel.BENCHMARK):
                continue
            if found.method and (method is None or entities[method].label is not NodeLabel.METHOD):
                continue  # its method was not kept as a method: the score's owner is unknown
            metric = self._node.get(self._cluster_of(NodeLabel.METRIC, found.metric_name)) if found.metric_name else None
            key = (method, benchmark, found.value)
            if key in seen:
                continue
            seen.add(key)
            ev = found.evidence
            results.append(Result(
                id=f"{paper.id}#r{len(results) + 1}", paper=paper.id, method=method, benchmark=benchmark, metric=metric,
                metric_text=found.metric, higher_is_better=found.higher_is_better, value=found.number,
                value_text=found.value, unit=found.unit, evidence=ev.sentence, start=ev.start, end=ev.end,
                spans=[o for m in ev.mentions for o in m], extractor=ev.extractor, confidence=ev.confidence,
                source_file=source_file,
            ))
        return results


def _bump(table: dict, key, item: str, n: int) -> None:
    """Add ``n`` to the count of ``item`` under ``key``, dropping what falls to zero (so that a
    removed paper leaves the statistics a resolver that never saw it would have). Counts of one
    item counted once are kept as the item alone (see Resolver.__init__)."""
    counter = table.get(key)
    if counter is None:
        if n == 1:
            table[key] = item
            return
        counter = {}
    elif counter.__class__ is not dict:
        if n == 0:
            return
        counter = {counter: 1}
    _bump_counter(counter, item, n)
    if not counter:
        table.pop(key, None)
    elif len(counter) == 1 and next(iter(counter.values())) == 1:
        table[key] = next(iter(counter))
    else:
        table[key] = counter


def _counts(value: Union[str, dict[str, int]]) -> dict[str, int]:
    """A key's counts as a dict, whichever way :func:`_bump` keeps them."""
    return value if value.__class__ is dict else {value: 1}


def _bump_counter(counter: dict, item, n: int) -> None:
    value = counter.get(item, 0) + n
    if value > 0:
        counter[item] = value
    else:
        counter.pop(item, None)


def resolve_graph(papers: list[Paper], extractions: Iterable[PaperExtraction]) -> Graph:
    """Build the Graph: Paper nodes, resolved entity nodes, and relations with provenance."""
    paper_by_id = {p.id: p for p in papers}
    extractions = list(extractions)
    resolver = Resolver()
    for ex in extractions:
        resolver.add(ex)
    entities = resolver.entities()
    relations, results = [], []
    for ex in extractions:
        if ex.paper_id in paper_by_id:
            rels, found = resolver.facts(paper_by_id[ex.paper_id], ex)
            relations += rels
            results += found
    return Graph(papers=papers, entities=entities, relations=relations, results=results)
