"""Pure text functions the components are built from: sentence bounds, abbreviation
definitions (Schwartz & Hearst 2003, plus the reverse layout), and name shapes.

They work on character offsets of a plain string so that they are cheap, easy to test, and
independent of how spaCy tokenises hyphens ("GPT-3", "MHR-z").
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional

__all__ = [
    "url_spans",
    "blank_spans",
    "sentence_bounds",
    "find_all",
    "matches_starting_with",
    "matches_at",
    "word_starts",
    "MINOR_WORDS",
    "lower_same_length",
    "model_variant_end",
    "name_occurrences",
    "find_abbreviations",
    "title_abbreviation",
    "title_long_form",
    "Abbreviation",
    "is_coined_name",
    "stop_acronyms",
    "trim_name",
    "SHAPED_WORD",
    "shaped_words",
    "WordIndex",
    "WordClasses",
    "cares_about",
    "Needles",
    "NATURAL_LANGUAGES",
    "data_words",
    "names_languages",
]

DATA = Path(__file__).parent / "data"

# A sentence ends at a newline, or at ".", "!" or "?" (plus a closing quote or bracket) followed by
# space and a capital or digit; not after an abbreviation ("e.g.", "et al.", "Fig.") or an initial
# ("J. Smith"). The pattern starts with its rare first character and tests the abbreviations
# behind it: leading with a look-behind would make the regex engine try it at every position.
_NO_BREAK_AFTER = "".join(
    rf"(?<!\b{word}\.)" for word in (r"e\.g", r"i\.e", "vs", "cf", "Fig", "Eq", "Sec", "No", "approx", "resp", "Mr", "Dr", "[A-Z]")
)
# "et al." and "etc." end a sentence only before a word that opens one: "... reported by Carlini
# et al. We further show ...", not "Smith et al. (2019)" or "Vaswani et al. Transformer".
_LIST_ABBREVIATION_END = (r"(?:(?<!\bet al\.)(?<!\betc\.)|(?=[\"')\]]?\s+(?:We|Our|This|These|They|It|In|The|However|"
                          r"Moreover|Furthermore|Finally|Experiments|Results)\b))")
_SENT_END = re.compile(
    rf"[.!?\n](?:(?<=\n)\s*|(?=[\"')\]]?\s)(?:(?<=[!?])|{_NO_BREAK_AFTER}{_LIST_ABBREVIATION_END})[\"')\]]?[^\S\n]*(?:\n\s*|[^\S\n]+(?=[\"'(\[]?[A-Z0-9])))"
)


_URL = re.compile(r"(?:https?://|www\.)\S+")

# A known model's release, size or tier written after it: "Gemini 1.5 Pro", "Claude 3.5 Sonnet" ("Claude 3.5-Haiku"),
# "Llama 3.1 405B", "GPT-4 Turbo", "Flan-PaLM 540B", "Mixtral 8x7B": a model of its own. (Not a
# count, "BERT 3 times", "VGG16 3× faster"; nor one of several sizes, "OPT-IML 30B and 175B". A lone digit
# is a release before a function word, "Claude 2 and GPT-4", "Stable Diffusion 2 on X".)
_MODEL_VARIANT_AFTER = re.compile(
    r" (?:[vV]\d+(?:\.\d+)*|(?:large|medium|small|base|tiny)-v\d+|\d+(?:\.\d+)?-(?:Pro|Ultra|Flash|Turbo|Opus|Sonnet|Haiku)|"
    r"\d+\.\d+|[1-9](?! (?!(?:and|or|on|with|as|for|via|using|across)\b)[a-z])|\d+(?:\.\d+)?[BMK](?!,?\s+(?:and|or)\s+\d|,\s*\d)|\d+x\d+B|"
    r"Pro|Ultra|Flash|Turbo|Mini|mini|Nano|Opus|Sonnet|Haiku|XL|XXL|Large|Base|Small|Medium|Instruct|Chat|Plus|Max|Lite|"
    r"ViT-(?:[BLSHG]|bigG)/\d{1,2}|RN\d{2,3}(?:x\d{1,2})?)"  # (a backbone: "CLIP ViT-L/14", "CLIP RN50x4")
    r"(?![\w\-+%×]|\.\d)")


def model_variant_end(text: str, end: int) -> int:
    """Where a model's name ending at ``end`` ends with the release, size and tier written after
    it (up to three: "Llama 3.1 405B Instruct"); ``end`` when none follows.

    >>> t = "Gemini 1.5 Pro, Llama 3 70B and OPT-IML 30B and 175B; BERT 3 times"
    >>> [t[start:model_variant_end(t, end)] for start, end in ((0, 6), (16, 21), (32, 39), (54, 58))]
    ['Gemini 1.5 Pro', 'Llama 3 70B', 'OPT-IML', 'BERT']
    """
    for _ in range(3):
        variant = _MODEL_VARIANT_AFTER.match(text, end)
        if variant is None:
            break
        end = variant.end()
    return end


def _may_end_sentence_before(following: str) -> bool:
    """Can a sentence end at a ".", "!" or "?" followed by this character? Only before a space,
    after an optional closing quote or bracket (as ``_SENT_END`` asks): decimals and "e.g" are skipped
    without trying the pattern."""
    return following.isspace() or (following != "" and following in "\"')]")


def _may_start_sentence_after(text: str, i: int) -> bool:
    """Can a sentence start after the closing quote or bracket and the blanks at ``i``? Only with
    a capital, a digit, an opening quote or bracket, or after a line break (as ``_SENT_END``
    asks): most full stops inside a sentence ("e.g. the", "Fig. 2a") are skipped here."""
    n = len(text)
    while i < n and text[i] in "\"')]":
        i += 1
    while i < n and text[i] in " \t":
        i += 1
    if i >= n or text[i] in "\n\r":
        return True
    c = text[i]
    return c.isupper() or c.isdigit() or c in "\"'([" or not c.isascii()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the URLs of ``text`` stand, without the punctuation that ends their sentence.

    >>> url_spans("Code: https://github.com/A/B-C. Done")
    [(6, 30)]
    """
    if "http" not in text and "www." not in text:
        return []  # most abstracts: spares a regex scan
    spans = []
    for match in matches_at(_URL, text, sorted([*find_all(text, "http"), *find_all(text, "www.")])):
        url = match.group(0)
        spans.append((match.start(), match.start() + len(url.rstrip(".,;:)"))))
    return spans


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces (same length, so offsets still hold): with
    :func:`url_spans`, user and repository names in links ("GeoX-Lab") are kept from the rules.

    >>> masked = blank_spans("Code: https://github.com/A/B-C. Done", [(6, 30)])
    >>> masked.split(), len(masked)
    (['Code:', '.', 'Done'], 36)
    """
    if not spans:
        return text
    pieces, previous = [], 0
    for start, end in spans:
        pieces += [text[previous:start], " " * (end - start)]
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset kept: the few characters whose lower case is longer
    ("İ") stay as they are, so a position found in the result is a position in ``text``.

    >>> lower_same_length("İs GPT-3")
    'İs gpt-3'
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_all(text: str, needle: str, start: int = 0, end: Optional[int] = None) -> Iterator[int]:
    """Every start offset of ``needle`` in ``text[start:end]`` (``str.find`` in a loop: far cheaper
    than a regex that tries its pattern at every position).

    >>> list(find_all("a-b-c", "-")), list(find_all("a-b-c", "-", 2))
    ([1, 3], [3])
    """
    end = len(text) if end is None else end
    i = text.find(needle, start, end)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1, end)


def matches_starting_with(pattern: re.Pattern, text: str, firsts: str, pos: int = 0) -> Iterator[re.Match]:
    r"""What ``pattern.finditer(text, pos)`` yields, for a pattern whose matches all start with one
    of the characters ``firsts``: those are found with ``str.find`` and the pattern is tried only
    there. The regex engine cannot skip ahead to a character class, so a scan costs about six
    times a ``str.find`` per character.

    >>> [m.group(0) for m in matches_starting_with(re.compile(r"[(\[]\w+[)\]]"), "a (b) [c] (d", "([")]
    ['(b)', '[c]']
    """
    starts = []
    for first in firsts:
        i = text.find(first, pos)
        while i >= 0:
            starts.append(i)
            i = text.find(first, i + 1)
    starts.sort()
    return matches_at(pattern, text, starts)


def word_starts(text: str, words: Iterable[str], start: int = 0, end: Optional[int] = None) -> list[int]:
    """Sorted offsets in ``text[start:end]`` where one of ``words`` begins a word (what a leading
    ``\\b`` asks: "we" in "we show", not in "between"), found with ``str.find``.

    >>> word_starts("we answer; We were", ("we",))
    [0, 14]
    """
    end = len(text) if end is None else end
    found = []
    for word in words:
        i = text.find(word, start, end)
        while i >= 0:
            if not i or not (text[i - 1].isalnum() or text[i - 1] == "_"):
                found.append(i)
            i = text.find(word, i + 1, end)
    found.sort()
    return found


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` yields when every match must begin at one of ``starts``
    (sorted): the pattern is tried only there, and not inside a match already found."""
    end = 0
    for i in starts:
        if i >= end:
            match = pattern.match(text, i)
            if match:
                end = max(match.end(), i + 1)
                yield match


