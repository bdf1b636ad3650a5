"""People: officials with their titles, other named persons, and the reporters of a byline.

An official is a title from the lexicon followed by a personal name (``区委书记程远航``), or a list of
names sharing one title (``区领导方志成、苏雅琴等``).  A name is 2–3 characters (4 with a compound
surname) starting with a known surname, not a dictionary word, and followed by a boundary: punctuation,
``、``, ``等`` or a word such as ``主持``, ``出席``, ``先后``.  Later bare mentions of a name introduced
with a title are the same official.
"""

from __future__ import annotations

import re

from .chunk import ends_with_boundary
from .doc import Doc, Mention
from .entities import _pattern
from .names import _PLACE_ENDS, _PUNCT, Names

_BYLINE_ROLE = re.compile(r"(记者|通讯员|实习生|摄影|文/图|图/文|文|图)\s*[/／:：]?\s*(?:[\u4e00-\u9fff]{0,6}?(?:日报|晚报)?记者\s*)?")  # noqa: E501 (CJK data)
#: titles that name a rank or a body, not a post: 区级领导甲某, 挂职干部乙某
_GENERIC_TITLES = ("领导", "干部")


#: 甲某、乙某等县四大班子领导 / 丙某等4名第一书记 / 丁某、戊某等同志
#: (at most 60 names before 等: every 、 may start a match, so an unbounded list would be read again from each)
_GROUP_AFTER = re.compile(r"(?<![\u4e00-\u9fff·])((?:[\u4e00-\u9fff]{2,10}、)(?:[\u4e00-\u9fff]{2,4}、){0,60}"
                          r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,10})等"
                          r"(\d+名|[一二三四五六七八九十两]+名)?([\u4e00-\u9fff]{0,10}?(?:领导|同志|书记|主任|委员))")
#: the end of a unit written right before an official's name: 镇党委甲某, 龙溪镇乙某, 水务局丙某
_UNIT_BEFORE_NAME = re.compile(r"(?:党工委|党委|政府|街道|镇|乡|局)")
#: what closes a list of officials: 6名…, 等, 同志
_LIST_CLOSE = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)名|等|同志")
_PAREN_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[)）]")
#: 甲某、乙某参加 / 丙某、丁某等陪同 at the start of a clause (at most 30 names)
_BARE_LIST = re.compile(r"(?:^|(?<=[，。；,;\n：:]))((?:[\u4e00-\u9fff]{2,3}、){1,30}[\u4e00-\u9fff]{2,3})"
                        r"(?:等(?:同志|领导)?)?(?:参加|出席|陪同|参会|列席|随同|一同)")
#: a unit right before a name written before its title: 镇党委甲某书记
_UNIT_CHARS = set("区市县镇乡村委局办院会协府部厅队站所组处科")
_UNIT_ENDS = ("党委", "党工委", "党组", "政府", "人大", "政协", "委员会", "区委", "县委", "市委", "中心")


