"""The build fails on a broken internal link or anchor, naming the content file; the live site stays."""

from __future__ import annotations

import shutil

from generator.publish.link_check import pages_to_check
from generator.publish.links import output_files
from tests.conftest import REPO, build_site, write_files
from tests.test_build import digest_tree

REPORT = "content/townships/test-town/2018.md"
ABOUT = "content/pages/about.md"


def _codes(result, prefix="link."):
    return [(p.code, p.path) for p in result.problems if p.code.startswith(prefix)]


def test_broken_link_in_a_report_fails_the_build(minimal_root):
    """Caught twice over: by the content check (body.broken_link, before anything is rendered)."""
    assert build_site(minimal_root).ok
    before = digest_tree(minimal_root / "site")
    write_files(minimal_root, {REPORT: "---\nyear: 2018\n---\n## 一、概述\n\n见[另一镇](/townships/no-such-town/)。\n"})
    result = build_site(minimal_root)
    assert not result.ok
    assert _codes(result, "body.broken_link") == [("body.broken_link", REPORT)]
    assert digest_tree(minimal_root / "site") == before


def test_broken_link_made_by_a_template_fails_the_build(minimal_root):
    """What the content check cannot see: a template that links to a page no route makes."""
    shutil.copytree(REPO / "templates", minimal_root / "templates")
    assert build_site(minimal_root).ok
    before = digest_tree(minimal_root / "site")
    page = minimal_root / "templates/report.html"
    page.write_text(page.read_text("utf-8").replace("{% block main %}", '{% block main %}<a href="/nowhere/">x</a>', 1),
                    "utf-8")
    result = build_site(minimal_root)
    assert not result.ok
    assert _codes(result) == [("link.broken", REPORT)]
    assert "/nowhere/" in next(p.message for p in result.problems if p.code == "link.broken")
    assert digest_tree(minimal_root / "site") == before


def test_template_link_to_a_missing_anchor_of_another_page_fails_a_cold_build(minimal_root):
    """The render workers leave such links to be looked up once every page is written; a build
    with no cache has nothing else to catch them."""
    shutil.copytree(REPO / "templates", minimal_root / "templates")
    page = minimal_root / "templates/report.html"
    page.write_text(
        page.read_text("utf-8").replace("{% block main %}", '{% block main %}<a href="/years/#no-such-id">x</a>', 1),
        "utf-8",
    )
    result = build_site(minimal_root, cache=False, jobs=2)
    assert _codes(result) == [("link.broken", REPORT)]
    assert "/years/#no-such-id" in next(p.message for p in result.problems if p.code == "link.broken")
    assert not (minimal_root / "site").exists()


def test_broken_anchor_fails_the_build(minimal_root):
    """Found by the content check, at the link's line (issue 17: it was found only after
    rendering, by link.broken at line 0)."""
    write_files(
        minimal_root, {REPORT: "---\nyear: 2018\n---\n## 一、概述\n\n见[上文](#没有这一节)，[概述](#一概述)。\n"}
    )
    result = build_site(minimal_root)
    links = [p for p in result.problems if "link" in p.code]
    assert [(p.code, p.path, p.line) for p in links] == [("body.broken_link", REPORT, 6)]
    assert "#没有这一节" in links[0].message


def test_link_to_a_removed_report_is_reported_and_the_old_site_stays(minimal_root):
    write_files(
        minimal_root,
        {
            ABOUT: "---\ntitle: 关于\n---\n见[2018年报告](/townships/test-town/2018/#一概述)。\n",
            "content/townships/test-town/2019.md": "---\nyear: 2019\n---\n## 一、概述\n\n正文。\n",
        },
    )
    assert build_site(minimal_root).ok
    (minimal_root / REPORT).unlink()
    result = build_site(minimal_root)
    assert _codes(result, "body.broken_link") == [("body.broken_link", ABOUT)]
    assert (minimal_root / "site/townships/test-town/2018/index.html").is_file()  # the old site stays


def test_page_carried_over_unchanged_is_checked_when_an_anchor_it_needs_is_lost(minimal_root):
    """A template's link to a report's heading: the content check cannot see it, the build's can."""
    shutil.copytree(REPO / "templates", minimal_root / "templates")
    page = minimal_root / "templates/page.html"
    link = '<a href="{{ urls.report(\'test-town\', 2018) }}#一概述">概述</a>'
    page.write_text(page.read_text("utf-8").replace("{% block main %}", "{% block main %}" + link, 1), "utf-8")
    write_files(minimal_root, {ABOUT: "---\ntitle: 关于\n---\n关于本站。\n"})
    assert build_site(minimal_root).ok
    write_files(minimal_root, {REPORT: "---\nyear: 2018\n---\n## 一、总体情况\n\n正文。\n"})
    result = build_site(minimal_root)
    assert _codes(result) == [("link.broken", ABOUT)]


def test_content_link_to_a_lost_anchor_is_found_by_the_check(minimal_root):
    write_files(minimal_root, {ABOUT: "---\ntitle: 关于\n---\n见[概述](/townships/test-town/2018/#一概述)。\n"})
    assert build_site(minimal_root).ok
    write_files(minimal_root, {REPORT: "---\nyear: 2018\n---\n## 一、总体情况\n\n正文。\n"})
    result = build_site(minimal_root)
    assert [(p.code, p.path, p.line) for p in result.problems if "link" in p.code] == [("body.broken_link", ABOUT, 4)]


def test_incremental_build_reads_only_pages_written_anew(minimal_root, tmp_path):
    assert build_site(minimal_root).ok
    site = minimal_root / "site"
    staging = tmp_path / "staging"
    write_files(
        staging, {rel: (site / rel).read_bytes() for rel in ("index.html", "townships/test-town/2018/index.html")}
    )
    previous = ["index.html", "townships/test-town/2018/index.html"]
    present = output_files(staging)
    assert pages_to_check(staging, site, ["index.html", "feed.xml"], previous, present) == ["index.html"]
    assert pages_to_check(staging, site, ["index.html"], None, present) is None  # no previous build: every page
    removed = [*previous, "years/index.html"]
    assert pages_to_check(staging, site, ["index.html"], removed, present) is None
