"""Rebuilds write only the pages, open data and search files whose bytes change (engine/publish.py,
search/update.py), on real files: which paths were written and which hard-linked from the last
build, and that the site is byte for byte the one a build from scratch makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.checks import bodies as body_checks
from generator.engine.load import load_site
from generator.engine.project import CACHE_DIR
from generator.search import update as search_update
from tests.conftest import TODAY, build_site
from tests.test_build import digest_tree
from tests.test_cache import edit, fresh

BODY_EDITED = "content/townships/fusong-lushuihe/2017.md"
FIGURE_EDITED = "content/townships/anqiu-jingzhi/2019.md"
BULK = {"data/figures.csv", "data/datapackage.json"}


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def counting_docs(monkeypatch) -> list[str]:
    """The URLs whose HTML the search index reads (rather than taking from its cache)."""
    read: list[str] = []
    original = search_update.search_doc

    def counting(page, *args):
        read.append(page.url)
        return original(page, *args)

    monkeypatch.setattr(search_update, "search_doc", counting)
    return read


def test_body_edit_writes_no_open_data_and_one_card(sample_root, tmp_path, monkeypatch):
    first = build_site(sample_root)
    assert first.ok and {"data/townships/fusong-lushuihe/2017/report.json", *BULK} <= set(first.written)
    before = inodes(sample_root / "site")
    edit(sample_root, BODY_EDITED, "## ", "新增的一段正文，含“独一无二”四字。\n\n## ")
    read = counting_docs(monkeypatch)
    result = build_site(sample_root)
    assert result.ok and result.rendered == ("townships/fusong-lushuihe/2017/index.html",)
    assert not [rel for rel in result.written if rel.startswith("data/")]
    cards = [rel for rel in result.written if rel.startswith("search/cards/")]
    buckets = [rel for rel in result.written if rel.startswith("search/index/")]
    assert len(cards) == 1 and read == ["/townships/fusong-lushuihe/2017/"]
    assert 0 < len(buckets) < len([r for r in before if r.startswith("search/index/")]) - 1
    after = inodes(sample_root / "site")
    kept = [rel for rel in after if rel.startswith("data/")]
    assert kept and all(after[rel] == before[rel] for rel in kept)  # the last build's files, left in place
    made = [rel for rel in after if not rel.startswith("static/") and not rel.startswith(".")]  # not copied
    assert result.reused + len(result.rendered) + len(result.written) == len(made)
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_figure_edit_rewrites_that_reports_data_and_the_bulk_files(sample_root, tmp_path):
    assert build_site(sample_root).ok
    edit(sample_root, FIGURE_EDITED, "proactive_items: 228", "proactive_items: 229")
    result = build_site(sample_root)
    assert result.ok
    data = {rel for rel in result.written if rel.startswith("data/")}
    own = {"data/townships/anqiu-jingzhi/2019/report.json", "data/townships/anqiu-jingzhi/2019/tables.csv"}
    assert own | BULK <= data
    assert not {rel for rel in data if rel.startswith("data/townships/")} - own
    document = json.loads((sample_root / "site/data/townships/anqiu-jingzhi/2019/report.json").read_text("utf-8"))
    assert document["figures"]["proactive_items"]["value"] == 229
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_base_url_change_rewrites_every_data_file(sample_root, tmp_path):
    assert build_site(sample_root).ok
    result = build_site(sample_root, base_url="https://example.org/xxgk/")
    assert result.ok and "data/townships/fusong-lushuihe/2017/report.json" in result.written
    out = tmp_path / "fresh"
    assert build_site(sample_root, out, cache=False, base_url="https://example.org/xxgk/").ok
    assert digest_tree(sample_root / "site") == digest_tree(out)


def test_tampered_search_files_of_the_last_build_are_not_trusted(sample_root, tmp_path):
    assert build_site(sample_root).ok
    index = sample_root / "site/search/index"
    for bucket in index.glob("[0-9]*.gz"):  # as if edited by hand: the digests no longer match
        bucket.unlink()  # (not rewritten in place: that would change the hard-linked copies too)
        bucket.write_bytes(b"not gzip")
    edit(sample_root, BODY_EDITED, "## ", "又一段。\n\n## ")
    result = build_site(sample_root)
    assert result.ok and len([r for r in result.written if r.startswith("search/index/")]) > 10
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_search_documents_come_from_the_cache_unless_it_is_corrupt(sample_root, tmp_path, monkeypatch):
    assert build_site(sample_root).ok
    read = counting_docs(monkeypatch)
    added = sample_root / BODY_EDITED.replace("2017", "2016")
    added.write_text((sample_root / BODY_EDITED).read_text("utf-8").replace("2017", "2016"), "utf-8")
    result = build_site(sample_root)  # a new page renumbers the index: all of it is written
    assert result.ok and len([r for r in result.written if r.startswith("search/index/")]) > 10
    searchable = len(list((sample_root / "site/search/cards").iterdir()))
    assert "/townships/fusong-lushuihe/2016/" in read and len(read) < searchable / 2  # the others: cached
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)
    for path in (sample_root / CACHE_DIR).glob("memo.sqlite*"):
        path.write_bytes(path.read_bytes()[:100])  # truncated
    read.clear()
    added.unlink()
    assert build_site(sample_root).ok
    assert len(read) == len(list((sample_root / "site/search/cards").iterdir()))  # every page read again
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)


def test_rebuilds_with_two_processes_match_a_serial_build_from_scratch(sample_root, tmp_path):
    assert build_site(sample_root, jobs=2).ok
    edit(sample_root, BODY_EDITED, "## ", "再一段。\n\n## ")
    assert build_site(sample_root, jobs=2).ok
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)
    assert [p.name for p in (sample_root / CACHE_DIR).iterdir()] == ["memo.sqlite"]


def test_body_checks_run_again_only_for_the_edited_body(sample_root, monkeypatch):
    assert build_site(sample_root).ok
    checked: list[str] = []
    original = body_checks.body_findings

    def counting(path, *args):
        checked.append(path)
        return original(path, *args)

    monkeypatch.setattr(body_checks, "body_findings", counting)
    edit(sample_root, BODY_EDITED, "## ", "点击数:12\n\n## ")  # a web-page leftover: a new warning
    result = build_site(sample_root)
    assert [p for p in checked if p.startswith("content/townships/")] == [BODY_EDITED]
    _, expected = load_site(sample_root, TODAY)
    assert result.problems == tuple(expected)
    assert any(p.code == "body.leftover" and p.path == BODY_EDITED for p in result.problems)


def test_update_in_place_deletes_a_removed_attachment_and_restores_a_file_deleted_by_hand(minimal_root, tmp_path):
    """A trusted rebuild moves only what changed into site/: what is gone must go, what was
    deleted from site/ by hand must come back, and the result must be a build from nothing."""
    report = minimal_root / "content/townships/test-town/2018.md"
    (report.parent / "2018.pdf").write_bytes(b"%PDF-1.4 test\n")
    report.write_text(report.read_text("utf-8").replace("year: 2018\n", "year: 2018\nsource: 2018.pdf\n", 1), "utf-8")
    assert build_site(minimal_root).ok
    site = minimal_root / "site"
    attachment = next(site.rglob("2018.pdf"))
    (site / "years/index.html").unlink()
    report.write_text(report.read_text("utf-8").replace("source: 2018.pdf\n", ""), "utf-8")
    (report.parent / "2018.pdf").unlink()
    result = build_site(minimal_root)
    assert result.ok and "years/index.html" in result.rendered
    assert not attachment.exists()
    assert digest_tree(site) == fresh(minimal_root, tmp_path)


def test_update_cut_short_while_publishing_leaves_the_old_site_and_a_cache_to_trust(sample_root, tmp_path, monkeypatch):
    from generator.engine import publish as publish_module

    assert build_site(sample_root).ok
    before = digest_tree(sample_root / "site")
    edit(sample_root, BODY_EDITED, "## ", "新增的一段正文。\n\n## ")

    def cut_short(staging: Path, out: Path, kept) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(publish_module, "publish", cut_short)
    with pytest.raises(KeyboardInterrupt):
        build_site(sample_root)
    monkeypatch.undo()
    assert digest_tree(sample_root / "site") == before
    assert [p.name for p in sample_root.iterdir() if p.name.startswith(".site")] == []
    result = build_site(sample_root)
    assert result.ok and result.reused > 0
    assert digest_tree(sample_root / "site") == fresh(sample_root, tmp_path)
