"""Turn a processed :class:`Doc` into the nodes and edges of :mod:`kg.model`, with provenance."""

from __future__ import annotations

from ..model import Edge, Extraction, Node, Provenance, node_key
from .doc import Doc, Mention


def _node(doc: Doc, m: Mention) -> Node:
    sent = doc.sentences[m.sentence] if doc.sentences else None
    prov = Provenance(article=doc.article.id, evidence=sent.text if sent else "", rule=m.rule,
                      date=doc.article.date, start=_art_offset(doc, m.start), end=_art_offset(doc, m.end))
    attrs = tuple(sorted((k, v) for k, v in m.attrs.items() if k in ("title", "date", "date_precision", "date_phrase")
                         and v))
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
    ex = Extraction(article=doc.article, nodes=[art])
    first_sentence: dict[str, int] = {}
    for m in doc.mentions:
        if m.label == "Article" or m.attrs.get("ref"):
            continue
        node = _node(doc, m)
        ex.nodes.append(node)
        first_sentence.setdefault(node.key, m.sentence)
    for r in doc.relations:
        src = r.source.name if r.source.label != "Article" else doc.article.id
        tgt_key = art.key if r.target.label == "Article" else node_key(r.target.label, r.target.name, r.target.qualifier)
        src_key = art.key if r.source.label == "Article" else node_key(r.source.label, src, r.source.qualifier)
        for m in (r.source, r.target):
            if m.label != "Article" and node_key(m.label, m.name, m.qualifier) not in first_sentence:
                ex.nodes.append(_node(doc, m))
                first_sentence[node_key(m.label, m.name, m.qualifier)] = m.sentence
        sent = doc.sentences[r.sentence]
        prov = Provenance(article=doc.article.id, evidence=sent.text, rule=r.rule, date=r.date,
                          start=_art_offset(doc, sent.start), end=_art_offset(doc, sent.end))
        ex.edges.append(Edge(r.type, src_key, tgt_key, prov))
    for key, idx in sorted(first_sentence.items()):
        sent = doc.sentences[idx]
        prov = Provenance(article=doc.article.id, evidence=sent.text, rule="mentioned", date=doc.article.date,
                          start=_art_offset(doc, sent.start), end=_art_offset(doc, sent.end))
        ex.edges.append(Edge("MENTIONED_IN", key, art.key, prov))
    return ex
