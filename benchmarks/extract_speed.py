"""Extraction speed: the full default pipeline against ``spacy.blank("en")`` tokenization of the
same texts, in the same run; then the pipeline with 2 processes; then resident memory along a
long stream of text it has not seen (it must stay flat: nothing accumulates per abstract).

    python benchmarks/extract_speed.py [--n 3000] [--stream 100000]
    python benchmarks/extract_speed.py --baseline GITREF [--n 3000]
    python benchmarks/extract_speed.py --compiled-vs-python [--n 3000]

With ``--baseline`` it compares this checkout's pipeline with the one of an earlier commit (checked
out into a temporary git worktree), both run in worker processes on the same abstracts, chunk by
chunk in alternating order, and prints the median per-chunk time ratio: a change's cost on speed,
measured in one run (both sides as Python). ``--compiled-vs-python`` compares, the same way, the
extraction modules compiled at install (setup.py) with the same modules as Python.

Two kinds of text: the sample corpus's abstracts cycled (every word seen before: warm caches),
and *unseen* text, the sample's abstracts with their coined names numbered per copy ("ZetaNet"
-> "ZetaNet123") and one word in twenty replaced by a new random word, as a stream of new papers
brings new names and words. On unseen text both sides pay for every new word (spaCy makes a
lexeme, the pipeline's word tests run once per word).

Last, the warm cost of each step of the pipeline in microseconds an abstract (every word known):
where a faster pipeline would have to save.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
from pathlib import Path

import spacy

from extractors import compiled_in_use
from extractors.pipeline import DEFAULT_CONFIG, PRESENTATION_COMPONENTS, extract_papers, load_pipeline, make_doc
from kg.build import read_papers
from kg.model import Paper

ROOT = Path(__file__).resolve().parent.parent


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sample_papers() -> list[Paper]:
    papers, _, _ = read_papers([ROOT / "data" / "hf-daily-papers"])
    return papers


def cycled(papers: list[Paper], n: int):
    for i, paper in enumerate(itertools.islice(itertools.cycle(papers), n)):
        yield paper.model_copy(update={"id": f"{paper.id}#{i}"})


def unseen(papers: list[Paper], n: int, *, start: int = 0, seed: int = 1):
    """``n`` papers of new text (see the module docstring), numbered from ``start``."""
    import random
    import string

    rng = random.Random(seed + start)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))

    for i in range(start, start + n):
        base = papers[i % len(papers)]
        words = [w + str(i) if any(c.isupper() for c in w[1:]) else (word() if rng.random() < 0.05 else w)
                 for w in base.abstract.split()]
        yield Paper(id=f"unseen:{i}", title=f"{base.title} {i}", abstract=" ".join(words))


def component_costs(nlp, papers: list[Paper], repeats: int = 5) -> dict[str, float]:
    """Microseconds an abstract each step of the pipeline takes on the sample, every word already
    known (outside any memory zone), the best of ``repeats``: where the time goes."""
    texts = [p.text for p in papers]
    best: dict[str, float] = {}
    for _ in range(repeats):
        started = time.process_time()
        docs = [make_doc(nlp, text) for text in texts]
        timings = {"make_doc": time.process_time() - started}
        for name, component in nlp.pipeline:
            started = time.process_time()
            docs = list(component.pipe(docs))
            timings[name] = time.process_time() - started
        for name, seconds in timings.items():
            best[name] = min(best.get(name, float("inf")), seconds * 1e6 / len(texts))
    return best


def english_tokenizer_pipeline():
    config = spacy.util.load_config(DEFAULT_CONFIG)
    config["nlp"]["tokenizer"] = {"@tokenizers": "spacy.Tokenizer.v1"}
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def compiled_status() -> str:
    """Which extraction modules run compiled (setup.py): the figures differ by about a tenth."""
    compiled = sorted(compiled_in_use())
    if not compiled:
        return "all Python (not compiled, or KG_PURE_PYTHON set)"
    return f"{len(compiled)} compiled with Cython ({', '.join(compiled)}), the others Python"


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


# A worker process: imports the extractors of the checkout on PYTHONPATH, reads a JSON list of
# papers from stdin once, then times extract_papers on the chunk whose bounds each line names.
_WORKER = r"""
import json, sys, time
from extractors.pipeline import extract_papers, load_pipeline
from kg.model import Paper
papers = [Paper(**p) for p in json.loads(sys.stdin.readline())]
nlp = load_pipeline()
list(extract_papers(papers[:400], nlp=nlp))
print("ready", flush=True)
for line in sys.stdin:
    a, b = map(int, line.split())
    started = time.process_time()
    for _ in extract_papers(papers[a:b], nlp=nlp):
        pass
    print(time.process_time() - started, flush=True)
