"""Parallel and distributed extraction: the same results as one process, on many cores or a cluster.

:func:`extract_stream` takes the article stream of :func:`kg.read.read` and yields, *in input order*,
each article with its :class:`kg.model.Extraction` (``None`` for an article that has no Chinese text).
The caller (:func:`kg.pipeline.build`) merges them into the graph in that order, so a parallel build
gives the byte-identical ``graph.json`` of a one-process build.

Engines:

* ``"local"`` with ``jobs=1``: in this process.
* ``"local"`` with ``jobs=N``: ``N`` worker processes (:mod:`multiprocessing`; *fork* from a
  single-threaded process, else *forkserver* or *spawn*, which import the caller's ``__main__`` again:
  guard scripts with ``if __name__ == "__main__"``).  Each worker loads jieba and the lexicon once, in
  its initializer.
* ``"dask"``: tasks on a Dask distributed cluster (``pip install 'kg[dask]'``).  ``scheduler`` is a
  scheduler address (``tcp://10.0.0.5:8786``), a :class:`distributed.Client`, or ``None`` for a
  :class:`distributed.LocalCluster` of ``jobs`` single-threaded worker processes.  The lexicon is sent
  to every worker once (``scatter(broadcast=True)``); workers need ``kg`` installed.

Articles travel in batches of ``batch_size``; at most ``window`` batches are in flight, so memory
stays flat however long the stream: the reader is pulled only as results come back, and each article
text is dropped once its extraction is merged.  Tiny inputs (one batch or less) are extracted in this
process whatever the engine, since starting workers would cost more than the work.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from typing import Any, Protocol

from .budget import DEFAULT_BUDGET, Budget, BudgetExceeded, watched
from .errors import KgError
from .lexicon import Lexicon
from .model import Article, Edge, Extraction, Node

ENGINES = ("local", "dask")
#: Articles per task: large enough to amortise the round trip, small enough to keep workers balanced.
DEFAULT_BATCH = 32

_CJK = re.compile(r"[\u4e00-\u9fff]")

#: What a worker sends back for one article: its nodes, edges and fan-out cuts (the article itself
#: stays here), or the reason it was skipped (it went over its budget).
Found = tuple[list[Node], list[Edge], dict[str, int]] | str


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_batch(articles: list[Article], lexicon: Lexicon, budget: Budget = DEFAULT_BUDGET) -> list[Found]:
    """Extract a batch of articles (the task a worker runs); returns nodes, edges and cuts per article,
    or the reason an article went over ``budget`` (see :mod:`kg.budget`)."""
    from .extract import extract

    out: list[Found] = []
    for article in articles:
        try:
            with watched(budget, len(article.text)) as check:
                ex = extract(article, lexicon, check=check)
        except BudgetExceeded as exc:
            out.append(str(exc))
            continue
        out.append((ex.nodes, ex.edges, ex.cut))
    return out


def warm_up(lexicon: Lexicon) -> None:
    """Load jieba, the lexicon's words and the part-of-speech table now (about a second, once per process)."""
    from .extract.doc import segmenter, word_tags

    segmenter(lexicon)
    word_tags()


class Executor(Protocol):
    """Runs :func:`extract_batch` somewhere; results are fetched in submission order."""

    def submit(self, batch: list[Article]) -> Any:
        """Start extracting ``batch``; returns a handle for :meth:`result`."""

    def result(self, handle: Any) -> list[Found]:
        """Wait for a batch and return its results (re-raises a worker's exception)."""

    def close(self) -> None:
        """Stop the workers this executor started."""


class InlineExecutor:
    """Extraction in this process (``jobs=1``, and tiny inputs)."""

    def __init__(self, lexicon: Lexicon, budget: Budget = DEFAULT_BUDGET) -> None:
        self.lexicon = lexicon
        self.budget = budget
        if not budget.off:
            warm_up(lexicon)  # loading jieba is the process's cost, not the first article's

    def submit(self, batch: list[Article]) -> list[Found]:
        return extract_batch(batch, self.lexicon, self.budget)

    def result(self, handle: list[Found]) -> list[Found]:
        return handle

    def close(self) -> None:
        pass


_worker_lexicon: Lexicon | None = None
_worker_budget: Budget = DEFAULT_BUDGET
_worker_error: BaseException | None = None


def _init_worker(lexicon: Lexicon, budget: Budget = DEFAULT_BUDGET) -> None:
    global _worker_lexicon, _worker_error, _worker_budget
    _worker_lexicon = lexicon
    _worker_budget = budget
    try:
        warm_up(lexicon)
    except Exception as exc:  # a failing initializer makes Pool respawn workers forever: report it instead
        _worker_error = exc


def _run_batch(batch: list[Article]) -> list[Found]:
    if _worker_error is not None:
        raise _worker_error
    if _worker_lexicon is None:  # pragma: no cover - the initializer always runs first
        raise KgError("worker was not initialised with a lexicon")
    return extract_batch(batch, _worker_lexicon, _worker_budget)


