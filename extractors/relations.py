"""``kg_relations``: candidates become entities with types and roles, and relations with
their evidence sentences.

The work is done by :func:`resolve_candidates`, a pure function over the text and the
candidate list; the component only wires it to the Doc.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Iterator, Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ExtractionError
from kg.extraction import Evidence, ExtractedEntity, ExtractedRelation, ExtractedResult
from kg.model import NodeLabel, name_key
from extractors.candidates import BatchComponent, Candidate, doc_text, doc_words, use_word_flag
from extractors.entity_typer import name_features
from extractors.patterns import BEATING_VERBS, DATA_UNITS, METHOD_HEADS, TITLE_PREPOSITIONS
from extractors.results import (METRICS, MODIFIER_SUFFIXES, find_results, has_digit, metric_of, own_clause_start,
                                parse_value)
from extractors.text import (
    MINOR_WORDS, Needles, WordIndex, data_words, lower_same_length, matches_at, name_occurrences, names_languages,
    sentence_bounds, stop_acronyms, word_starts,
)

__all__ = ["RelationExtractor", "resolve_candidates"]

if not Doc.has_extension("kg_entities"):
    Doc.set_extension("kg_entities", default=[])
if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=[])
if not Doc.has_extension("kg_results"):
    Doc.set_extension("kg_results", default=[])

# Higher wins when candidates overlap: explicit definitions beat the gazetteer (so "Super Natural
# Instructions (SuperNI)" is not cut to "Natural Instructions"), the gazetteer beats shapes.
_PRIORITY = {"abbreviation-long": 7, "abbreviation": 7, "title": 7, "called": 7, "gazetteer": 6,
             "data-head": 4, "bench-name": 3, "data-list": 3, "method-list": 3, "shape": 2, "eponym": 2, "ner": 1}
_EXTENDS_KNOWN = 8  # one hyphenated word around a known name ("M2-CLIP", "u-LLaVA", "Qwen2-VL-2B")
_CONFIDENCE = {"gazetteer": 0.95, "abbreviation": 0.9, "abbreviation-long": 0.9, "title": 0.9, "called": 0.85,
               "data-head": 0.8, "bench-name": 0.75, "data-list": 0.7, "method-list": 0.7, "shape": 0.7, "eponym": 0.7,
               "ner": 0.6}

# (not "build on"/"build upon": "We build on C51 and propose QR-DQN" extends the work of others)
_PROPOSING_VERBS = (r"(?:propose|introduce|present|develop|design|build(?!(?:s|ing)?\s+(?:on|upon)\b)|construct|releas|curate|create|"
                    r"contribute|offer|establish|put forward|devise|name|call|term|dub|collect(?!ion)|synthesi[sz]e)\w*")
_PROPOSE = re.compile(
    rf"\b(?:we|this (?:paper|work|study)|our (?:paper|work))\b[^.]{{0,40}}?\b{_PROPOSING_VERBS}", re.IGNORECASE)
# _PROPOSE in two steps, so that the verbs are not tried at every character after every "we"; both
# run on the lowercased text (a case-insensitive pattern folds every character it tries).
_PROPOSING_SUBJECT = re.compile(r"\b(?:we|this (?:paper|work|study)|our (?:paper|work))\b")
_PROPOSING_VERB = re.compile(rf"\b{_PROPOSING_VERBS}")
# ... after "and", in the present tense of the subject ("and propose", not "and released by").
_JOINED_PROPOSING_VERB = re.compile(r"(?:then\s+)?(?:propose|introduce|present|develop|design|build|construct|release|curate|"
                                    r"create|contribute|devise|synthesi[sz]e)s?\b")


def _proposal_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """What ``_PROPOSE.finditer`` spans in ``text[start:end]``, given the lowercased text: a
    subject, then within 40 characters and before any full stop, a proposing verb."""
    # A subject starts with one of these words at a word start: the pattern is tried only there.
    subjects = word_starts(text, ("we", "this", "our"), start, end)
    position = start
    for i in subjects:
        subject = _PROPOSING_SUBJECT.match(text, i, end) if i >= position else None
        if subject is None:
            continue
        reach = min(subject.end() + 40, end)
        stop = text.find(".", subject.end(), reach)
        verb = _PROPOSING_VERB.search(text, subject.end(), min(reach + 12, end))  # a verb starts by ``reach``
        if verb is not None and verb.start() <= (stop if stop >= 0 else reach):
            verb = _PROPOSING_VERB.match(text, verb.start(), end)  # the whole word, past the search window
            yield subject.start(), verb.end()
            position = verb.end()
            continue
        # The verb coordinated after a longer first clause: "We revisit linear attention through
        # random orthogonal features and propose KFA".
        reach = min(subject.end() + 160, end)
        stop = text.find(".", subject.end(), reach)
        reach = stop if stop >= 0 else reach
        joined = text.find(" and ", subject.end(), reach)
        while joined >= 0:
            verb = _JOINED_PROPOSING_VERB.match(text, joined + 5, end)
            if verb is not None:
                yield subject.start(), verb.end()
                position = verb.end()
                break
            joined = text.find(" and ", joined + 5, reach)


_OWN_KINDS = ("model", "method", "framework", "approach", "system", "agent", "dataset", "benchmark", "variant", "algorithm",
              "policy", "protocol", "pipeline", "classifier", "architecture", "toolkit", "network", "recipe", "technique",
              "strategy", "scheme", "objective", "module",
              # ("Our detector, PedRPN, ...")
              "detector", "tracker", "parser", "tagger", "planner", "solver", "retriever", "reranker", "summarizer",
              "recognizer", "recogniser", "segmenter", "estimator", "controller")
_OURS = re.compile(
    rf"\b(?:(?:our|the proposed|ours)|(?:our|the (?:proposed|resulting|upcycled|distilled|merged|pruned|compressed|final))\s+"
    rf"(?:[\w\-.]+\s+){{0,2}}(?:{'|'.join(_OWN_KINDS)})s?,?)\s*$",
    re.IGNORECASE,
)
# What a text before a name must end with for ``_OURS`` to match: checked first, since a "$"-anchored
# search tries the pattern at every position.
_OURS_ENDINGS = ("our", "ours", "proposed", *_OWN_KINDS, *(kind + "s" for kind in _OWN_KINDS))
_OURS_NEAR = re.compile(r"\b(?:our|the proposed|a novel|a new)\s+(?:[\w\-]+\s+)?$", re.IGNORECASE)
_PROPOSING = re.compile(r"\b(?:propos|introduc|present|explor|develop|design)(?:e|es|ed|ing)?\s+(?:a|an|the)?\s*(?:novel\s+|new\s+)?$", re.IGNORECASE)
_EVAL_CUE = re.compile(
    # (not "As a result, ..." nor "fine-tune X on the result": the outcome of a step, not of an experiment)
    r"\b(?:experiment\w*|evaluat\w*|results|(?<!as a )(?<!the )result|benchmark\w*|achiev\w*|outperform\w*|surpass\w*|state-of-the-art|"
    r"SOTA|performance|accuracy|improv\w*|tested|test on|scores?|gains?|reach(?:es|ed|ing)?|obtains|attains|validat\w*|demonstrat(?!ions\b)\w*|analys[ie]s on|"
    r"(?:win|success|solve|pass|error)[- ]rates?|generali[sz]es\s+to)\b",
    re.IGNORECASE,
)
_EVAL_CUE_LOWERED = re.compile(_EVAL_CUE.pattern.replace("SOTA", "sota"))  # for the lowercased text
_COMPARE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|improv\w* (?:up)?on|better than|"
    # "edging out X", "outpaces X", "outstrips X"
    r"edg(?:e|es|ed|ing)\s+out|outpac\w*|outstrip\w*|outclass\w*|(?:wins?|winning)\s+against|"
    # "improves over X", "improves accuracy over X", "improves average BLEU by 2.4 points on Y over X"
    r"(?:improv|boost)\w*\b(?:[^.;,]|\.\d){0,90}?\sover|"
    # "raises ROUGE-L by 4.8 points over X" (a margin said: not "raises concerns over")
    r"(?:rais|lift)\w*\b(?:[^.;,]|\.\d){0,60}?\sby\s+\d(?:[^.;,]|\.\d){0,25}?\sover|"
    r"superior to|advantage over|gains? over|(?<=[\s,])ahead of|prefer(?:s|red)?\s+(?:[\w\-]+\s+){0,6}?over|enhancements? over|(?:improvements?|gains?) of (?:[^.;]|\.\d){1,40}? over|"
    # "better performance than X", "higher accuracy than X", "lower error rates compared to X"
    r"(?:better|higher|stronger|greater|faster)\s+(?:[\w\-]+\s+){0,2}than|"
    # ("lower top-1 error (absolute 7.8%) than X")
    r"lower\s+(?:[\w\-]+\s+)?(?:error|loss|perplexity|latency|cost)s?(?:\s+rates?)?(?:\s*\([^()]{0,30}\))?\s+(?:than|compared (?:to|with))|"
    # "a lower MASE than X", "lower FID than X": a metric whose lower values are better
    r"lower\s+(?:[\w\-]+\s+)?(?:" + "|".join(sorted((re.escape(form) for form, metric in METRICS().items()
                                                     if metric.direction == "lower"), key=len, reverse=True))
    + r")\s+(?:than|compared (?:to|with))|"
    # ", lower than Graph WaveNet": after a score of a metric whose lower values are better (checked where read)
    r"(?<=,\s)lower\s+than|"
    # "trains VGG16 9x faster than R-CNN", "is more accurate than SPPnet"
    r"faster\s+than|more\s+(?:accurate|efficient|robust)\s+than|(?:(?<=far )|(?<=well ))above|"
    # "reaches 24.1%, above DPO (20.3%)": a name given a lower score
    r"above(?=\s+[A-Z][\w\-+.]*(?:\s+[A-Z][\w\-+.]*){0,2}\s+\(\d)|"
    # "the lowest error among compared methods, including MCNN and CSRNet"
    r"(?:lowest|highest|best)\s+(?:[\w\-]+\s+){0,2}among\s+(?:all\s+|the\s+)?(?:[\w\-]+\s+)?"
    r"(?:methods|models|approaches|baselines|systems|competitors))\b",
    re.IGNORECASE,
)
# "better than fine-tuning on RoBERTa and GPT-2": names after such a word are the setting, not the loser.
_SETTING_BEFORE = re.compile(
    r"\b(?:on|in|with|using|across|for|under|via)\s+(?:the\s+)?(?:[^\s,;]+(?:\s+[^\s,;]+)?(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+))*$"
)
# "outperforms dense models with 7B parameters, including A and B": the list names the beaten
_LIST_AFTER_COMMA = re.compile(r",\s+(?:including|such as|like|e\.g\.,?)\s")
# ", reaching 99% of ChatGPT" / ", while ...": a new clause, whose names are not the ones beaten.
# (", and narrows the gap to GPT-4V": a second verb of the same subject starts a new clause too.)
# "and matching X", "approaching Y": the names after such a verb are not beaten, whatever follows.
_NOT_WIN_VERB = r"\s+(?:and\s+)?(?:matching|rivall?ing|approaching|trailing|(?:comparable|similar|close)\s+to|on\s+par\s+with)\b"
_CLAUSE_BREAK = re.compile(_NOT_WIN_VERB + r"|\s+(?:while|whilst|despite|although|though|without)\s|"
                           r",\s+and\s+\S+\s+(?:is|are|was|were|has|have|remains?)\b|,?\s+and\s+(?:it|they)\s|"
                           r",\s+(?:(?!including\b)[a-z]+ing\b|which\b|while\b|whilst\b|whereas\b|but\b|and\s+(?:also\s+|further\s+|even\s+)?(?=(?:[a-z]+s|is|are|was|were|has|have)\b))|;")
_NOT_WIN_BREAK = re.compile(_NOT_WIN_VERB)
# ", whilst requiring fewer parameters than X": a cost compared, not a result beaten
_COST_AFTER = re.compile(r"\s*(?:requir\w*|using|uses|needing|with)\s+(?:\w+\s+)?(?:fewer|less|smaller)\b")
# ", but is slightly worse than GRIT": the next clause compares the other way
_LOSS_AFTER = re.compile(r"\b(?:worse|weaker|inferior|lags?|lagging|trails?|underperform\w*|short\s+of|behind)\b")
_STILL_COMPARING = re.compile(r"\b(?:compar\w*|gains?|outperform\w*|surpass\w*|better|exceed\w*|improv\w*|than)\b")
_COMPARE_WORDS = (*BEATING_VERBS, "improv", "boost", "rais", "lift", "better", "superior to", "advantage over",
                  "gain", "enhancement", "higher", "stronger", "greater", "lower", "compared to", "compared with",
                  "comparing to", "comparing with",
                  "comparison", "faster", "more accurate", "more efficient", "more robust", "lowest", "highest", "best", "above", "relative to",
                  "ahead of", "prefer", "edge out", "edges out", "edged out", "edging out", "outpac", "outstrip", "outclass",
                  "wins against", "win against", "winning against",
                  "lag", "falls short", "fall short", "fell short", "falling short", "trail", "underperform")
# Around "compared to X": what makes the sentence a claim to beat X ("improved results compared to X";
# "Compared to X, DeepFM has a shared input" makes none).
_WIN_WORD = re.compile(
    r"\b(?:better|higher|lower|faster|smaller|stronger|greater|fewer|less|more|outperform\w*|improv\w*|surpass\w*|"
    r"gains?|superior|advantage|reduc\w*|increas\w*|boost\w*|speed\w*|best|state-of-the-art|points?)\b|\d\s*%|\d\s*[x×]|"
    r"\+\s*\d",
    re.IGNORECASE)
_COMPARE_NEEDLES = Needles(_COMPARE_WORDS)
# A metric whose lower values are better: "MAE of 3.41 and 1.86, lower than X" is a win, "accuracy of 70%, lower than X" is not.
_LOWER_IS_BETTER = re.compile(r"(?<![\w\-])(?:" + "|".join(sorted((re.escape(form) for form, metric in METRICS().items()
                                                                   if metric.direction == "lower"), key=len, reverse=True))
                              + r"|error|loss|perplexity)s?(?![\w\-])", re.IGNORECASE)
# A comparison said by the loser: "M2M-100 lags behind X", "falls short of X", "trails X",
# "underperforms X" (and "is outperformed by X", a _COMPARE cue read the other way).
_LOSING = re.compile(r"\b(?:lag(?:s|ged|ging)?\s+(?:\w+ly\s+|far\s+|well\s+)?behind|(?:falls?|fell|falling)\s+(?:\w+ly\s+|far\s+|well\s+)?short\s+of|"
                     r"trail(?:s|ed)?|underperform(?:s|ed)?)\b", re.IGNORECASE)
# ... with no winner named: "M2M-100 lags behind at 27.9 chrF++" (behind the paper's own method;
# not "lags behind human experts").
_LOSING_ALONE = re.compile(r"\s*(?:[,.;]|\(|(?:at|with|by)\s+\d|(?:considerably|significantly|substantially|far)\b|$)")
# Not "relative to": in abstracts it mostly measures ("divergence relative to the reference"), not compares.
_COMPARED = re.compile(r"\b(?:compar(?:ed|ing) (?:to|with)|in comparison (?:to|with)|relative to)\b", re.IGNORECASE)
# Determiners in any case; adjectives only in lower case ("Unified Moment Detection" keeps "Unified").
_LEADING_NOISE = re.compile(r"^(?:(?:[Aa]n?|[Tt]he|[Oo]ur|novel|new|proposed|simple|general|efficient|unified)\s+)+")
_SPACE = re.compile(r"\s")
# "We ...", "Notably, our ...", "For instance, we ...", "On ImageNet-1k, our model ...": an opening
# phrase of up to three words before the comma.
# "Applied to Qwen2.5-7B, it outperforms ...": a short phrase before the subject may name another model.
_OPENING_PHRASE = r"^\s*(?:[\w\-.]+(?:\s+[\w\-.]+){0,4}\s*,\s*)?"
_SUBJECT_OURS = re.compile(_OPENING_PHRASE + r"(?:we|our|it|this|ours|the proposed)\b", re.IGNORECASE)

# "We find that FT-Transformer beats ...": what the authors report is about the subject after "that".
_REPORTED_THAT = re.compile(_OPENING_PHRASE + r"we\s+(?:\w+\s+)?(?:find|found|show|showed|shown|"
                            r"observe|observed|demonstrate|demonstrated|note|noted|see|report|reveal|confirm)\s+that\s+",
                            re.IGNORECASE)
# A comparison cue denied: "no deep model beats X", "does not outperform X", "fails to surpass X".
# (Not "not only outperforms"; nor "with no extra cost it outperforms", where "it" is the subject.)
_NEGATED_CUE = re.compile(r"\b(?:[Nn]o|[Nn]ot(?!\s+(?:only|just|merely)\b)|[Nn]ever|[Nn]one|[Nn]either|nor|cannot|fail(?:s|ed)? to|"
                          r"\w+n['’]t)(?:\s+(?!(?:it|we|our|this|they)\b)[a-z\-]+){0,3}\s+$")


def _ours_subject(sentence: str) -> bool:
    """Does ``sentence`` speak of the authors' own method ("We ...", "Our model ...", "it")? "We
    find that X ..." speaks of X."""
    reported = _REPORTED_THAT.match(sentence)
    if reported:
        return bool(_SUBJECT_OURS.search(sentence[reported.end():]))
    return bool(_SUBJECT_OURS.search(sentence))


@dataclass(slots=True)
class _Entity:
    surfaces: dict[str, int] = field(default_factory=dict)  # surface -> first offset
    mentions: list[tuple[int, int]] = field(default_factory=list)
    label: Optional[NodeLabel] = None
    label_source: int = 0
    canonical: Optional[str] = None
    long_forms: set[str] = field(default_factory=set)
    proposed: bool = False
    gazetteer: bool = False
    sources: set[str] = field(default_factory=set)
    strong_label: bool = False  # the type came from the gazetteer or an explicit cue, not a default
    weak: bool = False  # a generic concept ("supervised fine-tuning (SFT)"), output only when compared against
    list_label: bool = False  # typed a dataset only for standing in a list after "experiments on"
    listed_with_names: bool = False  # coordinated with other names ("CQL, IQL and TD3+BC")


_ALIAS_INTRO = re.compile(
    r",\s*(?:a|an|the|our)\s+(?:(?!(?:that|which|with|using|uses|based|on|of|for|from|by|via|to|and|or)\b)[\w\-]+\s+){0,5}?"
    r"(?:called|coined as|dubbed|termed|named|known as|referred to as)\s+[\"“'‘]?$"
)
# Acronyms of families so generic that a comparison against them names no baseline ("outperforms
# supervised fine-tuning and RL"): the annotation guideline omits these rather than marking them optional.
# (The guideline's "prefer omit" families, and neural networks in general, as generic as GNNs.)
_OMITTED_FAMILIES = frozenset(("RL", "LLM", "LLMs", "VLM", "VLMs", "MLLM", "MLLMs", "NLP", "AGI", "GNN", "GNNs", "MTL", "SSL",
                               "NN", "NNs", "DNN", "DNNs"))


