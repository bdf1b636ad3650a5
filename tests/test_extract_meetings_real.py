"""Meetings and who took part in them, as real district news writes them (sentences of our own)."""

from extraction_support import graph_of, names, rels


def test_a_meeting_named_only_by_its_kind_is_a_node_when_someone_chairs_it():
    g = graph_of("3月2日,副市长林海峰到青川区调研。调研结束后,林海峰主持召开座谈会,副区长周敏参加座谈会。")
    assert "座谈会" in names(g, "Meeting")
    assert rels(g, "CHAIRED") == {("林海峰", "座谈会")}
    assert rels(g, "ATTENDED") == {("周敏", "座谈会")}


def test_a_meeting_named_only_by_its_kind_without_participants_is_no_node():
    g = graph_of("3月2日,龙溪镇召开座谈会,听取村民意见。")
    assert names(g, "Meeting") == set()


def test_a_session_named_by_its_number_after_the_body_that_holds_it():
    g = graph_of("5月6日,区人大常委会召开第十二次会议,区人大常委会主任程远航主持会议。"
                 "区人大常委会副主任苏雅琴出席会议。")
    assert rels(g, "CHAIRED") == {("程远航", "第十二次会议")}
    assert rels(g, "ATTENDED") == {("苏雅琴", "第十二次会议")}


def test_a_kind_named_elsewhere_in_full_refers_to_that_meeting():
    g = graph_of("青川区召开防汛工作座谈会\n4月1日,区长周敏主持召开座谈会。")
    assert names(g, "Meeting") == {"防汛工作座谈会"}
    assert rels(g, "CHAIRED") == {("周敏", "防汛工作座谈会")}


def test_headline_and_body_forms_of_one_session_are_one_meeting():
    g = graph_of("区政协五届二次会议开幕\n2月3日,中国人民政治协商会议青川区第五届委员会第二次会议隆重开幕。"
                 "区政协主席黄海燕主持会议。")
    assert names(g, "Meeting") == {"中国人民政治协商会议青川区第五届委员会第二次会议"}
    assert rels(g, "CHAIRED") == {("黄海燕", "中国人民政治协商会议青川区第五届委员会第二次会议")}


def test_numbers_written_in_digits_or_characters_are_the_same_session():
    g = graph_of("区九届人大常委会第20次会议召开\n6月1日,青川区第九届人民代表大会常务委员会第二十次会议召开。"
                 "区人大常委会主任程远航主持会议。")
    assert names(g, "Meeting") == {"青川区第九届人民代表大会常务委员会第二十次会议"}


def test_a_shortened_form_of_a_ceremony_is_the_same_ceremony():
    g = graph_of("青川区举行重点项目集中开工仪式\n3月8日,青川区2024年第一季度6个重点项目集中开工仪式在龙溪镇举行。"
                 "区委书记王建国出席仪式。")
    assert len(names(g, "Meeting")) == 1


def test_phrases_that_only_qualify_a_meeting_are_no_names():
    g = graph_of("4月2日,青川区召开安全生产工作会议。区委书记王建国出席会议。应邀出席会议的还有副区长周敏。"
                 "会议强调,要把这次重要会议的精神落到实处。")
    assert names(g, "Meeting") == {"安全生产工作会议"}


def test_a_ceremony_held_by_generic_words_alone_is_named_by_them():
    g = graph_of("3月9日,青川区在滨江产业园举行重点项目集中开工竣工仪式。区委书记王建国出席仪式。")
    assert rels(g, "ATTENDED") == {("王建国", "重点项目集中开工竣工仪式")}


def test_a_verb_inside_the_span_starts_the_name_after_it():
    g = graph_of("当天,龙溪镇有6个项目进行集中开工仪式。副区长周敏出席仪式。")
    assert "有6个项目进行集中开工仪式" not in names(g, "Meeting")


def test_attendees_listed_past_clauses_of_unnamed_groups():
    g = graph_of("5月6日,区人大常委会召开第十二次会议。副区长周敏,区法院院长林正清,区直有关单位主要负责人,"
                 "部分区人大代表列席会议。")
    assert rels(g, "ATTENDED") == {("周敏", "第十二次会议"), ("林正清", "第十二次会议")}


def test_a_list_opened_by_what_its_members_did():
    g = graph_of("2月3日,青川区政协五届二次会议隆重开幕。应邀出席会议的区领导方志成、苏雅琴,区法院院长林正清等"
                 "在主席台就座。")
    assert rels(g, "ATTENDED") == {(n, "青川区政协五届二次会议") for n in ("方志成", "苏雅琴", "林正清")}


def test_group_words_before_a_titled_list_do_not_stop_it():
    g = graph_of("3月1日,青川区召开人民代表大会预备会议。区人大代表、区领导方志成、苏雅琴,区检察院检察长等参加会议。")
    assert rels(g, "ATTENDED") == {("方志成", "人民代表大会预备会议"), ("苏雅琴", "人民代表大会预备会议")}


