"""Find where a name begins, given where its suffix is: the shared core of the suffix extractors.

A name such as ``锦湖新城花园项目`` or ``梅川市委组织部`` ends in a lexicon suffix (``项目``, ``组织部``).
Its left edge is found by walking back over jieba tokens until a boundary: punctuation, a number or
date, a governing verb or function word (``召开``, ``在``, ``的`` …), or, for sites, a region name
(``青岚区`` + ``星河广场``: the region is a separate entity that the site lies in).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..lexicon import Lexicon
from .doc import Doc, Sentence

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_NUMERIC = re.compile(r"^[\d０-９一二三四五六七八九十百千万亿两]+[年月日号届次个名项家万亿]?$")
# region-suffixed tokens that are not regions
_NOT_REGION = re.compile(r"^(全|本|该|各|城|市|辖|社|园|景|小|片|街|山|库|灾|郊|老城|新城|主城|城市|城区|社区|园区|景区|片区|"  # noqa: E501 (CJK data)
                         r"小区|街区|山区|库区|市区|地区|辖区|全市|全区|全县|全省|本市|本区|本县|该区|该市|各区|各市|各县|老城区|牧区|林区|垦区|矿区)$"
                         r"|(?:景区|园区|度假区|旅游区|示范区|功能区|试验区|片区|小区|社区|城区|厂区|校区|辖区|库区|山区|灾区|街区|"
                         r"商圈|保护区|风景区|服务区|集聚区|产业区|工业区|商业区|生活区|安置区|牧区|林区|垦区|矿区|夜市)$")
REGION_END = re.compile(r"(?:自治区|特别行政区|自治州|自治县|高新区|开发区|新区|省|市|区|县|州|旗|盟)$")


def is_region_token(word: str, lexicon_regions: dict[str, str]) -> bool:
    """A token that names a region by its full form (青岚区, 梅川市), not a bare short form (珠海)."""
    if word in _full_forms(lexicon_regions):
        return True
    return len(word) >= 3 and bool(REGION_END.search(word)) and not _NOT_REGION.match(word) \
        and _CJK_WORD.match(word) is not None


_FULL_FORMS: list[tuple[dict[str, str], int, frozenset[str]]] = []


def _full_forms(lexicon_regions: dict[str, str]) -> frozenset[str]:
    """The full forms of a gazetteer as a set (a test per token; ``in dict.values()`` scans them all),
    kept for the last dict seen (one per lexicon, built once)."""
    if _FULL_FORMS and _FULL_FORMS[0][0] is lexicon_regions and _FULL_FORMS[0][1] == len(lexicon_regions):
        return _FULL_FORMS[0][2]
    _FULL_FORMS[:] = [(lexicon_regions, len(lexicon_regions), frozenset(lexicon_regions.values()))]
    return _FULL_FORMS[0][2]


def suffix_matches(doc: Doc, sentence: Sentence, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of a suffix alternation in a sentence, with doc offsets via ``sentence.start``."""
    yield from pattern.finditer(doc.text, sentence.start, sentence.end)


def ends_at_token(doc: Doc, sentence: Sentence, end: int) -> bool:
    """True if a jieba token ends at ``end``: the suffix is not the start of a longer word (村民, 乡村)."""
    return end == sentence.end or end in doc.token_ends(sentence)


#: part-of-speech tags (jieba's dictionary) that never occur inside a name: prepositions, conjunctions,
#: particles, pronouns, adverbs
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d"})
_UNIT_TOKENS = frozenset({"年", "月", "日", "号", "时", "分"})
_ZONE_TOKENS = frozenset({"新区", "开发区", "高新区", "经开区", "保税区", "自贸区"})
_ADMIN_TOKENS = frozenset({"街道", "镇", "乡", "社区", "村", "区", "市", "县", "省"})


_ORDINAL = re.compile(r"^(?:第|次|届|\d+|第?[\d一二三四五六七八九十百]+[次届])$")
_CN_NUMERAL = re.compile(r"^[一二三四五六七八九十百]+$")  # 十九 + 届五中全会
#: a slogan in quotes or brackets: “不忘初心、牢记使命”, “振兴——三园(院)建设”
_QUOTED = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、—()（）]*$")
_OPEN = {"）": "（", ")": "(", "”": "“", "’": "‘"}


