"""``kg_name_patterns``: coined names found by their shape and by the phrases around them.

- token shapes: CamelCase, inner capitals, internal digits, "++" (AdaTT, GPT-3, Ego4D,
  MiniWoB++), with a stoplist of generic acronyms (LLM, VLM, NLP ...);
- the title's prefix ("AdaTT: Adaptive Task-to-Task Fusion ...");
- "we propose / introduce / present X", "called / dubbed / named / termed X";
- "X benchmark / dataset / suite / corpus" and names ending in "Bench".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from spacy.lang.en.stop_words import STOP_WORDS as _ENGLISH_FUNCTION_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import NodeLabel
from extractors.candidates import (
    BatchComponent, Candidate, add_candidates, candidates_of, doc_words_without_links, use_word_flag,
)
from extractors.text import (
    NATURAL_LANGUAGES, Needles, WordClasses, WordIndex, cites_at, data_words, find_all, is_coined_name, lower_same_length,
    matches_at, model_variant_end, names_languages, SHAPED_WORD, stop_acronyms, trim_name, word_starts,
)

__all__ = ["NamePatterns", "title_prefix", "coined_names", "cue_names", "BEATING_VERBS", "DATA_UNITS"]

# "AdaTT: Adaptive ...", and "Only-IF:Revealing ..." with the space lost after the colon.
_TITLE_PREFIX = re.compile(r"^\s*([^:\n]{2,60}?)\s*:(?:\s+|(?=[A-Z]))\S")
# "LG-ANNA-Embedding technical report": the report of the name it starts with.
_TITLE_REPORT = re.compile(r"^\s*(\S+(?:\s\S+)?)\s+(?:technical|tech)\s+report\b", re.IGNORECASE)
_CAP_WORD = r"(?:[A-Z][\w\-+']*(?:\.\d+)*|[a-z]+[A-Z][\w\-+']*|\d[\w\-]*[A-Za-z][\w\-]*)"
_NAME_PHRASE = rf"{_CAP_WORD}(?:(?:[ \-]| – ){_CAP_WORD}){{0,5}}"  # (" – ": a dash spaced out by PDF extraction)
_CALLED = re.compile(
    rf"\b(?:called|dubbed|named|termed|coined|codenamed|code-named|refer(?:red)? to as|known as|"
    rf"[Ww]e (?:call|name|term|dub)(?: (?:it|this|them|our \w+))?)\s+(?:as\s+)?(?:the\s+)?[\"“'‘]{{0,2}}({_NAME_PHRASE})"
)
_CALLED_SECOND = re.compile(r"\s+and\s+([A-Za-z][\w\-+]*[\w+])(?=[\s,.;:)]|$)")
# "our models (BigGANs) achieve ...": the paper's own model, named in brackets.
_OUR_KIND_NAMED = re.compile(
    r"\b[Oo]ur\s+(?:(?:new|novel|proposed|final|best)\s+)?"
    r"(?:models?|methods?|approach(?:es)?|frameworks?|networks?|architectures?|systems?|algorithms?)"
    r"\s*\(\s*([A-Z][\w\-+.]*[\w+]|[a-z]+[A-Z][\w\-+.]*[\w+])\s*\)"
)
# "a new criterion called Group Effect": what is named is a measure or a phenomenon, not a method.
_NOT_A_NAME_BEFORE = re.compile(
    r"\b(?:criterion|criteria|metric|measure|score|phenomenon|problem|issue|task|setting|effect|property|"
    r"capability|ability|behaviou?r)\s*,?\s*$",
    re.IGNORECASE,
)
# "we propose Consensus Merging, an algorithm ...": a Title-Case phrase right after a proposal verb.
_TITLE_WORD = r"[A-Z][\w+']*(?:-[\w+']+)*"
_PROPOSED_PHRASE = re.compile(
    rf"\b(?:[Ww]e|[Tt]his (?:paper|work|study|report))\s+(?:first\s+|further\s+|also\s+|then\s+|thus\s+)?"
    # ("we study this problem and propose Mask Scoring R-CNN")
    rf"(?:(?:study|analy[sz]e|investigate|revisit|address|tackle)\s+(?:[a-z\-]+\s+){{0,3}}?and\s+)?"
    rf"(?:propose|introduce|present|develop|design|build|construct|release|curate|create|contribute|establish)[sd]?\s+"
    rf"(?:(?:a|an|the|our)\s+)?(?:(?:novel|new|simple|general|unified|effective|efficient)[,]?\s+)*[\"“]?"
    rf"({_TITLE_WORD}(?:\s+(?:(?:of|for|via|and|in|with|to|the|on)\s+)?{_TITLE_WORD}){{1,5}})"
)
# "We introduce Workforce, a hierarchical multi-agent framework", "We describe Yoopick, a
# combinatorial sports prediction market": one capitalised word after a proposal verb, which an
# apposition right after it says is a model, a system or tool of some kind, or a dataset.
_DATA_KINDS = ("dataset", "benchmark", "suite", "corpus", "environment", "testbed", "leaderboard", "subset", "training",
               "test", "evaluation", "instruction", "preference", "database", "treebank", "lexicon")
_PROPOSED_WORD = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work|study|report))\s+(?:first\s+|further\s+|also\s+|then\s+|thus\s+)?"
    r"(?:propose|introduce|present|develop|design|build|construct|release|curate|create|describe)[sd]?\s+"
    rf"({_TITLE_WORD})\s*,\s*(?:a|an|the)\s+(?:[\w\-]+,?\s+){{0,5}}?"
    r"(models?|networks?|frameworks?|methods?|approach(?:es)?|systems?|agents?|architectures?|algorithms?|toolkits?|"
    r"platforms?|pipelines?|tools?|librar(?:y|ies)|software|engines?|parsers?|taggers?|recogni[sz]ers?|"
    r"simulators?|interfaces?|applications?|assistants?|solvers?|markets?|prototypes?|codecs?|tokenizers?|vocoders?|"
    r"datasets?|benchmarks?|suites?|corpus|environments?|testbeds?|leaderboards?|subsets?|databases?|treebanks?|lexicons?|"
    r"(?:training|test|evaluation|instruction|preference)[ \-]sets?)\b"
)
_PROPOSED_JOINED = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:propose|introduce|present|develop)[sd]?\s+([A-Z][A-Z0-9]*(?:-[A-Z][A-Za-z0-9]*)+)(?=\s*[,(])")
# "We develop a few-shot detector, Meta-Reweight, that ...": the kind first, then its name.
_KIND_THEN_NAME = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work|study))\s+(?:propose|introduce|present|develop|design|build)[sd]?\s+(?:a|an)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:model|framework|method|approach|system|agent|architecture|algorithm|network|detector|"
    r"classifier|module|pipeline|technique|strategy)\s*,\s*"
    rf"({_TITLE_WORD})(?=\s*,|\s*\(|\s+(?:that|which|to|for|with)\b)"
)
# "OpenAI's Deep Research", "Google's Gemini": a product named after its maker's possessive.
_ORGANISATIONS = ("OpenAI", "Google", "Meta", "Anthropic", "DeepMind", "Microsoft", "NVIDIA", "Alibaba", "Baidu",
                  "Tencent")
_ORGANISATION_PRODUCT = re.compile(
    rf"(?:{'|'.join(_ORGANISATIONS)})['’]s\s+({_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}})(?![\w\-])"
)
_ORGANISATION_NEEDLES = tuple(f"{name.lower()}{apostrophe}s" for name in _ORGANISATIONS for apostrophe in "'’")
_ORGANISATION_NEEDLE_SET = frozenset(_ORGANISATION_NEEDLES)
# "a new English language dataset, ZEST, structured for ...", "a new dataset, Tumblr GIF (TGIF), with
# ...": a name in apposition after a data noun.
_DATA_APPOSITION = re.compile(
    r"\b(?:a|an|our)\s+(?:new|novel|large-scale|challenging|comprehensive)?\s*(?:[\w\-]+\s+){0,4}?"
    r"(dataset|benchmark|corpus|suite|testbed)\s*,\s*([A-Z][\w\-+.]*[\w+](?:\s+[A-Z][\w\-+.]*[\w+]){0,2})\s*[,(]"
)
_EXISTING_DATA = re.compile(r"\b(?:standard|popular|widely[\s\-]used|well-known|common|commonly[\s\-]used|existing|public|"
                            r"classic|established)\b", re.IGNORECASE)
_SETTING_PREPOSITION = re.compile(r"\b(?:on|in|from|across|using|with)\s+$", re.IGNORECASE)
_NEW_WORD = re.compile(r"\b(?:new|novel|our)\b", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten several multiple many both".split())


def _opens_sentence_as_plain_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one plain word ("Reasoning", "Long-context") that opens a sentence,
    where any word has a capital? ("Reasoning benchmarks are mostly in English", "Multi-hop datasets
    contain shortcuts" name no data.)"""
    word = text[start:end]
    first, *rest = word.split("-")
    if not (first.isalpha() and first[0].isupper() and first[1:].islower()
            and all(part.isalpha() and part.islower() for part in rest)):
        return False
    while start and text[start - 1] == " ":
        start -= 1
    return not start or text[start - 1] in "\n.!?"


