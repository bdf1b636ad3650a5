"""Names of places and units as real pages write them: page furniture, exhortations, doubled units,
village committees, company names, and what lies where.  Every sentence here is invented (the fictional
district 青川区 and its towns)."""

from extraction_support import graph_of, names, rels

from kg.read.furniture import furniture_spans


def _all_names(g):
    return {d["name"] for _, d in g.nx.nodes(data=True) if d.get("label") not in ("Article", "Person")}


# --- page furniture -------------------------------------------------------------------------------

def test_source_editor_and_footer_lines_yield_no_entities():
    g = graph_of("来源:青川区融媒体中心 发布时间:2024-03-05 10:20\n"
                 "您现在的位置:首页 > 新闻中心 > 临江市 > 正文\n"
                 "3月5日,区委书记王建国到龙溪镇调研。\n"
                 "编辑:林晓雯 审核:周敏\n"
                 "地址:临江市青川区滨河路8号 联系电话:0000-1234567\n"
                 "青川区人民政府 主办 某ICP备00000000号\n"
                 "收藏\n打印\n• 搜本站")
    assert "青川区融媒体中心" not in names(g, "Organization")
    assert "青川区人民政府" not in names(g, "Organization")
    assert "临江市" not in names(g, "Region") and "青川区" not in names(g, "Region")
    assert names(g, "Street") == {"龙溪镇"}


def test_a_metadata_block_glued_to_the_headline_or_the_first_sentence_is_cut_out():
    g = graph_of("龙溪镇筑牢防汛屏障作者:来源:青川区应急管理局 添加时间:2024-07-08\n"
                 "桃源街道开展巡河工作发表时间:2024-06-09 15:39 6月8日下午,副区长周敏到白石村开展巡河工作。")
    assert {"龙溪镇", "桃源街道"} <= names(g, "Street")
    assert "白石村" in names(g, "Community")
    assert "青川区应急管理局" not in names(g, "Organization")


def test_advertising_spliced_into_a_sentence_is_dropped_and_the_sentence_kept():
    spans = furniture_spans("会议审议了青川区年度计划;审议了金鼎棋牌,金鼎棋牌官网进一步规范管理的意见。")
    text = "会议审议了青川区年度计划;审议了金鼎棋牌,金鼎棋牌官网进一步规范管理的意见。"
    assert [text[a:b] for a, b in spans] == ["金鼎棋牌,金鼎棋牌官网"]
    title = "桃源街道召开文明创建推进会 —— 某某党媒云| 社区融-某某k8官网首页登录"
    (start, end), = furniture_spans(title)
    assert title[:start] == "桃源街道召开文明创建推进会" and end == len(title)


def test_article_text_with_colons_is_no_furniture():
    assert furniture_spans("会议时间:3月5日,地点:青川区会议中心。") == []
    assert furniture_spans("区委书记王建国主持召开会议。") == []


# --- regions ----------------------------------------------------------------------------------------

def test_a_verb_or_slogan_before_a_level_char_is_no_region():
    g = graph_of("区长感谢区人大对政府工作的支持,要求完善县、乡、村三级网格。"
                 "他在任职县人大代表期间,坚持富民强县、工业兴市、品牌兴县,造福老区人民。"
                 "副区长先在区政协委员活动站座谈,又到农家超市了解物价。")
    assert names(g, "Region") == set()


def test_a_unit_written_before_its_bodys_level_char_is_not_doubled():
    g = graph_of("国庆假期第一天,青川区区委书记王建国带队检查。")
    assert names(g, "Region") == {"青川区"}


def test_a_city_name_inside_a_person_road_company_or_zone_is_no_city():
    g = graph_of("副区长李长春到佛山经开区和青川区吉安路调研,走访了某某(深圳)精密有限公司。")
    regions = names(g, "Region")
    assert "长春市" not in regions and "吉安市" not in regions and "深圳市" not in regions
    assert "佛山市" not in regions
    assert {"佛山经开区", "青川区"} <= regions


