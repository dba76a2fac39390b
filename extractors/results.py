"""Numeric results: the scores an abstract reports for a method on a named dataset or benchmark
("achieves 85.3% accuracy on SQuAD", "a BLEU score of 28.4 on WMT'14 English-German", "3.57%
top-5 error on ImageNet").

:func:`find_results` reads one sentence at a time: each number that reads as a score (a decimal
or a percentage, or any number a metric names) is a candidate, unless it is a gain, a margin, a
size, a count, a speed, an approximation ("over 90%", "~70") or the score of a previous method
the sentence does not name. The benchmark is the dataset or benchmark named in the clause (paired
in order with "respectively"), the method the one named right after the score ("for YOLOv3") or
as the sentence's subject, else the paper's own method when the sentence speaks for the authors
("we", "our model"). The metric comes from the table of :data:`METRICS` (``data/metrics.jsonl``),
with its direction, so that a leaderboard sorts the right way.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple, Optional, Sequence

from extractors.text import find_all

__all__ = ["Metric", "METRICS", "metric_of", "find_results", "Found", "parse_value", "has_digit", "own_clause_start"]

DATA = Path(__file__).parent / "data"


class Metric(NamedTuple):
    name: str
    direction: str  # "higher" or "lower" is better


@lru_cache(maxsize=1)
def _metrics() -> tuple[dict[str, Metric], re.Pattern]:
    by_form: dict[str, Metric] = {}
    written_forms: set[str] = set()
    for line in (DATA / "metrics.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            metric = Metric(row["name"], row["direction"])
            for form in [row["name"], *row["aliases"]]:
                by_form.setdefault(form.lower(), metric)
                written_forms.add(form)
    # Forms written with capitals ("IS", "EM", "mAP", "BLEU") are matched as written, since in
    # other cases they are words ("is", "map"); forms written in lower case match in any case.
    written = sorted(written_forms, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(f) if f != f.lower() else f"(?i:{re.escape(f)})" for f in written)
        + r")(?![\w\-])"
    )
    return by_form, pattern


def METRICS() -> dict[str, Metric]:  # noqa: N802 - a table, read lazily
    """Every written form of a known metric (lower-cased) and the metric it names."""
    return _metrics()[0]


def metric_of(text: Optional[str]) -> Optional[Metric]:
    """The known metric a written form names ("top-1 acc" -> accuracy), if any.

    >>> metric_of("Top-1 error").name, metric_of("perplexities").direction
    ('error rate', 'lower')
    """
    return METRICS().get(text.strip().lower()) if text else None


class Found(NamedTuple):
    """One result read in one sentence; offsets are into the text."""

    method: Optional[str]  # an entity name, or None for the paper's own unnamed method
    benchmark: str
    metric: Optional[str]  # as written
    value: str  # as written, "%" kept
    value_span: tuple[int, int]
    benchmark_span: tuple[int, int]
    method_span: Optional[tuple[int, int]]
    sentence: tuple[int, int]


_VALUE = re.compile(r"(?<![\w.$@\-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?(?:\\%|%))?(?![\w.]*\d)")
DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Does ``text`` hold a digit (what ``DIGIT.search`` says)? In ASCII text only 0-9 are digits,
    and ten ``str`` searches take a tenth of the time of the regex, which has to test every
    character up to the first digit (in the middle of most abstracts, and none in a quarter).

    >>> has_digit("GPT-4 wins"), has_digit("no numbers"), has_digit("٣ (Arabic-Indic three)")
    (True, False, True)
    """
    if text.isascii():
        return any(digit in text for digit in "0123456789")
    return DIGIT.search(text) is not None


def _values(text: str, a: int, b: int, ascii_text: bool) -> Iterator[re.Match]:
    """What ``_VALUE.finditer(text, a, b)`` finds. A value starts with a digit that no other digit
    precedes (the pattern's look-behind refuses one), so in ASCII text the pattern is tried only
    there, at offsets ``str.find`` gives, not at every character of the sentence."""
    if not ascii_text:
        yield from _VALUE.finditer(text, a, b)
        return
    starts = sorted(i for digit in "0123456789" for i in find_all(text, digit, a, b) if not (i and text[i - 1].isdigit()))
    end = a
    for i in starts:
        if i >= end:
            match = _VALUE.match(text, i, b)
            if match:
                end = match.end()
                yield match


# A number followed by these is a size, a count, a speed or a ratio, not a score.
_UNIT_AFTER = re.compile(
    r"\s?(?:x\b|×|times\b|-?fold\b|[KMBT]\b|k\b|billion|million|thousand|hours?\b|h\b|ms\b|s\b|sec|seconds?|minutes?|days?|"
    r"GB|MB|TB|GPUs?|parameters|params|examples|samples|images|videos|tokens|words|sentences|documents|papers|tasks|"
    r"languages|datasets|steps|epochs|layers|heads|dimensions|classes|categories|frames|fps|FPS|FLOPs|GFLOPs|"
    r"%\s*(?:of|fewer|less|more|smaller|larger|faster|slower)|"
    # units of measurement: "500 hPa geopotential", "at 5 km resolution"
    r"(?:hPa|kPa|km|cm|mm|nm|m|Hz|kHz|MHz|GHz|dBm|degrees?|meters?|metres?|miles?)\b|°|"
    # a share of another's score: "retaining 98% of the original model's MMLU accuracy", "95% of GPT-4's performance"
    r"(?<=%)\s*of\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w\-.]+\s+){0,3}?(?:[\w\-.]+(?:'s|’s)\s|"
    r"(?:performance|accuracy|quality|capabilit\w*|score|F1|BLEU|AUC|mAP|mIoU)\b)|"  # ("95% of the full-data F1")
    # a share of judgements: "preferred in 58% of comparisons", "wins 61% of the time"
    r"(?<=%)\s*of\s+(?:the\s+|all\s+)?(?:[\w\-]+\s+)?(?:comparisons|cases|pairs|votes|judgm?ents|trials|matchups|battles|time|"
    r"targets|variables|settings|lead\s+times)\b|"  # ("a lower CRPS than ENS on 89% of targets")
    r"of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w\-]+\s+){0,2}?(?:training|train|data|parameters|compute|cost|"
    r"examples|samples|tokens|labels|budget|time|memory|channels|weights|layers|heads|neurons|experts)\b|"  # ("the 1% of channels")
    r"(?:\w+\s+)?points?\s+(?:more|less|higher|lower|better|worse|above|below|ahead|behind))",
    re.IGNORECASE,
)
# "succeeds in 68% of trials", "succeeds 41% of the time": a share of trials that is the score.
_SUCCEEDS_BEFORE = re.compile(r"\bsucce(?:eds?|eded|eding|ssful)\s+(?:in\s+)?$", re.IGNORECASE)
# Words just before a number that make it a gain, a margin, an approximation or an input size.
_NOT_A_SCORE_WORDS = ("by", "over", "target", "nearly", "almost", "about", "around", "approximately", "up to", "at least", "at most",
                      # a share kept of something: "keeps 92% of its accuracy, whereas ShortGPT keeps 85%"
                      "keeps", "keep", "keeping", "retains", "retain", "retaining", "preserves", "preserve", "preserving",
                      # a budget: "whereas random sampling needs 45% and 52%"
                      "needs", "need", "requires", "require",
                      "more than", "less than", "fewer than", "below", "under", "above", "from", "only", "within", "exceed", "exceeds", "exceeding", "surpassing", "beyond", "top", "first",
                      "second", "third", "rank", "ranked", "version", "v", "task", "subtask", "stage", "phase", "level",
                      # a setting, not a score: "certified accuracy of 62.4% at radius 0.5"
                      "radius", "threshold", "temperature", "epsilon", "budget", "size", "length", "depth", "width",
                      # "R@1 (IoU=0.5) of 52.3", "AP at IoU 0.75": an overlap threshold
                      "iou", "iou=", "iou =")
