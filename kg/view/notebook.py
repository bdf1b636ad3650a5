"""The view in notebooks: a pyvis network styled like the page, and the page itself shown inline.

>>> net = g.to_pyvis(around="程远航", depth=1)    # doctest: +SKIP
>>> net.show("wang.html")                         # doctest: +SKIP
>>> g.subgraph("程远航")                           # doctest: +SKIP   (Jupyter draws it inline)

:func:`to_pyvis` takes the part of the graph the view would draw (:func:`kg.view.html.select`, then the
view's limits) with its colours, shapes, sizes and tooltips.  Every tooltip (``title``) is HTML-escaped
text: vis-network shows a title as text, but pyvis's template moves titles that contain ``href`` into
``innerHTML``, where an article's ``<img onerror=…>`` would run.  (The price: where vis shows the title
as text, a ``<`` or ``&`` in an article shows as ``&lt;``/``&amp;``.)  The network writes one offline
file: vis-network inlined (``cdn_resources="in_line"``), pyvis's CDN links to Bootstrap dropped, a
Content-Security-Policy that forbids network access, and Jinja autoescaping for pyvis' menus.

:func:`repr_html` is ``KnowledgeGraph._repr_html_``: the view's page (:func:`kg.view.html.render_html`,
same limits) in an ``<iframe srcdoc>``, sandboxed to scripts only, so the page's own CSP applies and
nothing in it can reach the notebook.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..errors import MissingDependencyError
from ..graph import KnowledgeGraph
from .html import (
    _OTHER_LABEL,
    _OTHER_TYPE,
    EDGE_LABEL_LIMIT,
    LABEL_STYLES,
    MAX_EDGES,
    MAX_NODES,
    PHYSICS_LIMIT,
    TYPE_STYLES,
    _payload,
    node_size,
    render_html,
    select,
)

#: Height of the inline view in a notebook, in CSS pixels.
INLINE_HEIGHT = 640
_REMOTE = re.compile(r"""<link\b[^>]*\bhref=["']https?://[^>]*>"""
                     r"""|<script\b[^>]*\bsrc=["']https?://[^>]*>\s*</script>""", re.IGNORECASE)
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'\">")


def to_pyvis(graph: KnowledgeGraph, *, height: str = "750px", width: str = "100%",
             max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES, **focus: Any) -> Any:
    """A :class:`pyvis.network.Network` of ``graph`` (or of the part the focus options select).

    ``focus`` takes :func:`kg.view.html.select`'s options (``around``, ``depth``, ``labels``, ``types``,
    ``since``, ``until``, ``min_mentions``, ``include_articles``).  Nodes are coloured and shaped by
    label, sized by mentions, edges coloured by type; hovering shows the node's title, mentions and
    articles, or the edge's type, date, article and evidence.  Above the view's physics limit the
    positions are precomputed and physics is off, as in the view.
    """
    network_cls = _pyvis_network()
    view, _ = select(graph, **focus)
    data = _payload(graph, view, [], title=None, max_nodes=max_nodes, max_edges=max_edges,
                    physics_limit=PHYSICS_LIMIT)
    net = network_cls(height=height, width=width, directed=True, cdn_resources="in_line")
    _offline(net)
    articles = data["articles"]
    for n in data["nodes"]:
        style = LABEL_STYLES.get(n["label"], _OTHER_LABEL)
        # no pyvis "group": pyvis drops the colour of a node that has one
        options: dict[str, Any] = {"size": node_size(n["mentions"]), "title": _node_title(n, articles)}
        if not data["meta"]["physics"]:
            options.update(x=n["x"], y=n["y"], physics=False)
        net.add_node(n["key"], label=n.get("caption") or n["name"], shape=style["shape"], color=style["color"],
                     **options)
    keys = [n["key"] for n in data["nodes"]]
    labels = data["meta"]["edge_labels"] and len(data["edges"]) <= EDGE_LABEL_LIMIT
    parallel: dict[tuple[int, int], int] = {}
    for e in data["edges"]:
        pair = (min(e["from"], e["to"]), max(e["from"], e["to"]))
        k = parallel[pair] = parallel.get(pair, -1) + 1
        options = {"title": _edge_title(e, articles), "color": TYPE_STYLES.get(e["type"], _OTHER_TYPE)["color"]}
        if labels:
            options.update(label=e["type"], font={"size": 9, "align": "middle"})
        if k:  # parallel edges (one per article) fan out instead of lying on top of each other
            options["smooth"] = {"type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.15 * ((k + 1) // 2)}
        net.add_edge(keys[e["from"]], keys[e["to"]], **options)
    if not data["meta"]["physics"]:
        net.toggle_physics(False)
    return net


def repr_html(graph: KnowledgeGraph, *, height: int = INLINE_HEIGHT) -> str:
    """The view's self-contained page in a sandboxed ``<iframe srcdoc>`` (what Jupyter shows for a graph)."""
    page = render_html(graph)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd" '
            f'title="{html.escape(repr(graph), quote=True)}"></iframe>')


