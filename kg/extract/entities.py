"""Named places and bodies found by their suffix: streets, communities, sites, projects, organizations
and zones (regions are :mod:`kg.extract.regions`).

Each :class:`SuffixEntities` instance is one extractor: a lexicon of suffixes plus a few settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon, _alternation
from .chunk import REGION_END, ends_at_token, ends_with_boundary, is_generic, name_start
from .doc import Doc, Mention, Sentence, word_tags

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_CJK_WITH_CODES = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Z]\d{1,4}[\u4e00-\u9fff]{2,})"
                             r"(?:[A-Za-z0-9]+[\u4e00-\u9fff]+)*$")
#: words that may follow a suffix that does not end a jieba token: 东南村 + 党委, 云塘街道 + 党工委
_CONTINUATIONS = re.compile(r"^(?:党委|党工委|党组|党支部|党总支|两委|委员会|村委|居委|人民政府|政府|办事处|"
                            r"党群服务中心|卫生院|派出所|中心)")


_QUOTED_NAME = re.compile(r"^“[\u4e00-\u9fff、]+”[\u4e00-\u9fff]{2,}$")
_PHASE_ONLY = re.compile(r"^(?:[一二三四五六七八九十\d]+期)+$")
_DESCRIPTIVE = re.compile(r"(?:该|本|此)?项目(?:为|是|系)")


@dataclass(frozen=True)
class SuffixRule:
    """How to recognise one label by suffix."""

    label: str
    lexicon: str
    max_len: int
    stop_at_region: bool
    allow_and: bool = False
    min_part: int = 1
    max_tokens: int = 99
    stop_verbs: bool = False
    rule: str = "suffix"


class SuffixEntities:
    """Extractor: every name that ends in one of the rule's suffixes."""

    def __init__(self, rule: SuffixRule) -> None:
        self.rule = rule
        self.name = f"{rule.label.lower()}s"

    def __call__(self, doc: Doc) -> None:
        pattern = _pattern(doc.lexicon, self.rule.lexicon)
        for sent in doc.sentences:
            for m in pattern.finditer(doc.text, sent.start, sent.end):
                mention = self.candidate(doc, sent, m.start(), m.end())
                if mention:
                    doc.add(mention)

    def candidate(self, doc: Doc, sent: Sentence, s: int, e: int) -> Mention | None:
        r = self.rule
        if not ends_at_token(doc, sent, e) and not _CONTINUATIONS.match(doc.text[e:e + 6]):
            return None
        word = _word_ending_at(doc, sent, e)
        if e - s == 1 and len(word) > 1 and (word in doc.lexicon["generic"] or word[-2:] in doc.lexicon["generic"]):
            return None  # 布局, 党员干部: a common word that merely ends in 局/部
        start = name_start(doc, sent, s, max_len=r.max_len, stop_at_region=r.stop_at_region, allow_and=r.allow_and,
                           max_tokens=r.max_tokens, stop_verbs=r.stop_verbs)
        if r.stop_at_region:
            # 珠岚/市榄溪/镇, 榕湾区青年人才驿站: a region or town found earlier is not part of the name
            for m in doc.near(start, s):
                if m.label in ("Region", "Street", "Community") and start < m.end <= s \
                        and (m.label != "Region" or REGION_END.search(doc.text[m.start:m.end])):
                    start = max(start, m.end)  # (a bare 珠海 stays: 珠海先进产业…创业园 is one name)
        if r.label in ("Project", "Place"):
            start = _over_code(doc, sent, start, s, r)
        if r.label == "Project":
            start = _over_and(doc, sent, _over_quote(doc, sent, _over_route(doc, start)), s, r)
        if r.label == "Organization":
            start = _after_governing_words(doc, sent, start, s)
        elif r.label in ("Place", "Region"):
            start = _after_exhortation(doc, sent, start, s)
        part = doc.text[start:s]
        lex = doc.lexicon
        level = r.label == "Organization" and part in ("区", "市", "县", "省", "镇", "乡", "州", "旗")
        if not level and (len(part) < r.min_part or is_generic(part, lex["generic"]) or part in lex["boundaries"]
                          or _PHASE_ONLY.match(part)):
            return None  # (区组织部, 市委党校: a level prefix alone names the body of the article's own area)
        if r.label in ("Street", "Community") and _ends_with(lex, "street_suffixes", "community_suffixes").search(part):
            return None
        name = doc.text[start:e]
        if r.label == "Project" and doc.text[start - 1:start] == "“" and "”" in name:
            name = "“" + name
        if not (_CJK.match(name) or (r.label in ("Project", "Place") and _CJK_WITH_CODES.match(name))
                or (r.label == "Project" and _QUOTED_NAME.match(name))):
            return None  # (光明智谷1967产业综合体, 城乡一体化PPP项目: a project's name may hold a number or code)
        clause_start = max(doc.text.rfind(c, sent.start, start) for c in "，,；;：:") + 1
        if r.label == "Project" and _DESCRIPTIVE.search(doc.text, max(sent.start, clause_start), start):
            return None  # 该项目为年产2万吨…加工应用项目: a description of a project named elsewhere
        if r.label == "Project" and not _distinctive(doc, sent, start, s):
            return None  # 推进项目, 交通项目, 一把手工程: a kind of project or an exhortation, not a name
        if r.label == "Organization" and (_ends_with(lex, "titles").search(name) or name.endswith("两委")):
            return None  # 市委常委: a post, not a body; 村两委: no name
        if name.endswith("政府") and not re.search(r"(?:[区市县省镇乡州旗]|人民)政府$", name):
            return None
        return Mention(r.label, name, start, e, sent.index, r.rule)


