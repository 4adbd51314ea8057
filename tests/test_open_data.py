"""Issue 10 on real builds: downloads round-trip to the content, the data package validates,
comparisons mark format breaks, charts carry text, feeds and sitemap parse, lastmod from git."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
import yaml
from frictionless import validate

from generator.model.cells import table_cells
from generator.model.schema import SCHEMA_DIR, load_schemas
from tests.conftest import REPO, build_site, write_files

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


def content_cells(root: Path) -> dict[tuple[str, int], dict[tuple[str, str, str], object]]:
    """Straight from the YAML front matter: (township, year) → {(table, row, column id): value}."""
    schemas = load_schemas(SCHEMA_DIR)
    found = {}
    for path in sorted((root / "content/townships").glob("*/*.md")):
        meta = front_matter(path)
        fmt = schemas[meta.get("format") or ("f2021" if meta["year"] >= 2021 else "f2019")]
        cells = {}
        for table_id, rows in (meta.get("tables") or {}).items():
            for row_id, values in rows.items():
                columns = fmt.table(table_id).columns_of(row_id)
                cells.update({(table_id, row_id, c.id): v for c, v in zip(columns, values, strict=True)})
        found[(path.parent.name, meta["year"])] = {"figures": meta.get("figures") or {}, "cells": cells}
    return found


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))


def as_number(text: str) -> object:
    return None if text == "" else (float(text) if "." in text else int(text))


@pytest.fixture(params=["sample", "f2021"])
def built(request, sample_root, f2021_root) -> Path:
    root = sample_root if request.param == "sample" else f2021_root
    assert build_site(root).ok
    return root


def printed_cells(printed: list[list[str]], meta: dict) -> dict[tuple[str, str, str], object]:
    """The cells of a tables.csv as printed (a title line per table, header lines that start blank,
    then a line per printed row, its label first), matched to ids through the schema's labels."""
    schemas = load_schemas(SCHEMA_DIR)
    fmt = schemas[meta.get("format") or ("f2021" if meta["year"] >= 2021 else "f2019")]
    found, table, header = {}, None, []
    for line in printed:
        if len(line) == 1 and line[0]:
            table = next(t for t in fmt.tables if line[0].startswith(f"{t.number} {t.caption}"))
        elif line and line[0] == "":
            header = line[1:]
        elif line:
            cells = [c for c in table_cells(fmt, table) if c.row_label == line[0]]
            assert [c.column_label for c in cells] == header, line[0]
            found.update({(table.id, c.row, c.column): as_number(v) for c, v in zip(cells, line[1:], strict=True)})
    return found


def test_every_number_in_every_download_equals_the_content(built):
    content = content_cells(built)
    data = built / "site/data"
    checked = 0
    for (slug, year), expected in content.items():
        doc = json.loads((data / f"townships/{slug}/{year}/report.json").read_text("utf-8"))
        cells = {(t["id"], c["row"], c["column"]): c["value"] for t in doc["tables"] for c in t["cells"]}
        assert cells == expected["cells"]
        for name, value in expected["figures"].items():
            assert doc["figures"][name]["value"] == value
        if expected["cells"]:
            printed = read_csv(data / f"townships/{slug}/{year}/tables.csv")
            meta = front_matter(built / f"content/townships/{slug}/{year}.md")
            assert printed_cells(printed, meta) == expected["cells"]
        checked += len(cells)
    for path in sorted(data.glob("f20*-*.csv")):
        table_id = path.stem.split("-", 1)[1]
        rows = read_csv(path)
        ids, labels, body = rows[0], rows[1], rows[2:]
        assert labels[ids.index("year")] == "报告年度" and len(labels) == len(ids)
        book = openpyxl.load_workbook(path.with_suffix(".xlsx"), read_only=True)
        sheet_rows = [["" if v is None else str(v) for v in r] for r in book.active.iter_rows(values_only=True)]
        assert [r + [""] * (len(ids) - len(r)) for r in sheet_rows] == rows, path.name
        for row in body:
            cells = content[(row[0], int(row[ids.index("year")]))]["cells"]
            for cell_id, text in zip(ids[7:], row[7:], strict=True):
                row_id, column_id = cell_id.split(".")
                assert as_number(text) == cells[(table_id, row_id, column_id)], (path.name, row[0], cell_id)
                checked += 1
    assert checked > 100


def test_datapackage_describes_every_csv_and_validates(built):
    data = built / "site/data"
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert described == {p.relative_to(data).as_posix() for p in data.glob("*.csv")}  # tables.csv: as printed
    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "figures" for f in r["schema"]["fields"]}
    assert fields["fees"]["unit"] == "元" and fields["year"]["type"] == "integer"


