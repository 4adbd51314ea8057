"""Characters that no content text may hold, found in the whole file before anything else reads it.

Control characters make the feed and sitemap invalid XML; line separators other than "\\n"
(U+2028, U+2029, U+0085, a lone "\\r") are line breaks to YAML but not to the editor's line count,
so every later line number would be off; bidirectional controls (RLO and friends) display text in
another order than it is stored, which can disguise a title or an attachment name. Each is an error
at its line and column, and is replaced by U+FFFD in the text the parsers get, so that they read
the rest with the right line numbers. A double-quoted YAML value can also spell one with an escape
("\\u202e", "\\x01", "\\N", "\\L"): `escaped_problem` finds those in the parsed values.
"""

from __future__ import annotations

import re

from generator.model.problems import ERROR, Problem

# C0 but tab, newline and the "\r" of "\r\n"; DEL and C1; line and paragraph separators; a BOM
# inside the text; the two non-characters XML forbids; surrogates (only a YAML escape makes one).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff"
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_IN_TEXT = re.compile(f"[{_CONTROL}{_BIDI}]|\r(?!\n)")
_IN_VALUE = re.compile(f"[{_CONTROL}{_BIDI}\r]")  # YAML turns "\r\n" into "\n": a "\r" left was escaped
_REPORTED_LINES = 20  # per file and kind; a pasted binary would else give a problem per line

_NAMES = {
    "\r": "单独的回车符（CR）",
    "\x85": "下一行符（NEL，U+0085）",
    "\u2028": "行分隔符（U+2028）",
    "\u2029": "段分隔符（U+2029）",
    "\ufeff": "文中的 BOM（U+FEFF）",
    "\u202e": "从右到左覆盖符（RLO，U+202E）",
    "\u202d": "从左到右覆盖符（LRO，U+202D）",
}


def is_bidi(char: str) -> bool:
    return char in _BIDI_SET


_BIDI_SET = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def describe(char: str) -> str:
    """A character's name for a message: what it is and its code point."""
    return _NAMES.get(char) or f"{'文字方向控制符' if is_bidi(char) else '控制字符'}（U+{ord(char):04X}）"


def _message(char: str, count: int = 1, lead: str = "这里有看不见的") -> str:
    more = f"（这一行共 {count} 个）" if count > 1 else ""
    if is_bidi(char):
        return (
            f"{lead}{describe(char)}{more}：它会把文字显示成与实际不同的顺序，可用来伪装标题或文件名；请删去"
        )
    return f"{lead}{describe(char)}{more}，多由复制粘贴带入，会使发布的文件无效；请删去（按列号可定位）"


def scan_text(path: str, text: str) -> tuple[str, list[Problem]]:
    """`text` with every such character replaced by U+FFFD, and a problem per line that has one
    (per kind: control or bidi), at its first column. One pass; nothing when the text is clean."""
    if not _IN_TEXT.search(text):
        return text, []
    hits: dict[tuple[int, str], list] = {}  # (line, code) → [column, character, count]
    line, line_start, last = 1, 0, 0
    for match in _IN_TEXT.finditer(text):
        offset = match.start()
        newlines = text.count("\n", last, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, offset) + 1
        last = offset
        code = "text.bidi" if is_bidi(match.group()) else "text.control"
        hit = hits.setdefault((line, code), [offset - line_start + 1, match.group(), 0])
        hit[2] += 1
    return _IN_TEXT.sub("\ufffd", text), _problems(path, hits)


def _problems(path: str, hits: dict[tuple[int, str], list]) -> list[Problem]:
    problems = []
    for code in ("text.control", "text.bidi"):
        lines = [(line, hit) for (line, kind), hit in hits.items() if kind == code]
        for number, (line, (column, char, count)) in enumerate(lines[:_REPORTED_LINES], 1):
            message = _message(char, count)
            if number == _REPORTED_LINES and len(lines) > number:
                message += f"；此后还有 {len(lines) - number} 行有同样的字符，未一一列出"
            problems.append(Problem(path, line, code, message, ERROR, column))
    return problems


def escaped_problem(path: str, line: int, column: int, value: str) -> Problem | None:
    """A problem for a parsed value that holds such a character (a YAML escape made it)."""
    match = _IN_VALUE.search(value)
    if match is None:
        return None
    char = match.group()
    code = "text.bidi" if is_bidi(char) else "text.control"
    message = _message(char, lead="双引号里的转义写出了看不见的")
    return Problem(path, line, code, message, ERROR, column)
