"""kg: knowledge graphs of who did what, where and when, from Chinese local-government news.

>>> import kg
>>> g = kg.build(["区委书记王某某主持召开区委常委会会议。"])   # doctest: +SKIP
>>> g.officials()                                             # doctest: +SKIP
"""

from .errors import (
    GraphFormatError,
    InputError,
    KgError,
    LexiconError,
    MissingDependencyError,
    Neo4jError,
    ViewError,
)
from .graph import KnowledgeGraph
from .model import LABELS, REL_TYPES, Article, Edge, Node, Provenance

__version__ = "0.1.0"

__all__ = [
    "LABELS",
    "REL_TYPES",
    "Article",
    "Edge",
    "GraphFormatError",
    "InputError",
    "KgError",
    "KnowledgeGraph",
    "LexiconError",
    "MissingDependencyError",
    "Neo4jError",
    "Node",
    "Provenance",
    "ViewError",
    "build",
    "read",
    "update",
]


def __getattr__(name: str):  # lazy: importing kg must not load jieba
    if name == "build":
        from .pipeline import build

        return build
    if name == "update":
        from .incremental import update

        return update
    if name == "read":
        from .read.reader import read

        return read
    raise AttributeError(name)