def _confidence_of(source: str) -> float:
    return _CONFIDENCE.get(source, 0.6)


_NAMING_SOURCES = frozenset(("title", "called", "abbreviation", "abbreviation-long", "data-head", "bench-name"))
_NEVER_NAMES = {"SOTA", "SoTA", "w.r.t", "e.g", "i.e"}


@lru_cache(maxsize=65_536)
def _clean(surface: str) -> str:
    surface = surface.replace("~", " ").replace("\n", " ")
    return " ".join(surface.split()).strip(" ,;:")


@lru_cache(maxsize=65_536)
def _surface_and_key(raw: str) -> tuple[str, str]:
    """The cleaned surface of a span's text and its name key ("" when it is too short to be a name)."""
    surface = _clean(raw)
    if len(surface) < 2 or "\\" in surface:
        return surface, ""  # too short, or TeX markup ("na\\"ive loss"): not a name
    return surface, name_key(surface)


_WEAK_PARTS = frozenset(("weak", "weak-long"))
_LONG_PARTS = frozenset(("long", "weak-long"))


def _defined_in_proposal(text: str, sentences: "_Sentences", short_start: int, long_start: int, family: bool = False) -> bool:
    """Is a long form given in a proposal ("we propose ...", "a novel ...") of its sentence? For a
    family (a plural acronym), only as the very thing proposed."""
    sentence = _sentence_of(sentences, short_start)
    if sentence is None:
        return False
    proposal_end = max((end for _, end in sentences.proposals(sentence) if end <= long_start), default=None)
    if proposal_end is not None:
        # "introduces a training protocol for foundation machine-learning interatomic potentials
        # (MLIPs)": what the protocol is for is not what is proposed.
        if _CALLED_RIGHT_BEFORE.search(text, max(proposal_end, long_start - 12), long_start):
            return True  # "We introduce a class of CNNs called deep convolutional GANs (DCGANs)": named so
        if family and _NOT_OWN_BETWEEN.search(text, proposal_end, long_start):
            return False
        # "we propose AnyTOD, an end-to-end task-oriented dialog (TOD) system": a name comes first,
        # and the generic long form after it says what kind of thing it is.
        return not any(c.isupper() for c in text[proposal_end:long_start])
    before = text[sentence[0] : long_start]
    tail = max(0, len(before) - 60)  # both patterns end the text and span fewer characters
    return bool(_PROPOSING.search(before, tail) or _OURS_NEAR.search(before, tail)
                or (not family and _PROPOSED_AFTER.match(text, short_start, sentence[1])))


# "an approximate least squares estimate (ALSE) method is proposed": the proposal after the name.
_PROPOSED_AFTER = re.compile(
    r"[^\s()\[\]]+[)\]]\s+(?:[a-z][\w\-]*\s+){0,2}(?:is|are|was|were)\s+(?:first\s+|newly\s+|hereby\s+)?"
    r"(?:proposed|introduced|presented|developed|devised)\b")


# "a novel few-shot learning method called meta-transfer learning (MTL)": a paper may give its own
# method an acronym that elsewhere names a family (multi-task learning); named so, it is a name.
_NAMED_RIGHT_BEFORE = re.compile(r"\b(?:called|dubbed|named|termed|coined)\s+(?:as\s+)?[\"“'‘]?$")


def _is_generic_long(long_form: str) -> bool:
    return not any(c.isupper() for c in long_form)


def resolve_candidates(
    text: str, candidates: list[Candidate], *, extractor: str = "kg_relations", words: Optional[WordIndex] = None,
    typer=None, scorer=None,
) -> tuple[list[ExtractedEntity], list[ExtractedRelation]]:
    """Turn candidates into typed entities with roles, EVALUATED_ON and OUTPERFORMS.

    Parameters
    ----------
    text : the paper text (title, newline, abstract).
    candidates : what the name-finding components found.
    words : the text's word index, if another component has made it.
    typer : decides, from each entity's features, the kind of the names whose kind no rule settled
        (:class:`extractors.entity_typer.EntityTyper`); without one, the rules' default stands.
    scorer : decides which EVALUATED_ON and OUTPERFORMS candidates hold
        (:class:`extractors.relation_scorer.RelationScorer`); without one, the rules decide.

    Returns
    -------
    (entities, relations, results), all carrying evidence with offsets into ``text``.
    """
    sentences = _Sentences(text, words)
    title_end = text.find("\n") if "\n" in text else len(text)
    stop = stop_acronyms()

    # 1. Expand abbreviation candidates into short and long spans.
    spans: list[tuple[int, int, Candidate, str]] = []  # start, end, candidate, role of span
    links: list[tuple[str, str, int]] = []  # short key, long key, end of the long form
    generic_shorts: set[str] = set()
    headed_shorts: list[tuple[str, str, str]] = []  # (short, long form, head): "GA", "Gated-Attention", "Reader"
    defined_here: dict[tuple[int, int], str] = {}  # short-form span -> key of the long form this text gives it
    # The statistical NER does not add names (it adds noise: see scripts/train_ner.py); its labels
    # settle the type of names whose type no rule decided.
    ner_labels: dict[tuple[int, int], NodeLabel] = {}
    # Known names inside a longer word ("ArenaHard" in "m-ArenaHard-v2.0"): variants take their kind.
    known_parts: list[tuple[int, int, NodeLabel]] = []
    # "PASCAL" alone where the text also names "PASCAL VOC": the first word of a known data name.
    known_heads: dict[str, NodeLabel] = {}
    # Known metrics: "the previous best Inception Score (IS)" is no method beaten.
    known_metrics: set[tuple[int, int]] = set()
    for cand in candidates:
        source = cand.source
        if source == "ner" or source == "known-part":
            if cand.label is not None:
                if source == "ner":
                    ner_labels[(cand.start, cand.end)] = cand.label
                else:
                    known_parts.append((cand.start, cand.end, cand.label))
            continue
        if source == "gazetteer" and (cand.label is NodeLabel.DATASET or cand.label is NodeLabel.BENCHMARK):
            surface = text[cand.start : cand.end]
            if " " in surface:
                known_heads[surface.split(None, 1)[0]] = cand.label
        elif source == "abbreviation" and cand.long_form:
            defined_here[(cand.start, cand.end)] = name_key(_clean(text[cand.long_form[0] : cand.long_form[1]]))
        if source == "gazetteer" and cand.label is NodeLabel.METRIC:
            known_metrics.add((cand.start, cand.end))
    known_parts.sort()
    for cand in candidates:
        if cand.source == "ner" or cand.source == "known-part":
            continue
        if cand.source == "abbreviation" and cand.long_form:
            short = _clean(text[cand.start : cand.end])
            long_start, long_end = cand.long_form
            long_text = _clean(text[long_start:long_end])
            headed = _METHOD_HEAD_AFTER.match(text, cand.end)
            if headed:  # "the Gated-Attention (GA) Reader": both forms are modifiers of the name's head
                headed_shorts.append((short, long_text, headed.group(0).split()[-1]))
                continue
            stripped = _LEADING_NOISE.sub("", long_text)
            long_start += len(long_text) - len(stripped)
            long_text = stripped
            plural = short.endswith("s") and short[:-1].isupper()  # "ANNs", "MLIPs": families, not names
            sentence = _sentence_of(sentences, long_start)
            if sentence is not None and sentence[0] == long_start:  # "Positional encoding (PE) has ...": a capital only for the sentence
                generic = _is_generic_long(long_text[1:])
            else:
                generic = _is_generic_long(long_text)
            if short in _NEVER_NAMES:
                continue
            family = (short[:-1] if plural else short) in stop and not (
                _NAMED_RIGHT_BEFORE.search(text, max(0, long_start - 24), long_start)
                and _defined_in_proposal(text, sentences, cand.start, long_start))
            if family or len(long_text.split()) > 10 or (
                (plural or generic) and not _defined_in_proposal(text, sentences, cand.start, long_start, family=plural)
            ):
                generic_shorts.add(name_key(short))
                if plural:  # "membership inference attacks (MIAs)" ... "MIA benchmarks": the family's member too
                    generic_shorts.add(name_key(short[:-1]))
                if len(long_text.split()) <= 6 and not (long_text.isalpha() and long_text.islower()) and not plural and (
                        (long_start, long_start + len(long_text)) not in known_metrics):
                    # Kept aside: a generic concept is named only as the loser of a comparison
                    # ("better than the standard supervised fine-tuning (SFT)"); one plain
                    # lower-case word ("the ECMWF ensemble (ENS)") not even then.
                    spans.append((cand.start, cand.end, cand, "weak"))
                    spans.append((long_start, long_start + len(long_text), cand, "weak-long"))
                    links.append((name_key(short), name_key(long_text), long_start + len(long_text)))
                continue
            spans.append((cand.start, cand.end, cand, "short"))
            spans.append((long_start, long_start + len(long_text), cand, "long"))
            links.append((name_key(short), name_key(long_text), long_start + len(long_text)))
            if plural:  # "graph attention networks (GATs)" ... "our GAT models": one entity
                links.append((name_key(short[:-1]), name_key(long_text), long_start + len(long_text)))
        else:
            spans.append((cand.start, cand.end, cand, "plain"))

    # 2. Accept spans by priority; overlapping lower-priority spans are dropped.
    known = sorted((a, b) for a, b, c, _ in spans if c.source == "gazetteer")
    spans.sort(key=partial(_span_order, text, known))
    accepted = _Coverage(len(text))
    key_at_end: dict[int, str] = {}
    entities: dict[str, _Entity] = {}
    alias_of: dict[str, str] = {}
    root = partial(_root, alias_of)
    union = partial(_union, entities, alias_of)

    weak_spans: set[tuple[int, int]] = set()
    named_at: list[tuple[int, str]] = []  # "called" names: (start, key)
    for start, end, cand, part in spans:
        span = (start, end)
        if accepted.overlaps(start, end, allow_identical=True):
            continue
        weak = part in _WEAK_PARTS
        if weak:
            weak_spans.add(span)
        elif span in weak_spans and not (
                cand.source == "gazetteer" and cand.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK)
                and _DATA_AFTER.match(text[end : end + 40].lstrip(")]"))) and not (
                cand.source == "gazetteer" and span in defined_here and text[start:end] not in stop
                and any(name_key(form) == defined_here[span] for form in (cand.canonical or "", *cand.aliases) if form)):
            # A generic concept's acronym stays generic whatever else matched it ("GQA" ends like a QA
            # set); but "the street view house numbers (SVHN) dataset" is the known dataset, and "a
            # feature pyramid network (FPN)" the known method, its long form written in lower case.
            continue
        source = cand.source
        if source == "gazetteer" and span in defined_here and not any(
            defined_here[span].endswith(name_key(form)) or name_key(form).endswith(defined_here[span])
            for form in (cand.canonical or "", *cand.aliases) if form
        ):
            continue  # "grouped-query attention (GQA)" is not the GQA dataset the gazetteer knows
        surface, key = _surface_and_key(text[start:end])
        if not key or (source != "gazetteer" and source != "abbreviation" and key in generic_shorts):
            continue
        accepted.add(start, end)
        key_at_end.setdefault(end, key)
        if source == "called":
            named_at.append((start, key))
        key_root = key
        while key_root in alias_of:
            key_root = alias_of[key_root]
        ent = entities.get(key_root)
        if ent is None:
            ent = entities[key_root] = _Entity(weak=weak)
        elif not weak:
            ent.weak = False
        ent.surfaces.setdefault(surface, start)
        ent.mentions.append(span)
        if part in _LONG_PARTS:
            ent.sources.add("abbreviation-long")
            ent.long_forms.add(surface)
        else:
            ent.sources.add(source)
        if source == "title" and cand.aliases:  # "Dual Path Networks" in the title, "Dual Path Network (DPN)" below
            ent.canonical = ent.canonical or cand.canonical
            for alias in cand.aliases:
                alias_key = name_key(alias)
                if alias_key != key_root:
                    if alias_key in entities:
                        union(key_root, alias_key)
                    else:
                        alias_of.setdefault(alias_key, key_root)
        if source == "gazetteer":
            ent.gazetteer = True
            ent.canonical = cand.canonical
            for alias in (cand.canonical or "",) + cand.aliases:
                alias_key = name_key(alias) if alias else key_root
                if alias_key != key_root:  # (a union keeps key_root the root)
                    if alias_key in entities:
                        union(key_root, alias_key)
                    else:
                        alias_of.setdefault(alias_key, key_root)
        label_priority = _PRIORITY.get(source, 0)
        if source == "data-head" and ent.label is NodeLabel.METHOD:
            label_priority = _EXTENDS_KNOWN  # "the Vicuna benchmark": the text says what this name is here
        if cand.label is not None and label_priority > ent.label_source:
            ent.label, ent.label_source = cand.label, label_priority
        if cand.proposed:
            ent.proposed = True
    for short_key, long_key, long_end in links:
        if root(short_key) not in entities:
            continue
        if root(long_key) in entities:
            union(root(short_key), root(long_key))
        elif long_end in key_at_end and root(key_at_end[long_end]) in entities:
            # The long form lost to a longer accepted name ending at the same place
            # ("Selective Self-to-Supervised Fine-Tuning (S3FT)"): the acronym belongs to that one.
            union(root(key_at_end[long_end]), root(short_key))

    # "AnyTaskTune, a novel fine-tuning methodology coined as Task-Fine-Tune": two names of one thing.
    for start, key in named_at:
        intro = _ALIAS_INTRO.search(text, max(0, start - 120), start)
        named = key_at_end.get(intro.start()) if intro else None
        if named and root(named) in entities and root(key) in entities:
            union(root(named), root(key))

    # "SENet" ... "SENets formed the foundation of ...": a coined name and its plural are one entity.
    for key, ent in list(entities.items()):
        for surface in ent.surfaces:
            # (four letters will do: "ViT" ... "ViTs")
            if len(surface) >= 4 and surface.endswith("s") and not surface.endswith("ss") and any(c.isupper() for c in surface[1:-1]):
                singular = root(name_key(surface[:-1]))
                if singular in entities and singular != root(key):
                    union(singular, root(key))
                break

    # 3. Every other occurrence of an accepted surface is a mention too ("MHR" after its definition),
    # and where shorter names were accepted inside an occurrence of a longer one ("R-CNN" in the title
    # "Mask Scoring R-CNN", whose abstract proposes "Mask Scoring R-CNN"), it takes their place.
    takeovers = []
    for key, ent in entities.items():
        for surface in list(ent.surfaces):
            for span in name_occurrences(text, surface):
                if span not in ent.mentions:
                    if not accepted.overlaps(*span):
                        ent.mentions.append(span)
                    elif " " in surface and not ent.weak:
                        takeovers.append((span, ent))
    if takeovers:
        _take_over_inner_names(entities, takeovers)
    for ent in entities.values():
        ent.mentions = sorted(set(ent.mentions))
    for short, long_form, head in headed_shorts:
        _name_with_its_head(text, entities, short, long_form, head)

    # 4. Types and roles.
    out_entities: list[ExtractedEntity] = []
    by_name: dict[str, _Entity] = {}
    live = [ent for ent in entities.values() if ent.surfaces]
    for ent in live:
        ent.proposed = ent.proposed or _proposed_by_context(text, ent, sentences, title_end)
        if ent.label is not None:
            ent.strong_label = True
        elif ent.weak:
            ent.label = NodeLabel.METHOD  # generic concepts defined by acronym are techniques ("supervised fine-tuning (SFT)")
        else:
            part = _part_label(ent, known_parts) or next((known_heads[s] for s in ent.surfaces if s in known_heads), None)
            ent.label, ent.strong_label = _label_from_context(text, ent, sentences, title_end, part)
            votes = [ner_labels[m] for m in ent.mentions if m in ner_labels]
            if votes and not ent.strong_label:
                ent.label = max(sorted(set(votes)), key=votes.count)  # sorted: ties break the same way in every run
        if not ent.proposed and not ent.gazetteer and ent.label is NodeLabel.METHOD:
            ent.proposed = _defined_in_own_work(text, ent, sentences)
    _not_proposed_title_techniques(live, title_end)
    _mark_parts_of_own_work(text, live, sentences)
    live = _without_title_descriptions(text, live, title_end)
    live = [ent for ent in live if not _names_a_split(text, ent) and not _names_hardware(text, ent)]
    if len(live) > 1:
        _propagate_list_labels(text, live)
    for ent in live:
        if text.endswith(" for ", 0, ent.mentions[0][0]) and _lone_short_acronym(ent) and _SCORE_FOR_BEFORE.search(
                text, max(0, ent.mentions[0][0] - 120), ent.mentions[0][0]):
            ent.listed_with_names = True  # "compared to 4.52 for GPTQ and 4.21 for AWQ": a system with a score
        elif text.endswith(("line ", "method ", "model ", "approach ", "system "), 0, ent.mentions[0][0]) \
                and _lone_short_acronym(ent) and not _CAPITALISED_WORD_AFTER.match(text, ent.mentions[0][1]) \
                and _BEATEN_KIND_BEFORE.search(text, max(0, ent.mentions[0][0] - 80), ent.mentions[0][0]):
            ent.listed_with_names = True  # "surpassing the fine-tuning baseline TFA": a compared system, named
        elif _lone_short_acronym(ent) and _OWN_SCORE_BRACKET.match(text, ent.mentions[0][1]) and _COMPARISON_BEFORE.search(
                text, max(0, ent.mentions[0][0] - 80), ent.mentions[0][0]):
            ent.listed_with_names = True  # "ahead of the previous best agent, AWM (35.5%)": a compared system, scored
    for ent in live:
        if ent.weak:
            ent.proposed, ent.label = False, ent.label or NodeLabel.METHOD
    verdicts = {id(ent): _rule_verdict(ent) for ent in live if not ent.weak}
    if typer is not None:
        # The typer settles the kind of names whose kind no rule settled (see extractors/entity_typer.py).
        # It is asked once per text, even with nothing to type: a recording typer keeps one list per text.
        unsettled = [ent for ent in live if not ent.weak and not ent.strong_label and verdicts[id(ent)] != "None"]
        rows = [entity_features(text, ent, sentences, title_end) for ent in unsettled]
        described = [(tuple(ent.surfaces), tuple(ent.mentions)) for ent in unsettled]
        kinds = typer.decide(rows, [verdicts[id(ent)] for ent in unsettled], described)
        verdicts.update(zip(map(id, unsettled), kinds))
    settled = []
    for ent in live:
        if not ent.weak:
            verdict = verdicts[id(ent)]
            if verdict == "None":
                continue
            ent.label = _label_of_verdict(verdict, ent)
        settled.append(ent)
    for ent in _merge_shortened_data(settled):
        proposed, label = ent.proposed, ent.label
        name = _pick_name(ent)
        first = ent.mentions[0] if ent.mentions else (ent.surfaces[name], ent.surfaces[name] + len(name))
        evidence = _evidence(text, sentences, first[0], extractor, max(map(_confidence_of, ent.sources)), (first,))
        aliases = [s for s in ent.surfaces if s != name]  # (dict keys: no repeats)
        if ent.canonical and ent.canonical != name and ent.canonical not in ent.surfaces:
            aliases.append(ent.canonical)
        aliases.sort()
        out_entities.append(
            ExtractedEntity(name=name, aliases=aliases, label=label, role="proposed" if proposed else "used",
                            mentions=len(ent.mentions), spans=ent.mentions, evidence=evidence)
        )
        by_name[name] = ent

    relations = (_evaluated_on(text, sentences, by_name, extractor, scorer)
                 + _outperforms(text, sentences, by_name, extractor, scorer))
    compared = {r.target for r in relations if r.type == "OUTPERFORMS"}
    out_entities = [e for e in out_entities if not by_name[e.name].weak or e.name in compared]
    kept = {e.name for e in out_entities}
    evaluated = {r.target for r in relations if r.type == "EVALUATED_ON"}
    sole = next(iter(evaluated)) if len(evaluated) == 1 else None
    if sole is None and not any(e.proposed and e.label is NodeLabel.METHOD for e in by_name.values()):
        # A benchmark paper's scores without a named dataset are on its own benchmark ("the best open
        # model, X, reaches only 54.1%"), when it introduces one and no method of its own.
        introduced = [n for n in evaluated if by_name[n].proposed]
        sole = introduced[0] if len(introduced) == 1 else None
    results = _results(text, sentences, {n: e for n, e in by_name.items() if n in kept}, extractor, sole_benchmark=sole)
    return out_entities, relations, results


