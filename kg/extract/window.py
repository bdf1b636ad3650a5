"""Very long articles are extracted in windows, so that the work stays linear in their length.

Rules look back over an article (its main meeting, who 他 is, the article's district, the stops a
companion joins), which costs time in proportion to what the article named so far.  An ordinary
article is a few thousand characters at most; a file of thousands of articles run into one line, or an
OCR dump of a whole book, is not.  Such a text is cut into windows of at most :data:`WINDOW`
characters (at a sentence end where there is one in the second half of a window), each window is
extracted as an article of its own, and the results are joined with offsets into the whole text.
Facts that span two windows (a companion far from the itinerary) are lost: the price of a text that
size, paid only by texts that size.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator

from ..model import Article, Edge, Extraction, Node, Provenance

#: The longest text extracted as one piece: ten times the longest article in the evaluation sets.
WINDOW = 20_000
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def windows(text: str, size: int = WINDOW) -> Iterator[tuple[int, int]]:
    """``[start, end)`` pieces of ``text`` of at most ``size`` characters, cut after the last sentence
    end in the second half of each piece where there is one."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            ends = list(_SENTENCE_END.finditer(text, pos + size // 2, end))
            if ends:
                end = ends[-1].end()
        yield pos, end
        pos = end


def _shift(prov: Provenance | None, by: int) -> Provenance | None:
    if prov is None or by == 0:
        return prov
    return dataclasses.replace(prov, start=None if prov.start is None else prov.start + by,
                               end=None if prov.end is None else prov.end + by)


def extract_windows(article: Article, run: Callable[[Article], Extraction], *,
                    pieces: Iterable[tuple[int, int]] | None = None) -> Extraction:
    """``run`` over each window of ``article`` (the first keeps the title), joined into one extraction.
    ``pieces`` are the windows when they are given (the items of a digest, see :mod:`kg.extract.digest`),
    each cut again if it is longer than :data:`WINDOW`."""
    out = Extraction(article=article)
    spans = windows(article.text) if pieces is None else (
        (s + a, s + b) for s, e in pieces for a, b in windows(article.text[s:e]))
    for n, (start, end) in enumerate(spans):
        part = dataclasses.replace(article, text=article.text[start:end], title=article.title if n == 0 else "",
                                   spans=())
        ex = run(part)
        nodes = ex.nodes if n == 0 else ex.nodes[1:]  # one Article node: the first window's
        out.nodes.extend(Node(x.label, x.name, x.qualifier, x.attrs, _shift(x.provenance, start)) for x in nodes)
        out.edges.extend(Edge(e.type, e.source, e.target, _shift(e.provenance, start) or e.provenance)
                         for e in ex.edges)
        for kind, k in ex.cut.items():
            out.cut[kind] = out.cut.get(kind, 0) + k
    return out
