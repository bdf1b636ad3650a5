"""Regions: the gazetteer's provinces and cities (佛山, 佛山市), county-level names (沛县, 高州市), jieba
place names ending in 区/市/县 (青岚区), a place name followed by a lone 区/市/县 token (青川 + 区), and
development zones (高新区).  Names stay as the text writes them; one article that writes a short and a
full form of one place names it once, in the full form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, _alternation
from .chunk import _NOT_REGION, REGION_END, hard_left, is_generic
from .doc import Doc, Mention, Sentence, word_tags
from .entities import _CJK, _PATTERNS

_REGION_CHARS = ("区", "市", "县", "省", "州", "旗")
_REGION_CHAR = re.compile("[区市县省州旗盟]")
_COUNTY_END = re.compile("[区县市旗]")
_COUNTY_LEN = 16  # the longest county-level name (…族自治县) in characters
#: the last characters REGION_END can match
_REGION_LAST = frozenset("区市县省州旗盟")
_REGION_FIRST = frozenset(_REGION_CHARS)


class Regions:
    """Extractor: regions from the gazetteer (佛山, 佛山市), jieba place names ending in 区/市/县
    (青岚区), a place name followed by a lone 区/市/县 token (青川 + 区), and development zones (高新区)."""

    name = "regions"
    ZONES = re.compile(r"(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|经开区|自贸区|保税区|新区|合作区)$")  # noqa: E501 (CJK data)

    def __call__(self, doc: Doc) -> None:
        lex = doc.lexicon
        tags = word_tags()
        gazetteer = _gazetteer(lex)
        for sent in doc.sentences:
            for m in gazetteer.finditer(doc.text, sent.start, sent.end):
                if re.match(r"日报|晚报|报|电视台|广播|大学|海关", doc.text[m.end():m.end() + 3]):
                    continue
                if self._not_gazetteer_region(doc, sent, m.start(), m.end(), lex):
                    continue
                # the name as written (黄石 stays 黄石, not 黄石市): the text says which form it uses
                doc.add(Mention("Region", m.group(0), m.start(), m.end(), sent.index, "gazetteer"))
            self._counties(doc, sent, lex)
            if not _REGION_CHAR.search(doc.text, sent.start, sent.end):
                continue  # no 区/县/市…: nothing to look for, and no need to segment the sentence
            toks = doc.tokens(sent)
            # neither branch below can take a token without a level character at either end: most tokens
            for i in [k for k, t in enumerate(toks) if t[0][-1] in _REGION_LAST or t[0][0] in _REGION_FIRST]:
                w, s, e = toks[i]
                mention = None
                if len(w) >= 3 and REGION_END.search(w) and not _NOT_REGION.search(w) and _CJK.match(w) \
                        and not any(c in "我你他副来" for c in w) and not (s > sent.start and tags.get(doc.text[s - 1] + w[0])):  # noqa: E501 (CJK data)
                    tag = tags.get(w)
                    unknown = tag is None and not is_generic(w[:-1], lex["generic"]) and not _suffix_word(lex, w)
                    # 先在区, 文明城市
                    vetoed = (_not_a_place(w[:2], lex, tags) and not w.startswith("自治")) \
                        or (len(w) >= 4 and w.endswith("城市"))
                    if (tag == "ns" or unknown) and not vetoed:
                        mention = Mention("Region", w, s, e, sent.index, "place-name")
                    elif w == "高新区" or (self.ZONES.search(w) and tag is None):
                        mention = Mention("Region", w, s, e, sent.index, "zone")
                elif w in _REGION_CHARS and i > 0 or (w[:1] in _REGION_CHARS and w[1:2] == "委" and i > 0):
                    pw, ps, pe = toks[i - 1]
                    if len(pw) >= 3 and pw[0] in _GLUED:
                        pw, ps = pw[1:], ps + 1  # 为北畴/区: jieba glued 为 to the name
                    if pw[-1:] == w[0]:
                        # 榕湾区/区委, 澧县/县委: the unit is written once, the body's level char follows
                        if pe == s and tags.get(pw) == "ns":
                            doc.add(Mention("Region", pw, ps, pe, sent.index, "place-name"))
                        continue
                    if pe == s and 2 <= len(pw) <= 4 and _CJK.match(pw) and tags.get(pw) in ("ns", None, "nr") \
                            and pw not in lex["boundaries"] and not is_generic(pw, lex["generic"]) \
                            and not any(c in _NOT_IN_REGION for c in pw) \
                            and not (ps > sent.start and tags.get(doc.text[ps - 1] + pw[0])):
                        mention = Mention("Region", pw + w[0], ps, s + 1, sent.index, "place-name+suffix")
                if mention:
                    doc.add(mention)
            self._scan(doc, sent)
        # a name is written as the text writes it, but one article that writes both 浙江 and 浙江省
        # means one province: the short form takes the full one
        written = {m.name for m in doc.mentions_of("Region")}
        for region in doc.mentions_of("Region"):
            full = lex.regions_by_short.get(region.name) if region.rule == "gazetteer" else None
            if full is not None and full in written:
                region.name = full

    _SUFFIX_CHARS = re.compile(r"(?:自治县|自治州|[区县市旗盟])(?![场民域直镇长位舰属容情]|政(?![协府])|城(?![东南西北]))")  # noqa: E501 (CJK data)
    #: a word the suffix ends that is no region: 革命老区, 中央苏区, 沙河灌区, 农家超市, 部分州县
    _NOT_SCAN_WORD = re.compile(r"(?:老区|苏区|灌区|超市|州县)$")
    #: 富民强县, 工业兴市, 品牌兴县: a slogan (a noun, then 兴/强 and the level), not a place
    _SLOGAN = frozenset({"n", "vn", "v", "a", "an", "nz"})

    def _counties(self, doc: Doc, sent: Sentence, lex: Lexicon) -> None:
        """County-level names of the gazetteer (沛县, 高州市), looked up where a level character stands:
        a few thousand names in the one pattern above would slow every sentence down."""
        counties = lex["counties"]
        lengths = _county_lengths(lex)
        text = doc.text
        for m in _COUNTY_END.finditer(text, sent.start, sent.end):
            e = m.end()
            for n in lengths.get(text[e - 2:e], ()):  # the longest name first
                s = e - n
                if s < sent.start or n > _COUNTY_LEN:
                    continue
                name = text[s:e]
                if name in counties:
                    if name not in lex["regions"] and not self._not_gazetteer_region(doc, sent, s, e, lex) \
                            and not any(x.label == "Region" and x.start < e and s < x.end for x in doc.near(s, e)):
                        doc.add(Mention("Region", name, s, e, sent.index, "county-gazetteer"))
                    break

    @staticmethod
    def _not_gazetteer_region(doc: Doc, sent: Sentence, s: int, e: int, lex: Lexicon) -> bool:
        """A gazetteer name that is part of something else: a person's name (周玉川), a company's
        bracketed seat (某某(深圳)有限公司), a road (吉安路, 宜春大街), a zone written with it (佛山经开区
        is one name) or the middle of a longer word (a short form after a character that binds to it)."""
        text = doc.text
        if doc.covered(s, e, "Official", "Person"):
            return True
        if text[s - 1:s] in "(（" and text[e:e + 1] in ")）":
            return True
        if re.match(r"(?:[东南西北中]?路|大?街|大道)", text[e:e + 2]):
            return True
        name = text[s:e]
        if name in lex["counties"] and name not in lex["regions"]:
            if not Regions._SUFFIX_CHARS.match(text, e - 1):
                return True  # 某某市场, 某县城: the level character begins another word
            if e - s == 2:
                return not hard_left(doc, sent, s, by_tag=True)  # 市和县: a one-character name needs a clear left edge
            return False
        short = name in lex.regions_by_short
        return short and not hard_left(doc, sent, s, by_tag=True)
    #: …区 words that name a kind of area, not a district: 工业区, 样板区, 平房区, 棚户区, 生活区
    _NOT_SCAN = re.compile(r"(?:开发|高新|新|园|景|城|片|小|社|厂|校|辖|试验|示范|保税|功能|山|库|灾|街|市|老城|"
                           r"工业|样板|平房|棚户|居住|生活|商业|核心|先行|集聚|产业|住宅|作业|施工|管控|防控|封控|林)区$")

    def _scan(self, doc: Doc, sent: Sentence) -> None:
        """Regions jieba cut apart (泉/安县, 渝/梁区): 2–3 characters right after a hard boundary
        (punctuation, a governing word, another region) followed by 区/县/市/旗."""
        lex = doc.lexicon
        text = doc.text
        bounds = lex["boundaries"]
        tags = word_tags()
        for m in self._SUFFIX_CHARS.finditer(text, sent.start, sent.end):
            # _NOT_SCAN ends at m.end() and is at most 3 characters long: no need to search from sent.start
            if doc.covered(m.start(), m.end(), "Region") \
                    or self._NOT_SCAN.search(text, max(sent.start, m.end() - 3), m.end()):
                continue
            for n in (2, 3):
                start = m.start() - n
                if start < sent.start:
                    break
                name = text[start:m.start()]
                if self._NOT_SCAN_WORD.match(name[-1] + m.group(0)) or _not_a_place(name, lex, tags) \
                        or _not_a_place(name[:2], lex, tags) \
                        or name[-1] in "区县市旗" \
                        or (name[-1] in "兴强" and len(name) >= 3 and tags.get(name[:-1]) in self._SLOGAN):
                    continue
                if not _CJK.match(name) or is_generic(name, lex["generic"]) or any(c in _NOT_IN_REGION for c in name) \
                        or name[0] in "区市县省镇乡村街年月日号第" or _NOT_REGION.match(name[-1:] + m.group(0)) \
                        or (text[start - 1:start] == "“" and text[m.end():m.end() + 1] == "”"):
                    continue
                # a boundary word at either end: the name's own prefixes and suffixes looked up, not every word
                if any(name[:k] in bounds or name[len(name) - k:] in bounds for k in range(len(name) + 1)):
                    continue
                if start not in doc.token_starts(sent) and text[start - 1:start] not in _GLUED:
                    continue  # jieba may glue 为/到/率 to the name: 为北/畴区
                if hard_left(doc, sent, start):
                    doc.add(Mention("Region", name + m.group(0), start, m.end(), sent.index, "region-scan"))
                    break


#: characters no region name contains; one-character words jieba glues to the next word
_NOT_IN_REGION = set("的了是在和与及等为到率赴对向从于由我你他她副来其该本各这那")
_GLUED = set("为到率在赴对向从于由与和及")


#: jieba tags of words that do not begin a place name: verbs, adverbs, time and direction words, numerals,
#: pronouns, prepositions and conjunctions (感谢/区人大, 任职/县人大代表, 先在/区…, 三名/县派…)
_NOT_PLACE_TAGS = frozenset({"v", "vd", "d", "t", "f", "m", "r", "p", "c"})


def _not_a_place(word: str, lex: Lexicon, tags: dict[str, str]) -> bool:
    """A word jieba knows as a verb, adverb, numeral …, and no city's short name (保定, 开封 are both)."""
    return tags.get(word) in _NOT_PLACE_TAGS and word not in lex.regions_by_short