def test_datapackage_catches_a_wrong_number(f2021_root):
    """The validation above can fail: a non-number in a count column is reported."""
    assert build_site(f2021_root).ok
    data = f2021_root / "site/data"
    path = data / "f2021-review.csv"
    path.write_bytes(path.read_bytes().replace(b",2021,1,", b",2021,x,"))
    assert not validate(str(data / "datapackage.json")).valid


def test_data_files_are_byte_identical_across_builds(sample_root, tmp_path):
    for out in ("one", "two"):
        assert build_site(sample_root, tmp_path / out, cache=False).ok

    def digests(out: str) -> dict[str, str]:
        data = tmp_path / out / "data"
        files = sorted(p for p in data.rglob("*") if p.is_file())
        return {p.relative_to(data).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    assert digests("one") == digests("two")
    with zipfile.ZipFile(tmp_path / "one/data/f2019-applications.xlsx") as book:
        assert {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


MIXED_2019 = (REPO / "content/townships/anqiu-jingzhi/2019.md").read_text("utf-8")
MIXED_2019 = MIXED_2019.replace("unable_not_held: [1, 0, 0, 0, 0, 0, 1]", "unable_not_held: [0, 0, 0, 0, 0, 0, 0]")
MIXED_2019 = MIXED_2019.replace("other: [0, 0, 0, 0, 0, 0, 0]", "other: [1, 0, 0, 0, 0, 0, 1]")


@pytest.fixture
def mixed_root(f2021_root) -> Path:
    """One township whose reports use all three formats: 2018 prose, 2019 f2019, 2021 f2021."""
    town = "content/townships/demo-town"
    text = (f2021_root / town / "2021.md").read_text("utf-8")
    text = text.replace("other_misc: [0, 0, 0, 0, 0, 0, 0]", "other_misc: [2, 0, 0, 0, 0, 0, 2]")
    text = text.replace("unable_not_held: [2, 0, 0, 0, 0, 0, 2]", "unable_not_held: [0, 0, 0, 0, 0, 0, 0]")
    return write_files(
        f2021_root,
        {
            f"{town}/2018.md": "---\nyear: 2018\nfigures:\n  applications_new: 3\n---\n## 一、概述\n\n正文。\n",
            f"{town}/2019.md": MIXED_2019.replace("title: 景芝镇", "title: 示例镇"),
            f"{town}/2021.md": text,
        },
    )


def matrix_cells(page: Path) -> list[str]:
    return re.findall(r"<td class=\"num[^\"]*\"[^>]*>.*?</td>", page.read_text("utf-8"))


def test_comparison_marks_format_breaks(mixed_root):
    result = build_site(mixed_root)
    assert result.ok, [p for p in result.problems if p.severity == "error"]
    site = mixed_root / "site"
    cells = matrix_cells(site / "compare/figures/applications_new/demo/index.html")  # the county's page
    assert len(cells) == 3  # 2018, 2019, 2021
    assert "format-break" not in cells[0] and "fmt-pre2019" in cells[0]
    assert "format-break" in cells[1] and "格式变化（pre2019→f2019）" in cells[1]
    assert "format-break" in cells[2] and "格式变化（f2019→f2021）" in cells[2]
    # f2019 （六）其他处理 ≡ the sum of the three f2021 rows: shown, converted and marked, not merged silently
    # (the site-wide view's data file: the browser draws the marks from it).
    other = json.loads((site / "data/compare/f2019/applications/other.total.json").read_text("utf-8"))
    assert other["years"] == [2019, 2021]
    (row,) = other["rows"]
    assert row[1] == [1, 2] and [other["formats"][int(f)] for f in row[2]] == ["f2019", "f2021"]
    assert other["converted"] == [[row[0], 1]]
    view = (site / "compare/f2019/applications/other.total/index.html").read_text("utf-8")
    assert 'href="/portal/data/f2019-applications.csv"' in view
    assert 'data-src="/portal/data/compare/f2019/applications/other.total.json"' in view


def test_charts_have_a_text_alternative(mixed_root):
    assert build_site(mixed_root).ok
    page = (mixed_root / "site/townships/demo-town/index.html").read_text("utf-8")
    svgs = re.findall(r"<svg .*?</svg>", page, re.S)
    assert svgs
    for svg in svgs:
        assert 'role="img"' in svg
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for ref in labelled:
            assert f'id="{ref}"' in svg
    desc = re.search(r'<desc id="chart-applications_new-desc">(.*?)</desc>', page).group(1)
    assert desc.startswith("示例镇历年本年新收政府信息公开申请（件）：2018年3件，2019年1件，2021年6件")
    assert "不同的报告格式" in desc
    ElementTree.fromstring(svgs[0].replace("&nbsp;", " "))  # well-formed


def test_feeds_and_sitemap_parse_and_list_every_report(sample_root):
    assert build_site(sample_root).ok
    site = sample_root / "site"
    reports = sorted(p.parent.relative_to(site / "townships").as_posix() for p in site.glob("townships/*/*/index.html"))
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    locs = {u.find(f"{SITEMAP}loc").text for u in sitemap}
    assert {f"/townships/{r}/" for r in reports} <= locs
    assert "/data/" in locs and "/compare/" in locs
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert {e.find(f"{ATOM}id").text for e in feed.iter(f"{ATOM}entry")} == {f"/townships/{r}/" for r in reports}
    for slug in {r.split("/")[0] for r in reports}:
        town = ElementTree.parse(site / f"townships/{slug}/feed.xml").getroot()
        ids = {e.find(f"{ATOM}id").text for e in town.iter(f"{ATOM}entry")}
        assert ids == {f"/townships/{r}/" for r in reports if r.startswith(slug + "/")}
        assert town.find(f"{ATOM}id").text == f"/townships/{slug}/"


def git(root: Path, *args: str, date: str = "") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    base = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**base, **env})


