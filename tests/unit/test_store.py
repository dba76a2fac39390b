"""The embedded store: lossless round trip, derived tables, subgraph mirrors, exports, migration
of old folders, atomic replacement and the build lock."""

from __future__ import annotations

import json
import os
import threading

import networkx as nx
import pytest

from kg.errors import InputError, MirrorNotFoundError, SchemaError
from kg.model import Entity, Graph, NodeLabel, Paper, Relation, RelType
from kg.store import Store, StoreError, StoreWriter, folder_lock, read_graph, write_graph
from kg.store.migrate import migrate
from kg.store.mirror import export_csv, export_graphml, from_networkx, graph_counts, load_mirror, to_networkx


def small_graph() -> Graph:
    return Graph(
        papers=[
            Paper(id="arxiv:1", title="T", abstract="We propose MHR.", urls=["https://github.com/a/b"], sources=["f:1"],
                  month="2023-01"),
            Paper(id="arxiv:2", title="U", abstract="We use MHR.", month="2023-02"),
        ],
        entities=[
            Entity(id="method:mhr", label=NodeLabel.METHOD, name="MHR", aliases=["Multi-Head Routing"]),
            Entity(id="method:poly", label=NodeLabel.METHOD, name="Poly"),
            Entity(id="benchmark:superni", label=NodeLabel.BENCHMARK, name="SuperNI"),
            Entity(id="benchmark:bbh", label=NodeLabel.BENCHMARK, name="BBH", aliases=["Big-Bench Hard"]),
        ],
        relations=[
            Relation(source="arxiv:1", type=RelType.PROPOSES, target="method:mhr", paper="arxiv:1", evidence="We propose MHR.",
                     end=15, spans=[11, 14]),
            Relation(source="arxiv:1", type=RelType.EVALUATED_ON, target="benchmark:superni", paper="arxiv:1"),
            Relation(source="arxiv:1", type=RelType.EVALUATED_ON, target="benchmark:bbh", paper="arxiv:1"),
            Relation(source="arxiv:2", type=RelType.EVALUATED_ON, target="benchmark:bbh", paper="arxiv:2"),
            Relation(source="arxiv:2", type=RelType.USES, target="method:mhr", paper="arxiv:2"),
            Relation(source="method:mhr", type=RelType.OUTPERFORMS, target="method:poly", paper="arxiv:1",
                     benchmark="benchmark:superni"),
        ],
    )


def _sorted(graph: Graph) -> tuple:
    key = lambda item: item.model_dump_json()  # noqa: E731
    return tuple(sorted(map(key, part)) for part in (graph.papers, graph.entities, graph.relations))


def test_store_round_trip_is_lossless(tmp_path):
    write_graph(small_graph(), tmp_path)
    with Store(tmp_path) as store:
        assert _sorted(read_graph(store)) == _sorted(small_graph())
        assert store.counts() == {"nodes": {"Benchmark": 2, "Method": 2, "Paper": 2},
                                  "relationships": {"EVALUATED_ON": 3, "OUTPERFORMS": 1, "PROPOSES": 1, "USES": 1}}


def test_store_evaluated_on_carries_the_title_of_its_paper(tmp_path):
    """(What papers_sharing_benchmarks groups by, without reading the Paper table.)"""
    write_graph(small_graph(), tmp_path)
    with Store(tmp_path) as store:
        _, rows = store.query("MATCH (p:Paper)-[e:EVALUATED_ON]->(:Entity) RETURN p.title AS paper, e.title AS copied")
    assert sorted((r["paper"], r["copied"]) for r in rows) == [("T", "T"), ("T", "T"), ("U", "U")]


@pytest.mark.parametrize("table, column, query", [
    ("EVALUATED_ON", "title", "MATCH (:Paper)-[e:EVALUATED_ON]->(:Entity) RETURN e.title AS title"),
    ("WROTE", "authors", "MATCH (:Author)-[w:WROTE]->(:Paper) RETURN w.authors AS authors"),  # (Paper has authors: not it)
])
def test_store_written_before_a_column_was_added_says_to_build_again(tmp_path, table, column, query):
    from kg.store.store import _ladybug

    write_graph(small_graph(), tmp_path)
    db = _ladybug().Database(str(tmp_path / "graph.lbug"))
    _ladybug().Connection(db).execute(f"ALTER TABLE {table} DROP {column}")
    db.close()
    with Store(tmp_path) as store:
        with pytest.raises(StoreError, match=rf"earlier version of kg \({table} has no {column}\).*kg build"):
            store.query(query)


