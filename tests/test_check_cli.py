"""`xxgk check` and `build` from the command line: exit codes, formats, the GitHub summary,
and a site with problems never replacing the last good site/."""

from __future__ import annotations

import json
import re

import pytest

from generator.cli import main
from generator.model.problems import Problem, format_github
from tests.checking import REPORT, minimal, report
from tests.test_build import digest_tree

JINGZHI = "content/townships/anqiu-jingzhi/2019.md"
# GitHub's workflow command: ::name key=value,key=value::data. In property values % \r \n : ,
# are escaped (%25 %0D %0A %3A %2C); in the data % \r \n are.
_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*)::([^\r\n]*)$")


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def _parse(output: str) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    for line in output.splitlines():
        match = _COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(item.split("=", 1) for item in match.group(2).split(","))
        commands.append((match.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(match.group(3))))
    return commands


def _broken_table(root):
    path = root / JINGZHI
    path.write_text(path.read_text("utf-8").replace("total_handled: [1,", "total_handled: [2,"), "utf-8")


def test_clean_site_exits_0(f2021_root, capsys):
    assert main(["--root", str(f2021_root), "check"]) == 0
    assert "检查通过" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    assert main(["--root", str(tmp_path), "check"]) == 2


def test_github_format_annotations_and_summary(sample_root, tmp_path, monkeypatch, capsys):
    _broken_table(sample_root)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["--root", str(sample_root), "check", "--format", "github"]) == 1
    commands = _parse(capsys.readouterr().out)
    errors = [c for c in commands if c[0] == "error"]
    assert errors and all(c[1]["file"] == JINGZHI for c in errors)
    assert any(c[1]["line"] == "46" and c[1]["title"] == "勾稽关系不符 [table.sum]" for c in errors)
    assert any(c[0] == "warning" and c[1]["line"] == "62" for c in commands)  # prose vs table
    text = summary.read_text("utf-8")
    assert text.startswith("## xxgk 检查结果") and f"| `{JINGZHI}` |" in text and "勾稽关系不符" in text


def test_github_format_escapes_hostile_values():
    nasty = Problem("content/a,b:c.md", 3, "table.sum", "100% 错\r\n第二行: a,b", column=2)
    ((kind, props, data),) = _parse(format_github([nasty]))
    assert (kind, props["file"], props["line"], props["col"]) == ("error", "content/a,b:c.md", "3", "2")
    assert data == nasty.message


def test_json_format_sorted_by_file_and_line(sample_root, capsys):
    _broken_table(sample_root)
    assert main(["--root", str(sample_root), "check", "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [(i["path"], i["line"]) for i in items] == sorted((i["path"], i["line"]) for i in items)
    assert {"path", "line", "column", "code", "severity", "message", "title"} <= set(items[0])
    assert any(i["code"] == "table.sum" and i["severity"] == "error" for i in items)


def test_warnings_pass_unless_strict(sample_root, capsys):
    assert main(["--root", str(sample_root), "check"]) == 0  # the sample has warnings, no errors
    assert main(["--root", str(sample_root), "check", "--strict"]) == 1
    out = sample_root / "out"
    assert main(["--root", str(sample_root), "build", "--out", str(out), "--strict"]) == 1
    assert not out.exists()
    assert main(["--root", str(sample_root), "build", "--out", str(out)]) == 0


def test_site_with_problems_leaves_previous_site_untouched(sample_root, capsys):
    site = sample_root / "site"
    assert main(["--root", str(sample_root), "build", "--jobs", "1"]) == 0
    before = digest_tree(site)
    _broken_table(sample_root)
    assert main(["--root", str(sample_root), "build", "--jobs", "1"]) == 1
    assert "未改动" in capsys.readouterr().err
    assert digest_tree(site) == before
    assert not list(sample_root.glob(".site*"))


def test_every_problem_reported_in_one_run(tmp_path, capsys):
    body = "## 一、概述\n\n二O一年<font>正文</font>\n"
    front = "year: 2018\npublshed: 2019-01-15\nfigures:\n  proactive_items: -1\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    for code in ("field.unknown", "figure.type", "body.garbled_date", "body.html_removed"):
        assert f"[{code}]" in out
