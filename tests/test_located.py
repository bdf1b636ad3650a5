from extraction_support import graph_of, names, rels


def test_adjacent_region_street_community():
    g = graph_of("近日,青川区桃源街道滨河社区开展走访。")
    assert {("桃源街道", "青川区"), ("滨河社区", "桃源街道")} <= rels(g, "LOCATED_IN")


def test_located_at():
    g = graph_of("位于青川经济开发区的临江新材料总部项目封顶。滨江新城项目位于桃源街道。")
    located = rels(g, "LOCATED_IN")
    assert ("临江新材料总部项目", "青川经济开发区") in located
    assert ("滨江新城项目", "桃源街道") in located


def test_communities_under_a_street_sub_heading():
    text = ("青川各街道关爱独居老人\n近日,青川区发放爱心药包。\n桃源街道 建立台账\n柳岸社区网格员上门走访。"
            "新华社区工作人员开展健康监测。\n龙溪镇 送药上门\n石桥村村医为老人测量血压。")
    located = rels(g := graph_of(text), "LOCATED_IN")
    assert {("柳岸社区", "桃源街道"), ("新华社区", "桃源街道"), ("石桥村", "龙溪镇")} <= located
    # streets named without a region lie in the one district the article names
    assert {("桃源街道", "青川区"), ("龙溪镇", "青川区")} <= located
    assert g.nx.number_of_nodes() > 0


def test_no_district_guess_when_the_article_names_several():
    g = graph_of("青川区和临川县签约。桃源街道与龙溪镇结对。")
    assert not {t for s, t in rels(g, "LOCATED_IN") if s in ("桃源街道", "龙溪镇")}


def test_region_written_once_covers_a_list():
    g = graph_of("区委书记王建国先后来到青川区滨江公园、青川文化广场检查。")
    assert {("滨江公园", "青川区"), ("青川文化广场", "青川区")} <= rels(g, "LOCATED_IN")


def test_units_under_a_street():
    g = graph_of("康宁路街道下辖的紫藤社区、梅园社区开展垃圾分类。")
    assert {("紫藤社区", "康宁路街道"), ("梅园社区", "康宁路街道")} <= rels(g, "LOCATED_IN")


def test_province_city_town_chain():
    g = graph_of("11月15日上午,广东省珠岚市榄溪镇举行半导体封装测试基地项目奠基仪式。")
    located = rels(g, "LOCATED_IN")
    assert {("珠岚市", "广东省"), ("榄溪镇", "珠岚市")} <= located
    assert ("广东省", "珠岚市") not in located


def test_sites_after_a_chain_of_units_and_zone_short_names():
    g = graph_of("副县长李晓峰先后来到青川县大塘乡高山蔬菜基地、云岭经济开发区,实地察看。"
                 "位于经开区的标准化厂房三期项目进展顺利。")
    located = rels(g, "LOCATED_IN")
    assert ("高山蔬菜基地", "大塘乡") in located and ("大塘乡", "青川县") in located
    assert ("标准化厂房三期项目", "云岭经济开发区") in located


def test_a_development_zone_is_not_the_article_district():
    g = graph_of("区委书记王建国先后来到龙溪镇白石村、青川经济开发区和桃源街道滨河社区督导检查。")
    assert not {t for s, t in rels(g, "LOCATED_IN") if s in ("龙溪镇", "桃源街道")}


def test_a_unit_named_elsewhere_places_the_project_written_after_it():
    """Where no mention marks the county before a project (the tokenizer may glue it to the next
    word), the county the article names elsewhere still places it."""
    from kg.extract.doc import Doc, Mention
    from kg.extract.located_units import unit_named_before
    from kg.lexicon import Lexicon
    from kg.model import Article

    text = "青川县人大常委会召开会议。会议审议了将青川县城乡供水一体化项目列入预算的议案。"
    doc = Doc(Article(id="a1", text=text), Lexicon.load())
    county = doc.add(Mention("Region", "青川县", 0, 3, 0, "test"))
    start = text.index("城乡供水")
    project = doc.add(Mention("Project", "城乡供水一体化项目", start, start + 9, 1, "test"))
    other = doc.add(Mention("Project", "供水一体化项目", start + 2, start + 9, 1, "test"))
    unit_named_before(doc, set())
    placed = {(r.source.name, r.target.name) for r in doc.relations if r.type == "LOCATED_IN"}
    assert placed == {(project.name, county.name)}
    assert other.name not in {s for s, _ in placed}


def test_a_community_after_its_street_office_lies_in_that_street():
    g = graph_of("5月23日,区政协主席周敏带队到东山街道办事处石门社区走访调研。")
    assert "东山街道" in names(g, "Street")
    assert ("石门社区", "东山街道") in rels(g, "LOCATED_IN")
    assert ("周敏", "石门社区") in rels(g, "INSPECTED")


def test_the_places_a_unit_holds_an_event_at_lie_in_it():
    g = graph_of("近期,青川县分别在青川经济开发区和石桥经济开发区举行重点项目集中开工仪式。")
    assert {("青川经济开发区", "青川县"), ("石桥经济开发区", "青川县")} <= rels(g, "LOCATED_IN")
    g = graph_of("3月5日,区长周敏在龙溪镇调研。")
    assert not rels(g, "LOCATED_IN")  # a person in a place hosts nothing


def test_a_road_between_two_villages_is_named_by_both_and_lies_in_their_town():
    g = graph_of("副县长周敏先后察看了龙溪镇白石村至柳塘村公路工程、石桥水库除险加固工程。")
    assert {"白石村至柳塘村公路工程", "石桥水库除险加固工程"} <= names(g, "Project")
    assert {"白石村", "柳塘村"} <= names(g, "Community")
    located = rels(g, "LOCATED_IN")
    assert ("白石村至柳塘村公路工程", "龙溪镇") in located
    assert not {(a, b) for a, b in located if b in ("白石村", "柳塘村")}
