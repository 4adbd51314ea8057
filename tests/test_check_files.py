"""Broken files: encodings, BOM, binaries, size, unknown files, front matter, YAML, site config."""

from __future__ import annotations

from generator.content.source import MAX_BYTES
from tests.checking import REPORT, TOWNSHIP, expect, minimal, problems_in, report

GOOD = report("year: 2018\npublished: 2019-01-15\n")


def test_gbk_file_is_named_as_gbk(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\n", "## 一、概述\n").encode("gbk")})
    problem = expect(root, "file.encoding", REPORT, 4)
    assert "GBK/GB18030" in problem.message and "UTF-8" in problem.message


def test_bom(tmp_path):
    root = minimal(tmp_path, {REPORT: b"\xef\xbb\xbf" + GOOD.encode()})
    expect(root, "file.bom", REPORT, 1)


def test_binary_file(tmp_path):
    root = minimal(tmp_path, {REPORT: b"PK\x03\x04\x00\x00binary"})
    expect(root, "file.binary", REPORT, 0)


def test_file_too_large(tmp_path):
    root = minimal(tmp_path, {REPORT: GOOD + "正文" * (MAX_BYTES // 5)})
    assert "KB" in expect(root, "file.too_large", REPORT, 0).message


def test_unknown_file_type(tmp_path):
    root = minimal(tmp_path, {"content/townships/test-town/notes.txt": "笔记"})
    expect(root, "file.unknown_type", "content/townships/test-town/notes.txt", 0)


def test_report_name_not_a_year(tmp_path):
    root = minimal(tmp_path, {"content/townships/test-town/2018年报告.md": GOOD})
    assert "四位年份" in expect(root, "file.unknown_type", "content/townships/test-town/2018年报告.md", 0).message


def test_front_matter_missing(tmp_path):
    root = minimal(tmp_path, {REPORT: "year: 2018\n\n正文\n"})
    expect(root, "frontmatter.missing", REPORT, 1)


def test_front_matter_unclosed(tmp_path):
    root = minimal(tmp_path, {REPORT: "---\nyear: 2018\n\n正文\n"})
    expect(root, "frontmatter.unclosed", REPORT, 1)


def test_front_matter_not_a_mapping(tmp_path):
    root = minimal(tmp_path, {REPORT: "---\n- 2018\n---\n正文\n"})
    expect(root, "frontmatter.not_mapping", REPORT, 2)


def test_yaml_syntax_in_chinese_at_its_line(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\npublished: 2019-01-15\ntitle: 报告: 第二版\n")})
    problem = expect(root, "yaml.syntax", REPORT, 4)
    assert "冒号" in problem.message and "mapping" not in problem.message


def test_yaml_unclosed_bracket_in_chinese(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\nfigures: {proactive_items: 1\n")})
    problem = next(p for p in problems_in(root) if p.code == "yaml.syntax")
    assert "括号" in problem.message and problem.path == REPORT


def test_yaml_tab(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\nfigures:\n\tproactive_items: 12\n")})
    assert expect(root, "yaml.tab", REPORT, 4).column == 1


def test_yaml_duplicate_key(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\npublished: 2019-01-15\nyear: 2018\n")})
    assert "第 2 行" in expect(root, "yaml.duplicate_key", REPORT, 4).message


def test_yaml_file_not_a_mapping(tmp_path):
    root = minimal(tmp_path, {TOWNSHIP: "- 测试镇\n"})
    expect(root, "yaml.not_mapping", TOWNSHIP, 1)


def test_site_config_missing(tmp_path):
    root = minimal(tmp_path, {}, remove=("content/site.yaml",))
    expect(root, "config.missing", "content/site.yaml", 0)


def test_site_base_url(tmp_path):
    root = minimal(tmp_path, {"content/site.yaml": "title: 测试站\nbase_url: ftp://example.org/\n"})
    expect(root, "config.base_url", "content/site.yaml", 2)



def test_site_base_url_relative_warns_for_the_sitemap_and_feeds(tmp_path):
    root = minimal(tmp_path, {"content/site.yaml": "title: 测试站\nbase_url: /xxgk/\n"})
    assert "sitemap.xml" in expect(root, "config.base_url_relative", "content/site.yaml", 2).message
    absolute = minimal(tmp_path / "absolute", {"content/site.yaml": "title: 测试站\nbase_url: https://x.example/xxgk/\n"})
    assert "config.base_url_relative" not in {p.code for p in problems_in(absolute)}