def _span_order(text: str, known: list[tuple[int, int]], span: tuple[int, int, Candidate, str]) -> tuple[int, int, int]:
    """A candidate span's rank: priority first, then the longer span, then the earlier."""
    start, end, cand, _ = span
    if cand.source == "shape" and known and not _SPACE.search(text, start, end) and _contains_known(known, start, end) \
            and not any(a <= start and end <= b and b - a > end - start for a, b in known):
        # (unless a known name's longer form holds it: "CLIP ViT-L/14", not "CLIP" and "ViT-L/14")
        return -_EXTENDS_KNOWN, start - end, start
    return -_PRIORITY.get(cand.source, 0), start - end, start


def _contains_known(known: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does a known name (sorted ``known`` spans) lie inside (start, end) without being it?"""
    i = bisect.bisect_left(known, (start, -1))
    while i < len(known) and known[i][0] < end:
        if known[i][1] <= end and known[i] != (start, end):
            return True
        i += 1
    return False


# The merged names' keys are a forest in ``alias_of`` (key -> the key it was merged into). These
# are module functions, not closures of resolve_candidates: compiled, closures that call each
# other make a reference cycle per text, garbage only the cyclic collector frees.
def _root(alias_of: dict[str, str], key: str) -> str:
    while key in alias_of:
        key = alias_of[key]
    return key


def _union(entities: dict[str, "_Entity"], alias_of: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(alias_of, a), _root(alias_of, b)
    if ra != rb:
        alias_of[rb] = ra
        target, other = entities.setdefault(ra, _Entity()), entities.pop(rb, None)
        if other:
            _absorb(target, other)


def _take_over_inner_names(entities: dict[str, "_Entity"], takeovers: list[tuple[tuple[int, int], "_Entity"]]) -> None:
    """Occurrences of a longer accepted name that only shorter accepted names overlap, each inside
    it, become the longer name's mentions; the shorter names lose those mentions (and go if they
    had no other)."""
    owners = {mention: ent for ent in entities.values() for mention in ent.mentions}
    for (start, end), ent in takeovers:
        overlapping = [m for m in owners if m[0] < end and m[1] > start]
        if not overlapping or any(m[0] < start or m[1] > end or owners[m] is ent for m in overlapping):
            continue
        if any(owners[m].label in (NodeLabel.TASK, NodeLabel.METRIC) for m in overlapping):
            continue  # ("Few-Shot Relation Extraction" around the known task "Relation Extraction": a task too)
        for mention in overlapping:
            inner = owners.pop(mention)
            inner.mentions.remove(mention)
            if not inner.mentions:
                inner.surfaces.clear()
        ent.mentions.append((start, end))
        owners[(start, end)] = ent


def _name_with_its_head(text: str, entities: dict[str, _Entity], short: str, long_form: str, head: str) -> None:
    """After "the Gated-Attention (GA) Reader", "the GA Reader" is that reader, not a method "GA":
    the short form with the head word is an alias of the long name, and a "GA" found only there
    goes."""
    named = name_key(f"{long_form} {head}").removesuffix("s")  # (the title may name "Gated-Attention Readers")
    target = next((e for e in entities.values() if any(name_key(s).removesuffix("s") == named for s in e.surfaces)), None)
    if target is None:
        return
    alias = f"{short} {head}"
    spans = list(name_occurrences(text, alias))
    if not spans:
        return
    target.surfaces.setdefault(alias, spans[0][0])
    target.mentions = sorted(set(target.mentions) | set(spans))
    starts = {a for a, _ in spans}
    for ent in entities.values():
        if ent is target or set(ent.surfaces) != {short}:
            continue
        # (its mentions: inside "GA Reader", or the definition's "(GA) Reader")
        if all(a in starts or _METHOD_HEAD_AFTER.match(text, b) for a, b in ent.mentions):
            ent.surfaces.clear()


def _merge_shortened_data(entities: list[_Entity]) -> list[_Entity]:
    """A data name written again without its first words ("VOC 2007" after "PASCAL VOC 2007") is
    the longer name's alias. Only names of two words or more: "COCO" after "MS COCO" is its own
    name in the gazetteer, and one word is too little to tell."""
    data = [e for e in entities if e.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) and not e.weak]
    if len(data) < 2:
        return entities
    longer = {}
    for ent in data:
        for surface in ent.surfaces:
            words = surface.split()
            for cut in range(1, len(words) - 1):
                longer.setdefault(" ".join(words[cut:]), ent)
    merged = set()
    for ent in data:
        if ent.proposed or not all(len(s.split()) >= 2 for s in ent.surfaces):
            continue
        target = next((longer[s] for s in ent.surfaces if s in longer and longer[s] is not ent), None)
        if target is not None and id(target) not in merged:
            _absorb(target, ent)
            target.mentions = sorted(set(target.mentions))
            merged.add(id(ent))
    return [e for e in entities if id(e) not in merged]


def _results(text: str, sentences: "_Sentences", by_name: dict[str, _Entity], extractor: str,
             sole_benchmark: Optional[str] = None) -> list[ExtractedResult]:
    """Scores the text reports (see extractors/results.py), as records with their evidence."""
    if not has_digit(text):
        return []
    mentions = []
    own = None
    for name, ent in by_name.items():
        kind = "data" if ent.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) else (
            "method" if ent.label is NodeLabel.METHOD else None)
        if kind is None:
            continue
        mentions.extend((a, b, name, kind, ent.proposed) for a, b in ent.mentions)
        if kind == "method" and ent.proposed and not ent.weak and (own is None or ent.mentions[0][0] < own[0]):
            own = (ent.mentions[0][0], name)
    trained = [m for m in mentions if m[3] == "data" and sentences.trained_on(m[0])]
    if trained:  # ("On AlpacaEval, X trained on UltraFeedback reaches 24.1%": the score is not UltraFeedback's)
        # (kept as a mention of another kind: a name listed after it is no subject either)
        # (nor where the sentence evaluates zero-shot: "Fine-tuned on SQuAD 2.0 and evaluated zero-shot, X reaches")
        mentions = [m if m not in trained or not (_zero_shot(sentences, _sentence_of(sentences, m[0])) or any(
            other[3] == "data" and other not in trained and _sentence_of(sentences, other[0]) == _sentence_of(sentences, m[0])
            for other in mentions)) else (*m[:3], "source", m[4]) for m in mentions]
    sole = by_name.get(sole_benchmark) if sole_benchmark else None
    sole_mention = (*sole.mentions[0], sole_benchmark, "data", sole.proposed) if sole and sole.mentions else None
    found = find_results(text, sentences, mentions, own[1] if own else None, sole_mention)
    results = []
    for item in found:
        metric = metric_of(item.metric)
        spans = tuple(s for s in (item.value_span, item.benchmark_span, item.method_span) if s)
        evidence = _evidence(text, sentences, item.value_span[0], extractor, 0.6, spans)
        results.append(ExtractedResult(
            method=item.method, benchmark=item.benchmark, metric=item.metric,
            metric_name=metric.name if metric else None,
            higher_is_better=(metric.direction == "higher") if metric else None,
            value=item.value, number=parse_value(item.value), unit="%" if item.value.endswith("%") else None,
            evidence=evidence))
    return results


_BENCH_WORDS = re.compile(r"bench|suite|arena|leaderboard|challenge|\bgym\b|\beval\b", re.IGNORECASE)


def _rule_verdict(ent: _Entity) -> str:
    """What the rules alone make of an entity: "None" (not a name), or its kind as a typer label."""
    if not ent.proposed and _looks_generic(ent):
        return "None"
    return _VERDICT_OF_LABEL[ent.label]


_VERDICT_OF_LABEL = {NodeLabel.METHOD: "Method", NodeLabel.DATASET: "Data", NodeLabel.BENCHMARK: "Data",
                     NodeLabel.TASK: "Task", NodeLabel.METRIC: "Metric"}


def _label_of_verdict(verdict: str, ent: _Entity) -> NodeLabel:
    if verdict == "Data":
        if ent.label is NodeLabel.DATASET or ent.label is NodeLabel.BENCHMARK:
            return ent.label
        return NodeLabel.BENCHMARK if any(_BENCH_WORDS.search(s) for s in ent.surfaces) else NodeLabel.DATASET
    return NodeLabel(verdict)


def entity_features(text: str, ent: _Entity, sentences: "_Sentences", title_end: int) -> list[str]:
    """The typer's view of an entity: what the rules said of it, its name's shape, and the words
    around its first mentions."""
    name = _pick_name(ent)
    feats = [f"rule={ent.label.value if ent.label else 'none'}", f"verdict={_rule_verdict(ent)}"]
    feats += [f"src={source}" for source in sorted(ent.sources)]
    if ent.strong_label:
        feats.append("strong")
    if ent.list_label:
        feats.append("list")
    if ent.proposed:
        feats.append("proposed")
    if ent.gazetteer:
        feats.append("gazetteer")
    if ent.long_forms:
        feats.append("has_long_form")
        feats += [f"long.{f}" for f in name_features(max(ent.long_forms, key=lambda s: (len(s), s)))[:4]]
    if len(ent.surfaces) > 1:
        short = min(ent.surfaces, key=lambda s: (len(s), s))
        feats += [f"short.{f}" for f in name_features(short)[:3]]
    feats += name_features(name)
    feats.append(f"mentions={min(len(ent.mentions), 3)}")
    for start, end in ent.mentions[:3]:
        feats += _context_features(text, start, end, sentences, title_end)
    return feats


_CONTEXT_PUNCTUATION = "\"'“”‘’()[]{},.;:!?"


def _context_features(text: str, start: int, end: int, sentences: "_Sentences", title_end: int) -> list[str]:
    before = text[max(0, start - 40) : start].split()[-2:]
    after = text[end : end + 40].split()[:2]
    left = [w.strip(_CONTEXT_PUNCTUATION).lower() for w in before]
    right = [w.strip(_CONTEXT_PUNCTUATION).lower() for w in after]
    feats = []
    if start < title_end:
        feats.append("in_title")
    else:
        # (Whether the sentence reports results or proposes something helped too little in
        # cross-validation to pay for its regex searches.)
        sentence = _sentence_of(sentences, start)
        if sentence is not None and sentence[0] == start:
            feats.append("sentence_start")
    if left:
        feats.append("L1=" + left[-1])
        if len(left) > 1:
            feats.append(f"L2={left[-2]}_{left[-1]}")
    else:
        feats.append("L1=^")
    if right:
        feats.append("R1=" + right[0])
        if len(right) > 1:
            feats.append(f"R2={right[0]}_{right[1]}")
    else:
        feats.append("R1=$")
    following = text[end : end + 2].lstrip()[:1]
    if following and following in "(,.;:":
        feats.append("P=" + following)
    return feats


def _absorb(target: _Entity, other: _Entity) -> None:
    for surface, offset in other.surfaces.items():
        target.surfaces.setdefault(surface, offset)
    target.mentions.extend(other.mentions)
    target.long_forms |= other.long_forms
    target.sources |= other.sources
    target.proposed = target.proposed or other.proposed
    target.weak = target.weak and other.weak
    target.gazetteer = target.gazetteer or other.gazetteer
    target.canonical = target.canonical or other.canonical
    if other.label_source > target.label_source:
        target.label, target.label_source = other.label, other.label_source


class _Coverage:
    """The accepted spans and the characters they cover: an overlap check is one ``bytearray.find``
    (in C, linear in the span, not in the number of spans), so a megabyte of text stays linear.
    Accepted spans never overlap unless identical."""

    def __init__(self, length: int) -> None:
        self.covered = bytearray(length + 1)
        self.spans: set[tuple[int, int]] = set()

    def overlaps(self, start: int, end: int, *, allow_identical: bool = False) -> bool:
        if allow_identical and (start, end) in self.spans:
            return False  # nothing else overlaps an accepted span
        return self.covered.find(1, start, end) >= 0

    def add(self, start: int, end: int) -> None:
        self.spans.add((start, end))
        self.covered[start:end] = b"\x01" * (end - start)


class _Sentences(list):
    """The sentence bounds of a text, remembering what the rules asked of each sentence (several
    mentions share one, and each regex search over it costs microseconds)."""

    def __init__(self, text: str, words: Optional[WordIndex] = None):
        super().__init__(sentence_bounds(text))
        self.starts = [start for start, _ in self]
        self.text = text
        self.lowered = lower_same_length(text)
        self.ascii = text.isascii()
        self._words = words if words is not None and words.text is text else None
        self.evidence: dict[tuple, Evidence] = {}
        self.sentence_text: dict[tuple[int, int], str] = {}  # one copy per sentence, not one per fact
        self._presented: Optional[list[str]] = None
        self._eval_cue: dict[tuple[int, int], bool] = {}
        self._trained_on: dict[int, bool] = {}
        self._proposals: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._marks: dict[tuple[int, int], tuple[str, ...]] = {}

    def presented(self) -> list[str]:
        """The kind nouns of "we present a new dataset ..." phrases in the whole text."""
        if self._presented is None:
            # What _PRESENTS.findall finds: its matches start at "we" or "this" (found with
            # str.find), so the pattern is tried only there.
            starts = word_starts(self.lowered, ("we", "this"))
            self._presented = [match.group(1) for match in matches_at(_PRESENTS, self.text, starts)]
        return self._presented

    @property
    def words(self) -> WordIndex:
        if self._words is None:
            self._words = WordIndex(self.text)
        return self._words

    def trained_on(self, start: int) -> bool:
        """:func:`_trained_on` of the name at ``start``, asked by the EVALUATED_ON, OUTPERFORMS and
        results steps alike."""
        found = self._trained_on.get(start)
        if found is None:
            found = self._trained_on[start] = _trained_on(self.text, start)
        return found

    def has_eval_cue(self, sentence: tuple[int, int]) -> bool:
        """Does the sentence talk about experiments or results?"""
        found = self._eval_cue.get(sentence)
        if found is None:
            found = self._eval_cue[sentence] = _EVAL_CUE_LOWERED.search(self.lowered, *sentence) is not None
        return found

    def marks(self, sentence: tuple[int, int]) -> tuple[str, ...]:
        """Whether the sentence speaks of training ("training_sentence") and gives a number
        ("number_sentence"): read by the relation scorer, for every dataset of the sentence."""
        found = self._marks.get(sentence)
        if found is None:
            a, b = sentence
            text = self.text
            if self.ascii:  # the patterns tried at every character cost ~17 µs a sentence: first the cheap signs
                training = any(self.lowered.find(stem, a, b) >= 0 for stem in _TRAINING_STEMS) and bool(
                    _TRAINING_WORDS.search(text, a, b))
                digit = min((i for i in (text.find(d, a, b) for d in "0123456789") if i >= 0), default=-1)
                number = digit >= 0 and bool(_NUMBER.search(text, digit, b))  # (every match starts with a digit)
            else:
                training, number = bool(_TRAINING_WORDS.search(text, a, b)), bool(_NUMBER.search(text, a, b))
            found = self._marks[sentence] = ("training_sentence",) * training + ("number_sentence",) * number
        return found

    def proposals(self, sentence: tuple[int, int]) -> list[tuple[int, int]]:
        """Spans of "we propose ..."-like phrases in the sentence."""
        found = self._proposals.get(sentence)
        if found is None:
            found = self._proposals[sentence] = list(_proposal_spans(self.lowered, *sentence))
        return found


def _sentence_of(sentences: "_Sentences", offset: int) -> Optional[tuple[int, int]]:
    i = bisect.bisect_right(sentences.starts, offset) - 1
    if i >= 0 and offset < sentences[i][1]:
        return sentences[i]
    return None


MAX_EVIDENCE = 2000  # characters of evidence a fact keeps


def _evidence(text: str, sentences: "_Sentences", offset: int, extractor: str, confidence: float,
              mentions: tuple[tuple[int, int], ...] = ()) -> Evidence:
    """The sentence around ``offset``, with the offsets of the names the fact is about. A run-on
    "sentence" longer than :data:`MAX_EVIDENCE` (text without sentence ends: tables, PDF debris)
    gives the window of that length around the fact instead, so that a fact's record stays small."""
    a, b = _sentence_of(sentences, offset) or (offset, offset)
    if b - a > MAX_EVIDENCE:
        around = [offset, *(point for span in mentions for point in span)]
        a = max(a, min(max(around) - MAX_EVIDENCE, min(around) - MAX_EVIDENCE // 4))
        b = min(b, a + MAX_EVIDENCE)
    key = (a, b, extractor, round(confidence, 2), mentions)
    evidence = sentences.evidence.get(key)
    if evidence is None:  # facts read in one sentence about the same names share one record
        sentence = sentences.sentence_text.get((a, b))
        if sentence is None:
            sentence = sentences.sentence_text[(a, b)] = text[a:b]
        evidence = sentences.evidence[key] = Evidence(sentence=sentence, start=a, end=b, extractor=extractor,
                                                      confidence=key[3], mentions=list(mentions))
    return evidence


def _mention_in(ent: _Entity, a: int, b: int) -> Optional[tuple[int, int]]:
    """The entity's first mention inside ``[a, b)``."""
    return next(((s, e) for s, e in ent.mentions if a <= s and e <= b), None)


def _pick_name(ent: _Entity) -> str:
    if ent.canonical and ent.canonical in ent.surfaces and ent.long_forms and all(f.islower() for f in ent.long_forms):
        return ent.canonical  # "SVHN", not "street view house numbers"
    if ent.long_forms:  # a set: ties of length go to the first written, so every run picks the same
        return max(ent.long_forms, key=lambda s: (len(s), -ent.surfaces.get(s, 0), s))
    if ent.canonical and ent.canonical in ent.surfaces:
        return ent.canonical
    # (not a plural written beside its singular: "ZENet", not "ZENets")
    singular = [s for s in ent.surfaces if not (s.endswith("s") and s[:-1] in ent.surfaces)]
    return max(singular or ent.surfaces, key=lambda s: (len(s), -ent.surfaces[s]))


_DATA_NOUN = (r"(benchmarks?|datasets?|data\s+sets?|(?:object|image|video|test|evaluation|validation)\s+sets?|corpus|corpora|"
              r"suite|leaderboard|testbed|environments?|collection|arena|"
              r"treebanks?|thesaurus|lexicons?|wordnets?|ontolog(?:y|ies)|databases?)")
# ("X dataset", "the MKQA cross-lingual benchmark"; not "a GPT-4 generated dataset")
_DATA_AFTER = re.compile(rf"^\s*(?:-\s*)?(?:(?![a-z\-]*(?:ed|ing)\b)[a-z][a-z\-]*-[a-z]+\s+)?{_DATA_NOUN}\b", re.IGNORECASE)
_METHOD_NOUN = (r"(?:model|models|method|framework|architecture|algorithm|approach|network|agent|module|loss|"
                r"encoder|decoder|backbone|baselines?|variant|system|strategy|technique|pipeline|paradigm|mechanism|policy|"
                r"transformers?|classifiers?|detectors?|solvers?|parsers?|generators?|predictors?|rerankers?|retrievers?|"
                r"verifiers?|planners?|recommenders?|codecs?)")
_METHOD_AFTER = re.compile(rf"^\s*(?:-\s*)?{_METHOD_NOUN}\b", re.IGNORECASE)
# "the benchmark GLUE", "a Chinese ontology HowNet"
_DATA_RIGHT_BEFORE = re.compile(rf"\b(?:the|a|an|our)\s+(?:[a-zA-Z\-]+\s+)?{_DATA_NOUN}\s+$")
# "achieves 47.2 AP on X", "reaches 91.2% on X": a score reported on X makes X data. (Not a
# speed, "2.5 ms on Jetson", nor a count of parts, "8 GPUs on".)
_SCORE_ON_BEFORE = re.compile(
    r"\d(?:\.\d+\s*%?|\s*%)(?:\s+(?:points?|pp|accuracy|score|[A-Z][\w@\-]*|[a-z]+[A-Z@][\w@\-]*))?(?:\s+(?:F1|score|accuracy))?"
    r"\s+on\s+(?:the\s+)?(?:(?:[a-z\-]+\s+){0,2}(?:variant|version|split|subset|setting)\s+of\s+(?:the\s+)?)?$")
# ("54.1 mIoU on LoveDA", "0.71 nDCG@10 on X", "85.18% on the hardest variant of ScanObjectNN")
# "extractive QA on MuSiQue", "object detection on COCO": a task done on a name makes it data.
_TASK_ON_BEFORE = re.compile(
    r"\b(?:QA|question answering|classification|reasoning|retrieval|translation|summarization|segmentation|"
    r"detection|recognition|captioning|parsing|tagging|forecasting|tracking|grounding|"
    # ... and a score measured on it: "reduces perplexity on PG-19"
    r"perplexity|accuracy|error rate|success rate|win rate)\s+on\s+(?:the\s+)?$")
_VALUE_OF_AFTER = re.compile(r"\s+of\s+\d+(?:\.\d+)?\s*%?(?=[\s,;.)]|$)(?!\s+[a-z])")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:(?:mean|median|average|overall|new|higher|lower|best|top)\s+)?$")
# "45 datasets from OpenML", "60K hours of LibriLight", "10 million molecules from PubChem"
# (Not "3 samples from KappaLM": what a model generated.)
# "the validation set of": a split of the data named next
_SPLIT_OF = r"(?:validation|test|training|train|dev|development|evaluation)\s+(?:set|split|subset)s?\s+of"
_SPLIT_WORDS = re.compile(r"\b(?:set|split|subset)s?\s+of\b")  # ("the training set of Pythia-1.4B": a model's data)
_DATA_FROM_BEFORE = re.compile(
    r"\b(?:(?:datasets|corpora|benchmarks|tasks)\s+(?:drawn\s+|collected\s+|taken\s+)?from|"
    # "on the validation set of Static Facial Expressions in the Wild": a split's data
    rf"{_SPLIT_OF}|"
    rf"\d\S*\s+(?:(?:thousand|million|billion)\s+)?(?:[a-z\-]+\s+){{0,2}}(?:{DATA_UNITS})s\s+(?:of|from))\s+(?:the\s+)?$")
# "the validation set of Static Facial Expressions in the Wild (": the acronym in the bracket names data
_SPLIT_OF_NAMED_BEFORE = re.compile(
    rf"\b{_SPLIT_OF}\s+(?:the\s+)?"
    r"[A-Z][\w\-]*(?:\s+(?:(?:in|of|the|for|and|on|from)\s+)*[A-Z][\w\-]*){0,8}\s*\($")
# "X, a large-scale benchmark for ...", "X (Y), a new dataset of ..."
_DATA_BEFORE_PAREN = re.compile(rf"\b{_DATA_NOUN}\s*\($", re.IGNORECASE)
_APPOSITION = re.compile(
    rf"^\s*(?:\([^)]*\))?\s*(?:,|\s[\-–—:])?\s*(?:(?:which\s+)?is\s+)?(?:a|an|the|our)\s+((?:[\w\-]+(?:[,.]\d+[\w\-]*)?,?\s+){{0,6}}?)"
    rf"({_DATA_NOUN[1:-1]}|{_METHOD_NOUN[3:-1]})\b",
    re.IGNORECASE,
)
_METRIC_RAISED_AFTER = re.compile(r"\s+(?:(?:average|overall|mean|top-1|zero-shot)\s+)?(?:accuracy|scores?|F1|EM|mIoU|AP|BLEU|ROUGE-L|"
                                  r"pass@1|success rate|win rate)\s+from\s+\d")
# "ChartGen-2M, two million chart images rendered from code": a count of data items
_COUNT_APPOSITION = re.compile(
    rf"\s*,\s*(?:about\s+|over\s+|nearly\s+|some\s+)?(?:\d[\d.,]*\s?[KMBkmb]?|one|two|three|four|five|six|seven|eight|nine|ten|"
    rf"hundreds|thousands|millions)(?:\s+(?:hundred|thousand|million|billion))?\s+(?:[a-z\-]+\s+){{0,2}}(?:{DATA_UNITS})s\b")
# "X, a set of 500 competition problems", "X, a collection of 3.1 million instruction-response pairs"
_COLLECTION_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an|our)\s+(?:(?:new|novel|curated|challenging|large|small|diverse)\s+)*(?:set|collection|suite|pool)\s+"
    r"of\s+(?:[\w,.\-]+\s+){0,4}?(?:problems|questions|tasks|examples|prompts|instances|pairs|images|videos|dialogues|"
    r"documents|samples|queries|puzzles|conversations|clips|recordings|sentences|articles|programs)\b")
