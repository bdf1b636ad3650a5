"""Neo4j as a store for kg graphs: schema, batched idempotent loading, and (re-exported) reading back.

Connections: :mod:`kg.neo4j.conn` (:class:`Neo4jSettings`, :func:`connect`); reading back and the
Cypher catalog: :mod:`kg.neo4j.read` (:func:`read_subgraph`, :func:`run_query`).  All are importable
from here.

Loading (:func:`load_graph`) is idempotent: nodes are MERGEd on ``id`` (kg's deterministic node key)
under their label, relationships on (source, target, type, ``key``) where ``key`` is the multigraph
key ``TYPE|article``.  Re-loading a graph leaves counts and properties unchanged; loading a second
corpus merges into the first (the same official is one node).  A node that is already in Neo4j is
read, merged with the new one in Python and written back with ``SET n = ...`` in the same
transaction, so properties combine exactly as :meth:`KnowledgeGraph.merge` combines them
(``articles`` union, ``titles``/``title_seen`` union and the current ``title`` chosen again, other
properties kept from the first load) with one exception, ``mentions``, which must not grow on a
re-load:

* the new graph's articles for the node include all stored ones: the new count replaces the stored
  one (a re-load, or a re-run over a larger corpus);
* they are a strict subset of the stored ones: the stored count stays;
* disjoint: the counts add up (a second corpus);
* partly overlapping: the new count is added pro rata to the share of its articles that are new
  (an estimate: per-article counts are not kept).

A newer build of the same articles (a superset of a node's stored articles) replaces the node's
properties; :mod:`kg.neo4j.sync` then removes what it no longer has.  Concurrent loaders are safe:
the read-merge-write of a node locks it first, and a batch that loses a race is run again.
Relationship properties (``article``, ``evidence``, ``date``, ``rule``) are
SET from the graph.
Dates stay ISO strings, so Cypher compares them as text (``r.date >= $since``).

For ``kg build ... --neo4j`` (the build command's owner): call
``load_graph(graph, Neo4jSettings.from_env(uri, user, password, database))`` after building; the
``--uri/--user/--password/--database`` options are :func:`kg.neo4j.cli.connection_options`, and
:class:`kg.errors.Neo4jError` comes out with a one-line message for ``handle_errors``.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

from ..errors import KgError, Neo4jError
from ..graph import KnowledgeGraph
from ..model import LABELS, REL_TYPES, SUMMARY_TYPES
from .catalog import cypher_dir, split_statements
from .conn import Neo4jSettings, connect, driver_for, settings_of, translate_errors
from .read import read_subgraph, run_query

__all__ = ["LoadStats", "Neo4jSettings", "connect", "ensure_schema", "graph_rows", "load_graph", "merge_node",
           "read_subgraph", "run_query", "schema_statements"]

DEFAULT_BATCH = 5000
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: a property set and removed within one transaction to take a write lock (never stored)
_LOCK = "_kg_lock"
#: attempts of a batch that lost a race with a concurrent loader (constraint conflict, node created meanwhile)
RETRIES = 8



# -- schema -------------------------------------------------------------------------------------


def schema_statements() -> list[str]:
    """The statements of ``cypher/schema.cypher`` (constraints and indexes, all ``IF NOT EXISTS``)."""
    return split_statements((cypher_dir() / "schema.cypher").read_text(encoding="utf-8"))


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the constraints and indexes of ``cypher/schema.cypher`` and wait until they are online."""
    with translate_errors(settings_of(driver, database)):
        with driver.session(database=database) as session:
            for stmt in schema_statements():
                _schema_statement(session, stmt)
            session.run("CALL db.awaitIndexes(300)").consume()


