"""The per-article budget: an article that takes too long or too much memory is skipped, not fatal.

Extraction is linear in an article's length (see ``bench/hostile.py``), so the budget is a safety net
for shapes nobody foresaw, never a limit that ordinary text comes near.  An article may take
``seconds`` plus ``seconds_per_char`` per character (30 s + 1 s per 10,000 characters by default,
some ten times what extraction needs on a loaded machine) and grow the process by ``memory_mb``
(1,024 MB).  Over either, extraction stops with :class:`BudgetExceeded` and the article is skipped
with the code ``article:budget``; the run goes on (``--strict`` makes the skip an error).

Where it can (the main thread of a process: a worker, or ``jobs=1`` from the command line) the budget
is watched by an interval timer (``SIGALRM`` every 0.1 s), which stops even a single runaway rule;
elsewhere (a thread, a Dask worker) it is checked between the extraction components.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import KgError

_TICK = 0.1


class BudgetExceeded(KgError):
    """An article went over its time or memory budget."""


@dataclass(frozen=True)
class Budget:
    """Time and memory one article may use; ``None`` (or 0) switches a limit off."""

    seconds: float | None = 30.0
    seconds_per_char: float = 1e-4
    memory_mb: float | None = 1024.0

    def time_for(self, chars: int) -> float | None:
        """Seconds an article of ``chars`` characters may take."""
        if not self.seconds:
            return None
        return self.seconds + self.seconds_per_char * chars

    @property
    def off(self) -> bool:
        return not self.seconds and not self.memory_mb


#: The default budget (generous: see the module docstring).
DEFAULT_BUDGET = Budget()
#: No limits at all.
NO_BUDGET = Budget(seconds=None, memory_mb=None)


def rss_mb() -> float:
    """The resident memory of this process in MB (its peak where the current size is not known)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        import resource
        import sys

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class _Watch:
    def __init__(self, budget: Budget, chars: int) -> None:
        self.limit_s = budget.time_for(chars)
        self.limit_mb = budget.memory_mb or None
        self.start = self.measured = time.monotonic()
        self.base_mb = rss_mb() if self.limit_mb else 0.0

    def check(self) -> None:
        now = time.monotonic()
        if self.limit_s is not None and now - self.start > self.limit_s:
            raise BudgetExceeded(f"over budget: took more than {self.limit_s:.1f} s")
        # reading the process's size is a system call: once per tick is enough, not once per extractor
        if self.limit_mb is not None and now - self.measured >= _TICK:
            self.measured = now
            grown = rss_mb() - self.base_mb
            if grown > self.limit_mb:
                raise BudgetExceeded(f"over budget: memory grew by {grown:.0f} MB (limit {self.limit_mb:.0f} MB)")


@contextmanager
def watched(budget: Budget, chars: int) -> Iterator[Callable[[], None]]:
    """Run a block under ``budget`` for an article of ``chars`` characters; yields the check to call
    between steps.  Raises :class:`BudgetExceeded` from inside the block when the budget runs out."""
    if budget.off:
        yield _nothing
        return
    watch = _Watch(budget, chars)
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer") \
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    if not timer:
        yield watch.check
        return

    def on_tick(signum: int, frame: Any) -> None:
        watch.check()

    previous = signal.signal(signal.SIGALRM, on_tick)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield watch.check
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _nothing() -> None:
    pass
