"""Rule-based extraction: a pipeline of small components over one :class:`Doc`.

Every component follows the same contract (:class:`Extractor`): it is called with the doc, reads what
earlier components found and adds mentions or relations.  :func:`extract` runs them in order and turns
the doc into an :class:`kg.model.Extraction` of nodes and edges with provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..lexicon import Lexicon
from ..model import Article, Extraction
from .admin import AdminUnits
from .assemble import to_extraction
from .digest import items
from .doc import Doc
from .entities import ORGANIZATIONS, PLACES, PROJECTS, ZONES, CompanyIsA, KnownEntities
from .events import Events
from .inspections import Inspections
from .located import Located
from .meetings import Meetings
from .people import Bylines, Officials
from .regions import Regions
from .resolve import Overlaps, StopLabels
from .visits import Visits
from .window import WINDOW, extract_windows


class Extractor(Protocol):
    """One pipeline component: reads and extends a :class:`Doc`."""

    name: str

    def __call__(self, doc: Doc) -> None: ...


#: The default components, in the order they run.
DEFAULT_PIPELINE: tuple[Extractor, ...] = (
    Bylines(),
    Officials(),
    KnownEntities(),
    Regions(),
    ZONES,
    AdminUnits(),
    PROJECTS,
    ORGANIZATIONS,
    CompanyIsA(),
    PLACES,
    Meetings(),
    Overlaps(),
    Events(),
    Inspections(),
    Visits(),
    Located(),
    StopLabels(),
)


def extract(article: Article, lexicon: Lexicon, pipeline: tuple[Extractor, ...] = DEFAULT_PIPELINE, *,
            check: Callable[[], None] | None = None) -> Extraction:
    """Run the extractors over one article; ``check`` is called between components (it may raise to
    stop an article that went over its budget, see :mod:`kg.budget`).  A text longer than
    :data:`kg.extract.window.WINDOW` is extracted in windows (see :mod:`kg.extract.window`), and so is
    each item of a digest (see :mod:`kg.extract.digest`)."""
    digest = items(article.text)
    if digest is not None:
        return extract_windows(article, lambda part: _extract_one(part, lexicon, pipeline, check), pieces=digest)
    if len(article.text) > WINDOW:
        return extract_windows(article, lambda part: _extract_one(part, lexicon, pipeline, check))
    return _extract_one(article, lexicon, pipeline, check)


def _extract_one(article: Article, lexicon: Lexicon, pipeline: tuple[Extractor, ...],
                 check: Callable[[], None] | None) -> Extraction:
    doc = Doc(article, lexicon)
    for component in pipeline:
        if check is not None:
            check()
        component(doc)
    return to_extraction(doc)


__all__ = ["DEFAULT_PIPELINE", "Doc", "Extractor", "extract"]
