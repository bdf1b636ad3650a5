"""Meetings and ceremonies: ``区委常委会会议``, ``疫情防控工作会``, ``锦湖新城花园项目开工仪式``.

A name ends in a lexicon suffix and starts after the verb or date before it.  A suffix with no
name in front (``会议指出``, ``出席开工仪式``) is a *reference* to a meeting named elsewhere in the
article: it resolves to the last named meeting with the same suffix, else the article's main meeting.
"""

from __future__ import annotations

import re

from .chunk import ends_at_token, hard_left, is_generic, is_region_token, name_start
from .dates import date_near
from .doc import Doc, Mention, Sentence
from .entities import _pattern

#: 中国人民政治协商会议 is also the name of a body: its committee follows (…X市第九届委员会)
_BODY_AFTER = re.compile(r"[\u4e00-\u9fff\d]{0,14}委员会")
_NOT_EVENT_AFTER = re.compile(r"^(?:工作机制|机制|制度|精神|纪要|室|厅|中心|场所|期间|临时委员会|主席团|秘书处)")
#: 召开座谈会, 主持召开专题会议, 在下午召开的点评会上, 参加了座谈会: a meeting named only by its kind is
#: reported as held (or attended) right here
_KIND_HELD = re.compile(r"(?:召开|举行|举办|主持|参加|出席|列席)了?(?:的)?$")
#: the bare words that stand for "the meeting" in any article (会议指出, 召开大会): never a node of their own
_BARE = frozenset({"会议", "会", "大会", "全会", "仪式", "活动", "开幕式", "闭幕式"})
#: an adjective or verb in front of a suffix is no name: 重要会议, 祝贺大会召开, 决定大会的表决方式,
#: 应邀出席会议的, 参加庆典仪式 (a ceremony of the article named elsewhere)
_NOT_NAME = re.compile(r"^(?:重要|祝贺|决定|应邀出席|应邀|庆典|此次|本次|这次|各类|各种|专门|暨|及|和|与)$")
#: a governing verb inside the span: the name starts after it (有8个项目进行集中开工仪式)
_QUOTES = re.compile(r"[“”\"'‘’《》]")
_GOVERNS = re.compile(r".*(?:进行|举行|召开|举办|开展)")
#: 区十七届人大常委会第十五次会议召开 / 在…隆重开幕: the meeting is held in its own sentence
_HELD_AFTER = re.compile(r"(?:近日|日前|今天|昨天|[上下]午)?(?:在[^，。]{1,20})?(?:召开|举行|开幕|举办|隆重开幕|隆重召开)")  # noqa: E501 (CJK data)
#: the party's national congress, named by its number: 党的二十大
_CONGRESS = re.compile(r"党的[一二三四五六七八九十]{1,3}大")
_YEAR_BEFORE = re.compile(r"\d{4}年度?$")
_ONLY_ORDINAL = re.compile(r"^[第\d一二三四五六七八九十百次届（）()]+$")
_PHASE = re.compile(r"^[一二三四五六七八九十\d]+期")
_MAIN_VERBS = re.compile(r"(?:召开|举行|举办|主持召开|主持|开幕|隆重|启动)了?(?:\d{4}年度?|第[一二三四五六七八九十\d]+次|[一二三四五六七八九十\d]+届)*$")  # noqa: E501 (CJK data)


