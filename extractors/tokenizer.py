"""``kg.WhitespaceTokenizer.v1``: the default pipeline's tokenizer, which splits at whitespace only.

Every ``kg_*`` component reads character offsets of the text, not tokens (names such as "GPT-3.5",
"MHR-z" or "(IA)^3" cut across any tokenizer's boundaries), so the Doc needs no linguistic tokens;
spaCy's English rules would cost as much as a third of the pipeline. The Doc still holds the
text exactly (``doc.text`` is the input). A pipeline that adds a statistical component trained
on English tokens should name ``spacy.Tokenizer.v1`` in its config instead; ``kg_ner`` is
unaffected either way, since it runs its own model with that model's tokenizer.
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

__all__ = ["WhitespaceTokenizer", "WHITESPACE_TOKENS", "create_whitespace_tokenizer"]

WHITESPACE_TOKENS = "kg_whitespace_tokens"  # Doc.user_data key: the tokens are the text's whitespace-separated words


class WhitespaceTokenizer(Tokenizer):
    """spaCy's ``Tokenizer`` with no prefix, suffix, infix or special-case rules, which marks each
    Doc it makes: components may then read its tokens as the words of the text (see
    ``extractors.candidates.doc_words``); a Doc from any other tokenizer is read the slow way."""

    def __call__(self, text: str):
        doc = super().__call__(text)
        doc.user_data[WHITESPACE_TOKENS] = True
        return doc


@registry.tokenizers("kg.WhitespaceTokenizer.v1")
def create_whitespace_tokenizer() -> Callable[[Language], Tokenizer]:
    """A :class:`WhitespaceTokenizer`.

    >>> import spacy
    >>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg.WhitespaceTokenizer.v1"}}})
    >>> [t.text for t in nlp.make_doc("We beat (GPT-3.5), MHR-z.")]
    ['We', 'beat', '(GPT-3.5),', 'MHR-z.']
    """

    def make_tokenizer(nlp: Language) -> Tokenizer:
        return WhitespaceTokenizer(nlp.vocab)

    return make_tokenizer
