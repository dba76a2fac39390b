"""Keeping a graph folder current: ``kg build --update`` adds papers and re-extracts only new or
changed texts; ``--replace`` rebuilds; a build from other sources without either is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.errors import InputError
from kg.store.store import StoreError
from kg.store import Store

UPDATE = Path(__file__).resolve().parent.parent / "fixtures" / "update"
DAY1, DAY2 = UPDATE / "day1.jsonl", UPDATE / "day2.jsonl"


def facts(folder) -> set[tuple]:
    with Store(folder) as store:
        _, rows = store.query("MATCH (a)-[r]->(b) WHERE label(r) IN ['OUTPERFORMS', 'EVALUATED_ON', 'PROPOSES'] "
                              "RETURN coalesce(a.name, a.id) AS a, label(r) AS r, b.name AS b")
        _, results = store.query("MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_BENCHMARK]->(b) "
                                 "RETURN p.id AS p, r.value_text AS v, b.name AS b")
    return {(row["a"], row["r"], row["b"]) for row in rows} | {(row["p"], "RESULT " + row["v"], row["b"]) for row in results}


def test_update_adds_papers_reextracts_only_changed_texts_and_drops_vanished_facts(tmp_path):
    folder = tmp_path / "kg-data"
    first = build([DAY1], out=folder)
    assert first.counts["nodes"]["Paper"] == 3 and first.extracted == 3
    before = facts(folder)
    assert ("ZetaNet", "OUTPERFORMS", "BERT") in before and ("arxiv:2405.00001", "RESULT 51.2", "SuperNI") in before

    second = build([DAY2], out=folder, mode="update")
    assert second.counts["nodes"]["Paper"] == 4
    assert (second.extracted, second.reused) == (2, 2)  # ZetaNet's new text and DetNet
    after = facts(folder)
    assert ("ZetaNet", "OUTPERFORMS", "BERT") not in after  # the new abstract no longer says it
    assert ("arxiv:2405.00001", "RESULT 51.2", "SuperNI") not in after
    assert ("DetNet", "OUTPERFORMS", "RetinaNet") in after
    assert ("MathStar", "OUTPERFORMS", "GPT-4") in after  # papers of day 1 stay
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["sources"] == [str(DAY1), str(DAY2)] and manifest["papers_reused"] == 2

    third = build([DAY2], out=folder, mode="update")  # nothing new: nothing extracted, same graph
    assert (third.extracted, third.reused) == (0, 4) and facts(folder) == after


def test_update_equals_a_full_build_of_every_source(tmp_path):
    from kg.store.mirror import load_mirror

    build([DAY1], out=tmp_path / "updated")
    build([DAY2], out=tmp_path / "updated", mode="update")
    build([DAY1, DAY2], out=tmp_path / "whole")
    # (Day 2's new abstract of ZetaNet is also the longer one, which a build reading both keeps.)
    a, b = load_mirror(tmp_path / "updated"), load_mirror(tmp_path / "whole")
    assert sorted(a.nodes(data="name")) == sorted(b.nodes(data="name"))
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_a_build_from_other_sources_is_refused_without_a_flag_and_replace_rebuilds(tmp_path):
    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    build([DAY1], out=folder)  # the same sources again: a rebuild, no flag needed
    with pytest.raises(InputError, match=r"holds a graph built from .*day1.jsonl: add --update .* or --replace"):
        build([DAY2], out=folder)
    with Store(folder) as store:
        assert store.counts()["nodes"]["Paper"] == 3  # left as it was
    replaced = build([DAY2], out=folder, mode="replace")
    assert replaced.counts["nodes"]["Paper"] == 2


def test_update_reextracts_everything_when_the_extractors_changed(tmp_path, monkeypatch):
    import kg.store.papers as papers

    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    monkeypatch.setattr(papers, "extractor_fingerprint", lambda: "other extractors")
    result = build([DAY2], out=folder, mode="update")
    assert (result.extracted, result.reused) == (4, 0)


def test_cli_update_reports_and_bad_input_keeps_the_graph(tmp_path, fixtures):
    runner = CliRunner()
    folder = str(tmp_path / "kg-data")
    assert runner.invoke(cli, ["build", str(DAY1), "--data", folder]).exit_code == 0
    refused = runner.invoke(cli, ["build", str(DAY2), "--data", folder])
    assert refused.exit_code == 1 and "--update" in refused.stderr and refused.stderr.count("\n") == 1
    updated = runner.invoke(cli, ["build", str(DAY2), str(fixtures / "bad.jsonl"), "--data", folder, "--update"])
    assert updated.exit_code == 1  # the bad file's lines are reported, the rest is added
    assert "updated: 4 papers extracted (new or changed text), 2 kept as they were" in updated.stdout  # bad.jsonl has 2 good lines
    assert "bad.jsonl:" in updated.stderr
    with Store(folder) as store:
        assert store.counts()["nodes"]["Paper"] >= 4


def test_an_author_that_matches_nothing_gets_the_closest_authors(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    build([DAY1], out=tmp_path / "kg-data")
    result = CliRunner().invoke(cli, ["query", "author_papers", "-p", "author=Alan Turring", "--data",
                                      str(tmp_path / "kg-data")])
    assert result.exit_code == 0 and "closest in the graph: Alan Turing" in result.stderr


def test_author_queries_take_the_name_in_any_case_and_give_each_paper_its_author_list_length(tmp_path, monkeypatch):
    """(author_papers reads the length from WROTE, which copies it; an author is looked up by id.)"""
    from kg.query import StoreEngine, run_named_query

    monkeypatch.delenv("NEO4J_URI", raising=False)
    build([DAY1], out=tmp_path / "kg-data")
    with StoreEngine(tmp_path / "kg-data") as engine:
        _, papers = run_named_query("author_papers", {"author": " alan   TURING "}, engine)
        _, together = run_named_query("coauthors", {"author": "ADA lovelace"}, engine)
    assert sorted((r["author"], r["position"], r["authors"]) for r in papers) == [("Alan Turing", 1, 2), ("Alan Turing", 2, 2)]
    assert [(r["coauthor"], r["papers"]) for r in together] == [("Alan Turing", 1)]


def store_tables(folder) -> dict[str, list]:
    """Every table of a store, each as its sorted rows (relationships by their two ends)."""
    from kg.store.schema import TABLES

    tables = {}
    with Store(folder) as store:
        for name, table in TABLES.items():
            if table.is_rel:
                key = "key" if table.source in ("NameKey", "PaperKey") else "id"
                target = "month" if table.target == "Month" else "id"
                text = f"MATCH (a:{table.source})-[r:{name}]->(b:{table.target}) RETURN a.{key}, b.{target}, r.*"
            else:
                text = f"MATCH (n:{name}) RETURN n.*"
            _, rows = store.query(text)
            tables[name] = sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)
    return tables


@pytest.mark.parametrize("file_rows", [None, 40])
def test_an_incremental_update_writes_every_table_a_full_build_writes(tmp_path, monkeypatch, file_rows):
    """The sample corpus in two days, then a day that lengthens one abstract (so its paper is
    extracted again and a name it used is gone): each update equals a build of all the sources,
    table by table, the derived ones (counters, rankings, pairs, months, authors) included. With
    small Parquet files, the files an update leaves whole are linked, not written again."""
    from kg.store.store import StoreWriter

    if file_rows:
        monkeypatch.setattr(StoreWriter, "FILE_ROWS", file_rows)
    sample = sorted((Path(__file__).resolve().parents[2] / "data" / "hf-daily-papers").glob("*.txt"))
    first, second = sample[:3], sample[3:]
    folder = tmp_path / "updated"
    build(first, out=folder)
    inodes = {path.stat().st_ino for path in (folder / "tables").glob("*.parquet")}
    result = build(second, out=folder, mode="update")
    if file_rows:
        assert inodes & {path.stat().st_ino for path in (folder / "tables").glob("*-kept*.parquet")}
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["papers_copied"] > 0  # the update did not rewrite every paper
    assert store_tables(folder) == store_tables(build(sample, out=tmp_path / "whole").folder)
    assert result.extracted + result.reused == result.counts["nodes"]["Paper"]

    with Store(folder) as store:
        _, rows = store.query("MATCH (p:Paper)-[:PROPOSES]->(m:Entity) WHERE m.label = 'Method' RETURN p.id AS id, "
                              "p.title AS title, p.abstract AS abstract, m.name AS name ORDER BY p.id LIMIT 1")
    changed = tmp_path / "changed.jsonl"
    paper = rows[0]
    abstract = paper["abstract"].replace(paper["name"], "our method") + " We release all the code and data."
    changed.write_text(json.dumps({"id": paper["id"], "title": paper["title"], "abstract": abstract}) + "\n")
    third = build([changed], out=folder, mode="update")
    assert third.extracted == 1
    assert "store update" in result.timings and "store update" in third.timings  # applied in place, not reloaded
    assert "of which papers in background" in third.timings  # (the paper rows went in while the derived tables were made)
    assert store_tables(folder) == store_tables(build([*sample, changed], out=tmp_path / "whole2").folder)


@pytest.mark.parametrize("damage", ["state", "truncated state", "snapshot", "cache"])
def test_an_update_whose_saved_state_does_not_match_the_graph_reads_every_cached_paper(tmp_path, damage):
    """A build killed between its renames, or a folder of an earlier version, leaves saved state
    that does not belong to the graph: the update then reads every cached paper again (nothing
    copied) and still equals a full build."""
    import sqlite3

    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    if damage == "state":
        (folder / "resolver.pickle").write_bytes(b"not a pickle")
    elif damage == "truncated state":  # (written in parts: a part missing at the end)
        saved = (folder / "resolver.pickle").read_bytes()
        (folder / "resolver.pickle").write_bytes(saved[: len(saved) - 40])
    elif damage == "snapshot":
        index = json.loads((folder / "tables" / "index.json").read_text())
        (folder / "tables" / "index.json").write_text(json.dumps({**index, "generation": "an older build"}))
    else:  # a cache of the earlier version: papers only
        with sqlite3.connect(folder / "papers.sqlite") as db:
            db.execute("DROP TABLE ident")
            db.execute("DROP TABLE names")
            db.execute("DROP TABLE meta")
    result = build([DAY2], out=folder, mode="update")
    assert (result.extracted, result.reused) == (2, 2)
    assert json.loads((folder / "manifest.json").read_text())["papers_copied"] == 0
    assert store_tables(folder) == store_tables(build([DAY1, DAY2], out=tmp_path / "whole").folder)
    # ... and the next update is incremental again: day 2's papers are read again, the others copied
    again = build([DAY2], out=folder, mode="update")
    assert again.extracted == 0 and json.loads((folder / "manifest.json").read_text())["papers_copied"] == 2


def test_the_saved_state_is_written_in_parts_and_read_back_as_it_was(tmp_path, monkeypatch):
    """The resolver's statistics are pickled a slice of names at a time (pickled at once, a million
    papers' names made pickle's memo of every object half a gigabyte); read back, they are the
    same dicts in the same order, and the next update is incremental."""
    import pickle

    import kg.build

    whole = build([DAY1], out=tmp_path / "whole").folder
    monkeypatch.setattr(kg.build, "STATE_PART", 4)
    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    parts = 0
    with (folder / kg.build.STATE_FILE).open("rb") as handle:
        while handle.peek(1):
            pickle.load(handle)
            parts += 1
    expected = kg.build._read_state(whole / kg.build.STATE_FILE)
    state = kg.build._read_state(folder / kg.build.STATE_FILE)
    assert len(state["assignment"]) > 3 * 4 and parts > 4  # (a header, then a part per four names)
    assert state["resolver"] == expected["resolver"] and state["assignment"] == expected["assignment"]
    for name in ("forms", "labels", "surfaces"):
        assert list(state["resolver"][name]) == list(expected["resolver"][name])
    build([DAY2], out=folder, mode="update")
    assert json.loads((folder / "manifest.json").read_text())["papers_copied"] > 0
    assert store_tables(folder) == store_tables(build([DAY1, DAY2], out=tmp_path / "both").folder)


def test_a_failure_of_the_background_store_update_stops_the_build_and_keeps_the_graph(tmp_path, monkeypatch):
    """The new papers' rows go into a copy of the store in a background thread: an error there
    reaches the build as a StoreError, and the folder keeps the graph it had."""
    import kg.store.store as store_module

    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    before = store_tables(folder)

    def broken(papers, files):
        yield "Paper", "MATCH (p:Paper) RETURN p.no_such_column", {}

    monkeypatch.setattr(store_module, "_paper_statements", broken)
    with pytest.raises(StoreError, match="table Paper"):
        build([DAY2], out=folder, mode="update")
    assert store_tables(folder) == before
    assert not list(folder.glob(".staging-*"))


@pytest.mark.parametrize("n_process, isolated_from", [(1, 0), (2, 10**9)])
def test_a_build_that_extracts_in_worker_processes_writes_the_tables_an_in_process_build_writes(
        tmp_path, monkeypatch, n_process, isolated_from):
    """A large build (rows staged in a forked process, extraction in its worker: the memory
    they leave behind goes with them) or several extraction workers: the same graph as a build
    that does everything in its own process, every table and row."""
    import kg.build

    in_process = build([DAY1, DAY2], out=tmp_path / "in-process")
    monkeypatch.setattr(kg.build, "SEPARATE_PROCESS_PAPERS", isolated_from)
    monkeypatch.setattr("extractors.pipeline._extract_items", _refuse_in_this_process(os.getpid()))
    in_workers = build([DAY1, DAY2], out=tmp_path / "in-workers", n_process=n_process)
    assert in_workers.extracted == in_process.extracted > 0
    assert store_tables(tmp_path / "in-workers") == store_tables(tmp_path / "in-process")


def test_a_large_build_leaves_spacy_to_the_processes_that_extract(tmp_path):
    """The build's own process bulk-loads the store at the end; spaCy, had it been imported
    there, would still hold its ~65 MiB then. (In a fresh interpreter: this one has spaCy.)"""
    import subprocess
    import sys

    script = (
        "import sys, kg.build\n"
        "kg.build.SEPARATE_PROCESS_PAPERS = 0\n"
        f"result = kg.build.build([{str(DAY1)!r}], out={str(tmp_path / 'kg-data')!r})\n"
        "print(result.extracted, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    extracted, spacy_loaded = done.stdout.split()
    assert int(extracted) > 0 and spacy_loaded == "False"


def _refuse_in_this_process(pid: int):
    from extractors.pipeline import _extract_items

    def extract_items(*args, **kwargs):
        assert os.getpid() != pid, "extracted in the build's own process"
        return _extract_items(*args, **kwargs)
    return extract_items


def test_a_failure_in_the_staging_process_stops_the_build_and_keeps_the_graph(tmp_path, monkeypatch):
    import kg.build
    from kg.errors import KGError
    from kg.resolve import Resolver

    build([DAY1], out=tmp_path / "kg-data")
    before = store_tables(tmp_path / "kg-data")
    monkeypatch.setattr(kg.build, "SEPARATE_PROCESS_PAPERS", 0)

    def fail(self):
        raise KGError("resolution failed here")
    monkeypatch.setattr(Resolver, "resolved", fail)
    with pytest.raises(KGError, match="resolution failed here"):
        build([DAY1, DAY2], out=tmp_path / "kg-data", mode="replace")
    assert store_tables(tmp_path / "kg-data") == before


def test_an_update_that_retitles_a_paper_retitles_its_evaluated_on_and_results(tmp_path):
    """EVALUATED_ON and Result carry their paper's title (for papers_sharing_benchmarks and the
    leaderboards): the new title an update gives a paper reaches them."""
    abstract = "We propose FooNet, a detector for small objects. FooNet reaches 41.2 AP on COCO."
    first, retitled = tmp_path / "first.jsonl", tmp_path / "retitled.jsonl"
    first.write_text(json.dumps({"arxiv_id": "2301.00001", "title": "FooNet for vision", "abstract": abstract}) + "\n")
    retitled.write_text(json.dumps({"arxiv_id": "2301.00001", "title": "FooNet: small objects, seen",
                                    "abstract": abstract}) + "\n")
    folder = tmp_path / "updated"
    build([first], out=folder)
    build([retitled], out=folder, mode="update")
    with Store(folder) as store:
        _, rows = store.query("MATCH (p:Paper)-[e:EVALUATED_ON]->(b:Entity) RETURN p.title AS paper, e.title AS copied, b.name AS name")
        _, results = store.query("MATCH (p:Paper)-[:REPORTS]->(r:Result) RETURN r.title AS copied, r.month AS month, p.month AS paper_month")
    assert rows == [{"paper": "FooNet: small objects, seen", "copied": "FooNet: small objects, seen", "name": "COCO"}]
    assert [r["copied"] for r in results] == ["FooNet: small objects, seen"] and results[0]["month"] == results[0]["paper_month"]


def test_an_update_rewrites_every_claim_of_a_pair_when_one_of_them_changes(tmp_path):
    """Two papers claim that FooNet outperforms RetinaNet, so the ranked claims against RetinaNet
    hold two rows for one (winner, loser) pair; an update changes one paper's claim. The pair is
    written again whole: the other paper's claim stays, and the store equals a full build."""
    def paper(pid: str, title: str, benchmark: str, more: str = "") -> dict:
        return {"id": pid, "title": title,
                "abstract": f"We propose FooNet, a detector for small objects. FooNet outperforms RetinaNet on {benchmark} by 3 points.{more}"}

    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(p) + "\n" for p in (paper("arxiv:2301.00001", "FooNet for vision", "COCO"),
                                                              paper("arxiv:2301.00002", "A study of FooNet", "PASCAL VOC"))))
    changed = tmp_path / "changed.jsonl"
    # (longer, so that a build of both files keeps this text too)
    changed.write_text(json.dumps(paper("arxiv:2301.00002", "A study of FooNet", "Cityscapes", " Code is released.")) + "\n")
    folder = tmp_path / "updated"
    build([first], out=folder)
    third = build([changed], out=folder, mode="update")
    assert third.extracted == 1 and "store update" in third.timings
    with Store(folder) as store:
        _, rows = store.query("MATCH (:Entity {name: 'FooNet'})-[r:OUTPERFORMS_TOP]->(:Entity {name: 'RetinaNet'}) "
                              "RETURN r.title AS title, r.benchmark AS benchmark ORDER BY title")
    assert rows == [{"title": "A study of FooNet", "benchmark": "Cityscapes"}, {"title": "FooNet for vision", "benchmark": "COCO"}]
    assert store_tables(folder) == store_tables(build([first, changed], out=tmp_path / "whole").folder)


