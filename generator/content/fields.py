"""Reading typed fields out of parsed YAML, each mistake a Problem at its line."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.content.quantities import shown
from generator.model.problems import Problem
from generator.model.source import Source

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MAX_TEXT = 2_000  # characters in a field such as a title or an organ's name (a body is not a field)


@dataclass
class FieldReader:
    """Reads fields of one Source and collects the problems (one reader per file)."""

    source: Source
    problems: list[Problem] = field(default_factory=list)

    def problem(self, keys: tuple, code: str, message: str, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.source.path, self.source.line_of(*keys), code, message, severity, self.source.column_of(*keys))
        )

    def unknown(self, allowed: tuple[str, ...], what: str) -> None:
        for name in self.source.meta:
            if name not in allowed:
                guess = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                hint = f"，是否想写“{guess[0]}”？" if guess else f"。可用字段：{'、'.join(allowed)}"
                self.problem((name,), "field.unknown", f"{what}中没有“{name}”这个字段{hint}")

    def _missing(self, name: str, label: str) -> None:
        # A missing key has no line of its own: point at the front matter's first line.
        message = f"缺少必填字段“{name}”（{label}），请在元数据中加一行 {name}: …"
        self.problems.append(Problem(self.source.path, 1, "field.required", message))

    def text(self, name: str, label: str, required: bool = False, default: str = "") -> str:
        value = self.source.meta.get(name)
        if value is None:
            if required:
                self._missing(name, label)
            return default
        if isinstance(value, (dict, list)):
            self.problem((name,), "field.type", f"“{name}”（{label}）应为一段文字")
            return default
        literal = self.source.literals.get((name,))
        if literal is not None and not isinstance(value, str):
            message = (
                f"“{name}”（{label}）写的“{shown(literal)}”会被 YAML 读成 {shown(value)}，"
                f"请用引号括起来：{name}: \"{shown(literal)}\""
            )
            self.problem((name,), "field.type", message)
            return literal.strip() or default
        text = str(value).strip()
        if required and not text:
            self.problem((name,), "field.required", f"“{name}”（{label}）不能为空")
        if len(text) > MAX_TEXT:
            message = f"“{name}”（{label}）有 {len(text)} 个字，超过 {MAX_TEXT} 字的上限，多半是误粘贴了正文；请改短"
            self.problem((name,), "field.type", message)
            text = text[:MAX_TEXT]  # an error already: what else quotes it stays short
        return text or default

    def integer(self, name: str, label: str, required: bool = False) -> int | None:
        value = self.source.meta.get(name)
        if value is None:
            if required:
                self._missing(name, label)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem((name,), "field.type", f"“{name}”（{label}）应为整数，实为“{shown(value)}”")
            return None
        return value

    def date(self, name: str, label: str) -> date | None:
        value = self.source.meta.get(name)
        if value is None:
            return None
        match = _DATE.match(str(value).strip())
        if not match:
            message = f"“{name}”（{label}）应写成 年-月-日，如 2020-01-20，实为“{shown(value)}”"
            self.problem((name,), "date.format", message)
            return None
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            self.problem((name,), "date.invalid", f"“{name}”（{label}）“{value}”不是真实存在的日期")
            return None


def as_mapping(reader: FieldReader, name: str, label: str) -> dict[str, Any]:
    value = reader.source.meta.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.problem((name,), "field.type", f"“{name}”（{label}）下应为“名称: 值”的列表，每行一项")
        return {}
    return value
