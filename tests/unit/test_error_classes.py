"""One test per error class seen on held-out abstracts (issue: extraction that holds up on papers
it was not tuned on). Each builds a small text of the class's shape, with names that are not in
any gold set, and checks what the pipeline makes of it."""

from __future__ import annotations

import pytest

from extractors.pipeline import make_doc
from extractors.text import sentence_bounds


def run(nlp, text):
    doc = nlp(make_doc(nlp, text))
    entities = {e.name: (e.label.value, e.role) for e in doc._.kg_entities}
    relations = [(r.type, r.source, r.target, r.benchmark) for r in doc._.kg_relations]
    return entities, relations


def run_rules_only(nlp, text):
    """``run`` without the learned typer: what the rules alone make of ``text``."""
    relations = nlp.get_pipe("kg_relations")
    typer, relations.typer = relations.typer, None
    try:
        return run(nlp, text)
    finally:
        relations.typer = typer


@pytest.mark.parametrize("text, generic", [
    ("Tagging\n\nWe use a Long Short-Term Memory (LSTM) network with a CRF output layer.", ("Long Short-Term Memory", "LSTM", "CRF")),
    ("Training\n\nGAN training is unstable, and DQN agents overestimate values.", ("GAN", "DQN")),
    ("A Study\n\nWe collect a Real-World Dataset of street images.", ("Real-World Dataset",)),
    ("Speed\n\nOur ZetaNet runs at 34ms, ranks 1st and uses 100K images at 3x speed.", ("34ms", "1st", "100K", "3x")),
])
def test_error_class_generic_families_headings_and_measurements_are_not_names(nlp, text, generic):
    entities, _ = run(nlp, text)
    assert not set(generic) & set(entities), entities


def test_error_class_datasets_only_listed_after_experiments_are_evaluated_on(nlp):
    entities, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. Experiments on Tarn-10, SVHN and STL-10 follow.")
    evaluated = {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}
    assert evaluated == {"Tarn-10", "SVHN", "STL-10"}


def test_error_class_parts_of_a_benchmark_are_evaluated_on(nlp):
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet and evaluate it on the MMLU-STEM and MMLU-Humanities subsets.")
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"MMLU-STEM", "MMLU-Humanities"}


def test_error_class_a_dataset_only_released_is_not_evaluated_on(nlp):
    text = ("AutoZeta: Search with Transfer\n\nWe propose AutoZeta and evaluate it on six graph datasets, where it "
            "improves search efficiency. Finally, we release ZetaBank-101, a large-scale dataset of training logs, "
            "to facilitate future research.")
    entities, relations = run(nlp, text)
    assert entities["ZetaBank-101"] == ("Dataset", "proposed")
    assert not [r for r in relations if r[0] == "EVALUATED_ON" and r[2] == "ZetaBank-101"]


def test_error_class_a_dataset_the_paper_introduces_and_reports_on_is_evaluated_on(nlp):
    _, relations = run(nlp, "KappaSet: A Dataset\n\nWe introduce KappaSet, a new dataset of 50K sentences. Baselines reach 58.7 F1.")
    assert ("EVALUATED_ON", None, "KappaSet", None) in relations


@pytest.mark.parametrize("sentence", [
    "ZetaNet shows a relative degradation of 4.6% compared to BERT.",
    "ZetaNet produces images comparable to GPT-Image-1.",
    "ZetaNet is competitive compared with RoBERTa.",
    "Compared to the latest KappaFM model, ZetaNet has a shared input to its two parts.",
])
def test_error_class_non_claims_are_not_outperforms(nlp, sentence):
    _, relations = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations


def test_error_class_the_benchmark_of_a_comparison_is_data_never_a_method(nlp):
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. On the ColD split, ZetaNet outperforms BERT.")
    assert [r for r in relations if r[0] == "OUTPERFORMS"] == [("OUTPERFORMS", "ZetaNet", "BERT", None)]


def test_error_class_a_real_claim_names_its_benchmark(nlp):
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. ZetaNet outperforms GPT-4 on MMLU.")
    assert ("OUTPERFORMS", "ZetaNet", "GPT-4", "MMLU") in relations


def test_error_class_model_names_are_not_typed_as_data(nlp):
    entities, _ = run(nlp, "Tuning\n\nWe fine-tune Llama 2 and Mistral 7B on GSM8K and report accuracy.")
    assert entities["Llama 2"][0] == "Method" and entities["Mistral 7B"][0] == "Method"
    assert entities["GSM8K"][0] == "Dataset"


def test_error_class_a_data_name_keeps_its_version(nlp):
    entities, _ = run(nlp, "Detection\n\nWe report mAP on PASCAL VOC 2012 and on MS MARCO 2.1 passages.")
    assert {"PASCAL VOC 2012", "MS MARCO 2.1"} <= set(entities), entities
    entities, _ = run(nlp, "Detection\n\nOur model achieves a higher mAP on PASCAL VOC 2012. It is also faster.")
    assert "PASCAL VOC 2012" in entities, entities  # the full stop ends the sentence, not the version


@pytest.mark.parametrize("text, name", [
    # the paper's own model named in brackets after "our models"
    ("Scaling Up Image Synthesis\n\nWe train generators at scale. Our models (QuillGANs) reach a new state of the art.",
     "QuillGANs"),
    # "we call the X": the article before the name
    ("Grounded Answers\n\nTo remedy this, we propose a model we call the Lattice Memory Network and apply it to VQA.",
     "Lattice Memory Network"),
    # a coined word opening the title, then a preposition
    ("TarnFlux for Contours in the Wild\n\nComputing contours in natural images is hard. Results improve.", "TarnFlux"),
    # a method named in the title after "with" and an article
    ("Reading with the Gated Echo Reader Network\n\nWe study cloze-style reading comprehension.", "Gated Echo Reader Network"),
    # the same in a Title Case title
    ("Real-Time Video Super-Resolution Using an Efficient Sub-Voxel Convolutional Network\n\nWe upscale videos.",
     "Efficient Sub-Voxel Convolutional Network"),
])
def test_error_class_older_papers_name_their_method_in_brackets_titles_and_we_call_the(nlp, text, name):
    entities, _ = run(nlp, text)
    assert entities.get(name) == ("Method", "proposed"), entities


@pytest.mark.parametrize("title", ["Agents using the StrictJSON Library", "Parsing with a Deep Neural Network"])
def test_error_class_a_tool_or_a_family_after_with_in_a_title_is_not_proposed(nlp, title):
    entities, _ = run(nlp, f"{title}\n\nWe study parsing of documents.")
    assert not any(role == "proposed" for _, role in entities.values()), entities


def test_error_class_a_known_metric_defined_in_a_claim_is_not_a_method_beaten(nlp):
    text = ("Big Generators\n\nOur models (QuillGANs) achieve an Inception Score (IS) of 166.5, improving over the "
            "previous best IS of 52.52.")
    entities, relations = run(nlp, text)
    assert entities.get("Inception Score", ("Metric",))[0] == "Metric"
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations


def test_error_class_a_name_after_the_titles_preposition_is_not_proposed(nlp):
    text = ("Pairwise Blending for Fine-Grained Texture Recognition\n\nFine-Grained Texture Recognition (FGTR) "
            "datasets are small. We propose Pairwise Blending, a regulariser.")
    entities, _ = run(nlp, text)
    assert all(role != "proposed" for name, (_, role) in entities.items() if "Texture" in name or name == "FGTR"), entities


def test_error_class_an_acronym_inside_a_name_is_no_name_of_its_own(nlp):
    text = ("Echo-Gated Readers for Cloze Questions\n\nOur model, the Echo-Gated (EG) Reader, integrates a multi-hop "
            "architecture with a novel attention mechanism.")
    entities, _ = run(nlp, text)
    assert "Echo-Gated" not in entities, entities


def test_error_class_capitals_spelling_an_acronym_in_words_the_text_writes_plainly_are_not_names(nlp):
    text = ("Explicit Blending Model for Texts\n\nWe introduce the blending mechanism. In particular, we design a "
            "novel framework, EXplicit blEnding Model (dubbed as EXEM), equipped with the blending mechanism.")
    entities, _ = run(nlp, text)
    assert not {"EXplicit", "blEnding"} & set(entities), entities


def test_error_class_a_qualifier_before_a_known_name_is_part_of_it(nlp):
    from extractors.pipeline import make_doc

    text = ("Sample-Efficient Agents\n\nWe propose ZetaAgent, an agent with higher sample-efficiency than Prioritized "
            "Dueling DQN. It transfers to other domains, such as the Caltech CUB and Cars datasets. Vanilla Dueling "
            "DQN lags.")
    doc = nlp(make_doc(nlp, text))
    entities = {e.name: e for e in doc._.kg_entities}
    assert "Prioritized Dueling DQN" in entities, entities  # a variant: a method of its own
    cub = next(e for e in entities.values() if "CUB" in e.name)
    assert "CUB-200-2011" in {cub.name, *cub.aliases}  # a maker's prefix: the same data, found again across papers
    assert not {"Vanilla Dueling DQN", "Sample-Efficient Agents"} & set(entities)


def test_error_class_a_family_acronym_joined_to_a_known_dataset_is_data(nlp):
    entities, relations = run(nlp, "Readers\n\nWe propose ZetaReader. ZetaReader achieves the best results on the "
                                   "CNN and Daily Mail news stories. A CNN and Daily Mail model is also tried.")
    assert entities.get("CNN", ("",))[0] == "Dataset", entities
    assert {"CNN", "Daily Mail"} <= {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, relations


def test_error_class_a_named_part_of_a_known_dataset_keeps_its_name(nlp):
    entities, _ = run(nlp, "Training GANs\n\nWe propose ZetaGAN, which outperforms conventional training on CelebA, "
                           "SVHN, LSUN Bedrooms, and CIFAR-10.")
    assert "LSUN Bedrooms" in entities and "LSUN" not in entities, entities


def test_error_class_a_claim_after_an_opening_phrase_is_the_papers_own(nlp):
    text = ("ZetaGrain: one embedding for classes and instances\n\nZetaGrain is a network architecture for image "
            "classification. For instance, we obtain 79.4% top-1 accuracy with a ResNet-50 learned on ImageNet, which "
            "is a 1.8% absolute improvement over the AutoAugment method.")
    _, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaGrain", "AutoAugment") in {r[:3] for r in relations}, relations


@pytest.mark.parametrize("text, name, part", [
    ('QuipIt! Merging Models without Training\n\nWe introduce "QuipIt!", a general method for merging two models. It '
     "works! QuipIt! beats baselines.", "QuipIt!", "QuipIt"),  # an exclamation mark belongs to the name it ends
    ('Concise Reasoning\n\nWe propose a prompting strategy we call "Chain of Zeta", in which the model writes minimal '
     "drafts.", "Chain of Zeta", "Chain"),  # a quoted name keeps its function words
])
def test_error_class_a_written_name_is_taken_whole(nlp, text, name, part):
    entities, _ = run(nlp, text)
    assert entities.get(name) == ("Method", "proposed") and part not in entities, entities


def test_error_class_the_name_of_a_problem_is_not_a_proposed_method(nlp):
    entities, _ = run(nlp, "Tensor Filling on Graphs\n\nThe problem of finding the missing values of a tensor given a "
                           "few of its entries, called tensor filling, has gathered attention. We propose ZetaFill.")
    assert "tensor filling" not in {name.lower() for name in entities}, entities


def test_error_class_a_family_acronym_the_paper_gives_its_own_method_is_a_name(nlp):
    # "MTL" elsewhere names multi-task learning; "called ... (MTL)" makes it this paper's method.
    entities, _ = run(nlp, "Few-Shot Learning\n\nWe propose a novel few-shot method called multi-tier learning (MTL) "
                           "which adapts a deep network. MTL is evaluated on tieredImageNet.")
    assert entities.get("multi-tier learning") == ("Method", "proposed"), entities


def test_error_class_a_numbered_size_of_the_papers_own_method_is_proposed(nlp):
    entities, relations = run(nlp, "Twin Route Networks\n\nWe present a Twin Route Network (TRN) for image "
                                   "classification. A shallow TRN surpasses ResNeXt-101, and a deeper TRN (TRN-152) "
                                   "further improves accuracy.")
    assert entities.get("TRN-152") == ("Method", "proposed"), entities
    assert not [r for r in relations if r[0] == "OUTPERFORMS" and r[2] == "TRN-152"], relations


@pytest.mark.parametrize("text, long_form, short_form", [
    ("Zeta\n\nThis paper proposes a Quick Region-based Attention Network method (Quick R-ATN) for detection.",
     "Quick Region-based Attention Network", "Quick R-ATN"),
    ("Zeta\n\nWe develop a Scale-Tolerant Quick R-ATN (STQ R-ATN) framework for pedestrians.",
     "Scale-Tolerant Quick R-ATN", "STQ R-ATN"),
])
def test_error_class_two_word_short_forms_and_a_kind_word_before_the_bracket(nlp, text, long_form, short_form):
    doc = nlp(make_doc(nlp, text))
    names = {e.name: set(e.aliases) for e in doc._.kg_entities}
    merged = names.get(long_form, set()) | names.get(short_form, set())
    assert (short_form in merged or long_form in merged) and not (long_form in names and short_form in names), names


def test_error_class_two_names_called_together_are_both_proposed(nlp):
    entities, _ = run(nlp, "Balanced Detectors\n\nTwo novel loss functions called ZB-C and ZB-R are designed for "
                           "classification and regression. Both ZB-C and ZB-R help.")
    assert entities.get("ZB-C") == ("Method", "proposed") and entities.get("ZB-R") == ("Method", "proposed"), entities


def test_error_class_a_dash_spaced_out_by_pdf_extraction_stays_inside_a_name(nlp):
    entities, _ = run(nlp, "Phrase Representations\n\nWe propose a novel neural network model called GRU Reader – "
                           "Writer that consists of two recurrent networks.")
    assert entities.get("GRU Reader – Writer") == ("Method", "proposed"), entities


@pytest.mark.parametrize("text, name", [
    # measured on: "... on the validation set of <Long Form> (LF)" names data the paper uses
    ("Covariance Pooling\n\nBy doing so, we are able to achieve an accuracy of 58% on the validation set of "
     "Indoor Street Faces (ISF) Database.", "Indoor Street Faces"),
    # posed as the problem: "we formulate X as a <Long Form> (LF) problem"
    ("Weak Detection\n\nHere we formulate weakly supervised detection as a Multiple Bag Ranking (MBR) problem, "
     "where classifiers are hidden nodes. We propose ZetaDet.", "Multiple Bag Ranking"),
    # a means in brackets: "we propose a solver (via ADMX and ...)"
    ("Subset Selection\n\nBased on this observation, we propose a speedup solver (via ADMX-2 and equivalent "
     "derivations) to reduce the cost. ADMX-2 is fast.", "ADMX-2"),
])
def test_error_class_a_name_the_authors_measure_on_pose_or_use_is_not_proposed(nlp, text, name):
    entities, _ = run(nlp, text)
    assert entities.get(name, ("", ""))[1] != "proposed", entities


def test_error_class_names_listed_after_performance_on_are_evaluated_on(nlp):
    _, relations = run(nlp, "Pedestrians\n\nWe propose ZetaPed. Particularly, our method achieves state-of-the-art "
                            "performance on Tarnfield, KITTI, and Ossory.")
    evaluated = {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}
    assert {"Tarnfield", "KITTI", "Ossory"} <= evaluated, relations


def test_error_class_a_data_name_written_again_without_its_first_word_is_the_same_data(nlp):
    # ("VOC 2007" after "PASCAL VOC 2007" in older abstracts)
    text = ("Driving\n\nWe propose ZetaDrive. Experiments are carried out on the Waymo Open Dataset. We obtain 70% "
            "mAP on Open Dataset validation.")
    entities, relations = run(nlp, text)
    assert "Open Dataset" not in entities and "Waymo Open Dataset" in entities, entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"Waymo Open Dataset"}, relations


def test_error_class_an_abbreviation_with_the_head_of_its_name_is_that_name(nlp):
    entities, _ = run(nlp, "Zeta-Routed Readers for Cloze Questions\n\nOur model, the Zeta-Routed (ZR) Reader, integrates "
                           "a multi-hop architecture. The ZR Reader obtains the best results on Who Did What.")
    assert "ZR" not in entities, entities
    assert any(name.startswith("Zeta-Routed Reader") for name in entities), entities


@pytest.mark.parametrize("text, languages", [
    ("Parsing\n\nExperimental results on both English and Chinese datasets show that QuoraParse works.", {"English", "Chinese"}),
    ("Translation\n\nLarge-scale experiments on Arabic-English and Chinese-English show gains of ZetaMT.",
     {"Arabic-English", "Chinese-English"}),
    ("Collocations\n\nWe analyze various Japanese corpora and the Ara-bic treebank with TarnCol.", {"Japanese", "Ara-bic"}),
])
def test_error_class_a_language_is_not_a_dataset(nlp, text, languages):
    entities, relations = run(nlp, text)
    assert not languages & set(entities), entities
    assert not languages & {t for _, _, t, _ in relations}