class Officials:
    """Extractor: titled officials (``Official``) and people with a non-official role (``Person``)."""

    name = "officials"

    def __call__(self, doc: Doc) -> None:
        names = Names(doc)
        titles = _pattern(doc.lexicon, "titles")
        roles = _pattern(doc.lexicon, "person_roles")
        for pat, kind in ((titles, "Official"), (roles, "Person")):
            for m in pat.finditer(doc.text):
                pos = m.end()
                title = m.group(0)
                sent = doc.sentence_at(m.start())
                ends_word = m.end() in doc.token_ends(sent)
                if m.start() not in doc.token_starts(sent) and not ends_word and not names.clear_name(pos):
                    continue  # 办事处长丰村: 处长 across two other words is no title (but 县委办主任何某某, 处处长)
                full = self._full_title(doc, m.start(), title, titles)
                label = kind
                if kind == "Official" or full != title:
                    title, label = full, "Official"  # 省林业局党组成员、总工程师甲某: a role held with a post
                first = True
                if doc.text[pos:pos + 1] == "由" and names.name_at(pos + 1) is not None:
                    pos += 1  # 执行主席由甲某、乙某担任
                paren = _PAREN_NOTE.match(doc.text, pos)
                if paren:
                    pos = paren.end()  # 副主任(主持工作)甲某
                generic = title in _GENERIC_TITLES
                while True:
                    end = names.name_at(pos, titled=label == "Official" and ends_word and not generic) \
                        if not (generic and doc.text[pos:pos + 1] in "和与为对从由谈都") else None
                    if end is None and not first:
                        end = names.rare_word_name(pos)  # 党组成员甲某、乙某、付强参加: a name the dictionary lists
                    if end is None or generic and (end - pos > 3 or names.boundary_strength(end) < 2):
                        break  # 领导干部要…, 干部包村制度: after a rank alone, only a plain name
                    if doc.covered(pos, end, "Official", "Person") is None:
                        doc.add(Mention(label, doc.text[pos:end], pos, end, doc.sentence_at(pos).index,
                                        "title+name" if first else "title+name-list", attrs={"title": title}))
                    first = False
                    # a list shares the title: 区领导方志成、苏雅琴等
                    if end < len(doc.text) and doc.text[end] == "、":
                        pos = end + 1
                        continue
                    break
        self._listed_before_group(doc, names)
        self._bare_list_taking_part(doc, names)
        self._unit_then_name(doc, names)
        self._title_after(doc, titles, names)
        self._bare_mentions(doc)
        self._bare_titles(doc, titles, names)

    @staticmethod
    def _listed_before_group(doc: Doc, names: Names) -> None:
        """Names listed before the group they belong to: 甲某、乙某等县四大班子领导出席, 丙某、丁某等同志到会,
        戊某等4名第一书记 (the title is the group's, without 等)."""
        for m in _GROUP_AFTER.finditer(doc.text):
            items = m.group(1).split("、")
            if len(items) < 2 and not m.group(2):
                continue
            pos, found = m.start(1), []
            for k, item in enumerate(items):
                end = pos + len(item)
                # the first item may carry its unit in front: 县工作专班甲某
                starts = ([pos] if len(item) <= 4 else []) + [end - n for n in (3, 2) if k == 0 and len(item) > 4]
                start = next((p for p in starts if names.name_at(p) == end), None)
                if start is None:
                    break
                found.append((start, end))
                pos = end + 1
            if len(found) < len(items):
                continue
            title = m.group(3) if m.group(3) not in ("同志", "负责同志") else ""
            for start, end in found:
                if doc.covered(start, end, "Official", "Person") is None:
                    doc.add(Mention("Official", doc.text[start:end], start, end, doc.sentence_at(start).index,
                                    "name-list+group", attrs={"title": title} if title else {}))

    @staticmethod
    def _bare_list_taking_part(doc: Doc, names: Names) -> None:
        """甲某、乙某、丙某参加。 — a list of bare names opening a clause and taking part (参加, 陪同 …) in an
        article about officials: they are officials too."""
        if not any(m.label == "Official" for m in doc.mentions):
            return
        for m in _BARE_LIST.finditer(doc.text):
            found, pos = [], m.start(1)
            for item in m.group(1).split("、"):
                end = pos + len(item)
                if names.name_at(pos) != end:
                    break
                found.append((pos, end))
                pos = end + 1
            if len(found) < m.group(1).count("、") + 1:
                continue
            for start, end in found:
                if doc.covered(start, end, "Official", "Person") is None:
                    doc.add(Mention("Official", doc.text[start:end], start, end, doc.sentence_at(start).index,
                                    "name-list+taking-part"))

    @staticmethod
    def _unit_then_name(doc: Doc, names: Names) -> None:
        """Officials named by their unit alone: 会议由镇党委甲某主持; 龙溪镇甲某、水务局乙某、丙某…3名负责人
        述职 (a list of unit+name items that ends in a count, 等, 同志 or a boundary word)."""
        text = doc.text
        found: list[tuple[int, int, int]] = []  # (unit end = name start, name end, unit match start)
        for u in _UNIT_BEFORE_NAME.finditer(text):
            end = names.name_at(u.end())
            if end is None or text[end - 1] in _PLACE_ENDS or text[end:end + 2] in ("社区", "小区") \
                    or names.boundary_strength(end) < 2:
                continue
            found.append((u.end(), end, u.start()))
        accepted: set[int] = set()
        run: list[tuple[int, int, int]] = []
        for k, item in enumerate(found):
            run.append(item)
            nxt = found[k + 1] if k + 1 < len(found) else None
            chained = nxt is not None and text[item[1]:item[1] + 1] == "、" and nxt[2] - item[1] <= 12 \
                and not any(c in _PUNCT for c in text[item[1] + 1:nxt[2]])
            if chained:
                continue
            end = item[1]
            closes = _LIST_CLOSE.match(text, end) is not None or (
                text[end:end + 1] not in _PUNCT and names.boundary_strength(end) >= 2)
            if len(run) >= 2 and closes:
                accepted.update(i for i, _, _ in run)
            elif len(run) == 1 and "由" in re.split(r"[，,。；;、]", text[max(0, run[0][2] - 6):run[0][2]])[-1] \
                    and text.startswith("主持", end):
                accepted.add(run[0][0])
            run = []
        for start, end, _ in found:
            if start in accepted and doc.covered(start, end, "Official", "Person") is None:
                doc.add(Mention("Official", text[start:end], start, end, doc.sentence_at(start).index, "unit+name"))

    @staticmethod
    def _title_after(doc: Doc, titles: re.Pattern[str], names: Names) -> None:
        """A name written before its title: 镇党委甲某书记代表…, 乙某副主任率领 (no name follows the title)."""
        text = doc.text
        for m in titles.finditer(text):
            if len(m.group(0)) < 2 or m.group(0) in ("委员", "常委", "党组成员", "领导", "干部") \
                    or names.name_at(m.end(), titled=True) is not None \
                    or not (m.end() >= len(text) or text[m.end()] in _PUNCT or names.boundary_strength(m.end()) >= 1):
                continue
            for n in (3, 2):
                pos = m.start() - n
                if pos < 0 or not names._plausible(pos, n) or text[m.start() - 1] in _UNIT_CHARS:
                    continue  # 区政协委员: a body before a title is no name
                left = text[max(0, pos - 3):pos]
                if not (pos == 0 or left[-1:] in _PUNCT or left[-1:] in "和与" or left.endswith(_UNIT_ENDS)
                        or ends_with_boundary(doc, max(0, pos - 8), pos)):
                    continue
                if doc.covered(pos, m.start(), "Official", "Person") is None:
                    doc.add(Mention("Official", text[pos:m.start()], pos, m.start(), doc.sentence_at(pos).index,
                                    "name+title", attrs={"title": m.group(0)}))
                break

    @staticmethod
    def _bare_titles(doc: Doc, titles: re.Pattern[str], names: Names) -> None:
        """A title without a name (区委书记强调) is the one official holding it in this article."""
        holders: dict[str, set[str]] = {}
        for person in doc.mentions:
            if person.label == "Official":
                for t in person.attrs.get("title", "").split("、"):
                    holders.setdefault(t, set()).add(person.name)
        for match in titles.finditer(doc.text):
            title = match.group(0)
            s, e = match.start(), match.end()
            if title.endswith(("领导", "干部")) or doc.text[e:e + 1] == "、" or names.name_at(e) \
                    or _PAREN_NOTE.match(doc.text, e):
                continue
            if doc.covered(s, e, "Official", "Person", "Organization"):
                continue
            who = holders.get(title, set())
            if len(who) == 1:
                doc.add(Mention("Official", next(iter(who)), s, e, doc.sentence_at(s).index, "bare-title",
                                attrs={"title": title}))

    @staticmethod
    def _full_title(doc: Doc, start: int, title: str, titles: object) -> str:
        """Joined titles of one person: 区委副书记、区长; 市委常委、区委书记."""
        text = doc.text
        while start >= 2 and text[start - 1] == "、":
            j = start - 1
            best = None
            titles_ = doc.lexicon["titles"]
            for k in range(max(0, j - 12), j):
                seg = text[k:j]
                # the seg itself is a title, or ends in one of 2+ characters after at most 4 others
                if seg in titles_ or (any(seg[i:] in titles_ for i in range(min(5, len(seg) - 1)))
                                      and re.fullmatch(r"[\u4e00-\u9fff]+", seg)):
                    best = k
                    break
            if best is None:
                break
            title = text[best:j] + "、" + title
            start = best
        return title

    @staticmethod
    def _bare_mentions(doc: Doc) -> None:
        """Later mentions of a titled official's bare name are the same person."""
        known = {m.name: m for m in doc.mentions if m.label in ("Official", "Person")}
        text = doc.text
        for name, first in known.items():
            # every occurrence, left to right and not overlapping (what re.finditer of the escaped name
            # finds, without compiling a pattern per name)
            start = text.find(name) if name else -1
            while start >= 0:
                end = start + len(name)
                if doc.covered(start, end, "Official", "Person") is None:
                    doc.add(Mention(first.label, name, start, end, doc.sentence_at(start).index,
                                    "bare-name", attrs=dict(first.attrs)))
                start = text.find(name, end)


