"""``kg_text_cleanup``: text extracted from PDFs, made readable for the rules without moving a
single offset.

Abstracts taken from PDFs carry debris that no abstract means to say: LaTeX macro remnants
("VAEname = VAE, description = VariationalAutoencoder", "citecolor = darkblue"), author and
affiliation lines ("JonathanShen1] RuomingPang1] ... UniversityofCalifornia"), venue and ACM
classification lines, keyword lists, figure labels, links spaced out by the extractor
("https: // github.com / x") and titles in capitals. Read as text, every glued word of it looks
like a coined name.

:func:`clean_text` returns a text of exactly the same length in which

- the trailing run of segments that are not prose (the debris above nearly always follows the
  abstract's last sentence) is blanked, and so are the author and affiliation lines that come
  before an "Abstract" heading at the start;
- colour macros glued to the first word of a sentence ("blackEnsemble of our models") lose the colour,
  and footnote numbers glued to a line's first word ("1All our code ...") their number;
- a spaced-out link is written compactly, padded with spaces ("https://github.com/x   ");
- a title in capitals is written in title case, keeping the words that the abstract itself
  writes in capitals ("GRAPH ATTENTION NETWORKS" -> "Graph Attention Networks").

Every offset into the cleaned text is therefore an offset into the original. The component puts
the cleaned text where the other components read the text (``doc.user_data["kg_text"]``, see
:func:`extractors.candidates.doc_text`), keeps the original in ``doc.user_data["kg_original"]``,
and records what it changed as labelled spans in ``doc.spans["kg_debris"]`` (render them with
displaCy's span style).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from extractors.candidates import BatchComponent, doc_text, doc_words, set_doc_text
from extractors.results import has_digit

__all__ = ["Debris", "clean_text", "TextCleanup", "DEBRIS_KEY"]

DEBRIS_KEY = "kg_debris"


class Debris(NamedTuple):
    """A changed stretch of the text: ``kind`` is "tail", "front", "colour", "footnote", "link" or
    "recased"."""

    start: int
    end: int
    kind: str


# A segment ends after a full stop, question or exclamation mark followed by whitespace.
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_URL_START = re.compile(r"https?://|www\.")
# Marks of markup, identifiers and affiliations that prose does not use.
_MARKUP = re.compile(r"[=¡¿{}⌈⌉⌊⌋@|]|\d\]|\[\d|\[\]")
_MARKUP_CHARS = "=¡¿{}⌈⌉⌊⌋@|[]"  # one of them in every match
_CITATION = re.compile(r"\[\d+(?:\s*[,–\-]\s*\d+)*\]")  # "the method of [12]", "[3, 7]": prose cites (two marks each)
_NOTATION = re.compile(r"(?<=[A-Za-z])@(?=\d)|(?<=[\w)])\s?=\s?(?=[\d.])")
_KEYWORDS_LEAD = re.compile(r"^\s*(?:keywords?|key words|index terms|ccs concepts)\b", re.IGNORECASE)
# "https: // github.com / rbgirshick / fast-rcnn": a link the PDF extractor spaced out (a space
# after "//" and around every "/"; a written link has none).
_LINK_PART = r"[\w\-~%#?=&+]+(?:\.[\w\-~%#?=&+]+)*"
_SPACED_LINK = re.compile(rf"(https?)\s*:\s*//\s+({_LINK_PART}(?:\s+/\s+{_LINK_PART})*)(?:\s+/(?=[\s.,;)]|$))?")
# LaTeX colour names glued to the next word by a lost macro boundary ("blackEnsemble").
_COLOURS = ("black", "white", "red", "green", "blue", "cyan", "magenta", "yellow", "gray", "grey", "orange",
            "purple", "brown", "darkblue", "darkgreen", "darkred", "lightblue", "lightgray", "mygreen", "myblue",
            "myred")


_COLOUR_STARTS = tuple(sorted(_COLOURS, key=len, reverse=True))


def _glued_colours(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Spans of colour names glued to the first word of the body or of a sentence in it, where a
    colour macro sets off a block of text ("blackEnsemble of our models ...")."""
    found = []
    starts = [start]
    i = text.find(". ", start, limit)
    while i >= 0:
        starts.append(i + 2)
        i = text.find(". ", i + 2, limit)
    for i in starts:
        if text.startswith(_COLOUR_STARTS, i):
            colour = next(c for c in _COLOUR_STARTS if text.startswith(c, i))
            end = i + len(colour)
            if end < len(text) and text[end].isupper():
                found.append((i, end))
    return found


