"""Saved web pages: a government news page comes out as a clean article with its metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from input_samples import ARTICLE, BODY, NAV_WORDS, TITLE, gov_page

from kg.read.htmlpage import extract, looks_like_html
from kg.read.reader import read
from kg.report import Report


def _one(path: Path, **kw: object):  # type: ignore[no-untyped-def]
    report = Report()
    arts = list(read([path], report=report, **kw))  # type: ignore[arg-type]
    assert len(arts) == 1, report.skipped
    return arts[0]


@pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312"])
def test_government_page_is_reduced_to_the_article(tmp_path: Path, charset: str) -> None:
    f = tmp_path / "post_1001.html"
    f.write_bytes(gov_page(charset).encode("gbk" if charset.startswith("gb") else charset))
    art = _one(f)
    assert art.title == TITLE
    assert art.text == ARTICLE.strip()  # headline + body paragraphs, nothing else
    for junk in NAV_WORDS + ("发布时间", "浏览次数", "联系电话", "document.write"):
        assert junk not in art.text
    assert art.date == "2023-01-05"
    assert art.url == "http://www.qingchuan.gov.example/xwzx/qcyw/content/post_1001.html"
    assert art.source == "青川区融媒体中心"
    assert art.origin == str(f)


def test_html_and_text_give_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(gov_page(), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    html = _one(tmp_path / "a.html")
    txt = _one(tmp_path / "a.txt")
    assert (html.id, html.text, html.title, html.date) == (txt.id, txt.text, txt.title, txt.date)


def test_plain_page_without_government_metadata(tmp_path: Path) -> None:
    page = ("<html><head><title>东湖新城项目开工_青川新闻网</title>"
            '<meta property="og:url" content="https://news.example/qc/1.html">'
            '<meta property="article:published_time" content="2023-03-08T09:00:00+08:00"></head>'
            "<body><nav>首页 新闻 视频</nav><article><h1>东湖新城项目开工</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article><footer>版权所有</footer></body></html>")
    f = tmp_path / "page.htm"
    f.write_text(page, encoding="utf-8")
    art = _one(f)
    assert art.title == "东湖新城项目开工"
    assert art.date == "2023-03-08"
    assert art.url == "https://news.example/qc/1.html"
    assert "版权所有" not in art.text and "首页" not in art.text


def test_date_from_a_publication_line_only() -> None:
    page = ("<html><body><div>发布日期：2022年12月30日</div><div class='c'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div></body></html>")
    assert extract(page).date == "2022-12-30"


def test_traditional_page_is_converted(tmp_path: Path) -> None:
    body = ["2023年2月1日，區委書記程遠航主持召開安全生產工作會議，部署節後復工復產安全工作，"
            "要求各部門壓實責任，確保全區安全形勢持續穩定。"]
    f = tmp_path / "trad.html"
    page = gov_page("big5", body=body).replace(TITLE, "程遠航主持召開會議")
    f.write_bytes(page.encode("big5", "xmlcharrefreplace"))
    art = _one(f)
    assert "程远航" in art.text and art.title == "程远航主持召开会议"


@pytest.mark.parametrize("content,code", [
    ("", "article:empty"),
    ("<html><head><title>x</title></head><body></body></html>", "article:empty"),
    ("<html><body><script>var a = 1;</script></body></html>", "article:empty"),
])
def test_pages_without_an_article_are_skipped(tmp_path: Path, content: str, code: str) -> None:
    f = tmp_path / "empty.html"
    f.write_text(content, encoding="utf-8")
    report = Report()
    assert list(read([f], report=report)) == []
    assert [s.code for s in report.skipped] == [code]
    assert report.skipped[0].origin == str(f)
    assert report.articles_read == 1 and report.balanced


def test_unnamed_html_is_sniffed(tmp_path: Path) -> None:
    assert looks_like_html("<!DOCTYPE html><html>")
    f = tmp_path / "page"  # no suffix, named on the command line
    f.write_text(gov_page(), encoding="utf-8")
    assert _one(f).title == TITLE