def test_store_derived_tables(tmp_path):
    write_graph(small_graph(), tmp_path)
    with Store(tmp_path) as store:
        _, rows = store.query("MATCH (:NameKey {key: 'big-bench hard'})-[:NAMES]->(e:Entity) RETURN e.id AS id, "
                              "e.evaluated_in AS n")
        assert rows == [{"id": "benchmark:bbh", "n": 2}]
        _, rows = store.query("MATCH (a:Entity)-[c:CO_USED]->(b:Entity) RETURN a.id AS a, b.id AS b, c.papers AS n")
        assert rows == [{"a": "benchmark:bbh", "b": "benchmark:superni", "n": 1}]
        _, rows = store.query("MATCH (e:Entity)-[u:USED_IN]->(m:Month) RETURN e.id AS entity, m.month AS month, u.papers AS n "
                              "ORDER BY month, entity")
        assert [r["month"] for r in rows] == ["2023-01", "2023-01", "2023-02"]
        _, rows = store.query("MATCH (:PaperKey {key: 't'})-[:KEYS]->(p:Paper) RETURN p.id AS id, p.code_url AS code")
        assert rows == [{"id": "arxiv:1", "code": "https://github.com/a/b"}]
        _, rows = store.query("MATCH (e:Entity {id: 'method:mhr'}) RETURN e.papers AS papers, e.proposed_in AS p, e.wins AS w")
        assert rows == [{"papers": 2, "p": 1, "w": 1}]  # proposed by one paper, used by the other


def test_store_is_opened_read_only(tmp_path):
    write_graph(small_graph(), tmp_path)
    with Store(tmp_path) as store, pytest.raises(StoreError, match="read-only"):
        store.query("CREATE (:Paper {id: 'x'})")


def test_store_mirror_whole_and_subgraphs(tmp_path):
    write_graph(small_graph(), tmp_path)
    whole = load_mirror(tmp_path)
    assert nx.utils.graphs_equal(whole, to_networkx(small_graph()))
    superni = load_mirror(tmp_path, benchmark="superni")
    assert {n for n, d in superni.nodes(data=True) if d["label"] == "Paper"} == {"arxiv:1"}
    assert superni.has_edge("method:mhr", "method:poly")
    february = load_mirror(tmp_path, since="2023-02")
    assert {n for n, d in february.nodes(data=True) if d["label"] == "Paper"} == {"arxiv:2"}
    assert set(february.nodes) == {"arxiv:2", "benchmark:bbh", "method:mhr"}


def test_store_exports(tmp_path):
    G = to_networkx(small_graph())
    H = nx.read_graphml(export_graphml(G, tmp_path / "g.graphml"))
    assert H.number_of_nodes() == 6 and H.number_of_edges() == 6
    assert H.nodes["method:mhr"]["aliases"] == '["Multi-Head Routing"]'
    nodes, rels = export_csv(G, tmp_path / "csv")
    assert len(nodes.read_text().splitlines()) == 7 and len(rels.read_text().splitlines()) == 7
    assert graph_counts(G)["relationships"]["EVALUATED_ON"] == 3


def test_store_missing_folder_says_what_to_do(tmp_path):
    with pytest.raises(MirrorNotFoundError, match="kg build"):
        Store(tmp_path)


def test_store_old_format_is_detected_and_migrated(tmp_path):
    data = nx.node_link_data(to_networkx(small_graph()), edges="edges")
    (tmp_path / "graph.json").write_text(json.dumps(data))
    with pytest.raises(MirrorNotFoundError, match="kg migrate --data"):
        Store(tmp_path)
    migrate(tmp_path)
    with Store(tmp_path) as store:
        assert _sorted(read_graph(store)) == _sorted(small_graph())
    assert (tmp_path / "graph.json.migrated").is_file()
    with pytest.raises(InputError, match="nothing to migrate"):
        migrate(tmp_path)
    (tmp_path / "graph.json").write_text("{}")  # a leftover old file beside a current graph
    with pytest.raises(InputError, match="holds both a current graph and an old graph.json; the current graph is kept"):
        migrate(tmp_path)
    with Store(tmp_path) as store:
        assert _sorted(read_graph(store)) == _sorted(small_graph())


