"""``kg_gazetteer``: well-known public names (benchmarks, datasets, landmark models).

Entries live in ``data/gazetteer.jsonl`` as ``{"name", "label", "aliases"}`` and are validated
with pydantic when loaded. Names match case-sensitively (so "ARC" the benchmark is not "arc"),
and long multi-word names also match in any case ("big-bench hard").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.lang.en.stop_words import STOP_WORDS as _STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ExtractionError
from kg.model import NodeLabel
from extractors.candidates import BatchComponent, Candidate, add_candidates, doc_words_without_links, use_word_flag
from extractors.text import WordClasses, WordIndex, lower_same_length, model_variant_end, trim_name

__all__ = ["GazetteerEntry", "Gazetteer", "load_gazetteer", "DEFAULT_GAZETTEER"]

DEFAULT_GAZETTEER = Path(__file__).parent / "data" / "gazetteer.jsonl"


class GazetteerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    label: NodeLabel
    aliases: tuple[str, ...] = ()


def load_gazetteer(path: Path = DEFAULT_GAZETTEER) -> list[GazetteerEntry]:
    """Read and validate a gazetteer file; raises ExtractionError naming the bad line."""
    entries = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(GazetteerEntry(**json.loads(line)))
        except (json.JSONDecodeError, ValidationError, TypeError) as exc:
            raise ExtractionError(f"{path}:{number}: invalid gazetteer entry: {exc}") from exc
    return entries


def _inside_word(text: str, start: int, end: int) -> bool:
    """Is text[start:end] only part of a longer word ("CLIP" in "M2-CLIP", "GLUE" in "SuperGLUE",
    "GPT-3" in "GPT-3.5", "MiniWoB" in "MiniWoB++")? A glued participle does not count:
    "ImageNet-trained" is ImageNet.

    >>> [_inside_word(t, 0, 5) for t in ("GPT-3.5", "GPT-3,", "GPT-3's", "GPT-3-based")]
    [True, False, False, False]
    """
    before = text[start - 1] if start else " "
    if before.isalnum() or before == "_" or (before == "-" and start >= 2 and text[start - 2].isalnum()):
        return True
    after = text[end : end + 2]
    if after[:1].isalnum() or after[:1] in ("_", "+") or (after[:1] == "." and after[1:2].isdigit()):
        return True
    if after[:1] == "-" and after[1:2].isalnum():
        word_end = end
        while word_end < len(text) and not text[word_end].isspace() and text[word_end] not in ",;:()[]":
            word_end += 1
        word = text[start:word_end].rstrip(".")
        return len(trim_name(word)) != end - start
    return False


def _alnum_runs(word: str) -> list[tuple[int, str]]:
    """(offset, run) for every maximal run of letters and digits in ``word``."""
    runs = []
    i = 0
    while i < len(word):
        if word[i].isalnum():
            j = i + 1
            while j < len(word) and word[j].isalnum():
                j += 1
            runs.append((i, word[i:j]))
            i = j
        else:
            i += 1
    return runs


# A year or version written after a known data name: "PASCAL VOC 2012", "MS MARCO 2.1", "WMT'14".
# A full stop after it ends the sentence ("... on PASCAL VOC 2012."); a digit after it does not.
# ("AIME '24"; not "IMDB 49.4%", nor "GenEval 0.51": scores)
_VERSION_AFTER = re.compile(r"(?:[ \-](?:19|20)\d\d|[ \-](?:v\d+\.\d+|(?!0\.\d\d)\d+\.\d+)| ?['’]\d\d)(?![\w+\-%]|\.\d| %)")
# A small release number, where nothing counted follows it: "AlpacaEval 2 and MT-Bench", "on Common
# Voice 15, X" (not "GLUE 8 tasks", "MMLU 5-shot").
# ... or the number of classes of a label set joined by a hyphen: "PASCAL Context-59".
_SMALL_VERSION_AFTER = re.compile(r" v?\d{1,2}(?=[,;:)]|\.(?!\d)|\s+(?:and|or|on|with|in|at|by|from|to|where|while|test|dev|"
                                  r"validation|benchmark|dataset|leaderboard|split|set)\b|\s*$)|-\d{2,3}(?![\w.\-%+])")
# A shared task's numbered task or track after its name: "SemEval-2018 Task 1", "SemEval Task 1:E-c";
# a part of a dataset: "ShanghaiTech Part A".
_PART_AFTER = re.compile(r"[ \-](?:(?:Task|Track|Subtask)\s?\d+[a-zA-Z]?(?::\s?[A-Za-z][\w\-]*)?|Part [A-Z0-9])(?![\w+])")
_DATA_LABELS = (NodeLabel.DATASET, NodeLabel.BENCHMARK)
# A capitalised word written before a known name, inside a sentence: "Prioritized Dueling DQN",
# "Microsoft COCO", "3D U-Net" are variants or full names of their own.
_QUALIFIER_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([A-Z][a-z]{2,}|[1-9]D) $")
_NOT_QUALIFIERS = frozenset((
    "The", "This", "That", "These", "Those", "Our", "Their", "Its", "Using", "With", "And", "For", "From", "Both",
    "Standard", "Vanilla", "Original", "Baseline", "Pretrained", "Large", "Small", "Base", "Tiny", "Deep", "Than",
    "Unlike", "Like", "Each", "All", "Other", "Existing", "Several", "Many", "Previous", "Recent", "Popular",
))
_QUALIFIED_LABELS = (NodeLabel.METHOD, NodeLabel.DATASET, NodeLabel.BENCHMARK)
_SENTENCE_END = re.compile(r"(?:[.!?:;]\s*|\n\s*|^\s*)$")


_ACRONYM_AND = re.compile(r"(?:^|(?<=\s))([A-Z]{2,6})\s+(?:and|&)\s+$")
# Both are data only when the noun says they are two ("datasets", "news stories"): "SRL and
# CoNLL-2005 data" is a task and its data.
_DATA_NOUN_AFTER = re.compile(r"\s+(?:news\s+\w+|(?:\w+\s+)?(?:datasets|corpora|benchmarks))\b")


def _coordinated_data(text: str, found: list[tuple[int, int, GazetteerEntry]]) -> list[tuple[int, int, NodeLabel]]:
    """An acronym joined to a known dataset before their data noun ("the CNN and Daily Mail news
    data"): data as well, even when the acronym alone names a family of models.

    >>> daily_mail = GazetteerEntry(name="Daily Mail", label=NodeLabel.DATASET)
    >>> t = "the CNN & Daily Mail news stories; a CNN and Daily Mail model"
    >>> [t[a:b] for a, b, _ in _coordinated_data(t, [(10, 20, daily_mail), (42, 52, daily_mail)])]
    ['CNN']
    """
    extended = []
    for start, end, entry in found:
        if entry.label not in _DATA_LABELS or not _DATA_NOUN_AFTER.match(text, end):
            continue
        acronym = _ACRONYM_AND.search(text, max(0, start - 16), start)
        if acronym:
            extended.append((acronym.start(1), acronym.end(1), entry.label))
    return extended


_SUBSET_AFTER = re.compile(r" ([A-Z][a-z]{3,})(?=\s*(?:[,;)]|\.(?:\s|$)|\s(?:and|or)\s))")


def _subsets(text: str, found: list[tuple[int, int, GazetteerEntry]]) -> list[tuple[int, int, GazetteerEntry]]:
    r"""A known dataset with the capitalised word that ends its item in a list ("SVHN, LSUN
    Bedrooms, and ..."): a part of it with a name of its own.

    >>> lsun = GazetteerEntry(name="LSUN", label=NodeLabel.DATASET)
    >>> t = "\non CelebA, LSUN Bedrooms, and LSUN. We use LSUN Then we"
    >>> [t[a:b] for a, b, _ in _subsets(t, [(12, 16, lsun), (31, 35, lsun), (44, 48, lsun)])]
    ['LSUN Bedrooms']
    """
    extended = []
    title_end = text.find("\n")
    for start, end, entry in found:
        if entry.label not in _DATA_LABELS or start < title_end:
            continue
        subset = _SUBSET_AFTER.match(text, end)
        if subset and subset.group(1) not in _NOT_QUALIFIERS and subset.group(1).lower() not in _STOP_WORDS:
            extended.append((start, subset.end(1), entry))
    return extended


def _qualified(text: str, found: list[tuple[int, int, GazetteerEntry]]) -> list[tuple[int, int, GazetteerEntry]]:
    r"""Known names with the capitalised word the text writes before them, inside a sentence.

    >>> entries = [GazetteerEntry(name=n, label=NodeLabel.METHOD) for n in ("Dueling DQN", "DQN", "BERT")]
    >>> t = "\nthan Prioritized Dueling DQN and Categorical DQN. Pretrained BERT and BERT."
    >>> [t[a:b] for a, b, _ in _qualified(t, [(18, 29, entries[0]), (46, 49, entries[1]), (62, 66, entries[2])])]
    ['Prioritized Dueling DQN', 'Categorical DQN']
    """
    extended = []
    title_end = text.find("\n")
    known_spans = {(start, end) for start, end, _ in found}
    for start, end, entry in found:
        if entry.label not in _QUALIFIED_LABELS or start < title_end or text[end : end + 1] in ("-", "+", "/"):
            continue  # a title capitalises every word; "CUB-200-2011" goes on past the known name
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
        if qualifier is None or qualifier.group(1) in _NOT_QUALIFIERS or qualifier.group(1).lower() in _STOP_WORDS:
            continue
        if (qualifier.start(1), end) in known_spans:
            continue  # "Virtual KITTI" is known as a name of its own, not as KITTI in full
        if _SENTENCE_END.search(text, max(0, qualifier.start() - 3), qualifier.start()):
            continue  # "Categorical" opening a sentence: capitalised for the sentence
        before = text[max(0, qualifier.start() - 30) : qualifier.start()].split()
        if before and before[-1][:1].isupper():
            continue  # a run of capitalised words: a heading or a name the gazetteer does not know
        extended.append((qualifier.start(1), end, entry))
    return extended


def _versions(text: str, found: list[tuple[int, int, GazetteerEntry]]) -> list[tuple[int, int, GazetteerEntry]]:
    """Known dataset and benchmark names with the year or version the text gives them, or the
    numbered task of a shared task: a name of its own (the 2007 and 2012 editions of PASCAL VOC
    are different data, and so are the tasks of a SemEval); known models with the release, size
    or tier the text gives them ("Gemini 1.5 Pro").

    >>> t = "on PASCAL VOC 2012 and MS MARCO 2.1, not GLUE 2x; SemEval-2018 Task 1:E-c data"
    >>> entries = [GazetteerEntry(name=n, label=NodeLabel.DATASET) for n in ("PASCAL VOC", "MS MARCO", "GLUE", "SemEval")]
    >>> found = [(3, 13, entries[0]), (23, 31, entries[1]), (41, 45, entries[2]), (50, 57, entries[3])]
    >>> [t[a:b] for a, b, _ in _versions(t, found)]
    ['PASCAL VOC 2012', 'MS MARCO 2.1', 'SemEval-2018 Task 1:E-c']
    >>> t = "mAP on PASCAL VOC 2012."
    >>> [t[a:b] for a, b, _ in _versions(t, [(7, 17, entries[0])])]
    ['PASCAL VOC 2012']
    """
    extended = []
    known_spans = {(start, end) for start, end, _ in found}
    for start, end, entry in found:
        if entry.label in _DATA_LABELS:
            # (a name that ends in its version takes no other: "on OntoNotes 5.0 86.84" gives a score)
            version = None if text[end - 1].isdigit() else (_VERSION_AFTER.match(text, end) or _SMALL_VERSION_AFTER.match(text, end))
            part = _PART_AFTER.match(text, version.end() if version else end)
            if version or part:
                extended.append((start, (part or version).end(), entry))
        elif entry.label is NodeLabel.METHOD:
            variant_end = model_variant_end(text, end)
            if variant_end > end and (start, variant_end) not in known_spans:  # ("Mistral 7B" may be a form of its own)
                extended.append((start, variant_end, entry))
    return extended


def _written_again(text: str, found: list[tuple[int, int, GazetteerEntry]],
                   extended: list[tuple[int, int, GazetteerEntry]]) -> list[tuple[int, int, GazetteerEntry]]:
    """The other places a text writes a known name with the words that extended it once: "SWE-bench
    Lite" in "41.3% of SWE-bench Lite issues", where "Lite" alone would not have.

    >>> swe = GazetteerEntry(name="SWE-bench", label=NodeLabel.BENCHMARK)
    >>> t = "on SWE-bench Lite and X; 41% of SWE-bench Lite issues, SWE-bench Liter"
    >>> [(a, b) for a, b, _ in _written_again(t, [(3, 12, swe), (32, 41, swe), (55, 64, swe)], [(3, 17, swe)])]
    [(32, 46)]
    """
    again = []
    taken = {(start, end) for start, end, _ in extended}
    for start, end, entry in extended:
        base = next((e for s, e, known in found if s == start and known is entry and e < end), None)
        if base is None:
            continue
        suffix = text[base:end]
        for other_start, other_end, known in found:
            stop = other_end + len(suffix)
            if known is entry and other_start != start and text.startswith(suffix, other_end) and (
                    stop == len(text) or not text[stop].isalnum()) and (other_start, stop) not in taken:
                taken.add((other_start, stop))
                again.append((other_start, stop, entry))
    return again


# A model size written after a known model's name: "Swin-S", "Swin-T", "DeiT-B", "ViT-Huge", "Whisper-small".
_SIZE_AFTER = re.compile(r"-(?:[STBLHG]|XX?L|xx?l|[Tt]iny|[Ss]mall|[Bb]ase|[Mm]edium|[Ll]arge|[Hh]uge|[Gg]iant)(?:-v\d+)?(?![\w\-])")


def _opening_a_word(text: str, inside: list[tuple[int, int, GazetteerEntry]], after: re.Pattern,
                    label: Optional[NodeLabel] = None) -> list[tuple[int, int, GazetteerEntry]]:
    """Known names (of ``label``, if given) found inside a longer word that they open and ``after``
    ends: the word, with the entry.

    >>> entry = GazetteerEntry(name="Swin Transformer", label=NodeLabel.METHOD)
    >>> t = "outperforming Swin-S and Swin-Stage"
    >>> [t[a:b] for a, b, _ in _opening_a_word(t, [(14, 18, entry), (25, 29, entry)], _SIZE_AFTER)]
    ['Swin-S']
    >>> entry = GazetteerEntry(name="Qwen", label=NodeLabel.METHOD)
    >>> t = "Qwen-Audio-Chat and Qwen-Based models"
    >>> [t[a:b] for a, b, _ in _opening_a_word(t, [(0, 4, entry), (20, 24, entry)], _VARIANT_WORDS_AFTER)]
    ['Qwen-Audio-Chat']
    """
    return [(start, rest.end(), entry) for start, end, entry in inside
            if (label is None or entry.label is label)
            and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-"))
            and (rest := after.match(text, end))]


# After a known name inside a word: capitalised words that make a named variant of it ("Qwen-Audio-Chat",
# "Llama-Guard"), not a description ("BERT-Based", "GPT-Generated", "CLIP-Like")
_VARIANT_WORDS_AFTER = re.compile(
    r"(?:-(?!(?:[A-Z][a-z]+ed|[A-Z][a-z]+ing|Like|Style|Only|Free|Level|Scale|Aware|Specific|Agnostic|Friendly|Ready|"
    r"Compatible|Inspired|Centric|Native|Wise|Type|Family|Series|Version|Model|Models)\b)[A-Z][a-z][A-Za-z]*)+(?![\w\-])")


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]")
_CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")


def _flattened_camel_case(entry: GazetteerEntry) -> list[str]:
    """Camel-case names as often written with one capital ("Imagenet", "Librispeech"). Only names
    made of two or more capitalised words: "SQuAD" written "Squad" would be a common word.

    >>> _flattened_camel_case(GazetteerEntry(name="ImageNet", label=NodeLabel.DATASET, aliases=("SQuAD",)))
    ['Imagenet']
    """
    return [form[0] + form[1:].lower() for form in (entry.name, *entry.aliases) if _CAMEL_CASE.fullmatch(form)]


class Gazetteer(BatchComponent):
    """Adds a ``Candidate`` (source ``gazetteer``) for every gazetteer name in the doc, and one
    (source ``known-part``) for every name found inside a longer word ("ArenaHard" in
    "m-ArenaHard-v2.0"), which is not an entity but says what kind of thing that word names.

    Sets ``doc._.kg_candidates`` (list of Candidate), shared with the other components.

    Names are matched on characters, not tokens, so that "GPT-3", "(GLUE)," and "GLUE/SuperGLUE"
    match whatever the tokenizer made of them. Each form is indexed by its first run of letters
    and digits ("BIG" for "BIG-Bench Hard"); each distinct whitespace-separated word of the text
    is looked up once (the answer is cached, and most words of a stream are ones seen before);
    only the words that can start a name are then found in the text and checked in full.
    """

    def __init__(self, nlp: Language, name: str = "kg_gazetteer", *, path: Optional[str] = None):
        self.name = name
        self.entries = load_gazetteer(Path(path) if path else DEFAULT_GAZETTEER)
        # run -> ((form, offset of the run in the form, entry), ...): exact case, and lowercased
        # for long multi-word names, which also match in any case ("big-bench hard").
        self.exact: dict[str, list[tuple[str, int, GazetteerEntry]]] = {}
        self.folded: dict[str, list[tuple[str, tuple[str, ...], int, GazetteerEntry]]] = {}
        # One folded form per entry, with every form of it that the exact match finds instead
        # ("Multi-Task Learning", "Multi-task learning" -> "multi-task learning").
        originals: dict[tuple[str, str, int, int], tuple[GazetteerEntry, list[str]]] = {}
        for entry in self.entries:
            for form in dict.fromkeys((entry.name, *entry.aliases, *_flattened_camel_case(entry))):
                runs = _alnum_runs(form)
                if not runs:
                    continue
                offset, run = runs[0]
                self.exact.setdefault(run, []).append((form, offset, entry))
                if len(form.split()) >= 2 and len(form) >= 10:
                    key = (run.lower(), form.lower(), offset, id(entry))
                    originals.setdefault(key, (entry, []))[1].append(form)
        for (run, folded, offset, _), (entry, forms) in originals.items():
            self.folded.setdefault(run, []).append((folded, tuple(forms), offset, entry))
        self._rank = {id(entry): rank for rank, entry in enumerate(self.entries)}
        self._starts = WordClasses(self._classify)  # word -> where names may start in it
        use_word_flag(nlp)

    def _classify(self, word: str) -> tuple:
        """Where names may start in ``word``: (offset of the name in the word, form, entry, and
        for a lowercased form its originals, which the exact match already finds).

        A form that fits in the word is checked here, once per distinct word; one that goes on
        past the word ("BIG-Bench Hard") is checked against the text at each occurrence."""
        starts = []
        lowered = lower_same_length(word)
        for offset, run in _alnum_runs(word):
            for form, form_offset, entry in self.exact.get(run, ()):
                start = offset - form_offset
                if start >= 0 and (word.startswith(form, start) or (" " in form and form.startswith(word[start:]))):
                    starts.append((start, form, entry, None))
            for form, originals, form_offset, entry in self.folded.get(run.lower(), ()):
                start = offset - form_offset
                if start >= 0 and form.startswith(lowered[start:]):
                    starts.append((start, form, entry, originals))
        return tuple(starts)

    def matches(self, text: str, index: Optional[WordIndex] = None) -> list[tuple[int, int, GazetteerEntry]]:
        """(start, end, entry) of every gazetteer name standing as a whole name in ``text``."""
        return self._matches(text, index)[0]

    def _matches(self, text: str, index: Optional[WordIndex] = None) -> tuple[list, list]:
        """Whole-name matches, and the names found inside a longer word ("ArenaHard" in
        "m-ArenaHard-v2.0"), which say what kind of thing that word names."""
        index = index if index is not None and index.text is text else WordIndex(text)
        found = []
        inside = []
        lowered = None
        for word in self._starts.select(index.words):
            starts = self._starts.values[word]
            for position in index.occurrences(word):
                for offset, form, entry, originals in starts:
                    start, end = position + offset, position + offset + len(form)
                    if originals is not None:
                        lowered = lowered if lowered is not None else lower_same_length(text)
                        if not lowered.startswith(form, start) or text.startswith(originals, start):
                            continue
                        if entry.label is NodeLabel.METHOD and text.startswith(form[1:], start + 1) and not (
                                _ACRONYM_AFTER.match(text, end)):
                            # "a diffusion policy", "Retrieval-augmented generation helps": a concept in lower
                            # case (but its first letter), not the name "Diffusion Policy"; but "feature
                            # pyramid network (FPN)" names the architecture
                            continue
                    elif end > position + len(word) and not text.startswith(form, start):
                        continue
                    (inside if _inside_word(text, start, end) else found).append((start, end, entry))
        rank = self._rank
        for matches in (found, inside):
            matches.sort(key=lambda match: (match[0], match[1], rank[id(match[2])]))  # words come from a set: fix the order
        return found, inside

    def __call__(self, doc: Doc) -> Doc:
        words = doc_words_without_links(doc)
        text = words.text
        found, inside = self._matches(text, words)
        # (and data inside a longer word with its year: "SemEval-2018 Task 7")
        versions = _versions(text, found + [m for m in inside if m[2].label in _DATA_LABELS and text.startswith("-", m[1])])
        subsets = _subsets(text, found)
        add_candidates(
            doc,
            [Candidate(start, end, entry.label, "gazetteer", canonical=entry.name, aliases=entry.aliases)
             for start, end, entry in found]
            + [Candidate(start, end, entry.label, "gazetteer") for start, end, entry in versions]
            # a known model and its size ("Swin-S")
            + [Candidate(start, end, entry.label, "gazetteer")
               for start, end, entry in _opening_a_word(text, inside, _SIZE_AFTER, NodeLabel.METHOD)]
            # a named variant is a name of its own, the paper's or another's ("HLE-Lite"), typed by its known part
            + [Candidate(start, end, None, "shape") for start, end, _ in _opening_a_word(text, inside, _VARIANT_WORDS_AFTER)]
            # "Prioritized Dueling DQN" is a method of its own; "Microsoft COCO" is COCO, named in full
            + [Candidate(start, end, entry.label, "gazetteer",
                         **({"canonical": entry.name, "aliases": entry.aliases} if entry.label in _DATA_LABELS else {}))
               for start, end, entry in _qualified(text, found)]
            + [Candidate(start, end, label, "gazetteer") for start, end, label in _coordinated_data(text, found)]
            + [Candidate(start, end, entry.label, "gazetteer") for start, end, entry in subsets]
            + [Candidate(start, end, entry.label, "gazetteer") for start, end, entry in _written_again(text, found, versions + subsets)]
            + [Candidate(start, end, entry.label, "known-part", canonical=entry.name) for start, end, entry in inside],
        )
        return doc

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({e.label.value for e in self.entries}))


@Language.factory("kg_gazetteer", assigns=["doc._.kg_candidates"], default_config={"path": None})
def make_gazetteer(nlp: Language, name: str, path: Optional[str]) -> Gazetteer:
    return Gazetteer(nlp, name, path=path)