def name_occurrences(text: str, surface: str) -> Iterator[tuple[int, int]]:
    """Where ``surface`` stands as a whole name: not inside a longer word or hyphenated name."""
    start = text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before = text[start - 1] if start else " "
        after = text[end : end + 2]
        if not (before.isalnum() or before in "_-") and not (
            after[:1].isalnum() or after[:1] in "_+" or (after[:1] == "-" and after[1:2].isalnum())
        ):
            yield start, end
        start = text.find(surface, start + 1)


def _sentence_ends(text: str, start: int) -> Iterator[re.Match]:
    """What ``_SENT_END.finditer(text, start)`` finds: it can only match at these marks."""
    candidates = [i for mark in ".!?" for i in find_all(text, mark) if i >= start and _may_end_sentence_before(text[i + 1 : i + 2])
                  and _may_start_sentence_after(text, i + 1)]
    candidates += [i for i in find_all(text, "\n") if i >= start]
    candidates.sort()
    return matches_at(_SENT_END, text, candidates)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns (start, end) character offsets.

    >>> t = "We propose X (e.g. Y). It beats Z.\\nTitle"
    >>> [t[a:b] for a, b in sentence_bounds(t)]
    ['We propose X (e.g. Y).', 'It beats Z.', 'Title']
    """
    bounds = []
    start = len(text) - len(text.lstrip())
    for match in _sentence_ends(text, start):
        end = match.start() + (text[match.start()] != "\n")  # the full stop stays in its sentence
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start:
            bounds.append((start, end))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        bounds.append((start, end))
    return bounds


class Abbreviation(NamedTuple):
    long_start: int
    long_end: int
    short_start: int
    short_end: int


_STANDS_FOR = re.compile(r"(?:stands for|short for|abbreviated from|i\.e\.,?|namely)\s+", re.IGNORECASE)
_PAREN = re.compile(r"[(\[]([^()\[\]]{1,120})[)\]]")
_FIRST_CHUNK_END = re.compile(r"[;,]\s")  # "(MHR; Smith et al.)", "(MHR, for short)"
# A citation in brackets: "Kukich, 1992", "Smith et al. 2019", "Zernik88", "Lee and Kim, 2003a".
_CITATION = re.compile(
    r"\s*[A-Z][a-z]+(?:(?:\s+(?:and|&)\s+[A-Z][a-z]+)?(?:,?\s+et\s+al\.?)?,?\s+(?:19|20)\d\d|(?:19|20)?\d\d)[a-z]?\s*(?:[;,]|$)")


def cites_at(text: str, start: int) -> bool:
    """Does a citation in brackets start at ``start`` ("[Zernik88]", "(Kukich, 1992)")?

    >>> [cites_at(t, 1) for t in ("[Zernik88] shows", "(Kukich, 1992)", "(GPT-4)", "[Llama2]")]
    [True, True, False, False]
    """
    if start == 0 or text[start - 1] not in "([":
        return False
    close = text.find(")" if text[start - 1] == "(" else "]", start, start + 80)
    return close > 0 and _CITATION.match(text, start, close) is not None


_SHORT_FORM = re.compile(r"^[A-Za-z0-9][\w\-+.&/'’]*$")


def _valid_short(short: str) -> bool:
    return (
        2 <= len(short) <= 15
        and bool(_SHORT_FORM.match(short))
        and any(c.isupper() for c in short)
        and sum(c.isalpha() for c in short) >= 2
        and len(short.split()) == 1
    )


def _match_long(short: str, words: list[tuple[int, int]], text: str) -> int:
    """Schwartz-Hearst backwards match of ``short`` against the words before it.

    Returns the index into ``words`` where the long form starts, or -1.
    """
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters:
        return -1
    candidate = text[words[0][0] : words[-1][1]]
    base = words[0][0]
    s = len(letters) - 1
    pos = len(candidate) - 1
    while s >= 0:
        c = letters[s]
        while pos >= 0 and (
            candidate[pos].lower() != c or (s == 0 and pos > 0 and candidate[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return -1
        s -= 1
        pos -= 1
    start_char = base + pos + 1
    for index, (a, b) in enumerate(words):
        if a <= start_char < b or start_char < a:
            return index
    return -1


_WORD = re.compile(r"[^\s]+")
MINOR_WORDS = {"of", "the", "for", "and", "in", "on", "to", "with", "a", "an", "via", "by", "from", "at", "&"}


_DIGIT_REPEATS = re.compile(r"([A-Za-z])([2-9])")
_WORD_PARTS = re.compile(r"[-/]")


def _repeat_digits(short: str) -> str:
    """ "D3ST" -> "DDDST": a digit repeats the letter before it."""
    return _DIGIT_REPEATS.sub(lambda m: m.group(1) * int(m.group(2)), short)


@lru_cache(maxsize=100_000)
def _word_initials(word: str) -> tuple[str, bool, bool]:
    """The initials of a word's hyphen- or slash-joined parts, whether it is a small word, and
    whether it is one with only opening quotes and brackets taken off (a long form may not start
    with it)."""
    opens_minor = word.strip("\"'“”‘’([{").lower() in MINOR_WORDS
    word = word.strip("\"'“”‘’()[]{},.;:~")
    if not word:
        return "", True, opens_minor
    initials = "".join(p[0].lower() for p in _WORD_PARTS.split(word) if p and p[0].isalpha())
    return initials, word.lower() in MINOR_WORDS, opens_minor


@lru_cache(maxsize=100_000)
def _short_form_letters(short: str) -> str:
    """The letters an initials match must spell ("" when the short form has digits left)."""
    expanded = _repeat_digits(short)
    if any(c.isdigit() for c in expanded):
        return ""
    return "".join(c.lower() for c in expanded if c.isalpha())


def _match_initials(short: str, words: list[tuple[int, int]], text: str) -> int:
    """The long form whose words' initials spell ``short`` ("Tree of Thoughts" for ToT), small
    words optional; preferred to Schwartz-Hearst, which settles for the shortest match ("Thoughts").
    Returns the index into ``words`` where it starts, or -1."""
    letters = _short_form_letters(short)
    if len(letters) < 2:
        return -1
    # Of words[start:], grown leftwards: every initial; without small words; and the same two with
    # only the first initial of a hyphenated word ("Multi-Gate" gives "m" in HoME).
    initials, optional, firsts, optional_firsts = "", "", "", ""
    for start in range(len(words) - 1, -1, -1):
        a, b = words[start]
        word_initials, minor, opens_minor = _word_initials(text[a:b])
        initials = word_initials + initials
        firsts = word_initials[:1] + firsts
        if not minor:
            optional = word_initials + optional
            optional_firsts = word_initials[:1] + optional_firsts
        if opens_minor:
            continue
        if letters in (initials, optional, firsts, optional_firsts):
            return start
        if len(optional_firsts) > len(letters):
            break
    return -1


_DESCRIPTIVE_TITLE_STARTS = {"Towards", "Toward", "Rethinking", "Revisiting", "Beyond", "On", "When", "How", "Why", "What",
                             "Can", "Do", "Does", "Is", "Are", "A", "An", "The"}
_TITLE_SHORT_FORM = re.compile(r"^\s*([A-Za-z][\w\-+]*):\s+")


def title_abbreviation(text: str) -> Optional[Abbreviation]:
    """A title that defines its own acronym: "HoME: Hierarchy of Multi-Gate Experts for ...", the
    shortest run of words after the colon whose initials spell the name before it.

    >>> t = "HoME: Hierarchy of Multi-Gate Experts for Multi-Task Learning\\nWe propose HoME."
    >>> a = title_abbreviation(t)
    >>> t[a.short_start:a.short_end], t[a.long_start:a.long_end]
    ('HoME', 'Hierarchy of Multi-Gate Experts')
    """
    title_end = text.find("\n")
    title_end = title_end if title_end >= 0 else len(text)
    match = _TITLE_SHORT_FORM.match(text, 0, title_end)
    if match is None or not _valid_short(match.group(1)):
        return None
    short = match.group(1)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, match.end(), title_end)][:12]
    if not words or text[words[0][0] : words[0][1]] in _DESCRIPTIVE_TITLE_STARTS:
        return None  # "TRISHUL: Towards Region Identification ...": a sentence about the name, not its long form
    letters = _short_form_letters(short)
    if len(letters) < 2 or _word_initials(text[words[0][0] : words[0][1]])[0][:1] != letters[0]:
        return None  # most titles: the first word does not even start with the name's first letter
    for count in range(2, min(len(words), 2 * len(letters)) + 1):
        a, b = words[count - 1]
        if not text[b - 1].isalnum():
            break  # the long form ends before any punctuation
        if _match_initials(short, words[:count], text) == 0:
            return Abbreviation(words[0][0], b, match.start(1), match.end(1))
    return None


def title_long_form(text: str) -> Optional[Abbreviation]:
    """A title whose name before the colon is the long form of an acronym the abstract uses:
    "Kernel-Free Attention: Linear-Time Transformers ..." and "we propose KFA".

    >>> t = "Kernel-Free Attention: Linear-Time Transformers\\nWe propose KFA. KFA is fast."
    >>> a = title_long_form(t)
    >>> t[a.short_start:a.short_end], t[a.long_start:a.long_end]
    ('KFA', 'Kernel-Free Attention')
    >>> title_long_form("Deep Learning: A Survey\\nDL is everywhere.") is None  # (one-word initials "DL": too short)
    True
    """
    title_end = text.find("\n")
    colon = text.find(": ", 0, title_end)
    if colon <= 0:
        return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, 0, colon)]
    if not 2 <= len(words) <= 5 or text[words[0][0] : words[0][1]] in _DESCRIPTIVE_TITLE_STARTS:
        return None
    initials = ""
    for a, b in words:
        word = text[a:b]
        word_initials, minor, _ = _word_initials(word)
        if not (word[:1].isupper() or minor):
            return None
        initials += "" if minor else word_initials
    if len(initials) < 3:
        return None
    short = initials.upper()
    at = text.find(short, title_end)
    while at >= 0:
        if not (text[at - 1].isalnum() or text[at + len(short) : at + len(short) + 1].isalnum()) and (
                _match_initials(short, words, text) == 0):
            return Abbreviation(words[0][0], words[-1][1], at, at + len(short))
        at = text.find(short, at + 1)
    return None


def _last_words(text: str, start: int, end: int, count: int) -> list[tuple[int, int]]:
    """Offsets of the last ``count`` whitespace-separated words of ``text[start:end]``."""
    words = text[start:end].rsplit(None, count)[-count:]
    spans = []
    position = end
    for word in reversed(words):
        position = text.rfind(word, start, position)
        spans.append((position, position + len(word)))
    spans.reverse()
    return spans


_WINDOW_BREAK = re.compile(r"[.;:!?](?=\s)|[()]")
_TRAILING_NAME = re.compile(r"[A-Za-z0-9][\w\-+.]*\Z")


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Abbreviation definitions: "Long Form (LF)" and the reverse "LF (Long Form)".

    >>> t = "we propose Multi-Head Routing (MHR), which beats Poly"
    >>> [(t[a.long_start:a.long_end], t[a.short_start:a.short_end]) for a in find_abbreviations(t)]
    [('Multi-Head Routing', 'MHR')]
    >>> t = "we propose MHR (Multi-Head Routing) here"
    >>> [(t[a.long_start:a.long_end], t[a.short_start:a.short_end]) for a in find_abbreviations(t)]
    [('Multi-Head Routing', 'MHR')]
    >>> find_abbreviations("see the review by Kukich (Kukich, 1992) and the lexicon [Zernik88]")
    []
    """
    found: list[Abbreviation] = []
    for match in matches_starting_with(_PAREN, text, "(["):
        inner = match.group(1).strip()
        inner_start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        # "(MHR; Smith et al.)" / "(MHR, for short)": the short form is the first chunk.
        head = _FIRST_CHUNK_END.split(inner, 1)[0].strip()
        if cites_at(text, match.start() + 1):
            continue  # "(Kukich, 1992)", "[Zernik88]": who wrote it, not what it is called
        offset = max(0, match.start() - 200)
        if inner.count(",") < 2:  # "(GPT, Llama, Qwen, and DeepSeek)" lists, not defines
            defined = _long_form_before(text, match.start(), head, inner_start)
            if defined is not None:
                found.append(defined)
                continue
        # Reverse layout: SHORT (Long Form), long form spelled by the short form's letters.
        lead = _STANDS_FOR.match(inner)
        if lead:  # "HiTUT (stands for Hierarchical Tasks via Unified Transformers)"
            inner = inner[lead.end() :]
            inner_start += lead.end()
        if not 1 < len(inner.split()) <= 10:
            continue
        previous = _last_words(text, offset, match.start(), 1)
        prev = _TRAILING_NAME.search(text, previous[0][0], previous[0][1]) if previous else None
        if prev and _valid_short(prev.group(0)):
            short = prev.group(0)
            inner_words = [(inner_start + m.start(), inner_start + m.end()) for m in _WORD.finditer(inner)]
            if _match_long(short, inner_words, text) == 0 and inner_words:
                found.append(Abbreviation(inner_words[0][0], inner_words[-1][1], prev.start(), prev.end()))
    return found


