"""Reading one content file: bytes → text → front matter + body, with a line for every YAML key.

Nothing here raises on bad content: every problem comes back as a `Problem` value.
"""

from __future__ import annotations

import hashlib

import yaml

from generator.content.characters import scan_text
from generator.content.yaml_errors import explain, syntax_problem
from generator.content.yaml_reader import Read, compose
from generator.model.problems import ERROR, Problem
from generator.model.source import Source

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


def parse_yaml(path: str, text: str, first_line: int = 1) -> Read:
    """YAML → values, key lines and columns, problems; `first_line` is where `text` starts in the file."""
    tabs = [
        Problem(path, first_line + n, "yaml.tab", "YAML 中不能用 Tab 缩进，请改用空格", column=line.index("\t") + 1)
        for n, line in enumerate(text.split("\n"))
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tabs:
        return Read(problems=tabs)
    try:
        read = compose(path, text, first_line, _LOADER)
    except yaml.YAMLError as exc:  # not a syntax error at a place (the scan leaves no reader error)
        return Read(problems=[Problem(path, first_line, "yaml.syntax", f"YAML 语法错误：{explain(str(exc), None)}")])
    if read.error is not None:
        return Read(problems=[*read.problems, syntax_problem(path, read.error, first_line)])
    if any(p.code == "yaml.depth" for p in read.problems):  # the reading stopped there
        return Read(problems=read.problems)
    return read


def read_markdown(path: str, raw: bytes) -> tuple[Source | None, list[Problem]]:
    """A Markdown file with YAML front matter between two `---` lines."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    text, found = scan_text(path, text)
    problems += found
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
    read = parse_yaml(path, "\n".join(lines[1:end]), 2)
    problems += read.problems
    if read.data is None and read.problems:
        return None, problems
    if not isinstance(read.data, dict):
        return None, [
            *problems,
            Problem(path, 2, "frontmatter.not_mapping", "元数据应为“字段: 值”的形式，例如 year: 2019"),
        ]
    body = "\n".join(lines[end + 1 :])
    head = hashlib.sha256("\n".join(lines[:end]).encode()).hexdigest()
    return Source(path, digest, read.data, body, end + 2, read.lines, read.columns, head, read.literals), problems


def read_yaml(path: str, raw: bytes) -> tuple[Source | None, list[Problem]]:
    """A plain YAML mapping file (site.yaml, township.yaml)."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    text, found = scan_text(path, text)
    problems += found
    read = parse_yaml(path, text)
    problems += read.problems
    if read.problems and read.data is None:
        return None, problems
    if not isinstance(read.data, dict):
        return None, [*problems, Problem(path, 1, "yaml.not_mapping", "文件内容应为“字段: 值”的形式", ERROR)]
    digest = hashlib.sha256(raw).hexdigest()
    return Source(path, digest, read.data, "", 0, read.lines, read.columns, literals=read.literals), problems
