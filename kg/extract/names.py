"""Personal names: where a name starts and ends in running text (:class:`Names`).

A name is 2–3 characters (4 with a compound surname) starting with a known surname, not a dictionary
word, and followed by a boundary: punctuation, ``、``, ``等`` or a word such as ``主持``, ``出席``,
``先后``.  Right after a title, a name with a middle dot or without a known surname is accepted too.
"""

from __future__ import annotations

import re

from ..lexicon import _alternation
from .doc import Doc, segmenter, word_tags
from .entities import _pattern

_PUNCT = set("，,。；;：:、！？!?“”\"'（）()《》 \n\t")
_FUNCTION_CHARS = set("在对向到和与及等为就说也又作的")
#: surnames that are far more often function words: 和, 向, 于, 都 …
_FUNCTION_SURNAMES = set("和向于都谈与为对从由")
#: a name without a surname never ends like a place: 乡长丰村 is 乡长 read across 长丰村
_PLACE_ENDS = set("村镇乡街路区县市")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


def _segment_freq(doc: Doc, word: str) -> int:
    return int(segmenter(doc.lexicon).FREQ.get(word) or 0)


_KINSHIP = re.compile(r"(?:爷爷|奶奶|婆婆|阿姨|叔叔|伯伯|大爷|大妈|大姐|大哥|师傅|老师|同志|先生|女士)$")


def _common_noun(tag: str | None) -> bool:
    """委员话良策: the rest of a candidate is a noun (良策), not part of a name."""
    return tag is not None and tag[:1] == "n" and not tag.startswith("nr")


_LONG_BOUNDS: dict[str, re.Pattern[str]] = {}