# "we assembled 106 medical datasets to create Med-MAT", "merge five corpora into X": what is built
# out of datasets is itself data.
_BUILT_FROM_DATA = re.compile(
    r"\b(datasets|benchmarks|corpora)\s+(?:to\s+(?:create|build|form|construct|compile)|into)\s+(?:the\s+|a\s+|an\s+)?"
    rf"({_TITLE_WORD})(?![\w\-])"
)
# "the publicly available LAG fundus dataset", "the CUB birds benchmark": an acronym-like name, one
# lower-case word saying what the data shows, then the data noun.
_NAME_SUBJECT_DATA = re.compile(
    r"\b(?:the|a|an)\s+(?:(?:publicly\s+available|public|open|well-known|popular|standard|widely[\s\-]used)\s+)?"
    r"([A-Z][A-Za-z0-9\-]*[A-Z0-9][A-Za-z0-9\-]*)\s+([a-z]{3,})\s+(dataset|benchmark|corpus)\b"
)
# "The problem of finding the missing values of a matrix ..., called matrix completion, ...": the
# name of a problem, not of a method.
_PROBLEM_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+)?(?:problem|task|challenge|question)\s+of\b")
# "a model called pseudo supervisor to ...": a short lower-case name, ended by punctuation or a function word.
_CALLED_LOWER = re.compile(
    r"\b(?:called|dubbed|termed|[Ww]e (?:call|term|dub))"
    # not "we call for ...", "termed the X problem": a lower-case name does not start with a function word
    r"(?!\s+(?:for|on|upon|the|a|an|as|to|it|this|them|these|that)\b)\s+[\"“'‘]?([a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,3}?)[\"”'’]?"
    r"(?=\s*(?:[,.;:()]|\s(?:to|that|which|for|with|and|in|on|by|as|is|was|where|whose)\b))"
)
_LOWER_PLURAL = re.compile(r"[a-z]{2}(?<![su])s\Z")
# ("the Alpaca instruction data", "the UltraFeedback preference data": data, whatever else the name is)
_DATA_NOUN_GROUP = (r"(benchmarks?|datasets?|data\s+sets?|corpus|corpora|treebanks?|test\s?sets?|suite|leaderboard|challenge|collection|"
                    r"testbed|environment|instruction\s+data|preference\s+data)")
# Both start only where a word starts: tried inside a word, "[a-z]+[A-Z]" would scan to its end
# from every letter.
_DATA_HEAD = re.compile(
    rf"(?<![A-Za-z0-9])({_NAME_PHRASE})\s+{_DATA_NOUN_GROUP}\b"
)
_DATA_HEAD_WORDS = {
    "gym": NodeLabel.BENCHMARK, "arena": NodeLabel.BENCHMARK,
    "benchmark": NodeLabel.BENCHMARK, "benchmarks": NodeLabel.BENCHMARK, "suite": NodeLabel.BENCHMARK,
    "leaderboard": NodeLabel.BENCHMARK, "challenge": NodeLabel.BENCHMARK, "testbed": NodeLabel.BENCHMARK,
    "environment": NodeLabel.BENCHMARK,
}
# One word ending like an evaluation suite: "UniSim-Bench", "MT-Bench", "ScienceQA", "AlpacaEval 2".
_BENCH_WORD = re.compile(
    # ("LVBench": two letters before "Bench" are enough; before "QA" three, or "VQA" would be one)
    r"(?<![\w+\-])(?:[A-Z][A-Za-z0-9+\-]{1,}?(?:Bench|-bench|Arena|Eval)|[A-Z][A-Za-z0-9+\-]{2,}?QA)"
    r"(?:[-\s]?(?:v\d+(?:\.\d+)*|(?!0\.\d\d)\d+(?:\.\d+)*))?(?![\w+\-])"  # (not "GenEval 0.51": a score)
)
# (not part of a score: "Llama-3.1-70B 41.9%")
_FOLLOW_NUMBER = re.compile(r"^(?: ?v\d+(?:\.\d+)*| (?!0\.\d\d)\d+(?:\.\d+)?(?![\w%]|\.\d)| (?:mini|Pro|XL|XXL|Large|Base|Small)\b)")
_PATCH_SIZE = re.compile(r"/\d{1,3}(?![\w/])")
# What data is counted in (singular): "60K hours of X", "a 120K-pair dataset".
DATA_UNITS = (r"hour|image|video|clip|utterance|sentence|document|article|token|word|example|pair|dialogue|"
              r"conversation|question|turn|molecule|protein|structure|scene|frame|episode|item|user|record|page|file")
# A count of what data holds, before a data noun: "the 120K-pair X dataset", "a 26-video dataset"
# (not "the 20-newsgroup dataset", which names one).
_SIZE_WORD = re.compile(
    rf"^\d+(?:\.\d+)?[kKMB]?-(?:{DATA_UNITS}|sample|class|dimensional|node|label|way|shot|layer|language|task|domain|category|"
    r"subject|speaker|point|object|instance|hop|step)s?$")
_BARE_COUNT = re.compile(r"\d[\d.,]*[kKMB]?")
_RESOLUTION = re.compile(r"\d+\s?[x×]\s?\d+(?:\s?px)?")  # ("the ImageNet 512x512 and 256x256 benchmarks")
_NOUN_AS_MODIFIER = re.compile(r"\s+(?:steps|interactions|frames|transitions|episodes|rollouts|calls)\b")
_GENERIC_TITLE_WORDS = {"Survey", "Review", "Position", "Tutorial", "Overview", "Perspective", "Benchmarking", "Revisiting",
                        "Rethinking", "Towards", "Toward", "Editorial", "Introduction", "Preface", "Abstract"}
_GENERIC_START = {"The", "A", "An", "Our", "This", "These", "Its", "We", "In", "On", "For", "To", "Each", "All", "Both", "Such", "Existing", "Previous", "Prior", "Current", "Recent", "Extensive", "Experiments", "Experimental", "Specifically", "Moreover", "Furthermore", "However", "Finally", "Then", "Large", "New", "Novel", "Multiple", "Several", "Many",
                  "Part", "Split", "Subset", "Track", "Task"}  # ("Part A and Part B": parts of a name said before)


_DATA_NOUN_WORD = re.compile(
    rf"(?<=[\w+)])\s+{_DATA_NOUN_GROUP}\b"
)


# "the Arcade Learning Environment", "StarCraft Multi-Agent Challenge": the name's own last word says what it is.
_TITLED_DATA_WORDS = ("Benchmark", "Dataset", "Corpus", "Treebank", "Environment", "Challenge", "Suite", "Arena", "Gym",
                      "Leaderboard", "Testbed")
_TITLED_DATA = re.compile(
    rf"(?<![A-Za-z0-9])((?:{_CAP_WORD}\s+){{1,4}}({'|'.join(_TITLED_DATA_WORDS)}))\b"
)


def _phrase_window(text: str, end: int, limit: int) -> int:
    """Where to start looking for a name phrase that ends at ``end``: a phrase has at most six
    words joined by single spaces, so seven spaces back (or ``limit`` characters) is far enough,
    and the regex engine does not try a pattern at every position of a longer window."""
    floor = max(0, end - limit)
    start = end
    for _ in range(7):
        start = text.rfind(" ", floor, start)
        if start < 0:
            return floor
    return start


_DATA_NOUNS = ("benchmark", "dataset", "data set", "corpus", "corpora", "treebank", "test set", "testset", "suite", "leaderboard",
               "challenge", "collection", "testbed", "environment", "instruction data", "preference data")
_BENCH_SUFFIXES = ("Bench", "-bench", "Arena", "QA", "Eval")
_NAMING_WORDS = ("called", "dubbed", "named", "codenamed", "code-named", "termed", "coined", "refer", "known as", "we call",
                 "we name", "we term", "we dub")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-")


_PROPOSING_SUBJECTS = ("we ", "this paper", "this work", "this study", "this report")
# An algorithm named after a person, a proper noun before its kind ("the Kikuchi approximation",
# "Viterbi decoding", "Newton's method"): a specific algorithm, not a family.
_EPONYM_HEADS = ("approximation", "algorithm", "decoding", "sampling", "sampler", "filter", "estimator", "transform", "method", "kernel",
                 "parser", "tagger", "stemmer", "reranker", "segmenter", "lemmatizer")