def _schema_statement(session: neo4j.Session, stmt: str) -> None:
    """Run one ``IF NOT EXISTS`` statement; a concurrent loader creating the same constraint makes it
    fail once (an equivalent rule appeared meanwhile), and running it again is then a no-op."""
    for attempt in range(RETRIES):
        try:
            session.run(stmt).consume()  # schema text is trusted
            return
        except (neo4j.exceptions.ClientError, neo4j.exceptions.TransientError) as exc:
            if attempt == RETRIES - 1 or "Schema" not in (exc.code or "") and not isinstance(
                    exc, neo4j.exceptions.TransientError):
                raise
            time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))


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
    nodes_removed: int = 0
    relationships_removed: int = 0
    #: one line per node an earlier load wrote under an id this graph no longer has
    changes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        removed = (f"; removed {self.nodes_removed} nodes and {self.relationships_removed} relationships "
                   "that the graph no longer has") if self.nodes_removed or self.relationships_removed else ""
        return (f"{self.nodes} nodes ({self.nodes_created} new), {self.relationships} relationships "
                f"({self.relationships_created} new){removed} in {self.seconds:.1f}s")


def node_queries(label: str) -> tuple[str, str]:
    """The batched read and MERGE queries for ``label`` (allow-listed: labels cannot be parameters)."""
    _check(label, LABELS, "node label")
    # the read takes the nodes' write locks (a property set and removed), so that a concurrent loader
    # cannot change them between this read and the write; the write counts nodes that a concurrent
    # loader created after the read ("raced"): the batch is then run again
    read = (f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) SET n.{_LOCK} = true REMOVE n.{_LOCK}\n"
            "RETURN n.id AS id, properties(n) AS props")
    write = (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) ON CREATE SET n.{_LOCK} = true\n"
             f"WITH n, row, n.{_LOCK} IS NULL AND NOT row.known AS raced SET n = row.props\n"
             "RETURN count(CASE WHEN raced THEN 1 END) AS raced")
    return read, write


