"""`xxgk import` on what the held-out-like corpus (tests/import_corpus/cases_heldout.py) and the probes of
real phrasings found (#22): one test per form or phrasing class. Every test also states the value that
must NOT come out: wrong data is worse than missing data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.checks.prose_figures import paragraph_matches, pick_figures
from generator.importer.accuracy import score_file
from generator.importer.grid import Grid
from generator.importer.labels import all_labels, build_indexes
from generator.importer.layout import find_tables
from generator.importer.report import import_report
from generator.model.schema import load_schemas
from tests.checking import REPORT, expect, minimal, problems_in, report

CORPUS = Path(__file__).resolve().parent / "import_corpus"
HEAD = "某镇2021年政府信息公开工作年度报告\n一、总体情况\n本镇全年工作有序开展。\n二、主动公开政府信息情况\n"
T1_F2021 = [
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "1", "0", "5"],
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", "12"],
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", "3"],
    ["行政强制", "0"],
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "0.5"],
]
T1_VALUES = {
    "regulations": [0, 0, 0],
    "normative": [1, 0, 5],
    "licensing": [12],
    "penalty": [3],
    "coercion": [0],
    "fees": [0.5],
}


@pytest.fixture(scope="module")
def schemas():
    return load_schemas()


def _imported(tmp_path: Path, text: str, schemas, name: str = "r.txt", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return import_report(path, "x", schemas)


def _picked(*paragraphs: tuple[str, str]) -> dict:
    return {k: v.value for k, v in pick_figures(paragraph_matches(paragraphs))[0].items()}


def _grids(text: str, schemas) -> list[Grid]:
    known = all_labels(list(build_indexes([f for f in schemas.values() if f.tables]).values()))
    return [b for b in find_tables(text.split("\n"), known) if isinstance(b, Grid)]


# ------------------------------------------------------------------------------------------ table forms


def test_cells_closed_by_bar_lines(tmp_path, schemas):
    """A CMS table copied as text: every cell, then a line that is only '|'; a header broken in two."""
    rows = [*T1_F2021[:1], ["信息内容", "本年制发\n件数", "本年废止件数", "现行有效件数"], *T1_F2021[2:]]
    cells = [line for row in rows for cell in row for line in (*cell.split("\n"), "|")]
    text = HEAD + "该部分以表格形式报告。表格如下：\n" + "\n".join(cells) + "\n五、存在的主要问题及改进情况\n无。\n"
    (grid,) = _grids(text, schemas)
    assert grid.form == "barlines" and ("本年制发件数",) in grid.rows
    assert _imported(tmp_path, text, schemas).tables["proactive"] == T1_VALUES


def test_space_separated_pdf_rows(tmp_path, schemas):
    """PDF text: a row per line, cells split by spaces; a long label wrapped onto the next line; a label
    alone on its line with its values on the next; a page number inside the table."""
    lines = [" ".join(row) for row in T1_F2021]
    lines[3:4] = ["行政规范性文件", "1 0 5", "- 2 -"]
    text = HEAD + "\n".join(lines) + "\n三、收到和处理政府信息公开申请情况\n"
    text += "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
    text += "三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 2\n"
    text += "（二）部分公开（区分处理的，只计这一情形，不计其他\n情形） 0 0 0 0 0 0 0\n"
    imported = _imported(tmp_path, text, schemas)
    assert imported.tables["proactive"] == T1_VALUES
    assert imported.summary.form == "spaced"
    rows = [row for grid in _grids(text, schemas) for row in grid.rows]
    assert ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *["0"] * 7) in rows


def test_squeezed_rows_are_split_only_where_certain(tmp_path, schemas):
    """`规章000`: as many digits as cells, and the row rules hold. `12037` for three cells, `13.5` for two,
    and a Table 2 row whose digits break 总计 = the sum of the others stay empty, with a warning."""
    digits = {"new": "1000001", "carried_over": "1000000", "granted": "1000001", "total_handled": "1000001"}
    table2 = "\n".join(f"{r.label}{digits.get(r.id, '0000000')}" for r in schemas["f2019"].table("applications").rows())
    text = (
        HEAD.replace("2021", "2019") + "第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n"
        "规章000\n规范性文件101\n第二十条第（五）项\n信息内容上一年项目数量本年增/减处理决定数量\n行政许可000\n"
        "其他对外管理服务事项12037\n第二十条第（六）项\n信息内容上一年项目数量本年增/减处理决定数量\n行政处罚000\n"
        "行政强制000\n第二十条第（八）项\n信息内容上一年项目数量本年增/减\n行政事业性收费00\n"
        "第二十条第（九）项\n信息内容采购项目数量采购总金额\n政府集中采购13.5\n"
        "三、收到和处理政府信息公开申请情况\n" + table2 + "\n"
    )
    imported = _imported(tmp_path, text, schemas)
    proactive, applications = imported.tables["proactive"], imported.tables["applications"]
    assert proactive["regulations"] == [0, 0, 0] and proactive["normative"] == [1, 0, 1]
    assert proactive["other_services"] == [None] * 3 and proactive["procurement"] == [None] * 2
    assert applications["new"] == [1, 0, 0, 0, 0, 0, 1] and applications["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert applications["carried_over"] == [None] * 7  # 1+0…+0 ≠ 0: not split
    assert any("连在一起" in w for w in imported.summary.warnings)


def test_a_table_is_not_read_in_the_template_its_labels_do_not_point_to(tmp_path, schemas):
    """An f2019 Table 1 of which f2019 reads too few rows is not imported as an f2021 one (whose
    one-cell rows would take `行政许可000` as 0)."""
    text = (
        HEAD + "第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n规范性文件101\n"
        "第二十条第（五）项\n信息内容上一年项目数量本年增/减处理决定数量\n行政许可000\n其他对外管理服务事项12037\n"
    )
    imported = _imported(tmp_path, text, schemas)
    assert "proactive" not in imported.tables
    assert any("未导入此表" in w for w in imported.summary.warnings)


def test_a_vertical_header_read_across_does_not_hide_table3(schemas, tmp_path):
    """PDF text of Table 3: leaf labels as glyph columns (`结 结 其 尚 总`), then the 15 values."""
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    glyphs = [" ".join(label[i] for label in leaves if len(label) > i) for i in range(4)]
    values = ["0"] * 5 + ["1", "0", "0", "0", "1"] + ["0"] * 5
    text = HEAD + "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(
        ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *glyphs, *values]
    )
    imported = _imported(tmp_path, text + "\n五、存在的主要问题及改进情况\n无。\n", schemas)
    assert imported.tables["review"]["cases"] == [int(v) for v in values]
    assert imported.figures["lawsuits_total"] == 1 and imported.figures["reviews_total"] == 0


def test_a_page_flattened_to_one_line_keeps_its_text_without_the_furniture(tmp_path, schemas):
    """The whole report on one line that starts with breadcrumbs (once dropped as boilerplate, so the
    import was refused); the signature at its end is found."""
    imported = import_report(CORPUS / "sanxi-2021-oneline.txt", "x", schemas)
    assert imported.meta["organ"] == "三溪镇人民政府" and imported.meta["published"] == "2022-01-21"
    assert "首页" not in imported.body and "浏览次数" not in imported.body and "打印本页" not in imported.body
    assert "个别栏目更新不及时" in imported.body
    assert imported.figures["proactive_items"] == 152  # not 12 (同比增加12条)


def test_a_portal_metadata_table_is_read_and_kept_out_of_the_body(tmp_path, schemas):
    page = (
        "<html><body><table><tr><th>索引号：</th><td>11350100/2022-00031</td><th>主题分类：</th><td>其他</td></tr>"
        "<tr><th>发布机构：</th><td>某镇人民政府</td><th>发布日期：</th><td>2022-01-20</td></tr>"
        "<tr><td>名称</td><td colspan='3'>某镇2021年政府信息公开工作年度报告</td></tr></table>"
        "<h1>某镇2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年主动公开政府信息30条。</p></body></html>"
    )
    imported = _imported(tmp_path, page, schemas, "r.html")
    assert imported.meta["index_no"] == "11350100/2022-00031" and imported.meta["organ"] == "某镇人民政府"
    assert imported.meta["published"] == "2022-01-20"
    assert "索引号" not in imported.body and "主题分类" not in imported.body


def test_a_furniture_line_date_and_pdf_page_numbers(tmp_path, schemas):
    text = "某镇2021年政府信息公开工作年度报告\n时间：2022-01-16 来源：某镇 作者：\n一、总体情况\n- 1 -\n无。\n"
    imported = _imported(tmp_path, text, schemas)
    assert imported.meta["published"] == "2022-01-16" and "- 1 -" not in imported.body


def test_a_label_of_the_other_template_and_a_year_in_a_header(tmp_path, schemas):
    """An f2021 Table 1 printing f2019's 规范性文件, without its 第二十条第（一）项 title row, with
    `本年(2022)制发件数`; the f2019 and f2021 labels of one row are aliases, taken from the schema files."""
    rows = [["信息内容", "本年(2022)制发件数", "本年废止件数", "现行有效件数"], *T1_F2021[2:]]
    rows[2][0] = "规范性文件"
    text = HEAD + "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"
    imported = _imported(tmp_path, text, schemas)
    assert imported.meta["format"] == "f2021" and imported.tables["proactive"] == T1_VALUES


def test_rows_that_could_not_be_read_give_no_figure(tmp_path, schemas):
    """A row left empty because its cells could not be placed is not a printed blank: no 0 is derived
    from it; a table in which no row could be read is not imported; and the prose does not stand in for
    the unread table (prose and table disagree in real reports), with a warning quoting it."""
    rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（七）总计"]
    rows.append("四、结转下年度继续办理")
    table = "\n".join(f"{label}\n|\n5\n|\n3\n|" for label in rows)  # two values for seven cells
    text = HEAD + "全年收到政府信息公开申请2件。\n三、收到和处理政府信息公开申请情况\n" + table + "\n"
    imported = _imported(tmp_path, text, schemas)
    assert "applications" not in imported.tables
    assert imported.figures["applications_new"] is None  # not 0 from the empty row, nor the prose's 2
    assert imported.figures["applications_carried_over"] is None
    assert any("全年收到政府信息公开申请2件" in w and "未填" in w for w in imported.summary.warnings)


# --------------------------------------------------------------------------------------- prose figures


def test_counts_over_all_years_are_parts_and_do_not_hide_the_year_figure():
    text = "本年度主动公开政府信息41条，历年累计公开318条。"
    assert _picked(("", text)) == {"proactive_items": 41}
    assert _picked(("", "2022年度新增主动公开信息48条，累计主动公开信息1036条。")) == {"proactive_items": 48}
    assert _picked(("", "本年累计在各平台主动公开政府信息1205条。")) == {"proactive_items": 1205}
    assert _picked(("", "今年以来，我镇共主动公开政府信息143条。")) == {"proactive_items": 143}
    text = "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况；历年累计行政复议1件。"
    assert _picked(("", text)) == {"reviews_total": 0, "lawsuits_total": 0}


def test_running_totals_and_counts_that_hold_last_years_applications():
    assert _picked(("", "截至目前，我镇已累计主动公开政府信息1362条。")) == {}
    assert _picked(("", "截至目前，本镇2013年共主动公开政府信息121条。")) == {"proactive_items": 121}
    assert _picked(("", "全年收到政府信息公开申请3件（含上年结转1件）。")) == {"applications_carried_over": 1}
    assert _picked(("", "全年办理政府信息公开申请5件，其中上年结转2件，本年新收3件。")) == {}
    assert _picked(("", "行政复议和行政诉讼案件均为零。")) == {"reviews_total": 0, "lawsuits_total": 0}
    assert _picked(("", "发布法定主动公开内容1条，包括机构概况1条。")) == {}


def test_two_numbers_in_one_cell_are_never_glued(tmp_path, schemas):
    rows = [["规章", "0", "0", "0"], ["行政规范性文件", "2 2", "0", "5"]]
    text = HEAD + "\n".join("| " + " | ".join(r) + " |" for r in [*T1_F2021[:2], *rows, *T1_F2021[4:]]) + "\n"
    imported = _imported(tmp_path, text, schemas)
    assert imported.tables["proactive"]["normative"] == [None, 0, 5]
    assert any("两个数字" in w for w in imported.summary.warnings)


def test_channels_new_media_and_what_a_total_counts():
    text = "全年主动公开政府信息185条。全年通过政务新媒体共发布各类信息426条。"
    assert _picked(("", text)) == {"proactive_items": 185}
    assert _picked(("", "全年通过政务网站、微信、微博共发布各类信息1362条。")) == {}
    assert _picked(("", "通过区政府网站沙坪街道栏目发布信息75条。")) == {}
    assert _picked(("", "全年在省政府采购网公开信息7条。")) == {}
    assert _picked(("", "镇政府网站全年访问量达12000人次，发布信息320条。")) == {}
    text = "我镇共发文96件。另外，我镇共在政务信息公开平台主动公开政府信息达18条。"
    assert _picked(("", text)) == {"proactive_items": 18}
    assert _picked(("", "网站发布信息85条，微信公众号推送信息60条，合计145条。")) == {"proactive_items": 145}
    assert _picked(("", "主动公开政府信息数量较上年增加32条，达到215条。")) == {}


def test_ways_of_applying_are_parts_and_a_listed_total_is_read():
    assert _picked(("", "本年度收到当面申请1件，网上申请2件。")) == {}
    assert _picked(("", "全年收到当面申请2件、信函申请2件，共计4件，均已按期答复。")) == {"applications_new": 4}
    assert _picked(("", "本年度通过信函方式收到政府信息公开申请1件。")) == {}
    text = "全年共收到政府信息公开申请3件，其中当面申请1件、网上申请2件；上年结转1件。"
    assert _picked(("", text)) == {"applications_new": 3, "applications_carried_over": 1}


def test_counts_that_do_not_say_they_count_applications_received():
    assert _picked(("", "本年度依申请公开0件，不予公开0件。")) == {}
    assert _picked(("", "全年办结政府信息公开申请4件。")) == {}
    assert _picked(("", "本年度收到政府信息公开行政复议申请10件。")) == {"reviews_total": 10}
    assert _picked(("", "全年共收到依申请公开0件。")) == {"applications_new": 0}
    assert _picked(("", "依申请公开申请数量为3件。")) == {"applications_new": 3}


def test_fees_and_costs():
    assert _picked(("", "本年度共收取检索费、复制费、邮寄费合计45.5元。")) == {"fees": 45.5}
    assert _picked(("", "2021年度未产生信息处理费。")) == {"fees": 0}
    assert _picked(("", "我镇收取信息处理费情况：无。")) == {"fees": 0}
    text = "未产生政府信息公开事务诉讼相关的费用支出。"
    assert "lawsuits_total" not in _picked(("", text))
    assert _picked(("", "公开政府信息共计1,205条。")) == {"proactive_items": 1205}


def test_the_check_does_not_compare_a_part_with_a_total(tmp_path):
    """A channel's count (通过网站…45条) cannot contradict the year's total: no prose.figure_mismatch."""
    body = "## 二、主动公开情况\n\n通过网站主动公开政府信息45条，全年共计主动公开政府信息80条。\n"
    front = "year: 2018\npublished: 2019-01-15\nfigures:\n  proactive_items: 80\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    assert not [p for p in problems_in(root) if p.code == "prose.figure_mismatch"]
    body = "## 二、主动公开情况\n\n本年度主动公开政府信息41条，历年累计公开318条。\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    assert "41" in expect(root, "prose.figure_mismatch", REPORT, 9).message


# ------------------------------------------------------------------------------------------- benchmark


def test_the_benchmark_counts_a_value_where_the_truth_is_blank_as_wrong_and_a_refused_file_as_missed(
    tmp_path, schemas
):
    truth = yaml.safe_load((CORPUS / "shaping-2022-mixed-tsv.truth.yaml").read_text(encoding="utf-8"))
    assert truth["figures"]["proactive_items"] is None
    source = tmp_path / "a.txt"
    source.write_text("某镇2014年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息75条。\n", encoding="utf-8")
    truth_path = tmp_path / "a.truth.yaml"
    figures = dict.fromkeys(truth["figures"])
    truth_path.write_text(yaml.safe_dump({"year": 2014, "format": "pre2019", "figures": figures}))
    score = score_file(source, truth_path, schemas)
    assert score.figures_wrong == 1 and score.misses == ["a.txt: figure proactive_items 75 ≠ None"]
    source.write_text("\n\n", encoding="utf-8")
    score = score_file(source, truth_path, schemas)
    assert score.figures_wrong == 0 and score.fields_right == 0 and "refused" in score.misses[0]


@pytest.mark.parametrize("unit", ["0 0 0\n", "000000\n", "0\n|\n", "\t0\n", "| 0 | 0 |\n", "0\t0\t0\n"])
def test_long_runs_without_labels_take_linear_time(tmp_path, schemas, unit):
    """Every finder once rescanned such a run from each of its lines: minutes for a few thousand lines."""
    import time

    text = "某镇2021年政府信息公开工作年度报告\n一、总体情况\n" + unit * 6000
    started = time.perf_counter()
    _imported(tmp_path, text, schemas)
    assert time.perf_counter() - started < 15