_EPONYM = re.compile(r"(?<![\w\-\u2013'\u2019])([A-Z][a-z]{2,}(?:[-\u2013][A-Z][a-z]{2,})?)(?:['\u2019]s)? \Z")
# (What precedes it: a word in lower case or a bracket, so that the proper noun is neither the
# first word of a sentence nor part of a phrase in title case, which other rules read.)
_EPONYM_AFTER = re.compile(r"(?:(?<![\w\-])[a-z0-9][\w\-]*[,)]?|[(,]) +\Z")
_ADJECTIVE_ENDINGS = ("ian", "ean", "ic", "al", "ive", "ed", "ing", "ous", "ar", "ent", "ant", "ful", "less", "ly")

# Comparison verbs before a list of the beaten: "outperforms Self-Refine and Reflexion".
BEATING_VERBS = ("outperform", "surpass", "beat", "exceed")
_BEATING_VERB = re.compile(r"(?:outperform(?:s|ing)?|surpass(?:es|ing)?|exceed(?:s|ing)?|beat(?:s|ing)?) ")
# "the strongest prior method, LLM-Planner": a name in apposition to the prior work it is.
_PRIOR_KINDS = ("method,", "baseline,", "model,", "approach,", "system,", "state of the art,", "sota,")
_CUE_NEEDLES = Needles(
    ("bench", *(noun for noun in _DATA_NOUNS if "bench" not in noun), "arena", "gym", "qa", "eval", *_NAMING_WORDS,
     *_PROPOSING_SUBJECTS, *_ORGANISATION_NEEDLES, "including", "such as", "like", "namely", "--", "—", *_EPONYM_HEADS,
     *BEATING_VERBS, "above", "upon", "unlike", *_PRIOR_KINDS, "compared", "versus", "vs.", "than")
)


class _RareWords:
    """Where the rare words the cue rules start from stand in one text: every needle of
    ``_CUE_NEEDLES`` is found at once (see :class:`extractors.text.Needles`) and shared by every
    rule that asks; "Benchmark", "benchmark", "Bench" and "-bench" share the needle "bench".
    Exact case is checked per hit.
    """

    def __init__(self, text: str, lowered: str, index: Optional[WordIndex] = None):
        self.text = text
        self.lowered = lowered
        self._positions: dict[tuple[str, ...], list[int]] = {}
        self.index = index if index is not None and index.text is text else WordIndex(text)
        self._hits = _CUE_NEEDLES.find(self.index, lowered)

    def lower_hits(self, word: str) -> list[int]:
        """Offsets of ``word`` (a needle) in any case."""
        return self._hits.get(word, [])

    def has_any(self, words: frozenset[str]) -> bool:
        """Is any of ``words`` (needles) in the text?"""
        return not words.isdisjoint(self._hits)

    def lower_hits_of(self, words: tuple[str, ...]) -> list[int]:
        """Sorted offsets of any of ``words`` (needles) in any case."""
        hits = self._hits
        found = [i for word in words if word in hits for i in hits[word]]
        return sorted(set(found)) if found else found

    def positions(self, words: tuple[str, ...]) -> list[int]:
        """Sorted offsets of ``words``, each in its exact case (several rules ask for the same words)."""
        known = self._positions.get(words)
        if known is None:
            known = self._positions[words] = self._find_positions(words)
        return known

    def _find_positions(self, words: tuple[str, ...]) -> list[int]:
        found = set()
        text, hits = self.text, self._hits
        for word, needle, shift in _needle_of(words):
            for i in hits.get(needle, ()):
                if i >= shift and text.startswith(word, i - shift):
                    found.add(i - shift)
        return sorted(found)


@lru_cache(maxsize=None)
def _needle_of(words: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    """(word, the needle that finds it, where the needle starts in it) for each word."""
    found = []
    for word in words:
        lowered = word.lower()
        needle = "bench" if "bench" in lowered else lowered
        found.append((word, needle, lowered.find(needle)))
    return tuple(found)


def _name_subject_data(rare: _RareWords) -> Iterator[re.Match]:
    """What ``_NAME_SUBJECT_DATA.finditer`` finds, tried only where a match can start: its data
    noun follows a space, and its article stands in one of the five words before the noun (an
    adjective of one or two words, the name, the subject word)."""
    text, starts = rare.text, set()
    for noun in rare.lower_hits_of(("dataset", "bench", "corpus")):
        if noun and text[noun - 1].isspace() and text.startswith(("dataset", "benchmark", "corpus"), noun):
            starts.update(word_starts(text, ("the", "a", "an"), _words_back(text, noun, 5), noun))
    return matches_at(_NAME_SUBJECT_DATA, text, sorted(starts))


def _words_back(text: str, start: int, count: int) -> int:
    """Where the ``count``-th whitespace-separated word before ``start`` begins."""
    for _ in range(count):
        while start and text[start - 1].isspace():
            start -= 1
        while start and not text[start - 1].isspace():
            start -= 1
    return start


def _bench_words(rare: _RareWords) -> Iterator[re.Match]:
    text = rare.text
    seen = set()
    for i in rare.positions(_BENCH_SUFFIXES):
        start = i
        while start > 0 and text[start - 1] in _NAME_CHARS:
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        match = _BENCH_WORD.match(text, start)
        if match:
            yield match


def _proposed_phrases(rare: _RareWords) -> Iterator[tuple[re.Match, Optional[NodeLabel]]]:
    """Title-case phrases right after a proposal verb, and single words there that an apposition
    calls a model, framework or dataset ("we present Painter, a generalist model"), with that kind."""
    text = rare.text
    starts = rare.lower_hits_of(_PROPOSING_SUBJECTS)
    for i in starts:
        if i and text[i - 1].isalnum():
            continue
        match = _PROPOSED_PHRASE.match(text, i)
        if match:
            yield match, None
            continue
        named = _KIND_THEN_NAME.match(text, i)
        if named:  # "We develop a few-shot detector, Meta-Reweight, that ..."
            yield named, NodeLabel.METHOD
            continue
        joined = _PROPOSED_JOINED.match(text, i)
        if joined:  # "We present SQL-RL, which ...": acronyms joined into the paper's own name
            yield joined, None
            continue
        single = _PROPOSED_WORD.match(text, i)
        if single:
            kind = single.group(2).lower()
            yield single, (_DATA_HEAD_WORDS.get(kind.rstrip("s"), NodeLabel.DATASET) if kind.startswith(_DATA_KINDS)
                           else NodeLabel.METHOD)


def _end_of_word_before(text: str, i: int) -> int:
    """Where the word before offset ``i`` ends (``i`` itself when no space comes before it)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _may_end_a_name(text: str, end: int) -> bool:
    """Can a capitalised name phrase (``_CAP_WORD``s, perhaps with a citation in brackets) end at
    ``end``? Its last word holds a capital or a digit, or closes a bracket; most words before a
    data noun ("the dataset", "new benchmarks") do not, and the pattern is then not tried."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end]
    return word.endswith(")") or any(c.isupper() or c.isdigit() for c in word)


def _titled_data(rare: _RareWords) -> Iterator[re.Match]:
    """``_TITLED_DATA`` matches in the abstract (titles describe, they do not name), found from the
    head word backwards."""
    text = rare.text
    title_end = max(text.find("\n"), 0)
    for i in rare.positions(_TITLED_DATA_WORDS):
        if i < title_end:
            continue
        head_end = i + next(len(w) for w in _TITLED_DATA_WORDS if text.startswith(w, i))
        before = _end_of_word_before(text, i)
        if before == i or not _may_end_a_name(text, before):
            continue
        for match in _TITLED_DATA.finditer(text, max(title_end, _phrase_window(text, i, 80)), head_end):
            if match.end() == head_end and not (match.start() and text[match.start() - 1].isalnum()):
                yield match
                break


def _data_heads(rare: _RareWords) -> Iterator[re.Match]:
    """``_DATA_HEAD`` matches, found from the (rare) data noun backwards: a forward scan would try
    to grow a name phrase at every capitalised word."""
    text = rare.text
    nouns = []
    for i in rare.positions(_DATA_NOUNS):
        j = _end_of_word_before(text, i)
        if j < i and j > 0 and _may_end_a_name(text, j):
            noun = _DATA_NOUN_WORD.match(text, j)
            if noun:
                nouns.append(noun)
    for noun in nouns:
        for match in _DATA_HEAD.finditer(text, _phrase_window(text, noun.start(), 120), noun.end()):
            if match.end() == noun.end() and not (match.start() and text[match.start() - 1].isalnum()):
                yield match
                break


# Coordinated names: "MultiWOZ (Budzianowski et al., 2018), SGD, and the recent SGD-X", "Sokoban, Maze, and Taxi".
_LIST_ITEM = rf"{_CAP_WORD}(?:[ \-]{_CAP_WORD}){{0,2}}(?:\s*\([^()]{{0,40}}\))?"
_LIST_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+(?:recent\s+|popular\s+)?)?"
_NAME_LIST = rf"{_LIST_ITEM}(?:{_LIST_SEP}{_LIST_ITEM})+"
# ... before a plural data noun: "the Caltech CUB, Dogs and Cars datasets".
_LIST_BEFORE_DATA = re.compile(rf"(?<![\w\-])({_NAME_LIST})\s+$")
# ... after the words that report experiments: "Our experiments on Sokoban, Maze, and Taxi show".
_EXPERIMENTS = ("experiments", "experiment", "evaluated", "evaluate", "evaluation", "evaluations", "results", "tested",
                "benchmarked", "conducted", "performance")  # ("state-of-the-art performance on Caltech, INRIA, and ETH")
