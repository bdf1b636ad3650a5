"""Stops told the ways real visit reports tell them: lists that run on past their clause, a visit that
goes on with plain movement words, areas, rooms and offices of a site, and offices in a visitor's title
(fictional district 青川区)."""

from __future__ import annotations

from extraction_support import graph_of, names, rels


def _stops_of(g, who: str) -> set[str]:
    return {t for s, t in rels(g, "INSPECTED") if s == who}


def test_a_list_runs_on_past_a_semicolon_and_a_comma():
    g = graph_of("区委书记周敏先后调研了青川茶叶博物馆、龙溪制药厂；翠湖镇柳塘村翠屏茶叶基地、"
                 "石门镇云岭村青石屋场，以及桐岭镇果蔬产业基地，实地了解乡村振兴工作。")
    assert _stops_of(g, "周敏") == {"青川茶叶博物馆", "龙溪制药厂", "翠屏茶叶基地", "青石屋场", "果蔬产业基地"}


def test_a_clause_that_tells_something_ends_the_list():
    g = graph_of("区长林海涛先后来到青川茶叶博物馆、龙溪制药厂，该厂今年新建了石门果蔬产业基地。")
    stops = _stops_of(g, "林海涛")
    assert {"青川茶叶博物馆", "龙溪制药厂"} <= stops
    assert not any("果蔬" in s for s in stops)


def test_a_visit_under_way_goes_on_with_plain_movement_words():
    g = graph_of("副区长苏雨晴深入龙溪镇、翠湖镇检查防汛工作。随后，苏雨晴赶到翠湖镇柳塘村，"
                 "看到干部群众正在加固河堤。")
    assert "柳塘村" in _stops_of(g, "苏雨晴")
    # with no visit in the article, going somewhere is no inspection
    g = graph_of("副区长苏雨晴赶到翠湖镇柳塘村，看到干部群众正在加固河堤。")
    assert "柳塘村" not in _stops_of(g, "苏雨晴")


def test_an_area_is_its_street_and_a_room_is_its_organization():
    g = graph_of("区委常委钟明远对龙溪街道、白沙街道辖区进行燃气安全检查。"
                 "钟明远最后来到区住建局会议室听取了工作汇报。")
    stops = _stops_of(g, "钟明远")
    assert {"龙溪街道", "白沙街道", "区住建局"} <= stops
    assert not any(s.endswith(("辖区", "会议室")) for s in stops)


def test_offices_named_with_jiguan_are_the_organization():
    g = graph_of("区政协主席贺一帆到区政协机关和龙溪镇调研。")
    assert "区政协机关" in _stops_of(g, "贺一帆")


def test_an_office_in_a_visitors_title_is_not_a_visitor():
    g = graph_of("省政协副秘书长、办公厅主任陆子谦一行到青川茶叶博物馆调研。")
    assert "青川茶叶博物馆" in _stops_of(g, "陆子谦")
    assert _stops_of(g, "办公厅") == set()


def test_a_group_led_by_an_official_goes_round_and_jieba_glued_its_movement():
    g = graph_of("区长周敏带领重点工作观摩组到龙溪镇、翠湖镇进行观摩。"
                 "观摩组先后到龙溪镇翠屏茶叶基地、翠湖镇柳塘村等地,对今年以来新开工项目进行了实地查看。")
    stops = _stops_of(g, "周敏")
    assert {"龙溪镇", "翠湖镇", "龙溪镇翠屏茶叶基地", "柳塘村"} <= stops
    assert not any(s.startswith("今年") for s in stops)


def test_deeply_before_a_verb_is_no_movement():
    g = graph_of("副区长苏雨晴到龙溪镇调研。龙溪镇党委深入打造“青川红色驿站”品牌。")
    assert not any("品牌" in t or "驿站" in t for _, t in rels(g, "INSPECTED"))


def test_the_offices_of_unnamed_staff_are_no_visitors():
    g = graph_of("区委书记陆子谦带领区委办、区政府办和区住建局相关负责人深入白沙街道翠湖社区、"
                 "青川第二中学,实地调研指导工作。")
    assert {"翠湖社区", "青川第二中学"} <= _stops_of(g, "陆子谦")
    assert not {s for s, _ in rels(g, "INSPECTED")} & {"区委办", "区政府办", "区住建局"}


def test_sites_told_as_companies_are_organizations():
    g = graph_of("街道党工委书记陆子谦到龙溪工业园区青石纸业、翠屏机电等企业检查安全生产工作。")
    assert {"翠屏机电"} <= _stops_of(g, "陆子谦")
    assert "翠屏机电" in names(g, "Organization") and "翠屏机电" not in names(g, "Place")


def test_those_who_went_round_together_join_every_stop():
    g = graph_of("区委书记周敏与副区长林海涛及区农业局同志一道,先后深入到龙溪镇、翠湖镇调研秸秆禁烧工作。")
    assert _stops_of(g, "林海涛") == {"龙溪镇", "翠湖镇"} == _stops_of(g, "周敏")


def test_the_heads_of_a_visiting_group_join_every_stop():
    g = graph_of("区人大常委会组织代表视察民生项目。此次视察,以区人大常委会副主任贺一帆为组长,"
                 "区人大常委会委员钟明远为副组长。视察组先后来到青川康养中心、龙溪镇翠湖村,详细了解项目进展。")
    assert {"青川康养中心", "翠湖村"} <= _stops_of(g, "钟明远")
    assert {"青川康养中心", "翠湖村"} <= _stops_of(g, "贺一帆")


def test_a_body_that_surveys_together_visits_each_unit():
    g = graph_of("12月5日下午,区委常委会集体调研龙溪街道、白沙街道。区委书记周敏强调,要协同发展。")
    assert _stops_of(g, "区委常委会") == {"龙溪街道", "白沙街道"}


def test_a_city_written_without_its_level_names_the_site_and_does_not_place_it():
    g = graph_of("3月2日,副市长周敏先后到佛山西站、滨江公园察看春运保障工作。")
    assert {("周敏", "佛山西站"), ("周敏", "滨江公园")} <= rels(g, "INSPECTED")
    assert not {(a, b) for a, b in rels(g, "LOCATED_IN") if b == "佛山"}


def test_he_inside_a_word_does_not_split_a_stop_and_a_town_names_only_its_own_site():
    g = graph_of("县委书记王建国先后查看了龙溪镇和顺闸、石桥排渠幸福路闸、青川险工。")
    stops = {b for a, b in rels(g, "INSPECTED") if a == "王建国"}
    assert {"和顺闸", "石桥排渠幸福路闸", "青川险工"} <= stops and "龙溪镇" not in stops
    assert rels(g, "LOCATED_IN") == {("和顺闸", "龙溪镇")}
