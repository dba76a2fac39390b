"""Ids that both the model and the query library make, kept free of the model's imports (a
``kg query`` process does not load pydantic)."""

from __future__ import annotations

import unicodedata

__all__ = ["author_id"]


def author_id(name: str) -> str:
    """An author's id: the name with spacing and case normalised. Two people of one name are one
    node (sources give names, not identifiers).

    >>> author_id("  Ada   LOVELACE "), author_id("Ada Lovelace")
    ('author:ada lovelace', 'author:ada lovelace')
    """
    return "author:" + " ".join(unicodedata.normalize("NFKC", name).split()).lower()  # as query keys are