def test_error_class_a_named_corpus_in_a_language_keeps_its_name(nlp):
    entities, relations = run(nlp, "Translation\n\nWe evaluate ZetaMT on the English-to-German WMT 2014 task and on CoNLL-2003.")
    assert {"WMT 2014", "CoNLL-2003"} <= {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, (entities, relations)


def test_error_class_a_name_ending_in_treebank_is_a_dataset(nlp):
    entities, _ = run(nlp, "Parsing\n\nWe train QuarkParse on the Basque Moor Treebank and the Penn Quark Treebank.")
    assert entities.get("Basque Moor Treebank", ("",))[0] == "Dataset", entities
    assert entities.get("Penn Quark Treebank", ("",))[0] == "Dataset", entities


@pytest.mark.parametrize("sentence, name, label", [
    ("We assembled 41 radiology datasets to create RadMix for our experiments.", "RadMix", "Dataset"),
    ("We merge twelve public corpora into Quorpus and train on it.", "Quorpus", "Dataset"),
    ("We unify nine reasoning benchmarks into OmniEvalX.", "OmniEvalX", "Benchmark"),
])
def test_error_class_what_is_built_from_datasets_is_data(nlp, sentence, name, label):
    entities, _ = run(nlp, "Compositional generalisation\n\n" + sentence)
    assert entities.get(name, ("",))[0] == label, entities


def test_error_class_a_known_name_inside_a_link_is_not_a_mention(nlp):
    entities, _ = run(nlp, "Video pretraining\n\nWe train QuarkNet on Kinetics. Code is at https://github.com/pytorch/fairseq/tree/main/x.")
    assert "fairseq" not in entities, entities
    assert entities.get("Kinetics", ("",))[0] in ("Dataset", "Benchmark"), entities


def test_error_class_a_name_then_what_the_data_shows_then_a_data_noun_is_data(nlp):
    entities, _ = run(nlp, "Glaucoma\n\nOur model also achieves the best results on the publicly available QLX fundus dataset.")
    assert entities.get("QLX", ("",))[0] == "Dataset", entities


@pytest.mark.parametrize("sentence, name, named", [
    ("We report results on the Quarkers data set and the ZQT data sets.", "Quarkers", True),
    ("In the absence of a Quarkers data set for retrieval, we tune on news.", "Quarkers", False),
    ("Two data sets are adopted in our experiments with QuarkMT.", "Two", False),
    ("Results on the English data set are close to those on French.", "English", False),
])
def test_error_class_data_set_written_in_two_words_is_a_data_noun(nlp, sentence, name, named):
    entities, _ = run(nlp, "Older text\n\n" + sentence)
    if named:
        assert entities.get(name, ("",))[0] == "Dataset", entities
    else:
        assert entities.get(name, ("",))[0] not in ("Dataset", "Benchmark"), entities


@pytest.mark.parametrize("text, names, not_names", [
    ("Region Graphs\n\nWe study a reweighted version of the Tamsin approximation on region graphs, and decode with "
     "Orlov decoding. When the graph has two layers, it is a Hallam approximation.",
     ("Tamsin approximation", "Orlov decoding", "Hallam approximation"), ()),
    ("Parsing\n\nTrees come from the Tarrow parser, and stems from the Krolak stemmer.",
     ("Tarrow parser", "Krolak stemmer"), ()),
    # Not an eponym: the first word of a sentence, an adjective, a phrase in title case, the title line.
    ("Fast Sampling Method\n\nGibbsel sampling converges slowly. We use a Gaussian process and the Fast Gradient "
     "Sign method, and compare Markovian filtering with Bayesian inference.",
     (), ("Gibbsel sampling", "Gaussian process", "Sign method", "Fast Sampling Method", "Markovian filtering")),
])
def test_error_class_an_algorithm_named_after_a_person_is_a_method(nlp, text, names, not_names):
    entities, _ = run(nlp, text)
    for name in names:
        assert entities.get(name) == ("Method", "used"), entities
    assert not set(not_names) & set(entities), entities


def test_error_class_a_method_proposed_after_its_acronyms_definition_is_a_name(nlp):
    text = ("Rotated Textures\n\nTo overcome the singularity of the least squares estimate (LSE) method, an approximate "
            "least squares estimate (ALSE) method is proposed to estimate the parameters.")
    entities, _ = run(nlp, text)
    assert entities.get("approximate least squares estimate") == ("Method", "proposed"), entities
    assert "LSE" not in entities and "least squares estimate" not in entities, entities


# The classes below were seen on held-out SciERC abstracts (older NLP, speech and vision papers).

@pytest.mark.parametrize("text, not_names", [
    ("Zeta Recognizer\n\nThis paper describes the ZetaRec recognizer built at LIMSI and funded by DARPA.", ("LIMSI", "DARPA")),
    ("Zeta Interfaces\n\nThe Tallis Research Laboratory (TRL) has built several ZetaKit applications.",
     ("Tallis Research Laboratory", "TRL")),
])
def test_error_class_an_organisation_is_not_a_name(nlp, text, not_names):
    entities, _ = run(nlp, text)
    assert not set(not_names) & set(entities), entities
    assert "ZetaRec" in entities or "ZetaKit" in entities


def test_error_class_an_organisation_named_as_data_stays_data(nlp):
    entities, _ = run(nlp, "Zeta Translation\n\nWe train ZetaMT and report gains of 1 BLEU on the NIST corpus.")
    assert entities.get("NIST", ("",))[0] == "Dataset", entities


@pytest.mark.parametrize("sentence, metric", [
    ("The method achieves a TRDRX score that is higher than the TRDRX of the baseline.", "TRDRX"),
    ("We present a measure called QUARPE for evaluating answers automatically.", "QUARPE"),
    ("Outputs are scored with evaluation measures like BLEU and NISTX. NISTX rises by 2 points.", "NISTX"),
    ("We approximate the Expected-Dice (EDice) score by sampling, and EDice rises.", "EDice"),
])
def test_error_class_a_metric_is_not_a_method(nlp, sentence, metric):
    entities, _ = run(nlp, f"Zeta Evaluation\n\nWe propose ZetaEval. {sentence}")
    assert entities.get(metric, ("Metric",))[0] not in ("Method", "Dataset", "Benchmark"), entities


@pytest.mark.parametrize("sentence, name", [
    ("ZetaNet scores 85.3 on the test set, while KappaNet scores the highest.", "KappaNet"),
    ("KappaNet measures how far two outputs are.", "KappaNet"),
])
def test_error_class_a_method_that_scores_or_measures_stays_a_method(nlp, sentence, name):
    entities, _ = run(nlp, f"Zeta\n\nWe propose ZetaNet. {sentence}")
    assert entities[name][0] == "Method", entities


@pytest.mark.parametrize("text, not_names", [
    ("Zeta Spelling\n\nMethods for spelling correction (see the review by Kukich (Kukich, 1992)) do not carry over.",
     ("Kukich", "Kukich, 1992")),
    ("Zeta Lexicon\n\nWe introduced the ZetaLex representation [Zernak88] for language acquisition.", ("Zernak88",)),
])
def test_error_class_a_citation_is_not_a_name(nlp, text, not_names):
    entities, _ = run(nlp, text)
    assert not set(not_names) & set(entities), entities


def test_error_class_a_problem_defined_by_acronym_is_not_a_method(nlp):
    text = ("Zeta Tagging\n\nA novel approach to Named Entity (NE) tagging with seeds is introduced. "
            "A novel solution to unsupervised word sense induction (WSI) is introduced, and ZetaTag beats it.")
    entities, _ = run(nlp, text)
    assert not {"Named Entity", "NE", "word sense induction", "WSI"} & {
        name for name, (label, _) in entities.items() if label in ("Method", "Dataset", "Benchmark")}, entities


def test_error_class_a_quantity_with_its_unit_is_not_a_name(nlp):
    entities, _ = run(nlp, "Zeta Search\n\nZetaSearch stays viable with a 20k-word vocabulary and larger-than-15dB SNR "
                           "for sub-10B models.")
    assert not {"20k-word", "larger-than-15dB", "sub-10B"} & set(entities), entities


def test_error_class_a_dataset_named_after_its_data_noun_and_a_comma_is_data(nlp):
    entities, _ = run(nlp, "Zeta Captions\n\nWe collected a new dataset, Tarn Clips (TCLIP), with 100K animated clips.")
    assert entities["Tarn Clips"][0] == "Dataset", entities


@pytest.mark.parametrize("sentence, name", [
    ("We describe Zorvick, a combinatorial sports prediction market with a flexible betting language.", "Zorvick"),
    ("We present Tallow, an open-source library for streaming inference.", "Tallow"),
])
def test_error_class_a_word_an_apposition_calls_a_system_or_tool_is_a_proposed_method(nlp, sentence, name):
    entities, _ = run(nlp, f"Markets\n\n{sentence}")
    assert entities.get(name) == ("Method", "proposed"), entities


@pytest.mark.parametrize("title, sentence, name, kind", [
    # a name before or after a thesaurus, lexicon or database is data
    ("Zeta", "We map terms to the ZetaMesh thesaurus and report gains of 3 points.", "ZetaMesh", "Dataset"),
    ("Zeta", "Experiments use the Tarn-Faces (TRF) Database and reach 88% accuracy.", "Tarn-Faces", "Dataset"),
    ("Zeta", "Its senses come from the KappaLex lexicon.", "KappaLex", "Dataset"),
    ("Zeta", "We predict senses from a Chinese ontology KappaNet and project them to English.", "KappaNet", "Dataset"),
    # a name with "a ... of <value>" is a metric
    ("ZetaNet", "ZetaNet achieves a PESQR of 3.21 on Tarn-17.", "PESQR", "Metric"),
    ("ZetaNet", "ZetaNet reaches a median TQ-score of 0.81 on Tarn-17.", "TQ-score", "Metric"),
])
def test_error_class_the_words_around_a_name_give_its_kind(nlp, title, sentence, name, kind):
    entities, _ = run(nlp, f"{title}\n\nWe propose ZetaNet. {sentence}")
    assert entities[name][0] == kind, entities


def test_error_class_a_sentences_first_word_before_a_data_noun_is_not_a_name(nlp):
    entities, _ = run(nlp, "Zeta\n\nAs dataset we have used the Tarn-2157 corpus. While datasets grow, Since Kappa-9 "
                           "data sets are small, we add more.")
    assert not {"As", "While", "Since Kappa-9"} & set(entities), entities
    assert "Tarn-2157" in entities


@pytest.mark.parametrize("sentence, loser", [
    ("ZetaNet trains the deep VGG16 network 9x faster than KappaNet.", "KappaNet"),
    ("ZetaNet is more accurate than KappaNet on small images.", "KappaNet"),
    ("We obtain improved results compared to a strong baseline model (KappaNet) on two datasets.", "KappaNet"),
    ("Compared with KappaNet, ZetaNet obtains +2.1 BLEU on WMT14.", "KappaNet"),
])
def test_error_class_faster_more_accurate_or_improved_compared_to_is_outperforms(nlp, sentence, loser):
    _, relations = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert ("OUTPERFORMS", "ZetaNet", loser) in [r[:3] for r in relations], relations


@pytest.mark.parametrize("text, names", [
    ("Zeta\n\nWe set aside the TARC 2008 data set (48 problems) for testing and use the TARC 2009 data set (44 "
     "problems) for training.", ("TARC 2008", "TARC 2009")),
    ("ZetaGrasp\n\nWe propose ZetaGrasp. The KorvexObj object set has 77 items, and grasps are scored on the TarnZeta "
     "test set.", ("KorvexObj", "TarnZeta")),
])
def test_error_class_a_name_before_data_set_or_an_object_or_test_set_is_data_by_the_rules_alone(nlp, text, names):
    entities, _ = run_rules_only(nlp, text)
    assert {entities[name][0] for name in names} == {"Dataset"}, entities


def test_error_class_lower_case_words_joined_by_a_digit_are_a_coined_name(nlp):
    entities, _ = run(nlp, "Zeta\n\nWe evaluate on several standard datasets such as im3geo, Tarn Bay and MediaZeta2010. "
                           "Contexts go to text2text transformers.")
    assert entities.get("im3geo", ("",))[0] == "Dataset", entities
    assert "text2text" not in entities


@pytest.mark.parametrize("sentence, name, role", [
    ("We have collected the TAL500 data set by having listeners annotate 500 songs.", "TAL500", "proposed"),
    ("We used three TREC test collections: WT5G, WT9G and KT12.", "WT5G", "used"),
])
def test_error_class_data_the_authors_collected_is_theirs(nlp, sentence, name, role):
    entities, _ = run(nlp, f"Music\n\n{sentence} Models trained on it reach 80 percent.")
    assert entities[name][1] == role, entities


@pytest.mark.parametrize("sentence, beaten", [
    ("ZetaNet improves accuracy over KappaNet and LambdaGen.", ("KappaNet", "LambdaGen")),
    ("ZetaNet improves exact match on Tarn Questions and Wiki-QA over Atlas-R and RETRONA.", ("RETRONA",)),
])
def test_error_class_names_after_a_gain_over_are_methods_not_an_evaluation_list(nlp, sentence, beaten):
    entities, _ = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert all(entities[name][0] == "Method" for name in beaten), entities
    assert all(entities.get(name, ("Dataset",))[0] in ("Dataset", "Benchmark") for name in ("Tarn Questions", "Wiki-QA")), entities


@pytest.mark.parametrize("sentence, names, not_names", [
    ("We compare against Gemini 1.5 Pro, Claude 3.5 Sonnet, Llama 3.1 405B and GPT-4 Turbo.",
     ("Gemini 1.5 Pro", "Claude 3.5 Sonnet", "Llama 3.1 405B", "GPT-4 Turbo"), ("Gemini", "Claude", "GPT-4")),
    ("We distill KappaVL2.5 78B into Flan-PaLM 540B and train BERT 3 times.", ("KappaVL2.5 78B", "Flan-PaLM 540B", "BERT"),
     ("BERT 3",)),
    ("We train OPT-IML 30B and 175B.", ("OPT-IML",), ("OPT-IML 30B",)),
])
def test_error_class_a_known_models_release_size_and_tier_are_part_of_its_name(nlp, sentence, names, not_names):
    entities, _ = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert set(names) <= set(entities) and not set(not_names) & set(entities), entities


@pytest.mark.parametrize("sentence, data", [
    pytest.param("ZetaNet reaches 91.2% on FGVQ.", "FGVQ", id="a score reported on it"),
    pytest.param("ZetaNet achieves 47.2 AP on the FGVQ and runs at 2.5 ms on a phone.", "FGVQ", id="a score, not a speed"),
    pytest.param("We further show that retrieval heads matter for extractive QA on MuSiQa.", "MuSiQa", id="a task done on it"),
    pytest.param("ZetaNet helps reasoning on KappaMath.", "KappaMath", id="reasoning done on it"),
    pytest.param("We test ZetaNet on 45 datasets from TabHub.", "TabHub", id="where datasets come from"),
    pytest.param("Trained on 60K hours of LibriTarn, ZetaNet speaks well.", "LibriTarn", id="where hours of data come from"),
    pytest.param("ZetaNet is pre-trained on 10 million molecules from ChemTarn.", "ChemTarn", id="where molecules come from"),
])
def test_error_class_what_is_done_on_a_name_or_drawn_from_it_makes_it_data(nlp, sentence, data):
    entities, _ = run_rules_only(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert entities[data][0] == "Dataset", entities


@pytest.mark.parametrize("sentence, beaten", [
    ("On Cora, ZetaNet improves accuracy by 1.8% over KappaGCL.", {"KappaGCL"}),
    ("ZetaNet improves average BLEU by 2.4 points on FLORES-101 over the mBART-50 baseline.", {"mBART-50"}),
    ("We find that KappaFormer is competitive with CatBoost, but no deep model beats XGBoost on average.", set()),
    ("We find that KappaFormer beats XGBoost.", set()),
    ("ZetaNet does not outperform XGBoost on small tables.", set()),
    ("ZetaNet didn’t beat XGBoost.", set()),
    ("ZetaNet not only outperforms XGBoost but also runs faster.", {"XGBoost"}),
    ("We show that it outperforms XGBoost.", {"XGBoost"}),
])
def test_error_class_what_the_authors_claim_to_beat_and_what_they_deny(nlp, sentence, beaten):
    _, relations = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS" and r[1] == "ZetaNet"} == beaten, relations


def test_error_class_a_short_last_sentence_without_function_words_is_prose_not_debris(nlp):
    entities, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet for tables. ZetaNet beats XGBoost.")
    assert "XGBoost" in entities and ("OUTPERFORMS", "ZetaNet", "XGBoost") in [r[:3] for r in relations], entities


def test_error_class_three_letter_acronyms_listed_with_other_names_are_names(nlp):
    entities, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. ZetaNet outperforms KQL, WQL and TD3+BC on offline tasks. "
                                   "We test on Tarn-17 and RKC subtyping.")
    assert {"KQL", "WQL"} <= set(entities), entities
    assert {("OUTPERFORMS", "ZetaNet", "KQL"), ("OUTPERFORMS", "ZetaNet", "WQL")} <= {r[:3] for r in relations}
    assert "RKC" not in entities  # ("RKC subtyping": the acronym qualifies a noun)


def test_error_class_task_acronyms_listed_with_data_are_not_data(nlp):
    entities, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. Experiments on Tarn-17, NLI and STS show gains.")
    assert not {"NLI", "STS"} & set(entities), entities


def test_error_class_a_vision_transformers_patch_size_is_part_of_its_name(nlp):
    entities, _ = run(nlp, "ZetaNet\n\nWe use a KViT-B/16 backbone and KappaNet-50/101 models.")
    assert "KViT-B/16" in entities and "KViT-B" not in entities and "KappaNet-50/101" not in entities, entities


def test_error_class_the_comma_after_an_opening_phrase_ends_no_list(nlp):
    entities, _ = run_rules_only(nlp, "Speech\n\nWe introduce DiffZeta, a model. Evaluated on Tarn-DEMAND, DiffZeta "
                                      "achieves good quality.")
    assert entities["Tarn-DEMAND"][0] == "Dataset" and entities["DiffZeta"] == ("Method", "proposed"), entities


def test_error_class_a_second_verb_after_and_ends_the_beaten(nlp):
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. ZetaNet gets 79.3% on ChartQA, surpassing MatCha and DePlot, "
                            "and narrows the gap to GPT-4V.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"MatCha", "DePlot"}, relations


@pytest.mark.parametrize("sentence, name, not_names", [
    ("We release the 120K-pair ZetaSet-120K dataset.", "ZetaSet-120K", ("120K-pair ZetaSet-120K",)),
    ("We build a 26-video dataset and test on the 20-newsgroup dataset.", "20-newsgroup", ("26-video",)),
])
def test_error_class_a_count_before_a_data_noun_is_no_name(nlp, sentence, name, not_names):
    entities, _ = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert name in entities and not set(not_names) & set(entities), entities


def test_error_class_a_title_phrase_describing_a_coined_method_is_no_name(nlp):
    entities, _ = run(nlp, "Scalable Graph Transformers for Molecular Property Prediction\n\nWe propose MolZeta, a graph "
                           "transformer with linear attention for molecules.")
    assert entities.get("MolZeta") == ("Method", "proposed") and "Scalable Graph Transformers" not in entities, entities
    entities, _ = run(nlp, "Key-Value Memory Networks for Directly Reading Documents\n\nWe introduce a new method, "
                           "Key-Value Memory Networks, that reads documents.")
    assert entities.get("Key-Value Memory Networks", ("",))[0] == "Method", entities


@pytest.mark.parametrize("sentence", [
    "We introduce KappaPRM and KappaBench, a suite of 2,000 problems.",
    "We introduce KappaPRM, trained on 400K labels, and KappaBench, a suite of 2,000 problems.",
])
def test_error_class_two_names_one_proposal_introduces_are_two_and_both_the_papers(nlp, sentence):
    entities, _ = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert [entities.get(name, ("", ""))[1] for name in ("KappaPRM", "KappaBench")] == ["proposed", "proposed"], entities
    assert "KappaPRM and KappaBench" not in entities


def test_error_class_hyphenated_title_case_names_after_a_comparison_verb_are_methods(nlp):
    entities, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. ZetaNet outperforms Self-Polish and KappaFlex on "
                                   "HotpotQA, and exceeds Math-Herder.")
    assert {"Self-Polish", "Math-Herder"} <= set(entities), entities
    assert {("OUTPERFORMS", "ZetaNet", "Self-Polish"), ("OUTPERFORMS", "ZetaNet", "Math-Herder")} <= {r[:3] for r in relations}


def test_error_class_a_score_raised_on_a_name_is_that_names(nlp):
    doc = nlp(make_doc(nlp, "ZetaPRM\n\nWe introduce ZetaPRM. ZetaPRM raises accuracy on GSM8K from 83.1% to 88.6% "
                            "and on KappaBench from 41.2% to 49.7%."))
    assert {(r.benchmark, r.value) for r in doc._.kg_results} == {("GSM8K", "88.6%"), ("KappaBench", "49.7%")}


def test_error_class_names_in_an_opening_on_phrase_are_data(nlp):
    entities, relations = run_rules_only(nlp, "ZetaMotion\n\nWe present ZetaMotion, a motion model. On KorvathML and "
                                              "PelaMotion, ZetaMotion achieves an FID of 0.112, outperforming FooGen.")
    assert entities["KorvathML"][0] == entities["PelaMotion"][0] == "Dataset", entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"KorvathML", "PelaMotion"}, relations
    entities, _ = run_rules_only(nlp, "ZetaRec\n\nWe present ZetaRec. On the Tarnflix dataset, ZetaRec achieves a low error.")
    assert entities["ZetaRec"] == ("Method", "proposed"), entities


@pytest.mark.parametrize("sentence, not_names", [
    ("It is trained on a single Z900 GPU and served on 8 Q200-SXM GPUs.", ("Z900", "Q200-SXM")),
    ("ZetaNet reaches 31.2 dB, 1.4 dB better than Vexel-NeRF, at 60 FPS on a 12 GB board.", ("dB", "FPS", "GB")),
    ("The FP16 model and its INT8 version score within 1 point.", ("FP16", "INT8")),
])
def test_error_class_hardware_units_and_number_formats_are_no_names(nlp, sentence, not_names):
    entities, _ = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert not set(not_names) & set(entities) and "ZetaNet" in entities, entities


def test_error_class_a_score_for_an_acronym_in_a_comparison_names_a_method(nlp):
    doc = nlp(make_doc(nlp, "ZetaQuant\n\nWe propose ZetaQuant. On TarnText-2, it achieves a perplexity of 3.91, compared to "
                            "4.52 for QRZ and 4.21 for WPL. Accuracy is 81.9% for KIN and 89.8% for ENG."))
    entities = {e.name: e.label.value for e in doc._.kg_entities}
    assert entities.get("QRZ") == entities.get("WPL") == "Method" and not {"KIN", "ENG"} & set(entities), entities
    assert {(r.method, r.value) for r in doc._.kg_results} >= {("QRZ", "4.52"), ("WPL", "4.21")}


def test_error_class_a_setting_before_a_number_is_no_score(nlp):
    doc = nlp(make_doc(nlp, "ZetaViT\n\nWe propose ZetaViT. On ImageNet, ZetaViT achieves a certified accuracy of 62.4% "
                            "at radius 0.5."))
    assert [r.value for r in doc._.kg_results] == ["62.4%"]


def test_error_class_a_sentence_ends_after_et_al_before_we(nlp):
    text = "ZetaViT\n\nThe best result is 54.3% by Carlini et al. We further report results of ZetaViT on TarnSet-10."
    doc = nlp(make_doc(nlp, text))
    (relation,) = [r for r in doc._.kg_relations if r.target == "TarnSet-10"]
    assert relation.evidence.sentence == "We further report results of ZetaViT on TarnSet-10."
    other = "As Lee et al. (2019) and Vaswani et al. Transformer show. Next."
    assert [other[a:b] for a, b in sentence_bounds(other)] == [
        "As Lee et al. (2019) and Vaswani et al. Transformer show.", "Next."]


def test_error_class_a_name_the_paper_distills_into_is_its_own(nlp):
    entities, _ = run(nlp, "Listwise Reranking\n\nWe distill the ranking ability of GPT-4 into ZetaRank, a 3B-parameter "
                           "listwise reranker. We plug a new head into FooRank, a recent reranker.")
    assert entities["ZetaRank"] == ("Method", "proposed") and entities.get("FooRank", ("", "used"))[1] == "used", entities


@pytest.mark.parametrize("text, name", [
    ("Robotic Grasping\n\nWe train a grasping policy in simulation. The resulting policy, GraspZeta, achieves a 91% "
     "success rate.", "GraspZeta"),
    ("Self-Correction\n\nWe study small models. Our 1.5B model, ZetaCorrect, achieves 52.3% on MATH.", "ZetaCorrect"),
])
def test_error_class_the_resulting_or_our_sized_model_named_after_a_comma_is_the_papers(nlp, text, name):
    entities, _ = run(nlp, text)
    assert entities[name] == ("Method", "proposed"), entities


def test_error_class_outperformed_by_is_no_win(nlp):
    _, relations = run(nlp, "ZetaKG\n\nWe propose ZetaKG. ZetaKG is competitive with KorNet, and it is outperformed by "
                            "TarnGNN only on WN18RR.")
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations


def test_error_class_data_a_model_is_trained_on_beside_other_data_is_not_evaluated_on(nlp):
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. ZetaNet trained on KorvexCorpus achieves 91% accuracy on "
                            "TarnBench, surpassing the same model tuned on ShareZeta.")
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"TarnBench"}, relations
    _, relations = run(nlp, "ZetaNet\n\nWe propose ZetaNet. Fine-tuned on GLUE, ZetaNet achieves an average score of 88.1.")
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"GLUE"}, relations


def test_error_class_a_capital_version_or_a_size_release_belongs_to_the_name(nlp):
    entities, _ = run(nlp, "ZetaVid\n\nWe propose ZetaVid. Compared with KorvexMAE V2 and Whisper large-v3, it is faster.")
    assert {"KorvexMAE V2", "Whisper large-v3"} <= set(entities) and "large-v3" not in entities, entities
    # ... and a release joined to its tier
    entities, _ = run(nlp, "ZetaTulu\n\nWe introduce ZetaTulu. It surpasses closed models such as GPT-4o-mini and "
                           "Claude 3.5-Haiku.")
    assert "Claude 3.5-Haiku" in entities and "3.5-Haiku" not in entities, entities


def test_error_class_a_title_of_address_ends_no_sentence():
    text = "On Mr. TyDi, ZetaRet improves recall. It is fast."
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["On Mr. TyDi, ZetaRet improves recall.", "It is fast."]


def test_error_class_a_name_a_score_is_measured_on_is_data(nlp):
    entities, _ = run_rules_only(nlp, "ZetaEvict\n\nWe propose ZetaEvict. Compared to KorLLM, ZetaEvict reduces "
                                      "perplexity on TarnPG-19 by 12%.")
    assert entities["TarnPG-19"][0] == "Dataset", entities


def test_error_class_each_beaten_name_takes_the_data_of_its_own_clause(nlp):
    _, relations = run(nlp, "ZetaLens\n\nWe introduce ZetaLens. ZetaLens surpasses GPT-4o by 5.2% on MathVista and "
                            "outperforms its base model KorVL-7B by 11.3% on MathVerse. On MMLU, ZetaLens beats KorA, "
                            "and on GSM8K it beats KorB.")
    benchmarks = {r[2]: r[3] for r in relations if r[0] == "OUTPERFORMS"}
    assert benchmarks == {"GPT-4o": "MathVista", "KorVL-7B": "MathVerse", "KorA": "MMLU", "KorB": "GSM8K"}, relations


def test_error_class_a_part_of_a_known_dataset_is_named_with_it(nlp):
    entities, _ = run(nlp, "ZetaCount\n\nWe propose ZetaCount. On the ShanghaiTech Part A and Part B datasets, ZetaCount "
                           "reduces the error.")
    assert "ShanghaiTech Part A" in entities and "Part B" not in entities, entities


def test_error_class_a_known_dataset_defined_by_a_lowercase_long_form_keeps_its_short_name(nlp):
    entities, relations = run(nlp, "ZetaSTN\n\nWe propose ZetaSTN, with results on the street view house numbers (SVHN) "
                                   "dataset.")
    assert entities.get("SVHN", ("",))[0] == "Dataset" and ("EVALUATED_ON", None, "SVHN", None) in relations, entities


def test_error_class_a_known_name_inside_a_proposed_name_is_no_entity_of_its_own(nlp):
    entities, relations = run(nlp, "Mask Zeta R-CNN\n\nWe study this problem and propose Mask Zeta R-CNN which learns "
                                   "mask quality. Experiments on COCO show that Mask Zeta R-CNN brings consistent gains "
                                   "and outperforms Mask R-CNN.")
    assert entities.get("Mask Zeta R-CNN") == ("Method", "proposed") and "R-CNN" not in entities, entities
    assert ("OUTPERFORMS", "Mask Zeta R-CNN", "Mask R-CNN", "COCO") in relations, relations


def test_error_class_our_model_of_a_known_dataset_does_not_propose_the_dataset(nlp):
    entities, _ = run(nlp, "Architecture Search\n\nWe search for architectures. Our CIFAR-10 model achieves a test error "
                           "rate of 3.65 on CIFAR-10.")
    assert entities["CIFAR-10"] == ("Dataset", "used"), entities


@pytest.mark.parametrize("sentence, name", [
    ("We also release KorvexMix, the 800K-example training set.", "KorvexMix"),
    ("We propose TarnEval-Lite, a 500-question subset that preserves the ranking.", "TarnEval-Lite"),
    # (not a method for the apposition's later "applications")
    ("We build KorvexWorks, an environment with 120 real enterprise applications and 1,400 tasks.", "KorvexWorks"),
])
def test_error_class_a_name_an_apposition_calls_an_environment_a_set_or_subset_is_data(nlp, sentence, name):
    entities, _ = run(nlp, f"ZetaNet\n\nWe release ZetaNet-7B, a reasoning model. {sentence}")
    assert entities[name][0] in ("Dataset", "Benchmark") and entities[name][1] == "proposed", entities


def test_error_class_a_name_in_apposition_to_the_prior_method_is_a_method(nlp):
    entities, relations = run(nlp, "ZetaPlan\n\nWe present ZetaPlan. On ALFRED, ZetaPlan improves success rates by 9 "
                                   "points over the strongest prior method, LLM-Korvex.")
    assert entities.get("LLM-Korvex", ("",))[0] == "Method", entities
    assert ("OUTPERFORMS", "ZetaPlan", "LLM-Korvex", "ALFRED") in relations, relations


def test_error_class_far_above_claims_a_win_and_scores_as_a_verb_is_no_metric(nlp):
    entities, relations = run(nlp, "ZetaTune\n\nWe propose ZetaTune. ZetaTune scores far above KorvexNet on TarnBench.")
    assert entities["ZetaTune"] == ("Method", "proposed"), entities
    assert ("OUTPERFORMS", "ZetaTune", "KorvexNet", "TarnBench") in relations, relations


def test_error_class_data_a_model_was_trained_on_is_no_comparisons_benchmark(nlp):
    _, relations = run(nlp, "ZetaTune\n\nWe propose ZetaTune. Pre-trained on ImageNet-21k, ZetaTune outperforms KorLoRA "
                            "on TarnBench. Dual encoders with ZetaTune outperform models trained on MS MARCO like KorBERT.")
    benchmarks = {r[2]: r[3] for r in relations if r[0] == "OUTPERFORMS"}
    assert benchmarks == {"KorLoRA": "TarnBench", "KorBERT": None}, relations


def test_error_class_a_plain_capitalised_word_listed_with_coined_names_after_a_win_is_a_method(nlp):
    entities, relations = run(nlp, "ZetaTS\n\nWe propose ZetaTS. On ETTh1, ZetaTS outperforms Korformer, Tarnformer and "
                                   "FEDzeta. It also beats Transformers.")
    assert {"Korformer", "Tarnformer", "FEDzeta"} <= {r[2] for r in relations if r[0] == "OUTPERFORMS"}, relations
    assert "Transformers" not in entities, entities


def test_error_class_names_a_model_transfers_to_are_data_and_points_higher_than_claims_a_win(nlp):
    entities, relations = run_rules_only(nlp, "ZetaSeg\n\nWe propose ZetaSeg. Evaluations show that zero-shot transfer to "
                                              "KorvexGlobe and TarnNet-7 gives consistent gains. ZetaSeg reaches 54.1 mIoU "
                                              "on ADE20K, 3.2 points higher than SAM-Zeta.")
    assert entities["KorvexGlobe"][0] == entities["TarnNet-7"][0] == "Dataset", entities
    assert ("OUTPERFORMS", "ZetaSeg", "SAM-Zeta", "ADE20K") in relations, relations


def test_error_class_a_name_a_lowercase_metric_is_reported_on_is_data(nlp):
    entities, _ = run_rules_only(nlp, "ZetaSeg\n\nWe propose ZetaSeg. ZetaSeg reaches 54.1 mIoU on KorvexDA and 0.71 "
                                      "nDCG@10 on TarnIR.")
    assert entities["KorvexDA"][0] == entities["TarnIR"][0] == "Dataset", entities


@pytest.mark.parametrize("sentence, beaten", [
    ("Experiments on NUS-WIDE show that ZetaNet yields substantial boosts in mean average precision over hashing "
     "methods such as KPSH and HashZeta.", {"KPSH", "HashZeta"}),
    ("On OSWorld, it reaches a success rate of 24.8%, beating both open-source and proprietary models, including "
     "KorAgent and TarnAgent.", {"KorAgent", "TarnAgent"}),  # (", including" ends no clause)
    ("On Arena-Hard, ZetaNet yields gains of 4.1% over KorPO and 2.3% over TarnPO.", {"KorPO", "TarnPO"}),
    ("On UCF-QNRF, ZetaNet achieves the lowest error among compared methods, including KorCNN and TarnNet.",
     {"KorCNN", "TarnNet"}),
])
def test_error_class_phrases_that_claim_a_win_name_the_beaten(nlp, sentence, beaten):
    _, relations = run(nlp, f"ZetaNet\n\nWe propose ZetaNet. {sentence}")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == beaten, relations


@pytest.mark.parametrize("text, claim", [
    pytest.param("ZetaTraffic\n\nWe propose ZetaTraffic. ZetaTraffic reduces the mean absolute error by 7.2% relative to "
                 "KorvexNet.", ("ZetaTraffic", "KorvexNet"), id="relative to a name after a gain"),
    pytest.param("ZetaDecode\n\nWe present ZetaDecode, an attention kernel. ZetaDecode achieves up to 8x faster decoding "
                 "than KorAttention-2 on sequences of 64K tokens.", ("ZetaDecode", "KorAttention-2"),
                 id="faster at something than a name"),
])
def test_error_class_a_comparison_phrase_claims_a_win(nlp, text, claim):
    _, relations = run(nlp, text)
    assert ("OUTPERFORMS", *claim) in {r[:3] for r in relations}, relations


def test_error_class_a_name_after_the_kind_the_paper_develops_is_its_own(nlp):
    entities, relations = run(nlp, "Few-Shot Detection\n\nWe develop a few-shot detector, Meta-Zeta, that adapts a meta "
                                   "learner. On PASCAL VOC, Meta-Zeta outperforms KorDet.")
    assert entities.get("Meta-Zeta") == ("Method", "proposed"), entities
    assert ("OUTPERFORMS", "Meta-Zeta", "KorDet", "PASCAL VOC") in relations, relations


