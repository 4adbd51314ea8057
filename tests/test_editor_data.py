"""What the editors' form (issue 23) is built from: the format documents, the compact report.json,
the filled scaffold, the page's routes, and the pieces of the engine it needed (relative links,
the site's own images)."""

from __future__ import annotations

import json

import pytest

from generator.commands.new import Filled, TableFill, report_text
from generator.content.markup import new_converter, to_html
from generator.content.source import read_markdown
from generator.content.table_values import read_tables
from generator.model.cells import table_cells
from generator.model.rules import Expr, Term, parse_rule
from generator.model.schema import load_schemas
from generator.pages.editor_page import github_links
from generator.pages.format_document import format_document, format_document_bytes
from generator.publish.links import relative_target
from tests.conftest import build_site

SCHEMAS = load_schemas()
TOWNSHIP = {"name": "景芝镇", "county": "安丘市"}


@pytest.mark.parametrize("fmt_id", sorted(SCHEMAS))
def test_format_document_is_one_sorted_line_made_from_the_schema_alone(fmt_id):
    data = format_document_bytes(SCHEMAS[fmt_id])
    assert data == format_document_bytes(load_schemas()[fmt_id])  # same schema, same bytes
    assert data.count(b"\n") == 1 and data.endswith(b"\n")
    document = json.loads(data)
    assert json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n" == data
    assert document["format"] == fmt_id and document["version"] == 1


@pytest.mark.parametrize("fmt_id", ["f2019", "f2021"])
def test_format_document_holds_rows_columns_rules_and_layout_as_the_schema_has_them(fmt_id):
    fmt = SCHEMAS[fmt_id]
    for table, doc in zip(fmt.tables, format_document(fmt)["tables"], strict=True):
        assert [r["id"] for r in doc["rows"]] == [r.id for r in table.rows()]
        for row in doc["rows"]:
            assert row["columns"] == [c.id for c in table.columns_of(row["id"])]
        for rule, parsed in zip(table.rules, doc["rules"], strict=True):
            expr = parsed["expr"]
            terms = [tuple(Term(t["sign"], t["kind"], t["value"]) for t in expr[side]) for side in ("left", "right")]
            assert Expr(terms[0], expr["op"], terms[1]) == rule.expr == parse_rule(parsed["source"])
            assert (parsed["id"], parsed["scope"], parsed["severity"]) == (rule.id, rule.scope, rule.severity)
        # every value cell of the printed layout, in the order the downloads list the cells
        cells = [c["cell"] for body in doc["grid"]["bodies"] for row in body for c in row if "cell" in c]
        assert cells == [[c.row, c.column] for c in table_cells(fmt, table)]


def test_format_document_names_repeated_columns_by_their_path():
    review = next(t for t in format_document(SCHEMAS["f2021"])["tables"] if t["id"] == "review")
    paths = {c["id"]: c["path"] for c in review["columns"]}
    assert paths["direct_upheld"] == ["行政诉讼", "未经复议直接起诉", "结果维持"]
    assert review["rows"][0]["hidden_label"] is True


def test_filled_scaffold_reads_back_as_filled():
    f2019, f2021 = SCHEMAS["f2019"], SCHEMAS["f2021"]
    table = f2019.table("proactive")
    proactive = {r.id: tuple([1] * len(table.columns_of(r.id))) for r in table.rows()}
    filled = Filled(published="2022-01-20", title="yes", index_no="11-22", figures={"proactive_items": 5},
                    tables={"proactive": TableFill(f2019, proactive)}, body="## 一、总体情况\n\n无。\n")
    text = report_text(TOWNSHIP, 2021, f2021, filled)
    assert "title: \"yes\"\n" in text and "published: 2022-01-20\n" in text and "  proactive_items: 5  #" in text
    assert "    format: f2019  # 本表按2019年版格式（国办公开办函〔2019〕60号）填写\n" in text
    assert text.endswith("---\n## 一、总体情况\n\n无。\n")
    source, problems = read_markdown("content/townships/x/2021.md", text.encode("utf-8"))
    assert problems == []
    tables, problems = read_tables(source, SCHEMAS, "f2021")
    assert [p.code for p in problems] == ["table.format"]
    assert (tables[0].format, tables[0].rows) == ("f2019", proactive)
    assert report_text(TOWNSHIP, 2021, f2021, Filled()) == report_text(TOWNSHIP, 2021, f2021)