def test_attending_with_no_object_after_a_meeting():
    g = graph_of("3月9日,青川区举行重点项目集中开工仪式。区委书记王建国宣布开工。区领导方志成、苏雅琴出席。")
    assert rels(g, "ATTENDED") == {(n, "重点项目集中开工仪式") for n in ("王建国", "方志成", "苏雅琴")}


def test_attending_with_no_object_far_from_any_meeting_is_no_attendance():
    g = graph_of("3月9日,青川区召开防汛工作会议。区委书记王建国出席会议。会议要求,各镇要落实责任。"
                 "各镇要排查隐患。各村要巡查堤段。次日,区长周敏到龙溪镇调研,副区长苏雅琴参加。")
    assert ("苏雅琴", "防汛工作会议") not in rels(g, "ATTENDED")


def test_came_to_the_meeting_to_guide_it():
    g = graph_of("6月2日,龙溪镇召开驻村工作对接会。区委组织部副部长苏雅琴到会指导。")
    assert rels(g, "ATTENDED") == {("苏雅琴", "驻村工作对接会")}


def test_names_listed_before_their_group_are_officials():
    g = graph_of("5月6日,区人大常委会召开第八次主任会议。程远航、苏雅琴、林正清等常委会领导出席会议。会议由程远航主持。")
    assert {"程远航", "苏雅琴", "林正清"} <= names(g, "Official")
    assert rels(g, "CHAIRED") == {("程远航", "第八次主任会议")}
    assert rels(g, "ATTENDED") == {("苏雅琴", "第八次主任会议"), ("林正清", "第八次主任会议")}


def test_a_unit_before_the_first_listed_name_is_not_part_of_it():
    g = graph_of("6月2日,龙溪镇召开驻村工作对接会。区工作专班苏雅琴、林正清等同志到会指导。")
    assert {"苏雅琴", "林正清"} <= names(g, "Official")
    assert rels(g, "ATTENDED") == {("苏雅琴", "驻村工作对接会"), ("林正清", "驻村工作对接会")}


def test_a_name_written_before_its_title():
    g = graph_of("龙溪镇党委方志成书记代表镇党委致辞。青川区委林正清副主任率队调研。")
    assert {"方志成", "林正清"} <= names(g, "Official")


def test_a_body_before_a_title_is_no_name():
    g = graph_of("区政协委员列席大会。区人大代表列席会议。")
    assert names(g, "Official") == set()


def test_chairing_with_no_object_after_the_meeting_is_named():
    g = graph_of("9月10日,桃源街道召开文明创建推进会,街道党工委书记方志成出席会议。街道人大工委主任林正清主持,各社区负责人参会。")
    assert rels(g, "CHAIRED") == {("林正清", "文明创建推进会")}


def test_speaking_at_the_meeting_written_as_zai_hui_shang():
    g = graph_of("10月8日,龙溪镇第五届人民代表大会第一次会议隆重召开。镇党委书记方志成在会上指出,要团结奋进。")
    assert rels(g, "ATTENDED") == {("方志成", "龙溪镇第五届人民代表大会第一次会议")}


def test_speakers_in_a_sentence_set_at_the_meeting_attended_it():
    g = graph_of("副市长林海峰到青川区调研。随后,在区政府会议室召开座谈会。"
                 "会上,区发改局局长苏雅琴对项目进展进行了汇报,区长周敏对相关情况进行介绍。")
    assert rels(g, "ATTENDED") >= {("苏雅琴", "座谈会"), ("周敏", "座谈会")}


def test_the_year_a_meeting_name_opens_with_stays_in_the_name():
    g = graph_of("3月4日,区长周敏主持召开2025年重点项目审批推进会议,副区长林海峰参加会议。")
    assert names(g, "Meeting") == {"2025年重点项目审批推进会议"}


def test_the_region_or_whole_county_before_the_year_stays_too():
    g = graph_of("4月2日,区长周敏主持召开全区2024年重点项目建设第9次调度会议。")
    assert names(g, "Meeting") == {"全区2024年重点项目建设第9次调度会议"}
    g = graph_of("5月8日,青川区2024年二季度重点项目集中开工现场会在龙溪镇举行,区长周敏出席。")
    assert names(g, "Meeting") == {"青川区2024年二季度重点项目集中开工现场会"}


def test_a_verb_before_the_level_of_a_meeting_is_no_part_of_its_name():
    g = graph_of("会议要求,各镇街要践行区委农村工作会议的部署,认真落实区政府五届三次全体(扩大)会议的要求。")
    assert names(g, "Meeting") == {"区委农村工作会议", "区政府五届三次全体(扩大)会议"}


def test_a_plenum_numbered_in_characters_keeps_its_number_but_not_the_verb():
    g = graph_of("区长周敏强调,要学习好七届九中全会提出的各项任务。")
    assert names(g, "Meeting") == {"七届九中全会"}


def test_a_slogan_grab_this_to_promote_that_opens_the_name():
    g = graph_of("6月3日,区委书记王建国主持召开抓生态促振兴现场观摩会。")
    assert names(g, "Meeting") == {"抓生态促振兴现场观摩会"}
    g = graph_of("会议要求,要深入贯彻落实全区抓产业促增收推进大会精神。")
    assert names(g, "Meeting") == {"全区抓产业促增收推进大会"}