def test_error_class_every_claim_of_a_sentence_names_its_beaten(nlp):
    _, relations = run(nlp, "ZetaTraffic\n\nWe propose ZetaTraffic. On METR-LA, ZetaTraffic reduces the error by 7.2% "
                            "relative to Graph KorNet, and it outperforms TarnGCN on all horizons. In TarnWorld, ZetaTraffic "
                            "improves on repeated trials, outperforming agents like KorFlex by 23 points.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} >= {"KorNet", "TarnGCN", "KorFlex"}, relations


def test_error_class_data_cited_as_examples_of_what_exists_is_data_not_evaluated_on(nlp):
    text = ("ZetaAgent: Recovering Web Agents\n\nExisting benchmarks such as KorvexShop and TarnWeb test single "
            "trajectories without recovery. We present ZetaAgent. On ZetaArena, ZetaAgent achieves a success rate of 23.4%.")
    entities, relations = run(nlp, text)
    assert entities["KorvexShop"] == entities["TarnWeb"] == ("Benchmark", "used"), entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"ZetaArena"}, relations
    # Not when the sentence reports on them: "X produces strong results across benchmarks like A and B".
    text = ("ZetaIO\n\nWe propose ZetaIO. ZetaIO produces strong results across 16 diverse benchmarks like KorvexDepth "
            "and TarnVQA.")
    _, relations = run(nlp, text)
    assert {"KorvexDepth", "TarnVQA"} <= {r[2] for r in relations if r[0] == "EVALUATED_ON"}, relations


def results_of(nlp, text):
    doc = nlp(make_doc(nlp, text))
    return {(r.method, r.benchmark, r.value) for r in doc._.kg_results}


@pytest.mark.parametrize("text, expected", [
    pytest.param("ZetaPO\n\nWe propose ZetaPO. On TarnEval 2.0, ZetaPO trained on KorvexFeedback reaches a win rate of "
                 "24.1%.",
                 {("ZetaPO", "TarnEval 2.0", "24.1%")}, id="trained-on data is no result's benchmark"),
    pytest.param("ZetaWeb\n\nWe present ZetaWeb. On TarnArena, ZetaWeb achieves a task success rate of 23.4%, compared "
                 "with 14.9% for the strongest prior agent, KorStep.",
                 {("ZetaWeb", "TarnArena", "23.4%"), ("KorStep", "TarnArena", "14.9%")},
                 id="a score for the prior method in apposition"),
    pytest.param("ZetaSE\n\nWe propose ZetaSE. On the KorvexVoice benchmark, ZetaSE achieves a PESQ of 3.12 and on the "
                 "TarnNoise dataset a PESQ of 2.97.",
                 {("ZetaSE", "KorvexVoice", "3.12"), ("ZetaSE", "TarnNoise", "2.97")},
                 id="a score before 'and on Y' is of the data before"),
    pytest.param("ZetaCoder\n\nWe present ZetaCoder. ZetaCoder improves pass@1 on KorvexPL Rust from 28.1% to 39.7% "
                 "while retaining its Python performance on HumanEval.",
                 {("ZetaCoder", "KorvexPL", "39.7%")}, id="a score before a while clause"),
    pytest.param("ZetaVet\n\nWe propose ZetaVet, a benchmark. On ZetaVet, the best model, GPT-4V, scores 67.7%, while "
                 "LLaVA-1.5-13B scores 36.3%.",
                 {("GPT-4V", "ZetaVet", "67.7%"), ("LLaVA-1.5-13B", "ZetaVet", "36.3%")},
                 id="each name's score right after it"),
])
def test_error_class_whose_score_on_what(nlp, text, expected):
    """Results whose method or benchmark the sentence's shape decides (see extractors/results.py)."""
    assert results_of(nlp, text) == expected



def test_error_class_adapting_to_a_name_makes_it_data_and_the_opening_phrase_names_no_subject(nlp):
    text = ("ZetaTTA: Test-Time Adaptation\n\nWe introduce ZetaTTA, a test-time adaptation method. Adapting a KorFormer-B5 "
            "trained on Cityscapes to TarnFog, ZetaTTA improves mIoU from 56.1 to 62.7, outperforming TENT and CoTTA.")
    entities, relations = run(nlp, text)
    assert entities["TarnFog"][0] == "Dataset", entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"TarnFog"}, relations
    assert results_of(nlp, text) == {("ZetaTTA", "TarnFog", "62.7")}


def test_error_class_names_scored_in_brackets_after_a_comparison_are_beaten_methods_with_their_scores(nlp):
    text = ("ZetaDiff\n\nWe propose ZetaDiff. On the KorvexSim benchmark, ZetaDiff achieves an average success rate of 78%, "
            "outperforming ACT (61%) and Tarn Policy (65%).")
    entities, relations = run(nlp, text)
    assert entities["ACT"][0] == entities["Tarn Policy"][0] == "Method", entities
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {("ZetaDiff", "ACT"), ("ZetaDiff", "Tarn Policy")}
    assert {("ACT", "KorvexSim", "61%"), ("Tarn Policy", "KorvexSim", "65%")} <= results_of(nlp, text)
    # "above" a name given a lower score claims a win too.
    text = ("ZetaPO\n\nWe propose ZetaPO. On TarnEval, ZetaPO reaches a win rate of 24.1%, above KorPO (20.3%) and "
            "SimPO (22.0%).")
    _, relations = run(nlp, text)
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {("ZetaPO", "KorPO"), ("ZetaPO", "SimPO")}



def test_error_class_a_lowercase_name_with_a_number_before_its_data_noun_is_data(nlp):
    text = ("ZetaGP\n\nWe propose ZetaGP. On the korv40k dataset, ZetaGP reaches an RMSE of 0.21, and on the "
            "tarntext-103 benchmark a perplexity of 18.2.")
    entities, _ = run(nlp, text)
    assert entities["korv40k"][0] == "Dataset" and entities["tarntext-103"][0] == "Benchmark", entities
    # each score is of its own clause's data
    assert results_of(nlp, text) == {("ZetaGP", "korv40k", "0.21"), ("ZetaGP", "tarntext-103", "18.2")}


def test_error_class_data_released_as_a_named_dataset_is_proposed_not_evaluated_on(nlp):
    text = ("ZetaChunk\n\nWe propose ZetaChunk, a diffusion policy. On the KorvexSim benchmark, ZetaChunk achieves a "
            "success rate of 78%. We release our teleoperation data of 2,000 demonstrations as the TarnChunk dataset.")
    entities, relations = run(nlp, text)
    assert entities["TarnChunk"] == ("Dataset", "proposed"), entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"KorvexSim"}, relations


def test_error_class_data_listed_after_trained_on_or_adapting_from_is_not_evaluated_on(nlp):
    text = ("ZetaRoad\n\nWe propose ZetaRoad. We evaluate ZetaRoad on the Cityscapes dataset by adapting from KorvexSim "
            "and TarnSynth datasets, where the results demonstrate its effectiveness.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"Cityscapes"}, relations


def test_error_class_and_also_starts_a_new_clause_of_the_same_subject(nlp):
    _, relations = run(nlp, "ZetaMerge\n\nWe present ZetaMerge. It outperforms KorViT and TarnViT at equal throughput, "
                            "and also speeds up Stable Diffusion by 1.8x.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"KorViT", "TarnViT"}, relations


def test_error_class_a_score_reached_on_an_opening_name_makes_it_data(nlp):
    entities, relations = run_rules_only(nlp, "ZetaSeg\n\nWe present ZetaSeg. On KorvexNet200, ZetaSeg reaches 24.3 AP.")
    assert entities["KorvexNet200"][0] == "Dataset", entities
    assert results_of(nlp, "ZetaSeg\n\nWe present ZetaSeg. On KorvexNet200, ZetaSeg reaches 24.3 AP.") == {
        ("ZetaSeg", "KorvexNet200", "24.3")}



def test_error_class_a_known_technique_opening_the_title_is_not_proposed_beside_a_named_proposal(nlp):
    text = ("Retrieval-Augmented Generation for Clinical Question Answering\n\nWe propose ZetaRAG, which retrieves "
            "passages from PubMed. On MedQA, ZetaRAG outperforms Self-RAG and CRAG.")
    entities, relations = run(nlp, text)
    assert entities["Retrieval-Augmented Generation"][1] == "used" and entities["ZetaRAG"][1] == "proposed", entities
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {("ZetaRAG", "Self-RAG"), ("ZetaRAG", "CRAG")}
    # Alone, the title's known name is the paper's.
    entities, _ = run(nlp, "Matching Networks for One Shot Learning\n\nWe employ ideas from metric learning.")
    assert entities["Matching Networks"][1] == "proposed", entities


def test_error_class_our_protocol_names_a_proposal(nlp):
    entities, _ = run(nlp, "Debate\n\nWe examine whether debate improves factuality. In our protocol, ZetaDebate, three "
                           "agents answer and critique each other.")
    assert entities["ZetaDebate"] == ("Method", "proposed"), entities


def test_error_class_a_model_made_from_the_proposal_and_described_by_which_scores_is_proposed_and_scored(nlp):
    text = ("ZetaSynth\n\nWe present ZetaSynth, a pipeline for instruction dialogues. Fine-tuning Mistral-7B on 500K "
            "ZetaSynth dialogues yields ZetaSynth-7B, which scores 7.9 on MT-Bench, outperforming Zephyr-7B-beta and "
            "matching Llama-2-70B-chat.")
    entities, relations = run(nlp, text)
    assert entities["ZetaSynth-7B"] == ("Method", "proposed"), entities
    assert results_of(nlp, text) == {("ZetaSynth-7B", "MT-Bench", "7.9")}
    # "and matching X" is no claim to beat X
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"Zephyr-7B-beta"}, relations


def test_error_class_a_lower_value_of_a_lower_is_better_metric_claims_a_win(nlp):
    entities, relations = run(nlp, "ZetaCast\n\nWe introduce ZetaCast. In zero-shot evaluation, ZetaCast achieves a lower "
                                   "MASE than KorBEATS and TarnTST, and is second only to TimesFM.")
    assert entities["MASE"][0] == "Metric", entities
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"KorBEATS", "TarnTST"}, relations


def test_error_class_names_inside_the_comparison_phrase_are_not_beaten(nlp):
    _, relations = run(nlp, "ZetaFT\n\nWe propose ZetaFT. On subject personalization, ZetaFT improves DINO similarity "
                            "from 0.668 to 0.701 over LoRA while keeping KorCLIP at 0.31.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"LoRA"}, relations


def test_error_class_an_acronym_listed_with_other_beaten_names_is_a_method(nlp):
    entities, relations = run(nlp, "ZetaDA\n\nWe propose ZetaDA. We evaluate on adaptation from MNIST to SVHN, where "
                                   "ZetaDA outperforms KDC and Deep TarnCORAL.")
    assert entities["KDC"][0] == "Method", entities
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} >= {"KDC"}, relations


def test_error_class_a_plain_capitalised_word_listed_with_coined_method_names_is_a_method(nlp):
    entities, _ = run(nlp, "A Survey\n\nWe review over 80 models, including KorRT-2, TarnVLA and Octo, and organize them "
                           "by architecture.")
    assert entities["Octo"][0] == "Method", entities
    # alone, a plain word after "models including" is no name
    entities, _ = run(nlp, "A Survey\n\nWe review models including Transformers and Mixers.")
    assert "Transformers" not in entities and "Mixers" not in entities, entities


def test_error_class_a_name_scored_in_brackets_after_improving_upon_is_beaten(nlp):
    entities, relations = run(nlp, "ZetaCTD\n\nWe introduce ZetaCTD. ZetaCTD achieves an FID of 1.73 on CIFAR-10 with a "
                                   "single step, improving upon Korvex Models (3.55 FID).")
    assert entities["Korvex Models"][0] == "Method", entities
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {("ZetaCTD", "Korvex Models")}, relations


def test_error_class_data_a_model_is_pretrained_trained_or_built_from_is_not_evaluated_on(nlp):
    text = ("ZetaDepth\n\nWe present ZetaDepth. Using an ImageNet-pretrained ResNet-50 encoder, we train on KorvexDrive and "
            "test on TarnNight and TarnRain, reducing AbsRel by 21% relative to Monodepth2.")
    entities, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"TarnNight", "TarnRain"}, relations
    assert entities["AbsRel"][0] == "Metric", entities
    text = ("ZetaCurriculum\n\nWe propose ZetaCurriculum. Training Phi-2 on a curriculum built from KorvexMathQA improves "
            "GSM8K accuracy from 57.2% to 64.9% and MATH accuracy from 12.1% to 16.4%.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"GSM8K", "MATH"}, relations
    # the object of an opening gerund is not whose score it is; each score is of the data right before it
    assert results_of(nlp, text) == {("ZetaCurriculum", "GSM8K", "64.9%"), ("ZetaCurriculum", "MATH", "16.4%")}



def test_error_class_an_acronym_joined_to_a_capitalised_noun_is_a_name():
    from extractors.text import is_coined_name

    assert [is_coined_name(w) for w in ("API-Bank", "RAG-Token", "ML-Bench", "Tree-LSTM", "Rank-SVM")] == [True] * 5
    # but not a description, a plural, two generic acronyms or a data name's model
    assert [is_coined_name(w) for w in ("LLM-Based", "AI-Generated", "LLM-Agents", "CNN-LSTM", "Imagenet-CNN")] == [False] * 5


def test_error_class_an_overlap_threshold_is_no_score_and_coordinated_scores_for_a_name_are_its(nlp):
    text = ("ZetaVid\n\nWe present ZetaVid. On Charades-STA, ZetaVid achieves an R@1 (IoU=0.5) of 52.3.")
    assert results_of(nlp, text) == {("ZetaVid", "Charades-STA", "52.3")}
    text = ("ZetaNeRF\n\nWe propose ZetaNeRF. With three input views, ZetaNeRF reaches 21.4 dB PSNR on LLFF, compared with "
            "19.1 dB and 17.9 dB for KorNeRF.")
    assert {r[0] for r in results_of(nlp, text) if r[2] in ("19.1", "17.9")} == {"KorNeRF"}



def test_error_class_a_name_the_sentence_says_is_a_dataset_is_data(nlp):
    entities, _ = run_rules_only(nlp, "Counting\n\nWe count crowds. KorvexCount is a crowd counting dataset with 1,535 "
                                      "images.")
    assert entities["KorvexCount"][0] == "Dataset", entities


def test_error_class_scores_given_for_a_baseline_pair_with_the_data_of_the_earlier_scores(nlp):
    text = ("ZetaSAM\n\nWe propose ZetaSAM. Trained on a mixture of KorvexSeg, TarnDA and KorGlobe, ZetaSAM achieves "
            "72.4 mIoU on KorvexSeg and 53.1 mIoU on TarnDA, compared with 61.8 and 44.0 for Grounded-SAM.")
    assert results_of(nlp, text) == {("ZetaSAM", "KorvexSeg", "72.4"), ("ZetaSAM", "TarnDA", "53.1"),
                                     ("Grounded-SAM", "KorvexSeg", "61.8"), ("Grounded-SAM", "TarnDA", "44.0")}
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"KorvexSeg", "TarnDA"}, relations


def test_error_class_the_name_after_a_fronted_fine_tuned_on_phrase_is_its_subject_not_data(nlp):
    text = ("ZetaMoE\n\nWe train sparse vision transformers. Fine-tuned on ImageNet, ZetaMoE-15B reaches 90.35% top-1 "
            "accuracy.")
    entities, relations = run_rules_only(nlp, text)
    assert entities["ZetaMoE-15B"][0] == "Method", entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"ImageNet"}, relations


def test_error_class_a_score_on_a_variant_of_a_name_makes_it_data(nlp):
    text = ("ZetaMAE\n\nWe propose ZetaMAE. ZetaMAE achieves 93.8% accuracy on ModelNet40 and 85.18% on the hardest "
            "variant of KorvexObjectNN.")
    entities, _ = run_rules_only(nlp, text)
    assert entities["KorvexObjectNN"][0] == "Dataset", entities
    assert ("ZetaMAE", "KorvexObjectNN", "85.18%") in results_of(nlp, text)


def test_error_class_sizes_of_own_and_known_models_and_own_data_named_after_the_method(nlp):
    text = ("ZetaMamba\n\nWe present ZetaMamba, a vision backbone. On COCO, ZetaMamba-S achieves 48.7 box AP, outperforming "
            "Swin-S by 3.9 AP and DeiT-S by 3.3 AP, and Swin-T is slower.")
    entities, relations = run(nlp, text)
    assert entities["ZetaMamba-S"] == ("Method", "proposed") and entities["Swin-S"] == ("Method", "used"), entities
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {("ZetaMamba-S", "Swin-S"), ("ZetaMamba-S", "DeiT-S")}
    text = ("ZetaWriter\n\nWe build ZetaWriter, which splits long writing tasks, and use it to construct ZetaWriter-6k, a "
            "dataset of 6,000 examples.")
    entities, _ = run(nlp, text)
    assert entities["ZetaWriter-6k"] == ("Dataset", "proposed"), entities


def test_error_class_coordinated_own_methods_each_beat_the_named_baselines(nlp):
    text = ("Two Baselines\n\nWe propose two simple methods, ZetaMix and KorShift. On ImageNet-LT, ZetaMix and KorShift "
            "both outperform TarnDRW and Decoupling.")
    _, relations = run(nlp, text)
    assert {(r[1], r[2]) for r in relations if r[0] == "OUTPERFORMS"} == {
        ("ZetaMix", "TarnDRW"), ("ZetaMix", "Decoupling"), ("KorShift", "TarnDRW"), ("KorShift", "Decoupling")}, relations


def test_error_class_the_bracketed_score_of_the_previous_best_is_its_score(nlp):
    text = ("ZetaDiT\n\nOur ZetaDiT model attains an FID of 2.27 on ImageNet, improving on the previous best KorLDM-4 (3.60) "
            "and TarnADM-G (4.59).")
    assert results_of(nlp, text) == {("ZetaDiT", "ImageNet", "2.27"), ("KorLDM-4", "ImageNet", "3.60"),
                                     ("TarnADM-G", "ImageNet", "4.59")}


def test_error_class_a_benchmark_built_on_clips_from_data_is_not_evaluated_on_its_sources(nlp):
    text = ("ZetaHallu\n\nWe construct ZetaHallu, a benchmark of 3,000 question-answer pairs, built on clips from "
            "Kinetics-700 and KorvexSomething V2. Evaluating 14 video LLMs, we find that GPT-4o reaches 61.2% accuracy "
            "and the best open model, Qwen2-VL-72B, 54.7%.")
    entities, relations = run(nlp, text)
    assert entities["Kinetics-700"][0] == "Dataset", entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"ZetaHallu"}, relations
    assert results_of(nlp, text) == {("GPT-4o", "ZetaHallu", "61.2%"), ("Qwen2-VL-72B", "ZetaHallu", "54.7%")}
    # a fronted phrase's comma ends the list of sources
    _, relations = run(nlp, "ZetaScript\n\nBuilt from KorvexHow, ZetaScript covers 6,655 tasks. We evaluate models on "
                            "ZetaScript.")
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"ZetaScript"}, relations


def test_error_class_scores_bracketed_after_a_baseline_are_its_and_ahead_of_claims_a_win(nlp):
    text = ("ZetaIVR\n\nWe propose ZetaIVR. On the KorvexRL benchmark, ZetaIVR achieves a normalized score of 82.4 on "
            "locomotion and 71.3 on TarnMaze, exceeding IQL (77.0 and 63.2) and CQL.")
    assert results_of(nlp, text) == {("ZetaIVR", "KorvexRL", "82.4"), ("ZetaIVR", "TarnMaze", "71.3"),
                                     ("IQL", "KorvexRL", "77.0"), ("IQL", "TarnMaze", "63.2")}
    _, relations = run(nlp, "ZetaTab\n\nWe present ZetaTab. Across 45 datasets, ZetaTab ranks first on average, ahead "
                            "of XGBoost and CatBoost.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"XGBoost", "CatBoost"}, relations


def test_error_class_preferred_over_claims_a_win_and_we_train_a_new_name_proposes_it(nlp):
    _, relations = run(nlp, "ZetaDiff\n\nWe present ZetaDiff. In human evaluations on PartiPrompts, images from ZetaDiff "
                            "are preferred over those from the base model 71% of the time and over KorDPOK 63% of the "
                            "time.")
    assert ("OUTPERFORMS", "ZetaDiff", "KorDPOK") in {r[:3] for r in relations}, relations
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"PartiPrompts"}, relations
    entities, _ = run(nlp, "ZetaE5\n\nWe train ZetaE5-Para, a multilingual embedding model pretrained on 1B parallel "
                           "sentence pairs from KorMatrix. On the TarnQA cross-lingual benchmark it reaches a Recall@100 "
                           "of 78.9. An RTX 4090 suffices.")
    assert entities["ZetaE5-Para"] == ("Method", "proposed"), entities
    assert entities["KorMatrix"][0] == "Dataset" and entities["TarnQA"][0] == "Benchmark", entities
    assert "RTX 4090" not in entities and "RTX" not in entities, entities


def test_error_class_models_obtained_by_fine_tuning_are_proposed_and_proving_a_share_is_a_score(nlp):
    text = ("ZetaChem\n\nWe construct KorInstruct, a dataset of 3M instructions, and fine-tune Mistral-7B and Llama-3-8B on "
            "it to obtain ZetaChem-7B and ZetaChem-8B. On the TarnChemBench benchmark, ZetaChem-8B reaches 68.2% accuracy, "
            "above GPT-4 (61.5%).")
    entities, relations = run(nlp, text)
    assert entities["ZetaChem-7B"][1] == entities["ZetaChem-8B"][1] == "proposed", entities
    assert ("OUTPERFORMS", "ZetaChem-8B", "GPT-4") in {r[:3] for r in relations}, relations
    text = ("ZetaProof\n\nWe introduce ZetaProof. ZetaProof proves 63.5% of the theorems in the KorF2F test set.")
    assert results_of(nlp, text) == {("ZetaProof", "KorF2F", "63.5%")}


def test_error_class_what_a_model_is_trained_on_is_data(nlp):
    entities, _ = run(nlp, "ZetaSAM\n\nWe propose ZetaSAM. Trained on a mixture of KorvexSeg, TarnDA and KorGlobe, "
                           "ZetaSAM achieves 72.4 mIoU on KorvexSeg.")
    assert entities["KorGlobe"][0] == entities["TarnDA"][0] == "Dataset", entities
    assert entities["ZetaSAM"][0] == "Method", entities


def test_a_winner_named_twice_after_compared_with_gives_one_claim_and_no_crash(nlp):
    # (found by the speed benchmark's unseen text: the coordinated-winners rule assumed the winners
    # stand before the cue, which "Compared with X, ..." does not)
    text = ("ZetaSup\n\nWe develop a model called ZetaSup. Compared with KorSOTA models, the proposed ZetaSup improves "
            "accuracy and ZetaSup is faster.")
    _, relations = run(nlp, text)
    assert [r[:3] for r in relations if r[0] == "OUTPERFORMS"] in ([], [("OUTPERFORMS", "ZetaSup", "KorSOTA")]), relations


def test_error_class_a_doubled_score_after_a_comma_and_a_year_after_an_apostrophe(nlp):
    text = ("ZetaGen\n\nWe propose ZetaGen. With ZetaGen data, ZetaGen nearly doubles the success rate on KorvexWorld, "
            "from 9.8% to 17.4%.")
    assert results_of(nlp, text) == {("ZetaGen", "KorvexWorld", "17.4%")}
    entities, _ = run(nlp, "ZetaPRM\n\nWe introduce ZetaPRM. ZetaPRM beats KorPRM on MATH-500 and AIME '24.")
    assert "AIME '24" in entities, entities


def test_error_class_a_word_and_a_letter_is_a_name():
    from extractors.text import is_coined_name

    assert [is_coined_name(w) for w in ("Coconut-X", "Point-E", "Type-A", "Part-B")] == [True, True, False, False]


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("ZetaSAM-2\n\nWe introduce ZetaSAM-2, a foundation model for 3D medical image segmentation that treats "
                 "volume slices as video frames, and KorSeg-1M, a dataset of one million annotated slices across 10 "
                 "modalities.", "KorSeg-1M", ("Dataset", "proposed"), id="a second proposal after a long apposition"),
    pytest.param("Small Models\n\nWe study design choices for small language models. The resulting recipe yields "
                 "ZetaLM-Pro-1B, which matches Qwen2.5-1.5B on MMLU.", "ZetaLM-Pro-1B", ("Method", "proposed"),
                 id="what the resulting recipe yields"),
    pytest.param("Latent Reasoning\n\nWe introduce Korconut-X, which feeds the last hidden state back. On GSM8K, "
                 "Korconut-X reaches 34.1% accuracy.", "Korconut-X", ("Method", "proposed"), id="a word and a letter"),
    pytest.param("Upcycling\n\nWe upcycle a dense Conformer into experts. The upcycled model, ZetaMoE-U, reduces the word "
                 "error rate on LibriSpeech.", "ZetaMoE-U", ("Method", "proposed"), id="the upcycled model"),
    pytest.param("Translation in Linear Time\n\nWe present a novel neural network for processing sequences. The "
                 "ZetaByteNet is a one-dimensional convolutional network with two parts.", "ZetaByteNet",
                 ("Method", "proposed"), id="the name right after an unnamed proposal"),
])
def test_error_class_a_name_the_context_proposes(nlp, text, name, expected):
    entities, _ = run(nlp, text)
    assert entities[name] == expected, entities


def test_error_class_a_name_after_a_named_proposal_is_not_proposed(nlp):
    entities, _ = run(nlp, "Translation\n\nWe present ZetaNet for processing sequences. The KorNet is a recurrent network.")
    assert entities["KorNet"][1] == "used", entities


def test_error_class_and_matching_x_stays_no_claim_when_a_comparison_follows_and_sources_are_data(nlp):
    _, relations = run(nlp, "ZetaJanus\n\nWe present ZetaJanus. ZetaJanus scores 0.61 on GenEval, surpassing KorShow (0.53) "
                            "and matching TarnXL (0.55) while being far smaller than LLaVA-v1.5-7B.")
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"KorShow"}, relations
    entities, _ = run_rules_only(nlp, "Tables\n\nWe benchmark 12 LLMs on ZetaTable, a collection of 8 table tasks built "
                                      "from KorTableQuestions, TarnFact and KorTaQA.")
    assert entities["KorTableQuestions"][0] == entities["TarnFact"][0] == "Dataset", entities


