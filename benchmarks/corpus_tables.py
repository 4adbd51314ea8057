"""Standard-table values for the benchmark corpus that satisfy every 勾稽 rule of the schema,
including the cross-year ones, by carrying a township's figures from one year to the next.

Row ids come from generator/schema/*.yaml (the tables are data); only the arithmetic is here."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from generator.model.schema import Schemas, Table

APPLICANTS = 6  # applicant columns before 总计
FIXED_ROWS = ("new", "carried_over", "total_handled", "carried_forward")
ITEM_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")


@dataclass
class Ledger:
    """What one township's next report must agree with (its previous year's figures)."""

    carried_forward: list[int] = field(default_factory=lambda: [0] * APPLICANTS)
    stock: int = 20  # 现行有效规范性文件
    items: dict[str, list[int]] = field(default_factory=dict)  # f2019 row → [上一年项目数量, 本年增/减]


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` as `parts` non-negative integers, most of it in the first few."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def applications(rng: random.Random, table: Table, ledger: Ledger) -> dict[str, list[int]]:
    results = [r.id for r in table.rows() if r.id not in FIXED_ROWS]
    rows: dict[str, list[int]] = {r.id: [] for r in table.rows()}
    forward = []
    for column in range(APPLICANTS):
        new = rng.choice((0, 0, 1, 2, 3, 5, 8, 13)) if column in (0, 1, 5) else rng.choice((0, 0, 0, 1))
        over = ledger.carried_forward[column]
        left = rng.randint(0, min(2, new + over))
        handled = new + over - left
        shares = split(rng, handled, len(results))
        cells = {"new": new, "carried_over": over, "total_handled": handled, "carried_forward": left}
        cells.update(zip(results, shares, strict=True))
        for row_id, value in cells.items():
            rows[row_id].append(value)
        forward.append(left)
    ledger.carried_forward = forward
    return {row_id: [*cells, sum(cells)] for row_id, cells in rows.items()}


def review(rng: random.Random) -> list[int]:
    cells = []
    for _ in range(3):
        parts = [rng.choice((0, 0, 0, 1)) for _ in range(4)]
        cells += [*parts, sum(parts)]
    return cells


def proactive_f2019(rng: random.Random, ledger: Ledger) -> dict[str, list]:
    made = rng.randint(0, 6)
    ledger.stock += made
    rows: dict[str, list] = {"regulations": [0, 0, 0], "normative": [made, made, ledger.stock]}
    for row_id in ITEM_ROWS:
        before, change = ledger.items.get(row_id, [rng.randint(5, 200), 0])
        now = before + change
        step = rng.randint(-min(5, now), 5)
        ledger.items[row_id] = [now, step]
        rows[row_id] = [now, step] if row_id == "fees" else [now, step, rng.randint(0, 300)]
    rows["procurement"] = [rng.randint(0, 4), rng.randint(0, 90) * 1000]
    return rows


def proactive_f2021(rng: random.Random, ledger: Ledger) -> dict[str, list]:
    made, repealed = rng.randint(0, 6), rng.randint(0, 2)
    repealed = min(repealed, ledger.stock)
    ledger.stock += made - repealed
    return {
        "regulations": [0, 0, 0],
        "normative": [made, repealed, ledger.stock],
        "licensing": [rng.randint(0, 400)],
        "penalty": [rng.randint(0, 30)],
        "coercion": [rng.randint(0, 3)],
        "fees": [round(rng.randint(0, 500) / 100, 2)],
    }


def tables(rng: random.Random, schemas: Schemas, fmt: str, ledger: Ledger) -> dict[str, dict[str, list]]:
    """The `tables:` mapping of one f2019/f2021 report; updates `ledger` for the next year."""
    proactive = proactive_f2019(rng, ledger) if fmt == "f2019" else proactive_f2021(rng, ledger)
    table = schemas[fmt].table("applications")
    assert table is not None
    return {"proactive": proactive, "applications": applications(rng, table, ledger), "review": {"cases": review(rng)}}


def front_matter_tables(values: dict[str, dict[str, list]]) -> str:
    lines = ["tables:"]
    for table_id, rows in values.items():
        lines.append(f"  {table_id}:")
        lines += [f"    {row_id}: [{', '.join(str(c) for c in cells)}]" for row_id, cells in rows.items()]
    return "\n".join(lines)
