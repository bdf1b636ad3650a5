"""The run report: every input accounted for, nothing dropped silently.

A :class:`Report` counts what a run read and used, and records every input that did not make it
into the graph as a :class:`Skip` with a machine-readable ``code`` and a one-line ``reason``.

Codes starting with ``article:`` are *article-level*: each one stands for one article that was read
(counted in ``articles_read``) and not put into the graph.  A file that fails as a whole (empty,
binary, undecodable, unreadable) counts as one article read and skipped, so nothing vanishes and
the accounting is exact::

    articles_read == articles_in_graph + articles_skipped

Codes starting with ``file:`` are for inputs that were never read as articles (a path that does
not exist, a file of an unsupported type met while walking a directory).  They do not enter the
article count but do show in ``skipped`` and make ``--strict`` fail.

``on_skip`` and ``on_warning`` are called as problems happen, so a command line can print them at
once (one line each, naming the file and line).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: At most this many skips and warnings are kept in detail; counts stay exact beyond it.
MAX_DETAILS = 10_000


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line (control characters become spaces), cut to ``limit`` characters."""
    flat = "".join(" " if (c < " " or c in "\x7f\u2028\u2029\x85") else c for c in str(text)).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class Skip:
    """One input (file, line or article) that did not make it into the graph, and why."""

    origin: str
    reason: str
    code: str = "article:error"

    @property
    def is_article(self) -> bool:
        """True for article-level skips (counted in ``articles_skipped``)."""
        return self.code.startswith("article:")

    @property
    def message(self) -> str:
        """``origin: reason [code]`` on one line, for stderr."""
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.reason} [{self.code}]"


@dataclass
class Report:
    """Counts of what a run read, used and skipped.

    ``articles_read == articles_in_graph + articles_skipped`` holds after a complete run
    (:meth:`check` verifies it).  The reader counts ``articles_read`` and skips what it cannot read;
    the pipeline adds ``articles_in_graph`` (or calls :meth:`skip` with an ``article:`` code) for each
    article it was handed.
    """

    files_read: int = 0
    articles_read: int = 0
    articles_in_graph: int = 0
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    on_skip: Callable[[Skip], None] | None = field(default=None, repr=False, compare=False)
    on_warning: Callable[[str], None] | None = field(default=None, repr=False, compare=False)
    skip_counts: Counter[str] = field(default_factory=Counter)
    warning_count: int = 0
    #: relations left out by the per-article fan-out bound, by kind (``companions×stops``, ``lists×meetings``)
    cut: Counter[str] = field(default_factory=Counter)

    # -- recording ------------------------------------------------------------------------------

    def skip(self, origin: str, reason: str, code: str = "article:error") -> Skip:
        """Record that ``origin`` was skipped for ``reason``; ``code`` is ``article:…`` or ``file:…``."""
        s = Skip(one_line(origin, 500), one_line(reason), code)
        self.skip_counts[code] += 1
        if len(self.skipped) < MAX_DETAILS:
            self.skipped.append(s)
        if self.on_skip is not None:
            self.on_skip(s)
        return s

    def read_and_skip(self, origin: str, reason: str, code: str) -> Skip:
        """Count one article read and skip it at once (a file or record that yields no article)."""
        if not code.startswith("article:"):
            raise ValueError(f"read_and_skip needs an article: code, not {code!r}")
        self.articles_read += 1
        return self.skip(origin, reason, code)

    def warn(self, message: str) -> None:
        """Record a problem that did not cost an article (e.g. a bad date that was ignored)."""
        message = one_line(message, 500)
        self.warning_count += 1
        if len(self.warnings) < MAX_DETAILS:
            self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    # -- reading --------------------------------------------------------------------------------

    @property
    def articles_skipped(self) -> int:
        """Articles read but not put into the graph."""
        return sum(n for code, n in self.skip_counts.items() if code.startswith("article:"))

    @property
    def files_skipped(self) -> int:
        """Inputs skipped without being read as articles (``file:`` codes)."""
        return sum(n for code, n in self.skip_counts.items() if not code.startswith("article:"))

    @property
    def skip_total(self) -> int:
        """All skips, article- and file-level."""
        return sum(self.skip_counts.values())

    @property
    def balanced(self) -> bool:
        """True when every article read is either in the graph or skipped."""
        return self.articles_read == self.articles_in_graph + self.articles_skipped

    def check(self) -> None:
        """Raise :class:`AssertionError` if the accounting does not add up (a bug, not bad input)."""
        if not self.balanced:
            raise AssertionError(
                f"report does not add up: {self.articles_read} read != {self.articles_in_graph} in graph"
                f" + {self.articles_skipped} skipped")

    def summary(self) -> str:
        """One line for the end of a run: ``12 articles read: 10 in graph, 2 skipped (…)``."""
        line = (f"{self.articles_read} articles read from {self.files_read} files: "
                f"{self.articles_in_graph} in graph, {self.articles_skipped} skipped")
        if self.skip_counts:
            line += " (" + ", ".join(f"{n} {code}" for code, n in sorted(self.skip_counts.items())) + ")"
        if self.warning_count:
            line += f"; {self.warning_count} warnings"
        if self.cut:
            line += f"; {sum(self.cut.values())} relations cut by the fan-out bound"
        return line

    def as_dict(self) -> dict[str, Any]:
        """The JSON-ready report (what :meth:`write` writes)."""
        return {
            "files_read": self.files_read,
            "files_skipped": self.files_skipped,
            "articles_read": self.articles_read,
            "articles_in_graph": self.articles_in_graph,
            "articles_skipped": self.articles_skipped,
            "balanced": self.balanced,
            "skipped_by_reason": dict(sorted(self.skip_counts.items())),
            "skipped": [{"origin": s.origin, "code": s.code, "reason": s.reason} for s in self.skipped],
            "skipped_truncated": self.skip_total > len(self.skipped),
            "warnings": list(self.warnings),
            "warnings_truncated": self.warning_count > len(self.warnings),
            "relations_cut": dict(sorted(self.cut.items())),
        }

    def state(self) -> dict[str, Any]:
        """Everything needed to go on counting later (:meth:`restore`): an update's report is the
        report of one build over the old inputs followed by the new ones."""
        return {**self.as_dict(), "warning_count": self.warning_count}

    @classmethod
    def restore(cls, data: dict[str, Any], **callbacks: Any) -> Report:
        """A report that continues the one :meth:`state` saved (``on_skip``/``on_warning`` may be given)."""
        report = cls(files_read=int(data["files_read"]), articles_read=int(data["articles_read"]),
                     articles_in_graph=int(data["articles_in_graph"]),
                     skipped=[Skip(s["origin"], s["reason"], s["code"]) for s in data["skipped"]],
                     warnings=list(data["warnings"]), skip_counts=Counter(data["skipped_by_reason"]),
                     warning_count=int(data["warning_count"]), **callbacks)
        return report

    def write(self, path: str | Path) -> None:
        """Write :meth:`as_dict` as UTF-8 JSON to ``path``."""
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"
        Path(path).write_text(text, encoding="utf-8")
