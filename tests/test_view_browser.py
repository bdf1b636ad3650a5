"""The HTML view in a real browser: headless Debian Chromium, driven by Playwright over CDP.

Pages are opened from file://; every request that is not file:/data: is recorded and aborted.
Screenshots go to tests/artifacts/ (gitignored).  Without Chromium these tests skip, except under
CI (``CI=true``), where they fail: run tools/install-chromium.sh first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    XSS_EVIDENCE,
    XSS_TITLE,
    hover,
    open_page,
    screen_point,
    small_graph,
    synthetic_graph,
)

from kg.graph import KnowledgeGraph
from kg.view import select, write_html

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parent.parent / "kg" / "samples"


def drawn(page: Any) -> tuple[int, int]:
    """Nodes and edges the vis network actually holds and shows."""
    n, m = page.evaluate("[kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]")
    return int(n), int(m)


def edge_index(page: Any, etype: str) -> int:
    return int(page.evaluate("(t) => kgView.data.edges.findIndex(e => e.type === t)", etype))


def node_index(page: Any, name: str) -> int:
    return int(page.evaluate("(n) => kgView.data.nodes.findIndex(x => x.name === n)", name))


def assert_clean(log: Any) -> None:
    assert log.console_errors() == []
    assert log.outside_requests() == []
    assert log.requests and all(u.startswith("file:") for u in log.requests)


def test_small_graph_renders_offline(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    g = small_graph()
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "small.html"))
    assert drawn(page) == (g.nx.number_of_nodes(), g.nx.number_of_edges()) == (9, 10)
    assert page.inner_text("#kg-title") == "青岚区新闻 (test corpus)"
    sub = page.inner_text("#kg-subtitle")
    assert "9 nodes" in sub and "10 edges" in sub and "2022-12-30 – 2023-01-05" in sub
    assert page.locator("#kg-legend-labels li").count() == 7
    assert page.locator("#kg-legend-types li").count() == 6
    assert page.evaluate("typeof vis") == "object"  # the inlined vis-network, not a CDN copy
    page.screenshot(path=str(artifacts / "view_small.png"))
    assert_clean(log)


def test_hover_and_click_an_edge_show_its_evidence(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    page, log = open_page(browser_ctx, write_html(small_graph(), tmp_path / "small.html"))
    tip = hover(page, "edge", edge_index(page, "INSPECTED"))
    assert "INSPECTED" in tip and "程远航到云塘街道锦湖新城花园项目调研。" in tip and "2023-01-05" in tip
    assert "程远航调研重点项目" in tip  # the article's title
    page.screenshot(path=str(artifacts / "view_edge_tooltip.png"))
    x, y = screen_point(page, "edge", edge_index(page, "CHAIRED"))
    page.mouse.click(x, y)
    page.wait_for_selector("#kg-details:not([hidden])")
    details = page.inner_text("#kg-details")
    assert "CHAIRED" in details and "区委书记程远航主持召开区委常委会会议。" in details and "chair" in details
    tip = hover(page, "node", node_index(page, "程远航"))
    assert "程远航" in tip and "Official" in tip and "区委书记" in tip and "2 articles" in tip
    assert_clean(log)


def test_search_box_focuses_a_node(browser_ctx: Any, tmp_path: Path) -> None:
    page, log = open_page(browser_ctx, write_html(small_graph(), tmp_path / "small.html"))
    page.click("#kg-search")
    page.keyboard.type("谭庆")
    page.wait_for_selector("#kg-suggestions li")
    assert page.inner_text("#kg-suggestions li >> nth=0").startswith("谭庆林")
    page.keyboard.press("Enter")
    target = node_index(page, "谭庆林")
    assert page.evaluate("kgView.network.getSelectedNodes()") == [target]
    assert "谭庆林" in page.inner_text("#kg-details") and "副区长" in page.inner_text("#kg-details")
    # the focus animation ends on the node (on a busy machine it takes longer than its nominal 500 ms)
    page.wait_for_function("""(i) => { const c = kgView.network.getViewPosition(), p = kgView.network.getPositions([i])[i];
        return Math.abs(c.x - p.x) < 5 && Math.abs(c.y - p.y) < 5; }""", arg=target, timeout=5000)
    center = page.evaluate("kgView.network.getViewPosition()")
    pos = page.evaluate("(i) => kgView.network.getPositions([i])[i]", target)
    assert abs(center["x"] - pos["x"]) < 5 and abs(center["y"] - pos["y"]) < 5
    assert_clean(log)


def test_label_and_type_filters_in_the_page(browser_ctx: Any, tmp_path: Path) -> None:
    page, log = open_page(browser_ctx, write_html(small_graph(), tmp_path / "small.html"))
    page.click('#kg-legend-labels li[data-label="Official"]')
    # 2 officials hidden, with their 6 edges (CHAIRED, ATTENDED, 2 INSPECTED, 2 MENTIONED_IN)
    assert drawn(page) == (7, 4)
    page.click('#kg-legend-labels li[data-label="Official"]')
    assert drawn(page) == (9, 10)
    page.click('#kg-legend-types li[data-type="LOCATED_IN"]')
    assert drawn(page) == (9, 8)
    assert_clean(log)


def test_hostile_text_is_shown_never_run(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    g = small_graph(hostile=True)
    g.nx.graph["title"] = '<img src=x onerror="window.__pwned=4">青岚区'
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "hostile.html"))
    assert drawn(page) == (9, 10)
    tip = hover(page, "edge", edge_index(page, "CHAIRED"))
    assert "<script>window.__pwned=2;document.title='PWNED'</script>" in tip  # visible, as text
    assert page.locator("#kg-tip script, #kg-tip img, #kg-tip svg").count() == 0
    article = node_index(page, "jh-2022-12-30-1")
    page.evaluate("(i) => kgView.focusNode(i)", article)
    details = page.inner_text("#kg-details")
    assert XSS_TITLE in details
    assert page.locator("#kg-details img, #kg-details script").count() == 0
    assert page.inner_text("#kg-title") == '<img src=x onerror="window.__pwned=4">青岚区'
    page.screenshot(path=str(artifacts / "view_hostile.png"))
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.title() == '<img src=x onerror="window.__pwned=4">青岚区'
    assert XSS_EVIDENCE in page.evaluate("kgView.data.edges.map(e => e.evidence)")
    assert_clean(log)


def test_csp_blocks_injected_markup_even_if_some_got_in(browser_ctx: Any, tmp_path: Path) -> None:
    page, log = open_page(browser_ctx, write_html(small_graph(), tmp_path / "small.html"))
    page.evaluate("""() => { const d = document.createElement('div');
        d.innerHTML = '<img src=x onerror="window.__pwned=5"><img src="https://example.org/t.png">';
        document.body.appendChild(d);
        const s = document.createElement('script'); s.textContent = 'window.__pwned = 6';
        document.body.appendChild(s); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert ("https://example.org/t.png", "csp") in log.failed  # blocked by the CSP, not by the test router
    assert any("violates the following Content Security Policy" in text and "inline event handler" in text
               for _, text in log.console)


def test_focused_view(browser_ctx: Any, tmp_path: Path) -> None:
    g = small_graph()
    view, _ = select(g, around="程远航", depth=1)
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "nie.html", around="程远航", depth=1))
    assert drawn(page) == (view.nx.number_of_nodes(), view.nx.number_of_edges())
    assert "around 程远航 (depth 1)" in page.inner_text("#kg-subtitle")
    assert_clean(log)


