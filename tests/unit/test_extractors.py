from __future__ import annotations

import pytest
import spacy

from extractors.text import find_abbreviations, is_coined_name, sentence_bounds, trim_name
from kg.model import NodeLabel, Paper


def extract_one(nlp, title: str, abstract: str):
    from extractors.pipeline import extract_papers

    (result,) = extract_papers([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    return result


def by_name(result):
    return {e.name: e for e in result.entities}


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("we propose Multi-Head Routing (MHR), which", [("Multi-Head Routing", "MHR")]),
        ("we propose MHR (Multi-Head Routing) here", [("Multi-Head Routing", "MHR")]),
        ("Polytropon [Ponti et al., 2023] (Poly) learns", [("Polytropon", "Poly")]),
        ("the General Language Understanding Evaluation (GLUE) benchmark", [("General Language Understanding Evaluation", "GLUE")]),
        ("a model HiTUT (stands for Hierarchical Tasks via Unified Transformers) that", [("Hierarchical Tasks via Unified Transformers", "HiTUT")]),
        ("Self-to-Supervised Fine-Tuning (S3FT), a", [("Self-to-Supervised Fine-Tuning", "S3FT")]),
        ("a new framework, Tree of Thoughts (ToT), which", [("Tree of Thoughts", "ToT")]),
        ("an effective Description-Driven Dialog State Tracking (D3ST) model", [("Description-Driven Dialog State Tracking", "D3ST")]),
        ("results (see Table 2) are good", []),
        ("accuracy (95%) is high", []),
    ],
)
def test_text_find_abbreviations(text, pairs):
    found = [(text[a.long_start : a.long_end], text[a.short_start : a.short_end]) for a in find_abbreviations(text)]
    assert found == pairs


@pytest.mark.parametrize("word", ["AdaTT", "MHR-z", "GPT-3", "Ego4D", "MiniWoB++", "PaLM", "Qwen2.5", "T5", "NYUD-v2",
                                  "GNN-Bank-101", "Gemini-1.5-Pro"])
def test_text_coined_names(word):
    assert is_coined_name(word)


@pytest.mark.parametrize("word", ["LLM", "LLMs", "VLMs", "The", "7B", "1B-64B", "Multi-Head", "LLM-based", "2D", "ReLU", "GitHub",
                                  "GENeralization", "UNified", "HERE"])
def test_text_not_coined_names(word):
    assert not is_coined_name(word)


def test_text_trim_name_and_sentences():
    assert trim_name("OWL-trained") == "OWL"
    assert trim_name("GPT-4o-mini") == "GPT-4o-mini"
    text = "We use GPT-4 (e.g. in Fig. 2). It works.\nNext"
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["We use GPT-4 (e.g. in Fig. 2).", "It works.", "Next"]


def test_extractors_components_register_and_compose():
    nlp = spacy.blank("en")
    for name in ("kg_gazetteer", "kg_abbreviations", "kg_name_patterns", "kg_relations"):
        nlp.add_pipe(name)
    doc = nlp("MHR: routing\nWe propose Multi-Head Routing (MHR), which outperforms Poly on SuperNI.")
    assert {e.name for e in doc._.kg_entities} >= {"Multi-Head Routing", "SuperNI"}


def test_extractors_config_pipeline(nlp):
    assert nlp.pipe_names == ["kg_text_cleanup", "kg_gazetteer", "kg_abbreviations", "kg_name_patterns", "kg_relations", "kg_mention_spans"]