_LIST_AFTER_EVAL = re.compile(rf"(?:the\s+)?({_NAME_LIST})(?![\w\-])")
_LIST_NAME = re.compile(_CAP_WORD + r"(?:[ \-]" + _CAP_WORD + r"){0,2}")
_LIST_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:show|shows|showed|demonstrate|demonstrates|confirm|confirms|indicate|indicates|reveal|reveals)\b)")
# Coordinated capitalised words that are not names of datasets: languages, mostly.
_NOT_DATA_NAMES = data_words("not_data_names.txt") | NATURAL_LANGUAGES


def _list_names(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names of a coordinated list in ``text[start:end]``, their citations left out."""
    position = start
    while position < end:
        match = _LIST_NAME.search(text, position, end)
        if match is None:
            return
        name = match.group(0)
        if name not in _NOT_DATA_NAMES and name not in stop_acronyms() and name.split()[0] not in _GENERIC_START:
            yield match.start(), match.end()
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        if after < end and text[after] == "(":  # a citation: "MultiWOZ (Budzianowski et al., 2018)"
            close = text.find(")", after, end)
            position = close + 1 if close >= 0 else end
        else:
            position = match.end()


def _item_after_and(text: str, names: list[tuple[int, int]]) -> Optional[int]:
    """The index of a list's item after "and", where the list ends: "BTCV and ACDC, ZetaMed-SAM
    improves" lists two names, the third is the subject after the list's comma (None: no "and")."""
    return next((k for k in range(1, len(names)) if " and " in text[names[k - 1][1] : names[k][0] + 1]), None)


def _data_lists(rare: "_RareWords") -> Iterator[tuple[int, int, NodeLabel]]:
    """Names listed before a plural data noun or after "experiments on": each one names data."""
    text = rare.text
    for i in rare.positions(_DATA_NOUNS):
        noun = _PLURAL_DATA_NOUN.match(text, i)
        if noun is None or not (i and text[i - 1].isspace()):
            continue
        if text.startswith((", ", ": "), noun.end()):
            # ... in apposition after it: "two real-world datasets, MovieLens and Pinterest, show"
            listed = _LIST_AFTER_EVAL.match(text, noun.end() + 2)
            if listed and _LIST_ENDS.match(text, listed.end()):
                label = _DATA_HEAD_WORDS.get(noun.group(0).lower(), NodeLabel.DATASET)
                for start, end in _list_names(text, *listed.span(1)):
                    yield start, end, label
                continue
        elif text.startswith(" ", noun.end()) and text[noun.end() + 1 : noun.end() + 2].isupper():
            # ... or right after it, coined names or acronyms: "the word similarity datasets WS353 and RW"
            listed = _LIST_AFTER_EVAL.match(text, noun.end() + 1)
            names = list(_list_names(text, *listed.span(1))) if listed else []
            last = _item_after_and(text, names)
            names = names[: last + 1] if last is not None and _LIST_ENDS.match(text, names[last][1]) else []
            shaped = [is_coined_name(text[a:b]) or _DATA_ACRONYM.fullmatch(text, a, b) is not None for a, b in names]
            # (a plain capitalised word listed among at least two coined ones is a name too: "the forecasting
            # benchmarks ETTh1, ETTm2, Weather and Electricity")
            if len(names) > 1 and all(ok or (sum(shaped) >= 2 and _PLAIN_CAPITALISED.fullmatch(text, a, b))
                                      for ok, (a, b) in zip(shaped, names)):
                label = _DATA_HEAD_WORDS.get(noun.group(0).lower(), NodeLabel.DATASET)
                for start, end in names:
                    yield start, end, label
                continue
        if not _may_end_a_name(text, _end_of_word_before(text, i)):
            continue
        window = max(_phrase_window(text, i, 160), text.rfind(".", 0, i) + 1, text.rfind("\n", 0, i) + 1)
        found = _LIST_BEFORE_DATA.search(text, window, i)
        if found:
            label = _DATA_HEAD_WORDS.get(noun.group(0).lower(), NodeLabel.DATASET)
            for start, end in _list_names(text, *found.span(1)):
                yield start, end, label
    lowered = rare.lowered
    # ... after a plural data noun and "such as": "benchmarks such as HumanEval and MBPP".
    for i in rare.lower_hits_of(_LIST_TRIGGERS):
        before = lowered[max(0, i - 20) : i].rstrip(" ,")
        noun = next((n for n in _PLURAL_DATA_NOUNS if before.endswith(n)), None)
        if noun is None or (len(before) > len(noun) and before[-len(noun) - 1].isalnum()) or not lowered[i - 1 : i].isspace():
            continue
        trigger = next(t for t in _LIST_TRIGGERS if lowered.startswith(t, i))
        found = _LIST_AFTER_EVAL.match(text, i + len(trigger) + 1) if lowered[i + len(trigger) : i + len(trigger) + 1] == " " else None
        if found:
            label = _DATA_HEAD_WORDS.get(noun[:-1] if noun != "corpora" else "corpus", NodeLabel.DATASET)
            names = list(_list_names(text, *found.span(1)))
            last = _item_after_and(text, names)
            for start, end in names[: last + 1] if last is not None else names:
                yield start, end, label
    # ... or opening a sentence, before its subject: "On Diginetica, Tmall and RetailRocket, CIRec improves ...",
    # plain capitalised words among them when one is coined.
    i = text.find("On ")
    while i >= 0:
        if i == 0 or text[i - 1] == "\n" or text.endswith(". ", 0, i):
            found = _LIST_AFTER_EVAL.match(text, i + 3)
            names = list(_list_names(text, *found.span(1))) if found else []
            # (the subject may follow the list's comma: "..., and C, CIRec")
            last = _item_after_and(text, names)
            names = names[: last + 1] if last is not None and text.startswith(", ", names[last][1]) else []
            if any(is_coined_name(text[a:b]) for a, b in names):
                for a, b in names:
                    if is_coined_name(text[a:b]) or _PLAIN_CAPITALISED.fullmatch(text, a, b) or _DATA_ACRONYM.fullmatch(text, a, b):
                        yield a, b, None
        i = text.find("On ", i + 1)
    i = lowered.find(" on ")
    while i >= 0:
        if lowered.endswith(_EXPERIMENTS, 0, i):
            found = _LIST_AFTER_EVAL.match(text, i + 4)
            if found:
                for start, end in _list_names(text, *found.span(1)):
                    yield start, end, None
        i = lowered.find(" on ", i + 1)


_PLAIN_CAPITALISED = re.compile(r"[A-Z][a-z]{3,}")
_PRIOR_BEFORE = re.compile(r"\b(?:prior|previous|strongest|best|existing|competing|leading|state-of-the-art|the)\s+"
                           r"(?:[\w\-]+\s+){0,2}$")
_APPOSED_NAME = re.compile(r"\s+([A-Z][\w\-+.]*[\w+]|[a-z]+[A-Z][\w\-+.]*[\w+])(?=[\s,.;:)]|$)")


def _method_lists(rare: "_RareWords", known_methods: frozenset = frozenset()) -> Iterator[tuple[int, int]]:
    """Names listed after a plural method noun: "approaches including Absolute Position Embedding
    (APE), T5's Relative PE, ALiBi, and Rotary", "baselines such as LoRA and IA3"."""
    text, lowered = rare.text, rare.lowered
    for i in rare.lower_hits_of(_LIST_TRIGGERS):
        trigger = next(t for t in _LIST_TRIGGERS if lowered.startswith(t, i))
        after = i + len(trigger)
        if not (i and lowered[i - 1] == " " and lowered[after : after + 1] == " "):
            continue  # a whole word, between spaces
        before = lowered[max(0, i - 17) : i].rstrip(" ,")
        if before.endswith(_METHOD_PLURALS):
            found = _LIST_AFTER_EVAL.match(text, after + 1)
            if found:
                names = list(_list_names(text, *found.span(1)))
                coined_sibling = any(is_coined_name(text[a:b]) or (a, b) in known_methods for a, b in names)
                for start, end in names:
                    name = text[start:end]
                    if " " in name or is_coined_name(name) or any(c.isdigit() for c in name) or (
                            coined_sibling and _PLAIN_CAPITALISED.fullmatch(name)):
                        # not one plain word: "Optimization", "Transformers" are not names, unless
                        # listed with coined ones ("models such as RT-2, OpenVLA and Octo")
                        yield start, end
    # A name in apposition to the prior method it is (see _PRIOR_KINDS).
    for i in rare.lower_hits_of(_PRIOR_KINDS):
        if not (i and lowered[i - 1] == " ") or not _PRIOR_BEFORE.search(lowered, max(0, i - 40), i):
            continue
        named = _APPOSED_NAME.match(text, i + len(next(k for k in _PRIOR_KINDS if lowered.startswith(k, i))))
        if named and (is_coined_name(named.group(1)) or "-" in named.group(1) or any(c.isdigit() for c in named.group(1))):
            yield named.span(1)
    # After a comparison verb only hyphenated title-case compounds ("Self-Refine", "Math-Shepherd"),
    # which no shape rule finds: coined names are found anyway, and a run of capitalised words
    # there may be a generic technique ("outperforms Prompt Tuning").
    compared_from = []  # where the compared names start, and whether the cue says they are beaten
    for i in rare.lower_hits_of(BEATING_VERBS):
        verb = _BEATING_VERB.match(lowered, i)
        if verb and i and lowered[i - 1] == " ":
            compared_from.append((verb.end(), True))
    # ... and after "Unlike", "than", or "over" after an improvement: "improves the average ROC-AUC
    # over GEM and Uni-Mol", "Unlike EAGLE-2 and Medusa, which ..." (there only what no shape rule
    # finds: "Unlike miniF2F and ProofNet" may compare benchmarks, which their context types).
    for i in rare.lower_hits_of(("unlike", "than")):
        word = "unlike" if lowered.startswith("unlike ", i) else "than "
        if (not i or not lowered[i - 1].isalnum()) and lowered.startswith(word, i):
            compared_from.append((i + len(word) + (1 if word == "unlike" else 0), False))
    for i in find_all(lowered, " over "):
        if _IMPROVED_BEFORE.search(lowered, max(0, i - 60), i):
            compared_from.append((i + 6, False))
    for after, beaten in compared_from:
        listed = _LIST_AFTER_EVAL.match(text, after)  # several names, else one
        single = None if listed else _LIST_NAME.match(text, after)
        span = listed.span(1) if listed else (single.span() if single else None)
        names = list(_list_names(text, *span)) if span else []
        # One capitalised word listed with coined or known names is a name too: "outperforms Informer,
        # Autoformer and FEDformer", "outperforming Binder and Dater" (alone, "outperforms
        # Transformers" may be a family).
        coined_sibling = listed is not None and any(is_coined_name(text[a:b]) or (a, b) in known_methods for a, b in names)
        for start, end in names:
            if _TITLED_COMPOUND.fullmatch(text, start, end) or (coined_sibling and _PLAIN_CAPITALISED.fullmatch(text, start, end)) \
                    or (beaten and listed is not None and _LISTED_ACRONYM.fullmatch(text, start, end)):
                yield start, end  # ("outperforms DDC and Deep CORAL": an acronym listed with others)
    # A score given "for" a name after a comparison: "compared with 75.7% for Planetoid".
    for i in rare.lower_hits_of(("compared", "versus", "vs.")):
        window_end = _clause_end(text, i, min(len(text), i + 90))
        for scored in _VALUE_FOR_NAME.finditer(text, i, window_end):
            if scored.group(1) not in stop_acronyms() and scored.group(1).lower() not in _ENGLISH_FUNCTION_WORDS:
                yield scored.span(1)
    # "improves over the Attention Sum Reader", "outperforms the Neural Turing Machine": capitalised
    # words with a method's head noun, the one compared against.
    # (tried only after the comparison words, found once: most texts compare in a sentence or two)
    for cue in [*rare.lower_hits_of((*BEATING_VERBS, "than", "compared", "upon")), *find_all(lowered, " over the ")]:
        i = lowered.find(" the ", cue, cue + 16)
        if i >= 0 and text[i + 5 : i + 6].isupper() and lowered.endswith(_COMPARED_THE, 0, i):
            named = _HEADED_TITLE.match(text, i + 5)
            if named and not _DETERMINER_WORD.match(named.group(0)):
                yield named.span()
    # Names given a score in brackets after a comparison: "outperforming ACT (61%) and Diffusion
    # Policy (65%)", "24.1%, above DPO (20.3%) and SimPO (22.0%)", "higher than Medusa (2.2x)": compared systems.
    for i in rare.lower_hits_of((*BEATING_VERBS, "above", "upon", "unlike", "than")):
        if not (i and lowered[i - 1] == " "):
            continue
        position = lowered.find(" ", i) + 1
        while position:
            scored = _SCORED_NAME.match(text, position)
            if scored is None:
                break
            if scored.group(1) not in stop_acronyms():
                yield scored.span(1)
            position = scored.end()


_VALUE_FOR_NAME = re.compile(r"\d(?:[\d.,]*\d)?\s?%?\s+for\s+([A-Z][a-z]{2,}[A-Za-z]*)(?=[\s,;:)]|\.(?:\s|$)|$)")


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the sentence or clause that ``start`` stands in ends, at most ``limit``."""
    end = text.find(". ", start, limit)
    semicolon = text.find(";", start, limit)
    return min(e for e in (end, semicolon, limit) if e >= 0)


_COMPARED_THE = (" over", " than", "outperforms", "outperforming", "outperform", "surpasses", "surpassing", "beats",
                 "beating", "exceeds", "exceeding", "compared to", "compared with", "upon")
_HEADED_TITLE = re.compile(r"(?:[A-Z][\w\-]*[a-z0-9][\w\-]* ){1,3}(?:Reader|Machine|Network|Encoder|Decoder|Parser|Tagger|"
                           r"Transformer|Classifier|Autoencoder|Ranker|Retriever|Solver|Learner|Sampler|Optimizer)(?![\w\-])")
_DETERMINER_WORD = re.compile(r"(?:Standard|Original|Vanilla|Same|Previous|Baseline|Best|Basic|Traditional|Classic|Conventional) ")
# A name (up to three capitalised words) and its score in brackets, then what may join the next one.
_SCORED_NAME = re.compile(r"([A-Z][\w\-+.]*[\w+](?:\s+[A-Z][\w\-+.]*[\w+]){0,2})\s+\((?:[^()\d]{0,20}\s)?\d+(?:\.\d+)?"
                          r"\s*(?:%|[A-Za-z][\w@\-]{0,11})?\)"
                          r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)?")
# A lowercase name with a number, right before its data noun: "the kin40k dataset", "the wikitext-103 benchmark".
_LOWERCASE_DATA_NAME = re.compile(r"\b(?:the|on|of)\s+([a-z][a-z\-]{1,}\d(?:[a-z\d\-]*[a-z\d])?)\s+$")
_LIST_TRIGGERS = ("including", "such as", "like", "namely", "--", "—")
_LISTED_ACRONYM = re.compile(r"[A-Z]{3,6}")
_DATA_ACRONYM = re.compile(r"[A-Z]{2,6}")
# An improvement in the clause before "over": "improves the average ROC-AUC over", "gains of 3 points over".
_IMPROVED_BEFORE = re.compile(r"\b(?:improv\w*|gains?|advantages?)\b[^.;,]*$")
_TITLED_COMPOUND = re.compile(r"[A-Z][a-z]{2,}(?:-(?:[A-Z][a-z]{2,}|[A-Z]{2,}))+")  # "Self-Refine", "Self-RAG"
_METHOD_PLURALS = ("methods", "approaches", "models", "baselines", "algorithms", "techniques", "architectures",
                   "frameworks", "variants", "systems", "agents")
_PLURAL_DATA_NOUNS = ("benchmarks", "datasets", "corpora", "suites", "environments", "testbeds")
_PLURAL_DATA_NOUN = re.compile(r"(?:" + "|".join(_PLURAL_DATA_NOUNS) + r")\b", re.IGNORECASE)


_KIND_BEFORE = re.compile(
    r"\b(model|method|framework|approach|algorithm|architecture|agent|system|dataset|benchmark|corpus|suite)s?\b[^.;]*$",
    re.IGNORECASE,
)


def _kind_named(before: str):
    """What "... model, which we call X" names, from the last kind noun before the naming verb."""
    noun = None
    for noun in _KIND_BEFORE.finditer(before):
        pass
    if noun is None:
        return None
    word = noun.group(1).lower()
    if word in ("dataset", "corpus"):
        return NodeLabel.DATASET
    if word in ("benchmark", "suite"):
        return NodeLabel.BENCHMARK
    return NodeLabel.METHOD


_VERSION_WORD = re.compile(r"^(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)?)$")
TITLE_PREPOSITIONS = {"in", "for", "on", "with", "via", "from", "under", "across", "through", "beyond", "towards"}


def title_prefix(text: str) -> tuple[int, int] | None:
    """Offsets of a name before the title's colon ("AdaTT: Adaptive ..."), if it looks like one."""
    title_end = text.find("\n")
    title = text[: title_end if title_end >= 0 else len(text)]
    match = _TITLE_PREFIX.match(title)
    if not match:
        report = _TITLE_REPORT.match(title)
        if report and any(is_coined_name(word) for word in report.group(1).split()):
            return report.start(1), report.end(1)
        # "ICNet for Real-Time Semantic Segmentation ...", "DeepFlux for Skeletons in the Wild": a
        # coined word opening the title, then a preposition, names what the paper proposes.
        opening = title.split(None, 2)
        if len(opening) >= 3 and opening[1] in TITLE_PREPOSITIONS and is_coined_name(opening[0]):
            start = title.index(opening[0])
            return start, start + len(opening[0])
        return None
    prefix = match.group(1)
    words = prefix.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):  # "THE COLOSSEUM: A Benchmark ..."
        start = match.start(1) + prefix.index(words[1])
        prefix, words = prefix[prefix.index(words[1]) :], words[1:]
        match_span = (start, match.end(1))
    else:
        match_span = (match.start(1), match.end(1))
    if len(words) > 4 or prefix.startswith("$") or words[0] in _GENERIC_START or prefix in _GENERIC_TITLE_WORDS:
        return None
    if len(words) == 1:
        word = words[0]
        numbered = word[:1].isdigit() and "-" in word and any(c.isalpha() for c in word)  # "12-in-1"
        return match_span if (word[:1].isupper() or numbered or is_coined_name(word)) else None
    if len(words) == 2 and words[0][:1].isupper() and _VERSION_WORD.match(words[1]):
        return match_span  # "Uni-Perceiver v2: ...", "Llama 2: ..."
    preposition = next((i for i, w in enumerate(words) if w in TITLE_PREPOSITIONS), len(words))
    if any(is_coined_name(w) for w in words[:preposition]):
        return match_span
    if preposition == len(words) <= 3 and all(w[:1].isupper() for w in words) and _capitalised_inside_a_sentence(
            text, prefix, title_end):
        return match_span  # "Batch Normalization: ..." + "..., Batch Normalization achieves": a name, written as one
    # "Images Speak in Images", "Beyond Sight": phrases, not names; and "Reward Generalization in
    # RLHF" is about the coined name after its preposition, not a name itself.
    return None


