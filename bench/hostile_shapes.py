"""Hostile input shapes for bench/hostile.py and tests/test_hostile.py (all text invented here).

Each generator takes a size (characters or items) and returns article text; the names come from the
fictional world of bench/synth.py, drawn with a seeded generator so a size always gives the same text.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402 (a sibling script, not a package)

_PUNCT = re.compile(r"[。！？!?，,、；;：:“”‘’《》（）()\s]")


def normal_articles(n: int, *, seed: int = 0) -> list[dict[str, str]]:
    """``n`` ordinary synthetic articles (the yardstick every shape is measured against)."""
    return list(synth.articles(n, seed=seed))


def unpunctuated(chars: int, *, seed: int = 0) -> str:
    """Ordinary news text with every punctuation mark and line break stripped (an OCR or scrape dump)."""
    out: list[str] = []
    total = 0
    for rec in synth.articles(max(4, chars // 150), seed=seed):
        bare = _PUNCT.sub("", rec["text"])
        out.append(bare)
        total += len(bare)
        if total >= chars:
            break
    while total < chars:  # the corpus ran short: repeat it
        out.extend(out[: len(out)])
        total *= 2
    return "".join(out)[:chars]


def one_line(chars: int, *, seed: int = 0) -> str:
    """Ordinary articles concatenated into one line (punctuation kept, line breaks dropped)."""
    out: list[str] = []
    total = 0
    for rec in synth.articles(max(4, chars // 150), seed=seed):
        piece = rec["title"] + rec["text"].replace("\n", "")
        out.append(piece)
        total += len(piece)
        if total >= chars:
            break
    return "".join(out)[:chars]


def _names(n: int, rng: random.Random) -> list[str]:
    return [rng.choice(synth.SURNAMES) + "".join(rng.sample(synth.GIVEN, rng.choice((1, 2)))) for _ in range(n)]


_STOPS = ("村", "社区", "产业园", "农贸市场", "敬老院", "卫生院", "小学", "养殖基地", "污水处理厂", "文化广场")


def _stops(n: int, rng: random.Random) -> list[str]:
    roots = synth.ROOTS
    return [rng.choice(roots) + rng.choice(roots)[0] + rng.choice(_STOPS) for _ in range(n)]


def itinerary(items: int, *, seed: int = 0) -> str:
    """One official visiting ``items`` stops in one sentence, with companions who join every stop."""
    rng = random.Random(f"itinerary-{seed}")
    stops = "、".join(_stops(items, rng))
    who = "，".join(f"副区长{n}" for n in _names(5, rng))
    return (f"青川区领导调研基层工作\n3月5日，区委书记王建国先后来到{stops}调研安全生产工作。\n"
            f"{who}陪同调研。\n王建国强调，要压紧压实各方责任。\n")


def attendees(items: int, *, seed: int = 0) -> str:
    """One meeting with ``items`` names in its attendee list (a commendation or election list)."""
    rng = random.Random(f"attendees-{seed}")
    names = "、".join(_names(items, rng))
    return (f"青川区召开安全生产工作会议\n3月4日，青川区召开安全生产工作会议。区委书记王建国主持会议。\n"
            f"区领导{names}出席会议。\n会议强调，要守牢安全底线。\n")


def titled_list(items: int, *, seed: int = 0) -> str:
    """A commendation list of ``items`` titled officials (title + name, separated by 、)."""
    rng = random.Random(f"titled-{seed}")
    titles = ("副区长", "区委常委", "镇长", "街道党工委书记", "局长")
    names = "、".join(rng.choice(titles) + n for n in _names(items, rng))
    return (f"青川区表彰先进集体和个人\n3月4日，青川区召开表彰大会。{names}出席会议并领奖。\n"
            f"会议要求，要以先进为榜样。\n")


def meetings_list(items: int, *, seed: int = 0) -> str:
    """``items`` meetings in a row, each attended by the same list of officials (lists × meetings)."""
    rng = random.Random(f"meetings-{seed}")
    names = "、".join(_names(8, rng))
    meets = "".join(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，区领导{names}出席{rng.choice(synth.ROOTS)}"
                    f"{rng.choice(synth.TOPICS)}{rng.choice(synth.MEETINGS)}。" for _ in range(items))
    return f"青川区会议纪要\n{meets}\n"
