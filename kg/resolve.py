"""Entity resolution across papers: per-paper extractions become one deduplicated Graph.

Rules:
- surface forms meet on :func:`kg.model.merge_key` (case, spaces, hyphens, a leading article ignored), so
  "Multi-Head Routing" and "multi-head routing" merge while "MHR" and "MHR-z", "GPT-3" and
  "GPT-4", "SAM" and "SAM 2", "MiniWoB" and "MiniWoB++" stay apart;
- an acronym and its long form, defined together in any paper, merge;
- an acronym defined with *different* long forms in different papers is ambiguous, so it is
  not used to merge those entities (SAM: Segment Anything Model vs Sharpness-Aware Minimization);
- Methods never merge with Datasets/Benchmarks; within data, the label most papers give wins;
- an entity is shown by its common short form ("GLUE"), its long forms kept as aliases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from kg.extraction import PaperExtraction
from kg.model import ENTITY_LABELS, Entity, Graph, NodeLabel, Paper, Relation, RelType, display_name, entity_id, merge_key

__all__ = ["resolve_graph"]


def _class_of(label: NodeLabel) -> str:
    return "data" if label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) else label.value


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve_graph(papers: list[Paper], extractions: Iterable[PaperExtraction]) -> Graph:
    """Build the Graph: Paper nodes, resolved entity nodes, and relations with provenance."""
    paper_by_id = {p.id: p for p in papers}
    extractions = list(extractions)

    # Short forms with more than one long form in the corpus are ambiguous.
    long_forms_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ex in extractions:
        for ent in ex.entities:
            forms = [ent.name, *ent.aliases]
            shorts = [f for f in forms if f.isupper() or len(f) <= 6]
            longs = [f for f in forms if f not in shorts]
            for short in shorts:
                for long in longs:
                    long_forms_of[(_class_of(ent.label), merge_key(short))].add(merge_key(long))

    uf = _UnionFind()
    for ex in extractions:
        for ent in ex.entities:
            cls = _class_of(ent.label)
            keys = []
            for form in [ent.name, *ent.aliases]:
                key = merge_key(form)
                if len(long_forms_of.get((cls, key), ())) > 1 and key != merge_key(ent.name):
                    continue
                keys.append(f"{cls}|{key}")
            for key in keys[1:]:
                uf.union(keys[0], key)

    # Gather surface forms, labels and names per cluster.
    surfaces: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, Counter] = defaultdict(Counter)

    def cluster_of(ent) -> str:
        return uf.find(f"{_class_of(ent.label)}|{merge_key(ent.name)}")

    for ex in extractions:
        for ent in ex.entities:
            root = cluster_of(ent)
            labels[root][ent.label] += 1
            names[root][ent.name] += 1
            for form in [ent.name, *ent.aliases]:
                surfaces[root][form] += 1

    node_id: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    for root in sorted(surfaces):
        label_counts = labels[root]
        label = max(label_counts, key=lambda lab: (label_counts[lab], lab is NodeLabel.BENCHMARK))
        # The common short form ("GLUE"); the long forms are aliases.
        cls = _class_of(label)
        forms = {f: n for f, n in surfaces[root].items() if len(long_forms_of.get((cls, merge_key(f)), ())) <= 1}
        name = display_name(forms or surfaces[root])  # an ambiguous acronym (SAM) is not a display name
        eid = entity_id(label, name)
        while eid in entities and entities[eid].name != name:
            eid += "~"
        aliases = sorted({s for s in surfaces[root] if s != name})
        if eid in entities:
            aliases = sorted(set(entities[eid].aliases) | set(aliases))
        entities[eid] = Entity(id=eid, label=label, name=name, aliases=aliases)
        node_id[root] = eid

    relations: dict[tuple, Relation] = {}

    def add(rel: Relation) -> None:
        relations.setdefault((rel.source, rel.type, rel.target, rel.paper), rel)

    for ex in extractions:
        paper = paper_by_id.get(ex.paper_id)
        if paper is None:
            continue
        source_file = paper.sources[0] if paper.sources else None
        by_name: dict[str, str] = {}
        for ent in ex.entities:
            eid = node_id[cluster_of(ent)]
            by_name[ent.name] = eid
            ev = ent.evidence
            common = dict(paper=paper.id, evidence=ev.sentence, start=ev.start, end=ev.end, extractor=ev.extractor,
                          confidence=ev.confidence, spans=[o for m in ev.mentions for o in m], source_file=source_file)
            add(Relation(source=paper.id, type=RelType.MENTIONS, target=eid, **common))
            role = RelType.PROPOSES if ent.role == "proposed" else RelType.USES
            add(Relation(source=paper.id, type=role, target=eid, **common))
        for rel in ex.relations:
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
                    add(Relation(source=source, type=RelType.OUTPERFORMS, target=target, benchmark=bench, **common))
    assert all(e.label in ENTITY_LABELS for e in entities.values())
    return Graph(papers=papers, entities=list(entities.values()), relations=list(relations.values()))
