"""``INSPECTED``: where officials went on duty.

* itineraries — ``先后来到A、B和C`` (also 深入, 走进, 前往/赴/到 … 调研, 考察了A和B): one edge per stop;
  a stop no extractor named becomes a ``Place`` when an official goes there with a purpose;
* visits — ``在A,王建国实地查看…`` gives an edge to A;
* companions and group members join every stop: see :mod:`kg.extract.visits`.

The subject may be a pronoun or a group (``检查组一行``): see :mod:`kg.extract.subjects`.
"""

from __future__ import annotations

import re

from . import stops
from .dates import ResolvedDate
from .doc import Doc, Mention, Sentence
from .entities import _pattern
from .subjects import clauses, subjects

_MOVE = (r"(来到|走进|深入到|深入|前往|赶赴|奔赴|赶到|赴|到|走访|(?:考察|视察|参观|暗访)了|调研了(?!解)|(?<=集体|专题|蹲点)调研|参观|(?<=率队|带队|一行)来|"  # noqa: E501 (CJK data)
         r"(?<=先后|分别)在|对|(?<=先后|分别)就|"
         r"(?:先后|实地|先后实地)(?:察看|查看|调研|视察|考察|参观|检查|走访)了?)")
_MOTION = re.compile(r"(?:先后|分别|一同|一起|再次|又|还|也|专程|实地|随后|还先后)*" + _MOVE)
#: the movement word alone (the adverbs before it may be none): there is a match of _MOTION where
#: there is one of this, and this is the faster search
_MOVE_WORD = re.compile(_MOVE)
_STRONG = {"来到", "走进", "深入到", "深入", "走访"}
_PURPOSE = re.compile(r"调研|检查|督导|督查|视察|考察|察看|查看|走访|慰问|看望|巡查|指导|暗访|检验|观摩")
_LIST_END = re.compile(r"[，,。；;：:]|进行|开展|调研|检查|督导|督查|视察|考察|察看|查看|慰问|看望|了解|指导|巡查|"
                       r"走访|暗访|实地|观摩|听取|召开|时|期间|等地|等处|等|就(?![业医近地读诊])")
#: 对A、B进行了实地调研: 对 opens a list of stops only when a visit verb follows it
_OBJECT_VISIT = re.compile(r"(?:等[^，,。；;、]{0,6}?)?(?:进行|开展)了?[^，,。；;]{0,8}?(?:调研|检查|视察|察看|督导|督查|考察|走访|暗访|查看)")  # noqa: E501 (CJK data)
_BARE_COMPANY = re.compile(r"(?:有限责任|股份有限|股份|有限)?公司$")
_PROJECT_END = re.compile(r"(?:项目|工程)(?:[一二三四五六七八九十]期)?$")
_ORG_END = re.compile(r"(?:公司|学校|中学|小学|医院|卫生院|幼儿园|合作社|集团|酒店|酒楼|制药厂)$")
_AT_SITE = re.compile(r"等?(?:项目|建设|施工)?(?:现场|工地|点位)")
_LIST_SEP = re.compile(r"、|以及|及|和|与")
_AT_PLACE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日)?[上下]?午?[，,]?在([^，,。]{2,80}?)(?:等地|等处)?[，,]")
#: 从青石古街到农贸市场: a walk from one site to another (no digits: not 从3月到5月)
_WALK = re.compile(r"从([^\d，,。；;到]{2,14})到([^\d，,。；;]{2,14})")
_MID_AT = re.compile(r"[，,]在[^，,。；;]{2,60}、[^，,。；;]{2,60}[，,]")
_VISIT_VERB = re.compile(r"查看|检查|了解|询问|督导|调研|察看|视察|考察|走访|慰问|听取")
_GENERIC_STOP = re.compile(r"^(?:生产|企业|施工|项目|建设|田间|基层|生产一线|农户|群众|居民|村民|困难群众|部分|有关|相关|各|在建)?"  # noqa: E501 (CJK data)
                           r"(?:车间|家中|家里|地头|田间地头|现场|一线|工地|企业|单位|部门|园区|基层)$|(?:家中|家里)$")
#: a stop that names an activity or a topic, not a site: 立面整治效果, 森林防火, 项目进度
_TOPIC = re.compile(r"(?:效果|情况|工作|进度|进展|建设|治理|管理|服务|问题|成效|措施|铺装|整治|防火|生产|发展|收购|"
                    r"采摘|行为|安全)$"
                    # a workshop or a production line inside a site is part of the site, not a stop of its own
                    r"|(?:生产线|车间)$")  # noqa: E501 (CJK data)
