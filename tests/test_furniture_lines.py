"""Whole lines of page furniture, found by the split patterns of kg.read.furniture (Chinese words, Latin
words in any case, 主办/承办/协办 standing alone).  The sentences are invented."""

import pytest

from kg.read.furniture import furniture_spans

FURNITURE = [
    "青川区人民政府 主办 某ICP备00000000号",
    "主办 青川区人民政府办公室",
    "青川区融媒体中心\t承办",
    "协办",
    "某icp证000000号",
    "copyright 2024 青川区融媒体中心",
    "COPYRIGHT © 青川区",
    "all rights reserved",
    "版权所有：青川区人民政府",
    "当前位置：首页 > 要闻",
    "扫一扫在手机打开当前页",
]
ARTICLE = [
    "青川区文旅局主办的桃花节开幕。",
    "由龙溪镇承办、桃源街道协办的运动会顺利闭幕。",
    "区长王建国到龙溪镇调研。",
    "Copy的right不是一个词。",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_furniture_line_is_cut_out_whole(line: str) -> None:
    assert furniture_spans(line) == [(0, len(line))]


@pytest.mark.parametrize("line", ARTICLE)
def test_article_sentences_with_the_same_words_are_kept(line: str) -> None:
    assert furniture_spans(line) == []