class Meetings:
    """Extractor: named meetings (label ``Meeting``, keyed by name and date) and references to them."""

    name = "meetings"

    def __call__(self, doc: Doc) -> None:
        pattern = _pattern(doc.lexicon, "meeting_suffixes")
        refs: list[Mention] = []
        for sent in doc.sentences:
            prev: Mention | None = None
            for match in _suffixes(doc, sent, pattern):
                found = self._candidate(doc, sent, match, prev)
                if found is None:
                    continue
                if found.attrs.get("ref"):
                    refs.append(found)
                else:
                    doc.add(found)
                    prev = found
        for sent in doc.sentences:
            for m in _CONGRESS.finditer(doc.text, sent.start, sent.end):
                if doc.text[m.end():m.end() + 1] not in "会学":
                    found = Mention("Meeting", m.group(0), m.start(), m.end(), sent.index, "meeting-congress")
                    _date(doc, sent, found, main=False)
                    doc.add(found)
        promoted = _promote_kinds(doc, refs)
        doc.notes["meeting_refs"] = [r for r in refs if id(r) not in promoted]
        _unify(doc)

    @staticmethod
    def _candidate(doc: Doc, sent: Sentence, match: re.Match[str], prev: Mention | None) -> Mention | None:
        """A named meeting ending at ``match``, a reference (a bare suffix), or None (not an event)."""
        s, e = match.start(), match.end()
        start = name_start(doc, sent, s, max_len=28, stop_at_region=False, ordinals=True)
        while start < s and doc.text[start] in "（(":
            start += 1
        gov = _GOVERNS.match(doc.text, start, s)
        if gov:
            start = gov.end()
        start = _after_verb(doc, sent, start, s)
        start = _with_year(doc, sent, start)
        if doc.text[start - 1:start] == "抓" and start - 1 > sent.start and "促" in doc.text[start:s]:
            start -= 1  # 抓党建促乡村振兴观摩会: the slogan 抓X促Y opens the name
            if doc.text[start - 2:start] in _LEVELS and _opens(doc, sent, start - 2):
                start -= 2
        part = doc.text[start:s]
        year = _YEAR_BEFORE.search(doc.text, max(sent.start, start - 6), start)
        held = year is not None and _MAIN_VERBS.search(doc.text[max(sent.start, year.start() - 8):year.start()])
        if part and _ONLY_ORDINAL.match(part) and year and held:
            start = year.start()  # 举行2023年第十次专题学习会: named by its number
            part = doc.text[start:s]
        if not part and doc.text[start - 2:start] == "调研" and start - 2 >= sent.start \
                and _KIND_HELD.search(doc.text, max(sent.start, start - 8), start - 2):
            start -= 2  # 召开调研座谈会: 调研 stops a name, but here it is part of the kind
        held_here = bool(_KIND_HELD.search(doc.text, max(sent.start, start - 6), start))
        generic = not part or is_generic(part, doc.lexicon["generic"])
        if generic and len(part) >= 4 and held_here and not _NOT_NAME.match(part):
            generic = False  # 举行重点项目集中开工仪式: generic words, but this is the event's whole name
        suffix = match.group(0)
        if generic and part:
            # 开工项目 + 办公会议: the head of a compound suffix may be what makes the name
            for k in range(1, len(suffix) - 1):
                if suffix[k:] in doc.lexicon["meeting_suffixes"]:
                    generic = is_generic(part + suffix[:k], doc.lexicon["generic"])
                    break
        if generic or e - start < 3 or _ONLY_ORDINAL.match(part) or _NOT_NAME.match(part):
            ref = Mention("Meeting", match.group(0), s, e, sent.index, "meeting-reference", attrs={"ref": "1"})
            ordinal = part if part and _ONLY_ORDINAL.match(part) and re.search(r"[次届]", part) else ""
            # 座谈会上,… : a meeting of that kind was held, as much as 召开座谈会
            held_here = held_here or (not part and doc.text[e:e + 1] == "上" and _opens_clause(doc, sent, s))
            if held_here and (ordinal or (not part and ref.name not in _BARE)):
                # 召开座谈会, 召开第二十二次会议: a meeting named by its kind, a node unless named elsewhere
                ref.attrs["kind"] = ordinal + doc.text[start:e] if doc.text[start:s] == "调研" else ordinal + ref.name
                ref.start = start
                _date(doc, sent, ref, main=True)
            return ref
        if _NOT_EVENT_AFTER.match(doc.text[e:e + 4]) and doc.text[e:e + 2] != "精神":
            return None  # 联席会议工作机制: a standing arrangement, not a meeting
        if doc.text[start:e].endswith("政治协商会议") and _BODY_AFTER.match(doc.text, e):
            return None  # 中国人民政治协商会议X市第九届委员会: the body, unless a session follows (a longer name)
        name = doc.text[start:e]
        if _PHASE.match(name) and prev is not None and "项目" in prev.name and doc.text[start - 1] in "及和与暨、":
            # 鸿拓新材总部项目一期封顶仪式及二期奠基仪式: the second shares the first's project
            name = prev.name[: prev.name.index("项目") + 2] + name
        mention = Mention("Meeting", name, start, e, sent.index, "meeting-suffix")
        main = bool(_MAIN_VERBS.search(doc.text[max(sent.start, start - 14):start])) \
            or bool(_HELD_AFTER.match(doc.text, e))
        _date(doc, sent, mention, main=main)
        return mention


