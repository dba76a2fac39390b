"""PDF debris: each class is blanked or repaired without moving an offset, and prose is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.cleanup import DEBRIS_KEY, clean_text
from extractors.pipeline import make_doc

PROSE = "We propose SparseNet, a sparse network. It outperforms ResNet on ImageNet."

DEBRIS = {
    "macro definitions": "VAEname = VAE, description = VariationalAutoencoder, first= VAE (VAE) AAEname = AAE",
    "author line": "1] JonathanShen1] RuomingPang1] RonJ.Weiss1] YonghuiWu [1] Google, Inc. [2] UniversityofCalifornia",
    "affiliation": "WuzhenShi, FengJiang SchoolofComputerScienceandTechnology, HarbinInstituteofTechnology, China",
    "venue and ACM lines": "printacmref = false 2018 acmcopyright KDD’18August19–23, 2018, London, UnitedKingdom.",
    "keywords": "Keywords: Generative Adversarial Nets (GANs), Lipschitz regularity, Minimum Reconstruction Error",
    "keyword list": "Pedestrian Detection, Scale-aware, Deep Learning.",
    "figure label": "figuret",
    "figure folder": "arxiv arxiv. / figures /",
    "glued glossary": "SISRSISRsingleimagesuper-resolution PSNRPSNRpeaksignaltonoiseratio FPSFPSframespersecond",
    "colour definitions": "mygreenrgb0.032, 0.6392, 0.2039",
    "symbols": "⌊⌋ ⌈⌉",
    "emails": "Corresponding authors: jose.dolz@livia.etsmtl.ca, ismail.benayed@etsmtl.ca",
}


@pytest.mark.parametrize("kind", sorted(DEBRIS))
def test_cleanup_blanks_each_debris_tail(kind):
    text = "A Title\n\n" + PROSE + " " + DEBRIS[kind]
    cleaned, debris = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned.rstrip() == "A Title\n\n" + PROSE
    assert [d.kind for d in debris] == ["tail"]


@pytest.mark.parametrize("front", [
    "Zichao Yang1, Diyi Yang1, Chris Dyer1 1Carnegie Mellon University {zichaoy, diyiy}@cs.cmu.edu Abstract ",
    "Wei Liu1, Dragomir Anguelov2 Abstract. ",
    "Dario Amodei, Rishita Anubhai Baidu Research – Silicon Valley AI Lab∗ ABSTRACT: ",
    # affiliation lines read as prose by their "of"
    "Dong Li1, Jia-Bin Huang2, Yali Li1\n1Tsinghua University 2University of Illinois\nAbstract\n",
])
def test_cleanup_blanks_the_front_matter_before_an_abstract_heading(nlp, front):
    text = "A Title\n" + front + PROSE
    cleaned, debris = clean_text(text)
    assert len(cleaned) == len(text) and cleaned.endswith(PROSE) and not cleaned[8 : len(front) + 8].strip()
    assert [d.kind for d in debris] == ["front"]
    entities = {e.name for e in nlp(make_doc(nlp, text))._.kg_entities}
    assert entities == {"SparseNet", "ResNet", "ImageNet"}, entities


@pytest.mark.parametrize("opening", [
    "Abstract Meaning Representation (AMR) parsing maps sentences to graphs. ",
    "We map sentences to Abstract Meaning Representation. ",
])
def test_cleanup_keeps_abstract_as_a_word_of_prose(opening):
    text = "T\n" + opening + PROSE
    assert clean_text(text) == (text, [])


@pytest.mark.parametrize("ending", [
    "Code is available at https://github.com/a/b.",
    "Project page: https://x.github.io.",
    "The extensive experiments demonstrate that RAML significantly outperforms current SOTA models.",
    "Code shall be released.",
    "On Charades-STA, it achieves an R@1 (IoU=0.5) of 52.3 and a pass@10 of 61.0 with k = 5.",
    "It outperforms the method of [12] on CIFAR-10.",
    "It beats [3, 7] on KITTI.",
])
def test_cleanup_leaves_prose_endings_alone(ending):
    text = "T\n\n" + PROSE + " " + ending
    assert clean_text(text) == (text, [])


def test_cleanup_compacts_a_spaced_out_link_and_the_code_url_is_found(nlp):
    text = "T\n\nFast R-CNN is available at https: // github.com / rbgirshick / fast-rcnn."
    cleaned, debris = clean_text(text)
    assert "https://github.com/rbgirshick/fast-rcnn " in cleaned and len(cleaned) == len(text)
    assert [d.kind for d in debris] == ["link"]
    from extractors.pipeline import extract_papers
    from kg.model import Paper

    paper = Paper(id="p", title="T", abstract=text[3:])
    (result,) = extract_papers([paper], nlp=nlp)
    assert result.code_url == "https://github.com/rbgirshick/fast-rcnn"
    assert not any("rbgirshick" in e.name for e in result.entities)


def test_cleanup_recases_a_title_in_capitals_but_keeps_acronyms_the_abstract_uses():
    text = "GENERATIVE MULTI-ADVERSARIAL NETWORKS WITH GMAN\n\nWe propose GMAN, a framework."
    cleaned, debris = clean_text(text)
    assert cleaned.startswith("Generative Multi-Adversarial Networks With GMAN\n")
    assert {d.kind for d in debris} == {"recased"}


def test_cleanup_drops_a_colour_macro_glued_to_a_word():
    cleaned, debris = clean_text("T\n\nblackEnsemble of our models sets a new state of the art on all datasets.")
    assert "     Ensemble of our models" in cleaned and [d.kind for d in debris] == ["colour"]


def test_cleanup_debris_yields_no_entities_and_is_marked_in_doc_spans(nlp):
    text = "Speech synthesis\n\nThis paper describes SpeechNet, a neural network for speech synthesis. " + DEBRIS["author line"]
    doc = nlp(text)
    names = {e.name for e in doc._.kg_entities}
    assert "SpeechNet" in names
    assert not any("Shen" in n or "California" in n or "Yonghui" in n for n in names)
    assert [span.label_ for span in doc.spans[DEBRIS_KEY]] == ["tail"]
    assert doc.user_data["kg_original"] == text  # the text as read stays available


def test_cleanup_text_without_prose_is_left_alone():
    text = "T\n\nKeywords: GANs, VAEs"
    assert clean_text(text) == (text, [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZ .,=[]1/:\n") + ["http", "// ", "GAN ", "We ", "the ", "BLACK", "blackX"]),
                max_size=120))
def test_cleanup_keeps_length_and_never_fails(pieces):
    text = "".join(pieces)
    cleaned, debris = clean_text(text)
    assert len(cleaned) == len(text)
    for d in debris:
        assert 0 <= d.start < d.end <= len(text)
    outside = [i for i in range(len(text)) if not any(d.start <= i < d.end for d in debris)]
    assert all(cleaned[i] == text[i] for i in outside)


@pytest.mark.parametrize("front", [
    "Jane Doe1, Wei Zhang2, Marco Rossi1\n1University of Somewhere 2Institute of Technology\n",
    "Jane Doe1, Wei Zhang2, Marco Rossi1 {jdoe, wzhang}@somewhere.edu ",
])
def test_cleanup_blanks_numbered_author_names_without_an_abstract_heading(nlp, front):
    text = "A Title\n" + front + PROSE
    cleaned, debris = clean_text(text)
    assert len(cleaned) == len(text) and cleaned.endswith(PROSE)
    assert {d.kind for d in debris} == {"front"}
    entities = {e.name for e in nlp(make_doc(nlp, text))._.kg_entities}
    assert entities == {"SparseNet", "ResNet", "ImageNet"}, entities


def test_cleanup_keeps_numbered_model_names_of_prose():
    text = "T\nWe compare Llama2 with Qwen2 and Mistral7 on MMLU. " + PROSE
    assert clean_text(text) == (text, [])


def test_a_footnote_number_glued_to_its_first_word_is_blanked():
    text = ("Zeta Attention\n\nWe propose ZetaAtt, which yields 25.9 BLEU points on WMT'15, an improvement of 1.0 over "
            "the best system.1\n1All our code and models are publicly available.")
    cleaned, debris = clean_text(text)
    assert len(cleaned) == len(text) and "\n All our code" in cleaned
    assert [d.kind for d in debris] == ["footnote"]


def test_a_footnote_number_is_not_a_name(nlp):
    text = ("Zeta Attention\n\nWe propose ZetaAtt, which yields 25.9 BLEU points on WMT'15, an improvement of 1.0 over "
            "the best system.1\n1All our code and models are publicly available at http://example.org/zeta.")
    entities = {e.name for e in nlp(make_doc(nlp, text))._.kg_entities}
    assert "1All" not in entities and "ZetaAtt" in entities, entities


def test_cleanup_keeps_a_closing_value_after_an_abbreviation():
    text = "T\n\nWe propose X. Accuracy drops by only 0.3% on Kinetics-400 (81.2% vs. 81.5%)."
    assert clean_text(text) == (text, [])


def test_cleanup_blanks_front_matter_before_a_heading_on_its_own_line():
    text = ("Deep Zeta Networks\nKorvex Lab, Department of Electrical Engineering\nABSTRACT\nWe describe deep zeta "
            "networks. On TIMIT they reach a phone error rate of 18.9%.")
    cleaned, debris = clean_text(text)
    assert "ABSTRACT" not in cleaned and "Korvex Lab" not in cleaned and cleaned.endswith("of 18.9%.")
    assert [d.kind for d in debris] == ["front"]


@pytest.mark.parametrize("heading", ["ABSTRACT\n", "Abstract: ", "ABSTRACT. ", "ABSTRACT "])
def test_cleanup_blanks_a_heading_that_opens_the_body(nlp, heading):
    text = f"Zeta Trees for Search\n\n{heading}We introduce ZetaTree, an index. On SIFT1M it reaches a recall@100 of 0.95."
    cleaned, _ = clean_text(text)
    assert "ABSTRACT" not in cleaned and "Abstract" not in cleaned, cleaned
    entities = {e.name for e in nlp(make_doc(nlp, text))._.kg_entities}
    assert "ABSTRACT" not in entities and "ZetaTree" in entities, entities


def test_cleanup_keeps_a_name_that_opens_the_body_with_the_word_abstract():
    text = "Graph Parsing\n\nAbstract Meaning Representation (AMR) is a graph formalism. We parse it with ZetaParse."
    assert clean_text(text) == (text, [])
    capitals = "Graph Parsing\n\nABSTRACT MEANING REPRESENTATION PARSING. We parse AMR graphs with ZetaParse."
    assert clean_text(capitals) == (capitals, [])
