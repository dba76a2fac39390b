from __future__ import annotations

import pytest

from kg.extraction import Evidence, ExtractedEntity, ExtractedRelation, PaperExtraction
from kg.model import NodeLabel, Paper, RelType
from kg.resolve import resolve_graph

EV = Evidence(sentence="s", start=0, end=1, extractor="test")


def ent(name, label=NodeLabel.METHOD, aliases=(), role="used"):
    return ExtractedEntity(name=name, aliases=list(aliases), label=label, role=role, evidence=EV)


def graph_of(*per_paper):
    papers = [Paper(id=f"p{i}", title=f"T{i}", abstract="A.") for i in range(len(per_paper))]
    extractions = [PaperExtraction(paper_id=f"p{i}", entities=list(ents)) for i, ents in enumerate(per_paper)]
    return resolve_graph(papers, extractions)


def names(graph):
    return sorted((e.label.value, e.name) for e in graph.entities)


def test_resolve_acronym_and_long_form_merge_across_papers():
    g = graph_of([ent("Multi-Head Routing", aliases=["MHR"])], [ent("MHR")], [ent("multi-head routing")])
    assert len(g.entities) == 1
    (entity,) = g.entities
    assert entity.name == "MHR"  # the common short form; the long forms are aliases
    assert set(entity.aliases) == {"Multi-Head Routing", "multi-head routing"}


def test_resolve_article_and_case_variants_merge():
    g = graph_of([ent("THE COLOSSEUM", NodeLabel.BENCHMARK)], [ent("Colosseum", NodeLabel.BENCHMARK)])
    assert [e.name for e in g.entities] == ["Colosseum"]


def test_resolve_keeps_names_of_different_things_apart():
    g = graph_of(
        [ent("MHR"), ent("MHR-z"), ent("GPT-3"), ent("SAM")],
        [ent("GPT-4"), ent("SAM 2"), ent("MiniWoB", NodeLabel.BENCHMARK), ent("MiniWoB++", NodeLabel.BENCHMARK)],
    )
    assert len(g.entities) == 8


def test_resolve_ambiguous_acronym_does_not_merge_its_long_forms():
    g = graph_of(
        [ent("Segment Anything Model", aliases=["SAM"])],
        [ent("Sharpness-Aware Minimization", aliases=["SAM"])],
    )
    assert names(g) == [("Method", "Segment Anything Model"), ("Method", "Sharpness-Aware Minimization")]


def test_resolve_never_merges_methods_with_datasets():
    g = graph_of([ent("COCO", NodeLabel.DATASET)], [ent("COCO", NodeLabel.METHOD)])
    assert names(g) == [("Dataset", "COCO"), ("Method", "COCO")]


def test_resolve_data_label_by_majority():
    g = graph_of([ent("GLUE", NodeLabel.BENCHMARK)], [ent("GLUE", NodeLabel.BENCHMARK)], [ent("GLUE", NodeLabel.DATASET)])
    assert names(g) == [("Benchmark", "GLUE")]


def test_resolve_relations_carry_provenance_and_are_deduplicated():
    papers = [Paper(id="p", title="T", abstract="A.", sources=["f.txt:3"])]
    extraction = PaperExtraction(
        paper_id="p",
        entities=[ent("MHR", role="proposed"), ent("Poly"), ent("SuperNI", NodeLabel.BENCHMARK)],
        relations=[
            ExtractedRelation(type="OUTPERFORMS", source="MHR", target="Poly", benchmark="SuperNI", evidence=EV),
            ExtractedRelation(type="EVALUATED_ON", target="SuperNI", evidence=EV),
            ExtractedRelation(type="EVALUATED_ON", target="SuperNI", evidence=EV),
        ],
    )
    g = resolve_graph(papers, [extraction])
    counts = g.counts()["relationships"]
    assert counts == {"PROPOSES": 1, "USES": 2, "OUTPERFORMS": 1, "EVALUATED_ON": 1}  # one role per pair
    (outperforms,) = [r for r in g.relations if r.type is RelType.OUTPERFORMS]
    assert (outperforms.paper, outperforms.benchmark, outperforms.source_file) == ("p", "benchmark:superni", "f.txt:3")


