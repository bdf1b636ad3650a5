#!/usr/bin/env python3
"""Score kg on the fictional development set (devset/).

Builds the graph of devset/articles.jsonl with kg.build, writes it to bench/out/dev-graph.json and
runs ../shared/eval/score.py against devset/gold.json, printing its report.

usage: .venv/bin/python bench/eval_dev.py [--no-show] [--labels=L1,L2,...]
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "devset" / "articles.jsonl"
GOLD = REPO / "devset" / "gold.json"
SCORER = REPO / ".." / "shared" / "eval" / "score.py"
OUT = REPO / "bench" / "out" / "dev-graph.json"
LABELS = "Official,Meeting,Project,Street,Community,Region,Place"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    import kg

    labels = next((a.split("=", 1)[1] for a in argv if a.startswith("--labels=")), LABELS)
    graph = kg.build([str(ARTICLES)])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    graph.to_json(OUT)
    cmd = [sys.executable, str(SCORER.resolve()), str(GOLD), str(OUT), f"--labels={labels}"]
    if "--no-show" not in argv:
        cmd.append("--show")
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
