"""Neo4j as a store for kg graphs: schema, batched idempotent loading, and (re-exported) reading back.

Connections: :mod:`kg.neo4j_conn` (:class:`Neo4jSettings`, :func:`connect`); reading back and the
Cypher catalog: :mod:`kg.neo4j_read` (:func:`read_subgraph`, :func:`run_query`).  All are importable
from here.

Loading (:func:`load_graph`) is idempotent: nodes are MERGEd on ``id`` (kg's deterministic node key)
under their label, relationships on (source, target, type, ``key``) where ``key`` is the multigraph
key ``TYPE|article``.  Re-loading a graph leaves counts unchanged; loading a second corpus merges
into the first.  How properties combine on a node that is already there:

* ``articles`` and ``titles`` become the union (old order kept, new values appended);
* ``title`` (an official's current post) is replaced when the new one is at least as recent
  (``title_date``); other scalar properties are overwritten by the newer load;
* ``mentions``: if the new graph's articles for the node include all stored ones, the new count
  replaces the stored one (a re-load, or a re-run over a larger corpus); if they are a strict subset
  the stored count stays; if disjoint the counts add up; if they overlap partly, the new count is
  added pro rata to the share of its articles that are new (an estimate: per-article counts are
  not kept).

Dates stay ISO strings, so Cypher compares them as text (``r.date >= $since``).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

from .errors import KgError, Neo4jError
from .graph import KnowledgeGraph
from .model import LABELS, REL_TYPES
from .neo4j_catalog import cypher_dir, split_statements
from .neo4j_conn import Neo4jSettings, connect, driver_for, settings_of, translate_errors
from .neo4j_read import read_subgraph, run_query

__all__ = ["LoadStats", "Neo4jSettings", "connect", "ensure_schema", "graph_rows", "load_graph",
           "read_subgraph", "run_query", "schema_statements"]

DEFAULT_BATCH = 5000

#: node properties whose values are merged as sets across loads
LIST_UNION_PROPS = ("articles", "titles")
#: node attributes the node query sets itself
_SPECIAL = ("label", "mentions", *LIST_UNION_PROPS, "title", "title_date")


# -- schema -------------------------------------------------------------------------------------


def schema_statements() -> list[str]:
    """The statements of ``cypher/schema.cypher`` (constraints and indexes, all ``IF NOT EXISTS``)."""
    return split_statements((cypher_dir() / "schema.cypher").read_text(encoding="utf-8"))


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the constraints and indexes of ``cypher/schema.cypher`` and wait until they are online."""
    with translate_errors(settings_of(driver, database)):
        with driver.session(database=database) as session:
            for stmt in schema_statements():
                session.run(stmt).consume()  # schema text is trusted
            session.run("CALL db.awaitIndexes(300)").consume()


# -- loading ------------------------------------------------------------------------------------


@dataclass
class LoadStats:
    """What a load did: rows written and what Neo4j reports it created."""

    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    seconds: float = 0.0
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"{self.nodes} nodes ({self.nodes_created} new), {self.relationships} relationships "
                f"({self.relationships_created} new) in {self.seconds:.1f}s")


def node_query(label: str) -> str:
    """The batched MERGE for nodes of ``label`` (allow-listed: labels cannot be parameters)."""
    _check(label, LABELS, "node label")
    return f"""
UNWIND $rows AS row
MERGE (n:{label} {{id: row.id}})
WITH n, row, coalesce(n.articles, []) AS old, coalesce(n.mentions, 0) AS m1, row.articles AS new
WITH n, row, old, m1, new, [a IN new WHERE NOT a IN old] AS fresh,
     row.title IS NOT NULL AND (n.title IS NULL
         OR coalesce(row.title_date, '') >= coalesce(n.title_date, '')) AS newer
SET n += row.props,
    n.mentions = CASE
        WHEN all(a IN old WHERE a IN new) THEN row.mentions
        WHEN size(fresh) = 0 THEN m1
        ELSE m1 + toInteger(round(toFloat(row.mentions) * size(fresh) / size(new))) END,
    n.articles = old + fresh,
    n.titles = CASE WHEN n.titles IS NULL AND size(row.titles) = 0 THEN null
        ELSE coalesce(n.titles, []) + [t IN row.titles WHERE NOT t IN coalesce(n.titles, [])] END,
    n.title_date = CASE WHEN newer THEN row.title_date ELSE n.title_date END,
    n.title = CASE WHEN newer THEN row.title ELSE n.title END
"""


def rel_query(rel_type: str, source_label: str, target_label: str) -> str:
    """The batched MERGE for relationships of one type between two labels (all allow-listed)."""
    _check(rel_type, REL_TYPES, "relationship type")
    _check(source_label, LABELS, "node label")
    _check(target_label, LABELS, "node label")
    return f"""
UNWIND $rows AS row
MATCH (a:{source_label} {{id: row.source}})
MATCH (b:{target_label} {{id: row.target}})
MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b)
SET r += row.props
"""


