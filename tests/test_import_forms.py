"""`xxgk import` on the forms real reports take (#22): tab-separated Word text, pages flattened to one
line, mixed templates, traditional characters; the wrong values seen on held-out reports; a folder of
reports imported at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.engine.load import load_site
from generator.importer.accuracy import score_file
from generator.importer.report import import_report
from generator.model.schema import load_schemas
from tests.conftest import TODAY

CORPUS = Path(__file__).resolve().parent / "import_corpus"


@pytest.fixture(scope="module")
def schemas():
    return load_schemas()


def _import(name: str, schemas):
    return import_report(CORPUS / name, "x", schemas)


def test_tab_separated_rows_with_full_width_block_titles(schemas):
    imported = _import("songlin-2021-tsv.txt", schemas)
    assert imported.summary.form == "tsv"
    assert imported.tables["proactive"]["licensing"] == [41] and imported.tables["proactive"]["fees"] == [0.8]
    assert imported.tables["review"]["cases"][4] == 2
    assert imported.figures["proactive_items"] == 156  # 全年共发布信息156条, not the website's 98


def test_rows_separated_by_full_width_bars(schemas, tmp_path):
    """'｜' is what a Chinese input method types for '|': the same table, the same cells."""
    text = (CORPUS / "qingshi-2020-pipe-gbk.txt").read_text("gbk").replace("|", "｜")
    (tmp_path / "qingshi-2020-fullwidth.txt").write_text(text, "utf-8")
    shutil.copy(CORPUS / "qingshi-2020-pipe-gbk.truth.yaml", tmp_path / "qingshi-2020-fullwidth.truth.yaml")
    score = score_file(tmp_path / "qingshi-2020-fullwidth.txt", tmp_path / "qingshi-2020-fullwidth.truth.yaml", schemas)
    assert (score.cells_right, score.cells_wrong, score.figures_right) == (score.cells, 0, score.figures)
    assert score.cells > 150


def test_a_body_flattened_to_one_line(schemas):
    imported = _import("songlin-2020-oneline.txt", schemas)
    assert imported.summary.form == "oneline"
    assert imported.summary.cells_filled == imported.summary.cells_total == 198
    assert imported.figures["reviews_total"] == 2  # the flattened 尚未审结 column is no "0"
    assert "## 五、存在的主要问题及改进情况" in imported.body  # the text is cut again at its headings


@pytest.mark.parametrize(
    ("name", "report_format", "own"),
    [
        ("lianhua-2020-mixed-page.html", "f2019", {"proactive": "f2021"}),
        ("lianhua-2021-mixed-word.docx", "f2021", {"proactive": "f2019"}),
        ("lianhua-2022-f2019-tsv.txt", "f2019", {}),
    ],
)
def test_each_table_in_the_template_its_labels_match(schemas, name, report_format, own):
    imported = _import(name, schemas)
    assert imported.meta["format"] == report_format and imported.table_formats == own
    assert all(None not in cells for rows in imported.tables.values() for cells in rows.values())
    assert any("模板不同" in w for w in imported.summary.warnings) == bool(own)


def test_traditional_characters_and_pinyin_glosses(schemas):
    imported = _import("taoyuan-2017-traditional-glosses.txt", schemas)
    assert imported.meta["title"] == "桃源镇2017年政府信息公开工作年度报告"
    assert "(zhèn)" not in imported.body and "鎮" not in imported.body
    assert imported.figures["proactive_items"] == 75
    assert any("繁体" in w for w in imported.summary.warnings) and any("拼音" in w for w in imported.summary.warnings)
    assert _import("taoyuan-2019-traditional-pipecells.txt", schemas).summary.cells_filled == 198


def test_wrong_values_are_left_out_and_warned(schemas):
    """Held-out reports gave a channel's count as the total and the organ fee as the disclosure fee."""
    imported = _import("shuikou-2020-channels.txt", schemas)
    assert imported.figures["proactive_items"] is None
    assert any("渠道" in w and "主动公开政府信息" in w for w in imported.summary.warnings)
    assert imported.figures["fees"] is None  # 行政事业性收费2.3万元 is not a disclosure fee
    assert imported.figures["reviews_total"] == 2 and imported.figures["applications_new"] == 0


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", root / "content")
    (root / "content/townships/anqiu-jingzhi/2019.md").unlink()
    main(
        [
            "--root",
            str(root),
            "new",
            "township",
            "x-lianhua",
            "--name",
            "莲花乡",
            "--county",
            "某县",
            "--city",
            "某市",
            "--province",
            "某省",
        ]
    )
    return root


def test_a_folder_of_reports_goes_to_their_townships_and_years(site, tmp_path, capsys):
    backlog = tmp_path / "backlog"
    backlog.mkdir()
    for name in ("seed-anqiu-jingzhi-2019.txt", "lianhua-2020-mixed-page.html", "songlin-2021-tsv.txt"):
        shutil.copy(CORPUS / name, backlog / name)
    assert main(["--root", str(site), "import", str(backlog)]) == 1  # 松林镇 has no township.yaml
    out, err = capsys.readouterr()
    assert "| 文件 | 乡镇 | 年度 | 格式 | 表格 | 关键数字 | 警告 | 结果 |" in out
    assert "共 3 个文件，写入 2 个。" in out
    assert "xxgk new township <县名拼音-乡镇名拼音> --name 松林镇" in err
    written = site / "content/townships/x-lianhua/2020.md"
    assert "    format: f2021" in written.read_text(encoding="utf-8")  # Table 1 on the 2021 template
    assert (site / "content/townships/anqiu-jingzhi/2019.md").is_file()
    _, problems = load_site(site, TODAY)
    assert [p for p in problems if p.severity == "error"] == []


def test_a_report_that_fails_the_check_is_not_written_unless_forced(site, tmp_path, capsys):
    broken = tmp_path / "lianhua-2022.txt"
    text = (CORPUS / "lianhua-2022-f2019-tsv.txt").read_bytes().decode("gb18030")
    broken.write_text(
        text.replace("一、本年新收政府信息公开申请数量\t3", "一、本年新收政府信息公开申请数量\t5", 1), encoding="utf-8"
    )
    target = site / "content/townships/x-lianhua/2022.md"
    assert main(["--root", str(site), "import", str(broken)]) == 1
    assert not target.exists() and "未写入：" in capsys.readouterr().out
    assert main(["--root", str(site), "import", str(broken), "--force"]) == 1
    assert target.is_file()