_METHOD_NOUNS = set(_METHOD_NOUN.strip("(?:)").replace("s?", "").split("|")) | {"models", "baselines"}
_PRESENTS = re.compile(
    rf"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:present|introduce|propose|release|build|construct|create|curate|collect)s?\s+"
    rf"(?:a|an|the)\s+(?:[\w\-]+\s+){{0,4}}?({_DATA_NOUN[1:-1]}|{_METHOD_NOUN[3:-1]})\b"
)
_METHOD_WORD = re.compile(rf"\b{_METHOD_NOUN}\b", re.IGNORECASE)
_TITLE_DATA = re.compile(rf"\b{_DATA_NOUN}\b|Bench\b", re.IGNORECASE)
_BENCH_NOUNS = ("bench", "suite", "leader", "test", "env", "arena", "challenge", "gym")
# A name whose own last word says what it is: "StarCraft Multi-agent Challenge", "OPT-IML Bench".
# ("ImageNet Large-Scale Visual Recognition Challenge 2014": its edition's year after it)
_NAME_HEAD = re.compile(r"\b(Benchmark|Bench|Dataset|Corpus|Suite|Challenge|Arena|Gym|Leaderboard|Testbed)(?:\s+(?:19|20)\d\d)?$")
# "surpassing the fine-tuning baseline TFA": a compared system named after its kind
_BEATEN_KIND_BEFORE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|than|over|compared\s+(?:to|with))\s+"
                                 r"(?:the\s+|a\s+)?(?:[\w\-]+\s+){0,3}(?:baseline|method|model|approach|system)\s+$")
_OWN_SCORE_BRACKET = re.compile(r" \(\d+(?:\.\d+)?\s?%?\)")
_COMPARISON_BEFORE = re.compile(r"\b(?:ahead\s+of|than|over|compared\s+(?:to|with)|versus|vs\.|outperform\w*|surpass\w*|"
                                r"beat(?:s|ing)?|exceed\w*)\s(?:[^.;]|\.\d)*$")
_CAPITALISED_WORD_AFTER = re.compile(r" [A-Z]")  # ("the baseline IBM Model 4": a longer name's first word)
_IMPROVING_ON = re.compile(r"\bimprov(?:e|es|ed|ing)\s+(?:up)?on\s+(?:the\s+)?$")  # ("..., improving on GraphGPS": the beaten)
_METHOD_SUFFIX = re.compile(r"-(?:Net|Former|former|GPT|BERT|GAN|RNN|CNN|Transformer)$")
# A name ending in a count of thousands ("Alpaca-52K") names data by its size, unless a model
# size stands in it too ("Yi-34B-200K": a 200K context window).
_COUNT_SUFFIX = re.compile(r"[A-Za-z][\w.]*-\d+(?:\.\d+)?[Kk]$")
_SIZE_PART = re.compile(r"\d(?:\.\d+)?[BbMm]\b")
_PARENTHETICAL = re.compile(r"^\s*\([^)]{1,40}\)")
# Matched from the end of one name to the start of the next (pos and endpos: no slice of the text).
_LIST_GAP = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:,|,?\s*and|,?\s*or|&|/)\s*(?:the\s+)?$")
_TASK_HEAD = re.compile(
    r"\b(?:detection|retrieval|recognition|classification|segmentation|captioning|answering|translation|summarization|"
    r"grasping|tracking|estimation|forecasting|parsing|extraction|localization|grounding|generalization)$", re.IGNORECASE
)
# Heads that name a problem even in a sentence that proposes something for it.
_PROBLEM_NOUNS = (r"induction|disambiguation|recognition|tagging|labell?ing|segmentation|classification|detection|"
                  r"estimation|parsing")
_PROBLEM_HEAD = re.compile(rf"\b(?:{_PROBLEM_NOUNS}|summarization|captioning|answering)$")
# Right after "Long Form (LF)": the problem the two name ("Named Entity (NE) tagging").
_TASK_AFTER_DEFINITION = re.compile(
    rf"\)\s+(?:{_PROBLEM_NOUNS}|extraction|resolution|tracking)\b(?!\s+(?:bench|data|corpus|set|suite|challenge|track))")
# (Not the verbs: "FooNet scores 85.3", "FooNet measures how ...", nor "the WMT12 metrics task".)
_METRIC_AFTER = re.compile(
    r"^\s*(?:(?:score|metric|measure)s?|similarity)\b(?!\s*\d|\s+(?:on|at|up|over|above|below|higher|lower|better|worse|well|"
    r"highest|best|top|the|a|an|how|whether|what|its|their|task|track|shared|competitively|favou?rably|"
    r"significantly|strongly|consistently|comparably|far|much|nearly|almost|about|around|only|even|just|"
    r"close|within|roughly|second|first)\b)")
_METRIC_BEFORE = re.compile(
    r"\b(?:measures?|metrics?)\s+(?:(?:called|named|dubbed|termed)\s+|(?:such as|like|including)\s+"
    r"(?:[A-Z][\w\-]*\s*(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+))*)[\"“'‘]?$")
_METRIC_HEAD = re.compile(r"\b(?:accuracy|precision|recall|score|error|rate|distance|similarity|ratio|correlation|divergence)$", re.IGNORECASE)
# Names listed up to where a pattern ends: "A, B and " (before the next name of the list).
_NAMES_SO_FAR = r"(?:[A-Z0-9][^\s,;()]*(?:\s+[A-Z0-9v][^\s,;()]*)*\s*(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+))*$"
_LIST_BEFORE = re.compile(
    r"\b(?:on|across|over)\s+(?:the\s+|both\s+|three\s+|two\s+|four\s+|five\s+|several\s+|multiple\s+)?"
    r"(?:(?:[\w\-]+\s+){0,3}?(?:benchmarks?|datasets?|tasks?)\s*(?:[,:(]|including|such as|like|namely)?\s*|[a-z\-]+\s*\(\s*)?"
    + _NAMES_SO_FAR
)
_NOT_EVAL_ON = re.compile(r"\b(?:based|built|relies|rely|relying|depend\w*|focus\w*|top|pretrained|pre-trained)\s+(?:on|over)\b", re.IGNORECASE)
_ON_WORD = re.compile(r"\b(?:on|across|over)\s")
# "On X, it solves ...", "For African languages in X, it reaches ...": the setting of a result
_OPENING_ON = re.compile(r"(?:(?:On|In|Across)\s+(?:the\s+)?|(?:On|In|For|Across)\s+(?:[\w\-]+\s+){1,5}?(?:in|on|of|from)\s+(?:the\s+)?)")
_PERCENT_VALUE = re.compile(r"\d\s?%")
_SCORE_VERB_VALUE = re.compile(r"\b(?:obtains?|achieves?|reaches?|scores?|attains?)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,3}?\d")
# ("On the AntMaze tasks, ...", "On KorvexQA's full set, ...")
# ("On the BACE task alone it reaches 86.1 ROC-AUC", "On ImageNet only, ...")
_DATA_PART_WORD = r"(?: (?:tasks?|suite|split|subset|environments?|games|testA|testB|test-dev|test-std|(?:test|val|validation|dev)\s+(?:set|split)))"
_DATA_PART_AFTER = re.compile(rf"(?:{_DATA_PART_WORD}(?: alone| only)?| alone| only),|['’]s (?:[a-z\-]+ )?(?:set|split|subset)[, ]|"
                              # ... or a pronoun and its result verb, without a comma: "On ScanNet200 it achieves 25.3 AP"
                              rf"{_DATA_PART_WORD}?(?: alone| only)? (?:it|they|we)\s+(?:\w+\s+)?(?:achieves?|reach(?:es)?|scores?|obtains?|attains?|improves?|"
                              r"outperforms?|surpass(?:es)?|solves?|sets?)\b")
# "improves accuracy over FooNet and BarNet": "over" after a gain names the beaten, not the data.
_GAIN_BEFORE_OVER = re.compile(r"\b(?:improv\w*|gains?|boost\w*|advantages?|benefits?|superior\w*|wins?|margins?|"
                               r"speed-?ups?|better|outperform\w*|preferred)\b", re.IGNORECASE)


def _data_label(noun: str) -> NodeLabel:
    return NodeLabel.BENCHMARK if noun.lower().startswith(_BENCH_NOUNS) else NodeLabel.DATASET


def _part_label(ent: _Entity, known_parts: list[tuple[int, int, NodeLabel]]) -> Optional[NodeLabel]:
    """The kind of a known name inside one of the entity's mentions ("MMLU" in "MMLU-Pro")."""
    for start, end in ent.mentions:
        i = bisect.bisect_left(known_parts, (start,))
        while i < len(known_parts) and known_parts[i][0] < end:
            if known_parts[i][1] <= end:
                return known_parts[i][2]
            i += 1
    return None


_NUMBER_RIGHT_BEFORE = re.compile(r"\d%?\s+$")


