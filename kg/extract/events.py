"""Who took part in meetings: ``CHAIRED`` (主持, 主持召开, 会议由…主持) and ``ATTENDED`` (出席, 参加,
在…上讲话, and speaking at the article's meeting: 作动员讲话, 致辞, 作交流发言 …).

The subjects are the officials named before the trigger (see :mod:`kg.extract.subjects`).  A meeting
named after the trigger is the one; a bare ``会议`` or none is the article's main meeting.
"""

from __future__ import annotations

import re

from .dates import ResolvedDate, parse_iso, sentence_date
from .doc import Doc, Mention, Sentence
from .meetings import main_meeting, meeting_after
from .subjects import clauses, subjects

#: not 副主任(主持工作)甲某: a deputy in charge, no meeting
_CHAIR = re.compile(r"主持召开|主持(?!工作[)）])")
#: 组织召开: who convenes a meeting without chairing it (主持 is another's) was there
_ATTEND = re.compile(r"(?:出席|参加|参会|列席|应邀出席|到会|组织召开)(?!检查|调研|视察|督导|考察)")
#: 参加活动: the article's event, when that event is itself an 活动 (集中授牌活动); else often a visit
_ACTIVITY = re.compile(r"(?:了)?(?:此次|本次)?活动")
#: 出席。/ 参加。/ 到会指导: the object is the meeting the article has been reporting
_NO_OBJECT = re.compile(r"(?:了)?(?:并?(?:指导|讲话|致辞))?(?:[。！；;，,]|$)")
#: a clause that only names a group of unnamed participants: 县直有关单位主要负责人, 部分区人大代表,
#: 县法院院长 (a title with no name): a list of named attendees may run on past it
_GROUP = re.compile(r"^(?:及|和|以及|还有)?[^，,；;：:]{0,30}?(?:负责人|负责同志|代表|干部|委员|成员|人员|主席|"
                    r"主任|同志|领导|书记|院长|检察长|局长|镇长|乡长)(?:等)?(?:人员|同志)?$")
_VERBS = re.compile(r"召开|举行|主持|讲话|指出|强调|要求|听取|审议|通过|汇报|介绍|表示|来到|调研|检查|视察|宣读|"
                    r"传达|学习|部署|安排|[在到对向]")
#: a sentence set at the meeting: 会上,… / 座谈中,…
_AT_MEETING = re.compile(r"(?:会上|会议上|座谈会上|座谈中|座谈时|仪式上|会议期间|会中)[，,]")
_REPORT = re.compile(r"汇报")
#: a talk held on a visit: 座谈会, 调研座谈会, 座谈交流会
_TALK = re.compile(r"座谈(?:交流)?会$")
_VISIT = re.compile(r"调研|视察|检查|考察|督导|督查|走访|察看|查看|慰问")
#: 应邀出席会议的区领导A、B: a list introduced by what its members did
_LIST_LEAD = re.compile(r"(?:应邀)?(?:出席|参加|列席)(?:会议|大会|仪式|活动|开幕式)?的")
_SPEAK_AT = re.compile(r"在(.{1,40}?)上(?:讲话|致辞|发言|作报告|作部署|指出|强调|作动员讲话|作动员|作总结讲话)")
#: speaking at the article's meeting (no meeting named): 作动员讲话, 致辞, 作交流发言, 通报…情况, 宣布…开工
_SPEAK = re.compile(r"(?:作|做)(?:出|了)?(?:动员|总结|交流|表态|重要|具体|工作)?(?:讲话|发言|部署|报告|点评|安排)|"
                    r"讲话|致辞|发言|通报|宣布|就座|揭牌|颁奖|作说明|解读|向(?:大会|会议)作|进行(?:了)?(?:具体)?(?:部署|点评|安排|通报)|介绍了|"
                    r"传达(?:了)?|提出了?[^，,。；;]{0,6}要求|进行了?[^，,。；;]{0,6}谈话")
#: 会议听取了甲镇A、乙局B述职报告: who delivers a report to the meeting attended it
_HEARD = re.compile(r"听取(?:了)?")
_HEARD_END = re.compile(r"(?:报告|汇报|发言)")
#: 讲话精神, 致辞的精神: a speech relayed or studied, not given here
_RELAYED = re.compile(r"(?:的)?(?:重要)?精神")
#: what Events._meetings looks for in a clause
_CLAUSE_CUES = (_CHAIR, _ATTEND, _REPORT, _SPEAK, _SPEAK_AT, _HEARD)
#: any of them, in one search over a sentence
_ANY_CLAUSE_CUE = re.compile("|".join(f"(?:{c.pattern})" for c in _CLAUSE_CUES))
#: 在主席台就座的有A、B、C / 出席会议的有A、B: names without titles, all of them present
_ROSTRUM = re.compile(r"(?:就座的|出席会议的|出席的领导|参加会议的|出席大会的|出席开幕式的)(?:领导|同志)?(?:还)?有")


