"""The interactive HTML view: one self-contained, offline page per graph (:mod:`kg.view.html`),
laid out in Python above a few hundred nodes (:mod:`kg.view.layout`); in notebooks, the same view
inline and as a pyvis network (:mod:`kg.view.notebook`, behind ``KnowledgeGraph._repr_html_`` and
``KnowledgeGraph.to_pyvis``).

>>> from kg.view import write_html
>>> write_html(graph, "out/graph.html", around="程远航", depth=2)   # doctest: +SKIP
"""

from .html import render_html, select, write_html

__all__ = ["render_html", "select", "write_html"]