_SUBJECT_VERB_AFTER = re.compile(r" (?:achieves|reduces|improves|outperforms|enables|allows|yields|reaches|obtains|"
                                 r"matches|speeds|accelerates|makes|provides|leads|requires|learns|produces)\b")


def _capitalised_inside_a_sentence(text: str, phrase: str, body_start: int) -> bool:
    """Does the body write ``phrase``, capitalised as it is, inside a sentence (not at its start,
    where any phrase is capitalised), as the subject of what a method does ("..., Batch
    Normalization achieves")?"""
    if body_start < 0:
        return False
    i = text.find(phrase, body_start)
    while i >= 0:
        j = i
        while j > body_start and text[j - 1].isspace():
            j -= 1
        if j > body_start and text[j - 1] not in ".!?:\n\"“(" and _SUBJECT_VERB_AFTER.match(text, i + len(phrase)):
            return True
        i = text.find(phrase, i + 1)
    return False


# "Key-Value Memory Networks for Directly Reading Documents", "Deeply-Supervised Nets": older papers
# name their method in the title's opening noun phrase, ended by a method noun.
METHOD_HEADS = {"Network": "Network", "Networks": "Network", "Nets": "Net", "Net": "Net", "Reader": "Reader",
                 "Readers": "Reader", "Machine": "Machine", "Machines": "Machine", "Autoencoder": "Autoencoder",
                 "Autoencoders": "Autoencoder", "Transformer": "Transformer", "Transformers": "Transformer",
                 "Encoder": "Encoder", "Encoders": "Encoder", "Detector": "Detector", "Tracker": "Tracker"}
