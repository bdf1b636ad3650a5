"""The interactive HTML view of a knowledge graph: one self-contained, offline, hostile-text-safe page.

>>> from kg.view import write_html
>>> write_html(graph, "out/graph.html", around="程远航", depth=2)   # doctest: +SKIP

The page inlines vis-network (``kg/view/assets/``, see its README) and a small viewer script; it
loads nothing from the network (a Content-Security-Policy says so to the browser, too).  Graph data
travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped, and every piece of article text reaches the screen through ``textContent``,
never ``innerHTML``, so a title such as ``<img src=x onerror=...>`` is shown, not run.

Small graphs settle with vis-network physics (bounded stabilisation, then physics off).  Above
:data:`PHYSICS_LIMIT` nodes the layout is precomputed in Python (:mod:`kg.view.layout`) and physics
stays off, so 5,000 nodes / 10,000 edges open in a second or two.  Above :data:`MAX_NODES` nodes or
:data:`MAX_EDGES` edges only the most mentioned part is drawn and the page says so.

pyvis (a kg dependency) is not used for the page itself: its templates link CDNs and put titles into
``innerHTML``.  Colours and shapes follow vis-network's option names, so they also work with pyvis.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date as _date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ViewError
from ..graph import KnowledgeGraph
from ..model import LABELS, REL_TYPES
from .layout import layout as _layout

#: Up to this many nodes the browser lays the graph out with physics (bounded); above, Python does.
PHYSICS_LIMIT = 300
#: Edge labels are drawn up to this many edges (above, the type shows in the tooltip and legend only).
EDGE_LABEL_LIMIT = 1500
#: Hard limits: beyond them only the most mentioned nodes (and the edges between them) are drawn.
MAX_NODES = 10_000
MAX_EDGES = 25_000

#: Colour and vis-network shape per node label (shapes that take the label below, so size shows mentions).
LABEL_STYLES: dict[str, dict[str, str]] = {
    "Official": {"color": "#d62728", "shape": "dot"},
    "Person": {"color": "#ff7f0e", "shape": "dot"},
    "Meeting": {"color": "#9467bd", "shape": "diamond"},
    "Project": {"color": "#2ca02c", "shape": "square"},
    "Street": {"color": "#1f77b4", "shape": "triangle"},
    "Community": {"color": "#17becf", "shape": "triangleDown"},
    "Region": {"color": "#393b79", "shape": "hexagon"},
    "Organization": {"color": "#8c564b", "shape": "star"},
    "Place": {"color": "#bcbd22", "shape": "triangle"},
    "Article": {"color": "#7f7f7f", "shape": "square"},
    "Post": {"color": "#e377c2", "shape": "diamond"},
}
_OTHER_LABEL = {"color": "#aaaaaa", "shape": "dot"}
#: Colour and a Chinese gloss per relationship type.
TYPE_STYLES: dict[str, dict[str, str]] = {
    "CHAIRED": {"color": "#c0392b", "gloss": "主持"},
    "ATTENDED": {"color": "#8e44ad", "gloss": "出席"},
    "INSPECTED": {"color": "#27ae60", "gloss": "调研/检查"},
    "LOCATED_IN": {"color": "#2980b9", "gloss": "位于"},
    "MENTIONED_IN": {"color": "#b0b0b0", "gloss": "提及"},
    "WROTE": {"color": "#e67e22", "gloss": "撰稿"},
    "HOLDS_POST": {"color": "#d35400", "gloss": "任职"},
}
_OTHER_TYPE = {"color": "#888888", "gloss": ""}


def node_size(mentions: int) -> float:
    """Drawn size of a node: grows with the logarithm of mentions, 1 → 15, 10 → 27, 100 → 43 (capped at 48).
    view.js computes the same in the browser; the pyvis network (:mod:`kg.view.notebook`) takes it from here."""
    return min(48.0, 10 + 5 * math.log2(1 + max(0, mentions)))
_ASSETS = "assets"
_SHOWN_NODE_ATTRS = ("label", "name", "mentions", "articles", "title", "titles", "title_date", "date")


def write_html(graph: KnowledgeGraph, path: str | Path, *, title: str | None = None,
               around: str | None = None, depth: int = 1, labels: Iterable[str] | None = None,
               types: Iterable[str] | None = None, since: str | None = None, until: str | None = None,
               min_mentions: int = 0, include_articles: bool = False, max_nodes: int = MAX_NODES,
               max_edges: int = MAX_EDGES, physics_limit: int = PHYSICS_LIMIT) -> Path:
    """Write the interactive view of ``graph`` to ``path`` (one self-contained HTML file) and return the path.

    The focus options narrow what is shown, in this order: ``around`` a node (its ``depth``-hop
    neighbourhood; Article nodes only with ``include_articles``), ``labels`` (node labels to keep),
    ``types`` (relationship types to keep), ``since``/``until`` (ISO dates, inclusive, on the edge
    ``date``; undated edges drop out), ``min_mentions``.  When ``types`` or a date range is given,
    nodes left without edges are dropped too.  ``title`` heads the page (default: the graph's
    ``title``/``corpus`` attribute).  Raises :class:`kg.ViewError` (or :class:`kg.KgError` for an
    unknown or ambiguous ``around`` name) on bad options; creates missing parent directories.
    """
    text = render_html(graph, title=title, around=around, depth=depth, labels=labels, types=types,
                       since=since, until=until, min_mentions=min_mentions,
                       include_articles=include_articles, max_nodes=max_nodes, max_edges=max_edges,
                       physics_limit=physics_limit)
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ViewError(f"{out}: cannot write the view: {exc.strerror or exc}") from exc
    return out


def render_html(graph: KnowledgeGraph, **options: Any) -> str:
    """The HTML text :func:`write_html` writes (same keyword options)."""
    physics_limit = int(options.pop("physics_limit", PHYSICS_LIMIT))
    max_nodes = int(options.pop("max_nodes", MAX_NODES))
    max_edges = int(options.pop("max_edges", MAX_EDGES))
    title = options.pop("title", None)
    view, focus = select(graph, **options)
    payload = _payload(graph, view, focus, title=title, max_nodes=max_nodes, max_edges=max_edges,
                       physics_limit=physics_limit)
    return _assemble(payload)


def select(graph: KnowledgeGraph, *, around: str | None = None, depth: int = 1,
           labels: Iterable[str] | None = None, types: Iterable[str] | None = None,
           since: str | None = None, until: str | None = None, min_mentions: int = 0,
           include_articles: bool = False) -> tuple[KnowledgeGraph, list[str]]:
    """The focused part of ``graph`` that the view shows, and a description of each filter applied."""
    focus: list[str] = []
    view = graph
    center = None
    if around:
        if depth < 0:
            raise ViewError(f"depth must be 0 or more, not {depth}")
        center = graph.node(around)["id"]
        view = graph.subgraph(center, depth=depth, include_articles=include_articles)
        focus.append(f"around {graph.nx.nodes[center].get('name', center)} (depth {depth})")
    g = view.nx.copy()
    if labels:
        wanted = _check(labels, LABELS, (d.get("label") for _, d in graph.nx.nodes(data=True)), "label")
        g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if d.get("label") not in wanted
                             and n != center])
        focus.append("labels " + ", ".join(sorted(wanted)))
    prune = False
    if types:
        kinds = _check(types, REL_TYPES, (d.get("type") for *_, d in graph.nx.edges(data=True)), "type")
        g.remove_edges_from([(u, v, k) for u, v, k, d in list(g.edges(keys=True, data=True))
                             if d.get("type") not in kinds])
        focus.append("types " + ", ".join(sorted(kinds)))
        prune = True
    if since or until:
        lo, hi = _iso(since, "since"), _iso(until, "until")
        if lo and hi and lo > hi:
            raise ViewError(f"--since {lo} is after --until {hi}")
        g.remove_edges_from([(u, v, k) for u, v, k, d in list(g.edges(keys=True, data=True))
                             if not _in_range(d.get("date"), lo, hi)])
        focus.append(f"dated {lo or '…'} – {hi or '…'}")
        prune = True
    if center is not None:
        g.graph["view_center"] = center
    if prune:
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0 and n != center])
    if min_mentions > 0:
        g.remove_nodes_from([n for n, d in list(g.nodes(data=True))
                             if (d.get("mentions") or 0) < min_mentions and n != center])
        focus.append(f"mentioned ≥ {min_mentions}×")
    return KnowledgeGraph(g), focus


def _check(given: Iterable[str], known: tuple[str, ...], present: Iterable[Any], what: str) -> set[str]:
    allowed = set(known) | {p for p in present if isinstance(p, str)}
    if isinstance(given, str):  # types="CHAIRED,ATTENDED" from Python, as on the command line
        given = [given]
    wanted = {s.strip() for item in given for s in str(item).split(",") if s.strip()}
    bad = sorted(wanted - allowed)
    if bad:
        raise ViewError(f"unknown {what} {', '.join(bad)}; known: {', '.join(sorted(allowed))}")
    return wanted


def _iso(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return _date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ViewError(f"--{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def _in_range(value: Any, lo: str | None, hi: str | None) -> bool:
    if not value:
        return False
    day = str(value)[:10]
    return (lo is None or day >= lo) and (hi is None or day <= hi)


# -- the data the page draws ---------------------------------------------------------------------

def _payload(full: KnowledgeGraph, view: KnowledgeGraph, focus: list[str], *, title: str | None,
             max_nodes: int, max_edges: int, physics_limit: int) -> dict[str, Any]:
    g = view.nx
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    node_ids = sorted(g.nodes, key=lambda n: (-(g.nodes[n].get("mentions") or 0), -g.degree(n), str(n)))
    warning = None
    if total_nodes > max_nodes or total_edges > max_edges:
        node_ids = node_ids[:max_nodes]
    keep = set(node_ids)
    edge_rows = sorted(((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
                        if u in keep and v in keep),
                       key=lambda e: (str(e[3].get("date") or ""), str(e[0]), str(e[1]), str(e[2])))
    if len(edge_rows) > max_edges:
        edge_rows = edge_rows[-max_edges:]  # the latest
    if len(node_ids) < total_nodes or len(edge_rows) < total_edges:
        warning = (f"This graph has {total_nodes:,} nodes and {total_edges:,} edges, more than the view "
                   f"draws (at most {max_nodes:,} nodes and {max_edges:,} edges). Shown: the "
                   f"{len(node_ids):,} most mentioned nodes and {len(edge_rows):,} edges between them. "
                   "For a readable picture, focus: kg view GRAPH.json --around NAME --depth 1, "
                   "or --label, --type, --since/--until, --min-mentions.")
    index = {n: i for i, n in enumerate(node_ids)}
    big = len(node_ids) > physics_limit
    pos = _layout(node_ids, ((u, v) for u, v, _, _ in edge_rows))

    edge_dates: dict[str, list[str]] = {}
    for u, v, _, d in edge_rows:
        if d.get("date"):
            edge_dates.setdefault(u, []).append(str(d["date"]))
            edge_dates.setdefault(v, []).append(str(d["date"]))
    articles = _articles(full)
    used_articles: set[str] = set()
    nodes = []
    for n in node_ids:
        d = g.nodes[n]
        row: dict[str, Any] = {"key": str(n), "name": _text(d.get("name") or n),
                               "label": _text(d.get("label") or "?"), "mentions": _int(d.get("mentions")),
                               "x": pos[n][0], "y": pos[n][1]}
        for attr in ("title", "date"):
            if d.get(attr):
                row[attr] = _text(d[attr])
        if row["label"] == "Article" and row.get("title"):  # an article is drawn by its title, not its id
            row["caption"] = _text(row["title"], 18)
        if isinstance(d.get("titles"), list) and len(d["titles"]) > 1:
            row["titles"] = [_text(t) for t in d["titles"]]
        dates = sorted(edge_dates.get(n, ()))
        if dates:
            row["span"] = [dates[0], dates[-1]]
        arts = [str(a) for a in d.get("articles") or []]
        if arts:
            row["articles"] = arts
            used_articles.update(arts)
        extra = {str(k): _text(v) for k, v in d.items() if k not in _SHOWN_NODE_ATTRS and _scalarish(v)}
        if extra:
            row["extra"] = extra
        nodes.append(row)
    edges = []
    for u, v, _, d in edge_rows:
        row = {"from": index[u], "to": index[v], "type": _text(d.get("type") or "?"),
               "evidence": _text(d.get("evidence") or "")}
        for attr in ("date", "article", "rule"):
            if d.get(attr):
                row[attr] = _text(d[attr])
        if d.get("article"):
            used_articles.add(str(d["article"]))
        edges.append(row)

    label_counts = Counter(r["label"] for r in nodes)
    type_counts = Counter(r["type"] for r in edges)
    all_dates = sorted({str(e["date"])[:10] for e in edges if e.get("date")}
                       | {str(r["date"])[:10] for r in nodes
                          if r.get("date") and r["label"] in ("Meeting", "Article")})
    heading = _text(title or full.nx.graph.get("title") or full.nx.graph.get("corpus") or "Knowledge graph")
    return {
        "meta": {
            "title": heading,
            "focus": focus,
            "counts": {"nodes": len(nodes), "edges": len(edges), "total_nodes": total_nodes,
                       "total_edges": total_edges},
            "dates": [all_dates[0], all_dates[-1]] if all_dates else None,
            "warning": warning,
            "center": index.get(g.graph.get("view_center")),
            "physics": not big,
            "edge_labels": len(edges) <= EDGE_LABEL_LIMIT,
            "articles_in_graph": sum(1 for _, d in full.nx.nodes(data=True) if d.get("label") == "Article"),
        },
        "labels": [{"name": lab, **LABEL_STYLES.get(lab, _OTHER_LABEL), "count": label_counts[lab]}
                   for lab in sorted(label_counts, key=lambda x: (_order(LABELS, x), x))],
        "types": [{"name": t, **TYPE_STYLES.get(t, _OTHER_TYPE), "count": type_counts[t]}
                  for t in sorted(type_counts, key=lambda x: (_order(REL_TYPES, x), x))],
        "nodes": nodes,
        "edges": edges,
        "articles": {a: articles[a] for a in sorted(used_articles) if a in articles},
    }


def _articles(graph: KnowledgeGraph) -> dict[str, dict[str, str]]:
    """Article id -> title/date/source/url, from the graph's Article nodes (id = key without ``Article:``)."""
    out: dict[str, dict[str, str]] = {}
    for n, d in graph.nx.nodes(data=True):
        if d.get("label") != "Article":
            continue
        info = {k: _text(d[k]) for k in ("title", "date", "source", "url", "byline") if d.get(k)}
        info.setdefault("title", _text(d.get("name") or ""))
        for aid in {str(n).split(":", 1)[-1], str(d.get("name") or ""), str(d.get("id") or "")} - {""}:
            out.setdefault(aid, info)
    return out


