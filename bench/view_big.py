"""Benchmark the HTML view on a big graph: 5,000 nodes / 10,000 edges in headless Chromium.

    .venv/bin/python bench/view_big.py [--nodes 5000] [--edges 10000] [--runs 3] [--out bench/out]

Prints the time to build the graph, to write the HTML (of which: layout), the file size, and per run
the time from navigation start to "settled" (the first frame drawn after layout, as the page reports
it in ``window.kgView.loadToSettledMs``) measured inside the page, plus the wall time of
``goto`` + wait.  Target: settled < 5 s.  Saves a screenshot (path printed).
Needs Chromium (tools/install-chromium.sh) and the test extras (playwright).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser_support as bs  # noqa: E402

import kg.view.html as view  # noqa: E402
import kg.view.layout as view_layout  # noqa: E402

TARGET_S = 5.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    g = bs.synthetic_graph(args.nodes, args.edges)
    t_graph = time.perf_counter() - t
    n, m = g.nx.number_of_nodes(), g.nx.number_of_edges()

    layout_s = []
    real_layout = view_layout.layout

    def timed_layout(*a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return real_layout(*a, **k)
        finally:
            layout_s.append(time.perf_counter() - t0)

    view._layout = timed_layout
    html_path = args.out / f"view_big_{n}x{m}.html"
    t = time.perf_counter()
    view.write_html(g, html_path)
    t_html = time.perf_counter() - t
    size = html_path.stat().st_size
    print(f"graph: {n:,} nodes, {m:,} edges (synthetic, built in {t_graph:.2f} s)")
    print(f"write_html: {t_html:.2f} s (layout {layout_s[0]:.2f} s); file {size / 1e6:.2f} MB -> {html_path}")

    settled, walls = [], []
    shot = args.out / f"view_big_{n}x{m}.png"
    with bs.browser() as ctx:
        for run in range(args.runs):
            t = time.perf_counter()
            page, log = bs.open_page(ctx, html_path, timeout_ms=120_000)
            walls.append(time.perf_counter() - t)
            ms = page.evaluate("window.kgView.loadToSettledMs")
            drawn = page.evaluate("[kgView.network.body.nodeIndices.length, "
                                  "kgView.network.body.edgeIndices.length]")
            settled.append(ms / 1000)
            print(f"run {run + 1}: load→settled {ms / 1000:.2f} s (wall {walls[-1]:.2f} s); "
                  f"drawn {drawn[0]:,} nodes, {drawn[1]:,} edges; "
                  f"console errors {len(log.console_errors())}; "
                  f"outside requests {len(log.outside_requests())}")
            if run == 0:
                page.screenshot(path=str(shot))
            page.close()
    best, med = min(settled), statistics.median(settled)
    print(f"load→settled: median {med:.2f} s, best {best:.2f} s (target < {TARGET_S:.0f} s: "
          f"{'OK' if med < TARGET_S else 'MISSED'})")
    print(f"screenshot: {shot}")
    return 0 if med < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