@pytest.mark.parametrize("text, expected", [
    pytest.param("ZetaGNN\n\nWe propose ZetaGNN. On ogbn-arxiv, ZetaGNN reaches 73.4% test accuracy with 40% fewer "
                 "parameters than KorGCN.", {("ZetaGNN", "ogbn-arxiv", "73.4%")}, id="a share fewer"),
    pytest.param("ZetaCast\n\nWe propose ZetaCast. On WeatherBench 2, ZetaCast reaches an RMSE of 41.2 and reduces the "
                 "3-day RMSE of 500 hPa geopotential by 8% relative to KorCast.", {("ZetaCast", "WeatherBench 2", "41.2")},
                 id="a unit"),
    pytest.param("ZetaLong\n\nWe propose ZetaLong. On RULER, ZetaLong achieves an average score of 84.1, while retaining "
                 "98% of the original model's MMLU accuracy.", {("ZetaLong", "RULER", "84.1")}, id="a share of another's score"),
])
def test_error_class_shares_and_measurements_after_a_number_are_no_scores(nlp, text, expected):
    assert results_of(nlp, text) == expected


def test_error_class_a_share_coordinated_before_a_later_comparison_stays_a_score(nlp):
    text = ("ZetaGrid\n\nWe propose ZetaGrid. On the KorGrid-118 and KorGrid-2000 datasets, ZetaGrid reduces the optimality "
            "gap to 0.8% and 1.4% while being 300x faster than TarnOPT.")
    assert {r[2] for r in results_of(nlp, text)} == {"0.8%", "1.4%"}


def test_error_class_split_names_are_not_entities_and_their_scores_are_the_datasets(nlp):
    text = ("ZetaRef\n\nWe propose ZetaRef. Without box-level pre-training, ZetaRef attains 86.2%, 89.5%, and 80.1% accuracy "
            "on the val, testA, and testB splits of RefCOCO, respectively, and sets a new state of the art on RefCOCO+ "
            "and RefCOCOg.")
    entities, _ = run(nlp, text)
    assert not {"testA", "testB"} & set(entities), entities
    assert results_of(nlp, text) == {("ZetaRef", "RefCOCO", "86.2%"), ("ZetaRef", "RefCOCO", "89.5%"),
                                     ("ZetaRef", "RefCOCO", "80.1%")}


def test_error_class_training_data_given_as_an_amount_or_a_size_suffix_is_not_evaluated_on(nlp):
    text = ("ZetaStorm\n\nWe present ZetaStorm, a graph transformer for weather. ZetaStorm is trained on 40 years of "
            "KorvexReanalysis and fine-tuned on regional analyses. On WeatherBench 2, ZetaStorm improves over KorCast.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"WeatherBench 2"}, relations
    entities, _ = run_rules_only(nlp, "Selection\n\nWe propose ZetaSel. Fine-tuning on examples selected from the "
                                      "KorAlpaca-52K pool improves AlpacaEval.")
    assert entities["KorAlpaca-52K"][0] == "Dataset", entities


def test_error_class_names_listed_after_a_source_are_no_subject_of_the_score(nlp):
    text = ("Data Selection\n\nWe propose ZetaSel. Fine-tuning Mistral-7B on 1,000 examples selected by ZetaSel from the "
            "KorAlpaca-52K and WizardLM pools yields a win rate of 21.4% on AlpacaEval 2.0.")
    assert results_of(nlp, text) == {("ZetaSel", "AlpacaEval 2.0", "21.4%")}


def test_error_class_the_score_after_versus_is_the_compared_methods(nlp):
    text = ("ZetaGuard\n\nWe introduce ZetaGuard. Compared with Llama Guard, ZetaGuard achieves a higher F1 on the "
            "KorModeration dataset (0.86 vs. 0.74) while being 12x faster. ZetaGuard rarely refuses benign requests, with "
            "a false refusal rate of 1.3% on XSTest.")
    assert results_of(nlp, text) == {("ZetaGuard", "KorModeration", "0.86"), ("Llama Guard", "KorModeration", "0.74"),
                                     ("ZetaGuard", "XSTest", "1.3%")}


def test_error_class_the_own_method_with_a_word_suffix_is_proposed(nlp):
    text = ("ZetaStorm\n\nWe present ZetaStorm, a weather model. Ensemble forecasts generated with ZetaStorm-Ens are better "
            "calibrated than those of KorCast.")
    entities, _ = run(nlp, text)
    assert entities["ZetaStorm-Ens"] == ("Method", "proposed"), entities


def test_error_class_a_versus_bracket_holds_both_sides_scores_and_despite_ends_the_beaten(nlp):
    text = ("ZetaMed\n\nWe present ZetaMed, a 7B model. Remarkably, ZetaMed surpasses GPT-4o on KorMedVQA (71.2% vs. 68.4%) "
            "despite using no Chain-of-Thought annotations.")
    assert results_of(nlp, text) == {("ZetaMed", "KorMedVQA", "71.2%"), ("GPT-4o", "KorMedVQA", "68.4%")}
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"GPT-4o"}, relations


def test_error_class_resolving_a_share_of_issues_is_a_score_and_an_unnamed_baselines_is_none(nlp):
    text = ("ZetaFix\n\nWe propose ZetaFix. On SWE-bench Verified, ZetaFix resolves 49.0% of issues, outperforming "
            "KorAgent (40.7%), compared to 33.2% for the previous best open-source agent.")
    assert results_of(nlp, text) == {("ZetaFix", "SWE-bench Verified", "49.0%"), ("KorAgent", "SWE-bench Verified", "40.7%")}


def test_error_class_speech_and_video_metrics_are_metrics_not_methods(nlp):
    text = ("ZetaSE\n\nWe present ZetaSE. ZetaSE outperforms KorDemucs on the DNS Challenge test set, achieving a DNSMOS OVRL "
            "of 3.41, and reaches an FVD of 92 on UCF-101.")
    entities, _ = run(nlp, text)
    assert entities["DNSMOS OVRL"][0] == "Metric" and entities["FVD"][0] == "Metric", entities
    assert ("ZetaSE", "UCF-101", "92") in results_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("ZetaRSN\n\nWe propose ZetaRSN. On Tiny ImageNet, our ZetaRSN-50 obtains a top-1 accuracy of 63.4%, compared "
                 "with 60.1% for a ResNet-50 trained under the same protocol.",
                 {("ZetaRSN-50", "Tiny ImageNet", "63.4%"), ("ResNet-50", "Tiny ImageNet", "60.1%")},
                 id="the score for a baseline named with an article"),
    pytest.param("ZetaBench: Customs\n\nWe introduce ZetaBench, a benchmark of 9,600 questions. Even the strongest model, "
                 "GPT-4o, answers only 71.5% of questions correctly.", {("GPT-4o", "ZetaBench", "71.5%")},
                 id="a low score after 'only'"),
    pytest.param("ZetaArena: Web Tasks\n\nWe present ZetaArena, a benchmark of 1,120 web tasks. The best agent, based on "
                 "GPT-4o, completes only 18.3% of tasks. We further propose KorAgent, which improves the success rate of "
                 "GPT-4o to 23.6%.", {("KorAgent", "ZetaArena", "23.6%")},
                 id="the best agent's score is not the paper's method's"),
])
def test_error_class_whose_score_in_benchmark_papers(nlp, text, expected):
    assert results_of(nlp, text) == expected


def test_error_class_a_reduction_to_a_share_is_no_score_of_the_sole_benchmark(nlp):
    text = ("ZetaNER\n\nWe propose ZetaNER and evaluate it on CoNLL-2003. Including the autoencoder reduces training "
            "requirements to 60%, while retaining the same accuracy.")
    assert results_of(nlp, text) == set()


def test_error_class_data_built_to_train_on_is_proposed_not_evaluated_on(nlp):
    text = ("ZetaAudio\n\nWe present ZetaAudio, a single audio generation model. To train it, we construct KorInstruct-2M, a "
            "dataset of two million instruction-audio pairs. On AudioCaps, ZetaAudio achieves an FAD of 1.32.")
    entities, relations = run(nlp, text)
    assert entities["KorInstruct-2M"] == ("Dataset", "proposed"), entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"AudioCaps"}, relations


def test_error_class_a_win_word_of_another_clause_makes_no_compared_with_claim(nlp):
    text = ("ZetaFold\n\nWe present ZetaFold, distilled from KorFold. ZetaFold predicts structures 8 times faster than "
            "KorFold while retaining a TM-score of 0.79 on CAMEO, compared with 0.81 for KorFold and 0.85 for AlphaFold2.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"KorFold"}, relations
    assert ("AlphaFold2", "CAMEO", "0.85") in results_of(nlp, text)


def test_error_class_an_error_lowered_to_a_value_is_a_score_of_the_sole_benchmark(nlp):
    text = ("Attention for Speech\n\nWe evaluate an attention-based recognizer on TIMIT. A change to the attention "
            "mechanism further reduces PER to 17.6%.")
    assert results_of(nlp, text) == {(None, "TIMIT", "17.6%")}


@pytest.mark.parametrize("text, expected", [
    pytest.param("ZetaVerifier\n\nWe propose ZetaVerifier. Used for reranking, ZetaVerifier lifts the accuracy of "
                 "Llama-3.1-8B-Instruct on MATH500 from 51.9% to 63.0%, compared with 58.7% when reranking with an outcome "
                 "reward model.", {("ZetaVerifier", "MATH500", "63.0%")}, id="lifted from a value to another"),
    pytest.param("ZetaChrono: Temporal Order\n\nWe introduce ZetaChrono, a benchmark of 3,800 questions. We evaluate 14 "
                 "models. The best open model, KorVideo-72B, reaches only 54.1%, compared with 89.3% for humans. Training "
                 "on our data improves KorVL-8B by 2.4 points on the temporal subset of MVBench.",
                 {("KorVideo-72B", "ZetaChrono", "54.1%")}, id="a benchmark paper's unplaced score is on its benchmark"),
    pytest.param("ZetaPri\n\nWe present ZetaPri. On the MovingAI benchmark maps, ZetaPri solves 96% of instances, whereas KorPBS and "
                 "TarnCAM solve 71% and 88%, respectively.",
                 {("ZetaPri", "MovingAI", "96%"), ("KorPBS", "MovingAI", "71%"), ("TarnCAM", "MovingAI", "88%")},
                 id="scores paired with names, respectively"),
    pytest.param("ZetaArena: Fresh Problems\n\nWe present ZetaArena, a benchmark of competition problems. The best model, "
                 "o3-mini, solves 62.5% of the problems, followed by DeepSeek-R1 at 51.0%, while GPT-4o solves only 9.8%.",
                 {("o3-mini", "ZetaArena", "62.5%"), ("DeepSeek-R1", "ZetaArena", "51.0%"), ("GPT-4o", "ZetaArena", "9.8%")},
                 id="followed by a name at a score, and a name that solves a share"),
    pytest.param("ZetaIR: Polish Retrieval\n\nWe present ZetaIR, a retrieval benchmark. BM25 remains a strong baseline, while "
                 "fine-tuned multilingual rerankers reach an average nDCG@10 of 0.483.", {(None, "ZetaIR", "0.483")},
                 id="a clause with an unnamed subject of its own"),
])
def test_error_class_whose_score_in_coordinated_and_benchmark_sentences(nlp, text, expected):
    assert results_of(nlp, text) == expected


def test_error_class_an_acronym_defined_after_a_comparison_is_the_beaten_not_a_part(nlp):
    text = ("ZetaEBT\n\nWe present ZetaEBT, an energy-based transformer. On image denoising, ZetaEBT outperforms Diffusion "
            "Transformers (DiT) while using fewer forward passes. On NarrativeQA, ZetaEBT raises ROUGE-L by 4.8 points "
            "over RAPTOR.")
    entities, relations = run(nlp, text)
    assert entities["Diffusion Transformers"] == ("Method", "used"), entities
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"Diffusion Transformers", "RAPTOR"}, relations


def test_error_class_our_classifier_named_is_proposed_and_our_known_data_submission_is_not(nlp):
    entities, _ = run(nlp, "Bag of Tricks\n\nOur experiments show that our fast text classifier ZetaText is often on par "
                           "with deep learning classifiers in accuracy.")
    assert entities["ZetaText"] == ("Method", "proposed"), entities
    entities, _ = run(nlp, "Very Deep Networks\n\nWe evaluate networks of increasing depth. These findings were the basis "
                           "of our ImageNet Challenge 2014 submission.")
    assert entities["ImageNet"][1] == "used", entities


def test_error_class_an_existing_benchmark_named_in_apposition_is_not_proposed(nlp):
    entities, _ = run(nlp, "ZetaUDA\n\nOur method, ZetaUDA, helps. On a standard semi-supervised learning benchmark, "
                           "KorCIFAR, our method achieves an error rate of 5.43 with only 250 examples.")
    assert entities["KorCIFAR"][1] == "used", entities
    entities, _ = run(nlp, "ZetaZEST\n\nWe instantiate this framework with a new English language dataset, KorZEST, "
                           "structured for task-oriented evaluation.")
    assert entities["KorZEST"] == ("Dataset", "proposed"), entities


def test_error_class_we_train_a_new_name_on_data_proposes_it(nlp):
    entities, _ = run(nlp, "Recurrent Depth\n\nWe study latent reasoning. We train ZetaHuginn-3.5B on 800B tokens with a "
                           "random number of iterations, and evaluate it on GSM8K.")
    assert entities["ZetaHuginn-3.5B"] == ("Method", "proposed"), entities
    entities, _ = run(nlp, "Baselines\n\nWe study augmentation. We train ResNet-50 on ImageNet with our ZetaAug policy.")
    assert entities["ResNet-50"][1] == "used", entities


def test_error_class_zero_shot_generalisation_targets_and_joint_training_data(nlp):
    text = ("ZetaNav\n\nWe present ZetaNav. Trained only on R2R, ZetaNav achieves a success rate of 62% on the R2R "
            "val-unseen split and generalizes zero-shot to KORVERIE and TARNSOON, where it outperforms DUET.")
    entities, relations = run(nlp, text)
    assert entities["KORVERIE"][0] == entities["TARNSOON"][0] == "Dataset", entities
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"R2R", "KORVERIE", "TARNSOON"}, relations
    text = ("ZetaSeg\n\nWe propose ZetaSeg, a point transformer trained jointly on ScanNet, S3DIS, SemanticKITTI and "
            "nuScenes. ZetaSeg achieves 77.8 mIoU on ScanNet val and 73.1 mIoU on SemanticKITTI.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "EVALUATED_ON"} == {"ScanNet", "SemanticKITTI"}, relations


def test_error_class_a_score_in_human_written_work_is_nobodys(nlp):
    text = ("ZetaSurvey-Bench: Literature Reviews\n\nWe introduce ZetaSurvey-Bench, a benchmark of 120 surveys. We evaluate KorSurvey and STORM. Citation "
            "precision is 61.2% for KorSurvey and 55.8% for STORM, compared with 92.4% in human-written surveys.")
    assert results_of(nlp, text) == {("KorSurvey", "ZetaSurvey-Bench", "61.2%"), ("STORM", "ZetaSurvey-Bench", "55.8%")}


def test_error_class_a_known_method_written_in_lower_case_is_a_concept_unless_defined(nlp):
    entities, _ = run(nlp, "ZetaAct\n\nWe train a diffusion policy with ZetaAct. Retrieval-augmented generation helps. "
                           "ZetaAct outperforms Diffusion Policy.")
    assert "Diffusion Policy" in entities and not {"diffusion policy", "Retrieval-augmented generation"} & set(entities), entities
    entities, _ = run(nlp, "Detection\n\nWe build on a feature pyramid network (FPN) with a new head, ZetaHead.")
    assert "FPN" in entities, entities


def test_error_class_bracketed_scores_of_two_baselines_pair_with_the_data_in_order(nlp):
    text = ("ZetaStep\n\nWe propose ZetaStep, a training-free ODE solver. With 10 function evaluations, ZetaStep achieves "
            "FIDs of 2.81 on CIFAR-10 and 3.95 on FFHQ, improving over KorSolver (4.70 and 6.12) and TarnPC (3.87 and 5.41).")
    assert results_of(nlp, text) == {
        ("ZetaStep", "CIFAR-10", "2.81"), ("ZetaStep", "FFHQ", "3.95"), ("KorSolver", "CIFAR-10", "4.70"),
        ("KorSolver", "FFHQ", "6.12"), ("TarnPC", "CIFAR-10", "3.87"), ("TarnPC", "FFHQ", "5.41")}


def test_error_class_data_that_we_generate_is_proposed(nlp):
    text = ("ZetaLayout\n\nWe present ZetaLayout, which pre-trains a detector on KorSynth-300K, a synthetic dataset of "
            "300K document pages that we generate with a layout algorithm. ZetaLayout achieves 79.7% mAP on D4LA.")
    entities, _ = run(nlp, text)
    assert entities["KorSynth-300K"] == ("Dataset", "proposed"), entities


@pytest.mark.parametrize("text, expected", [
    pytest.param("ZetaCL\n\nWe propose ZetaCL. On Split CIFAR-100 and ImageNet-R, ZetaCL achieves average accuracies of 86.4% "
                 "and 79.2%, outperforming L2P.", {("ZetaCL", "CIFAR-100", "86.4%"), ("ZetaCL", "ImageNet-R", "79.2%")},
                 id="values after as many coordinated data"),
    pytest.param("ZetaTab\n\nWe present ZetaTab, a transformer pre-trained on 130 million synthetic datasets. On the "
                 "OpenML-CC18 suite, ZetaTab achieves a mean ROC-AUC of 0.902, higher than tuned CatBoost (0.889).",
                 {("ZetaTab", "OpenML-CC18", "0.902"), ("CatBoost", "OpenML-CC18", "0.889")},
                 id="a transformer trained on datasets is a method"),
])
def test_error_class_pairing_and_apposition_typing(nlp, text, expected):
    assert results_of(nlp, text) == expected


def test_error_class_the_validation_set_of_a_name_is_data(nlp):
    entities, _ = run_rules_only(nlp, "Facial Expressions\n\nWe reach a high accuracy on the validation set of Static "
                                      "Korvex Expressions in the Wild (SKEW 2.0).")
    assert entities["SKEW 2.0"][0] == "Dataset", entities


def test_error_class_the_own_method_after_an_opening_phrase_with_a_list_is_the_subject(nlp):
    text = ("ZetaVCD\n\nWe propose ZetaVCD, a training-free decoding strategy. Applied to LLaVA-1.5, InstructBLIP and "
            "Qwen-VL, ZetaVCD reduces the CHAIR hallucination rate from 48.8 to 35.2 on MSCOCO captions.")
    assert results_of(nlp, text) == {("ZetaVCD", "MSCOCO", "35.2")}


def test_error_class_two_letters_and_bench_name_a_benchmark(nlp):
    text = ("ZetaMem\n\nWe present ZetaMem, a memory agent. ZetaMem sets a new state of the art on EgoSchema (68.2% accuracy) "
            "and KVBench (47.9%).")
    entities, _ = run(nlp, text)
    assert entities["KVBench"][0] == "Benchmark", entities
    assert results_of(nlp, text) == {("ZetaMem", "EgoSchema", "68.2%"), ("ZetaMem", "KVBench", "47.9%")}


def test_error_class_a_score_for_comparison_of_an_unnamed_system_is_nobodys(nlp):
    text = ("Sequence Learning\n\nOn an English to French task from the WMT'14 dataset, our LSTM achieves a BLEU score of "
            "34.8. For comparison, a phrase-based SMT system achieves a BLEU score of 33.3 on the same dataset.")
    assert results_of(nlp, text) == {(None, "WMT'14", "34.8")}


def test_error_class_a_compared_value_for_something_described_is_nobodys(nlp):
    text = ("ZetaRAG\n\nWe propose ZetaRAG, an evaluation method. On the KILT benchmark, ZetaRAG's scores correlate with "
            "end-to-end performance with a Kendall's tau of 0.494 on average, compared with 0.168 for relevance labels "
            "from human annotators.")
    assert results_of(nlp, text) == {("ZetaRAG", "KILT", "0.494")}


def test_error_class_a_named_variant_of_a_known_model_is_a_name(nlp):
    text = ("ZetaAudio-Chat\n\nWe introduce ZetaAudio-Chat, a speech language model. On AIR-Bench chat, ZetaAudio-Chat scores "
            "7.12, ahead of SALMONN (6.16) and Qwen-Audio-Chat (6.47). Qwen-Based baselines lag behind.")
    entities, relations = run(nlp, text)
    assert entities["Qwen-Audio-Chat"] == ("Method", "used") and "Qwen-Based" not in entities, entities
    assert ("Qwen-Audio-Chat", "AIR-Bench", "6.47") in results_of(nlp, text)


def test_error_class_bracketed_scores_after_names_in_a_benchmark_paper_are_theirs(nlp):
    text = ("ZetaFig-QA: Scientific Figures\n\nWe introduce ZetaFig-QA, containing 12,400 questions over figures. Among 18 "
            "evaluated models, Claude 3.5 Sonnet achieves the highest accuracy at 58.3%, followed by GPT-4o (55.1%) and "
            "Gemini 1.5 Pro (52.8%).")
    assert results_of(nlp, text) == {("Claude 3.5 Sonnet", "ZetaFig-QA", "58.3%"), ("GPT-4o", "ZetaFig-QA", "55.1%"),
                                     ("Gemini 1.5 Pro", "ZetaFig-QA", "52.8%")}


def test_error_class_edging_out_and_outpacing_are_wins(nlp):
    text = ("ZetaSpeech\n\nWe present ZetaSpeech. On TarnVoice 15, ZetaSpeech reaches a 9.4% WER, edging out KorvexM4T "
            "while training only 3% of the parameters. It also outpaces KorWhisper on TarnVoice.")
    _, relations = run(nlp, text)
    beaten = {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"}
    assert beaten == {"KorvexM4T", "KorWhisper"}, relations


def test_error_class_a_bound_is_no_score(nlp):
    text = ("ZetaDesk: Desktop Agents\n\nWe introduce ZetaDesk, a benchmark of 412 tasks. GPT-4o completes 14.6% of "
            "tasks, while open models stay below 8% and humans complete well above 70%.")
    assert results_of(nlp, text) == {("GPT-4o", "ZetaDesk", "14.6%")}


def test_error_class_an_unknown_name_opening_a_result_sentence_is_data(nlp):
    text = ("ZetaProver\n\nWe propose ZetaProver, a self-play prover. ZetaProver proves 63.5% of the miniF2F test "
            "problems. On KorvexNet, it solves 21.0% of problems compared with 16.0% for the base model.")
    entities, relations = run(nlp, text)
    assert entities["KorvexNet"][0] == "Dataset", entities
    assert ("EVALUATED_ON", None, "KorvexNet", None) in relations
    assert ("ZetaProver", "KorvexNet", "21.0%") in results_of(nlp, text)


def test_error_class_capitalised_words_with_a_version_are_a_name(nlp):
    text = ("ZetaSeg\n\nWe introduce ZetaSeg, a point cloud backbone. ZetaSeg attains 77.9 mIoU on ScanNet, exceeding "
            "Korvex Transformer V3 while running faster. See Table V2 for ablations.")
    entities, relations = run(nlp, text)
    assert entities.get("Korvex Transformer V3") == ("Method", "used"), entities
    assert ("OUTPERFORMS", "ZetaSeg", "Korvex Transformer V3", "ScanNet") in relations
    assert not [name for name in entities if name.startswith("Table")]


def test_error_class_a_lower_case_plural_called_name_is_a_kind_not_a_name(nlp):
    text = ("Zeta Heads\n\nWe identify attention heads, which we call copying heads, that move facts. We then propose "
            "ZetaKV, a KV cache compression method.")
    entities, _ = run(nlp, text)
    assert "copying heads" not in entities and "KV" not in entities, entities
    assert entities["ZetaKV"] == ("Method", "proposed")


def test_error_class_a_plain_word_listed_with_a_known_beaten_method_is_a_name(nlp):
    text = ("ZetaTab\n\nWe present ZetaTab. ZetaTab achieves 71.8% accuracy on WikiTableQuestions, outperforming Binder "
            "and Korvex. It outperforms Transformers and Ensembles too.")
    entities, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaTab", "Korvex", "WikiTableQuestions") in relations, relations
    assert "Transformers" not in entities and "Ensembles" not in entities


def test_error_class_a_score_after_a_known_name_is_no_version_of_it(nlp):
    text = ("Zeta Attention Networks\n\nWe propose ZetaHAN, a hierarchical attention network. On Yelp 2015 it reaches "
            "71.0% accuracy and on IMDB 49.4%.")
    entities, _ = run(nlp, text)
    assert "IMDB" in entities and "Yelp 2015" in entities and not [n for n in entities if n.startswith("IMDB ")], entities
    assert ("ZetaHAN", "IMDB", "49.4%") in results_of(nlp, text)


def test_error_class_capitalised_words_with_a_method_head_after_a_comparison_are_a_name(nlp):
    text = ("Zeta Readers\n\nWe present Zeta Readers (ZR) for cloze-style question answering. ZR achieves 80.9% accuracy on "
            "the Children's Book Test, where it improves over the Korvex Sum Reader by 2.1 points and outperforms the "
            "Standard Attention Reader.")
    entities, relations = run(nlp, text)
    assert entities.get("Korvex Sum Reader") == ("Method", "used"), entities
    assert ("OUTPERFORMS", "Zeta Readers", "Korvex Sum Reader", "Children's Book Test") in relations, relations
    assert "Standard Attention Reader" not in entities


def test_error_class_names_in_apposition_after_a_plural_data_noun_are_data(nlp):
    text = ("ZetaRec\n\nWe propose ZetaRec, a neural recommender. Extensive experiments on two real-world datasets, "
            "MovieLens and Korvexgram, show that ZetaRec improves over BPR.")
    entities, relations = run(nlp, text)
    assert entities.get("Korvexgram") == ("Dataset", "used"), entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"MovieLens", "Korvexgram"}


def test_error_class_a_new_set_of_problems_is_data_and_its_scores_are_on_it(nlp):
    text = ("Saturated Benchmarks\n\nBenchmarks such as MMLU and GSM8K are saturated. We introduce ZetaMath-500, a set of 500 "
            "competition problems written after the training cutoff of current models. The best model, o1-preview, "
            "solves 41.2% of the problems, while GPT-4o solves 12.8%.")
    entities, _ = run(nlp, text)
    assert entities["ZetaMath-500"] in (("Dataset", "proposed"), ("Benchmark", "proposed")), entities
    assert results_of(nlp, text) == {("o1-preview", "ZetaMath-500", "41.2%"), ("GPT-4o", "ZetaMath-500", "12.8%")}


def test_error_class_a_model_hyphenated_to_the_own_name_is_the_papers(nlp):
    text = ("ZetaPO\n\nWe present ZetaPO, a preference optimization objective. Trained on UltraFeedback, Mistral-7B-ZetaPO "
            "reaches a win rate of 32.4% on AlpacaEval 2 and 8.1 on MT-Bench, surpassing both DPO and SimPO.")
    entities, relations = run(nlp, text)
    assert entities["Mistral-7B-ZetaPO"] == ("Method", "proposed"), entities
    assert {(s, t) for kind, s, t, _ in relations if kind == "OUTPERFORMS"} == {("Mistral-7B-ZetaPO", "DPO"),
                                                                                ("Mistral-7B-ZetaPO", "SimPO")}
    assert "AlpacaEval 2" in entities  # (a release number after a known name, where nothing counted follows)


def test_error_class_own_data_only_fine_tuned_on_is_not_evaluated_on(nlp):
    text = ("Multilingual Instruction Tuning\n\nWe release ZetaInstruct, a collection of 3.1 million instruction-response "
            "pairs in 71 languages. Fine-tuning mT5-XXL on ZetaInstruct yields ZetaInstruct-T5, which outperforms BLOOMZ "
            "on XCOPA and XWinograd.")
    entities, relations = run(nlp, text)
    assert entities["ZetaInstruct"] == ("Dataset", "proposed") and entities["ZetaInstruct-T5"] == ("Method", "proposed")
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"XCOPA", "XWinograd"}, relations
    assert ("OUTPERFORMS", "ZetaInstruct-T5", "BLOOMZ", "XCOPA") in relations


