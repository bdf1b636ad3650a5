from kg.read.pagesplit import join_fragments, paragraphs, split_page, to_page_offset

PAGE = """临江日报 2024年3月6日 第A03版 青川新闻

青川区召开重点项目建设推进会

临江日报讯(记者/林晓雯 通讯员/罗志刚) 3月5日,青川区召开重点项目建设推进会。区委书记王建国出席会议并讲话,区委副书记、区长周敏主持会议。会议要求加快完善项目联席会议

工作机制,确保项目按期投产。

区委书记王建国出席会议并讲话,区委副书记、区长周敏主持会议。会议要求加快完善项目联席会议工作机制,确保项目按期投产。

平安建设

王建国督导检查安全生产工作

□文/图 临江日报记者 郑凯

3月5日下午,区委书记王建国先后来到龙溪镇白石村、桃源街道滨河社区,督导检查安全生产工作。在白石村,该镇根据网

格内人员底册开展排查。

桃源街道 建立独居老人台账

桃源街道各社区网格员上门走访独居老人。柳岸社区为老人送去药品。

滨江新城项目开工

临江日报讯(记者/林晓雯) 近日,桃源街道举行滨江新城项目开工仪式。副区长李晓峰出席开工仪式。

区领导陈立新、黄海燕参加检查。
"""


def test_splits_page_into_articles_at_headline_plus_byline():
    arts = split_page(PAGE)
    assert [a.title for a in arts] == ["青川区召开重点项目建设推进会", "王建国督导检查安全生产工作", "滨江新城项目开工"]
    assert arts[0].byline == "临江日报讯(记者/林晓雯 通讯员/罗志刚)"
    assert arts[1].byline == "□文/图 临江日报记者 郑凯"


def test_section_line_before_headline_is_the_section_not_text():
    arts = split_page(PAGE)
    assert arts[1].section == "平安建设"
    assert "平安建设" not in arts[0].text


def test_page_header_date_is_the_publication_date():
    assert {a.page_date for a in split_page(PAGE)} == {"2024-03-06"}


def test_paragraph_cut_mid_sentence_and_mid_word_is_joined():
    arts = split_page(PAGE)
    assert "项目联席会议工作机制" in arts[0].text
    assert "该镇根据网格内人员底册" in arts[1].text


def test_repeated_sentences_are_kept_once():
    text = split_page(PAGE)[0].text
    assert text.count("区长周敏主持会议") == 1
    assert text.count("确保项目按期投产") == 1


def test_sub_headings_stay_inside_the_article():
    assert "桃源街道 建立独居老人台账" in split_page(PAGE)[1].text


def test_orphan_closing_line_returns_to_the_inspection_article():
    arts = split_page(PAGE)
    assert "区领导陈立新、黄海燕参加检查。" in arts[1].text
    assert "参加检查" not in arts[2].text


def test_offsets_map_back_to_the_page():
    for art in split_page(PAGE):
        for o, s, n in art.spans:
            assert art.text[o:o + n] == PAGE[s:s + n]
        if "王建国" in art.text:
            k = art.text.index("王建国")
            assert PAGE[to_page_offset(art.spans, k):].startswith("王建国")


def test_page_without_bylines_is_one_article():
    arts = split_page("这是一段没有标题的文字,讲述青川区的新闻。\n\n第二段。")
    assert len(arts) == 1 and arts[0].title == ""


def test_headings_are_not_joined_to_the_next_paragraph():
    paras = join_fragments(paragraphs("桃源街道 建立台账\n\n桃源街道各社区网格员上门走访。"))
    assert [p.text for p in paras] == ["桃源街道 建立台账", "桃源街道各社区网格员上门走访。"]


def test_empty_page_has_no_articles():
    assert split_page("\n\n   \n") == []
