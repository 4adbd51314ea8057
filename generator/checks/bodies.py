"""Checks of report and page bodies: garbled dates, web/Word leftovers, empty sections,
raw HTML that the sanitiser will remove, and internal links to pages that do not exist."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from datetime import date
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from generator.checks.body_limits import body_limits
from generator.checks.boilerplate import LEFTOVERS
from generator.content.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, normalize_heading
from generator.model.pages import Anchors, Known
from generator.model.problems import WARNING, Problem
from generator.model.schema import Schemas
from generator.model.site import Report, Site
from generator.model.urls import Urls

_CN_DIGITS = "〇○OoＯ零一二三四五六七八九"
# Every pattern here runs over text from pull requests: each is linear in its input (no two
# quantifiers that can share a run of characters, no start inside a run that an earlier start
# scanned). tests/test_hostile_patterns.py runs them on adversarial 100 KB inputs.
# A whole run of Chinese digits before 年 (the lookbehind starts it only at the run's start);
# the year is that run from its first 一/二 + 〇 (garbled_dates), as the unanchored pattern found it.
_CN_YEAR = re.compile(rf"(?<![{_CN_DIGITS}])[{_CN_DIGITS}]+年")
_CN_YEAR_START = re.compile(r"[一二][〇○OoＯ零]")
_GLUED_MONTH = re.compile(r"(?<!\d)(\d{4})(1[0-2]|[1-9])月")
_DATE = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")  # closing #s and spaces are stripped by heading_text
# The attributes run to the first > (they cannot hold < or >); a closing "/" and spaces are
# stripped by removed_html. (The old `(\s+[^<>]*?)?\s*/?>` was cubic on `<a` and spaces.)
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)((?:\s[^<>]*)?)/?>")
_ATTR = re.compile(r"([A-Za-z_:][\w:.-]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_CONTENT_DROPPED = {"script", "style"}  # nh3 drops these with everything inside them
# The target stops at "]": else each "](" of "](](](…" would scan to the end of the line.
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>\]]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# href and src, quoted or not: what the sanitizer keeps and the build's link check then follows
_HREF = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>"']+))""", re.IGNORECASE)


@dataclass(frozen=True)
class BodyFindings:
    """What the checks find in one body on its own; its links are resolved against the site's pages
    on every build, since those can change without the body changing."""

    key: str  # digest of the inputs: path, body, first line, sections covered by tables
    problems: tuple[Problem, ...]
    links: tuple[tuple[int, str], ...]  # (line in the file, link) of internal links


def body_findings(path: str, body: str, first: int, covered: set[str]) -> BodyFindings:
    lines = dict(_prose_lines(body))
    # The patterns run once over the whole body (fenced code blanked), not once per line: bodies
    # are long and most lines have nothing to report.
    parts = [lines.get(n, "") for n in range(body.count("\n") + 1)]
    text = "\n".join(parts)
    starts = list(itertools.accumulate((len(part) + 1 for part in parts[:-1]), initial=0))

    def at(offset: int, code: str, message: str) -> Problem:
        number = bisect.bisect_right(starts, offset) - 1
        return Problem(path, first + number, code, message, WARNING, offset - starts[number] + 1)

    # What the Markdown engine could not render in bounded time: errors, so that build never meets it.
    problems = [Problem(path, first + n, code, message) for n, code, message in body_limits(body)]
    problems += [at(o, "body.garbled_date", m) for o, m in garbled_dates(text)]
    problems += [at(o, "body.leftover", m) for o, m in leftovers(text)]
    links = []
    for number, line in lines.items():
        removed = removed_html(line) if "<" in line else []
        if removed:
            message = f"这一行的 HTML 发布时会被删除：{'；'.join(removed)}。请改用 Markdown 写法（如 **加粗**）或删去"
            problems.append(Problem(path, first + number, "body.html_removed", message, WARNING))
        links += [(first + number, link) for link in (_links(line) if ("](" in line or "href" in line) else ())]
    for number, heading in empty_sections(body):
        if normalize_heading(heading) not in covered:
            message = f"「{heading}」一节没有内容：请补写（没有可写“无”）；若内容在统计表中，请在 tables: 下填写该表"
            problems.append(Problem(path, first + number, "body.empty_section", message, WARNING))
    return BodyFindings(_body_key(path, body, first, covered), tuple(problems), tuple(links))


