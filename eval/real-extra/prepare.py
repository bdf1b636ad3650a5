#!/usr/bin/env python3
"""Check regenerated real-extra texts against index.tsv and write input.jsonl for `kg build`.

    python3 eval/real-extra/prepare.py [ARTICLES.jsonl]    # default: .cache/real-extra/articles.jsonl

ARTICLES.jsonl holds one {"id", "url", "text"} line per row of index.tsv, the text exactly as the search
tool returned it (see README.md). The script writes input.jsonl next to it ({"id", "url", "text", "date"?}),
reports rows that are missing or whose sha256/length differ, and warns about gold node names or aliases
that do not occur verbatim in their text (a gold name must be copied from the text, so such a warning
means either the text changed or the gold has a slip).
"""
import csv
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent


def load_index():
    with open(HERE / "index.tsv", encoding="utf-8", newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f, delimiter="\t")}


def simplified(text):
    try:
        from kg.read.script import to_simplified
    except ImportError:  # kg not installed: check names as written only
        return text
    return to_simplified(text)


def unverbatim(gold_path, texts):
    """Yield (id, label, name) for gold names/aliases absent from their article's text.

    An alias may also be the simplified form of a name written in traditional characters (kg reads such
    text in simplified characters), so aliases are looked up in the text after kg's own conversion too."""
    gold = json.load(open(gold_path, encoding="utf-8"))
    for art in gold["articles"]:
        text = texts.get(art["id"])
        if text is None:
            continue
        for node in art["nodes"]:
            for name in [node["name"], *node.get("aliases", [])]:
                if name not in text and not (name in node.get("aliases", []) and name in simplified(text)):
                    yield art["id"], node["label"], name


def main(argv):
    src = Path(argv[1]) if len(argv) > 1 else PROJECT / ".cache" / "real-extra" / "articles.jsonl"
    dst = src.with_name("input.jsonl")
    index = load_index()
    texts, bad = {}, []
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                art = json.loads(line)
                aid, text = art["id"], art["text"]
            except (ValueError, KeyError, TypeError) as exc:
                sys.exit(f"{src}:{lineno}: not an article line ({exc})")
            row = index.get(aid)
            if row is None:
                print(f"{src}:{lineno}: {aid} is not in index.tsv; skipped")
                continue
            texts[aid] = text
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest != row["sha256"] or str(len(text)) != row["length"]:
                bad.append(f"{aid} (length {len(text)}, index {row['length']})")
            rec = {"id": aid, "url": row["url"], "text": text}
            if row.get("date"):
                rec["date"] = row["date"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    missing = sorted(set(index) - set(texts))
    print(f"wrote {dst}: {len(texts)} of {len(index)} articles; missing: {missing or 'none'}; "
          f"sha256 mismatches: {bad or 'none'}")
    warnings = list(unverbatim(HERE / "gold.json", texts))
    for aid, label, name in warnings:
        print(f"warning: {aid}: gold {label} {name!r} does not occur verbatim in the text")
    if not warnings:
        print("gold check: every gold name and alias occurs verbatim in its text")


if __name__ == "__main__":
    main(sys.argv)
