"""The document the extractors share: sentences, jieba tokens, entity mentions and relations.

Extractors are small components called in order; each reads what earlier ones found in the
:class:`Doc` and adds its own mentions or relations (spaCy's pipeline, in miniature).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..lexicon import Lexicon
from ..model import Article
from ..read.furniture import furniture_spans
from ..read.pagesplit import is_byline, is_heading

_SENT = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False


@dataclass
class Mention:
    """An entity found at ``[start, end)`` of the doc text."""

    label: str
    name: str
    start: int
    end: int
    sentence: int
    rule: str
    attrs: dict[str, str] = field(default_factory=dict)
    qualifier: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.label, self.name, self.qualifier)


@dataclass
class Relation:
    type: str
    source: Mention
    target: Mention
    sentence: int
    rule: str
    date: str | None = None
    date_precision: str | None = None
    date_phrase: str | None = None


class Doc:
    """One article being processed.  ``text`` is the title line (when the body lacks it) plus the body."""

    def __init__(self, article: Article, lexicon: Lexicon) -> None:
        self.article = article
        self.lexicon = lexicon
        body = article.text
        if article.title and not body.lstrip().startswith(article.title):
            self.text = article.title + "\n" + body
            self.shift = len(article.title) + 1  # doc offset - shift = offset in article.text
        else:
            self.text = body
            self.shift = 0
        self.sentences = self._split()
        self.mentions: list[Mention] = []
        self.relations: list[Relation] = []
        self.notes: dict[str, Any] = {}
        self._tokens: dict[int, list[tuple[str, int, int]]] = {}
        self._token_starts: dict[int, set[int]] = {}

    def _split(self) -> list[Sentence]:
        out: list[Sentence] = []
        para = 0
        for m in _SENT.finditer(self.text):
            raw = m.group(0)
            if raw == "\n":
                para += 1
                continue
            text = raw.rstrip("\n")
            # page furniture (来源：…, breadcrumbs, footers, spliced advertising) states no fact: only the
            # parts around it are read
            pos = 0
            for cut_start, cut_end in furniture_spans(text) + [(len(text), len(text))]:
                if cut_start > pos:
                    self._add_sentence(out, m.start() + pos, text[pos:cut_start], para)
                pos = max(pos, cut_end)
            if raw.endswith("\n"):
                para += 1
        if not out:  # nothing but furniture: an empty sentence, so that every offset has one
            out.append(Sentence(0, 0, 0, "", 0))
        return out

    def _add_sentence(self, out: list[Sentence], at: int, text: str, para: int) -> None:
        if not text.strip():
            return
        lead = len(text) - len(text.lstrip())
        t = text.strip()
        start = at + lead
        heading = is_heading(t) and not is_byline(t) and self._line_alone(start, t)
        out.append(Sentence(len(out), start, start + len(t), t, para, heading=heading))

    def _line_alone(self, start: int, t: str) -> bool:
        before = self.text[start - 1] if start > 0 else "\n"
        after = self.text[start + len(t)] if start + len(t) < len(self.text) else "\n"
        return before == "\n" and after == "\n"

    def tokens(self, sentence: Sentence) -> list[tuple[str, int, int]]:
        """jieba tokens of a sentence as ``(word, start, end)`` with doc offsets.

        Sentences are segmented only when an extractor asks: many hold nothing to look at."""
        cached = self._tokens.get(sentence.index)
        if cached is None:
            pos = sentence.start
            cached = []
            for w in segmenter(self.lexicon).cut(sentence.text):
                end = pos + len(w)
                cached.append((w, pos, end))
                pos = end
            self._tokens[sentence.index] = cached
        return cached

    def token_starts(self, sentence: Sentence) -> set[int]:
        starts = self._token_starts.get(sentence.index)
        if starts is None:
            starts = {s for _, s, _ in self.tokens(sentence)}
            self._token_starts[sentence.index] = starts
        return starts

    def sentence_at(self, offset: int) -> Sentence:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return self.sentences[-1]

    def add(self, mention: Mention) -> Mention:
        """Add a mention unless the same entity is already recorded at the same place."""
        for m in self.mentions:
            if m.start == mention.start and m.end == mention.end and m.label == mention.label:
                return m
        self.mentions.append(mention)
        return mention

    def relate(self, type: str, source: Mention, target: Mention, sentence: int, rule: str,
               date: Any = None) -> None:
        """Record a relation; ``date`` is an ISO string or a resolved date (with precision and phrase)."""
        if source.key == target.key:
            return
        if date is not None and hasattr(date, "iso"):
            rel = Relation(type, source, target, sentence, rule, date.iso, date.precision, date.phrase)
        else:
            rel = Relation(type, source, target, sentence, rule, date, "day" if date else None)
        self.relations.append(rel)

    def mentions_of(self, *labels: str, sentence: int | None = None) -> list[Mention]:
        found = [m for m in self.mentions if m.label in labels and (sentence is None or m.sentence == sentence)]
        found.sort(key=_start)
        return found

    def covered(self, start: int, end: int, *labels: str) -> Mention | None:
        """A mention of one of ``labels`` overlapping ``[start, end)``."""
        for m in self.mentions:
            if m.label in labels and m.start < end and start < m.end:
                return m
        return None

    @cached_property
    def title_sentence(self) -> Sentence | None:
        return self.sentences[0] if self.sentences and self.sentences[0].heading else None


def _start(m: Mention) -> int:
    return m.start


_lock = threading.Lock()
_segmenters: dict[str, Any] = {}


def segmenter(lexicon: Lexicon) -> Any:
    """A jieba Tokenizer with the lexicon's words added, built once per lexicon (jieba is imported lazily)."""
    key = lexicon.fingerprint
    seg = _segmenters.get(key)
    if seg is None:
        with _lock:
            seg = _segmenters.get(key)
            if seg is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                seg = jieba.Tokenizer()
                seg.initialize()
                for w in lexicon.user_words():
                    seg.add_word(w, freq=max(seg.suggest_freq(w, tune=False), 10))
                _segmenters[key] = seg
    return seg


def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags (no tagging run: a lookup table)."""
    global _tags
    if _tags is None:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        # the table is read from the dictionary file when jieba.posseg is imported; initialising its
        # tokenizer as well would load a second prefix dictionary (~1 s and ~100 MB) that nothing uses
        _tags = dict(jieba.posseg.dt.word_tag_tab)
    return _tags


_tags: dict[str, str] | None = None
