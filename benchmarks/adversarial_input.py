"""Adversarial inputs run in time linear in their size: a URL followed by closing brackets, nested
abbreviation definitions, deeply nested brackets. Prints seconds per size and the ratio of the
largest to the smallest per unit of size (about 1 when linear).

    python benchmarks/adversarial_input.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.pipeline import extract_papers, load_pipeline  # noqa: E402
from kg.model import Paper  # noqa: E402
from kg.readers import MAX_ABSTRACT, find_urls  # noqa: E402


def seconds(run, text: str) -> float:
    started = time.process_time()
    run(text)
    return time.process_time() - started


def main() -> None:
    nlp = load_pipeline()

    def extract(text: str) -> None:
        list(extract_papers([Paper.model_construct(id="p", title="T", abstract=text, urls=[])], nlp=nlp))

    cases = {
        "URL then ')' x n (find_urls)": (find_urls, lambda n: "See https://x.org/a" + ")" * n, (25_000, 100_000, 400_000)),
        "nested abbreviations (extraction)": (
            extract, lambda n: "".join(f"Long Form Name{i} (LFN{i} " for i in range(n // 16)) + ")" * (n // 16),
            (MAX_ABSTRACT // 4, MAX_ABSTRACT // 2, MAX_ABSTRACT)),
        "nested brackets (extraction)": (extract, lambda n: "We propose " + "(" * (n // 2) + "X" + ")" * (n // 2),
                                         (MAX_ABSTRACT // 4, MAX_ABSTRACT // 2, MAX_ABSTRACT)),
    }
    for name, (run, make, sizes) in cases.items():
        run(make(sizes[0]))  # warm-up
        timings = [(size, seconds(run, make(size))) for size in sizes]
        per_unit = [t / size for size, t in timings]
        print(f"{name}: " + ", ".join(f"{size:,} chars {t:.3f} s" for size, t in timings)
              + f"; largest/smallest per char {per_unit[-1] / per_unit[0]:.2f}")


if __name__ == "__main__":
    main()