def merge_node(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Combine a stored node's properties with a new graph's attributes (see the module docstring)."""
    mine = KnowledgeGraph()
    mine.nx.add_node("n", **old)
    other = KnowledgeGraph()
    other.nx.add_node("n", **new)
    mine.merge(other)
    merged: dict[str, Any] = dict(mine.nx.nodes["n"])
    stored, fresh = set(old.get("articles") or []), set(new.get("articles") or [])
    if stored and stored <= fresh:  # a newer build of the same articles (an update): it supersedes the old one
        return {"label": old.get("label"), **new}
    m_old, m_new = int(old.get("mentions") or 0), int(new.get("mentions") or 0)
    if stored <= fresh:
        merged["mentions"] = m_new
    elif fresh <= stored:
        merged["mentions"] = m_old
    else:
        merged["mentions"] = m_old + round(m_new * len(fresh - stored) / len(fresh))
    return merged


def rel_queries(rel_type: str, source_label: str, target_label: str,
                props: Iterable[str] = ()) -> tuple[str | None, str]:
    """The batched read (summary types only, else ``None``) and MERGE queries for one relationship group.

    Type and labels are allow-listed literals.  Ordinary relationships are MERGEd on their ``key``
    (``TYPE|article``) and their properties SET; a :data:`kg.model.SUMMARY_TYPES` relationship
    (one per source and target, e.g. ``HOLDS_POST`` with ``first_seen``/``last_seen``/``articles``)
    is read, merged like :meth:`KnowledgeGraph.merge` does, and replaced.  Given the property names
    (plain identifiers only), ordinary relationships get one ``SET r.name = ...`` each instead of
    ``SET r += map``, which spares Neo4j an Eager step (~15% faster).
    """
    _check(rel_type, REL_TYPES, "relationship type")
    _check(source_label, LABELS, "node label")
    _check(target_label, LABELS, "node label")
    match = f"MATCH (a:{source_label} {{id: row.source}})\nMATCH (b:{target_label} {{id: row.target}})\n"
    if rel_type not in SUMMARY_TYPES:
        names = sorted(set(props) - {"key"})
        for name in names:
            if not _IDENT.fullmatch(name):
                raise Neo4jError(f"relationship property name {name!r} is not a plain identifier")
        sets = ", ".join(f"r.{n} = row.props.{n}" for n in names) if names else "r += row.props"
        return None, (f"UNWIND $rows AS row\n{match}MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b)\n"
                      f"SET {sets}\nRETURN count(r) AS written")
    read = (f"UNWIND $rows AS row\n{match}MATCH (a)-[r:{rel_type} {{key: row.key}}]->(b)\n"
            f"SET r.{_LOCK} = true REMOVE r.{_LOCK}\n"
            "RETURN row.source AS source, row.target AS target, properties(r) AS props")
    write = (f"UNWIND $rows AS row\n{match}MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b)\n"
             f"ON CREATE SET r.{_LOCK} = true\n"
             f"WITH r, row, r.{_LOCK} IS NULL AND NOT row.known AS raced SET r = row.props\n"
             "RETURN count(r) AS written, count(CASE WHEN raced THEN 1 END) AS raced")
    return read, write


def load_graph(graph: KnowledgeGraph, target: neo4j.Driver | Neo4jSettings | None = None, *,
               database: str | None = None, batch_size: int = DEFAULT_BATCH, schema: bool = True,
               progress: Callable[[str, int], None] | None = None, prune: bool = True) -> LoadStats:
    """Write ``graph`` into Neo4j: schema first, then nodes and relationships in batches.

    ``target`` is an open :class:`neo4j.Driver` (left open) or :class:`Neo4jSettings` (``None``:
    from the environment; the driver is closed afterwards).  ``database`` overrides the settings'.
    ``progress(what, rows)`` is called after each batch.  Raises :class:`kg.errors.Neo4jError`.

    With ``prune`` (the default), what an earlier load of these articles wrote and this graph no
    longer has is removed afterwards (:func:`kg.neo4j.sync.prune_stale`): a person split or merged
    by a later update, a post that joined its scoped form.  ``stats.changes`` says what changed.
    Batches that lose a race with a concurrent loader are run again (:func:`write_retrying`).
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
                queries = node_queries(label)
                rows.sort(key=lambda r: r["id"])  # two loaders lock the same nodes in the same order
                for batch in _batches(rows, batch_size):
                    counters = write_retrying(session, _write_nodes, queries, batch)
                    stats.nodes += len(batch)
                    stats.nodes_created += counters.nodes_created
                    if progress:
                        progress(label, len(batch))
                stats.by_label[label] = len(rows)
            for (rel_type, src, dst), rows in sorted(rel_rows.items()):
                rqueries = rel_queries(rel_type, src, dst, {k for row in rows for k in row["props"]})
                for batch in _batches(rows, batch_size):
                    written, counters = write_retrying(session, _write_rels, rqueries, batch, rel_type)
                    if written != len(batch):
                        raise Neo4jError(f"{len(batch) - written} {rel_type} relationships were not written: "
                                         "an end node is missing in Neo4j")
                    stats.relationships += written
                    stats.relationships_created += counters.relationships_created
                    if progress:
                        progress(rel_type, len(batch))
                stats.by_type[rel_type] = stats.by_type.get(rel_type, 0) + len(rows)
            if prune:
                from .sync import prune_stale

                prune_stale(session, graph, stats, batch_size=batch_size)
    stats.seconds = time.perf_counter() - t0
    return stats


RelGroup = tuple[str, str, str]


Rows = list[dict[str, Any]]


def graph_rows(graph: KnowledgeGraph) -> tuple[dict[str, Rows], dict[RelGroup, Rows]]:
    """Rows for the batched queries: nodes per label, relationships per (type, source, target label).

    Node rows are ``{"id", "attrs"}`` (the networkx attributes); relationship rows are
    ``{"source", "target", "key", "props"}`` with Neo4j-ready property values.

    Raises :class:`Neo4jError` for a label or type outside :data:`kg.model.LABELS`/`REL_TYPES`.
    """
    g = graph.nx
    nodes: dict[str, Rows] = defaultdict(list)
    for key, data in g.nodes(data=True):
        label = str(data.get("label", ""))
        _check(label, LABELS, f"label of node {key!r}")
        nodes[label].append({"id": str(key), "attrs": dict(data)})
    rels: dict[RelGroup, list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, data in g.edges(keys=True, data=True):
        rel_type = str(data.get("type", ""))
        _check(rel_type, REL_TYPES, f"type of edge {u!r} -> {v!r}")
        props = {a: _neo4j_value(b) for a, b in data.items() if a not in ("type", "key") and b is not None}
        group = (rel_type, str(g.nodes[u]["label"]), str(g.nodes[v]["label"]))
        rels[group].append({"source": str(u), "target": str(v), "key": str(k), "props": props})
    return dict(nodes), dict(rels)


# -- querying and reading back ---------------------------------------------------------------------


class Raced(Exception):
    """A batch met nodes or relationships that a concurrent loader created after this one read them."""


def write_retrying(session: neo4j.Session, work: Callable[..., Any], *args: Any) -> Any:
    """``session.execute_write(work, *args)``, run again when it loses a race with a concurrent loader.

    The driver already retries transient errors (deadlocks, leader changes).  Two loaders that create
    the same node at once make one of them fail a uniqueness constraint, or find a node it read as
    missing (:class:`Raced`): its transaction was rolled back as a whole, so the batch is simply run
    again, and then reads and merges what the other loader wrote.
    """
    for attempt in range(RETRIES):
        try:
            return session.execute_write(work, *args)
        except (neo4j.exceptions.ConstraintError, Raced):
            if attempt == RETRIES - 1:
                raise
            time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))
    raise AssertionError("unreachable")


