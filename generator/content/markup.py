"""Markdown → safe HTML for report bodies and pages, split into sections at `##` headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions.toc import TocExtension

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "sup",
    "sub",
    "del",
    "abbr",
    "dl",
    "dt",
    "dd",
    "img",  # the site's own images only (_own_images): e.g. the editors' guide's screenshots
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"align", "scope"},
    "td": {"align"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "ol": {"start"},
    "img": {"src", "alt", "width", "height"},
}
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SOFT_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")
# These run on sanitised HTML, where every "<" starts a tag (nh3 escapes it in text and attribute
# values), so the lazy h2 scan always finds its close; a tag stops at the next "<" all the same,
# which keeps it linear on any text (tests/test_hostile_patterns.py).
_H2 = re.compile(r"<h2 id=\"([^\"]*)\">(.*?)</h2>", re.S)
_TAG = re.compile(r"<[^<>]+>")
_NO_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_SCROLL_OPEN = '<div class="table-scroll" role="region" aria-label="表格" tabindex="0">'


@dataclass(frozen=True)
class BodySection:
    """A part of a body: its `##` heading (empty for the part before the first heading)."""

    heading: str  # plain text
    anchor: str
    html: str


def _slug(value: str, separator: str) -> str:
    """Heading ids that stay readable in Chinese: 一、总体情况 → 一总体情况."""
    value = re.sub(r"[^\w\u4e00-\u9fff-]+", "", value.strip().lower())
    return value or "section"


def new_converter() -> markdown.Markdown:
    """One converter per process (Python-Markdown instances are reusable after reset())."""
    return markdown.Markdown(
        extensions=["tables", "sane_lists", TocExtension(slugify=_slug, toc_depth="2-6")],
        output_format="html",
    )


def to_html(converter: markdown.Markdown, text: str) -> str:
    """Convert and sanitise. Raw HTML from content is never trusted (DESIGN: nh3 allow-list).
    Lines that editors hard-wrap inside Chinese text are joined without a space."""
    html = converter.reset().convert(text)
    html = _SOFT_BREAK.sub("", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        # a Python call per attribute costs: only for the few bodies with an image
        attribute_filter=_own_images if "<img" in html else None,
    )
    if "<img" in clean:  # an image whose address _own_images removed is removed too
        clean = _NO_SOURCE.sub("", clean)
    # Added after sanitising, so content cannot forge it: a wide table scrolls in its own box
    # instead of widening the page on a phone.
    return clean.replace("<table>", _SCROLL_OPEN + "<table>").replace("</table>", "</table></div>")


def _own_images(element: str, attribute: str, value: str) -> str | None:
    """An image from another site would tell it who reads the page (and break offline): only a
    path on this site is kept."""
    if element == "img" and attribute == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None
    return value


def split_sections(html: str) -> tuple[BodySection, ...]:
    sections = []
    last_end, heading, anchor = 0, "", ""
    for match in _H2.finditer(html):
        sections.append(BodySection(heading, anchor, html[last_end : match.start()].strip()))
        heading, anchor, last_end = plain_text(match.group(2)), match.group(1), match.end()
    sections.append(BodySection(heading, anchor, html[last_end:].strip()))
    return tuple(s for s in sections if s.heading or s.html)


def plain_text(html: str) -> str:
    text = _TAG.sub("", html)
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').strip()


def normalize_heading(text: str) -> str:
    """For matching a report's heading to a schema section: drop numbering, spaces, punctuation."""
    text = re.sub(r"^[一二三四五六七八九十\d]+[、.．]\s*", "", text.strip())
    return re.sub(r"[\s、，,：:（）()]", "", text)