def _start_method() -> str:
    """*fork* when this process runs one thread (fast, and a script needs no ``__main__`` guard), else
    *forkserver* (forking a threaded process can deadlock), else *spawn* (not on POSIX)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessExecutor:
    """``jobs`` worker processes, each initialised once with the lexicon."""

    def __init__(self, lexicon: Lexicon, jobs: int, start_method: str | None = None,
                 budget: Budget = DEFAULT_BUDGET) -> None:
        ctx = multiprocessing.get_context(start_method or _start_method())
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(["kg.parallel", "kg.extract"])
        self.pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(lexicon, budget))

    def submit(self, batch: list[Article]) -> Any:
        return self.pool.apply_async(_run_batch, (batch,))

    def result(self, handle: Any) -> list[Found]:
        return handle.get()

    def close(self) -> None:
        # close, not terminate: the batches still in flight are few (the window) and finish in moments,
        # while Pool.terminate() can deadlock joining its handler threads (seen with forkserver workers)
        self.pool.close()
        self.pool.join()


class DaskExecutor:
    """Tasks on a Dask distributed cluster; the lexicon is broadcast to the workers once."""

    def __init__(self, lexicon: Lexicon, scheduler: Any = None, jobs: int | None = None,
                 budget: Budget = DEFAULT_BUDGET) -> None:
        self.budget = budget
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise KgError("--engine dask needs Dask distributed: pip install 'kg[dask]'") from exc
        self._own_client = not isinstance(scheduler, Client)
        self._cluster: Any = None
        if isinstance(scheduler, Client):
            self.client = scheduler
        elif scheduler:
            try:
                self.client = Client(str(scheduler), timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            self._cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                                         dashboard_address=None, host="127.0.0.1")
            self.client = Client(self._cluster)
        self._lexicon = self.client.scatter(lexicon, broadcast=True, hash=False)
        # each round trip goes through the scheduler: keep every worker thread fed with a few batches
        slots = sum(self.client.nthreads().values()) or 1
        self.window = max(8, 4 * slots)

    def submit(self, batch: list[Article]) -> Any:
        return self.client.submit(extract_batch, batch, self._lexicon, self.budget, pure=False)

    def result(self, handle: Any) -> list[Found]:
        return handle.result()

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def make_executor(lexicon: Lexicon, *, jobs: int = 1, engine: str = "local", scheduler: Any = None,
                  budget: Budget = DEFAULT_BUDGET) -> Executor:
    """The executor for ``engine`` (``"local"`` or ``"dask"``) and ``jobs``."""
    if engine not in ENGINES:
        raise KgError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "dask":
        return DaskExecutor(lexicon, scheduler, jobs, budget)
    if scheduler is not None:
        raise KgError("a scheduler address needs --engine dask")
    return ProcessExecutor(lexicon, jobs, budget=budget) if jobs > 1 else InlineExecutor(lexicon, budget)


def extract_stream(articles: Iterable[Article], lexicon: Lexicon, *, jobs: int | None = None,
                   engine: str = "local", scheduler: Any = None, batch_size: int = DEFAULT_BATCH,
                   window: int | None = None, budget: Budget = DEFAULT_BUDGET,
                   ) -> Generator[tuple[Article, Extraction | None], None, None]:
    """Each article with its extraction, in input order (``None`` when it has no Chinese text; an
    extraction with ``skipped`` set when the article went over ``budget``).

    ``jobs`` is the number of worker processes (default: :func:`default_jobs`; ignored by a Dask
    cluster that already exists), ``window`` the most batches in flight (default ``2 * jobs``; on Dask,
    four per worker thread, at least 8, since each round trip passes through the scheduler).
    """
    if engine not in ENGINES:
        raise KgError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise KgError("a scheduler address needs --engine dask")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KgError(f"jobs must be at least 1, not {jobs}")
    if batch_size < 1:
        raise KgError(f"batch size must be at least 1, not {batch_size}")
    batches = _batches(articles, batch_size)
    first = next(batches, None)
    if first is None:
        return
    head = [first]
    if jobs > 1 or engine != "local":
        second = next(batches, None)
        if second is not None:
            head.append(second)
    executor: Executor
    if len(head) > 1:
        executor = make_executor(lexicon, jobs=jobs, engine=engine, scheduler=scheduler, budget=budget)
        window = max(1, window if window is not None else getattr(executor, "window", 2 * jobs))
    else:  # one batch or less, or jobs=1: no workers
        executor, window = InlineExecutor(lexicon, budget), 1
    pending: deque[tuple[list[Article], Any]] = deque()
    try:
        for batch in _chain(head, batches):
            pending.append((batch, executor.submit([a for a in batch if _CJK.search(a.text)])))
            while len(pending) >= window:
                yield from _collect(executor, *pending.popleft())
        while pending:
            yield from _collect(executor, *pending.popleft())
    finally:
        executor.close()


def _chain(head: list[list[Article]], tail: Iterator[list[Article]]) -> Iterator[list[Article]]:
    while head:  # popped, so that no batch is held after it was handed out
        yield head.pop(0)
    yield from tail


def _collect(executor: Executor, batch: list[Article], handle: Any) -> Iterator[tuple[Article, Extraction | None]]:
    found = iter(executor.result(handle))
    for article in batch:
        if not _CJK.search(article.text):
            yield article, None
        else:
            got = next(found)
            if isinstance(got, str):
                yield article, Extraction(article=article, skipped=got)
            else:
                nodes, edges, cut = got
                yield article, Extraction(article=article, nodes=nodes, edges=edges, cut=cut)