def test_extractors_mhr_example(nlp):
    result = extract_one(
        nlp,
        "Multi-Head Adapter Routing for Cross-Task Generalization",
        "Polytropon [Ponti et al., 2023] (Poly) jointly learns adapters. We propose MHR (Multi-Head Routing), which "
        "outperforms Poly under a comparable parameter budget. Experiments on SuperNI and BBH show gains over T5. "
        "Code: https://github.com/microsoft/mttl.",
    )
    ents = by_name(result)
    assert ents["Multi-Head Routing"].aliases == ["MHR"]
    assert ents["Multi-Head Routing"].role == "proposed"
    assert ents["Polytropon"].role == "used" and ents["Polytropon"].aliases == ["Poly"]
    assert ents["SuperNI"].label is NodeLabel.BENCHMARK
    assert {"BBH", "SuperNI"} <= {r.target for r in result.relations if r.type == "EVALUATED_ON"}
    assert ("Multi-Head Routing", "Polytropon") in {(r.source, r.target) for r in result.relations if r.type == "OUTPERFORMS"}
    assert result.code_url == "https://github.com/microsoft/mttl"
    assert "microsoft" not in {n.lower() for n in ents}  # names inside links are not entities


def test_extractors_evidence_offsets_point_at_the_sentence(nlp):
    title, abstract = "AdaTT: Adaptive Task Fusion", "Multi-task learning is hard. We propose AdaTT, which beats MMoE on GLUE."
    result = extract_one(nlp, title, abstract)
    text = Paper(id="p", title=title, abstract=abstract).text
    for entity in result.entities:
        ev = entity.evidence
        assert text[ev.start : ev.end] == ev.sentence
    adatt = by_name(result)["AdaTT"]
    assert adatt.role == "proposed"


def test_extractors_dataset_typing_from_context(nlp):
    result = extract_one(
        nlp,
        "GeniL: A Multilingual Dataset on Generalizing Language",
        "We build GeniL, a multilingual dataset of sentences. Results on PromptSource, FLAN and UnifiedSKG improve.",
    )
    ents = by_name(result)
    assert ents["GeniL"].label is NodeLabel.DATASET and ents["GeniL"].role == "proposed"
    assert ents["UnifiedSKG"].label in (NodeLabel.DATASET, NodeLabel.BENCHMARK)  # typed by its list


@pytest.mark.parametrize(
    "abstract, name",
    [
        ("We train the parser on the TIGER treebank and report results.", "TIGER"),
        ("BLEU improves by 2 points on the NIST MT test sets of the shared task.", "NIST MT"),
        ("Our tagger is evaluated on the JLE test sets used before.", "JLE"),
        ("Embeddings are trained on the Wikipedia corpus with a window of five words.", "Wikipedia"),
        ("Our tagger is evaluated on the Macedonian testset used before.", None),  # a language, not a name
        ("We evaluate on the test set and the training set.", None),
    ],
)
def test_extractors_treebanks_test_sets_and_corpora_name_data(nlp, abstract, name):
    """A treebank and a named test set are data, as a dataset or a corpus is; so is the Wikipedia corpus."""
    ents = by_name(extract_one(nlp, "A study", abstract))
    if name is None:
        assert not ents
    else:
        assert ents.get(name) is not None and ents[name].label in (NodeLabel.DATASET, NodeLabel.BENCHMARK), ents


def test_extractors_generic_acronyms_are_not_entities(nlp):
    result = extract_one(nlp, "A study", "Large language models (LLMs) and VLMs are used for NLP tasks with SFT and RL.")
    assert not [e for e in result.entities if e.label in (NodeLabel.METHOD, NodeLabel.DATASET, NodeLabel.BENCHMARK)]


def test_extractors_prediction_format(nlp):
    prediction = extract_one(nlp, "AdaTT: X", "We propose AdaTT, which outperforms MMoE on GLUE.").to_prediction()
    assert set(prediction) == {"id", "entities", "evaluated_on", "outperforms", "results", "code_url"}
    assert {"name", "aliases", "type", "role"} <= set(prediction["entities"][0])


def test_extractors_title_and_apposition_decide_types(nlp):
    coco = extract_one(nlp, "Microsoft COCO: Common Objects in Context",
                       "We present a new dataset with the goal of advancing object recognition.")
    assert by_name(coco)["Microsoft COCO"].label is NodeLabel.DATASET
    unified = extract_one(nlp, "UnifiedMLLM: Enabling Unified Representation",
                          "We propose UnifiedMLLM, a comprehensive model. We construct a task-specific dataset.")
    assert by_name(unified)["UnifiedMLLM"].label is NodeLabel.METHOD