# Words of generic family names ("Graph Neural Networks", "Deep Convolutional Networks"): a phrase of
# these alone names a family, not a method.
_TITLE_STOPS = frozenset(("For", "On", "In", "With", "To", "Via", "From", "By", "Using", "And", "Of", "At", "As", "Under",
                          "Through", "Towards", "Toward", "Beyond", "Without", "Into", "Is", "Are", "Can", "Do", "Does"))
_FAMILY_WORDS = frozenset((
    "neural", "deep", "convolutional", "recurrent", "graph", "generative", "adversarial", "spiking", "attention",
    "language", "vision", "vision-language", "large", "residual", "fully", "fully-convolutional", "feed-forward",
    "feedforward", "bayesian", "probabilistic", "boltzmann", "restricted", "memory", "network", "networks", "nets",
    "net", "transformer", "transformers", "encoder", "encoders", "autoencoder", "autoencoders", "variational",
    "denoising", "sparse", "stacked", "multi-layer", "multilayer", "artificial", "hierarchical", "conditional",
    "machine", "machines", "support", "vector", "kernel", "siamese", "capsule", "pretrained", "pre-trained",
))
_TITLE_HEAD_END = re.compile(r"\s+(?:for|with|via|by|using|in|on|as|towards|to)\s|\s*$|\s*:")


def title_head_name(text: str) -> Optional[tuple[int, int, str]]:
    r"""(start, end, singular form) of a method named by the title's opening noun phrase ("Matching
    Networks for One Shot Learning"): Title-Case words ending in a method noun, followed by a
    preposition, a colon or the end of the title, and not only words of generic family names
    ("Graph Neural Networks for ...").

    >>> t = "Key-Value Memory Networks for Directly Reading Documents\n\nWe ..."
    >>> title_head_name(t)
    (0, 25, 'Key-Value Memory Network')
    >>> [title_head_name(t) for t in ("Graph Neural Networks for Graphs\n", "Vision-Language Models for X\n")]
    [None, None]
    """
    title_end = text.find("\n")
    title = text[: title_end if title_end >= 0 else len(text)]
    words = title.split()
    if len(words) < 2 or words[0] in _GENERIC_START or words[0] in _GENERIC_TITLE_WORDS or words[0].endswith("ing"):
        return None  # "Scaling Memory-Augmented Neural Networks ...": a sentence about something, not a name
    end = 0
    for i, word in enumerate(words[:6]):
        if not (word[:1].isupper() or word[:1].isdigit()) or word in _TITLE_STOPS or (
                i and words[i - 1].endswith(":")):
            return None  # ("Kernel-Free Attention: Linear-Time Transformers via ...": the colon ends the name)
        end = title.index(word, end) + len(word)
        head = METHOD_HEADS.get(word)
        if head and i >= 1 and _TITLE_HEAD_END.match(title, end):
            if all(w.lower() in _FAMILY_WORDS for w in words[: i + 1]):
                return None
            start = title.index(words[0])
            name = title[start:end]
            return start, end, name[: len(name) - len(word)] + head
    return None


_TITLE_TOOL = re.compile(
    # (a Title Case title capitalises these too: "... Super-Resolution Using an Efficient ... Network")
    r"\b(?:[Ww]ith|[Uu]sing|[Vv]ia|[Bb]y)\s+(?:[Tt]he|[Aa]n|[Aa])\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})"
)


def title_tool_name(text: str) -> Optional[tuple[int, int, str]]:
    r"""(start, end, singular form) of a method the title names after "with / using / via" and an
    article ("Text Understanding with the Attention Sum Reader Network"): with the article, the
    title introduces a method of its own; without it ("... using StrictJSON"), one it uses.

    >>> title_tool_name("Text Understanding with the Attention Sum Reader Network\n")
    (28, 56, 'Attention Sum Reader Network')
    >>> [title_tool_name(t) for t in ("Segmentation with a Deep Neural Network\n", "Agents using StrictJSON\n")]
    [None, None]
    """
    title_end = text.find("\n")
    title = text[: title_end if title_end >= 0 else len(text)]
    for match in _TITLE_TOOL.finditer(title):
        words = match.group(1).split()
        while words and words[-1] not in METHOD_HEADS:  # up to the phrase's last method noun
            words.pop()
        if not words or any(w in _TITLE_STOPS for w in words) or all(w.lower() in _FAMILY_WORDS for w in words):
            continue
        start = match.start(1)
        end = start + len(" ".join(words))
        if title[start:end].split() != words:  # words joined by other spacing: not one phrase
            continue
        name = title[start:end]
        return start, end, name[: len(name) - len(words[-1])] + METHOD_HEADS[words[-1]]
    return None


# A Greek letter (or infinity) joined to a capitalised word or "bench": "τ-bench", "π-Bench", "β-VAE" (not
# "ε-greedy", "α-based": a letter that is a variable, and a word).
_GREEK_LED = re.compile(r"^[\u03b1-\u03c9\u0391-\u03a9\u221e][\u00b2\u00b3]?-(?:[A-Z][A-Za-z0-9]*|bench)(?:-[A-Za-z0-9]+)*")


