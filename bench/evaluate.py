#!/usr/bin/env python3
"""Score kg against a gold graph: build the graph of a set's inputs, then run ../shared/eval/score.py.

    python bench/evaluate.py devset|devset2|heldout [--show] [--labels=L1,L2,...]

Each set is a folder of this repository's ``eval/`` with ``gold.json`` (score.py's gold format) and its inputs:
``articles.jsonl`` and, where present, ``pages/``.  The graph is written to bench/out/SET-graph.json.
``eval/heldout/`` is for measuring only, never for tuning (see its README).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO / ".." / "shared" / "eval" / "score.py"
LABELS = "Official,Meeting,Project,Street,Community,Region,Place"


def evaluate(name: str, argv: list[str], *, show_default: bool = False) -> int:
    """Build and score the set ``name``; ``argv`` may hold --show, --no-show and --labels=."""
    sys.path.insert(0, str(REPO))
    import kg

    folder = REPO / "eval" / name
    inputs = [str(p) for p in (folder / "pages", folder / "articles.jsonl") if p.exists()]
    labels = next((a.split("=", 1)[1] for a in argv if a.startswith("--labels=")), LABELS)
    out = REPO / "bench" / "out" / f"{name}-graph.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    kg.build(inputs).to_json(out)
    return score(folder / "gold.json", out, labels,
                 show="--show" in argv or (show_default and "--no-show" not in argv))


def score(gold: Path, graph: Path, labels: str, *, show: bool = False) -> int:
    """Run ../shared/eval/score.py on ``graph`` against ``gold``; print what it prints."""
    cmd = [sys.executable, str(SCORER.resolve()), str(gold.resolve()), str(graph), f"--labels={labels}"]
    if show:
        cmd.append("--show")
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__)
        sys.exit(2)
    sys.exit(evaluate(args[0], sys.argv[1:]))
