"""Train the entity typer (extractors/entity_typer.py) and write it to extractors/models/typer.

    python scripts/train_typer.py [--shared ../shared] [--out extractors/models/typer]

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
from extractors.training import DEFAULT_SHARED, SOURCES, labelled_examples, load_source, record_entities, train_typer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
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
    digest = hashlib.sha256((args.out / "weights.npy").read_bytes() + (args.out / "model.json").read_bytes()).hexdigest()
    size = sum(f.stat().st_size for f in args.out.iterdir())
    print(f"wrote {args.out} ({len(model.index)} features, {size / 1024:.0f} KiB, sha256 {digest[:16]})")


if __name__ == "__main__":
    main()