def _coined_in_word(word: str) -> tuple[tuple[int, int], ...]:
    """Spans of the coined names in one word, relative to it: its shaped parts, trimmed."""
    greek = _GREEK_LED.match(word) if not word.isascii() else None
    if greek is not None:
        return ((0, len(trim_name(greek.group(0)))),)
    found = []
    for shaped in SHAPED_WORD.finditer(word):  # (what shaped_words gives for one word, without its index)
        start = shaped.start()
        name = trim_name(shaped.group(0))
        if is_coined_name(name):
            found.append((start, start + len(name)))
    return tuple(found)


_COINED_IN_WORD = WordClasses(_coined_in_word)  # a word says the same wherever it stands


# Capitals leading a word ("EXplicit", "IDentification") or one inside it ("interAction").
_EMPHASIS_SHAPE = re.compile(r"^(?:[A-Z]{2,}[a-z]{2,}|[a-z]{2,}[A-Z][a-z]{2,})$")


def _spells_a_plain_word(text: str, word: str) -> bool:
    r"""Is ``word`` an English word with capitals that spell an acronym ("EXplicit interAction
    Model (EXAM)"), which the same text also writes plainly ("Explicit Interaction Model")? Only
    letters and hyphens, mixed case, and a part that the text has in lower or title case.

    >>> _spells_a_plain_word("Explicit Interaction Model\nthe EXplicit interAction model", "interAction")
    True
    >>> _spells_a_plain_word("DeepFlux for skeletons. DeepFlux is fast.", "DeepFlux")
    False
    """
    if not word.replace("-", "").isalpha() or word.isupper() or word.islower():
        return False
    for part in word.split("-"):
        if len(part) < 4 or not _EMPHASIS_SHAPE.match(part):
            continue  # "LexRank", "TextRank": capitals that start the parts of a name
        plain = part.lower()
        if re.search(rf"(?<![A-Za-z])(?:{plain}|{plain.capitalize()})(?![A-Za-z])", text):
            return True
    return False


# A processor's or a robot's model before its kind: "a single A100 GPU", "8 H100 GPUs", "RTX 4090 GPU", "a
# Unitree Go2 robot" (not what a paper proposes, uses as a method or evaluates on).
_HARDWARE_AFTER = re.compile(r"(?:\s+\d+\s?GB|\s+[A-Z0-9]{1,2})?\s+(?:[GTCN]PUs?|accelerators?|chips?|robots?|quadrupeds?|humanoids?|drones?)\b")  # ("ANYmal C robot")


def coined_names(text: str, index: Optional[WordIndex] = None) -> Iterator[tuple[int, int]]:
    """Offsets of shape-distinctive names, extended by a following version ("SAM 2", "ColBERT v2"),
    size or tier ("InternVL2.5 78B", "DeepSeek-V3 Base")."""
    index = index if index is not None and index.text is text else WordIndex(text)
    values = _COINED_IN_WORD.values
    spans = sorted(
        (position + start, position + end)
        for word in _COINED_IN_WORD.select(index.words)
        for position in index.occurrences(word)
        for start, end in values[word]
    )
    title_end = text.find("\n")
    for start, end in spans:
        if _spells_a_plain_word(text, text[start:end]) or cites_at(text, start) or _HARDWARE_AFTER.match(text, end):
            continue
        patch = _PATCH_SIZE.match(text, end) if text[end - 1 : end].isalpha() else None
        if patch:  # "ViT-B/16", "ViT-L/14": the patch size is part of the name (not "ResNet-50/101": two depths)
            end = patch.end()
        variant_end = model_variant_end(text, end)
        if variant_end == end:  # (a coined name also takes any number: "ZetaNet 12")
            follow = _FOLLOW_NUMBER.match(text[end : end + 8])
            variant_end += len(follow.group(0)) if follow else 0
        if variant_end > end:
            end = variant_end
        elif text.startswith("!", end) and (text[end + 1 : end + 2] in "\"”'’"
                                              or (end < title_end and text[end + 1 : end + 2] == " ")):
            end += 1  # "ZipIt! Merging Models ...", 'we introduce "ZipIt!", a method': the mark is the name's
        yield start, end


def _quoted_name(text: str, start: int) -> tuple[int, int] | None:
    """A name in quotes that starts at ``start``, function words and all: 'we call "Chain of Draft"'
    (a name phrase alone stops at "of")."""
    if not start or text[start - 1] not in "\"“":
        return None
    close = min((i for i in (text.find(mark, start, start + 60) for mark in "\"”") if i > 0), default=-1)
    words = text[start:close].split() if close > 0 else []
    if 2 <= len(words) <= 6 and words[-1][:1].isupper() and all(
            w[:1].isupper() or w.lower() in _ENGLISH_FUNCTION_WORDS for w in words):
        return start, close
    return None


def _trim_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and (words[0].group(0) in _GENERIC_START or (
            words[0].group(0).istitle() and words[0].group(0).lower() in _ENGLISH_FUNCTION_WORDS)
            or (len(words) > 1 and _SIZE_WORD.match(words[0].group(0)))):
        words.pop(0)  # ("As dataset we used ...", "While datasets are ...": a sentence's first word; "the 120K-pair X dataset")
    if not words:
        return None
    a, b = start + words[0].start(), start + words[-1].end()
    while b > a and text[b - 1] in ".,;:'\"":
        b -= 1
    return (a, b) if b > a else None