def test_extractors_known_name_proposed_only_by_its_own_paper(nlp):
    own = extract_one(nlp, "Tree of Thoughts: Deliberate Problem Solving", "We introduce Tree of Thoughts (ToT).")
    other = extract_one(nlp, "Better Prompting", "We compare with Tree of Thoughts (ToT) on GSM8K.")
    assert by_name(own)["Tree of Thoughts"].role == "proposed"
    assert by_name(other)["Tree of Thoughts"].role == "used"


def test_extractors_named_by_the_authors_takes_the_kind_they_give(nlp):
    result = extract_one(nlp, "Finetuned Language Models Are Zero-Shot Learners",
                         "We evaluate this instruction-tuned model, which we call FLAN, on unseen tasks. "
                         "FLAN surpasses zero-shot GPT-3 on 20 of 25 tasks. Our fine-tuned model SWE-Llama is weak.")
    ents = by_name(result)
    assert (ents["FLAN"].label, ents["FLAN"].role) == (NodeLabel.METHOD, "proposed")
    assert ents["SWE-Llama"].role == "proposed"
    assert ("FLAN", "GPT-3") in {(r.source, r.target) for r in result.relations if r.type == "OUTPERFORMS"}


def test_extractors_known_acronym_redefined_by_the_text_is_not_the_known_thing(nlp):
    result = extract_one(nlp, "Mistral 7B", "We introduce Mistral 7B. Our model leverages grouped-query attention (GQA) "
                                            "for faster inference. Mistral 7B outperforms Llama 2 13B across benchmarks.")
    ents = by_name(result)
    assert "GQA" not in ents and "grouped-query attention" not in ents  # generic technique, not the GQA dataset
    (mistral,) = [e for e in result.entities if "Mistral 7B" in [e.name, *e.aliases]]
    assert mistral.role == "proposed"
    # (the size is part of the beaten model's name: the guideline's most complete written form)
    assert (mistral.name, "Llama 2 13B") in {(r.source, r.target) for r in result.relations if r.type == "OUTPERFORMS"}


def test_extractors_plural_acronym_and_named_environments(nlp):
    result = extract_one(nlp, "Graph Attention Networks",
                         "We present graph attention networks (GATs), novel architectures. Our GAT models reach "
                         "state-of-the-art results on Cora. We apply our method to games from the Arcade Learning Environment.")
    ents = by_name(result)
    # (the known short form names it: the lowercase long form is an alias)
    assert set(ents["GAT"].aliases) >= {"graph attention networks", "GATs"}
    assert ents["Arcade Learning Environment"].label is NodeLabel.BENCHMARK
    description = extract_one(nlp, "GeniL: A Multilingual Dataset", "Results on a Multilingual Dataset are reported.")
    assert "Multilingual Dataset" not in by_name(description)


def test_extractors_ner_mode_loads_the_committed_model_and_only_types(tmp_path, fixtures):
    from click.testing import CliRunner

    from extractors.pipeline import NER_CONFIG, load_pipeline
    from kg.cli import cli

    nlp = load_pipeline(NER_CONFIG)
    assert nlp.pipe_names == ["kg_text_cleanup", "kg_gazetteer", "kg_abbreviations", "kg_name_patterns", "kg_ner", "kg_relations", "kg_mention_spans"]
    doc = nlp("Sokoban agents\n\nOur experiments on Sokoban, Maze, and Taxi show that WMAct works.")
    assert any(c.source == "ner" for c in doc._.kg_candidates) or doc._.kg_entities is not None
    rules_only = {e.name for e in extract_one(load_pipeline(), "T", "We propose AdaTT, which beats MMoE on GLUE.").entities}
    with_ner = {e.name for e in extract_one(nlp, "T", "We propose AdaTT, which beats MMoE on GLUE.").entities}
    assert with_ner == rules_only  # the NER never adds names of its own
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(fixtures / "papers.jsonl"), "-o", str(out), "--with-ner"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2


