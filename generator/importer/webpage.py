"""A saved web page → text lines and table grids, without the site's navigation and boilerplate.

Government CMS pages wrap the report in layout tables, menus, breadcrumbs, share bars and footers.
Only innermost tables are data tables; elements that are navigation by tag or by class/id are
skipped with everything inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.importer.grid import Block, Grid
from generator.importer.limits import ReadError

SKIP_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "select",
    "button",
    "iframe",
    "svg",
    "template",
    "head",
}
SKIP_MARKS = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumb|crumb|header|footer|sidebar|share|login|search|copyright|"
    r"toolbar|topbar|links|friend|position|location|dqwz)([-_\s\d]|$)",
    re.IGNORECASE,
)
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "tr",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "hr",
    "center",
}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr", "source"}
# Hostile pages: deeper elements are read as part of their ancestor at this depth (the walk below is
# recursive; real report pages nest under 40 levels, unclosed <font> tags included), and a page with
# more elements than this is refused rather than held in memory (real report pages: a few thousand).
MAX_DEPTH = 200
MAX_ELEMENTS = 200_000


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node | str

    def has_table(self) -> bool:
        return any(isinstance(c, Node) and (c.tag == "table" or c.has_table()) for c in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed <p>, <td>, <tr> are closed by their next sibling, as browsers do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.elements = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        closes = {"td": ("td", "th"), "th": ("td", "th"), "tr": ("tr", "td", "th"), "p": ("p",), "li": ("li",)}
        if tag in closes:
            self._close_open(closes[tag], stop=("table",) if tag != "p" else ("div", "td", "th", "table"))
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise ReadError(f"网页元素超过 {MAX_ELEMENTS} 个，不像是一份报告页面，拒绝读取")
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def _close_open(self, tags: tuple[str, ...], stop: tuple[str, ...]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag in stop:
                return
            if tag in tags:
                del self.stack[depth:]
                return

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def html_blocks(text: str) -> list[Block]:
    """Lines of text and Grids, in page order."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    out: list = []
    lines: list[str] = []

    def flush() -> None:
        joined = "".join(lines)
        out.extend(joined.split("\n"))
        lines.clear()

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                lines.append(re.sub(r"[ \t\r\n]+", " ", child))
                continue
            if _skipped(child):
                continue
            if child.tag == "table" and not child.has_table():
                flush()
                out.append(Grid(tuple(_rows(child)), True, "html"))
                continue
            if child.tag in BLOCK_TAGS or child.tag in ("td", "th"):
                lines.append("\n")
            walk(child)
            if child.tag in BLOCK_TAGS or child.tag in ("td", "th"):
                lines.append("\n")

    body = next((c for c in builder.root.children if isinstance(c, Node) and c.tag == "html"), builder.root)
    walk(body)
    flush()
    return [b for b in out if not isinstance(b, str) or b.strip()] or [""]


def _skipped(node: Node) -> bool:
    if node.tag in SKIP_TAGS:
        return True
    marks = " ".join((node.attrs.get("class", ""), node.attrs.get("id", ""), node.attrs.get("role", "")))
    return bool(SKIP_MARKS.search(marks)) or node.attrs.get("role") in ("navigation", "banner", "contentinfo")


def _text(node: Node) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append("\n")
        elif not _skipped(child):
            parts.append(_text(child))
    return "".join(parts)


def _rows(table: Node) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []

    def visit(node: Node) -> None:
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.tag == "tr":
                cells = [c for c in child.children if isinstance(c, Node) and c.tag in ("td", "th")]
                rows.append(tuple(re.sub(r"\s+", " ", _text(c)).strip() for c in cells))
            else:
                visit(child)

    visit(table)
    return rows
