"""Stops of visits as real reports write them: every kind of site, units before the site, lists after 对,
short unit names before 等乡镇, and companions listed over several clauses (fictional district 青川区)."""

from __future__ import annotations

from extraction_support import graph_of, names, rels


def _stops_of(g, who: str) -> set[str]:
    return {t for s, t in rels(g, "INSPECTED") if s == who}


def test_companions_over_several_clauses_of_untitled_names_join_every_stop():
    g = graph_of("区委副书记周敏到龙溪镇调研。周敏先后来到白石村、青川湿地公园,了解生态保护情况。"
                 "区发改局副局长林海涛、区财政局副局长苏雨晴,区政府领导贺一帆、钟明远,"
                 "龙溪镇领导陆子谦及有关部门负责同志参加。")
    assert {"白石村", "青川湿地公园"} <= _stops_of(g, "林海涛")
    assert {"白石村", "青川湿地公园"} <= _stops_of(g, "苏雨晴")


def test_companions_who_visit_together_with_an_object():
    g = graph_of("区人大常委会主任黄启明带领部分人大代表视察重点项目。区人大常委会副主任杜若飞、"
                 "二级调研员范景行一同视察重点项目建设情况。"
                 "视察组一行先后来到滨河花园安置房、青川污水净化厂,详细询问项目推进情况。")
    assert _stops_of(g, "杜若飞") == {"滨河花园安置房", "青川污水净化厂"}
    assert _stops_of(g, "范景行") == {"滨河花园安置房", "青川污水净化厂"}


def test_a_list_after_dui_before_a_visit_verb():
    g = graph_of("副区长李晓峰先后对青川鸿泰新材料有限公司、龙溪镇翠屏茶叶基地进行了实地调研。")
    assert {"青川鸿泰新材料有限公司", "龙溪镇翠屏茶叶基地"} <= _stops_of(g, "李晓峰")
    # 对 without a visit verb after the list is no itinerary
    g = graph_of("副区长李晓峰对青川鸿泰新材料有限公司的发展给予肯定。")
    assert _stops_of(g, "李晓峰") == set()


def test_short_unit_names_before_their_kind():
    g = graph_of("区长周敏深入白沙、石门、云岭等乡镇,检查指导防汛工作。在白沙乡,周敏查看了水库水位。")
    stops = _stops_of(g, "周敏")
    assert "白沙乡" in stops
    assert {"石门", "云岭"} <= stops
    assert {"白沙乡", "石门", "云岭"} <= names(g, "Street")


def test_a_town_or_village_stop_no_rule_named_and_a_village_written_after_its_town():
    g = graph_of("区委副书记周敏带队到龙溪镇督导换届工作。周敏一行先后来到翠湖镇、桐岭镇埔塘村,"
                 "认真听取换届选举工作情况。")
    assert {"翠湖镇", "埔塘村"} <= _stops_of(g, "周敏")
    assert "桐岭镇" in names(g, "Street") and "埔塘村" in names(g, "Community")
    assert ("埔塘村", "桐岭镇") in rels(g, "LOCATED_IN")


def test_a_common_site_is_named_with_the_town_or_village_before_it():
    g = graph_of("副区长李晓峰先后来到青龙镇林业站、白石村村史馆、青川食品工业园区,检查森林防火工作。")
    stops = _stops_of(g, "李晓峰")
    assert {"青龙镇林业站", "白石村村史馆", "青川食品工业园区"} <= stops
    assert ("青龙镇林业站", "青龙镇") in rels(g, "LOCATED_IN")


def test_the_name_after_a_dash_and_a_company_cut_to_its_suffix():
    g = graph_of("区长周敏来到全区重大项目——青石水库枢纽工程管理营地,实地察看项目建设进展。"
                 "周敏还深入青川宏图机械股份有限公司、青川金穗农产品开发有限责任公司等企业调研。")
    stops = _stops_of(g, "周敏")
    assert "青石水库枢纽工程管理营地" in stops
    assert "青川金穗农产品开发有限责任公司" in stops
    assert "有限责任公司" not in stops


def test_topics_and_generic_sites_are_no_stops():
    g = graph_of("区长周敏到龙溪镇就“十四五”规划编制等工作进行调研,先后对部分村、企业进行了检查。")
    stops = _stops_of(g, "周敏")
    assert not any("规划" in s for s in stops)
    assert not stops & {"部分村", "企业"}


def test_a_site_told_in_one_sentence_and_the_visitor_in_the_next():
    g = graph_of("区长周敏检查防汛工作。在白沙乡翠湖水库,连日降雨使水位猛涨。周敏察看了溢洪道,要求加强值守。")
    assert "白沙乡翠湖水库" in _stops_of(g, "周敏")
    # the next paragraph is another matter
    g = graph_of("区长周敏检查防汛工作。在白沙乡翠湖水库,连日降雨使水位猛涨。\n周敏察看了溢洪道。")
    assert "白沙乡翠湖水库" not in _stops_of(g, "周敏")


