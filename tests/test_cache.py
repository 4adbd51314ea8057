"""The memo on real files: what a rebuild reads and re-renders, and that a stale or corrupt memo is
never trusted (the output always equals a build from scratch)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from generator.engine import load as load_module
from generator.engine.load import load_site
from generator.engine.project import CACHE_DIR
from tests.conftest import TODAY, build_site
from tests.test_build import digest_tree

REPORT = "content/townships/fusong-lushuihe/2017.md"
REPORT_PAGE = "townships/fusong-lushuihe/2017/index.html"


def fresh(root: Path, tmp_path: Path) -> dict[str, str]:
    """The output of a build from scratch of the same content."""
    out = tmp_path / "fresh"
    assert build_site(root, out, cache=False).ok
    return digest_tree(out)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_nothing_changed_renders_nothing_and_keeps_warnings(sample_root):
    first = build_site(sample_root)
    assert first.ok and any(p.severity == "warning" for p in first.problems)
    again = build_site(sample_root)
    assert again.rendered == () and again.cache_note == "nothing changed"
    assert again.problems == first.problems
    assert again.reused == first.reused + len(first.rendered) + len(first.written)


def test_body_edit_rerenders_only_that_report(sample_root, tmp_path):
    assert build_site(sample_root).ok
    edit(sample_root, REPORT, "## ", "新增的一段正文。\n\n## ")
    result = build_site(sample_root)
    assert result.rendered == (REPORT_PAGE,)
    assert "新增的一段正文" in (sample_root / "site" / REPORT_PAGE).read_text("utf-8")
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_front_matter_edit_rerenders_the_pages_that_list_it(sample_root, tmp_path):
    assert build_site(sample_root).ok
    edit(sample_root, REPORT, "title: 露水河镇2017年", "title: 露水河镇二〇一七年")
    result = build_site(sample_root)
    assert result.ok
    rendered = set(result.rendered)
    expected = {
        REPORT_PAGE,
        "townships/fusong-lushuihe/index.html",
        "regions/fusong/index.html",
        "index.html",
        "townships/index.html",
        "years/index.html",
        "years/2017/index.html",
        "feed.xml",
        "sitemap.xml",
    }
    assert expected <= rendered
    assert not {r for r in rendered if r.startswith("townships/") and r.count("/") == 3} - {REPORT_PAGE}
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_deleted_and_added_reports_update_the_site(sample_root, tmp_path):
    assert build_site(sample_root).ok
    text = (sample_root / REPORT).read_text("utf-8")
    (sample_root / REPORT).unlink()
    assert build_site(sample_root).ok
    assert not (sample_root / "site" / REPORT_PAGE).parent.exists()  # its folder too, not left empty
    (sample_root / "content/townships/fusong-lushuihe/2016.md").write_text(text.replace("2017", "2016"), "utf-8")
    result = build_site(sample_root)
    assert "townships/fusong-lushuihe/2016/index.html" in result.rendered
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_memo_of_other_code_or_damaged_is_not_trusted(sample_root, tmp_path):
    assert build_site(sample_root).ok
    memo = sample_root / CACHE_DIR / "memo.sqlite"
    db = sqlite3.connect(memo)
    with db:
        db.execute("UPDATE meta SET value = 'other code' WHERE name = 'code'")
    db.close()
    edit(sample_root, REPORT, "## ", "又一段。\n\n## ")
    result = build_site(sample_root)
    assert result.ok and result.reused == 0 and "another version" in result.cache_note
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)
    for path in (sample_root / CACHE_DIR).glob("memo.sqlite*"):
        path.write_bytes(path.read_bytes()[:100] + b"\0garbage")
    edit(sample_root, REPORT, "## ", "再一段。\n\n## ")
    result = build_site(sample_root)
    assert result.ok and result.reused == 0 and "unreadable" in result.cache_note
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_only_the_township_of_a_changed_file_is_read_again(sample_root, monkeypatch):
    """A file touched but not changed is hashed again and found the same; a file changed with its
    size kept is read again; every other township is taken from the memo."""
    assert build_site(sample_root).ok
    read: list[str] = []
    original = load_module.read_source

    def counting(root: str, rel: str):
        read.append(rel)
        return original(root, rel)

    monkeypatch.setattr(load_module, "read_source", counting)
    other = sample_root / "content/townships/anqiu-jingzhi/2019.md"
    os.utime(other, ns=(other.stat().st_atime_ns, other.stat().st_mtime_ns + 10**9))  # touched, same bytes
    path = sample_root / REPORT
    head, _, tail = path.read_text("utf-8").rpartition("。")
    same_size = f"{head}！{tail}"  # one character changed, same size in bytes
    stat = path.stat()
    path.write_text(same_size, "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2 * 10**9))
    result = build_site(sample_root)
    assert read == [REPORT]
    assert result.ok and result.rendered == (REPORT_PAGE,)
    assert "！" in (sample_root / "site" / REPORT_PAGE).read_text("utf-8")


def test_output_folder_replaced_by_hand_is_rebuilt(sample_root):
    assert build_site(sample_root).ok
    site = sample_root / "site"
    site.rename(sample_root / "elsewhere")
    site.mkdir()
    result = build_site(sample_root)
    assert result.ok and result.reused == 0
    assert (site / REPORT_PAGE).is_file()


def test_no_cache_writes_no_cache(minimal_root):
    assert build_site(minimal_root, cache=False).ok
    assert not (minimal_root / CACHE_DIR).exists()


def test_cached_checks_still_see_the_whole_site(sample_root):
    """A report's body links are checked against every page: deleting the report it links to
    fails the next build on the unchanged report, as a build from scratch would."""
    linking = "content/townships/anqiu-jingzhi/2019.md"
    edit(sample_root, linking, "## ", "见[另一报告](/townships/eshan-dianzhong/2019/)。\n\n## ")
    assert build_site(sample_root).ok
    (sample_root / "content/townships/eshan-dianzhong/2019.md").unlink()
    result = build_site(sample_root)
    assert not result.ok
    assert any(p.code == "body.broken_link" and p.path == linking for p in result.problems)
    _, expected = load_site(sample_root, TODAY)
    assert [(p.code, p.path, p.line) for p in result.problems] == [(p.code, p.path, p.line) for p in expected]


def test_checks_shared_out_to_processes_find_what_one_process_finds(tmp_path, monkeypatch):
    """Townships are read, assembled and checked in the worker pool: the site and the problems
    are those of one process, none twice."""
    from benchmarks.serve_corpus import make_corpus
    from tests.conftest import write_files

    monkeypatch.setattr("generator.engine.pool.SERIAL_BELOW", 2)
    root = make_corpus(tmp_path / "corpus", 500)  # ~4 warnings a report, some across years
    write_files(root, {"content/pages/about.md": "---\ntitle: 关于\n---\n见[无此页](/no-such-page/)。\n"})
    one, two = (load_site(root, TODAY, jobs) for jobs in (1, 2))
    assert one[0] == two[0]
    assert one[1] == two[1]
    assert len(two[1]) == len(set(two[1])) > 1000
    assert [p.code for p in two[1] if p.path == "content/pages/about.md"] == ["body.broken_link"]


def test_one_report_edit_reads_one_township_again_with_workers(tmp_path, monkeypatch):
    """With the townships loaded by two processes, an edit to one report reads that township's
    files alone (the memo's keys do not depend on which process made a value)."""
    from benchmarks.serve_corpus import make_corpus

    root = make_corpus(tmp_path / "corpus", 450)
    assert build_site(root, jobs=2, search=False).ok
    report = next((root / "content/townships").iterdir()) / "2016.md"
    report.write_text(report.read_text("utf-8") + "\n补记一句。\n", "utf-8")
    read: list[str] = []
    original = load_module.read_source
    monkeypatch.setattr(load_module, "read_source", lambda root, rel: read.append(rel) or original(root, rel))
    assert build_site(root, jobs=2, search=False).ok
    assert read and {rel.rsplit("/", 1)[0] for rel in read} == {report.parent.relative_to(root).as_posix()}
