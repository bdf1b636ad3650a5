"""Read articles from files, directories, texts and records.

:func:`read` turns any mix of sources into a stream of :class:`kg.model.Article`:

* ``.txt`` files: one article, or a whole e-paper page split by :mod:`kg.pagesplit`;
* ``.jsonl`` files: one article per line with ``text`` and optional ``id``, ``title``, ``date``,
  ``url``, ``source``;
* directories, read recursively (files in sorted order);
* ``str`` texts, ``dict`` records and :class:`Article` objects given directly.

Files are decoded as UTF-8 (with or without BOM), falling back to GB18030 (a superset of GBK).
Problems never stop the run: they go into the :class:`kg.report.Report` with the file and line.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Article
from .pagesplit import split_page
from .report import Report

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
Source = str | Path | Mapping[str, Any] | Article

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def read(sources: Iterable[Source] | Source, *, date: str | None = None, encoding: str | None = None,
         report: Report | None = None) -> Iterator[Article]:
    """Yield the articles in ``sources``; problems are recorded in ``report`` and skipped.

    ``date`` (ISO ``YYYY-MM-DD``) is the publication date for articles that state none.
    ``encoding`` forces a file encoding instead of UTF-8 with GB18030 fallback.
    """
    report = report if report is not None else Report()
    default_date = normalize_date(date) if date else None
    if date and not default_date:
        raise InputError(f"--date must be an ISO date like 2023-01-05, not {date!r}")
    if isinstance(sources, (str, Path, Mapping, Article)):
        sources = [sources]
    for n, src in enumerate(sources):
        if isinstance(src, Article):
            report.articles_read += 1
            yield src
        elif isinstance(src, Mapping):
            art = _from_record(src, f"<record {n}>", default_date, report)
            if art:
                yield art
        elif isinstance(src, Path) or _looks_like_path(src):
            yield from _read_path(Path(src), default_date, encoding, report)
        else:
            yield from _from_page(src, f"<text {n}>", default_date, report)


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 1024:
        return False
    if Path(s).exists():
        return True
    # a short string with no Chinese that ends like a file name is a path that does not exist
    return not _CJK.search(s) or bool(re.search(r"\.(txt|jsonl|ndjson|html?|csv|gz)$", s, re.I))


def _read_path(path: Path, date: str | None, encoding: str | None, report: Report) -> Iterator[Article]:
    if not path.exists():
        report.skip(str(path), "no such file or directory", "missing")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for f in files:
            if f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
                yield from _read_file(f, date, encoding, report)
            else:
                report.skip(str(f), f"unsupported file type {f.suffix or '(none)'}", "unsupported")
        return
    yield from _read_file(path, date, encoding, report)


def _read_file(path: Path, date: str | None, encoding: str | None, report: Report) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        report.files_read += 1
        yield from _read_jsonl(path, date, encoding, report)
        return
    try:
        text = decode(path.read_bytes(), path=str(path), encoding=encoding)
    except InputError as exc:
        report.skip(str(path), exc.reason, "undecodable")
        return
    except OSError as exc:
        report.skip(str(path), f"cannot read: {exc.strerror or exc}", "unreadable")
        return
    report.files_read += 1
    yield from _from_page(text, str(path), date, report)


def decode(data: bytes, *, path: str = "", encoding: str | None = None) -> str:
    """Decode file bytes: the given encoding, else UTF-8 (BOM allowed), else GB18030."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from exc
    if b"\x00" in data[:4096]:
        raise InputError("binary file (NUL bytes)", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(f"neither UTF-8 nor GB18030 (byte {exc.start}); pass --encoding", path=path) from exc


def _read_jsonl(path: Path, date: str | None, encoding: str | None, report: Report) -> Iterator[Article]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        report.skip(str(path), f"cannot read: {exc.strerror or exc}", "unreadable")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            origin = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, path=origin, encoding=encoding))
            except InputError as exc:
                report.articles_read += 1
                report.skip(origin, exc.reason, "article:undecodable")
                continue
            except json.JSONDecodeError as exc:
                report.articles_read += 1
                report.skip(origin, f"malformed JSON: {exc.msg} (column {exc.colno})", "article:malformed-json")
                continue
            if not isinstance(record, dict):
                report.articles_read += 1
                report.skip(origin, "a JSON line must be an object with a 'text' field", "article:malformed-json")
                continue
            art = _from_record(record, origin, date, report)
            if art:
                yield art


def _from_record(record: Mapping[str, Any], origin: str, date: str | None, report: Report) -> Article | None:
    report.articles_read += 1
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        report.skip(origin, "record has no 'text'", "article:no-text")
        return None
    title = str(record.get("title") or "").strip()
    rec_date = normalize_date(str(record["date"])) if record.get("date") else None
    if record.get("date") and not rec_date:
        report.warnings.append(f"{origin}: date {record['date']!r} is not a date; ignored")
    art_id = str(record["id"]) if record.get("id") not in (None, "") else content_id(title + "\n" + text)
    return Article(id=art_id, text=text, title=title, date=rec_date or date or date_in_text(text),
                   url=_opt(record.get("url")), source=_opt(record.get("source")), origin=origin)


def _from_page(text: str, origin: str, date: str | None, report: Report) -> Iterator[Article]:
    pieces = split_page(text)
    if not pieces:
        report.articles_read += 1
        report.skip(origin, "empty: no text", "article:empty")
        return
    for piece in pieces:
        report.articles_read += 1
        yield Article(id=content_id(piece.text), text=piece.text, title=piece.title,
                      date=date or date_in_text(piece.text[:300]), byline=piece.byline,
                      section=piece.section, origin=f"{origin}:{piece.line}", spans=tuple(piece.spans))


def content_id(text: str) -> str:
    """A stable article id from its content: the same text always gets the same id."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


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
