"""Notebook helpers without a browser: ``to_pyvis()`` mirrors the view, titles are escaped, ``_repr_html_``
follows the view's limits, and importing kg loads neither the view, pyvis nor pandas."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest
from browser_support import HREF_NAME, XSS_TITLE, hostile_graph, small_graph, synthetic_graph

import kg
import kg.view.html as view_html
from kg.view import select


def test_pyvis_network_is_styled_like_the_view() -> None:
    from kg.view.html import LABEL_STYLES, TYPE_STYLES, node_size

    g = small_graph()
    net = g.to_pyvis()
    assert type(net).__module__ == "pyvis.network"
    assert {n["id"] for n in net.nodes} == set(g.nx.nodes) and len(net.edges) == g.nx.number_of_edges() == 10
    wang = next(n for n in net.nodes if n["id"] == "Official:程远航")
    assert (wang["color"], wang["shape"]) == (LABEL_STYLES["Official"]["color"], LABEL_STYLES["Official"]["shape"])
    assert wang["size"] == node_size(g.nx.nodes["Official:程远航"]["mentions"]) > node_size(1)
    assert wang["label"] == "程远航" and "区委书记" in wang["title"] and "2 articles" in wang["title"]
    chaired = next(e for e in net.edges if e["title"].startswith("CHAIRED"))
    assert chaired["color"] == TYPE_STYLES["CHAIRED"]["color"]
    assert "区委书记程远航主持召开区委常委会会议。" in chaired["title"] and chaired["arrows"] == "to"
    focused = g.to_pyvis(around="谭庆林", depth=1, types="ATTENDED,CHAIRED")
    view, _ = select(g, around="谭庆林", depth=1, types="ATTENDED,CHAIRED")
    assert {n["id"] for n in focused.nodes} == set(view.nx.nodes)
    assert len(focused.edges) == view.nx.number_of_edges()


def test_every_pyvis_title_is_escaped() -> None:
    net = hostile_graph(href=True).to_pyvis()
    titles = [n["title"] for n in net.nodes] + [e["title"] for e in net.edges]
    assert all("<" not in t and ">" not in t for t in titles)
    assert any(html.escape(XSS_TITLE, quote=False) in t for t in titles)
    assert any(html.escape(HREF_NAME, quote=False) in t for t in titles)


def test_to_pyvis_positions_big_graphs_like_the_view() -> None:
    g = synthetic_graph(400, 600)
    net = g.to_pyvis()
    assert len(net.nodes) == 400 and len(net.edges) == 600
    assert all(isinstance(n["x"], float) and n["physics"] is False for n in net.nodes)
    assert net.options.physics.enabled is False
    small = small_graph().to_pyvis()
    assert "x" not in small.nodes[0] and small.options.physics.enabled is True


def test_pyvis_page_has_no_remote_resources() -> None:
    page = small_graph().to_pyvis().generate_html()
    tags = re.findall(r"<(?:script|link)\b[^>]*>", page)
    assert tags and not [t for t in tags if re.search(r"(?:src|href)=", t)]
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page and "bootstrap" not in page


def test_repr_html_is_the_view_in_a_sandboxed_frame() -> None:
    g = hostile_graph(href=True)
    out = g._repr_html_()
    assert out.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in out
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', out)
    assert srcdoc is not None
    assert html.unescape(srcdoc.group(1)) == view_html.render_html(g)
    assert "<img" not in out and "<script" not in out  # all of the page is inside the escaped attribute
    sub = g.subgraph("程远航")
    assert html.unescape(re.match(r'<iframe srcdoc="([^"]*)"', sub._repr_html_()).group(1)) == \
        view_html.render_html(sub)


def test_repr_html_follows_the_view_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_html, "MAX_NODES", 200)
    monkeypatch.setattr(view_html, "MAX_EDGES", 300)
    page = html.unescape(synthetic_graph(600, 1200)._repr_html_())
    assert "This graph has 600 nodes and 1,200 edges, more than the view draws (at most 200 nodes" in page


def test_importing_kg_loads_no_wing_and_no_optional_dependency() -> None:
    code = ("import sys, kg, kg.graph; g = kg.KnowledgeGraph(); repr(g); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyvis', 'pandas', 'jinja2')"
            " or m.startswith(('kg.view', 'kg.neo4j', 'kg.read', 'kg.extract', 'kg.frames'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_without_pyvis_a_clear_kg_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyvis", None)
    monkeypatch.setitem(sys.modules, "pyvis.network", None)
    with pytest.raises(kg.MissingDependencyError, match="pip install pyvis"):
        small_graph().to_pyvis()
