"""Notebook display in a real browser: ``KnowledgeGraph.to_pyvis()`` pages and ``_repr_html_`` inline frames.

Headless Debian Chromium via Playwright, as in test_view_browser.py: every request that is not
file:/data:/about: is recorded and aborted, and the tests assert there were none.  Hostile titles and
evidence must show as text and never run, in pyvis's tooltips (both the vis-network one and pyvis's
own ``innerHTML`` popup, used when a title contains ``href``) and in the inline frame.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    _POINT_JS,
    HREF_NAME,
    XSS_EVIDENCE,
    XSS_TITLE,
    PageLog,
    hostile_graph,
    point_js,
    small_graph,
)

from kg.graph import KnowledgeGraph

pytestmark = pytest.mark.browser

def record(page: Any) -> PageLog:
    log = PageLog()
    page.on("console", lambda m: log.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.errors.append(str(e)))

    def route(r: Any) -> None:
        log.requests.append(r.request.url)
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: None if req.url in log.requests else log.requests.append(req.url))
    return log


def assert_offline(log: PageLog) -> None:
    assert log.console_errors() == []
    assert log.outside_requests() == []


# -- pyvis ------------------------------------------------------------------------------------------

def open_pyvis(ctx: Any, path: Path) -> tuple[Any, PageLog]:
    page = ctx.new_page()
    log = record(page)
    page.goto(path.resolve().as_uri())
    # stabilisation done (and the fit that ends it), or no physics at all
    page.wait_for_function("() => typeof network === 'object' && network !== null"
                           " && (network.physics.ready === true || !network.physics.physicsEnabled)")
    # hold the layout still, so the mouse finds what it aims at
    page.evaluate("() => { network.stopSimulation(); network.setOptions({physics: {enabled: false}}); }")
    return page, log


_PYVIS_POINT = point_js("network", "edges.get(id)", "mynetwork")


def pyvis_hover(page: Any, kind: str, ident: str, expect: str, selector: str = "div.vis-tooltip") -> str:
    """Move the mouse onto a node or edge; return the tooltip's text once it shows ``expect``."""
    x, y = page.evaluate(_PYVIS_POINT, [kind, ident])
    page.mouse.move(x - 6, y - 6)
    page.mouse.move(x, y, steps=3)
    page.wait_for_function("([s, text]) => { const t = document.querySelector(s); return !!t"
                           " && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none'"
                           " && t.innerText.includes(text); }", arg=[selector, expect], timeout=5000)
    return str(page.inner_text(selector))


def edge_id(page: Any, etype: str) -> str:
    return str(page.evaluate("(t) => edges.get().find(e => e.title.startsWith(t + ' ')).id", etype))


