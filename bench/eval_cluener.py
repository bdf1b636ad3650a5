"""How well kg finds titled officials in sentences it has never seen (CLUENER2020, read at run time).

Gold: a CLUENER ``position`` span immediately followed by a ``name`` span (市委书记 + 张三) is a titled
person.  We run kg on each sentence and report recall of those names, and how many of the officials
kg finds are CLUENER names at all (a precision proxy).  Usage::

    python bench/eval_cluener.py [../shared/data/cluener2020/dev.json] [--show]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import kg
from kg.lexicon import Lexicon

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cluener2020" / "dev.json"


def gold_of(rec: dict) -> tuple[set[str], set[str]]:
    spans = {lab: [(s, e, name) for name, ss in d.items() for s, e in ss] for lab, d in rec["label"].items()}
    names = {n for _, _, n in spans.get("name", [])}
    titled = {n for ps, pe, _ in spans.get("position", []) for ns, _, n in spans.get("name", []) if ns == pe + 1}
    return titled, names


def main(argv: list[str]) -> int:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    show = "--show" in argv
    lex = Lexicon.load()
    tp = fn = pred = pred_named = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        titled, names = gold_of(rec)
        g = kg.build([{"id": "s", "text": rec["text"]}], lexicon=lex)
        found = {d["name"] for _, d in g.nx.nodes(data=True) if d["label"] in ("Official", "Person")}
        pred += len(found)
        pred_named += len(found & names)
        tp += len(titled & found)
        fn += len(titled - found)
        if show and (titled - found or found - names):
            print(f"miss {sorted(titled - found)} extra {sorted(found - names)} | {rec['text']}")
    recall = tp / max(tp + fn, 1)
    precision = pred_named / max(pred, 1)
    print(f"titled persons: {tp + fn}, found {tp} (recall {recall:.2f}); officials and persons predicted {pred}, "
          f"of which CLUENER names {pred_named} (precision proxy {precision:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