def test_error_class_a_threshold_crossed_is_no_score(nlp):
    text = ("ZetaSSM\n\nWe present ZetaSSM. ZetaSSM achieves 84.1% average accuracy on the Long Range Arena. On its "
            "hardest task, ZetaSSM is the first model to exceed 95% accuracy.")
    assert results_of(nlp, text) == {("ZetaSSM", "Long Range Arena", "84.1%")}


def test_error_class_whilst_ends_the_list_of_the_beaten(nlp):
    text = ("ZetaLink\n\nWe introduce ZetaLink, a densely connected network. ZetaLink obtains significant improvements over "
            "KorvexNet-101 on CIFAR-10, whilst requiring fewer parameters than ResNets.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"KorvexNet-101"}, relations


def test_error_class_a_score_for_a_plain_name_after_compared_with_is_that_names(nlp):
    text = ("ZetaConv\n\nWe present ZetaConv, a graph convolution. In experiments on Citeseer and Cora, ZetaConv "
            "outperforms related methods by a significant margin, achieving 81.5% accuracy on Cora compared with 75.7% "
            "for Korvexoid.")
    entities, _ = run(nlp, text)
    assert entities.get("Korvexoid") == ("Method", "used"), entities
    assert results_of(nlp, text) == {("ZetaConv", "Cora", "81.5%"), ("Korvexoid", "Cora", "75.7%")}


def test_error_class_a_score_of_a_name_after_its_metric_is_that_names(nlp):
    text = ("ZetaCAM\n\nOur technique, which we call ZetaCAM, achieves 37.1% top-5 error on the ILSVRC 2014 benchmark "
            "without boxes, close to the 34.2% top-5 error of the fully supervised AlexNet. On MT-Bench its score of "
            "7.4 equals that of DPO.")
    assert results_of(nlp, text) == {("ZetaCAM", "ILSVRC 2014", "37.1%"), ("AlexNet", "ILSVRC 2014", "34.2%"),
                                     ("ZetaCAM", "MT-Bench", "7.4")}


def test_error_class_a_plain_word_introduced_as_a_database_is_a_name(nlp):
    text = ("Scene Recognition\n\nWe introduce Vistas, a scene-centric database with over 7 million labeled pictures. "
            "Using CNNs trained on Vistas, we achieve accuracies of 54.3% and 68.2% on SUN397 and MIT Indoor67, "
            "respectively. We also introduce ZetaText, a freely available language modeling corpus.")
    entities, relations = run(nlp, text)
    assert entities.get("Vistas") == ("Dataset", "proposed"), entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"SUN397", "MIT Indoor67"}, relations


def test_error_class_a_name_with_a_bracketed_value_after_than_is_compared(nlp):
    text = ("ZetaDraft\n\nWe propose ZetaDraft, a speculative decoder. ZetaDraft achieves a 3.1x speedup on MT-Bench, "
            "higher than Korvexa (2.2x) and EAGLE (2.7x).")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"Korvexa", "EAGLE"}, relations


def test_error_class_a_second_clause_with_a_pronoun_subject_beats_no_one(nlp):
    text = ("ZetaGym\n\nWe introduce ZetaGym, a world-model simulator. In the LIBERO benchmark, ZetaGym policies "
            "outperform the model-based baseline DreamerV3, and they match Diffusion Policy trained on real demonstrations.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"DreamerV3"}, relations


def test_error_class_a_name_whose_accuracy_is_raised_is_data(nlp):
    text = ("ZetaBoN\n\nOur method, ZetaBoN, ranks sampled reasoning chains. With Qwen2-VL-7B as the policy, ZetaBoN "
            "improves MathVista accuracy from 58.2% to 65.9% and KorvexMath accuracy from 31.5% to 38.0%.")
    entities, _ = run(nlp, text)
    assert entities["KorvexMath"][0] == "Dataset", entities
    assert results_of(nlp, text) == {("ZetaBoN", "MathVista", "65.9%"), ("ZetaBoN", "KorvexMath", "38.0%")}


def test_error_class_scores_against_values_for_names_are_theirs(nlp):
    text = ("ZetaPrune\n\nWe propose ZetaPrune. Pruning Llama-2-13B to 50% sparsity, ZetaPrune keeps a WikiText-2 "
            "perplexity of 6.9, against 8.3 for SliceGPT and 9.1 for LLM-Pruner.")
    assert results_of(nlp, text) == {("ZetaPrune", "WikiText-2", "6.9"), ("SliceGPT", "WikiText-2", "8.3"),
                                     ("LLM-Pruner", "WikiText-2", "9.1")}


def test_error_class_an_opening_phrase_naming_data_in_its_words_is_the_setting(nlp):
    text = ("ZetaNER\n\nOur approach, ZetaNER, combines projection with self-training. On the WikiANN benchmark, ZetaNER "
            "obtains an average F1 of 61.3. For African languages in KorvexNER, it reaches 58.7 F1, outperforming "
            "AfroXLMR.")
    entities, relations = run(nlp, text)
    assert entities["KorvexNER"][0] == "Dataset", entities
    assert ("ZetaNER", "KorvexNER", "58.7") in results_of(nlp, text)


def test_error_class_names_coordinated_before_their_scores_pair_in_order(nlp):
    text = ("ZetaDetect\n\nWe present ZetaDetect, a zero-shot detector. Across texts generated by GPT-4, Claude 2 and "
            "Llama-2-70B on the XSum dataset, ZetaDetect attains an AUROC of 0.94, whereas DetectGPT and Fast-DetectGPT "
            "reach 0.81 and 0.89.")
    assert results_of(nlp, text) == {("ZetaDetect", "XSum", "0.94"), ("DetectGPT", "XSum", "0.81"),
                                     ("Fast-DetectGPT", "XSum", "0.89")}


def test_error_class_a_network_named_after_known_data_is_a_method(nlp):
    text = ("Action Localization\n\nOur model, CoLA-Net, contrasts snippets within videos. CoLA-Net achieves an average "
            "mAP of 51.5% on THUMOS'14, exceeding prior methods such as BaS-Net.")
    entities, relations = run(nlp, text)
    assert entities["CoLA-Net"] == ("Method", "proposed"), entities
    assert ("OUTPERFORMS", "CoLA-Net", "BaS-Net", "THUMOS'14") in relations


def test_error_class_an_active_parameter_variant_of_the_own_model_is_the_papers(nlp):
    text = ("ZetaVL\n\nWe present ZetaVL, a sparse vision-language model. ZetaVL-A3B, with 3B active parameters, outperforms "
            "dense models with 7B parameters, including LLaVA-NeXT-7B and Qwen-VL-Chat, on 9 of 11 benchmarks. It "
            "obtains 1,652 on MME and 68.4 on MMBench.")
    entities, relations = run(nlp, text)
    assert entities["ZetaVL-A3B"] == ("Method", "proposed"), entities
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"LLaVA-NeXT-7B", "Qwen-VL-Chat"}, relations
    assert {(b, v) for _, b, v in results_of(nlp, text)} == {("MME", "1,652"), ("MMBench", "68.4")}


def test_error_class_a_method_improved_on_is_beaten_not_data(nlp):
    text = ("ZetaGT\n\nWe propose ZetaGT, a linear graph transformer. On ZINC it reaches a test MAE of 0.059 eV, improving "
            "on KorvexGPS.")
    entities, relations = run(nlp, text)
    assert entities["KorvexGPS"] == ("Method", "used") and "eV" not in entities, entities
    assert ("OUTPERFORMS", "ZetaGT", "KorvexGPS", "ZINC") in relations
    assert results_of(nlp, text) == {("ZetaGT", "ZINC", "0.059")}


def test_error_class_followed_by_a_name_with_a_score_is_that_names(nlp):
    text = ("ZetaLex: Legal Reasoning\n\nWe present ZetaLex, a benchmark of 6,200 legal questions. Evaluating 15 models, "
            "we find that GPT-4 leads with 72.4% accuracy, followed by Claude 3 Opus with 69.8%.")
    assert results_of(nlp, text) == {("GPT-4", "ZetaLex", "72.4%"), ("Claude 3 Opus", "ZetaLex", "69.8%")}


def test_error_class_pretraining_and_initialisation_data_are_not_evaluated_on(nlp):
    text = ("ZetaCLR\n\nWe propose ZetaCLR, a contrastive method for radiographs. Pretraining on MIMIC-CXR, ZetaCLR needs "
            "10% of the labels to match the ImageNet-initialized baseline. On CheXpert, ZetaCLR reaches an AUC of 0.887, "
            "compared with 0.851 for ConVIRT and 0.836 for a model initialized from ImageNet.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"CheXpert"}, relations
    assert results_of(nlp, text) == {("ZetaCLR", "CheXpert", "0.887"), ("ConVIRT", "CheXpert", "0.851")}


def test_error_class_a_lone_acronym_named_as_the_beaten_baseline_is_a_name(nlp):
    text = ("ZetaDet\n\nWe develop a few-shot detector, ZetaDet, that reweights features. On PASCAL VOC, ZetaDet achieves "
            "33.9 mAP, surpassing the fine-tuning baseline KFA by 4.2 points, and beats the baseline IBM Model 4.")
    entities, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaDet", "KFA", "PASCAL VOC") in relations, relations
    assert "IBM" not in entities


def test_error_class_generic_acronyms_joined_into_a_proposed_name_are_a_name(nlp):
    text = ("Execution Feedback for SQL Generation\n\nWe present SQL-RL, which fine-tunes a code model with execution "
            "rewards. On the BIRD benchmark, SQL-RL reaches 64.1%, outperforming DIN-SQL. LLM-RL methods lag behind.")
    entities, relations = run(nlp, text)
    assert entities["SQL-RL"] == ("Method", "proposed") and "LLM-RL" not in entities, entities
    assert ("OUTPERFORMS", "SQL-RL", "DIN-SQL", "BIRD") in relations


def test_error_class_a_name_in_apposition_to_adjectives_with_commas_is_what_they_describe(nlp):
    text = ("Cross-modal Recipes\n\nIn this paper, we introduce Zeta1M, a new large-scale, structured corpus of over 1m "
            "cooking recipes and 800k food images. Using these data, we train a joint embedding that yields strong "
            "retrieval results on Zeta1M.")
    entities, _ = run(nlp, text)
    assert entities["Zeta1M"] == ("Dataset", "proposed"), entities


def test_error_class_a_lettered_depth_variant_of_the_own_family_is_the_papers(nlp):
    text = ("Zeta Residual Networks\n\nWe show that zeta residual networks (ZRNs) outperform their plain counterparts in "
            "image classification. In semantic segmentation on Cityscapes, ZRN-C-26 reaches 72.0% mIoU.")
    entities, _ = run(nlp, text)
    assert entities["ZRN-C-26"] == ("Method", "proposed"), entities
    assert entities["Zeta Residual Networks"] == ("Method", "proposed")  # (the title names the family it varies)
    assert ("ZRN-C-26", "Cityscapes", "72.0%") in results_of(nlp, text)  # ("In <task> on X, Y reaches": the opening ends)


def test_error_class_a_codec_in_apposition_is_a_method_and_known_codecs_are_beaten(nlp):
    text = ("Unified Audio Tokenization\n\nWe present ZetaCodec, a neural audio codec that tokenizes speech and music. At "
            "1.5 kbps, ZetaCodec obtains a ViSQOL of 4.02 on speech from LibriTTS, outperforming EnCodec and DAC.")
    entities, relations = run(nlp, text)
    assert entities["ZetaCodec"] == ("Method", "proposed") and entities["LibriTTS"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"EnCodec", "DAC"}, relations


def test_error_class_scores_versus_named_systems_are_theirs(nlp):
    text = ("ZetaTrace\n\nWe present ZetaTrace, which attributes tokens to training documents. On a fact-tracing benchmark "
            "built from T-REx, ZetaTrace retrieves the source document with 71.4% recall@10, versus 48.9% for TRAK and "
            "33.0% for BM25. ZetaTrace scales to the 1.4B-token training set of Pythia-1.4B.")
    entities, _ = run(nlp, text)
    assert entities["Pythia-1.4B"][0] == "Method", entities
    assert results_of(nlp, text) == {("ZetaTrace", "T-REx", "71.4%"), ("TRAK", "T-REx", "48.9%"), ("BM25", "T-REx", "33.0%")}


def test_error_class_a_target_level_and_a_description_s_value_are_no_scores(nlp):
    text = ("ZetaConf\n\nOur method, ZetaConf, calibrates softmax scores. On MMLU, ZetaConf achieves the target 90% coverage "
            "with an average set size of 1.6, smaller than the 2.3 of naive thresholding.")
    assert results_of(nlp, text) == {("ZetaConf", "MMLU", "1.6")}


def test_error_class_a_quoted_name_after_propose_is_proposed_even_of_family_words(nlp):
    text = ("Residual Attention Network for Image Classification\n\nIn this work, we propose \"Residual Attention "
            "Network\", a convolutional network using attention. Our Residual Attention Network achieves 3.90% error on "
            "CIFAR-10, and 0.6% top-1 accuracy improvement comparing to ResNet-200.")
    entities, relations = run(nlp, text)
    assert entities["Residual Attention Network"] == ("Method", "proposed"), entities
    assert ("OUTPERFORMS", "Residual Attention Network", "ResNet-200") in {r[:3] for r in relations}, relations
    assert ("Residual Attention Network", "CIFAR-10", "3.90%") in results_of(nlp, text)


def test_error_class_the_proposed_network_named_in_apposition_is_proposed(nlp):
    text = ("Instance-aware Segmentation\n\nWe present the first fully convolutional solution for instance-aware "
            "segmentation. The proposed network, ZetaFCIS, is highly integrated. It wins the COCO 2016 segmentation "
            "competition by a large margin.")
    entities, _ = run(nlp, text)
    assert entities["ZetaFCIS"] == ("Method", "proposed"), entities


def test_error_class_a_clause_of_an_unnamed_other_system_gives_it_no_own_score(nlp):
    text = ("ZetaKey\n\nWe propose ZetaKey, a keypoint adaptation method. On the real-world split of the KorvexPose "
            "benchmark, ZetaKey reaches 71.2 AP, whereas the source-only model reaches 58.4 AP and the best adaptation "
            "baseline, UDA-Pose, 66.7 AP.")
    assert results_of(nlp, text) == {("ZetaKey", "KorvexPose", "71.2"), ("UDA-Pose", "KorvexPose", "66.7")}


def test_error_class_an_unknown_name_with_its_tasks_opening_a_result_sentence_is_data(nlp):
    text = ("ZetaQL\n\nWe propose ZetaQL for offline RL. On the D4RL locomotion suite, ZetaQL achieves a normalized score of "
            "88.0. On the KorvexMaze tasks, where sparse rewards make learning hard, it obtains 69.6, versus 63.0 for IQL.")
    entities, _ = run(nlp, text)
    assert entities["KorvexMaze"][0] == "Dataset", entities
    assert {("ZetaQL", "KorvexMaze", "69.6"), ("IQL", "KorvexMaze", "63.0")} <= results_of(nlp, text)


def test_error_class_synthesised_training_data_and_the_model_tuned_into_are_proposed(nlp):
    text = ("Synthetic Charts\n\nWe synthesize ZetaChart-2M, two million chart images rendered from code, and use it to "
            "fine-tune LLaVA-1.6 into ZetaLLaVA. ZetaLLaVA scores 74.9 on ChartQA, surpassing InternVL-1.5. Training on "
            "ZetaChart-2M alone already recovers most of these gains.")
    entities, relations = run(nlp, text)
    assert entities["ZetaChart-2M"] == ("Dataset", "proposed") and entities["ZetaLLaVA"] == ("Method", "proposed"), entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ChartQA"}, relations
    assert ("OUTPERFORMS", "ZetaLLaVA", "InternVL-1.5", "ChartQA") in relations


def test_error_class_a_model_trained_as_the_second_verb_of_we_is_proposed(nlp):
    text = ("Synthetic Queries\n\nWe generate synthetic queries for 18 African languages with a multilingual LLM and "
            "train mContriever-Zeta on them. On the CIRAL benchmark, mContriever-Zeta improves nDCG@10 from 0.318 to "
            "0.412 over mContriever and outperforms BM25 on 12 of 18 languages.")
    entities, relations = run(nlp, text)
    assert entities["mContriever-Zeta"] == ("Method", "proposed"), entities
    assert {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"} == {"mContriever", "BM25"}, relations


def test_error_class_scores_up_from_values_for_names_are_theirs(nlp):
    text = ("ZetaPrompt\n\nWe propose ZetaPrompt for compositional zero-shot learning. On MIT-States, ZetaPrompt attains "
            "an AUC of 8.4, up from 5.1 for CSP and 6.7 for DFSP, and up from 4.0 for the best earlier method.")
    assert results_of(nlp, text) == {("ZetaPrompt", "MIT-States", "8.4"), ("CSP", "MIT-States", "5.1"),
                                     ("DFSP", "MIT-States", "6.7")}


def test_error_class_runs_of_scores_pair_in_order_with_the_data_named_before_them(nlp):
    text = ("ZetaMath\n\nWe continue pre-training Llama-2-7B on KorvexPile, a 9.5B-token corpus of mathematical text, and "
            "obtain ZetaMath-7B. On GSM8K and MATH, ZetaMath-7B reaches 51.2% and 18.4%, compared with 14.6% and 2.5% for "
            "Llama-2-7B. On an A100, decoding takes 20 ms.")
    entities, relations = run(nlp, text)
    assert entities["ZetaMath-7B"] == ("Method", "proposed") and entities["KorvexPile"][0] == "Dataset", entities
    assert "A100" not in entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"GSM8K", "MATH"}, relations
    assert results_of(nlp, text) == {("ZetaMath-7B", "GSM8K", "51.2%"), ("ZetaMath-7B", "MATH", "18.4%"),
                                     ("Llama-2-7B", "GSM8K", "14.6%"), ("Llama-2-7B", "MATH", "2.5%")}


def test_error_class_pretrained_weights_before_a_sentence_are_no_training_phrase(nlp):
    text = ("ZetaFT\n\nWe propose ZetaFT, which constrains updates of the pretrained weights. On KorvexBooth, ZetaFT "
            "reaches a DINO similarity of 0.701, over LoRA.")
    _, relations = run(nlp, text)
    assert ("EVALUATED_ON", None, "KorvexBooth", None) in relations, relations


def test_error_class_integer_scores_compared_for_names_and_a_count_of_steps(nlp):
    text = ("ZetaDrQ\n\nWe propose ZetaDrQ, an augmentation scheme for pixel-based RL. ZetaDrQ reaches a mean score of 812 "
            "on the DeepMind Control Suite after 500K environment steps, compared with 754 for DrQ-v2 and 690 for CURL.")
    entities, _ = run(nlp, text)
    assert "500K" not in entities, entities
    assert results_of(nlp, text) == {("ZetaDrQ", "DeepMind Control Suite", "812"), ("DrQ-v2", "DeepMind Control Suite", "754"),
                                     ("CURL", "DeepMind Control Suite", "690")}


def test_error_class_an_opening_phrase_on_a_names_set_is_the_setting(nlp):
    text = ("ZetaVid\n\nWe propose ZetaVid. ZetaVid reaches 67.2% on Video-MME. On KorvexSchema's full set it scores 65.0%.")
    entities, _ = run(nlp, text)
    assert entities["KorvexSchema"][0] == "Dataset", entities
    assert ("ZetaVid", "KorvexSchema", "65.0%") in results_of(nlp, text)


def test_error_class_a_coined_name_and_its_plural_are_one_entity(nlp):
    text = ("Zeta-and-Excitation Networks\n\nWe show that by stacking these blocks we can construct ZENet architectures that "
            "generalise well. ZENets formed the foundation of our ILSVRC 2017 submission, which reduced the top-5 error to "
            "2.251%.")
    entities, _ = run(nlp, text)
    assert "ZENets" not in entities and entities["ZENet"][0] == "Method", entities
    assert results_of(nlp, text) == {("ZENet", "ILSVRC 2017", "2.251%")}


def test_error_class_a_plural_acronym_called_in_a_proposal_is_the_papers(nlp):
    text = ("Unsupervised Representation Learning\n\nWe introduce a class of CNNs called deep convolutional zeta "
            "adversarial networks (DCZANs), that have certain architectural constraints. Using the discriminator features "
            "for classification on CIFAR-10, we achieve 82.8% accuracy. GANs are hard to train.")
    entities = {e.name: (e.label.value, e.role, e.aliases) for e in nlp(make_doc(nlp, text))._.kg_entities}
    named = [n for n, (_, role, aliases) in entities.items() if "DCZANs" in [n, *aliases]]
    assert named and entities[named[0]][:2] == ("Method", "proposed"), entities
    assert "GANs" not in entities


def test_error_class_a_plain_word_opening_a_sentence_before_plural_data_names_nothing(nlp):
    text = ("KorvexBench: Evaluating Multilingual Reasoning\n\nReasoning benchmarks are mostly in English. We introduce "
            "KorvexBench, a benchmark of 12,000 problems in 40 languages.")
    entities, _ = run(nlp, text)
    assert "Reasoning" not in entities and entities["KorvexBench"] == ("Benchmark", "proposed"), entities


def test_error_class_a_known_name_written_again_with_the_words_that_extended_it(nlp):
    text = ("ZetaFix\n\nWe evaluate ZetaFix on SWE-bench Lite and SWE-bench Verified. ZetaFix resolves 41.3% of SWE-bench "
            "Lite issues.")
    entities, _ = run(nlp, text)
    assert "SWE-bench" not in entities and "SWE-bench Lite" in entities, entities
    assert results_of(nlp, text) == {("ZetaFix", "SWE-bench Lite", "41.3%")}


def test_error_class_data_after_we_train_and_a_long_object_is_training_data(nlp):
    text = ("Scaling Laws for Zeta Models\n\nWe train over 200 models from 50M to 3B parameters on the KorvexWeb corpus and "
            "fit scaling laws. Our 3B model matches a dense model on HellaSwag and PIQA.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"HellaSwag", "PIQA"}, relations


def test_error_class_a_title_name_stops_at_the_colon_and_is_the_long_form_of_its_acronym(nlp):
    text = ("Zeta-Free Attention: Linear-Time Transformers via Random Features\n\nWe revisit linear attention through random "
            "features and propose ZFA, which approximates softmax attention. ZFA is a drop-in replacement for attention.")
    entities = {e.name: (e.label.value, e.role, e.aliases) for e in nlp(make_doc(nlp, text))._.kg_entities}
    assert entities.get("Zeta-Free Attention") == ("Method", "proposed", ["ZFA"]), entities
    assert not [n for n in entities if "Transformers" in n]


def test_error_class_a_proposing_verb_after_a_long_first_clause_proposes(nlp):
    text = ("Linear Attention Revisited\n\nWe revisit linear attention through random orthogonal features and propose ZetaKFA, "
            "which approximates softmax attention with provable variance bounds.")
    entities, _ = run(nlp, text)
    assert entities["ZetaKFA"] == ("Method", "proposed"), entities


def test_error_class_names_compared_after_unlike_and_after_improves_over(nlp):
    text = ("ZetaDraft\n\nWe propose ZetaDraft, which learns draft trees. Unlike EAGLE-2 and Korvex, which use fixed trees, "
            "ZetaDraft adapts the tree. Fine-tuned on MoleculeNet, it improves the average ROC-AUC over GEM and Uni-Korv "
            "across eight tasks.")
    entities, relations = run(nlp, text)
    assert {"Korvex", "GEM", "Uni-Korv"} <= set(entities), entities
    assert {("ZetaDraft", "GEM"), ("ZetaDraft", "Uni-Korv")} <= {(s, t) for kind, s, t, _ in relations if kind == "OUTPERFORMS"}


def test_error_class_a_qa_name_listed_with_models_is_a_system(nlp):
    text = ("KorvexBench\n\nWe present KorvexBench, a benchmark for scientific synthesis. We benchmark pipelines built on "
            "Llama 3 70B, GPT-4o and ZetaQA2. On KorvexBench, GPT-4o reaches a citation F1 of 38.6, while ZetaQA2 obtains "
            "45.9. Experts prefer answers from ZetaQA2 over GPT-4o in 58% of comparisons.")
    entities, _ = run(nlp, text)
    assert entities["ZetaQA2"][0] == "Method", entities
    assert results_of(nlp, text) == {("GPT-4o", "KorvexBench", "38.6"), ("ZetaQA2", "KorvexBench", "45.9")}


def test_error_class_data_a_sentence_of_ours_forms_is_proposed_and_only_trained_on(nlp):
    text = ("Mobile Agents from Synthetic Trajectories\n\nWe synthesize 150K trajectories across 1,000 apps with an "
            "exploration policy, forming the ZetaTraj dataset. A 7B agent trained on ZetaTraj, named ZetaPilot, achieves a "
            "success rate of 38.2% on AndroidWorld.")
    entities, relations = run(nlp, text)
    assert entities["ZetaTraj"] == ("Dataset", "proposed"), entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"AndroidWorld"}, relations


def test_error_class_data_a_model_is_fine_tuned_on_after_from_its_base_and_a_lone_release(nlp):
    text = ("ZetaDepth\n\nWe propose ZetaDepth. ZetaDepth is fine-tuned from Stable Diffusion 2 on synthetic data from "
            "Hypersim and Virtual KITTI only. In zero-shot evaluation on NYUv2 and ETH3D, ZetaDepth outperforms Claude 2 and "
            "Marigold.")
    entities, relations = run(nlp, text)
    assert {"Stable Diffusion 2", "Virtual KITTI", "Hypersim", "Claude 2"} <= set(entities), entities
    assert "KITTI" not in entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"NYUv2", "ETH3D"}, relations