def _coordinated_coined_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a phrase that joins coined names with "and" ("KappaPRM and KappaBench"), or
    none when a part is not one coined word ("Search and Learn" may be one name)."""
    phrase = text[start:end]
    if " and " not in phrase:
        return []
    parts, position = [], start
    for part in phrase.split(" and "):
        if len(part.split()) != 1 or not is_coined_name(part):
            return []
        parts.append((position, position + len(part)))
        position += len(part) + len(" and ")
    return parts


def cue_names(text: str, index: Optional[WordIndex] = None, known_methods: frozenset = frozenset()) -> Iterator[Candidate]:
    """Names introduced by the phrases around them. ``known_methods``: the (start, end) of the
    method names the gazetteer found, which make the plain words listed with them names too."""
    rare = _RareWords(text, lower_same_length(text), index)
    naming = rare.lower_hits_of(_NAMING_WORDS)
    for match in matches_at(_CALLED, text, naming):
        span = _quoted_name(text, match.start(1)) or _trim_phrase(text, *match.span(1))
        before = text[max(0, match.start() - 60) : match.start()]
        if span and not _NOT_A_NAME_BEFORE.search(before[-40:]):
            yield Candidate(span[0], span[1], _kind_named(before), "called", proposed=True)
            second = _CALLED_SECOND.match(text, span[1])
            if second and is_coined_name(second.group(1)):  # "two loss functions called GHM-C and GHM-R"
                yield Candidate(second.start(1), second.end(1), _kind_named(before), "called", proposed=True)
    for match in matches_at(_CALLED_LOWER, text, naming):
        if _LOWER_PLURAL.search(match.group(1)):
            continue  # "heads ..., which we call retrieval heads": a kind of thing, not a name
        sentence_start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        if not _NOT_A_NAME_BEFORE.search(text[max(0, match.start() - 40) : match.start()]) and not (
                _PROBLEM_SUBJECT.match(text, sentence_start)):
            yield Candidate(match.start(1), match.end(1), None, "called", proposed=True)
    for match, label in _proposed_phrases(rare):
        span = _trim_phrase(text, *match.span(1))
        if span and not all(w in _GENERIC_START for w in text[span[0]:span[1]].split()):
            parts = _coordinated_coined_names(text, *span)
            if parts:  # "We introduce KappaPRM and KappaBench, a suite ...": two names, not one
                for a, b in parts:
                    yield Candidate(a, b, None, "called", proposed=True)
            else:
                yield Candidate(span[0], span[1], label, "called", proposed=True)
    for match in matches_at(_OUR_KIND_NAMED, text, word_starts(rare.lowered, ("our",))):
        yield Candidate(match.start(1), match.end(1), NodeLabel.METHOD, "called", proposed=True)
    for i in rare.lower_hits_of(_ORGANISATION_NEEDLES) if rare.has_any(_ORGANISATION_NEEDLE_SET) else ():
        product = _ORGANISATION_PRODUCT.match(text, i)
        if product and not (i and text[i - 1].isalnum()):
            yield Candidate(product.start(1), product.end(1), NodeLabel.METHOD, "called")
    has_apposition = any(rare.lowered.startswith(noun + ",", i) for noun in ("dataset", "benchmark", "corpus", "suite", "testbed")
                         for i in rare.lower_hits("bench" if noun == "benchmark" else noun))
    for match in _DATA_APPOSITION.finditer(text) if has_apposition else ():
        label = _DATA_HEAD_WORDS.get(match.group(1).lower(), NodeLabel.DATASET)
        # ("On a standard semi-supervised learning benchmark, CIFAR-10, ...": an existing one, named;
        # not "with a new English language dataset, ZEST,")
        existing = not _NEW_WORD.search(text, match.start(), match.start(1)) and (
            _EXISTING_DATA.search(text, match.start(), match.start(1))
            or _SETTING_PREPOSITION.search(text, max(0, match.start() - 12), match.start()))
        yield Candidate(match.start(2), match.end(2), label, "data-head", proposed=not existing)
    if rare.lower_hits("dataset") or rare.lower_hits("corpora") or rare.lower_hits("bench"):
        for match in matches_at(_BUILT_FROM_DATA, text, rare.lower_hits_of(("dataset", "bench", "corpora"))):
            yield Candidate(match.start(2), match.end(2), _DATA_HEAD_WORDS.get(match.group(1), NodeLabel.DATASET), "data-head")
        for match in _name_subject_data(rare):
            name, subject = match.group(1), match.group(2)
            if not (subject.endswith(("ed", "ing", "ly")) or subject.startswith(_DATA_NOUNS) or name in stop_acronyms()
                    or names_languages(name)):
                yield Candidate(match.start(1), match.end(1), _DATA_HEAD_WORDS.get(match.group(3), NodeLabel.DATASET), "data-head")
    for match in _data_heads(rare):
        span = _trim_phrase(text, *match.span(1))
        if not span:
            continue
        before = text[max(0, span[0] - 30) : span[0]].split()
        if len(before) >= 2 and before[-1][:1].isupper() and before[-1].lower() in _ENGLISH_FUNCTION_WORDS \
                and before[-1].lower() not in ("the", "a", "an") and before[-2][:1].isupper() and text[span[0]].isupper():
            continue  # "the Give Me Some Credit datasets": a title-case name with function words, not "Credit"
        phrase = text[span[0]:span[1]]
        first, _, rest = phrase.partition(" ")
        if rest and _SIZE_WORD.match(first):  # ("the 500k-step PlaNet benchmark": the benchmark, not its budget)
            span = (span[0] + len(first) + 1, span[1])
            phrase = rest
        if len(phrase.split()) > 4 or phrase in stop_acronyms() or not any(c.isalpha() for c in phrase) \
                or _SIZE_WORD.match(phrase) or _RESOLUTION.fullmatch(phrase) \
                or (_BARE_COUNT.fullmatch(phrase) and _NOUN_AS_MODIFIER.match(text, match.end())):
            continue  # ("the 120K-pair dataset": a size, not a name; "after 500K environment steps": a count of steps)
        # "a Twitter data set" is some data from Twitter, and "Two data sets" a count: neither is a name.
        if _INDEFINITE_BEFORE.search(text, max(0, span[0] - 4), span[0]) or phrase.lower() in _COUNT_WORDS \
                or names_languages(phrase):
            continue
        if match.group(2)[-1] in "sa" and _opens_sentence_as_plain_word(text, *span):
            continue  # "Reasoning benchmarks are ...": a kind of data opening a sentence
        label = _DATA_HEAD_WORDS.get(match.group(2).lower(), NodeLabel.DATASET)
        yield Candidate(span[0], span[1], label, "data-head")
    for i in rare.lower_hits_of(("dataset", "bench", "corpus")):
        if i > 5 and text[i - 1] == " " and (text[i - 2].isdigit() or text[i - 2].islower()):  # "the kin40k dataset"
            lower = _LOWERCASE_DATA_NAME.search(text, max(0, i - 40), i)
            if lower:
                yield Candidate(lower.start(1), lower.end(1), _DATA_HEAD_WORDS.get(text[i:i + 9].lower(), NodeLabel.DATASET), "data-head")
    for match in _titled_data(rare):
        span = _trim_phrase(text, *match.span(1))
        # Titles describe ("A Multilingual Dataset on ..."), and so does "a/an": only a definite name counts.
        indefinite = re.search(r"\b(?:[Aa]n?|[Oo]ur)\s+$", text[max(0, match.start() - 4) : match.start()])
        if span and len(text[span[0] : span[1]].split()) >= 2 and not indefinite:
            yield Candidate(span[0], span[1], _DATA_HEAD_WORDS.get(match.group(2).lower(), NodeLabel.DATASET), "data-head")
    for match in _bench_words(rare):
        yield Candidate(match.start(), match.end(), NodeLabel.BENCHMARK, "bench-name")
    for start, end in _versioned_titles(text, rare.index):
        yield Candidate(start, end, None, "shape")
    yield from _eponyms(rare)
    for start, end, label in _data_lists(rare):
        if not _RESOLUTION.fullmatch(text, start, end):  # (not "256x256" of "the ImageNet 512x512 and 256x256 benchmarks")
            yield Candidate(start, end, label, "data-list")
    for start, end in _method_lists(rare, known_methods):
        yield Candidate(start, end, NodeLabel.METHOD, "method-list")


_TITLE_WORDS_BEFORE = re.compile(r"(?:(?<![\w\-.])[A-Z][a-z]+[ \-]){1,3}\Z")
_VERSION_AFTER_SPACE = re.compile(r"[Vv]\d+(?:\.\d+)?(?![\w\-])")


def _versioned_titles(text: str, index: WordIndex) -> Iterator[tuple[int, int]]:
    """Capitalised words that a version number follows: "Point Transformer V3", "Depth Anything v2"
    (the version makes them a name, not a heading; a sentence's first word stays out). The version
    words are found in the word index (most texts have none), not by searching the text."""
    for word in _VERSION_WORDS.select(index.words):
        for position in index.occurrences(word):
            i = position - 1
            version = _VERSION_AFTER_SPACE.match(text, position) if i > 0 and text[i] == " " else None
            words = _TITLE_WORDS_BEFORE.search(text, max(0, i - 48), i + 1) if version else None
            if words:
                span = _trim_phrase(text, words.start(), i)
                if span and _may_start_sentence_before(text, span[0]) and span[0] == words.start():
                    span = None if span[1] - span[0] == len(text[span[0]:i].split(None, 1)[0]) else (
                        text.find(" ", span[0]) + 1, span[1])  # ("Using V2": no name; "Using Point Transformer V3")
                if span and span[1] > span[0] and text[span[0] : span[1]].split(None, 1)[0] not in _NOT_VERSIONED_NAMES:
                    yield span[0], version.end()


_VERSION_WORDS = WordClasses(lambda word: _VERSION_AFTER_SPACE.match(word) is not None)


# Parts of a paper or a process that take a number: "Table V2", "Phase V1" name no method.
_NOT_VERSIONED_NAMES = {"Table", "Tables", "Figure", "Fig", "Section", "Appendix", "Version", "Phase", "Stage", "Level",
                        "Type", "Class", "Part", "Round", "Step", "Setting", "Case", "Scenario", "Experiment"}


def _may_start_sentence_before(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return start == 0 or before[-1:] == "\n" or before in (". ", "? ", "! ")


def _eponyms(rare: _RareWords) -> Iterator[Candidate]:
    """Algorithms named after a person (see ``_EPONYM``), outside the title."""
    text = rare.text
    title_end = text.find("\n")
    for i in rare.lower_hits_of(_EPONYM_HEADS):
        if i <= title_end or not text[i].islower():
            continue
        end = i + next(len(h) for h in _EPONYM_HEADS if text.startswith(h, i))
        if end < len(text) and (text[end].isalnum() or text[end] == "-"):
            continue  # "methods", "filtering", "method-level"
        match = _EPONYM.search(text, max(0, i - 32), i)
        if not match or not _EPONYM_AFTER.search(text, max(0, match.start() - 40), match.start()):
            continue
        word = match.group(1)
        if word.lower().endswith(_ADJECTIVE_ENDINGS) or names_languages(word):
            continue
        yield Candidate(match.start(1), end, NodeLabel.METHOD, "eponym")


class NamePatterns(BatchComponent):
    """Adds shape, title-prefix and cue-phrase candidates to ``doc._.kg_candidates``."""

    def __init__(self, nlp: Language, name: str = "kg_name_patterns"):
        self.name = name
        use_word_flag(nlp)

    def __call__(self, doc: Doc) -> Doc:
        words = doc_words_without_links(doc)  # ("GeoX-Lab", "ShuvenduRoy" in links are not names)
        text = words.text
        found = [Candidate(a, b, None, "shape") for a, b in coined_names(text, words)]
        prefix = title_prefix(text)
        if prefix:
            found.append(Candidate(prefix[0], prefix[1], None, "title", proposed=True))
        else:
            head = title_head_name(text) or title_tool_name(text)
            if head:
                aliases = (head[2],) if head[2] != text[head[0] : head[1]] else ()
                found.append(Candidate(head[0], head[1], NodeLabel.METHOD, "title", canonical=aliases[0] if aliases else None,
                                       aliases=aliases, proposed=True))
        known = frozenset((c.start, c.end) for c in candidates_of(doc)
                          if c.label is NodeLabel.METHOD and c.source == "gazetteer")
        found.extend(cue_names(text, words, known))
        add_candidates(doc, found)
        return doc


@Language.factory("kg_name_patterns", assigns=["doc._.kg_candidates"])
def make_name_patterns(nlp: Language, name: str) -> NamePatterns:
    return NamePatterns(nlp, name)