def test_extractors_comparison_clauses_and_benchmarks_named_after_models(nlp):
    result = extract_one(nlp, "QLoRA: Efficient Finetuning",
                         "We present QLoRA. Our best model family, which we name Guanaco, outperforms all previous "
                         "models on the Vicuna benchmark, reaching 99.3% of the performance level of ChatGPT.")
    ents = by_name(result)
    assert ents["Vicuna"].label is NodeLabel.BENCHMARK  # a known model's name, but the text calls it a benchmark
    assert not [r for r in result.relations if r.type == "OUTPERFORMS"]  # reaching 99% of ChatGPT is no win
    pilot = extract_one(nlp, "PilotRL: Training Agents",
                        "PilotRL surpasses GPT-4o by 3.6%, while showing a gain of 55% comparing to GPT-4o-mini.")
    assert {r.target for r in pilot.relations if r.type == "OUTPERFORMS"} == {"GPT-4o", "GPT-4o-mini"}


def test_extractors_variant_of_a_known_name_takes_its_kind(nlp):
    result = extract_one(nlp, "Sampling for multilingual models",
                         "Our 8B models gain 6.8 points in win-rates on m-ArenaHard-v2.0 prompts.")
    ents = by_name(result)
    assert ents["m-ArenaHard-v2.0"].label is NodeLabel.BENCHMARK  # ArenaHard is a known benchmark
    assert "m-ArenaHard-v2.0" in {r.target for r in result.relations if r.type == "EVALUATED_ON"}
    assert "ArenaHard" not in ents  # the known name inside the word is not an entity of its own


def test_extractors_comparative_phrases_and_lowercase_names(nlp):
    result = extract_one(nlp, "Selective Fine-Tuning",
                         "This paper introduces Selective Self-to-Supervised Fine-Tuning (S3FT), a fine-tuning approach "
                         "that achieves better performance than the standard supervised fine-tuning (SFT).")
    assert ("Selective Self-to-Supervised Fine-Tuning", "supervised fine-tuning") in {
        (r.source, r.target) for r in result.relations if r.type == "OUTPERFORMS"}
    dropout = extract_one(nlp, "Dropout variants",
                          "This paper presents an enhanced dropout technique, which we call multi-sample dropout, for "
                          "accelerating training. We call for more attention to regularisation.")
    names = by_name(dropout)
    assert names["multi-sample dropout"].role == "proposed"
    assert not any(name.startswith("for ") for name in names)


def test_extractors_relative_to_is_not_a_comparison(nlp):
    result = extract_one(nlp, "SASR: Hybrid Training",
                         "We propose SASR. SASR adjusts the divergence relative to the original distribution to "
                         "integrate SFT with the online RL method GRPO.")
    assert not [r for r in result.relations if r.type == "OUTPERFORMS"]


def test_extractors_parts_of_the_papers_own_method_are_proposed(nlp):
    result = extract_one(nlp, "TRISHUL: Towards Region-Aware GUI Agents",
                         "We present TRISHUL. At its core, TRISHUL employs Hierarchical Screen Parsing (HSP) and the "
                         "Spatially Enhanced Element Description (SEED) module. MBTL combines them within a Bayesian "
                         "optimization (BO) framework.")
    ents = by_name(result)
    assert ents["Hierarchical Screen Parsing"].role == "proposed"
    assert ents["Spatially Enhanced Element Description"].role == "proposed"
    assert "Bayesian optimization" not in ents or ents["Bayesian optimization"].role == "used"


def test_extractors_lists_of_models_and_bracketed_lists(nlp):
    result = extract_one(nlp, "Sens-Merging: Sensitivity-Guided Merging",
                         "Extensive experiments on Mistral 7B and LLaMA2-7B models show gains. Experiments across "
                         "reasoning benchmarks (AIME, MATH, GPQA, etc.) with multiple LLMs (GPT, Llama, Qwen, and "
                         "DeepSeek) illustrate that our method improves accuracy.")
    ents = by_name(result)
    assert ents["LLaMA2-7B"].label is NodeLabel.METHOD  # listed with a known model, not a dataset
    assert ents["GPQA"].label is NodeLabel.BENCHMARK
    assert not any(")" in name for name in ents)  # "(GPT, Llama, ...)" lists; it defines no acronym