def _body_key(path: str, body: str, first: int, covered: set[str]) -> str:
    return hashlib.sha256(repr((path, body, first, sorted(covered))).encode()).hexdigest()


def _prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(0-based line number, text) of every line outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def garbled_dates(text: str) -> list[tuple[int, str]]:
    """(0-based offset, message) for each garbled date in the text."""
    found = []
    for match in _CN_YEAR.finditer(text):
        start = _CN_YEAR_START.search(match.group(0))
        year = match.group(0)[start.start() :] if start else ""
        if year and len(year) != 5:  # four digits and 年
            message = f"年份“{year}”不完整（中文年份应为四位，如“二〇一七年”），请按原件补全"
            found.append((match.start() + start.start(), message))
    for match in _GLUED_MONTH.finditer(text):
        year, month = match.groups()
        found.append((match.start(), f"“{match.group(0)}”缺少“年”字，应为“{year}年{month}月”"))
    for match in _DATE.finditer(text):
        try:
            date(*(int(g) for g in match.groups()))
        except ValueError:
            found.append((match.start(), f"“{match.group(0)}”不是真实存在的日期，请核对"))
    return sorted(found)


def leftovers(text: str) -> list[tuple[int, str]]:
    """(0-based offset, message) for each web-page or Word leftover in the text."""
    return [
        (match.start(), f"“{match.group(0)}”是{what}，不属于报告正文，请删去")
        for pattern, what in LEFTOVERS
        for match in pattern.finditer(text)
    ]


def removed_html(line: str) -> list[str]:
    """What the sanitiser (markup.to_html, nh3 allow-list) will remove from this line."""
    removed = []
    for match in _TAG.finditer(line):
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3).rstrip().removesuffix("/")
        if name not in ALLOWED_TAGS:
            if not closing:
                inner = "连同其中的内容" if name in _CONTENT_DROPPED else "只保留其中的文字"
                removed.append(f"标签 <{name}>（{inner}）")
            continue
        for attr, value in _ATTR.findall(attrs):
            if attr.lower() not in ALLOWED_ATTRIBUTES.get(name, set()):
                removed.append(f"<{name}> 的 {attr} 属性")
            elif attr.lower() == "href" and urlsplit(value.strip("\"'")).scheme not in ("", "http", "https", "mailto"):
                removed.append(f"链接地址“{value.strip(chr(34) + chr(39))}”")
    return removed


def empty_sections(body: str) -> list[tuple[int, str]]:
    """(0-based line, heading text) of headings with nothing under them before the next heading
    of the same or a higher level: the next line with anything on it is such a heading, or none."""
    empty = []
    open_heading: tuple[int, int, str] | None = None  # the last heading, while nothing followed it
    for number, line in _prose_lines(body):
        match = _HEADING.match(line)
        if match:
            if open_heading and len(match.group(1)) <= open_heading[1]:
                empty.append((open_heading[0], open_heading[2]))
            open_heading = (number, len(match.group(1)), heading_text(match.group(2)))
        elif line.strip():
            open_heading = None
    if open_heading:
        empty.append((open_heading[0], open_heading[2]))
    return empty


def heading_text(rest: str) -> str:
    """A heading's text without the closing #s and spaces (str methods: a pattern for these
    trailing runs was cubic on long runs of spaces)."""
    return rest.rstrip().rstrip("#").rstrip()


def _may_link(text: str) -> bool:
    """A Markdown link or image, or an HTML tag (which may carry href or src): two plain scans, as
    this reads every body of the site on every build."""
    return "](" in text or "<" in text


def _links(line: str) -> list[str]:
    found = [*_MD_LINK.findall(line), *("".join(groups) for groups in _HREF.findall(line))]
    return [link for link in found if not urlsplit(link).scheme and not link.startswith("//")]


