"""Lexicon patterns are tries (kg.lexicon._alternation); they must match exactly what the plain
longest-first alternation of the same words matches."""

from __future__ import annotations

import random
import re

from kg.lexicon import _alternation

CHARS = "北京市海区县镇村街道委书记长副主任会议"


def _flat(words: set[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w))
    return re.compile("(?:" + "|".join(alts) + ")")


def test_trie_matches_what_the_flat_alternation_matches() -> None:
    rng = random.Random(7)
    for _ in range(400):
        words = {"".join(rng.choice(CHARS) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 30))}
        text = "".join(rng.choice(CHARS + "，。的") for _ in range(200))
        trie, flat = _alternation(words), _flat(words)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], words
        # inside a larger pattern too (lexicon patterns are embedded in the rules' regexes)
        outer_t = re.compile("(" + trie.pattern + ")的")
        outer_f = re.compile("(" + flat.pattern + ")的")
        assert [m.span(1) for m in outer_t.finditer(text)] == [m.span(1) for m in outer_f.finditer(text)]


def test_empty_and_long_words() -> None:
    assert _alternation([]).search("任何文字") is None
    long = "区" * 70
    assert _alternation([long, "区"]).match(long + "区").group(0) == long
