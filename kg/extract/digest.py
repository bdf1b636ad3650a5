"""Digests: one text, several separate events (e-paper briefs, 大事记, weekly digests of leaders' work).

The rules read an article as one story: the meeting it reports, the party of its visit and the stops
they made.  A digest breaks that reading: the companions of one brief would join the stops of the next,
and the meeting of the first item would take the speakers of the third.  A text in which paragraph
after paragraph opens with its own date or bullet (``◆9月23日,…``, ``12日下午,…``, ``同日,…``) is
a digest: each item is extracted as an article of its own (:func:`kg.extract.window.extract_windows`),
with offsets into the whole text, so every fact still points at its sentence.

An ordinary article has at most a couple of such paragraphs (a tour over two days), so it takes
:data:`MIN_ITEMS` of them to make a digest.
"""

from __future__ import annotations

import re

#: a paragraph that opens an item: a bullet, or a date that stands first (9月23日, 12日下午, 同日)
_ITEM = re.compile(r"[ \t\u3000]*(?:[◆●■▲◇◎★☆•]\s*|(?:\d{1,2}月)?\d{1,2}日(?:[至到-]\d{1,2}日)?[上下中晚]?午?[,，、 ]"
                   r"|(?:同日|当日)[上下中晚]?午?[,，])")
#: a party named in the item before goes on: 王某某一行 / 考察团一行 (one visit told over several days)
_GOES_ON = re.compile(r"([\u4e00-\u9fff]{3})一行")
#: the shortest item: a navigation menu's bullets (• 首页) are no items
_SHORTEST = 16
#: how far back a continuing party's name is looked for, in characters
_LOOK_BACK = 2000
#: the fewest items that make a digest
MIN_ITEMS = 3


def items(text: str) -> list[tuple[int, int]] | None:
    """``[start, end)`` of each item of a digest (what comes before the first item is a piece of its
    own), or None when ``text`` is no digest."""
    starts: list[int] = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if _ITEM.match(text, pos, end) and end - pos >= _SHORTEST and not _goes_on(text, starts, pos, end):
            starts.append(pos)
        pos = end + 1
    if len(starts) < MIN_ITEMS:
        return None
    if starts[0] > 0 and text[:starts[0]].strip():
        starts.insert(0, 0)
    else:
        starts[0] = 0
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(text)], strict=True)]


def _goes_on(text: str, starts: list[int], pos: int, end: int) -> bool:
    """The paragraph at ``pos`` continues the item before it: its party (甲某一行) was named there."""
    party = _GOES_ON.search(text, pos, min(end, pos + 40))
    if party is None or not starts:
        return False
    # the item's last stretch only: an item of thousands of paragraphs must not be read again for each
    before = text[max(starts[-1], pos - _LOOK_BACK):pos]
    return party.group(1) in before or party.group(1)[1:] in before
