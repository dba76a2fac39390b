from __future__ import annotations

from kg.identity import deduplicate_papers
from kg.model import Paper, paper_id, title_key


def make(title, *, arxiv=None, source="f:1", abstract="A."):
    return Paper(id=paper_id(arxiv_id=arxiv, title=title), title=title, abstract=abstract, arxiv_id=arxiv, sources=[source])


def test_identity_case_and_latex_variants_are_one_paper():
    a = make("$\\textbf{Only-IF}$:Revealing the Decisive Effect", source="a:1")
    b = make("Only-IF:Revealing the decisive effect", source="b:7", abstract="Longer abstract.")
    (merged,) = deduplicate_papers([a, b])
    assert merged.sources == ["a:1", "b:7"]
    assert merged.title == "Only-IF:Revealing the decisive effect"  # the copy without markup
    assert merged.abstract == "Longer abstract."


def test_identity_arxiv_id_joins_different_titles_and_wins_the_id():
    a = make("Old Title", source="a:1")
    b = make("New Title", arxiv="2211.03831", source="b:1")
    c = make("Old Title", arxiv="2211.03831", source="c:1")
    merged = deduplicate_papers([a, b, c])
    assert len(merged) == 1
    assert merged[0].id == "arxiv:2211.03831"


def test_identity_different_papers_stay_apart():
    assert len(deduplicate_papers([make("GPT-3 paper"), make("GPT-4 paper")])) == 2


def test_identity_ids_are_deterministic():
    assert paper_id(arxiv_id=None, title="X: y") == paper_id(arxiv_id=None, title="x  Y")
    assert title_key("Émergence") == title_key("emergence")


def test_identity_sample_has_310_distinct_papers(sample_dir):
    from kg.build import read_papers

    papers, rejects, entries = read_papers([sample_dir])
    assert (entries, len(papers), rejects) == (376, 310, [])
    assert sum(len(p.sources) for p in papers) == 376
