"""The same article in any format gives the same graph; `kg build` is repeatable byte for byte."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from input_samples import ARTICLE, SIMP_ARTICLE, TRAD_ARTICLE, gov_page

import kg
from kg.cli import main

#: Article-node attributes that say where an article came from, not what it says.
WHERE = ("origin", "url", "source")


def _graph(path: Path) -> dict[str, Any]:
    data = json.loads(kg.build([path]).to_json())
    for node in data["nodes"]:
        if node.get("label") == "Article":
            for k in WHERE:
                node.pop(k, None)
    return data


def test_html_gbk_and_utf8_text_give_the_same_graph(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("gbk"))
    (tmp_path / "c.html").write_text(gov_page(), encoding="utf-8")
    (tmp_path / "d.html").write_bytes(gov_page("gbk").replace("&copy;", "").encode("gbk"))
    utf8 = _graph(tmp_path / "a.txt")
    assert any(n["name"] == "王某某" for n in utf8["nodes"])
    assert utf8["edges"], "the sample must produce relationships"
    for other in ("b.txt", "c.html", "d.html"):
        assert _graph(tmp_path / other) == utf8, other


def test_traditional_and_simplified_give_one_node(tmp_path: Path) -> None:
    (tmp_path / "trad.txt").write_bytes(TRAD_ARTICLE.encode("big5"))
    (tmp_path / "simp.txt").write_text(SIMP_ARTICLE, encoding="utf-8")
    assert _graph(tmp_path / "trad.txt") == _graph(tmp_path / "simp.txt")
    both = kg.build([tmp_path / "trad.txt", tmp_path / "simp.txt"])
    assert both.find("程远航") and not both.find("程遠航")


def test_record_formats_agree(tmp_path: Path) -> None:
    text = ARTICLE.strip()
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x1", "text": text}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    with (tmp_path / "c.csv").open("w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], ["x1", text]])
    assert _graph(tmp_path / "c.jsonl") == _graph(tmp_path / "c.csv")


def _corpus(d: Path) -> Path:
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.html").write_text(gov_page(), encoding="utf-8")
    (d / "c.txt").write_bytes(TRAD_ARTICLE.encode("big5"))
    (d / "d.jsonl").write_text('{"text": "区长李某某到东湖新城项目调研。"}\n{broken\n', encoding="utf-8")
    (d / "e.txt").write_bytes(b"")
    return d


def test_kg_build_twice_is_byte_identical(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in")
    runner = CliRunner()
    outs = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = runner.invoke(main, ["build", str(src), "--out", str(out), "--no-html"])
        assert result.exit_code == 0, result.output
        outs.append(out)
    for name in ("graph.json", "graph.graphml", "report.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    report = json.loads((outs[0] / "report.json").read_text(encoding="utf-8"))
    assert report["articles_read"] == report["articles_in_graph"] + report["articles_skipped"]
    # b.html is a.txt saved as a web page: the same article id, read once (its mentions counted once)
    assert report["skipped_by_reason"] == {"article:duplicate": 1, "article:empty": 1, "article:malformed-json": 1}


def test_kg_build_prints_skips_and_strict_fails(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "o"), "--no-html"])
    assert result.exit_code == 0
    assert f"warning: {src / 'd.jsonl'}:2: malformed JSON" in result.output
    assert f"warning: {src / 'e.txt'}: empty file" in result.output
    strict = runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "s"), "--no-html", "--strict"])
    assert strict.exit_code != 0 and "--strict" in strict.output
    assert (tmp_path / "s" / "report.json").exists()


@pytest.mark.parametrize("args,stdin", [
    (["--format", "csv", "--text-column", "body"], "id,body\n1,区委书记王某某主持召开区委常委会会议。\n"),
    ([], json.dumps({"text": "区委书记王某某主持召开区委常委会会议。"}, ensure_ascii=False)),
])
def test_kg_build_from_stdin(tmp_path: Path, args: list[str], stdin: str) -> None:
    result = CliRunner().invoke(main, ["build", "-", "--out", str(tmp_path), "--no-html", *args],
                                input=stdin.encode("utf-8"))
    assert result.exit_code == 0, result.output
    graph = kg.KnowledgeGraph.from_json(tmp_path / "graph.json")
    assert graph.find("王某某", "Official")