_NOT_A_SCORE_SIGNS = ("+", "±", "~", "≈")
_NOT_A_SCORE_BEFORE = re.compile(
    "(?:" + "|".join([rf"\b{re.escape(word)}" for word in _NOT_A_SCORE_WORDS] + list(map(re.escape, _NOT_A_SCORE_SIGNS)))
    + r")\s*$",
    re.IGNORECASE,
)
_NOT_A_SCORE_ENDINGS = _NOT_A_SCORE_WORDS + _NOT_A_SCORE_SIGNS
# "completes only 18.3% of tasks", "scores just 36.3%": a low score, not a share of something
_VERB_THEN_ONLY = re.compile(r"\b(?:achiev|obtain|reach|attain|scor|solv|resolv|complet|answer|get)\w*\s+(?:only|just)\s*$",
                             re.IGNORECASE)


def _not_a_score_before(before: str) -> bool:
    r"""What ``_NOT_A_SCORE_BEFORE.search(before)`` says. In ASCII text, from the endings of the
    lowercased text: the pattern tried at every character took about 24 µs a number.

    >>> [_not_a_score_before(t) for t in ("improves it by ", "nearby ", "Top-", "(v", "up to\n", "scores ")]
    [True, False, False, True, True, False]
    """
    if not before.isascii():
        return _NOT_A_SCORE_BEFORE.search(before) is not None
    head = before.rstrip().lower()
    if not head.endswith(_NOT_A_SCORE_ENDINGS):
        return False
    for ending in _NOT_A_SCORE_ENDINGS:
        if head.endswith(ending):
            start = len(head) - len(ending)
            if ending in _NOT_A_SCORE_SIGNS or not start or not (head[start - 1].isalnum() or head[start - 1] == "_"):
                return True
    return False


_RELATIVE = re.compile(
    r"\b(?:improv\w*|gain(?:s|ing|ed)?|reduc\w*|increas\w*|decreas\w*|drops?|boosts?|margins?|relative|absolute|points?\s+(?:higher|lower|better)|"
    r"lifts?|jumps?|deltas?)\b",
    re.IGNORECASE,
)
# (up to three words between, none of them a preposition that would start the benchmark's phrase:
# "a 2.35% GLUE score average improvement", but not "85.3% accuracy on SQuAD, an improvement")
_RELATIVE_AFTER = re.compile(r"\s*(?:(?!(?:on|in|at|for|of|with|over|than)\b)[\w\-+]+\s+){0,3}?(?:improvement|gain|reduction|increase|decrease|drop|boost|margin|"
                             r"relative|absolute|higher|lower|better|worse|more|less|above|below)\b|"  # ("4.2 BLEU above the cascade")
                             # right after the value: "40% fewer parameters" (not "0.8% and 1.4% while being 300x faster")
                             r"\s*(?:fewer|smaller|larger|faster|slower|cheaper)\b", re.IGNORECASE)
_RAISED_TO = re.compile(r"\b(?:improv\w*|rais\w*|push\w*|boost\w*|lift\w*|increas\w*|reduc\w*|lower\w*|decreas\w*|doubl\w*|tripl\w*|"
                        r"rises|rose|risen|climbs|climbed|grows|grew)\b"  # ("accuracy rises from 61.6% to 73.0%")
                        r"(?:[^.;]|\.\d)*\bto\s*$", re.IGNORECASE)
# From one value to the next in a coordination: "8.0% on WebArena and 12.2%", "47.69 and 40.68".
_COORDINATED_VALUE = re.compile(r"[^;()]{0,60}?(?:,\s*and|,|\band|/)\s*", re.IGNORECASE)
# A clause of its own setting, named by no data name: ", and on Replica it reaches"
_OTHER_SETTING_BETWEEN = re.compile(r"(?:,\s+and\s+|;\s*)(?:on|in)\s+(?:the\s+)?[A-Z][\w\-]*")
_ELIDED_VERB_GAP = re.compile(r"\s*,?\s*(?:and\s+|while\s+|whereas\s+)?[A-Z][\w\-.+]*\s+")  # (" and SliceGPT ")
_NAME_OPENS_BRACKET = re.compile(r"\s[A-Z][\w\-.+]*\s?\($")
# (a "human-normalized score" is the agent's; "PhD-level experts reach 71.0%", "annotators agree at 0.81" are people's)
_HUMAN = re.compile(r"\bhuman(?:s|-level)?\b(?!-normali[sz]ed)|\b(?:experts|annotators|crowd-?workers|participants)\b", re.IGNORECASE)
_PREVIOUS = re.compile(r"\b(?:previous|prior|former|earlier|existing|baselines?|best\s+(?:reported|published)|previously|"
                       r"state[- ]of[- ]the[- ]art\s+(?:of|is|was))\b", re.IGNORECASE)
# What the paper's method does to the previous work named after it: "outperforms all previous ..."
_BEATEN_PREVIOUS = re.compile(r"\b(?:outperform|surpass|beat|exceed)\w*\s+(?:all\s+|the\s+|all\s+the\s+)?$", re.IGNORECASE)
# A sentence about someone else's system, unnamed: "The best agent ...", "Even the strongest model ..."
# ("For comparison, a phrase-based SMT system achieves 33.3")
_OTHERS_SUBJECT = re.compile(r"\s*(?:[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?\s+(?:show|shows|reveal|reveals|find|finds)\s+that\s+)?"
                             # ("Extensive experiments show that even the best models ... achieve only 65.47%")
                             r"(?:For comparison,\s*|(?:[Ee]ven\s+)?(?:The|the)\s+(?:best|strongest|top|leading|top-performing|"
                             r"best-performing)\b|(?:An?|an?)\s+(?:[\w\-]+\s+){0,3}?(?:system|baseline|model)s?\s+"
                             r"(?:achieves|obtains|scores|reaches|gets|attains)\b)")
# "compared with 0.168 for relevance labels from human annotators": a compared value given for
# something described, not named (not "85% for question answering", a score of the paper's own)
# "the 34.2% top-5 error achieved by a fully supervised CNN approach": an unnamed other system's
_BY_A_DESCRIPTION = re.compile(r"\s*(?:[\w\-]+\s+){0,3}?(?:achieved|obtained|reached|reported|attained)\s+by\s+"
                               r"(?!(?:our|ours|the proposed|this)\b)(?:the\s+|a\s+|an\s+)?[a-z]")
_FOR_A_DESCRIPTION = re.compile(r"\s*(?:for|of)\s+(?!(?:our|ours|the proposed|this|each|all|both)\b)(?:the\s+|a\s+|an\s+)?[a-z]")
_COMPARED_RIGHT_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?|than|against)\s+(?:the\s+|only\s+)?$", re.IGNORECASE)
# ... with other values coordinated between: "compared with 6.81 and 17.9% for random selection"
_COORDINATED_VALUES = r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d[\d.,]*\s*%?)*"
_FOR_A_DESCRIPTION_AFTER_VALUES = re.compile(_COORDINATED_VALUES + _FOR_A_DESCRIPTION.pattern)
_COMPARED_THEN_VALUES_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|versus|vs\.?|than|against)\s+(?:the\s+|only\s+)?"
                                          r"(?:\d[\d.,]*\s*%?\s*(?:,\s*(?:and\s+)?|and\s+))*$", re.IGNORECASE)
_FOR_A_NAME_AFTER = re.compile(r"(?:\s?dB)?\s*for\s+(?:the\s+)?[A-Z]")  # ("10.2 dB for Conv-TasNet")
_VERB_RIGHT_BEFORE = re.compile(r"\b(?:obtains?|achieves?|scores?|reaches?|attains?)\s+$")
# "0.851 for ConVIRT and 0.836 for a model initialized from ImageNet": coordinated with a score given for a name
_AFTER_A_SCORE_FOR_A_NAME = re.compile(r"\d%?\s+for\s+(?:the\s+|a\s+|an\s+)?[^\s,;]+\s*(?:,\s*)?(?:and\s+)?$")  # ("5.3% for the teacher and")
# After a value: whose it is, unnamed ("compared to 33.2% for the previous best open-source agent")
_FOR_UNNAMED = re.compile(r"\s*(?:for|in|by)\s+(?:the\s+|a\s+|an\s+)?(?:previous|prior|strongest|best|existing|baseline|"
                          r"state-of-the-art|competing|other|humans?|human-\w+|people|annotators?|(?:human\s+)?experts?)\b",
                          re.IGNORECASE)  # ("compared with 92.4% in human-written surveys")
