"""The validation table: how extraction does on text it was not tuned on.

    python scripts/validate.py [--folds 5] [--shared ../shared] [--quick]

For each development gold (``dev``: 150 abstracts of the sample corpus; ``ood_dev``: 100 older,
PDF-derived abstracts) it prints the reference scorer's F1 for the rules alone, for the pipeline
with the learned typer *cross-validated* (each abstract typed by a model trained without it), and
for the shipped model (trained on everything, so not an estimate). For the public corpora of
``../shared/train`` it prints lenient named-span P/R/F1 (a predicted mention overlapping a gold
span of the same kind) on held-out folds. A rule change that raises ``dev`` and lowers
``ood_dev`` is a regression.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from confection import Config  # noqa: E402

from extractors.pipeline import load_pipeline  # noqa: E402
from extractors.training import (  # noqa: E402
    DEFAULT_SHARED, Record, cross_validate, load_source, record_entities, record_relations, span_scores,
)
from extractors.entity_typer import EntityTyper  # noqa: E402
from kg.evaluate import score  # noqa: E402
from kg.extraction import PaperExtraction  # noqa: E402

TYPER_CFG = ROOT / "extractors" / "typer.cfg"
REL_KINDS = ("entities", "proposed", "evaluated_on", "outperforms", "results")
SPAN_SETS = (  # (corpus, its split or "" for all, gold kind, description)
    ("heddes", "", "Data", "dataset names, Heddes et al. sentences (PDF text)"),
    ("tdmsci", "", "Data", "dataset names, TDMSci sentences"),
    ("scierc", "dev", "Method", "named methods, SciERC dev abstracts"),
    # (The train split's 350 abstracts, each held out from the typer of its fold: a larger sample
    # of the same convention than the 50 dev abstracts, which score higher.)
    ("scierc", "train", "Method", "named methods, SciERC train abstracts (CV folds)"),
    ("scierc", "dev", "Data", "named datasets, SciERC dev abstracts"),
)
LABEL_KIND = {"Method": "Method", "Dataset": "Data", "Benchmark": "Data"}


def predictions(records: list[Record], outputs: dict) -> dict:
    preds = {}
    for r in records:
        entities, relations, results = outputs[r.id]
        preds[r.id] = PaperExtraction(paper_id=r.id, entities=entities, relations=relations, results=results).to_prediction()
    return preds


def paper_scores(records: list[Record], outputs: dict) -> dict:
    gold = {r.id: r.gold for r in records}
    return score(gold, predictions(records, outputs))


def span_table(records: list[Record], outputs: dict, kind: str) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for r in records:
        entities = [{"label": e.label.value, "spans": e.spans} for e in outputs[r.id][0]]
        counts = span_scores(r, entities, LABEL_KIND).get(kind, [0, 0, 0])
        tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return p, rec, (2 * p * rec / (p + rec) if p + rec else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder (eval/, train/)")
    parser.add_argument("--folds", type=int, default=None, help="cross-validation folds (default: typer.cfg)")
    parser.add_argument("--quick", action="store_true", help="skip cross-validation (rules and shipped model only)")
    args = parser.parse_args()
    config = Config().from_disk(TYPER_CFG)
    settings, weights = dict(config["training"]), dict(config["sources"])
    folds = args.folds or settings["folds"]
    started = time.perf_counter()
    sources = {name: load_source(name, args.shared) for name in ("dev", "ood_dev", "scierc", "tdmsci", "heddes")}
    everything = [r for records in sources.values() for r in records]
    nlp = load_pipeline()
    component = nlp.get_pipe("kg_relations")
    shipped = component.typer

    scorer = component.scorer
    rules_out = _run(nlp, everything, None, None)  # the rules alone: no typer, no relation scorer
    shipped_out = _run(nlp, everything, shipped, scorer)  # trained on all of these: not an estimate
    rows = [("rules only", rules_out)]
    if not args.quick:
        recorded, _ = record_entities(nlp, everything, None)
        golds = [r for r in everything if r.gold is not None]
        relations = record_relations(nlp, golds, None)
        kinds = list(config["relations"]["kinds"])
        rows.append((f"rules + typer, {folds}-fold CV (held out)",
                     cross_validate(nlp, everything, recorded, settings, weights, folds)))
        rows.append((f"rules + typer + scorer ({', '.join(kinds)}), {folds}-fold CV (held out)",
                     cross_validate(nlp, everything, recorded, settings, weights, folds, relations, kinds)))
        rows.append((f"rules + typer + scorer (all relations), {folds}-fold CV (held out)",
                     cross_validate(nlp, everything, recorded, settings, weights, folds, relations,
                                    ("EVALUATED_ON", "OUTPERFORMS"))))
    rows.append(("shipped pipeline (trained on these: not an estimate)", shipped_out))
    component.typer, component.scorer = shipped, scorer

    print(f"| set | pipeline | {' | '.join(REL_KINDS)} |")
    print("| --- | --- |" + " --- |" * len(REL_KINDS))
    for name in ("dev", "ood_dev"):
        for label, outputs in rows:
            if sources[name][0].id not in outputs:
                continue
            s = paper_scores(sources[name], outputs)
            print(f"| {name} | {label} | " + " | ".join(f"{s[k]['f1']:.3f}" for k in REL_KINDS if k in s) + " |")
    print()
    print("| corpus (lenient named spans) | pipeline | P | R | F1 |")
    print("| --- | --- | --- | --- | --- |")
    for corpus, split, kind, description in SPAN_SETS:
        records = [r for r in sources[corpus] if not split or r.split == split]
        for label, outputs in rows:
            if "shipped" in label or "scorer" in label or records[0].id not in outputs:
                continue  # (the relation scorer changes no entity)
            p, r, f = span_table(records, outputs, kind)
            print(f"| {description} | {label} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print(f"\n({time.perf_counter() - started:.0f} s)")


def _run(nlp, records: list[Record], typer, scorer) -> dict:
    """(entities, relations) per record id, with ``typer`` and ``scorer`` deciding (None: the rules)."""
    from extractors.pipeline import make_doc

    component = nlp.get_pipe("kg_relations")
    component.typer, component.scorer = typer, scorer
    docs = ((make_doc(nlp, r.text), r.id) for r in records)
    return {rid: (doc._.kg_entities, doc._.kg_relations, doc._.kg_results) for doc, rid in nlp.pipe(docs, as_tuples=True, batch_size=64)}


if __name__ == "__main__":
    main()