def _label_from_context(text: str, ent: _Entity, sentences, title_end: int,
                        part_label: Optional[NodeLabel] = None) -> tuple[NodeLabel, bool]:
    """The type of an entity the gazetteer does not know, from the words around it; failing
    those, from a known name inside it (``part_label``)."""
    if all(_NUMBER_RIGHT_BEFORE.search(text, max(0, start - 12), start) for start, _ in ent.mentions) \
            and any(metric_of(surface) is not None for surface in ent.surfaces):
        return NodeLabel.METRIC, True  # "61.2 EM and 66.8 F1 ..., improving over MATE by 3.4 EM": a unit of a score
    for start, end in ent.mentions:
        after = text[end : end + 80]
        first = after.lstrip()[:1]  # the patterns below can only match after some first characters
        if first == "(":
            after = _PARENTHETICAL.sub("", after, count=1)
            first = after.lstrip()[:1]
        if first.isalpha() or first == "-":
            head = _DATA_AFTER.match(after)
            if head:
                return _data_label(head.group(1)), True
            if _METHOD_AFTER.match(after):
                return NodeLabel.METHOD, True
            if _METRIC_AFTER.match(after) and not any(_BENCH_WORDS.search(s) for s in ent.surfaces):
                return NodeLabel.METRIC, True  # "the NIST score", "a TRDR score", "Expected-IoU (EIoU) score"
        if ent.long_forms and text.endswith("(", 0, start) and _TASK_AFTER_DEFINITION.match(text, end):
            return NodeLabel.TASK, True  # "Named Entity (NE) tagging", "facial Action Unit (AU) recognition"
        if _METRIC_BEFORE.search(text, max(0, start - 60), start):
            return NodeLabel.METRIC, True  # "a measure called POURPRE", "measures like BLEU and NIST"
        if _VALUE_OF_AFTER.match(text, end) and _ARTICLE_BEFORE.search(text, max(0, start - 24), start):
            return NodeLabel.METRIC, True  # "achieves a PESQ of 3.21", "a median TM-score of 0.81"
        noun_before = _DATA_RIGHT_BEFORE.search(text, max(0, start - 30), start) if text.endswith(" ", 0, start) else None
        if noun_before:
            return _data_label(noun_before.group(1)), True  # "the benchmark GLUE", "a Chinese ontology HowNet"
        if text.endswith(("on ", "the ", "of "), 0, start) and (_SCORE_ON_BEFORE.search(text, max(0, start - 70), start)
                                                        or _TASK_ON_BEFORE.search(text, max(0, start - 40), start)) \
                and not _IMPROVING_ON.search(text, max(0, start - 30), start):
            # "91.2% on FGVC", "extractive QA on MuSiQue" (a benchmark's part stays a benchmark: "MATH-500")
            return (NodeLabel.BENCHMARK if part_label is NodeLabel.BENCHMARK else NodeLabel.DATASET), True
        if ((data_from := _DATA_FROM_BEFORE.search(text, max(0, start - 40), start))
                and not (_SIZE_PART.search(text, start, end) and _SPLIT_WORDS.search(data_from.group(0)))) or (
                text.endswith("(", 0, start) and _SPLIT_OF_NAMED_BEFORE.search(text, max(0, start - 120), start)):
            return NodeLabel.DATASET, True  # "45 datasets from OpenML": where data comes from is data
        if text.endswith((" ", ", "), 0, start) and _trained_on_data(text, start):
            return NodeLabel.DATASET, True  # "trained on a mixture of A, B and C": what a model is trained on is data
        before_paren = _DATA_BEFORE_PAREN.search(text, max(0, start - 30), start) if text.endswith("(", 0, start) else None
        if before_paren:
            return _data_label(before_paren.group(1)), True
        if first.isalpha() and " from " in after and _METRIC_RAISED_AFTER.match(after):
            return NodeLabel.DATASET, True  # "improves MathVista accuracy from 58.2% to 65.9% and MathVerse accuracy from ..."
        if first == "," and (_COLLECTION_APPOSITION.match(after) or (ent.proposed and _COUNT_APPOSITION.match(after))):
            return NodeLabel.DATASET, True  # "HardMath-500, a set of 500 competition problems": data
        apposition = _APPOSITION.match(after) if first.isalpha() or first in "(,-–—:" else None
        if apposition:
            if _METHOD_WORD.search(apposition.group(1) + apposition.group(2)):
                return NodeLabel.METHOD, True
            return _data_label(apposition.group(2)), True
        if end <= title_end and "title" in ent.sources:
            rest = text[end:title_end]
            data = _TITLE_DATA.search(rest)
            if data and not _METHOD_WORD.search(rest[: data.start()]):
                return _data_label(data.group(0)), True
    if "title" in ent.sources and ent.proposed:
        # "Microsoft COCO: ..." + "We present a new dataset ...": the title names what the paper presents.
        presented = sentences.presented()
        kinds = {_data_label(noun) if noun.lower() not in _METHOD_NOUNS else NodeLabel.METHOD for noun in presented}
        if kinds and NodeLabel.METHOD not in kinds:
            return (NodeLabel.BENCHMARK if NodeLabel.BENCHMARK in kinds else NodeLabel.DATASET), True
    for long_form in ent.long_forms:
        if not ent.proposed and _TASK_HEAD.search(long_form):
            return NodeLabel.TASK, True
        if long_form.islower() and _PROBLEM_HEAD.search(long_form):
            return NodeLabel.TASK, True  # "a novel solution to word sense induction (WSI)": the problem, not the solution
        if _METRIC_HEAD.search(long_form):
            return NodeLabel.METRIC, True
    longest = max(ent.surfaces, key=len)
    own_head = _NAME_HEAD.search(longest)
    if own_head:
        return _data_label(own_head.group(1)), True
    if _COUNT_SUFFIX.search(longest) and not _SIZE_PART.search(longest):
        return NodeLabel.DATASET, True  # "Alpaca-52K", "UltraChat-200k": a collection named with its size
    if part_label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) and _METHOD_SUFFIX.search(longest):
        return NodeLabel.METHOD, True  # "CoLA-Net": a network named after data, not a part of it
    if part_label in (NodeLabel.METHOD, NodeLabel.DATASET, NodeLabel.BENCHMARK):
        return part_label, True
    if ent.proposed:
        return NodeLabel.METHOD, False
    for start, mention_end in ent.mentions:
        sentence = _sentence_of(sentences, start)
        if sentence is None:
            continue
        before = text[sentence[0] : start]
        before = before[-160:]
        if before.endswith("on ") and _IMPROVING_ON.search(before, max(0, len(before) - 30)):
            continue
        on = _ON_WORD.search(before)  # no list "on X, Y and" can start before the first "on"
        listed = _LIST_BEFORE.search(before, on.start()) if on else (
            _OPENING_LIST.match(before) if before[:1] in "OA" and _LIST_GOES_ON.match(text, mention_end) else None)
        if not listed and " to " in before[-80:]:
            listed = _TRANSFER_LIST.search(before, max(0, len(before) - 80))
        if before.startswith(("On ", "In ", "Across ", "For ")) and _OPENING_ON.fullmatch(before) \
                and (text.startswith(", ", mention_end) or _DATA_PART_AFTER.match(text, mention_end)) \
                and not _SIZE_PART.search(text, start, mention_end) and (
                    sentences.has_eval_cue(sentence) or _PERCENT_VALUE.search(text, mention_end, sentence[1])
                    or _SCORE_VERB_VALUE.search(text, mention_end, sentence[1])):
            return NodeLabel.DATASET, True  # "On ProofNet, it solves 21.0% of problems"
        if listed and before.endswith(", ") and not _LIST_GOES_ON.match(text, mention_end) and (
                _FRONTED_PARTICIPLE.search(before) or _FRONTED_PHRASE.search(before)):
            listed = None  # "Fine-tuned on ImageNet, V-MoE-15B reaches ...": the comma ends the opening phrase
        if listed and not _NOT_EVAL_ON.search(before[-120:]) and sentences.has_eval_cue(sentence) \
                and not (before.startswith("over", listed.start()) and _GAIN_BEFORE_OVER.search(before, 0, listed.start())):
            ent.list_label = True
            return NodeLabel.DATASET, True
    return NodeLabel.METHOD, False


# A sentence opening with a phrase that names data: "Evaluated on X, ...", "On X and Y, ...",
# "Across A, B and C, ..." (up to the name before the comma that may close it).
_FRONTED_PHRASE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:(?:[A-Z][\w\-]+ed|When \w+ed)\s+(?:on|with|to|against|from|in)|On|Across|"
    r"(?:In|For)\s+(?:[a-z][\w\-]*\s+){1,4}?(?:on|in)|"  # ("In semantic segmentation on Cityscapes, X")
    r"(?:With|Using)\s+(?:an?\s+|the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+on)\s+(?:the\s+|both\s+)?"  # ("With UperNet on ADE20K, X")
    + _NAMES_SO_FAR)
# "zero-shot transfer to DeepGlobe and SpaceNet", "generalizes to A, B and C", "adapting a model
# trained on Cityscapes to ACDC": where a model is evaluated without training.
_TRANSFER_LIST = re.compile(
    r"\b(?:(?:transfer(?:s|red|ring)?|generali[sz](?:es|ed|ing|ation))(?:\s+(?:zero-shot|well|directly|robustly))?|"
    r"[Aa]dapt(?:s|ed|ing)?\s+(?:[^\s,.;]+\s+){1,6}?)"
    r"\s*to\s+(?:the\s+)?(?:unseen\s+|held-out\s+)?" + _NAMES_SO_FAR)  # ("generalizes zero-shot to REVERIE and SOON",
                                                                         # "generalises to the unseen X corpus")
# "Adapting a model trained on Cityscapes to ACDC, X improves ...": an opening participle phrase.
_FRONTED_PARTICIPLE = re.compile(r"(?:^|[.!?]\s+|\n)[A-Z][a-z]+(?:-[a-z]+)?(?:ing|ed)\s[^,;.]*$")  # ("Fine-tuned on X, Y ...")
# A sentence opening with names of data only: "On HumanML3D and KIT-ML, X achieves ...".
_OPENING_LIST = re.compile(r"(?:On|Across)\s+(?:the\s+|both\s+)?" + _NAMES_SO_FAR)
# After a name: the list goes on ("A, B and C").
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b|\bor\b)")
_LOWER_WORD_AFTER = re.compile(r"[ \-]([a-z]+)\b")


def _propagate_list_labels(text: str, entities: list[_Entity]) -> None:
    """Names coordinated in one list share a class: in "PromptSource, FLAN, Super-NaturalInstructions,
    and UnifiedSKG" the known datasets make UnifiedSKG a dataset too."""
    mentions = sorted((start, end, ent) for ent in entities for start, end in ent.mentions)
    groups: list[list[_Entity]] = []
    current: list[_Entity] = []
    previous_end = previous_start = -1
    for start, end, ent in mentions:
        gap = _LIST_GAP.match(text, previous_end, start) if current else None
        if gap and gap.group(0).strip() == "," and not _LIST_GOES_ON.match(text, end) and (
                _FRONTED_PHRASE.search(text, max(0, previous_start - 120), previous_start)
                or _FRONTED_PARTICIPLE.search(text, max(0, previous_start - 120), previous_start)):
            gap = None  # "Evaluated on VoiceBank, DiffEnhance achieves ...": the comma ends the opening phrase
        if gap:
            current.append(ent)
        else:
            if len(current) > 1:
                groups.append(current)
            current = [ent]
        previous_start, previous_end = start, end
    if len(current) > 1:
        groups.append(current)
    for group in groups:
        if any(not _lone_short_acronym(e) for e in group):
            for ent in group:
                end = ent.mentions[-1][1]
                modified = _LOWER_WORD_AFTER.match(text, end)  # "RCC subtyping": the acronym qualifies a noun
                ent.listed_with_names = not (modified and modified.group(1) not in STOP_WORDS)
        strong = [e.label for e in group if e.strong_label]
        data = [lab for lab in strong if lab in (NodeLabel.DATASET, NodeLabel.BENCHMARK)]
        if data and len(data) == len(strong):
            label = max(sorted(set(data)), key=data.count)  # sorted: ties break the same way in every run
            for ent in group:
                if not ent.strong_label and not ent.proposed:
                    ent.label = label
        # "experiments on Mistral 7B and LLaMA2-7B": the list is of models when what is known in it is.
        # So is a name typed by its "QA" ending alone, listed with models: "built on GPT-4o and PaperQA2".
        firm = [e.label for e in group if e.strong_label and not e.list_label and not _typed_by_qa_ending(e)]
        if firm and all(label is NodeLabel.METHOD for label in firm):
            for ent in group:
                if ent.list_label or _typed_by_qa_ending(ent):
                    ent.label = NodeLabel.METHOD


_QA_ENDING = re.compile(r"[A-Z][A-Za-z]+QA\d*")


def _typed_by_qa_ending(ent: _Entity) -> bool:
    """Is an entity a benchmark only because its name ends in "QA" ("PaperQA2" is a system)?"""
    return ent.sources <= {"shape", "bench-name"} and all(_QA_ENDING.fullmatch(s) for s in ent.surfaces)


_INTRODUCING_VERBS = ("introduce", "propose", "present", "release", "describe", "construct")
_INTRODUCES_NAME = re.compile(
    rf"\b(?:(?:[Ww]e|[Tt]his (?:paper|work|report))\s+|"
    # ("We revisit AdamW and propose AdamW-S": a second verb of ours, after a short object)
    rf"\b[Ww]e\s+[a-z]+\s+(?:[\w\-.]+\s+){{1,3}}?and\s+)"
    rf"(?:{'|'.join(_INTRODUCING_VERBS)})s?\s+(?:the\s+)?"
    rf"(?:(?:a|an)\s+(?:new\s+|novel\s+)?(?:[\w\-]+\s+){{0,2}}?(?:model|method|dataset|benchmark|tool|network|system),\s+)?$"
)
_REVISITING = re.compile(r"\b(?:Revisited|Revisiting|Rethinking|Reconsidered|Re-?examined|Re-?examining)\b")
# What may follow a name that starts the title for the title to be about it.
_TITLE_NAME_END = re.compile(r"\s*(?::|\n)|\s+(?:for|with|via|by|using)\s", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.IGNORECASE)
_PRIOR_WORK = re.compile(
    r"\b(?:such as|like|e\.g\.|including|based on|previous|existing|prior|baselines?|compared (?:with|to)|unlike|than|"
    r"popular|standard|conventional|traditional|widely|versus|vs\.?|us(?:e|es|ing)|leverag\w*|adopt\w*|apply\w*|"
    r"utiliz\w*|incorporat\w*|outperform\w*|surpass\w*|beat\w*|exceed\w*|"
    # ("objects are labeled by Set-of-Mark (SoM)": a tool the data was made with)
    r"(?:label|annotat|mark|tagg|generat)\w*\s+(?:by|with))\b[^.;]{0,60}$",
    re.IGNORECASE,
)


def _defined_in_own_work(text: str, ent: _Entity, sentences) -> bool:
    """A name defined with its acronym in a sentence about the authors' own work, unless the
    sentence measures on it ("accuracy on the validation set of Real-World Affective Faces (RAF)")
    or poses it as the problem ("we formulate detection as a Multiple Instance Learning (MIL) problem")."""
    for long_form in ent.long_forms:
        offset = ent.surfaces[long_form]
        sentence = _sentence_of(sentences, offset)
        if sentence and _WE.search(text[sentence[0] : sentence[1]]) and not _PRIOR_WORK.search(text[sentence[0] : offset]):
            if _MEASURED_ON_BEFORE.search(text, max(sentence[0], offset - 40), offset):
                continue
            if _POSED_AFTER.match(text, offset + len(long_form)):
                continue
            return True
    return False


_MEASURED_ON_BEFORE = re.compile(r"\b(?:on|than|over|using|via|(?:sets?|splits?|subsets?|partitions?)\s+of)\s+(?:the\s+)?$")
# "Long Form (LF) problem": a definition followed by what it names, a problem (a "setting" may be the
# paper's own: "we propose few-shot learning for a multimodal multitask multilingual (FM3) setting")
_POSED_AFTER = re.compile(r"\s*\([^()]{1,20}\)\s+(?:problems?|tasks?|formulations?)\b")


# "we propose a method based on X": words between the verb and a name that make it someone else's.
_CALLED_RIGHT_BEFORE = re.compile(r"\b(?:called|named|termed|dubbed)\s+$")
_IN_WHICH_A_KIND = re.compile(r",\s+in\s+which\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+,\s+$")
_NOT_OWN_BETWEEN = re.compile(
    # whole words only: "on" in "try-on" is not the preposition
    r"(?<![\w\-])(?:based on|using|with|via|from|upon|leverag\w*|than|over|like|such as|including|for|of|on|to|by|which|that|"
    r"outperform\w*|surpass\w*|beat\w*|compar\w*)(?![\w\-])",
    re.IGNORECASE,
)


# "DPN-131", "DialSynth-7B", "ZetaLM 1.5B", "VMamba-D-S" (a size letter), "StormNet-Ens", "ZetaLM-base"
_NUMBERED_VARIANT = re.compile(r"(.+)(?:-\d+(?:\.\d+)?[a-zA-Z]?|-\d+-?bits?|-A\d+(?:\.\d+)?B|\s\d+(?:\.\d+)?[BMK]|-(?:[STBLHG]|XL)|"
                               r"-[A-Z][a-z]{1,9}|-(?:tiny|mini|small|base|large|lite))")


def _variant_of(surface: str, own_names: set[str]) -> bool:
    """Is ``surface`` a size or variant of one of ``own_names`` ("DPN-131"; "DRN-C-26": a letter
    of a family, then a depth)?"""
    for _ in range(3):  # ("Qwen2.5-Coder-32B-Instruct": a size, then a variant, of Qwen2.5-Coder)
        variant = _NUMBERED_VARIANT.fullmatch(surface)
        if variant is None:
            return False
        surface = variant[1]
        if surface in own_names or (surface[-2:-1] == "-" and surface[-1:].isupper() and surface[:-2] in own_names):
            return True
    return False


def _joins_own_name(surface: str, own_names: set[str]) -> bool:
    """Is ``surface`` another name hyphenated to one of the paper's own ("Mistral-7B-RefPO")?"""
    if "-" not in surface:
        return False
    head, _, tail = surface.rpartition("-")
    first, _, rest = surface.partition("-")
    return (tail in own_names and len(tail) > 2 and any(c.isupper() for c in head)) or (
        first in own_names and len(first) > 2 and rest[:1].isupper())


def _mark_parts_of_own_work(text: str, entities: list[_Entity], sentences) -> None:
    """A method defined with its acronym in a sentence that names one of the paper's own methods
    first is one of its parts ("TRISHUL employs Hierarchical Screen Parsing (HSP) and ...")."""
    own_starts = sorted(m[0] for e in entities if e.proposed and not e.weak for m in e.mentions)
    if not own_starts:
        return
    own_names = {surface for e in entities if e.proposed and not e.weak for surface in e.surfaces}
    own_names |= {name[:-1] for name in own_names if name.endswith("s") and name[:-1].isupper()}  # ("DRNs": DRN-26)
    # ... and the initials of a title-case name ("Dilated Residual Networks": DRN-C-26)
    own_names |= {"".join(w[0] for w in name.split()) for name in own_names
                  if len(name.split()) >= 3 and all(w[:1].isupper() for w in name.split())}
    for ent in entities:
        if not ent.proposed and not ent.gazetteer and not ent.weak and any(
                _variant_of(surface, own_names) or _joins_own_name(surface, own_names) for surface in ent.surfaces):
            # "a deeper DPN (DPN-131)" of a paper that proposes DPN: a size of its own method (or its
            # own data named after it: "LongWriter-6k, a dataset of 6,000 examples"); a model
            # trained with its own method or on its own data: "Mistral-7B-RefPO", "PolyInstruct-T5"
            ent.proposed = True
            if not (ent.strong_label and ent.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK)):
                ent.label = NodeLabel.METHOD
            continue
        # (A Task here was typed by its head word, "... Parsing", which is only done for names not proposed.)
        if ent.proposed or ent.gazetteer or ent.weak or ent.label not in (NodeLabel.METHOD, NodeLabel.TASK):
            continue
        if ent.label is NodeLabel.METHOD and _listed_as_own_parts(text, ent, own_starts, sentences):
            ent.proposed = True  # "CornerNet-Lite is a combination of two variants of CornerNet: A, ..., and B, ..."
            continue
        for long_form in ent.long_forms:
            if not all(w[:1].isupper() or w in MINOR_WORDS for w in long_form.split()):
                continue  # a coined part is written in title case; "Bayesian optimization (BO)" is a known technique
            offset = ent.surfaces[long_form]
            sentence = _sentence_of(sentences, offset)
            if sentence is None:
                continue
            first_own = bisect.bisect_left(own_starts, sentence[0])
            if first_own < len(own_starts) and own_starts[first_own] < offset \
                    and not _PRIOR_WORK.search(text[sentence[0] : offset]) \
                    and not _COMPARISON_BEFORE.search(text, own_starts[first_own], offset):
                # (not "X has an error of 4.1%, compared with 9.7% for the Fourier Neural Operator (FNO)": the compared)
                ent.proposed, ent.label = True, NodeLabel.METHOD
                break


# "X is a combination of two efficient variants of CornerNet: A, which ..., and B": what X is made of
_PARTS_COLON = re.compile(r"\s+(?:is|are)\s+(?:a\s+combination|made\s+up|composed|built)\s+of\s+(?:two|three|four)\s+"
                          r"(?:[\w\-]+\s+){0,2}?(?:variants|components|modules|parts|models|networks|versions)"
                          r"(?:\s+of\s+[^\s:]+)?\s*:\s+")