_RESULT_VERB = re.compile(
    r"\b(?:achiev\w*|obtain\w*|reach\w*|attain\w*|scor\w*|(?:sets?|setting)(?=\s+(?:a|an|the|new)\b)|yields?|yielding|gets?|getting|records?|reports?|"
    r"accomplish\w*|deliver\w*|establish\w*|produc\w*|ach\w+ves|keeps|keeping|leads?\s+with|"
    r"solv(?:es|ed)|resolv(?:es|ed)|prov(?:es|ed)|complet(?:es|ed)|answer(?:s|ed)|succeed(?:s|ed))\b",  # ("proves 63.5% of the theorems in X")
    re.IGNORECASE,
)
_OURS = re.compile(r"^\W*(?:\w+\s*,\s*)?(?:we|our|ours|the proposed|this (?:model|method|approach|system|paper|work))\b",
                   re.IGNORECASE)
_FOR_NAME = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:[\w\-@]+\s+)?(?:(?:,|and|,\s*and)\s+\d+(?:\.\d+)?\s*%?\s*(?:[\w\-@]+\s+)?)?"
                       r"(?:at\s+\S+\s+)?for\s+(?:the\s+|an?\s+)?"  # ("60.1% for a ResNet-50 trained ...")
                       # "14.9% for the strongest prior agent, SteP"
                       r"(?:(?:[\w\-]+\s+){0,3}(?:method|baseline|model|agent|system|approach)s?,\s+)?$", re.IGNORECASE)
# "the 34.2% top-5 error of the fully supervised AlexNet": the score of the name after it
_OF_NAME = re.compile(r"\s*(?:(?!(?:that|those|equals?|match(?:es)?|is|are|was|were|than)\b)[\w\-@]+\s+){1,2}of\s+(?:the\s+|an?\s+)?(?:[a-z][\w\-]*\s+){0,3}")
# ("the best open model, Qwen2-VL-72B, 54.7%", "X at 51.0%", "while LLaVA-1.5-13B scores 36.3%")
_NAME_THEN_SCORE = re.compile(r"\s*,\s*|\s+at\s+|\s+(?:leads\s+)?with\s+|\s+(?:scores|achieves|reaches|obtains|attains|gets|solves|resolves|"
                              r"completes|answers)\s+(?:only\s+|just\s+)?")
_WHICH_SCORES = re.compile(r",\s+(?:which|that)\s+(?:\w+\s+)?(?:scores?|achieves?|reach(?:es)?|obtains?|attains?|gets?)\b")
# A name that only describes another: "GPT-4-based G-Eval", "RETRO-style retrieval", "Contriever-augmented GPT-3"
MODIFIER_SUFFIXES = ("-based", "-style", "-like", "-powered", "-driven", "-inspired", "-guided", "-type", "-augmented",
                     "-enhanced", "-assisted")
