"""Helpers for the real-browser tests of the HTML view (``tests/test_view*.py``) and ``bench/view_big.py``.

Chromium is Debian's ``chromium`` (``tools/install-chromium.sh``) driven by Playwright over the
Chrome DevTools Protocol with ``executable_path``; Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph import KnowledgeGraph
from kg.model import Edge, Node, Provenance

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]

XSS_TITLE = '<img src=x onerror="window.__pwned=1;document.title=\'PWNED\'">"quoted" & \'single\''
XSS_EVIDENCE = ("区委书记王某某主持召开会议。<script>window.__pwned=2;document.title='PWNED'</script>"
                "</script><!-- \u2028\u2029 <svg onload=\"window.__pwned=3\">")

# a title with "href": pyvis then shows node titles through innerHTML (kg.view.notebook escapes them)
HREF_NAME = '<a href="javascript:window.__pwned=7">链接</a><img src=x onerror="window.__pwned=8">'


def chromium_path() -> str | None:
    """The Chromium binary: ``$KG_CHROMIUM``, else ``chromium``/``chromium-browser`` on PATH."""
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


# -- graphs -------------------------------------------------------------------------------------

def _prov(article: str, evidence: str, date: str | None, rule: str = "test") -> Provenance:
    return Provenance(article=article, evidence=evidence, rule=rule, date=date)


def small_graph(*, hostile: bool = False) -> KnowledgeGraph:
    """Nine nodes from two articles; with ``hostile``, an article title and an evidence carry XSS payloads."""
    g = KnowledgeGraph()
    a1, a2 = "jh-2022-12-30-1", "jh-2023-01-05-2"
    s1 = "区委书记程远航主持召开区委常委会会议。" if not hostile else XSS_EVIDENCE
    s2 = "副区长谭庆林出席会议。"
    s3 = "程远航到云塘街道锦湖新城花园项目调研。"
    s4 = "锦湖新城花园项目位于青岚区云塘街道。"
    t1 = "区委常委会召开会议" if not hostile else XSS_TITLE
    for aid, title, date in ((a1, t1, "2022-12-30"), (a2, "程远航调研重点项目", "2023-01-05")):
        g.add_node(Node("Article", aid, attrs=(("title", title), ("date", date), ("source", "青岚新闻")),
                        provenance=_prov(aid, title, date)))
    off = Node("Official", "程远航", attrs=(("title", "区委书记"),), provenance=_prov(a1, s1, "2022-12-30"))
    off2 = Node("Official", "程远航", attrs=(("title", "区委书记"),), provenance=_prov(a2, s3, "2023-01-05"))
    deng = Node("Official", "谭庆林", attrs=(("title", "副区长"),), provenance=_prov(a1, s2, "2022-12-30"))
    meet = Node("Meeting", "区委常委会会议", "2022-12-30", attrs=(("date", "2022-12-30"),),
                provenance=_prov(a1, s1, "2022-12-30"))
    proj = Node("Project", "锦湖新城花园项目", provenance=_prov(a2, s3, "2023-01-05"))
    street = Node("Street", "云塘街道", provenance=_prov(a2, s4, "2023-01-05"))
    region = Node("Region", "青岚区", provenance=_prov(a2, s4, "2023-01-05"))
    reporter = Node("Person", "方若溪", attrs=(("title", "记者"),), provenance=_prov(a1, "记者 方若溪", None))
    for n in (off, off2, deng, meet, proj, street, region, reporter):
        g.add_node(n)
    edges = [
        Edge("CHAIRED", off.key, meet.key, _prov(a1, s1, "2022-12-30", "chair")),
        Edge("ATTENDED", deng.key, meet.key, _prov(a1, s2, "2022-12-30", "attend")),
        Edge("INSPECTED", off.key, proj.key, _prov(a2, s3, "2023-01-05", "inspect")),
        Edge("INSPECTED", off.key, street.key, _prov(a2, s3, "2023-01-05", "inspect")),
        Edge("LOCATED_IN", proj.key, street.key, _prov(a2, s4, None, "located")),
        Edge("LOCATED_IN", street.key, region.key, _prov(a2, s4, None, "located")),
        Edge("WROTE", reporter.key, "Article:" + a1, _prov(a1, "记者 方若溪", None, "byline")),
        Edge("MENTIONED_IN", off.key, "Article:" + a1, _prov(a1, s1, "2022-12-30", "mention")),
        Edge("MENTIONED_IN", off.key, "Article:" + a2, _prov(a2, s3, "2023-01-05", "mention")),
        Edge("MENTIONED_IN", meet.key, "Article:" + a1, _prov(a1, s1, "2022-12-30", "mention")),
    ]
    for e in edges:
        g.add_edge(e)
    g.nx.graph["title"] = "青岚区新闻 (test corpus)"
    return g


def hostile_graph(*, href: bool) -> KnowledgeGraph:
    g = small_graph(hostile=True)
    if href:  # a node title with "href" makes pyvis show every node title through innerHTML
        p = Provenance(article="jh-2023-01-05-2", evidence=HREF_NAME + "到场。", rule="test", date="2023-01-05")
        node = Node("Organization", HREF_NAME, provenance=p)
        g.add_node(node)
        g.add_edge(Edge("INSPECTED", node.key, "Project:锦湖新城花园项目", p))
    return g


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
_GIVEN = "加伟群标立雨溪明华国建平志强海军文辉晓红丽芳敏静燕玲锦湖新城花园德胜利民安康乐"
_TITLES = ["区委书记", "区长", "副区长", "区委副书记", "街道党工委书记", "镇长", "局长", "主任"]
_MEETING = ["常委会会议", "工作会议", "座谈会", "推进会", "现场会", "专题会议", "动员大会", "培训班"]


def synthetic_graph(n_nodes: int = 5000, n_edges: int = 10000, *, seed: int = 1) -> KnowledgeGraph:
    """A knowledge-graph-shaped synthetic graph with exactly ``n_nodes`` nodes and ``n_edges`` edges.

    Officials chair and attend meetings (popular officials more often), inspect projects and places,
    which lie in streets, which lie in regions; every edge carries a dated evidence sentence.
    """
    rng = random.Random(seed)
    g = KnowledgeGraph()
    share = {"Official": 0.16, "Person": 0.06, "Meeting": 0.34, "Project": 0.16, "Place": 0.1,
             "Organization": 0.08, "Community": 0.06, "Street": 0.03, "Region": 0.01}
    counts = {lab: max(1, int(n_nodes * s)) for lab, s in share.items()}
    counts["Meeting"] += n_nodes - sum(counts.values())
    keys: dict[str, list[str]] = {}
    for lab, count in counts.items():
        keys[lab] = []
        for i in range(count):
            name = _name(rng, lab, i)
            date = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            attrs: tuple[tuple[str, str], ...] = ()
            if lab == "Official":
                attrs = (("title", rng.choice(_TITLES)),)
            elif lab == "Meeting":
                attrs = (("date", date),)
            node = Node(lab, name, date if lab == "Meeting" else None, attrs,
                        _prov(f"a{rng.randint(1, 2000)}", f"{name}。", date))
            for _ in range(1 + int(rng.paretovariate(2.0)) - 1):
                g.add_node(node)
            keys[lab].append(node.key)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(keys["Official"]))]
    plans = [
        (0.18, "CHAIRED", "Official", "Meeting"), (0.40, "ATTENDED", "Official", "Meeting"),
        (0.17, "INSPECTED", "Official", "Project"), (0.08, "INSPECTED", "Official", "Place"),
        (0.07, "LOCATED_IN", "Project", "Street"), (0.04, "LOCATED_IN", "Place", "Street"),
        (0.03, "LOCATED_IN", "Community", "Street"), (0.03, "ATTENDED", "Organization", "Meeting"),
    ]
    made = 0
    while made < n_edges:
        r, acc = rng.random(), 0.0
        etype, src_lab, dst_lab = "LOCATED_IN", "Street", "Region"
        for p, plan_type, plan_src, plan_dst in plans:
            acc += p
            if r <= acc:
                etype, src_lab, dst_lab = plan_type, plan_src, plan_dst
                break
        if src_lab == "Official":
            src = rng.choices(keys["Official"], weights)[0]
        else:
            src = rng.choice(keys[src_lab])
        dst = rng.choice(keys[dst_lab])
        date = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = f"a{made}"
        verb = {"CHAIRED": "主持", "ATTENDED": "出席", "INSPECTED": "调研"}.get(etype, "位于")
        sentence = f"{g.nx.nodes[src]['name']}{verb}{g.nx.nodes[dst]['name']}。"
        g.add_edge(Edge(etype, src, dst, _prov(article, sentence, date, "synthetic")))
        made += 1  # one article per edge: never a duplicate
    g.nx.graph["title"] = f"Synthetic graph ({n_nodes} nodes, {n_edges} edges)"
    return g


def _name(rng: random.Random, label: str, i: int) -> str:
    person = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
    return {
        "Official": person + f"{i}",
        "Person": person + f"{i}",
        "Meeting": f"第{i}次" + rng.choice(_MEETING),
        "Project": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}{i}号项目",
        "Place": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}广场{i}",
        "Organization": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}局{i}",
        "Community": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}社区{i}",
        "Street": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}街道{i}",
        "Region": f"{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}区{i}",
    }[label]


# -- the browser -------------------------------------------------------------------------------

@dataclass
class PageLog:
    """What a page did: console messages, uncaught errors and every request it tried to make."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "assert")] + self.errors

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]


