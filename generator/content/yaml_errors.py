"""PyYAML's English error reasons, told in Chinese for editors (both the C and the Python parser)."""

from __future__ import annotations

import re

from yaml import MarkedYAMLError

from generator.model.problems import Problem

# (pattern over "problem | context", Chinese reason with the usual fix). First match wins.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in (
        (r"mapping values are not allowed", "这一行多了一个冒号，或上一行的字段没有写完；值里含冒号时请用引号括起来"),
        (r"could not find expected ':'", "这一行缺少“字段: 值”中的冒号，或冒号后缺空格"),
        (r"found unexpected end of stream.*quoted", "引号没有闭合：请补上对应的引号"),
        (r"invalid Unicode character escape", "双引号里的 \\u 转义写出了不存在的字符（如 \\ud800）：请删去这个转义"),
        (r"unknown escape character", "双引号里的反斜杠 \\ 不能这样用：去掉反斜杠，或改用单引号"),
        (r"',' or '\]'", "方括号 [ ] 没有闭合，或两个数字之间缺逗号"),
        (r"',' or '\}'", "花括号 { } 没有闭合，或两项之间缺逗号"),
        (r"cannot start any token", "这里有 YAML 不允许作为开头的字符（如 @、`、%），请把整个值用引号括起来"),
        (r"undefined alias", "* 开头的值会被当作引用：请把这个值用引号括起来"),
        (r"duplicate anchor", "& 开头的值会被当作锚点且重复了：请把这些值用引号括起来"),
        (r"expected '-' indicator|block collection", "列表项（以 - 开头的行）与其他行的缩进不一致"),
        (r"did not find expected key|expected <block end>", "缩进不齐：同级字段应左对齐，子项比上级多缩进两个空格"),
        (r"did not find expected node content|expected the node content", "冒号或短横线后缺少内容"),
        (r"found unexpected end of stream", "文件意外结束：检查引号和括号是否成对"),
        (r"exceeded maximum nesting depth", "括号或缩进嵌套的层数过多，多半是多打了括号"),
        (r"expected <document start>", "“...”（YAML 的结束标记）之后又写了内容：请删去“...”这一行"),
    )
)


def explain(problem: str | None, context: str | None) -> str:
    """A Chinese reason for a YAML error; unknown reasons keep the parser's words after a generic one."""
    text = f"{problem or ''} | {context or ''}"
    for pattern, reason in _REASONS:
        if pattern.search(text):
            return reason
    original = problem or context or ""
    hint = f"；解析器提示：{original}" if original else ""
    return f"格式无法识别（常见原因：冒号后缺空格、缩进不齐、引号未闭合）{hint}"


# Errors whose cause is where something was opened (a bracket, a quote, a key) and that the parser
# only notices lines later: the context mark is that opening, the problem mark where it gave up.
_OPENED = ("flow sequence", "flow mapping", "quoted scalar", "simple key")


def syntax_problem(path: str, exc: MarkedYAMLError, first_line: int) -> Problem:
    """A `yaml.syntax` problem at the line to fix: where the unclosed bracket or quote opened."""
    opened = exc.context_mark is not None and any(what in (exc.context or "") for what in _OPENED)
    mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
    reason = explain(exc.problem, exc.context)
    if opened and exc.problem_mark is not None and exc.problem_mark.line != mark.line:
        reason += f"（从这里开始，到第 {first_line + exc.problem_mark.line} 行仍未结束）"
    line = first_line + (mark.line if mark else 0)
    if "nesting depth" in (exc.problem or ""):  # libyaml's own limit (1,000), met before ours
        return Problem(path, line, "yaml.depth", reason, column=(mark.column + 1) if mark else 0)
    return Problem(path, line, "yaml.syntax", f"YAML 语法错误：{reason}", column=(mark.column + 1) if mark else 0)
