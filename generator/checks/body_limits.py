"""How much a body may ask of the Markdown engine: what `check` refuses so that `build` never hangs
or raises on it (issue 17: a list nested 300 deep raised RecursionError; a line of 40,000 `[`
took hours).

Python-Markdown stays the engine; these bounds sit far above any real report (whose bodies hold a
few dozen marks in all) and far below where its time or its recursion runs away, as measured and
as tests/test_hostile_markdown.py renders at the limits:

- nesting (lists, quotes): ~250 levels raised RecursionError; the bound is MAX_DEPTH;
- `[`, `*`, `_` and backticks: each inline pass is quadratic in them (800 `[` in a paragraph:
  0.07 s, 40,000: hours), and emphasis recurses per level; bounded per paragraph and per body;
- HTML tags: a `<tag` without its `>` makes the HTML parser scan to the end of the body, again
  for each one; nested tags cost the sanitiser quadratic time; bounded in number;
- headings: ids are made unique by counting up, quadratic in repeats;
- line length, for everything that looks at a line at a time.
"""

from __future__ import annotations

import re

MAX_LINE = 10_000  # characters
MAX_DEPTH = 16
MAX_MARKS_PARAGRAPH = 500
MAX_MARKS_BODY = 5_000
MAX_TAGS = 5_000
MAX_HEADINGS = 500
# an unclosed tag costs a scan of the rest of the body: their number × the body's length
MAX_UNCLOSED_SCAN = 10_000_000
MARKS = "[]*_`"

# Used with match() on a line's start; the lookbehind keeps it linear anywhere (no start inside a run of spaces).
_PREFIX = re.compile(r"(?<![ \t])(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))+")
_MARKER = re.compile(r">|[-*+][ \t]|\d{1,9}[.)][ \t]")
_HEADING = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$)", re.M)  # ATX, and setext underlines
_LONG_LINE = re.compile(rf"(?<![^\n])[^\n]{{{MAX_LINE + 1}}}")  # from a line's start only: linear
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_DEPTH + 1}}}", re.M)
_TAG_OPEN = re.compile(r"<(?:!--|!\[CDATA\[|[A-Za-z/!?])")
_CLOSE = {"<!--": "-->", "<![CDATA[": "]]>"}

Finding = tuple[int, str, str]  # (0-based line of the body, code, message)


def body_limits(body: str) -> list[Finding]:
    """What in `body` goes beyond the bounds, each at the first line where it does."""
    found = _long_lines(body) + _nesting(body) + _headings(body) + _tags(body)
    # Most bodies have a few marks in all: then no paragraph can have too many.
    if sum(body.count(mark) for mark in MARKS) > MAX_MARKS_PARAGRAPH:
        found += _marks(body.split("\n"))
    return found


def _long_lines(body: str) -> list[Finding]:
    if not _LONG_LINE.search(body):
        return []
    message = "这一行有 {} 个字符，超过 {} 的上限；请分成几段（段落之间空一行）"
    long = [(n, len(line)) for n, line in enumerate(body.split("\n")) if len(line) > MAX_LINE]
    return [(n, "body.long_line", message.format(length, MAX_LINE)) for n, length in long[:20]]


def depth_of(line: str) -> int:
    """How many lists and quotes a line opens or continues, from its start: each `>` and list
    marker, and each four columns of indent before them (a list nested in a list is indented)."""
    prefix = _PREFIX.match(line)
    if prefix is None:
        return 0
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return len(_MARKER.findall(prefix.group())) + (len(indent) + 3 * indent.count("\t")) // 4


def _nesting(body: str) -> list[Finding]:
    """The first line nested too deep. Such a line starts with over MAX_DEPTH characters of
    markers and indent, so only those lines are measured."""
    for match in _DEEP_CANDIDATE.finditer(body):
        end = body.find("\n", match.start(), match.start() + 1000)
        depth = depth_of(body[match.start() : end if end >= 0 else match.start() + 1000])
        if depth > MAX_DEPTH:
            message = (
                f"列表或引用嵌套了 {depth} 层，超过 {MAX_DEPTH} 层的上限（多半是行首的“-”“>”或缩进有误）；"
                "请减少层级"
            )
            return [(body.count("\n", 0, match.start()), "body.too_complex", message)]
    return []


def _marks(lines: list[str]) -> list[Finding]:
    """Paragraph and body totals of the characters inline Markdown works on."""
    found: list[Finding] = []
    total, paragraph, start = 0, 0, 0
    for n, line in enumerate(lines):
        if not line.strip():
            paragraph, start = 0, n + 1
            continue
        count = sum(line.count(mark) for mark in MARKS)
        paragraph += count
        total += count
        if paragraph > MAX_MARKS_PARAGRAPH and not found:  # the first such paragraph
            found.append((start, "body.too_complex", _too_many("这一段", paragraph, MAX_MARKS_PARAGRAPH)))
        if total > MAX_MARKS_BODY:
            found.append((n, "body.too_complex", _too_many("全文到这一行", total, MAX_MARKS_BODY)))
            break
    return found


def _too_many(where: str, count: int, bound: int) -> str:
    return (
        f"{where}的 Markdown 符号（[ ] * _ `）已有 {count} 个，超过 {bound} 个的上限，生成页面会极慢；"
        "多半是粘贴了乱码或程序文本，请删去，或改用全角符号"
    )


def _headings(body: str) -> list[Finding]:
    for count, match in enumerate(_HEADING.finditer(body), 1):
        if count > MAX_HEADINGS:
            message = f"标题超过 {MAX_HEADINGS} 个（年度报告只有十几个），请检查是否误加了 # 或 ===、---"
            return [(body.count("\n", 0, match.start()), "body.too_complex", message)]
    return []


def _tags(body: str) -> list[Finding]:
    """HTML tags in all, and tags not closed on their own line (see the module text)."""
    unclosed, first_unclosed = 0, -1
    for count, match in enumerate(_TAG_OPEN.finditer(body), 1):
        if not _closed(body, match.start(), match.group()):
            unclosed += 1
            first_unclosed = body.count("\n", 0, match.start()) if first_unclosed < 0 else first_unclosed
        if count > MAX_TAGS:
            line = body.count("\n", 0, match.start())
            return [(line, "body.too_complex", f"正文中的 HTML 标签超过 {MAX_TAGS} 个；请改用 Markdown 写法")]
        if unclosed * len(body) > MAX_UNCLOSED_SCAN:
            message = (
                f"正文中有 {unclosed} 处“<”后面的标签没有写完（缺少“>”或引号不成对），第一处在这一行；"
                "生成页面时每一处都要把后文读一遍。请补上“>”，或把“<”改成全角“＜”"
            )
            return [(first_unclosed, "body.too_complex", message)]
    return []


_TAG_WINDOW = 2_000  # a tag longer than this counts as unclosed (checking stays linear)


def _closed(body: str, start: int, opening: str) -> bool:
    """Whether the tag that starts at `start` ends on its own line, outside quotes."""
    closing = _CLOSE.get(opening, "?>" if opening == "<?" else ">")
    limit = start + _TAG_WINDOW
    line_end = body.find("\n", start, limit)
    end = body.find(closing, start + len(opening), limit if line_end < 0 else line_end)
    if end < 0:
        return False
    inside = body[start:end]
    return inside.count('"') % 2 == 0 and inside.count("'") % 2 == 0
