"""A saved news web page → the article on it: title, date, URL, source and body text.

The body comes from ``trafilatura``, a maintained main-content extractor, which drops navigation,
footers, share bars, related-news lists, scripts and styles.  Metadata is taken from what the page
states, most specific first:

* title: ``<meta name="ArticleTitle">`` (the Chinese government-site standard), ``og:title``, the
  extractor's title (the ``<h1>``), the ``<title>`` without its ``_站点名`` suffix;
* date: ``<meta name="PubDate">``, ``article:published_time`` and similar, a ``发布时间：2023-01-05`` /
  ``发布日期`` / ``日期：`` line, the extractor's date;
* URL: ``<meta name="Url">``, ``og:url``, ``<link rel="canonical">``;
* source: ``<meta name="ContentSource">``, a ``来源：…`` line, ``<meta name="SiteName">``.

The charset is the one the page declares (``<meta charset>``) if the bytes agree, else detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .decoding import Decoded, clean_text, decode_detail

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_DATE_LINE = re.compile(r"(?:发布时间|发布日期|发稿时间|更新时间|时间|日期)\s*[:：]\s*" + _DATE)
_SOURCE_LINE = re.compile(r"来源\s*[:：]\s*([^\s|｜　]{2,30})")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜—–-]+\s*[^_|｜—–-]*$")
_MAX_HTML_CHARS = 20_000_000

_TITLE_META = ("articletitle", "og:title", "twitter:title")
_DATE_META = ("pubdate", "publishdate", "article:published_time", "og:release_date", "publish_date",
              "dc.date", "dc.date.issued", "dcterms.created", "firstpublishedtime", "date")
_URL_META = ("url", "og:url")
_SOURCE_META = ("contentsource", "source", "sitename", "og:site_name")


@dataclass(frozen=True)
class HtmlArticle:
    """What a page says about its article.  ``text`` is the body, paragraphs separated by ``\\n``."""

    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    source: str | None = None
    encoding: str = "utf-8"


def looks_like_html(head: str) -> bool:
    """True if the start of a text looks like an HTML document."""
    h = head.lstrip()[:1000].lower()
    return h.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in h or "<body" in h or "<head" in h


def decode_html(data: bytes, *, path: str = "", encoding: str | None = None) -> Decoded:
    """Decode a page: forced encoding, else the declared charset if the bytes agree, else detection."""
    if not encoding:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            declared = "gb18030" if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else declared
            try:
                return Decoded(clean_text(data.decode(declared)), declared)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_detail(data, path=path, encoding=encoding)


def extract(html: str, *, path: str = "") -> HtmlArticle:
    """The article on the page ``html``; raises :class:`InputError` if there is none."""
    html = _XML_DECL.sub("", html[:_MAX_HTML_CHARS], count=1)
    if not html.strip():
        raise InputError("empty HTML page", path=path)
    meta = _meta(html)
    doc = _trafilatura(html)
    text = _clean_body(str(doc.get("text") or ""))
    if not text:
        raise InputError("no article text found in the HTML page", path=path)
    title = _first(meta, _TITLE_META) or str(doc.get("title") or "").strip() or _page_title(meta)
    date = _normalize(_first(meta, _DATE_META)) or _date_line(html) or _normalize(doc.get("date"))
    src = _first(meta, ("contentsource",))
    src_line = _SOURCE_LINE.search(_visible_head(html))
    source = src or (src_line.group(1) if src_line else None) or _first(meta, _SOURCE_META)
    url = _first(meta, _URL_META) or meta.get("canonical") or (str(doc["url"]) if doc.get("url") else None)
    return HtmlArticle(text=text, title=title, date=date, url=url, source=source)


def _trafilatura(html: str) -> dict[str, Any]:
    import trafilatura

    doc: Any = None
    for precise in (True, False):
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                              include_tables=True, favor_precision=precise,
                                              favor_recall=not precise)
        except Exception:  # noqa: BLE001 - a third-party parser on hostile input; fall back below
            doc = None
        if doc is not None and not isinstance(doc, dict):
            doc = doc.as_dict()
        if doc and str(doc.get("text") or "").strip():
            return dict(doc)
    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:  # noqa: BLE001
        text = ""
    return {"text": text}


def _meta(html: str) -> dict[str, str]:
    """``<meta name|property=… content=…>`` (lower-cased keys), ``<title>`` and the canonical link."""
    import lxml.html
    from lxml import etree

    out: dict[str, str] = {}
    try:
        root = lxml.html.document_fromstring(html[:2_000_000])
    except (etree.ParserError, ValueError, TypeError):
        return out
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in out:
            out[key] = content
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            out.setdefault("canonical", el.get("href", "").strip())
    t = root.find(".//title")
    if t is not None and t.text_content().strip():
        out["<title>"] = t.text_content().strip()
    return out


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        if meta.get(k):
            return meta[k]
    return None


def _page_title(meta: dict[str, str]) -> str:
    t = meta.get("<title>", "")
    return _TITLE_SUFFIX.sub("", t).strip() or t


def _visible_head(html: str) -> str:
    """The first part of the page with tags, scripts and styles removed (for 发布时间/来源 lines)."""
    s = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html[:500_000])
    return re.sub(r"<[^>]*>|&nbsp;|&#160;", " ", s)


def _date_line(html: str) -> str | None:
    m = _DATE_LINE.search(_visible_head(html))
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _normalize(value: Any) -> str | None:
    if not value:
        return None
    m = re.match(r"\s*" + _DATE, str(value))
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _clean_body(text: str) -> str:
    """Paragraphs one per line, blank lines and surrounding spaces removed."""
    lines = (line.strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