# --- what lies where --------------------------------------------------------------------------------

def test_a_name_that_begins_with_its_unit_lies_in_it_but_the_units_organs_do_not():
    g = graph_of("副区长周敏先后来到桃源街道派出所和龙溪镇卫生院检查安全生产,龙溪镇党委、桃源街道办事处负责人陪同。")
    located = rels(g, "LOCATED_IN")
    assert ("桃源街道派出所", "桃源街道") in located and ("龙溪镇卫生院", "龙溪镇") in located
    assert {"桃源街道", "龙溪镇"} <= names(g, "Street")
    assert not any(src.endswith(("党委", "办事处")) for src, _ in located)


# --- streets and villages ---------------------------------------------------------------------------

def test_exhortations_and_time_words_before_a_unit_word_are_no_names():
    g = graph_of("要充分发挥社区作用,要提升社区服务水平,拓展延伸社区服务链条。"
                 "最后镇党委书记讲话,接下来镇人大还将开展视察,选举产生新一届镇人大。"
                 "一类村书记和驻村工作队、驻镇帮村干部参加,典型村作交流。")
    assert names(g, "Street") == set()
    assert names(g, "Community") == set()


def test_village_names_that_are_common_words_stay_and_a_village_is_not_doubled():
    g = graph_of("青川区八一村、五一村、光明村和解放路街道参加评比,副区长周敏调研白石村村史馆。")
    assert {"八一村", "五一村", "光明村", "白石村"} <= names(g, "Community")
    assert "白石村村" not in names(g, "Community")
    assert "解放路街道" in names(g, "Street")


def test_a_motion_verb_glued_to_a_town_is_no_part_of_its_name():
    # jieba reads 来龙溪 as one word: the verb 来 must not start the name, nor hide it
    g = graph_of("区委常委周敏率队来龙溪镇白石村调研,副区长黄海燕赴石桥镇检查。")
    assert {"龙溪镇", "石桥镇"} <= names(g, "Street")
    assert "白石村" in names(g, "Community")
    assert not {n for n in names(g, "Street") if n[0] in "来赴"}


def test_a_region_keeps_the_form_the_text_writes():
    g = graph_of("3月2日,区长周敏带队赴佛山考察产业转移工作。")
    assert "佛山" in names(g, "Region") and "佛山市" not in names(g, "Region")


def test_a_code_or_quantity_inside_a_project_name_does_not_cut_it():
    g = graph_of("3月5日,王建国先后察看了青川区城乡供水一体化PPP项目、年产5万吨饲料加工项目。"
                 "今年全区共签约招商引资8个项目。")
    projects = names(g, "Project")
    assert {"城乡供水一体化PPP项目", "年产5万吨饲料加工项目"} <= projects
    assert not {p for p in projects if "8" in p}


def test_an_article_that_writes_a_region_both_ways_means_one_region():
    g = graph_of("3月2日,区长周敏带队赴佛山考察。佛山市有关负责人陪同。")
    assert names(g, "Region") == {"佛山市"}


# --- projects -----------------------------------------------------------------------------------------

def test_the_stops_of_a_tour_told_as_projects_are_projects():
    g = graph_of("3月5日,区委副书记周敏先后来到滨湖花园安置房、云杉名苑、青川第三中学等项目现场,详细了解项目进度。"
                 "随后,周敏又来到柳岸湿地公园,察看生态修复情况。")
    assert {"滨湖花园安置房", "云杉名苑", "青川第三中学"} <= names(g, "Project")
    assert not {"滨湖花园安置房", "云杉名苑"} & names(g, "Place")
    assert "柳岸湿地公园" in names(g, "Place")  # a stop of a tour that is not called one of projects
    assert ("周敏", "云杉名苑") in rels(g, "INSPECTED")


def test_a_stop_named_by_its_phase_is_a_project():
    g = graph_of("4月2日,副区长王建国先后来到云杉科技二期、滨江物流园,检查安全生产工作。")
    assert "云杉科技二期" in names(g, "Project")
    assert ("王建国", "云杉科技二期") in rels(g, "INSPECTED")


