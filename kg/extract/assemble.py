"""Turn a processed :class:`Doc` into the nodes and edges of :mod:`kg.model`, with provenance."""

from __future__ import annotations

import re

from ..model import Edge, Extraction, Node, Provenance, node_key
from .doc import Doc, Mention


def _node(doc: Doc, m: Mention) -> Node:
    sent = doc.sentences[m.sentence] if doc.sentences else None
    prov = Provenance(article=doc.article.id, evidence=sent.text if sent else "", rule=m.rule,
                      date=doc.article.date, start=_art_offset(doc, m.start), end=_art_offset(doc, m.end))
    attrs = tuple(sorted((k, v) for k, v in m.attrs.items() if k in ("title", "date", "date_precision", "date_phrase")
                         and v))
    if m.label == "Official":
        region = _official_region(doc, m)
        if region:
            attrs += (("region", region),)
    return Node(m.label, m.name, m.qualifier, attrs, prov)


def _art_offset(doc: Doc, offset: int) -> int | None:
    o = offset - doc.shift
    return o if o >= 0 else None


def article_node(doc: Doc) -> Node:
    a = doc.article
    attrs = [("title", a.title)]
    for k in ("date", "url", "source", "byline", "section", "origin"):
        v = getattr(a, k)
        if v and not (k == "origin" and v.startswith("<")):  # "<record 3>" depends on input order
            attrs.append((k, v))
    prov = Provenance(article=a.id, evidence=a.title, rule="article", date=a.date)
    return Node("Article", a.id, None, tuple(sorted(attrs)), prov)


def to_extraction(doc: Doc) -> Extraction:
    """Nodes for every mention (repeats count as mentions), relations as edges, plus MENTIONED_IN."""
    art = article_node(doc)
    ex = Extraction(article=doc.article, nodes=[art], cut=dict(doc.notes.get("cut", {})))
    first_sentence: dict[str, int] = {}
    for m in doc.mentions:
        if m.label == "Article" or m.attrs.get("ref"):
            continue
        node = _node(doc, m)
        ex.nodes.append(node)
        first_sentence.setdefault(node.key, m.sentence)
    for r in doc.relations:
        src = r.source.name if r.source.label != "Article" else doc.article.id
        tgt = r.target
        tgt_key = art.key if tgt.label == "Article" else node_key(tgt.label, tgt.name, tgt.qualifier)
        src_key = art.key if r.source.label == "Article" else node_key(r.source.label, src, r.source.qualifier)
        for m in (r.source, r.target):
            if m.label != "Article" and node_key(m.label, m.name, m.qualifier) not in first_sentence:
                ex.nodes.append(_node(doc, m))
                first_sentence[node_key(m.label, m.name, m.qualifier)] = m.sentence
        sent = doc.sentences[r.sentence]
        prov = Provenance(article=doc.article.id, evidence=sent.text, rule=r.rule, date=r.date,
                          start=_art_offset(doc, sent.start), end=_art_offset(doc, sent.end),
                          date_precision=r.date_precision if r.date else None,
                          date_phrase=r.date_phrase if r.date else None)
        ex.edges.append(Edge(r.type, src_key, tgt_key, prov))
    _posts(doc, ex, first_sentence)
    _series(doc, ex, first_sentence)
    for key, idx in sorted(first_sentence.items()):
        sent = doc.sentences[idx]
        prov = Provenance(article=doc.article.id, evidence=sent.text, rule="mentioned", date=doc.article.date,
                          start=_art_offset(doc, sent.start), end=_art_offset(doc, sent.end))
        ex.edges.append(Edge("MENTIONED_IN", key, art.key, prov))
    return ex


_LEVEL = re.compile(r"街道|[区县市省镇乡]")
_COUNTY = re.compile(r"(?:区|县|旗)$")


def _scope(doc: Doc, title: str) -> str | None:
    """The region a post belongs to: 区委书记 in an article about one district is that district's."""
    m = _LEVEL.search(title)
    if not m:
        return None
    regions = {x.name for x in doc.mentions_of("Region")}
    if m.group(0) in "区县":
        cands = {r for r in regions if _COUNTY.search(r) and r not in ("高新区", "开发区", "新区")}
    elif m.group(0) == "市":
        cands = {r for r in regions if r.endswith("市")}
    elif m.group(0) == "省":
        cands = {r for r in regions if r.endswith("省")}
    else:
        return None
    return next(iter(cands)) if len(cands) == 1 else None


def _official_region(doc: Doc, m: Mention) -> str | None:
    """The region an official serves in, as far as this article says: from the post's level."""
    for title in m.attrs.get("title", "").split("、"):
        scope = _scope(doc, title)
        if scope:
            return scope
    return None


def _posts(doc: Doc, ex: Extraction, first_sentence: dict[str, int]) -> None:
    """HOLDS_POST: each titled official holds each post of the title (区委副书记、区长 is two posts)."""
    done: set[tuple[str, str]] = set()
    for m in doc.mentions:
        if m.label != "Official" or m.rule not in ("title+name", "title+name-list"):
            continue
        for title in m.attrs.get("title", "").split("、"):
            if not title or title.endswith("领导") or (m.name, title) in done:
                continue
            done.add((m.name, title))
            sent = doc.sentences[m.sentence]
            post = Node("Post", title, _scope(doc, title), (), Provenance(doc.article.id, sent.text, "post",
                                                                            doc.article.date))
            ex.nodes.append(post)
            first_sentence.setdefault(post.key, m.sentence)
            prov = Provenance(article=doc.article.id, evidence=sent.text, rule="holds-post:title+name",
                              date=doc.article.date, start=_art_offset(doc, sent.start), end=_art_offset(doc, sent.end))
            ex.edges.append(Edge("HOLDS_POST", node_key("Official", m.name), post.key, prov))


def _series(doc: Doc, ex: Extraction, first_sentence: dict[str, int]) -> None:
    """IN_SERIES: a dated meeting (区委常委会会议@2024-03-04) belongs to the series of its name."""
    for m in doc.mentions:
        if m.label != "Meeting" or not m.qualifier or m.attrs.get("ref"):
            continue
        sent = doc.sentences[m.sentence]
        series = Node("MeetingSeries", m.name, None, (), Provenance(doc.article.id, sent.text, "series"))
        ex.nodes.append(series)
        first_sentence.setdefault(series.key, m.sentence)
        prov = Provenance(article=doc.article.id, evidence=sent.text, rule="series:same-name", date=m.qualifier)
        ex.edges.append(Edge("IN_SERIES", node_key("Meeting", m.name, m.qualifier), series.key, prov))
