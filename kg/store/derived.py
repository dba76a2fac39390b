"""Rows of the store's tables from the graph's papers, entities and relations, and the derived
tables (see :mod:`kg.store.schema`).

:func:`paper_rows`, :func:`relation_rows` and :func:`result_rows` give one paper's rows, so a
build can stream a corpus through them. :func:`write_derived` then computes the entity counters
and every derived table from the tables staged so far (columnar, with Arrow), whether those rows
were written by this build or kept from the previous one (``kg build --update``).
"""

from __future__ import annotations

import heapq
from typing import Iterable

from kg.model import NodeLabel, Paper, Relation, RelType, Result, paper_authors
from kg.store.schema import RANK_DEPTH, encode_offsets

__all__ = ["paper_row", "relation_row", "paper_rows", "relation_rows", "result_rows", "write_derived"]

_DATA = (NodeLabel.DATASET.value, NodeLabel.BENCHMARK.value)


def paper_row(paper: Paper) -> dict:
    row = paper.model_dump()
    row["code_url"] = paper.code_url
    return row


def relation_row(rel: Relation) -> dict:
    row = rel.model_dump(exclude={"source", "type", "target"})
    row["from"], row["to"] = rel.source, rel.target
    row["spans"] = encode_offsets(rel.spans)
    return row


def paper_rows(paper: Paper) -> Iterable[tuple[str, dict]]:
    """(table, row) for the paper, its lookup keys (its id and lower-cased title) and its authors.
    Merged papers have different titles (identity is the title key), so keys are unique; a title
    that reads like an id is left out rather than risk a clash."""
    yield "Paper", paper_row(paper)
    keys = [paper.id.lower()]
    title = paper.title.lower()
    if title != keys[0] and not title.startswith(("arxiv:", "title:")):
        keys.append(title)
    for key in keys:
        yield "PaperKey", {"key": key}
        yield "KEYS", {"from": key, "to": paper.id}
    for aid, _, position in paper_authors(paper.authors):
        yield "WROTE", {"from": aid, "to": paper.id, "position": position, "authors": len(paper.authors)}


def relation_rows(relations: Iterable[Relation], paper) -> Iterable[tuple[str, dict]]:
    """(table, row) for each relationship of one paper. ``paper`` (anything with its ``title``)
    is the paper stating them: EVALUATED_ON carries its title (see :mod:`kg.store.schema`)."""
    for rel in relations:
        row = relation_row(rel)
        if rel.type is RelType.EVALUATED_ON:
            row["title"] = paper.title
        yield rel.type.value, row


def result_rows(results: Iterable[Result], paper) -> Iterable[tuple[str, dict]]:
    """(table, row) for each result of one paper and its links. ``paper`` (anything with its
    ``title``, ``date`` and ``month``) is the paper reporting them: Result carries those (see
    :mod:`kg.store.schema`)."""
    for result in results:
        row = result.model_dump(exclude={"method", "benchmark", "metric"})
        row["title"], row["date"], row["month"] = paper.title, paper.date, paper.month
        yield "Result", row
        yield "REPORTS", {"from": result.paper, "to": result.id}
        yield "ON_BENCHMARK", {"from": result.id, "to": result.benchmark}
        if result.method:
            yield "BY_METHOD", {"from": result.id, "to": result.method}
        if result.metric:
            yield "MEASURED_BY", {"from": result.id, "to": result.metric}


def entity_columns(entities: Iterable) -> "pa.Table":
    """Entities (models or :class:`kg.resolve.ResolvedEntity` tuples) as an Arrow table of their
    id, label, name and aliases: a build hands its entities over this way, so that the millions of
    Python tuples can go before the derived tables are computed (a third of the memory)."""
    import pyarrow as pa

    schema = pa.schema([("id", pa.string()), ("label", pa.string()), ("name", pa.string()), ("aliases", pa.list_(pa.string()))])
    batches, chunk = [], []

    def flush() -> None:
        batches.append(pa.record_batch([pa.array([e.id for e in chunk], type=pa.string()),
                                        pa.array([e.label for e in chunk], type=pa.string()),  # (a NodeLabel is a str: its value)
                                        pa.array([e.name for e in chunk], type=pa.string()),
                                        pa.array([list(e.aliases) for e in chunk], type=pa.list_(pa.string()))], schema=schema))
        chunk.clear()

    for entity in entities:
        chunk.append(entity)
        if len(chunk) >= 100_000:
            flush()
    if chunk or not batches:
        flush()
    return pa.Table.from_batches(batches, schema=schema)