_CODE_BEFORE = re.compile(r"[A-Za-z0-9]{1,8}$")
_COUNTED = frozenset("个亿元批家条户人余多")


def _over_code(doc: Doc, sent: Sentence, start: int, s: int, r: SuffixRule) -> int:
    """城乡一体化PPP项目, 智谷1967产业综合体: a code or number inside a project's name does not end it;
    the name goes on over the code to the words before it (which must be a name of their own)."""
    code = _CODE_BEFORE.search(doc.text, max(sent.start, start - 8), start)
    if code is None or code.start() - 1 < sent.start or not _CJK.match(doc.text[code.start() - 1]) \
            or doc.text[code.end():code.end() + 1] in _COUNTED or doc.text.endswith(("项目", "工程"), 0, code.start()):
        return start  # 投资10亿元以上项目, 8个项目: a count, not a name
    before = name_start(doc, sent, code.start(), max_len=r.max_len, stop_at_region=r.stop_at_region,
                        allow_and=r.allow_and, max_tokens=r.max_tokens, stop_verbs=r.stop_verbs)
    return before if code.start() - before >= 2 else start


_ROAD_CODE = re.compile(r"[A-Z]\d{1,4}$")
_QUOTE_BEFORE = re.compile(r"“([\u4e00-\u9fff、]{2,12})”$")
_CONJ_BEFORE = re.compile(r"(?:以及|及|与|和)$")


def _over_route(doc: Doc, start: int) -> int:
    """白石村至柳塘村公路工程: a road named by the two places it joins (A至B) takes both in its name."""
    to = next((m for m in doc.near(start, start) if m.end == start and m.label in _ENDS_OF_ROUTE), None)
    if to is None or doc.text[to.start - 1:to.start] != "至":
        return start
    frm = next((m for m in doc.near(to.start - 1, to.start - 1)
                if m.end == to.start - 1 and m.label in _ENDS_OF_ROUTE), None)
    return frm.start if frm is not None else start


_ENDS_OF_ROUTE = ("Street", "Community")


def _over_quote(doc: Doc, sent: Sentence, start: int) -> int:
    """“云杉记忆”旅游项目, S253青石至柳岸改建项目: a quoted name or a road's code written before the words
    of a project is part of its name."""
    q = _QUOTE_BEFORE.search(doc.text, max(sent.start, start - 16), start)
    if q is not None:
        return q.start() + 1  # (the name keeps its opening quote; the span starts inside it, as a list item's)
    code = _ROAD_CODE.search(doc.text, max(sent.start, start - 5), start)
    if code is not None and (code.start() == sent.start or not doc.text[code.start() - 1].isalnum()):
        return code.start()
    return start


def _over_and(doc: Doc, sent: Sentence, start: int, s: int, r: SuffixRule) -> int:
    """青石小学及周边道路改造项目, 湿地公园提升与防洪堤建设项目: one item of a list names one project over
    及/与/和 when what stands before the conjunction is no project of its own (no 项目/工程 ending) and
    opens the item (punctuation, a visit verb or a unit before it)."""
    conj = _CONJ_BEFORE.search(doc.text, max(sent.start, start - 2), start)
    if conj is None or conj.start() - 2 <= sent.start:
        return start
    left = name_start(doc, sent, conj.start(), max_len=r.max_len, stop_at_region=r.stop_at_region,
                      max_tokens=r.max_tokens)
    part = doc.text[left:conj.start()]
    if not _distinctive(doc, sent, left, conj.start()):
        return start  # 解决制约和影响项目…: a verb, not a first item
    opens = left <= sent.start or doc.text[left - 1] in "、，,：:" or ends_with_boundary(doc, sent.start, left)
    if len(part) < 2 or s - start < 2 or part.endswith(("项目", "工程", "期", "情况", "工作")) \
            or is_generic(part, doc.lexicon["generic"]) or not opens or not _CJK.match(part):
        return start
    return left


