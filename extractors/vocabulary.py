"""The vocabulary on long streams: bounded, without making common words again and again.

:func:`extractors.pipeline.extract_papers` runs documents in spaCy memory zones, so the words a
stream brings (every coined name, typo and number) go when their zone closes and the process does
not grow with the stream. But a zone also drops the words every zone meets ("the", "model",
"accuracy"), and making a word's lexeme again costs more than the rest of the pipeline spends on
it. A :class:`WordKeeper` counts how many zones made each word (spaCy tells it, through a lexeme
attribute getter, each time it makes one) and, once a zone has closed, adds the words two zones
made to the permanent vocabulary (at most ``MAX_KEPT``): recurring words are made once, one-off
words stay in their zone and go with it.

:func:`lean_lexemes` drops the lexical attributes no ``kg_*`` component reads (shape, prefix,
suffix, norm, lower, the ``like_*`` tests; a few cheap ``is_*`` flags stay): spaCy computes
every one of them, in Python, for each new word.
"""

from __future__ import annotations

import weakref

from spacy.attrs import FLAG19, FLAG63, IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER
from spacy.language import Language

__all__ = ["MAX_KEPT", "WordKeeper", "word_keeper", "lean_lexemes"]

MAX_KEPT = 100_000  # words made permanent per pipeline (about 20 MB at most)
_MAX_COUNTED = 100_000  # words counted at once (about 10 MB); the counts restart beyond (one-off words pile up)


class _NewWords:
    """A lexeme attribute getter that records the words spaCy makes a lexeme for while armed (its
    flag is always off). spaCy calls every getter once per new lexeme: inside a memory zone, once
    per word the zone meets that is not permanent, which is all a :class:`WordKeeper` counts."""

    def __init__(self) -> None:
        self.armed = False
        self.words: list[str] = []

    def __call__(self, word: str) -> bool:
        if self.armed:
            self.words.append(word)
        return False


def _new_words(nlp: Language) -> _NewWords:
    """The recorder of ``nlp``'s vocabulary, added under a free flag bit the first time."""
    getters = nlp.vocab.lex_attr_getters
    recorder = next((getter for getter in getters.values() if isinstance(getter, _NewWords)), None)
    if recorder is None:
        recorder = _NewWords()
        free = set(range(FLAG19, FLAG63 + 1)) - set(getters)
        if not free:
            raise RuntimeError("no free lexeme flag bit to record new words")
        nlp.vocab.add_flag(recorder, max(free))
    return recorder


class WordKeeper:
    """Counts the zones each word appears in and keeps the recurring ones (see the module)."""

    def __init__(self, max_kept: int = MAX_KEPT, max_counted: int = _MAX_COUNTED):
        self.max_kept, self.max_counted = max_kept, max_counted
        self.kept: set[str] = set()
        self._met_once: set[str] = set()  # words one zone (since the last restart) has met

    def open_zone(self, nlp: Language) -> None:
        """Start recording the words the zone about to open makes (call right before it opens)."""
        recorder = _new_words(nlp)
        recorder.words = []
        recorder.armed = True

    def recurring(self, nlp: Language) -> list[str]:
        """The words to keep of the zone :meth:`open_zone` started, read before it closes: those
        it is the second zone to make. Call :meth:`keep` with them once it has closed."""
        recorder = _new_words(nlp)
        made, recorder.words, recorder.armed = recorder.words, [], False
        if len(self.kept) >= self.max_kept:
            return []
        if len(self._met_once) > self.max_counted:
            self._met_once.clear()
        met_once, out = self._met_once, []
        for word in made:  # (each once: a zone makes a word's lexeme once)
            if word in met_once:
                met_once.discard(word)
                out.append(word)
            else:
                met_once.add(word)
        return out[: self.max_kept - len(self.kept)]

    def keep(self, nlp: Language, words: list[str]) -> None:
        """Make ``words`` permanent (call outside any memory zone). They go through the tokenizer,
        which then also remembers how it split each (it keeps no such memory inside a zone, and
        splitting a word again costs as much as making its lexeme)."""
        if nlp.vocab.in_memory_zone:
            raise RuntimeError("WordKeeper.keep must be called outside a memory zone")
        for start in range(0, len(words), 10_000):
            nlp.tokenizer(" ".join(words[start : start + 10_000]))
        self.kept.update(words)


_KEEPERS: "weakref.WeakKeyDictionary[Language, WordKeeper]" = weakref.WeakKeyDictionary()


def word_keeper(nlp: Language) -> WordKeeper:
    """The :class:`WordKeeper` of ``nlp`` (one per pipeline object)."""
    keeper = _KEEPERS.get(nlp)
    if keeper is None:
        keeper = _KEEPERS[nlp] = WordKeeper()
    return keeper


# Flags a user of the Docs may well ask for (``token.is_space``, ``is_punct`` ...): each one call
# of a str method per new word. Dropped: shape, prefix, suffix, lower and norm (each a string
# stored per word), the like_* tests (regular expressions) and the stop-word lookup.
_CHEAP_FLAGS = frozenset((IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER))


def lean_lexemes(nlp: Language) -> bool:
    """Keep only the lexical attributes the pipeline reads and a few cheap flags, if every
    component is a ``kg_*`` one and the tokenizer splits at whitespace (a statistical component
    reads norm, prefix, suffix and shape). Returns whether it did."""
    from extractors.candidates import word_flag_getter
    from extractors.tokenizer import WhitespaceTokenizer

    if not isinstance(nlp.tokenizer, WhitespaceTokenizer) or not all(name.startswith("kg_") for name in nlp.pipe_names):
        return False
    getter = word_flag_getter(nlp.vocab)
    nlp.vocab.lex_attr_getters = {flag: get for flag, get in nlp.vocab.lex_attr_getters.items()
                                  if get is getter or flag in _CHEAP_FLAGS or isinstance(get, _NewWords)}
    return True