def test_error_class_a_score_achieved_by_an_unnamed_other_system_is_nobodys(nlp):
    text = ("Zeta Features for Localization\n\nWe revisit the zeta pooling layer. We achieve 37.1% top-5 error for object "
            "localization on ILSVRC 2014, which is close to the 34.2% top-5 error achieved by a fully supervised CNN approach.")
    assert results_of(nlp, text) == {(None, "ILSVRC 2014", "37.1%")}


def test_error_class_a_lower_error_with_its_margin_in_brackets_than_a_name_beats_it(nlp):
    text = ("ZetaShuffle\n\nWe introduce ZetaShuffle, a mobile architecture. Experiments on ImageNet show lower top-1 error "
            "(absolute 7.8%) than recent MobileNet on ImageNet classification.")
    _, relations = run(nlp, text)
    assert ("ZetaShuffle", "MobileNet") in {(s, t) for kind, s, t, _ in relations if kind == "OUTPERFORMS"}, relations


def test_error_class_data_introduced_to_fine_tune_models_is_not_evaluated_on(nlp):
    text = ("Zeta-Omni\n\nWe introduce Zeta-Omni, a conversational speech model. We also introduce the KorvexVoice-400K "
            "dataset to fine-tune models optimized for speech output.")
    entities, relations = run(nlp, text)
    assert entities["KorvexVoice-400K"] == ("Dataset", "proposed"), entities
    assert not [r for r in relations if r[0] == "EVALUATED_ON"], relations


def test_error_class_coordinated_scores_compared_for_a_description_are_nobodys(nlp):
    text = ("ZetaSel\n\nWe propose ZetaSel, a selection rule. Fine-tuning Llama-3.1-8B on data chosen by ZetaSel yields 7.23 "
            "on MT-Bench and a 21.4% win rate on AlpacaEval 2.0, compared with 6.81 and 17.9% for random selection.")
    assert results_of(nlp, text) == {("ZetaSel", "MT-Bench", "7.23"), ("ZetaSel", "AlpacaEval 2.0", "21.4%")}


def test_error_class_the_best_models_after_experiments_show_are_not_the_papers(nlp):
    text = ("KorvexIE: An Interleaved Benchmark\n\nWe introduce KorvexIE, a benchmark of 20K queries. Extensive experiments "
            "show that even the best models, such as GPT-4o combined with SDXL, achieve only 65.47%.")
    assert results_of(nlp, text) == set()


def test_error_class_a_score_in_a_bracket_after_a_data_name_is_on_that_data(nlp):
    text = ("Zeta Convolutional Networks\n\nOur zeta network achieves state-of-the-art segmentation of PASCAL VOC (20% "
            "relative improvement to 62.2% mean IU on 2012), NYUDv2, and SIFT Flow.")
    assert {(b, v) for _, b, v in results_of(nlp, text)} == {("PASCAL VOC", "62.2%")}


def test_error_class_coordinated_scores_before_as_many_coordinated_data_pair_in_order(nlp):
    text = ("Unsupervised Zeta Translation\n\nWe propose a model that maps monolingual sentences into one latent space, "
            "reporting BLEU scores of 32.8 and 15.1 on the Multi30k and KorvexMT datasets.")
    assert {(b, v) for _, b, v in results_of(nlp, text)} == {("Multi30k", "32.8"), ("KorvexMT", "15.1")}


def test_error_class_a_score_written_as_a_small_decimal_after_a_benchmark_is_no_version(nlp):
    text = ("ZetaTurbo\n\nWe propose ZetaTurbo. ZetaTurbo achieves an FID of 18.3 on MJHQ-30K and a GenEval score of 0.56, "
            "exceeding SDXL-Turbo (FID 24.6, GenEval 0.51).")
    entities, _ = run(nlp, text)
    assert "GenEval 0.51" not in entities and "GenEval" in entities, entities
    assert results_of(nlp, text) == {("ZetaTurbo", "MJHQ-30K", "18.3"), ("ZetaTurbo", "GenEval", "0.56"),
                                     ("SDXL-Turbo", "MJHQ-30K", "24.6"), ("SDXL-Turbo", "GenEval", "0.51")}


def test_error_class_scores_in_brackets_after_names_improved_over_are_theirs(nlp):
    text = ("ZetaCIR\n\nWe propose ZetaCIR, a training-free method. On CIRR, ZetaCIR reaches a Recall@1 of 32.1, improving "
            "over Pic2Word (23.9) and KorvexIR (24.2).")
    assert results_of(nlp, text) == {("ZetaCIR", "CIRR", "32.1"), ("Pic2Word", "CIRR", "23.9"), ("KorvexIR", "CIRR", "24.2")}


def test_error_class_a_clause_on_another_setting_is_not_the_earlier_datas(nlp):
    text = ("ZetaLift\n\nWe present ZetaLift, which lifts 2D features into 3D scenes. On ScanNet200, ZetaLift reaches 28.7 "
            "mIoU, a 6.1-point gain over OpenScene, and on Korvexica it reaches 34.2 mIoU.")
    assert results_of(nlp, text) == {("ZetaLift", "ScanNet200", "28.7")}


def test_error_class_venues_with_years_are_not_names(nlp):
    text = ("Automated Review\n\nWe collect ZetaReview, 1,200 papers from ICLR 2023 and 2024 with their reviews, and ask "
            "GPT-4o to score them. Papers accepted at NeurIPS and ICML were also rated.")
    entities, _ = run(nlp, text)
    assert not {"ICLR 2023", "ICLR", "NeurIPS", "ICML"} & set(entities), entities


def test_error_class_an_architecture_codenamed_x_is_proposed_and_a_challenge_of_a_year_is_data(nlp):
    text = ("Going Deeper\n\nWe propose a deep convolutional neural network architecture codenamed Zetaception, which set the "
            "state of the art in the Korvex Large-Scale Visual Recognition Challenge 2014 (KLSVRC14).")
    entities, _ = run(nlp, text)
    assert entities["Zetaception"] == ("Method", "proposed"), entities
    assert entities["Korvex Large-Scale Visual Recognition Challenge 2014"][0] in ("Benchmark", "Dataset"), entities