@contextmanager
def browser(viewport: tuple[int, int] = (1400, 900)) -> Iterator[Any]:
    """A Playwright browser context on Debian's Chromium; raises RuntimeError if there is none."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("Chromium not found: run tools/install-chromium.sh (or set KG_CHROMIUM)")
    with sync_playwright() as pw:
        # Playwright launches with a fresh temporary --user-data-dir of its own and removes it after
        b = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)
        try:
            ctx = b.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                service_workers="block")
            yield ctx
        finally:
            b.close()


def open_page(ctx: Any, path: Path, *, timeout_ms: int = 30000) -> tuple[Any, PageLog]:
    """Open ``path`` from file://, recording console, errors and requests; only file:/data: may load."""
    log = PageLog()
    page = ctx.new_page()
    page.on("console", lambda m: log.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.errors.append(str(e)))

    def route(r: Any) -> None:
        url = r.request.url
        log.requests.append(url)
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    # also requests that never reach the router (blocked by the page's CSP, for one)
    page.on("request", lambda req: None if req.url in log.requests else log.requests.append(req.url))
    page.on("requestfailed", lambda req: log.failed.append((req.url, str(req.failure))))
    page.goto(path.resolve().as_uri())
    # a function, not a string: the page's CSP forbids eval, which string predicates use
    page.wait_for_function("() => !!(window.kgView && window.kgView.settled)", timeout=timeout_ms)
    return page, log