def _pyvis_network() -> Any:
    try:
        from pyvis.network import Network
    except ImportError as exc:  # a kg dependency, but an installation may lack it
        raise MissingDependencyError("to_pyvis needs pyvis: pip install pyvis") from exc
    return Network


def _offline(net: Any) -> None:
    """Give ``net`` pyvis's own template without remote links, with a CSP and with autoescaping."""
    from jinja2 import ChoiceLoader, DictLoader, Environment

    loader = net.templateEnv.loader
    source = loader.get_source(net.templateEnv, net.path)[0]
    source = _REMOTE.sub("", re.sub(r"<!--.*?-->", "", source, flags=re.DOTALL))  # commented-out links too
    # pyvis's popup (used when a title holds "href") looks every hovered item up among the nodes and
    # throws on an edge; pyvis hides vis-network's tooltip then, so such a page has no edge tooltips
    source = source.replace("popup.innerHTML = nodeData[0].title;",
                            "if (!nodeData[0]) { return; }\n popup.innerHTML = nodeData[0].title;")
    source = re.sub(r"(<meta charset=[\"']?utf-8[\"']?\s*/?>)", lambda m: m.group(1) + _CSP, source, count=1,
                    flags=re.IGNORECASE)
    env = Environment(loader=ChoiceLoader([DictLoader({net.path: source}), loader]), autoescape=True)
    net.templateEnv = env
    net.template = env.get_template(net.path)


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=False)


def _node_title(n: dict[str, Any], articles: dict[str, dict[str, str]]) -> str:
    lines = [f"{n['name']} ({n['label']})"]
    if n.get("titles"):
        lines.append("、".join(n["titles"]))
    elif n.get("title") and n["label"] != "Article":
        lines.append(n["title"])
    if n["label"] == "Article":
        lines += [n[k] for k in ("title", "date") if n.get(k)]
    elif n.get("date"):
        lines.append(n["date"])
    if n.get("span"):
        lines.append(n["span"][0] if n["span"][0] == n["span"][1] else f"{n['span'][0]} – {n['span'][1]}")
    arts = n.get("articles") or []
    lines.append(f"mentioned {n['mentions']}× in {len(arts)} article{'s' if len(arts) != 1 else ''}")
    for a in arts[:5]:
        info = articles.get(a, {})
        lines.append(f"· {info.get('date', '')} {info.get('title') or a}".replace("·  ", "· "))
    if len(arts) > 5:
        lines.append(f"· … {len(arts) - 5} more")
    return "\n".join(_esc(line) for line in lines)


def _edge_title(e: dict[str, Any], articles: dict[str, dict[str, str]]) -> str:
    gloss = TYPE_STYLES.get(e["type"], _OTHER_TYPE)["gloss"]
    lines = [f"{e['type']} {gloss}".strip()]
    if e.get("date"):
        lines.append(e["date"])
    if e.get("article"):
        info = articles.get(e["article"], {})
        lines.append(f"{info.get('title') or e['article']} ({e['article']})" if info.get("title") else e["article"])
    if e.get("evidence"):
        lines.append(e["evidence"])
    if e.get("rule"):
        lines.append(f"rule: {e['rule']}")
    return "\n".join(_esc(line) for line in lines)