def test_error_class_the_model_fine_tuned_with_a_long_name_on_data_is_trained_on_it(nlp):
    text = ("z1: Simple Scaling\n\nWe curate a small dataset z1K of 1,000 questions. After supervised finetuning the "
            "Qwen2.5-32B-Instruct language model on z1K, our model z1-32B exceeds o1-preview on MATH and AIME24.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"MATH", "AIME24"}, relations


def test_error_class_a_tool_the_own_data_is_labeled_by_is_not_a_part_of_the_own_method(nlp):
    text = ("Zagma: A Foundation Model for Agents\n\nWe present Zagma, a foundation model for agents. Zagma is pretrained "
            "on heterogeneous data, where the actionable objects are labeled by Set-of-Korv (SoK). On Mind2Web, Zagma "
            "reaches a step success rate of 60.4%.")
    entities, _ = run(nlp, text)
    assert entities["Set-of-Korv"] == ("Method", "used"), entities


def test_error_class_the_other_side_of_versus_in_brackets_is_the_model_matched(nlp):
    text = ("ZetaLM: 1-Bit Models\n\nWe train ZetaLM, a family of 1-bit language models. ZetaLM-3B matches the perplexity of "
            "a full-precision Korvex-3B on WikiText-2 (8.91 vs. 8.87) while using 4.1x less memory.")
    assert results_of(nlp, text) == {("ZetaLM-3B", "WikiText-2", "8.91"), ("Korvex-3B", "WikiText-2", "8.87")}


def test_error_class_shares_kept_are_no_scores_nor_is_their_elided_second(nlp):
    text = ("ZetaCut\n\nWe present ZetaCut, a layer pruning method. On KorvexEval, pruning 25% of the layers with ZetaCut keeps "
            "92% of its average accuracy, whereas ShortGPT keeps 85% and SliceGPT 88%.")
    assert results_of(nlp, text) == set()


def test_error_class_calibration_and_training_data_sources_are_not_evaluated_on(nlp):
    text = ("ZetaCut\n\nWe present ZetaCut, which ranks layers by an importance score computed on 128 calibration samples "
            "from C4. Our training data combines translated ShareGPT conversations with native instructions. ZetaCut "
            "reaches 54.2 on KorvexExam.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"KorvexExam"}, relations


def test_error_class_a_value_gained_is_no_score(nlp):
    text = ("KorvexLay-v2\n\nWe present KorvexLay-v2, a dataset of 150,000 pages. DINO reaches 81.3 mAP on the KorvexLay-v2 "
            "test set. Models trained on KorvexLay-v2 generalize better to PubLayNet, gaining 6.2 mAP.")
    assert results_of(nlp, text) == {("DINO", "KorvexLay-v2", "81.3")}


def test_error_class_front_matter_before_an_abstract_heading_joined_by_a_dash(nlp):
    text = ("Hierarchical Zeta Networks for Scene Parsing\nAnonymous Authors1\n1Department of Computer Science, Korvex "
            "University\nAbstract—Scene parsing needs context. We propose Hierarchical Zeta Networks (HZN). On the ADE20K "
            "validation set HZN obtains 44.9% mIoU.")
    entities, _ = run(nlp, text)
    assert not [n for n in entities if "Authors" in n or "Department" in n], entities


def test_error_class_a_proper_noun_kernel_is_a_method(nlp):
    text = ("A Zetov Kernel for Graphs\n\nWe introduce the Zetov kernel, which counts rooted subtrees. On MUTAG it reaches "
            "88.1% accuracy.")
    entities, _ = run(nlp, text)
    assert entities.get("Zetov kernel") == ("Method", "proposed"), entities


def test_error_class_names_right_after_a_plural_data_noun_are_data(nlp):
    text = ("Zeta: Word Vectors from Lattices\n\nWe present Zeta, a method for learning word vectors. On the word similarity "
            "datasets KS353 and QW, Zeta improves Spearman correlation over fastText by 2.3 and 4.1 points.")
    entities, relations = run(nlp, text)
    assert entities["KS353"][0] == "Dataset" and entities["QW"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"KS353", "QW"}


def test_error_class_an_amount_of_a_kind_of_data_from_x_is_training_data(nlp):
    text = ("ZetaVLA\n\nWe present ZetaVLA, a vision-language-action model. Trained on 10,000 hours of robot data from the "
            "Korvex-Embodiment dataset, ZetaVLA reaches an average success rate of 78% on the LIBERO benchmark suite, ahead "
            "of OpenVLA (54%).")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"LIBERO"}, relations
    assert ("OUTPERFORMS", "ZetaVLA", "OpenVLA", "LIBERO") in relations, relations


def test_error_class_comparable_to_after_better_than_is_not_beaten(nlp):
    text = ("ZetaTTS\n\nWe introduce ZetaTTS, a text-to-speech model. On LibriSpeech, it achieves a word error rate of 2.1%, "
            "better than VALL-E (5.9%) and comparable to KorvexSpeech 2.")
    _, relations = run(nlp, text)
    beaten = {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"}
    assert beaten == {"VALL-E"}, relations


def test_error_class_data_a_new_benchmark_is_contrasted_with_is_not_evaluated_on(nlp):
    text = ("Korvex-Math: Olympiad Proofs\n\nWe release Korvex-Math, 488 olympiad problems formalized in Lean 4. Unlike "
            "miniF2F and ProofNet, every statement in Korvex-Math was checked by two mathematicians. The best prover "
            "solves 11.3% of Korvex-Math.")
    entities, relations = run(nlp, text)
    assert entities["miniF2F"][0] == "Benchmark" and entities["ProofNet"][0] == "Benchmark", entities
    assert not {"miniF2F", "ProofNet"} & {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, relations


def test_error_class_the_other_side_of_versus_with_no_name_is_nobodys(nlp):
    text = ("ZetaMerge\n\nWe propose ZetaMerge, a token merging scheme. Applied to VideoMAE-B, ZetaMerge reduces FLOPs by 2.4x "
            "with a top-1 accuracy drop of only 0.3% on Kinetics-400 (81.2% vs. 81.5%).")
    assert results_of(nlp, text) == {("ZetaMerge", "Kinetics-400", "81.2%")}


def test_error_class_values_raised_in_turn_pair_with_the_data_listed_before(nlp):
    text = ("ZetaSeg\n\nWe adapt SAM to satellite images, yielding ZetaSeg. On the iSAID and KorvexDA benchmarks, ZetaSeg "
            "improves the mean IoU of SAM from 41.3 to 58.6 and from 36.9 to 51.2 with a single point prompt.")
    assert results_of(nlp, text) == {("ZetaSeg", "iSAID", "58.6"), ("ZetaSeg", "KorvexDA", "51.2")}


def test_error_class_a_one_word_long_form_names_nothing_and_a_share_of_targets_is_no_score(nlp):
    text = ("ZetaCast\n\nWe present ZetaCast, a latent diffusion model for weather forecasting. On WeatherBench 2, ZetaCast "
            "achieves a lower CRPS than the operational ensemble (ENS) on 89% of targets.")
    entities, _ = run(nlp, text)
    assert "ensemble" not in entities and "ENS" not in entities, entities
    assert results_of(nlp, text) == set()


def test_error_class_f0_5_is_a_metric_not_a_method(nlp):
    text = ("Korvex: A Corpus for Error Correction\n\nWe introduce Korvex, a corpus of 42,000 learner essays. A model trained "
            "on Korvex improves F0.5 from 56.2 to 61.3 on CoNLL-2014.")
    entities, _ = run(nlp, text)
    assert entities.get("F0.5", ("Metric",))[0] == "Metric", entities
    assert all(method != "F0.5" for method, _, _ in results_of(nlp, text))


def test_error_class_a_known_model_with_a_lower_case_size_is_that_model(nlp):
    text = ("ZetaASR\n\nWe propose ZetaASR, which routes each frame around a Conformer block. On FLEURS, ZetaASR matches "
            "Whisper-small while running 2.3 times faster.")
    entities, _ = run(nlp, text)
    assert entities["Whisper-small"][0] == "Method", entities


def test_error_class_a_greek_letter_joined_to_a_word_is_a_name(nlp):
    text = ("ZetaPlan\n\nWe introduce ZetaPlan, a planner for tool calls. On σ-Bench and BFCL, ZetaPlan improves the success "
            "rate over ReAct by 8.2 and 6.5 points. The ε-greedy baseline and the α-based schedule do worse.")
    entities, relations = run(nlp, text)
    assert entities["σ-Bench"][0] == "Benchmark", entities
    assert not {"ε-greedy", "α-based", "ε", "α"} & set(entities), entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"σ-Bench", "BFCL"}, relations


def test_error_class_evaluations_cited_as_examples_are_not_evaluated_on(nlp):
    text = ("Conflicting Instructions\n\nEvaluations such as IFEval and KorvexBench test whether a model follows explicit "
            "constraints. We construct ZetaIF, a benchmark of 2,300 prompts in which a system and a user message disagree. "
            "Fine-tuning on synthetic conflicts raises the rate to 81% without hurting MT-Bench or Arena-Hard scores.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ZetaIF", "MT-Bench", "Arena-Hard"}, relations
    assert results_of(nlp, text) == set()  # the 81% is the new benchmark's, not MT-Bench's


def test_error_class_training_data_named_in_brackets_after_its_kind(nlp):
    text = ("ZetaFlow: Optical Flow\n\nWe propose ZetaFlow, an optical flow network. ZetaFlow ranks first on Sintel with an "
            "EPE of 1.87. Trained only on synthetic data (KorvexChairs and KorvexThings3D), it generalizes to KITTI-2015.")
    entities, relations = run(nlp, text)
    assert entities["KorvexChairs"][0] == entities["KorvexThings3D"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"Sintel", "KITTI-2015"}, relations


def test_error_class_distilled_into_a_kind_named_in_apposition_is_proposed(nlp):
    text = ("Listwise Distillation\n\nRerankers based on large language models are slow. We distill the listwise rankings "
            "of RankGPT into a compact cross-encoder, ZetaRank-base, with 110M parameters. On TREC DL19 and DL20, "
            "ZetaRank-base obtains nDCG@10 of 71.2 and 68.9, outperforming monoBERT.")
    entities, relations = run(nlp, text)
    assert entities["ZetaRank-base"][1] == "proposed", entities
    assert ("OUTPERFORMS", "ZetaRank-base", "monoBERT") in {r[:3] for r in relations}, relations
    assert results_of(nlp, text) == {("ZetaRank-base", "TREC DL19", "71.2"), ("ZetaRank-base", "DL20", "68.9")}


def test_error_class_the_names_own_benchmark_word_is_no_sign_of_evaluation(nlp):
    text = ("ZetaTag: Tagging with Language Models\n\nWe present ZetaTag. ZetaTag achieves an F1 of 91.93 on the CoNLL 2003 "
            "NER task. The language models are trained on the Korvex Word Benchmark.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"CoNLL 2003"}, relations


def test_error_class_data_new_data_is_larger_than_is_not_evaluated_on(nlp):
    text = ("A Corpus for Relation Extraction\n\nWe present ZetaRel, a corpus of 5,000 abstracts annotated with 12 relation "
            "types. Baselines based on BiLSTM-CRF and on SciBERT reach 54.1 and 61.8 F1 respectively. ZetaRel is larger "
            "than SemEval-2018 Task 7 and SciERC, and its annotation agreement is higher.")
    entities, relations = run(nlp, text)
    assert "SemEval-2018 Task 7" in entities, entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ZetaRel"}, relations
    assert results_of(nlp, text) == {("BiLSTM-CRF", "ZetaRel", "54.1"), ("SciBERT", "ZetaRel", "61.8")}


def test_error_class_the_short_form_of_training_data_is_training_data(nlp):
    text = ("Sentence Embeddings from Inference Data\n\nWe show that sentence encoders trained on the Korvex Natural Language "
            "Inference (KNLI) dataset transfer well. Our BiLSTM encoder, trained on KNLI, outperforms SkipThought vectors "
            "on the SentEval transfer tasks, including MR and CR. It reaches 81.1 on MR and 86.3 on CR.")
    _, relations = run(nlp, text)
    evaluated = {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}
    assert not evaluated & {"KNLI", "Korvex Natural Language Inference"} and {"MR", "CR"} <= evaluated, relations


def test_error_class_on_x_then_a_pronoun_and_its_result_verb_names_data_and_the_pronoun_its_subject(nlp):
    text = ("ZetaLift: Open-Vocabulary 3D Segmentation\n\nWe present ZetaLift, which lifts 2D masks into 3D instances. On "
            "KorvexScan200 it achieves 25.3 AP, surpassing Open3DIS by 1.5 AP and OpenMask3D by 10.1 AP, and on the TarnRoom "
            "dataset it reaches 18.4 AP.")
    entities, relations = run(nlp, text)
    assert entities["KorvexScan200"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"KorvexScan200", "TarnRoom"}, relations
    assert results_of(nlp, text) == {("ZetaLift", "KorvexScan200", "25.3"), ("ZetaLift", "TarnRoom", "18.4")}


def test_error_class_numbers_in_e_notation_and_health_records_are_no_names(nlp):
    text = ("Scaling Laws for ZetaDiT\n\nWe fit scaling laws between 1e17 and 6e18 FLOPs and predict the loss of a model "
            "trained with 1.5e21 FLOPs. The same holds for structured EHR prediction with ZetaDiT.")
    entities, _ = run(nlp, text)
    assert not {"1e17", "6e18", "1.5e21", "EHR"} & set(entities), entities


def test_error_class_a_short_acronym_given_a_score_after_a_description_is_a_name(nlp):
    text = ("ZetaHand\n\nWe present ZetaHand, which retargets human hand poses to a robot hand. It reaches a success rate of "
            "71% on eight real-world tasks, compared with 38% for policies trained on demonstrations alone and 49% for K3M features.")
    entities, relations = run(nlp, text)
    assert entities["K3M"][0] == "Method", entities
    assert ("OUTPERFORMS", "ZetaHand", "K3M") in {r[:3] for r in relations}, relations


@pytest.mark.parametrize("text, evaluated", [
    pytest.param("ZetaPair\n\nWe introduce ZetaPair, which augments preference data with counterfactual pairs. Reward models "
                 "trained with ZetaPair gain 4.1 points on RewardBench and 6.3 points on RM-Bench over models trained on the "
                 "original UltraFeedback pairs.",
                 {"RewardBench", "RM-Bench"}, id="trained on the original X"),
    pytest.param("ZetaNoise: Noisy Speech\n\nSpeech language models are evaluated mostly on clean audio. We build "
                 "ZetaNoiseBench by mixing utterances from LibriSpeech and CoVoST 2 with background noise. At 0 dB, the accuracy "
                 "of all models drops by more than 30%.",
                 {"ZetaNoiseBench"}, id="mixing utterances from A and B"),
])
def test_error_class_data_a_benchmark_is_mixed_from_or_a_model_trained_on_is_not_evaluated_on(nlp, text, evaluated):
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == evaluated, relations


def test_error_class_a_score_after_a_versioned_data_name_is_no_version(nlp):
    text = ("Dilated Convolutions for Tagging\n\nWe describe ZI-CNN, an iterated dilated convolutional network for tagging. "
            "On CoNLL-2003 it reaches an F1 of 90.65, and on OntoNotes 5.0 86.84.")
    entities, _ = run(nlp, text)
    assert "OntoNotes 5.0" in entities and "OntoNotes 5.0 86.84" not in entities, entities
    assert ("ZI-CNN", "OntoNotes 5.0", "86.84") in results_of(nlp, text)


def test_error_class_we_describe_x_an_kind_network_proposes_x_even_of_generic_acronyms(nlp):
    text = ("Sequence Labelling with Dilated Filters\n\nWe describe ID-CNN, an iterated dilated convolutional network for "
            "named entity recognition. ID-CNNs are 14 times faster than a recurrent tagger at test time.")
    entities, _ = run(nlp, text)
    assert entities.get("ID-CNN") == ("Method", "proposed"), entities


def test_error_class_building_on_a_method_does_not_propose_it(nlp):
    text = ("Distributional RL with Quantiles\n\nWe build on ZetaC51 and propose ZetaQR, which approximates the return "
            "distribution with quantiles. On the 57 Atari 2600 games, ZetaQR reaches a median human-normalized score of "
            "211%, compared with 178% for ZetaC51 and 79% for DQN.")
    entities, relations = run(nlp, text)
    assert entities["ZetaQR"][1] == "proposed" and entities["ZetaC51"][1] != "proposed", entities
    assert ("OUTPERFORMS", "ZetaQR", "ZetaC51") in {r[:3] for r in relations}, relations
    assert results_of(nlp, text) == {("ZetaQR", "Atari 2600", "211%"), ("ZetaC51", "Atari 2600", "178%")}


def test_error_class_scores_in_brackets_after_outperforming_all_previous_work_are_ours(nlp):
    text = ("Wide Zeta Networks\n\nWe propose wide zeta networks (WZNs), which decrease depth and increase width. A 16-layer "
            "WZN outperforms all previous deep residual networks on CIFAR-10 (4.17% error), CIFAR-100 (20.50% error) and "
            "SVHN (1.64% error).")
    assert {(bench, value) for _, bench, value in results_of(nlp, text)} == {
        ("CIFAR-10", "4.17%"), ("CIFAR-100", "20.50%"), ("SVHN", "1.64%")}


def test_error_class_a_calibration_set_of_pairs_from_x_is_no_evaluation_data(nlp):
    text = ("ZetaPrune: Pruning Vision-Language Models\n\nWe propose ZetaPrune, which removes attention heads using a "
            "calibration set of 256 image-text pairs from CC3M. Pruning 30% of the parameters of LLaVA-1.5-13B with "
            "ZetaPrune keeps 97% of its average score on VQAv2, GQA and MM-Vet.")
    entities, relations = run(nlp, text)
    assert entities["CC3M"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"VQAv2", "GQA", "MM-Vet"}, relations


def test_error_class_a_lone_acronym_with_its_score_after_a_comparison_is_a_compared_system(nlp):
    text = ("ZetaMem: Web Agents with Memory\n\nWe present ZetaMem, a web agent with a hierarchical memory. ZetaMem sets a "
            "new state of the art on WebArena with a success rate of 36.2%, ahead of the previous best agent, KWM (35.5%).")
    entities, relations = run(nlp, text)
    assert entities["KWM"][0] == "Method", entities
    assert ("OUTPERFORMS", "ZetaMem", "KWM") in {r[:3] for r in relations}, relations
    assert results_of(nlp, text) == {("ZetaMem", "WebArena", "36.2%"), ("KWM", "WebArena", "35.5%")}


def test_error_class_the_scale_of_a_rating_is_no_score(nlp):
    text = ("ZetaTutor-Eval: Math Tutoring\n\nWe introduce ZetaTutor-Eval, 1,200 tutoring dialogues annotated by teachers. "
            "Among 14 models, Claude 3.5 Sonnet achieves the highest pedagogical score (3.9/5).")
    assert results_of(nlp, text) == {("Claude 3.5 Sonnet", "ZetaTutor-Eval", "3.9")}


def test_error_class_a_robot_model_before_robot_is_hardware(nlp):
    text = ("Robust Locomotion\n\nWe distill a privileged teacher into a student policy, ZetaWalk. Deployed on a Korvex Go7 "
            "robot and a Tarn Mx2 quadruped, ZetaWalk traverses stairs with a 92% success rate.")
    entities, _ = run(nlp, text)
    assert not {"Go7", "Mx2", "Korvex Go7", "Tarn Mx2"} & set(entities), entities


def test_error_class_a_metric_lowered_from_a_to_b_gives_b_on_the_papers_sole_data(nlp):
    text = ("Exploring Language Modeling\n\nWe study large recurrent language models on the Korvex Word Benchmark. Our best "
            "single model significantly improves state-of-the-art perplexity from 51.3 down to 30.0, whilst reducing the "
            "number of parameters by a factor of 20.")
    assert results_of(nlp, text) == {(None, "Korvex Word Benchmark", "30.0")}


def test_error_class_a_versus_bracket_with_its_data_after_the_pair_and_the_matched_method(nlp):
    text = ("ZetaGraph: Efficient Graph Retrieval\n\nWe propose ZetaGraph, which builds a sparse entity graph. On HotpotQA and "
            "2WikiMultiHopQA, ZetaGraph matches the answer F1 of KorvexRAG (62.3 vs. 62.9 on HotpotQA) at 1/20 of its "
            "indexing cost.")
    assert results_of(nlp, text) == {("ZetaGraph", "HotpotQA", "62.3"), ("KorvexRAG", "HotpotQA", "62.9")}


@pytest.mark.parametrize("text, named", [
    ("Zeta Normalization: Faster Training by Reducing Covariate Shift\n\nWe normalize layer inputs. Applied to an image "
     "classifier, Zeta Normalization achieves the same accuracy with 14 times fewer training steps.", {"Zeta Normalization"}),
    ("Scaling Laws: A Study of Compute\n\nScaling Laws hold for many models. We find that the Scaling Laws of ZetaNet "
     "differ.", set()),
])
def test_error_class_a_plain_title_prefix_written_inside_a_sentence_as_a_subject_is_a_name(nlp, text, named):
    entities, _ = run(nlp, text)
    assert {name for name, (_, role) in entities.items() if role == "proposed"} & {"Zeta Normalization", "Scaling Laws"} == named


def test_error_class_names_before_which_reach_pair_with_their_scores_on_the_data_written_after(nlp):
    text = ("ZetaSQL: Self-Correcting Text-to-SQL\n\nWe propose ZetaSQL, which executes candidate queries. ZetaSQL achieves an "
            "execution accuracy of 72.4% on the BIRD development set and 87.9% on Spider, outperforming KorvexSQL and "
            "TarnSQL, which reach 55.9% and 57.4% on BIRD.")
    assert results_of(nlp, text) == {("ZetaSQL", "BIRD", "72.4%"), ("ZetaSQL", "Spider", "87.9%"),
                                     ("KorvexSQL", "BIRD", "55.9%"), ("TarnSQL", "BIRD", "57.4%")}


def test_error_class_wins_against_is_a_win(nlp):
    text = ("ZetaPO: Preference Optimization\n\nWe propose ZetaPO, a preference objective without a reference model. On "
            "Arena-Hard, ZetaPO wins against KorvexPO with a 2.4-point margin.")
    _, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaPO", "KorvexPO") in {r[:3] for r in relations}, relations


def test_error_class_our_recipe_named_in_apposition_is_proposed(nlp):
    text = ("Robustness under Distribution Shift\n\nWe evaluate 120 models on ImageNet-A and ObjectNet. Our fine-tuning "
            "recipe, ZetaFT, improves ImageNet-A accuracy of a ViT-L/14 from 68.1% to 77.9%.")
    entities, _ = run(nlp, text)
    assert entities["ZetaFT"] == ("Method", "proposed"), entities


def test_error_class_data_fine_tuned_on_before_a_zero_shot_evaluation_is_not_evaluated_on(nlp):
    text = ("ZetaQA: Question Answering in African Languages\n\nWe introduce ZetaQA, a question answering dataset covering "
            "12 African languages. Fine-tuned on SQuAD 2.0 and evaluated zero-shot, XLM-R-large reaches an F1 of 39.2, "
            "while AfroXLMR-large reaches 45.7.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ZetaQA"}, relations
    assert results_of(nlp, text) == {("XLM-R-large", "ZetaQA", "39.2"), ("AfroXLMR-large", "ZetaQA", "45.7")}


def test_error_class_plain_words_listed_with_coined_names_after_a_data_noun_are_data(nlp):
    text = ("ZetaMoE: Forecasting with Experts\n\nWe propose ZetaMoE, a forecasting model. On the long-term forecasting "
            "benchmarks KorvexT1, KorvexM2, Weather and Electricity, ZetaMoE reduces MSE by 7.4% relative to PatchTST.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"KorvexT1", "KorvexM2", "Weather", "Electricity"}


def test_error_class_a_list_opening_a_sentence_before_its_subject_names_data(nlp):
    text = ("ZetaRec: Session Recommendation\n\nWe propose ZetaRec, a session-based recommender. On Diginetica, Tmall and "
            "KorvexRocket, ZetaRec improves P@20 over SR-GNN by 3.1%, 9.8% and 2.4%.")
    entities, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"Diginetica", "Tmall", "KorvexRocket"}
    assert "ZetaRec" not in {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}
    assert not {"GPT-4", "Claude"} & {t for kind, _, t, _ in run(nlp, "T\n\nOn GPT-4 and Claude, we observe a drop.")[1]}


def test_error_class_a_four_letter_plural_of_a_known_name_is_that_name(nlp):
    entities, _ = run(nlp, "Patch Robustness\n\nWe analyse ViT models under patch attacks. ViTs underperform ResNet-50 on ImageNet.")
    assert "ViT" in entities and "ViTs" not in entities, entities


def test_error_class_a_score_after_a_model_name_is_no_version_of_it(nlp):
    text = ("ZetaTS-Bench: Time Series Questions\n\nWe build ZetaTS-Bench, 8,500 questions over 1,200 series. GPT-4o answers "
            "52.6% of questions correctly and Llama-3.1-70B 41.9%, while a simple baseline reaches 47.3%.")
    entities, _ = run(nlp, text)
    assert "Llama-3.1-70B" in entities and "Llama-3.1-70B 41" not in entities, entities
    assert {("GPT-4o", "52.6%"), ("Llama-3.1-70B", "41.9%")} <= {(m, v) for m, _, v in results_of(nlp, text)}


def test_error_class_a_method_defined_after_a_comparison_is_not_a_part_of_ours(nlp):
    text = ("ZetaNO: Neural Operators for Turbulence\n\nWe introduce ZetaNO, a neural operator. ZetaNO predicts velocity fields "
            "with a relative L2 error of 4.1%, compared with 9.7% for the Korvex Neural Operator (KNO) and 12.3% for a U-Net.")
    entities, relations = run(nlp, text)
    assert entities["Korvex Neural Operator"] == ("Method", "used"), entities
    assert ("OUTPERFORMS", "ZetaNO", "Korvex Neural Operator") in {r[:3] for r in relations}, relations


def test_error_class_a_known_model_with_its_backbone_is_one_name(nlp):
    entities, relations = run(nlp, "ZetaEmbed\n\nWe train ZetaEmbed, one embedding model for text and images. On Flickr30K "
                                   "it beats CLIP ViT-L/14 and SigLIP.")
    assert "CLIP ViT-L/14" in entities and "ViT-L/14" not in entities, entities


def test_error_class_a_name_that_only_describes_another_is_not_the_beaten(nlp):
    text = ("ZetaJudge: Dialogue Evaluation\n\nWe release ZetaJudge-7B, a judge model fine-tuned from Mistral-7B. On the FED "
            "and DSTC10 evaluation sets, ZetaJudge-7B correlates with human ratings better than GPT-4-based KorvexJudge.")
    _, relations = run(nlp, text)
    beaten = {t for kind, _, t, _ in relations if kind == "OUTPERFORMS"}
    assert "GPT-4" not in beaten and "KorvexJudge" in beaten, relations


def test_error_class_data_a_model_generalises_to_with_an_error_rate_is_evaluated_on(nlp):
    text = ("ZetaAV: Audio-Visual Speech Recognition\n\nWe present ZetaAV, which adds a lip-reading encoder to Whisper-medium. "
            "Trained on 1,759 hours of VoxCeleb2 and LRS3, it also generalises to the unseen KorvexCMLR corpus with a "
            "character error rate of 12.1%.")
    _, relations = run(nlp, text)
    assert "KorvexCMLR" in {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, relations


def test_error_class_yielding_x_in_our_sentence_proposes_x(nlp):
    text = ("Prompted SAM for Medical Images\n\nWe adapt the Segment Anything Model (SAM) to medical imaging with learnable "
            "prompt tokens, yielding ZetaMed-SAM. Across 11 datasets including BTCV and ACDC, ZetaMed-SAM improves the mean "
            "Dice score over MedSAM by 3.8 points.")
    entities, relations = run(nlp, text)
    assert entities["ZetaMed-SAM"][1] == "proposed", entities
    assert ("OUTPERFORMS", "ZetaMed-SAM", "MedSAM") in {r[:3] for r in relations}, relations


def test_error_class_an_indefinite_subject_of_its_own_clause_scores_for_itself(nlp):
    text = ("Self-Play for Math\n\nWe propose ZetaSPIN, which fine-tunes a model on its own verified traces. Three rounds of "
            "ZetaSPIN raise GSM8K accuracy from 82.9% to 88.1% and MATH accuracy from 46.8% to 53.0%; a single round of "
            "rejection-sampling fine-tuning (RFT) reaches 84.2% and 48.1%.")
    assert results_of(nlp, text) == {("ZetaSPIN", "GSM8K", "88.1%"), ("ZetaSPIN", "MATH", "53.0%")}


def test_error_class_a_title_case_data_name_with_function_words_is_not_its_last_word(nlp):
    text = ("Credit Scoring\n\nWe propose ZetaMono, a monotonic network for credit scoring. On the Home Credit Default Risk "
            "and Give Me Some Credit datasets, ZetaMono matches the AUC of gradient-boosted trees.")
    entities, _ = run(nlp, text)
    assert "Credit" not in entities, entities


def test_error_class_values_coordinated_before_for_a_compared_name_are_its_scores(nlp):
    text = ("ZetaVP: Video Prediction with Memory\n\nWe propose ZetaVP, a video prediction model. On Kinetics-600 and BAIR "
            "Robot Pushing, ZetaVP reduces FVD to 3.9 and 82.1, respectively, compared with 4.7 and 93.6 for KorvexGIT.")
    assert results_of(nlp, text) == {("ZetaVP", "Kinetics-600", "3.9"), ("ZetaVP", "BAIR Robot Pushing", "82.1"),
                                     ("KorvexGIT", "Kinetics-600", "4.7"), ("KorvexGIT", "BAIR Robot Pushing", "93.6")}


def test_error_class_an_opening_with_x_on_data_phrase_ends_at_its_comma(nlp):
    text = ("Zeta Backbones for Dense Prediction\n\nWe present ZetaMamba, a visual state space backbone. With UperNet on "
            "ADE20K, ZetaMamba-S achieves 49.8 mIoU, 1.3 points above Swin-S at similar FLOPs.")
    entities, relations = run(nlp, text)
    assert entities["ZetaMamba-S"][0] == "Method", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ADE20K"}, relations
    assert results_of(nlp, text) == {("ZetaMamba-S", "ADE20K", "49.8")}


def test_error_class_a_versus_bracket_may_end_with_its_metric(nlp):
    text = ("ZetaTable: Table Instruction Tuning\n\nWe fine-tune Llama-3-8B on table instructions to obtain ZetaTable. "
            "ZetaTable outperforms GPT-3.5 on WikiTQ (65.1 vs. 59.4 accuracy).")
    assert results_of(nlp, text) == {("ZetaTable", "WikiTQ", "65.1"), ("GPT-3.5", "WikiTQ", "59.4")}


def test_error_class_a_hyphenated_plain_word_opening_a_sentence_is_no_data_name(nlp):
    text = ("Chained Facts\n\nLong-context benchmarks often reward retrieval of a single fact. Multi-hop datasets contain "
            "shortcuts. We present ZetaChain, a benchmark of questions that chain six facts.")
    entities, relations = run(nlp, text)
    assert set(entities) == {"ZetaChain"}, entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ZetaChain"}, relations


def test_error_class_a_data_setting_with_alone_or_only_is_data(nlp):
    text = ("Reaction Pretraining\n\nWe propose ZetaRxn, a contrastive pretraining method for molecules. On the KorvexBACE "
            "task alone it reaches 86.1 ROC-AUC.")
    entities, relations = run(nlp, text)
    assert entities["KorvexBACE"][0] in ("Dataset", "Benchmark"), entities
    assert results_of(nlp, text) == {("ZetaRxn", "KorvexBACE", "86.1")}


def test_error_class_a_success_share_of_trials_is_a_score(nlp):
    text = ("Dexterous Hands\n\nWe present ZetaHand, a framework that retargets human hand motion to a robot hand. On the "
            "KorvexMV benchmark, ZetaHand succeeds in 68% of trials, against 41% for the KorvexVIP baseline.")
    assert results_of(nlp, text) == {("ZetaHand", "KorvexMV", "68%"), ("KorvexVIP", "KorvexMV", "41%")}


def test_error_class_from_a_value_for_a_name_to_ours_gives_the_name_its_score(nlp):
    text = ("Reaction Pretraining\n\nWe propose ZetaRxn, a contrastive pretraining method. ZetaRxn is evaluated on eight "
            "tasks of MoleculeNet, where it improves the average ROC-AUC from 71.2 for KorvexMVP to 74.8.")
    assert results_of(nlp, text) == {("KorvexMVP", "MoleculeNet", "71.2"), ("ZetaRxn", "MoleculeNet", "74.8")}


def test_error_class_the_platform_a_suite_is_built_in_is_not_evaluated_on(nlp):
    text = ("Dexterous Hands\n\nWe present ZetaHand, a framework for dexterous manipulation. On the KorvexMV benchmark, "
            "ZetaHand succeeds in 68% of trials. We also release ZetaHand-Sim, a simulated suite of 12 tasks built in "
            "Isaac Gym.")
    _, relations = run(nlp, text)
    assert "Isaac Gym" not in {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, relations


@pytest.mark.parametrize("sentence", [
    "M2M-100 lags behind at 27.9 chrF++ despite four times as many parameters.",
    "On FLORES-200, M2M-100 lags behind ZetaRoute by 3.5 chrF++.",
    "On FLORES-200, M2M-100 falls short of ZetaRoute.",
    "On FLORES-200, M2M-100 trails ZetaRoute by 3 points.",
    "On FLORES-200, M2M-100 is clearly outperformed by ZetaRoute.",
])
def test_error_class_a_loss_said_by_the_loser_is_a_win_of_ours(nlp, sentence):
    text = f"Routing for Translation\n\nWe introduce ZetaRoute, a routing scheme for translation. {sentence}"
    _, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaRoute", "M2M-100") in {r[:3] for r in relations}, relations


@pytest.mark.parametrize("sentence", [
    "On FLORES-200, GPT-4 still lags behind human experts.",
    "ZetaRoute lags behind GPT-4 on FLORES-200.",
    "M2M-100 does not lag behind ZetaRoute.",
])
def test_error_class_a_loss_of_ours_or_to_no_method_of_ours_is_no_win(nlp, sentence):
    text = f"Routing for Translation\n\nWe introduce ZetaRoute, a routing scheme for translation. {sentence}"
    _, relations = run(nlp, text)
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations


def test_error_class_a_clause_comparing_the_other_way_ends_the_beaten_list(nlp):
    text = ("Spectral Graph Transformers\n\nWe propose ZetaSpec, a graph transformer. It outperforms GraphGPS on ZINC and "
            "ogbg-molpcba, but is slightly worse than KorvexGRIT on ogbg-molhiv.")
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"GraphGPS"}, relations


def test_error_class_a_name_and_its_result_verb_after_a_colon_own_the_score(nlp):
    text = ("Chinese Document VQA\n\nWe introduce ZetaDocVQA, a dataset of 48,000 questions over scanned documents. We "
            "benchmark Qwen-VL, InternVL2 and GPT-4V on ZetaDocVQA: GPT-4V obtains an ANLS of 0.612, well below human "
            "performance of 0.941, and fine-tuning InternVL2 on our training split raises its ANLS from 0.488 to 0.703.")
    assert results_of(nlp, text) == {("GPT-4V", "ZetaDocVQA", "0.612"), (None, "ZetaDocVQA", "0.703")}


@pytest.mark.parametrize("values", ["ROC-AUC 80.9 and AP 29.8", "80.9 ROC-AUC and 29.8 AP"])
def test_error_class_values_each_with_its_metric_pair_with_the_data_in_order(nlp, values):
    text = (f"Spectral Graph Transformers\n\nWe propose ZetaSpec, a graph transformer. On ogbg-molhiv and ogbg-molpcba, "
            f"it reaches {values}.")
    assert results_of(nlp, text) == {("ZetaSpec", "ogbg-molhiv", "80.9"), ("ZetaSpec", "ogbg-molpcba", "29.8")}


def test_error_class_the_document_object_model_is_no_method(nlp):
    text = ("Web Agents\n\nWe introduce ZetaNav, an agent that combines a planner with a DOM-grounded executor. On "
            "WebArena, ZetaNav completes 38.2% of tasks. DOM grounding accounts for most of the gain.")
    entities, _ = run(nlp, text)
    assert "DOM" not in entities, entities


def test_error_class_slash_separated_scores_are_each_a_result_on_their_data(nlp):
    text = ("Long Document Summarization\n\nWe propose ZetaLED, a long-document summarizer. ZetaLED obtains ROUGE-1/2/L "
            "of 51.3/19.6/48.1 on GovReport and 47.9/20.1/42.8 on BookSum.")
    assert results_of(nlp, text) == {("ZetaLED", "GovReport", v) for v in ("51.3", "19.6", "48.1")} | {
        ("ZetaLED", "BookSum", v) for v in ("47.9", "20.1", "42.8")}
    scale = "Tutoring\n\nWe propose ZetaTutor. It reaches a pedagogical score of 3.9/5 on MathDial."
    assert results_of(nlp, scale) == {("ZetaTutor", "MathDial", "3.9")}


def test_error_class_a_score_on_data_of_no_name_found_is_not_the_earlier_datas(nlp):
    text = ("Long Document Summarization\n\nWe propose ZetaLED, a long-document summarizer. It obtains a ROUGE-1 of 51.3 "
            "on GovReport and 47.9 on arXiv.")
    assert results_of(nlp, text) == {("ZetaLED", "GovReport", "51.3")}


def test_error_class_personalisation_metrics_are_metrics_not_methods(nlp):
    text = ("Personalised Diffusion\n\nWe introduce ZetaLoRA, a rank-4 update of Stable Diffusion v1.5. Compared with "
            "DreamBooth, ZetaLoRA matches its subject fidelity (DINO score 0.668 vs. 0.662) on the DreamBench dataset, "
            "while improving prompt fidelity (CLIP-T 0.312 vs. 0.305).")
    entities, _ = run(nlp, text)
    assert entities["CLIP-T"][0] == "Metric" and entities["DINO score"][0] == "Metric", entities
    assert results_of(nlp, text) == {("ZetaLoRA", "DreamBench", "0.668"), ("DreamBooth", "DreamBench", "0.662"),
                                     ("ZetaLoRA", "DreamBench", "0.312"), ("DreamBooth", "DreamBench", "0.305")}


def test_error_class_judges_prefer_ours_over_a_named_system(nlp):
    text = ("Long Document Summarization\n\nWe propose ZetaLED, a long-document summarizer. Human judges prefer its "
            "summaries over those of BigBird-Pegasus in 64% of comparisons.")
    _, relations = run(nlp, text)
    assert ("OUTPERFORMS", "ZetaLED", "BigBird-Pegasus") in {r[:3] for r in relations}, relations


def test_error_class_what_a_backbone_was_pretrained_on_is_not_evaluated_on(nlp):
    text = ("Chest X-ray Classification\n\nUsing a DenseNet-121 backbone pre-trained on ImageNet, our model, ZetaChex, is "
            "trained on the ChestX-ray14 dataset and evaluated on its official test split, where it reaches a mean AUROC "
            "of 0.841.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ChestX-ray14"}, relations


def test_error_class_a_survey_evaluates_on_nothing_unless_it_says_so(nlp):
    survey = ("A Survey of Graph Neural Networks for Recommendation\n\nIn this survey, we review more than 150 papers. We "
              "discuss models such as PinSage and LightGCN, and summarise the datasets used for evaluation, including "
              "MovieLens and Yelp2018.")
    _, relations = run(nlp, survey)
    assert not [r for r in relations if r[0] == "EVALUATED_ON"], relations
    benchmarked = survey.replace("and summarise the datasets used for evaluation, including",
                                 "and we benchmark twelve of them on")
    _, relations = run(nlp, benchmarked)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"MovieLens", "Yelp2018"}, relations


def test_error_class_ranks_are_no_scores(nlp):
    text = ("Retrieval for Tabular Data\n\nWe present ZetaTab, a retrieval transformer. Across 45 datasets of the "
            "TabZilla benchmark, ZetaTab achieves an average rank of 3.1, ahead of XGBoost (4.2) and CatBoost (4.0).")
    assert results_of(nlp, text) == set()


def test_error_class_a_value_in_decibels_for_a_name_is_its_score(nlp):
    text = ("Audio-Visual Separation\n\nWe propose ZetaSep, a separation network conditioned on lips. ZetaSep improves "
            "SI-SNR from 10.2 dB for Conv-TasNet to 13.8 dB on the LRS3 test set.")
    assert results_of(nlp, text) == {("Conv-TasNet", "LRS3", "10.2"), ("ZetaSep", "LRS3", "13.8")}


def test_error_class_instruction_data_translated_into_new_data_is_data_not_evaluated_on(nlp):
    text = ("Multilingual Instruction Tuning\n\nWe translate the Alpaca instruction data into 12 languages and fine-tune "
            "BLOOMZ-7B on the result to obtain ZetaAlpaca. On XCOPA, ZetaAlpaca raises accuracy from 58.1% to 62.7%.")
    entities, relations = run(nlp, text)
    assert entities["Alpaca"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"XCOPA"}, relations


def test_error_class_our_detector_x_is_proposed_and_a_known_title_prefix_is_not(nlp):
    text = ("Fast R-CNN with Region Proposal Networks for Pedestrian Detection\n\nWe revisit pedestrian detection with "
            "region-based networks. Our detector, ZetaPed, shares features between a region proposal network and a "
            "boosted forest. ZetaPed achieves miss rates of 9.6% on the Caltech Pedestrian benchmark and 18.5% on KITTI, "
            "outperforming CompACT-Deep and MS-CNN.")
    entities, relations = run(nlp, text)
    assert entities["ZetaPed"][1] == "proposed" and entities["Fast R-CNN"][1] == "used", entities
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"CompACT-Deep", "MS-CNN"}, relations


def test_error_class_a_score_that_rises_to_a_value_on_a_part_of_the_data(nlp):
    text = ("Domain Adaptation\n\nWe call it the zeta reversal layer (ZRL). State-of-the-art adaptation performance is "
            "achieved on the Office dataset, where accuracy rises from 61.6% to 73.0% on the Amazon→Webcam shift.")
    assert results_of(nlp, text) == {("zeta reversal layer", "Office", "73.0%")}


def test_error_class_the_penn_tree_bank_spelled_apart_is_the_penn_treebank(nlp):
    text = ("Regularizing Recurrent Networks\n\nWe show how to apply dropout to LSTMs. On the Penn Tree Bank, our "
            "regularized large LSTM reaches a test perplexity of 78.4.")
    entities, _ = run(nlp, text)
    assert entities["Penn Tree Bank"][0] == "Dataset", entities


def test_error_class_data_released_or_only_trained_on_is_not_evaluated_on(nlp):
    text = ("ZetaMath-Instruct: Synthetic Data for Mathematical Reasoning\n\nWe introduce ZetaMath-Instruct, a dataset of "
            "2M math word problems, and ZetaMath-7B, a Mistral-7B model fine-tuned on it. ZetaMath-7B achieves 35.2% on "
            "MATH and 74.8% on GSM8K. We also release ZetaMWPBench, a collection of ten math benchmarks with a unified "
            "evaluation protocol.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"MATH", "GSM8K"}, relations


def test_error_class_data_tested_on_in_apposition_to_a_new_dataset_is_proposed(nlp):
    text = ("When Does Retrieval Help?\n\nRetrieval augmentation is assumed to help. We test this assumption on ZetaPopQA, "
            "a new dataset of 14K entity-centric questions. For the least popular questions, Contriever-augmented GPT-3 "
            "improves accuracy from 12% to 36%.")
    entities, _ = run(nlp, text)
    assert entities["ZetaPopQA"][1] == "proposed", entities
    assert results_of(nlp, text) == {("GPT-3", "ZetaPopQA", "36%")}


def test_error_class_a_processor_is_no_method(nlp):
    text = ("Fast Vision Transformers\n\nWe propose ZetaViT, a family of fast vision transformers. ZetaViT-M5 surpasses "
            "MobileNetV3-Large by 1.9% top-1 accuracy on ImageNet-1K while running 40% faster on an Nvidia V100 GPU and "
            "an Intel Xeon CPU.")
    entities, _ = run(nlp, text)
    assert not {"Nvidia V100", "Intel Xeon"} & set(entities), entities


def test_error_class_the_trec_conversational_track_is_a_benchmark(nlp):
    text = ("Conversational Dense Retrieval\n\nWe present ZetaConv, a few-shot conversational dense retriever. On the "
            "TREC CAsT 2019 benchmark, ZetaConv improves NDCG@3 by 9% over the best prior few-shot systems.")
    entities, relations = run(nlp, text)
    assert entities["TREC CAsT 2019"][0] == "Benchmark", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"TREC CAsT 2019"}, relations


def test_error_class_compared_with_x_then_alike_is_no_win(nlp):
    text = ("Visualizing Data with Neighbor Graphs\n\nWe propose ZetaVis, a technique for visualizing high-dimensional "
            "data. Compared with t-SNE and UMAP, ZetaVis produces layouts of similar quality, measured by kNN "
            "classification accuracy, on MNIST and Fashion-MNIST, while scaling to 10 million points in under an hour.")
    entities, relations = run(nlp, text)
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations
    assert "kNN" not in entities, entities
    better = text.replace("of similar quality, measured by", "with higher")
    _, relations = run(nlp, better)
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"t-SNE", "UMAP"}, relations


def test_error_class_values_coordinated_after_a_score_for_an_unnamed_system_are_not_ours(nlp):
    text = ("Distilling Speech Recognizers\n\nWe distill a Conformer teacher into small students. On LibriSpeech "
            "test-other, the student reaches 6.1% WER compared to 5.3% for the teacher and 8.4% for a student trained "
            "from scratch.")
    assert results_of(nlp, text) == {(None, "LibriSpeech", "6.1%")}


def test_error_class_experts_scores_are_nobodys_and_a_degree_is_no_method(nlp):
    text = ("ZetaGPQA: Harder Graduate-Level Questions\n\nExisting expert-level benchmarks such as GPQA Diamond are "
            "saturating. We introduce ZetaGPQA, 448 questions written by domain experts. Claude 3.5 Sonnet scores 31.2%, "
            "DeepSeek-R1 28.9% and GPT-4o 24.5%, while PhD-level experts reach 71.0% in their own domain.")
    entities, _ = run(nlp, text)
    assert "PhD" not in entities and entities["GPQA Diamond"][0] == "Benchmark", entities
    assert results_of(nlp, text) == {("Claude 3.5 Sonnet", "ZetaGPQA", "31.2%"), ("DeepSeek-R1", "ZetaGPQA", "28.9%"),
                                     ("GPT-4o", "ZetaGPQA", "24.5%")}


def test_error_class_a_size_then_a_variant_of_our_series_is_ours_and_the_described_model_wins(nlp):
    text = ("ZetaCoder Technical Report\n\nWe introduce the ZetaCoder series, code-specific models of 0.5B to 32B "
            "parameters. ZetaCoder-32B-Instruct achieves 92.7% on HumanEval, and the 7B model outperforms "
            "DeepSeek-Coder-V2-Lite.")
    entities, relations = run(nlp, text)
    assert entities["ZetaCoder-32B-Instruct"][1] == "proposed", entities
    assert [r[1:3] for r in relations if r[0] == "OUTPERFORMS"] == [("ZetaCoder", "DeepSeek-Coder-V2-Lite")], relations


def test_error_class_an_organisation_before_a_benchmark_is_no_method(nlp):
    text = ("Length-Controlled Evaluation\n\nWe propose ZetaLC, a length-controlled auto-evaluator. ZetaLC raises the "
            "Spearman correlation with LMSYS Chatbot Arena from 0.94 to 0.98.")
    entities, _ = run(nlp, text)
    assert "LMSYS" not in entities, entities


def test_error_class_data_trained_on_before_results_on_held_out_tasks_is_not_evaluated_on(nlp):
    text = ("ZetaTuning\n\nWe propose ZetaTuning, in which a hypermodel, ZetaT5, generates soft prefixes for a frozen "
            "model. Trained on P3, MetaICL and Super-NaturalInstructions, ZetaT5 generates parameters that reach 89% of "
            "the performance of full fine-tuning on held-out tasks.")
    entities, relations = run(nlp, text)
    assert entities["ZetaT5"][1] == "proposed", entities
    assert not [r for r in relations if r[0] == "EVALUATED_ON"], relations


def test_error_class_the_reddit_tldr_dataset_is_one_name(nlp):
    text = ("Summarizing from Feedback\n\nWe train ZetaRM, a reward model, on 180K comparisons. Policies fine-tuned "
            "against ZetaRM are preferred over reference summaries on the TL;DR dataset 61% of the time.")
    entities, _ = run(nlp, text)
    assert entities["TL;DR"][0] == "Dataset" and "DR" not in entities, entities


def test_error_class_the_parts_listed_after_our_methods_colon_are_ours(nlp):
    text = ("ZetaNet-Lite: Efficient Keypoint Detection\n\nWe introduce ZetaNet-Lite. ZetaNet-Lite is a combination of two "
            "efficient variants of ZetaNet: ZetaNet-Glance, which uses an attention mechanism, and ZetaNet-Thin, which "
            "introduces a compact backbone. ZetaNet-Glance is suitable for offline processing.")
    entities, _ = run(nlp, text)
    assert entities["ZetaNet-Glance"][1] == entities["ZetaNet-Thin"][1] == "proposed", entities
    assert entities["ZetaNet"][1] == "used", entities


def test_error_class_the_software_associated_with_this_paper_is_proposed(nlp):
    text = ("Image-to-Image Translation\n\nWe investigate conditional adversarial networks for image translation. Since "
            "the release of the ZetaPix software associated with this paper, many users have posted experiments.")
    entities, _ = run(nlp, text)
    assert entities["ZetaPix"][1] == "proposed", entities


def test_error_class_values_before_respectively_pair_and_a_later_score_is_read_alone(nlp):
    text = ("Cross-View Training\n\nWe propose ZetaCVT, a semi-supervised algorithm. ZetaCVT attains error rates of 4.2%, "
            "5.1% and 6.0% on CoNLL-2000, CoNLL-2003 and CCGBank, respectively, and an F1 of 92.6 on CoNLL-2003 NER.")
    assert results_of(nlp, text) == {("ZetaCVT", "CoNLL-2000", "4.2%"), ("ZetaCVT", "CoNLL-2003", "5.1%"),
                                     ("ZetaCVT", "CCGBank", "6.0%"), ("ZetaCVT", "CoNLL-2003", "92.6")}


@pytest.mark.parametrize("claim", [
    "it obtains a 60-minute MAE of 3.41 and 1.86, respectively, lower than Graph WaveNet (3.53 and 1.95) and DCRNN "
    "(3.60 and 2.07)",
    "it obtains MAEs of 3.41 and 1.86, outperforming Graph WaveNet (3.53 and 1.95) and DCRNN (3.60 and 2.07)",
])
def test_error_class_bracketed_scores_after_names_are_theirs_and_lower_error_is_a_win(nlp, claim):
    text = f"Traffic Forecasting\n\nWe present ZetaGAT, a graph attention network. On METR-LA and PEMS-BAY, {claim}."
    _, relations = run(nlp, text)
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"Graph WaveNet", "DCRNN"}, relations
    assert results_of(nlp, text) == {("ZetaGAT", "METR-LA", "3.41"), ("ZetaGAT", "PEMS-BAY", "1.86"),
                                     ("Graph WaveNet", "METR-LA", "3.53"), ("Graph WaveNet", "PEMS-BAY", "1.95"),
                                     ("DCRNN", "METR-LA", "3.60"), ("DCRNN", "PEMS-BAY", "2.07")}


