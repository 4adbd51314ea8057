"""What a number in `figures:` or in a table cell may be: one reading for both.

YAML reads `.nan`, `.inf` and `1.0e309` as floats, and a count of 10^30 as an integer; published,
they made `report.json` invalid JSON (NaN) or showed nonsense. So a number is finite, within a
bound no real report reaches, an integer where it counts things, and not negative unless its
column says so. Negative zero is plain zero.
"""

from __future__ import annotations

import math
from typing import NamedTuple

# No township (nor county) states a hundred million of anything, nor spends a trillion.
MAX_COUNT = 100_000_000
MAX_MONEY = 1_000_000_000_000
_BOUND_ZH = {MAX_COUNT: "1 亿", MAX_MONEY: "1 万亿"}


class Reading(NamedTuple):
    value: int | float | None  # None: refused
    kind: str = ""  # why refused: "type" | "range" | "negative"
    reason: str = ""  # Chinese, to follow the name of the figure or cell


def shown(value: object) -> str:
    """A value as a message quotes it: short, whatever it is."""
    text = repr(value) if isinstance(value, float) else str(value)
    return text if len(text) <= 40 else f"{text[:20]}…（共 {len(text)} 字）"


def read_quantity(value: object, kind: str) -> Reading:
    """`value` as a quantity of `kind` (count | signed_count | money), or why it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return Reading(None, "type", f"应为数字，实为“{shown(value)}”")
    if isinstance(value, float) and math.isnan(value):
        return Reading(None, "type", "应为数字，实为 .nan（“不是数”）")
    bound = MAX_MONEY if kind == "money" else MAX_COUNT
    if isinstance(value, float) and math.isinf(value):
        return Reading(None, "range", f"超出范围（写成了 .inf，或数字过大），应不超过 {_BOUND_ZH[bound]}")
    if abs(value) > bound:
        return Reading(None, "range", f"为 {shown(value)}，超过 {_BOUND_ZH[bound]}，不可能是真实的数字；请核对位数")
    if kind != "money" and isinstance(value, float):
        if not value.is_integer():
            return Reading(None, "type", f"应为整数，实为 {value}")
        value = int(value)
    if value < 0 and kind != "signed_count":
        return Reading(None, "negative", f"不能为负数，实为 {shown(value)}")
    return Reading(value + 0.0 if isinstance(value, float) else value)  # -0.0 + 0.0 is 0.0
