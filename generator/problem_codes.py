"""STAND-IN for the catalogue of problem codes that branch `check` provides, with the same
interface: `CODES: dict[str, ProblemCode]`, fields code, severity, group, title, explanation.
At merge, take `check`'s version of this file whole; nothing here depends on which codes it lists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str  # "error", "warning" or "notice" (problems.ERROR, WARNING, NOTICE)
    group: str  # 文件 | 字段 | 表格 …
    title: str  # short Chinese name of the problem
    explanation: str  # what it means and how to fix it, in Chinese


_CATALOGUE = (
    ("table.sum", "error", "表格", "统计表合计不符", "某行或某列的合计与各项之和不等（勾稽关系）。请对照原件核对。"),
    ("table.missing_row", "error", "表格", "统计表缺行", "标准统计表必须逐行填写完整，没有数字的格填 0。"),
    ("yaml.syntax", "error", "文件", "YAML 语法错误", "请检查冒号后的空格、缩进和成对的括号。"),
    ("date.year_end", "warning", "字段", "发布日期是年度最后一天", "请核对是否误把落款日期当作发布日期。"),
    ("table.blank", "notice", "表格", "统计表空白格", "原件中该格为空白，按 0 计算。"),
)
CODES: dict[str, ProblemCode] = {row[0]: ProblemCode(*row) for row in _CATALOGUE}