@lru_cache(maxsize=64)
def _pattern_cached(fingerprint: str, words: frozenset[str]) -> re.Pattern[str]:
    return _alternation(words)


_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}


def _ends_with(lex: Lexicon, *names: str) -> re.Pattern[str]:
    """A pattern for text ending in a word (of two or more characters, for titles) of the lexicons
    ``names``; compiled once per lexicon."""
    key = (lex.fingerprint, "$" + ",".join(names))
    pattern = _PATTERNS.get(key)
    if pattern is None:
        words = {w for n in names for w in lex[n] if n != "titles" or len(w) >= 2}
        pattern = _PATTERNS[key] = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                                              + ")$")
    return pattern


def _pattern(lex: Lexicon, name: str) -> re.Pattern[str]:
    """The alternation of a lexicon's words, compiled once per lexicon (keyed by its fingerprint)."""
    key = (lex.fingerprint, name)
    pattern = _PATTERNS.get(key)
    if pattern is None:
        pattern = _PATTERNS[key] = _pattern_cached(lex.fingerprint, frozenset(lex[name]))
    return pattern


STREETS = SuffixEntities(SuffixRule("Street", "street_suffixes", max_len=4, stop_at_region=True, min_part=2,
                                    max_tokens=1, stop_verbs=True))
COMMUNITIES = SuffixEntities(SuffixRule("Community", "community_suffixes", max_len=4, stop_at_region=True,
                                        max_tokens=1, stop_verbs=True))
PLACES = SuffixEntities(SuffixRule("Place", "place_suffixes", max_len=14, stop_at_region=True, min_part=2))
PROJECTS = SuffixEntities(SuffixRule("Project", "project_suffixes", max_len=20, stop_at_region=True, min_part=2))
ZONES = SuffixEntities(SuffixRule("Region", "zone_suffixes", max_len=10, stop_at_region=False, min_part=2,
                                  stop_verbs=True, rule="zone"))
ORGANIZATIONS = SuffixEntities(SuffixRule("Organization", "org_suffixes", max_len=16, stop_at_region=False,
                                          allow_and=True, min_part=1, stop_verbs=True))


class CompanyIsA:
    """Extractor: ``优巨新材是国家级专精特新“小巨人”企业`` — a name that opens a sentence and is said
    to be a company or enterprise is an Organization."""

    name = "company-is-a"
    PATTERN = re.compile(r"([\u4e00-\u9fff]{2,10})(?:是|系|为)(?:一家|国家级|省级|市级)?[^，。；]{0,24}?"
                         r"(?:企业|公司|集团|厂商|龙头|上市公司)")

    def __call__(self, doc: Doc) -> None:
        for sent in doc.sentences:
            m = self.PATTERN.match(doc.text, sent.start, sent.end)
            if not m:
                continue
            name = m.group(1)
            if name[:1] in "该这此其它他她我" or is_generic(name, doc.lexicon["generic"]) \
                    or doc.covered(m.start(1), m.end(1), "Official", "Person", "Region", "Street", "Community",
                                   "Project", "Meeting"):
                continue
            doc.add(Mention("Organization", name, m.start(1), m.end(1), sent.index, "company-is-a"))


class KnownEntities:
    """Extractor: names listed in the user's own lexicons (streets.txt, places.txt …), matched verbatim."""

    name = "known"
    LISTS = (("streets", "Street"), ("communities", "Community"), ("places", "Place"),
             ("organizations", "Organization"))

    def __call__(self, doc: Doc) -> None:
        for lexname, label in self.LISTS:
            words = doc.lexicon[lexname]
            if not words:
                continue
            for m in _pattern(doc.lexicon, lexname).finditer(doc.text):
                doc.add(Mention(label, m.group(0), m.start(), m.end(), doc.sentence_at(m.start()).index, "lexicon"))


#: jieba tags of a first word no project name begins with: verbs, adverbs, numerals and measure words,
#: pronouns, idioms (推进项目, 全力支持项目, 个招商项目, 一些…项目)
_PROJECT_LEAD_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c", "r", "m", "q", "l", "u", "uj", "t"})
#: tags of words that make a name its own: a place, a person, an organization, an abbreviation
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "j"})
_NUMBERED = re.compile(r"[\d一二三四五六七八九十][号期]$")  # 滨湖一号安置小区…项目: a numbered name before
_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
_OWN_MARK = re.compile(r"[\dA-Za-z０-９“”\"《]")