_UNNAMED_BEATEN_BRACKET = re.compile(r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|over|compared\s+(?:to|with)|versus|vs\.?)\s+"
                                     # (not "beats it on localization accuracy (61.2% vs. 54.0%)": a setting, ours)
                                     r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:it|them|on|in|at|for|with|by|of|across)\b)[a-z][\w\-]*\s+){1,4}\($")
_WE_AFTER_COMMA = re.compile(r"\s*we\b", re.IGNORECASE)
_AND_MAKER_BEFORE = re.compile(r"(?:,|\band)\s+[A-Z][A-Za-z]+(?:['’]s)?\s+$")
_GERUND_OPENING = re.compile(r"\s*[A-Z][a-z]+(?:-[a-z]+)?ing\s+(?:(?:the|a|an)\s+)?")
_GERUND_OPENING_LOWER = re.compile(r"\s*[a-z]+(?:-[a-z]+)?ing\s+(?:(?:the|a|an)\s+)?")  # (the same, opening a clause)
# ("Applied to A, B and C, X ...", "Across texts generated by A, B and C on D, X ...")
_OPENING_PARTICIPLE = re.compile(r"\s*(?:[A-Z][a-z]+(?:-[a-z]+)?(?:ing|ed)|Across|Among|Over|With|For)\s")  # ("Fine-tuning X, ...")
_NOT_SUBJECT_BEFORE = re.compile(
    r"\b(?:than|over|with|using|upon|from|like|such as|including|compared (?:to|with)|outperform\w*|surpass\w*|beat\w*|"
    r"of|on|in|by|via|based)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


def parse_value(text: str) -> Optional[float]:
    """A written value as a number: "85.3%" -> 85.3, "1,024" -> 1024.0.

    >>> parse_value("85.3\\\\%"), parse_value("1,024"), parse_value("n/a")
    (85.3, 1024.0, None)
    """
    try:
        return float(text.replace("\\%", "").replace("%", "").replace(",", "").strip())
    except ValueError:
        return None


# From a metric to its value: "F1 of 91.2", "ROUGE-L 74.68", "IS (IS) of", "precision is 61.2%"
_METRIC_TO_VALUE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?(?:score\s+)?(?:of\s+|=\s*|:\s*|(?:is|was)\s+|to\s+|\s)?(?:\s*\(?)?|"
                              # ("improves perplexity from 51.3 down to 30.0": the value raised or lowered to)
                              r"\s+from\s+\d+(?:\.\d+)?\s?%?\s+(?:down\s+|up\s+)?to\s+")

_BUT_CLAUSE = re.compile(r",\s+but\s|\s(?:whereas|although|though)\s")
_RANK_OF = re.compile(r"\b(?:average|mean|median)\s+rank(?:ing)?s?\b|\brank(?:ing)?s?\s+of\s+\d", re.IGNORECASE)
# (not "on the Amazon→Webcam shift", "on the ImageNet-C split": a part of the data named before)
_ON_A_NAME_AFTER = re.compile(r"\s*on\s+(?:the\s+)?(?:[A-Z]|[a-z]+[A-Z])(?![^\s,.;]*(?:→|->|\s+(?:shifts?|splits?|subsets?|sets?|tasks?|tracks?|settings?)\b))")
# ("51.3/19.6/48.1 on GovReport": slash-separated values are a run too)
_NEXT_VALUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|/)\d+(?:\.\d+)?(?:\s?%)?")


_ANOTHER_REACHES = re.compile(r"\s*%?,?\s+(?:while|whereas|and)\s+[A-Z][\w\-.+]*\s+(?:reaches|achieves|scores|obtains|gets)\s+")


def _end_of_the_run(text: str, end: int, hi: int) -> int:
    """Where the values coordinated after the one ending at ``end`` end ("55.9% and 57.4%")."""
    while (following := _NEXT_VALUE.match(text, end, hi)) is not None:
        end = following.end()
    return end


def _metric_of_the_run(text: str, end: int, lo: int, hi: int) -> Optional[tuple[int, int]]:
    """The metric written after the last of the values coordinated after the one ending at ``end``
    ("54.1 and 61.8 F1"), or None."""
    last = _end_of_the_run(text, end, hi)
    if last == end:
        return None
    metric = _metric_near(text, last, last, lo, hi)
    return metric if metric is not None and metric[0] >= last else None


def _metric_near(text: str, start: int, end: int, lo: int, hi: int) -> Optional[tuple[int, int]]:
    """The span of a metric written right after the value ("85.3% accuracy", "22.5 BLEU") or
    right before it ("an F1 of 91.2", "ROUGE-L 74.68", "Inception Score (IS) of 166.5")."""
    pattern = _metrics()[1]
    after = pattern.match(text, end + 1 if text[end : end + 1] == " " else end, hi)
    if after and after.start() <= end + 1:
        return after.span()
    window_start = max(lo, start - 45)
    best = None
    for match in pattern.finditer(text, window_start, start):
        between = text[match.end() : start]
        if _METRIC_TO_VALUE.fullmatch(between):
            best = match.span()
    return best


def find_results(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int, str, str, bool]],
    own_method: Optional[str],
    sole_benchmark: Optional[tuple[int, int, str, str, bool]] = None,
) -> list[Found]:
    """Results of one text.

    Parameters
    ----------
    text : the paper's text.
    sentences : sentence bounds, in order.
    mentions : (start, end, entity name, kind, proposed) of every entity mention, kind being
        "method", "data" or "source" (data a model is trained on, where the sentence names other data).
    own_method : the paper's first proposed method, named, if any.
    sole_benchmark : the first mention of the one dataset or benchmark the paper reports results
        on, if there is exactly one: a sentence that names none ("Workforce achieves 69.70%") is
        read as about it, when its score is clearly one (a known metric, or a percentage after a
        verb of achieving).
    """
    mentions = sorted(mentions)
    starts = [m[0] for m in mentions]
    ascii_text = text.isascii()
    found: list[Found] = []
    for a, b in sentences:
        first = bisect.bisect_left(starts, a)
        here = [m for m in mentions[first : bisect.bisect_left(starts, b)]]
        data = [m for m in here if m[3] == "data"]
        borrowed = not data and sole_benchmark is not None
        if borrowed:
            data = [sole_benchmark]
        if not data:
            continue  # (a sentence without a digit finds no value below)
        candidates = []
        # "an average rank of 3.1, ahead of XGBoost (4.2)": ranks are no scores, nor the values compared with one
        ranked = "rank" in text[a:b] and _RANK_OF.search(text, a, b) is not None
        previous: Optional[tuple[int, bool, int, int]] = None  # (end, kept, span) of the last number read
        not_a_score_end: Optional[int] = None  # where the last value read as no score ends
        for match in _values(text, a, b, ascii_text):
            start, end = match.span()
            value = match.group(0)
            if any(m[0] <= start < m[1] for m in here):
                continue  # a digit inside a name ("GPT-4", "WMT 2014")
            if start >= 2 and text[start - 1] == "/" and text[start - 2].isdigit() and not (
                    match.group(2) is not None and not value.endswith("%") and previous is not None and previous[1]):
                # the scale of the value before it: "a pedagogical score (3.9/5)"; but a decimal after a
                # score is a score of its own: "ROUGE-1/2/L of 51.3/19.6/48.1"
                continue
            if previous is not None and _COORDINATED_VALUE.fullmatch(text, previous[0], start):
                # "gains of 8.0% on WebArena and 12.2% on AndroidWorld": a value coordinated with the
                # last one is what that one was, unless it says otherwise: "22.5 BLEU on WMT 2014,
                # 5.5 points more than ..." is a margin, "by 1.1 points and 24.54 BLEU on X" a score.
                metric = _metric_near(text, start, end, a, b)
                kept = previous[1] and not (_UNIT_AFTER.match(text, end, b) or _RELATIVE_AFTER.match(text, end, b))
                if kept:
                    candidates.append((start, end, value, metric))
                # Read on its own when it has a metric of its own after it and the other has none, or its
                # data follows ("4.2 BLEU above the cascade, and 27.1 BLEU on the FLEURS test set"; not
                # after a margin's "by": "by 12.3 mAP on COCO and 3.3 mIoU on ADE20K").
                reads_alone = metric is not None and metric[0] > end and (
                    _metric_near(text, *previous[2:], a, b) is None
                    or (text.startswith(" on ", metric[1])
                        and not _not_a_score_before(text[max(a, previous[2] - 30) : previous[2]])))
                if kept or not reads_alone:
                    previous = (end, kept, start, end)
                    continue
            previous = (end, False, start, end)
            integer = match.group(2) is None and match.group(3) is None
            number = parse_value(value)
            if number is None or (integer and 1900 <= number <= 2100):
                previous = None  # a year or a name's number says nothing about the values after it
                continue
            if _UNIT_AFTER.match(text, end, b) and not (
                    value.endswith("%") and _SUCCEEDS_BEFORE.search(text, max(a, start - 30), start)):
                continue  # (but "succeeds in 68% of trials" is a success rate)
            if value.endswith("%") and (run_end := _end_of_the_run(text, end, b)) > end and _UNIT_AFTER.match(text, run_end, b):
                continue  # "with 18% and 24% of the labels": shares, the first as the last
            before = text[max(a, start - 30) : start]
            # ("up from 5.1 for CSP", "from 71.2 for GraphMVP to 74.8": the named system's)
            from_named = before.endswith("from ") and _FOR_A_NAME_AFTER.match(text, end, b) is not None
            if _not_a_score_before(before) and not _VERB_THEN_ONLY.search(before) and not from_named:
                not_a_score_end = end
                continue
            if not_a_score_end is not None and _ELIDED_VERB_GAP.fullmatch(text, not_a_score_end, start):
                continue  # "ShortGPT keeps 85% and SliceGPT 88%": what the elided verb said of the first value
            # "improves ... from 87.6% to 93.2%" (the pattern ends with "to": a cheap first test)
            raised_to = text[a:start].rstrip()[-2:].lower() == "to" and _RAISED_TO.search(text, a, start) is not None
            relative = None if raised_to or from_named else _RELATIVE.search(text, max(a, start - 25), start)
            if relative is not None and text.find(", ", relative.end(), start) >= 0 \
                    and _RESULT_VERB.search(text, relative.end(), start):
                relative = None  # "by a significant margin, achieving 81.5% accuracy": a score of its own
            if relative is not None and text[start - 1 : start] == "(" and _NAME_OPENS_BRACKET.search(text, relative.end(), start):
                relative = None  # "improving over Pic2Word (23.9) and SEARLE (24.2)": the names' own scores
            if not raised_to and (relative is not None or _RELATIVE_AFTER.match(text, end, b)):
                continue
            if _HUMAN.search(text, max(a, start - 40), start):
                continue  # "human-level performance (72.58 for CoNLL ...)": not a method's score
            metric = _metric_near(text, start, end, a, b)
            if ranked and metric is None:
                continue
            # "versus 48.9% for TRAK": the compared system's score
            # (also the first of values coordinated before it: "compared with 4.7 and 93.6 for MAGVIT")
            compared_for_name = metric is None and _FOR_A_NAME_AFTER.match(text, _end_of_the_run(text, end, b), b) is not None \
                and _COMPARED_RIGHT_BEFORE.search(text, max(a, start - 25), start) is not None
            if integer and metric is None and text.startswith(" on ", end) and _VERB_RIGHT_BEFORE.search(text, max(a, start - 20), start):
                integer = False  # "It obtains 1,652 on MME": a score summed over a benchmark's parts
            elif integer and compared_for_name and candidates and candidates[-1][3] is not None:
                integer = False  # "a mean score of 812 ..., compared with 754 for DrQ-v2": the same metric's
            if metric is None and (integer or not (raised_to or from_named or _RESULT_VERB.search(text, a, start)
                                                   or _in_versus_bracket(text, start, end)
                                                   or (compared_for_name and text.find("% of ", a, start) < 0))):  # (not shares compared)
                # No sign it is a score, nor that it is not one ("CoNLL-2014 10 annotation dataset
                # and 62.42 (GLEU) on JFLEG"): the next value is read on its own.
                previous = None
                continue
            if borrowed and metric is None:
                metric = _metric_of_the_run(text, end, a, b)  # ("reach 54.1 and 61.8 F1": both are F1)
            if borrowed and metric is None and candidates and candidates[-1][3] is not None \
                    and _ANOTHER_REACHES.fullmatch(text, candidates[-1][1], start):
                metric = candidates[-1][3]  # "X reaches an F1 of 39.2, while Y reaches 45.7": the same metric
            if borrowed and metric is None and not (value.endswith("%") and (
                    _RESULT_VERB.search(text, a, start) or (raised_to and _RAISED_UP.search(text, a, start)))):
                # ("improves the success rate of GPT-4o to 23.6%", not "reduces training requirements to 60%")
                continue
            candidates.append((start, end, value, metric))
            previous = (end, True, start, end)
        if not candidates:
            continue
        sentence_text = text[a:b]
        at = sentence_text.find("respectively")
        # The data named before "respectively" (not "..., respectively, and sets a new state of the
        # art on A and B"), or after it when none is before ("85.2 and 86.1, respectively, on A and B").
        paired = ([m for m in data if m[0] < a + at] or data) if at >= 0 else data
        respectively = at >= 0 and len(candidates) == len(paired) > 1
        paired_upto = len(candidates)
        if at >= 0 and not respectively and len(paired) > 1:
            # "error rates of 4.2%, 5.1% and 6.0% on A, B and C, respectively, and an F1 of 92.6 on B":
            # the values before "respectively" pair with its data; the later ones are read on their own
            before = [c for c in candidates if c[0] < a + at]
            if len(before) == len(paired) and paired[-1][1] <= a + at:
                respectively, paired_upto = True, len(before)
        if not respectively and len(candidates) == len(data) > 1 and data[-1][1] <= candidates[0][0] and all(
                _LIST_GAP.fullmatch(text, x[1], y[0]) for x, y in zip(data, data[1:])) and all(
                _values_coordinated(text, x, y) or _RAISED_GAP.fullmatch(text, x[1], y[0])
                for x, y in zip(candidates, candidates[1:])):
            # "On Split CIFAR-100 and ImageNet-R, X achieves 86.4% and 79.2%": as many values as data
            # named before them, both coordinated, pair in order
            respectively, paired = True, data
        elif not respectively and len(candidates) == len(data) > 1 and candidates[-1][1] <= data[0][0] and all(
                _LIST_GAP.fullmatch(text, x[1], y[0]) for x, y in zip(data, data[1:])) and all(
                _COORDINATION_GAP.fullmatch(text, x[1], y[0]) for x, y in zip(candidates, candidates[1:])) and (
                _VALUES_THEN_ON.fullmatch(text, candidates[-1][1], data[0][0])):
            # "BLEU scores of 32.8 and 15.1 on the Multi30k and WMT English-French datasets": the same
            # after the values
            respectively, paired = True, data
        elif not respectively and len(data) > 1 and len(candidates) > len(data) and data[-1][1] <= candidates[0][0] and all(
                _LIST_GAP.fullmatch(text, x[1], y[0]) for x, y in zip(data, data[1:])):
            # "On GSM8K and MATH, X reaches 51.2% and 18.4%, compared with 14.6% and 2.5% for Y": each
            # run of coordinated values as long as the list of data pairs with it in order
            runs, run = [], [candidates[0]]
            for x, y in zip(candidates, candidates[1:]):
                if _COORDINATION_GAP.fullmatch(text, x[1], y[0]):
                    run.append(y)
                else:
                    runs.append(run)
                    run = [y]
            runs.append(run)
            if all(len(r) == len(data) for r in runs):
                respectively, paired = True, data * len(runs)
        first_found = len(found)
        for position, (start, end, value, metric) in enumerate(candidates):
            scored = None  # "outperforming ACT (61%) and Diffusion Policy (65%)": the name's own score
            if borrowed:
                benches = data
                # "followed by GPT-4o (55.1%) and Gemini 1.5 Pro (52.8%)": the score of the name before the bracket
                scored = _name_of_open_bracket(text, a, start, here)
            elif respectively and position < paired_upto:
                benches = [paired[position]]
                # "outperforming Graph WaveNet (3.53 and 1.95)": the scores in a bracket after a name are the name's
                scored = _name_of_open_bracket(text, a, start, here)
            else:
                bracket = _bracket_of(text, a, start)
                scores_bracket = _SCORES_BRACKET_SO_FAR.search(text, max(a, start - 40), start) if bracket is None else None
                if scores_bracket is not None:  # "exceeding IQL (77.0 and 63.2)": the second of the name's scores
                    scored, bench = _scored_name(text, here, data, scores_bracket.start(), start)
                    if bench is None:
                        continue
                    benches = [bench]
                elif bracket is not None:
                    # "TextWorld escape room solving (96% solve rate)": a bracket annotates the phrase
                    # before it, back to the last comma; no dataset named there, no result.
                    # Unless the bracket names one itself: "(34.4% AP for X compared to 33.0% AP for Y on COCO)".
                    before = [m for m in data if bracket[0] <= m[0] and m[1] <= bracket[1]]
                    closing = text.find(")", end, b)
                    inside = [m for m in data if end <= m[0] and m[1] <= (closing if closing >= 0 else b)]
                    bench = before[-1] if before else (inside[0] if inside else None)
                    if bench is None:
                        scored, bench = _scored_name(text, here, data, text.rfind("(", a, start), start)
                elif _named_metric_bracket(text, a, start, here) is not None:
                    # "exceeding SDXL-Turbo (FID 24.6, GenEval 0.51)": the scores of the name before the
                    # bracket, each on the data written before it there, or on the data its metric was
                    # given on earlier in the sentence
                    scored = _named_metric_bracket(text, a, start, here)
                    opening = text.rfind("(", a, start)
                    inside = [m for m in data if opening < m[0] and m[1] <= start]
                    bench = inside[-1] if inside else None
                    if bench is None and metric is not None:
                        written = text[metric[0] : metric[1]]
                        same = [f.benchmark_span for f in found[first_found:] if f.metric == written]
                        bench = next((m for m in data if same and (m[0], m[1]) == same[0]), None)
                    if bench is None:
                        continue
                elif _data_before_open_bracket(text, a, start, data) is not None:
                    # "segmentation of PASCAL VOC (20% relative improvement to 62.2% mean IU on 2012)":
                    # the bracket annotates the data named before it
                    bench = _data_before_open_bracket(text, a, start, data)
                else:
                    later = [m for m in data if m[0] >= end]
                    kept = _KEPT_WITHOUT.search(text, end, later[0][0]) if later and "without" in text[end : later[0][0]] else None
                    if kept is not None:
                        later = [m for m in later if m[0] < kept.start()]
                    clear = [m for m in later if not any(end < c[0] < m[0] for c in candidates)]
                    earlier = [m for m in data if m[1] <= start]
                    # ("On ImageNet, X improves accuracy under five shifts (ImageNet-V2, ..., ImageNet-A) ...,
                    # while keeping in-distribution accuracy at 86.2%": a bracket's list is not the setting)
                    unbracketed = [m for m in earlier if not _in_closed_bracket(text, a, m, start)]
                    if unbracketed and len(unbracketed) < len(earlier):
                        earlier = unbracketed
                    if earlier and _RAISED_RIGHT_AFTER.fullmatch(text, earlier[-1][1], start):
                        clear = []  # "on MATH-500 from 83.1% to 88.6% and on X ...": the score of the name before
                    if clear and _NEXT_CLAUSE.search(text, end, clear[0][0]):
                        if not earlier and _BUT_CLAUSE.search(text, end, clear[0][0]):
                            continue  # "reduces ECE from 4.2% to 1.3%, but fails ... on ImageNet-C": no data of its own
                        clear = []  # "On the kin40k dataset, X reaches 0.21, and on Y ...": the next clause's data
                    run_end = _end_of_the_run(text, end, b) if not clear else end
                    if run_end > end:  # "which reach 55.9% and 57.4% on BIRD": the run's data, written after it
                        clear = [m for m in later if _VALUES_THEN_ON.fullmatch(text, run_end, m[0])][:1]
                    if earlier and not clear and _OTHER_SETTING_BETWEEN.search(text, earlier[-1][1], start):
                        continue  # "On ScanNet200 X reaches 28.7, and on Replica it reaches 34.2": not ScanNet200's
                    if earlier and not clear and (unknown := _ON_A_NAME_AFTER.match(text, max(run_end, end), b)) is not None \
                            and not any(m[0] == unknown.end() - 1 for m in data):
                        continue  # "51.3 on GovReport and 47.9 on arXiv": on data of no name found, not GovReport's
                    bench = clear[0] if clear else (earlier[-1] if earlier else (later[0] if later else None))
                if bench is None:
                    continue
                benches = [bench] + _coordinated(text, bench, data, b)
            if scored is not None:
                method, method_span = scored[2], (scored[0], scored[1])
            else:
                method, method_span = _method_of(text, a, start, end, here, own_method, benches[0])
                if _VERSUS_BEFORE.search(text, max(a, start - 24), start):
                    # "Compared with Llama Guard, X achieves a higher F1 (0.86 vs. 0.74)": the other
                    # side's score is the compared method's
                    other = _compared_method(text, a, b, here, method, before=start)
                    if other is None:
                        continue  # "a drop of only 0.3% on Kinetics-400 (81.2% vs. 81.5%)": an unnamed other's
                    method, method_span = other[2], (other[0], other[1])
            attributed = scored is not None or (method_span is not None and (
                method_span[0] > end  # "... for YOLOv3"
                or _NAME_THEN_SCORE.fullmatch(text, method_span[1], start)))  # ("the best baseline, UDA-Pose, 66.7 AP")
            if method_span is None and _OTHERS_SUBJECT.match(text, a, start):
                continue  # "The best agent, based on GPT-4o, completes only 18.3%": not the paper's own method
            if method_span is None and text[start - 1 : start] == "(" and _UNNAMED_BEATEN_BRACKET.search(text, max(a, start - 70), start):
                continue  # "outperforming rule-based heuristics (9.6%)": an unnamed other's score
            if method_span is None and _clause_of_another(text, a, start):
                continue  # "..., whereas the source-only model reaches 58.4 AP": an unnamed other system's
            if not attributed and (for_name := _FOR_A_NAME_AFTER.match(text, end, b)) is not None and not any(
                    m[0] <= for_name.end() - 1 < m[1] for m in here):
                continue  # "..., compared with 178% for C51 and 79% for DQN": a family's score, or another's, never ours
            previous_work = _PREVIOUS.search(text, max(a, start - 45), start)
            if previous_work is not None and _BEATEN_PREVIOUS.search(text, max(a, previous_work.start() - 30), previous_work.start()) \
                    and _data_before_open_bracket(text, a, start, data) is not None:
                previous_work = None  # "outperforms all previous deep residual networks on CIFAR-10 (4.17% error)": ours
            if not attributed and (previous_work or _FOR_UNNAMED.match(text, end, b)
                                   or _BY_A_DESCRIPTION.match(text, end, b) or (
                    _FOR_A_DESCRIPTION_AFTER_VALUES.match(text, end, b) and (
                        _COMPARED_THEN_VALUES_BEFORE.search(text, max(a, start - 60), start)
                                                                 or _AFTER_A_SCORE_FOR_A_NAME.search(text, max(a, start - 50), start)))):
                continue  # "over the previous best IS of 52.52", "33.2% for the previous best agent": another's
            for bench in benches:
                found.append(Found(method, bench[2], text[metric[0] : metric[1]] if metric else None,
                                   value.replace("\\%", "%").replace(" %", "%"), (start, end), (bench[0], bench[1]),
                                   method_span, (a, b)))
        _pair_scores_given_for_a_name(found, first_found)
        if len(found) - first_found > 1:
            _pair_scores_with_names_respectively(text, a, b, here, found, first_found,
                                                 implicit="respectively" not in sentence_text)
    return found


