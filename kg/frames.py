"""A knowledge graph as two pandas DataFrames, and back (``KnowledgeGraph.to_pandas`` / ``from_pandas``).

>>> nodes, edges = g.to_pandas()                          # doctest: +SKIP
>>> nodes[nodes.label == "Official"].nlargest(5, "mentions")[["name", "title", "mentions"]]  # doctest: +SKIP

``nodes`` is indexed by node id and has a column per node property; ``edges`` has ``source``,
``target`` and ``key`` (the multigraph key) and a column per edge property.  Every property of every
node and edge is there; a property a row does not have is missing (``<NA>``/``NaN``).  Lists such as
``articles`` stay Python lists.  Columns take pandas' nullable types (``Int64``, ``string``), so
integers stay integers where some rows lack them.  The graph's own attributes are in ``nodes.attrs["graph"]``.

pandas is an optional dependency (``pip install 'kg[pandas]'``); it is imported here, when asked for.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

    from .graph import KnowledgeGraph

#: Columns first, in this order, when present; the other properties follow alphabetically.
NODE_COLUMNS = ("label", "name", "title", "date", "mentions", "articles")
EDGE_COLUMNS = ("source", "target", "key", "type", "date", "date_precision", "date_phrase", "article",
                "evidence", "rule")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependencyError(
            "DataFrames need pandas, an optional dependency of kg: pip install 'kg[pandas]'") from exc
    return pandas


def to_pandas(graph: KnowledgeGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(nodes, edges)``: every node and edge of ``graph`` with every property (see the module doc)."""
    pd = _pandas()
    node_rows = [{"id": n, **d} for n, d in sorted(graph.nx.nodes(data=True), key=lambda x: str(x[0]))]
    edge_rows = [{"source": u, "target": v, "key": k, **d}
                 for u, v, k, d in sorted(graph.nx.edges(keys=True, data=True),
                                          key=lambda e: (str(e[0]), str(e[1]), str(e[2])))]
    nodes = pd.DataFrame(node_rows, columns=["id", *_columns(node_rows, NODE_COLUMNS, {"id"})])
    nodes = nodes.set_index("id").convert_dtypes()
    edges = pd.DataFrame(edge_rows, columns=_columns(edge_rows, EDGE_COLUMNS, set())).convert_dtypes()
    nodes.attrs["graph"] = dict(graph.nx.graph)
    return nodes, edges


def from_pandas(nodes: pd.DataFrame, edges: pd.DataFrame) -> KnowledgeGraph:
    """The graph that :func:`to_pandas` made these frames from (missing cells are absent properties)."""
    from .graph import KnowledgeGraph

    _pandas()
    g = nx.MultiDiGraph()
    g.graph.update(nodes.attrs.get("graph", {}))
    for node_id, row in zip(nodes.index, nodes.to_dict("records"), strict=True):
        g.add_node(_plain(node_id), **_present(row))
    for row in edges.to_dict("records"):
        attrs = _present(row)
        u, v, k = attrs.pop("source"), attrs.pop("target"), attrs.pop("key", None)
        g.add_edge(u, v, key=k if k is not None else f"{attrs.get('type')}|{attrs.get('article')}", **attrs)
    return KnowledgeGraph(g)


def _columns(rows: list[dict[str, Any]], first: tuple[str, ...], skip: set[str]) -> list[str]:
    seen: set[str] = set()
    for r in rows:
        seen.update(r)
    seen -= skip
    return [c for c in first if c in seen] + sorted(seen - set(first))


def _present(row: dict[str, Any]) -> dict[str, Any]:
    return {str(k): _plain(v) for k, v in row.items() if not _missing(v)}


def _missing(v: Any) -> bool:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return True
    return type(v).__name__ == "NAType"  # pandas.NA, without importing pandas' internals


def _plain(v: Any) -> Any:
    """numpy scalars (as cells come back from some columns) as Python values."""
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        return item()
    return v
