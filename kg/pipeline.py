"""The pipeline as a plain function: read → split → extract → merge into one graph → resolve.

The graph is a fold over the articles in input order (:meth:`KnowledgeGraph.add_extraction`), and
entity resolution (:mod:`kg.resolve`) runs once on the merged graph.  :func:`build` can keep that
merged, unresolved graph (``incremental=True``) so that :func:`kg.incremental.update` adds articles later
and gets the graph a build over all the articles would give (see :mod:`kg.incremental`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .budget import DEFAULT_BUDGET, Budget
from .graph import KnowledgeGraph, _copy
from .lexicon import Lexicon
from .model import Article
from .parallel import DEFAULT_BATCH, extract_stream
from .read.reader import Source, content_id, read
from .report import Report

#: Called after each article with (articles done, the article).
Progress = Callable[[int, Article], None]

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Seen:
    """The articles a graph was built from: content hash -> article id, and the ids.

    An article whose id or text was seen before is skipped as a duplicate (counting its mentions
    twice would be wrong), in a build as in an update, so both give the same graph."""

    hashes: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def add(self, article: Article, digest: str) -> None:
        self.hashes[digest] = article.id
        self.ids.add(article.id)


def build(sources: Iterable[Source] | Source, *, date: str | None = None, encoding: str | None = None,
          lexicon: Lexicon | None = None, lexicon_dirs: Iterable[str | Path] = (),
          extra_lexicon: Mapping[str, Iterable[str]] | None = None, report: Report | None = None,
          progress: Progress | None = None, jobs: int | None = 1, engine: str = "local",
          scheduler: Any = None, batch_size: int | None = None, budget: Budget | None = None,
          incremental: bool = False,
          **read_options: Any) -> KnowledgeGraph:
    """Build a knowledge graph from articles.

    ``sources`` are paths (files or folders), texts, article records (dicts with ``text``) or
    :class:`kg.model.Article` objects, alone or in a list.  ``date`` is the publication date for
    articles that state none; ``lexicon_dirs`` / ``extra_lexicon`` extend the packaged lexicons
    (see :mod:`kg.lexicon`).  Inputs that cannot be used are recorded in ``report`` (and in
    ``graph.report``), never silently dropped; an article whose id or text came earlier is skipped
    as a duplicate.

    ``jobs`` is the number of worker processes for extraction (``None``: one per core);
    ``engine="dask"`` runs extraction on a Dask cluster at ``scheduler`` (an address or a
    ``distributed.Client``; ``None`` starts a local one with ``jobs`` workers).  Results are merged in
    input order, so every engine and number of jobs gives the same graph (see :mod:`kg.parallel`).
    ``batch_size`` is the number of articles per task.  ``budget`` is the time and memory one
    article may use (default :data:`kg.budget.DEFAULT_BUDGET`; :data:`kg.budget.NO_BUDGET` for none):
    an article over it is skipped with the code ``article:budget`` (see :mod:`kg.budget`).

    ``incremental=True`` keeps what :func:`kg.update` needs to add articles later in ``graph.state``
    (the merged graph before resolution: about twice the memory).

    >>> g = build(["青川区委书记王建国主持召开区委常委会会议。"], date="2024-03-05")   # doctest: +SKIP
    >>> g.meetings_of("王建国")                                                     # doctest: +SKIP
    """
    report = report if report is not None else Report()
    lex = lexicon or Lexicon.load(lexicon_dirs, extra_lexicon)
    raw, seen = KnowledgeGraph(), Seen()
    add_articles(raw, sources, lex, seen=seen, report=report, date=date, encoding=encoding, progress=progress,
                 jobs=jobs, engine=engine, scheduler=scheduler, batch_size=batch_size, budget=budget,
                 **read_options)
    if not incremental:
        graph = resolved(raw, copy=False)
    else:
        from .incremental import BuildState

        graph = resolved(raw, copy=True)
        graph.state = BuildState(raw=raw, seen=seen, lexicon=lex.fingerprint, report=report)  # type: ignore[attr-defined]
    graph.report = report  # type: ignore[attr-defined]
    return graph


def add_articles(raw: KnowledgeGraph, sources: Iterable[Source] | Source, lexicon: Lexicon, *, seen: Seen,
                 report: Report, progress: Progress | None = None, jobs: int | None = 1, engine: str = "local",
                 scheduler: Any = None, batch_size: int | None = None, budget: Budget | None = None,
                 **read_options: Any) -> int:
    """Read, extract and merge ``sources`` into the unresolved graph ``raw``, in input order, skipping
    articles in ``seen`` (and adding the new ones to it).  Returns the number of articles merged."""
    articles = _new_articles(read(sources, report=report, **read_options), seen, report)
    done = merged = 0
    for article, extraction in extract_stream(articles, lexicon, jobs=jobs, engine=engine, scheduler=scheduler,
                                              batch_size=batch_size or DEFAULT_BATCH,
                                              budget=budget or DEFAULT_BUDGET):
        if extraction is not None and extraction.skipped:
            report.skip(article.origin or article.id, extraction.skipped, "article:budget")
        elif extraction is not None:
            report.cut.update(extraction.cut)
            raw.add_extraction(extraction)
            report.articles_in_graph += 1
            merged += 1
        done += 1
        if progress is not None:
            progress(done, article)
    return merged


def _new_articles(articles: Iterable[Article], seen: Seen, report: Report) -> Iterator[Article]:
    """The articles not seen before.  Skips are recorded here, as the articles are read, so that the
    report lists them in input order whatever the number of jobs (and an update's report continues a
    build's exactly)."""
    for article in articles:
        digest = content_id(article.text)
        first = article.id if article.id in seen.ids else seen.hashes.get(digest)
        if first is not None:
            what = "id" if first == article.id else "text"
            report.skip(article.origin or article.id, f"duplicate: same {what} as article {first}",
                        "article:duplicate")
            continue
        seen.add(article, digest)
        if not _CJK.search(article.text):
            report.skip(article.origin or article.id, "no Chinese text", "article:no-chinese")
            continue
        yield article


def resolved(raw: KnowledgeGraph, *, copy: bool) -> KnowledgeGraph:
    """``raw`` after entity resolution; on a deep copy when ``copy`` (resolution edits in place)."""
    from .resolve import resolve_people, resolve_posts

    graph = KnowledgeGraph(deep_copy(raw.nx)) if copy else raw
    resolve_people(graph)
    resolve_posts(graph)
    return graph


def deep_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy that shares no attribute list with ``g``, nodes and edges in the same order."""
    out = nx.MultiDiGraph()
    out.graph.update(_copy(g.graph))
    out.add_nodes_from((n, _copy(d)) for n, d in g.nodes(data=True))
    out.add_edges_from((u, v, k, _copy(d)) for u, v, k, d in g.edges(keys=True, data=True))
    return out