def attend_visit_talks(doc: Doc, participants: list[Mention]) -> None:
    """A talk (座谈会, 座谈交流会) in an article reporting a visit is held during the visit: every
    participant of the visit (gathered by :mod:`kg.extract.visits`) attended it, unless they chaired it."""
    if not participants:
        return
    talks = [m for m in doc.mentions_of("Meeting") if _TALK.search(m.name)]
    for talk in doc.notes.pop("unattended_talks", []):
        talks.append(doc.add(talk))
    chaired = {(r.source.key, r.target.key) for r in doc.relations if r.type == "CHAIRED"}
    # 甲某参加调研,乙某参加座谈会: a talk whose attendees the article lists is theirs alone
    listed = {r.target.key for r in doc.relations if r.type == "ATTENDED" and _ATTEND.fullmatch(r.rule[9:])}
    for talk in [t for t in {t.key: t for t in talks}.values() if t.key not in listed][:3]:
        when = _meeting_date(talk) or event_date(doc, doc.sentences[talk.sentence])
        who = [p for p in participants if (p.key, talk.key) not in chaired]
        for p in who[:doc.fan_out("lists×meetings", len(who))]:
            doc.relate("ATTENDED", p, talk, talk.sentence, "attended:visit-talk", when)


def event_date(doc: Doc, sent: Sentence) -> ResolvedDate | None:
    """When an event in ``sent`` happened: a date in the sentence (近日 counts, as approximate), else
    the last exact date stated before it in the article (the dateline carries over), else the
    publication date (precision ``publication``)."""
    cache: dict[int, ResolvedDate | None] = doc.notes.setdefault("_event_dates", {})
    if sent.index in cache:
        return cache[sent.index]
    when = sentence_date(doc, sent)
    if when is None:
        when = _last_exact(doc, sent.index)
    if when is None:
        pub = parse_iso(doc.article.date)
        when = ResolvedDate(pub.isoformat(), "publication", "") if pub else None
    cache[sent.index] = when
    return when


_FILLER = re.compile(r"[、\s等和及与]|同志|以及")
_LISTED = ("Official", "Person", "Region", "Organization", "Street", "Community")


def _names_clause(doc: Doc, ments: list[Mention], start: int, end: int) -> bool:
    """A clause that is a list of (titled) names, perhaps behind group words: 县人大代表、县领导A、B."""
    keep = [True] * (end - start)
    for m in ments:
        if m.label in _LISTED and start <= m.start and m.end <= end:
            keep[m.start - start:m.end - start] = [False] * (m.end - m.start)
    for t in doc.lexicon.title_pattern.finditer(doc.text, start, end):
        keep[t.start() - start:t.end() - start] = [False] * (t.end() - t.start())
    rest = _FILLER.sub("", "".join(c for c, k in zip(doc.text[start:end], keep, strict=True) if k))
    return len(rest) <= 12 and not _VERBS.search(rest)


def attendees(doc: Doc, sent: Sentence, cs: int, pos: int, labels: tuple[str, ...]) -> list[Mention]:
    """Who attended by the trigger at ``pos``: the subjects (:func:`subjects`), and with them the names
    listed in the clauses before, across clauses that name only unnamed groups (区直有关单位负责人)
    or open the list (应邀出席会议的区领导A、B,…,C等在主席台就座)."""
    ments = doc.mentions_of(*_LISTED, sentence=sent.index)
    who = [m for m in ments if m.label in labels and cs <= m.start and m.end <= pos]
    head = doc.text[cs:pos].strip()
    base = subjects(doc, sent, cs, pos, labels)
    if not who and not (_GROUP.match(head) and not _VERBS.search(head)):
        return base
    for ps, pe in reversed([c for c in clauses(doc, sent) if c[1] <= cs]):
        lead = _LIST_LEAD.match(doc.text, ps, pe)
        start = lead.end() if lead else ps
        named = [m for m in ments if m.label in labels and start <= m.start and m.end <= pe]
        if named and _names_clause(doc, ments, start, pe):
            who = named + who
            if lead:
                break  # the list begins here
        elif named or not _GROUP.match(doc.text[ps:pe].strip()) or _VERBS.search(doc.text[ps:pe]):
            break
    return list({id(m): m for m in base + who}.values())


def _recent_meeting(doc: Doc, sent: Sentence) -> bool:
    """A meeting was named in this sentence or one of the three before it (县领导A、B出席。), and the
    sentence is about no visit (区长到某镇调研,副区长参加。)."""
    if _VISIT.search(sent.text):
        return False
    lo = sent.index - 3
    return any(lo <= m.sentence <= sent.index for m in doc.mentions_of("Meeting")) or any(
        lo <= r.sentence <= sent.index for r in doc.notes.get("meeting_refs", []))