def name_start(doc: Doc, sentence: Sentence, suffix_start: int, *, max_len: int, stop_at_region: bool,
               allow_and: bool = False, max_tokens: int = 99, stop_verbs: bool = False,
               ordinals: bool = False) -> int:
    """The start offset of the name ending in the suffix at ``suffix_start``.

    Returns ``suffix_start`` itself when nothing before the suffix can belong to a name.  With
    ``ordinals``, numbered sessions stay in the name (县政府第21次常务会议, 省委十五届三次全会), and so
    do a short bracketed or quoted part (县委常委会（扩大）会议, “两在两同”建新功行动推进会).
    """
    from .doc import word_tags

    lex = doc.lexicon
    bounds = lex["boundaries"]
    generic = lex["generic"]
    tags = word_tags()
    toks = doc.tokens(sentence)
    start = suffix_start
    # the tokens are contiguous: those before the suffix are the ones ending at or before it
    idx = bisect.bisect_right(toks, suffix_start, key=_token_end) - 1
    if idx + 1 < len(toks) and toks[idx + 1][1] < suffix_start:
        w, s, _ = toks[idx + 1]
        # the suffix starts inside a token (各街道, 新村, 村党委): its head is part of the name,
        # unless it is a generic or function word, and then there is no name at all
        head = w[: suffix_start - s]
        if head in lex["community_suffixes"] or head in lex["street_suffixes"]:
            pass  # 东南 + 村党委: the body of a village keeps the village's name
        elif head in bounds or is_generic(head, generic) or tags.get(head) in _STOP_TAGS:
            return suffix_start
        start = s
        max_tokens -= 1
    and_mark: int | None = None
    taken = 0
    while idx >= 0 and taken < max_tokens:
        w, s, e = toks[idx]
        if e != start:
            break
        dated = w.isdigit() and idx + 1 < len(toks) and toks[idx + 1][0] in _UNIT_TOKENS  # 2024 + 年
        if ordinals and not dated and (_ORDINAL.match(w) or _CN_NUMERAL.match(w) and doc.text[e:e + 1] in "届次"):
            start = s
            idx -= 1
            continue
        if ordinals and w in _OPEN:
            opening = doc.text.rfind(_OPEN[w], max(sentence.start, s - 20), s)
            inner = doc.text[opening + 1:s] if opening >= 0 else ""
            if opening >= 0 and inner and _QUOTED.match(inner) and not any(b in inner for b in bounds if len(b) > 1):
                start = opening
                while idx >= 0 and toks[idx][1] >= opening:
                    idx -= 1
                continue
            break
        if not _CJK_WORD.match(w) or _NUMERIC.match(w) or w in _UNIT_TOKENS:
            break
        tag = tags.get(w)
        if len(w) == 1 and tag == "a" and idx > 0 and tags.get(toks[idx - 1][0]) == "v":
            break  # 贯彻好 + 十九届五中全会: a verb's complement ends what governs the name
        if w in bounds or (tag in _STOP_TAGS and not w.endswith("期")) or (stop_verbs and tag == "v" and len(w) > 1):
            if allow_and and w == "和" and and_mark is None:
                and_mark = start
                start = s
                idx -= 1
                continue
            break
        if any(m.label in ("Official", "Person") and m.start < e and s < m.end for m in doc.near(s, e)):
            break  # 孔德胜到云岭经济开发区: a person is no part of a name
        if stop_at_region and (is_region_token(w, lex.regions_by_short) or w in _ADMIN_TOKENS or w in _ZONE_TOKENS
                               or len(w) >= 2 and w not in generic and w.endswith(_unit_suffixes(lex))):
            break
        if suffix_start - s > max_len:
            break
        start = s
        idx -= 1
        taken += 1
        if taken == max_tokens and len(w) == 1:
            max_tokens += 1  # 沙津 + 横 + 社区: a one-character token rarely makes a name alone
    if and_mark is not None:
        # "区发展和改革局" keeps its 和 only when the name then opens with a region: bureau names do
        head = doc.text[start:and_mark]
        if start == and_mark - 1 or not (head[:1] in "区市县省镇" or any(head.startswith(r) for r in lex.regions_by_short)):  # noqa: E501 (CJK data)
            start = and_mark
    return start


