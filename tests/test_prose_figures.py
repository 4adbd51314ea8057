"""The one prose-figure extractor (report-formats §7.3), as both readers use it: the importer's
one-value-per-figure pick and the check's statements with lines and phrases."""

from __future__ import annotations

from generator.checks.prose_figures import best_matches, extract_matches, paragraph_matches, pick_figures, zh_number


def _picked(*paragraphs: tuple[str, str]) -> tuple[dict, list[str]]:
    chosen, warnings = pick_figures(paragraph_matches(paragraphs))
    return {name: m.value for name, m in chosen.items()}, warnings


def test_a_total_beats_a_part_of_it():
    text = "通过网站主动公开政府信息12条。全年共计主动公开政府信息20条。"
    assert _picked(("", text)) == ({"proactive_items": 20}, [])
    assert [m.phrase for m in best_matches(extract_matches(text))] == ["共计主动公开政府信息20条"]


def test_two_totals_that_differ_give_no_value_and_a_warning():
    figures, warnings = _picked(("", "主动公开政府信息12条。"), ("", "主动公开政府信息13条。"))
    assert figures == {}
    assert len(warnings) == 1 and "12、13" in warnings[0] and "“主动公开政府信息13条”" in warnings[0]


def test_the_same_total_twice_is_no_conflict():
    assert _picked(("", "主动公开政府信息12条。"), ("", "累计主动公开政府信息12条。"))[0] == {"proactive_items": 12}


def test_a_zero_in_words_may_lean_on_its_section_heading():
    assert _picked(("三、依申请公开情况", "全年内，我镇未接到相关申请。"))[0] == {"applications_new": 0}
    assert _picked(("一、概述", "全年内，我镇未接到相关申请。"))[0] == {}
    body = "## 三、依申请公开情况\n\n### （一）办理\n\n全年内，我镇未接到相关申请。\n"
    assert [(m.name, m.value, m.line, m.phrase) for m in extract_matches(body, 5)] == [
        ("applications_new", 0, 9, "未接到相关申请")
    ]


def test_a_negation_does_not_cover_a_number_after_it():
    """Any count after the negation voids the zero (cautious: the count may be what it negated)."""
    assert _picked(("", "未发生行政复议，行政诉讼2件。"))[0] == {"lawsuits_total": 2}
    assert _picked(("", "未发生行政复议和行政诉讼。"))[0] == {"reviews_total": 0, "lawsuits_total": 0}


def test_chinese_numerals_and_wanyuan():
    assert zh_number("十二") == 12 and zh_number("两百零五") == 205 and zh_number("〇") == 0
    assert zh_number("若干") is None
    figures, _ = _picked(("", "收到政府信息公开申请三件。收取信息处理费0.1万元。"))
    assert figures == {"applications_new": 3, "fees": 1000}


def test_the_organ_fee_of_table_1_is_not_a_disclosure_fee():
    text = "本年行政事业性收费1.25万元。本年度收取信息处理费0元。"
    assert _picked(("", text))[0] == {"fees": 0}
    assert [(m.name, m.value) for m in extract_matches(text)] == [("fees", 0)]


def test_a_part_after_其中_is_not_the_figure():
    assert _picked(("", "主动公开政府信息30条，其中主动公开规范性文件3条。"))[0] == {"proactive_items": 30}


def test_a_zero_is_quoted_from_the_nearest_negation():
    (match,) = [m for m in extract_matches("全年未发生行政复议，没有收取任何费用。") if m.name == "fees"]
    assert match.phrase == "没有收取" and match.sentence == "全年未发生行政复议，没有收取任何费用"


def test_the_importer_and_the_check_read_未经复议_alike():
    """The two extractors disagreed here: "未经复议直接起诉" does not say that there was no 复议."""
    text = "未经复议直接起诉的案件另行统计。"
    assert paragraph_matches([("四、行政复议、行政诉讼情况", text)]) == []
    assert extract_matches(text) == []


def test_phrasings_of_the_proactive_total():
    assert _picked(("", "全年共发布信息156条，其中通过门户网站发布98条。"))[0] == {"proactive_items": 156}
    assert _picked(("", "主动公开政府信息件数为87件。"))[0] == {"proactive_items": 87}
    assert _picked(("", "本年累计在各平台主动公开政府信息1205条。"))[0] == {"proactive_items": 1205}
    assert _picked(("", "主动公开政府信息总数171条：工作动态124条，预算决算4条。"))[0] == {"proactive_items": 171}
    text = "网站发布信息85条，微信公众号推送信息60条，合计145条。"
    assert _picked(("", text))[0] == {"proactive_items": 145}


def test_a_single_channel_or_kind_is_left_out_with_a_warning():
    figures, warnings = _picked(("", "通过乡政府网站公开信息45条，通过微信公众号推送信息70条。"))
    assert figures == {} and len(warnings) == 1 and "渠道" in warnings[0]
    figures, warnings = _picked(("", "主动公开镇财政信息12条。"))
    assert figures == {} and "一类信息" in warnings[0]
    assert _picked(("", "通过网站、公开栏等渠道主动公开政府信息312条。"))[0] == {"proactive_items": 312}


def test_a_round_number_is_left_out_with_a_warning():
    figures, warnings = _picked(("", "全年累计主动公开政府信息100余条。"))
    assert figures == {} and "约数" in warnings[0]
    assert extract_matches("全年累计主动公开政府信息100余条。") == []


def test_zero_applications_in_words_and_numbers():
    for text in (
        "2022年未收到依申请公开政府信息申请。",
        "本年度未收到公民、法人或其他组织的政府信息公开申请。",
        "全年共收到依申请公开0件。",
        "我镇收到0件信息公开申请。",
        "依申请公开政府信息的数量：无。",
    ):
        assert _picked(("", text))[0] == {"applications_new": 0}, text


def test_a_flattened_table_row_gives_its_total():
    text = "一、本年新收政府信息公开申请数量 2 1 0 0 0 0 3 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
    assert _picked(("", text))[0] == {"applications_new": 3, "applications_carried_over": 0}


def test_carried_forward_and_sums_and_bullets():
    assert _picked(("", "1件顺延至下一年度办理。"))[0] == {"applications_carried_forward": 1}
    text = "· 收到政府信息公开申请：2+2件 · 行政复议：0件；行政诉讼：1件 · 依申请公开收取费用：0元"
    assert _picked(("", text))[0] == {"applications_new": 4, "reviews_total": 0, "lawsuits_total": 1, "fees": 0}


def test_a_flattened_review_header_is_not_a_zero():
    """尚未审结 is a column of Table 3, not a negation: the one-line report's 2 must not become 0."""
    header = "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉"
    assert paragraph_matches([("四、政府信息公开行政复议、行政诉讼情况", header)]) == []
    assert _picked(("", "被申请行政复议2件，其中1件尚未审结。"))[0] == {"reviews_total": 2}


def test_the_organ_fee_in_any_wording_is_not_a_disclosure_fee():
    for text in ("本年行政事业性收费2.3万元，均按规定票据收取。", "本年收费金额（单位：万元） 行政事业性收费 2.3"):
        assert "fees" not in _picked(("", text))[0], text