def test_big_graph_opens_and_settles_fast(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    g = synthetic_graph(5000, 10000)
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "big.html"), timeout_ms=60_000)
    assert drawn(page) == (5000, 10000)
    assert page.evaluate("kgView.data.meta.physics") is False
    # bench/view_big.py measures; this only catches disasters
    assert page.evaluate("kgView.loadToSettledMs") < 15_000
    page.screenshot(path=str(artifacts / "view_big.png"))
    tip = hover(page, "node", 0)  # the most mentioned node
    assert page.evaluate("kgView.data.nodes[0].name") in tip
    assert_clean(log)


def test_truncated_graph_says_so_in_the_page(browser_ctx: Any, tmp_path: Path) -> None:
    g = synthetic_graph(600, 1200)
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "cut.html", max_nodes=200, max_edges=300))
    n, m = drawn(page)
    assert n == 200 and m <= 300
    warning = page.inner_text("#kg-warning")
    assert page.is_visible("#kg-warning") and "600" in warning and "--around" in warning
    assert "200 of 600 nodes" in page.inner_text("#kg-subtitle")
    assert_clean(log)


def test_graph_built_from_the_samples(browser_ctx: Any, artifacts: Path, tmp_path: Path) -> None:
    if not SAMPLES.is_dir():
        pytest.skip("no kg/samples/")
    import kg

    g = kg.build([str(SAMPLES)])
    assert isinstance(g, KnowledgeGraph) and len(g) > 0
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "samples.html", title="kg/samples"))
    assert drawn(page) == (g.nx.number_of_nodes(), g.nx.number_of_edges())
    j = edge_index(page, "CHAIRED")
    if j >= 0:
        evidence = page.evaluate("(j) => kgView.data.edges[j].evidence", j)
        page.evaluate("(j) => kgView.network.fit()", j)
        x, y = screen_point(page, "edge", j)
        page.mouse.click(x, y)
        assert evidence in page.inner_text("#kg-details")
    page.screenshot(path=str(artifacts / "view_samples.png"))
    assert_clean(log)


def test_empty_focus_says_so(browser_ctx: Any, tmp_path: Path) -> None:
    g = small_graph()
    page, log = open_page(browser_ctx, write_html(g, tmp_path / "none.html", since="2030-01-01"))
    assert drawn(page) == (0, 0)
    assert "Nothing to show" in page.inner_text("#kg-loading")
    assert page.evaluate("kgView.loadToSettledMs") < 10_000
    assert_clean(log)
