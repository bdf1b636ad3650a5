"""What lies where, as real pages state it: only what the text says or its prefixes imply, never world
knowledge.  Every sentence here is invented (the fictional district 青川区 and its towns)."""

from extraction_support import graph_of, names, rels

import kg
from kg.lexicon import Lexicon


def test_a_town_in_the_running_text_is_not_placed_in_the_article_district():
    g = graph_of("3月5日,青川区委书记王建国先后来到龙溪镇、桃源街道调研春耕生产。")
    located = rels(g, "LOCATED_IN")
    assert {"龙溪镇", "桃源街道"} <= names(g, "Street")
    assert not {t for s, t in located if s in ("龙溪镇", "桃源街道")}


def test_a_clause_opening_with_a_unit_places_the_sites_it_names():
    g = graph_of("在龙溪镇,王建国先后来到星河湿地公园、白鹭农贸市场,详细了解建设情况;"
                 "在青川县,他又察看了云杉家具有限公司。")
    located = rels(g, "LOCATED_IN")
    assert {("星河湿地公园", "龙溪镇"), ("白鹭农贸市场", "龙溪镇"), ("云杉家具有限公司", "青川县")} <= located
    assert ("云杉家具有限公司", "龙溪镇") not in located


def test_arriving_in_a_town_places_the_next_stops_there():
    g = graph_of("调研组一行抵达龙溪镇后,先后来到青峰制衣厂、石门水库和龙溪镇卫生院。")
    located = rels(g, "LOCATED_IN")
    assert {("青峰制衣厂", "龙溪镇"), ("石门水库", "龙溪镇")} <= located


def test_governing_bodies_are_not_placed_by_a_scope():
    g = graph_of("在桃源街道,区发展和改革局、区人大常委会有关负责人陪同调研了滨河花园项目。")
    located = rels(g, "LOCATED_IN")
    assert ("滨河花园项目", "桃源街道") in located
    assert not {s for s, t in located if s in ("区发展和改革局", "区人大常委会")}


def test_that_town_is_the_last_town_named():
    g = graph_of("3月5日,王建国来到龙溪镇调研。他首先查看了该镇白石村的避灾安置点,随后又来到桃源街道。")
    assert ("白石村", "龙溪镇") in rels(g, "LOCATED_IN")


def test_sites_listed_after_a_unit_and_de_lie_in_it():
    g = graph_of("王建国一行先后查看了滨河社区的星光超市、青川第二中学和滨河农贸市场。")
    located = rels(g, "LOCATED_IN")
    assert {("星光超市", "滨河社区"), ("青川第二中学", "滨河社区"), ("滨河农贸市场", "滨河社区")} <= located


def test_villages_listed_after_a_town_share_its_prefix():
    g = graph_of("县委副书记王建国带队前往龙溪镇白石村、松林村、柳塘村等多个村调研。")
    located = rels(g, "LOCATED_IN")
    assert {("白石村", "龙溪镇"), ("松林村", "龙溪镇"), ("柳塘村", "龙溪镇")} <= located


def test_a_second_town_in_a_list_shares_the_county_written_once():
    g = graph_of("调研组先后深入青川县龙溪镇白石村、桃源镇松林村调研。")
    located = rels(g, "LOCATED_IN")
    assert {("龙溪镇", "青川县"), ("桃源镇", "青川县"), ("松林村", "桃源镇")} <= located
    assert ("松林村", "龙溪镇") not in located


def test_a_list_of_towns_each_with_its_own_village_shares_nothing():
    g = graph_of("王建国先后来到龙溪镇白石村、桃源镇松林村。")
    located = rels(g, "LOCATED_IN")
    assert ("桃源镇", "龙溪镇") not in located and ("松林村", "龙溪镇") not in located


# --- towns and villages as real pages write them --------------------------------------------------

def test_a_town_whose_name_ends_in_cheng_or_cun_before_zhen():
    g = graph_of("县委副书记王建国带队前往柳城镇松林村、白石村,随后来到葛村镇调研。")
    assert {"柳城镇", "葛村镇"} <= names(g, "Street")
    assert ("松林村", "柳城镇") in rels(g, "LOCATED_IN") and ("白石村", "柳城镇") in rels(g, "LOCATED_IN")


def test_the_words_for_towns_and_villages_in_general_are_no_names():
    g = graph_of("加快推进小城镇建设,推进村镇规划,全面推进乡村振兴,建设和美乡村。")
    assert not names(g, "Street") and not names(g, "Community")