# "a Fast Region-based Convolutional Network method (Fast R-CNN)": a kind word between a long form
# and its bracket.
_KIND_WORDS = frozenset(("method", "model", "framework", "approach", "architecture", "algorithm", "system",
                         "technique", "scheme", "mechanism", "module", "strategy"))


def _long_form_before(text: str, bracket: int, head: str, head_start: int) -> Optional[Abbreviation]:
    """The definition of the short form ``head`` (at ``head_start``, in the bracket opening at
    ``bracket``) by the words before the bracket, if they spell it.

    A short form of two words shares one with its long form: its family's name last
    ("Scale-Aware Fast R-CNN (SAF R-CNN)") or a first word ("Fast Region-based Convolutional
    Network (Fast R-CNN)"); the other word is spelled by the rest of the long form."""
    if _valid_short(head):
        spelled, shared = head, None
    else:
        parts = head.split()
        if len(parts) != 2 or len(head) > 20 or not all(_SHORT_FORM.match(w) for w in parts):
            return None
        if _valid_short(parts[0]) and not parts[0].istitle():
            spelled, shared = parts[0], ("last", parts[1])
        elif parts[0].istitle() and _valid_short(parts[1]):
            spelled, shared = parts[1], ("first", parts[0])
        else:
            return None
    offset = max(0, bracket - 200)
    # Stop at a sentence or clause boundary.
    limit = min(len(spelled) + 5, len(spelled) * 2) + sum(c.isdigit() for c in spelled) * 2 + (1 if shared else 0)
    window = _last_words(text, offset, bracket, limit)
    # A long form does not reach back past a sentence or a bracket: the last word before
    # the final one that ends a clause or holds a bracket cuts the window.
    cut = None
    for cut in _WINDOW_BREAK.finditer(text, window[0][0], window[-1][0]) if window else ():
        pass
    if cut is not None:
        window = window[bisect.bisect_right([a for a, _ in window], cut.start()) :]
    if window and len(window) >= 3 and text[window[-1][0] : window[-1][1]].rstrip(",;:.").lower() in _KIND_WORDS:
        attempts = [window[:-1], window]  # the kind word is not part of the name when the rest spells it
    else:
        attempts = [window]
    for window in attempts:
        if not window:
            return None
        # Strip trailing punctuation of the last word ("Routing~" in LaTeX-ish text).
        last_a, last_b = window[-1]
        while last_b > last_a and not text[last_b - 1].isalnum() and text[last_b - 1] not in "+)":
            last_b -= 1
        window[-1] = (last_a, last_b)
        spelling = window
        if shared and shared[0] == "last":
            if text[last_a:last_b] != shared[1]:
                return None
            spelling = window[:-1]
        index = _spelled_from(spelled, spelling, text) if spelling else -1
        if index >= 0 and shared and shared[0] == "first":
            index -= 1
            if index < 0 or text[window[index][0] : window[index][1]] != shared[1]:
                index = -1
        if index >= 0:
            break
    else:
        return None
    long_start = max(window[index][0], _first_alnum(text, window[index][0], window[index][1]))
    citation = text.find("[", long_start, last_b)
    if citation > long_start:  # "Polytropon [Ponti et al., 2023] (Poly)"
        last_b = len(text[:citation].rstrip())
    long_text = text[long_start:last_b]
    while long_text.split(None, 1)[0] in MINOR_WORDS and " " in long_text:
        # "... for a multimodal multitask multilingual (FM3)": a long form starts with a content word
        long_start += len(long_text) - len(long_text.split(None, 1)[1])
        long_text = text[long_start:last_b]
    if len(long_text) > len(head) and long_text.lower() != head.lower():
        return Abbreviation(long_start, last_b, head_start, head_start + len(head))
    return None