# A score raised, or an error lowered, to the value ("reduces PER to 17.6%"; not "reduces training requirements to 60%")
_RAISED_UP = re.compile(r"\b(?:(?:improv|rais|push|boost|lift|increas|doubl|tripl)\w*|rises|rose|risen|climbs|climbed|grows|grew|(?:reduc|lower|decreas|cut)\w*\s+(?:the\s+)?"
                        r"(?:[\w\-]+\s+){0,2}?(?:[A-Z]{0,3}ER|(?i:error(?:\s+rates?)?|perplexity|loss))\b)(?:[^.;]|\.\d)*\bto\s*$")
# "(71.2% vs. 68.4%)": two scores compared, the own first
# ("(62.3 vs. 62.9 on HotpotQA)": the data may be written after the pair)
_VERSUS_BRACKET = re.compile(r"\(\s*\d+(?:\.\d+)?\s*%?\s*(?:vs\.?|versus)\s*\d+(?:\.\d+)?\s*%?(?:\s+[A-Za-z][\w\-@]*){0,2}?"
                             r"\s*(?:\s(?:on|in)\s[^()]{1,40})?\)")  # ("(65.1 vs. 59.4 accuracy)")


def _in_versus_bracket(text: str, start: int, end: int) -> bool:
    opening = text.rfind("(", max(0, start - 20), start + 1)
    return opening >= 0 and (match := _VERSUS_BRACKET.match(text, opening)) is not None and match.end() >= end


