"""The store's tables: one definition read by the Parquet staging, the LadybugDB DDL and the Neo4j
loader, so that the three agree.

The graph itself is papers, entities, their relationships, and results: ``(Paper)-[:REPORTS]->
(Result)-[:ON_BENCHMARK]->(Dataset|Benchmark)``, with ``-[:BY_METHOD]->(Method)`` when the method is named and
``-[:MEASURED_BY]->(Metric)`` when the metric is a known one.

Besides the graph itself the store keeps a few derived
tables that make the named queries lookups instead of scans over the whole graph:

- ``NameKey -[:NAMES]-> Entity``: every name and alias of an entity, lower-cased, as a primary
  key, so that "which entity is called BBH" is one index lookup;
- ``PaperKey -[:KEYS]-> Paper``: a paper's id and lower-cased title, likewise;
- ``NameKey -[:EVALUATED_BY]-> Paper``: a name to each paper reporting results on an entity of
  that name (NAMES, then EVALUATED_ON, in one step);
- counters on ``Entity``: ``papers`` (papers that mention it), ``evaluated_in`` (papers that report
  results on it), ``proposed_in`` (papers that propose it), ``wins`` (methods it is claimed to
  outperform);
- ``Ranked -[:RANKS]-> Entity``: the first :data:`RANK_DEPTH` entities of each ranking the named
  queries return, so that "the ten most used benchmarks" reads ten rows of a small table instead
  of sorting every entity. Kinds: ``evaluated`` (by papers reporting results on it), ``wins`` (by
  methods beaten), ``once`` and ``once:<Label>`` (entities one paper mentions, by kind and name),
  ``users`` (datasets and benchmarks a paper of the corpus proposes, by other papers mentioning
  them);
- ``CO_USED {papers}`` between two datasets or benchmarks that papers report results on together;
- ``Entity -[:USED_IN {papers, ahead}]-> Month``: papers per month reporting results on a dataset
  or benchmark; ``ahead`` counts the rows that come before this one in ``benchmark_usage_by_month``'s
  order (month, papers descending, name) with at least as many papers (at most
  :data:`RANK_DEPTH`). Whatever the query's ``min_papers``, those rows pass it whenever this one
  does, so a row with ``ahead >= $limit`` cannot be among the first ``$limit``;
- ``Entity -[:EVALUATED_ON_TOP {evidence}]-> Paper``: for each entity, its first
  :data:`RANK_DEPTH` papers reporting results on it, by title, with the claim's evidence;
- ``(winner) -[:OUTPERFORMS_TOP {paper, title, benchmark, evidence}]-> (loser)``: for each
  entity, the first :data:`RANK_DEPTH` claims that something outperforms it, by the winner's name
  and the paper's title, with the paper's title and the benchmark's name written out;
- ``(dataset or benchmark) -[:LEADERBOARD_TOP {result, paper, metric, higher_is_better, method,
  value, value_text, title, date, month, evidence}]-> (Paper)``: for each dataset or benchmark and
  metric, the first :data:`RANK_DEPTH` results reported on it in ``leaderboard``'s order (best
  first by the metric's direction, then method name and paper), names written out (the metric's
  name, or its text when it is not a known one);
- ``(method) -[:METHOD_RESULTS_TOP {result, benchmark, metric, higher_is_better, value,
  value_text, title, evidence}]-> (Paper)``: for each method, its first :data:`RANK_DEPTH` results
  in ``method_results``' order (benchmark, metric, best first, title), names written out.
  LadybugDB reads every column a query returns for every row before it keeps the first k, so
  "the first 100 of ImageNet's 25,800 papers by title" costs as much as all of them; with these
  such a query reads at most RANK_DEPTH rows. They hold no rank: a new paper then changes a
  list only where it enters it (with ranks, 500 new papers among 100,000 rewrote 29,000 rows);
- ``PaperCode``: the first :data:`RANK_DEPTH` papers that link to code, ranked by title;
- ``Author {name, papers} -[:WROTE {position, authors}]-> Paper`` from the papers' author lists, when the
  source names authors (an author's id is the name, spacing and case normalised);
- ``ProlificAuthor``: the first :data:`RANK_DEPTH` authors by papers, then name, ranked (a scan of
  every author reads its columns before any filter: 70 ms at 1.4 million authors).

They are computed by the build from the relationships, and loaded into Neo4j as they are.

Some columns are copied rather than derived: ``EVALUATED_ON {title}`` holds the title of the paper
that reports the results, so "papers sharing a benchmark with this one" groups ImageNet's 25,800
papers by their relationships alone instead of reading the Paper table for each (at a million
papers, 107 -> 56 ms in one run); ``WROTE {authors}`` holds the length of the paper's author list,
which ``author_papers`` returns: reading the list column for an author's 1,500 papers took 47 of
its 55 ms; ``Result {title, date, month}`` hold the reporting paper's, so ``leaderboard`` and
``method_results`` do not join the Paper table (that join took LadybugDB 30 of the 40 ms it spent
planning ``method_results``).

``USES`` is kept in LadybugDB from paper to entity only (``storage_direction = 'fwd'``): it is the
largest table (3.6 million rows for a million papers of new text), no named query walks it from the
entity, and a table kept both ways is bulk-loaded by one ``COPY`` that holds it whole (6 GiB of
buffer pool for those rows), where a forward-only table loads file by file (see
:meth:`kg.store.StoreWriter._bulk_load`). "Which papers use X" written by hand still works: it
scans the table (22 ms over the 3.6 million rows of a million-paper store). Neo4j keeps every relationship both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Table", "NODE_TABLES", "REL_TABLES", "TABLES", "PAPER_TO_ENTITY", "RANK_DEPTH", "ddl", "encode_offsets",
           "decode_offsets"]

RANK_DEPTH = 1000  # how far each precomputed ranking goes: the ranking queries take limit <= 1000


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, LadybugDB type)
    source: str = ""  # rel tables: from node table
    target: str = ""  # rel tables: to node table
    derived: bool = False  # computed from the others by the build
    copied: tuple[str, ...] = ()  # columns copied from another table for the queries: not the relationship's own
    # Stored from source to target only. A COPY into such a table can be done file by file at the
    # cost of one file each, where a table kept both ways is held whole by one COPY (and every
    # further COPY into it rebuilds its backward lists). A walk against the direction then scans the
    # table; DETACH DELETE still works.
    forward_only: bool = False

    @property
    def is_rel(self) -> bool:
        return bool(self.source)

    @property
    def loaded_by_file(self) -> bool:
        """Bulk-loaded one staged file per COPY: a forward-only table (each COPY costs one file),
        and a table kept both ways whose rows carry evidence. A COPY holds what it loads, and the
        evidence is most of it: one COPY of the EVALUATED_ON of a million papers of new text took
        2,705 MiB, four took 1,745-1,782 (two runs). (Each COPY after the first rebuilds the
        table's backward lists, which a few files keep cheap: 151 -> 169 s for that bulk load.)"""
        return self.forward_only or (self.is_rel and "evidence" in self.column_names)

    @property
    def key(self) -> str:
        """A node table's primary key: its first column."""
        return self.columns[0][0]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def own_column_names(self) -> tuple[str, ...]:
        """The columns that are the relationship's (or node's) own properties, as the model has them."""
        return tuple(name for name, _ in self.columns if name not in self.copied)

    @property
    def staged_columns(self) -> tuple[tuple[str, str], ...]:
        """The columns of the table's staged rows: a relationship's two ends, then its own."""
        return (("from", "STRING"), ("to", "STRING")) + self.columns if self.is_rel else self.columns


# A relationship's mention offsets are text ("12 20 40 48", see encode_offsets): LadybugDB rewrites a
# relationship table's list column slowly when an update adds rows (4 s of an update's 8 s at
# 100,000 papers, against 0.4 s as text). Node tables keep lists; Neo4j and the model get lists.
_EVIDENCE = (
    ("paper", "STRING"), ("evidence", "STRING"), ("start", "INT64"), ("end", "INT64"), ("extractor", "STRING"),
    ("confidence", "DOUBLE"), ("spans", "STRING"), ("source_file", "STRING"),
)

PAPER = Table("Paper", (
    ("id", "STRING"), ("title", "STRING"), ("abstract", "STRING"), ("authors", "STRING[]"), ("authors_count", "INT64"),
    ("date", "STRING"), ("month", "STRING"), ("upvotes", "INT64"), ("urls", "STRING[]"), ("code_url", "STRING"),
    ("arxiv_id", "STRING"), ("categories", "STRING[]"), ("sources", "STRING[]"), ("input_id", "STRING"),
))
ENTITY = Table("Entity", (
    ("id", "STRING"), ("label", "STRING"), ("name", "STRING"), ("aliases", "STRING[]"),
    ("papers", "INT64"), ("evaluated_in", "INT64"), ("proposed_in", "INT64"), ("wins", "INT64"),
))
RESULT = Table("Result", (
    ("id", "STRING"), ("paper", "STRING"), ("metric_text", "STRING"), ("higher_is_better", "BOOL"), ("value", "DOUBLE"),
    ("value_text", "STRING"), ("unit", "STRING"), ("evidence", "STRING"), ("start", "INT64"), ("end", "INT64"),
    ("extractor", "STRING"), ("confidence", "DOUBLE"), ("spans", "INT64[]"), ("source_file", "STRING"),
    ("title", "STRING"), ("date", "STRING"), ("month", "STRING"),
), copied=("title", "date", "month"))
NAME_KEY = Table("NameKey", (("key", "STRING"),), derived=True)
PAPER_KEY = Table("PaperKey", (("key", "STRING"),), derived=True)
MONTH = Table("Month", (("month", "STRING"),), derived=True)
RANKED = Table("Ranked", (("id", "STRING"), ("kind", "STRING"), ("rank", "INT64")), derived=True)
AUTHOR = Table("Author", (("id", "STRING"), ("name", "STRING"), ("papers", "INT64")), derived=True)
PROLIFIC_AUTHOR = Table("ProlificAuthor", (("rank", "INT64"), ("author", "STRING"), ("name", "STRING"), ("papers", "INT64")),
                        derived=True)
PAPER_CODE = Table("PaperCode", (("rank", "INT64"), ("paper", "STRING"), ("title", "STRING"), ("code_url", "STRING"),
                                 ("date", "STRING")), derived=True)

PAPER_TO_ENTITY = ("PROPOSES", "USES", "EVALUATED_ON")
NODE_TABLES = (PAPER, ENTITY, RESULT, NAME_KEY, PAPER_KEY, MONTH, RANKED, PAPER_CODE, AUTHOR, PROLIFIC_AUTHOR)
REL_TABLES = (
    Table("PROPOSES", _EVIDENCE, "Paper", "Entity"),
    Table("USES", _EVIDENCE, "Paper", "Entity", forward_only=True),
    Table("EVALUATED_ON", _EVIDENCE + (("title", "STRING"),), "Paper", "Entity", copied=("title",)),
    Table("OUTPERFORMS", _EVIDENCE + (("benchmark", "STRING"), ("metric", "STRING")), "Entity", "Entity"),
    Table("REPORTS", (), "Paper", "Result"),
    Table("ON_BENCHMARK", (), "Result", "Entity"),
    Table("BY_METHOD", (), "Result", "Entity"),
    Table("MEASURED_BY", (), "Result", "Entity"),
    Table("NAMES", (), "NameKey", "Entity", derived=True),
    Table("KEYS", (), "PaperKey", "Paper", derived=True),
    Table("EVALUATED_BY", (), "NameKey", "Paper", derived=True),
    Table("RANKS", (), "Ranked", "Entity", derived=True),
    Table("EVALUATED_ON_TOP", (("evidence", "STRING"),), "Entity", "Paper", derived=True),
    Table("OUTPERFORMS_TOP", (("paper", "STRING"), ("title", "STRING"), ("benchmark", "STRING"), ("evidence", "STRING")),
          "Entity", "Entity", derived=True),
    Table("LEADERBOARD_TOP", (("result", "STRING"), ("paper", "STRING"), ("metric", "STRING"), ("higher_is_better", "BOOL"),
                              ("method", "STRING"), ("value", "DOUBLE"), ("value_text", "STRING"), ("title", "STRING"),
                              ("date", "STRING"), ("month", "STRING"), ("evidence", "STRING")), "Entity", "Paper", derived=True),
    Table("METHOD_RESULTS_TOP", (("result", "STRING"), ("benchmark", "STRING"), ("metric", "STRING"), ("higher_is_better", "BOOL"),
                                 ("value", "DOUBLE"), ("value_text", "STRING"), ("title", "STRING"), ("evidence", "STRING")),
          "Entity", "Paper", derived=True),
    Table("CO_USED", (("papers", "INT64"),), "Entity", "Entity", derived=True),
    Table("USED_IN", (("papers", "INT64"), ("ahead", "INT64")), "Entity", "Month", derived=True),
    Table("WROTE", (("position", "INT64"), ("authors", "INT64")), "Author", "Paper", derived=True, copied=("authors",)),
)
TABLES = {t.name: t for t in NODE_TABLES + REL_TABLES}


def encode_offsets(offsets: list[int]) -> str:
    """A relationship's ``spans`` as the store keeps them."""
    return " ".join(map(str, offsets))


def decode_offsets(row: dict) -> dict:
    """``row`` (a relationship's columns read from the store) with its ``spans`` a list again."""
    text = row.get("spans")
    if isinstance(text, str):
        row["spans"] = [int(n) for n in text.split()]
    return row


def ddl() -> list[str]:
    """LadybugDB statements creating every table (node tables first)."""
    statements = []
    for table in NODE_TABLES:
        columns = ", ".join(f"`{name}` {kind}" for name, kind in table.columns)
        statements.append(f"CREATE NODE TABLE {table.name}({columns}, PRIMARY KEY(`{table.key}`))")
    for table in REL_TABLES:
        columns = "".join(f", `{name}` {kind}" for name, kind in table.columns)
        direction = " WITH (storage_direction = 'fwd')" if table.forward_only else ""
        statements.append(f"CREATE REL TABLE {table.name}(FROM {table.source} TO {table.target}{columns}){direction}")
    return statements
