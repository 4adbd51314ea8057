"""Templates fail loudly, and the standard tables keep their official layout (snapshots)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2
import pytest

from generator.engine.load import load_site
from generator.pages.render import make_environment
from generator.pages.table_layout import table_grid
from tests.conftest import REPO, TODAY

SNAPSHOTS = Path(__file__).parent / "snapshots"


def test_missing_variable_is_an_error():
    env = make_environment((REPO / "templates",))
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing_here }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def render_tables(root: Path, township: str, year: int) -> str:
    site, _ = load_site(root, TODAY)
    report = next(r for r in site.reports if r.key == (township, year))
    env = make_environment((REPO / "templates",))
    macro = env.get_template("_macros.html").module.grid_table
    parts = [str(macro(table_grid(site.schemas[v.format].table(v.id), v))) for v in report.tables]
    return re.sub(r"\n\s*\n", "\n", "\n".join(parts))


@pytest.mark.parametrize(
    "name, root, township, year",
    [
        ("f2019-anqiu-jingzhi-2019", REPO, "anqiu-jingzhi", 2019),
        ("f2021-demo-town-2021", REPO / "tests/fixtures/f2021", "demo-town", 2021),
    ],
)
def test_table_snapshot(name, root, township, year):
    html = render_tables(root, township, year)
    snapshot = SNAPSHOTS / f"{name}.html"
    if os.environ.get("XXGK_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(html, encoding="utf-8")
    assert html == snapshot.read_text(encoding="utf-8")


def test_official_spans():
    html = render_tables(REPO, "anqiu-jingzhi", 2019)
    spans = re.compile(r'(?:colspan|rowspan)="\d+" id="[a-z]{2}\d+" scope="\w+"(?: class="lvl-\d")?>[^<]+')
    found = {re.sub(r'id="\w+" ', "", m) for m in spans.findall(html)}
    assert 'rowspan="20" scope="rowgroup" class="lvl-1">三、本年度办理结果' in found
    assert 'rowspan="8" scope="rowgroup" class="lvl-2">（三）不予公开' in found
    assert 'colspan="3" rowspan="3"' in html  # the corner note
    assert 'colspan="7" scope="colgroup">申请人情况' in found
    assert 'colspan="5" scope="colgroup">法人或其他组织' in found
    assert 'colspan="10"' in html and ">行政诉讼<" in html
    f2021 = render_tables(REPO / "tests/fixtures/f2021", "demo-town", 2021)
    assert re.search(r'rowspan="22" id="ap\d+" scope="rowgroup"', f2021)
    assert re.search(r'colspan="3" id="pr\d+" scope="col">本年处理决定数量', f2021)


def test_header_ids_are_short_unique_and_every_headers_reference_resolves():
    html = render_tables(REPO, "anqiu-jingzhi", 2019)
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for headers in re.findall(r' headers="([^"]+)"', html):
        assert all(h in ids for h in headers.split()) and all(len(h) <= 5 for h in headers.split())
