"""Random edits to a valid f2021 report's tables are either accepted, and then every 勾稽
relation holds (checked here by plain arithmetic, independently of checks.py), or reported."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.checking import F2021, F2021_TEXT, f2021, problems_in

_ROW = re.compile(r"^    (\w+): \[([^\]]*)\]$", re.M)
ROWS = {m.group(1): [int(x) for x in m.group(2).split(",")] for m in _ROW.finditer(F2021_TEXT) if "." not in m.group(2)}
EDITABLE = [r for r in ROWS if r not in ("regulations", "normative", "licensing", "penalty", "coercion")]
RESULTS = [r for r in EDITABLE if r not in ("new", "carried_over", "total_handled", "carried_forward", "cases")]

values = st.one_of(
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(-3, -1),
    st.just(None),
    st.floats(0.1, 5.0).filter(lambda x: not x.is_integer()),
    st.sampled_from(["无", "一"]),
)
edit = st.sampled_from(EDITABLE).flatmap(
    lambda row: st.tuples(st.just(row), st.integers(0, len(ROWS[row]) - 1), values)
)


def consistent(rows: dict[str, list]) -> bool:
    table = {r: [c or 0 for c in cells] for r, cells in rows.items()}
    for row in EDITABLE:
        cells = table[row]
        if row != "cases" and cells[6] != sum(cells[:6]):
            return False
    for col in range(7):
        results = sum(table[r][col] for r in RESULTS)
        if table["total_handled"][col] != results:
            return False
        received = table["new"][col] + table["carried_over"][col]
        if received != table["total_handled"][col] + table["carried_forward"][col]:
            return False
    cases = table["cases"]
    return all(cases[i + 4] == sum(cases[i : i + 4]) for i in (0, 5, 10))


def _render(rows: dict[str, list]) -> str:
    def cell(value) -> str:
        return "null" if value is None else str(value)

    text = F2021_TEXT
    for row, cells in rows.items():
        text = re.sub(rf"^    {row}: \[[^\]]*\]$", f"    {row}: [{', '.join(map(cell, cells))}]", text, flags=re.M)
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, min_size=1, max_size=3))
def test_random_table_edits_are_consistent_or_reported(edits):
    rows = {r: list(c) for r, c in ROWS.items()}
    for row, index, value in edits:
        rows[row][index] = value
    with tempfile.TemporaryDirectory() as folder:
        root = f2021(Path(folder), (F2021_TEXT, _render(rows)))
        errors = [p for p in problems_in(root) if p.severity == "error"]
    assert all(p.path == F2021 and p.code.startswith("table.") for p in errors), errors
    cells = [c for row in rows.values() for c in row]
    if any(c is not None and (not isinstance(c, int) or c < 0) for c in cells):
        assert {p.code for p in errors} & {"table.cell_type", "table.negative"}
    elif consistent(rows):
        assert errors == []
    else:
        assert [p for p in errors if p.code == "table.sum"]


def test_the_fixture_itself_is_consistent():
    assert consistent({r: list(c) for r, c in ROWS.items()})
