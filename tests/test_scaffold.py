"""`xxgk new`: the files it writes pass `xxgk check` as they are, for every format."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.model.schema import load_schemas
from tests.conftest import write_files

SITE = {"content/site.yaml": "title: 测试站\nbase_url: https://xxgk.example.org/\n"}
TOWNSHIP = ["new", "township", "anqiu-jingzhi", "--name", "景芝镇", "--county", "安丘市", "--city", "潍坊市"]


@pytest.fixture
def site_root(tmp_path):
    root = write_files(tmp_path / "site", dict(SITE))
    assert main(["--root", str(root), *TOWNSHIP, "--province", "山东省", "--code", "370784103"]) == 0
    return root


@pytest.mark.parametrize(("year", "fmt"), [(2018, "pre2019"), (2019, "f2019"), (2021, "f2021")])
def test_new_report_passes_check_as_is(site_root, year, fmt, capsys):
    assert main(["--root", str(site_root), "new", "report", "anqiu-jingzhi", str(year)]) == 0
    text = (site_root / f"content/townships/anqiu-jingzhi/{year}.md").read_text(encoding="utf-8")
    assert f"format: {fmt}" in text and "organ: 安丘市景芝镇人民政府" in text
    capsys.readouterr()
    # It passes as is; the warnings left are the editor's to-do list: the prose sections to write.
    assert main(["--root", str(site_root), "check", "--format", "json"]) == 0
    problems = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in problems if p["severity"] != "notice"} <= {"body.empty_section"}
    assert not [p for p in problems if p["severity"] == "error"]


def test_every_schema_row_is_written_with_its_label(site_root):
    main(["--root", str(site_root), "new", "report", "anqiu-jingzhi", "2021"])
    text = (site_root / "content/townships/anqiu-jingzhi/2021.md").read_text(encoding="utf-8")
    fmt = load_schemas()["f2021"]
    for table in fmt.tables:
        for row in table.rows():
            cells = ", ".join("0" for _ in table.columns_of(row.id))
            assert any(
                line.strip().startswith(f"{row.id}:") and f"[{cells}]" in line and line.endswith(f"# {row.label}")
                for line in text.splitlines()
            ), row.id
    for section in fmt.sections:
        assert f"## {section.title}\n" in text


def test_new_refuses_to_overwrite(site_root, capsys):
    args = ["--root", str(site_root), "new", "report", "anqiu-jingzhi", "2019"]
    assert main(args) == 0
    path = site_root / "content/townships/anqiu-jingzhi/2019.md"
    path.write_text("mine", encoding="utf-8")
    assert main(args) == 1
    assert "已存在" in capsys.readouterr().err and path.read_text(encoding="utf-8") == "mine"
    assert main(["--root", str(site_root), *TOWNSHIP, "--province", "山东省"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "report", "no-such-town", "2019"], "township.yaml"),
        (["new", "report", "anqiu-jingzhi", "1999"], "不在"),
        (["new", "township", "x-y", *TOWNSHIP[3:], "--province", "d", "--code", "12"], "9 位或 12 位"),
    ],
)
def test_new_rejects_bad_input(site_root, capsys, args, message):
    assert main(["--root", str(site_root), *args]) == 1
    assert message in capsys.readouterr().err
