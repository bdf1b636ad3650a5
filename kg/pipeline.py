"""The pipeline as a plain function: read → split → extract → merge into one graph."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .graph import KnowledgeGraph
from .lexicon import Lexicon
from .model import Article, Extraction
from .reader import Source, read
from .report import Report

_CJK = re.compile(r"[\u4e00-\u9fff]")

#: Called after each article with (articles done, the article).
Progress = Callable[[int, Article], None]


def extract_article(article: Article, lexicon: Lexicon) -> Extraction:
    """Extract nodes and edges from one article (imports jieba on first use)."""
    from .extract import extract

    return extract(article, lexicon)


def build(sources: Iterable[Source] | Source, *, date: str | None = None, encoding: str | None = None,
          lexicon: Lexicon | None = None, lexicon_dirs: Iterable[str | Path] = (),
          extra_lexicon: Mapping[str, Iterable[str]] | None = None, report: Report | None = None,
          progress: Progress | None = None, **read_options: Any) -> KnowledgeGraph:
    """Build a knowledge graph from articles.

    ``sources`` are paths (files or folders), texts, article records (dicts with ``text``) or
    :class:`kg.model.Article` objects, alone or in a list.  ``date`` is the publication date for
    articles that state none; ``lexicon_dirs`` / ``extra_lexicon`` extend the packaged lexicons
    (see :mod:`kg.lexicon`).  Inputs that cannot be used are recorded in ``report`` (and in
    ``graph.report``), never silently dropped.

    >>> g = build(["青川区委书记王建国主持召开区委常委会会议。"], date="2024-03-05")   # doctest: +SKIP
    >>> g.meetings_of("王建国")                                                     # doctest: +SKIP
    """
    report = report if report is not None else Report()
    lex = lexicon or Lexicon.load(lexicon_dirs, extra_lexicon)
    graph = KnowledgeGraph()
    done = 0
    for article in read(sources, date=date, encoding=encoding, report=report, **read_options):
        if not _CJK.search(article.text):
            report.skip(article.origin or article.id, "no Chinese text", "article:no-chinese")
        else:
            graph.add_extraction(extract_article(article, lex))
            report.articles_in_graph += 1
        done += 1
        if progress is not None:
            progress(done, article)
    from .resolve import resolve_people

    resolve_people(graph)
    graph.report = report  # type: ignore[attr-defined]
    return graph