def point_js(network: str, edge: str, container: str) -> str:
    """A page function ``([kind, id]) => [x, y]``: where on the screen a node, or a free point of an edge,
    is drawn.  ``network`` and ``edge`` are the page's expressions for the vis Network and for edge ``id``,
    ``container`` the id of the element it draws in (the view and pyvis name them differently)."""
    return """([kind, id]) => {
  const net = NETWORK;
  const r = document.getElementById("CONTAINER").getBoundingClientRect();
  if (kind === "node") {
    const m = net.canvasToDOM(net.getPositions([id])[id]);
    return [r.left + m.x, r.top + m.y];
  }
  const e = EDGE, q = net.getPositions([e.from, e.to]);
  // a point of the edge where vis finds this edge and no node (labels and nodes may cover the middle)
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9]) {
    const m = net.canvasToDOM({x: q[e.from].x + t * (q[e.to].x - q[e.from].x),
                               y: q[e.from].y + t * (q[e.to].y - q[e.from].y)});
    if (net.getNodeAt(m) === undefined && net.getEdgeAt(m) === id) { return [r.left + m.x, r.top + m.y]; }
  }
  throw new Error("no free point on edge " + id);
}""".replace("NETWORK", network).replace("EDGE", edge).replace("CONTAINER", container)


_POINT_JS = point_js("kgView.network", "kgView.data.edges[id]", "kg-net")


def screen_point(page: Any, kind: str, index: int) -> tuple[float, float]:
    """Page coordinates of node ``index``, or of a free point on (straight) edge ``index``."""
    x, y = page.evaluate(_POINT_JS, [kind, index])
    return float(x), float(y)


def hover(page: Any, kind: str, index: int) -> str:
    """Move the real mouse onto a node or edge and return the tooltip's text."""
    x, y = screen_point(page, kind, index)
    page.mouse.move(x - 6, y - 6)
    page.mouse.move(x, y, steps=3)
    page.wait_for_selector("#kg-tip:not([hidden])", timeout=5000)
    return str(page.inner_text("#kg-tip"))


# -- pytest fixtures (tests/conftest.py imports them, so that one session has one Chromium) --

try:
    import pytest
except ImportError:  # pragma: no cover - the bench runs without pytest
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture(scope="session")
    def browser_ctx() -> Iterator[Any]:
        """One headless Chromium for the session.  Missing Chromium or Playwright: skip, but fail under CI."""
        problem = None
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing (pip install -e '.[test]')"
        if problem is None and chromium_path() is None:
            problem = "Chromium not found: run tools/install-chromium.sh (or set KG_CHROMIUM)"
        if problem:
            if in_ci():
                pytest.fail(problem, pytrace=False)
            pytest.skip(problem)
        with browser() as ctx:
            yield ctx

    @pytest.fixture()
    def artifacts() -> Path:
        """``tests/artifacts/`` (gitignored): screenshots for people to look at."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        return ARTIFACTS
