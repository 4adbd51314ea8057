"""`xxgk import` on real files: the corpus (five seeds + invented inputs in every table form), the CLI
writing into a copy of the sample site, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.engine.load import load_site
from generator.importer.accuracy import inputs, score_file
from generator.importer.reading import ReadError, decode
from generator.importer.report import ImportFailed, import_report
from generator.model.schema import load_schemas
from generator.model.site import FIGURE_NAMES
from tests.conftest import TODAY

CORPUS = Path(__file__).resolve().parent / "import_corpus"
SEED_JINGZHI = CORPUS / "seed-anqiu-jingzhi-2019.txt"
PAIRS = inputs(CORPUS)


@pytest.fixture(scope="module")
def schemas():
    return load_schemas()


@pytest.mark.parametrize(("path", "truth"), PAIRS, ids=[p.name for p, _ in PAIRS])
def test_every_cell_figure_and_field_of_the_corpus_comes_out_right(path, truth, schemas):
    """Every cell, figure and field right; only the rows a truth file lists as `unreadable` (digits that
    no reader can place with certainty) must come out blank instead."""
    score = score_file(path, truth, schemas)
    unreadable = yaml.safe_load(truth.read_text(encoding="utf-8")).get("unreadable") or []
    blank = [m for m in score.misses if any(f": {row}[" in m and " None ≠ " in m for row in unreadable)]
    assert [m for m in score.misses if m not in blank] == []
    assert score.cells_wrong == 0 and score.figures_wrong == 0
    assert score.cells_right + len(blank) == score.cells and score.figures_right == score.figures == len(FIGURE_NAMES)


def test_corpus_holds_the_five_seeds_and_every_form():
    names = {p.name for p, _ in PAIRS}
    assert len([n for n in names if n.startswith("seed-")]) == 5
    assert {p.suffix for p, _ in PAIRS} == {".txt", ".docx", ".html"}
    assert any("pipe" in n for n in names) and any("lines" in n for n in names) and any("tab" in n for n in names)


def test_table2_row_labels_are_data_not_headings(schemas):
    """report-formats §2: 四、结转下年度继续办理 looks like a section heading once flattened."""
    imported = import_report(SEED_JINGZHI, "anqiu-jingzhi", schemas)
    assert "结转下年度继续办理" not in imported.body
    assert "## 四、政府信息公开行政复议、行政诉讼情况" in imported.body
    assert "### （七）工作考核、社会评议和责任追究结果情况。" in imported.body
    assert "[bookmark" not in imported.body
    assert imported.tables["applications"]["new"] == [1, 0, 0, 0, 0, 0, 1]
    assert any("与表格不一致" in w for w in imported.summary.warnings)  # prose says 0, table says 1


def test_fees_never_come_from_the_f2021_table1_wanyuan_cell(schemas):
    imported = import_report(CORPUS / "baiyun-2022-page.html", "x", schemas)
    assert imported.tables["proactive"]["fees"] == [1.25]
    assert imported.figures["fees"] == 0  # from 本年度收取信息处理费0元, not 1.25 万元
    assert "当前位置" not in imported.body and "点击数" not in imported.body and "登录" not in imported.body


def test_a_row_that_does_not_fit_is_left_empty_and_reported(tmp_path, schemas):
    text = (CORPUS / "baiyun-2022-pipe-ascii.txt").read_text(encoding="utf-8")
    broken = text.replace("| 行政许可 | 86 |", "| 行政许可 | 86 | 7 |", 1)
    assert broken != text
    path = tmp_path / "r.txt"
    path.write_text(broken, encoding="utf-8")
    imported = import_report(path, "x", schemas)
    assert imported.tables["proactive"]["licensing"] == [None]
    assert any("行政许可" in w and "留空" in w for w in imported.summary.warnings)


def test_unknown_labels_are_reported(tmp_path, schemas):
    text = (CORPUS / "baiyun-2022-pipe-ascii.txt").read_text(encoding="utf-8").replace("行政强制", "行政强制执行情况")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    imported = import_report(path, "x", schemas)
    assert "行政强制执行情况" in imported.summary.unmapped
    assert imported.tables["proactive"]["coercion"] == [None]


def test_decoding_does_not_guess_wrong():
    report = "景芝镇2019年政府信息公开工作年度报告，主动公开政府信息228条。"
    for encoding in ("utf-8", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"):
        assert decode(report.encode(encoding))[0] == report
    with pytest.raises(ReadError):
        decode(bytes(range(128, 256)) * 4)


def test_no_year_anywhere_is_an_error_unless_given(tmp_path, schemas):
    path = tmp_path / "r.txt"
    path.write_text("某镇政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息5条。\n", encoding="utf-8")
    with pytest.raises(ImportFailed):
        import_report(path, "x", schemas)
    assert import_report(path, "x", schemas, year=2015).figures["proactive_items"] == 5


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", root / "content")
    (root / "content/townships/anqiu-jingzhi/2019.md").unlink()
    return root


def test_cli_writes_a_file_that_passes_check(site, capsys):
    docx = CORPUS / "qingshi-2020-word.docx"
    assert (
        main(
            [
                "--root",
                str(site),
                "import",
                str(SEED_JINGZHI),
                str(docx),
                "--township",
                "anqiu-jingzhi",
                "--keep-original",
            ]
        )
        == 0
    )
    out = capsys.readouterr()
    assert "填入 198/198 格" in out.out and "不能作为附件" in out.out  # .txt cannot be an attachment
    written = site / "content/townships/anqiu-jingzhi/2020.md"
    assert "source: 2020.docx" in written.read_text(encoding="utf-8")
    assert (site / "content/townships/anqiu-jingzhi/2020.docx").is_file()
    _, problems = load_site(site, TODAY)
    assert [p for p in problems if p.severity == "error"] == []


def test_cli_refuses_to_overwrite_and_reports_failing_checks(site, capsys):
    target = site / "content/townships/anqiu-jingzhi/2019.md"
    target.write_text("keep me", encoding="utf-8")
    assert main(["--root", str(site), "import", str(SEED_JINGZHI), "--township", "anqiu-jingzhi"]) == 1
    assert target.read_text(encoding="utf-8") == "keep me"
    (site / "content/townships/anqiu-jingzhi/2018.md").write_text("---\nyear: 2018\n---\n", encoding="utf-8")
    path = site.parent / "bad.txt"
    path.write_text(
        SEED_JINGZHI.read_text(encoding="utf-8").replace("申请数量\n\t1", "申请数量\n\t5", 1),
        encoding="utf-8",
    )
    target.unlink()
    assert main(["--root", str(site), "import", str(path), "--township", "anqiu-jingzhi"]) == 1
    err = capsys.readouterr().err
    assert "2019.md:24:" in err and "[table.sum]" in err and "勾稽关系" in err  # which check, where, why
    assert "未写入" in err and not target.exists()


def test_dry_run_json_has_all_seven_figures_and_writes_nothing(site, capsys):
    assert (
        main(
            [
                "--root",
                str(site),
                "import",
                str(CORPUS / "seed-miyun-bulaotun-2013.txt"),
                "--township",
                "anqiu-jingzhi",
                "--dry-run",
                "--format",
                "json",
            ]
        )
        == 0
    )
    [report] = json.loads(capsys.readouterr().out)
    assert list(report["front_matter"]["figures"]) == list(FIGURE_NAMES)
    assert report["front_matter"]["figures"]["lawsuits_total"] is None
    assert report["front_matter"]["published"] == "2013-12-31"
    assert report["body"].startswith("## 一、概述")
    assert not (site / "content/townships/anqiu-jingzhi/2013.md").exists()


def test_unknown_township_and_unreadable_files(site, tmp_path, capsys):
    assert main(["--root", str(site), "import", str(SEED_JINGZHI), "--township", "nowhere"]) == 2
    bad = tmp_path / "r.docx"
    bad.write_bytes(b"not a zip")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF")
    assert main(["--root", str(site), "import", str(bad), str(pdf), "--township", "anqiu-jingzhi"]) == 1
    err = capsys.readouterr().err
    assert "无法打开 Word 文件" in err and "不支持的文件类型 .pdf" in err
