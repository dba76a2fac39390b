"""Paper identity: many listings, one Paper.

Two records are the same paper when they share an arXiv id or a title key
(:func:`kg.model.title_key`: case, spacing, punctuation and LaTeX markup ignored).
"""

from __future__ import annotations

from typing import Iterable

from kg.model import Paper, paper_id, title_key

__all__ = ["deduplicate_papers", "merge_papers"]


def _has_markup(title: str) -> bool:
    return "$" in title or "\\" in title


def merge_papers(first: Paper, other: Paper) -> Paper:
    """Combine two records of one paper; ``first`` wins ties, richer fields win otherwise."""
    title = first.title if not _has_markup(first.title) or _has_markup(other.title) else other.title
    arxiv_id = first.arxiv_id or other.arxiv_id
    date = first.date
    if other.date and (not date or ("," not in date and "," in other.date)):
        date = other.date  # prefer a date that carries its year
    upvotes = max((v for v in (first.upvotes, other.upvotes) if v is not None), default=None)
    return Paper(
        id=paper_id(arxiv_id=arxiv_id, title=title),
        title=title,
        abstract=first.abstract if len(first.abstract) >= len(other.abstract) else other.abstract,
        authors=first.authors or other.authors,
        authors_count=first.authors_count if first.authors_count is not None else other.authors_count,
        date=date,
        month=first.month if date == first.date else other.month,
        upvotes=upvotes,
        urls=list(dict.fromkeys(first.urls + other.urls)),
        arxiv_id=arxiv_id,
        categories=list(dict.fromkeys(first.categories + other.categories)),
        sources=list(dict.fromkeys(first.sources + other.sources)),
        input_id=first.input_id or other.input_id,
    )


def deduplicate_papers(papers: Iterable[Paper]) -> list[Paper]:
    """Merge records of the same paper, keeping first-seen order.

    >>> a = Paper(id="x", title="Poly: Modular Skills", abstract="A.", sources=["a:1"])
    >>> b = Paper(id="y", title="POLY: modular skills", abstract="A b.", sources=["b:9"])
    >>> [p.sources for p in deduplicate_papers([a, b])]
    [['a:1', 'b:9']]
    """
    records = list(papers)
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, paper in enumerate(records):
        keys = [f"t:{title_key(paper.title)}"] + ([f"a:{paper.arxiv_id}"] if paper.arxiv_id else [])
        for key in keys:
            if key in owner:
                a, b = find(owner[key]), find(index)
                parent[max(a, b)] = min(a, b)  # the earliest record stays the group's root
            else:
                owner[key] = index
    merged: dict[int, Paper] = {}
    for index, paper in enumerate(records):
        root = find(index)
        merged[root] = merge_papers(merged[root], paper) if root in merged else paper
    return [merged[i] for i in sorted(merged)]