def test_error_class_lower_than_after_a_higher_is_better_score_is_no_win(nlp):
    text = "Language Models\n\nWe present ZetaLM. On MMLU it reaches an accuracy of 61.2%, lower than GPT-4."
    _, relations = run(nlp, text)
    assert not [r for r in relations if r[0] == "OUTPERFORMS"], relations


def test_error_class_a_knowledge_base_entities_are_linked_to_is_not_evaluated_on(nlp):
    text = ("Conversational Recommendation\n\nOur model, ZetaConv, links entities mentioned in the conversation to "
            "DBpedia and reasons over the graph with an R-GCN. Experiments on ReDial and TG-ReDial show that ZetaConv "
            "improves Recall@10 by 12% over KBRD.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ReDial", "TG-ReDial"}, relations


def test_error_class_public_benchmark_names_with_their_size_or_case(nlp):
    text = ("Self-Predictive Representations\n\nWe present ZetaSPR. On the Atari 100k benchmark, ZetaSPR achieves a median "
            "human-normalized score of 0.512, and on the Concode code generation task an exact match of 22.3.")
    entities, _ = run(nlp, text)
    assert entities["Atari 100k"][0] == "Benchmark" and entities["Concode"][0] == "Dataset", entities


def test_error_class_a_label_set_size_joined_to_a_known_name_and_data_never_used(nlp):
    text = ("Open-Vocabulary Segmentation\n\nWe propose ZetaSeg, which fine-tunes CLIP on masked regions. ZetaSeg reaches "
            "29.8 mIoU on ADE20K-847 and 57.3 mIoU on PASCAL Context-59, improving over OpenSeg by 7.0 and 3.3 points, "
            "respectively, without using any ADE20K annotations.")
    entities, relations = run(nlp, text)
    assert entities["PASCAL Context-59"][0] == "Dataset", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ADE20K-847", "PASCAL Context-59"}, relations
    assert results_of(nlp, text) == {("ZetaSeg", "ADE20K-847", "29.8"), ("ZetaSeg", "PASCAL Context-59", "57.3")}


def test_error_class_the_rules_alone_keep_the_vetoes_of_evaluated_on(nlp):
    text = ("Open-Vocabulary Segmentation\n\nWe propose ZetaSeg. ZetaSeg reaches 29.8 mIoU on ADE20K-847 without using "
            "any ADE20K annotations.")
    scorer = nlp.get_pipe("kg_relations").scorer
    nlp.get_pipe("kg_relations").scorer = None
    try:
        _, relations = run(nlp, text)
    finally:
        nlp.get_pipe("kg_relations").scorer = scorer
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ADE20K-847"}, relations


def test_error_class_the_simulator_policies_are_trained_in_is_not_evaluated_on(nlp):
    text = ("Legged Robot Skills\n\nWe present ZetaSkill, a hierarchical framework. Policies are trained in Isaac Gym "
            "with 4,096 parallel environments and transferred zero-shot to a robot. In simulation, ZetaSkill solves 9 "
            "of 10 downstream tasks.")
    _, relations = run(nlp, text)
    assert not [r for r in relations if r[0] == "EVALUATED_ON"], relations


def test_error_class_data_trained_using_before_results_on_transfer_tasks_is_not_evaluated_on(nlp):
    text = ("Sentence Embeddings from Inference Data\n\nWe show how sentence representations trained using the supervised "
            "data of the Stanford Natural Language Inference datasets can outperform SkipThought vectors on a wide range "
            "of transfer tasks. Our encoder, which we call ZetaSent, reaches 85.0% on the SICK-E entailment task.")
    _, relations = run(nlp, text)
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"SICK-E"}, relations


def test_error_class_a_resolution_before_a_data_noun_is_no_name(nlp):
    text = ("Diffusion Transformers\n\nWe propose ZetaDiT, a diffusion transformer. ZetaDiT-XL outperforms all prior "
            "diffusion models on the class-conditional ImageNet 512x512 and 256x256 benchmarks.")
    entities, _ = run(nlp, text)
    assert "256x256" not in entities, entities


def test_error_class_an_elided_verb_after_a_name_and_its_maker_gives_the_name_its_score(nlp):
    text = ("ZetaCode: A Research Coding Benchmark\n\nWe present ZetaCode, a benchmark of 338 subproblems. In the most "
            "realistic setting, Claude 3.5 Sonnet solves only 4.6% of the main problems, and OpenAI o1-preview 7.7%.")
    assert results_of(nlp, text) == {("Claude 3.5 Sonnet", "ZetaCode", "4.6%"), ("o1-preview", "ZetaCode", "7.7%")}


def test_error_class_a_training_budget_before_a_benchmark_name_is_not_part_of_it(nlp):
    text = ("Augmentation for Pixel-Based RL\n\nOur method, ZetaAug, attains an average score of 883 on the 500k-step "
            "KorvexNet benchmark tasks, outperforming CURL.")
    entities, _ = run(nlp, text)
    assert "KorvexNet" in entities and "500k-step KorvexNet" not in entities, entities


def test_error_class_a_known_metric_written_after_a_number_is_a_metric_not_a_beaten_method(nlp):
    text = ("Table and Text QA\n\nWe propose ZetaTaT. On HybridQA, ZetaTaT achieves 61.2 EM and 66.8 F1 on the test set, "
            "improving over MATE by 3.4 EM.")
    entities, relations = run(nlp, text)
    assert entities["EM"][0] == "Metric", entities
    assert {r[2] for r in relations if r[0] == "OUTPERFORMS"} == {"MATE"}, relations
    scierc_like = "EM Training\n\nWe train the model with Expectation-Maximization (EM). EM converges in 20 iterations."
    entities, _ = run(nlp, scierc_like)
    assert entities.get("EM", entities.get("Expectation-Maximization", ("Method",)))[0] == "Method", entities


def test_error_class_our_approach_yields_a_model_x_proposes_x_and_parity_brackets_give_the_other_its_score(nlp):
    text = ("Self-Rewarding Language Models\n\nWe study models that reward themselves. Fine-tuning Llama 2 70B on three "
            "iterations of our approach yields a model, ZetaReward-70B, that achieves parity with GPT-4 on AlpacaEval 2.0 "
            "(win rate 20.44% vs. 19.76%) and surpasses the previous best open model, Claude 2, by 3.1 points.")
    entities, relations = run(nlp, text)
    assert entities["ZetaReward-70B"][1] == "proposed", entities
    assert [r[1:3] for r in relations if r[0] == "OUTPERFORMS"] == [("ZetaReward-70B", "Claude 2")], relations
    assert results_of(nlp, text) == {("ZetaReward-70B", "AlpacaEval 2.0", "20.44%"), ("GPT-4", "AlpacaEval 2.0", "19.76%")}


def test_error_class_long_context_names(nlp):
    text = ("Landmark Attention\n\nWe propose ZetaMark. On PG-19, a 7B model with ZetaMark is 0.8 perplexity points "
            "better than with sliding-window attention. ZetaMark beats Longformer in 7 of 8 tasks of LongBench.")
    entities, relations = run(nlp, text)
    assert entities["PG-19"][0] == "Dataset", entities
    assert ("OUTPERFORMS", "ZetaMark", "Longformer") in {r[:3] for r in relations}, relations


def test_error_class_an_opening_fine_tuning_phrase_before_we_gives_the_score_to_us_and_a_bare_other_clause_to_nobody(nlp):
    text = ("Private Fine-Tuning\n\nWe show that parameter-efficient fine-tuning makes private training practical. "
            "Fine-tuning RoBERTa-Large with LoRA under DP-SGD at ε = 6.7, we obtain 87.8% accuracy on MNLI, whereas full "
            "fine-tuning with DP-SGD reaches only 83.2% on MNLI.")
    assert results_of(nlp, text) == {(None, "MNLI", "87.8%")}
    setting = ("Dense Prediction Backbones\n\nWe present ZetaMamba, a visual backbone. With UperNet on ADE20K, ZetaMamba-S "
               "achieves 49.8 mIoU; with Mask R-CNN on COCO it reaches 48.2 box AP.")
    assert ("ZetaMamba-S", "COCO", "48.2") in results_of(nlp, setting) or ("ZetaMamba", "COCO", "48.2") in results_of(nlp, setting)


def test_error_class_the_yahoo_learning_to_rank_data_is_one_name(nlp):
    text = ("Fair Ranking\n\nOur method, ZetaFair, solves a linear program per request. On the MSLR-WEB30K and Yahoo! LTR "
            "datasets, ZetaFair reduces exposure disparity by 45%.")
    entities, _ = run(nlp, text)
    assert entities["Yahoo! LTR"][0] == "Dataset" and "LTR" not in entities, entities


def test_error_class_a_revisiting_title_proposes_no_known_name_and_a_second_verb_proposes_a_variant(nlp):
    text = ("Adam with Decoupled Weight Decay Revisited\n\nWeight decay and L2 regularization differ for adaptive methods "
            "such as Adam. We revisit AdamW and propose AdamW-S, which rescales the decay. AdamW-S reaches a test error of "
            "3.6% on CIFAR-10.")
    entities, _ = run(nlp, text)
    assert entities["Adam"][1] == "used" and entities["AdamW"][1] == "used", entities
    assert entities["AdamW-S"][1] == "proposed", entities


def test_error_class_a_share_of_channels_is_no_score_and_bit_widths_are_variants(nlp):
    text = ("Outlier-Aware Quantization\n\nWe propose ZetaQuant, which keeps the 1% of channels with the largest "
            "activations in 16-bit precision. On LLaMA-2-70B, ZetaQuant-3bit reaches a WikiText-2 perplexity of 3.85, and "
            "it improves the average zero-shot accuracy on six commonsense tasks by 2.7 points over AWQ.")
    entities, relations = run(nlp, text)
    assert entities["ZetaQuant-3bit"][1] == "proposed", entities
    assert results_of(nlp, text) == {("ZetaQuant-3bit", "WikiText-2", "3.85")}
    assert ("OUTPERFORMS", "ZetaQuant-3bit", "AWQ") in {r[:3] for r in relations} or (
        "OUTPERFORMS", "ZetaQuant", "AWQ") in {r[:3] for r in relations}, relations


def test_error_class_a_split_name_is_no_method_and_a_comma_on_clause_takes_its_own_data(nlp):
    text = ("Region-Level Visual Instructions\n\nWe introduce ZetaGround, a multimodal assistant. On RefCOCO testA it "
            "reaches 91.2% accuracy, on the Flickr30k Entities test set a recall@1 of 83.4, and on LLaVA-Bench it scores "
            "72.3, above LLaVA-1.5 (65.4).")
    entities, _ = run(nlp, text)
    assert "testA" not in entities, entities
    found = results_of(nlp, text)
    assert ("ZetaGround", "RefCOCO", "91.2%") in found and ("ZetaGround", "LLaVA-Bench", "72.3") in found, found
    assert not any(method == "testA" for method, _, _ in found), found


def test_error_class_we_train_a_kind_named_in_apposition_on_data(nlp):
    text = ("Robust Visual Features\n\nWe revisit self-supervised pretraining at scale and train a 1B-parameter ViT, "
            "ZetaDINO-G, on LVD-142M, a curated dataset of 142 million images. Frozen ZetaDINO-G features outperform "
            "OpenCLIP (ViT-G/14) on most benchmarks: linear probing reaches 86.5% top-1 on ImageNet-1k.")
    entities, relations = run(nlp, text)
    assert entities["ZetaDINO-G"][1] == "proposed", entities
    assert {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"} == {"ImageNet-1k"}, relations
    assert [r[2] for r in relations if r[0] == "OUTPERFORMS"] == ["OpenCLIP"], relations


def test_error_class_a_bracketed_score_of_an_unnamed_beaten_system_is_nobodys(nlp):
    text = ("Web Shopping Agents\n\nWe develop ZetaShop, a simulated e-commerce environment. Our best model obtains a task "
            "success rate of 29%, outperforming rule-based heuristics (9.6%) but far below human experts (59%).")
    assert results_of(nlp, text) == {(None, "ZetaShop", "29%")}
    ours = ("Code Review\n\nWe introduce ZetaReviewBench, 4,000 pull requests. Our fine-tuned model, ZetaReview, beats "
            "GPT-4o on localization accuracy (61.2% vs. 54.0%).")
    assert ("ZetaReview", "ZetaReviewBench", "61.2%") in results_of(nlp, ours)


def test_error_class_the_value_of_a_name_and_a_share_of_a_known_dataset(nlp):
    text = ("Distilled Translation Metrics\n\nWe present ZetaCOMET, a distilled metric. On the WMT22 Metrics Shared Task, "
            "ZetaCOMET reaches a segment-level Kendall tau of 0.312, close to the 0.335 of COMET-22.")
    assert results_of(nlp, text) == {("ZetaCOMET", "WMT22", "0.312"), ("COMET-22", "WMT22", "0.335")}
    tables = ("Table Programs\n\nWe present ZetaProg. ZetaProg answers 72.4% of WikiTableQuestions correctly and 68.1% "
              "of FinQA.")
    assert results_of(nlp, tables) == {("ZetaProg", "WikiTableQuestions", "72.4%"), ("ZetaProg", "FinQA", "68.1%")}


def test_error_class_a_score_before_a_but_clause_takes_no_data_from_it(nlp):
    text = ("Calibration Revisited\n\nWe revisit temperature scaling on 180 ImageNet classifiers. Temperature scaling "
            "reduces the expected calibration error (ECE) of the median model from 4.2% to 1.3%, but fails under "
            "distribution shift on ImageNet-C.")
    assert results_of(nlp, text) == set()


def test_error_class_data_listed_in_a_bracket_is_not_the_setting_of_a_later_score(nlp):
    text = ("Robust Fine-Tuning\n\nWe propose ZetaWiSE, which interpolates weights. On ImageNet, ZetaWiSE improves "
            "accuracy under five distribution shifts (ImageNet-V2, ImageNet-R, ImageNet-Sketch, ObjectNet and "
            "ImageNet-A) by 4 to 6 points over standard fine-tuning, while keeping in-distribution accuracy at 86.2%.")
    assert results_of(nlp, text) == {("ZetaWiSE", "ImageNet", "86.2%")}


def test_error_class_a_robot_model_with_a_letter_is_hardware_and_a_sound_collection_is_one_name(nlp):
    robot = ("Learning to Walk\n\nWe present ZetaWalk, a massively parallel training setup. Policies transfer to the real "
             "ANYmal C robot without fine-tuning.")
    entities, _ = run(nlp, robot)
    assert "ANYmal" not in entities, entities
    audio = ("Audio-Text Pretraining\n\nWe present ZetaCLAP, trained on audio-caption pairs collected from Freesound, "
             "AudioSet and BBC Sound Effects. ZetaCLAP reaches 91.3% accuracy on ESC-50.")
    entities, _ = run(nlp, audio)
    assert "BBC" not in entities and entities["BBC Sound Effects"][0] == "Dataset", entities


def test_error_class_a_margin_above_a_system_then_a_score_of_its_own_on_data(nlp):
    text = ("Speech Translation\n\nWe present ZetaSpeech. ZetaSpeech achieves an average BLEU of 29.8 on the CoVoST 2 "
            "X-to-English directions, 4.2 BLEU above the cascaded Whisper plus NLLB-3.3B pipeline, and 27.1 BLEU on the "
            "FLEURS test set.")
    assert results_of(nlp, text) == {("ZetaSpeech", "CoVoST 2", "29.8"), ("ZetaSpeech", "FLEURS", "27.1")}
    margins = ("Generalist Vision\n\nWe propose ZetaUFO. ZetaUFO outperforms the previous state-of-the-art generalist "
               "models by 12.3 mAP on COCO instance segmentation and 3.3 mIoU on ADE20K semantic segmentation.")
    assert results_of(nlp, margins) == set()


def test_error_class_public_graph_and_long_context_benchmarks(nlp):
    text = ("Graph Contrastive Learning\n\nWe propose ZetaGCA. ZetaGCA attains node classification accuracies of 84.6%, "
            "73.1% and 86.9% on Cora, CiteSeer and Amazon-Photo.")
    assert results_of(nlp, text) == {("ZetaGCA", "Cora", "84.6%"), ("ZetaGCA", "CiteSeer", "73.1%"),
                                     ("ZetaGCA", "Amazon-Photo", "86.9%")}
    haystack = ("Retrieval Heads\n\nWe identify retrieval heads. Masking them drops Needle-in-a-Haystack accuracy from "
                "94.7% to 63.6%.")
    entities, _ = run(nlp, haystack)
    assert entities["Needle-in-a-Haystack"][0] == "Benchmark", entities


def test_error_class_shares_of_a_score_and_of_labels_and_budgets_are_no_scores(nlp):
    text = ("Active Learning for NER\n\nWe propose ZetaAL, an active learning strategy. On CoNLL-2003 and OntoNotes 5.0, "
            "ZetaAL reaches 95% of the full-data F1 with 18% and 24% of the labels, respectively, whereas random sampling "
            "needs 45% and 52%.")
    assert results_of(nlp, text) == set()


def test_error_class_matches_x_then_a_versus_bracket_gives_x_the_second_score(nlp):
    text = ("State Spaces Revisited\n\nWe revisit the S4 model and propose ZetaS4. ZetaS4 matches S4 on the Long Range "
            "Arena (86.1% vs. 85.9% average accuracy) with half the parameters.")
    assert results_of(nlp, text) == {("ZetaS4", "Long Range Arena", "86.1%"), ("S4", "Long Range Arena", "85.9%")}
    two = ("Table Tuning\n\nWe fine-tune Llama-3-8B on table instructions to obtain ZetaTable. ZetaTable outperforms GPT-3.5 "
           "on WikiTQ (65.1 vs. 59.4 accuracy) and FeTaQA, and matches TAPEX on WikiSQL.")
    assert ("GPT-3.5", "WikiTQ", "59.4") in results_of(nlp, two)


def test_error_class_x_our_new_prompt_set_is_proposed_and_trueskill_is_a_metric(nlp):
    text = ("Long-Form Factuality\n\nWe propose ZetaSAFE, which checks each fact with search queries. We benchmark 13 "
            "models on ZetaFact, our new prompt set, where GPT-4-Turbo reaches the highest F1@64 of 0.95.")
    entities, _ = run(nlp, text)
    assert entities["ZetaFact"][1] == "proposed", entities
    known = "Evaluation\n\nWe evaluate on GSM8K, the new standard, where our model reaches 80%."
    entities, _ = run(nlp, known)
    assert entities["GSM8K"][1] == "used", entities
    rated = ("Generative Agents\n\nWe introduce ZetaTown, a sandbox of 25 agents. Raters found the full architecture more "
             "believable than ablations (TrueSkill 29.9 vs. 26.9).")
    entities, _ = run(nlp, rated)
    assert entities["TrueSkill"][0] == "Metric" and "TrueSkill 29.9" not in entities, entities


def test_error_class_public_speech_and_game_names(nlp):
    text = ("Codec Language Models\n\nWe introduce ZetaVALL, trained on 60K hours of English speech from LibriLight. On "
            "LibriSpeech test-clean, ZetaVALL achieves a word error rate of 5.9%. With a normalised bonus, PPO reaches "
            "a mean score of 11,347 on Montezuma's Revenge.")
    entities, relations = run(nlp, text)
    assert entities["LibriLight"][0] == "Dataset" and entities["Montezuma's Revenge"][0] == "Benchmark", entities
    assert "LibriLight" not in {t for kind, _, t, _ in relations if kind == "EVALUATED_ON"}, relations