def write_derived(writer, entities) -> None:
    """Add the Entity rows (with their counters) and every derived table to ``writer`` (a
    :class:`kg.store.StoreWriter`), computed from the Paper and relationship tables it holds.
    ``entities``: models, resolver tuples, or their :func:`entity_columns`. Column by column
    (Arrow): a graph has hundreds of thousands of entities."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = entities if isinstance(entities, pa.Table) else entity_columns(entities)
    del entities
    ids, labels, names = (table[c].combine_chunks() for c in ("id", "label", "name"))

    def per_entity(table, column: str):
        """How many rows of ``table`` name each entity in ``column`` (0 for none)."""
        if table.num_rows == 0:
            return pa.array([0] * len(ids), type=pa.int64())
        grouped = table.group_by([column]).aggregate([([], "count_all")])
        found = pc.take(grouped["count_all"], pc.index_in(ids, value_set=grouped[column]))
        return pc.fill_null(found, 0)

    # Every entity a paper names is either proposed or used by it (one role per pair, mostly: a
    # paper naming one entity two ways may give it both).
    named = pa.concat_tables([writer.read("PROPOSES", ["from", "to"]), writer.read("USES", ["from", "to"])])
    evaluated_rows = writer.read("EVALUATED_ON", ["from", "to"])
    beaten = writer.read("OUTPERFORMS", ["from", "to"])
    columns = {
        "id": ids, "label": labels, "name": names, "aliases": table["aliases"].combine_chunks(),
        "papers": per_entity(named.group_by(["from", "to"]).aggregate([]) if named.num_rows else named, "to"),
        "evaluated_in": per_entity(evaluated_rows, "to"),
        "proposed_in": per_entity(writer.read("PROPOSES", ["to"]), "to"),
        "wins": per_entity(beaten.group_by(["from", "to"]).aggregate([]) if beaten.num_rows else beaten, "from"),
    }
    writer.add_columns("Entity", columns)
    del named, beaten  # (a million papers of new text: 4.5 million pairs, held to the end before)

    # Every (name key, entity) pair, sorted by key (stably: a key's entities in entity order). Two
    # flat lists, not a dict of lists: a build of new text has millions of names.
    form_keys: list[str] = []
    form_ids: list[str] = []
    for batch in table.to_batches(max_chunksize=100_000):
        for eid, name, aliases in zip(*(batch.column(c).to_pylist() for c in ("id", "name", "aliases"))):
            if aliases:
                forms = dict.fromkeys(" ".join(f.split()).lower() for f in [name, *aliases])
                form_keys.extend(forms)
                form_ids.extend([eid] * len(forms))
            else:  # (most entities: one name, no generator to drive)
                form_keys.append(" ".join(name.split()).lower())
                form_ids.append(eid)
    names_of = pa.table({"key": pa.array(form_keys, type=pa.string()), "to": pa.array(form_ids, type=pa.string())})
    del form_keys, form_ids
    names_of = names_of.take(pc.sort_indices(names_of, sort_keys=[("key", "ascending")]))
    writer.add_columns("NameKey", {"key": pc.unique(names_of["key"])})
    writer.add_columns("NAMES", {"from": names_of["key"], "to": names_of["to"]})
    # A name to the papers reporting results on what it names: "papers on both A and B" is then
    # one pattern of four nodes, which LadybugDB plans in a few milliseconds (six took 50-100).
    evaluated_by = names_of.join(evaluated_rows, keys="to", join_type="inner").group_by(["key", "from"]).aggregate([])
    writer.add_columns("EVALUATED_BY", {"from": evaluated_by["key"], "to": evaluated_by["from"]})
    del names_of, evaluated_by

    # Datasets and benchmarks each paper reports results on: pairs of them, and months.
    data_ids = pc.filter(ids, pc.is_in(labels, value_set=pa.array(list(_DATA))))
    on_data = evaluated_rows.filter(pc.is_in(evaluated_rows["to"], value_set=data_ids)) if evaluated_rows.num_rows else evaluated_rows
    if on_data.num_rows:
        pairs = on_data.join(on_data, keys="from", join_type="inner", left_suffix=".a", right_suffix=".b")
        pairs = pairs.filter(pc.less(pairs["to.a"], pairs["to.b"]))
        if pairs.num_rows:
            together = pairs.group_by(["to.a", "to.b"]).aggregate([([], "count_all")]).sort_by([("to.a", "ascending"), ("to.b", "ascending")])
            writer.add_columns("CO_USED", {"from": together["to.a"], "to": together["to.b"], "papers": together["count_all"]})
            del together
        months = writer.read("Paper", ["id", "month"]).rename_columns(["from", "month"])
        dated = on_data.join(months.filter(pc.is_valid(months["month"])), keys="from", join_type="inner")
        if dated.num_rows:
            by_month = dated.group_by(["to", "month"]).aggregate([([], "count_all")]).sort_by([("to", "ascending"), ("month", "ascending")])
            writer.add_columns("Month", {"month": pc.unique(by_month["month"]).sort()})
            by_month = by_month.join(pa.table({"to": ids, "name": names}), keys="to", join_type="inner").sort_by(
                [("month", "ascending"), ("count_all", "descending"), ("name", "ascending"), ("to", "ascending")])
            writer.add_columns("USED_IN", {"from": by_month["to"], "to": by_month["month"], "papers": by_month["count_all"],
                                           "ahead": _ahead(by_month)})
            del by_month
        del pairs, months, dated
    del on_data

    ranked = _rankings(pa.table({**columns, "order": pa.array(range(table.num_rows), type=pa.int64())}))
    # Keyed by kind and entity, not by rank: an entity that moves up a place changes its rank, not
    # its edge (an update that adds a name early in a ranking would otherwise move every edge after it).
    keys = [f"{kind}:{entity}" for kind, _, entity in ranked]
    writer.add_columns("Ranked", {"id": keys, "kind": [kind for kind, _, _ in ranked], "rank": [rank for _, rank, _ in ranked]})
    writer.add_columns("RANKS", {"from": keys, "to": [entity for _, _, entity in ranked]})

    titles = writer.read("Paper", ["id", "title"])
    _write_evaluated_on_top(writer, evaluated_rows, titles)
    del evaluated_rows
    _write_outperforms_top(writer, titles, ids, names)
    del titles
    _write_results_top(writer, ids, names)

    papers = writer.read("Paper", ["id", "title", "code_url", "date"])
    with_code = papers.filter(pc.is_valid(papers["code_url"])).sort_by([("title", "ascending"), ("id", "ascending")])
    del papers
    for rank, row in enumerate(with_code.slice(0, RANK_DEPTH).to_pylist(), start=1):
        writer.add("PaperCode", {"rank": rank, "paper": row["id"], "title": row["title"], "code_url": row["code_url"],
                                 "date": row["date"]})

    authors: dict[str, list] = {}  # author id -> [name as first written, papers]
    for names_of_paper in writer.read("Paper", ["authors"])["authors"].to_pylist():
        for aid, name, _ in paper_authors(names_of_paper):
            known = authors.setdefault(aid, [name, 0])
            known[1] += 1
    for aid in sorted(authors):
        name, count = authors[aid]
        writer.add("Author", {"id": aid, "name": name, "papers": count})
    first = heapq.nsmallest(RANK_DEPTH, authors, key=lambda aid: (-authors[aid][1], authors[aid][0], aid))
    for rank, aid in enumerate(first, start=1):
        writer.add("ProlificAuthor", {"rank": rank, "author": aid, "name": authors[aid][0], "papers": authors[aid][1]})


def _ahead(by_month) -> list[int]:
    """For each row of ``by_month`` (sorted as ``benchmark_usage_by_month`` returns them), how
    many rows before it have at least as many papers (``count_all``), not counting rows tied with
    it on month, papers and name (the query may put those either side); at most RANK_DEPTH.
    A Fenwick tree over paper counts, largest first."""
    papers = by_month["count_all"].to_pylist()
    keys = list(zip(by_month["month"].to_pylist(), papers, by_month["name"].to_pylist()))
    top = max(papers, default=0) + 1
    tree = [0] * (top + 1)
    ahead: list[int] = []
    start = 0
    while start < len(keys):
        end = start
        while end < len(keys) and keys[end] == keys[start]:
            end += 1
        i, seen = top - papers[start], 0  # (position i holds counts of `top - i` papers: prefix sums count the larger)
        while i > 0:
            seen += tree[i]
            i -= i & -i
        ahead.extend([min(seen, RANK_DEPTH)] * (end - start))
        i = top - papers[start]
        while i <= top:
            tree[i] += end - start
            i += i & -i
        start = end
    return ahead


def _first_of_each(rows, group: str, order: list[tuple[str, str]]):
    """The first RANK_DEPTH rows of each value of ``group`` in ``order`` (an Arrow table), with
    their ``rank`` (1, 2, ...) in a new column."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = rows.sort_by([(group, "ascending")] + order)
    if rows.num_rows == 0:
        return rows.append_column("rank", pa.array([], type=pa.int64()))
    values = rows[group].to_numpy(zero_copy_only=False)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    rank = np.arange(len(values)) - np.repeat(starts, np.diff(np.r_[starts, len(values)])) + 1
    rows = rows.append_column("rank", pa.array(rank, type=pa.int64()))
    return rows.filter(pc.less_equal(rows["rank"], RANK_DEPTH))


