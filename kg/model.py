"""The small data model: articles, nodes, edges and the provenance that ties a fact to its sentence.

Node keys are deterministic (``"Official:程远航"``, ``"Meeting:区委常委会会议@2022-12-30"``) so that
the same entity found in two articles, two runs or two machines is one node, in networkx and in Neo4j.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Node labels of SCHEMA.md.  Anything written to Neo4j or the view is checked against this allow-list.
LABELS: tuple[str, ...] = (
    "Official",
    "Person",
    "Meeting",
    "Project",
    "Street",
    "Community",
    "Region",
    "Organization",
    "Place",
    "Article",
    "Post",
    "MeetingSeries",
)

#: Relationship types of SCHEMA.md (plus HOLDS_POST).  Also an allow-list.
REL_TYPES: tuple[str, ...] = (
    "CHAIRED",
    "ATTENDED",
    "INSPECTED",
    "LOCATED_IN",
    "MENTIONED_IN",
    "WROTE",
    "HOLDS_POST",
    "IN_SERIES",
)

#: Relationship types kept as one edge per (source, target) that summarises every article, instead of
#: one edge per article: an official holds a post over time; a meeting belongs to its series.
SUMMARY_TYPES: tuple[str, ...] = ("HOLDS_POST", "IN_SERIES")


@dataclass(frozen=True)
class Article:
    """One news article after reading, splitting and repair.

    ``text`` is the repaired body; character offsets in :class:`Provenance` refer to it.
    ``origin`` says where it came from (``path`` or ``path:line``) for error messages and reports.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    section: str | None = None
    origin: str = ""
    #: ``(offset in text, offset in source file, length)`` triples mapping repaired text back to the file
    spans: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the article, the sentence, the rule that produced it."""

    article: str
    evidence: str
    rule: str
    date: str | None = None
    start: int | None = None
    end: int | None = None
    #: how exact ``date`` is: "day" (stated), "approximate" (近日 …), "week", "publication" (assumed)
    date_precision: str | None = None
    #: the words the date was resolved from (3月5日下午, 近日)
    date_phrase: str | None = None


def node_key(label: str, name: str, qualifier: str | None = None) -> str:
    """The deterministic id of a node: ``Label:name`` or ``Label:name@qualifier``."""
    return f"{label}:{name}@{qualifier}" if qualifier else f"{label}:{name}"


@dataclass(frozen=True)
class Node:
    """An entity mention as an extractor reports it.

    ``qualifier`` is part of the key where the name alone is ambiguous (a meeting's date).
    ``attrs`` holds label-specific properties (``title`` of an official, ``date`` of a meeting).
    """

    label: str
    name: str
    qualifier: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    provenance: Provenance | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return node_key(self.label, self.name, self.qualifier)

    def attr(self, name: str, default: str | None = None) -> str | None:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass(frozen=True)
class Edge:
    """A relationship between two node keys, with the provenance that justifies it."""

    type: str
    source: str
    target: str
    provenance: Provenance

    @property
    def key(self) -> str:
        """Multigraph key: one edge per type and article (the same fact in two articles is two edges),
        except for :data:`SUMMARY_TYPES`, one edge per type."""
        if self.type in SUMMARY_TYPES:
            return self.type
        return f"{self.type}|{self.provenance.article}"


@dataclass
class Extraction:
    """What the extractors found in one article."""

    article: Article
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    #: combinatorial relations left out by the fan-out bound, by kind (``companions×stops`` …)
    cut: dict[str, int] = field(default_factory=dict)
    #: why the article was left out of the graph (it went over its budget), else None
    skipped: str | None = None