_UNIT_SUFFIXES: dict[str, tuple[str, ...]] = {}


def _unit_suffixes(lex: Lexicon) -> tuple[str, ...]:
    """The street and community suffixes of a lexicon, as one tuple for ``str.endswith`` (asked per token)."""
    found = _UNIT_SUFFIXES.get(lex.fingerprint)
    if found is None:
        found = _UNIT_SUFFIXES[lex.fingerprint] = tuple(sorted(lex["street_suffixes"] | lex["community_suffixes"]))
    return found


def _token_end(token: tuple[str, int, int]) -> int:
    return token[2]


_DETERMINERS = "各全本该此这那每其某诸多几首"


def is_generic(name_part: str, generic: set[str]) -> bool:
    """A name whose distinctive part is empty or made only of generic words and determiners:
    各, 该, 重点, 全县新开工, 一季度 are no names."""
    rest = name_part
    lengths = _long_word_lengths(generic)
    while rest:
        if rest in generic:
            return True
        # the longest generic word of two or more characters that ``rest`` starts with
        g = next((rest[:n] for n in lengths if n <= len(rest) and rest[:n] in generic), None)
        if g is not None:
            rest = rest[len(g):]
        elif rest[0] in _DETERMINERS:
            rest = rest[1:]
        else:
            return False
    return True


_lengths_cache: dict[int, tuple[set[str], int, tuple[int, ...]]] = {}


def _long_word_lengths(words: set[str]) -> tuple[int, ...]:
    """The lengths (>= 2, longest first) of the words in ``words``, cached per set (which the cache
    keeps alive, so its id is not reused)."""
    hit = _lengths_cache.get(id(words))
    if hit is None or hit[0] is not words or hit[1] != len(words):
        if len(_lengths_cache) > 16:
            _lengths_cache.clear()
        hit = (words, len(words), tuple(sorted({len(w) for w in words if len(w) >= 2}, reverse=True)))
        _lengths_cache[id(words)] = hit
    return hit[2]


_BOUNDARY_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}
_HARD_TAGS = frozenset({"v", "p", "c", "d", "u", "uj", "ul", "r", "t", "m", "f", "q"})


def ends_with_boundary(doc: Doc, start: int, pos: int) -> bool:
    """A boundary word (召开, 在, 的 …) ends right at ``pos`` (looking no further back than ``start``)."""
    key = (doc.lexicon.fingerprint, "boundaries$")
    pattern = _BOUNDARY_PATTERNS.get(key)
    if pattern is None:
        words = sorted(doc.lexicon["boundaries"], key=len, reverse=True)
        pattern = _BOUNDARY_PATTERNS[key] = re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")
    return pattern.search(doc.text, max(start, pos - 8), pos) is not None


def hard_left(doc: Doc, sentence: Sentence, pos: int, *, by_tag: bool = False) -> bool:
    """Nothing that could belong to a name stands right before ``pos``: the sentence start, punctuation,
    a person, region or unit found earlier, a boundary word, ``中共``/``共产党`` (the party's committee of a
    region); with ``by_tag`` also a jieba word that is a verb or function word."""
    text = doc.text
    if pos <= sentence.start or not _CJK_WORD.match(text[pos - 1]):
        return True
    if any(m.end == pos and m.label in ("Region", "Street", "Community", "Official", "Person")
           for m in doc.near(pos, pos)):
        return True
    if text.endswith(("共产党", "中共"), max(sentence.start, pos - 3), pos):
        return True
    if ends_with_boundary(doc, sentence.start, pos):
        return True
    if by_tag:
        from .doc import word_tags

        tags = word_tags()
        for w, _, e in doc.tokens(sentence):
            if e == pos:
                return tags.get(w) in _HARD_TAGS and not w.endswith(("山", "河", "湖", "江"))
    return False
