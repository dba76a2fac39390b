"""Build the extraction pipeline from ``config.cfg`` and run it over papers."""

from __future__ import annotations

import collections
import gc
import itertools
from pathlib import Path
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language

from kg.errors import ExtractionError
from kg.extraction import PaperExtraction
from kg.model import Paper
from kg.readers import find_urls
from extractors.candidates import doc_text as text_of
from extractors.vocabulary import lean_lexemes, word_keeper

# Importing the modules registers their factories (also exposed as spacy_factories entry points).
from extractors import abbreviations, cleanup, gazetteer, ner, patterns, relations, render, tokenizer  # noqa: F401

__all__ = ["DEFAULT_CONFIG", "NER_CONFIG", "PRESENTATION_COMPONENTS", "load_pipeline", "extract_papers", "make_doc"]

DEFAULT_CONFIG = Path(__file__).parent / "config.cfg"
NER_CONFIG = Path(__file__).parent / "config-ner.cfg"
MAX_CHARS = 200_000  # longer abstracts are cut: nothing in an abstract needs more


def load_pipeline(config_path: Optional[Path] = None) -> Language:
    """The spaCy pipeline described by ``config_path`` (default: ``extractors/config.cfg``)."""
    path = Path(config_path or DEFAULT_CONFIG)
    try:
        config = spacy.util.load_config(path)
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ExtractionError(f"{path}: cannot build the extraction pipeline: {exc}") from exc
    lean_lexemes(nlp)
    return nlp


# Control characters other than newline and tab carry no meaning in an abstract and make
# evidence sentences unprintable; they become spaces (same length, so offsets hold).
_CONTROL = {code: " " for code in range(32) if chr(code) not in "\n\t"}
_CONTROL[0x7F] = " "


_CONTROL_BYTES = bytes(code for code in _CONTROL)


def _sanitise(text: str) -> str:
    text = text[:MAX_CHARS]
    if text.isascii():  # most abstracts: bytes.translate finds (deleting) control characters far faster
        encoded = text.encode("ascii")
        if len(encoded.translate(None, _CONTROL_BYTES)) == len(encoded):
            return text
    return text.translate(_CONTROL)


def make_doc(nlp: Language, text: str):
    """The Doc the pipeline's components expect for ``text`` (sanitised, its text cached)."""
    text = _sanitise(text)
    doc = nlp.make_doc(text)
    doc.user_data["kg_text"] = text  # spares every component a rebuild of doc.text
    return doc


# Components that only present what the others found: extraction to records does not need them.
PRESENTATION_COMPONENTS = ("kg_mention_spans",)


# Documents per spaCy memory zone (see _extract_items). A zone holds every word its documents add
# until it closes (~23 KB a document of unseen text), and the process keeps the largest zone's
# memory: 45,000 unseen abstracts end at 763 MiB in zones of 10,000, 407 MiB in zones of 1,000, at
# the same speed (smaller zones create the same common words again, and were slower).
ZONE_DOCS = 1_000


def _extract_items(nlp: Language, items: Iterable[tuple[str, str, list[str]]], batch_size: int) -> Iterator[PaperExtraction]:
    """Extraction records for (text, paper id, urls) items. Every ``ZONE_DOCS`` documents run in a
    spaCy memory zone: the words they add to the vocabulary are dropped when the zone closes, so a
    stream of any length does not grow the vocabulary (only records leave a zone, never a Doc)."""
    iterator = iter(items)
    keeper = word_keeper(nlp)
    with nlp.select_pipes(disable=[name for name in PRESENTATION_COMPONENTS if name in nlp.pipe_names]):
        while True:
            chunk = list(itertools.islice(iterator, ZONE_DOCS))
            if not chunk:
                return
            keeper.open_zone(nlp)
            with nlp.memory_zone():
                # Python's cyclic collector waits until the zone is done. Extraction makes almost
                # no cyclic garbage (~250 objects in 5,000 abstracts), but each of its passes
                # traverses what the zone holds so far, and its full passes every object of the
                # process (~100,000 from importing spaCy, thinc and pydantic, the pipeline's
                # tables): ~110 ms each, about one per zone for its held records, 9% of the
                # extraction time in all; paused, 1%.
                collecting = gc.isenabled()
                gc.disable()
                try:
                    records = list(_extract_chunk(nlp, chunk, batch_size))
                finally:
                    if collecting:
                        gc.enable()
                recurring = keeper.recurring(nlp)
            keeper.keep(nlp, recurring)  # (outside the zone: what it adds stays)
            yield from records


def _extract_chunk(nlp: Language, chunk: list, batch_size: int) -> Iterator[PaperExtraction]:
    stream = ((make_doc(nlp, text), (paper_id, urls)) for text, paper_id, urls in chunk)
    for doc, (paper_id, urls) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        code = next((u for u in urls + find_urls(text_of(doc)) if "github.com" in u or "gitlab.com" in u), None)
        underscore = doc._
        yield PaperExtraction(paper_id=paper_id, entities=underscore.kg_entities, relations=underscore.kg_relations,
                              results=underscore.kg_results, code_url=code)


_WORKER_NLP: Optional[Language] = None


def _worker_init(config_path: Optional[str]) -> None:
    global _WORKER_NLP
    gc.freeze()  # a forked worker's collections would otherwise write to, and so copy, the parent's whole heap
    _WORKER_NLP = load_pipeline(Path(config_path) if config_path else None)


def _worker_chunk(chunk: list[tuple[str, str, list[str]]], batch_size: int) -> list[PaperExtraction]:
    assert _WORKER_NLP is not None
    return list(_extract_items(_WORKER_NLP, chunk, batch_size))


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_papers(
    papers: Iterable[Paper],
    *,
    nlp: Optional[Language] = None,
    n_process: int = 1,
    batch_size: int = 128,
    config_path: Optional[Path] = None,
    isolated: bool = False,
) -> Iterator[PaperExtraction]:
    """Extract entities and relations from each paper, streaming, in input order.

    Each component runs over ``batch_size`` Docs before the next one starts (see
    ``extractors.candidates.BatchComponent``); at most that many Docs are held at once.

    With ``n_process > 1`` chunks of papers go to worker processes that each build the
    pipeline once (from ``config_path``, not ``nlp``); results come back as ``PaperExtraction``
    records (spaCy's own multiprocessing would have to serialise the Docs with their
    Python-object extensions, which it cannot). ``isolated`` does the same with one worker: the
    memory extraction leaves behind (the vocabulary's tables, caches, the allocator's free
    blocks) goes when the worker does, and the caller's own work on the records overlaps it.
    """
    items = ((p.text, p.id, list(p.urls)) for p in papers)
    if n_process <= 1 and not isolated:
        yield from _extract_items(nlp or load_pipeline(config_path), items, batch_size)
        return
    import multiprocessing

    workers = max(1, n_process)
    # One worker takes a memory zone's worth at a time (smaller zones were slower); several share
    # the stream in smaller chunks.
    chunk_size = batch_size if workers > 1 else ZONE_DOCS
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_worker_init, initargs=(str(config_path) if config_path else None,)) as pool:
        # Pool.imap would read the whole input ahead; a window of chunks in flight keeps memory
        # bounded on a corpus of any size, and results come back in input order.
        window: collections.deque = collections.deque()
        for chunk in _chunks(items, chunk_size):
            window.append(pool.apply_async(_worker_chunk, (chunk, batch_size)))
            if len(window) >= 2 * workers:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
