"""STAND-IN for the catalogue of problem codes that branch `check` provides (same interface:
`CODES: dict[str, ProblemCode]` with code, severity, title, explanation). At merge, take
`check`'s version of this file whole; nothing else here depends on which codes it lists."""

from __future__ import annotations

from dataclasses import dataclass

from generator.problems import ERROR, NOTICE, WARNING


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str  # problems.ERROR, WARNING or NOTICE
    title: str  # short Chinese name of the problem
    explanation: str  # what it means and how to fix it, in Chinese


CODES: dict[str, ProblemCode] = {
    c.code: c
    for c in (
        ProblemCode(
            "table.sum",
            ERROR,
            "统计表合计不符",
            "表中某行或某列的合计与各项之和不等（勾稽关系）。请对照原件核对各项和合计。",
        ),
        ProblemCode(
            "table.missing_row", ERROR, "统计表缺行", "标准统计表必须逐行填写完整。请补上缺少的行，没有数字的格填 0。"
        ),
        ProblemCode(
            "yaml.syntax", ERROR, "前置信息格式错误", "文件开头 --- 之间的内容不是合法的 YAML。请检查冒号、缩进和括号。"
        ),
        ProblemCode(
            "date.year_end", WARNING, "发布日期是年度最后一天", "年度统计尚未结束，请核对是否误把落款日期当作发布日期。"
        ),
        ProblemCode("table.blank", NOTICE, "统计表空白格", "原件中该格为空白，按 0 计算；如原件确为 0 可不改。"),
    )
}