def _listed_as_own_parts(text: str, ent: _Entity, own_starts: list[int], sentences) -> bool:
    """Is the entity listed, after a colon, as a part of the paper's own method that opens the sentence?"""
    for start, _ in ent.mentions:
        sentence = _sentence_of(sentences, start)
        if sentence is None or ":" not in text[sentence[0] : start]:
            continue
        first_own = bisect.bisect_left(own_starts, sentence[0])
        if first_own < len(own_starts) and own_starts[first_own] - sentence[0] <= 4:
            own_end = text.find(" ", own_starts[first_own])
            parts = _PARTS_COLON.match(text, own_end) if own_end >= 0 else None
            if parts is not None and parts.end() <= start:
                return True
    return False


# The method nouns that end a title's method name, and "Decoder" and "Model", after a bracket.
_METHOD_HEAD_AFTER = re.compile(
    r"\)\s+(?:" + "|".join(sorted(set(METHOD_HEADS.values()) | {"Decoder", "Model"})) + r")s?\b")
# A title's prepositions, less "with" ("... with the X Network" names the paper's own), and "of".
_AFTER_TITLE_PREPOSITION = re.compile(
    r"\s(?:" + "|".join(sorted((TITLE_PREPOSITIONS - {"with"}) | {"of"})) + r")\s+$")


_TO_OBTAIN = re.compile(r"\b(?:to|and)\s+(?:obtain|produce|create|build)\s+" + _NAMES_SO_FAR)  # ("..., and obtain MathLlama-7B")
_IS_A_AFTER = re.compile(r"\s+(?:is|are)\s+(?:a|an)\s")
_UNNAMED_PROPOSAL = re.compile(r"\s*(?:a|an)\s+(?:novel\s+|new\s+)?[a-z]")


def _named_after_unnamed_proposal(text: str, sentences: "_Sentences", sentence: tuple[int, int], start: int) -> bool:
    """Is the name at ``start`` the subject of the sentence right after one that proposes something
    without naming it ("We present a novel neural network ...")?"""
    if text[sentence[0] : start].strip() not in ("", "The", "Our"):
        return False
    i = bisect.bisect_left(sentences.starts, sentence[0]) - 1
    if i < 0:
        return False
    previous = sentences[i]
    return any(_UNNAMED_PROPOSAL.match(text, b) for _, b in sentences.proposals(previous))


_OUR_NEW_AFTER = re.compile(r",\s+our\s+(?:new|novel|own|proposed)\s")
# "train a 1B-parameter ViT, " (the name in apposition comes next): what the paper trains, of its kind
_TRAIN_A_KIND = r"(?:pre-?)?train\s+(?:a|an)\s+(?:[\w\-.]+\s+){0,3}?[\w\-./]+,\s+"
_WE_TRAIN_A_KIND = re.compile(rf"\b[Ww]e\s+(?:[\w\-]+\s+){{0,8}}?{_TRAIN_A_KIND}$")
_WE_TRAIN = re.compile(r"\b[Ww]e\s+(?:also\s+)?(?:pre-?)?train\s+$")
# ("We generate synthetic queries ... and train mContriever-Syn on them": the same subject, a second verb)
_WE_AND_TRAIN = re.compile(r"\s*[Ww]e\s+[a-z]+\s+[^.;]{0,120}?\band\s+(?:then\s+)?(?:pre-?)?train\s+$")
_WE_MADE_APPOSITION = re.compile(r",\s+an?\s+[^.;()]{0,120}?\b(?:that|which)\s+we\s+(?:generate|create|build|collect|construct|"
                                 r"curate|synthesi[sz]e|release|introduce|propose|design)\b|"
                                 # "We test this assumption on PopQA, a new dataset of 14K questions"
                                 r",\s+an?\s+(?:new|novel)\s+(?:[\w\-]+\s+){0,3}?(?:dataset|benchmark|corpus|suite|testbed)\b")
_OF_THIS_PAPER_AFTER = re.compile(r"\s+(?:software|code|toolkit|library|package|system|model)\s+(?:associated\s+with|accompanying|"
                                  r"released\s+with)\s+this\s+(?:paper|work|article)\b")
_YIELDS_A_MODEL = re.compile(r"\b(?:yields?|yielding|produces?|producing|results\s+in|gives)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?"
                             r"(?:model|policy|agent|system|network|checkpoint|reranker|retriever)\s*,\s+$")
_FORMING_THE = re.compile(r"\b(?:form(?:s|ing)?|resulting\s+in|yielding)\s+the\s+$")
_OURS_YIELD = re.compile(r"\b(?:[Tt]he resulting|[Oo]ur)\s+(?:[\w\-]+\s+){0,2}(?:yields|produces)\s+$")
# What the paper makes of something else (on the lowercased text).
_MADE_INTO = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:distil|compress|turn|convert|packag|consolidat|merg|fus)\w*\b"
                        r"[^.]{0,80}\binto $|\bfine-?tun\w*\s+(?:[\w\-.]+\s+){1,3}into $")
# ... or into a thing of some kind that it names in apposition: "into a compact cross-encoder, ListDistil-base,"
_INTO_A_KIND = re.compile(r"\binto\s+an?\s+(?:[\w\-]+\s+){0,3}[\w\-]+,\s$")


def _proposed_by_context(text: str, ent: _Entity, sentences, title_end: int) -> bool:
    for start, end in ent.mentions:
        if (_OF_THIS_PAPER_AFTER.match(text, end)  # "since the release of the pix2pix software associated with this paper"
                or _OUR_NEW_AFTER.match(text, end)  # "We benchmark 13 models on LongFact, our new prompt set"
                # "We ... train a 1B-parameter ViT, DINO-G, on LVD-142M": the model the paper trains, named
                or (text.endswith(", ", 0, start) and _WE_TRAIN_A_KIND.search(text, max(0, start - 100), start))):
            return True
    if ent.gazetteer:
        # A known name is proposed only by the paper titled by it ("Tree of Thoughts: ...", "Mistral 7B",
        # "Matching Networks for One Shot Learning"), introduced by name right after the verb ("we introduce
        # GSM8K, a dataset ...", "This paper describes Tacotron 2"), or called the paper's own ("our DeepFM").
        for surface in ent.surfaces:
            if text.startswith(surface) and _TITLE_NAME_END.match(text, len(surface)) \
                    and not _REVISITING.search(text, 0, title_end):  # (not "Adam with Decoupled Weight Decay Revisited")
                return True
        for start, end in ent.mentions:
            window = text[max(0, start - 60) : start]
            if any(verb in window for verb in _INTRODUCING_VERBS) and _INTRODUCES_NAME.search(window):
                return True
            if window.rstrip().rstrip(",").lower().endswith(_OURS_ENDINGS) and _OURS.search(window) and not (
                    ent.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) and not _DATA_AFTER.match(text[end : end + 40])):
                return True  # (not "Our CIFAR-10 model", "our ImageNet Challenge 2014 submission": the data's, not new data)
        return False
    for start, end in ent.mentions:
        if start < title_end and ent.sources & _NAMING_SOURCES and not _AFTER_TITLE_PREPOSITION.search(text, 0, start):
            # (not "Pairwise Confusion for Fine-Grained Visual Classification": what a title names
            # after its preposition is the task or the setting, not what the paper proposes)
            return True
        window = text[max(0, start - 60) : start]
        if window.rstrip().rstrip(",").lower().endswith(_OURS_ENDINGS) and _OURS.search(window):
            return True
        if window.endswith(("yields ", "produces ")) and _OURS_YIELD.search(window):
            return True  # "The resulting recipe yields MiniLM-Pro-1B"
        if window.endswith(", ") and _YIELDS_A_MODEL.search(window) and _FIRST_PERSON.search(
                sentences.lowered, max(0, start - 160), start):
            return True  # "Fine-tuning Llama 2 70B on three iterations of our approach yields a model, X, that ..."
        sentence = _sentence_of(sentences, start)
        if sentence is not None and window.endswith((", yielding ", ", producing ", ", resulting in ")) \
                and _FIRST_PERSON.search(sentences.lowered, sentence[0], start):
            return True  # "We adapt SAM to medical imaging with prompt tokens, yielding MedPrompt-SAM"
        if sentence is not None and window.endswith(" the ") and _FORMING_THE.search(window) \
                and _DATA_AFTER.match(text[end : end + 40]) and _FIRST_PERSON.search(sentences.lowered, *sentence):
            return True  # "We synthesize 150K trajectories ..., forming the DroidTraj dataset"
        if text.startswith(", a", end) and _WE_MADE_APPOSITION.match(text, end):
            return True  # "on DocSynth-300K, a synthetic dataset of 300K pages that we generate with ..."
        if window.endswith(("train ", "pretrain ", "pre-train ")) and (
                _WE_TRAIN.search(window) or (sentence is not None and _WE_AND_TRAIN.match(text, sentence[0], start))) and (
                _APPOSITION.match(text[end : end + 80]) or text.startswith(" on ", end)):
            # "We train mE5-Para, a multilingual embedding model ...", "We train Huginn-3.5B on 800B
            # tokens": a name new to the field (a known one is not proposed so: "we train ResNet-50 on ImageNet")
            return True
        if sentence is None:
            continue
        if (" to " in window or " and " in window) and _TO_OBTAIN.search(window) and _FIRST_PERSON.search(sentences.lowered, *sentence):
            return True  # "we fine-tune Mistral-7B and Llama-3-8B on it to obtain ChemLLM-7B and ChemLLM-8B"
        if start - sentence[0] <= 4 and _IS_A_AFTER.match(text, end) and _named_after_unnamed_proposal(
                text, sentences, sentence, start):
            return True  # "We present a novel neural network for sequences. The ByteNet is a one-dimensional CNN ..."
        if text[start - 1 : start] == "(" and _PROPOSED_AFTER.match(text, start, sentence[1]):
            return True  # "an approximate least squares estimate (ALSE) method is proposed"
        if text.endswith(" into ", 0, start) and (text.startswith((", a ", ", an "), end) or (
                "shape" in ent.sources and _FIRST_PERSON.search(sentences.lowered, *sentence))) \
                and _MADE_INTO.search(sentences.lowered, max(sentence[0], start - 120), start):
            # "We distill the ranking ability of GPT-4 into RankLite, a 3B-parameter reranker", "... and use
            # it to fine-tune LLaVA-1.6 into ChartLLaVA" (a coined name, in a sentence of the authors)
            return True
        into_a_kind = _INTO_A_KIND.search(window) if window.endswith(", ") and text.startswith((",", " ("), end) else None
        if into_a_kind is not None and "shape" in ent.sources and _MADE_INTO.search(
                sentences.lowered, max(sentence[0], start - 160), start - len(window) + into_a_kind.start() + len("into ")):
            return True  # "We distill the rankings of RankGPT into a compact cross-encoder, ListDistil-base, with ..."
        proposal_end = max((b for a, b in sentences.proposals(sentence) if b <= start), default=None)
        if proposal_end is not None:
            between = text[proposal_end:start]
            if between.rstrip().endswith(", and") and len(between.split()) <= 30 and _APPOSITION.match(text[end : end + 80]):
                return True  # "We introduce X, a model that treats slices as frames, and Y, a dataset of ..."
            if len(between.split()) <= 12 and _IN_WHICH_A_KIND.search(between):
                return True  # "We propose HyperTuning, in which a hypermodel, HyperT5, generates ...": its part
            if len(between.split()) <= 12 and (not _NOT_OWN_BETWEEN.search(between) or (
                    between.rstrip().endswith(", and") and _APPOSITION.match(text[end : end + 80])) or (
                    between.endswith((" as ", " as the ")) and _DATA_AFTER.match(text[end : end + 40]))):
                # ("We release our data of 2,000 demonstrations as the BiChunk dataset": released, named)
                # ("We introduce X, trained on 400K labels, and Y, a suite of ...": Y is introduced too)
                return True
    return False


def _not_proposed_title_techniques(live: list[_Entity], title_end: int) -> None:
    """A known name that opens the title and never comes back in the abstract ("Retrieval-Augmented
    Generation for Clinical Question Answering" + "We propose MedRAG-X, which retrieves ...") is
    what the paper builds on, when the abstract proposes a method of another name. (Alone, it is
    the paper's: "Matching Networks for One Shot Learning".)"""
    in_title_only = [ent for ent in live if ent.proposed and ent.gazetteer and ent.label is NodeLabel.METHOD
                     and all(start < title_end for start, _ in ent.mentions)]
    if in_title_only and any(ent.proposed and not ent.gazetteer and ent.label is NodeLabel.METHOD
                             and any(start > title_end for start, _ in ent.mentions) for ent in live):
        for ent in in_title_only:
            ent.proposed = False


def _without_title_descriptions(text: str, live: list[_Entity], title_end: int) -> list[_Entity]:
    """Drop a title's opening phrase ("Scalable Graph Transformers for ...") that the abstract
    never repeats when the abstract proposes a coined name of its own ("We propose MolGT"): the
    title describes that method, it does not name it. (Not a name before the title's colon.)"""
    described = [ent for ent in live if ent.sources == {"title"} and ent.label is NodeLabel.METHOD
                 and ent.mentions and all(end <= title_end for _, end in ent.mentions)
                 and " " in next(iter(ent.surfaces)) and not text[ent.mentions[0][1] :].lstrip().startswith(":")]
    coined = [ent for ent in live if ent.proposed and "shape" in ent.sources and ent.mentions[-1][0] > title_end
              and ent.label is NodeLabel.METHOD]
    if not described or not coined:
        return live
    # ("Dilated Residual Networks" and "DRN-C-26": the coined name is a variant of the title's own)
    initials = {"".join(w[0] for w in next(iter(ent.surfaces)).split()): ent for ent in described}
    named = {id(initials[i]) for ent in coined for s in ent.surfaces for i in initials if s.startswith(i + "-")}
    return [ent for ent in live if ent not in described or id(ent) in named]


# After a name: the rest of a list of names, then "split(s)": "the val, testA, and testB splits of RefCOCO".
_SPLIT_AFTER = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?[\w\-]+|\s+(?:and|or)\s+[\w\-]+)*\s+splits?\b")


_PROCESSOR_AFTER = re.compile(r"\s+(?:GPUs?|CPUs?|TPUs?|NPUs?|graphics\s+cards?)\b")


def _names_hardware(text: str, ent: _Entity) -> bool:
    """Is every mention of the name a processor's ("on an Nvidia V100 GPU and an Intel Xeon CPU")?"""
    return not ent.gazetteer and all(_PROCESSOR_AFTER.match(text, end) for _, end in ent.mentions)


def _names_a_split(text: str, ent: _Entity) -> bool:
    """Is the entity only ever a split of some data ("testA", "the ABC-D split")? A part of a
    dataset's files, not a dataset of its own (nor a method). Known names stay."""
    if ent.gazetteer or ent.proposed:
        return False
    return all(_SPLIT_AFTER.match(text, end) for _, end in ent.mentions)


# A score given to a system in a comparison: "compared to 4.52 for GPTQ and 4.21 for ".
# ("compared with 38% for policies trained on demonstrations alone and 49% for R3M": a second score after a description)
_SCORE_FOR_BEFORE = re.compile(r"\b(?:compared (?:to|with)|than|versus|vs\.?|against|up from)\s(?:[^.;]|\.\d){0,80}?(?<![\w.])\d[\d.,]*%? for $")


def _lone_short_acronym(ent: _Entity) -> bool:
    return ent.sources <= {"shape"} and all(s.isupper() and len(s) <= 3 for s in ent.surfaces) and len(ent.mentions) == 1


def _looks_generic(ent: _Entity) -> bool:
    """Used entities with only lowercase long forms are generic concepts, not names."""
    if ent.gazetteer:
        return False
    if _lone_short_acronym(ent) and not ent.listed_with_names:
        return True  # a lone three-letter acronym never defined or reused, nor listed with other names
    if all(names_languages(s) for s in ent.surfaces):
        return True  # "English and Chinese datasets", "experiments on Arabic-English": languages, not data
    # "research at LIMSI", "the Computing Research Laboratory (CRL)": who did the work, not what it
    # is; but "the NIST corpus" is data, as the text says.
    if any(_ORGANISATION_HEAD.search(f) for f in ent.long_forms) or (
            all(s in _RESEARCH_BODIES for s in ent.surfaces)
            and not (ent.strong_label and ent.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK))):
        return True
    return False


_RESEARCH_BODIES = data_words("organisations.txt")  # agencies and laboratories


_ORGANISATION_HEAD = re.compile(
    r"\b(?:Laborator(?:y|ies)|Lab|Institute|University|Agency|Consortium|Foundation|Committee|Council|Corporation|"
    r"Company|Department|Ministry|Association|Society|Working [Gg]roup|Research Center|Research Centre)$")


_RELEASE = re.compile(r"\b(?:release[sd]?|releasing|(?:publicly|freely) available|open[- ]sourced?|make\s+\S+\s+available|"
                      r"future research)\b", re.IGNORECASE)


def _only_released(text: str, sentences: "_Sentences", start: int) -> bool:
    """Is this mention in a sentence of the abstract that releases data, or builds it to train on
    ("To train it, we construct X, a dataset of ..."), rather than reports on it?"""
    sentence = _sentence_of(sentences, start)
    if sentence is None or start < text.find("\n"):
        return False  # the title names what the paper is about
    return (_RELEASE.search(text, *sentence) is not None or _TO_TRAIN.match(text, sentence[0]) is not None
            or _TO_TRAIN_AFTER.search(text, start, sentence[1]) is not None
            or _TRAINED_ON_IT.search(text, start, sentence[1]) is not None) and (
        # (the sentence's own description of the data, "a collection of ten math benchmarks with a
        # unified evaluation protocol", is no sign that results on it are reported)
        not sentences.has_eval_cue(sentence) or _REPORTED_CUE.search(text, *sentence) is None)


# "We introduce X, a dataset of ..., and Y, a Mistral-7B model fine-tuned on it"
_TRAINED_ON_IT = re.compile(r"\b(?:fine-?tuned|trained|pre-?trained)\s+on\s+(?:it|them)\b")
_REPORTED_CUE = re.compile(r"\b(?:experiment\w*|results|achiev\w*|outperform\w*|surpass\w*|state-of-the-art|accuracy|"
                           r"improv\w*|scores?|reach(?:es|ed)?|evaluat\w*\s+(?:on|it|them|models?))\b|\d\s?%", re.IGNORECASE)
_TO_TRAIN = re.compile(r"(?:To|In order to)\s+(?:train|pre-?train|fine-?tune)\b|For\s+(?:pre-?)?training\b")
# "We also introduce the X dataset to fine-tune models for speech output": built to train on
_TO_TRAIN_AFTER = re.compile(r"\s(?:in\s+order\s+)?to\s+(?:further\s+)?(?:train|pre-?train|fine-?tune)\b")