#: 县内两个省级园区, 辖区燃气安全: a counted or an area-wide phrase names no site
_VAGUE = re.compile(r"^(?:辖区|县内|区内|市内|镇内|全县|全区|全市|全镇)|[两一二三四五六七八九十几\d]+(?:个|家|处|座|所)")  # noqa: E501 (CJK data)
#: 青石湾生态小镇建设, 柳塘村移民搬迁: a topic headed by the site it is about
_TOPIC_TAIL = re.compile(r"(?:建设|改造|提升|搬迁|安置|发展|运营|整治|治理|推进|开发|保护)(?:情况|工作)?$")
_ADMIN_END = re.compile(r"(?:区|县|市|省|州|旗|镇|乡|街道)$")
TARGET_LABELS = ("Place", "Project", "Organization", "Street", "Community")




def _suffix_words(doc: Doc) -> frozenset[str]:
    words = doc.notes.get("_suffix_words")
    if words is None:
        lex = doc.lexicon
        words = doc.notes["_suffix_words"] = frozenset(
            lex["org_suffixes"] | lex["place_suffixes"] | lex["place_weak_suffixes"] | lex["project_suffixes"])
    return words


def _purpose_follows(doc: Doc, sent: Sentence, end: int) -> bool:
    """先后到A、B等现场。通过现场察看…: the purpose is the site itself or told in the next sentence."""
    if _AT_SITE.match(doc.text, end, sent.end):
        return True
    nxt = doc.sentences[sent.index + 1] if sent.index + 1 < len(doc.sentences) else None
    return nxt is not None and nxt.paragraph == sent.paragraph and _PURPOSE.search(nxt.text) is not None


def _topic_head(doc: Doc, s: int, e: int) -> int:
    """Where the site ends in a topic item (青石湾生态小镇建设 → 青石湾生态小镇): the last site word or
    named site in it, a few characters before the end; else ``e`` (the item is a topic, no site)."""
    ends = [m.end() for name in ("place_suffixes", "place_weak_suffixes", "org_suffixes", "project_suffixes")
            for m in _pattern(doc.lexicon, name).finditer(doc.text, s, e)]
    ends += [x.end for x in doc.near(s, e) if x.start >= s and x.label in TARGET_LABELS]
    return max((k for k in ends if s + 2 <= k < e and e - k <= 8), default=e)


def quoted_item(doc: Doc, s: int, e: int) -> bool:
    return doc.text[s - 1:s] in ("“", "‘", "《") and doc.text[e:e + 1] in ("”", "’", "》")


def distinctive(doc: Doc, sent: Sentence, start: int, end: int) -> bool:
    """A site's name needs a word of its own, not only common words (社区调解室, 消防控制室, 幼儿园 are
    no names; 卧龙岭监控中心, 青石农贸市场 are): an unknown word, a place name, or a rare word."""
    from .doc import segmenter, word_tags

    tags = word_tags()
    freq = segmenter(doc.lexicon).FREQ
    words = [w for w, s, e in doc.tokens(sent) if start <= s and e <= end]
    if len(words) <= 1 and end - start <= 3:
        return False
    for w in words[:-1] or words:
        tag = tags.get(w)
        if tag is None or tag[:2] in ("ns", "nr", "nz", "nt") or (freq.get(w) or 0) < 800:
            return True
    return False


def _next_visitor(doc: Doc, sent: Sentence) -> list[Mention]:
    """The officials who open the next sentence of the paragraph with a visit verb in its first clause."""
    k = sent.index + 1
    if k >= len(doc.sentences) or doc.sentences[k].paragraph != sent.paragraph or doc.sentences[k].heading:
        return []
    nxt = doc.sentences[k]
    first = clauses(doc, nxt)[:1]
    if not first:
        return []
    cs, ce = first[0]
    verb = _VISIT_VERB.search(doc.text, cs, ce)
    return subjects(doc, nxt, cs, verb.start(), ("Official",), lists=False) if verb else []


def _sentence_locative(doc: Doc, sent: Sentence) -> Mention | None:
    """The region or street of a sentence opening ``在海澄港区，…``."""
    m = _AT_PLACE.match(doc.text, sent.start, sent.end)
    if not m:
        return None
    whole = [x for x in doc.mentions if x.label in ("Region", "Street") and x.start == m.start(1) and x.end == m.end(1)]
    return whole[0] if whole else None


def _alone(doc: Doc, sent: Sentence, m: re.Match[str]) -> bool:
    """和 joins two stops only as a word of its own: not in 和顺闸, 和美社区 (jieba reads 和平, 和美)."""
    return m.start() in doc.token_starts(sent) and m.end() in doc.token_ends(sent)


