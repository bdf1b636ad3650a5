"""The pipeline as a plain function: read → split → extract → merge into one graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .budget import DEFAULT_BUDGET, Budget
from .graph import KnowledgeGraph
from .lexicon import Lexicon
from .model import Article
from .parallel import DEFAULT_BATCH, extract_stream
from .read.reader import Source, read
from .report import Report

#: Called after each article with (articles done, the article).
Progress = Callable[[int, Article], None]



def build(sources: Iterable[Source] | Source, *, date: str | None = None, encoding: str | None = None,
          lexicon: Lexicon | None = None, lexicon_dirs: Iterable[str | Path] = (),
          extra_lexicon: Mapping[str, Iterable[str]] | None = None, report: Report | None = None,
          progress: Progress | None = None, jobs: int | None = 1, engine: str = "local",
          scheduler: Any = None, batch_size: int | None = None, budget: Budget | None = None,
          **read_options: Any) -> KnowledgeGraph:
    """Build a knowledge graph from articles.

    ``sources`` are paths (files or folders), texts, article records (dicts with ``text``) or
    :class:`kg.model.Article` objects, alone or in a list.  ``date`` is the publication date for
    articles that state none; ``lexicon_dirs`` / ``extra_lexicon`` extend the packaged lexicons
    (see :mod:`kg.lexicon`).  Inputs that cannot be used are recorded in ``report`` (and in
    ``graph.report``), never silently dropped.

    ``jobs`` is the number of worker processes for extraction (``None``: one per core);
    ``engine="dask"`` runs extraction on a Dask cluster at ``scheduler`` (an address or a
    ``distributed.Client``; ``None`` starts a local one with ``jobs`` workers).  Results are merged in
    input order, so every engine and number of jobs gives the same graph (see :mod:`kg.parallel`).
    ``batch_size`` is the number of articles per task.  ``budget`` is the time and memory one
    article may use (default :data:`kg.budget.DEFAULT_BUDGET`; :data:`kg.budget.NO_BUDGET` for none):
    an article over it is skipped with the code ``article:budget`` (see :mod:`kg.budget`).

    >>> g = build(["青川区委书记王建国主持召开区委常委会会议。"], date="2024-03-05")   # doctest: +SKIP
    >>> g.meetings_of("王建国")                                                     # doctest: +SKIP
    """
    report = report if report is not None else Report()
    lex = lexicon or Lexicon.load(lexicon_dirs, extra_lexicon)
    graph = KnowledgeGraph()
    done = 0
    articles = read(sources, date=date, encoding=encoding, report=report, **read_options)
    for article, extraction in extract_stream(articles, lex, jobs=jobs, engine=engine, scheduler=scheduler,
                                              batch_size=batch_size or DEFAULT_BATCH,
                                              budget=budget or DEFAULT_BUDGET):
        if extraction is None:
            report.skip(article.origin or article.id, "no Chinese text", "article:no-chinese")
        elif extraction.skipped:
            report.skip(article.origin or article.id, extraction.skipped, "article:budget")
        else:
            report.cut.update(extraction.cut)
            graph.add_extraction(extraction)
            report.articles_in_graph += 1
        done += 1
        if progress is not None:
            progress(done, article)
    from .resolve import resolve_people, resolve_posts

    resolve_people(graph)
    resolve_posts(graph)
    graph.report = report  # type: ignore[attr-defined]
    return graph
