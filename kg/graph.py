"""`KnowledgeGraph`: the networkx multigraph kg builds, with the everyday questions as methods.

The graph is a :class:`networkx.MultiDiGraph`.  Node ids are the deterministic keys of
:func:`kg.model.node_key`; every node has ``label``, ``name``, ``mentions`` and ``articles``.
Every edge has ``type``, ``article``, ``evidence``, ``rule`` and, where known, ``date``; its
multigraph key is ``TYPE|article`` so the same fact reported by two articles is two edges,
each with its own evidence.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import GraphFormatError, KgError
from .model import SUMMARY_TYPES, Edge, Extraction, Node

FORMAT_VERSION = 1


class KnowledgeGraph:
    """A knowledge graph of officials, meetings, places and the articles that mention them.

    Build one with :func:`kg.build`, or load one with :meth:`from_json`.  ``.nx`` is the
    underlying :class:`networkx.MultiDiGraph`; use it for anything the methods here do not answer.
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.nx: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph()

    # -- building ---------------------------------------------------------------------------------

    def add_node(self, node: Node) -> str:
        """Add one mention of ``node``; repeated mentions merge and are counted."""
        key = node.key
        article = node.provenance.article if node.provenance else None
        if key not in self.nx:
            self.nx.add_node(key, label=node.label, name=node.name, mentions=0, articles=[])
        data = self.nx.nodes[key]
        data["mentions"] += 1
        if article:
            _insort_unique(data["articles"], article)
        for k, v in node.attrs:
            if k == "region":
                if article and v:
                    _insort_unique(data.setdefault("article_regions", []), f"{article}|{v}")
            elif k == "title":
                _merge_title(data, v, node.provenance.date if node.provenance else None)
            elif v and not data.get(k):
                data[k] = v
        return key

    def add_edge(self, edge: Edge) -> None:
        """Add ``edge``; the first evidence for a (type, source, target, article) is kept."""
        for end in (edge.source, edge.target):
            if end not in self.nx:
                raise KgError(f"edge {edge.type} refers to unknown node {end!r}")
        p = edge.provenance
        if edge.type in SUMMARY_TYPES:
            self._add_summary_edge(edge)
            return
        if self.nx.has_edge(edge.source, edge.target, key=edge.key):
            return
        attrs: dict[str, Any] = {"type": edge.type, "article": p.article, "evidence": p.evidence, "rule": p.rule}
        if p.date:
            attrs["date"] = p.date
            if p.date_precision:
                attrs["date_precision"] = p.date_precision
            if p.date_phrase:
                attrs["date_phrase"] = p.date_phrase
        self.nx.add_edge(edge.source, edge.target, key=edge.key, **attrs)

    def _add_summary_edge(self, edge: Edge) -> None:
        p = edge.provenance
        new = {"type": edge.type, "article": p.article, "evidence": p.evidence, "rule": p.rule,
               "first_seen": p.date, "last_seen": p.date, "articles": [p.article]}
        if not self.nx.has_edge(edge.source, edge.target, key=edge.key):
            self.nx.add_edge(edge.source, edge.target, key=edge.key, **{k: v for k, v in new.items() if v})
            return
        _merge_summary(self.nx.edges[edge.source, edge.target, edge.key], new)

    def add_extraction(self, extraction: Extraction) -> None:
        """Merge one article's extraction into the graph."""
        for node in extraction.nodes:
            self.add_node(node)
        for edge in extraction.edges:
            self.add_edge(edge)

    def merge(self, other: KnowledgeGraph) -> None:
        """Merge another graph into this one (mention counts add up, article lists join)."""
        for key, data in other.nx.nodes(data=True):
            if key not in self.nx:
                self.nx.add_node(key, **_copy(data))
                continue
            mine = self.nx.nodes[key]
            mine["mentions"] = mine.get("mentions", 0) + data.get("mentions", 0)
            mine["articles"] = sorted(set(mine.get("articles", [])) | set(data.get("articles", [])))
            if data.get("article_regions"):
                mine["article_regions"] = sorted(set(mine.get("article_regions", [])) | set(data["article_regions"]))
            for t, d in _title_dates(data).items():
                _merge_title(mine, t, d or None)
            for k, v in data.items():
                if k not in mine:
                    mine[k] = _copy(v)
        for u, v, k, data in other.nx.edges(keys=True, data=True):
            if not self.nx.has_edge(u, v, key=k):
                self.nx.add_edge(u, v, key=k, **_copy(data))
            elif data.get("type") in SUMMARY_TYPES:
                _merge_summary(self.nx.edges[u, v, k], data)

    # -- looking things up ---------------------------------------------------------------------

    def find(self, name: str, label: str | None = None) -> list[str]:
        """Node ids whose name is ``name`` (or whose id is ``name``), optionally of one label."""
        if name in self.nx and (label is None or self.nx.nodes[name].get("label") == label):
            return [name]
        return sorted(
            n for n, d in self.nx.nodes(data=True)
            if d.get("name") == name and (label is None or d.get("label") == label)
        )

    def node(self, name: str, label: str | None = None) -> dict[str, Any]:
        """The attributes of the one node called ``name`` (with its ``id``); raises if none or several."""
        ids = self.find(name, label)
        if not ids:
            raise KgError(f"no node named {name!r}" + (f" with label {label}" if label else ""))
        if len(ids) > 1:
            raise KgError(f"{name!r} is ambiguous: {', '.join(ids)}; pass a node id or a label")
        return {"id": ids[0], **self.nx.nodes[ids[0]]}

    def nodes(self, label: str | None = None) -> list[dict[str, Any]]:
        """All nodes (optionally of one label), most mentioned first, each with its ``id``."""
        rows = [{"id": n, **d} for n, d in self.nx.nodes(data=True) if label is None or d.get("label") == label]
        return sorted(rows, key=lambda r: (-r.get("mentions", 0), r["id"]))

    def officials(self) -> list[dict[str, Any]]:
        """Officials, most mentioned first."""
        return self.nodes("Official")

    def edges(self, type: str | None = None) -> list[dict[str, Any]]:
        """All edges (optionally of one type) with ``source`` and ``target`` ids."""
        return [
            {"source": u, "target": v, **d}
            for u, v, d in sorted(self.nx.edges(data=True), key=_edge_sort_key)
            if type is None or d.get("type") == type
        ]

    def meetings_of(self, official: str, *, role: str | None = None) -> list[dict[str, Any]]:
        """Meetings an official chaired or attended: rows of meeting, role, date, article, evidence.

        ``role`` is ``"chaired"`` or ``"attended"`` to keep one kind only.
        """
        types = {"chaired": ("CHAIRED",), "attended": ("ATTENDED",), None: ("CHAIRED", "ATTENDED")}.get(role)
        if types is None:
            raise KgError(f"role must be 'chaired' or 'attended', not {role!r}")
        src = self._id(official, "Official")
        rows = []
        for _, v, d in self.nx.out_edges(src, data=True):
            if d["type"] in types:
                rows.append({"meeting": self.nx.nodes[v]["name"], "id": v, "role": d["type"].lower(),
                             "date": d.get("date") or self.nx.nodes[v].get("date"),
                             "article": d["article"], "evidence": d["evidence"]})
        return sorted(rows, key=lambda r: (r["date"] or "", r["meeting"], r["article"]))

    def attendees(self, meeting: str) -> list[dict[str, Any]]:
        """Who chaired or attended a meeting: rows of name, label, role, title."""
        dst = self._id(meeting, "Meeting")
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for u, _, d in self.nx.in_edges(dst, data=True):
            if d["type"] in ("CHAIRED", "ATTENDED"):
                n = self.nx.nodes[u]
                rows.setdefault((u, d["type"]), {"name": n["name"], "id": u, "label": n["label"],
                                                 "role": d["type"].lower(), "title": n.get("title")})
        return sorted(rows.values(), key=lambda r: (r["role"] != "chaired", r["name"]))

    def inspections(self, official: str, *, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """What an official (or organization) inspected, in date order, optionally between ISO dates.

        Inspections without a known date are kept only when no range is given.
        """
        src = self._id(official)
        rows = []
        for _, v, d in self.nx.out_edges(src, data=True):
            if d["type"] != "INSPECTED":
                continue
            date = d.get("date")
            if (since or until) and not date:
                continue
            if since and date < since or until and date > until:
                continue
            n = self.nx.nodes[v]
            rows.append({"target": n["name"], "id": v, "label": n["label"], "date": date,
                         "article": d["article"], "evidence": d["evidence"]})
        return sorted(rows, key=lambda r: (r["date"] or "", r["article"], r["target"]))

    def timeline(self, official: str) -> list[dict[str, Any]]:
        """An official's dated events (chaired, attended, inspected) in date order, with evidence."""
        src = self._id(official)
        rows = []
        for _, v, d in self.nx.out_edges(src, data=True):
            if d["type"] in ("CHAIRED", "ATTENDED", "INSPECTED") and d.get("date"):
                n = self.nx.nodes[v]
                rows.append({"date": d["date"], "precision": d.get("date_precision"), "type": d["type"],
                             "target": n["name"], "id": v, "label": n["label"], "article": d["article"],
                             "evidence": d["evidence"]})
        return sorted(rows, key=lambda r: (r["date"], r["type"] != "CHAIRED", r["target"], r["article"]))

    def posts(self, official: str) -> list[dict[str, Any]]:
        """The posts an official held, in the order first seen: post, scope, first_seen, last_seen, articles."""
        src = self._id(official)
        rows = []
        for _, v, d in self.nx.out_edges(src, data=True):
            if d["type"] == "HOLDS_POST":
                n = self.nx.nodes[v]
                rows.append({"post": n["name"], "id": v, "first_seen": d.get("first_seen"),
                             "last_seen": d.get("last_seen"), "articles": list(d.get("articles", []))})
        return sorted(rows, key=lambda r: (r["first_seen"] or "", r["post"]))

    def contents(self, container: str) -> list[dict[str, Any]]:
        """What lies in a street, region or community (directly, by ``LOCATED_IN``)."""
        dst = self._id(container)
        seen: dict[str, dict[str, Any]] = {}
        for u, _, d in self.nx.in_edges(dst, data=True):
            if d["type"] == "LOCATED_IN" and u not in seen:
                n = self.nx.nodes[u]
                seen[u] = {"name": n["name"], "id": u, "label": n["label"]}
        return sorted(seen.values(), key=lambda r: (r["label"], r["name"]))

    def evidence(self, source: str, target: str, type: str | None = None) -> list[dict[str, Any]]:
        """The sentences behind the edges from ``source`` to ``target`` (every article, every type)."""
        u, v = self._id(source), self._id(target)
        return [
            {"type": d["type"], "article": d["article"], "evidence": d["evidence"],
             "date": d.get("date"), "rule": d.get("rule")}
            for _, w, d in sorted(self.nx.out_edges(u, data=True), key=_edge_sort_key)
            if w == v and (type is None or d["type"] == type)
        ]

    def subgraph(self, name: str, *, depth: int = 1, include_articles: bool = False) -> KnowledgeGraph:
        """The neighbourhood of a node, ``depth`` hops in either direction, as a new graph."""
        center = self._id(name)
        g = self.nx if include_articles else self.nx.subgraph(
            [n for n, d in self.nx.nodes(data=True) if d.get("label") != "Article" or n == center])
        keep = nx.ego_graph(g, center, radius=depth, undirected=True).nodes
        return KnowledgeGraph(self.nx.subgraph(keep).copy())

    def counts(self) -> dict[str, Counter[str]]:
        """Counts of nodes by label and of edges by type."""
        return {
            "nodes": Counter(d.get("label", "?") for _, d in self.nx.nodes(data=True)),
            "edges": Counter(d.get("type", "?") for _, _, d in self.nx.edges(data=True)),
        }

    def _id(self, name: str, label: str | None = None) -> str:
        return str(self.node(name, label)["id"])

    def __len__(self) -> int:
        return int(self.nx.number_of_nodes())

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.nx.number_of_nodes()} nodes, {self.nx.number_of_edges()} edges>"

    # -- serialization ---------------------------------------------------------------------------

    def to_dict(self, *, copy: bool = True) -> dict[str, Any]:
        """Node-link data (SCHEMA.md's JSON export), with nodes and edges in a stable order.

        ``copy=False`` shares the attribute values with the graph (lists and dicts are not copied):
        cheaper for output that is serialized at once, as :meth:`to_json` does.
        """
        cp = _copy if copy else _same
        nodes = [{"id": n, **cp(d)} for n, d in sorted(self.nx.nodes(data=True))]
        edges = [{"source": u, "target": v, "key": k, **cp(d)}
                 for u, v, k, d in sorted(self.nx.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
        return {"directed": True, "multigraph": True,
                "graph": {"format": "kg", "version": FORMAT_VERSION, **cp(self.nx.graph)},
                "nodes": nodes, "edges": edges}

    def to_json(self, path: str | Path | None = None) -> str:
        """Serialize to JSON (byte-identical for the same graph); write it to ``path`` if given."""
        text = json.dumps(self.to_dict(copy=False), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KnowledgeGraph:
        """Rebuild a graph from :meth:`to_dict` output (or any node-link data with ``label``/``name``)."""
        try:
            edges_key = "edges" if "edges" in data else "links"
            g = nx.MultiDiGraph()
            g.graph.update({k: v for k, v in data.get("graph", {}).items() if k not in ("format", "version")})
            for n in data["nodes"]:
                attrs = {k: v for k, v in n.items() if k != "id"}
                attrs.setdefault("mentions", 0)
                attrs.setdefault("articles", [])
                g.add_node(n["id"], **attrs)
            for e in data[edges_key]:
                attrs = {k: v for k, v in e.items() if k not in ("source", "target", "key")}
                key = e.get("key") or f"{attrs.get('type')}|{attrs.get('article')}"
                g.add_edge(e["source"], e["target"], key=key, **attrs)
        except (KeyError, TypeError, AttributeError) as exc:
            raise GraphFormatError(f"not a kg node-link graph: missing or bad field {exc}") from exc
        return cls(g)

    @classmethod
    def from_json(cls, source: str | Path) -> KnowledgeGraph:
        """Load a graph written by :meth:`to_json`; ``source`` is a path or a JSON string."""
        text = str(source)
        if not text.lstrip().startswith("{"):
            try:
                text = Path(source).read_text(encoding="utf-8")
            except OSError as exc:
                raise GraphFormatError(f"{source}: cannot read graph: {exc.strerror or exc}") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GraphFormatError(f"{source if len(str(source)) < 200 else 'graph'}: invalid JSON: {exc}") from exc
        return cls.from_dict(data)

    def _flat(self) -> nx.MultiDiGraph:
        """A copy with list values joined, since GraphML and GEXF take scalars only."""
        g = nx.MultiDiGraph()
        g.graph.update({k: _scalar(v) for k, v in self.nx.graph.items()})
        for n, d in sorted(self.nx.nodes(data=True)):
            g.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
        for u, v, k, d in sorted(self.nx.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            g.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items() if b is not None})
        return g

    def write_graphml(self, path: str | Path) -> None:
        """Write GraphML (lists such as ``articles`` become ``;``-joined strings)."""
        nx.write_graphml(self._flat(), str(path))

    def write_gexf(self, path: str | Path) -> None:
        """Write GEXF for Gephi (lists become ``;``-joined strings)."""
        nx.write_gexf(self._flat(), str(path))

    # -- notebooks: DataFrames, pyvis, inline display (the wings are imported when asked for) ----------

    def to_pandas(self) -> tuple[Any, Any]:
        """``(nodes, edges)`` as pandas DataFrames with every property (:mod:`kg.frames`; needs ``kg[pandas]``)."""
        from .frames import to_pandas

        return to_pandas(self)

    @classmethod
    def from_pandas(cls, nodes: Any, edges: Any) -> KnowledgeGraph:
        """The graph back from :meth:`to_pandas` frames."""
        from .frames import from_pandas

        return from_pandas(nodes, edges)

    def to_pyvis(self, **options: Any) -> Any:
        """A :class:`pyvis.network.Network` of this graph, styled like the HTML view, that works offline.

        Takes the view's focus options (``around``, ``depth``, ``labels``, ``types``, ``since``,
        ``until``, ``min_mentions``, ``include_articles``) and ``height``/``width``; see
        :func:`kg.view.notebook.to_pyvis`.
        """
        from .view.notebook import to_pyvis

        return to_pyvis(self, **options)

    def _repr_html_(self) -> str:
        """Jupyter shows a graph as the interactive view (self-contained, offline, in a sandboxed frame)."""
        from .view.notebook import repr_html

        return repr_html(self)


def _merge_title(data: dict[str, Any], title: str, date: str | None) -> None:
    """Record a title of an official; ``title`` becomes the latest specific one, whatever the input order.

    A specific post (副区长) beats a generic one (区领导); among posts the most recently dated wins, then
    the longer (区委副书记、区长 over 区长), then the first in sort order.  ``titles`` lists every title
    seen; ``title_date`` is the last date the chosen title was seen.
    """
    seen = _title_dates(data)
    if title not in seen or (date or "") > seen[title]:
        seen[title] = date or ""
    data["titles"] = sorted(seen)
    data["title_seen"] = sorted(f"{t}|{d}" for t, d in seen.items())
    best = max(seen, key=lambda t: (not t.endswith("领导"), seen[t], len(t), [-ord(c) for c in t]))
    data["title"] = best
    if seen[best]:
        data["title_date"] = seen[best]
    else:
        data.pop("title_date", None)


def _title_dates(data: dict[str, Any]) -> dict[str, str]:
    """title -> last date seen, from the ``title_seen`` list (``"副区长|2024-03-06"``)."""
    out: dict[str, str] = {}
    for item in data.get("title_seen", []):
        t, _, d = str(item).rpartition("|")
        out[t] = d
    return out


def _merge_summary(mine: dict[str, Any], new: dict[str, Any]) -> None:
    """Combine two summaries of one (source, target) fact: seen from first to last, in these articles.
    The evidence kept is the earliest article's, so the result does not depend on input order."""
    def first(d: dict[str, Any]) -> tuple[str, str]:
        return (d.get("first_seen") or "9999", d.get("article") or "")
    if first(new) < first(mine):
        for k in ("article", "evidence", "rule"):
            if new.get(k):
                mine[k] = new[k]
    dates = [d for d in (mine.get("first_seen"), new.get("first_seen")) if d]
    if dates:
        mine["first_seen"] = min(dates)
    dates = [d for d in (mine.get("last_seen"), new.get("last_seen")) if d]
    if dates:
        mine["last_seen"] = max(dates)
    arts = new.get("articles", [])
    if len(arts) == 1 and isinstance(mine.get("articles"), list):
        _insort_unique(mine["articles"], arts[0])
    else:
        mine["articles"] = sorted(set(mine.get("articles", [])) | set(arts))


def _insort_unique(items: list[Any], item: Any) -> None:
    """Insert ``item`` into the sorted list ``items`` unless it is there (a binary search, not a scan and a
    sort: a node mentioned by 100,000 articles would otherwise cost a quadratic build)."""
    i = bisect.bisect_left(items, item)
    if i == len(items) or items[i] != item:
        items.insert(i, item)


def _copy(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _copy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_copy(x) for x in v]
    return v


def _same(v: Any) -> Any:
    return v


def _scalar(v: Any) -> Any:
    if isinstance(v, (list, tuple, set)):
        return ";".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def _edge_sort_key(e: tuple[Any, ...]) -> tuple[str, ...]:
    d = e[-1]
    return (str(e[0]), str(e[1]), d.get("type", ""), d.get("article", ""))


def union(graphs: Iterable[KnowledgeGraph]) -> KnowledgeGraph:
    """Merge several graphs into a new one."""
    out = KnowledgeGraph()
    for g in graphs:
        out.merge(g)
    return out
