"""Where inputs come from, and streaming records out of corpus files.

:func:`expand` turns one source (a path, a directory, a glob pattern, ``-`` for stdin) into
:class:`Input` items in a stable order.  :func:`jsonl_records` and :func:`csv_records` stream
records out of JSONL and CSV files one line at a time, so memory does not grow with the corpus;
gzip-compressed files (``.jsonl.gz``, ``.csv.gz``, ``.txt.gz`` …) are decompressed on the fly.

Bad lines (undecodable, malformed JSON, over-long) are recorded in the :class:`kg.report.Report`
as one article read and skipped each, naming the file and line, and reading goes on.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from ..report import Report
from .decoding import clean_text, decode_chinese

KINDS = {".txt": "text", ".text": "text", ".md": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".json": "json", ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html",
         ".shtml": "html", ".xhtml": "html"}
#: A JSONL/CSV line longer than this is skipped (and read past in pieces, never held whole).
MAX_LINE_BYTES = 32 * 1024 * 1024
#: Errors a damaged .gz file raises while it is read.
GZIP_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class Input:
    """One thing to read: a file (``path``) or a byte stream (stdin); ``kind`` is text/html/jsonl/json/csv."""

    name: str
    kind: str | None
    path: Path | None = None
    stream: IO[bytes] | None = None
    compressed: bool = False

    def open(self) -> IO[bytes]:
        """A binary stream of the (decompressed) content."""
        if self.stream is not None:
            if not self.compressed:
                return self.stream
            return cast(IO[bytes], gzip.GzipFile(fileobj=self.stream, mode="rb"))
        assert self.path is not None
        return cast(IO[bytes], gzip.open(self.path, "rb")) if self.compressed else self.path.open("rb")


def kind_of(path: Path) -> tuple[str | None, bool]:
    """``(kind, compressed)`` from the file name: ``a.jsonl.gz`` → ``("jsonl", True)``."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1]), compressed


def expand(source: str | Path, report: Report, *, stdin: IO[bytes] | None = None,
           input_format: str | None = None) -> Iterator[Input]:
    """The inputs named by ``source``: a file, a directory (recursively, sorted, hidden files
    skipped), a glob pattern (``corpus/**/*.jsonl``) or ``-`` for ``stdin``."""
    if str(source) == "-":
        import sys

        yield Input("<stdin>", input_format, stream=stdin if stdin is not None else sys.stdin.buffer)
        return
    path = Path(source)
    if not path.exists() and isinstance(source, str) and any(c in source for c in "*?["):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            report.skip(source, "no file matches this pattern", "file:missing")
        for m in matches:
            yield from _expand_path(Path(m), report, input_format, explicit=False)
        return
    if not path.exists():
        report.skip(str(source), "no such file or directory", "file:missing")
        return
    yield from _expand_path(path, report, input_format, explicit=True)


def _expand_path(path: Path, report: Report, input_format: str | None, *, explicit: bool) -> Iterator[Input]:
    try:
        is_dir, is_file = path.is_dir(), path.is_file()
    except OSError as exc:
        report.skip(str(path), f"cannot read: {exc.strerror or exc}", "file:unreadable")
        return
    if is_dir:
        found: list[Path] = []  # file names only: memory grows with the number of files, not articles
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(root) / f for f in files if not f.startswith("."))
        for f in sorted(found):
            yield from _expand_path(f, report, input_format, explicit=False)
        return
    kind, compressed = kind_of(path)
    if input_format:
        kind = input_format
    if kind is None and not explicit:
        report.skip(str(path), f"unsupported file type {''.join(path.suffixes) or '(no suffix)'}",
                    "file:unsupported")
        return
    if not is_file:
        report.skip(str(path), "not a regular file", "file:unsupported")
        return
    yield Input(str(path), kind, path=path, compressed=compressed)