#: the level a meeting is held at, opening its name: 县委经济工作会议, 市政府…全体会议, 县八届人大…会议
_LEVELS = frozenset({"县", "市", "区", "省", "镇", "乡", "县委", "市委", "区委", "省委", "县政府", "市政府", "区政府",
                     "镇政府", "县政协", "市政协", "区政协", "全县", "全市", "全区", "全镇", "全省", "全乡"})
#: verbs and verbal idioms (践行, 决定, 认真落实, 贯彻落实) that govern the meeting named after them
_VERB_TAGS = frozenset({"v", "z", "i", "l"})


def _after_verb(doc: Doc, sent: Sentence, start: int, end: int) -> int:
    """A name that takes a verb in (践行县委经济工作会议): it starts at the level after the verb."""
    from .doc import word_tags

    tags = word_tags()
    toks = [t for t in doc.tokens(sent) if start <= t[1] and t[2] <= end]
    for (w, _, _), (nxt, s2, _) in zip(toks, toks[1:], strict=False):
        # 充分肯定 is one token to jieba, unknown to the tag dictionary: its last two characters are the verb
        if nxt in _LEVELS and len(w) > 1 and (tags.get(w) in _VERB_TAGS or len(w) > 2 and tags.get(w[-2:]) == "v"):
            return s2
    return start


def _opens(doc: Doc, sent: Sentence, pos: int) -> bool:
    """Nothing of a name stands before ``pos``: a hard left edge or a governing verb (贯彻落实)."""
    if hard_left(doc, sent, pos, by_tag=True):
        return True
    from .doc import word_tags

    return any(e == pos and word_tags().get(w) in _VERB_TAGS for w, _, e in doc.tokens(sent))


def _with_year(doc: Doc, sent: Sentence, start: int) -> int:
    """The year a name opens with is part of it (召开2024年重点项目推进会议), and so is the region or
    全县 before that year (青川县2022年一季度…现场会, 召开全县2022年…调度会议)."""
    year = re.search(r"\d{4}年度?$", doc.text[max(sent.start, start - 6):start])
    if year is None:
        return start
    ystart = start - len(year.group(0))
    if doc.text[max(sent.start, ystart - 2):ystart] in _LEVELS and _opens(doc, sent, ystart - 2):
        return ystart - 2
    toks = doc.tokens(sent)
    for i, (w, ws, we) in enumerate(toks):
        if we != ystart:
            continue
        if len(w) == 1 and i > 0 and toks[i - 1][2] == ws:
            w, ws = toks[i - 1][0] + w, toks[i - 1][1]  # 青川 + 区
        if is_region_token(w, doc.lexicon.regions_by_short) and _opens(doc, sent, ws):
            return ws
    return ystart