def _write_nodes(tx: neo4j.ManagedTransaction, queries: tuple[str, str], rows: Rows) -> Any:
    """Read the nodes that exist, merge, write back: one transaction, re-run as a whole on retry."""
    read, write = queries
    stored = {r["id"]: r["props"] for r in tx.run(read, ids=[row["id"] for row in rows])}
    out = []
    for row in rows:
        attrs = row["attrs"]
        if row["id"] in stored:
            old = {k: v for k, v in stored[row["id"]].items() if k != "id"}
            attrs = merge_node({"label": attrs.get("label"), **old}, attrs)
        props = {k: _neo4j_value(v) for k, v in attrs.items() if k != "label" and v is not None}
        out.append({"id": row["id"], "known": row["id"] in stored, "props": {**props, "id": row["id"]}})
    result = tx.run(write, rows=out)
    if result.single(strict=True)["raced"]:
        raise Raced("a concurrent loader created some of these nodes")
    return result.consume().counters


def _write_rels(tx: neo4j.ManagedTransaction, queries: tuple[str | None, str], rows: Rows,
                rel_type: str) -> tuple[int, Any]:
    read, write = queries
    if read is not None:  # summary relationships: merge with what is stored
        stored = {(r["source"], r["target"]): r["props"] for r in tx.run(read, rows=rows)}
        merged = []
        for row in rows:
            props = row["props"]
            old = stored.get((row["source"], row["target"]))
            if old is not None:
                props = merge_summary(rel_type, {k: v for k, v in old.items() if k != "key"}, props)
            merged.append({**row, "known": old is not None, "props": {**props, "key": row["key"]}})
        rows = merged
    result = tx.run(write, rows=rows)
    record = result.single(strict=True)
    if record.get("raced"):
        raise Raced(f"a concurrent loader created some of these {rel_type} relationships")
    return int(record["written"]), result.consume().counters


def merge_summary(rel_type: str, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Combine a stored summary relationship with a new one, as :meth:`KnowledgeGraph.merge` does
    (the new one replaces it when it covers all the stored one's articles: a newer build of them)."""
    stored = set(old.get("articles") or [old.get("article")])
    if stored <= set(new.get("articles") or [new.get("article")]):
        return {k: _neo4j_value(v) for k, v in new.items() if v is not None and k != "type"}
    mine, other = KnowledgeGraph(), KnowledgeGraph()
    for g, props in ((mine, old), (other, new)):
        g.nx.add_node("a", label="Official")
        g.nx.add_node("b", label="Post")
        g.nx.add_edge("a", "b", key="k", **{**props, "type": rel_type})
    mine.merge(other)
    merged = mine.nx.edges["a", "b", "k"].items()
    return {k: _neo4j_value(v) for k, v in merged if v is not None and k != "type"}


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