def test_store_failed_write_leaves_the_previous_graph(tmp_path):
    write_graph(small_graph(), tmp_path)
    with pytest.raises(RuntimeError):
        with StoreWriter(tmp_path) as writer:
            writer.add("Paper", {"id": "arxiv:9", "title": "New"})
            raise RuntimeError("killed before commit")
    with Store(tmp_path) as store:
        assert store.counts()["nodes"]["Paper"] == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".staging")]


def test_store_rows_staged_in_a_forked_process_are_committed_by_the_writer(tmp_path):
    from kg.store.derived import paper_rows, relation_rows, write_derived

    graph = small_graph()

    def stage() -> int:
        for paper in graph.papers:
            for table, row in paper_rows(paper):
                writer.add(table, row)
            for table, row in relation_rows([r for r in graph.relations if r.paper == paper.id], paper):
                writer.add(table, row)
        write_derived(writer, graph.entities)
        return os.getpid()

    with StoreWriter(tmp_path, chunk_rows=1) as writer:
        staged_by = writer.stage_in_forked_process(stage)
        writer.commit()
    assert staged_by != os.getpid()
    with Store(tmp_path) as store:
        assert _sorted(read_graph(store)) == _sorted(graph)


@pytest.mark.parametrize("chosen, expected", [(None, "system"), ("jemalloc", "jemalloc")])
def test_store_arrow_allocates_with_the_system_allocator_unless_the_user_chose_one(chosen, expected):
    """Memory Arrow frees goes back where Python objects can use it again (see kg/__init__)."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if chosen:
        env["ARROW_DEFAULT_MEMORY_POOL"] = chosen
    done = subprocess.run([sys.executable, "-c", "import kg, pyarrow; print(pyarrow.default_memory_pool().backend_name)"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip() == expected, done.stderr


def test_store_a_failure_in_the_forked_staging_process_is_raised_by_the_writer(tmp_path):
    write_graph(small_graph(), tmp_path)

    def stage() -> None:
        writer.add("Paper", {"id": "arxiv:9", "title": "New"})
        raise InputError("bad row at line 3")

    with pytest.raises(InputError, match="bad row at line 3"):
        with StoreWriter(tmp_path) as writer:
            writer.stage_in_forked_process(stage)
            writer.commit()
    with Store(tmp_path) as store:
        assert store.counts()["nodes"]["Paper"] == 2


def test_store_a_second_writer_is_refused_while_one_holds_the_folder(tmp_path):
    entered, release = threading.Event(), threading.Event()

    def hold():
        with folder_lock(tmp_path):
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    entered.wait(5)
    try:
        with pytest.raises(StoreError, match="another build"):
            write_graph(small_graph(), tmp_path)
    finally:
        release.set()
        thread.join()
    write_graph(small_graph(), tmp_path)


def test_model_rejects_relations_outside_the_schema():
    with pytest.raises(SchemaError):
        Graph(
            papers=[Paper(id="p", title="T", abstract="A")],
            entities=[Entity(id="m", label=NodeLabel.METHOD, name="M")],
            relations=[Relation(source="p", type=RelType.EVALUATED_ON, target="m", paper="p")],
        )


def test_store_of_the_sample_build_round_trips(sample_build):
    G = load_mirror(sample_build.folder)
    assert from_networkx(G).counts() == sample_build.counts


def test_store_bulk_load_grows_a_buffer_pool_that_is_too_small(sample_build, tmp_path, monkeypatch):
    """The bulk load starts with a pool sized from the rows (peak memory follows the pool) and,
    when a table does not fit, starts again with a larger one: same graph, no error."""
    import kg.store.store as store_module

    with Store(sample_build.folder) as store:
        graph = read_graph(store)
    pools = []
    load_with = store_module.StoreWriter._bulk_load_with

    def spy(self, fresh, pool):
        pools.append(pool)
        return load_with(self, fresh, pool)

    write_graph(graph, tmp_path / "plain")
    monkeypatch.setattr(store_module.StoreWriter, "_bulk_load_with", spy)
    monkeypatch.setattr(store_module, "_bulk_load_buffer", lambda rows: 4 * 2**20)
    write_graph(graph, tmp_path / "grown")
    assert len(pools) > 1 and pools == sorted(pools), pools
    with Store(tmp_path / "grown") as grown, Store(tmp_path / "plain") as plain:
        a, b = read_graph(grown), read_graph(plain)
        assert (a.papers, a.entities, a.results) == (b.papers, b.entities, b.results)
        assert sorted(map(repr, a.relations)) == sorted(map(repr, b.relations))

    write_graph(graph, tmp_path / "fixed")
    monkeypatch.setenv("KG_WRITE_BUFFER_MB", "4")  # a fixed pool is not grown: one line, the graph kept
    with pytest.raises(StoreError, match="buffer pool is too small"):
        write_graph(graph, tmp_path / "fixed")
    with Store(tmp_path / "fixed") as fixed, Store(tmp_path / "plain") as plain:
        a, b = read_graph(fixed), read_graph(plain)
        assert a.papers == b.papers
        assert a.entities == b.entities
        assert a.results == b.results
        assert sorted(map(repr, a.relations)) == sorted(map(repr, b.relations))  # (a scan's order is not fixed)


def test_store_bulk_load_pool_follows_the_largest_relationship_table(monkeypatch):
    import kg.store.store as store_module

    monkeypatch.delenv("KG_WRITE_BUFFER_MB", raising=False)
    monkeypatch.setattr(store_module, "_write_buffer", lambda: 8 * 2**30)
    assert store_module._bulk_load_buffer(0) == 2**30
    assert store_module._bulk_load_buffer(1_900_000) == 2**29 + 1_900_000 * 1024
    assert store_module._bulk_load_buffer(50_000_000) == 8 * 2**30


def test_store_ranked_lists_hold_each_entitys_first_papers_and_claims(tmp_path, monkeypatch):
    """papers_on_benchmark and methods_outperforming read each entity's first RANK_DEPTH papers
    (by title) and claims (by winner, then title) from EVALUATED_ON_TOP and OUTPERFORMS_TOP: with a
    depth of two, the first two are the first two of the whole list, for a name that two entities
    share too."""
    from kg.query.engines import StoreEngine, run_named_query

    monkeypatch.setattr("kg.store.derived.RANK_DEPTH", 2)
    titles = ["Delta", "Bravo", "Charlie", "Alpha"]
    papers = [Paper(id=f"arxiv:{i}", title=t, abstract="A.") for i, t in enumerate(titles)]
    entities = [Entity(id="benchmark:bbh", label=NodeLabel.BENCHMARK, name="BBH"),
                Entity(id="dataset:bbh", label=NodeLabel.DATASET, name="bbh"),
                Entity(id="method:poly", label=NodeLabel.METHOD, name="Poly"),
                *(Entity(id=f"method:{n.lower()}", label=NodeLabel.METHOD, name=n) for n in ("Zeta", "Eta", "Theta"))]
    relations = [Relation(source=p.id, type=RelType.EVALUATED_ON, target="benchmark:bbh", paper=p.id, evidence=p.title)
                 for p in papers]
    relations.append(Relation(source="arxiv:3", type=RelType.EVALUATED_ON, target="dataset:bbh", paper="arxiv:3"))
    relations += [Relation(source=f"method:{w}", type=RelType.OUTPERFORMS, target="method:poly", paper=p, benchmark="benchmark:bbh")
                  for w, p in (("zeta", "arxiv:3"), ("eta", "arxiv:0"), ("eta", "arxiv:1"), ("theta", "arxiv:2"))]
    write_graph(Graph(papers=papers, entities=entities, relations=relations), tmp_path)
    with StoreEngine(tmp_path) as engine:
        _, rows = run_named_query("papers_on_benchmark", {"benchmark": "BBH", "limit": "2"}, engine)
        assert [(r["title"], r["benchmark"]) for r in rows] == [("Alpha", "BBH"), ("Alpha", "bbh")]
        _, rows = run_named_query("papers_on_benchmark", {"benchmark": "BBH", "limit": "1"}, engine)
        assert [(r["title"], r["evidence"]) for r in rows] == [("Alpha", "Alpha")]
        _, rows = engine.run("MATCH (b:Entity {id: 'benchmark:bbh'})-[r:EVALUATED_ON_TOP]->(p:Paper) "
                             "RETURN p.title AS title ORDER BY title", {})
        assert rows == [{"title": "Alpha"}, {"title": "Bravo"}]  # (the first two by title: the depth)
        _, rows = run_named_query("methods_outperforming", {"method": "poly", "limit": "2"}, engine)
        assert [(r["method"], r["paper"], r["benchmark"]) for r in rows] == [("Eta", "Bravo", "BBH"), ("Eta", "Delta", "BBH")]


def test_store_result_lists_hold_each_boards_and_methods_first_results(tmp_path, monkeypatch):
    """leaderboard and method_results read each benchmark's first RANK_DEPTH results per metric
    (best first by the metric's direction) and each method's first RANK_DEPTH (by benchmark,
    metric, best first) from LEADERBOARD_TOP and METHOD_RESULTS_TOP: with a depth of two, what
    they return is the first rows of the whole list, for every metric, and for an unnamed method."""
    from kg.model import Result
    from kg.query.engines import StoreEngine, run_named_query

    monkeypatch.setattr("kg.store.derived.RANK_DEPTH", 2)
    papers = [Paper(id=f"arxiv:{i}", title=t, abstract="A.") for i, t in enumerate(["Delta", "Bravo", "Charlie", "Alpha"])]
    entities = [Entity(id="benchmark:bbh", label=NodeLabel.BENCHMARK, name="BBH"),
                Entity(id="metric:error", label=NodeLabel.METRIC, name="error rate"),
                *(Entity(id=f"method:{n.lower()}", label=NodeLabel.METHOD, name=n) for n in ("Zeta", "Eta", "Theta"))]

    def score(paper: int, method, value: float, metric=None, text="accuracy", higher=True) -> Result:
        return Result(id=f"r{paper}-{method}-{value}-{metric}", paper=f"arxiv:{paper}", benchmark="benchmark:bbh",
                      method=method and f"method:{method}", metric=metric, metric_text=text, higher_is_better=higher,
                      value=value, value_text=str(value), evidence=f"{method} {value}")

    results = [score(0, "zeta", 70.0), score(1, "eta", 90.0), score(2, "theta", 80.0), score(3, None, 85.0),
               score(0, "zeta", 4.0, "metric:error", "error", False), score(1, "eta", 2.0, "metric:error", "error", False),
               score(2, "zeta", 3.0, "metric:error", "err.", False)]
    write_graph(Graph(papers=papers, entities=entities, results=results), tmp_path)
    with StoreEngine(tmp_path) as engine:
        _, rows = run_named_query("leaderboard", {"benchmark": "bbh"}, engine)
        assert [(r["metric"], r["method"], r["value"], r["title"]) for r in rows] == [
            ("accuracy", "Eta", 90.0, "Bravo"), ("accuracy", None, 85.0, "Alpha"),
            ("error rate", "Eta", 2.0, "Bravo"), ("error rate", "Zeta", 3.0, "Charlie")]
        _, rows = run_named_query("leaderboard", {"benchmark": "BBH", "metric": "Error Rate", "limit": "1"}, engine)
        assert [(r["metric"], r["value"], r["higher_is_better"], r["paper"]) for r in rows] == [("error rate", 2.0, False, "arxiv:1")]
        _, rows = run_named_query("method_results", {"method": "zeta"}, engine)
        assert [(r["benchmark"], r["metric"], r["value"], r["title"]) for r in rows] == [
            ("BBH", "accuracy", 70.0, "Delta"), ("BBH", "error rate", 3.0, "Charlie")]


def test_store_written_by_an_earlier_version_without_a_newer_table_says_to_build_again(tmp_path, monkeypatch):
    """A store from before a table was added: a query that reads the table names the folder and
    what to do, not the engine's binder message."""
    import kg.store.store as store_module

    write_graph(small_graph(), tmp_path)
    monkeypatch.setitem(store_module.TABLES, "NEWER_TABLE", store_module.TABLES["CO_USED"])  # (a table this version writes)
    with Store(tmp_path) as store:
        with pytest.raises(StoreError, match=r"written by an earlier version of kg and has no NEWER_TABLE table: build it again"):
            store.query("MATCH ()-[r:NEWER_TABLE]->() RETURN count(*)")
        with pytest.raises(StoreError, match="OTHER does not exist"):  # (not one of ours: the engine's message)
            store.query("MATCH ()-[r:OTHER]->() RETURN count(*)")


def test_store_usage_by_month_skips_only_rows_that_cannot_be_in_the_answer(tmp_path, monkeypatch):
    """benchmark_usage_by_month leaves out rows with ``ahead >= $limit`` (see kg.store.schema):
    for every min_papers and limit, below, at and above the cap of ``ahead``, its rows are those of
    the same query without that filter."""
    from kg.query.engines import StoreEngine, run_named_query

    monkeypatch.setattr("kg.store.derived.RANK_DEPTH", 4)
    months = ["2023-01", "2023-02", "2023-03"]
    benchmarks = [Entity(id=f"benchmark:b{i}", label=NodeLabel.BENCHMARK, name=f"B{i}") for i in range(6)]
    papers, relations = [], []
    for m, month in enumerate(months):
        for i, bench in enumerate(benchmarks):
            for k in range((i * 7 + m * 3) % 5):  # 0 to 4 papers per benchmark and month, ties included
                pid = f"arxiv:{month}-{i}-{k}"
                papers.append(Paper(id=pid, title=pid, abstract="A.", month=month))
                relations.append(Relation(source=pid, type=RelType.EVALUATED_ON, target=bench.id, paper=pid))
    write_graph(Graph(papers=papers, entities=benchmarks, relations=relations), tmp_path)
    whole = ("MATCH (b:Entity)-[u:USED_IN]->(m:Month) WHERE u.papers >= $min_papers RETURN m.month AS month, "
             "b.name AS benchmark, u.papers AS papers ORDER BY month, papers DESC, benchmark LIMIT $limit")
    with StoreEngine(tmp_path) as engine:
        _, every = engine.run(whole, {"min_papers": 1, "limit": 100})
        assert len(every) > 12
        for min_papers in range(1, 5):
            for limit in range(0, len(every) + 2):
                _, rows = run_named_query("benchmark_usage_by_month", {"min_papers": str(min_papers), "limit": str(limit)}, engine)
                _, expected = engine.run(whole, {"min_papers": min_papers, "limit": limit})
                assert rows == expected, (min_papers, limit)


def test_store_forward_only_table_is_loaded_file_by_file(sample_build, tmp_path, monkeypatch):
    """USES is kept from paper to entity only and bulk-loaded one staged file at a time, and so
    are the tables kept both ways whose rows carry evidence: the same relationships as one COPY
    each, walked either way; the pool is sized for the largest single COPY (a file of those, or
    a whole table of the others)."""
    import pyarrow.parquet as pq

    import kg.store.store as store_module
    from kg.store.schema import REL_TABLES, TABLES

    assert TABLES["USES"].forward_only and "storage_direction = 'fwd'" in next(s for s in store_module.ddl() if " USES(" in s)
    with Store(sample_build.folder) as store:
        graph = read_graph(store)
    write_graph(graph, tmp_path / "plain")
    copies, sized = [], []
    load_with = store_module.StoreWriter._bulk_load_with

    def spy(self, fresh, pool):
        copies.append({name: [pq.ParquetFile(f).metadata.num_rows for f in files] for name, files in self._files.items()})
        return load_with(self, fresh, pool)

    buffer = store_module._bulk_load_buffer
    monkeypatch.setattr(store_module.StoreWriter, "_bulk_load_with", spy)
    monkeypatch.setattr(store_module, "_bulk_load_buffer", lambda rows: sized.append(rows) or buffer(rows))
    monkeypatch.setattr(store_module.StoreWriter, "FILE_ROWS", 40)
    write_graph(graph, tmp_path / "files")
    files = copies[0]
    assert len(files["USES"]) > 3 and len(files["EVALUATED_ON"]) > 3 and len(files["PROPOSES"]) > 3
    # (tables kept both ways whose rows carry evidence are loaded file by file too)
    assert TABLES["EVALUATED_ON"].loaded_by_file and not TABLES["EVALUATED_ON"].forward_only
    assert not TABLES["NAMES"].loaded_by_file
    whole = max(sum(files.get(t.name, ())) for t in REL_TABLES if not t.loaded_by_file)
    assert sized == [max(whole, 40)]
    with Store(tmp_path / "files") as split, Store(tmp_path / "plain") as plain:
        a, b = read_graph(split), read_graph(plain)
        assert sorted(map(repr, a.relations)) == sorted(map(repr, b.relations))
        key = lambda row: (row["p"], row["e"], row["evidence"])  # noqa: E731
        for rel in ("USES", "EVALUATED_ON", "PROPOSES"):
            forward = list(split.rows(f"MATCH (p:Paper)-[r:{rel}]->(e:Entity) RETURN p.id AS p, e.id AS e, r.evidence AS evidence"))
            backward = list(split.rows(f"MATCH (e:Entity)<-[r:{rel}]-(p:Paper) RETURN p.id AS p, e.id AS e, r.evidence AS evidence"))
            whole_way = list(plain.rows(f"MATCH (e:Entity)<-[r:{rel}]-(p:Paper) RETURN p.id AS p, e.id AS e, r.evidence AS evidence"))
            assert sorted(forward, key=key) == sorted(backward, key=key) == sorted(whole_way, key=key) and len(forward) > 100
