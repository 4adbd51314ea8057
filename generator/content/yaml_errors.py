"""PyYAML's English error reasons, told in Chinese for editors (both the C and the Python parser)."""

from __future__ import annotations

import re

# (pattern over "problem | context", Chinese reason with the usual fix). First match wins.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in (
        (r"mapping values are not allowed", "这一行多了一个冒号，或上一行的字段没有写完；值里含冒号时请用引号括起来"),
        (r"could not find expected ':'", "这一行缺少“字段: 值”中的冒号，或冒号后缺空格"),
        (r"found unexpected end of stream.*quoted", "引号没有闭合：请补上对应的引号"),
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