def _write_evaluated_on_top(writer, evaluated_rows, titles) -> None:
    """EVALUATED_ON_TOP: each entity's first papers reporting results on it, by title (the order
    of ``papers_on_benchmark``). The evidence is picked file by file: at a million papers the
    column is hundreds of megabytes, and the ranking keeps about a third of the rows."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = evaluated_rows.append_column("row", pa.array(np.arange(evaluated_rows.num_rows), type=pa.int64()))
    rows = rows.join(titles.rename_columns(["from", "title"]), keys="from", join_type="inner")
    top = _first_of_each(rows, "to", [("title", "ascending"), ("from", "ascending")]).sort_by([("row", "ascending")])
    wanted, picked, offset = top["row"].to_numpy(), [], 0
    for part in writer.read_by_file("EVALUATED_ON", ["evidence"]):
        lo, hi = np.searchsorted(wanted, [offset, offset + part.num_rows])
        picked.append(pc.take(part["evidence"], pa.array(wanted[lo:hi] - offset)))
        offset += part.num_rows
    evidence = pa.chunked_array([c for chunk in picked for c in chunk.chunks], type=pa.string())
    writer.add_columns("EVALUATED_ON_TOP", {"from": top["to"], "to": top["from"], "evidence": evidence})


def _write_outperforms_top(writer, titles, ids, names) -> None:
    """OUTPERFORMS_TOP: the first claims that something outperforms each entity, by the winner's
    name and the paper's title (the order of ``methods_outperforming``), names written out."""
    import pyarrow as pa

    claims = writer.read("OUTPERFORMS", ["from", "to", "paper", "benchmark", "evidence"])
    claims = claims.join(pa.table({"from": ids, "winner": names}), keys="from", join_type="inner")
    claims = claims.join(titles.rename_columns(["paper", "title"]), keys="paper", join_type="inner")
    claims = claims.join(pa.table({"benchmark": ids, "benchmark_name": names}), keys="benchmark", join_type="left outer")
    top = _first_of_each(claims, "to", [("winner", "ascending"), ("title", "ascending"), ("paper", "ascending")])
    writer.add_columns("OUTPERFORMS_TOP", {"from": top["from"], "to": top["to"], "paper": top["paper"],
                                           "title": top["title"], "benchmark": top["benchmark_name"], "evidence": top["evidence"]})