def _last_exact(doc: Doc, index: int) -> ResolvedDate | None:
    """The last exact date stated before sentence ``index`` (memoised: each sentence is read once)."""
    memo: dict[int, ResolvedDate | None] = doc.notes.setdefault("_last_exact", {})
    i = index
    while i > 0 and i not in memo:  # back to the nearest sentence already known
        i -= 1
    when = memo.get(i) if i > 0 else None
    for k in range(i, index):  # then forward, remembering each step
        d = sentence_date(doc, doc.sentences[k])
        if d is not None and d.precision == "day":
            when = d
        memo[k + 1] = when
    return when


def _meeting_date(meeting: Mention) -> ResolvedDate | None:
    if meeting.qualifier:
        return ResolvedDate(meeting.qualifier, "day", meeting.attrs.get("date_phrase", ""))
    return None


class Events:
    """Extractor: CHAIRED, ATTENDED and INSPECTED relations."""

    name = "events"

    def __call__(self, doc: Doc) -> None:
        for sent in doc.sentences:
            if sent.heading:
                continue
            date = event_date(doc, sent)
            # _meetings acts only on a match of one of its cues in a clause, which is a match in the
            # sentence too (none looks behind, and what they look ahead for holds no clause mark):
            # most sentences have none, and their clauses need no visit
            if _ANY_CLAUSE_CUE.search(doc.text, sent.start, sent.end):
                for cs, ce in clauses(doc, sent):
                    self._meetings(doc, sent, cs, ce, date)
            self._rostrum(doc, sent, date)
            self._at_meeting(doc, sent, date)
        # who chaired a meeting did not also "attend" it (主持会议并讲话)
        chaired = {(r.source.key, r.target.key) for r in doc.relations if r.type == "CHAIRED"}
        doc.relations = [r for r in doc.relations
                         if not (r.type == "ATTENDED" and (r.source.key, r.target.key) in chaired)]
        # a meeting named only by its kind (召开座谈会) is a node when someone chaired or attended it
        met = {id(r.target) for r in doc.relations}
        # …but a talk (座谈会) may still be the visit's, attended by its participants (see attend_visit_talks)
        doc.notes["unattended_talks"] = [m for m in doc.mentions if m.rule == "meeting-kind" and id(m) not in met
                                         and _TALK.search(m.name)]
        doc.mentions = [m for m in doc.mentions if m.rule != "meeting-kind" or id(m) in met]

    # -- meetings -------------------------------------------------------------------------------

    @staticmethod
    def _rostrum(doc: Doc, sent: Sentence, date: ResolvedDate | None) -> None:
        """在主席台就座的有林正清、邵华: each listed name attended the article's meeting."""
        m = _ROSTRUM.search(doc.text, sent.start, sent.end)
        main = main_meeting(doc, before=sent.end) if m else None
        if not m or main is None:
            return
        from .names import Names

        names = Names(doc)
        pos = m.end()
        while pos < sent.end:
            end = names.name_at(pos)
            if end is None:
                break
            person = doc.covered(pos, end, "Official") or doc.add(
                Mention("Official", doc.text[pos:end], pos, end, sent.index, "rostrum-list"))
            doc.relate("ATTENDED", person, main, sent.index, "attended:rostrum", _meeting_date(main) or date)
            if doc.text[end:end + 1] != "、":
                break
            pos = end + 1

    @staticmethod
    def _at_meeting(doc: Doc, sent: Sentence, date: ResolvedDate | None) -> None:
        """会上,甲某汇报…,乙某介绍…: who speaks in a sentence set at the meeting attended it."""
        lead = _AT_MEETING.match(sent.text)
        if not lead:
            return
        main = main_meeting(doc, before=sent.start)
        # 座谈会上,…: the talk of that kind named right here, not the article's main meeting
        here_kind = [m for m in doc.mentions_of("Meeting", sentence=sent.index) if m.start == sent.start]
        if lead and here_kind and lead.group(0).startswith(here_kind[0].name):
            main = here_kind[0]
        if main is None:
            return
        officials = doc.mentions_of("Official", sentence=sent.index)
        for cs, ce in clauses(doc, sent):
            cs = max(cs, sent.start + (lead.end() if lead else 0))
            here = [m for m in officials if cs <= m.start and m.end <= ce]
            if not here or _VERBS.search(doc.text, cs, here[0].start):
                continue
            verb = _VERBS.search(doc.text, here[0].end, ce)
            for p in (m for m in here if m.start < (verb.start() if verb else ce)):
                doc.relate("ATTENDED", p, main, sent.index, "attended:at-meeting", _meeting_date(main) or date)

    @staticmethod
    def _heard(doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        """会议听取了甲镇A、乙局B…述职报告: the officials named between 听取 and the report attended the meeting."""
        heard = _HEARD.search(doc.text, cs, ce)
        if heard is None:
            return
        end = _HEARD_END.search(doc.text, heard.end(), sent.end)
        main = main_meeting(doc, before=heard.start()) if end else None
        if main is None or end is None:
            return
        for p in doc.mentions_of("Official", sentence=sent.index):
            if heard.end() <= p.start and p.end <= end.start():
                doc.relate("ATTENDED", p, main, sent.index, "attended:heard", _meeting_date(main) or date)

    def _meetings(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        for pat, rel in ((_CHAIR, "CHAIRED"), (_ATTEND, "ATTENDED")):
            for m in pat.finditer(doc.text, cs, ce):
                if rel == "ATTENDED":
                    who = attendees(doc, sent, cs, m.start(), ("Official", "Person"))
                else:
                    who = subjects(doc, sent, cs, m.start(), ("Official",))
                if not who:
                    continue
                if rel == "ATTENDED" and _ACTIVITY.match(doc.text, m.end()):
                    # 参加活动: an event that is an 活动 itself (集中授牌活动); 出席活动: any event; else a visit
                    main = main_meeting(doc, before=m.start())
                    if main is None or not (m.group(0).startswith("出席") or main.name.endswith("活动")):
                        continue
                    for p in who[:doc.fan_out("lists×meetings", len(who))]:
                        doc.relate(rel, p, main, sent.index, f"attended:{m.group(0)}活动", _meeting_date(main) or date)
                    continue
                meeting = meeting_after(doc, sent, m.end())
                if meeting is None and rel == "ATTENDED" and _NO_OBJECT.match(doc.text, m.end(), ce + 1) \
                        and (m.group(0) == "到会" or _recent_meeting(doc, sent)):
                    meeting = main_meeting(doc, before=m.start())
                if meeting is None and rel == "CHAIRED" and _NO_OBJECT.match(doc.text, m.end(), ce + 1) \
                        and _recent_meeting(doc, sent):
                    meeting = main_meeting(doc, before=m.start())  # 街道人大工委主任甲某主持,…
                if meeting is None and rel == "CHAIRED" and "由" in doc.text[cs:m.start()]:
                    before = [x for x in doc.mentions_of("Meeting", sentence=sent.index) if x.end <= cs]
                    meeting = before[-1] if before else main_meeting(doc)
                if meeting is None and rel == "ATTENDED" and re.match(r"会|仪式|活动|座谈", doc.text[m.end():m.end() + 2]):  # noqa: E501 (CJK data)
                    meeting = main_meeting(doc, before=m.start())
                if meeting is None:
                    continue
                when = _meeting_date(meeting) or date  # a dated meeting dates its participants
                for p in who[:doc.fan_out("lists×meetings", len(who))]:
                    doc.relate(rel, p, meeting, sent.index, f"{rel.lower()}:{m.group(0)}", when)
        # the meeting lookups below only when their cue is in the clause (most clauses have none)
        convened = [x for x in doc.mentions_of("Meeting", sentence=sent.index) if x.end <= cs] \
            if _REPORT.search(doc.text, cs, ce) else []
        for m in _REPORT.finditer(doc.text, cs, ce) if convened else ():
            # 甲某主持召开座谈会,乙某汇报了…: who reports right after the meeting is convened attended it
            for p in attendees(doc, sent, cs, m.start(), ("Official",)):
                doc.relate("ATTENDED", p, convened[-1], sent.index, "attended:汇报",
                           _meeting_date(convened[-1]) or date)
        self._heard(doc, sent, cs, ce, date)
        main = main_meeting(doc, before=cs) if _SPEAK.search(doc.text, cs, ce) else None
        if main is not None:
            for m in _SPEAK.finditer(doc.text, cs, ce):
                if _SPEAK_AT.search(doc.text, cs, ce):
                    break
                if _RELAYED.match(doc.text, m.end()):
                    continue  # 传达甲某…的讲话精神: a speech relayed, its speaker was not here
                for p in attendees(doc, sent, cs, m.start(), ("Official",)):
                    doc.relate("ATTENDED", p, main, sent.index, f"attended:{m.group(0)}", _meeting_date(main) or date)
        for m in _SPEAK_AT.finditer(doc.text, cs, ce):
            if _RELAYED.match(doc.text, m.end()):
                continue
            who = attendees(doc, sent, cs, m.start(), ("Official", "Person"))
            meeting = meeting_after(doc, sent, m.start(1))
            if meeting is None and re.search(r"会议?$", m.group(1)):
                meeting = main_meeting(doc)
            for p in who:
                if meeting is not None:
                    doc.relate("ATTENDED", p, meeting, sent.index, "attended:spoke-at", _meeting_date(meeting) or date)