def test_extractors_long_forms_start_with_a_content_word(nlp):
    result = extract_one(nlp, "Few-shot learning",
                         "In this paper, we propose few-shot learning for a multimodal multitask multilingual (FM3) "
                         "setting. This question has been termed the scalable oversight problem.")
    names = set(by_name(result))
    assert not any(name.split()[0] in ("for", "the") for name in names)
    assert any("FM3" in [e.name, *e.aliases] for e in result.entities)


def test_extractors_names_listed_before_a_data_noun_or_after_experiments_on(nlp):
    result = extract_one(nlp, "WMAct: World Models that Act",
                         "We propose WMAct. Our experiments on Sokoban, Maze, and Taxi show that WMAct yields gains. "
                         "It also improves accuracy on the Caltech Birds, Dogs and Cars datasets. Results on English and German "
                         "stay strong on the MultiWOZ (Budzianowski et al., 2018) and Schema Guided benchmarks.")
    ents = by_name(result)
    for name in ("Sokoban", "Maze", "Taxi", "Caltech Birds", "Dogs", "Cars", "MultiWOZ", "Schema Guided"):
        assert ents[name].label in (NodeLabel.DATASET, NodeLabel.BENCHMARK), name
        assert name in result.to_prediction()["evaluated_on"], name
    assert "English" not in ents and "German" not in ents  # languages are settings, not data
    assert "Budzianowski" not in ents  # a citation inside the list


def test_extractors_list_in_brackets_after_across(nlp):
    result = extract_one(nlp, "LatBot: Latent Actions for Robots",
                         "We propose LatBot. We achieve strong performance across both simulated (SIMPLER and KORMANIP) "
                         "and real-world robot settings.")
    ents = by_name(result)
    assert ents["SIMPLER"].label is NodeLabel.DATASET and ents["KORMANIP"].label is NodeLabel.DATASET


def test_extractors_title_defines_its_own_acronym(nlp):
    result = extract_one(nlp, "HoME: Hierarchy of Multi-Gate Experts for Multi-Task Learning",
                         "We propose HoME to balance experts.")
    ents = by_name(result)
    assert "HoME" in ents["Hierarchy of Multi-Gate Experts"].aliases
    assert ents["Hierarchy of Multi-Gate Experts"].role == "proposed"
    towards = extract_one(nlp, "TRISHUL: Towards Region Identification and Screen Hierarchy Understanding for Large VLM Agents",
                          "We propose TRISHUL.")
    assert "TRISHUL" in by_name(towards)  # a title that describes the name does not spell it out


def test_extractors_title_prefix_may_start_with_a_number(nlp):
    result = extract_one(nlp, "12-in-1: Multi-Task Vision and Language Representation Learning",
                         "We train one model on 12 datasets.")
    assert by_name(result)["12-in-1"].role == "proposed"


def test_extractors_a_name_coined_for_a_named_thing_is_its_alias(nlp):
    result = extract_one(nlp, "AnyTaskTune: Domain-Specific Solutions",
                         "This work introduces AnyTaskTune, a novel fine-tuning methodology coined as Task-Fine-Tune. "
                         "We propose SAGE, a framework that uses a module called GateNet.")
    forms = [{e.name, *e.aliases} for e in result.entities]
    assert {"AnyTaskTune", "Task-Fine-Tune"} in forms
    assert not any({"SAGE", "GateNet"} <= f for f in forms)  # a part it uses is not another name of it