def test_village_and_residents_committees_are_communities():
    g = graph_of("调研组一行首先来到松林村委会,与松林村书记座谈;随后走访了柳岸居委。")
    assert {"松林村委会", "松林村", "柳岸居委"} <= names(g, "Community")


def test_street_offices_written_jieban_or_jie():
    g = graph_of("副区长李晓峰对滨江路、云塘街办辖区进行燃气安全检查。")
    assert "云塘街办" in names(g, "Street")
    g = graph_of("2月18日,青岚街党工委书记周敏带队到松林街参观学习。现场参观了松林街滨河北路改造项目。"
                 "座谈会上,松林街党工委书记林某介绍经验。推进老街办事处改造。")
    assert {"青岚街", "松林街"} <= names(g, "Street")
    assert ("滨河北路改造项目", "松林街") in rels(g, "LOCATED_IN")
    assert not {n for n in names(g, "Street") if "老街" in n}


# --- names of projects and organizations --------------------------------------------------------

def test_kinds_of_projects_and_exhortations_are_no_project_names():
    g = graph_of("会议要求,要全力支持项目建设,确保重点项目按期完工,扎实推进民生工程,"
                 "把招商引资当作一把手工程,新签约12个招商项目,其中亿元以上项目5个,交通项目3个,光伏项目2个。")
    assert not names(g, "Project")


def test_projects_with_a_part_of_their_own_stay():
    g = graph_of("王建国先后来到龙溪镇松林村至西岭村公路工程、“云杉记忆”旅游项目、年产3000吨竹纤维项目、"
                 "青川实验学校项目和滨江新城综合开发项目建设现场。")
    found = names(g, "Project")
    assert {"松林村至西岭村公路工程", "“云杉记忆”旅游项目", "滨江新城综合开发项目"} <= found
    assert any(n.endswith("实验学校项目") for n in found) and any(n.endswith("竹纤维项目") for n in found)


def test_an_organization_does_not_begin_with_a_preposition_or_an_exhortation():
    g = graph_of("3月5日,区委书记王建国到州政协调研,据区政协介绍,及市纪委有关负责人参加。"
                 "会议要求充分发挥政协优势,牢记政协初心。")
    orgs = names(g, "Organization")
    assert {"州政协", "区政协", "市纪委"} <= orgs
    assert not {o for o in orgs if o[0] in "到据及充牢"}


def test_a_town_station_keeps_the_town_in_its_name():
    g = graph_of("在谢岭镇派出所,王建国察看了值班情况。")
    assert "谢岭镇派出所" in names(g, "Organization")


def test_a_visit_announced_to_a_town_places_the_stops_that_follow():
    g = graph_of("3月5日,区人大常委会副主任王建国率队到龙溪镇调研人居环境整治工作。"
                 "王建国一行先后来到白石村、松林村和星河湿地公园,详细了解村容村貌整治情况。")
    located = rels(g, "LOCATED_IN")
    assert {("白石村", "龙溪镇"), ("松林村", "龙溪镇"), ("星河湿地公园", "龙溪镇")} <= located


def test_a_visit_to_two_towns_or_to_a_district_places_nothing():
    g = graph_of("3月5日,王建国到龙溪镇、桃源镇调研。王建国一行先后来到白石村、星河湿地公园。")
    assert not {s for s, _ in rels(g, "LOCATED_IN") if s in ("白石村", "星河湿地公园")}
    g = graph_of("3月5日,市领导到青川区调研。王建国先后来到星河湿地公园、滨河花园项目。")
    assert not {s for s, _ in rels(g, "LOCATED_IN") if s in ("星河湿地公园", "滨河花园项目")}


def test_a_town_named_after_its_market_follows_its_county():
    g = graph_of("调研组先后深入青川县柳市镇白石村、桃源镇松林村调研。")
    assert "柳市镇" in names(g, "Street")
    assert {("柳市镇", "青川县"), ("白石村", "柳市镇")} <= rels(g, "LOCATED_IN")


def test_a_village_after_that_street_is_a_village_of_it():
    g = graph_of("3月5日,王建国到桃源街道调研。他先后查看了该街道滨河社区的星光超市、滨河农贸市场。")
    assert "滨河社区" in names(g, "Community")
    assert {("滨河社区", "桃源街道"), ("星光超市", "滨河社区")} <= rels(g, "LOCATED_IN")


def test_a_site_named_only_by_its_kind_is_named_with_its_town():
    g = graph_of("3月5日,王建国先后来到白石村、龙溪镇污水处理厂,察看污水处理厂运行情况。"
                 "他还来到星河湿地公园。")
    places = names(g, "Place")
    assert "龙溪镇污水处理厂" in places and "污水处理厂" not in places
    assert ("龙溪镇污水处理厂", "龙溪镇") in rels(g, "LOCATED_IN")