def _opens_clause(doc: Doc, sent: Sentence, pos: int) -> bool:
    """``pos`` opens a clause, perhaps after 在 / 随后: where 座谈会上 sets the scene."""
    lead = doc.text[max(sent.start, pos - 6):pos]
    head = re.split(r"[，,。；;：:\n]", lead)[-1]
    return head in ("", "在", "随后", "随后在") and (len(head) < len(lead) or pos - len(lead) == sent.start)


def _date(doc: Doc, sent: Sentence, mention: Mention, *, main: bool) -> None:
    mention.attrs["main_verb"] = "1" if main else ""
    when = date_near(doc, sent, mention.start, doc.article.date, governs=main)
    if when:
        mention.attrs.update(date=when.iso, date_phrase=when.phrase, date_precision=when.precision)
        mention.qualifier = when.iso if when.precision == "day" else None


def _plain(name: str) -> str:
    return _QUOTES.sub("", name)


def _promote_kinds(doc: Doc, refs: list[Mention]) -> set[int]:
    """A meeting held under the name of its kind only (召开座谈会) is a node of its own, unless the
    article names a meeting of that kind (青川区防汛座谈会): then it refers to that one."""
    named = [_plain(m.name) for m in doc.mentions if m.label == "Meeting"]
    promoted: set[int] = set()
    for ref in refs:
        kind = ref.attrs.get("kind")
        if not kind or any(n.endswith(_plain(kind)) for n in named):
            continue
        attrs = {k: v for k, v in ref.attrs.items() if k not in ("ref", "kind")}
        doc.add(Mention("Meeting", kind, ref.start, ref.end, ref.sentence, "meeting-kind", attrs=attrs,
                        qualifier=ref.qualifier))
        named.append(kind)
        promoted.add(id(ref))
    return promoted


def _unify(doc: Doc) -> None:
    """One node per meeting in an article: nested and shortened names join the full one, and a dated
    mention dates the undated ones (the headline's)."""
    named = doc.mentions_of("Meeting")
    for inner in named:
        # 江陂区第十届人民代表大会 inside 江陂区第十届人民代表大会第三次会议 is the same event
        if any(o is not inner and o.start <= inner.start and inner.end <= o.end
               and o.end - o.start > inner.end - inner.start for o in named):
            doc.mentions.remove(inner)
    named = doc.mentions_of("Meeting")
    for short in named:
        # 防汛抗旱工作调度会, in an article that named 全县防汛抗旱工作调度会
        longer = [o for o in named if o.name != short.name and o.name.endswith(short.name)
                  and len(o.name) - len(short.name) <= 6]
        if longer:
            short.name = min(longer, key=lambda o: (o.start, o.name)).name
    _same_event(doc.mentions_of("Meeting"))
    dated: dict[str, Mention] = {}
    for mention in doc.mentions_of("Meeting"):
        if mention.qualifier and mention.name not in dated:
            dated[mention.name] = mention
    for mention in doc.mentions_of("Meeting"):
        if not mention.qualifier and mention.name in dated:
            src = dated[mention.name]
            mention.qualifier = src.qualifier
            mention.attrs.update({k: v for k, v in src.attrs.items() if k.startswith("date")})


_NUMERAL = re.compile(r"[\d]+|[一二三四五六七八九十百零〇两]+")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_SESSION_WORDS = re.compile(r"[\d一二三四五六七八九十百零〇两第届次年度]")


