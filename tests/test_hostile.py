"""Hostile input shapes: time grows linearly, fan-out is bounded, an article over budget is skipped.

Growth checks compare one shape at two sizes in one run (time at 4n <= 6 x time at n), each time the
best of three CPU-time runs, with sizes large enough that per-article overhead does not dominate.
The shapes (bench/hostile_shapes.py) are invented text about the fictional district 青川区.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import kg
from kg.budget import Budget
from kg.cli import main
from kg.extract import extract
from kg.lexicon import Lexicon
from kg.model import Article
from kg.parallel import warm_up

ROOT = Path(__file__).resolve().parent.parent


def _shapes() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("kg_bench_hostile_shapes", ROOT / "bench" / "hostile_shapes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


H = _shapes()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    lex = Lexicon.load()
    warm_up(lex)
    return lex


def _best_time(text: str, lexicon: Lexicon, runs: int = 3) -> float:
    article = Article(id="hostile", text=text, date="2024-03-06")
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        extract(article, lexicon)
        best = min(best, time.process_time() - t)
    return best


# (shape, n): n is characters for the text shapes, items for the lists; 4n crosses the sentence cut
# and, for the text shapes, the 20,000-character window
GROWTH = [("unpunctuated", 6_000), ("one_line", 6_000), ("itinerary", 300), ("attendees", 1_000),
          ("titled_list", 300)]


@pytest.mark.parametrize(("shape", "n"), GROWTH, ids=[s for s, _ in GROWTH])
def test_time_grows_linearly(shape: str, n: int, lexicon: Lexicon) -> None:
    make = getattr(H, shape)
    small, large = make(n), make(4 * n)
    t1 = _best_time(small, lexicon)
    t4 = _best_time(large, lexicon)
    assert t4 <= 6 * t1, f"{shape}: {t1:.3f} s at n, {t4:.3f} s at 4n ({t4 / t1:.1f}x)"


def test_unpunctuated_sentences_are_cut(lexicon: Lexicon) -> None:
    from kg.extract.doc import MAX_SENTENCE, Doc

    doc = Doc(Article(id="u", text=H.unpunctuated(5_000)), lexicon)
    assert len(doc.sentences) >= 5_000 // MAX_SENTENCE
    assert max(s.end - s.start for s in doc.sentences) <= MAX_SENTENCE
    # the pieces cover the text: nothing is lost at a cut
    assert "".join(s.text for s in doc.sentences) == doc.text


def test_long_text_windows_keep_offsets(lexicon: Lexicon) -> None:
    text = H.one_line(45_000)
    ex = extract(Article(id="w", text=text, date="2024-03-06"), lexicon)
    assert sum(1 for n in ex.nodes if n.label == "Article") == 1
    late = [n for n in ex.nodes if n.label == "Official" and n.provenance and (n.provenance.start or 0) > 40_000]
    assert late, "officials in the last window are found"
    for n in late:
        assert text[n.provenance.start:n.provenance.end] == n.name  # type: ignore[union-attr]


def test_companion_fan_out_is_bounded_and_reported(lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    import kg.extract.doc as doc_module

    text = ("3月5日，区委书记王建国先后来到白石村、滨河社区、龙溪镇敬老院和桃源街道农贸市场调研安全生产工作。"
            "副区长李晓峰，区委常委张丽娟，副区长陈立新陪同调研。")
    full = kg.build([{"text": text, "date": "2024-03-06"}], lexicon=lexicon)
    accompanied = [d for _, _, d in full.nx.edges(data=True) if d.get("rule") == "inspected:visit"]
    n = len(accompanied)  # three companions, each at every stop
    assert n >= 6 and n % 3 == 0 and not full.report.cut  # type: ignore[attr-defined]

    monkeypatch.setattr(doc_module, "MAX_FAN_OUT", 5)
    cut = kg.build([{"text": text, "date": "2024-03-06"}], lexicon=lexicon)
    kept = [d for _, _, d in cut.nx.edges(data=True) if d.get("rule") == "inspected:visit"]
    assert len(kept) == 5
    report = cut.report  # type: ignore[attr-defined]
    assert report.cut == {"companions×stops": n - 5}
    report.write(tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["relations_cut"] == {"companions×stops": n - 5}


def test_over_budget_article_is_skipped_not_fatal(lexicon: Lexicon) -> None:
    ordinary = {"id": "ok", "date": "2024-03-06", "text": "3月5日，区委书记王建国主持召开区委常委会会议。"}
    hostile = {"id": "big", "date": "2024-03-06", "text": H.titled_list(3_000)}
    again = dict(ordinary, id="ok2", text=ordinary["text"].replace("3月5日", "3月6日"))  # not a duplicate
    g = kg.build([ordinary, hostile, again], lexicon=lexicon,
                 budget=Budget(seconds=0.2, seconds_per_char=0))
    report = g.report  # type: ignore[attr-defined]
    assert report.articles_in_graph == 2 and report.balanced
    assert [(s.code, s.origin) for s in report.skipped] == [("article:budget", "<record 1>")]
    assert "over budget" in report.skipped[0].reason
    assert g.meetings_of("王建国")


def test_cli_budget_skip_and_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import functools

    import kg.budget

    # only the fixed allowance: the per-character one would cover this list on a fast machine
    monkeypatch.setattr(kg.budget, "Budget", functools.partial(Budget, seconds_per_char=0))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "big", "date": "2024-03-06", "text": H.titled_list(3_000)},
                              ensure_ascii=False) + "\n" + json.dumps(
        {"id": "ok", "date": "2024-03-06", "text": "3月5日，区委书记王建国主持召开区委常委会会议。"},
        ensure_ascii=False) + "\n", encoding="utf-8")
    args = ["build", str(src), "--no-html", "--jobs", "1", "--budget-seconds", "0.2", "--out"]
    ok = CliRunner().invoke(main, args + [str(tmp_path / "a")])
    assert ok.exit_code == 0, ok.output
    report = json.loads((tmp_path / "a" / "report.json").read_text("utf-8"))
    assert report["skipped_by_reason"] == {"article:budget": 1} and report["articles_in_graph"] == 1
    strict = CliRunner().invoke(main, args + [str(tmp_path / "b"), "--strict"])
    assert strict.exit_code != 0 and "--strict" in strict.output