def test_a_published_date_that_is_not_one_is_quoted_for_check_to_name():
    text = report_text(TOWNSHIP, 2021, SCHEMAS["f2021"], Filled(published="2022年1月"))
    assert 'published: "2022年1月"\n' in text


def test_relative_links_reach_the_page_they_name():
    assert relative_target("help/index.html", "../editor/") == "editor/index.html"
    assert relative_target("help/index.html", "../static/guide/a.png") == "static/guide/a.png"
    assert relative_target("townships/a/2019/index.html", "../") == "townships/a/index.html"
    assert relative_target("help/index.html", "../../outside/") is None


def test_only_the_sites_own_images_are_kept():
    html = to_html(new_converter(), "![表](../static/guide/a.png)\n\n![外](https://example.com/t.png)\n")
    assert '<img alt="表" src="../static/guide/a.png">' in html
    assert "example.com" not in html and html.count("<img") == 1


def test_github_links():
    assert github_links("") == {}
    links = github_links("https://github.com/org/site/tree/gh-pages")
    assert links["new"] == "https://github.com/org/site/new/gh-pages/content/townships/{slug}?filename={year}.md"
    assert links["edit"] == "https://github.com/org/site/edit/gh-pages/content/townships/{slug}/{year}.md"
    assert github_links("https://github.com/org/site.git")["repository"] == "https://github.com/org/site"


def test_the_build_publishes_the_form_and_what_it_reads(sample_root):
    with (sample_root / "content/site.yaml").open("a", encoding="utf-8") as config:
        config.write("repository: https://github.com/org/site\n")
    assert build_site(sample_root).ok
    site = sample_root / "site"
    for fmt_id, fmt in SCHEMAS.items():
        assert (site / f"data/formats/{fmt_id}.json").read_bytes() == format_document_bytes(fmt)
    page = (site / "editor/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "github.com/org/site/new/main/content/townships/{slug}?filename={year}.md" in page.replace("&#34;", '"')
    assert "/editor/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    townships = json.loads((site / "editor/townships.json").read_text(encoding="utf-8"))["townships"]
    assert {"slug": "anqiu-jingzhi", "years": [2019]}.items() <= next(t for t in townships if t["years"] == [2019]
                                                                     and t["slug"] == "anqiu-jingzhi").items()
    assert 'href="/editor/?township=anqiu-jingzhi"' in (site / "townships/anqiu-jingzhi/index.html").read_text("utf-8")
    assert 'href="../editor/"' in (site / "help/index.html").read_text(encoding="utf-8")


def test_compact_report_json(sample_root):
    from generator.data.report_json import compact_report
    from generator.engine.load import load_site
    from generator.model.site_index import build_index
    from generator.model.urls import Urls
    from tests.conftest import TODAY

    site, _ = load_site(sample_root, TODAY)
    report = next(r for r in site.reports if r.key == ("anqiu-jingzhi", 2019))
    document = compact_report(site, build_index(site), Urls("/", "https://example.org/"), report)
    assert document["format_document"] == "https://example.org/data/formats/f2019.json"
    assert document["figures"]["proactive_items"] == {"value": 228, "origin": "prose"}
    assert document["figures"]["applications_new"] == {"value": 1, "origin": "table"}
    applications = document["tables"]["applications"]
    assert applications["format"] == "f2019" and applications["rows"]["new"] == [1, 0, 0, 0, 0, 0, 1]
    assert list(applications["rows"]) == [r.id for r in SCHEMAS["f2019"].table("applications").rows()]
    assert document["tables"]["proactive"]["rows"]["other_services"] == [None, None, None]
