"""Read articles from files, directories, corpora, web pages, stdin, texts and records.

:func:`read` turns any mix of sources into a *stream* of :class:`kg.model.Article` (a generator:
nothing is collected, so memory does not grow with the number of articles):

* ``.txt`` files: one article, or a whole e-paper page split by :mod:`kg.read.pagesplit`;
* ``.html`` / ``.htm`` saved web pages, reduced to the article (:mod:`kg.read.htmlpage`);
* ``.jsonl`` (``.ndjson``) and ``.csv`` (``.tsv``) corpora, one article per line / row, streamed;
  ``.json`` holding one record or a list of them; any of these ``.gz``-compressed;
* directories (recursively, in sorted order), glob patterns, and ``-`` for standard input;
* ``str`` texts, ``dict`` records and :class:`Article` objects given directly.

Records have ``text`` (or the ``text_column`` of a CSV) and optional ``id``, ``title``, ``date``,
``url``, ``source``.  Encodings are detected per file (:mod:`kg.read.decoding`); text in traditional
characters is converted to simplified, one character for one (:mod:`kg.read.script`).

Problems never stop the run: each becomes one line in the :class:`kg.report.Report` naming the
file (and line), and counts so that ``articles_read == articles_in_graph + articles_skipped``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Article
from ..report import Report
from . import corpus, htmlpage
from .decoding import BinaryInputError, clean_text, decode_detail, has_chinese
from .pagesplit import split_page
from .script import simplify_if_traditional

Source = str | Path | Mapping[str, Any] | Article

#: Text and HTML files larger than this are skipped (they are read whole, one at a time).
MAX_FILE_BYTES = 256 * 1024 * 1024
#: A JSON (not JSONL) file is parsed whole; larger ones are skipped.
MAX_JSON_BYTES = 64 * 1024 * 1024
FORMATS = ("text", "html", "jsonl", "json", "csv")

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PATHLIKE = re.compile(r"\.(txt|text|md|jsonl|ndjson|json|html?|shtml|csv|tsv|gz)$", re.I)


def read(sources: Iterable[Source] | Source, *, date: str | None = None, encoding: str | None = None,
         report: Report | None = None, text_column: str = "text", input_format: str | None = None,
         simplify: bool = True, stdin: IO[bytes] | None = None) -> Iterator[Article]:
    """Yield the articles in ``sources``; problems are recorded in ``report`` and skipped.

    ``date`` (ISO ``YYYY-MM-DD``) is the publication date for articles that state none.
    ``encoding`` forces a file encoding instead of detection.  ``text_column`` names the CSV column
    holding the article text.  ``input_format`` (one of :data:`FORMATS`) forces how files and stdin
    are parsed instead of going by file name.  ``simplify=False`` keeps traditional characters.
    ``stdin`` is the byte stream ``-`` reads (default ``sys.stdin.buffer``).
    """
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"input format must be one of {', '.join(FORMATS)}, not {input_format!r}")
    ctx = _Context(report if report is not None else Report(), _check_date(date), encoding, text_column,
                   simplify)
    if isinstance(sources, (str, Path, Mapping, Article)):
        sources = [sources]
    for n, src in enumerate(sources):
        if isinstance(src, Article):
            ctx.report.articles_read += 1
            yield src
        elif isinstance(src, Mapping):
            yield from ctx.record(src, f"<record {n}>")
        elif isinstance(src, Path) or src == "-" or _looks_like_path(src):
            for inp in corpus.expand(src, ctx.report, stdin=stdin, input_format=input_format):
                yield from ctx.read_input(inp)
        else:
            yield from ctx.page(ctx.clean(src), f"<text {n}>")


def _check_date(date: str | None) -> str | None:
    default_date = normalize_date(date) if date else None
    if date and not default_date:
        raise InputError(f"--date must be an ISO date like 2023-01-05, not {date!r}")
    return default_date


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 1024:
        return False
    try:
        if Path(s).exists():
            return True
    except (OSError, ValueError):  # NUL bytes, names too long
        return False
    # a short string with no Chinese, or ending like a file name, is a path (that may not exist)
    return not _CJK.search(s) or bool(_PATHLIKE.search(s)) or any(c in s for c in "*?[")


class _Context:
    """The options of one :func:`read` call, and the conversions from inputs to articles."""

    def __init__(self, report: Report, date: str | None, encoding: str | None, text_column: str,
                 simplify: bool) -> None:
        self.report, self.date, self.encoding = report, date, encoding
        self.text_column, self.simplify = text_column, simplify

    def clean(self, text: str) -> str:
        return simplify_if_traditional(text)[0] if self.simplify else text

    # -- inputs ---------------------------------------------------------------------------------

    def read_input(self, inp: corpus.Input) -> Iterator[Article]:
        try:
            stream = inp.open()
        except OSError as exc:
            self.report.read_and_skip(inp.name, f"cannot read: {exc.strerror or exc}", "article:unreadable")
            return
        with stream:
            kind = inp.kind
            if kind is None:
                head = stream.read(65536)
                kind = corpus.sniff_kind(head)
                stream = corpus.prefixed(head, stream)
            self.report.files_read += 1
            if kind == "jsonl":
                for origin, record in corpus.jsonl_records(inp, stream, self.encoding, self.report):
                    yield from self.record(record, origin)
            elif kind == "csv":
                for origin, record in corpus.csv_records(inp, stream, self.encoding, self.report,
                                                         self.text_column):
                    yield from self.record(record, origin)
            else:
                yield from self._whole_file(inp, stream, kind)

    def _whole_file(self, inp: corpus.Input, stream: IO[bytes], kind: str) -> Iterator[Article]:
        limit = MAX_JSON_BYTES if kind == "json" else MAX_FILE_BYTES
        try:
            data, more = corpus.read_capped(stream, limit)
        except corpus.GZIP_ERRORS as exc:
            self.report.read_and_skip(inp.name, f"cannot read: {exc}", "article:corrupt")
            return
        if more:
            self.report.read_and_skip(inp.name, f"file larger than {limit // (1024 * 1024)} MB",
                                      "article:too-large")
            return
        if not data.strip():
            self.report.read_and_skip(inp.name, "empty file", "article:empty")
            return
        try:
            dec = (htmlpage.decode_html if kind == "html" else decode_detail)(
                data, path=inp.name, encoding=self.encoding)
        except BinaryInputError as exc:
            self.report.read_and_skip(inp.name, exc.reason, "article:binary")
            return
        except InputError as exc:
            self.report.read_and_skip(inp.name, exc.reason, "article:undecodable")
            return
        if dec.replaced:
            self.report.warn(f"{inp.name}: {dec.replaced} undecodable bytes replaced with U+FFFD "
                             f"(read as {dec.encoding})")
        if kind == "html":
            yield from self.html(dec.text, inp.name)
        elif kind == "json":
            yield from self.json_file(dec.text, inp.name)
        else:
            yield from self.page(self.clean(dec.text), inp.name)

    def json_file(self, text: str, name: str) -> Iterator[Article]:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            self.report.read_and_skip(name, f"malformed JSON: {msg}", "article:malformed-json")
            return
        records = data if isinstance(data, list) else [data]
        if not records:
            self.report.read_and_skip(name, "no records (empty list)", "article:empty")
        for i, rec in enumerate(records):
            if isinstance(rec, Mapping):
                yield from self.record(rec, f"{name}[{i}]")
            else:
                self.report.read_and_skip(f"{name}[{i}]", "a record must be an object, "
                                          f"not {type(rec).__name__}", "article:malformed-json")

    # -- articles -------------------------------------------------------------------------------

    def record(self, record: Mapping[str, Any], origin: str) -> Iterator[Article]:
        """One article from a record with ``text`` (and optional id, title, date, url, source)."""
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            what = "no 'text'" if text is None else "an empty 'text'" if isinstance(text, str) else \
                f"a 'text' that is {type(text).__name__}, not a string"
            self.report.read_and_skip(origin, f"record has {what}", "article:no-text")
            return
        text = self.clean(clean_text(text))
        title = self.clean(clean_text(str(record.get("title") or "").strip()))
        rec_date = normalize_date(str(record["date"])) if record.get("date") else None
        if record.get("date") and not rec_date:
            self.report.warn(f"{origin}: date {str(record['date'])[:40]!r} is not a date; ignored")
        art_id = str(record["id"]) if record.get("id") not in (None, "") else content_id(title + "\n" + text)
        yield from self._emit(Article(
            id=art_id, text=text, title=title, date=rec_date or self.date or date_in_text(text),
            url=_opt(record.get("url")), source=_opt(record.get("source")), origin=origin))

    def page(self, text: str, origin: str, *, meta: htmlpage.HtmlArticle | None = None) -> Iterator[Article]:
        """The articles of a page of text (split by :func:`kg.read.pagesplit.split_page`)."""
        pieces = split_page(text)
        if not pieces:
            self.report.read_and_skip(origin, "empty: no text", "article:empty")
            return
        for k, piece in enumerate(pieces):
            date = self.date or piece.page_date or date_in_text(piece.text[:300])
            where = f"{origin}:{piece.line}"
            if meta is not None:  # a web page: lines of the extracted text mean nothing to the user
                date = meta.date or date
                where = origin if len(pieces) == 1 else f"{origin}#{k + 1}"
            yield from self._emit(Article(
                id=content_id(piece.text), text=piece.text, title=piece.title, date=date,
                url=meta.url if meta else None, source=meta.source if meta else None,
                byline=piece.byline, section=piece.section, origin=where,
                spans=tuple(piece.spans)))

    def html(self, html: str, origin: str) -> Iterator[Article]:
        """The article of a web page; its text is the title line followed by the body paragraphs."""
        try:
            meta = htmlpage.extract(html, path=origin)
        except InputError as exc:
            self.report.read_and_skip(origin, exc.reason, "article:empty")
            return
        title = meta.title.strip()
        body = meta.text
        text = body if not title or body.startswith(title) else f"{title}\n{body}"
        yield from self.page(self.clean(text), origin, meta=meta)

    def _emit(self, art: Article) -> Iterator[Article]:
        self.report.articles_read += 1
        if not has_chinese(art.text):
            self.report.skip(art.origin, "no Chinese text", "article:no-chinese")
            return
        yield art


def content_id(text: str) -> str:
    """A stable article id from its content: the same text always gets the same id."""
    return hashlib.sha1(text.strip().encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalize_date(value: str) -> str | None:
    """``2023-1-5``, ``2023/01/05``, ``2023年1月5日``, ISO datetimes → ``2023-01-05``; else None."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def date_in_text(text: str) -> str | None:
    """The first full date (``2022年12月30日``) in ``text``, as ISO."""
    m = _FULL_DATE.search(text)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _opt(v: Any) -> str | None:
    return str(v) if v not in (None, "") else None


def decode(data: bytes, *, path: str = "", encoding: str | None = None) -> str:
    """Decode file bytes (kept for compatibility; see :func:`kg.read.decoding.decode`)."""
    return decode_detail(data, path=path, encoding=encoding).text
