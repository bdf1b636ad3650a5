"""Throughput and memory of ``kg build``, against jieba's own speed, on one core and on several.

    python bench/throughput.py                 # the full run (about 10 minutes on 2 cores)
    python bench/throughput.py --quick         # smaller corpora, fewer repeats, memory for 10,000 only

On the same text, in one run, it measures:

* characters per second of ``jieba.lcut`` alone, and of the full pipeline (read, split, extract, add to
  the graph) with ``jobs=1``; their ratio (target: >= 0.5);
* the pipeline with ``jobs=2`` worker processes, and its speed-up over ``jobs=1`` (target: >= 1.6);
* peak memory of a ``kg`` build over 10,000 and 100,000 synthetic articles, each in its own child
  process (``getrusage`` max RSS of the build process, and of its largest worker), with the graph's
  size, to show what memory grows with (target: < 2 GB for 100,000).

Corpora: the synthetic one of ``bench/synth.py`` (fictional districts, officials and projects) and a real
e-paper page, ``/work/shared/corpus/000_8267876f5ac0a1f1.txt`` (``--page``), copied into a temporary
folder as many files (read at run time; never stored in the repository).  jieba and the lexicons are
loaded before timing starts, so the figures are steady-state throughput; workers of ``jobs=2`` are
started inside the timed build.  Times are medians of ``--repeat`` runs (wall clock; the CPU time of
this process is shown for the one-process runs, since other programs on the machine skew the wall clock).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402

from kg.lexicon import Lexicon  # noqa: E402
from kg.pipeline import build  # noqa: E402

DEFAULT_PAGE = Path("/work/shared/corpus/000_8267876f5ac0a1f1.txt")


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float]:
    """Median wall, best wall and median CPU seconds of ``repeat`` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def _jieba_all(texts: list[str]) -> None:
    import jieba

    for t in texts:
        jieba.lcut(t)


def measure(name: str, source: Path, texts: list[str], lex: Lexicon, repeat: int, jobs: int) -> dict[str, Any]:
    """One row of the throughput table."""
    chars = sum(len(t) for t in texts)
    load = os.getloadavg()[0]
    jw, jb, jc = _timed(lambda: _jieba_all(texts), repeat)
    p1w, p1b, p1c = _timed(lambda: build([source], lexicon=lex, jobs=1), repeat)
    pnw, pnb, _ = _timed(lambda: build([source], lexicon=lex, jobs=jobs), repeat)
    return {"corpus": name, "chars": chars, "jieba": chars / jw, "jieba_cpu": chars / jc, "jieba_best": chars / jb,
            "one": chars / p1w, "one_cpu": chars / p1c, "one_best": chars / p1b, "many": chars / pnw,
            "many_best": chars / pnb, "load": (load + os.getloadavg()[0]) / 2}


def memory_child(path: str, jobs: int) -> None:
    """Run in a child process: build ``path`` and print peak memory and graph size as JSON."""
    from kg.model import Article

    t = time.perf_counter()
    g = build([path], jobs=jobs)
    seconds = time.perf_counter() - t
    gc.collect()
    held = sum(1 for o in gc.get_objects() if isinstance(o, Article))
    counts = g.counts()
    print(json.dumps({
        "seconds": seconds,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "nodes": g.nx.number_of_nodes(), "edges": g.nx.number_of_edges(),
        "articles": counts["nodes"].get("Article", 0),
        "entities": g.nx.number_of_nodes() - counts["nodes"].get("Article", 0),
        "article_objects_alive": held,
    }))


def measure_memory(n: int, tmp: Path, jobs: int) -> dict[str, Any]:
    """Peak memory of a build over ``n`` synthetic articles, in a child process."""
    path = tmp / f"synth-{n}.jsonl"
    synth.write_jsonl(path, n, seed=1)
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(path), "--jobs", str(jobs)],
                         check=True, capture_output=True, text=True)
    path.unlink()
    row: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    row["n"] = n
    return row


