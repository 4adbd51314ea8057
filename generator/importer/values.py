"""Cell text → a number, as printed: blank stays blank (None), a dash is zero, garbage is refused.

Wrong data is worse than missing data: anything not clearly a number is reported, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.model.schema import Column

_BLANK = re.compile(r"^[\s\xa0\u3000]*$")
_DASH = re.compile(r"^[-—–－―‐−]{1,2}$|^无$")
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(元|万元|件|条|个|项|次)?$")
_NOISY = re.compile(r"^[?？*·•]\s*(\S+)$")


@dataclass(frozen=True)
class CellRead:
    value: int | float | None
    ok: bool  # False: the text is not a cell value for this column (the cell is left empty)
    note: str = ""  # why it was read this way, for the warnings


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("−", "-")
    return re.sub(r"[\s\xa0\u3000]+", "", text)


def is_value(text: str) -> bool:
    """Looks like a table cell value (number, dash or blank): used to find and walk table dumps."""
    text = _clean(text)
    noisy = _NOISY.match(text)
    return not text or bool(_DASH.match(text) or _NUMBER.match(text) or (noisy and _NUMBER.match(noisy.group(1))))


_SPLIT_DIGITS = re.compile(r"\d[\s\xa0\u3000]+[\d.]")  # "2 2": two numbers in one cell, never 22


def read_cell(text: str, column: Column) -> CellRead:
    raw = _clean(text)
    if _BLANK.match(raw):
        return CellRead(None, True)
    if _SPLIT_DIGITS.search(unicodedata.normalize("NFKC", text)):
        return CellRead(None, False, f"“{text.strip()}”中有两个数字，此格留空")
    if _DASH.match(raw):
        return CellRead(0, True, f"“{text.strip()}”按 0 读入")
    note = ""
    noisy = _NOISY.match(raw)
    if noisy:
        raw, note = noisy.group(1), f"“{text.strip()}”中有杂字，按 {noisy.group(1)} 读入，请核对原件"
    match = _NUMBER.match(raw)
    if not match:
        return CellRead(None, False, f"“{text.strip()}”不是数字，此格留空")
    sign, digits, decimals, unit = match.groups()
    number = float(digits.replace(",", "") + (decimals or ""))
    if sign == "-":
        number = -number
    if column.type != "money" and not number.is_integer():
        return CellRead(None, False, f"“{text.strip()}”应为整数，此格留空")
    if number < 0 and column.type != "signed_count":
        return CellRead(None, False, f"“{text.strip()}”不能为负数，此格留空")
    if unit and column.unit and unit != column.unit:
        return CellRead(None, False, f"“{text.strip()}”的单位与表头（{column.unit}）不符，此格留空")
    value: int | float = int(number) if number.is_integer() else number
    return CellRead(value, True, note)
