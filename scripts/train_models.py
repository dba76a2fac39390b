"""Train the learned components and write them under extractors/models/: the entity typer
(extractors/entity_typer.py -> models/typer) and the relation scorer (extractors/relation_scorer.py
-> models/relations, for the relation types typer.cfg's [relations] names).

    python scripts/train_models.py [--shared ../shared]

Every text of ``../shared/eval`` (dev, ood_dev) and ``../shared/train`` (SciERC, TDMSci, Heddes)
goes through the rules once; each name whose kind no rule settled becomes one example, labelled
from the gold (partially, for corpora that annotate only some kinds: see extractors/training.py).
Settings and seed come from ``extractors/typer.cfg``; the same data and settings give the same
weights, byte for byte (the script prints their digest). Held-out figures: scripts/validate.py.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from confection import Config  # noqa: E402

from extractors.entity_typer import DEFAULT_MODEL  # noqa: E402
from extractors.pipeline import load_pipeline  # noqa: E402
from extractors.relation_scorer import DEFAULT_MODEL as SCORER_MODEL  # noqa: E402
from extractors.training import (  # noqa: E402
    DEFAULT_SHARED, SOURCES, labelled_examples, load_source, record_entities, record_relations, relation_examples,
    train_relation_scorer, train_typer,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL, help="typer folder")
    parser.add_argument("--scorer-out", type=Path, default=SCORER_MODEL, help="relation scorer folder")
    parser.add_argument("--config", type=Path, default=ROOT / "extractors" / "typer.cfg")
    args = parser.parse_args()
    config = Config().from_disk(args.config)
    settings, weights = dict(config["training"]), dict(config["sources"])
    records = [r for name in SOURCES for r in load_source(name, args.shared)]
    nlp = load_pipeline()
    recorded, _ = record_entities(nlp, records, None)
    examples = labelled_examples(records, recorded, weights)
    by_source = Counter(r.source for r in records for _ in recorded[r.id])
    print(f"{len(records)} texts, {len(examples)} examples ({', '.join(f'{k} {v}' for k, v in sorted(by_source.items()))})")
    model = train_typer(examples, settings)
    model.settings["sources"] = weights
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.index)} features, {_describe(args.out)})")

    golds = [r for r in records if r.gold is not None]
    candidates = record_relations(nlp, golds, None)
    kinds = list(config["relations"]["kinds"])
    examples: dict[str, list] = {kind: [] for kind in kinds}
    for r in golds:
        for kind, rows in relation_examples(r, *candidates[r.id]).items():
            if kind in examples:
                examples[kind] += rows
    scorer = train_relation_scorer(examples, settings)
    if args.scorer_out.exists():
        for old in args.scorer_out.iterdir():
            if old.is_dir() and old.name.upper() not in kinds:
                for f in old.iterdir():
                    f.unlink()
                old.rmdir()
    scorer.save(args.scorer_out)
    for kind in kinds:
        print(f"wrote {args.scorer_out / kind.lower()} ({len(examples[kind])} candidates, {_describe(args.scorer_out / kind.lower())})")


def _describe(folder: Path) -> str:
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in sorted(folder.iterdir()))).hexdigest()
    return f"{sum(f.stat().st_size for f in folder.iterdir()) / 1024:.0f} KiB, sha256 {digest[:16]}"


if __name__ == "__main__":
    main()
