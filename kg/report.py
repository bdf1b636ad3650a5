"""The run report: every input accounted for, nothing dropped silently."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Skip:
    """One input (file, line or article) that did not make it into the graph, and why."""

    origin: str
    reason: str
    code: str = "error"


@dataclass
class Report:
    """Counts of what a run read, used and skipped.  ``articles_read == articles_in_graph + skipped articles``."""

    files_read: int = 0
    articles_read: int = 0
    articles_in_graph: int = 0
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, origin: str, reason: str, code: str = "error") -> None:
        self.skipped.append(Skip(origin, reason, code))

    @property
    def articles_skipped(self) -> int:
        return sum(1 for s in self.skipped if s.code.startswith("article"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "files_read": self.files_read,
            "articles_read": self.articles_read,
            "articles_in_graph": self.articles_in_graph,
            "articles_skipped": self.articles_skipped,
            "skipped_by_reason": dict(sorted(Counter(s.code for s in self.skipped).items())),
            "skipped": [{"origin": s.origin, "code": s.code, "reason": s.reason} for s in self.skipped],
            "warnings": list(self.warnings),
        }

    def write(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
