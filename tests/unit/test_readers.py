from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.model import Paper
from kg.readers import Reject, detect_format, read_source


def papers_of(path, **kw):
    return [r for r in read_source(path, **kw) if isinstance(r, Paper)]


def rejects_of(path, **kw):
    return [r for r in read_source(path, **kw) if isinstance(r, Reject)]


@pytest.mark.parametrize("name", ["hf_blank.txt", "hf_consecutive.txt", "hf_authors.txt"])
def test_readers_hf_layouts_give_titles_and_abstracts(fixtures, name):
    papers = papers_of(fixtures / name)
    assert [p.title for p in papers][:2] == ["AdaTT: Adaptive Task-to-Task Fusion Network", "Second Paper Title Here"]
    assert papers[0].abstract.startswith("Multi-task learning (MTL)")
    assert papers[1].abstract.endswith("ImageNet and COCO.")
    assert not rejects_of(fixtures / name)


def test_readers_hf_authors_layout_keeps_counts_dates_and_upvotes(fixtures):
    papers = papers_of(fixtures / "hf_authors.txt")
    assert [(p.authors_count, p.date, p.upvotes) for p in papers] == [
        (7, "Oct 5, 2022", None),
        (4, "Mar 20", 3),  # no year invented; the trailing number is the upvote count
        (2, "Jul 3, 2024", 12),
    ]


def test_readers_hf_keeps_urls_and_line_numbers(fixtures):
    first = papers_of(fixtures / "hf_blank.txt")[0]
    assert first.urls == ["https://github.com/x/adatt"]
    assert first.sources == [f"{fixtures / 'hf_blank.txt'}:13"]


def test_readers_jsonl_fields(fixtures):
    papers = papers_of(fixtures / "papers.jsonl")
    assert papers[0].id == "arxiv:2211.03831"
    assert papers[0].arxiv_id == "2211.03831"
    assert papers[0].authors == ["A. One", "B. Two"]
    assert papers[0].input_id == "D07"
    assert papers[1].id.startswith("title:")


def test_readers_arxiv_snapshot(fixtures):
    assert detect_format((fixtures / "arxiv.jsonl").read_text().splitlines()) == "arxiv"
    (paper,) = papers_of(fixtures / "arxiv.jsonl")
    assert paper.id == "arxiv:2211.03831"
    assert paper.title == "Multi-Head Adapter Routing for Cross-Task Generalization"
    assert paper.authors == ["Lucas Caccia", "Edoardo Ponti", "Zhan Su"]
    assert paper.categories == ["cs.LG", "cs.CL"]
    assert paper.date == "Mon, 7 Nov 2022 19:00:00 GMT"


def test_readers_bad_json_lines_are_rejected_and_the_rest_read(fixtures):
    path = fixtures / "bad.jsonl"
    assert [p.title for p in papers_of(path)] == ["Good", "Also good"]
    reasons = {r.line: r.reason for r in rejects_of(path)}
    assert set(reasons) == {2, 3, 4, 5, 6}
    assert reasons[2].startswith("invalid JSON")
    assert reasons[3] == "record has no title"
    assert reasons[4] == "record has no abstract"
    assert "UTF-8" in reasons[5]
    assert reasons[6] == "JSON line is not an object"


@pytest.mark.parametrize(
    "name, reason",
    [("empty.txt", "empty file"), ("binary.bin", "binary file"), ("unknown.txt", "unknown layout")],
)
def test_readers_unreadable_files_give_one_reject(fixtures, name, reason):
    (reject,) = list(read_source(fixtures / name))
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(reason)
    assert str(reject).startswith(f"{fixtures / name}:1: ")


def test_readers_hf_title_without_abstract_is_rejected(tmp_path):
    path = tmp_path / "listing.txt"
    long = "An abstract " + "with many words " * 12 + "that ends here."
    path.write_text(f"First Title\n\n{long}\n\nOrphan Title\n\nThird Title\n\n{long}\n")
    assert [p.title for p in papers_of(path)] == ["First Title", "Third Title"]
    (reject,) = rejects_of(path)
    assert (reject.line, reject.reason) == (5, "record has no abstract")


def test_readers_invalid_utf8_in_text_layout(tmp_path):
    path = tmp_path / "listing.txt"
    long = "An abstract " + "with many words " * 12 + "that ends here."
    path.write_bytes(f"First Title\n\n{long}\n\nBad \xff Title\n\n{long}\n".encode("latin-1"))
    rejects = rejects_of(path)
    assert rejects[0].line == 5 and "UTF-8" in rejects[0].reason
    assert [p.title for p in papers_of(path)] == ["First Title"]


def test_readers_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(InputError):
        list(read_source(tmp_path / "nope.txt"))
    with pytest.raises(InputError):
        list(read_source(tmp_path, format="xml"))


def test_readers_sample_corpus_has_376_entries(sample_dir):
    from kg.readers import read_sources

    records = list(read_sources([sample_dir]))
    assert not [r for r in records if isinstance(r, Reject)]
    assert len(records) == 376


def test_readers_json_lines_are_read_as_the_records_go_out(tmp_path):
    """A listing is not held in memory whole (a million papers' JSON Lines are gigabytes):
    reading 5,000 records of 2 KB each allocates far less than the file's 10 MB at any time."""
    import json
    import tracemalloc

    abstract = "We propose a method for reading long listings. " * 40
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps({"id": f"p{i}", "title": f"Paper number {i}", "abstract": abstract}) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        read = sum(1 for record in read_source(path) if isinstance(record, Paper))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == 5000
    assert peak < size / 5, f"peak {peak:,} bytes while reading a {size:,}-byte file"


def test_readers_a_file_of_invalid_utf8_lines_is_not_empty(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\xff\xfe\xfa\n\xff\n")
    assert [r.reason for r in read_source(path)] != ["empty file"]