def test_the_party_congress_named_by_its_number_is_a_meeting():
    g = graph_of("会议强调,要深入学习宣传贯彻党的三十大精神。")
    assert names(g, "Meeting") == {"党的三十大"}


def test_a_quoted_slogan_with_a_pause_mark_stays_in_the_name():
    g = graph_of("7月1日,青川区召开“青山绿水、花开龙溪”文旅融合推进会,区长周敏出席。")
    assert names(g, "Meeting") == {"“青山绿水、花开龙溪”文旅融合推进会"}


def test_officials_whose_reports_the_meeting_heard_attended_it():
    g = graph_of("3月2日,青川区召开区委全体会议。会议听取了龙溪镇林海、区水务局吴若兰2名负责人述职报告。")
    attended = rels(g, "ATTENDED")
    assert ("林海", "区委全体会议") in attended and ("吴若兰", "区委全体会议") in attended


def test_who_makes_arrangements_or_comments_at_the_meeting_attended_it():
    g = graph_of("5月6日,龙溪镇召开农业农村工作推进会。镇党委委员林海就春耕工作作出安排。"
                 "镇长吴若兰在进行点评时强调,要狠抓落实。")
    attended = rels(g, "ATTENDED")
    assert ("林海", "农业农村工作推进会") in attended and ("吴若兰", "农业农村工作推进会") in attended


def test_a_plaque_ceremony_held_as_an_activity_is_a_meeting():
    g = graph_of("3月25日,青川区政协举行委员工作室集中授牌活动。区政协主席林海、副主席吴若兰参加活动。")
    assert names(g, "Meeting") == {"委员工作室集中授牌活动"}
    assert ("吴若兰", "委员工作室集中授牌活动") in rels(g, "ATTENDED")


def test_speakers_who_relay_instructions_set_demands_or_report_attended():
    g = graph_of("6月2日,龙溪镇召开换届工作动员会。会议首先由镇党委副书记林海传达了上级文件精神。"
                 "随后,镇党委书记吴若兰就换届工作提出了三点要求。副镇长周敏对安全工作进行了安排。")
    attended = rels(g, "ATTENDED")
    assert {("林海", "换届工作动员会"), ("吴若兰", "换届工作动员会"), ("周敏", "换届工作动员会")} <= attended


def test_who_convenes_a_meeting_that_another_chairs_attended_it():
    g = graph_of("3月9日,区委书记王建国组织召开全区项目建设调度会议。区长周敏主持会议。")
    assert ("王建国", "全区项目建设调度会议") in rels(g, "ATTENDED")
    assert ("周敏", "全区项目建设调度会议") in rels(g, "CHAIRED")


def test_attending_the_event_of_a_ceremony_article():
    g = graph_of("7月9日,龙溪镇在石门村举行人大代表联络站启动仪式,区人大常委会主任林海、副主任周敏出席活动。")
    assert {("林海", "人大代表联络站启动仪式"), ("周敏", "人大代表联络站启动仪式")} <= rels(g, "ATTENDED")


def test_short_forms_of_standing_meetings_and_other_congresses_are_meetings():
    g = graph_of("8日,区长周敏主持召开区政府党组会,研究近期工作。12日,共青团青川区第五次代表大会召开,"
                 "区委书记王建国出席。王建国充分肯定区第四次团代会以来的成绩。")
    assert ("周敏", "区政府党组会") in rels(g, "CHAIRED")
    assert "区第四次团代会" in names(g, "Meeting")


def test_a_bare_opening_ceremony_is_the_opening_of_the_article_s_meeting():
    g = graph_of("12月2日,共青团青川区第五次代表大会召开。区委书记王建国出席开幕式并讲话。")
    assert names(g, "Meeting") == {"共青团青川区第五次代表大会"}
    assert ("王建国", "共青团青川区第五次代表大会") in rels(g, "ATTENDED")


def test_who_chairs_and_speaks_without_naming_the_meeting_chaired_the_article_s_meeting():
    g = graph_of("6日,青川区召开领导干部作风建设研讨交流会。区委书记王建国主持并讲话。")
    assert ("王建国", "领导干部作风建设研讨交流会") in rels(g, "CHAIRED")


def test_the_cppcc_named_as_a_body_is_no_meeting():
    g = graph_of("会议审议了《中国人民政治协商会议青川区第九届委员会常务委员会工作报告》。")
    assert names(g, "Meeting") == set()
    g = graph_of("2月1日,中国人民政治协商会议青川区第九届委员会第三次会议开幕。")
    assert names(g, "Meeting") == {"中国人民政治协商会议青川区第九届委员会第三次会议"}


def test_the_speaker_of_a_relayed_speech_did_not_attend():
    g = graph_of("5日,区长周敏主持召开区政府党组会,传达学习省委书记林正清在全省工作会议上的讲话精神,"
                 "市委书记吴若兰在调研时的讲话精神。")
    attended = rels(g, "ATTENDED")
    assert not {p for p, _ in attended} & {"林正清", "吴若兰"}