"""


def compare_with(ref: str, n: int, rounds: int) -> None:
    """This checkout's pipeline against ``ref``'s, alternating chunk by chunk (see the docstring)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), ref], check=True)
        try:
            # Both sides as Python: the worktree has no compiled build (setup.py), and the
            # question is what a change of the code costs, not what compiling gains.
            alternate({"this checkout": (ROOT, {"KG_PURE_PYTHON": "1"}), f"baseline {ref}": (base, {"KG_PURE_PYTHON": "1"})},
                      n, rounds)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)


def compare_compiled(n: int, rounds: int) -> None:
    """This checkout's pipeline with its compiled modules against the same modules as Python."""
    alternate({"compiled (Cython)": (ROOT, {}), "Python (KG_PURE_PYTHON=1)": (ROOT, {"KG_PURE_PYTHON": "1"})}, n, rounds)


def alternate(sides: dict[str, tuple[Path, dict[str, str]]], n: int, rounds: int) -> None:
    """Time two pipelines (a checkout and environment each) in worker processes on the same
    abstracts, chunk by chunk in alternating order; print the median per-chunk speed ratio of the
    first to the second."""
    import json
    import subprocess
    import sys

    papers = sample_papers()
    batch = [p.model_dump(mode="json") for p in cycled(papers, n)]
    workers = {}
    try:
        for side, (root, env) in sides.items():
            workers[side] = subprocess.Popen([sys.executable, "-c", _WORKER], cwd=root, text=True,
                                             env={**os.environ, "PYTHONPATH": str(root), **env},
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            workers[side].stdin.write(json.dumps(batch) + "\n")
            workers[side].stdin.flush()
        for worker in workers.values():
            assert worker.stdout.readline().strip() == "ready"
        size = max(1, n // rounds)
        ratios, rates, totals = [], {side: [] for side in workers}, {side: 0.0 for side in workers}
        for r in range(rounds):
            times = {}
            for side in (list(workers) if r % 2 == 0 else list(reversed(workers))):
                workers[side].stdin.write(f"{r * size} {(r + 1) * size}\n")
                workers[side].stdin.flush()
                times[side] = float(workers[side].stdout.readline())
                rates[side].append(rate(size, times[side]))
                totals[side] += times[side]
            first_time, second_time = (times[side] for side in sides)
            ratios.append(second_time / first_time)
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    first, second = sides
    for side, side_rates in rates.items():
        print(f"{side:<40}: {statistics.median(side_rates):8,.0f} abstracts/s  (median of {rounds} rounds)")
    print(f"speed of {first} / {second}: {statistics.median(ratios):.3f}  (median of per-round ratios; "
          f"range {min(ratios):.3f}-{max(ratios):.3f}; over all rounds {totals[second] / totals[first]:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=3000, help="abstracts per throughput measurement")
    parser.add_argument("--stream", type=int, default=100_000, help="abstracts in the memory run (0 to skip)")
    parser.add_argument("--rounds", type=int, default=10, help="alternating tokenizer/pipeline rounds")
    parser.add_argument("--with-ner", action="store_true", help="also measure the opt-in NER pipeline")
    parser.add_argument("--baseline", metavar="GITREF", help="compare with the pipeline of this commit instead")
    parser.add_argument("--compiled-vs-python", action="store_true",
                        help="compare the compiled extraction modules with the same modules as Python instead")
    args = parser.parse_args()
    if args.baseline:
        compare_with(args.baseline, args.n, args.rounds)
        return
    if args.compiled_vs_python:
        compare_compiled(args.n, args.rounds)
        return
    papers = sample_papers()
    batch = list(cycled(papers, args.n))  # made before the clock starts, like the tokenizer's texts
    texts = [p.text for p in batch]
    blank = spacy.blank("en")
    nlp = load_pipeline()
    # Warm-up: every distinct text twice for the pipeline, once for the tokenizer below. The
    # pipeline's words become permanent when a second memory zone meets them (see
    # extractors/vocabulary.py); after one pass its first timed rounds would still make every word
    # again, which a stream pays once, not per abstract.
    for _ in range(2):
        list(extract_papers(batch[: len(papers)], nlp=nlp))
    for text in texts[: len(papers)]:
        blank.tokenizer(text)

    # The machine is shared and its speed drifts within seconds (the tokenizer alone varied from
    # 2,400 to 4,100 abstracts/s between runs of one process). So the two are measured back to back
    # on the same slice of texts, in alternating order, round after round; each round gives a ratio,
    # and the median ratio is reported with its spread.
    rounds = args.rounds
    size = max(1, len(batch) // rounds)
    ratios, tokenizer_rates, pipeline_rates = [], [], []
    for r in range(rounds):
        chunk = batch[r * size : (r + 1) * size]
        chunk_texts = texts[r * size : (r + 1) * size]
        timings = {}
        for which in (("tokenizer", "pipeline") if r % 2 == 0 else ("pipeline", "tokenizer")):
            started = time.process_time()
            if which == "tokenizer":
                for text in chunk_texts:
                    blank.tokenizer(text)
            else:
                for _ in extract_papers(chunk, nlp=nlp):
                    pass
            timings[which] = time.process_time() - started
        ratios.append(timings["tokenizer"] / timings["pipeline"])
        tokenizer_rates.append(rate(len(chunk), timings["tokenizer"]))
        pipeline_rates.append(rate(len(chunk), timings["pipeline"]))
    tokenizer_rate, pipeline_rate = statistics.median(tokenizer_rates), statistics.median(pipeline_rates)
    ratio = statistics.median(ratios)

    # Unseen text: a fresh tokenizer and the (warm) pipeline each meet these words for the first time.
    new_texts = list(unseen(papers, min(args.n, 1000)))
    fresh = spacy.blank("en")
    started = time.process_time()
    for paper in new_texts:
        fresh.tokenizer(paper.text)
    unseen_tokenizer = rate(len(new_texts), time.process_time() - started)
    started = time.process_time()
    for _ in extract_papers(new_texts, nlp=nlp):
        pass
    unseen_pipeline = rate(len(new_texts), time.process_time() - started)

    started = time.perf_counter()  # wall clock: the work happens in the worker processes
    for _ in extract_papers(batch, nlp=nlp, n_process=2, batch_size=128):
        pass
    two_process_rate = rate(args.n, time.perf_counter() - started)

    # The same components after spaCy's English tokenizer, for comparison: the default pipeline
    # splits at whitespace only, since every component reads character offsets.
    english = english_tokenizer_pipeline()
    list(extract_papers(papers[:50], nlp=english))
    started = time.process_time()
    for _ in extract_papers(batch, nlp=english):
        pass
    english_rate = rate(args.n, time.process_time() - started)

    print(f"abstracts: {args.n} (sample corpus, cycled); mean length {sum(map(len, texts)) / len(texts):.0f} chars")
    print(f"tokenizer only (spacy.blank('en'))   : {tokenizer_rate:8,.0f} abstracts/s  (median of {rounds} rounds)")
    print(f"default pipeline, 1 process          : {pipeline_rate:8,.0f} abstracts/s  (median of {rounds} rounds)")
    print(f"ratio pipeline / tokenizer           : {ratio:8.3f}  (median of per-round ratios; "
          f"range {min(ratios):.3f}-{max(ratios):.3f})")
    print(f"  (extraction modules: {compiled_status()})")
    print(f"  (pipeline tokenizer: {nlp.config['nlp']['tokenizer']['@tokenizers']}; with spaCy's English "
          f"tokenizer instead: {english_rate:,.0f} abstracts/s, ratio {english_rate / tokenizer_rate:.3f})")
    print(f"unseen text, tokenizer only          : {unseen_tokenizer:8,.0f} abstracts/s")
    print(f"unseen text, default pipeline        : {unseen_pipeline:8,.0f} abstracts/s  "
          f"(ratio {unseen_pipeline / unseen_tokenizer:.3f})")
    print(f"default pipeline, 2 processes        : {two_process_rate:8,.0f} abstracts/s")
    if args.with_ner:
        from extractors.pipeline import NER_CONFIG

        ner_nlp = load_pipeline(NER_CONFIG)
        list(extract_papers(papers[:50], nlp=ner_nlp))
        started = time.process_time()
        for _ in extract_papers(batch, nlp=ner_nlp):
            pass
        ner_rate = rate(args.n, time.process_time() - started)
        print(f"pipeline with NER (--with-ner), 1 process: {ner_rate:8,.0f} abstracts/s "
              f"({ner_rate / tokenizer_rate:.2f} of tokenizer)")

    costs = component_costs(nlp, papers)
    print("warm cost per component, µs an abstract (sample, best of 5): "
          + ", ".join(f"{name} {cost:.0f}" for name, cost in costs.items())
          + f"; tokenizer alone {1e6 / tokenizer_rate:.0f} (extraction runs all but {', '.join(PRESENTATION_COMPONENTS)})")

    if args.stream:
        checkpoints = {args.stream // 10, args.stream // 4, args.stream // 2, args.stream}
        readings = []
        started = time.process_time()
        for i, _ in enumerate(extract_papers(unseen(papers, args.stream, start=10**6), nlp=nlp), start=1):
            if i in checkpoints:
                readings.append((i, rss_mib()))
        seconds = time.process_time() - started
        print(f"stream of {args.stream} unseen abstracts in {seconds:.0f} s; resident memory (MiB) after n abstracts: "
              + ", ".join(f"{n}: {mib:.0f}" for n, mib in readings))


if __name__ == "__main__":
    main()
