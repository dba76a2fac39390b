"""The learned typer: training on a tiny fixture gives an artefact that loads and predicts; the
shipped model loads; partial labels and the typer's scope behave as documented."""

from __future__ import annotations

import numpy as np
import pytest

from extractors.entity_typer import DEFAULT_MODEL, EntityTyper, RecordingTyper, TyperModel, name_features, train
from extractors.training import Record, examples_of, labelled_examples, record_entities, train_typer

SETTINGS = dict(seed=0, epochs=40, learning_rate=0.3, l2=1e-4, min_count=1, batch_size=8)


def test_entity_typer_partial_labels_are_learned():
    rows = [["ctx=dataset"]] * 6 + [["ctx=network"]] * 6
    allowed = [("Data",)] * 3 + [("Data", "None")] * 3 + [("Method",)] * 3 + [("None", "Method")] * 3
    model = train(rows, allowed, epochs=40, learning_rate=0.3, min_count=1)
    p = model.probabilities([["ctx=dataset"], ["ctx=network"], ["unseen"]])
    assert model.labels[int(p[0].argmax())] == "Data" and model.labels[int(p[1].argmax())] == "Method"
    assert np.allclose(p.sum(axis=1), 1.0)


def test_entity_typer_training_is_deterministic():
    rows = [["a", "b"], ["b"], ["c"], ["a"]]
    allowed = [("Method",), ("Data",), ("None", "Task"), ("Method",)]
    one, two = train(rows, allowed, seed=3), train(rows, allowed, seed=3)
    assert np.array_equal(one.weights, two.weights) and np.array_equal(one.bias, two.bias)


def test_entity_typer_trains_on_a_tiny_corpus_saves_loads_and_predicts(nlp, tmp_path):
    texts = [
        "Results on the FooSet dataset show gains.",
        "We train on BarSet and test on the QuxSet dataset.",
        "Our network ZapNet beats the ZipNet model.",
        "The WugNet model is trained on the KazSet dataset.",
    ]
    records = []
    for i, text in enumerate(texts):
        spans = [(text.index(w), text.index(w) + len(w), "Data", True) for w in ("FooSet", "BarSet", "QuxSet", "KazSet")
                 if w in text]
        records.append(Record(f"r{i}", "heddes", "", text, spans=spans))
    recorded, _ = record_entities(nlp, records, None)
    examples = labelled_examples(records, recorded, {"heddes": 1.0})
    assert examples, "the rules found names the typer can learn from"
    model = train_typer(examples, SETTINGS)
    model.save(tmp_path / "typer")
    loaded = TyperModel.load(tmp_path / "typer")
    assert loaded.labels == model.labels and loaded.index == model.index
    kinds = EntityTyper(loaded).decide([feats for feats, _, _ in examples], ["Method"] * len(examples))
    assert set(kinds) <= {"Method", "Data", "Task", "Metric"} and len(kinds) == len(examples)


def test_entity_typer_examples_from_gold_match_surface_forms_and_skip_partial_matches():
    record = Record("p", "dev", "T", "x", gold={"entities": [
        {"name": "PASCAL VOC 2012", "aliases": [], "type": "Dataset"},
        {"name": "Multi-Head Routing", "aliases": ["MHR"], "type": "Method", "optional": True},
    ]})
    entities = [
        {"features": ["a"], "surfaces": ["MHR"], "mentions": [[0, 3]]},
        {"features": ["b"], "surfaces": ["PASCAL VOC"], "mentions": [[5, 15]]},
        {"features": ["c"], "surfaces": ["Foo"], "mentions": [[20, 23]]},
    ]
    assert examples_of(record, entities) == [(["a"], ("Method", "None")), (["c"], ("None", "Task", "Metric"))]


def test_entity_typer_shipped_model_loads_and_the_default_pipeline_uses_it(nlp):
    typer = EntityTyper.load(DEFAULT_MODEL)
    assert typer.model.labels == ("None", "Method", "Data", "Task", "Metric")
    assert isinstance(nlp.get_pipe("kg_relations").typer, EntityTyper)
    assert typer.decide([list(name_features("CelebA")) + ["R1=dataset", "L1=the"]], ["Method"]) == ["Data"]


def test_entity_typer_types_only_names_the_rules_left_untyped(nlp):
    """A recording typer sees only unsettled names: the gazetteer's and "X dataset"'s are settled."""
    component = nlp.get_pipe("kg_relations")
    recorder, previous = RecordingTyper(None), component.typer
    component.typer = recorder
    try:
        nlp("T\n\nWe evaluate ZorbNet on ImageNet and the Kolmo dataset.")
    finally:
        component.typer = previous
    (seen,) = recorder.take()
    assert [e["surfaces"] for e in seen] == [["ZorbNet"]]


@pytest.mark.parametrize("text, name, label", [
    ("T\n\nWe report results on the WMT 2014 English-German task and on CelebA faces.", "WMT 2014", "Benchmark"),
    ("T\n\nExperiments on CelebA show the gains.", "CelebA", "Dataset"),
    ("T\n\nOn DAQUAR and VQA, our model is better.", "DAQUAR", "Dataset"),
])
def test_entity_typer_dataset_vs_method_error_class(nlp, text, name, label):
    """Names of data typed as methods was an error class of older abstracts ("WMT 2014", "CelebA")."""
    doc = nlp(text)
    found = {e.name: e.label.value for e in doc._.kg_entities}
    assert found.get(name) == label, found


def test_mentions_are_doc_spans_and_ents_and_relations_carry_mention_offsets(nlp):
    from extractors.render import displacy_mentions, render_html

    text = "ZetaNet\n\nWe propose ZetaNet. ZetaNet outperforms GPT-4 on (MMLU)."
    doc = nlp(text)
    assert {(s.text, s.label_) for s in doc.spans["kg_mentions"]} >= {("ZetaNet", "Method"), ("(MMLU).", "Benchmark")}
    assert {e.label_ for e in doc.ents} == {"Method", "Benchmark"}
    outperforms = next(r for r in doc._.kg_relations if r.type == "OUTPERFORMS")
    assert [text[a:b] for a, b in outperforms.evidence.mentions] == ["ZetaNet", "GPT-4"]
    evaluated = next(r for r in doc._.kg_relations if r.type == "EVALUATED_ON")
    assert [text[a:b] for a, b in evaluated.evidence.mentions] == ["MMLU"]
    assert {text[m["start"]:m["end"]] for m in displacy_mentions(doc)["ents"]} == {"ZetaNet", "GPT-4", "MMLU"}
    assert "GPT-4" in render_html(doc, page=False)