def test_after_updates_a_key_names_one_paper_and_a_pair_has_one_evaluated_on(tmp_path):
    """What papers_sharing_benchmarks counts on to collect names without DISTINCT."""
    folder = tmp_path / "kg-data"
    build([DAY1], out=folder)
    build([DAY2], out=folder, mode="update")
    build([DAY1, DAY2], out=folder, mode="update")
    with Store(folder) as store:
        _, pairs = store.query("MATCH (p:Paper)-[:EVALUATED_ON]->(b:Entity) WITH p, b, count(*) AS n "
                               "RETURN count(*) AS pairs, max(n) AS most")
        _, keys = store.query("MATCH (k:PaperKey)-[:KEYS]->(p:Paper) WITH k, count(p) AS n RETURN max(n) AS most")
    assert pairs[0]["pairs"] > 0 and pairs[0]["most"] == 1 and keys[0]["most"] == 1


@pytest.mark.parametrize("depth", [1000, 2])
def test_prolific_authors_reads_the_ranks_as_a_sort_of_every_author_would(tmp_path, monkeypatch, depth):
    """ProlificAuthor (the first RANK_DEPTH authors by papers, then name) after a build and an update."""
    from kg.query import StoreEngine, run_named_query

    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setattr("kg.store.derived.RANK_DEPTH", depth)
    folder = tmp_path / "kg-data"
    for sources, mode in (([DAY1], None), ([DAY2], "update")):
        build(sources, out=folder, mode=mode)
        with StoreEngine(folder) as engine:
            _, ranked = engine.run("MATCH (a:ProlificAuthor) RETURN count(*) AS n", {})
            _, every = engine.run("MATCH (a:Author) RETURN a.name AS author, a.papers AS papers ORDER BY papers DESC, author", {})
            for limit in (1, 2, 3):
                _, rows = run_named_query("prolific_authors", {"limit": str(limit)}, engine)
                assert rows == every[:min(limit, depth)]
        assert ranked[0]["n"] == min(depth, len(every)) and len(every) >= 3
    assert every[0] == {"author": "Alan Turing", "papers": 2}