# "(0.86 vs. ", "of 112 versus ": the value after is the other side's
_VERSUS_BEFORE = re.compile(r"\d(?:\.\d+)?\s*%?\s*(?:vs\.?|versus)\s*$")
# ("matches the perplexity of a full-precision LLaMA-3B (8.91 vs. 8.87)", "matches the answer F1 of GraphRAG")
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|than(?:\s+(?:that|those)\s+of)?|against|versus|vs\.?|over|parity\s+with|"
                              r"match(?:es|ed|ing)|"  # ("S4-Lite matches S4 on the Long Range Arena (86.1% vs. 86.1%)")
                              r"outperform\w*|surpass\w*|beat\w*|match(?:es|ing)?\s+the\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+of\s+(?:an?\s+)?(?:[\w\-]+\s+)?)"
                              r"\s*(?:the\s+)?$", re.IGNORECASE)


def _compared_method(text: str, a: int, b: int, here: list, method: Optional[str], before: Optional[int] = None):
    """The one method other than ``method`` that the sentence compares with ("compared with X",
    "than those of X"), or None; of several, the one named before ``before`` (the score's bracket:
    "outperforms GPT-3.5 on WikiTQ (65.1 vs. 59.4) ..., and matches TAPEX on WikiSQL")."""
    compared = {m[2]: m for m in here if m[3] == "method" and m[2] != method
                and _COMPARED_BEFORE.search(text, max(a, m[0] - 60), m[0])}
    if len(compared) > 1 and before is not None:
        compared = {name: m for name, m in compared.items() if m[0] < before}
    return next(iter(compared.values())) if len(compared) == 1 else None


# A conjunction that opens a clause with a subject of its own ("X remains a baseline, while ...").
# ("We benchmark A, B and C on X: C obtains 0.612": a name and its result verb after a colon)
# (", and fine-tuning InternVL2 on our split raises its ANLS to 0.703": a clause whose subject is a gerund phrase)
_OPENS_OWN_CLAUSE = re.compile(r"(?:,\s*|\s)(?:while|whilst|whereas|but|although)\s+|;\s*|,\s+and\s+(?=[a-z]+(?:-[a-z]+)?ing\s+[A-Z])|"
                               r":\s+(?=[A-Z][\w\-.+]*(?:\s+[\w\-.+]+){0,3}?\s+(?:obtain|achieve|reache|score|attain|get)s\b)")
_CLAUSE_WORDS = ("while", "whilst", "whereas", "but", "although", ";", ":", ", and ")  # (one in every match: tested first)


def _values_coordinated(text: str, x: tuple, y: tuple) -> bool:
    """Are the values ``x`` and ``y`` (start, end, value, metric span) coordinated, each with its
    own metric perhaps ("80.9 ROC-AUC and 29.8 AP", "ROC-AUC 80.9 and AP 29.8")?"""
    gap_start, gap_end = x[1], y[0]
    if x[3] is not None and x[3][0] >= gap_start and not text[gap_start : x[3][0]].strip() and x[3][1] <= gap_end:
        gap_start = x[3][1]
    if y[3] is not None and y[3][1] <= gap_end and not text[y[3][1] : gap_end].strip() and y[3][0] >= gap_start:
        gap_end = y[3][0]
    return _COORDINATION_GAP.fullmatch(text, gap_start, gap_end) is not None


def own_clause_start(text: str, a: int, end: int) -> int:
    """Where the last clause with a subject of its own opens in ``text[a:end]`` ("..., while
    fine-tuned rerankers reach"), or ``a`` when none does."""
    if not any(word in text[a:end] for word in _CLAUSE_WORDS):
        return a
    return max((m.end() for m in _OPENS_OWN_CLAUSE.finditer(text, a, end)), default=a)