def _number(word: str) -> int:
    """12 from 12 or 十二, 22 from 二十二 (meeting sessions stay below a thousand)."""
    if word.isdigit():
        return int(word)
    total, digit = 0, 0
    for c in word:
        if c == "百":
            total, digit = total + (digit or 1) * 100, 0
        elif c == "十":
            total, digit = total + (digit or 1) * 10, 0
        else:
            digit = digit * 10 + _CN_DIGITS.get(c, 0)
    return total + digit


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _one_event(a: str, b: str) -> bool:
    """Two names of one meeting in an article: the headline's 县五届人大常委会第八次会议 and the
    body's 青川县第五届人民代表大会常务委员会第八次会议 (the same sessions, the short form's
    words all in the long one); 社区换届筹备动员会 and 2021年社区换届选举工作筹备动员会 (one the
    other with words left out)."""
    short, long = sorted((_plain(a), _plain(b)), key=len)
    if short == long or short[-2:] != long[-2:] and short[-1] != long[-1]:
        return False
    nums = [_number(n) for n in _NUMERAL.findall(short)]
    if len(nums) >= 2 and nums == [_number(n) for n in _NUMERAL.findall(long)]:
        return set(_SESSION_WORDS.sub("", short)) <= set(long)
    return len(nums) < 2 and len(short) >= 6 and short[-2:] == long[-2:] and _subsequence(short, long)


def _same_event(named: list[Mention]) -> None:
    """Give every name of one meeting its fullest form (a bounded number of distinct names is compared:
    an article names few meetings)."""
    distinct = list(dict.fromkeys(m.name for m in named))[:40]
    full: dict[str, str] = {}
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if _one_event(a, b):
                short, long = sorted((a, b), key=lambda n: len(_plain(n)))
                full[short] = full.get(long, long)
    for m in named:
        seen = 0
        while m.name in full and seen < 8:
            m.name = full[m.name]
            seen += 1


def _suffixes(doc: Doc, sent: Sentence, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Meeting suffixes that end a word; where one does not (推进会 in 推进会议), look again one
    character later (会议)."""
    out: list[re.Match[str]] = []
    pos = sent.start
    while True:
        m = pattern.search(doc.text, pos, sent.end)
        if m is None:
            return out
        if ends_at_token(doc, sent, m.end()) or re.match(r"[上后前中]|精神", doc.text[m.end():m.end() + 2]):
            out.append(m)
            pos = m.end()
        else:
            pos = m.start() + 1


def main_meeting(doc: Doc, before: int | None = None) -> Mention | None:
    """The meeting the article is about: the one in its headline, else the last convened or held
    (召开, 举行, 主持) before ``before``, else the last named before it, else the first convened
    anywhere, else the first named."""
    named = [m for m in doc.mentions_of("Meeting") if not m.attrs.get("ref")]
    if not named:
        return None
    title = doc.title_sentence
    if title is not None:
        for m in named:
            if m.sentence == title.index:
                return m
    held = [m for m in named if m.attrs.get("main_verb")]
    if before is not None:
        # the meeting held most recently before the reference (会后，…随即召开全市…会议。…主持会议),
        # else the last one named before it
        for pool in (held, named):
            earlier = [m for m in pool if m.start < before]
            if earlier:
                return earlier[-1]
    return held[0] if held else named[0]


def resolve_reference(doc: Doc, ref: Mention) -> Mention | None:
    """The named meeting a bare ``会议`` / ``开工仪式`` refers to."""
    if ref.name in ("会议", "会", "大会", "全会"):
        return main_meeting(doc, before=ref.start)
    named = [m for m in doc.mentions_of("Meeting") if not m.attrs.get("ref")]
    same = [m for m in named if m.name.endswith(ref.name) and m.start < ref.start]
    if same:
        return same[-1]
    same = [m for m in named if m.name.endswith(ref.name)]
    if same:
        return same[0]
    return main_meeting(doc)


def meeting_after(doc: Doc, sent: Sentence, pos: int) -> Mention | None:
    """The first meeting (named or reference, resolved) starting at or after ``pos`` in the sentence."""
    cands = [m for m in doc.mentions_of("Meeting", sentence=sent.index) if m.start >= pos]
    refs = [r for r in doc.notes.get("meeting_refs", []) if r.sentence == sent.index and r.start >= pos]
    first = min(cands + refs, key=lambda m: m.start, default=None)
    if first is not None and first.attrs.get("ref"):
        return resolve_reference(doc, first)
    return first
