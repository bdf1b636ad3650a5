from extraction_support import graph_of, names


def test_regions_from_place_names_gazetteer_and_zones():
    g = graph_of("临江市青川区与佛山共建产业园,青川经济开发区和高新区参与。")
    regions = names(g, "Region")
    assert {"青川区", "佛山", "青川经济开发区", "高新区"} <= regions  # 佛山 as written (GUIDE.md)


def test_generic_areas_are_not_regions():
    g = graph_of("全区各级各部门要统一思想,全市城区和辖区内的社区要加强管理。")
    assert names(g, "Region") == set()


def test_streets_and_communities():
    g = graph_of("近日,青川区桃源街道滨河社区和龙溪镇白石村开展走访。")
    assert names(g, "Street") == {"桃源街道", "龙溪镇"}
    assert names(g, "Community") == {"滨河社区", "白石村"}


def test_generic_streets_and_villages_are_not_entities():
    g = graph_of("各街道、各村(社区)要落实责任,村民和居民代表参加,乡村振兴工作稳步推进,城镇面貌改善。")
    assert names(g, "Street") == set()
    assert names(g, "Community") == set()


def test_projects_start_after_the_governing_verb():
    g = graph_of("桃源街道举行滨江新城综合开发项目开工仪式,确保青川智能制造产业园二期项目按期投产。")
    assert names(g, "Project") == {"滨江新城综合开发项目", "青川智能制造产业园二期项目"}


def test_a_description_of_a_project_is_not_another_project():
    g = graph_of("滨江新城项目开工。该项目为年产5万吨新材料加工应用项目,总投资8亿元。")
    assert names(g, "Project") == {"滨江新城项目"}


def test_organizations_keep_their_region_and_bureau_names():
    g = graph_of("区发展和改革局、区住房和城乡建设局、临江市委组织部和东南村党委作交流发言。")
    assert {"区发展和改革局", "区住房和城乡建设局", "临江市委组织部", "东南村党委"} <= names(g, "Organization")


def test_common_words_ending_in_bureau_characters_are_not_organizations():
    g = graph_of("要优化工作布局,党员干部带头,谢谢党和政府。")
    assert names(g, "Organization") == set()


def test_places_by_suffix_and_region_prefix_stripped():
    g = graph_of("青川区滨江公园和龙溪镇农业产业园游客众多。")
    assert {"滨江公园", "农业产业园"} <= names(g, "Place")


def test_meetings_names_and_dates():
    g = graph_of("3月4日,区委书记王建国主持召开区委常委会会议,传达学习3月1日省委全会精神和中央经济工作会议精神。",
                 date="2024-03-06")
    meetings = {d["name"]: d.get("date") for _, d in g.nx.nodes(data=True) if d["label"] == "Meeting"}
    assert meetings["区委常委会会议"] == "2024-03-04"
    assert meetings["省委全会"] == "2024-03-01"
    assert meetings["中央经济工作会议"] is None


def test_meeting_key_includes_its_date():
    g = graph_of("3月4日,王建国主持召开区委常委会会议。", "3月11日,王建国主持召开区委常委会会议。")
    assert sorted(g.find("区委常委会会议", "Meeting")) == ["Meeting:区委常委会会议@2024-03-04",
                                                          "Meeting:区委常委会会议@2024-03-11"]


def test_lexicon_names_known_entities(tmp_path):
    import kg

    (tmp_path / "places.txt").write_text("# our district\n翠湖\n", encoding="utf-8")
    g = kg.build([{"id": "x", "text": "区长周敏到翠湖检查水质。"}], lexicon_dirs=[tmp_path])
    assert "翠湖" in names(g, "Place")


def test_streets_and_villages_jieba_cuts_apart():
    g = graph_of("岩温香先后深入勐蓝县曼掌镇曼掌村、曼贺村,又前往茶山镇、大槐树镇南庄村。")
    assert {"曼掌镇", "茶山镇", "大槐树镇"} <= names(g, "Street")
    assert {"曼掌村", "曼贺村", "南庄村"} <= names(g, "Community")
    assert "勐蓝县" in names(g, "Region")


def test_not_villages():
    g = graph_of("推进以城带乡,乡村振兴和城乡融合,6个村（社区）和小康村建设,村民代表参加。")
    assert names(g, "Community") == set() and names(g, "Street") == set()


def test_meeting_names_with_sessions_brackets_and_quotes():
    g = graph_of("县长郭振宇主持召开县政府第21次常务会议,传达省委十五届三次全会精神。"
                 "县委书记龙振邦主持召开县委常委会（扩大）会议。桃源街道召开“两在两同”建新功行动推进会。")
    assert {"县政府第21次常务会议", "省委十五届三次全会", "县委常委会（扩大）会议",
            "“两在两同”建新功行动推进会"} <= names(g, "Meeting")


def test_one_meeting_named_in_full_and_shortened_is_one_node():
    g = graph_of("县委召开全县防汛抗旱工作调度会。会上,县长张伟主持防汛抗旱工作调度会。")
    assert names(g, "Meeting") == {"全县防汛抗旱工作调度会"}


def test_generic_project_phrases_are_not_projects():
    g = graph_of("一季度项目、全县新开工项目、签约项目和现场观摩项目进展顺利,卧牛山生态旅游度假区项目开工。")
    assert names(g, "Project") == {"卧牛山生态旅游度假区项目"}


def test_minority_and_four_character_names_after_titles():
    g = graph_of("地委委员、行署副专员艾尔肯·吐尔逊深入托克县阿热勒乡。查干旗委书记巴图孟和深入乌兰嘎查。"
                 "州委副书记、州长岩温香到勐蓝县调研。")
    assert {"艾尔肯·吐尔逊", "巴图孟和", "岩温香"} <= names(g, "Official")
    assert "乌兰嘎查" in names(g, "Community")


def test_bodies_of_the_own_area_companies_and_no_committee_plurals():
    g = graph_of("区组织部、区人力资源和社会保障局、临江繁星人才集团一行赴临川县交流。"
                 "恒拓新材是国家级专精特新“小巨人”企业。经白石村党委牵头,村两委研究。")
    orgs = names(g, "Organization")
    assert {"区组织部", "区人力资源和社会保障局", "临江繁星人才集团", "恒拓新材", "白石村党委"} <= orgs
    assert not {o for o in orgs if o.endswith("两委")}