_PRONOUN_SUBJECT = re.compile(r"(?:it|they|its|their|this|the latter|the former)\b", re.IGNORECASE)
# Between two raised values: "from 41.3 to 58.6 and from 36.9 to 51.2"
_RAISED_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?from\s+\d[\d.,]*\s*%?\s+to\s+")
_VALUES_THEN_ON = re.compile(r"\s*(?:[\w\-]+\s+){0,2}?on\s+(?:the\s+)?")  # ("32.8 and 15.1 BLEU on the A and B")
# "whereas PBS and LaCAM solve 71% and 88%, respectively": from a name of a coordination to the next
_COORDINATION_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:on\s+)?")  # between two values or two names ("A and on B")
_NAMES_THEN_SCORES = re.compile(r"(?:,\s+which)?\s+(?:reach|achieve|score|obtain|attain|get|solve|resolve|complete)(?:s|d)?\s+"
                                r"(?:only\s+)?")  # ("outperforming A and B, which reach 55.9% and 57.4%")
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,40}?,?\s*respectively\b")
# ... or a second clause of a coordination (", and"): where the names a score may pair with begin
_OPENS_CLAUSE = re.compile(r"(?:\b(?:whereas|while|whilst|but)\s|;|,\s*and\s)")


# The subject of a clause that is not the paper's own method: "whereas the source-only model reaches"
_OTHER_SUBJECT_AFTER = re.compile(r"(?:the|a|an)\s+(?!proposed\b|resulting\b)(?:[\w\-]+\s+){0,3}?(?:model|baseline|system|method|"
                                  r"approach|agent|detector|network|variant)s?\s+(?:\w+\s+){0,2}?(?:reach|achiev|obtain|scor|get|attain)|"
                                  # "; a single round of rejection-sampling fine-tuning (RFT) reaches 84.2%": an indefinite other
                                  r"an?\s+(?:[\w\-]+\s+){1,6}?(?:\([^()]{1,12}\)\s+)?(?:reach|achiev|obtain|scor|get|attain)",
                                  re.IGNORECASE)
# "we obtain 87.8% ..., whereas full fine-tuning with DP-SGD reaches only 83.2%": after our own score, a
# clause whose subject is a bare description is another system's (in a benchmark paper, "while fine-tuned
# rerankers reach 0.483" is the paper's own finding). Not "; with Mask R-CNN on COCO it reaches": a setting.
_BARE_OTHER_SUBJECT_AFTER = re.compile(
    r"(?!(?:we|our|ours|it|its|they|their|this|these|the|with|on|in|for|at|by|from|using|under|across|over|when|after)\b)"
    r"[a-z][\w\-]*(?:\s+(?!(?:it|we|they)\b)[\w\-]+){0,5}?\s+(?:only\s+)?(?:reach|achiev|obtain|scor|get|attain)")
_WE_OR_OUR = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)


def _clause_of_another(text: str, a: int, start: int) -> bool:
    """Is the score at ``start`` in a clause ("..., whereas the source-only model reaches 58.4")
    whose subject is some other, unnamed system?"""
    clause = own_clause_start(text, a, start)
    return clause > a and (_OTHER_SUBJECT_AFTER.match(text, clause, start) is not None or (
        _BARE_OTHER_SUBJECT_AFTER.match(text, clause, start) is not None and _WE_OR_OUR.search(text, a, clause) is not None))


def _pair_scores_with_names_respectively(text: str, a: int, b: int, here: list, found: list[Found], first: int,
                                         implicit: bool = False) -> None:
    """Scores coordinated before "respectively" ("71% and 88%, respectively") belong, in order, to
    as many method names coordinated in their clause before them ("PBS and LaCAM solve ...")
    (edits ``found[first:]``). ``implicit``: without "respectively", only where the names' verb
    leads straight to the scores ("DetectGPT and Fast-DetectGPT reach 0.81 and 0.89")."""
    values = sorted({(f.value_span, i) for i, f in enumerate(found[first:], start=first)})
    group: list = []
    for span, i in values:
        if group and _COORDINATION_GAP.fullmatch(text, group[-1][0][1], span[0]):
            group.append((span, i))
        else:
            group = [(span, i)]
        if len(group) > 1 and (implicit or _RESPECTIVELY_AFTER.match(text, span[1], b)):
            if not implicit or not _COORDINATION_GAP.match(text, span[1], b):
                break
    else:
        return
    first_value = group[0][0][0]
    clause = max((m.end() for m in _OPENS_CLAUSE.finditer(text, a, first_value)), default=a)
    names = [m for m in here if m[3] == "method" and clause <= m[0] and m[1] <= first_value]
    if implicit and len(names) > len(group):
        # only the coordinated names right before the verb: "..., outperforming DIN-SQL and DAIL-SQL, which reach"
        run = names[-1:]
        while len(run) < len(names) and _COORDINATION_GAP.fullmatch(text, names[-len(run) - 1][1], run[0][0]):
            run = names[-len(run) - 1 :]
        names = run
    coordinated = all(_COORDINATION_GAP.fullmatch(text, x[1], y[0]) for x, y in zip(names, names[1:]))
    if len(names) != len(group) or not coordinated:
        return
    if implicit and not _NAMES_THEN_SCORES.fullmatch(text, names[-1][1], first_value):
        return
    for (span, i), name in zip(group, names):
        found[i] = found[i]._replace(method=name[2], method_span=(name[0], name[1]))


def _in_closed_bracket(text: str, a: int, mention: tuple, start: int) -> bool:
    """Is ``mention`` inside a bracket that closes before ``start``?"""
    opening = text.rfind("(", a, mention[0])
    closing = text.find(")", mention[1], start) if opening >= 0 else -1
    return closing >= 0 and text.find(")", opening, mention[0]) < 0


def _name_of_open_bracket(text: str, a: int, start: int, here: list):
    """The method mention right before the bracket the value at ``start`` opens, or follows other
    values in ("ACT (61%", "Graph WaveNet (3.53 and 1.95"), or None."""
    opening = text.rfind("(", a, start)
    if opening >= 0 and (not text[opening + 1 : start].strip() or _SCORES_BRACKET_SO_FAR.match(text, opening, start)):
        return _name_right_before(text, here, opening)
    return None


def _name_right_before(text: str, here: list, opening: int):
    """The method mention that ends right before the bracket at ``opening`` ("ACT (61%"), or None."""
    return next((m for m in here if m[3] == "method" and m[1] <= opening and not text[m[1] : opening].strip()), None)


def _scored_name(text: str, here: list, data: list, opening: int, start: int) -> tuple:
    """The method named right before the bracket at ``opening`` that holds the score at ``start``
    ("outperforming ACT (61%)"), and the data that score is on: the last named before it, else the
    sentence's first; (None, None) when no name stands there."""
    scored = _name_right_before(text, here, opening)
    if scored is None:
        return None, None
    earlier = [m for m in data if m[1] <= start]
    return scored, (earlier[-1] if earlier else data[0])


def _pair_scores_given_for_a_name(found: list[Found], first: int) -> None:
    """"X reaches 72.4 on A and 53.1 on B, compared with 61.8 and 44.0 for Y": the scores given
    for Y pair with the data of the sentence's earlier scores, in order (edits ``found[first:]``)."""
    here = found[first:]
    if len(here) < 4:
        return
    # the scores of other names than the first score's ("for Y" after them, or "Y (77.0 and 63.2)
    # and Z (3.87 and 5.41)"), each name's as many as the first name's data
    given_for = [i for i, f in enumerate(here) if f.method_span and f.method_span != here[0].method_span]
    if len(given_for) < 2 or any(here[i].benchmark_span[0] > here[i].value_span[1] for i in given_for):
        return  # (not "..., which reach 55.9% and 57.4% on BIRD": the data is written after the scores)
    before = [f for f in here[: given_for[0]] if f.method_span == here[0].method_span]
    benches = list(dict.fromkeys((f.benchmark, f.benchmark_span) for f in before))
    if not (len({f.benchmark for f in before}) == len(before) == len(benches)):
        return
    groups: dict = {}
    for i in given_for:
        groups.setdefault(here[i].method_span, []).append(i)
    if all(len(group) == len(benches) for group in groups.values()):
        for group in groups.values():
            for i, (bench, span) in zip(group, benches):
                found[first + i] = here[i]._replace(benchmark=bench, benchmark_span=span)


# An open bracket holding only scores so far, up to the value: "IQL (77.0 and ", "X (61%, ".
_SCORES_BRACKET_SO_FAR = re.compile(r"\((?:\d+(?:\.\d+)?\s*%?\s*(?:,\s*(?:and\s+)?|and\s+|/\s*))+$")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|while|whilst|whereas|but)\s|;|\s(?:and|while|whilst|whereas|but)\s+(?:on|in|for)\s|\swhil(?:e|st)\s|"
                          r",\s+on\s")  # ("On RefCOCO testA it reaches 91.2%, on the Flickr30k test set a recall of 83.4")