def test_an_official_called_by_surname_and_post():
    g = graph_of("区委常委、常务副区长张立远到龙溪镇检查燃气安全。"
                 "张区长随后到聚福楼酒楼、青石百货美食城等餐饮企业进行燃气安全检查。")
    assert {"聚福楼酒楼", "青石百货美食城"} <= _stops_of(g, "张立远")


def test_a_long_list_of_companies_told_with_at_and_parts_of_a_site():
    g = graph_of("考察团由区长周敏带领。在青川明远科技发展有限公司、青川标新材料科技有限公司、"
                 "青川众诚铝箔制品有限公司等地,考察团一行认真听取了企业负责人的介绍,"
                 "实地查看了精品铜材生产线、箔轧车间、改造一新的镇养老中心等。")
    stops = _stops_of(g, "周敏")
    assert {"青川明远科技发展有限公司", "青川标新材料科技有限公司", "青川众诚铝箔制品有限公司"} <= stops
    assert not any(s.endswith(("生产线", "车间")) or "的" in s for s in stops)


def test_counted_and_area_wide_phrases_are_no_stops():
    g = graph_of("副区长李晓峰先后来到县内两个省级园区、青川翠谷农业园区,对辖区燃气安全进行了检查。")
    stops = _stops_of(g, "李晓峰")
    assert "青川翠谷农业园区" in stops
    assert not any("两个" in s or s.startswith("辖区") for s in stops)


def test_a_list_ending_in_a_rural_topic_is_no_list_of_villages():

    g = graph_of("区政协副主席黄海燕一行先后来到白石村村史馆、卫生室、党建小游园等乡村振兴点位,察看建设情况。")
    assert not any(n.endswith("乡") and "卫生室" in n for n in names(g, "Street"))


def test_a_list_of_topics_each_headed_by_the_site_it_is_about():
    g = graph_of("9月2日,区人大常委会组织部分代表开展集中视察。区人大常委会副主任黄海燕、陈立新参加视察。"
                 "代表们先后就白鹭湾生态小镇建设、龙溪镇柳塘村移民搬迁、锦绣家园移民安置、城区市政建设等情况"
                 "进行实地视察。")
    stops = {"白鹭湾生态小镇", "柳塘村", "锦绣家园"}
    assert stops <= _stops_of(g, "黄海燕")
    assert stops <= _stops_of(g, "陈立新")
    assert not any("市政" in t or t.endswith(("建设", "搬迁", "安置")) for t in _stops_of(g, "黄海燕"))


def test_the_execution_of_a_years_projects_is_a_topic_not_a_site():
    g = graph_of("7月6日,区人大常委会组织代表对2023年区本级政府投资项目执行情况进行视察。"
                 "区领导黄海燕参加视察。代表们先后察看了滨江大道改造工程、白鹭小学等项目。")
    assert not any("政府投资项目" in t for _, t in rels(g, "INSPECTED"))
    assert {"滨江大道改造工程", "白鹭小学"} <= _stops_of(g, "黄海燕")


def test_a_round_of_several_sites_and_sites_researched():
    g = graph_of("在龙溪镇,副区长李晓峰先后到青川宏远机械有限公司、白鹭湖湿地公园,进企业、看园区、听介绍。"
                 "在石桥镇,李晓峰调研了青川绿源食品有限公司、青川明月家具城等处。"
                 "在林场,李晓峰调研了解防火队伍建设、物资器材储备等情况。")
    assert {"青川宏远机械有限公司", "白鹭湖湿地公园", "青川绿源食品有限公司", "青川明月家具城"} <= _stops_of(g, "李晓峰")
    assert not any("储备" in t or "建设" in t for t in _stops_of(g, "李晓峰"))


def test_a_walk_from_one_site_to_another_and_a_list_of_sites_in_mid_sentence():
    g = graph_of("8月5日,市农委主任沈国庆来我区调研。区领导周敏、李晓峰陪同。"
                 "沈国庆一行先后来到龙溪镇、石桥乡,察看美丽乡村建设。在龙溪镇,从青石古街到白鹭湖湿地公园,"
                 "沿途察看环境整治;在石桥乡,沈国庆一行冒雨察看,在垂柳公园、明月山庄,每到一处,沈国庆都认真听取介绍。")
    stops = {"龙溪镇", "石桥乡", "青石古街", "白鹭湖湿地公园", "垂柳公园", "明月山庄"}
    for who in ("沈国庆", "周敏", "李晓峰"):
        assert stops <= _stops_of(g, who), who


def test_a_span_of_months_is_no_walk():
    g = graph_of("区长周敏先后来到滨江公园、白石村,检查安全生产。从三月份到五月份,全区开展专项整治。")
    assert _stops_of(g, "周敏") == {"滨江公园", "白石村"}