class Inspections:
    """Extractor: INSPECTED relations (and LOCATED_IN for stops written as ``X区的A``)."""

    name = "inspections"

    def __call__(self, doc: Doc) -> None:
        from .events import event_date

        for sent in doc.sentences:
            if sent.heading:
                continue
            date = event_date(doc, sent)
            # a movement found in a clause is found in its sentence too (a clause ends at a mark or the
            # sentence's end, where 调研了(?!解) reads the same): most sentences have none
            moves = _MOVE_WORD.search(doc.text, sent.start, sent.end) is not None
            for cs, ce in clauses(doc, sent):
                if moves:
                    self._itinerary(doc, sent, cs, ce, date)
                if doc.text.startswith("从", cs):
                    self._walk(doc, sent, cs, ce, date)
            for start in [sent.start] + [m.end() for m in re.finditer("[；;]", sent.text) if m.end() < len(sent.text)]:
                self._at_place(doc, sent, date, start if start == sent.start else sent.start + start)
            # …,在A、B、C,每到一处,…: a list of sites set in the middle of a sentence
            for m in _MID_AT.finditer(doc.text, sent.start, sent.end):
                self._at_place(doc, sent, date, m.start() + 1)

    def _itinerary(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        for m in _MOTION.finditer(doc.text, cs, ce):
            verb = m.group(1)
            at = m.start(1)
            glued = doc.text[at - 1:at] in ("组", "团") or any(  # 观摩组到…: glued to a group
                x.end == at and x.label in ("Official", "Person") for x in doc.near(at, at))
            if not glued and m.start(1) not in doc.token_starts(sent) \
                    or verb == "深入" and stops.adverbial(doc, sent, m.end()):
                continue  # 送到, 做到, 落到实处, 深入推进: not a movement (but 欧阳丹到…: jieba glued 到 to the name)
            list_end_m = _LIST_END.search(doc.text, m.end(), ce)
            list_end = list_end_m.start() if list_end_m else ce
            if list_end - m.end() < 2:
                continue
            if verb in ("对", "就") and not _OBJECT_VISIT.match(doc.text, list_end, ce):
                continue
            who = stops.affiliations(doc, subjects(doc, sent, cs, m.start(), ("Official", "Organization"), lists=False,
                                             groups=True))
            # 先后到A、B、C: a round of several sites is a visit whatever its purpose
            purposeful = verb in _STRONG or verb.endswith(("了", "调研")) or len(verb) > 2 \
                or ("先后" in doc.text[m.start():at] and _LIST_SEP.search(doc.text, m.end(), list_end) is not None) \
                or _PURPOSE.search(doc.text, list_end, sent.end) is not None or _purpose_follows(doc, sent, list_end)
            targets = self.targets(doc, sent, m.end(), list_end, create=bool(who and purposeful))
            for fs, fe in stops.further_lists(doc, sent, ce) if list_end == ce and targets else ():
                more = self.targets(doc, sent, fs, fe, create=False)  # …；C、D，以及E: the list runs on
                if not more:
                    break
                targets += more
            if not targets or not who or not (purposeful or stops.under_way(doc)):  # 随后赶到A村: more of a visit
                continue
            where = _sentence_locative(doc, sent)
            for t in targets:
                if where is not None and t.label in ("Place", "Project") and not any(
                        r.type == "LOCATED_IN" and r.source is t for r in doc.relations):
                    doc.relate("LOCATED_IN", t, where, sent.index, "located:在")
            for p in who:
                for t in targets:
                    if t.label in TARGET_LABELS:
                        doc.relate("INSPECTED", p, t, sent.index, f"inspected:itinerary:{verb}", date)
                        doc.notes.setdefault("stops", []).append(t)

    def _walk(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        """从A到B, a clause of its own in a visit already under way: the visitor walked from A to B."""
        m = _WALK.fullmatch(doc.text, cs, ce)
        ongoing = m is not None and any(r.type == "INSPECTED" for r in doc.relations)
        who = subjects(doc, sent, cs, cs, ("Official",), lists=False, groups=True) if ongoing else []
        for s, e in (m.span(1), m.span(2)) if m and who else ():
            for t in self.targets(doc, sent, s, e, create=True):
                for p in who:
                    doc.relate("INSPECTED", p, t, sent.index, "inspected:walk", date)

    def targets(self, doc: Doc, sent: Sentence, start: int, end: int, *, create: bool) -> list[Mention]:
        """The stops of an itinerary list, as mentions.

        With ``create``, a stop that no extractor named becomes a new Place; otherwise only stops ending
        in a site word (中心, 基地 …) do.  A region written before the first stop of a ``、`` list covers
        the stops after it; ``X区的A`` places A in X.
        """
        out: list[Mention] = []
        pos = start
        container: Mention | None = None
        shared = True
        weak = _pattern(doc.lexicon, "place_weak_suffixes")
        firms = stops.FIRMS.match(doc.text, end) is not None
        seps = [m for m in _LIST_SEP.finditer(doc.text, start, end) if m.group(0) != "和" or _alone(doc, sent, m)]
        for sep in [*seps, None]:
            s, e = pos, (sep.start() if sep else end)
            pos = sep.end() if sep else end
            quoted = doc.text[s:s + 1] in "“‘《"
            while s < e and doc.text[s] in "“”‘’\"'《》 了":
                s += 1
            while e > s and doc.text[e - 1] in "“”‘’\"'《》 ":
                e -= 1
            paren = max(doc.text.rfind("（", s, e), doc.text.rfind("(", s, e))
            if doc.text[e - 1:e] in ("）", ")") and paren > s + 1:
                e = paren  # 白石河(青川段): the river
            if doc.text.endswith("现场", s, e) and e - s > 4:
                e -= 2  # 幸福里小区改造项目现场: the project
                if doc.text.endswith("建设", s, e) and e - s > 4:
                    e -= 2  # …三期项目建设现场
            dash = doc.text.rfind("——", s, e)
            if dash >= 0:
                s = dash + 2  # 重大项目——青石水库枢纽工程: the name told after the dash
            e = stops.trim(doc, s, e)
            if e - s < 2 or stops.WHEN.match(doc.text, s, e):
                continue
            e = _topic_head(doc, s, e) if _TOPIC_TAIL.search(doc.text, s, e) else e
            organ_ = stops.organ(doc, sent, s, e)
            target, prefix = (organ_, None) if organ_ else self._stop(doc, sent, s, e, create=create, weak=weak,
                                                                      firms=firms)
            if target is None and create:
                target, prefix = stops.short_unit(doc, sent, s, e, end), None
            if target is None:
                continue
            if quoted:
                shared = False
            if prefix is not None:
                if doc.text[prefix.end:prefix.end + 1] == "的":
                    doc.relate("LOCATED_IN", target, prefix, sent.index, "located:的")
                container = prefix if not out else container
            elif shared and container is not None and out and target.label == out[0].label and target.start == s \
                    and container.label == "Region":  # a town before the first site names that site only
                # 青岚区星河广场、卧龙岭风景区: the region written once covers the list
                doc.relate("LOCATED_IN", target, container, sent.index, "located:list-prefix")
            if sep is not None and sep.group(0) != "、":
                shared = False
            out.append(target)
        return out

    def _stop(self, doc: Doc, sent: Sentence, s: int, e: int, *, create: bool, weak: re.Pattern[str],
              firms: bool = False) -> tuple[Mention | None, Mention | None]:
        """The mention a list item names, and the region or street written before it."""
        inside = [x for x in doc.near(s, e) if x.start >= s and x.end <= e
                  and x.label not in ("Meeting", "Official", "Person")]
        regions = [x for x in inside if x.label in ("Region", "Street", "Community")]
        named = [x for x in inside if x.label in TARGET_LABELS and x.end == e]
        whole = [x for x in inside if x.start == s and x.end == e]
        if named:
            target = max(named, key=lambda x: x.end - x.start)
            bare = target.name in _suffix_words(doc) or _BARE_COMPANY.match(target.name)
            if target.label in ("Place", "Organization", "Project") and bare:
                # 重庆某某有限责任公司 cut to its bare suffix by the name rule: the item is the name
                ps = max((x.end for x in regions if x.end <= target.start), default=s)
                if ps < target.start and doc.text[ps:target.start].isalnum():
                    target = doc.add(Mention(target.label, doc.text[ps:e], ps, e, sent.index, "itinerary-stop"))
        elif whole:
            target = whole[0]
        else:
            ps = s
            unit_at: int | None = None  # where the first street or village written before the site begins
            while True:  # 麻江坪县大塘乡高山蔬菜基地: past every unit written before the site
                unit = max((x for x in regions if x.start == ps and x.end < e), key=lambda x: x.end, default=None)
                if unit is None or unit.label == "Region" and unit.name in doc.lexicon.regions_by_short:
                    break  # 佛山西站: a city written without its 市 names the site, it does not place it
                if unit.label in ("Street", "Community") and unit_at is None:
                    unit_at = ps
                ps = unit.end
            if doc.text[ps:ps + 1] == "的":
                ps += 1
                unit_at = None
            item = doc.text[ps:e]
            prefix_unit = [x for x in regions if x.end == ps and x.label in ("Street", "Community")]
            if prefix_unit and (item.startswith(("部分", "个别", "各", "多个", "多家", "几")) or _GENERIC_STOP.search(item)):  # noqa: E501 (CJK data)
                return prefix_unit[0], None  # 暗访了龙眼镇部分销售网点: the town was visited
            w = weak.search(doc.text, ps, e)
            strong = _pattern(doc.lexicon, "place_suffixes").search(doc.text, ps, e)
            site = (w is not None and w.end() == e) or (strong is not None and strong.end() == e)
            kind = stops.unit_label(item) if not site else None
            if e - ps < 2 or not (create or site) or _GENERIC_STOP.search(item) \
                    or (_ADMIN_END.search(item) and not site and not kind) \
                    or item[:1] in "各全该本其这那几多" or item.startswith(("部分", "个别")) \
                    or (not site and len(item) > 16) or _TOPIC.search(item) or "的" in item or _VAGUE.search(item) \
                    or doc.lexicon.suffix_pattern("person_roles").match(item) \
                    or any(x.label in ("Person", "Official") and ps <= x.start < e for x in doc.near(ps, e)):
                return None, None
            if kind:
                return stops.unit_stop(doc, sent, ps, e, kind), None
            if not distinctive(doc, sent, ps, e):
                if site and unit_at is not None:
                    ps = unit_at  # 龙溪镇林业站: a common site is named with the town it serves
                elif not (strong and strong.end() == e) and not quoted_item(doc, s, e):
                    return None, None
            label = "Project" if _PROJECT_END.search(item) else "Organization" if _ORG_END.search(item) or firms \
                else "Place"  # 甲纸业、乙机电等企业: companies
            target = doc.add(Mention(label, doc.text[ps:e], ps, e, sent.index, "itinerary-stop"))
        prefix = [x for x in regions if x.end in (target.start, target.start - 1) and x is not target]
        return target, (max(prefix, key=lambda x: x.start) if prefix else None)

    def _at_place(self, doc: Doc, sent: Sentence, date: ResolvedDate | None, start: int) -> None:
        m = _AT_PLACE.match(doc.text, start, sent.end)
        if not m:
            return
        verb = _VISIT_VERB.search(doc.text, m.end(), sent.end)
        who = subjects(doc, sent, m.end(), verb.start(), ("Official",), lists=False, groups=True) if verb else []
        if not who and start == sent.start:
            who = _next_visitor(doc, sent)  # 在白石水库,水位已超警戒线。王建国察看了溢洪道…
        if not who:
            return
        s, e = m.start(1), m.end(1)
        if doc.text.endswith("下", s, e):
            return  # 在县长甲某某的带领下,…: company, not a site
        if _LIST_SEP.search(doc.text, s, e) and not re.search(r"的|期间|时$|中$|上$", doc.text[s:e]):
            for t in self.targets(doc, sent, s, e, create=True):  # 在甲公司和乙公司,详细了解…
                for p in who:
                    doc.relate("INSPECTED", p, t, sent.index, "inspected:at-place", date)
            return
        if doc.text.endswith("现场", s, e) and e - s > 4:
            e -= 2
        known = [x for x in doc.mentions if x.start >= s and x.end == e and x.label in TARGET_LABELS]
        if known:
            target = max(known, key=lambda x: x.end - x.start)
        else:
            regions = [x for x in doc.mentions if x.start == s and x.end <= e and (
                x.label in ("Region", "Street") or x.label == "Community" and doc.text[x.end:x.end + 1] == "的")]
            if any(x.end == e for x in regions):
                return  # 在龙溪镇,…: a town is not a site
            ps = max((x.end for x in regions), default=s)
            if doc.text[ps:ps + 1] == "的":
                ps += 1
            item = doc.text[ps:e]
            if not distinctive(doc, sent, ps, e):
                weak = _pattern(doc.lexicon, "place_weak_suffixes").search(doc.text, ps, e)
                units = [x for x in regions if x.label in ("Street", "Community") and x.end == ps]
                if not (weak and weak.end() == e and units):
                    return
                ps = units[0].start  # 在白沙乡水库: a common site is named with the town it serves
            if len(item) < 2 or _GENERIC_STOP.search(item) or _TOPIC.search(item) \
                    or re.search(r"会上|期间|时$|中$|上$", item):
                return
            target = doc.add(Mention("Place", doc.text[ps:e], ps, e, sent.index, "visited-at"))
        for p in who:
            doc.relate("INSPECTED", p, target, sent.index, "inspected:at-place", date)