def _spelled_from(short: str, window: list[tuple[int, int]], text: str) -> int:
    index = _match_initials(short, window, text)
    if index < 0:
        index = _match_long(short, window, text)
    if index < 0 and any(c.isdigit() for c in short):
        # "S3FT" = Selective Self-to-Supervised Fine-Tuning: a digit repeats the letter before it.
        expanded = _repeat_digits(short)
        index = _match_long(expanded, window, text) if expanded != short else -1
    return index


def _first_alnum(text: str, a: int, b: int) -> int:
    for i in range(a, b):
        if text[i].isalnum():
            return i
    return a


@lru_cache(maxsize=None)
def data_words(file_name: str) -> frozenset[str]:
    """The words of a file of ``extractors/data`` (lines starting with "#" are comments)."""
    words: set[str] = set()
    for line in (DATA / file_name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


NATURAL_LANGUAGES = data_words("languages.txt")
_LANGUAGE_JOINERS = re.compile(r"\s*(?:/|\bto\b|\band\b|,|\s|-)\s*")


def names_languages(name: str) -> bool:
    """Is ``name`` only natural languages ("Chinese", "Arabic-English", "English / Hindi",
    "Ara-bic" hyphenated by a PDF)? Such a name says which language a corpus holds, not which corpus.

    >>> [names_languages(n) for n in ["Chinese", "Arabic-English", "Chi-nese", "English-to-German WMT 2014", "CoNLL"]]
    [True, True, True, False, False]
    """
    if name.replace("-", "") in NATURAL_LANGUAGES:
        return True
    parts = [p for p in _LANGUAGE_JOINERS.split(name) if p]
    return bool(parts) and all(p in NATURAL_LANGUAGES for p in parts)


def stop_acronyms() -> frozenset[str]:
    return data_words("stop_acronyms.txt")


# A word of a name (letters, digits and the joiners names use: GPT-3.5, MiniWoB++, Qwen2.5-VL), and only
# one with a digit, an inner capital or "++": the only words that can be coined names.
SHAPED_WORD = re.compile(
    r"(?<![\w+\-])(?=[A-Za-z0-9.+\-'’]*?(?:[A-Za-z0-9.+\-'’][A-Z]|\d|\+\+))"
    r"[A-Za-z0-9][A-Za-z0-9.+\-'’]*(?<![.\-'’])(?:\+\+)?(?![\w])"
)


class WordIndex:
    """The distinct whitespace-separated words of one text, and where each stands.

    Rules that start from rare words look each distinct word up in a :class:`WordClasses` cache
    (most words of a stream are ones seen before) and then find only the few words that matter
    in the text: far cheaper than a regex tried at every position.

    ``positions`` (word -> offsets), when the caller already knows where the words that any
    ``WordClasses`` cares about stand (see ``extractors.candidates.doc_words``), spares the split
    and the searches; the index then holds only those words.
    """

    def __init__(self, text: str, positions: Optional[dict[str, list[int]]] = None):
        self.text = text
        self._positions = positions
        self.words = set(positions) if positions is not None else set(text.split())

    def blanked(self, spans: list[tuple[int, int]]) -> "WordIndex":
        """The index of ``blank_spans(self.text, spans)`` (the text with its URLs masked, say),
        made from this one: only the words that touch a span change."""
        if not spans:
            return self
        return self.edited(blank_spans(self.text, spans), spans)

    def edited(self, text: str, spans: list[tuple[int, int]]) -> "WordIndex":
        """The index of ``text``, a same-length edit of this index's text that differs only
        inside ``spans`` (sorted), made from this one: only the words that touch a span change."""
        if self._positions is None:
            return WordIndex(text)
        regions = []  # the edited spans widened to whole words of the new text
        for start, end in spans:
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < len(text) and not text[end].isspace():
                end += 1
            regions.append((start, end))
        starts = [start for start, _ in regions]

        def outside(position: int) -> bool:
            i = bisect.bisect_right(starts, position) - 1
            return i < 0 or position >= regions[i][1]

        positions = {}
        for word, offsets in self._positions.items():
            kept = [offset for offset in offsets if outside(offset)]
            if kept:
                positions[word] = kept
        for start, end in regions:
            for match in _WORD.finditer(text, start, end):
                if cares_about(match.group(0)):
                    positions.setdefault(match.group(0), []).append(match.start())
        for offsets in positions.values():
            offsets.sort()
        return WordIndex(text, positions)

    def occurrences(self, word: str) -> Iterable[int]:
        """Offsets where ``word`` stands between whitespace (not inside a longer word)."""
        if self._positions is not None:
            return self._positions.get(word, ())
        return self._find(word)

    def _find(self, word: str) -> Iterator[int]:
        text = self.text
        start = text.find(word)
        while start >= 0:
            if _stands_alone(text, start, start + len(word)):
                yield start
            start = text.find(word, start + 1)


class WordClasses:
    """A cache of what a function says about each distinct word, with the set of words it says
    something (truthy) about, so that a text's interesting words are one set intersection away.
    Cleared when it holds ``limit`` words, so that a long stream does not grow memory.

    Every instance that reads a Doc's word index (``flags_words``) is listed in
    ``WordClasses.live``: :func:`cares_about` (any of them says something about a word) decides
    which words a Doc-built :class:`WordIndex` keeps. One that only reads indexes it splits itself
    stays out, so that it does not make every Doc's index larger."""

    live: "weakref.WeakSet[WordClasses]" = weakref.WeakSet()
    generation = 0  # bumped whenever one is made: answers cached across instances must be redone

    def __init__(self, classify, limit: int = 200_000, *, flags_words: bool = True):
        self.classify = classify
        self.limit = limit
        self.values: dict = {}
        self.interesting: set[str] = set()
        if flags_words:
            WordClasses.live.add(self)
            WordClasses.generation += 1

    def value(self, word: str):
        """What the function says about ``word`` (cached)."""
        try:
            return self.values[word]
        except KeyError:
            self.select({word})
            return self.values[word]

    def select(self, words: set[str]) -> set[str]:
        """The words of ``words`` the function says something about."""
        unseen = words.difference(self.values)  # a dict argument: iterates ``words`` only
        if unseen:
            if len(self.values) + len(unseen) > self.limit:
                self.values.clear()
                self.interesting.clear()
                unseen = words
            for word in unseen:
                value = self.values[word] = self.classify(word)
                if value:
                    self.interesting.add(word)
        return words & self.interesting


def cares_about(word: str) -> bool:
    """Does any live :class:`WordClasses` say something about ``word``?"""
    return any(classes.value(word) for classes in list(WordClasses.live))


class Needles:
    """Where a fixed set of lowercase needles ("dataset", "we call", "known as") stand in a
    text, in any case: what ``str.find`` in the lowercased text would give for each needle, found
    from a :class:`WordIndex` instead, so a text is searched only for the few words that hold a
    needle rather than once per needle. A needle with a space spans words: its first part ends
    a word, and the rest is checked in the text.

    >>> needles = Needles(("bench", "we call"))
    >>> text = "We call it MT-Bench; we\\ncall"
    >>> sorted(needles.find(WordIndex(text), lower_same_length(text)).items())
    [('bench', [14]), ('we call', [0])]
    """

    def __init__(self, needles: Iterable[str]):
        self.needles = tuple(needles)
        # Most words hold no needle: one regex search (in C) and one endswith say so, instead of a
        # find per needle, which made every new word of a stream cost about 0.3 ms.
        singles = sorted({n for n in self.needles if " " not in n}, key=len, reverse=True)
        self._any_single = re.compile("|".join(map(re.escape, singles))) if singles else None
        self._heads = tuple({n.partition(" ")[0] for n in self.needles if " " in n})
        self._words = WordClasses(self._classify)

    def _classify(self, word: str) -> tuple[tuple[str, int, bool], ...]:
        """(needle, its offset in the word, whether the rest must be checked in the text)."""
        lowered = lower_same_length(word)
        if (self._any_single is None or self._any_single.search(lowered) is None) and not (
            self._heads and lowered.endswith(self._heads)
        ):
            return ()
        found = []
        for needle in self.needles:
            head, space, _ = needle.partition(" ")
            if space:
                if lowered.endswith(head):
                    found.append((needle, len(word) - len(head), True))
            else:
                found.extend((needle, i, False) for i in find_all(lowered, needle))
        return tuple(found)

    def find(self, index: WordIndex, lowered: str) -> dict[str, list[int]]:
        """Sorted offsets of each needle found in ``index.text`` (``lowered`` is its lower case)."""
        hits: dict[str, list[int]] = {}
        values = self._words.values
        for word in self._words.select(index.words):
            places = values[word]
            for position in index.occurrences(word):
                for needle, offset, spans_words in places:
                    if not spans_words or lowered.startswith(needle, position + offset):
                        hits.setdefault(needle, []).append(position + offset)
        for offsets in hits.values():
            offsets.sort()
        return hits


def _stands_alone(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


# Where SHAPED_WORD matches inside each word, relative to the word: a word stands between
# whitespace, so what the pattern sees around it is the same wherever it stands.
# Only read through indexes made by splitting: the coined-name rule, which reads the Doc's index,
# keeps its own per-word cache (see extractors.patterns).
_SHAPED_WORDS = WordClasses(lambda word: tuple(match.span() for match in SHAPED_WORD.finditer(word)), flags_words=False)


def shaped_words(text: str) -> list[tuple[int, int]]:
    """Spans of ``SHAPED_WORD`` matches in ``text``, in order.

    Few words hold one: the pattern runs once per distinct word (see :class:`WordIndex`).

    >>> t = "We beat GPT-3 and (MiniWoB++) baselines, not GPT-3x."
    >>> [t[a:b] for a, b in shaped_words(t)]
    ['GPT-3', 'MiniWoB++', 'GPT-3x']
    """
    index = WordIndex(text)
    values = _SHAPED_WORDS.values
    spans = [
        (start + a, start + b)
        for word in _SHAPED_WORDS.select(index.words)
        for start in index.occurrences(word)
        for a, b in values[word]
    ]
    spans.sort()
    return spans


_NUMERIC = re.compile(r"^(?:\d+(?:\.\d+)?[eE][+\-]?\d+|\d+(?:\.\d+)?[a-zA-Z]{0,2}|[0-9]+(?:st|nd|rd|th)|v\d+(?:\.\d+)*|\d+[xX%]|\d+(?:\.\d+)?[KMBT]?(?:[-/]\d+(?:\.\d+)?[KMBT]?)+)$")
# Participles and adjectives glued to a name by a hyphen ("OWL-trained", "VLM-based") are not part of it.
_GLUED_SUFFIX = re.compile(
    r"(?:-(?:based|like|style|specific|guided|aware|free|only|level|driven|centric|agnostic|scale|size|sized|type|[a-z]{2,}ed|[a-z]{3,}ing))+$"
)
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=200_000)
def trim_name(word: str) -> str:
    """Strip a possessive and hyphen-glued lowercase words from a name.

    >>> [trim_name(w) for w in ["OpenAI's", "OWL-trained", "MHR-z", "MHR-mu", "GPT-4o-mini"]]
    ['OpenAI', 'OWL', 'MHR-z', 'MHR-mu', 'GPT-4o-mini']
    """
    word = _POSSESSIVE.sub("", word)
    trimmed = _GLUED_SUFFIX.sub("", word)
    return trimmed if trimmed and trimmed != word and not trimmed.endswith("-") else word


from spacy.lang.en.stop_words import STOP_WORDS as _ENGLISH_FUNCTION_WORDS  # noqa: E402  (spaCy's own list)

# An English word with its first letters capitalised to spell an acronym: "GENeralization",
# "UNified", "CONtinuous" (but "XLNet", "CLIPScore" and "MLPerf" are names: no English ending).
_EMPHASISED_LETTERS = re.compile(r"^[A-Z]{2,}[a-z]*(?:ation|ified|ing|ment|ness|ity|ive|ous|ence|ance|ical|ed)$")
_RUN_ON_SENTENCE = re.compile(r"^[a-z]{3,}(?:We|The|This|These|Our|In|To|For|Moreover|However|Finally|Furthermore|Experiments?|Results?)$")
_PLAIN_WORD = re.compile(r"^[A-Za-z]?[a-z'’\-]*$")  # "the", "Routing", "multi-head": never coined
_SPLIT_RANGE = re.compile(r"[\-/]")
_SPLIT_PARTS = re.compile(r"[\-.]")
# Lower-case words joined by a digit: "word2vec", "pix2pix" (not "e2e", "p2p", "i18n": generic).
_LETTERS_DIGIT_LETTERS = re.compile(r"^[a-z]{2,}\d[a-z]{2,}$")
# Lowercase words joined to a number with at most a short unit: "20k-word", "larger-than-15dB".
_MEASUREMENT = re.compile(r"^(?:[a-z]+-)*\d+(?:\.\d+)?[A-Za-z]{0,2}(?:-[a-z]+)*$")


# A capitalised word and one capital letter: "Coconut-X", "Point-E"; unless the word is a generic
# head lettered as in a list ("Type-A", "Part-B", "Model-C").
_WORD_LETTER = re.compile(r"^[A-Z][a-z]{3,}-[A-Z]$")
_LETTERED_GENERIC = frozenset(("Type", "Plan", "Part", "Class", "Model", "Method", "Task", "Phase", "Stage", "Level", "Group",
                               "Case", "Step", "Grade", "Version", "Option", "Track", "Setting", "Condition", "Vitamin",
                               "Site", "Scenario", "Variant", "Subject", "Patient", "Dataset", "Split", "Layer", "Block",
                               "Round", "Team", "Figure", "Table", "Appendix", "Section", "Category"))
# Words that, joined to an acronym, describe rather than name ("LLM-Based", "AI-Generated").
_DESCRIBING_PARTS = frozenset(("based", "aware", "free", "level", "like", "style", "specific", "centric", "wise", "scale",
                               "agnostic", "friendly", "ready", "only", "driven", "guided", "powered", "assisted"))
_DESCRIBING_ENDS = ("ed", "ing", "ive", "al", "ic", "ful", "less", "ous", "ble", "ary")


def _describes(part: str) -> bool:
    lowered = part.lower()
    return lowered in _DESCRIBING_PARTS or (len(part) > 5 and lowered.endswith(_DESCRIBING_ENDS))


@lru_cache(maxsize=200_000)
def is_coined_name(word: str) -> bool:
    """Does one word look like a coined name (AdaTT, MHR-z, GPT-3, Ego4D, MiniWoB++)?

    Capitalised English words, numbers, model sizes and generic acronyms (LLM, VLMs) do not.

    >>> [is_coined_name(w) for w in ["AdaTT", "MHR-z", "GPT-3", "MiniWoB++", "LLMs", "The", "7B", "Multi-Head", "websiteWe"]]
    [True, True, True, True, False, False, False, False, False]
    >>> [is_coined_name(w) for w in ["20k-word", "larger-than-15dB", "3-layer", "Ego4D", "Llama-2-7b", "T5-base"]]
    [False, False, False, True, True, True]
    >>> [is_coined_name(w) for w in ["word2vec", "pix2pix", "e2e", "i18n", "mp3"]]
    [True, True, False, False, False]
    """
    if len(word) < 2 or _PLAIN_WORD.match(word) or _NUMERIC.match(word) or "--" in word:
        return False  # "--" stands for a dash between words ("layers---8x deeper")
    if all(_NUMERIC.match(p) or not p for p in _SPLIT_RANGE.split(word)):
        return False
    if _MEASUREMENT.match(word):
        return False  # "20k-word", "larger-than-15dB", "3-layer": a quantity and its unit in words
    if _RUN_ON_SENTENCE.match(word):
        return False  # "websiteWe": a full stop and a space lost between two sentences
    stop = stop_acronyms()
    if word in stop:
        return False
    if word.isupper() and word.isalpha() and word.lower() in _ENGLISH_FUNCTION_WORDS:
        return False  # "Code is available HERE", "THE COLOSSEUM": shouted English, not a name
    if _EMPHASISED_LETTERS.match(word):
        return False  # "OOD GENeralization (OGEN)": capitals that spell an acronym inside an English word
    if word.endswith("s") and word[:-1].isupper() and len(word) > 2:
        return False  # plural acronyms name families (LLMs, GNNs, PLMs)
    if word.endswith("++") or _LETTERS_DIGIT_LETTERS.match(word):
        return True  # "MiniWoB++"; "word2vec", "pix2pix", "im2gps"
    if _WORD_LETTER.match(word):
        return word.partition("-")[0] not in _LETTERED_GENERIC  # "Coconut-X", "Point-E" (not "Type-A", "Part-B")
    parts = [p for p in _SPLIT_PARTS.split(word) if p]
    if len(parts) >= 3 and any(p.isdigit() for p in parts) and any(p[:1].isupper() and p.isalpha() for p in parts):
        return True  # "GNN-Bank-101": three joined parts, a number among them
    if all(p in stop or (p.endswith("s") and p[:-1] in stop) for p in parts if p.isalpha() and p.isupper()) and all(
        p.isalpha() and (p.isupper() or p.islower() or p.istitle()) for p in parts
    ) and any(p.isupper() for p in parts) and not any(p.isupper() and len(p) > 1 and p not in stop for p in parts):
        # only generic acronyms joined: "VLM-based", "LLM-as-a-judge"; but an acronym and a capitalised
        # noun name a thing: "API-Bank", "RAG-Token", "Self-RAG" (not "LLM-Based", "GPU-Accelerated")
        # ("Tree-LSTM", "Rank-SVM": a short word before the acronym; not "Imagenet-CNN", a CNN of ImageNet)
        return len(parts) == 2 and "-" in word and any(p.istitle() for p in parts) and all(
            p.isupper() or (p.istitle() and len(p) >= 3 and not p.endswith("s") and not _describes(p)) for p in parts) and (
            parts[0].isupper() or len(parts[0]) <= 5)
    for part in parts:
        letters = [c for c in part if c.isalpha()]
        if not letters or (part.endswith("s") and part[:-1] in stop):
            continue
        has_digit = any(c.isdigit() for c in part)
        inner_upper = any(c.isupper() for c in part[1:])
        if (inner_upper and len(letters) >= 2) or (has_digit and part[0].isupper()) or (has_digit and len(parts) > 1):
            if part.isupper() and part in stop:
                continue
            return True
    return False
