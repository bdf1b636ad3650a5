"""The document the extractors share: sentences, jieba tokens, entity mentions and relations.

Extractors are small components called in order; each reads what earlier ones found in the
:class:`Doc` and adds its own mentions or relations (spaCy's pipeline, in miniature).
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from operator import itemgetter
from typing import Any

from ..lexicon import Lexicon
from ..model import Article
from ..read.furniture import furniture_spans
from ..read.pagesplit import is_byline, is_heading

_SENT = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
#: The longest sentence the extractors see.  Ordinary news sentences stay far below it (the longest in
#: the evaluation sets is under 350 characters); text without sentence punctuation (an OCR dump, a
#: scraped table, a list of thousands of names) is cut into pieces of at most this length, so that no
#: rule ever runs over an unbounded span and the work per sentence stays bounded.
MAX_SENTENCE = 600
#: where an over-long sentence is preferably cut: after a clause mark, else after a list mark or a space
#: The most relations of one combinatorial kind (companions × stops, lists × meetings) per article:
#: far above what any article states, far below what a list of thousands of names would multiply to.
MAX_FAN_OUT = 10_000
_START, _END = itemgetter(1), itemgetter(2)  # of a token (word, start, end)
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_LIST_MARK = re.compile(r"[、\s]")


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
        self.mentions = []
        self.relations: list[Relation] = []
        self.notes: dict[str, Any] = {}
        self._tokens: dict[int, list[tuple[str, int, int]]] = {}
        self._token_starts: dict[int, set[int]] = {}
        self._token_ends: dict[int, set[int]] = {}

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
        if len(t) > MAX_SENTENCE:  # unpunctuated text: bounded pieces, so no rule runs over an unbounded span
            for ps, pe in _pieces(self.text, start, start + len(t)):
                out.append(Sentence(len(out), ps, pe, self.text[ps:pe], para))
            return
        heading = is_heading(t) and not is_byline(t) and self._line_alone(start, t)
        out.append(Sentence(len(out), start, start + len(t), t, para, heading=heading))

    def _line_alone(self, start: int, t: str) -> bool:
        before = self.text[start - 1] if start > 0 else "\n"
        after = self.text[start + len(t)] if start + len(t) < len(self.text) else "\n"
        return before == "\n" and after == "\n"

    # -- mentions, with an index so that lookups near a span cost the same however long the doc ----

    @property
    def mentions(self) -> list[Mention]:
        return self._mentions

    @mentions.setter
    def mentions(self, value: list[Mention]) -> None:
        self._mentions = _MentionList(value)
        self._index: _SpanIndex | None = None

    def _span_index(self) -> _SpanIndex:
        index = self._index
        if index is None or index.version != self._mentions.version:
            index = self._index = _SpanIndex(self._mentions)
        return index

    def near(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap or touch ``[start, end]`` (``m.start <= end and m.end >= start``),
        in the order of :attr:`mentions`: what a scan of all mentions for a span would find."""
        return self._span_index().near(start, end)

    def tokens(self, sentence: Sentence) -> list[tuple[str, int, int]]:
        """jieba tokens of a sentence as ``(word, start, end)`` with doc offsets.

        Sentences are segmented only when an extractor asks: many hold nothing to look at."""
        cached = self._tokens.get(sentence.index)
        if cached is None:
            words = segmenter(self.lexicon).lcut(sentence.text)
            ends = list(accumulate(map(len, words), initial=sentence.start))
            cached = list(zip(words, ends, ends[1:], strict=False))
            self._tokens[sentence.index] = cached
        return cached

    def token_ends(self, sentence: Sentence) -> set[int]:
        ends = self._token_ends.get(sentence.index)
        if ends is None:
            ends = self._token_ends[sentence.index] = set(map(_END, self.tokens(sentence)))
        return ends

    def token_starts(self, sentence: Sentence) -> set[int]:
        starts = self._token_starts.get(sentence.index)
        if starts is None:
            starts = self._token_starts[sentence.index] = set(map(_START, self.tokens(sentence)))
        return starts

    def sentence_at(self, offset: int) -> Sentence:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return self.sentences[-1]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def add(self, mention: Mention) -> Mention:
        """Add a mention unless the same entity is already recorded at the same place."""
        index = self._span_index()
        found = index.same.get((mention.start, mention.end, mention.label))
        if found is not None:
            return found
        self._mentions.append(mention)
        index.insert(len(self._mentions) - 1, mention)
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
        if sentence is None:
            found = self._span_index().with_labels(labels)
        else:
            found = [m for m in self._span_index().in_sentence(sentence) if m.label in labels]
        found.sort(key=_start)
        return found

    def covered(self, start: int, end: int, *labels: str) -> Mention | None:
        """A mention of one of ``labels`` overlapping ``[start, end)``."""
        for m in self.near(start, end):
            if m.label in labels and m.start < end and start < m.end:
                return m
        return None

    def fan_out(self, kind: str, n: int) -> int:
        """How many of ``n`` combinatorial relations of ``kind`` (``companions×stops``, ``lists×meetings``)
        may still be added to this article: at most :data:`MAX_FAN_OUT` in all; what is refused is
        counted in ``notes["cut"]`` (and ends up in ``report.json``)."""
        used = self.notes.setdefault("_fan_out", {})
        allowed = max(0, min(n, MAX_FAN_OUT - used.get(kind, 0)))
        used[kind] = used.get(kind, 0) + allowed
        if allowed < n:
            cut = self.notes.setdefault("cut", {})
            cut[kind] = cut.get(kind, 0) + n - allowed
        return allowed

    @cached_property
    def title_sentence(self) -> Sentence | None:
        return self.sentences[0] if self.sentences and self.sentences[0].heading else None


