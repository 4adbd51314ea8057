"""Front matter and YAML: every key and list item has its line, every mistake is a Problem."""

from generator.content.source import read_markdown, read_yaml

REPORT = """---
year: 2019
figures:
  proactive_items: 228
tables:
  review:
    cases: [0, 0, 0,
            0, 1]
---
## 一、总体情况
正文
"""


def test_line_map_points_at_keys_and_list_items():
    source, problems = read_markdown("r.md", REPORT.encode())
    assert problems == []
    assert source.line_of("year") == 2
    assert source.line_of("figures", "proactive_items") == 4
    assert source.line_of("tables", "review", "cases") == 7
    assert source.line_of("tables", "review", "cases", 0) == 7
    assert source.line_of("tables", "review", "cases", 4) == 8
    assert source.column_of("tables", "review", "cases", 3) == 13
    assert source.body_line == 10
    assert source.body.startswith("## 一、总体情况")


def test_missing_key_falls_back_to_the_nearest_parent():
    source, _ = read_markdown("r.md", REPORT.encode())
    assert source.line_of("tables", "review", "absent") == 6


def test_dates_stay_text_so_impossible_dates_become_problems_later():
    source, problems = read_markdown("r.md", b"---\nyear: 2019\npublished: 2019-02-30\n---\n")
    assert problems == [] and source.meta["published"] == "2019-02-30"


def test_yaml_errors_carry_the_line():
    """The line where the unclosed bracket opened (the parser gives up a line later)."""
    _, problems = read_markdown("r.md", b"---\nyear: 2019\ntitle: [a\n---\n")
    assert [(p.code, p.line) for p in problems] == [("yaml.syntax", 3)]


def test_duplicate_keys_and_tabs():
    _, problems = read_markdown("r.md", b"---\nyear: 2019\nyear: 2020\n---\n")
    assert [(p.code, p.line) for p in problems] == [("yaml.duplicate_key", 3)]
    _, problems = read_markdown("r.md", b"---\nfigures:\n\tfees: 0\n---\n")
    assert [(p.code, p.line) for p in problems] == [("yaml.tab", 3)]


def test_front_matter_shape():
    assert read_markdown("r.md", b"year: 2019\n")[1][0].code == "frontmatter.missing"
    assert read_markdown("r.md", b"---\nyear: 2019\n")[1][0].code == "frontmatter.unclosed"
    assert read_markdown("r.md", b"---\n- 1\n---\n")[1][0].code == "frontmatter.not_mapping"


def test_encodings():
    source, problems = read_markdown("r.md", "---\nyear: 2019\n---\n正文".encode("gbk"))
    assert source is None and problems[0].code == "file.encoding" and "GBK" in problems[0].message
    source, problems = read_markdown("r.md", b"\xef\xbb\xbf---\nyear: 2019\n---\n")
    assert source is not None and [p.code for p in problems] == ["file.bom"]


def test_yaml_file():
    source, problems = read_yaml("t.yaml", "name: 景芝镇\ncounty: 安丘市\n".encode())
    assert problems == [] and source.meta == {"name": "景芝镇", "county": "安丘市"}
    assert source.line_of("county") == 2
