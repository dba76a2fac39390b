"""The candidate record the components exchange through ``doc._.kg_candidates``."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, NamedTuple, Optional

from spacy.attrs import FLAG19, FLAG63
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

from kg.model import NodeLabel
from extractors.text import WordClasses, WordIndex, cares_about, url_spans
from extractors.tokenizer import WHITESPACE_TOKENS, WhitespaceTokenizer

__all__ = ["BatchComponent", "Candidate", "add_candidates", "doc_text", "doc_words", "doc_words_without_links", "set_doc_text",
           "use_word_flag"]


class Candidate(NamedTuple):
    """A surface form that may name an entity (a named tuple: a few dozen are made per abstract).

    start, end: character offsets in ``doc.text``.
    label: the type when the source knows it (gazetteer, "X benchmark"), else None.
    source: the rule that found it ("gazetteer", "shape", "title", "abbreviation", ...).
    canonical: the preferred name when known (the gazetteer's), aliases likewise.
    proposed: the rule itself says the paper introduces it (title prefix, "we propose X").
    long_form: for an abbreviation, the span of its long form.
    """

    start: int
    end: int
    label: Optional[NodeLabel]
    source: str
    canonical: Optional[str] = None
    aliases: tuple[str, ...] = ()
    proposed: bool = False
    long_form: Optional[tuple[int, int]] = None


_CANDIDATES = "kg_candidates"


def _get_candidates(doc: Doc) -> list[Candidate]:
    return doc.user_data.setdefault(_CANDIDATES, [])


def _set_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    doc.user_data[_CANDIDATES] = list(candidates)


if not Doc.has_extension("kg_candidates"):
    # A getter and setter over one list per Doc: an extension ``default`` list would be shared by every Doc.
    Doc.set_extension("kg_candidates", getter=_get_candidates, setter=_set_candidates)


def candidates_of(doc: Doc) -> list[Candidate]:
    """``doc._.kg_candidates`` without building the extension's accessor (read once per Doc by a
    component that needs what an earlier one found)."""
    return doc.user_data.get(_CANDIDATES, [])


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    doc.user_data.setdefault(_CANDIDATES, []).extend(candidates)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def set_doc_text(doc: Doc, text: str, changed: list[tuple[int, int]]) -> None:
    """Make ``text`` (a same-length edit of the Doc's text, differing only inside the sorted
    ``changed`` spans) the text the later components read; the text as read stays in
    ``doc.user_data["kg_original"]``. Offsets into either are offsets into the other."""
    original = doc_text(doc)
    if len(text) != len(original):
        raise ValueError("an edited text must keep the length of the original")
    index = doc_words(doc)
    doc.user_data.setdefault("kg_original", original)
    doc.user_data["kg_text"] = text
    doc.user_data["kg_words"] = index.edited(text, changed)


def original_text(doc: Doc) -> str:
    """The Doc's text as read, before any component edited it (see :func:`set_doc_text`)."""
    return doc.user_data.get("kg_original") or doc_text(doc)


def doc_words(doc: Doc) -> WordIndex:
    """The words of ``doc_text(doc)`` that the components' word tests care about, and where they
    stand; computed once per Doc for every component.

    For a Doc made by the :class:`~extractors.tokenizer.WhitespaceTokenizer` a lexeme flag (see
    :func:`use_word_flag`) already marks those words, so one ``Doc.to_array`` call (in C) finds
    them; otherwise the text is split.
    """
    index = doc.user_data.get("kg_words")
    if index is None:
        text = doc_text(doc)
        flag = _word_flag(doc.vocab)
        if flag is None or not doc.user_data.get(WHITESPACE_TOKENS):
            index = WordIndex(text)
        else:
            positions: dict[str, list[int]] = {}
            for i in doc.to_array(flag).nonzero()[0].tolist():  # a few dozen of some hundreds of tokens
                token = doc[i]
                start = token.idx
                positions.setdefault(text[start : start + len(token)], []).append(start)
            index = WordIndex(text, positions)
        doc.user_data["kg_words"] = index
    return index


def doc_words_without_links(doc: Doc) -> WordIndex:
    """:func:`doc_words` of the text with its links blanked: user, repository and other names in a
    link ("github.com/pytorch/fairseq") say where the code is, they are not mentions. Computed
    once per Doc text for every component that asks."""
    index = doc_words(doc)
    cached = doc.user_data.get("kg_words_without_links")
    if cached is None or cached[0] is not index:  # (a component that edits the text makes a new index)
        cached = doc.user_data["kg_words_without_links"] = (index, index.blanked(url_spans(index.text)))
    return cached[1]


class _CaresAbout:
    """The lexeme flag getter (one object, so a vocab's flag can be found again). spaCy keeps
    only its first 10,000 lexemes; later words get a fresh lexeme, and this call, per Doc, so the
    answers are cached (and the cache bounded)."""

    def __init__(self) -> None:
        self._answers: dict[str, bool] = {}
        self._generation = WordClasses.generation

    def __call__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None or self._generation != WordClasses.generation:
            if len(self._answers) > 200_000 or self._generation != WordClasses.generation:
                self._answers.clear()
                self._generation = WordClasses.generation
            answer = self._answers[word] = cares_about(word)
        return answer


_CARES_ABOUT = _CaresAbout()


def _word_flag(vocab) -> Optional[int]:
    return next((flag for flag, getter in vocab.lex_attr_getters.items() if getter is _CARES_ABOUT), None)


def word_flag_getter(vocab) -> Optional[Callable[[str], bool]]:
    """The getter of the lexeme flag :func:`use_word_flag` set on ``vocab`` (None if none)."""
    return _CARES_ABOUT if _word_flag(vocab) is not None else None


def use_word_flag(nlp: Language) -> None:
    """Mark, with a lexeme flag, the words any :class:`~extractors.text.WordClasses` cares about.

    Components that keep word tests call this when they are made. spaCy computes a lexeme flag
    once per distinct string of the vocabulary, so :func:`doc_words` then reads the marked words
    of a Doc in C instead of splitting and hashing every word in Python. Only with a tokenizer
    that splits at whitespace alone are the tokens the words the tests expect.
    """
    if not isinstance(nlp.tokenizer, WhitespaceTokenizer):
        return
    flag = _word_flag(nlp.vocab)
    if flag is None:
        free = set(range(FLAG19, FLAG63 + 1)) - set(nlp.vocab.lex_attr_getters)
        if not free:
            return  # every flag bit taken by someone else: the components split the text instead
        flag = max(free)  # the highest: spaCy's add_flag(flag_id=-1) hands out the lowest
    nlp.vocab.add_flag(_CARES_ABOUT, flag)  # also (re)computes it for the words already in the vocab


class BatchComponent:
    """``pipe`` for the ``kg_*`` components: each runs over a batch of Docs before the next
    component starts, as spaCy's trainable components do, instead of every Doc going through
    every component in turn. Each component's patterns and caches then stay warm in the CPU's
    caches for a whole batch; interleaved, the pipeline ran about 5% slower."""

    name: str

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every component defines it
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = self.get_error_handler()
        for batch in minibatch(stream, size=batch_size):
            for doc in batch:
                try:
                    self(doc)
                except Exception as error:  # spaCy's contract: the handler decides (by default, raise)
                    error_handler(self.name, self, [doc], error)
            yield from batch

    def get_error_handler(self) -> Callable:
        return getattr(self, "_error_handler", raise_error)

    def set_error_handler(self, error_handler: Callable) -> None:
        self._error_handler = error_handler