def test_extractors_generic_concepts_at_sentence_start_and_after_for(nlp):
    result = extract_one(nlp, "Reward Generalization in RLHF: A Topological Perspective",
                         "Positional encoding (PE) matters for length generalization. This work introduces a training "
                         "protocol for foundation machine-learning interatomic potentials (MLIPs) built on MACE.")
    names = set(by_name(result))
    assert "Positional encoding" not in names  # capitalised only because it starts the sentence
    assert "machine-learning interatomic potentials" not in names  # the family the protocol is for is not proposed
    assert "Reward Generalization in RLHF" not in names  # a title about RLHF, not a name


def test_extractors_batched_components_hand_errors_to_the_pipelines_handler(monkeypatch):
    from extractors.pipeline import load_pipeline
    from extractors.patterns import NamePatterns

    nlp = load_pipeline()
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, error: seen.append((name, docs[0].text, str(error))))
    original = NamePatterns.__call__

    def failing(self, doc):
        if "broken" in doc.text:
            raise ValueError("boom")
        return original(self, doc)

    monkeypatch.setattr(NamePatterns, "__call__", failing)
    docs = list(nlp.pipe(["AdaTT: fine", "a broken one", "MHR-z: also fine"], batch_size=2))
    assert [d.text for d in docs] == ["AdaTT: fine", "a broken one", "MHR-z: also fine"]
    assert seen == [("kg_name_patterns", "a broken one", "boom")]
    assert any(e.name == "MHR-z" for e in docs[2]._.kg_entities)


def test_extractors_dash_apposition_and_hyphenated_words_between(nlp):
    result = extract_one(nlp, "WebLINX: Real-World Website Navigation",
                         "We introduce WEBLINX - a large-scale benchmark of 100K interactions. We first construct the "
                         "virtual try-on dataset LAION-Garment for training.")
    ents = by_name(result)
    assert ents["WebLINX"].label is NodeLabel.BENCHMARK
    assert ents["LAION-Garment"].role == "proposed"  # "on" inside "try-on" is not a preposition


def test_extractors_title_mentions_propose_only_names_the_title_gives(nlp):
    result = extract_one(nlp, "TaskGen: A Task-Based Agentic Framework using StrictJSON",
                         "TaskGen uses StrictJSON that ensures JSON output from the model.")
    ents = by_name(result)
    assert ents["TaskGen"].role == "proposed" and ents["StrictJSON"].role == "used"
    for title in ("Only-IF:Revealing the Effect of Instruction Diversity", "LG-ANNA-Embedding technical report",
                  "Uni-Perceiver v2: A Generalist Model"):
        name = title.split(":")[0].split(" technical")[0]
        assert by_name(extract_one(nlp, title, "We study it."))[name].role == "proposed"


def test_extractors_shouted_words_and_described_kinds(nlp):
    result = extract_one(nlp, "THE COLOSSEUM: A Benchmark for Robotic Manipulation",
                         "We present COLOSSEUM, a benchmark with 20 tasks. Code is available HERE. We propose AnyTOD, "
                         "an end-to-end task-oriented dialog (TOD) system.")
    names = set(by_name(result))
    assert "COLOSSEUM" in names and "THE" not in names and "HERE" not in names
    assert "task-oriented dialog" not in names  # the kind of thing AnyTOD is, not a second proposal


def test_extractors_head_of_a_known_data_name_and_members_of_generic_families(nlp):
    result = extract_one(nlp, "Multi-task Self-Supervised Visual Learning",
                         "We evaluate all methods on ImageNet classification and PASCAL VOC detection. Our best network "
                         "nearly matches the PASCAL performance of a model pre-trained on ImageNet. Membership inference "
                         "attacks (MIAs) are studied, and Binoculars achieves state-of-the-art performance on MIA benchmarks.")
    ents = by_name(result)
    assert ents["PASCAL"].label is NodeLabel.DATASET  # the first word of "PASCAL VOC", named in the same text
    assert "MIA" not in ents  # one of the generic family "MIAs"


