"""Arbitrary text never makes extraction raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.pipeline import extract_papers
from extractors.text import find_abbreviations, sentence_bounds
from kg.model import Paper

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
NAMEISH = st.lists(
    st.sampled_from(["(", ")", "[", "]", "GPT-4", "MHR", "we propose", " ", ",", ".", "called", "dataset", "(MHR)",
                     "Multi-Head Routing", "outperforms", "\n", "\x00", "\u200b", "++", "-", "https://x.io/a"]),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.one_of(TEXT, NAMEISH), abstract=st.one_of(TEXT, NAMEISH))
def test_robustness_any_text_extracts(nlp, title, abstract):
    paper = Paper.model_construct(id="p", title=title, abstract=abstract, urls=[])
    (result,) = extract_papers([paper], nlp=nlp)
    for entity in result.entities:
        assert entity.name


@given(TEXT)
def test_robustness_text_functions_total(text):
    for a, b in sentence_bounds(text):
        assert 0 <= a < b <= len(text)
    for abbreviation in find_abbreviations(text):
        assert 0 <= abbreviation.long_start < abbreviation.long_end <= len(text)


def test_robustness_one_megabyte_abstract_and_non_english(nlp):
    huge = ("We propose MHR (Multi-Head Routing), which outperforms Poly on SuperNI. " * 14000)[:1_000_000]
    papers = [
        Paper(id="big", title="Big", abstract=huge),
        Paper(id="zh", title="多任务学习", abstract="我们提出了一种新的方法，在 GLUE 上优于 BERT。"),
        Paper(id="ctrl", title="C\x07trl", abstract="Unbalanced ((( brackets [ and \x1b control (MHR"),
    ]
    results = list(extract_papers(papers, nlp=nlp))
    assert [r.paper_id for r in results] == ["big", "zh", "ctrl"]
    assert "GLUE" in {e.name for e in results[1].entities}