def test_a_site_with_a_name_of_its_own_keeps_it_after_its_town():
    g = graph_of("3月5日,王建国先后来到龙溪镇星河湿地公园、桃源镇白石村农贸市场。")
    places = names(g, "Place")
    assert {"星河湿地公园", "农贸市场"} <= places
    assert not {p for p in places if p.startswith(("龙溪镇", "桃源镇", "白石村"))}
    assert {("星河湿地公园", "龙溪镇"), ("农贸市场", "白石村")} <= rels(g, "LOCATED_IN")


def test_a_town_in_brackets_lies_in_the_unit_before_it():
    g = graph_of("3月5日,王建国先后来到临江州(龙溪镇)至青岚市(桃源乡)公路改建工程现场检查。")
    located = rels(g, "LOCATED_IN")
    assert {("龙溪镇", "临江州"), ("桃源乡", "青岚市")} <= located


def test_the_village_of_a_lists_first_site_covers_the_sites_after_it():
    g = graph_of("3月5日,区政协委员一行实地调研白石村村史馆、卫生室、文化微公园、星光广场等点位。")
    located = rels(g, "LOCATED_IN")
    assert {("文化微公园", "白石村"), ("星光广场", "白石村")} <= located


def test_a_unit_written_before_a_later_item_names_that_item_only():
    g = graph_of("3月5日,区政协委员一行实地调研星河广场、白石村村史馆、文化微公园。")
    located = rels(g, "LOCATED_IN")
    assert ("村史馆", "白石村") in located or ("白石村村史馆", "白石村") in located
    assert not {t for s, t in located if s in ("星河广场", "文化微公园")}


def test_a_visit_to_our_county_places_the_towns_it_goes_to():
    g = graph_of("3月5日,省农业厅副厅长王建国来我县调研人居环境整治工作。"
                 "王建国一行先后来到龙溪镇、桃源乡督查指导。青川县近年来持续推进整治。")
    located = rels(g, "LOCATED_IN")
    assert {("龙溪镇", "青川县"), ("桃源乡", "青川县")} <= located


def test_our_city_is_not_the_visitors_city():
    g = graph_of("3月5日,临江市人大常委会主任王建国率考察组到我市考察。考察组先后来到龙溪镇、桃源乡。")
    assert not {t for s, t in rels(g, "LOCATED_IN") if s in ("龙溪镇", "桃源乡")}


def test_a_village_named_during_a_visit_to_a_town_lies_in_the_town():
    g = graph_of("3月5日,区人大常委会主任王建国到龙溪镇调研人居环境整治工作。"
                 "调研组首先来到星河湿地公园,随后与松林村干部座谈,了解松林村的工作计划。")
    assert ("松林村", "龙溪镇") in rels(g, "LOCATED_IN")


def test_a_town_written_once_covers_a_village_after_an_unnamed_item():
    g = graph_of("3月5日,王建国先后来到龙溪镇白石社区、青螺湾、柳塘村安置小区,详细了解安置情况。")
    assert ("柳塘村", "龙溪镇") in rels(g, "LOCATED_IN")


def _with_counties(*texts: str) -> kg.KnowledgeGraph:
    # invented county-level names added to the packaged county gazetteer
    return kg.build([{"id": f"a{i + 1}", "text": t, "date": "2024-03-06"} for i, t in enumerate(texts)],
                    extra_lexicon={"counties": ["澜县", "云岫市"]})


def test_a_county_of_the_gazetteer_is_a_region_and_holds_its_sites():
    g = _with_counties("3月5日,市委书记王建国在澜县调研。他先后来到澜县星河孵化基地、白鹭制药有限公司。"
                       "次日,他前往云岫市调研。")
    assert {"澜县", "云岫市"} <= names(g, "Region")
    assert ("星河孵化基地", "澜县") in rels(g, "LOCATED_IN") or ("澜县星河孵化基地", "澜县") in rels(g, "LOCATED_IN")


def test_a_county_name_is_not_read_inside_other_words():
    g = _with_counties("王建国听取了云岫市场监管情况汇报,副县长李明和澜县城建设者座谈。")
    assert not {"云岫市", "云岫"} & names(g, "Region")
    assert "澜县" not in names(g, "Region")  # 和 before it, 县城 after it


def test_the_packaged_county_gazetteer_keeps_common_words_out():
    counties = Lexicon.load()["counties"]
    assert len(counties) > 2000
    assert not {"城区", "郊区", "矿区", "市中区", "老城区", "市辖区", "和县"} & counties