def read_capped(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes of ``stream``, and whether there was more."""
    data = stream.read(limit + 1)
    return data[:limit], len(data) > limit


def sniff_kind(head: bytes) -> str:
    """The kind of an unnamed input (stdin, a file without a known suffix) from its first bytes."""
    from .htmlpage import looks_like_html

    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if h.startswith(b"{"):
        return "jsonl"
    if h.startswith(b"["):
        return "json"
    if looks_like_html(h[:2000].decode("utf-8", "replace")):
        return "html"
    return "text"


class _Lines:
    """Decode a binary stream line by line, guessing the encoding once and keeping it."""

    def __init__(self, stream: IO[bytes], name: str, encoding: str | None, report: Report) -> None:
        self.stream, self.name, self.forced, self.report = stream, name, encoding, report
        self.encoding = encoding or "utf-8"
        self.lineno = 0

    def __iter__(self) -> Iterator[tuple[int, str | None, str | None]]:
        """``(line number, text or None, reason it could not be read)``; raises GZIP_ERRORS."""
        while True:
            raw = self.stream.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            self.lineno += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # read past the rest of the line
                    raw = self.stream.readline(MAX_LINE_BYTES)
                yield self.lineno, None, f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB"
                continue
            if self.lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            yield (self.lineno, *self._decode(raw))

    def _decode(self, raw: bytes) -> tuple[str | None, str | None]:
        if self.forced:
            try:
                return clean_text(raw.decode(self.forced)), None
            except UnicodeDecodeError as exc:
                return None, f"cannot decode as {self.forced} (bad byte at column {exc.start + 1})"
        for enc in dict.fromkeys(("utf-8", self.encoding)):
            try:
                return clean_text(raw.decode(enc)), None
            except UnicodeDecodeError:
                pass
        if b"\x00" in raw:
            return None, "binary data (NUL bytes)"
        found = decode_chinese(raw)
        if found is None:
            return None, "undecodable: not UTF-8, GB18030/GBK or Big5 (pass --encoding)"
        text, self.encoding = found
        return text, None


def jsonl_records(inp: Input, stream: IO[bytes], encoding: str | None,
                  report: Report) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(origin, record)`` for each JSON object line; bad lines are skipped into ``report``."""
    lines = _Lines(stream, inp.name, encoding, report)
    seen = 0
    try:
        for lineno, text, problem in lines:
            origin = f"{inp.name}:{lineno}"
            if text is not None and not text.strip():
                continue
            seen += 1
            if text is None:
                too_long = bool(problem and problem.startswith("line longer"))
                report.read_and_skip(origin, problem or "undecodable",
                                     "article:too-large" if too_long else "article:undecodable")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                report.read_and_skip(origin, f"malformed JSON: {exc.msg} (column {exc.colno})",
                                     "article:malformed-json")
                continue
            except RecursionError:
                report.read_and_skip(origin, "malformed JSON: nested too deeply", "article:malformed-json")
                continue
            if not isinstance(record, dict):
                report.read_and_skip(origin, f"a JSON line must be an object with a 'text' field, "
                                     f"not {type(record).__name__}", "article:malformed-json")
                continue
            yield origin, record
    except GZIP_ERRORS as exc:
        seen += 1
        report.read_and_skip(f"{inp.name}:{lines.lineno + 1}", f"corrupt compressed data: {exc}",
                             "article:corrupt")
    if not seen:
        report.read_and_skip(inp.name, "no records (empty file)", "article:empty")


def csv_records(inp: Input, stream: IO[bytes], encoding: str | None, report: Report,
                text_column: str = "text") -> Iterator[tuple[str, dict[str, Any]]]:
    """``(origin, record)`` for each CSV row, keyed by the header; ``text_column`` becomes ``text``."""
    lines = _Lines(stream, inp.name, encoding, report)
    bad: dict[int, str] = {}

    def decoded() -> Iterator[str]:
        for lineno, text, problem in lines:
            if text is None:
                bad[lineno] = problem or "undecodable"
                yield "\n"
            else:
                yield text

    delimiter = "\t" if inp.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))
    reader = csv.reader(decoded(), delimiter=delimiter)
    header: list[str] | None = None
    col = -1
    rows = 0
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows += 1
            report.read_and_skip(f"{inp.name}:{start}", f"malformed CSV: {exc}", "article:malformed-csv")
            start = reader.line_num + 1
            continue
        except GZIP_ERRORS as exc:
            rows += 1
            report.read_and_skip(f"{inp.name}:{reader.line_num + 1}", f"corrupt compressed data: {exc}",
                                 "article:corrupt")
            break
        origin = f"{inp.name}:{start}"
        problems = [bad.pop(n) for n in range(start, reader.line_num + 1) if n in bad]
        start = reader.line_num + 1
        if header is None:
            if problems or not row:
                rows += 1
                report.read_and_skip(origin, f"unreadable CSV header: {problems[0] if problems else 'empty'}",
                                     "article:malformed-csv")
                return
            header = [h.strip().lstrip("\ufeff") for h in row]
            col = _find_column(header, text_column)
            if col < 0:
                rows += 1
                columns = ", ".join(header)[:200]
                report.read_and_skip(inp.name, f"no column {text_column!r} (columns: {columns}); "
                                     "pass --text-column", "article:no-text-column")
                return
            continue
        if not any(cell.strip() for cell in row) and not problems:
            continue
        rows += 1
        if problems:
            report.read_and_skip(origin, problems[0], "article:undecodable")
            continue
        record: dict[str, Any] = {k: v for k, v in zip(header, row, strict=False) if k}
        record["text"] = row[col] if col < len(row) else ""
        yield origin, record
    if not rows:
        report.read_and_skip(inp.name, "no records (empty file)" if header is None else "header but no rows",
                             "article:empty")


def _find_column(header: list[str], name: str) -> int:
    if name in header:
        return header.index(name)
    lowered = [h.lower() for h in header]
    return lowered.index(name.lower()) if name.lower() in lowered else -1


def prefixed(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A stream that yields ``head`` and then the rest of ``rest`` (after peeking at stdin)."""
    return io.BufferedReader(_Chain(head, rest))


class _Chain(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(b))
        b[: len(data)] = data
        return len(data)
