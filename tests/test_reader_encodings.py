"""Encodings: UTF-8 with and without BOM, GBK/GB18030, Big5, UTF-16, forced and repaired decoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from input_samples import ARTICLE, SIMP_ARTICLE, TRAD_ARTICLE

from kg.errors import InputError
from kg.read.decoding import BinaryInputError, decode_detail, plausible_chinese
from kg.read.reader import read
from kg.read.script import looks_traditional, simplify_if_traditional, simplify_name, to_simplified
from kg.report import Report


def _read(*paths: Path, **kw: object) -> tuple[list, Report]:
    report = Report()
    arts = list(read(list(paths), report=report, **kw))  # type: ignore[arg-type]
    report.articles_in_graph = len(arts)
    report.check()
    return arts, report


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gbk", b""), ("gb18030", b""), ("gb2312", b""),
    ("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_simplified_article_reads_the_same_in_every_encoding(tmp_path: Path, encoding: str,
                                                             prefix: bytes) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(prefix + ARTICLE.encode(encoding))
    [art], report = _read(f)
    assert art.text == ARTICLE.strip()
    assert art.title == "王某某主持召开区委常委会会议"
    assert art.date == "2023-01-05"
    assert report.skip_counts == {}


def test_gbk_and_utf8_give_the_same_article_id(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "g.txt").write_bytes(ARTICLE.encode("gbk"))
    [u], _ = _read(tmp_path / "u.txt")
    [g], _ = _read(tmp_path / "g.txt")
    assert u.id == g.id and u.text == g.text


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "gb18030"])
def test_traditional_text_is_read_as_simplified(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "trad.txt"
    f.write_bytes(TRAD_ARTICLE.encode(encoding))
    [art], _ = _read(f)
    assert art.text == SIMP_ARTICLE.strip()
    assert "程远航" in art.text and "程遠航" not in art.text
    assert art.title == "青川区召开安全生产工作会议"


def test_traditional_is_kept_on_request(tmp_path: Path) -> None:
    f = tmp_path / "trad.txt"
    f.write_bytes(TRAD_ARTICLE.encode("big5"))
    [art], _ = _read(f, simplify=False)
    assert "程遠航" in art.text


def test_short_big5_text_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_bytes("區委書記程遠航主持會議。".encode("big5"))
    [art], _ = _read(f)
    assert art.text == "区委书记程远航主持会议。"


def test_conversion_keeps_length_and_offsets() -> None:
    assert len(to_simplified(TRAD_ARTICLE)) == len(TRAD_ARTICLE)
    assert to_simplified("乾隆年間頭髮乾燥") == "乾隆年间头发干燥"  # phrases: 乾隆 stays, 乾燥 → 干燥
    assert simplify_name("程遠航") == "程远航"


def test_simplified_text_is_not_touched() -> None:
    text = "乾县县委书记於某某到乾安县调研。"  # 乾 and the surname 於 are correct in simplified text
    assert not looks_traditional(text)
    assert simplify_if_traditional(text) == (text, False)
    assert simplify_if_traditional("區委書記程遠航")[1]


def test_records_in_traditional_are_converted() -> None:
    report = Report()
    [art] = read([{"text": "區委書記程遠航主持會議。", "title": "程遠航主持會議"}], report=report)
    assert art.text == "区委书记程远航主持会议。" and art.title == "程远航主持会议"


def test_forced_encoding(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode("gbk"))
    [art], _ = _read(f, encoding="gbk")
    assert art.text == ARTICLE.strip()
    report = Report()
    assert list(read([f], encoding="utf-8", report=report)) == []
    [skip] = report.skipped
    assert skip.code == "article:undecodable" and "utf-8" in skip.reason and skip.origin == str(f)
    assert report.articles_read == 1 and report.articles_skipped == 1


def test_unknown_forced_encoding_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    report = Report()
    assert list(read([f], encoding="no-such-codec", report=report)) == []
    assert "unknown encoding" in report.skipped[0].reason


def test_a_few_bad_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "damaged.txt"
    data = ARTICLE.encode("utf-8")
    f.write_bytes(data[:40] + b"\xff" + data[40:])
    warnings: list[str] = []
    report = Report(on_warning=warnings.append)
    [art] = read([f], report=report)
    assert "\ufffd" in art.text
    assert warnings and str(f) in warnings[0] and "replaced" in warnings[0]


def test_truncated_gbk_file_is_repaired(tmp_path: Path) -> None:
    f = tmp_path / "cut.txt"
    f.write_bytes(ARTICLE.encode("gbk").rstrip() + b"\xc7")  # the download stopped mid-character
    [art], report = _read(f)
    assert art.text.startswith("王某某主持召开区委常委会会议")
    assert report.warning_count == 1


def test_decode_refuses_binary() -> None:
    with pytest.raises(BinaryInputError, match="PDF"):
        decode_detail(b"%PDF-1.7\n...")
    with pytest.raises(BinaryInputError, match="NUL"):
        decode_detail(b"abc\x00\x00\x01def")
    with pytest.raises(InputError):
        decode_detail(bytes(range(128, 256)) * 50)


def test_random_high_bytes_are_not_taken_for_chinese() -> None:
    assert not plausible_chinese("".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(200)))
    assert plausible_chinese(ARTICLE)


def test_control_characters_and_surrogates_are_neutralised() -> None:
    report = Report()
    [art] = read([{"text": "区委书记王某某\x00主持会议\ud800。"}], report=report)
    assert art.text == "区委书记王某某 主持会议\ufffd。"
    art.text.encode("utf-8")  # writable
