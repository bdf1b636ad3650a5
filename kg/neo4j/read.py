"""Reading from Neo4j: catalog queries (:func:`run_query`) and subgraphs as :class:`KnowledgeGraph`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import neo4j
import neo4j.graph as ng

from ..errors import KgError
from ..graph import KnowledgeGraph
from ..model import LABELS
from .catalog import CatalogQuery, get_query, plain
from .conn import Neo4jSettings, driver_for, settings_of, translate_errors


def run_query(query: str | CatalogQuery, params: dict[str, Any] | None = None,
              target: neo4j.Driver | Neo4jSettings | None = None,
              database: str | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a catalog query (by name or :class:`CatalogQuery`); return its columns and plain rows.

    ``params`` may hold strings as given on the command line; they are converted to the declared
    types and defaults are filled in.  ``target`` is a driver or settings (``None``: environment).
    Rows are plain data (:func:`kg.neo4j.catalog.plain`): nodes become property maps.
    """
    q = get_query(query) if isinstance(query, str) else query
    bound = q.bind(params or {})
    with driver_for(target) as (driver, settings):
        db = database or settings.database
        with translate_errors(Neo4jSettings(settings.uri, settings.user, settings.password, db)):
            records, _, keys = driver.execute_query(q.text, bound, database_=db,
                                                    routing_=neo4j.RoutingControl.READ)
    return list(keys), [{k: plain(r[k]) for k in keys} for r in records]


def read_subgraph(driver: neo4j.Driver, cypher: str | None = None, params: dict[str, Any] | None = None,
                  around: str | None = None, depth: int = 1, database: str | None = None) -> KnowledgeGraph:
    """Read a graph back from Neo4j as a :class:`KnowledgeGraph`.

    * ``cypher``: any read query; every node, relationship and path in its results is kept, and
      relationships bring their end nodes.
    * ``around``: a node name or id, with everything within ``depth`` hops in either direction.
    * neither: the whole database.

    Nodes keep their properties; the ``id`` property becomes the networkx node id (the element id
    when there is none) and the allow-listed Neo4j label becomes ``label``.  Relationships keep
    theirs, with the ``key`` property as the multigraph key.  Raises :class:`kg.errors.KgError`
    when ``around`` names no node or several.
    """
    if cypher is not None and around is not None:
        raise KgError("give either cypher or around, not both")
    settings = settings_of(driver, database)
    db = settings.database
    with translate_errors(settings):
        if around is not None:
            if not isinstance(depth, int) or isinstance(depth, bool) or not 0 <= depth <= 10:
                raise KgError(f"depth must be an integer from 0 to 10, not {depth!r}")
            found, _, _ = driver.execute_query(
                "MATCH (c) WHERE c.id = $around OR c.name = $around RETURN c.id AS id",
                {"around": around}, database_=db, routing_=neo4j.RoutingControl.READ)
            if not found:
                raise KgError(f"no node named {around!r} in Neo4j")
            if len(found) > 1:
                raise KgError(f"{around!r} is ambiguous: {', '.join(sorted(str(r['id']) for r in found))}; "
                              "pass a node id")
            # depth is a checked int: variable-length bounds cannot be parameters
            cypher = f"MATCH (c {{id: $id}}) MATCH p = (c)-[*0..{depth}]-() RETURN p"
            params = {"id": found[0]["id"]}
        if cypher is None:
            nodes, _, _ = driver.execute_query("MATCH (n) RETURN n", database_=db,
                                               routing_=neo4j.RoutingControl.READ)
            rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN r", database_=db,
                                              routing_=neo4j.RoutingControl.READ)
            records = list(nodes) + list(rels)
        else:
            records, _, _ = driver.execute_query(cypher, params or {},
                                                 database_=db, routing_=neo4j.RoutingControl.READ)
        found_nodes, found_rels = _collect(v for r in records for v in r.values())
        missing = [eid for eid, n in found_nodes.items() if n is None]
        if missing:  # end nodes of relationships the query did not return themselves
            extra, _, _ = driver.execute_query("MATCH (n) WHERE elementId(n) IN $ids RETURN n",
                                               {"ids": missing}, database_=db,
                                               routing_=neo4j.RoutingControl.READ)
            for r in extra:
                found_nodes[r["n"].element_id] = r["n"]
    return _to_graph(found_nodes, found_rels)


def _collect(values: Iterable[Any]) -> tuple[dict[str, ng.Node | None], dict[str, ng.Relationship]]:
    """Nodes (``None`` for end nodes only seen through a relationship) and relationships in values."""
    nodes: dict[str, ng.Node | None] = {}
    rels: dict[str, ng.Relationship] = {}
    stack = list(values)
    while stack:
        v = stack.pop()
        if isinstance(v, ng.Node):
            nodes[v.element_id] = v
        elif isinstance(v, ng.Relationship):
            rels[v.element_id] = v
            for end in (v.start_node, v.end_node):
                if end is not None:
                    nodes.setdefault(end.element_id, None)
        elif isinstance(v, ng.Path):
            stack.extend(v.nodes)
            stack.extend(v.relationships)
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
    return nodes, rels


def _to_graph(nodes: dict[str, ng.Node | None], rels: dict[str, ng.Relationship]) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    ids: dict[str, str] = {}
    for eid, n in sorted(nodes.items()):
        if n is None:  # pragma: no cover - deleted between the two queries
            continue
        props = dict(n.items())
        key = str(props.pop("id", eid))
        ids[eid] = key
        labels = sorted(n.labels)
        label = next((lb for lb in labels if lb in LABELS), labels[0] if labels else "?")
        props.setdefault("mentions", 0)
        props["articles"] = sorted(props.get("articles") or [])
        kg.nx.add_node(key, label=label, **props)
    for r in rels.values():
        start, end = r.start_node, r.end_node
        if start is None or end is None or start.element_id not in ids or end.element_id not in ids:
            continue  # pragma: no cover
        props = dict(r.items())
        key = str(props.pop("key", f"{r.type}|{props.get('article')}"))
        kg.nx.add_edge(ids[start.element_id], ids[end.element_id], key=key, type=r.type, **props)
    return kg