def link_problem(link: str, page_url: str, known: Set[str], anchors: Anchors, base_path: str) -> str:
    """What is wrong with `link` from the page at `page_url` (both relative to the site root): a
    page or static file the site lacks, or a #fragment its page lacks; "" when it is fine.
    A link may carry the base path too, copied from the address bar."""
    parts = urlsplit(link)
    resolved = parts.path.lstrip("/") if parts.path.startswith("/") else urljoin(page_url, parts.path)
    resolved = unquote(normpath("/" + resolved).lstrip("/")) + ("/" if parts.path.endswith("/") else "")
    prefix = base_path.lstrip("/")
    unprefixed = resolved[len(prefix) :] if prefix and resolved.startswith(prefix) else resolved
    if unprefixed.startswith("static/") or resolved.startswith("static/"):
        static = resolved if resolved.startswith("static/") else unprefixed
        return "" if static in known else f"链接“{link}”指向的文件 /{static} 不存在，请改正地址或删去链接"
    page = next((c for c in (resolved, resolved.rstrip("/") + "/", resolved + "/") if c in known), None)
    if page is None:
        return f"链接“{link}”指向本站不存在的页面，请改正地址或删去链接"
    fragment = unquote(parts.fragment)
    if not fragment:
        return ""
    if page not in anchors.pages and prefix and page.startswith(prefix):
        page = page[len(prefix) :]
    ids = anchors.of(page)
    if ids is None or fragment in ids:
        return ""
    own = sorted(i for i in ids - anchors.fixed if not i.startswith("t-"))  # headings and tables, not cells
    where = f"（该页的标题有：{'、'.join(f'#{i}' for i in own[:6])}）" if own else ""
    lead = f"链接“{link}”指向本页的" if link.startswith("#") else f"链接“{link}”指向该页的"
    return f"{lead}“#{fragment}”，该页上没有这个位置{where}；请改正或删去“#…”"


def known_paths(site: Site, page_urls: Iterable[str]) -> frozenset[str]:
    """Every URL of the site relative to its root (as links are written in content), also with
    the base path in front, since editors may copy a link from the address bar. `page_urls`: the
    routes' URLs, with or without the base path."""
    base = site.config.base_path
    urls = Urls("/", "/")
    known = {u[len(base) - 1 :] if u.startswith(base) else u for u in page_urls}
    known = {u.lstrip("/") for u in known}
    known |= {urls.attachment(r.township, r.year, r.attachment).lstrip("/") for r in site.reports if r.attachment}
    known.add("")
    prefix = base.lstrip("/")
    return frozenset({unquote(k) for k in known} | {unquote(prefix + k) for k in known})


def report_body_problems(report: Report, schemas: Schemas) -> list[Problem]:
    """What one report's body shows on its own (its links are checked against the site apart)."""
    tables = {t.id for t in report.tables}
    covered = {normalize_heading(s.title) for s in schemas[report.format].sections if s.table in tables}
    return list(body_findings(report.path, report.body, report.body_line, covered).problems)


def page_body_problems(site: Site) -> list[Problem]:
    return [p for page in site.pages for p in body_findings(page.path, page.body, page.body_line, set()).problems]


def broken_body_links(site: Site, known: Known) -> list[Problem]:
    """Links in report and page bodies to pages, static files or #anchors of this site that it does
    not have. Linear: only the bodies that have a link at all are read line by line (and only the
    pages a #fragment points at are converted, for their anchors)."""
    bodies = [(r.path, r.body, r.body_line, f"townships/{r.township}/{r.year}/") for r in site.reports]
    bodies += [(p.path, p.body, p.body_line, f"{p.name}/") for p in site.pages]
    problems = []
    for path, body, first, url in bodies:
        if not _may_link(body):
            continue
        for number, line in _prose_lines(body):
            for link in _links(line) if _may_link(line) else ():
                message = link_problem(link, url, known.paths, known.anchors, site.config.base_path)
                if message:
                    problems.append(Problem(path, first + number, "body.broken_link", message))
    return problems