def _evaluated_on(text, sentences, by_name: dict[str, _Entity], extractor: str, scorer=None) -> list[ExtractedRelation]:
    candidates = []  # (name, mention to cite, rule says yes, features)
    data = [(name, ent) for name, ent in by_name.items()
            if ent.label in (NodeLabel.DATASET, NodeLabel.BENCHMARK) and not ent.weak]
    # Data a model is trained on, where the sentence names other data ("X fine-tuned on WeakSet
    # achieves 24.6% on AlpacaEval"): not what the paper evaluates on. Alone, it may be ("Fine-tuned
    # on GLUE, X scores 88.1": a benchmark's tasks are tuned on).
    trained_on = {(start, end) for _, ent in data for start, end in ent.mentions
                  if sentences.trained_on(start)}
    if trained_on:  # ... and its short form in brackets: "trained on the Stanford Natural Language Inference (SNLI) corpus"
        trained_on |= {short for _, ent in data for long, short in zip(ent.mentions, ent.mentions[1:])
                       if long in trained_on and text[long[1] : short[0]].strip() == "("}
    evaluation_mentions = sorted((start, name) for name, ent in data for start, end in ent.mentions
                                 if (start, end) not in trained_on) if trained_on else []
    # Data a survey names, or named only in the background (see _in_the_background): not data the
    # paper reports on.
    surveyed = _is_survey(text)
    background = {name for name, ent in data if not ent.proposed
                  and (surveyed or all(_in_the_background(text, sentences, start) for start, _ in ent.mentions))}
    title_end = text.find("\n")
    for name, ent in data:
        # A dataset or benchmark a paper introduces is one it reports results on, unless it is only
        # released ("Finally, we release X, a dataset ... to facilitate future research").
        # (a title naming it says what the paper is about, not that results on it are reported: it
        # decides only when the abstract does not name it)
        in_abstract = [start for start, _ in ent.mentions if start > title_end] or [start for start, _ in ent.mentions]
        introduced = ent.proposed and not all(_only_released(text, sentences, start) for start in in_abstract)
        if introduced and ent.label is NodeLabel.DATASET and trained_on and any(m in trained_on for m in ent.mentions) \
                and not any(m not in trained_on and sentences.has_eval_cue(_sentence_of(sentences, m[0]) or (0, 0))
                            for m in ent.mentions):
            introduced = False  # "We release PolyInstruct ... Fine-tuning mT5 on PolyInstruct yields ...": training data
        cited = None
        only_trained_on = bool(trained_on) and not introduced
        for start, end in ent.mentions:
            sentence = _sentence_of(sentences, start)
            if sentence and (start, end) in trained_on and (
                    not _eval_cue_outside(sentences, sentence, start, end) or _source_of_training(text, start)
                    or _COMPONENT_TRAINED_BEFORE.search(text, max(sentence[0], start - 40), start)
                    or _zero_shot(sentences, sentence) or _HELD_OUT_EVAL.search(text, *sentence) or any(
                    sentence[0] <= other_start < sentence[1] and other != name for other_start, other in evaluation_mentions)):
                continue  # (nor "X is trained on 40 years of ERA5 and fine-tuned ...", with no result said)
            only_trained_on = False
            if sentence and (introduced or sentences.has_eval_cue(sentence)):
                cited = (start, end)
                break
        features = _evaluated_on_features(text, sentences, ent, introduced) if scorer is not None else None
        released = ent.proposed and not introduced  # (the scorer reads "proposed" as a yes)
        candidates.append((name, cited or ent.mentions[0], cited is not None, features,
                           only_trained_on or released or name in background))
    if scorer is not None:
        keep = scorer.score("EVALUATED_ON", [c[3] for c in candidates], [c[2] for c in candidates],
                            [(c[0], None) for c in candidates])
        keep = [yes and not c[4] for yes, c in zip(keep, candidates)]  # (what the scorer cannot tell apart)
    else:
        keep = [c[2] and not c[4] for c in candidates]
    relations = []
    for (name, (start, end), _, _, _), yes in zip(candidates, keep):
        if yes:
            evidence = _evidence(text, sentences, start, extractor, 0.7, ((start, end),))
            relations.append(ExtractedRelation(type="EVALUATED_ON", target=name, evidence=evidence))
    return relations


def _in_the_background(text: str, sentences: "_Sentences", start: int) -> bool:
    """Is the data name at ``start`` named as background, not as data the paper reports on: cited as
    an example of what exists ("Existing environments such as WebShop and Mind2Web ..."), what new
    data is larger than, the platform something is built or trained in ("built in Isaac Gym"), data
    turned into other data or linked to, with no result said, or data not used at all ("without
    using any ADE20K annotations")?"""
    return (_cited_as_example(text, sentences, start) or _outsized_by_new_data(text, start)
            or _PLATFORM_BEFORE.search(text, max(0, start - 40), start) is not None
            or _processed_source(text, sentences, start)
            or _WITHOUT_BEFORE.search(text, max(0, start - 30), start) is not None)


# A survey ("In this survey, we review ...") reports no experiments of its own, unless it says so.
_SURVEY = re.compile(r"\b(?:[Ii]n this (?:survey|review)|[Tt]his (?:survey|review) (?!of\b)|[Ww]e (?:survey|review)\b|^(?:An?\s+)?(?:[\w\-]+\s+)?(?:Survey|Review)\b)")
_OWN_EXPERIMENTS = re.compile(r"\b(?:[Ww]e (?:\w+ )?(?:evaluate|benchmark|conduct|run|compare|test|experiment|measure)|"
                              r"[Oo]ur (?:experiments|results|evaluation|analysis shows)|[Ee]xperiments (?:show|on|demonstrate))")


def _is_survey(text: str) -> bool:
    """Is ``text`` a survey's that reports no experiments of its own?"""
    return ("urvey" in text or "eview" in text) and _SURVEY.search(text) is not None and _OWN_EXPERIMENTS.search(text) is None


# "without using any ADE20K annotations": data not used at all
_WITHOUT_BEFORE = re.compile(r"\bwithout\s+(?:(?:using|any|the|its|their|access\s+to)\s+)*$", re.IGNORECASE)
# "We translate the Alpaca instruction data into 12 languages": data turned into other data
_PROCESSED_BEFORE = re.compile(r"\b(?:translat|filter|convert|re-?annotat|relabel|deduplicat|augment)\w*\s+(?:the\s+)?$|"
                               # "links entities mentioned in the conversation to DBpedia": a resource used
                               r"\b(?:link|map|ground)(?:s|ed|ing)?\b[^.;,]{0,60}?\b(?:to|in|into|onto)\s+(?:the\s+)?$",
                               re.IGNORECASE)


def _processed_source(text: str, sentences: "_Sentences", start: int) -> bool:
    """Is the name at ``start`` data the sentence turns into other data, with no result said?"""
    if not _PROCESSED_BEFORE.search(text, max(0, start - 90), start):
        return False
    sentence = _sentence_of(sentences, start)
    return sentence is not None and not sentences.has_eval_cue(sentence)


# "Trained on P3 and MetaICL, X reaches 89% of ... on held-out tasks": the results are on other data
_HELD_OUT_EVAL = re.compile(r"\b(?:held-out|unseen)\s+(?:[\w\-]+\s+)?(?:tasks|datasets|domains|benchmarks|languages)\b|"
                            r"\b(?:transfer|downstream)\s+tasks\b")  # ("... can outperform X on a wide range of transfer tasks")
# "a DenseNet-121 backbone pre-trained on ImageNet": what a part of the model was trained on
_COMPONENT_TRAINED_BEFORE = re.compile(r"\b(?:backbones?|encoders?|weights|features|embeddings)\s+(?:pre-?trained|trained)\s+on\s+(?:the\s+)?$")
_PLATFORM_BEFORE = re.compile(r"\b(?:(?:built|implemented|developed|simulated|constructed)\s+(?:in|on|with|using)|"
                              r"(?:trained|train|training)\s+in)\s+(?:the\s+)?$")  # ("Policies are trained in Isaac Gym")
# "larger than A and B", "ten times bigger than the A", "more diverse than A": a comparison of sizes.
_SIZE_THAN = re.compile(r"\b(?:larger|bigger|more\s+diverse)\s+than\s+(?:the\s+)?"
                        r"(?:[^\s,;()]+(?:\s+[^\s,;()]+){0,3}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)*$")


def _outsized_by_new_data(text: str, start: int) -> bool:
    """Is the name at ``start`` data that the paper's data is said to be larger than?"""
    window = text[max(0, start - 80) : start]
    return " than " in window and _SIZE_THAN.search(window) is not None


def _zero_shot(sentences: "_Sentences", sentence: Optional[tuple[int, int]]) -> bool:
    """Does the sentence evaluate zero-shot (so that data trained on in it is not what it reports on)?"""
    return sentence is not None and sentences.lowered.find("zero-shot", *sentence) >= 0


def _eval_cue_outside(sentences: "_Sentences", sentence: tuple[int, int], start: int, end: int) -> bool:
    """Does the sentence talk about experiments or results in words other than the name at
    ``start``? ("trained on the 1 Billion Word Benchmark": the name's own "Benchmark" says nothing)"""
    if not sentences.has_eval_cue(sentence):
        return False
    return (_EVAL_CUE_LOWERED.search(sentences.lowered, sentence[0], start) is not None
            or _EVAL_CUE_LOWERED.search(sentences.lowered, end, sentence[1]) is not None)


# "benchmarks such as A, B and C" (the name being one of the list), in a sentence of what exists.
_EXAMPLES_BEFORE = re.compile(
    r"\b(?:benchmarks|datasets|data\s?sets|corpora|environments|suites|testbeds|leaderboards|evaluations|tests)\s+(?:such\s+as|like|e\.g\.,?)\s+"
    r"(?:[^\s,;()]+(?:\s+[^\s,;()]+){0,3}(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+))*$",
    re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours)\b")


def _cited_as_example(text: str, sentences: "_Sentences", start: int) -> bool:
    """Is the name at ``start`` one of the examples the subject of a sentence gives of existing
    data ("Existing benchmarks such as ChartQA and DocVQA cover charts"), in a sentence that does
    not speak for the authors? (Not "X produces strong results across benchmarks like A and B".)"""
    sentence = _sentence_of(sentences, start)
    if sentence is None or start < text.find("\n"):
        return False
    a, b = sentence
    lowered = sentences.lowered
    if lowered.startswith("unlike ", a) and lowered.find(",", a, start) < 0:
        return True  # "Unlike miniF2F and ProofNet, every statement in X was checked": what the new data is not
    if lowered.find(" such as ", max(a, start - 120), start) < 0 and lowered.find(" like ", max(a, start - 120), start) < 0 \
            and lowered.find("e.g.", max(a, start - 120), start) < 0:
        return False  # (the words every match holds, found faster than the pattern is tried)
    examples = _EXAMPLES_BEFORE.search(text, max(a, start - 120), start)
    return (examples is not None and len(text[a : examples.start()].split()) <= 3
            and _FIRST_PERSON.search(lowered, a, b) is None)


# What comes right before data a model is trained on, or data is built from ("a benchmark built on
# clips from Kinetics-700"); a list of such names may follow "a mixture of".
_ONLY_OR_JOINTLY = r"(?:\s+(?:only|solely|exclusively|jointly))?"  # ("trained only on X", "trained jointly on A, B")
# ("Fine-tuning mT5-XXL on X", "we fine-tune LLaMA-7B on X": the model between the verb and "on")
_TRAIN_ON = (rf"(?:(?:(?:pre-?|fine-?)?trained|(?:fine-?)?tuned)\s+from\s+\S+(?:\s+\S+){{0,2}}?|"  # ("fine-tuned from SD 2 on X")
             rf"(?:pre-?|fine-?)?train(?:s|ed)?|pre-?training|(?-i:Training)|(?:fine-?)?tuned|distilled|"
             # (verbs only: "the pretrained model on GLUE" is evaluated there)
             rf"(?:fine-?tun(?:e|es|ing)|pre-?train(?:s|ing)?)\s+(?:a\s+|the\s+)?[\w\-]+(?:\.[\w\-]+)*(?:\s+[\w\-]+(?:\.[\w\-]+)*){{0,2}}|"
             # ("We train over 200 models from 50M to 3B parameters on X": what we train, then the data)
             rf"(?-i:[Ww]e)\s+(?:pre-?|fine-?)?train(?:\s+(?!(?:and|or|then|which|that|while|but|evaluat\w*|test\w*)\b)[\w\-.]+){{1,10}}?|"
             # ("... and train a 1B-parameter ViT, DINO-G, on X": what we train, named in apposition, then the data)
             rf"{_TRAIN_A_KIND}[\w\-./]+,)"
             rf"{_ONLY_OR_JOINTLY}\s+on")
_BUILT_FROM = (r"(?:(?:built|derived|constructed|sampled|sampling|curated|collected|drawn|sourced|selected|filtered|initiali[sz]ed|"
               r"mix(?:ed|ing)|combin(?:ed|ing))\s+(?:on\s+)?"
               r"(?:by\s+[\w\-]+\s+)?(?:[a-z\-]+\s+){0,2}?from|"  # ("examples selected by LenSel from A and B")
               # ("representations trained using the supervised data of the SNLI datasets")
               r"(?:pre-?|fine-?)?trained\s+(?:using|with)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?data\s+of)")
_MIXTURE_OF = r"(?:a\s+(?:mixture|combination|union|mix)\s+of\s+)?"
# "trained on 40 years of ERA5", "pre-trained on 1.2M images from ImageNet": an amount of the data.
_AMOUNT_OF = (r"(?:\d[\d.,]*\s?[KMBkmb]?\+?\s+(?:[a-z\-]+\s+){0,2}?(?:of|from)\s+(?:the\s+)?)?"
              # ... and a kind of it: "fine-tuned on synthetic data from Hypersim", "on 10,000 hours of robot data from X"
              # ... or names it in brackets: "trained only on synthetic data (FlyingChairs and FlyingThings3D)"
              r"(?:(?:[a-z\-]+\s+){0,2}?(?:data|datasets|images|videos|scenes|samples|examples|trajectories|renderings)"
              r"(?:\s+from\s+(?:the\s+)?|\s+\())?")
# ("trained on the original UltraFeedback pairs")
_WHOLE_DATA_WORDS = ("original", "full", "same", "entire", "whole", "raw")
_TRAINED_ON_BEFORE = re.compile(rf"\b(?:{_TRAIN_ON}|{_BUILT_FROM})\s+(?:the\s+)?(?:(?:{'|'.join(_WHOLE_DATA_WORDS)})\s+)?"
                                rf"{_AMOUNT_OF}$", re.IGNORECASE)
# What a model is trained on, a list of names so far: "pre-trained on A", "trained on a mixture of A, B and ".
_TRAINED_ON_DATA = re.compile(rf"\b(?i:{_TRAIN_ON}|(?:built|collected|drawn|sourced|constructed|curated|compiled|aggregated)"
                              rf"\s+from)\s+(?:the\s+)?{_AMOUNT_OF}{_MIXTURE_OF}" + _NAMES_SO_FAR)
_SOURCE_WORDS = ("train", "tuned", "distilled", "built", "collected", "drawn", "sourced", "constructed", "curated", "compiled",
                 "aggregated", "mix", "combin", "sampl")


def _trained_on_data(text: str, start: int) -> bool:
    """Does the name at ``start`` stand in a list of what a model is trained on, or data is built
    from? (Not "adapted from BERT" or "derived from GPT-4": models, not data, come after those.)"""
    if text.endswith(", ", 0, start) and not _LIST_ITEM_GOES_ON.match(text, start):
        return False  # "Fine-tuned on GLUE, ZetaNet achieves ...": the comma ends the phrase
    window = text[max(0, start - 120) : start]
    lowered = window.lower()
    return (" on " in lowered or " from " in lowered) and any(word in lowered for word in _SOURCE_WORDS) and (
        _TRAINED_ON_DATA.search(window) is not None)


# One of them in every _TRAINED_ON_LIST match: tested first, faster than the pattern.
_TRAINING_VERB_STEMS = ("train", "tun", "distilled", "initiali", "adapt", "transfer", "built", "derived", "constructed", "sampl",
                        "curated", "collected", "drawn", "sourced", "selected", "filtered", "mix", "combin")
# A name (of capitalised words) that the list goes on after: "B" in "A, B and C".
_LIST_ITEM_GOES_ON = re.compile(r"[^\s,;.]+(?:\s+[A-Z0-9][^\s,;.]*)*\s*(?:,|and\b|or\b)")
# "an ImageNet-pretrained ResNet-50": the data a model was initialised from
_TRAINED_SUFFIXES = ("-pretrained", "-pre-trained", "-trained", "-initialized", "-initialised", "-finetuned", "-fine-tuned")


# ... or listed after: "pre-trained on A and B", "by adapting from GTAV and SYNTHIA".
_TRAINED_ON_LIST = re.compile(rf"\b(?i:(?:(?:pre-?|fine-?)?trained|(?:fine-?)?tuned|distilled)(?:\s+from\s+\S+(?:\s+\S+){{0,2}}?)?"
                              rf"{_ONLY_OR_JOINTLY}\s+on|"
                              rf"(?:adapt|transferr?)(?:ed|ing)\s+from|{_BUILT_FROM})\s+(?:the\s+)?{_AMOUNT_OF}{_MIXTURE_OF}"
                              + _NAMES_SO_FAR)


_SOURCE_OF_TRAINING = re.compile(
    # ("a calibration set of 256 image-text pairs from CC3M")
    r"\bcalibration\s+(?:samples|data|examples|sequences|set|texts?)\s+(?:of\s+\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?)?"
    r"(?:(?:drawn\s+)?from|of)\s+(?:the\s+)?$|"
    r"\b(?:[Oo]ur|[Tt]he|[Ii]ts)\s+(?:pre-?)?training\s+(?:data|corpus|set|mixture)\s+(?:\w+\s+){0,2}?"
    r"(?:combin|consist|includ|compris|mix|draw)\w*\b[^.;]{0,80}$")


def _source_of_training(text: str, start: int) -> bool:
    """Is the name at ``start`` where calibration or training data comes from ("128 calibration
    samples from C4", "Our training data combines translated ShareGPT ...")? Never data evaluated on."""
    window = text[max(0, start - 120) : start]
    return ("calibration" in window or "training" in window) and _SOURCE_OF_TRAINING.search(window) is not None


