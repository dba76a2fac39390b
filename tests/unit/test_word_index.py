"""The fast paths that find rare words agree with the plain searches they replace."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractors.candidates as candidates
from extractors.pipeline import extract_papers
from extractors.text import (
    _PAREN, _SENT_END, SHAPED_WORD, Needles, WordIndex, blank_spans, cares_about, find_all, lower_same_length,
    matches_starting_with, sentence_bounds, shaped_words, url_spans,
)

PIECES = st.lists(
    st.sampled_from(["we", "We", " ", "  ", "\n", "call", "called", "bench", "MT-Bench", "(", ")", ",", ".", "GPT-3",
                     "GPT-3.5", "MiniWoB++", "dataset", "datasets,", "known", "as", "İ", "x", "-", "\t", "we call",
                     "outperforms", "e.g.", "A.", "Fig.", "!", "?", '"', "1", "[", "]"]),
    max_size=40,
).map("".join)
NEEDLES = ("bench", "dataset", "call", "we call", "known as", "outperform", "we ", "e.g")


@given(PIECES)
def test_needles_find_what_str_find_finds(text):
    lowered = lower_same_length(text)
    expected = {n: list(find_all(lowered, n)) for n in NEEDLES}
    found = Needles(NEEDLES).find(WordIndex(text), lowered)
    assert found == {n: hits for n, hits in expected.items() if hits}


URL_PIECES = st.lists(
    st.sampled_from(["we", "GPT-3", " ", "\n", "(", ")", ".", ",", "http://a.b/GPT-3", "https://github.com/x/MT-Bench",
                     "www.x.org/we", "dataset", "MiniWoB++", "x"]),
    max_size=30,
).map("".join)


@given(URL_PIECES)
def test_blanked_index_is_the_index_of_the_masked_text(text):
    spans = url_spans(text)
    masked = blank_spans(text, spans)
    positions: dict[str, list[int]] = {}
    offset = 0
    for word in text.split():  # a flag-made index: the words any rule cares about, and where
        offset = text.index(word, offset)
        if cares_about(word):
            positions.setdefault(word, []).append(offset)
        offset += len(word)
    blanked = WordIndex(text, positions).blanked(spans)
    plain = WordIndex(masked)
    assert blanked.text == masked
    cared = {word for word in plain.words if cares_about(word)}
    assert blanked.words == cared
    for word in cared:
        assert list(blanked.occurrences(word)) == list(plain.occurrences(word))


@given(PIECES, st.integers(0, 5))
def test_matches_found_from_their_first_character_are_the_plain_scans(text, pos):
    for pattern, firsts in ((_SENT_END, ".!?\n"), (_PAREN, "([")):
        fast = [m.span() for m in matches_starting_with(pattern, text, firsts, pos)]
        assert fast == [m.span() for m in pattern.finditer(text, pos)]


@given(PIECES)
def test_shaped_words_match_the_plain_regex_scan(text):
    assert shaped_words(text) == [m.span() for m in SHAPED_WORD.finditer(text)]


@given(PIECES)
def test_sentence_bounds_are_ordered_and_trimmed(text):
    previous_end = 0
    for a, b in sentence_bounds(text):
        assert previous_end <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        previous_end = b


@given(PIECES, st.integers(0, 3))
def test_sentence_ends_are_what_a_full_scan_finds(text, start):
    from extractors.text import _sentence_ends

    assert [m.span() for m in _sentence_ends(text, start)] == [m.span() for m in _SENT_END.finditer(text, start)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=PIECES, abstract=PIECES)
def test_lexeme_flag_index_gives_the_same_extraction_as_splitting(nlp, monkeypatch, title, abstract):
    from kg.model import Paper

    paper = Paper.model_construct(id="p", title=title, abstract=abstract, urls=[])
    (fast,) = extract_papers([paper], nlp=nlp)
    with monkeypatch.context() as patch:
        patch.setattr(candidates, "_word_flag", lambda vocab: None)  # the split-based index
        (plain,) = extract_papers([paper], nlp=nlp)
    assert fast.model_dump() == plain.model_dump()


def test_lexeme_flag_index_gives_the_same_extraction_on_the_sample(nlp, monkeypatch, sample_dir):
    from kg.build import read_papers

    papers, _, _ = read_papers([sample_dir])
    assert candidates._word_flag(nlp.vocab) is not None  # the default pipeline takes the fast path
    fast = [json.dumps(r.model_dump(), sort_keys=True) for r in extract_papers(papers, nlp=nlp)]
    monkeypatch.setattr(candidates, "_word_flag", lambda vocab: None)
    plain = [json.dumps(r.model_dump(), sort_keys=True) for r in extract_papers(papers, nlp=nlp)]
    assert fast == plain


def test_default_tokenizer_splits_at_whitespace_only(nlp):
    text = "We beat (GPT-3.5), MHR-z.\n\nTitle:  x"
    assert [t.text for t in nlp.make_doc(text) if not t.is_space] == text.split()
    assert nlp.make_doc(text).text == text


@pytest.mark.parametrize(
    "text, names",
    [
        ("Results on (GLUE), SuperGLUE and MMLU.", ["GLUE", "SuperGLUE", "MMLU"]),
        ("GLUE/SuperGLUE scores", ["GLUE", "SuperGLUE"]),
        ("GPT-3.5 is not GPT-3, and M2-CLIP is not CLIP", ["GPT-3.5", "GPT-3", "CLIP"]),
        ("ImageNet-trained models and BERT's layers", ["ImageNet", "BERT"]),
        ("on big-bench hard and BIG-Bench Hard", ["big-bench hard", "BIG-Bench Hard"]),
        ("MiniWoB++ differs from MiniWoB.", ["MiniWoB++", "MiniWoB"]),
    ],
)
def test_gazetteer_matches_whole_names_on_characters(nlp, text, names):
    gazetteer = nlp.get_pipe("kg_gazetteer")
    longest: dict[int, int] = {}
    for start, end, _ in gazetteer.matches(text):  # "BIG-Bench" also matches in "BIG-Bench Hard": keep the longest
        longest[start] = max(end, longest.get(start, end))
    assert [text[start:end] for start, end in sorted(longest.items())] == names


CUE_PIECES = st.lists(
    st.sampled_from(["we", "We", "this paper", "our work", " ", ", ", ".", "propose", "present", "ours", "X", "improves",
                     "outperforms", "better", "performance", "than", "higher", "accuracy", "In comparison to", "compared",
                     "with", "over", "gains", "lower", "error", "rates", "compared to", "beat", "upbeat", "name", "named", "above",
                     "DPO (20.3%)", "relative to", "ahead of", "preferred", "faster", "decoding"]),
    max_size=30,
).map("".join)


@given(CUE_PIECES)
def test_proposal_spans_match_the_one_pattern_they_replace(text):
    from extractors.relations import _PROPOSE, _proposal_spans

    assert list(_proposal_spans(lower_same_length(text), 0, len(text))) == [m.span() for m in _PROPOSE.finditer(text)]


@given(CUE_PIECES)
def test_comparison_cues_are_every_cue_of_each_sentence(text):
    """The cue words found with str.find give what trying both patterns at every position would."""
    from extractors.relations import _COMPARE, _COMPARED, _Sentences, _comparison_cues

    sentences = _Sentences(text)
    expected = []
    for a, b in sentences:
        for i in range(a, b):
            for pattern in (_COMPARE, _COMPARED):
                cue = pattern.match(text, i, b)
                if cue:
                    expected.append((a, b, cue.span()))
    assert [(a, b, cue.span()) for a, b, cue in _comparison_cues(text, sentences)] == expected


def test_a_doc_from_another_tokenizer_is_read_the_slow_way(monkeypatch, sample_dir):
    import re

    from spacy.tokenizer import Tokenizer

    from extractors.pipeline import load_pipeline
    from kg.build import read_papers

    papers, _, _ = read_papers([sample_dir])
    papers = papers[:40]
    nlp = load_pipeline()
    nlp.tokenizer = Tokenizer(nlp.vocab, infix_finditer=re.compile(r"[-/]").finditer)  # "GPT-3" is three tokens
    swapped = [r.model_dump() for r in extract_papers(papers, nlp=nlp)]
    monkeypatch.setattr(candidates, "_word_flag", lambda vocab: None)
    assert swapped == [r.model_dump() for r in extract_papers(papers, nlp=nlp)]


DATA_PIECES = st.lists(
    st.sampled_from(["the", "The", " ", "  ", "\n", "new", "MultiWOZ", "SGD-X", "(Lee et al., 2021)", "(ours)", ",", "and",
                     "benchmarks", "datasets", "dataset", "Benchmark", "Dataset", "Arcade Learning", "Environment",
                     "experiments on", "Sokoban", "CUB", "3D", "x"]),
    max_size=30,
).map(" ".join)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DATA_PIECES)
def test_data_rules_skip_only_where_no_name_can_end(monkeypatch, text):
    import extractors.patterns as patterns

    fast = list(patterns.cue_names(text))
    with monkeypatch.context() as patch:
        patch.setattr(patterns, "_may_end_a_name", lambda text, end: True)
        assert list(patterns.cue_names(text)) == fast


@given(st.lists(st.sampled_from(["We", "we", "This paper", "this work", " ", "present", "introduce", "a", "new", "the",
                                 "dataset", "model", "benchmark", "answer", "between", ",", ".", "we present a"]),
                max_size=25).map(" ".join))
def test_presented_kinds_are_what_findall_finds(text):
    from extractors.relations import _PRESENTS, _Sentences

    assert _Sentences(text).presented() == _PRESENTS.findall(text)