def _write_results_top(writer, ids, names) -> None:
    """LEADERBOARD_TOP and METHOD_RESULTS_TOP: each benchmark's (per metric) and each method's
    first results in the order of ``leaderboard`` and ``method_results``, the benchmark's, the
    method's and the metric's names written out. Reading those names through each result's links
    was most of ``leaderboard``'s time at a million papers (GSM8K's 6,452 scores)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    results = writer.read("Result", ["id", "paper", "metric_text", "higher_is_better", "value", "value_text", "title",
                                     "date", "month", "evidence"])
    if results.num_rows == 0:
        return
    named = pa.table({"to": ids, "name": names})
    for table, entity, name, how in (("ON_BENCHMARK", "benchmark_id", "benchmark", "inner"),
                                     ("BY_METHOD", "method_id", "method", "left outer"),
                                     ("MEASURED_BY", "metric_id", "metric_name", "left outer")):
        links = writer.read(table, ["from", "to"]).join(named, keys="to", join_type="inner")
        results = results.join(links.rename_columns(["id", entity, name]), keys="id", join_type=how)
    empty = pa.scalar("", pa.string())
    metric = pc.coalesce(results["metric_name"], results["metric_text"], empty)
    lower_is_better = pc.fill_null(pc.equal(results["higher_is_better"], False), False)
    results = results.append_column("metric", metric).append_column(
        "score", pc.if_else(lower_is_better, pc.negate(results["value"]), results["value"])).append_column(
        "method_key", pc.coalesce(results["method"], empty))

    boards = results.append_column("board", pc.binary_join_element_wise(results["benchmark_id"], metric, "\n"))
    top = _first_of_each(boards, "board", [("score", "descending"), ("method_key", "ascending"), ("paper", "ascending")])
    writer.add_columns("LEADERBOARD_TOP", {"from": top["benchmark_id"], "to": top["paper"], "result": top["id"],
                                           **{c: top[c] for c in ("paper", "metric", "higher_is_better", "method", "value",
                                                                  "value_text", "title", "date", "month", "evidence")}})
    by_method = results.filter(pc.is_valid(results["method_id"]))
    top = _first_of_each(by_method, "method_id", [("benchmark", "ascending"), ("metric", "ascending"), ("score", "descending"),
                                                  ("title", "ascending")])
    writer.add_columns("METHOD_RESULTS_TOP", {"from": top["method_id"], "to": top["paper"], "result": top["id"],
                                              **{c: top[c] for c in ("benchmark", "metric", "higher_is_better", "value",
                                                                     "value_text", "title", "evidence")}})


def _rankings(entities) -> list[tuple[str, int, str]]:
    """(kind, rank, entity id) of the first RANK_DEPTH entities of each ranking (``entities``: an
    Arrow table of the Entity columns and each row's ``order`` in the entity list, which breaks
    the ties nothing else breaks)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rankings: list[tuple[str, int, str]] = []

    def ranking(kind: str, chosen, keys: list[tuple[str, str]]) -> None:
        best = entities.filter(chosen).sort_by(keys + [("order", "ascending")]).slice(0, RANK_DEPTH)
        rankings.extend((kind, rank, eid) for rank, eid in enumerate(best["id"].to_pylist(), start=1))

    by_name = [("name", "ascending"), ("id", "ascending")]
    ranking("evaluated", pc.greater(entities["evaluated_in"], 0),
            [("evaluated_in", "descending"), ("name", "ascending"), ("label", "ascending")])
    ranking("wins", pc.greater(entities["wins"], 0), [("wins", "descending")] + by_name)
    once = pc.equal(entities["papers"], 1)
    ranking("once", once, [("label", "ascending")] + by_name)
    for label in sorted(set(entities["label"].to_pylist())):
        ranking(f"once:{label}", pc.and_(once, pc.equal(entities["label"], label)), by_name)
    users = pc.and_(pc.greater(entities["proposed_in"], 0), pc.is_in(entities["label"], value_set=pa.array(list(_DATA), type=pa.string())))
    ranking("users", users, [("papers", "descending")] + by_name)
    return rankings

