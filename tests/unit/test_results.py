"""Result extraction: one test per way abstracts state a score, and one per kind of number that
is not a score (gains, margins, speed-ups, sizes, ranks, approximations)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.results import metric_of, parse_value
from kg.model import Paper


def results_of(nlp, title: str, abstract: str):
    from extractors.pipeline import extract_papers

    (extraction,) = extract_papers([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    return [(r.method, r.benchmark, r.value) for r in extraction.results], extraction


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        pytest.param(
            "Reading Networks for Question Answering",
            "We propose ReadNet, a reader for extractive question answering. ReadNet achieves 85.3% "
            "accuracy on SQuAD, a new state of the art.",
            {("ReadNet", "SQuAD", "85.3%")},
            id="achieves-value-metric-on-benchmark",
        ),
        pytest.param(
            "Attention Translates Better",
            "We introduce AttnSeq, a sequence transduction model based solely on attention. "
            "AttnSeq achieves a BLEU score of 28.4 on the WMT 2014 English-German translation task.",
            {("AttnSeq", "WMT 2014", "28.4")},
            id="metric-of-value-on-benchmark",
        ),
        pytest.param(
            "Deep Residual Networks",
            "We present ResNet, a residual learning framework for training very deep networks. "
            "An ensemble of ResNets achieves 3.57% top-5 error on ImageNet.",
            {("ResNet", "ImageNet", "3.57%")},
            id="error-rate",
        ),
        pytest.param(
            "A Reader for Question Answering",
            "We propose SpanBERT, a pre-training method for span selection. SpanBERT obtains 94.6 and 88.7 F1 "
            "on SQuAD 1.1 and SQuAD 2.0, respectively.",
            {("SpanBERT", "SQuAD 1.1", "94.6"), ("SpanBERT", "SQuAD 2.0", "88.7")},
            id="several-results-respectively",
        ),
        pytest.param(
            "Solving Math Word Problems with Verifiers",
            "We propose MathVerify, a verifier-guided decoding method. Our model reaches 71.2% accuracy "
            "on GSM8K.",
            {("MathVerify", "GSM8K", "71.2%")},
            id="our-model-is-the-proposed-method",
        ),
        pytest.param(
            "Process Supervision at Small Scale",
            "Notably, our process-supervised model achieves an accuracy of 34.0\\% on MATH500.",
            {(None, "MATH500", "34.0%")},
            id="tex-percent-unnamed-own-method",
        ),
        pytest.param(
            "Agents for the Web",
            "We present WebPilot, a web agent. WebPilot reaches success rates of 8.0% on WebArena and 12.2% on "
            "AndroidWorld.",
            {("WebPilot", "WebArena", "8.0%"), ("WebPilot", "AndroidWorld", "12.2%")},
            id="coordinated-values",
        ),
        pytest.param(
            "Graph Encoders for Generation",
            "We propose GraphGen, a graph encoder. GraphGen achieves 24.40 BLEU on LDC2015E86, outperforming the "
            "state of the art by 1.1 points and 24.54 BLEU on LDC2017T10.",
            {("GraphGen", "LDC2015E86", "24.40"), ("GraphGen", "LDC2017T10", "24.54")},
            id="score-coordinated-after-a-margin",
        ),
        pytest.param(
            "Agents That Work Together",
            "We propose WorkForce, a multi-agent framework, and evaluate it on GAIA. WorkForce achieves 69.70% "
            "overall, a new open-source state of the art.",
            {("WorkForce", "GAIA", "69.70%")},
            id="sole-benchmark-of-the-paper",
        ),
        pytest.param(
            "Detectors",
            "We propose DetNet, a one-stage detector. DetNet is also efficient (34.4% AP for DetNet compared to "
            "33.0% AP for RetinaNet on COCO).",
            {("DetNet", "COCO", "34.4%"), ("RetinaNet", "COCO", "33.0%")},
            id="bracket-names-its-dataset-after-the-value",
        ),
        pytest.param(
            "Fluency Boosting",
            "We propose FluencyBoost, a learning and inference method for error correction. FluencyBoost achieves "
            "75.72 on CoNLL-2014 10 annotation dataset and 62.42 (GLEU) on JFLEG test set.",
            {("FluencyBoost", "CoNLL-2014", "75.72"), ("FluencyBoost", "JFLEG", "62.42")},
            id="a-count-between-two-scores-is-not-what-they-coordinate-with",
        ),
        pytest.param(
            "Convolutions Again",
            "We propose ConvX, a convolutional network. ConvX reaches 81.2% top-1 accuracy on Imagenet.",
            {("ConvX", "Imagenet", "81.2%")},
            id="well-known-name-written-flat",
        ),
    ],
)
def test_results_patterns(nlp, title, abstract, expected):
    found, _ = results_of(nlp, title, abstract)
    assert set(found) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        pytest.param("We propose GainNet. GainNet improves accuracy on SQuAD by 4.2%.", id="gain-by"),
        pytest.param("We propose GainNet, which yields a 2.35% GLUE score average improvement on GLUE over BERT.",
                     id="gain-after"),
        pytest.param("We propose MarginNet. MarginNet outperforms BERT by 3.1 points on SQuAD.", id="margin"),
        pytest.param("We propose MarginNet. MarginNet outperforms prior models by 12.3 mAP on COCO and 3.3 mIoU on "
                     "ADE20K.", id="coordinated-margins"),
        pytest.param("We propose MarginNet. We get 22.5 BLEU points on WMT 2014, 5.5 points more than the previous "
                     "best system.", id="margin-coordinated-after-a-score"),
        pytest.param("We propose FastNet. FastNet is 3.5x faster than BERT on SQuAD.", id="speed-up"),
        pytest.param("We propose SizeNet. SizeNet is pre-trained on 1.2M images from ImageNet with 7B parameters.",
                     id="sizes"),
        pytest.param("We propose RankNet. RankNet ranked 1st on the GLUE leaderboard.", id="rank"),
        pytest.param("We propose ApproxNet. ApproxNet reaches about 90% accuracy on SQuAD.", id="approximation"),
        pytest.param("We propose HumanNet. Human performance on SQuAD is 91.2 F1.", id="human-score"),
        pytest.param("We release the WMT 2014 results on the GLUE benchmark from 2019.", id="years-and-names"),
        pytest.param("We propose WorkForce and evaluate it on GAIA and WebArena. WorkForce achieves 69.70% overall.",
                     id="no-benchmark-named-and-several-evaluated"),
        pytest.param("We propose WorkForce and evaluate it on GAIA. WorkForce uses 12.5 steps on average.",
                     id="sole-benchmark-but-not-a-score"),
    ],
)
def test_results_non_results_are_not_extracted(nlp, abstract):
    found, _ = results_of(nlp, "A Title", abstract)
    assert [f for f in found if f[2] != "22.5"] == []


def test_results_carry_metric_direction_evidence_and_offsets(nlp):
    abstract = ("We present ResNet, a residual learning framework. ResNet achieves 3.57% top-5 error on ImageNet, "
                "and 28.4 mAP on COCO.")
    _, extraction = results_of(nlp, "Deep Residual Learning", abstract)
    by_bench = {r.benchmark: r for r in extraction.results}
    error = by_bench["ImageNet"]
    assert (error.metric_name, error.higher_is_better, error.number, error.unit) == ("top-5 error", False, 3.57, "%")
    text = "Deep Residual Learning\n\n" + abstract
    assert error.evidence.sentence in text and "3.57%" in error.evidence.sentence
    spans = {text[start:end] for start, end in error.evidence.mentions}
    assert {"3.57%", "ImageNet", "ResNet"} <= spans
    assert by_bench["COCO"].metric_name == "mAP" and by_bench["COCO"].higher_is_better is True


@pytest.mark.parametrize(
    ("written", "number"),
    [("85.3%", 85.3), ("85.3\\%", 85.3), ("1,234.5", 1234.5), ("12,000", 12000.0), ("0.279", 0.279), ("-3.2", -3.2)],
)
def test_results_parse_value(written, number):
    assert parse_value(written) == pytest.approx(number)


@pytest.mark.parametrize(
    ("written", "name", "higher"),
    [("acc.", "accuracy", True), ("Accuracy", "accuracy", True), ("top-1 error", "error rate", False),
     ("top-5 error", "top-5 error", False), ("BLEU", "BLEU", True), ("ROUGE-L", "ROUGE-L", True), ("FID", "FID", False),
     ("perplexity", "perplexity", False), ("WER", "WER", False), ("pass@1", "pass@1", True),
     ("pass@10", "pass@10", True), ("mIoU", "mIoU", True), ("EM", "exact match", True), ("AP50", "AP50", True)],
)
def test_results_metric_table_aliases_and_direction(written, name, higher):
    metric = metric_of(written)
    assert metric is not None, written
    assert (metric.name, metric.direction == "higher") == (name, higher)


def test_results_capitalised_metric_forms_are_not_common_words(nlp):
    abstract = "We propose MapNet. The accuracy is 91.2 on SQuAD, and we map 12.5 regions of COCO."
    _, extraction = results_of(nlp, "A Title", abstract)
    assert all(r.metric_name not in ("Inception Score", "mAP") for r in extraction.results)


# Pieces the shortcuts below must treat exactly as the patterns they stand in for: the endings,
# their neighbours in words, case, whitespace and non-ASCII signs.
_PIECES = ["by", "By", "nearby", "up to", "Up  to", "rank", "ranke", "v", "V", "Top", "stop", "over", "±", "≈", "+", "~",
           "approximately", "at least", "x", "_", "-", "1", "2.5", "%", " ", "  ", "\n", "\t", "(", "train", "Fine-tuned",
           "sourced", "ſourced", "K", "٣", ".", "improves"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_results_not_a_score_shortcut_agrees_with_its_pattern(pieces):
    from extractors.results import _NOT_A_SCORE_BEFORE, _not_a_score_before

    text = "".join(pieces)
    assert _not_a_score_before(text) == (_NOT_A_SCORE_BEFORE.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from(_PIECES), max_size=12))
def test_results_sentence_marks_agree_with_their_patterns(first, second):
    from extractors.relations import _NUMBER, _TRAINING_WORDS, _Sentences
    from extractors.text import sentence_bounds

    text = "".join(first) + ". " + "".join(second)
    sentences = _Sentences(text)
    for a, b in sentence_bounds(text):
        expected = (("training_sentence",) if _TRAINING_WORDS.search(text, a, b) else ()) + (
            ("number_sentence",) if _NUMBER.search(text, a, b) else ())
        assert sentences.marks((a, b)) == expected


_NUMBER_PIECES = ["1", "23", "4.5", "1,000", ",", ".", "%", "\\%", " ", "$", "@", "-", "GPT-", "x", "v2", "٣", "(", "e"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=14), st.integers(0, 40), st.integers(0, 40))
def test_results_value_shortcut_agrees_with_its_pattern(pieces, a, b):
    from extractors.results import _VALUE, _values

    text = "".join(pieces)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    expected = [m.span() for m in _VALUE.finditer(text, a, b)]
    assert [m.span() for m in _values(text, a, b, text.isascii())] == expected