def test_a_build_computes_the_derived_tables_after_letting_the_resolver_go(tmp_path, monkeypatch):
    """The resolver's statistics and the names' assignment, gigabytes for a million papers of new
    text, are saved and released before the relations of every paper (which need only the
    clusters), the resolver before the derived tables, and the entities come to those as Arrow
    columns. The graph is the same."""
    import gc

    import kg.build
    from kg.resolve import Resolver

    plain = build([DAY1, DAY2], out=tmp_path / "plain")
    seen = []
    write_derived = kg.build.write_derived

    def spy(writer, entities):
        gc.collect()
        seen.append(((writer.staging / kg.build.STATE_FILE).is_file(),
                     sum(isinstance(o, Resolver) for o in gc.get_objects()), type(entities).__name__))
        return write_derived(writer, entities)

    facts, at_facts = Resolver.facts, []

    def facts_spy(self, paper, extraction):
        at_facts.append(((writer_staging[0] / kg.build.STATE_FILE).is_file(), self._surfaces is None))
        return facts(self, paper, extraction)

    writer_staging = []
    store_writer = kg.build.StoreWriter

    class SpiedWriter(store_writer):
        def __enter__(self):
            writer_staging.append(self.staging)
            return super().__enter__()

    monkeypatch.setattr(kg.build, "write_derived", spy)
    monkeypatch.setattr(kg.build, "StoreWriter", SpiedWriter)
    monkeypatch.setattr(Resolver, "facts", facts_spy)
    spied = build([DAY1, DAY2], out=tmp_path / "spied")
    assert seen == [(True, 0, "Table")]  # (the entities as Arrow columns, not millions of tuples)
    # ... and the relations of each paper were resolved after the statistics were saved and let go
    assert at_facts and set(at_facts) == {(True, True)}
    assert spied.counts == plain.counts
    assert store_tables(tmp_path / "spied") == store_tables(tmp_path / "plain")


