"""The vocabulary on long streams: bounded, without making common words again and again.

:func:`extractors.pipeline.extract_papers` runs documents in spaCy memory zones, so the words a
stream brings (every coined name, typo and number) go when their zone closes and the process does
not grow with the stream. But a zone also drops the words every zone meets ("the", "model",
"accuracy"), and making a word's lexeme again costs more than the rest of the pipeline spends on
it. A :class:`WordKeeper` counts in how many zones each word appeared and, once a zone has
closed, adds the words met in two zones to the permanent vocabulary (at most ``MAX_KEPT``):
recurring words are made once, one-off words stay in their zone and go with it.

:func:`lean_lexemes` drops the lexical attributes no ``kg_*`` component reads (shape, prefix,
suffix, norm, lower, the ``like_*`` tests; a few cheap ``is_*`` flags stay): spaCy computes
every one of them, in Python, for each new word.
"""

from __future__ import annotations

import weakref

import numpy as np
from spacy.attrs import IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, ORTH
from spacy.language import Language

__all__ = ["MAX_KEPT", "WordKeeper", "word_keeper", "lean_lexemes"]

MAX_KEPT = 100_000  # words made permanent per pipeline (about 20 MB at most)
_MAX_COUNTED = 100_000  # words counted at once (about 10 MB); the counts restart beyond (one-off words pile up)


class WordKeeper:
    """Counts the zones each word appears in and keeps the recurring ones (see the module)."""

    def __init__(self, max_kept: int = MAX_KEPT, max_counted: int = _MAX_COUNTED):
        self.max_kept, self.max_counted = max_kept, max_counted
        self.kept: set[int] = set()
        self._met_once: set[int] = set()  # words one zone (since the last restart) has met

    def recurring(self, nlp: Language, arrays: list[np.ndarray]) -> list[str]:
        """The words to keep of one zone's documents (``arrays``: each Doc's ``to_array(ORTH)``),
        read before the zone closes: those this zone is the second to meet. Call :meth:`keep`
        with them once it has closed."""
        if len(self.kept) >= self.max_kept or not arrays:
            return []
        if len(self._met_once) > self.max_counted:
            self._met_once.clear()
        met_once, kept, strings, out = self._met_once, self.kept, nlp.vocab.strings, []
        for orth in np.unique(np.concatenate(arrays)).tolist():
            if orth in kept:
                continue
            if orth in met_once:
                met_once.discard(orth)
                out.append(strings[orth])
            else:
                met_once.add(orth)
        return out[: self.max_kept - len(kept)]

    def keep(self, nlp: Language, words: list[str]) -> None:
        """Make ``words`` permanent (call outside any memory zone). They go through the tokenizer,
        which then also remembers how it split each (it keeps no such memory inside a zone, and
        splitting a word again costs as much as making its lexeme)."""
        if nlp.vocab.in_memory_zone:
            raise RuntimeError("WordKeeper.keep must be called outside a memory zone")
        for start in range(0, len(words), 10_000):
            doc = nlp.tokenizer(" ".join(words[start : start + 10_000]))
            self.kept.update(doc.to_array(ORTH).tolist())


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
                                  if get is getter or flag in _CHEAP_FLAGS}
    return True
