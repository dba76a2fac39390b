"""Train the statistical NER of the opt-in ``--with-ner`` mode and measure, with k-fold
cross-validation on the development gold, whether it helps.

Training data:
- gold: the development abstracts (``../shared/eval``), every occurrence of each non-optional
  gold name or alias labelled METHOD or DATA;
- silver: the sample corpus's other abstracts, labelled by the rule pipeline itself.

    python scripts/train_ner.py --folds 3        # cross-validated scores with and without NER
    python scripts/train_ner.py --save           # train on everything, write extractors/models/ner

Seeds are fixed; the saved model is small (a hash-embedding CNN), committed, and never fetched.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import filter_spans, fix_random_seed, minibatch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.pipeline import extract_papers, load_pipeline  # noqa: E402
from extractors.text import name_occurrences  # noqa: E402
from kg.build import read_papers  # noqa: E402
from kg.evaluate import load_records, score  # noqa: E402
from kg.model import Paper, title_key  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
MODEL_DIR = ROOT / "extractors" / "models" / "ner"
NER_CONFIG = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 2,
            "embed_size": 2000,
            "window_size": 1,
            "maxout_pieces": 2,
            "subword_features": True,
        },
    }
}


def make_example(nlp, text: str, names: list[tuple[str, str]]) -> Example:
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in names:
        for start, end in name_occurrences(text, surface):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    entities = [(s.start_char, s.end_char, s.label_) for s in filter_spans(spans)]
    return Example.from_dict(doc, {"entities": entities})


def gold_examples(nlp, papers: dict[str, Paper], gold: dict[str, dict]) -> dict[str, Example]:
    out = {}
    for pid, record in gold.items():
        names = []
        for entity in record["entities"]:
            if entity.get("optional"):
                continue
            label = "METHOD" if entity["type"] == "Method" else "DATA"
            names += [(form, label) for form in [entity["name"], *entity.get("aliases", [])] if form]
        out[pid] = make_example(nlp, papers[pid].text, names)
    return out


def silver_examples(nlp, papers: list[Paper]) -> list[Example]:
    examples = []
    for paper, extraction in zip(papers, extract_papers(papers)):
        names = []
        for entity in extraction.entities:
            if entity.label.value in ("Method", "Dataset", "Benchmark"):
                label = "METHOD" if entity.label.value == "Method" else "DATA"
                names += [(form, label) for form in [entity.name, *entity.aliases]]
        examples.append(make_example(nlp, paper.text, names))
    return examples


def train(examples: list[Example], *, epochs: int, seed: int = 0):
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", config=NER_CONFIG)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"  epoch {epoch + 1:2d} loss {losses.get('ner', 0):.1f}", flush=True)
    return nlp


def predictions(papers: list[Paper], ner_path=None) -> list[dict]:
    from extractors.pipeline import NER_CONFIG

    nlp = load_pipeline(NER_CONFIG) if ner_path else load_pipeline()
    if ner_path:
        nlp.get_pipe("kg_ner").load_model(ner_path)
    out = []
    for paper, extraction in zip(papers, extract_papers(papers, nlp=nlp)):
        record = extraction.to_prediction()
        record["id"] = paper.input_id
        out.append(record)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--save", action="store_true", help="train on all data and save the model")
    args = parser.parse_args()

    gold = load_records(EVAL / "dev_gold.jsonl")
    dev_papers = {}
    for line in (EVAL / "dev_papers.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        dev_papers[record["id"]] = Paper(id=record["id"], title=record["title"], abstract=record["abstract"],
                                         input_id=record["id"])
    dev_titles = {title_key(p.title) for p in dev_papers.values()}
    sample, _, _ = read_papers([ROOT / "data" / "hf-daily-papers"])
    others = [p for p in sample if title_key(p.title) not in dev_titles]
    blank = spacy.blank("en")
    print(f"gold abstracts: {len(dev_papers)}; silver abstracts (sample minus dev): {len(others)}")
    silver = silver_examples(blank, others)
    gold_ex = gold_examples(blank, dev_papers, gold)

    if args.save:
        nlp = train(silver + list(gold_ex.values()), epochs=args.epochs)
        MODEL_DIR.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(MODEL_DIR)
        print(f"saved {MODEL_DIR}")
        return

    ids = sorted(dev_papers)
    random.Random(13).shuffle(ids)
    folds = [ids[i :: args.folds] for i in range(args.folds)]
    with_ner: list[dict] = []
    for k, held_out in enumerate(folds):
        train_set = silver + [gold_ex[i] for i in ids if i not in held_out]
        print(f"fold {k + 1}/{args.folds}: training on {len(train_set)} abstracts, testing on {len(held_out)}")
        nlp = train(train_set, epochs=args.epochs)
        with tempfile.TemporaryDirectory() as tmp:
            nlp.to_disk(tmp)
            with_ner += predictions([dev_papers[i] for i in held_out], ner_path=Path(tmp))
    without = predictions(list(dev_papers.values()))
    for name, preds in (("rules only", without), (f"rules + NER ({args.folds}-fold CV)", with_ner)):
        result = score(gold, {p["id"]: p for p in preds})
        print(f"{name:28s} " + "  ".join(f"{k} {result[k]['f1']:.3f}" for k in
                                          ("entities", "proposed", "evaluated_on", "outperforms")))


if __name__ == "__main__":
    main()
