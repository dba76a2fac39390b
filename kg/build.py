"""The main job as a Python API: read listings, extract, resolve, write the mirror.

Example (what ``kg build data/hf-daily-papers`` does)::

    from kg.build import build
    result = build(["data/hf-daily-papers"], out="kg-data")
    result.counts["nodes"]["Paper"]   # 310
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from kg.identity import deduplicate_papers
from kg.mirror import save_mirror, to_networkx
from kg.model import Graph, Paper
from kg.readers import Reject, read_sources
from kg.resolve import resolve_graph

__all__ = ["BuildResult", "read_papers", "build", "extract_to_file", "REJECTS_FILE"]

REJECTS_FILE = "rejects.jsonl"


@dataclass
class BuildResult:
    graph: Graph
    rejects: list[Reject] = field(default_factory=list)
    entries_read: int = 0
    mirror_path: Optional[Path] = None

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        return self.graph.counts()


def read_papers(
    sources: Iterable[Union[str, Path]], *, format: Optional[str] = None, on_reject: Optional[Callable[[Reject], None]] = None
) -> tuple[list[Paper], list[Reject], int]:
    """Read and deduplicate papers; returns (papers, rejects, entries read)."""
    records, rejects = _read_records(sources, format=format, on_reject=on_reject)
    return deduplicate_papers(records), rejects, len(records)


def _read_records(sources, *, format: Optional[str], on_reject: Optional[Callable[[Reject], None]]):
    records, rejects = [], []
    for record in read_sources(sources, format=format):
        if isinstance(record, Reject):
            rejects.append(record)
            if on_reject:
                on_reject(record)
        else:
            records.append(record)
    return records, rejects


def write_rejects(rejects: list[Reject], folder: Path) -> Path:
    path = folder / REJECTS_FILE
    with path.open("w", encoding="utf-8") as fh:
        for r in rejects:
            fh.write(json.dumps({"file": r.file, "line": r.line, "reason": r.reason, "text": r.text}, ensure_ascii=False) + "\n")
    return path


def build(
    sources: Iterable[Union[str, Path]],
    *,
    out: Union[str, Path] = "kg-data",
    format: Optional[str] = None,
    n_process: int = 1,
    on_reject: Optional[Callable[[Reject], None]] = None,
    progress: Optional[Callable[[Iterator], Iterator]] = None,
    config_path: Optional[Path] = None,
) -> BuildResult:
    """Read ``sources``, extract entities and relations, resolve them, save the mirror in ``out``.

    Rejected input is reported through ``on_reject`` and written to ``out/rejects.jsonl``.
    """
    from extractors.pipeline import extract_papers  # spaCy loads only when extraction runs

    papers, rejects, entries = read_papers(sources, format=format, on_reject=on_reject)
    stream = extract_papers(papers, n_process=n_process, config_path=config_path)
    if progress is not None:
        stream = progress(stream)
    graph = resolve_graph(papers, list(stream))
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    mirror_path = save_mirror(to_networkx(graph), folder)
    write_rejects(rejects, folder)
    return BuildResult(graph=graph, rejects=rejects, entries_read=entries, mirror_path=mirror_path)


def extract_to_file(
    sources: Iterable[Union[str, Path]], output: Union[str, Path], *, format: Optional[str] = None,
    on_reject: Optional[Callable[[Reject], None]] = None, n_process: int = 1, config_path: Optional[Path] = None,
) -> tuple[int, list[Reject]]:
    """Write one prediction line per input record (keyed by the input's own id when it has one)."""
    from extractors.pipeline import extract_papers

    records, rejects = _read_records(sources, format=format, on_reject=on_reject)
    count = 0
    with Path(output).open("w", encoding="utf-8") as fh:
        for paper, ex in zip(records, extract_papers(records, n_process=n_process, config_path=config_path)):
            prediction = ex.to_prediction()
            prediction["id"] = _input_id(paper)
            fh.write(json.dumps(prediction, ensure_ascii=False) + "\n")
            count += 1
    return count, rejects


def _input_id(paper: Paper) -> str:
    return paper.input_id or paper.id
