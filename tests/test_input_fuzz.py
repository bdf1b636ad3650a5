"""Property-based tests: arbitrary bytes and Unicode never crash or hang the reader, the page
splitter or the extractors, and the accounting always adds up."""

from __future__ import annotations

import gzip
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.read.pagesplit import split_page
from kg.read.reader import read
from kg.report import Report

SUFFIXES = [".txt", ".jsonl", ".csv", ".tsv", ".html", ".json", ""]

#: Pieces of local-government news, so generated text reaches the extractors' deeper rules.
PIECES = ["区委书记", "副区长", "王某某", "李某某", "主持召开", "区委常委会会议", "出席", "调研", "青川区",
          "东湖街道", "新城社区", "项目", "开工仪式", "本报讯", "（记者 张某）", "2023年1月5日", "1月4日",
          "，", "。", "、", "：", "“", "”", "\n", "\n\n", " ", "　", "和", "及", "等", "到", "在"]
news_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=400)
mixed_text = st.one_of(any_text, news_like, st.lists(st.one_of(any_text, news_like), max_size=4).map("".join))

FUZZ = settings(max_examples=120, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    """Load jieba and the lexicons once, so the per-example deadline measures the work itself."""
    kg.build(["区委书记王某某主持召开区委常委会会议。"])


def _read_all(sources: object, **kw: object) -> Report:
    report = Report()
    arts = list(read(sources, report=report, **kw))  # type: ignore[arg-type]
    report.articles_in_graph = len(arts)
    assert report.balanced
    for a in arts:
        a.text.encode("utf-8")  # every article can be written out
        a.title.encode("utf-8")
    return report


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_in_any_kind_of_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"input{suffix}"
        f.write_bytes(data)
        report = _read_all([f])
        assert report.articles_read >= 1  # a file never vanishes: it is an article or a skip


@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_gzipped_and_on_stdin(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "c.jsonl.gz"
        f.write_bytes(gzip.compress(data))
        _read_all([f])
        g = Path(d) / "broken.csv.gz"
        g.write_bytes(data)  # not gzip at all
        _read_all([g])
    _read_all(["-"], stdin=io.BytesIO(data))


@FUZZ
@given(text=mixed_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_arbitrary_unicode_files(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "input.txt"
        errors = "surrogatepass" if encoding.startswith("utf-8") else "replace"
        f.write_bytes(text.encode(encoding, errors=errors))
        _read_all([f])


@FUZZ
@given(text=mixed_text)
def test_split_page_never_crashes_and_spans_point_into_the_page(text: str) -> None:
    for piece in split_page(text):
        for offset, page_offset, length in piece.spans:
            assert piece.text[offset:offset + length] == text[page_offset:page_offset + length]


@FUZZ
@given(text=mixed_text)
def test_extractors_on_arbitrary_text(text: str) -> None:
    report = Report()
    # as a record: a bare string such as "-" or "/" would rightly be taken for a path
    graph = kg.build([{"text": text}, {"text": "区委书记" + text}], report=report)
    report.check()
    graph.to_json()


@FUZZ
@given(record=st.dictionaries(st.sampled_from(["id", "text", "title", "date", "url", "source"]),
                              st.one_of(mixed_text, st.integers(), st.none(), st.lists(st.integers()))))
def test_arbitrary_records(record: dict[str, object]) -> None:
    report = Report()
    graph = kg.build([record], report=report)
    report.check()
    graph.to_json()
