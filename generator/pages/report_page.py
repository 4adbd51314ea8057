"""The report page: its body sections with the standard tables under their headings, the 落款,
the reader notes, and the ids the page has (for the link checks)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown

from generator.content.markup import normalize_heading, split_sections, to_html
from generator.model.site import FIGURES, Report, Site
from generator.pages.structured_data import report_downloads, report_jsonld
from generator.pages.table_layout import Grid, table_grid
from generator.publish.links import text_ids

# A report of this many sections (tables included) gets a table of contents at its top.
TOC_BLOCKS = 5


@dataclass(frozen=True)
class Block:
    """A part of a report page: a body section, with the standard table that belongs under it."""

    heading: str
    anchor: str
    html: str
    grid: Grid | None = None


def report_blocks(site: Site, report: Report, converter: markdown.Markdown) -> list[Block]:
    """Body sections in order; each table goes under the heading its schema section names,
    or, if the editor left that heading out, after the body under the official heading."""
    fmt = site.schemas[report.format]
    grids = {}
    for values in report.tables:
        table = site.schemas[values.format].table(values.id)
        grids[values.id] = table_grid(table, values)
    wanted = {normalize_heading(s.title): s.table for s in fmt.sections if s.table}
    blocks = []
    sections = split_sections(to_html(converter, report.body))
    for n, section in enumerate(sections, 1):
        table_id = wanted.get(normalize_heading(section.heading))
        html = signed(section.html, report.organ) if n == len(sections) else section.html
        blocks.append(Block(section.heading, section.anchor, html, grids.pop(table_id, None) if table_id else None))
    titles = {s.table: s.title for s in fmt.sections if s.table}
    for table_id, grid in grids.items():
        blocks.append(Block(titles.get(table_id, grid.caption), f"table-{table_id}", "", grid))
    return blocks


def report_anchors(site: Site, report: Report, converter: markdown.Markdown) -> frozenset[str]:
    """The ids a report page has from its content, made as the page makes them (report_blocks and
    templates/report.html): a section's heading, the headings inside it, its table and cells, its
    key figures.
    `xxgk check` reads a link's #fragment against these, at the line of the link."""
    ids = {f"fig-{name}" for name in report.figures}  # the key-figures list (templates/report.html)
    for block in report_blocks(site, report, converter):
        ids.update(text_ids(block.html))
        if block.heading:
            ids.add(block.anchor)
        if block.grid:
            ids.update(block.grid.ids)
    return frozenset(ids)


_SIGNATURE = re.compile(r"(?:<p>([^<]{2,40})</p>\s*)?<p>([^<]{6,20})</p>\s*$")
_NUMERAL = "[\\d一二三四五六七八九十]{1,3}"
# Both are fullmatched on a short paragraph; the lookbehinds keep them linear on any text too
# (no start inside a run of spaces, or inside a line: tests/test_hostile_patterns.py).
_DATE = re.compile(rf"(?<!\s)\s*(?:\d{{4}}|[〇零○O一二三四五六七八九]{{4}})年{_NUMERAL}月{_NUMERAL}日\s*")
_ORGAN = re.compile(r"(?<![^\n]).*(?:政府|办事处|委员会|办公室|公所)\s*")


def signed(html: str, organ: str) -> str:
    """The 落款 (the issuing organ, then the date) that ends a report's text, marked so that it
    is set right-aligned as on paper; any other ending is left as it is."""
    match = _SIGNATURE.search(html)
    if not match or not _DATE.fullmatch(match.group(2)):
        return html
    name = match.group(1)
    signer = name is not None and (name.strip() == organ or _ORGAN.fullmatch(name))
    start = match.start() if signer else match.start(2) - 3
    tail = html[start:].replace("<p>", '<p class="signature">', 2 if signer else 1)
    return html[:start] + tail


def report(page, site, index, urls, converter) -> dict:
    report = next(r for r in index.by_township[page.key[0]] if r.year == page.key[1])
    township = index.townships[report.township]
    fmt = site.schemas[report.format]
    blocks = report_blocks(site, report, converter)
    return {
        "title": report.title,
        "description": f"{township.county}{township.name}{report.year}年政府信息公开工作年度报告全文与统计表",
        "report": report,
        "township": township,
        "format": fmt,
        "blocks": blocks,
        "previous": index.previous.get(report.key),
        "following": index.following.get(report.key),
        "figures": [(f, report.figures[f.name]) for f in FIGURES if f.name in report.figures],
        "downloads": report_downloads(report, urls),
        "structured_data": report_jsonld(site.config, report, township, urls),
        "corrections": site.corrections.get(report.path, ()),
        **report_notes(site, report),
        "toc": [(b.heading, b.anchor) for b in blocks if b.heading] if len(blocks) >= TOC_BLOCKS else [],
    }


@dataclass(frozen=True)
class NoteLine:
    """A reader note in the report page's list of them: where (a link into the page) and what."""

    place: str
    anchor: str
    text: str


def report_notes(site: Site, report: Report) -> dict:
    """The reader notes (reader_notes.py) of a report, for its page: listed under the header, and
    each at its key figure or under its table."""
    notes = site.reader_notes.get(report.path, ())
    figures = {f.name: f for f in FIGURES}
    fmt = site.schemas[report.format]
    lines, at_figure, at_table = [], {}, {}
    for note in notes:
        if note.target == "figure" and note.key in report.figures:
            at_figure.setdefault(note.key, []).append(note.text)
            lines.append(NoteLine(figures[note.key].label, f"fig-{note.key}", note.text))
        elif note.target == "table":
            at_table.setdefault(f"t-{note.key}", []).append(note.text)
            table = fmt.table(note.key)
            if not any(line.text == note.text for line in lines):
                lines.append(NoteLine(f"{table.number}" if table else "统计表", f"t-{note.key}", note.text))
        else:
            lines.append(NoteLine("", "", note.text))
    return {"notes": lines, "figure_notes": at_figure, "table_notes": at_table}
