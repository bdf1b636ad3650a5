"""Streets (街道/镇/乡/苏木) and communities (社区/村/嘎查/居委会), found character by character.

jieba cuts unfamiliar place names at random (``曼掌/镇曼/掌村``, ``茶/山镇``), so these short names are
not read off its tokens.  Before each suffix, a name of 1–4 characters is taken whose left edge is a
hard boundary: the start of the sentence, punctuation, a governing or function word, or the end of a
region, street or person already found (``勐蓝县曼掌镇曼掌村``).  The shortest such name wins.  Words
that merely contain a suffix (村民, 乡村, 镇街, 镇长) and generic names (各村, 该镇, 小康村) are skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, _alternation
from .chunk import hard_left, is_generic
from .doc import Doc, Mention, Sentence, word_tags

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_STREET_BODY = re.compile(r"([\u4e00-\u9fff])街(?=党工委|办事处)")
#: what may not follow a suffix: the suffix is then the start of another word
_NOT_AFTER = {
    "村": re.compile(r"[民委内里级务两干居镇庄头口落组貌容规]|部(?!分)"),  # 村部 (its office), but 某村部分…
    "镇": re.compile(r"[长街区域村级]"),
    "乡": re.compile(r"[村镇亲贤土愁间下长里音情]"),
    "社区": re.compile(r"(?!x)x"),
    "街道": re.compile(r"[办口]"),
    "街办": re.compile(r"事"),
}
_BAD_CHARS = set("的了是在和与及等为以把将从向对让使被给个各该本此这每其某全我你他她们有无不也都就还又着过由赴至")
#: what may not stand just before a suffix: 城乡, 下乡, 乡村, 农村
_NOT_BEFORE = {"乡": "城下家故回老返同带", "村": "乡农驻帮百千", "镇": "乡城村集驻帮重圩"}
_ADJECTIVES = re.compile(r"小康|美丽|示范|文明|先进|试点|特色|重点|幸福|和谐|生态|明星|省级|市级|国家级|贫困|脱贫|行政|自然|典型|标杆|样板")  # noqa: E501 (CJK data)
LABELS = {"street_suffixes": "Street", "community_suffixes": "Community"}


_inner: dict[str, re.Pattern[str]] = {}


def _inner_words(lex: Lexicon) -> re.Pattern[str]:
    """Street or community suffixes and boundary words of two or more characters, as one pattern: none
    of them can stand inside the distinctive part of a name."""
    pat = _inner.get(lex.fingerprint)
    if pat is None:
        words = {w for n in ("street_suffixes", "community_suffixes", "boundaries") for w in lex[n] if len(w) >= 2}
        pat = _inner[lex.fingerprint] = _alternation(words)
    return pat


@lru_cache(maxsize=8)
def _suffixes(fingerprint: str, lexname: str, words: frozenset[str]) -> re.Pattern[str]:
    return _alternation(words - {"村委会", "居民委员会", "村民委员会"})


class AdminUnits:
    """Extractor: Street and Community mentions."""

    name = "admin-units"

    def __call__(self, doc: Doc) -> None:
        lex = doc.lexicon
        tags = word_tags()
        for lexname, label in LABELS.items():
            pattern = _suffixes(lex.fingerprint, lexname, frozenset(lex[lexname]))
            for sent in doc.sentences:
                for m in pattern.finditer(doc.text, sent.start, sent.end):
                    mention = self._candidate(doc, sent, m, label, lex, tags)
                    if mention is not None:
                        doc.add(mention)
        self._short_streets(doc, lex, tags)

    @staticmethod
    def _short_streets(doc: Doc, lex: Lexicon, tags: dict[str, str]) -> None:
        """青石街党工委: a street written 街 (the page calls its body a street's), and then every other
        mention of that name in the article."""
        found: set[str] = set()
        for sent in doc.sentences:
            for m in _STREET_BODY.finditer(doc.text, sent.start, sent.end):
                for n in (2, 3):
                    start = m.end(1) - n
                    part = doc.text[start:m.end(1)]
                    if start < sent.start or any(c in _BAD_CHARS for c in part) or is_generic(part, lex["generic"]) \
                            or _no_name_start(part, tags) or tags.get(part[:2]) in ("v", "vn") \
                            or not hard_left(doc, sent, start, by_tag=True):
                        continue
                    found.add(part + "街")
                    break
        for name in sorted(found):
            pos = doc.text.find(name)
            while pos >= 0:
                if not doc.text.startswith("街道", pos + len(name) - 1):
                    doc.add(Mention("Street", name, pos, pos + len(name), doc.sentence_at(pos).index, "admin-街"))
                pos = doc.text.find(name, pos + len(name))

    def _candidate(self, doc: Doc, sent: Sentence, m: re.Match[str], label: str, lex: Lexicon,
                   tags: dict[str, str]) -> Mention | None:
        suffix, s, e = m.group(0), m.start(), m.end()
        committee = suffix == "村" and doc.text.startswith("委会", e)  # 柳塘村委会: the village as its committee
        after = _NOT_AFTER.get(suffix[-1:] if suffix in ("村", "镇", "乡") else suffix)
        if after is not None and after.match(doc.text, e) and not committee:
            return None
        if any(x.label in ("Region",) and x.start < e and s < x.end for x in doc.mentions):
            return None  # 县城, a region's own characters
        for n in (2, 3, 4, 1):  # a one-character name (新村) only when no longer one fits
            start = s - n
            if start < sent.start:
                continue
            part = doc.text[start:s]
            if not _CJK.match(part) or any(c in _BAD_CHARS for c in part) or part[0] in "区市县省镇乡村街道年月日号第":
                continue
            if part[-1] in _NOT_BEFORE.get(suffix, "") and not (suffix == "镇" and _name_before_level(part, tags)) \
                    or (any(c in "区市县省" for c in part) and not _market_town(doc, part, start)) \
                    or _inner_words(lex).search(part):
                continue
            if n == 1 and tags.get(part + suffix) != "ns":
                continue  # 新村 is a name in jieba's dictionary; 城乡, 全镇 are not
            if is_generic(part, lex["generic"]) or _ADJECTIVES.search(part) or part in lex["boundaries"] \
                    or tags.get(part) in ("v", "vn", "p", "c", "d", "r") and len(part) == 2 and n == 2 \
                    and tags.get(part + suffix) is None:
                continue
            if _no_name_start(part, tags) or (suffix == "村" and part[-1] == "村"):
                continue  # 要提升社区, 最后镇, 接下来镇, 拓展延伸社区; 白石村/村史馆
            if not hard_left(doc, sent, start, by_tag=True) and not (
                    n >= 2 and doc.text[start - 1] in _MOTION_CHARS and _no_name_start(doc.text[start - 1:s], tags)) \
                    and not _THAT_UNIT.search(doc.text, max(sent.start, start - 3), start) \
                    and not doc.text.endswith(("办事处", "人民政府"), max(sent.start, start - 4), start) \
                    and doc.text[start - 1:start] != "至":  # 白石村至柳塘村: a route's far end
                continue  # but 来龙溪镇 (jieba's 来龙溪): a motion verb glued to the name is no part of it;
                # 该街道柳岸社区: the unit named before, then the name; 东山街道办事处石门社区: after its office
            if committee:
                return Mention(label, part + "村委会", start, e + 2, sent.index, "admin-suffix")
            return Mention(label, part + suffix, start, e, sent.index, "admin-suffix")
        return None


def _market_town(doc: Doc, part: str, start: int) -> bool:
    """青川县柳市镇: a town named after its market (X市镇) right after the county it lies in; elsewhere
    the 市 ends a city written before the town (珠岚市榄溪镇 is tried as 榄溪 first)."""
    return len(part) == 2 and part[1] == "市" and part[0] not in "区市县省" \
        and any(m.end == start and m.label == "Region" and m.name.endswith(("县", "区", "旗"))
                for m in doc.near(start, start))


def _name_before_level(part: str, tags: dict[str, str]) -> bool:
    """葛城镇, 柳村镇: 城/村 before 镇 ends a name (a surname or place word, then the character), not the
    words 城镇/村镇; 小城镇 and 进城镇 are words."""
    return len(part) == 2 and part[-1] in "城村" and tags.get(part) in ("ns", None) \
        and tags.get(part[0]) in ("nr", "ns", "n", None)


#: jieba tags of words no street or village name begins with: adverbs, direction and time words, idioms,
#: set phrases, conjunctions, prepositions, pronouns, distinguishing words (最后, 接下来, 充分, 新一届)
_LEAD_TAGS = frozenset({"d", "ad", "vd", "t", "l", "i", "c", "p", "r", "b"})
#: 要/到/来/将 … before a unit's level word: an exhortation or a motion verb, not a name (要发挥村…, 来龙溪乡)
_LEAD_CHARS = "要到来将应需请把"
#: motion verbs jieba may glue to the name that follows them (来龙溪/镇)
_MOTION_CHARS = "到来赴"
_THAT_UNIT = re.compile(r"该(?:街道|镇|乡)$")
_COUNTED = re.compile(r"^(?:[一二三四五六七八九十两几多每上下新][类轮批届个些]|最后|之后|以后|此后|今后|期间|目前)")


def _no_name_start(part: str, tags: dict[str, str]) -> bool:
    """``part`` (the characters before 镇/村/社区 …) begins with a word that begins no name."""
    if part[0] in _LEAD_CHARS and tags.get(part[:2]) not in ("ns", "nr", "nz") and len(part) >= 2:
        return True
    if _COUNTED.match(part):
        return True  # 一类村, 一轮驻镇, 新一届镇
    for k in (4, 3, 2):
        head = part[:k]
        if len(head) == k and tags.get(head) in _LEAD_TAGS:
            return True
        if len(part) > k and tags.get(head) == "v" and tags.get(part[k:]) in ("v", "vn"):
            return True  # 拓展延伸社区: two verbs
    return False
