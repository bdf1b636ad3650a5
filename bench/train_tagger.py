#!/usr/bin/env python3
"""Train the optional CRF name tagger (``bench/tagger.py``) on the public corpora in ``../shared/data/``.

    .venv/bin/python bench/train_tagger.py [--out=bench/out/tagger.crfsuite] [--iterations=60]
                                           [--corpora=pd,msra,cluener,resume,address]

The corpora are read at run time (never copied into the repository) and mapped to four span types:

    PER    People's Daily / MSRA PER, CLUENER name, Resume NAME, address person
    ORG    People's Daily / MSRA ORG, CLUENER government / organization / company, Resume ORG
    LOC    People's Daily / MSRA LOC, CLUENER address / scene, Resume LOC, address prov … poi
    TITLE  CLUENER position, Resume TITLE

Needs ``pip install python-crfsuite``.  Training is deterministic (L-BFGS from zero weights).
"""
from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / ".." / "shared" / "data"

CLUENER = {"name": "PER", "government": "ORG", "organization": "ORG", "company": "ORG", "address": "LOC",
           "scene": "LOC", "position": "TITLE"}
RESUME = {"NAME": "PER", "ORG": "ORG", "LOC": "LOC", "TITLE": "TITLE"}
ADDRESS = {"prov": "LOC", "city": "LOC", "district": "LOC", "devzone": "LOC", "town": "LOC", "community": "LOC",
           "road": "LOC", "poi": "LOC", "person": "PER"}

Sentence = tuple[str, list[str]]


def _columns(path: Path, mapping: dict[str, str] | None) -> Iterator[Sentence]:
    """Char-per-line files (``char TAG``, blank line between sentences), BIO or BMES, labels mapped."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) < 2:
            if chars:
                yield "".join(chars), tags
            chars, tags = [], []
            continue
        ch, tg = parts[0], parts[-1]
        if len(ch) != 1:
            ch = ch[:1]
        if tg == "O":
            out = "O"
        else:
            pos, _, kind = tg.partition("-")
            label = mapping.get(kind) if mapping is not None else kind
            if label is None:
                out = "O"
            elif pos in ("B", "S"):
                out = "B-" + label
            else:
                out = "I-" + label
        chars.append(ch)
        tags.append(out)


def _cluener(path: Path) -> Iterator[Sentence]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        tags = ["O"] * len(text)
        for kind, names in rec.get("label", {}).items():
            label = CLUENER.get(kind)
            if label is None:
                continue
            for spans in names.values():
                for s, e in spans:
                    tags[s] = "B-" + label
                    for i in range(s + 1, e + 1):
                        tags[i] = "I-" + label
        yield text, tags


def corpora(names: list[str]) -> Iterator[Sentence]:
    pd = DATA / "peoples_daily_ner_bio"
    if "pd" in names:
        for f in ("example.dev", "example.test"):
            yield from _columns(pd / f, None)
    if "msra" in names:
        yield from _columns(DATA / "msra_ner" / "msra_test_bio.txt", None)
    if "cluener" in names:
        yield from _cluener(DATA / "cluener2020" / "train.json")
    if "resume" in names:
        for f in ("dev.char.bmes", "test.char.bmes"):
            yield from _columns(DATA / "resume_ner" / f, RESUME)
    if "address" in names:
        for f in ("dev.txt", "test.txt"):
            yield from _columns(DATA / "chinese_address_parsing" / f, ADDRESS)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    import pycrfsuite
    from tagger import MODEL, features

    from kg.extract.doc import segmenter
    from kg.lexicon import Lexicon

    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    out = Path(opts.get("out", MODEL))
    names = opts.get("corpora", "pd,msra,cluener,resume,address").split(",")
    lexicon = Lexicon.load()
    seg = segmenter(lexicon)
    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_sent = n_char = 0
    for text, tags in corpora(names):
        trainer.append(features(text, list(seg.cut(text)), lexicon), tags)
        n_sent += 1
        n_char += len(text)
    prepared = time.perf_counter() - start
    trainer.set_params({"c1": 0.5, "c2": 0.01, "max_iterations": int(opts.get("iterations", 40)),
                        "feature.minfreq": 3, "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    total = time.perf_counter() - start
    print(f"{n_sent} sentences, {n_char} chars from {','.join(names)}; features {prepared:.0f} s, "
          f"total {total:.0f} s; model {out} {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
