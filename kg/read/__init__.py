"""Reading: files, folders, corpora, web pages and e-paper pages into a stream of articles.

:func:`read` is the entry point (:mod:`kg.read.reader`); decoding (:mod:`kg.read.decoding`,
:mod:`kg.read.script`), web pages (:mod:`kg.read.htmlpage`), corpora (:mod:`kg.read.corpus`) and the
e-paper page splitter (:mod:`kg.read.pagesplit`) are its parts.
"""

from .reader import Source, read

__all__ = ["Source", "read"]
