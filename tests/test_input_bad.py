"""Hostile input: every bad file or line is skipped with a one-line reason, and the accounting adds up."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from input_samples import ARTICLE, BODY

import kg
from kg.read import corpus, reader
from kg.report import Report, Skip

GOOD = "区委书记王某某主持召开区委常委会会议。"


def _build(sources: object, **kw: object) -> tuple[kg.KnowledgeGraph, Report, list[Skip]]:
    seen: list[Skip] = []
    report = Report(on_skip=seen.append)
    graph = kg.build(sources, report=report, **kw)  # type: ignore[arg-type]
    report.check()
    return graph, report, seen


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "article:empty"),
    ("blank.txt", b" \n\r\n\t \n", "article:empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "article:binary"),
    ("nul.txt", "区委书记".encode() + b"\x00\x00\x00\x01\x02", "article:binary"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 40, "article:undecodable"),
    ("english.txt", b"The district committee met on Monday.\n", "article:no-chinese"),
    ("empty.jsonl", b"", "article:empty"),
    ("empty.csv", b"", "article:empty"),
    ("header.csv", b"id,text\n", "article:empty"),
    ("empty.html", b"<html><body></body></html>", "article:empty"),
    ("doc.pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "article:binary"),
    ("bad.json", b"{not json", "article:malformed-json"),
])
def test_a_bad_file_is_one_article_read_and_skipped(tmp_path: Path, name: str, data: bytes,
                                                    code: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    graph, report, seen = _build([f])
    assert [s.code for s in seen] == [code]
    assert seen[0].origin in (str(f), f"{f}:1")
    assert "\n" not in seen[0].message and str(f) in seen[0].message
    assert (report.articles_read, report.articles_in_graph, report.articles_skipped) == (1, 0, 1)


def test_bad_jsonl_lines_name_the_line_and_the_rest_is_read(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"text": GOOD}, ensure_ascii=False).encode(),         # 1 good
        b'{"text": "unterminated',                                       # 2 malformed
        b"[1, 2, 3]",                                                    # 3 not an object
        b'{"title": "no text here"}',                                    # 4 no text
        b'{"text": ""}',                                                 # 5 empty text
        b'{"text": 42}',                                                 # 6 text not a string
        b"",                                                             # 7 blank: not a record
        b'{"text": "\xff\xfe\xfa bad bytes"}',                           # 8 undecodable
        json.dumps({"text": "no Chinese at all"}).encode(),              # 9 no Chinese
        json.dumps({"text": GOOD + "（二）"}, ensure_ascii=False).encode(),  # 10 good
        b"[" * 100_000,                                                  # 11 nested too deep
    ]
    f.write_bytes(b"\n".join(lines) + b"\n")
    graph, report, seen = _build([f])
    assert [(s.origin, s.code) for s in seen] == [
        (f"{f}:2", "article:malformed-json"), (f"{f}:3", "article:malformed-json"),
        (f"{f}:4", "article:no-text"), (f"{f}:5", "article:no-text"), (f"{f}:6", "article:no-text"),
        (f"{f}:8", "article:undecodable"), (f"{f}:9", "article:no-chinese"),
        (f"{f}:11", "article:malformed-json"),
    ]
    assert (report.articles_read, report.articles_in_graph, report.articles_skipped) == (10, 2, 8)
    assert graph.find("王某某", "Official")


def test_over_long_jsonl_line_is_skipped_without_holding_it(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "MAX_LINE_BYTES", 1000)
    f = tmp_path / "c.jsonl"
    big = json.dumps({"text": "区" * 5000}, ensure_ascii=False)
    f.write_text(big + "\n" + json.dumps({"text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = Report()
    arts = list(reader.read([f], report=report))
    assert [a.text for a in arts] == [GOOD]
    assert [(s.origin, s.code) for s in report.skipped] == [(f"{f}:1", "article:too-large")]


def test_megabyte_lines_without_line_breaks(tmp_path: Path) -> None:
    line = "".join(f"区委书记王某某第{i}次主持召开常委会会议，研究部署重点工作。" for i in range(12_000))
    assert len(line.encode("utf-8")) > 1_000_000
    (tmp_path / "one-line.txt").write_text(line, encoding="utf-8")
    (tmp_path / "one-line.jsonl").write_text(json.dumps({"text": line}, ensure_ascii=False), encoding="utf-8")
    report = Report()
    start = time.monotonic()
    arts = list(reader.read([tmp_path], report=report))
    assert time.monotonic() - start < 30
    assert [len(a.text) for a in arts] == [len(line), len(line)]


def test_file_of_tens_of_megabytes(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    block = ("\n".join([f"青川区第{i}次常委会会议召开", "本报讯（记者 张某）", *BODY])
             for i in range(1_000_000))
    with f.open("w", encoding="utf-8") as fh:
        written = 0
        for part in block:
            written += fh.write(part + "\n\n")
            if written > 8_000_000:  # characters: about 24 MB of UTF-8
                break
    assert f.stat().st_size > 20_000_000
    report = Report()
    start = time.monotonic()
    n = sum(1 for _ in reader.read([f], report=report))
    assert time.monotonic() - start < 120
    assert n > 50_000 and report.articles_read == n and not report.skipped


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    report = Report()
    assert list(reader.read([f], report=report)) == []
    assert [s.code for s in report.skipped] == ["article:too-large"]


def test_mixed_corpus_accounting_and_report_file(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "good-gbk.txt").write_bytes(ARTICLE.replace("王某某", "周某某").encode("gbk"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (d / "lines.jsonl").write_text(f'{{"text": "{GOOD}"}}\n{{oops\n{{"id": 3}}\n', encoding="utf-8")
    (d / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    graph, report, seen = _build([d, tmp_path / "missing.txt"])
    assert report.articles_read == 7 and report.articles_in_graph == 3 and report.articles_skipped == 4
    assert report.files_skipped == 2
    assert report.articles_read == report.articles_in_graph + report.articles_skipped
    out = tmp_path / "report.json"
    report.write(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles_read"] == data["articles_in_graph"] + data["articles_skipped"]
    assert data["balanced"] is True
    assert data["skipped_by_reason"] == {"article:binary": 1, "article:empty": 1, "article:malformed-json": 1,
                                         "article:no-text": 1, "file:missing": 1, "file:unsupported": 1}
    assert len(seen) == 6
    assert "7 articles read" in report.summary()


def test_report_detail_is_capped_but_counts_are_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import report as report_mod

    monkeypatch.setattr(report_mod, "MAX_DETAILS", 5)
    r = Report()
    for i in range(20):
        r.read_and_skip(f"x:{i}", "bad\nline", "article:malformed-json")
    assert len(r.skipped) == 5 and r.articles_skipped == 20 and r.balanced
    assert r.skipped[0].reason == "bad line"
    assert r.as_dict()["skipped_truncated"] is True
    with pytest.raises(ValueError):
        r.read_and_skip("x", "y", "file:missing")