def test_a_round_of_firms_ending_at_one_project_site_keeps_its_sites():
    g = graph_of("5月6日,区长周敏先后走进青川云杉电子有限公司、滨江物流园、柳岸安置小区三期项目建设现场,了解生产情况。")
    assert "滨江物流园" in names(g, "Place") and "滨江物流园" not in names(g, "Project")


def test_a_project_keeps_its_quoted_name_and_its_road_code():
    g = graph_of("6月3日,区人大代表先后视察了“云杉记忆”文旅项目、S218青石至柳岸改建项目,听取建设情况汇报。")
    assert {"“云杉记忆”文旅项目", "S218青石至柳岸改建项目"} <= names(g, "Project")
    assert not {"文旅项目", "青石至柳岸改建项目"} & names(g, "Project")


def test_one_item_of_a_list_names_one_project_over_its_conjunction():
    g = graph_of("7月9日,副区长周敏先后察看了滨湖小学及周边道路改造项目、柳岸湿地提升与防洪堤加固工程,"
                 "要求加快建设进度。会议强调要解决制约和影响项目推进的难题。")
    assert {"滨湖小学及周边道路改造项目", "柳岸湿地提升与防洪堤加固工程"} <= names(g, "Project")
    assert not {"周边道路改造项目", "制约和影响项目"} & names(g, "Project")


def test_a_site_name_does_not_open_with_an_exhortation():
    g = graph_of("区长周敏强调,要高标准推进滨江产业园建设,加快建设柳岸湿地公园,应对云杉广场客流高峰,"
                 "办好青年人才驿站。")
    found = names(g, "Place")
    assert {"滨江产业园", "柳岸湿地公园", "云杉广场", "青年人才驿站"} <= found
    assert not any(n.startswith(("要", "高标准", "推进", "加快", "建设", "应对")) for n in found)


def test_an_economic_zone_is_a_region_without_the_exhortation_before_it():
    g = graph_of("会议提出,要重点建设青岚经济区。3月8日,副区长周敏先后深入滨海经济区、柳岸产业园调研。")
    found = names(g, "Region")
    assert {"青岚经济区", "滨海经济区"} <= found
    assert not any(n.startswith(("重点", "建设")) for n in found)


def test_a_stop_named_by_a_brand_and_its_trade_is_a_business():
    g = graph_of("9月3日,副区长王建国一行先后来到云杉饲料、柳岸龙虾店、滨江加油站、青石湿地公园,检查安全生产工作。")
    assert {"云杉饲料", "柳岸龙虾店", "滨江加油站"} <= names(g, "Organization")
    assert "青石湿地公园" in names(g, "Place")
    assert ("王建国", "柳岸龙虾店") in rels(g, "INSPECTED")


def test_the_region_a_company_is_registered_in_is_part_of_its_name():
    g = graph_of("10月8日,区长周敏先后来到临江市云杉食品有限公司、青岚县柳岸科技有限公司走访慰问。")
    assert {"临江市云杉食品有限公司", "青岚县柳岸科技有限公司"} <= names(g, "Organization")
    assert not {"临江市", "青岚县"} & names(g, "Region")


def test_a_kind_of_area_ending_in_qu_is_no_district():
    g = graph_of("副区长周敏现场巡查河道、平房区等易涝点,要求把柳岸工业区建设成全区的样板区,加快棚户区改造。")
    assert not {"平房区", "工业区", "样板区", "棚户区"} & names(g, "Region")


def test_a_village_followed_by_some_of_its_sites_is_still_a_village():
    g = graph_of("8月9日,县长周敏深入龙溪镇石门村、柳塘村部分地质灾害隐患点,全面了解情况。")
    assert {"石门村", "柳塘村"} <= names(g, "Community")
    assert ("柳塘村", "龙溪镇") in rels(g, "LOCATED_IN")