def main(argv: list[str] | None = None) -> None:
    """Command line: run the benchmark and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000, help="synthetic articles for throughput")
    ap.add_argument("--page", type=Path, default=DEFAULT_PAGE, help="a real e-paper page (.txt)")
    ap.add_argument("--page-copies", type=int, default=60, help="how many times the page is read")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is shown)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel figure")
    ap.add_argument("--memory", default="10000,100000", help="article counts for peak memory ('' for none)")
    ap.add_argument("--quick", action="store_true", help="1,000 articles, 20 page copies, 1 run, memory for 10,000")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child, args.jobs)
        return
    if args.quick:
        args.articles, args.page_copies, args.repeat, args.memory = 1000, 20, 1, "10000"

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    lex = Lexicon.load()
    build(["区委书记王建国主持召开区委常委会会议。"], lexicon=lex)  # load jieba, lexicon and tag table now
    print(f"kg throughput benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"median of {args.repeat} run(s)\n")

    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as td:
        tmp = Path(td)
        src = tmp / "synth.jsonl"
        synth.write_jsonl(src, args.articles, seed=0)
        texts = [json.loads(line)["text"] for line in src.read_text(encoding="utf-8").splitlines()]
        rows.append(measure(f"synthetic, {args.articles} articles", src, texts, lex, args.repeat, args.jobs))
        if args.page.is_file():
            pages = tmp / "pages"
            pages.mkdir()
            from kg.read.decoding import decode_detail

            page_text = decode_detail(args.page.read_bytes(), path=str(args.page)).text
            # kg skips an article whose text it has seen before: each copy writes its numbers (dates, sums,
            # counts) with its own permutation of the digits, the same length and the same language
            copies = []
            for k in range(args.page_copies):
                digits = list("0123456789")
                random.Random(k).shuffle(digits)
                copies.append(page_text.translate(str.maketrans("0123456789", "".join(digits))) if k else page_text)
            for k, text in enumerate(copies):
                (pages / f"page-{k:04d}.txt").write_text(text, encoding="utf-8")
            rows.append(measure(f"real page x {args.page_copies}", pages, copies, lex, args.repeat, args.jobs))
        else:
            print(f"(no page at {args.page}: real-page figures skipped)")

        print(f"{'corpus':<28} {'chars':>9} {'jieba.lcut':>12} {'kg jobs=1':>12} {'ratio':>6} "
              f"{'kg jobs=' + str(args.jobs):>12} {'speed-up':>8}")
        for r in rows:
            print(f"{r['corpus']:<28} {r['chars']:>9} {r['jieba']:>10.0f}/s {r['one']:>10.0f}/s "
                  f"{r['one'] / r['jieba']:>6.2f} {r['many']:>10.0f}/s {r['many'] / r['one']:>7.2f}x")
        for r in rows:
            print(f"  best run, {r['corpus']}: jieba {r['jieba_best']:.0f}/s, kg jobs=1 {r['one_best']:.0f}/s "
                  f"(ratio {r['one_best'] / r['jieba_best']:.2f}), jobs={args.jobs} {r['many_best']:.0f}/s "
                  f"(speed-up {r['many_best'] / r['one_best']:.2f}x); load average during the runs {r['load']:.1f}")
        print("  (characters per second, wall clock; one-process CPU-time figures: "
              + "; ".join(f"{r['corpus']}: jieba {r['jieba_cpu']:.0f}/s, kg {r['one_cpu']:.0f}/s, "
                          f"ratio {r['one_cpu'] / r['jieba_cpu']:.2f}" for r in rows) + ")")
        print(f"  targets: kg jobs=1 >= 0.5 x jieba.lcut; jobs={args.jobs} >= 1.6 x jobs=1\n")

        counts = [int(x) for x in args.memory.split(",") if x.strip()]
        if counts:
            print(f"{'articles':>9} {'peak MB':>8} {'worker MB':>9} {'seconds':>8} {'nodes':>8} {'entities':>8} "
                  f"{'edges':>9} {'texts held':>10}")
            mem = []
            for n in counts:
                r = measure_memory(n, tmp, args.jobs)
                mem.append(r)
                print(f"{n:>9} {r['maxrss_mb']:>8.0f} {r['worker_maxrss_mb']:>9.0f} {r['seconds']:>8.1f} "
                      f"{r['nodes']:>8} {r['entities']:>8} {r['edges']:>9} {r['article_objects_alive']:>10}",
                      flush=True)
            if len(mem) > 1:
                a, b = mem[0], mem[-1]
                per = (b["maxrss_mb"] - a["maxrss_mb"]) / ((b["n"] - a["n"]) / 1000)
                edges = (b["edges"] - a["edges"]) / (b["n"] - a["n"])
                print(f"  growth: {per:.1f} MB per 1,000 more articles ({edges:.1f} edges per article kept with"
                      f" their evidence; article texts held after the build: "
                      f"{b['article_objects_alive']})")
            print("  peak MB: the build process holding the graph; worker MB: its largest worker process")
            print("  target: < 2048 MB for 100,000 articles")


if __name__ == "__main__":
    main()
