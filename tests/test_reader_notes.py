"""Readers see what the checks found (issue 21): reader_notes picks the problems where a reader's
trust in a figure is at stake, says each in plain Chinese at its figure or table, and the report
page shows them; its fingerprint changes with them."""

from __future__ import annotations

import dataclasses

from generator.checks.reader_notes import READER_CODES, reader_notes, with_reader_notes
from generator.engine.load import load_site
from generator.model.codes import CODES
from generator.model.pages import View, report_facets
from generator.model.problems import Problem
from generator.model.site import ReaderNote
from generator.model.site_index import build_index
from generator.model.urls import Urls
from generator.pages.routes import report_route
from tests.checking import F2021, f2021, minimal, report
from tests.conftest import REPO, TODAY, build_site

JINGZHI = "content/townships/anqiu-jingzhi/2019.md"
LUSHUIHE = "content/townships/fusong-lushuihe/2017.md"


def notes_of(root) -> dict[str, tuple[ReaderNote, ...]]:
    site, problems = load_site(root, TODAY)
    return reader_notes(site.reports, site.schemas, problems)


def test_every_reader_code_is_catalogued():
    assert set(READER_CODES) <= set(CODES)


def test_sample_site_notes_say_what_the_text_and_the_table_give():
    notes = notes_of(REPO)
    jingzhi = notes[JINGZHI]
    figure = [n for n in jingzhi if n.target == "figure"]
    assert [n.key for n in figure] == ["applications_new"]
    assert "正文写“收到公民申请公开政府信息0件”（0 件）" in figure[0].text and "统计表为 1 件" in figure[0].text
    assert ReaderNote("table", "applications", figure[0].text) in jingzhi
    garbled = [n.text for n in notes[LUSHUIHE]]
    assert any("“201712月”" in t for t in garbled) and any("“二O一年”" in t for t in garbled)
    assert len(garbled) == len(set(garbled))  # the same garbled date twice is said once
    assert any("落款日期" in n.text for n in notes["content/townships/eshan-dianzhong/2019.md"])


def test_notices_and_editors_problems_give_no_note():
    site, _ = load_site(REPO, TODAY)
    problems = [
        Problem(JINGZHI, 14, "table.blank", "…"),
        Problem(JINGZHI, 3, "field.unknown", "…"),
        Problem("content/townships/nowhere/2019.md", 1, "prose.figure_mismatch", "…"),
    ]
    assert reader_notes(site.reports, site.schemas, problems) == {}


def test_table_notes_name_their_table(tmp_path):
    root = f2021(tmp_path, ("regulations: [0, 0, 0]", "regulations: [1, 1, 1]"))
    notes = notes_of(root)[F2021]
    text = "本表有数字与乡镇的通常情况不符（乡镇、街道不制定规章），原件如此。"
    assert ReaderNote("table", "proactive", text) in notes


def test_copy_paste_note_is_for_the_whole_report(tmp_path):
    figures = "figures:\n  proactive_items: 12\n"
    root = minimal(
        tmp_path,
        {"content/townships/test-town/2017.md": report(f"year: 2017\npublished: 2018-01-15\n{figures}")},
    )
    notes = notes_of(root)["content/townships/test-town/2018.md"]
    assert ReaderNote("report", "", "本报告的关键数字与2017年度报告完全相同，可能沿用了上年的数字。") in notes


def test_the_report_page_shows_its_notes_and_the_about_page_says_how(sample_root):
    assert build_site(sample_root).ok
    page = (sample_root / "site/townships/anqiu-jingzhi/2019/index.html").read_text("utf-8")
    assert 'class="reader-notes"' in page and 'href="#fig-applications_new"' in page
    figure = page[page.index('id="fig-applications_new"') :]
    assert figure.index('class="reader-note"') < figure.index("</li>")  # at the figure itself
    table = page[page.index('id="t-applications"') :]
    assert '<p class="reader-note">本报告正文与统计表数字不一致' in table
    about = (sample_root / "site/about/index.html").read_text("utf-8")
    assert "核对提示" in about
    clean = (sample_root / "site/townships/tongxiang-wuzhen/2018/index.html").read_text("utf-8")
    assert "reader-note" not in clean


def test_a_report_page_fingerprint_follows_its_notes():
    site, problems = load_site(REPO, TODAY)
    index, urls = build_index(site), Urls("/", "/")
    report = next(r for r in site.reports if r.path == JINGZHI)
    site = with_reader_notes(site, {})  # load_site gives the site with its notes: start without
    plain = report_route(View(site, index, urls, report_facets(site)), report)
    noted = with_reader_notes(site, reader_notes(site.reports, site.schemas, problems))
    with_notes = report_route(View(noted, index, urls, report_facets(noted)), report)
    assert plain.fingerprint("k") != with_notes.fingerprint("k")
    other = dataclasses.replace(noted, reader_notes={JINGZHI: (ReaderNote("report", "", "别的"),)})
    changed = report_route(View(other, index, urls, report_facets(other)), report)
    assert changed.fingerprint("k") != with_notes.fingerprint("k")


def test_fixing_the_text_removes_the_note_from_the_page(sample_root):
    assert build_site(sample_root).ok
    path = sample_root / JINGZHI
    text = path.read_text("utf-8").replace("收到公民申请公开政府信息0件", "收到公民申请公开政府信息1件")
    path.write_text(text, "utf-8")
    result = build_site(sample_root)
    assert "townships/anqiu-jingzhi/2019/index.html" in result.rendered
    page = (sample_root / "site/townships/anqiu-jingzhi/2019/index.html").read_text("utf-8")
    assert "本报告正文与统计表数字不一致" not in page