def test_extractors_comparison_ends_at_a_semicolon_and_benchmarks_are_data(nlp):
    result = extract_one(nlp, "MHR: Multi-Head Routing",
                         "We propose MHR, which outperforms AdapterFusion under a comparable budget; by only fine-tuning "
                         "the routing (MHR-z), we do more. MHR achieves higher accuracy than LoRA on the BIRD benchmark.")
    pairs = {(r.source, r.target): r.benchmark for r in result.relations if r.type == "OUTPERFORMS"}
    assert any(target == "AdapterFusion" for _, target in pairs)
    assert not any(target == "MHR-z" for _, target in pairs)
    assert set(pairs.values()) <= {None, "BIRD"}  # never a metric such as accuracy


def test_extractors_comparisons_with_generic_families_name_no_baseline(nlp):
    result = extract_one(nlp, "SASR: Step-wise Adaptive SFT and RL",
                         "Popular paradigms use supervised fine-tuning (SFT) and reinforcement learning (RL). "
                         "We propose SASR. SASR outperforms SFT, RL, and static hybrid training methods.")
    targets = {r.target for r in result.relations if r.type == "OUTPERFORMS"}
    assert "reinforcement learning" not in targets and "reinforcement learning" not in by_name(result)


def test_extractors_single_word_proposals_with_apposition_and_makers_products(nlp):
    result = extract_one(nlp, "OWL: Optimized Workforce Learning",
                         "We introduce Workforce, a hierarchical multi-agent framework. We present Atlas, a large-scale "
                         "dataset of maps. Workforce outperforms commercial systems like OpenAI's Deep Research by 2%.")
    ents = by_name(result)
    assert ents["Workforce"].role == "proposed" and ents["Workforce"].label is NodeLabel.METHOD
    assert ents["Atlas"].role == "proposed" and ents["Atlas"].label is NodeLabel.DATASET
    assert ents["Deep Research"].role == "used" and ents["Deep Research"].label is NodeLabel.METHOD
    assert ("Workforce", "Deep Research") in {(r.source, r.target) for r in result.relations if r.type == "OUTPERFORMS"}


def test_extractors_names_listed_after_a_plural_method_noun(nlp):
    result = extract_one(nlp, "Any2AnyTryon: Virtual Try-On",
                         "Approaches such as Stable Garment and MMTryon use synthetic data. We compare rating "
                         "systems including Elo, Glicko-2 and TrueSkill, and methods such as Optimization and "
                         "Generalization.")
    names = set(by_name(result))
    assert {"Stable Garment", "MMTryon", "Glicko-2"} <= names
    assert "Optimization" not in names and "Generalization" not in names  # plain words are not names


def test_extractors_stream_runs_in_small_memory_zones(nlp, monkeypatch):
    """A long stream is extracted zone by zone: each zone's records come out before the next
    documents are read, and the words a zone added leave the vocabulary when it closes (a zone
    holds all of its documents' new words, so its size sets the process's memory), except the
    words two zones met, which stay (see extractors/vocabulary.py)."""
    import extractors.pipeline as pipeline

    monkeypatch.setattr(pipeline, "ZONE_DOCS", 3)
    read = []

    def papers():
        for i in range(7):
            read.append(i)
            yield Paper(id=f"p{i}", title=f"Zorblat{i} networks", abstract=f"We propose Zorblat{i}, a quuxified model.")

    stream = pipeline.extract_papers(papers(), nlp=nlp)
    first = next(stream)
    assert first.paper_id == "p0" and len(read) == 3
    rest = list(stream)
    assert [r.paper_id for r in rest] == [f"p{i}" for i in range(1, 7)] and len(read) == 7
    assert "Zorblat5" in {e.name for e in rest[4].entities}
    assert "Zorblat5" not in nlp.vocab and "Zorblat0" not in nlp.vocab  # one-off words went with their zones
    assert "quuxified" in nlp.vocab  # in every zone: kept