def test_pyvis_page_works_offline(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    g = small_graph()
    path = tmp_path / "pyvis.html"
    g.to_pyvis().write_html(str(path))
    page, log = open_pyvis(browser_ctx, path)
    assert page.evaluate("network.body.nodeIndices.length") == 9
    assert page.evaluate("network.body.edgeIndices.length") == 10
    tip = pyvis_hover(page, "edge", edge_id(page, "INSPECTED"), "INSPECTED")
    assert "程远航到云塘街道锦湖新城花园项目调研。" in tip and "2023-01-05" in tip and "程远航调研重点项目" in tip
    tip = pyvis_hover(page, "node", "Official:谭庆林", "谭庆林")
    assert "谭庆林 (Official)" in tip and "副区长" in tip
    page.screenshot(path=str(artifacts / "pyvis_small.png"))
    assert_offline(log)
    assert set(log.requests) == {path.resolve().as_uri()}


def test_pyvis_hostile_text_is_shown_never_run(browser_ctx: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    hostile_graph(href=False).to_pyvis().write_html(str(path))
    page, log = open_pyvis(browser_ctx, path)
    tip = pyvis_hover(page, "edge", edge_id(page, "CHAIRED"), "CHAIRED")
    # vis-network shows a title as text, so the escaped form is what one reads; nothing became markup
    assert html.escape("<script>window.__pwned=2;document.title='PWNED'</script>", quote=False) in tip
    assert page.locator("div.vis-tooltip script, div.vis-tooltip img, div.vis-tooltip svg").count() == 0
    tip = pyvis_hover(page, "node", "Article:jh-2022-12-30-1", "jh-2022-12-30-1")
    assert html.escape(XSS_TITLE, quote=False) in tip
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None and page.title() != "PWNED"
    assert_offline(log)


def test_pyvis_href_popup_shows_markup_as_text(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    path = tmp_path / "href.html"
    hostile_graph(href=True).to_pyvis().write_html(str(path))
    page, log = open_pyvis(browser_ctx, path)
    # pyvis's own popup (innerHTML) is used for node titles now: escaped text reads exactly as written
    popup = pyvis_hover(page, "node", "Article:jh-2022-12-30-1", "jh-2022-12-30-1", "div.popup")
    assert XSS_TITLE in popup
    popup = pyvis_hover(page, "node", f"Organization:{HREF_NAME}", "(Organization)", "div.popup")
    assert HREF_NAME in popup
    assert page.locator("div.popup a, div.popup img, div.popup script").count() == 0
    page.screenshot(path=str(artifacts / "pyvis_href_popup.png"))
    # pyvis's popup is for nodes only (and pyvis hides vis-network's tooltip then): an edge under the
    # mouse must not make it throw
    x, y = page.evaluate(_PYVIS_POINT, ["edge", edge_id(page, "CHAIRED")])
    page.mouse.move(x - 6, y - 6)
    page.mouse.move(x, y, steps=3)
    page.wait_for_timeout(1000)  # vis-network's hover delay is 300 ms
    assert log.errors == []
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert_offline(log)


# -- inline display: _repr_html_ --------------------------------------------------------------------

def open_notebook(ctx: Any, tmp_path: Path, *cells: KnowledgeGraph) -> tuple[Any, list[Any], PageLog]:
    """A page standing in for a notebook: each cell's output is the graph's ``_repr_html_``."""
    body = "\n".join(f'<div class="output">{g._repr_html_()}</div>' for g in cells)
    path = tmp_path / "notebook.html"
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>notebook</title></head>'
                    f"<body><h1>notebook</h1>{body}</body></html>", encoding="utf-8")
    page = ctx.new_page()
    log = record(page)
    page.goto(path.resolve().as_uri())
    frames = []
    for i in range(len(cells)):
        frame = page.locator("iframe").nth(i).element_handle().content_frame()
        frame.wait_for_function("() => !!(window.kgView && window.kgView.settled)", timeout=30000)
        frames.append(frame)
    return page, frames, log


def test_inline_display_draws_the_graph_and_a_subgraph(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    g = small_graph()
    sub = g.subgraph("谭庆林", depth=1)
    page, (whole, part), log = open_notebook(browser_ctx, tmp_path, g, sub)
    drawn = "[kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]"
    assert whole.evaluate(drawn) == [9, 10]
    assert part.evaluate(drawn) == [sub.nx.number_of_nodes(), sub.nx.number_of_edges()]
    assert whole.inner_text("#kg-title") == "青岚区新闻 (test corpus)"
    # the frame is sandboxed: its scripts run, but it cannot touch the notebook
    assert whole.evaluate("() => { try { return parent.document.title; } catch (e) { return 'blocked'; } }") == "blocked"
    page.screenshot(path=str(artifacts / "notebook_inline.png"), full_page=True)
    assert_offline(log)


def test_inline_display_shows_hostile_text_never_runs_it(browser_ctx: Any, tmp_path: Path) -> None:
    g = hostile_graph(href=True)
    g.nx.graph["title"] = '<img src=x onerror="window.__pwned=4">青岚区'
    page, (frame,), log = open_notebook(browser_ctx, tmp_path, g)
    box = page.locator("iframe").bounding_box()
    index = frame.evaluate("kgView.data.edges.findIndex(e => e.type === 'CHAIRED')")
    x, y = frame.evaluate(_POINT_JS, ["edge", index])  # inside the frame
    page.mouse.move(box["x"] + x - 6, box["y"] + y - 6)
    page.mouse.move(box["x"] + x, box["y"] + y, steps=3)
    frame.wait_for_selector("#kg-tip:not([hidden])", timeout=5000)
    tip = frame.inner_text("#kg-tip")
    assert "<script>window.__pwned=2;document.title='PWNED'</script>" in tip  # as written, as text
    assert frame.locator("#kg-tip script, #kg-tip img, #kg-tip svg").count() == 0
    assert frame.inner_text("#kg-title") == '<img src=x onerror="window.__pwned=4">青岚区'
    assert XSS_EVIDENCE in frame.evaluate("kgView.data.edges.map(e => e.evidence)")
    assert any(n == HREF_NAME for n in frame.evaluate("kgView.data.nodes.map(n => n.name)"))
    page.wait_for_timeout(300)
    assert frame.evaluate("window.__pwned") is None and page.evaluate("window.__pwned") is None
    assert page.title() == "notebook"
    assert_offline(log)