def test_a_large_build_computes_the_derived_tables_in_a_process_of_their_own(tmp_path, monkeypatch):
    """A large build stages its rows in a forked process, whose heap the millions of names of a
    large corpus leave freed but fragmented; the derived tables are computed in a second forked
    process, neither the build's nor the staging one, from the entities' columns the staging
    process saved. The graph is the same as an in-process build's."""
    import gc

    import kg.build
    from kg.model import ENTITY_LABELS
    from kg.resolve import Resolver

    plain = build([DAY1, DAY2], out=tmp_path / "plain")
    log = tmp_path / "pids.jsonl"
    write_state, write_derived = kg.build._write_state, kg.build.write_derived

    def note(**fields):
        with log.open("a") as handle:
            handle.write(json.dumps({"pid": os.getpid(), **fields}) + "\n")

    def state_spy(*args):
        note(step="state")
        return write_state(*args)

    def derived_spy(writer, entities):
        gc.collect()
        note(step="derived", resolvers=sum(isinstance(o, Resolver) for o in gc.get_objects()), entities=entities.num_rows)
        return write_derived(writer, entities)

    monkeypatch.setattr(kg.build, "SEPARATE_PROCESS_PAPERS", 0)
    monkeypatch.setattr(kg.build, "_write_state", state_spy)
    monkeypatch.setattr(kg.build, "write_derived", derived_spy)
    forked = build([DAY1, DAY2], out=tmp_path / "forked")
    state, derived = (json.loads(line) for line in log.read_text().splitlines())
    assert (state["step"], derived["step"]) == ("state", "derived")
    assert len({os.getpid(), state["pid"], derived["pid"]}) == 3
    assert derived["resolvers"] == 0
    assert derived["entities"] == sum(plain.counts["nodes"].get(label.value, 0) for label in ENTITY_LABELS) > 0
    assert not list((tmp_path / "forked").rglob(kg.build.ENTITIES_FILE))
    assert forked.counts == plain.counts
    assert store_tables(tmp_path / "forked") == store_tables(tmp_path / "plain")