def test_a_resolver_that_forgot_its_statistics_gives_the_same_facts_and_no_state():
    """A build saves the statistics and lets them go before the relations of every paper (1.5 GB
    at a million papers of new text): the facts need only the clusters."""
    from kg.resolve import Resolver

    paper = Paper(id="p", title="T", abstract="A.")
    extraction = PaperExtraction(
        paper_id="p", entities=[ent("Multi-Head Routing", aliases=["MHR"], role="proposed"), ent("Poly"),
                                ent("SuperNI", NodeLabel.BENCHMARK)],
        relations=[ExtractedRelation(type="OUTPERFORMS", source="Multi-Head Routing", target="Poly", benchmark="SuperNI",
                                     evidence=EV),
                   ExtractedRelation(type="EVALUATED_ON", target="SuperNI", evidence=EV)])
    other = PaperExtraction(paper_id="q", entities=[ent("MHR"), ent("Super-NaturalInstructions", NodeLabel.BENCHMARK,
                                                                    aliases=["SuperNI"])])
    resolvers = [Resolver(), Resolver()]
    for resolver in resolvers:
        resolver.add(extraction)
        resolver.add(other)
        resolver.resolved()
    kept, forgetful = resolvers
    forgetful.forget_statistics()
    assert forgetful.facts(paper, extraction) == kept.facts(paper, extraction)
    assert {r.type for r in forgetful.facts(paper, extraction)[0]} == {
        RelType.PROPOSES, RelType.USES, RelType.OUTPERFORMS, RelType.EVALUATED_ON}
    with pytest.raises(RuntimeError, match="forgotten"):
        forgetful.state()


def test_resolve_ids_are_deterministic():
    first = graph_of([ent("Multi-Head Routing", aliases=["MHR"])])
    second = graph_of([ent("Multi-Head Routing", aliases=["MHR"])])
    assert [e.id for e in first.entities] == [e.id for e in second.entities] == ["method:mhr"]


def test_resolver_statistics_after_removals_equal_a_fresh_resolvers_and_keep_single_counts_small():
    """A name counted once keeps its item alone, not a dict (most names of a large corpus); taking
    papers out leaves exactly the statistics of a resolver that never saw them, whatever form
    each count passed through."""
    import random

    from kg.resolve import Resolver

    pool = [ent("Multi-Head Routing", aliases=["MHR"]), ent("MHR"), ent("MHR", NodeLabel.DATASET), ent("ZetaNet"),
            ent("zetanet"), ent("Mixture of Routers", aliases=["MHR"]), ent("GLUE", NodeLabel.BENCHMARK),
            ent("General Language Understanding Evaluation", NodeLabel.BENCHMARK, aliases=["GLUE"])]
    rng = random.Random(7)
    papers = [PaperExtraction(paper_id=f"p{i}", entities=rng.sample(pool, rng.randint(1, 4))) for i in range(40)]
    kept = [p for p in papers if rng.random() < 0.5]
    churned = Resolver()
    for p in papers:
        churned.add(p)
    for p in papers:
        if p not in kept:
            churned.remove(p)
    fresh = Resolver()
    for p in kept:
        fresh.add(p)
    assert churned.state() == fresh.state()
    assert sorted((e.id, e.name, e.aliases) for e in churned.entities()) == sorted((e.id, e.name, e.aliases) for e in fresh.entities())
    once = Resolver()
    once.add(PaperExtraction(paper_id="p", entities=[ent("ZetaNet")]))
    assert once.state()["surfaces"] == {"Method|zetanet": "ZetaNet"} and once.state()["labels"] == {"Method|zetanet": "Method"}


def test_resolve_an_entity_written_many_ways_keeps_its_most_written_forms_as_aliases():
    """Every alias is a lookup key related to each paper on the entity: an entity written in
    hundreds of ways keeps the MAX_ALIASES forms most papers write, and every form still
    resolves to it."""
    from kg.resolve import MAX_ALIASES

    long_form = "Cow Localization Benchmark"
    papers = [[ent(long_form, NodeLabel.DATASET, aliases=[f"COLO{i}"])] for i in range(MAX_ALIASES + 40)]
    papers += [[ent(long_form, NodeLabel.DATASET, aliases=["COLO"])]] * 3
    g = graph_of(*papers)
    (entity,) = g.entities
    assert entity.name == "COLO" and len(entity.aliases) == MAX_ALIASES and long_form in entity.aliases
    assert entity.aliases == sorted(entity.aliases)
    assert {r.target for r in g.relations} == {entity.id}  # (every paper's mention, whatever its form)
