"""The build cache on real files: what a rebuild re-renders, and that a stale or corrupt cache is
never trusted (the output always equals a build from scratch)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.content import listing as documents
from generator.engine.build import load_site
from generator.engine.cache import CACHE_DIR
from generator.engine.parse_cache import FOLDER, load_parse_cache
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


def test_corrupt_or_stale_parse_cache_is_ignored(sample_root, tmp_path):
    assert build_site(sample_root).ok
    shards = sorted((sample_root / CACHE_DIR / FOLDER).iterdir())
    assert shards
    shards[0].write_bytes(shards[0].read_bytes()[:-10])  # truncated
    shards[1].write_bytes(shards[1].read_bytes().replace(b"xxgk-parse-cache-2", b"xxgk-parse-cache-0", 1))
    manifest = sample_root / CACHE_DIR / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["code"] = "0" * 64  # as if built by another generator version
    manifest.write_text(json.dumps(data), "utf-8")
    edit(sample_root, REPORT, "## ", "又一段。\n\n## ")
    result = build_site(sample_root)
    assert result.ok and result.reused == 0 and "other templates" in result.cache_note
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)
    assert load_parse_cache(sample_root / CACHE_DIR, "another key").entries.keys().isdisjoint({REPORT})


def test_parse_cache_reparses_only_what_changed(sample_root, monkeypatch):
    assert build_site(sample_root).ok
    parsed: list[str] = []
    original = documents.parse_file

    def counting(root: str, rel: str, mtime_ns: int, size: int):
        parsed.append(rel)
        return original(root, rel, mtime_ns, size)

    monkeypatch.setattr(documents, "parse_file", counting)
    other = sample_root / "content/townships/anqiu-jingzhi/2019.md"
    os.utime(other, ns=(other.stat().st_atime_ns, other.stat().st_mtime_ns + 10**9))  # touched, same bytes
    path = sample_root / REPORT
    head, _, tail = path.read_text("utf-8").rpartition("。")
    same_size = f"{head}！{tail}"  # one character changed, same size in bytes
    stat = path.stat()
    path.write_text(same_size, "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2 * 10**9))
    result = build_site(sample_root)
    assert parsed == [REPORT]
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


def test_checks_shared_out_to_processes_find_what_one_process_finds(tmp_path):
    """assemble_cached splits the reports between processes by township (a report is checked
    against the year before): the site and the problems are those of one process, none twice."""
    from benchmarks.serve_corpus import make_corpus
    from generator.engine.assembly_cache import assemble_cached
    from generator.engine.parse_cache import ParseCache
    from generator.model.problems import sort_problems
    from generator.model.schema import load_schemas
    from tests.conftest import write_files

    root = make_corpus(tmp_path / "corpus", 500)  # ~4 warnings a report, some across years
    write_files(root, {"content/pages/about.md": "---\ntitle: 关于\n---\n见[无此页](/no-such-page/)。\n"})
    files, _ = documents.load_documents(root, 1)
    one, two = (
        assemble_cached(files, load_schemas(), TODAY, ParseCache("test", {}, ""), jobs) for jobs in (1, 2)
    )
    assert one[0] == two[0]
    assert sort_problems(one[1]) == sort_problems(two[1])
    assert len(two[1]) == len(one[1]) > 1000
    assert [p.code for p in two[1] if p.path == "content/pages/about.md"] == ["body.broken_link"]


def test_one_report_edit_rewrites_one_shard_when_checks_run_in_processes(tmp_path):
    """The body checks' memos come back from the worker processes as copies; only findings made
    anew may count as changed, or every shard of the parse cache is written again."""
    from benchmarks.serve_corpus import make_corpus

    root = make_corpus(tmp_path / "corpus", 450)
    assert build_site(root, jobs=2, search=False).ok
    shards = root / CACHE_DIR / FOLDER
    before = {p.name: p.stat().st_mtime_ns for p in shards.iterdir()}
    report = next((root / "content/townships").iterdir()) / "2016.md"
    report.write_text(report.read_text("utf-8") + "\n补记一句。\n", "utf-8")
    build_site(root, jobs=2, search=False)
    after = {p.name: p.stat().st_mtime_ns for p in shards.iterdir()}
    assert len(before) > 40 and before.keys() == after.keys()
    assert len([name for name in before if before[name] != after[name]]) == 1