def test_extractors_pause_the_cyclic_collector_only_while_a_zone_is_extracted(monkeypatch):
    """Python's cyclic collector is off while a zone's documents are extracted and back on
    between zones (the caller's own work on the records runs with it), after the stream, and
    after a component raised; a caller that had paused it finds it still paused."""
    import gc

    import extractors.pipeline as pipeline
    from extractors.pipeline import extract_papers, load_pipeline
    from spacy.language import Language

    seen: list[bool] = []

    @Language.component("kg_test_gc_probe")
    def probe(doc):
        seen.append(gc.isenabled())
        if doc.text.startswith("Explode"):
            raise RuntimeError("probe failure")
        return doc

    nlp = load_pipeline()
    nlp.add_pipe("kg_test_gc_probe")
    monkeypatch.setattr(pipeline, "ZONE_DOCS", 2)
    papers = [Paper(id=f"p{i}", title=f"Paper {i}", abstract="We evaluate on GLUE.") for i in range(5)]
    between = [gc.isenabled() for _ in extract_papers(papers, nlp=nlp)]
    assert seen == [False] * 5 and all(between) and gc.isenabled()
    with pytest.raises(RuntimeError, match="probe failure"):
        list(extract_papers([Paper(id="x", title="Explode", abstract="Now.")], nlp=nlp))
    assert gc.isenabled()
    gc.disable()
    try:
        list(extract_papers(papers[:1], nlp=nlp))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_leaves_no_cyclic_garbage(nlp):
    """Everything extraction makes is freed by reference counting: nothing waits for the cyclic
    collector, which runs rarely while a zone is extracted. (Compiled with Cython, a function's
    closures share one scope object, and closures that call each other made a reference cycle
    per text: 31 objects an abstract, and 2% of the extraction time spent collecting them.)"""
    import gc

    from extractors.pipeline import extract_papers

    papers = [Paper(id="p", title="ZetaNet: Fast Graph Transformers",
                    abstract="We propose ZetaNet (ZN), a graph transformer. ZetaNet outperforms GAT and GCN on OGB "
                             "and reaches 91.2% accuracy on Cora, a gain over GraphSAGE (Hamilton et al., 2017).")] * 5
    list(extract_papers(papers, nlp=nlp))  # (warm: lexemes and caches made once)
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        records = list(extract_papers(papers, nlp=nlp))
        gc.collect()
        garbage = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    assert records[0].relations and garbage == []


def test_extractors_words_kept_across_zones_are_bounded_and_tokenized_once():
    """The word keeper keeps what two zones met, up to its cap, and the tokenizer then splits a
    kept word without making it again; a fresh pipeline computes only the lexical attributes it
    reads and a few cheap flags."""
    from spacy.attrs import IS_SPACE, LIKE_NUM, SHAPE

    from extractors.pipeline import extract_papers, load_pipeline
    from extractors.vocabulary import WordKeeper, _KEEPERS

    nlp = load_pipeline()
    getters = nlp.vocab.lex_attr_getters  # no shape, prefix, like_num ... made per new word; cheap flags stay
    assert SHAPE not in getters and LIKE_NUM not in getters and IS_SPACE in getters
    keeper = _KEEPERS[nlp] = WordKeeper(max_kept=3)

    def run(words: str):
        (record,) = extract_papers([Paper(id="p", title="Alphabet", abstract=words)], nlp=nlp)
        return record

    run("alpha beta gamma delta epsilon")
    assert "alpha" not in nlp.vocab and not keeper.kept
    run("alpha beta gamma delta zeta")
    words = [w for w in ("Alphabet", "alpha", "beta", "gamma", "delta") if w in nlp.vocab]
    assert len(keeper.kept) == 3 and 2 <= len(words) <= 3  # capped (the title's line break is a word too)
    assert "zeta" not in nlp.vocab and "epsilon" not in nlp.vocab  # met once
    with nlp.memory_zone():
        doc = nlp.make_doc(" ".join(words))
        assert [t.text for t in doc] == words
    assert all(w in nlp.vocab for w in words)
    run("epsilon zeta eta")
    assert "epsilon" not in nlp.vocab  # met twice now, but the cap is reached
    from extractors.vocabulary import _new_words

    recorder = _new_words(nlp)
    nlp.make_doc("theta iota kappa")  # outside a stream's zones nothing is recorded (nor held)
    assert not recorder.armed and recorder.words == []