class Names:
    """The personal-name test shared by the people extractors."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        lex = doc.lexicon
        self.surnames = lex["surnames"]
        self.bounds = lex["boundaries"]
        self.titles = lex["titles"]
        self.roles = lex["person_roles"]
        self.tags = word_tags()
        self._bound_re = _pattern(lex, "boundaries")
        self._roles_re = _pattern(lex, "person_roles")
        self._titles_re = _pattern(lex, "titles")
        key = lex.fingerprint
        if key not in _LONG_BOUNDS:  # boundary words of two or more characters, as one pattern per lexicon
            _LONG_BOUNDS[key] = _alternation({b for b in self.bounds if len(b) >= 2})
        self._long_bound_re = _LONG_BOUNDS[key]

    def name_at(self, pos: int, *, titled: bool = False) -> int | None:
        """End offset of a personal name starting at ``pos``, or None.

        A name followed by punctuation or a boundary word (主持, 陪同 …) beats one followed only by a
        one-character word (在, 到 …); among equals the three-character name wins: 周敏陪同 is 周敏.
        Four-character names (欧阳卫东, 巴图孟和) need a strong boundary.  Right after a title
        (``titled``), a name with a middle dot (艾尔肯·吐尔逊) or without a known surname (岩温香) is
        accepted when a strong boundary follows and it is no dictionary word.
        """
        if titled:
            dotted = self._dotted(pos)
            if dotted is not None:
                return dotted
        elif self.doc.text[pos:pos + 1] not in self.surnames and self.doc.text[pos:pos + 2] not in self.surnames:
            return None  # what _plausible asks first, once for all lengths: most places start no surname
        best: tuple[float, int] | None = None  # (strength, end)
        for n in (3, 2, 4):
            if not self._plausible(pos, n):
                continue
            strength: float = self.boundary_strength(pos + n)
            if n == 3 and self.doc.text[pos + 2] in _FUNCTION_CHARS and not (self.doc.text[pos + 2] == "为"
                                                                             and strength >= 1):
                strength = min(strength, 1) - 0.5  # 张涛在接受采访: 在 is more likely a word than a name
            if n == 4 and (self.doc.text[pos + 3] in (_FUNCTION_CHARS - {"和"}) | {"带", "率", "从", "由"}
                           or self.tags.get(self.doc.text[pos + 2:pos + 4]) in ("v", "d")):
                continue  # 李晓峰等, 陈华安排; but 巴图孟和 is a name
            if n == 4 and len(self.doc.text[pos:pos + 2]) == 2 and self.doc.text[pos:pos + 2] not in self.surnames:
                strength = strength - 0.5 if strength >= 2 else 0  # 巴图孟和深入, not 巴图孟和平
            if strength > 0 and (best is None or strength > best[0]):
                best = (strength, pos + n)
        if best is None and titled and not self._not_a_name_after_title(pos):
            for n in (5, 3, 2):  # 孟和巴雅尔主持, 岩温香到…
                if n == 5 and (self._long_bound_re.search(self.doc.text, pos, pos + 5)
                               or self._titles_re.search(self.doc.text, pos, pos + 5)):
                    continue  # 副区长周敏 after 区长林海、 is a title and a name, not one long name
                cand = self.doc.text[pos:pos + n]
                if len(cand) == n and all("\u4e00" <= c <= "\u9fff" for c in cand) and not self._is_word(cand) \
                        and not any((c in _FUNCTION_CHARS and c != "和") or c in "的了是个" for c in cand) \
                        and self.tags.get(cand[:2]) is None and self.boundary_strength(pos + n) >= 2 \
                        and cand[-1] not in _PLACE_ENDS and not _common_noun(self.tags.get(cand[1:])):
                    return pos + n
            # 区长甘露主持: a surname and a word make a name when a strong boundary follows
            cand = self.doc.text[pos:pos + 2]
            tag = self.tags.get(cand, "")
            if cand[:1] in self.surnames and tag[:1] == "n" and _segment_freq(self.doc, cand) < 1000 \
                    and cand not in self.titles and cand not in self.roles and self.boundary_strength(pos + 2) >= 2:
                return pos + 2
        return best[1] if best else None

    def clear_name(self, pos: int) -> bool:
        """A 3-character surname name that punctuation or a boundary word follows, no place: 县委办主任何某某,"""
        end = self.name_at(pos)
        return end == pos + 3 and self.doc.text[end - 1] not in _PLACE_ENDS and self.boundary_strength(end) >= 2

    def rare_word_name(self, pos: int) -> int | None:
        """A rare dictionary word that is a name in a list of names (…、付强参加): a surname first, a strong
        boundary after."""
        for n in (2, 3):
            cand = self.doc.text[pos:pos + n]
            if len(cand) == n and cand[0] in self.surnames and cand[0] not in _FUNCTION_SURNAMES \
                    and 0 < _segment_freq(self.doc, cand) < 50 and self.boundary_strength(pos + n) >= 2:
                return pos + n
        return None

    def _not_a_name_after_title(self, pos: int) -> bool:
        """委员们要…, 副秘书长和各组负责人, 主席和镇长: a plural, or 和 before a function word or another
        title, follows the title, not a name without a surname."""
        text = self.doc.text
        if text[pos:pos + 1] == "们":
            return True
        return text[pos:pos + 1] == "和" and (text[pos + 1:pos + 2] in _FUNCTION_CHARS | set("各")
                                              or self._titles_re.match(text, pos + 1) is not None)

    def _dotted(self, pos: int) -> int | None:
        """艾尔肯·吐尔逊深入 / 哈斯木·吐尔逊致辞: the shortest second part that a boundary word follows."""
        m = _DOTTED.match(self.doc.text, pos)
        if not m:
            return None
        dot = self.doc.text.index("·", pos)
        for end in range(dot + 2, m.end() + 1):
            if self.boundary_strength(end) >= 2:
                return end
        return None

    def _plausible(self, pos: int, n: int) -> bool:
        cand = self.doc.text[pos:pos + n]
        # the cheap set lookups first: most places start no surname
        if len(cand) < n or cand[:1] not in self.surnames and cand[:2] not in self.surnames:
            return False
        if not _HAN_ONLY.fullmatch(cand):
            return False  # punctuation, digits, Latin letters: no name
        if self._is_word(cand) or _KINSHIP.search(cand):
            return False
        rest = cand[1:]
        common = self.tags.get(rest, "nr")[:1] in "vnaf" and not self.tags.get(rest, "nr").startswith("nr") \
            and _segment_freq(self.doc, rest) > 300
        if cand[0] in _FUNCTION_SURNAMES and (common or rest in self.roles or rest in self.titles
                                              or rest[0] in _FUNCTION_CHARS or rest[0] in "各全有"
                                              or (n == 4 and cand[:2] not in self.surnames)):
            return False  # 和监事, 向记者, 谈武汉, 和与会, 由某某某: a function word before a word or a name
        if n == 2 and cand[1] in "县市区镇乡村" or n == 3 and cand[2] in "县市区镇乡村" \
                and self._titles_re.match(self.doc.text, pos + 3):
            return False  # 和县, 王村, 柳林镇镇长: a place
        return not (n == 3 and (cand[1:] in self.bounds or self.tags.get(cand[:2], "nr")[:1] in "pcdurv"))

    def boundary_strength(self, pos: int) -> int:
        """2 after punctuation, the end or a boundary word; 1 after a one-character function word; else 0."""
        text = self.doc.text
        if pos >= len(text) or text[pos] in _PUNCT or text[pos].isdigit():
            return 2
        m = self._bound_re.match(text, pos)
        if m and len(m.group(0)) >= 2 or self._roles_re.match(text, pos):
            return 2
        if text[pos] in "等和与及也又在到对向为就率带说同所来从由" or m:
            return 1
        # 代县长甲某安排…, 甲某首先…, 甲某宣读…: a verb or adverb the dictionary knows follows the name
        return 1 if self.tags.get(text[pos:pos + 2]) in ("v", "d") else 0

    def follows_boundary(self, pos: int) -> bool:
        return self.boundary_strength(pos) > 0

    def _is_word(self, cand: str) -> bool:
        tag = self.tags.get(cand)
        return (tag is not None and not tag.startswith("nr")) or cand in self.bounds or cand in self.titles \
            or cand in self.roles