def _markup_count(segment: str) -> int:
    """``len(_MARKUP.findall(segment))``, less the marks of metric notation ("R@1", "pass@10",
    "IoU=0.5", "k = 5") and of numbered citations ("[12]"); most segments hold none of its
    characters, which ``in`` says faster than the pattern tried at every character."""
    if not any(c in segment for c in _MARKUP_CHARS):
        return 0
    return len(_MARKUP.findall(segment)) - len(_NOTATION.findall(segment)) - 2 * len(_CITATION.findall(segment))


_COMMON_PROSE = (" the ", " of ", " and ", " to ", " in ", " is ", " we ", " that ", " for ")


def _is_prose(segment: str) -> bool:
    """Does a segment read as a sentence? Prose is carried by function words ("the", "of", "we",
    "is"); debris has next to none, or the marks of markup and affiliations."""
    if any(word in segment for word in _COMMON_PROSE) and _markup_count(segment) <= 1:
        return True  # most sentences: a common function word and no markup
    if _URL_START.search(segment):
        return True  # "Code: https://...": links are found by the URL rules, not blanked
    if _KEYWORDS_LEAD.match(segment):
        return False
    words = _WORD.findall(segment)
    if not words:
        return False
    function = sum(1 for w in words if w.strip(".,;:()[]\"'“”").lower() in STOP_WORDS)
    markup = _markup_count(segment)
    glued = sum(1 for w in words if len(w) >= 16 and w.isalnum() and not w.islower())
    if markup > max(1, len(words) // 8) or glued > max(1, len(words) // 8):
        return False
    if len(words) >= 3 and not markup and not glued and segment.rstrip().endswith(".") and any(
            len(w) >= 4 and w.isalpha() and w.islower() for w in words):
        return True  # a short sentence with no function word: "ZetaNet beats XGBoost."
    return len(words) >= 3 and function >= max(1, 0.08 * len(words))


_SEGMENT_MARKS = (". ", ".\n", "! ", "!\n", "? ", "?\n")


# Abbreviations whose full stop ends no sentence: "(81.2% vs. 81.5%)" is one segment.
_ABBREVIATIONS = ("vs.", "e.g.", "i.e.", "cf.", "al.", "etc.", "Fig.", "Eq.", "approx.", "resp.")


def _previous_cut(text: str, start: int, end: int) -> int:
    """Where the segment that ends at ``end`` starts: just after the last full stop, question or
    exclamation mark followed by whitespace before ``end`` that ends no abbreviation (``start``
    when there is none)."""
    while True:
        cut = max(text.rfind(mark, start, end) for mark in _SEGMENT_MARKS)
        if cut < 0:
            return start
        if not text.endswith(_ABBREVIATIONS, start, cut + 1):
            return cut + 1
        end = cut


def _debris_tail(text: str, body_start: int) -> tuple[int, int] | None:
    """The trailing run of non-prose segments of ``text[body_start:]``, as (start, end); found
    from the end backwards, so that an abstract whose last sentence is prose costs one test."""
    end = len(text.rstrip())
    if end <= body_start:
        return None
    tail_start = None
    segment_end = end
    while segment_end > body_start:
        cut = _previous_cut(text, body_start, segment_end - 1)
        if _is_prose(text[cut:segment_end]):
            break
        tail_start = segment_end = cut
    if tail_start is None or tail_start == body_start:
        return None  # nothing, or nothing but debris: a text with no prose at all is left alone
    while tail_start < end and text[tail_start].isspace():
        tail_start += 1
    return tail_start, end


# "... {zichaoy}@cs.cmu.edu Abstract We propose ...": the heading a PDF's front matter ends with.
# ("Abstract—Scene parsing ...": a dash may join the heading to the first word)
_ABSTRACT_HEADING = re.compile(r"(?<![\w\-])(?:Abstract|ABSTRACT)(?:\s*[.:]?\s+|\s*[—–-]\s*)(?=[A-Z])")
_FRONT_MATTER_REACH = 600  # characters of authors, affiliations and e-mail addresses before the heading


# Marks of author and affiliation lines, which read as prose by their "of" ("University of
# Illinois"): names numbered for their affiliation ("Li1", "2University"), e-mail addresses.
_AFFILIATION_MARKS = re.compile(r"(?<![\w\-])(?:[A-Z][a-z]+\d{1,2}|\d{1,2}[A-Z][a-z]+)(?![\w\-])|\w@\w|"
                                r"\b(?:University|Institute|Department|Laboratory)\b")


def _front_matter(text: str, body_start: int) -> tuple[int, int] | None:
    """The author and affiliation lines and the "Abstract" heading that open the body of a text
    taken from a PDF ("Zichao Yang1, Diyi Yang1 1Carnegie Mellon University ... Abstract We ..."),
    as (start, end); None when the body opens with prose or has no such heading."""
    i = text.find("bstract", body_start, body_start + _FRONT_MATTER_REACH)
    if i < 0:
        i = text.find("BSTRACT", body_start, body_start + _FRONT_MATTER_REACH)
    if i <= body_start:
        return None
    heading = _ABSTRACT_HEADING.match(text, i - 1)
    if heading is None:
        return None
    if i - 1 == body_start:
        # The heading alone, opening the body: "ABSTRACT\nWe introduce ...", "Abstract: We ..." (not
        # "Abstract Meaning Representation (AMR) is ...": a name)
        # "ABSTRACT Small objects ...": the heading in capitals before a sentence (a reader that
        # joins lines has taken its line break away), unless the words after it are capitals too.
        marked = "\n" in heading.group(0) or any(mark in heading.group(0) for mark in ".:—–-") or (
            text.startswith("ABSTRACT", i - 1) and not text[heading.end() : heading.end() + 12].split(None, 1)[0].isupper())
        return (body_start, heading.end()) if marked else None
    front = text[body_start : i - 1]
    own_line = text[i - 2 : i - 1] == "\n" and "\n" in heading.group(0)  # ("...\nABSTRACT\nWe describe ...")
    if not own_line and _is_prose(front) and len(_AFFILIATION_MARKS.findall(front)) < 2:
        return None  # ("Abstract Meaning Representation (AMR) is ...": a name, not a heading)
    return body_start, heading.end()


_NUMBERED_WORD = re.compile(r"(?<![\w\-])(?:[A-Z][a-z]+\d{1,2}|\d{1,2}[A-Z][a-z]+)(?![\w\-])")
_LOWER_WORD = re.compile(r"(?<![\w@.\-])[a-z]+(?![\w@\-])")
_AFFILIATION_WORDS = {"of", "and", "for", "de", "la", "at", "the", "in", "und", "der", "di"}
_EMAIL = re.compile(r"[\w.{},\-]+@[\w.\-]+\w")


def _author_marks(text: str, body_start: int) -> list[tuple[int, int]]:
    """Without an "Abstract" heading: the words of author and affiliation lines that open the body
    ("Jane Doe1, Wei Zhang2, Marco Rossi1 1University of Somewhere We address ..."), names
    numbered for their affiliations and e-mail addresses, when the first sentence has three or
    more of them, two of them numbered names (one "Llama2" is a model's name)."""
    end = text.find(". ", body_start, body_start + _FRONT_MATTER_REACH)
    end = end if end > 0 else min(len(text), body_start + _FRONT_MATTER_REACH)
    # The words that end in a digit, found by splitting (a pattern tried at every character of the
    # sentence cost more than the rest of the clean-up).
    marks, position = [], body_start
    for word in text[body_start:end].split():
        position = text.find(word, position)
        if word[-1:].isdigit() or word[:1].isdigit() or word[-2:-1].isdigit():
            found = _NUMBERED_WORD.search(text, position, position + len(word))
            if found:
                marks.append(found.span())
        position += len(word)
    if sum(text[a].isupper() for a, _ in marks) < 2:
        return []
    last = marks[-1][1]
    if "@" in text[body_start:end]:
        marks += [m.span() for m in _EMAIL.finditer(text, body_start, end)]
    if len(marks) < 3:
        return []
    if any(word not in _AFFILIATION_WORDS for word in _LOWER_WORD.findall(text, body_start, last)):
        return []  # ("We compare Llama2 with Qwen2 and Mistral7": prose, whose words run between the names)
    return marks


# A footnote's number glued to its first word at a line start: "1All our code and models are ...".
_FOOTNOTE_MARK = re.compile(r"(?<=\n)(\d{1,2})(?=[A-Z][a-z]+\s)")


def _recase_word(word: str) -> str:
    """ "SUPER-RESOLUTION" -> "Super-Resolution", one character for one (so offsets hold)."""
    out = []
    start_of_part = True
    for c in word:
        if c.isalpha():
            lowered = c.lower()
            out.append(c if start_of_part or len(lowered) != 1 else lowered)
            start_of_part = False
        else:
            out.append(c)
            start_of_part = c in "-/"
    return "".join(out)


def _recased_title(text: str, title_end: int) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for the words of a title written in capitals."""
    title = text[:title_end]
    lower = sum(map(str.islower, title))
    if lower > 0.1 * len(title):
        return []  # most titles: more small letters than a title in capitals has
    upper = sum(map(str.isupper, title))
    if upper < 8 or lower > 0.1 * (upper + lower) or len(title.split()) < 2:
        return []
    abstract = text[title_end:]
    changes = []
    for match in _WORD.finditer(title):
        word = match.group(0)
        core = word.strip(".,;:!?()[]\"'“”")
        if not any(c.isalpha() for c in core) or re.search(rf"(?<![\w\-]){re.escape(core)}(?![\w\-])", abstract):
            continue  # an acronym the abstract writes the same way stays as it is ("GAN", "3D")
        recased = _recase_word(word)
        if recased != word:
            changes.append((match.start(), match.end(), recased))
    return changes


def clean_text(text: str) -> tuple[str, list[Debris]]:
    """The text with its PDF debris blanked and its layout repaired, same length, and what
    changed.

    >>> t = "A Model\\n\\nWe propose X. It works on GLUE. VAEname = VAE, description = VariationalAutoencoder"
    >>> cleaned, debris = clean_text(t)
    >>> cleaned.rstrip(), len(cleaned) == len(t), [d.kind for d in debris]
    ('A Model\\n\\nWe propose X. It works on GLUE.', True, ['tail'])
    >>> clean_text("T\\n\\nCode is at https: // github.com / a / b.")[0]
    'T\\n\\nCode is at https://github.com/a/b      .'
    """
    if not text:
        return text, []
    title_end = text.find("\n")
    title_end = title_end if title_end >= 0 else 0
    body_start = title_end
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    changes: list[tuple[int, int, str, str]] = []  # start, end, replacement, kind
    tail = _debris_tail(text, body_start)
    limit = tail[0] if tail else len(text)
    if tail:
        changes.append((tail[0], tail[1], " " * (tail[1] - tail[0]), "tail"))
    front = _front_matter(text, body_start) if "bstract" in text or "BSTRACT" in text else None
    if front and (not tail or front[1] <= tail[0]):
        changes.append((front[0], front[1], " " * (front[1] - front[0]), "front"))
    elif front is None and has_digit(text[body_start : body_start + 200]):
        for start, end in _author_marks(text, body_start):
            changes.append((start, end, " " * (end - start), "front"))
    if "//" in text:
        for match in _SPACED_LINK.finditer(text, 0, limit):
            compact = f"{match.group(1)}://" + re.sub(r"\s+", "", match.group(2))
            if len(compact) < match.end() - match.start():
                changes.append((match.start(), match.end(), compact.ljust(match.end() - match.start()), "link"))
    for start, end in _glued_colours(text, body_start, limit):
        changes.append((start, end, " " * (end - start), "colour"))
    if "\n" in text[body_start:limit]:
        for match in _FOOTNOTE_MARK.finditer(text, body_start, limit):
            if not any(start <= match.start(1) < end for start, end, _, _ in changes):  # (not an affiliation's "1University")
                changes.append((match.start(1), match.end(1), " " * (match.end(1) - match.start(1)), "footnote"))
    if title_end:
        for start, end, recased in _recased_title(text, title_end):
            changes.append((start, end, recased, "recased"))
    if not changes:
        return text, []
    changes.sort()
    pieces, position, debris = [], 0, []
    for start, end, replacement, kind in changes:
        if start < position:
            continue  # inside an earlier change
        pieces += [text[position:start], replacement]
        position = end
        debris.append(Debris(start, end, kind))
    pieces.append(text[position:])
    return "".join(pieces), debris


class TextCleanup(BatchComponent):
    """Runs :func:`clean_text` on each Doc; later components read the cleaned text.

    Sets ``doc.user_data["kg_text"]`` (cleaned), ``doc.user_data["kg_original"]`` (as read) and
    ``doc.spans["kg_debris"]`` (what changed, labelled by kind)."""

    def __init__(self, nlp: Language, name: str = "kg_text_cleanup"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cleaned, debris = clean_text(text)
        if debris:
            set_doc_text(doc, cleaned, [(d.start, d.end) for d in debris])
            spans = [doc.char_span(d.start, d.end, label=d.kind, alignment_mode="expand") for d in debris]
            doc.spans[DEBRIS_KEY] = [s for s in spans if s is not None]
        return doc


@Language.factory("kg_text_cleanup", assigns=["doc.spans"])
def make_text_cleanup(nlp: Language, name: str) -> TextCleanup:
    return TextCleanup(nlp, name)
