#!/usr/bin/env python3
"""Score kg on the second fictional development set (devset2/).

Builds one graph from devset2/pages/ and devset2/articles.jsonl with kg.build, writes it to
bench/out/dev2-graph.json and runs ../shared/eval/score.py against devset2/gold.json with
--labels=Official,Meeting,Project,Street,Community,Region,Place, printing its report.

usage: .venv/bin/python bench/eval_dev2.py [--show]
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV2 = REPO / "devset2"
PAGES = DEV2 / "pages"
ARTICLES = DEV2 / "articles.jsonl"
GOLD = DEV2 / "gold.json"
SCORER = REPO / ".." / "shared" / "eval" / "score.py"
OUT = REPO / "bench" / "out" / "dev2-graph.json"
LABELS = "Official,Meeting,Project,Street,Community,Region,Place"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    import kg

    graph = kg.build([str(PAGES), str(ARTICLES)])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    graph.to_json(OUT)
    cmd = [sys.executable, str(SCORER.resolve()), str(GOLD), str(OUT), f"--labels={LABELS}"]
    if "--show" in argv:
        cmd.append("--show")
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
