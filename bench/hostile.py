#!/usr/bin/env python3
"""Time and memory of ``kg build`` on hostile input shapes, against ordinary text in the same run.

    python bench/hostile.py            # the full table (about 6 minutes on 2 shared cores)
    python bench/hostile.py --quick    # small sizes only

Shapes (bench/hostile_shapes.py; all text invented): text with every punctuation mark stripped
(5 K → 1 M characters), one itinerary of 1 K → 100 K stops with companions, one attendee list of
1 K → 100 K names, a 10 MB file of articles run into one line, and a JSONL file of a million tiny
articles.  Each row is a ``kg.build([file], jobs=1)`` in a child process with jieba and the
lexicons loaded before timing and no budget; it prints CPU seconds (the machine may be shared), time
per character relative to ordinary articles
(``bench/synth.py``, built the same way in the same run) and the child's peak RSS.  The million tiny
articles are read (``kg.read``) and extracted without merging into a graph, since a graph of a million
articles is a memory question of its own (README: about 9 MB per 1,000 articles); their baseline is
ordinary text through the same path.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _write(folder: Path, shape: str, size: int) -> Path:
    import hostile_shapes as H

    if shape in ("normal", "normal-stream"):
        path = folder / f"{shape}-{size}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for rec in H.normal_articles(size):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return path
    if shape == "tiny":
        path = folder / f"tiny-{size}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(size):
                f.write(f'{{"id": "t{i}", "date": "2024-03-05", "text": "青川区{i % 97}号文件印发。"}}\n')
        return path
    if shape == "one_line_mb":
        text = H.one_line(size * 2**20 // 3)  # three UTF-8 bytes per character
    else:
        text = getattr(H, shape)(size)
    path = folder / f"{shape}-{size}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _row(path: str, stream: bool) -> dict[str, float]:
    """Runs in the child: build (or stream) ``path`` and return chars, seconds, peak RSS."""
    import kg
    from kg.budget import NO_BUDGET
    from kg.lexicon import Lexicon
    from kg.parallel import extract_stream, warm_up
    from kg.read.reader import read

    lex = Lexicon.load()
    warm_up(lex)
    # the rules compile their patterns on first use: do that before the clock starts, as the baseline's
    # thousand articles amortise it
    kg.build([{"text": "3月5日，区委书记王建国先后来到白石村调研。", "date": "2024-03-06"}], lexicon=lex, jobs=1)
    chars = 0
    t = time.process_time()  # CPU time: the machine may be shared
    if stream:
        for article, _ in extract_stream(read([path], date="2024-03-06"), lex, jobs=1, budget=NO_BUDGET):
            chars += len(article.text)
    else:
        g = kg.build([path], lexicon=lex, jobs=1, date="2024-03-06", budget=NO_BUDGET)
        assert g.report.balanced
    seconds = time.process_time() - t
    if not stream:  # the input's characters (the page splitter drops paragraphs printed twice)
        chars = len(Path(path).read_text(encoding="utf-8"))
    return {"chars": chars, "seconds": seconds,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _measure(folder: Path, shape: str, size: int) -> dict[str, float]:
    path = _write(folder, shape, size)
    stream = shape in ("tiny", "normal-stream")
    out = subprocess.run([sys.executable, __file__, "--row", str(path)] + (["--stream"] if stream else []),
                         capture_output=True, text=True, check=True)
    os.unlink(path)
    return json.loads(out.stdout.splitlines()[-1])


FULL = [("unpunctuated", [5_000, 20_000, 100_000, 1_000_000]),
        ("itinerary", [1_000, 10_000, 100_000]),
        ("attendees", [1_000, 10_000, 100_000]),
        ("one_line_mb", [10]),
        ("tiny", [1_000_000])]
QUICK = [("unpunctuated", [5_000, 50_000]), ("itinerary", [1_000, 5_000]), ("attendees", [1_000, 10_000]),
         ("one_line_mb", [1]), ("tiny", [20_000])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--row", help=argparse.SUPPRESS)
    ap.add_argument("--stream", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.row:
        print(json.dumps(_row(args.row, args.stream)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = _measure(folder, "normal", 300 if args.quick else 1000)
        base_stream = _measure(folder, "normal-stream", 300 if args.quick else 1000)
        per = {False: base["seconds"] / base["chars"], True: base_stream["seconds"] / base_stream["chars"]}
        print(f"ordinary articles: {base['chars']:,} characters, {per[False] * 1e6:.1f} µs per character "
              f"(built), {per[True] * 1e6:.1f} µs (streamed); peak RSS {base['rss_mb']:.0f} MB\n")
        print(f"| {'shape':<14} | {'size':>10} | {'characters':>11} | {'seconds':>8} | {'× normal per char':>17} |"
              f" {'peak RSS MB':>11} |")
        print(f"|{'-' * 16}|{'-' * 12}|{'-' * 13}|{'-' * 10}|{'-' * 19}|{'-' * 13}|")
        for shape, sizes in (QUICK if args.quick else FULL):
            for size in sizes:
                r = _measure(folder, shape, size)
                ratio = r["seconds"] / r["chars"] / per[shape == "tiny"]
                unit = {"unpunctuated": "chars", "one_line_mb": "MB", "tiny": "articles"}.get(shape, "items")
                print(f"| {shape:<14} | {size:>10,} {unit[:1]}| {int(r['chars']):>11,} | {r['seconds']:>8.2f} |"
                      f" {ratio:>17.2f} | {r['rss_mb']:>11.0f} |", flush=True)


if __name__ == "__main__":
    main()
