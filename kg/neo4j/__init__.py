"""Neo4j: batched, idempotent loading (:mod:`kg.neo4j.store`), connections (:mod:`kg.neo4j.conn`),
reading back and the Cypher catalog (:mod:`kg.neo4j.read`, :mod:`kg.neo4j.catalog`), and the
``kg load`` / ``kg query`` commands (:mod:`kg.neo4j.cli`).

>>> from kg.neo4j import Neo4jSettings, load_graph, run_query
>>> load_graph(graph, Neo4jSettings.from_env())   # doctest: +SKIP
"""

from .conn import Neo4jSettings, connect
from .read import read_subgraph, run_query
from .store import LoadStats, ensure_schema, load_graph

__all__ = ["LoadStats", "Neo4jSettings", "connect", "ensure_schema", "load_graph", "read_subgraph", "run_query"]
