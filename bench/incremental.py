"""Time to add 100 articles to a graph of N articles (``kg build NEW --update DIR``) next to a full rebuild.

For each size N the synthetic corpus (``bench/synth.py``) of N articles is built once with ``kg build``
(the state an update starts from), then the next 100 articles are added with ``--update`` and, for
comparison, all N + 100 are built from scratch.  Both write the same files (the script checks that
``graph.json`` is byte-identical).  The update's time is split into extraction of the new articles and
the rest (loading the saved state, resolving, writing the files), which grows with the graph.

    python bench/incremental.py                       # 1,000 and 10,000 articles
    python bench/incremental.py --sizes 1000 10000 100000 --jobs 2
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main as kg_main

HERE = Path(__file__).resolve().parent


def _synth():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kg_bench_synth", HERE / "synth.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _kg(*args: str) -> float:
    t0 = time.perf_counter()
    result = CliRunner().invoke(kg_main, ["build", *args, "--no-progress"], catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--new", type=int, default=100, help="articles added by the update")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--no-full", action="store_true", help="skip the full rebuild (the slow part)")
    args = ap.parse_args(argv)
    synth = _synth()
    print(f"{'articles':>9} {'update +' + str(args.new):>12} {'of it: extract':>15} {'full rebuild':>13} "
          f"{'ratio':>6} {'state MB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            d = Path(tmp) / str(n)
            d.mkdir()
            old, new = d / "old.jsonl", d / "new.jsonl"
            records = synth.articles(n + args.new, seed=11)
            with open(old, "w", encoding="utf-8") as fo, open(new, "w", encoding="utf-8") as fn:
                import json

                for i, rec in enumerate(records):
                    (fo if i < n else fn).write(json.dumps(rec, ensure_ascii=False) + "\n")
            jobs = ["--jobs", str(args.jobs)]
            _kg(str(old), "--out", str(d / "inc"), *jobs)
            t_update = _kg(str(new), "--update", str(d / "inc"), *jobs)
            t_extract = _kg(str(new), "--out", str(d / "new-only"), "--no-html", *jobs)  # the new ones alone
            state_mb = (d / "inc" / "build-state.json").stat().st_size / 1e6
            if args.no_full:
                print(f"{n:>9,} {t_update:>11.1f}s {t_extract:>14.1f}s {'-':>13} {'-':>6} {state_mb:>9.1f}")
                continue
            t_full = _kg(str(old), str(new), "--out", str(d / "full"), *jobs)
            same = (d / "inc" / "graph.json").read_bytes() == (d / "full" / "graph.json").read_bytes()
            print(f"{n:>9,} {t_update:>11.1f}s {t_extract:>14.1f}s {t_full:>12.1f}s {t_full / t_update:>5.1f}x "
                  f"{state_mb:>9.1f}" + ("" if same else "  graph.json DIFFERS"), flush=True)


if __name__ == "__main__":
    main()