def load_graph(graph: KnowledgeGraph, target: neo4j.Driver | Neo4jSettings | None = None, *,
               database: str | None = None, batch_size: int = DEFAULT_BATCH, schema: bool = True,
               progress: Callable[[str, int], None] | None = None) -> LoadStats:
    """Write ``graph`` into Neo4j: schema first, then nodes and relationships in batches.

    ``target`` is an open :class:`neo4j.Driver` (left open) or :class:`Neo4jSettings` (``None``:
    from the environment; the driver is closed afterwards).  ``database`` overrides the settings'.
    ``progress(what, rows)`` is called after each batch.  Raises :class:`kg.errors.Neo4jError`.
    """
    if batch_size < 1:
        raise KgError("batch size must be at least 1")
    node_rows, rel_rows = graph_rows(graph)
    stats = LoadStats()
    t0 = time.perf_counter()
    with driver_for(target) as (driver, settings):
        db = database or settings.database
        settings = Neo4jSettings(settings.uri, settings.user, settings.password, db)
        if schema:
            ensure_schema(driver, db)
        with translate_errors(settings), driver.session(database=db) as session:
            for label, rows in sorted(node_rows.items()):
                query = node_query(label)
                for batch in _batches(rows, batch_size):
                    counters = session.execute_write(_write, query, batch)
                    stats.nodes += len(batch)
                    stats.nodes_created += counters.nodes_created
                    if progress:
                        progress(label, len(batch))
                stats.by_label[label] = len(rows)
            for (rel_type, src, dst), rows in sorted(rel_rows.items()):
                query = rel_query(rel_type, src, dst)
                for batch in _batches(rows, batch_size):
                    counters = session.execute_write(_write, query, batch)
                    stats.relationships += len(batch)
                    stats.relationships_created += counters.relationships_created
                    if progress:
                        progress(rel_type, len(batch))
                stats.by_type[rel_type] = stats.by_type.get(rel_type, 0) + len(rows)
    written = sum(len(r) for r in rel_rows.values())
    if stats.relationships != written:  # pragma: no cover - a MATCH missed an endpoint
        raise Neo4jError(f"only {stats.relationships} of {written} relationships were written")
    stats.seconds = time.perf_counter() - t0
    return stats


RelGroup = tuple[str, str, str]


Rows = list[dict[str, Any]]


def graph_rows(graph: KnowledgeGraph) -> tuple[dict[str, Rows], dict[RelGroup, Rows]]:
    """Rows for the batched queries: nodes per label, relationships per (type, source, target label).

    Raises :class:`Neo4jError` for a label or type outside :data:`kg.model.LABELS`/`REL_TYPES`.
    """
    g = graph.nx
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for key, data in g.nodes(data=True):
        label = str(data.get("label", ""))
        _check(label, LABELS, f"label of node {key!r}")
        props = {k: _neo4j_value(v) for k, v in data.items() if k not in _SPECIAL and v is not None}
        nodes[label].append({
            "id": str(key), "props": props, "mentions": int(data.get("mentions") or 0),
            "articles": [str(a) for a in data.get("articles") or []],
            "titles": [str(t) for t in data.get("titles") or []],
            "title": data.get("title"), "title_date": data.get("title_date"),
        })
    rels: dict[RelGroup, list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, data in g.edges(keys=True, data=True):
        rel_type = str(data.get("type", ""))
        _check(rel_type, REL_TYPES, f"type of edge {u!r} -> {v!r}")
        props = {a: _neo4j_value(b) for a, b in data.items() if a not in ("type", "key") and b is not None}
        group = (rel_type, str(g.nodes[u]["label"]), str(g.nodes[v]["label"]))
        rels[group].append({"source": str(u), "target": str(v), "key": str(k), "props": props})
    return dict(nodes), dict(rels)


# -- querying and reading back ---------------------------------------------------------------------


def _write(tx: neo4j.ManagedTransaction, query: str, rows: list[dict[str, Any]]) -> Any:
    return tx.run(query, rows=rows).consume().counters  # allow-listed text


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _check(name: str, allowed: tuple[str, ...], what: str) -> None:
    if name not in allowed:
        raise Neo4jError(f"{what} {name!r} is not one of kg's allow-list ({', '.join(allowed)})")


def _neo4j_value(v: Any) -> Any:
    """Neo4j takes scalars and homogeneous lists: keep those, serialise anything else as JSON."""
    if isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple, set)):
        items = list(v)
        if all(isinstance(x, str) for x in items):
            return items
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in items):
            return items
        return [json.dumps(x, ensure_ascii=False) if not isinstance(x, str) else x for x in items]
    return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)