class _MentionList(list):
    """A list of mentions that counts its changes, so that an index over it knows when it is stale."""

    version = 0

    def _changed(self) -> None:
        self.version += 1

    def append(self, m: Mention) -> None:
        super().append(m)
        self._changed()

    def remove(self, m: Mention) -> None:
        super().remove(m)
        self._changed()

    def insert(self, i: Any, m: Mention) -> None:
        super().insert(i, m)
        self._changed()

    def pop(self, i: Any = -1) -> Mention:
        m = super().pop(i)
        self._changed()
        return m

    def extend(self, ms: Any) -> None:
        super().extend(ms)
        self._changed()

    def clear(self) -> None:
        super().clear()
        self._changed()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        self._changed()

    def reverse(self) -> None:
        super().reverse()
        self._changed()

    def __setitem__(self, i: Any, m: Any) -> None:
        super().__setitem__(i, m)
        self._changed()

    def __delitem__(self, i: Any) -> None:
        super().__delitem__(i)
        self._changed()

    def __iadd__(self, ms: Any) -> _MentionList:  # type: ignore[misc]
        super().__iadd__(ms)
        self._changed()
        return self


class _SpanIndex:
    """Mentions by position (buckets of :data:`_BUCKET` characters) and by sentence, each with its place
    in the mention list so that lookups return them in list order."""

    def __init__(self, mentions: _MentionList) -> None:
        self.version = mentions.version
        self.buckets: dict[int, list[tuple[int, Mention]]] = {}
        self.sentences: dict[int, list[tuple[int, Mention]]] = {}
        self.same: dict[tuple[int, int, str], Mention] = {}
        self.labels: dict[str, list[tuple[int, Mention]]] = {}
        self.longest = 0
        for i, m in enumerate(mentions):
            self._put(i, m)

    def _put(self, i: int, m: Mention) -> None:
        self.buckets.setdefault(m.start // _BUCKET, []).append((i, m))
        self.sentences.setdefault(m.sentence, []).append((i, m))
        self.same.setdefault((m.start, m.end, m.label), m)
        self.labels.setdefault(m.label, []).append((i, m))
        self.longest = max(self.longest, m.end - m.start)

    def insert(self, i: int, m: Mention) -> None:
        """``m`` was appended at ``i`` (the list's version moved on by one)."""
        self._put(i, m)
        self.version += 1

    def near(self, start: int, end: int) -> list[Mention]:
        buckets = self.buckets
        found = [im for b in range((start - self.longest) // _BUCKET, end // _BUCKET + 1)
                 for im in buckets.get(b, ()) if im[1].start <= end and im[1].end >= start]
        if len(found) > 1:
            found.sort(key=_first)
        return [m for _, m in found]

    def with_labels(self, labels: tuple[str, ...]) -> list[Mention]:
        found = [im for label in dict.fromkeys(labels) for im in self.labels.get(label, ())]
        if len(labels) > 1:
            found.sort(key=_first)
        return [m for _, m in found]

    def in_sentence(self, sentence: int) -> list[Mention]:
        return [m for _, m in self.sentences.get(sentence, ())]


_BUCKET = 64


def _first(im: tuple[int, Mention]) -> int:
    return im[0]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into stripped pieces of at most :data:`MAX_SENTENCE` characters: after the
    last clause mark in the second half of each window, else after a list mark or space, else at the
    limit (a name may then be cut in two: the price of text with no punctuation at all)."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cut = end
        if end - pos > MAX_SENTENCE:
            half, limit = pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE
            cut = limit
            for mark in (_CLAUSE_MARK, _LIST_MARK):
                marks = list(mark.finditer(text, half, limit))
                if marks:
                    cut = marks[-1].end()
                    break
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = cut
    return out


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

                from .segment import tokenizer

                jieba.setLogLevel(logging.WARNING)
                seg = tokenizer()
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
