"""The fast route search of kg.extract.segment cuts text exactly as jieba does."""

from __future__ import annotations

import logging
import random

import jieba
import pytest

from kg.extract.segment import FastTokenizer, tokenizer

jieba.setLogLevel(logging.WARNING)

SENTENCES = [
    "青川区委书记王建国主持召开区委常委会会议，研究部署下一阶段重点工作。",
    "3月5日上午，区长李明华率队先后来到锦湖新城花园项目、青川湿地公园建设现场调研。",
    "副区长赵丽丽、区政协副主席欧阳卫东陪同调研。",
    "艾尔肯·吐尔逊深入沙津村、横岭社区，实地查看2024年度老旧小区改造进展情况。",
    "会议指出，要坚持以人民为中心，全力推进“两在两同”建新功行动。",
    "ABC公司与青川区签约，总投资12.5亿元，建设智能制造产业园（一期）。",
    "记者方若溪 通讯员张羽飞",
    "",
    "的",
    "。。。！！",
    "乡乡乡乡乡乡乡乡乡乡乡乡乡乡乡乡乡乡",
]


@pytest.fixture(scope="module")
def pair() -> tuple[jieba.Tokenizer, FastTokenizer]:
    plain, fast = jieba.Tokenizer(), FastTokenizer()
    for tok in (plain, fast):
        tok.initialize()
        for w in ("锦湖新城花园项目", "青川区", "两在两同"):  # user words change the totals and the routes
            tok.add_word(w, freq=max(tok.suggest_freq(w, tune=False), 10))
    return plain, fast


@pytest.mark.parametrize("text", SENTENCES)
def test_the_fast_tokenizer_cuts_sentences_as_jieba_does(pair: tuple[jieba.Tokenizer, FastTokenizer],
                                                         text: str) -> None:
    plain, fast = pair
    assert fast.lcut(text) == plain.lcut(text)
    assert list(fast.cut(text)) == plain.lcut(text)  # cut() goes through the same route search
    for mode in ({"HMM": False}, {"cut_all": True}):  # the other modes are jieba's own
        assert fast.lcut(text, **mode) == plain.lcut(text, **mode)


def test_the_fast_tokenizer_cuts_random_text_as_jieba_does(pair: tuple[jieba.Tokenizer, FastTokenizer]) -> None:
    plain, fast = pair
    alphabet = sorted(set("".join(SENTENCES)))
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        assert fast.lcut(text) == plain.lcut(text), text
    # runs of words from the sentences, glued in random order: many ties and long dictionary words
    words = [w for s in SENTENCES for w in plain.lcut(s)]
    for _ in range(300):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        assert fast.lcut(text) == plain.lcut(text), text


def test_the_fast_tokenizer_is_used_with_the_jieba_it_was_written_for() -> None:
    assert isinstance(tokenizer(), FastTokenizer) == (jieba.__version__ == "0.42.1")


def test_a_tie_between_two_routes_goes_to_the_longer_first_word_as_in_jieba(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 青川 + 湖 and 青 + 川湖 score exactly the same (the same two logarithms, added in either order):
    # jieba's max over (score, end) picks the later end, 青川
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("青 7 n\n青川 3 n\n川湖 3 n\n湖 7 n\n", encoding="utf-8")
    plain, fast = jieba.Tokenizer(str(dictionary)), FastTokenizer(str(dictionary))
    assert plain.lcut("青川湖", HMM=True) == ["青川", "湖"]
    assert fast.lcut("青川湖", HMM=True) == ["青川", "湖"]


def test_the_hmm_tags_runs_of_unknown_characters_as_jieba_does() -> None:
    from jieba import finalseg

    from kg.extract.segment import _viterbi

    rng = random.Random(11)
    chars = [chr(c) for c in range(0x4E00, 0x9FA5, 37)]  # common and rare characters alike
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 30)))
        expected = finalseg.viterbi(text, "BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)[1]
        assert _viterbi(text) == expected, text
