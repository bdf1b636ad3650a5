"""Corpora: JSONL (plain and gzipped), CSV with a text column, JSON, directories, globs and stdin."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from input_samples import ARTICLE, BODY, gov_page

from kg.read.reader import read
from kg.report import Report


def _records(n: int) -> list[dict[str, str]]:
    return [{"id": f"qc-{i}", "title": f"青川区第{i}次常委会", "date": "2023-01-05",
             "text": f"区委书记王某某主持召开第{i}次区委常委会会议。"} for i in range(n)]


def _consume(sources: object, **kw: object) -> tuple[list, Report]:
    report = Report()
    arts = list(read(sources, report=report, **kw))  # type: ignore[arg-type]
    report.articles_in_graph = len(arts)
    report.check()
    return arts, report


def test_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(3)) + "\n\n", encoding="utf-8")
    arts, report = _consume([f])
    assert [a.id for a in arts] == ["qc-0", "qc-1", "qc-2"]
    assert arts[1].origin == f"{f}:2" and arts[1].date == "2023-01-05"
    assert arts[1].title == "青川区第1次常委会"
    assert report.articles_read == 3 and report.files_read == 1


def test_jsonl_gz_and_gbk_lines(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl.gz"
    with gzip.open(f, "wb") as fh:
        for r in _records(4):
            fh.write(json.dumps(r, ensure_ascii=False).encode("gbk") + b"\n")
    arts, report = _consume([f])
    assert [a.text for a in arts] == [r["text"] for r in _records(4)]


def test_corrupt_gzip_counts_what_was_lost(tmp_path: Path) -> None:
    good = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(200)).encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(good[: len(good) // 2])
    arts, report = _consume([f])
    assert 0 < len(arts) < 200
    assert [s.code for s in report.skipped] == ["article:corrupt"]
    assert report.skipped[0].origin.startswith(f"{f}:")


def test_csv_with_text_column(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "content", "date"])
        w.writerow(["a1", "常委会", ARTICLE, "2023/1/5"])  # a multi-line cell
        w.writerow(["a2", "", "区长李某某到东湖新城项目调研。", ""])
    arts, report = _consume([f], text_column="content")
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].text == ARTICLE and arts[0].date == "2023-01-05"
    assert arts[1].origin == f"{f}:{2 + ARTICLE.count(chr(10)) + 1}"


def test_csv_without_the_text_column(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("id,body\n1,区委书记王某某主持会议。\n", encoding="utf-8")
    arts, report = _consume([f])
    assert arts == []
    [s] = report.skipped
    assert s.code == "article:no-text-column" and "body" in s.reason and "--text-column" in s.reason


def test_csv_gbk_tsv(tmp_path: Path) -> None:
    f = tmp_path / "c.tsv"
    f.write_bytes("text\tid\n区委书记王某某主持会议。\tx\n".encode("gbk"))
    arts, _ = _consume([f])
    assert arts[0].text == "区委书记王某某主持会议。" and arts[0].id == "x"


def test_json_list(tmp_path: Path) -> None:
    f = tmp_path / "c.json"
    f.write_text(json.dumps(_records(2) + [7], ensure_ascii=False), encoding="utf-8")
    arts, report = _consume([f])
    assert len(arts) == 2 and [s.code for s in report.skipped] == ["article:malformed-json"]


def test_directory_recursive_sorted_with_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text(gov_page(), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps(_records(1)[0], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    arts, report = _consume([tmp_path])
    assert [Path(a.origin.split(":")[0]).name for a in arts] == ["a.html", "2.txt", "c.jsonl"]
    assert [(s.code, Path(s.origin).name) for s in report.skipped] == [("file:unsupported", "notes.docx")]
    assert report.files_skipped == 1 and report.articles_skipped == 0


def test_glob_pattern(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text(f"区委书记王某某第{i}次主持会议。", encoding="utf-8")
    arts, _ = _consume(str(tmp_path / "p*.txt"))
    assert len(arts) == 3
    _, report = _consume(str(tmp_path / "nothing*.txt"))
    assert [s.code for s in report.skipped] == ["file:missing"]


def test_missing_path_is_a_file_level_skip(tmp_path: Path) -> None:
    _, report = _consume([tmp_path / "nope.txt"])
    assert [s.code for s in report.skipped] == ["file:missing"] and report.articles_read == 0


@pytest.mark.parametrize("data,n", [
    ("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(5)).encode(), 5),
    (ARTICLE.encode("gbk"), 1),
    (gov_page().encode(), 1),
])
def test_stdin(data: bytes, n: int) -> None:
    arts, report = _consume(["-"], stdin=io.BytesIO(data))
    assert len(arts) == n
    assert all(a.origin.startswith("<stdin>") for a in arts)


def test_stdin_with_forced_format() -> None:
    arts, _ = _consume("-", stdin=io.BytesIO(b"text\n\xe5\x8c\xba\xe5\xa7\x94\xe4\xbc\x9a\xe8\xae\xae\n"),
                       input_format="csv")
    assert [a.text for a in arts] == ["区委会议"]


def test_jsonl_is_streamed_in_constant_memory(tmp_path: Path) -> None:
    """Peak memory while reading does not grow with the number of records."""
    def peak(n: int) -> int:
        f = tmp_path / f"c{n}.jsonl"
        with f.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"text": f"{BODY[0]}第{i}条。"}, ensure_ascii=False) + "\n")
        report = Report()
        tracemalloc.start()
        count = sum(1 for _ in read([f], report=report))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n
        return top

    small, big = peak(500), peak(20_000)
    assert big < small * 3 + 200_000, (small, big)


def test_reader_is_lazy(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(10)), encoding="utf-8")
    report = Report()
    it = read([f], report=report)
    next(it)
    assert report.articles_read == 1
