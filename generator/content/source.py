"""Reading one content file: bytes → text → front matter + body, with a line for every YAML key.

Nothing here raises on bad content: every problem comes back as a `Problem` value.
"""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

from generator.content.yaml_errors import explain
from generator.model.problems import ERROR, Problem
from generator.model.source import _CELLS, KeyPath, Source

MAX_BYTES = 2 * 1024 * 1024  # a report is 5-50 KB; anything this large is a pasted binary

def _loader_class() -> type:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[valid-type, misc]
        """Safe YAML without implicit dates: a date stays text so that `2019-02-30` becomes a
        problem at its line instead of an exception for the whole file."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


_LOADER = _loader_class()


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text, or a problem that names the encoding the editor's program used."""
    if len(raw) > MAX_BYTES:
        size = len(raw) // 1024
        return None, [
            Problem(
                path,
                0,
                "file.too_large",
                f"文件过大（{size} KB，上限 {MAX_BYTES // 1024} KB），请确认不是误存的附件或二进制文件",
            )
        ]
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, 0, "file.binary", "这不是文本文件，无法读取；附件请用 docx/pdf 等扩展名")]
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(path, 1, "file.bom", "文件以 BOM（字节顺序标记）开头，请另存为“UTF-8 无 BOM”", "warning")
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "file.encoding", _encoding_message(raw))]


def _encoding_message(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "文件是 UTF-16 编码，请另存为 UTF-8 编码"
    for name, label in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return f"文件不是 UTF-8 编码（看起来是 {label}，常见于记事本或 WPS 的默认保存），请另存为 UTF-8 编码"
    return "文件不是 UTF-8 编码，请另存为 UTF-8 编码"


def parse_yaml(path: str, text: str, first_line: int = 1) -> tuple[Any, dict, dict, list[Problem]]:
    """YAML → (data, lines, columns, problems); `first_line` is where `text` starts in the file."""
    problems = [
        Problem(path, first_line + n, "yaml.tab", "YAML 中不能用 Tab 缩进，请改用空格", column=line.index("\t") + 1)
        for n, line in enumerate(text.split("\n"))
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if problems:
        return None, {}, {}, problems
    try:
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            lines: dict[KeyPath, int] = {}
            columns: dict[KeyPath, int] = {}
            _walk(path, node, (), first_line, lines, columns, problems)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = explain(exc.problem, exc.context)
        return (
            None,
            {},
            {},
            [
                Problem(
                    path,
                    line,
                    "yaml.syntax",
                    f"YAML 语法错误：{reason}",
                    column=(mark.column + 1) if mark else 0,
                )
            ],
        )
    except yaml.YAMLError as exc:
        return None, {}, {}, [Problem(path, first_line, "yaml.syntax", f"YAML 语法错误：{explain(str(exc), None)}")]
    return data, lines, columns, problems


def _walk(path: str, node: Any, key: KeyPath, first: int, lines: dict, columns: dict, problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            name = knode.value
            line = first + knode.start_mark.line
            if name in seen:
                problems.append(
                    Problem(
                        path,
                        line,
                        "yaml.duplicate_key",
                        f"键“{name}”重复出现（第一次在第 {seen[name]} 行），请删去一处",
                    )
                )
            seen[name] = line
            item_key = (*key, name)
            lines[item_key] = line
            columns[item_key] = knode.start_mark.column + 1
            _walk(path, vnode, item_key, first, lines, columns, problems)
    elif isinstance(node, yaml.SequenceNode):
        row = node.start_mark.line
        if all(isinstance(item, yaml.ScalarNode) and item.start_mark.line == row for item in node.value):
            # A table row such as [0, 1, 2] on one line: its cells share the row's line, so only
            # their columns are kept, packed (a key per cell was most of a parsed site's memory).
            columns[(*key, _CELLS)] = tuple(item.start_mark.column + 1 for item in node.value)
            return
        for index, item in enumerate(node.value):
            item_key = (*key, index)
            lines[item_key] = first + item.start_mark.line
            columns[item_key] = item.start_mark.column + 1
            _walk(path, item, item_key, first, lines, columns, problems)


def read_markdown(path: str, raw: bytes) -> tuple[Source | None, list[Problem]]:
    """A Markdown file with YAML front matter between two `---` lines."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    digest = hashlib.sha256(raw).hexdigest()
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [
            *problems,
            Problem(
                path, 1, "frontmatter.missing", "文件开头缺少元数据：第一行应为 ---，随后是 year: 等字段，再以 --- 结束"
            ),
        ]
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip() == "---"), None)
    if end is None:
        return None, [
            *problems,
            Problem(path, 1, "frontmatter.unclosed", "元数据没有结束：在字段之后加一行 ---，再写正文"),
        ]
    data, key_lines, key_columns, yaml_problems = parse_yaml(path, "\n".join(lines[1:end]), 2)
    problems += yaml_problems
    if data is None and yaml_problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [
            *problems,
            Problem(path, 2, "frontmatter.not_mapping", "元数据应为“字段: 值”的形式，例如 year: 2019"),
        ]
    body = "\n".join(lines[end + 1 :])
    head = hashlib.sha256("\n".join(lines[:end]).encode()).hexdigest()
    return Source(path, digest, data, body, end + 2, key_lines, key_columns, head), problems


def read_yaml(path: str, raw: bytes) -> tuple[Source | None, list[Problem]]:
    """A plain YAML mapping file (site.yaml, township.yaml)."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    data, key_lines, key_columns, yaml_problems = parse_yaml(path, text)
    problems += yaml_problems
    if yaml_problems and data is None:
        return None, problems
    if not isinstance(data, dict):
        return None, [*problems, Problem(path, 1, "yaml.not_mapping", "文件内容应为“字段: 值”的形式", ERROR)]
    digest = hashlib.sha256(raw).hexdigest()
    return Source(path, digest, data, "", 0, key_lines, key_columns), problems