def _order(seq: tuple[str, ...], item: str) -> int:
    return seq.index(item) if item in seq else len(seq)


def _scalarish(v: Any) -> bool:
    return isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v) != ""


def _int(v: Any) -> int:
    try:
        return max(0, int(v or 0))
    except (TypeError, ValueError):
        return 0


def _text(v: Any, limit: int = 2000) -> str:
    """A display string: any value as text, capped (evidence is a sentence, not a book)."""
    s = v if isinstance(v, str) else ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
    return s if len(s) <= limit else s[: limit - 1] + "…"


# -- the page ----------------------------------------------------------------------------------------

def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or U+2028/U+2029 survive unescaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    try:
        return resources.files("kg.view").joinpath(_ASSETS, name).read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as exc:  # pragma: no cover - broken installation
        raise ViewError(f"kg is installed without its view assets ({_ASSETS}/{name}): {exc}") from exc


def _inline_js(code: str) -> str:
    """Script text that cannot end its ``<script>`` element early."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _assemble(payload: dict[str, Any]) -> str:
    vis = _inline_js(_asset("vis-network.min.js"))
    app = _inline_js(_asset("view.js"))
    # hashes, not 'unsafe-inline': an injected <script> or on*= handler would not run even if it got in
    csp = ("default-src 'none'; " f"script-src {_sha256(vis)} {_sha256(app)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    meta = payload["meta"]
    doc_title = meta["title"] + (" — " + "; ".join(meta["focus"]) if meta["focus"] else "")
    parts = {
        "CSP": html.escape(csp, quote=False),  # our own constant: only ' needs no escaping
        "TITLE": html.escape(doc_title, quote=False),
        "CSS": _asset("view.css").replace("</", "<\\/"),
        "DATA": script_json(payload),
        "VIS": vis,
        "APP": app,
    }
    template = _asset("view.html")
    return re.sub(r"@@KG_(CSP|TITLE|CSS|DATA|VIS|APP)@@", lambda m: parts[m.group(1)], template)

