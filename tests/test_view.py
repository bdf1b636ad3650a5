"""The HTML view without a browser: focus filters, safe embedding, offline page, limits, CLI.

The real-browser tests are in test_view_browser.py (``-m browser``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser_support import XSS_EVIDENCE, XSS_TITLE, small_graph, synthetic_graph
from click.testing import CliRunner

from kg import KgError, ViewError
from kg.cli import main
from kg.view.html import render_html, script_json, select, write_html
from kg.view.layout import layout

ASSETS = Path(__file__).resolve().parent.parent / "kg" / "view" / "assets"


def payload(html_text: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html_text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_vendored_vis_network_is_the_documented_build() -> None:
    js = (ASSETS / "vis-network.min.js").read_text(encoding="utf-8")
    assert "@version 10.1.5" in js[:400]
    assert (ASSETS / "LICENSE-MIT").exists() and (ASSETS / "LICENSE-APACHE-2.0").exists()


def test_page_is_self_contained_and_offline() -> None:
    text = render_html(small_graph())
    assert "<script src" not in text and "<link" not in text
    # no URL the browser would fetch: src/href attributes, CSS url(), @import pointing outside
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text, re.I)
    assert "@import" not in text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1].split(";")[0]


def test_hostile_text_never_reaches_the_html_raw() -> None:
    g = small_graph(hostile=True)
    g.nx.graph["title"] = '</title><script>alert(1)</script>'
    text = render_html(g)
    for raw in ("<img src=x", "<script>window.__pwned", "</script><!--", "<svg onload", "\u2028", "\u2029",
                "</title><script>"):
        assert raw not in text
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in text
    data = payload(text)  # ...and the data survives exactly
    assert XSS_EVIDENCE in [e["evidence"] for e in data["edges"]]
    assert XSS_TITLE in [a["title"] for a in data["articles"].values()]


def test_script_json_escapes_everything_that_could_end_a_script() -> None:
    s = script_json({"a": "</script><!-- & > \u2028\u2029 <\\/"})
    assert not set("<>&\u2028\u2029") & set(s)
    assert json.loads(s) == {"a": "</script><!-- & > \u2028\u2029 <\\/"}


def test_payload_counts_and_styles() -> None:
    g = small_graph()
    data = payload(render_html(g))
    assert len(data["nodes"]) == g.nx.number_of_nodes() and len(data["edges"]) == g.nx.number_of_edges()
    assert data["meta"]["title"] == "青岚区新闻 (test corpus)"
    assert data["meta"]["dates"] == ["2022-12-30", "2023-01-05"]
    assert {lab["name"] for lab in data["labels"]} == {"Official", "Person", "Meeting", "Project", "Street",
                                                       "Region", "Article"}
    nie = next(n for n in data["nodes"] if n["name"] == "程远航")
    assert nie["title"] == "区委书记" and nie["mentions"] == 2 and nie["span"] == ["2022-12-30", "2023-01-05"]
    chaired = next(e for e in data["edges"] if e["type"] == "CHAIRED")
    assert chaired["evidence"].startswith("区委书记程远航主持") and chaired["date"] == "2022-12-30"
    assert data["articles"]["jh-2023-01-05-2"]["title"] == "程远航调研重点项目"


def test_focus_filters() -> None:
    g = small_graph()
    view, focus = select(g, around="程远航", depth=1)
    names = {d["name"] for _, d in view.nx.nodes(data=True)}
    assert names == {"程远航", "区委常委会会议", "锦湖新城花园项目", "云塘街道"}
    assert focus == ["around 程远航 (depth 1)"]
    view, _ = select(g, around="程远航", depth=2)
    assert "青岚区" in {d["name"] for _, d in view.nx.nodes(data=True)}
    view, _ = select(g, types=["CHAIRED,ATTENDED"])
    assert {d["type"] for *_, d in view.nx.edges(data=True)} == {"CHAIRED", "ATTENDED"}
    assert {d["name"] for _, d in view.nx.nodes(data=True)} == {"程远航", "谭庆林", "区委常委会会议"}
    view, _ = select(g, labels=["Official", "Meeting"])
    assert {d["label"] for _, d in view.nx.nodes(data=True)} == {"Official", "Meeting"}
    view, _ = select(g, since="2023-01-01")
    assert all(d["date"] >= "2023-01-01" for *_, d in view.nx.edges(data=True))
    assert view.nx.number_of_edges() == 3
    view, _ = select(g, until="2022-12-31")
    assert all(d["date"] <= "2022-12-31" for *_, d in view.nx.edges(data=True))
    view, _ = select(g, min_mentions=2)
    assert {d["name"] for _, d in view.nx.nodes(data=True)} == {"程远航"}
    assert g.nx.number_of_nodes() == 9  # the input is untouched


def test_bad_focus_options() -> None:
    g = small_graph()
    with pytest.raises(ViewError, match="unknown label Officer"):
        select(g, labels=["Officer"])
    with pytest.raises(ViewError, match="unknown type"):
        select(g, types=["HUGGED"])
    with pytest.raises(ViewError, match="ISO date"):
        select(g, since="2023/01/01")
    with pytest.raises(ViewError, match="after"):
        select(g, since="2023-02-01", until="2023-01-01")
    with pytest.raises(KgError, match="no node named"):
        select(g, around="无名氏")


def test_big_graph_gets_a_precomputed_layout_and_no_physics() -> None:
    g = synthetic_graph(1200, 2400)
    data = payload(render_html(g))
    assert data["meta"]["physics"] is False
    assert len(data["nodes"]) == 1200 and len(data["edges"]) == 2400
    assert all(isinstance(n["x"], float) for n in data["nodes"])
    small = payload(render_html(small_graph()))
    assert small["meta"]["physics"] is True


def test_beyond_the_hard_limit_the_page_says_so() -> None:
    g = synthetic_graph(400, 800)
    data = payload(render_html(g, max_nodes=100, max_edges=150))
    assert len(data["nodes"]) == 100 and len(data["edges"]) <= 150
    assert data["meta"]["counts"]["total_nodes"] == 400
    assert "--around" in data["meta"]["warning"] and "400" in data["meta"]["warning"]
    kept = {n["key"] for n in data["nodes"]}
    dropped = [d["mentions"] for n, d in g.nx.nodes(data=True) if n not in kept]
    assert min(n["mentions"] for n in data["nodes"]) >= max(dropped)  # the most mentioned are kept


def test_layout_is_deterministic_and_spreads_nodes() -> None:
    g = synthetic_graph(600, 1200)
    nodes = list(g.nx.nodes)
    edges = [(u, v) for u, v in g.nx.edges()]
    a, b = layout(nodes, edges), layout(nodes, edges)
    assert a == b and set(a) == set(nodes)
    assert len({(round(x), round(y)) for x, y in a.values()}) > 0.95 * len(nodes)  # hardly any overlap
    assert layout([], []) == {} and layout(["x"], []) == {"x": (0.0, 0.0)}


def test_output_is_deterministic(tmp_path: Path) -> None:
    g = small_graph()
    p1 = write_html(g, tmp_path / "a" / "one.html")
    p2 = write_html(g, tmp_path / "two.html")
    assert p1.read_bytes() == p2.read_bytes()


def test_cli_view(tmp_path: Path) -> None:
    src = tmp_path / "graph.json"
    small_graph().to_json(src)
    r = CliRunner().invoke(main, ["view", str(src), "--around", "程远航", "--depth", "1", "--out",
                                  str(tmp_path / "nie.html")])
    assert r.exit_code == 0, r.output
    data = payload((tmp_path / "nie.html").read_text(encoding="utf-8"))
    assert data["meta"]["focus"] == ["around 程远航 (depth 1)"] and len(data["nodes"]) == 4
    assert data["nodes"][data["meta"]["center"]]["name"] == "程远航"
    r = CliRunner().invoke(main, ["view", str(src)])
    assert r.exit_code == 0 and (tmp_path / "graph.html").exists()
    r = CliRunner().invoke(main, ["view", str(src), "--label", "Nope", "--out", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and "unknown label Nope" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["view", str(tmp_path / "missing.json")])
    assert r.exit_code == 1 and "cannot read graph" in r.output