def lastmods(site: Path) -> dict[str, str | None]:
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {u.find(f"{SITEMAP}loc").text: getattr(u.find(f"{SITEMAP}lastmod"), "text", None) for u in root}


def test_sitemap_lastmod_comes_from_git(sample_root):
    assert build_site(sample_root).ok
    assert set(lastmods(sample_root / "site").values()) == {None}  # not a checkout: no lastmod, no clock
    shutil.rmtree(sample_root / "site")
    git(sample_root, "init", "-q")
    git(sample_root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "content")
    git(sample_root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "a",
        date="2021-03-04T10:00:00+08:00")
    report = sample_root / "content/townships/tongxiang-wuzhen/2018.md"
    report.write_text(report.read_text("utf-8") + "\n补充。\n", "utf-8")
    git(sample_root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "b",
        date="2022-05-06T10:00:00+08:00")
    assert build_site(sample_root, cache=False).ok
    dates = lastmods(sample_root / "site")
    assert dates["/townships/tongxiang-wuzhen/2018/"] == "2022-05-06"
    assert dates["/townships/anqiu-jingzhi/2019/"] == "2021-03-04"
    assert dates["/townships/tongxiang-wuzhen/"] == "2022-05-06"
    assert dates["/years/2019/"] == "2021-03-04"
    assert dates["/"] == "2022-05-06"


def test_report_page_links_downloads_and_carries_json_ld(sample_root):
    assert build_site(sample_root).ok
    page = (sample_root / "site/townships/anqiu-jingzhi/2019/index.html").read_text("utf-8")
    assert 'href="/data/townships/anqiu-jingzhi/2019/report.json"' in page
    assert 'href="/data/townships/anqiu-jingzhi/2019/tables.csv"' in page
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    graph = json.loads(script)["@graph"]
    assert [n["@type"] for n in graph] == ["Report", "GovernmentOrganization", "Dataset"]
    assert graph[2]["distribution"][0]["contentUrl"].endswith("/data/townships/anqiu-jingzhi/2019/report.json")


def test_coverage_on_year_region_and_years_pages(sample_root):
    assert build_site(sample_root).ok
    site = sample_root / "site"
    # issue 21: a township's row says it has no report that year; the years page counts by county
    year = (site / "years/2019/index.html").read_text("utf-8")
    wuzhen = r'href="/townships/tongxiang-wuzhen/">乌镇镇</a></th><td colspan="\d+" class="missing">未收录'
    assert re.search(wuzhen, year)
    assert '景芝镇<span class="visually-hidden">2019年度报告</span>' in year
    years = (site / "years/index.html").read_text("utf-8")
    anqiu = years[years.index('href="/regions/anqiu/"') :].split("</tr>")[0]
    assert re.findall(r'<td class="num[^"]*">(\d+)</td>', anqiu) == ["1", "0", "0", "0", "1"]  # 1 township; 2019
    region = (site / "regions/anqiu/index.html").read_text("utf-8")
    assert "<tfoot>" in region and "1 / 1" in region
