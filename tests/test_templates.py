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
    assert 'rowspan="20" id="t-applications-results" scope="rowgroup" class="lvl-1">三、本年度办理结果' in html
    assert 'rowspan="8" id="t-applications-denied" scope="rowgroup" class="lvl-2">（三）不予公开' in html
    assert 'colspan="3" rowspan="3"' in html  # the corner note
    assert 'colspan="7" id="t-applications-h0" scope="colgroup">申请人情况' in html
    assert 'colspan="5" id="t-applications-h1" scope="colgroup">法人或其他组织' in html
    assert 'colspan="10"' in html and ">行政诉讼<" in html
    f2021 = render_tables(REPO / "tests/fixtures/f2021", "demo-town", 2021)
    assert 'rowspan="22" id="t-applications-results"' in f2021
    assert 'colspan="3" id="t-proactive-art20_5-decisions" scope="col">本年处理决定数量' in f2021
