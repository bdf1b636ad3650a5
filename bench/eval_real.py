#!/usr/bin/env python3
"""Score kg on the real development set (``../shared/eval/real/``).

    .venv/bin/python bench/eval_real.py [--show] [--labels=L1,L2,...] [--texts=DIR] [--set=extra]

The articles' texts are not in the repository: regenerate them as ``../shared/eval/real/README.md``
says into ``.cache/real/`` (git-ignored), run its ``prepare.py`` there, and this script builds
``.cache/real/input.jsonl`` with ``kg.build``, writes ``bench/out/real-graph.json`` and runs
``score.py`` with the eight labels of the gold graphs.  ``--set=extra`` scores our own additions instead
(``eval/real-extra/``: digests and long itineraries; texts in ``.cache/real-extra/``, see its README).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / ".." / "shared" / "eval" / "real"
LABELS = "Official,Meeting,Project,Street,Community,Region,Place,Organization"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from evaluate import score

    import kg

    extra = "--set=extra" in argv
    gold = REPO / "eval" / "real-extra" / "gold.json" if extra else REAL / "gold.json"
    default_texts = REPO / ".cache" / ("real-extra" if extra else "real")
    texts = Path(next((a.split("=", 1)[1] for a in argv if a.startswith("--texts=")), default_texts))
    source = texts / "input.jsonl"
    if not source.is_file():
        print(f"{source} is missing: regenerate the texts as {REAL.resolve() / 'README.md'} says", file=sys.stderr)
        return 2
    labels = next((a.split("=", 1)[1] for a in argv if a.startswith("--labels=")), LABELS)
    out = REPO / "bench" / "out" / ("real-extra-graph.json" if extra else "real-graph.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    kg.build([str(source)]).to_json(out)
    print(f"built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return score(gold, out, labels, show="--show" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
