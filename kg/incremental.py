"""Incremental builds: today's articles into yesterday's graph, with the result of a full rebuild.

The graph of a build is a fold over the articles in input order, followed by entity resolution over
the merged graph (:mod:`kg.pipeline`).  A build made with ``incremental=True`` (``kg build`` always
does) keeps the merged graph *before* resolution, the hashes and ids of the articles read and the
running report: its :class:`BuildState`, saved as ``build-state.json`` next to ``graph.json``.
:func:`update` extracts only the new articles, folds them into that merged graph and runs resolution
again, so

    update(build(OLD), NEW)  ==  build(OLD + NEW)

node for node and attribute for attribute: ``graph.json``, ``graph.graphml`` and ``report.json``
are byte-identical to those of one build over the old inputs followed by the new ones (with the same
lexicon; an update with another lexicon is refused).  Articles already in the graph (same id or same
text) are skipped as duplicates, exactly as a build skips the second copy of an article.

Cost: extraction, by far the largest per-article cost, runs for the new articles only; loading the
state, resolving and writing the files stay linear in the size of the graph, with small constants
(``bench/incremental.py`` measures both).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GraphFormatError, KgError
from .graph import KnowledgeGraph
from .lexicon import Lexicon
from .pipeline import Progress, Seen, add_articles, resolved
from .read.reader import Source
from .report import Report

STATE_FILE = "build-state.json"
STATE_FORMAT = "kg-build-state"
STATE_VERSION = 1


@dataclass
class BuildState:
    """What an update needs from the builds before it."""

    #: the merged graph before entity resolution
    raw: KnowledgeGraph
    seen: Seen
    #: :attr:`kg.lexicon.Lexicon.fingerprint` of the lexicon the articles were extracted with
    lexicon: str
    #: the report so far
    report: Report | None = None
    #: the inputs named on the command line so far (the title of graph.html)
    inputs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"format": STATE_FORMAT, "version": STATE_VERSION, "lexicon": self.lexicon,
                "inputs": self.inputs,
                "report": self.report.state() if self.report is not None else None, "seen": self.seen.hashes,
                "raw": self.raw.to_dict(copy=False)}

    @classmethod
    def from_dict(cls, data: Any, where: str = "state") -> BuildState:
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            raise GraphFormatError(f"{where}: not a kg build state")
        if data.get("version") != STATE_VERSION:
            raise GraphFormatError(f"{where}: build state version {data.get('version')!r}, this kg reads "
                                   f"{STATE_VERSION}: rebuild from all the articles")
        try:
            hashes = {str(k): str(v) for k, v in data["seen"].items()}
            return cls(raw=KnowledgeGraph.from_dict(data["raw"]), seen=Seen(hashes, set(hashes.values())),
                       lexicon=str(data["lexicon"]),
                       report=Report.restore(data["report"]) if data.get("report") else None,
                       inputs=[str(x) for x in data.get("inputs", [])])
        except (KeyError, TypeError, AttributeError) as exc:
            raise GraphFormatError(f"{where}: bad build state: missing or bad field {exc}") from exc

    def save(self, folder: str | Path) -> Path:
        """Write ``build-state.json`` into ``folder`` (atomically: a crash leaves the old one)."""
        path = Path(folder) / STATE_FILE
        tmp = path.with_name(path.name + ".tmp")
        # compact and unsorted: attribute order survives the round trip, and it loads fast
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
        return path


def load_state(folder: str | Path) -> BuildState:
    """The :class:`BuildState` saved in ``folder`` by ``kg build`` (raises :class:`GraphFormatError`)."""
    path = Path(folder) / STATE_FILE
    if not path.is_file():
        raise GraphFormatError(f"{folder}: no {STATE_FILE} (build the folder with kg build first, "
                               "without --no-state; folders written before kg could update have none)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphFormatError(f"{path}: cannot read the build state: {exc}") from exc
    return BuildState.from_dict(data, str(path))


def update(graph: KnowledgeGraph | BuildState | str | Path, sources: Iterable[Source] | Source, *,
           date: str | None = None, encoding: str | None = None, lexicon: Lexicon | None = None,
           lexicon_dirs: Iterable[str | Path] = (),
           extra_lexicon: Mapping[str, Iterable[str]] | None = None, report: Report | None = None,
           progress: Progress | None = None, jobs: int | None = 1, engine: str = "local",
           scheduler: Any = None, batch_size: int | None = None, **read_options: Any) -> KnowledgeGraph:
    """Add the articles in ``sources`` to ``graph`` and return the graph a full build would give.

    ``graph`` is a graph from ``kg.build(..., incremental=True)`` or an earlier :func:`update`, a
    folder written by ``kg build`` (its ``build-state.json``) or a :class:`BuildState`.  The state moves to the returned
    graph (``graph.state``): the old graph object cannot be updated again.  ``report`` only lends its
    callbacks (``on_skip``, ``on_warning``); ``graph.report`` continues the saved report.  The other
    options are those of :func:`kg.build`; the lexicon must be the one the graph was built with.
    """
    if isinstance(graph, KnowledgeGraph):
        state = getattr(graph, "state", None)
        if state is None:
            raise KgError("this graph keeps no build state: build it with kg.build(..., incremental=True), "
                          "or pass the folder kg build wrote")
        graph.state = None  # type: ignore[attr-defined]
    elif isinstance(graph, BuildState):
        state = graph
    else:
        state = load_state(graph)
    lex = lexicon or Lexicon.load(lexicon_dirs, extra_lexicon)
    if lex.fingerprint != state.lexicon:
        raise KgError("the graph was built with another lexicon (other --lexicon folders or kg version): "
                      "an update would differ from a full build; rebuild from all the articles")
    callbacks: dict[str, Any] = {}
    if report is not None:
        callbacks = {"on_skip": report.on_skip, "on_warning": report.on_warning}
    run = Report.restore(state.report.state(), **callbacks) if state.report else Report(**callbacks)
    add_articles(state.raw, sources, lex, seen=state.seen, report=run, date=date, encoding=encoding,
                 progress=progress, jobs=jobs, engine=engine, scheduler=scheduler, batch_size=batch_size,
                 **read_options)
    out = resolved(state.raw, copy=True)
    state.report = run
    out.state = state  # type: ignore[attr-defined]
    out.report = run  # type: ignore[attr-defined]
    return out
