"""Asking the graph: one library of named Cypher queries (``cypher/``), a dialect layer for the
two engines, the engines themselves, and the read-only guard of ad-hoc Cypher."""

from kg.query.engines import Neo4jEngine, StoreEngine, run_adhoc, run_named_query, run_query, suggest_names
from kg.query.guard import check_read_only
from kg.query.library import NamedQuery, bind_params, get_query, library_queries, load_queries

__all__ = ["StoreEngine", "Neo4jEngine", "run_named_query", "run_query", "run_adhoc", "check_read_only", "NamedQuery",
           "get_query", "library_queries", "load_queries", "bind_params", "suggest_names"]