def _distinctive(doc: Doc, sent: Sentence, start: int, end: int) -> bool:
    """A project name has a part of its own — a place or proper name, a word jieba does not know, a number
    and unit, a quoted name — or is a long description of one undertaking; not only common words
    (交通项目, 民生工程) nor an exhortation (要…, 推进…, 全力支持…)."""
    part = doc.text[start:end]
    if "要" in part:
        return False
    before = doc.text[start - 1:start]
    if before in "”》）)" and before or (before.isdigit() and part[:1] in "吨米亩瓦") or _PHASE.match(part) \
            or _NUMBERED.search(doc.text, max(0, start - 3), start) \
            or doc.covered(start - 1, start, "Region", "Street", "Community"):
        return True  # “云杉记忆”旅游项目, 年产5000吨…项目, 白石村至西岭村公路工程, 一号…: named by what stands before
    toks = [(w, s, e) for w, s, e in doc.tokens(sent) if start <= s and e <= end]
    tags = word_tags()
    if toks and toks[0][1] == start and tags.get(toks[0][0]) in _PROJECT_LEAD_TAGS \
            and not doc.covered(start, start + 1, "Region", "Street", "Community"):
        return False
    if any(tags.get(a) in ("a", "ad", "d") and tags.get(b) == "v" for (a, _, _), (b, _, _) in zip(toks, toks[1:],
                                                                                          strict=False)):
        return False  # 扎实推进民生项目, 全力支持…: an adverb and a verb, an exhortation
    if _OWN_MARK.search(part) or doc.covered(start, end, "Region", "Street", "Community", "Organization", "Place"):
        return True
    if any((tags.get(w) is None and len(w) >= 2) or tags.get(w) in _PROPER_TAGS for w, _, _ in toks):
        return True
    lex = doc.lexicon
    if any(part.endswith(x) and len(x) >= 2 for n in ("org_suffixes", "place_suffixes", "place_weak_suffixes")
           for x in lex[n]):
        return len(part) >= 4  # 实验学校项目: the project builds a site of its own
    return len(part) >= 5


#: jieba tags of words an organization's name does not begin with: prepositions and conjunctions, adverbs,
#: set phrases and verbs (对区人武部, 及市纪委, 充分发挥政协, 牢记政协)
_ORG_LEAD_TAGS = frozenset({"p", "c", "d", "ad", "v", "vd"})
_ORG_LEAD_CHARS = "对到据由及和与向从在把被给为按"


def _after_governing_words(doc: Doc, sent: Sentence, start: int, end: int) -> int:
    """Where the organization's name begins once the words before it that govern it are left out."""
    tags = word_tags()
    for w, s, e in doc.tokens(sent):
        if e <= start:
            continue
        if s != start or e > end:
            break
        if (len(w) >= 2 and tags.get(w) in _ORG_LEAD_TAGS) or (len(w) == 1 and w in _ORG_LEAD_CHARS):
            start = e
        else:
            break
    if start < end and doc.text[start] in _ORG_LEAD_CHARS and doc.text[start + 1:start + 2] in "区市县省州镇乡":
        start += 1  # 到州/政协: jieba glued the preposition to the level
    return start


#: jieba tags of words a site's name does not open with: verbs, adverbs, prepositions, set phrases
#: (要高标准推进产业园, 加快建设湿地公园, 应对假日商业广场)
_PLACE_LEAD_TAGS = frozenset({"v", "vd", "vn", "d", "ad", "p", "c", "l", "i"})


#: words of an exhortation that stand inside no site's name (要高标准推进产业园区建设)
_URGING = frozenset({"推进", "加快", "打造", "推动", "抓好", "做好", "建好", "管好", "应对", "高标准", "高质量", "全力",
                     "着力", "持续", "加速", "大力"})


def _after_exhortation(doc: Doc, sent: Sentence, start: int, end: int) -> int:
    """Where a site's name begins once the verbs and adverbs that open the phrase are left out."""
    tags = word_tags()
    leading = True
    for w, s, e in doc.tokens(sent):
        if e <= start:
            continue
        if e > end:
            break
        if leading and s == start and (tags.get(w) in _PLACE_LEAD_TAGS or w in ("要", "将") or w == "重点") \
                or w in _URGING:
            start = e
        else:
            leading = False
    return start


def _word_ending_at(doc: Doc, sent: Sentence, end: int) -> str:
    for w, _, e in doc.tokens(sent):
        if e == end:
            return str(w)
    return ""
