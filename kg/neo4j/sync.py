"""Loading a newer build of the same articles: remove what the graph no longer has.

An update (:mod:`kg.incremental`) re-runs entity resolution, so a node id can change between two
builds of a growing corpus: a 王建国 known so far as ``Official:王建国`` becomes
``Official:王建国@青川区`` once a 王建国 of another region appears, and an unscoped post
``Post:副区长`` joins ``Post:副区长@青川区``.  :func:`kg.neo4j.store.load_graph` MERGEs the new ids and
their relationships; :func:`prune_stale` then removes, in transactions, the nodes and relationships
that an earlier load of *these* articles wrote and this graph no longer has, so that loading every
batch's graph in turn leaves the database exactly as one load of the last graph.

Only what comes entirely from the graph's articles is removed: a node is stale when its id is not in
the graph and all its ``articles`` are the graph's; a relationship when it is not in the graph and
its ``article`` (for ``HOLDS_POST``/``IN_SERIES``, all its ``articles``) is the graph's.  A second
corpus loaded into the same database (other articles) is never touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import neo4j

from ..graph import KnowledgeGraph
from ..model import LABELS, SUMMARY_TYPES

_CANDIDATES = ("UNWIND $ids AS id MATCH (n)-[:MENTIONED_IN]->(:Article {id: id})\n"
               "RETURN DISTINCT elementId(n) AS eid, n.id AS id, n.name AS name, labels(n) AS labels, "
               "n.articles AS articles")
_DELETE = ("UNWIND $rels AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r\n"
           "WITH count(*) AS done UNWIND $nodes AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n")


def _out_rels(label: str) -> str:
    if label not in LABELS:  # labels cannot be parameters: allow-listed literal only
        raise ValueError(f"label {label!r} is not one of kg's")
    return (f"UNWIND $ids AS id MATCH (a:{label} {{id: id}})-[r]->(b)\n"
            "RETURN elementId(r) AS eid, a.id AS source, b.id AS target, type(r) AS type, r.key AS key, "
            "r.article AS article, r.articles AS articles")


def prune_stale(session: neo4j.Session, graph: KnowledgeGraph, stats: Any, *, batch_size: int = 5000) -> None:
    """Remove the nodes and relationships of the graph's articles that the graph no longer has;
    counts go to ``stats`` (a :class:`kg.neo4j.store.LoadStats`), one line per removed node to
    ``stats.changes`` (``Official:王建国 → Official:王建国@临川县, Official:王建国@青川区``)."""
    g = graph.nx
    articles: set[str] = set()
    by_label: dict[str, list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        articles.update(d.get("articles") or ())
        by_label[str(d.get("label"))].append(n)

    def ours(arts: Any) -> bool:
        return bool(arts) and set(arts) <= articles

    stale_nodes: dict[str, tuple[str, str, str]] = {}  # elementId -> (id, label, name)
    for ids in _chunks(sorted(by_label.get("Article", [])), batch_size):
        for rec in session.execute_read(_fetch, _CANDIDATES, ids):
            if rec["id"] not in g and ours(rec["articles"]):
                label = next((x for x in rec["labels"] if x in LABELS), "")
                stale_nodes[rec["eid"]] = (rec["id"], label, rec["name"])
    stale_ids = {v[0] for v in stale_nodes.values()}
    stale_rels: list[str] = []
    for label, nodes in sorted(by_label.items()):
        if label not in LABELS:
            continue
        for ids in _chunks(sorted(nodes), batch_size):
            for rec in session.execute_read(_fetch, _out_rels(label), ids):
                if rec["target"] in stale_ids or g.has_edge(rec["source"], rec["target"], key=rec["key"]):
                    continue
                arts = rec["articles"] if rec["type"] in SUMMARY_TYPES else [rec["article"]]
                if ours(arts):
                    stale_rels.append(rec["eid"])
    if not stale_nodes and not stale_rels:
        return
    named: dict[tuple[str, str], list[str]] = defaultdict(list)
    wanted = {(label, name) for _, label, name in stale_nodes.values()}
    for n, d in g.nodes(data=True):
        if (d.get("label"), d.get("name")) in wanted:
            named[(d["label"], d["name"])].append(n)
    # one transaction per chunk: a re-keyed person's old node goes in the same transaction as its
    # stale relationships, after its new ids and relationships were written
    node_items = sorted(stale_nodes.items(), key=lambda x: x[1])
    for i in range(0, max(len(node_items), len(stale_rels)), batch_size):
        nodes = [eid for eid, _ in node_items[i:i + batch_size]]
        rels = stale_rels[i:i + batch_size]
        counters = session.execute_write(_delete, nodes, rels)
        stats.nodes_removed += counters.nodes_deleted
        stats.relationships_removed += counters.relationships_deleted
    for _, (nid, label, name) in node_items:
        now = sorted(named.get((label, name), []))
        stats.changes.append(f"{nid} → {', '.join(now)}" if now else f"{nid} removed: no longer in the graph")


def _fetch(tx: neo4j.ManagedTransaction, query: str, ids: list[str]) -> list[Any]:
    return list(tx.run(query, ids=ids))


def _delete(tx: neo4j.ManagedTransaction, nodes: list[str], rels: list[str]) -> Any:
    return tx.run(_DELETE, nodes=nodes, rels=rels).consume().counters


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