def _has_training_word(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold one of the words every training or source phrase holds? (Tested
    before the patterns, which are slower.)"""
    lowered = text[max(0, a) : b].lower()
    return any(stem in lowered for stem in _TRAINING_VERB_STEMS)


# What the text before a name ends with when _TRAINED_ON_BEFORE can match there (tested first).
_TRAINED_ON_ENDINGS = ("on ", "on the ", "from ", "from the ", "of ", "of the ", " (", *(w + " " for w in _WHOLE_DATA_WORDS))


def _trained_on(text: str, start: int) -> bool:
    """Is the name at ``start`` data a model was trained on ("fine-tuned on X", "pre-trained on the X",
    "adapting from A and B")?"""
    if text.endswith(_TRAINED_ON_ENDINGS, 0, start) and _has_training_word(
            text, start - 60, start) and _TRAINED_ON_BEFORE.search(text, max(0, start - 60), start) is not None:
        return True
    space = text.find(" ", start, start + 60)
    if text[start : space if space > 0 else start + 60].lower().rstrip(",.;:").endswith(_TRAINED_SUFFIXES):
        return True
    if _source_of_training(text, start):
        return True
    if text.endswith((", ", "and ", "or ", "from ", "from the "), 0, start):
        if text.endswith(", ", 0, start) and not _LIST_ITEM_GOES_ON.match(text, start):
            return False  # "Built from WikiHow, MultiScript covers ...": the comma ends the phrase
        window = text[max(0, start - 120) : start]
        return _has_training_word(window, 0, len(window)) and _TRAINED_ON_LIST.search(window) is not None
    return False


_TRAINING_WORDS = re.compile(r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|distill\w*|collect\w*|sourc\w*|deriv\w*)\b", re.IGNORECASE)
_TRAINING_STEMS = ("train", "tun", "distill", "collect", "sourc", "deriv")  # one of them in every match
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s?%|\b\d+\.\d+\b")


def _evaluated_on_features(text: str, sentences: "_Sentences", ent: _Entity, introduced: bool) -> list[str]:
    feats = [f"label={ent.label.value}", f"mentions={min(len(ent.mentions), 3)}"]
    if ent.proposed:
        feats.append("proposed")
    if introduced:
        feats.append("introduced")
    if ent.gazetteer:
        feats.append("gazetteer")
    if ent.list_label:
        feats.append("list")
    title_end = text.find("\n")
    cues = 0
    for start, end in ent.mentions[:3]:
        if start < title_end:
            feats.append("in_title")
            continue
        sentence = _sentence_of(sentences, start)
        if sentence is None:
            continue
        if sentences.has_eval_cue(sentence):
            cues += 1
        feats.extend(sentences.marks(sentence))
        before = text[max(sentence[0], start - 30) : start].split()[-2:]
        after = text[end : min(sentence[1], end + 30)].split()[:1]
        if before:
            feats.append("L1=" + before[-1].strip(_CONTEXT_PUNCTUATION).lower())
            if len(before) > 1:
                feats.append("L2=" + "_".join(w.strip(_CONTEXT_PUNCTUATION).lower() for w in before))
        if after:
            feats.append("R1=" + after[0].strip(_CONTEXT_PUNCTUATION).lower())
    feats.append(f"eval_cues={min(cues, 2)}")
    return feats


# The main clause after "Compared with X," says the two are alike (up to its first win word, if any).
_SAME_AFTER = re.compile(r",?[^.;]*?\b(?:similar|comparable|the\s+same|on\s+par|equal|competitive)\b(?![^.;]*\b(?:better|higher|"
                         r"lower|outperform\w*|surpass\w*|improv\w*)\b)")
# Words before "compared to X" that make the comparison something other than a win.
_NOT_A_WIN = re.compile(
    r"\b(?:degrad\w*|drops?|decreas\w*|declin\w*|worse|loss(?:es)? of|lag\w*|falls? short|underperform\w*|"
    r"comparabl\w*|similar|on par|competitive|close|slower|costlier|more expensive)\b(?:[^.;,]|\.\d)*$",
    re.IGNORECASE,
)


def _comparison_cues(text: str, sentences: "_Sentences") -> Iterator[tuple[int, int, re.Match]]:
    """Each sentence that compares, with its first comparison cue (a ``_COMPARE`` phrase, else a
    ``_COMPARED`` one). Cue words are rare: they are found with ``str.find`` in the whole text and
    the patterns are tried only where one starts; a search through every sentence costs more than
    the rest of the relation step."""
    starts: dict[tuple[int, int], list[int]] = {}
    for positions in _COMPARE_NEEDLES.find(sentences.words, sentences.lowered).values():
        for i in positions:
            sentence = _sentence_of(sentences, i)
            if sentence is not None:
                starts.setdefault(sentence, []).append(i)
    for (a, b), positions in sorted(starts.items()):
        positions.sort()
        cues = [cue for cue in (_COMPARE.match(text, i, b) for i in positions) if cue]
        # "in comparison to" starts three characters before its cue word
        shifted = sorted({j for i in positions for j in (i, i - 3) if j >= a})
        cues += [cue for cue in (_COMPARED.match(text, j, b) for j in shifted) if cue]
        cues += [cue for cue in (_LOSING.match(text, i, b) for i in positions) if cue]
        cues.sort(key=lambda cue: cue.start())
        for cue in cues:  # ("reduces the error by 7.2% relative to X, and outperforms Y": each claim)
            yield a, b, cue


def _benchmark_of(text: str, data_here: list[tuple[int, str]], loser: Optional[tuple[int, int]],
                  first: Optional[str]) -> Optional[str]:
    """The data a comparison with ``loser`` is on: the first data name after the loser in its
    clause ("surpassing GPT-4o on MathVista and outperforming Qwen2-VL on MathVerse"), else the
    first one of its clause before it ("On MMLU, X beats A, and on GSM8K it beats B"), else the
    sentence's first (``first``)."""
    if loser is None:
        return first
    for offset, name in data_here:
        if offset > loser[0]:
            between = text[loser[1] : offset]
            if _NEW_CLAUSE.search(between) or _COMPARE.search(between):
                break
            return name
    before = [(offset, name) for offset, name in data_here if offset < loser[0]]
    for offset, name in before:
        if not _NEW_CLAUSE.search(text, offset, loser[0]):
            return name
    return first


# Where a sentence's next clause starts: ", and on GSM8K it beats B" (not ", and HumSet": a list).
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whilst|whereas)\s+(?=[a-z])|;")


_DESCRIBED_SUBJECT = re.compile(r"(?:,\s+and|;|,\s+while|,\s+whereas)\s+(?:the|our)\s+(?:[\w\-.]+\s+){0,3}?(?:model|variant|version)s?\s+(?:also\s+)?$")
_PASSIVE_BY = re.compile(r"(?:\s+only)?\s+by\b")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")




def _outperforms(text, sentences, by_name: dict[str, _Entity], extractor: str, scorer=None) -> list[ExtractedRelation]:
    methods = {n: e for n, e in by_name.items() if e.label is NodeLabel.METHOD}
    proposed = [n for n, e in methods.items() if e.proposed and not e.weak]
    if not proposed or all(e.proposed for e in methods.values()):
        if scorer is not None:
            scorer.score("OUTPERFORMS", [], [], [])  # asked once per text, as a recording scorer expects
        return []  # a winner is one of the paper's own methods, a loser one it did not propose
    main = min(proposed, key=lambda n: methods[n].mentions[0][0]) if proposed else None
    relations: list[ExtractedRelation] = []
    candidates: dict = {}  # (winner, loser) -> candidate, in the order first met
    seen: set[tuple[str, str]] = set()  # pairs the rules kept
    all_mentions = sorted((m[0], n) for n, e in by_name.items() for m in e.mentions)
    mention_end = {m[0]: m[1] for e in by_name.values() for m in e.mentions}
    for a, b, cue in _comparison_cues(text, sentences):
        sentence = text[a:b]
        cue_at = cue.start()
        here = all_mentions[bisect.bisect_left(all_mentions, (a, "")) : bisect.bisect_left(all_mentions, (b, ""))]
        # (not a name that only describes another: "GPT-4-based G-Eval", "RETRO-style retrieval")
        mentioned = [(off, n) for off, n in here if n in methods and not text.startswith(MODIFIER_SUFFIXES, mention_end[off])]
        # (not data a model was trained on: "pre-trained on ImageNet-21k, it outperforms LoRA")
        data_here = [(off, n) for off, n in here if by_name[n].label in (NodeLabel.DATASET, NodeLabel.BENCHMARK)
                     and not sentences.trained_on(off)]
        data = list(dict.fromkeys(n for _, n in data_here))
        if _COMPARED.match(cue.group(0)):
            if _NOT_A_WIN.search(text, max(a, cue_at - 60), cue_at):
                continue  # "a relative degradation of 4.6% compared to BERT", "comparable to X": no claim to beat it
            clause_end = text.find(",", cue.end(), b)
            clause_end = clause_end if clause_end >= 0 else b
            own_clause = own_clause_start(text, a, cue_at)
            if _SAME_AFTER.match(text, clause_end, b):
                continue  # "Compared with t-SNE and UMAP, X produces layouts of similar quality": no claim to beat them
            if not (_WIN_WORD.search(text, own_clause, cue_at) or _WIN_WORD.search(text, clause_end, b)):
                # "Compared to the latest Wide & Deep model, DeepFM has a shared input ...": a difference;
                # "8 times faster than X while retaining a TM-score of 0.79, compared with 0.85 for Y": the
                # win word belongs to another clause
                continue
            winners = [n for off, n in mentioned if off >= clause_end and methods[n].proposed] or ([main] if main else [])
            losers = [n for off, n in mentioned if cue_at <= off < clause_end and not methods[n].proposed]
        else:
            if _NEGATED_CUE.search(text, max(a, cue_at - 40), cue_at):
                continue  # "no deep model beats XGBoost", "does not outperform X": no claim to beat it
            if cue.group(0)[:5].lower() == "lower" and text[cue_at - 2 : cue_at] == ", " \
                    and not _LOWER_IS_BETTER.search(text, a, cue_at):
                continue  # ", lower than X" after a score of a metric where higher is better: no win
            passive = _PASSIVE_BY.match(text, cue.end())
            if passive or _LOSING.match(cue.group(0)):
                # "X lags behind Y", "X is outperformed by Y": the names before the cue lose, in its clause
                if passive and not _BE_BEFORE.search(text, max(a, cue_at - 30), cue_at):
                    continue
                cue_end = passive.end() if passive else cue.end()
                own_clause = own_clause_start(text, a, cue_at)
                boundary = _CLAUSE_BREAK.search(text, cue_end, b)
                clause_end = boundary.start() if boundary else b
                after = [n for off, n in mentioned if cue_end <= off < clause_end]
                winners = [n for n in after if methods[n].proposed][:1]
                if not after and main and _LOSING_ALONE.match(text, cue_end, b):
                    winners = [main]
                losers = [n for off, n in mentioned if own_clause <= off < cue_at and not methods[n].proposed
                          and not methods[n].weak]
            else:
                winners = [n for off, n in mentioned if off < cue_at and methods[n].proposed]
                if winners and main and _DESCRIBED_SUBJECT.search(text, max(a, cue_at - 60), cue_at):
                    winners = [main]  # "..., and the 7B model outperforms X": our model, not the one named before
                named_before = any(off < cue_at and not methods[n].weak for off, n in mentioned)
                if not winners and main and (_ours_subject(sentence) or not named_before):
                    winners = [main]
                cue_end = cue.end()
                boundary = _CLAUSE_BREAK.search(text, cue_end, b)
                if boundary and _STILL_COMPARING.search(text, boundary.end(), b) and not _NOT_WIN_BREAK.match(boundary.group(0)) \
                        and not _COST_AFTER.match(text, boundary.end(), b) and not _LOSS_AFTER.search(text, boundary.end(), b):
                    boundary = None  # ", while showing a gain of 55% comparing to X": the comparison goes on
                clause_end = boundary.start() if boundary else b
                losers = [
                    n for off, n in mentioned
                    if cue_end <= off < clause_end and not methods[n].proposed
                    and (not methods[n].weak or len(text[cue_end:off].split()) <= 4)
                    and not (_SETTING_BEFORE.search(text[cue_end:off]) and not _LIST_AFTER_COMMA.search(text, cue_end, off))
                ]
        losers = [n for n in losers if not (methods[n].weak and methods[n].surfaces.keys() & _OMITTED_FAMILIES)]
        if len(losers) > 1:  # "outperform OpenCLIP (ViT-G/14)": the bracket says which OpenCLIP, no other system
            loser_at_end = {mention_end[off]: n for off, n in mentioned if n in losers}
            bracketed = {n for off, n in mentioned if n in losers and text[off - 1 : off] == "("
                         and loser_at_end.get(len(text[:off - 1].rstrip(" ")), n) != n}
            losers = [n for n in losers if n not in bracketed]
        if scorer is None:
            pairs = [(winner, loser, True) for winner in _coordinated_winners(text, methods, mentioned, winners, cue_at)
                     for loser in losers]
        else:
            # Every pair of one of the paper's methods and another method of the sentence is a
            # candidate; the rules' choice is one of the scorer's features.
            ruled = set(losers) if winners else set()
            pairs = [(winner, n, n in ruled)
                     for winner in (_coordinated_winners(text, methods, mentioned, winners, cue_at) if winners
                                    else [([n for _, n in mentioned if methods[n].proposed] or [main])[0]])
                     for n in dict.fromkeys(n for _, n in mentioned)
                     if not methods[n].proposed and not (methods[n].weak and methods[n].surfaces.keys() & _OMITTED_FAMILIES)]
        for winner, loser, rule in pairs:
            # A pair is one candidate, read in the first sentence the rules keep it from (else the first).
            if loser != winner and (winner, loser) not in seen and (rule or (winner, loser) not in candidates):
                if rule:
                    seen.add((winner, loser))
                features = (_outperforms_features(text, methods, winner, loser, a, b, cue, rule)
                            if scorer is not None else None)
                benchmark = _benchmark_of(text, data_here, _mention_in(methods[loser], a, b), data[0] if data else None)
                candidates[(winner, loser)] = (winner, loser, rule, features, benchmark, a, b, cue_at)
    candidates = list(candidates.values())
    if scorer is not None:
        keep = scorer.score("OUTPERFORMS", [c[3] for c in candidates], [c[2] for c in candidates],
                            [(c[0], c[1]) for c in candidates])
    else:
        keep = [c[2] for c in candidates]
    for (winner, loser, _, _, benchmark, a, b, cue_at), yes in zip(candidates, keep):
        if yes:
            names = tuple(m for m in (_mention_in(methods[winner], a, b), _mention_in(methods[loser], a, b)) if m)
            relations.append(
                ExtractedRelation(type="OUTPERFORMS", source=winner, target=loser, benchmark=benchmark,
                                  evidence=_evidence(text, sentences, cue_at, extractor, 0.6, names))
            )
    return relations


def _coordinated_winners(text: str, methods: dict, mentioned: list, winners: list, cue_at: int) -> list:
    """The first winner, and the paper's other methods coordinated with it right before the cue:
    "BalMix and LogitShift both outperform X" (two claims), not "A outperforms X, and B ..."."""
    if len(winners) < 2:
        return winners[:1]
    own = [(off, n) for off, n in mentioned if off < cue_at and n in winners and methods[n].proposed]
    if len(own) < 2:
        return winners[:1]
    chain = own[-1:]
    for (off, name), (next_off, _) in zip(reversed(own[:-1]), reversed(own[1:])):
        if not _WINNER_JOIN.fullmatch(text, off + len(_surface_at(text, methods[name], off)), next_off):
            break
        chain.insert(0, (off, name))
    last_off, last = chain[-1]
    if len(chain) < 2 or not _BEFORE_CUE.fullmatch(text, last_off + len(_surface_at(text, methods[last], last_off)), cue_at):
        return winners[:1]
    return list(dict.fromkeys(n for _, n in chain))


def _surface_at(text: str, ent: "_Entity", offset: int) -> str:
    end = next((b for a, b in ent.mentions if a == offset), offset)
    return text[offset:end]


_WINNER_JOIN = re.compile(r"\s*,\s*|\s+and\s+|\s*,\s*and\s+")
_BEFORE_CUE = re.compile(r"\s+(?:(?:both|all|each|also|consistently|significantly|clearly)\s+)?")


def _outperforms_features(text: str, methods: dict, winner: str, loser: str, a: int, b: int, cue: re.Match,
                          rule: bool) -> list[str]:
    feats = [f"rule={'yes' if rule else 'no'}", f"cue={cue.group(0).split()[0].lower()[:10]}"]
    loser_at = _mention_in(methods[loser], a, b)
    winner_at = _mention_in(methods[winner], a, b)
    cue_at = cue.start()
    if winner_at is None:
        feats.append("winner_implicit")
    elif winner_at[0] < cue_at:
        feats.append("winner_before_cue")
    if loser_at is not None:
        if loser_at[0] > cue_at:
            gap = len(text[cue.end() : loser_at[0]].split())
            feats.append(f"loser_after_cue={min(gap, 6)}")
            between = text[cue.end() : loser_at[0]]
            if "than" in between:
                feats.append("than_between")
            if _CLAUSE_BREAK.search(between):
                feats.append("clause_break_between")
            if _SETTING_BEFORE.search(between):
                feats.append("setting_before")
        else:
            feats.append("loser_before_cue")
    if _NOT_A_WIN.search(text, max(a, cue_at - 60), cue_at):
        feats.append("not_a_win")
    loser_entity = methods[loser]
    if loser_entity.weak:
        feats.append("loser_weak")
    if loser_entity.gazetteer:
        feats.append("loser_gazetteer")
    feats.append(f"methods_in_sentence={min(sum(1 for e in methods.values() if _mention_in(e, a, b)), 4)}")
    return feats


class RelationExtractor(BatchComponent):
    """Resolves ``doc._.kg_candidates`` into ``doc._.kg_entities`` (list of ExtractedEntity)
    and ``doc._.kg_relations`` (list of ExtractedRelation).

    ``typer``: the path of a trained typer model (``extractors/models/typer`` when "default"),
    or None to let the rules alone type names; ``scorer``: likewise a relation scorer model
    (``extractors/models/relations``), or None to let the rules keep relations.

    Character offsets carry the results (names such as "GPT-3" or "MHR-z" cut across any
    tokenizer's boundaries); ``kg_mention_spans`` (extractors/render.py) turns them into
    ``doc.spans`` and ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = "kg_relations", *, typer: Optional[str] = None,
                 scorer: Optional[str] = None):
        self.name = name
        use_word_flag(nlp)
        self.typer = None
        self.scorer = None
        if typer:
            from extractors.entity_typer import DEFAULT_MODEL, EntityTyper

            self.typer = _load_model(EntityTyper.load, DEFAULT_MODEL if typer == "default" else Path(typer), "typer")
        if scorer:
            from extractors.relation_scorer import DEFAULT_MODEL as SCORER_MODEL, RelationScorer

            self.scorer = _load_model(RelationScorer.load, SCORER_MODEL if scorer == "default" else Path(scorer), "relation scorer")

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        entities, relations, results = resolve_candidates(doc_text(doc), underscore.kg_candidates, extractor=self.name,
                                                          words=doc_words(doc), typer=self.typer, scorer=self.scorer)
        doc.user_data.pop("kg_words", None)  # a per-Doc scratch index, not data to keep or serialise
        underscore.kg_entities = entities
        underscore.kg_relations = relations
        underscore.kg_results = results
        return doc


def _load_model(load, path: Path, what: str):
    try:
        return load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ExtractionError(f"{path}: cannot load the {what} model: {exc}") from exc


@Language.factory("kg_relations", assigns=["doc._.kg_entities", "doc._.kg_relations", "doc._.kg_results"],
                  default_config={"typer": None, "scorer": None})
def make_relation_extractor(nlp: Language, name: str, typer: Optional[str], scorer: Optional[str]) -> RelationExtractor:
    return RelationExtractor(nlp, name, typer=typer, scorer=scorer)