# "on MATH-500 from 83.1% to", "GSM8K accuracy from 57.2% to", "MultiPL-E Rust from 28.1% to"
# Scores a change leaves as they were: "raises this rate to 81% without hurting MT-Bench scores" (not MT-Bench's).
_KEPT_WITHOUT = re.compile(r"\bwithout\s+(?:\w+\s+)?(?:hurting|harming|degrading|sacrificing|compromising|affecting|losing|"
                           r"reducing|impacting|hindering)\b")
_RAISED_RIGHT_AFTER = re.compile(r"(?:\s+[A-Za-z][\w\-@]*){0,2}?,?\s+from\s+\d+(?:\.\d+)?\s*%?\s+to\s+")


def _bracket_of(text: str, a: int, start: int) -> Optional[tuple[int, int]]:
    """When the value stands in an open bracket, the phrase the bracket annotates: from the last
    comma or semicolon before the bracket (or the sentence start) to the bracket."""
    opening = text.rfind("(", a, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return None
    if text[opening + 1 : start].strip():
        return None  # "(ROUGE-L 74.68)", "(IS) of": the value is not what the bracket opens with
    phrase_start = max(text.rfind(",", a, opening), text.rfind(";", a, opening), a - 1) + 1
    return phrase_start, opening


def _named_metric_bracket(text: str, a: int, start: int, here: list):
    """The method named right before a bracket still open at ``start`` that opens with a metric's
    name ("SDXL-Turbo (FID 24.6, ..."), or None."""
    opening = text.rfind("(", a, start)
    if opening < 0 or text.find(")", opening, start) >= 0 or not text[opening + 1 : opening + 2].isalpha():
        return None
    return _name_right_before(text, here, opening)


def _data_before_open_bracket(text: str, a: int, start: int, data: list):
    """The data named right before the bracket that is still open at ``start``, or None."""
    opening = text.rfind("(", a, start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return None
    return next((m for m in data if m[1] <= opening and not text[m[1] : opening].strip()), None)


def _coordinated(text: str, bench, data: list, b: int) -> list:
    """Datasets coordinated right after ``bench``: "on SCAN and PCFG" gives PCFG for the same score."""
    more, last = [], bench
    for m in data:
        if m[0] >= last[1] and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[last[1] : m[0]]):
            more.append(m)
            last = m
    return more


# Between two names of one list: "A and B", "A, B", "A, and the B".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)")


def _objects(text: str, a: int, start: int, here: list) -> list:
    """The names before ``start`` that a preposition or comparison governs ("than X", "on X"), and
    the names listed after one of them ("from the Alpaca-52K and WizardLM pools"): no subjects."""
    objects, previous = [], None
    for m in here:
        if m[1] > start:
            break
        if _NOT_SUBJECT_BEFORE.search(text, max(a, m[0] - 30), m[0]) or (  # (its words end within 30 characters)
                previous is not None and previous in objects and _LIST_GAP.fullmatch(text, previous[1], m[0])
                # (after a bare comma, only if the list goes on: not "On RULER, LongMix-8B achieves ...")
                and (not text[previous[1] : m[0]].strip() == "," or _LIST_GOES_ON.match(text, m[1]))):
            objects.append(m)
        previous = m
    return objects


_AND_PRONOUN_CLAUSE = re.compile(r",\s+and\s+(?:(?:on|in|for|at|with)\s+[^,;\d]{0,60}?\s+)?(?:it|they)\s+(?:[a-z]+\s+){1,4}$")


def _method_of(text: str, a: int, start: int, end: int, here: list, own_method: Optional[str], bench):
    """Whose score: the method named right after it ("for YOLOv3"), the method the sentence is
    about, else the paper's own method when the sentence speaks for the authors."""
    methods = [m for m in here if m[3] == "method"]
    for m in methods:
        if m[0] >= end and (_FOR_NAME.match(text[end : m[0]]) or _OF_NAME.fullmatch(text, end, m[0])
                            # ("close to the 0.335 of COMET-22"; not "85% of GPT-4", a share of its score)
                            or (text[end - 1] != "%" and text.startswith(" of ", end) and m[0] == end + 4)):
            return m[2], (m[0], m[1])
    objects = _objects(text, a, start, here)
    subjects = [m for m in methods if m[1] <= start and m not in objects
                and not _GERUND_OPENING.fullmatch(text, a, m[0])  # "Training Phi-2 on X improves ...": an object
                and not text[m[1] : m[1] + 10].lstrip().lower().startswith(("backbone", "based", *MODIFIER_SUFFIXES))]
    right_before = [m for m in methods if m[1] <= start and (
                        _NAME_THEN_SCORE.fullmatch(text, m[1], start)
                        # the verb elided: "GPT-4o answers 52.6% of questions and Llama-3.1-70B 41.9%"
                        or (text[m[1] : start] == " " and (text.endswith((" and ", ", "), a, m[0])
                                                            # ("..., and OpenAI o1-preview 7.7%": its maker before it)
                                                            or _AND_MAKER_BEFORE.search(text, max(a, m[0] - 30), m[0]))))
                    and (m not in objects or text.endswith("followed by ", a, m[0]))]  # ("followed by X at 51.0%")
    if right_before:  # "GPT-4o reaches 61.2% and the best open model, Qwen2-VL-72B, 54.7%"
        m = right_before[-1]
        return m[2], (m[0], m[1])
    described = [m for m in methods if m[1] <= start and _WHICH_SCORES.match(text, m[1], start)]
    if described:  # "Fine-tuning Mistral-7B on X yields ZetaChat, which scores 7.9 on MT-Bench"
        m = described[-1]
        return m[2], (m[0], m[1])
    if ", and " in text[a:start] and (pronoun := _AND_PRONOUN_CLAUSE.search(text, a, start)) is not None:
        # "..., surpassing A by 1.5 AP and B by 10.1 AP, and on Replica it reaches 18.4 AP": the pronoun
        # stands for the sentence's subject (before its first comma), not for the names it beat
        comma = text.find(",", a, pronoun.start() + 1)
        opening = [m for m in subjects if m[1] <= comma]
        return (opening[0][2], (opening[0][0], opening[0][1])) if opening else (own_method, None)
    clause = own_clause_start(text, a, start)
    own_clause = clause > a and not _PRONOUN_SUBJECT.match(text, clause)
    if subjects and _OPENING_PARTICIPLE.match(text, a) and not own_clause:
        comma = text.find(",", a, start)
        if comma >= 0 and _WE_AFTER_COMMA.match(text, comma + 1) and not any(comma < m[0] < start for m in subjects):
            return own_method, None  # "Fine-tuning RoBERTa-Large with LoRA under DP-SGD, we obtain 87.8%": ours
    if len(subjects) > 1 and _OPENING_PARTICIPLE.match(text, a) and not (own_clause and any(m[0] >= clause for m in subjects)):
        # "Adapting a SegFormer trained on Cityscapes to ACDC, WeatherTTA improves mIoU to 62.7": the
        # opening phrase's names are not the sentence's subject.
        comma = text.find(",", a, start)
        if comma >= 0:
            subjects = [m for m in subjects if m[0] > comma] or subjects
            # "Applied to LLaVA-1.5, InstructBLIP and Qwen-VL, VCD-Plus reduces ...": the phrase's list
            # goes past its first comma; the paper's own method after it is the subject
            subjects = [m for m in subjects if m[4]] or subjects
    if own_clause:
        # "BM25 remains a strong baseline, while fine-tuned rerankers reach an nDCG@10 of 0.483": the
        # clause of the score has a subject of its own (not "..., while it reaches ...")
        subjects = [m for m in subjects if m[0] >= clause and not _GERUND_OPENING_LOWER.fullmatch(text, clause, m[0])]
    if subjects:
        m = subjects[0]
        return m[2], (m[0], m[1])
    # "We obtain 79.4% ...", "Experiments show 85.3% accuracy on ...": the paper's own method
    # (None when it has no name in the text).
    return own_method, None