def _suffix_word(lex: Lexicon, w: str) -> bool:
    ends = _SUFFIX_ENDS.get(lex.fingerprint)
    if ends is None:  # once per lexicon, not a union of two sets per word
        ends = _SUFFIX_ENDS[lex.fingerprint] = tuple(x for x in lex["place_suffixes"] | lex["place_weak_suffixes"]
                                                     if len(x) >= 2)
    return w.endswith(ends)


_SUFFIX_ENDS: dict[str, tuple[str, ...]] = {}


_COUNTY_LENGTHS: dict[str, dict[str, tuple[int, ...]]] = {}


def _county_lengths(lex: Lexicon) -> dict[str, tuple[int, ...]]:
    """The lengths of the county-level names by their last two characters, longest first: a level
    character is looked up with the few lengths of names that end there, not with every length."""
    table = _COUNTY_LENGTHS.get(lex.fingerprint)
    if table is None:
        by_end: dict[str, set[int]] = {}
        for name in lex["counties"]:
            by_end.setdefault(name[-2:], set()).add(len(name))
        table = _COUNTY_LENGTHS[lex.fingerprint] = {k: tuple(sorted(v, reverse=True)) for k, v in by_end.items()}
    return table


@lru_cache(maxsize=8)
def _gazetteer_cached(fingerprint: str, names: frozenset[str]) -> re.Pattern[str]:
    return _alternation(names)


def _gazetteer(lex: Lexicon) -> re.Pattern[str]:
    key = (lex.fingerprint, "gazetteer")
    pattern = _PATTERNS.get(key)
    if pattern is None:
        names = frozenset(lex["regions"]) | frozenset(lex.regions_by_short)
        pattern = _PATTERNS[key] = _gazetteer_cached(lex.fingerprint, names)
    return pattern