class Bylines:
    """Extractor: reporters and correspondents named in the byline (``Person`` with a role, and ``WROTE``)."""

    name = "bylines"

    def __call__(self, doc: Doc) -> None:
        art = doc.article
        byline = art.byline or _lead_byline(doc)
        if not byline:
            return
        at = doc.text.find(byline)
        if at < 0:
            return
        sent = doc.sentence_at(at)
        names = Names(doc)
        for m in _BYLINE_ROLE.finditer(doc.text, at, at + len(byline)):
            role = m.group(1)
            pos = m.end()
            while pos < at + len(byline):
                end = self._byline_name(doc, names, pos, at + len(byline))
                if end is None:
                    break
                name = doc.text[pos:end]
                mention = doc.add(Mention("Person", name, pos, end, sent.index, "byline",
                                          attrs={"title": "记者" if role in ("文", "图", "文/图", "图/文") else role}))
                doc.relate("WROTE", mention, _article_mention(doc), sent.index, "byline")
                pos = end
                if doc.text[pos:pos + 1] in ("、", " ", "，", ","):
                    pos += 1
                if _BYLINE_ROLE.match(doc.text, pos):
                    break
                continue

    @staticmethod
    def _byline_name(doc: Doc, names: Names, pos: int, limit: int) -> int | None:
        """A name in a byline: ends at punctuation, a space, a role word or where the next name begins
        (记者李蕾张羽飞: two names written together)."""
        found = names.name_at(pos)
        if found is not None and found <= limit:
            return found
        for n in (2, 3):
            end = pos + n
            if end < limit and names._plausible(pos, n) and doc.text[end] in names.surnames and \
                    names._plausible(end, 2):
                return end
        return None


def _lead_byline(doc: Doc) -> str | None:
    """A byline opening one of the first lines (for articles that did not come from a page split)."""
    from ..read.pagesplit import BYLINE_LINE, LEAD_BYLINE

    for line in doc.text.split("\n")[:3]:
        m = LEAD_BYLINE.match(line)
        if m and m.group(0).strip():
            return m.group(0).strip()
        if BYLINE_LINE.match(line) and len(line) <= 48:
            return line.strip()
    return None


def _article_mention(doc: Doc) -> Mention:
    art = doc.notes.get("article_mention")
    if art is None:
        art = Mention("Article", doc.article.id, 0, 0, 0, "article")
        doc.notes["article_mention"] = art
    return art
