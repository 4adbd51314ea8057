"""The whole pipeline on real files: pages, links, determinism, atomic writes, escaping."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from generator.publish.links import broken_links
from tests.conftest import REPO, build_site, write_files


def digest_tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_sample_site_has_every_page(sample_root):
    result = build_site(sample_root)
    assert result.ok, result.problems
    out = sample_root / "site"
    expected = [
        "index.html",
        "townships/index.html",
        "years/index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "about/index.html",
        "accessibility/index.html",
        "townships/anqiu-jingzhi/index.html",
        "townships/anqiu-jingzhi/2019/index.html",
        "townships/tongxiang-wuzhen/2018/index.html",
        "townships/fusong-lushuihe/2017/index.html",
        "townships/miyun-bulaotun/2013/index.html",
        "townships/eshan-dianzhong/2019/index.html",
        "years/2013/index.html",
        "years/2017/index.html",
        "years/2018/index.html",
        "years/2019/index.html",
        "regions/anqiu/index.html",
        "regions/tongxiang/index.html",
        "static/style.css",
    ]
    for rel in expected:
        assert (out / rel).is_file(), rel
    assert len(result.rendered) == len(set(result.rendered))


@pytest.mark.parametrize("base_url", ["/", "/portal/", "https://example.org/sub/dir/"])
def test_no_broken_internal_link(sample_root, base_url):
    site_yaml = sample_root / "content/site.yaml"
    site_yaml.write_text(re.sub(r"base_url: .*", f"base_url: {base_url}", site_yaml.read_text("utf-8")), "utf-8")
    assert build_site(sample_root).ok
    base_path = "/" + base_url.split("://", 1)[-1].split("/", 1)[-1] if "://" in base_url else base_url
    assert broken_links(sample_root / "site", base_path) == []
    home = (sample_root / "site/index.html").read_text("utf-8")
    assert f'href="{base_path}townships/"' in home


def test_link_checker_finds_broken_links(tmp_path):
    write_files(
        tmp_path,
        {
            "index.html": '<a href="/a/">a</a><a href="/b/#x">b</a><a href="#top">t</a>',
            "a/index.html": '<p id="y">',
            "b/index.html": '<p id="y">',
        },
    )
    assert {b.target for b in broken_links(tmp_path, "/")} == {"/b/#x", "#top"}


def test_link_checker_reads_escaped_relative_and_other_site_links(tmp_path):
    """Plain paths take a short cut (links.py); the rest are unescaped, split and unquoted."""
    write_files(
        tmp_path,
        {
            "index.html": (
                '<a href="/sub/%E9%99%84%E4%BB%B6.pdf">ok</a><a href="/sub/c/?a=1&amp;b=2">ok</a>'
                '<a href="//other.example/sub/x/">another site</a><a href="/sub/c">no such file</a>'
                '<a href="/sub/附件.pdf">ok</a><a href="/elsewhere/">outside the base path</a>'
                '<a href="../sub/c/">relative</a>'
            ),
            "附件.pdf": "%PDF",
            "c/index.html": "<p>",
        },
    )
    assert {b.target for b in broken_links(tmp_path, "/sub/")} == {"/sub/c", "/elsewhere/", "../sub/c/"}


def test_two_builds_are_byte_identical(sample_root, tmp_path):
    build_site(sample_root, tmp_path / "one", cache=False)
    build_site(sample_root, tmp_path / "two", cache=False, jobs=2)
    assert digest_tree(tmp_path / "one") == digest_tree(tmp_path / "two")


def test_same_content_in_another_checkout_gives_the_same_bytes(sample_root, tmp_path):
    import shutil

    other = tmp_path / "elsewhere" / "checkout"
    shutil.copytree(sample_root, other)
    build_site(sample_root, tmp_path / "one", cache=False)
    build_site(other, tmp_path / "two", cache=False)
    assert digest_tree(tmp_path / "one") == digest_tree(tmp_path / "two")


def test_workers_forked_or_spawned_give_the_serial_bytes(sample_root, tmp_path, monkeypatch):
    """Every stage through the pool (parse, check, render, index), with workers forked (Linux) and
    spawned (Windows, macOS), and forked workers replaced after every chunk of pages."""
    monkeypatch.setattr("generator.engine.pool.SERIAL_BELOW", 1)
    trees = {}
    for name, jobs, method in (("serial", 1, ""), ("fork", 2, "fork"), ("spawn", 2, "spawn")):
        assert build_site(sample_root, tmp_path / name, cache=False, jobs=jobs, start_method=method).ok
        trees[name] = digest_tree(tmp_path / name)
    monkeypatch.setattr("generator.engine.rendering.CHUNKS_PER_WORKER", 1)
    assert build_site(sample_root, tmp_path / "replaced", cache=False, jobs=2, start_method="fork").ok
    trees["replaced"] = digest_tree(tmp_path / "replaced")
    assert trees["serial"] == trees["fork"] == trees["spawn"] == trees["replaced"]


def test_failed_build_leaves_previous_site_untouched(sample_root):
    assert build_site(sample_root).ok
    before = digest_tree(sample_root / "site")
    report = sample_root / "content/townships/anqiu-jingzhi/2019.md"
    report.write_text(report.read_text("utf-8").replace("year: 2019", "year: 二〇一九"), "utf-8")
    result = build_site(sample_root)
    assert not result.ok
    assert digest_tree(sample_root / "site") == before
    assert not list(sample_root.glob(".site.*"))


def test_crash_while_rendering_leaves_previous_site_untouched(sample_root):
    assert build_site(sample_root).ok
    before = digest_tree(sample_root / "site")
    (sample_root / "templates/report.html").write_text("{{ no_such_variable }}", "utf-8")
    with pytest.raises(jinja2.UndefinedError):
        build_site(sample_root)
    assert digest_tree(sample_root / "site") == before
    assert not list(sample_root.glob(".site.*"))


def test_hostile_content_is_escaped(minimal_root):
    write_files(
        minimal_root,
        {
            "content/townships/test-town/2018.md": "---\nyear: 2018\ntitle: <script>alert('t')</script>标题\n"
            "organ: <img src=x onerror=alert(1)>\n---\n"
            "## 一、概述\n\n<script>alert('body')</script><a href=\"javascript:alert(1)\">x</a>"
            '<b onclick="alert(2)">粗</b>\n',
        },
    )
    assert build_site(minimal_root).ok
    page = (minimal_root / "site/townships/test-town/2018/index.html").read_text("utf-8")
    assert "<script>alert" not in page and "<img" not in page and "onclick" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;标题" in page


def test_hostile_table_label_is_escaped(f2021_root, monkeypatch):
    from generator.model import schema as schema_module

    original = schema_module.load_schemas

    def patched(directory=schema_module.SCHEMA_DIR):
        schemas = original(directory)
        table = schemas["f2021"].table("proactive")
        block = table.blocks[0]
        row = block.rows[0].__class__("<script>x</script>规章", id="regulations")
        import dataclasses

        new_block = dataclasses.replace(block, rows=(row, *block.rows[1:]))
        new_table = dataclasses.replace(table, blocks=(new_block, *table.blocks[1:]))
        tables = tuple(new_table if t.id == "proactive" else t for t in schemas["f2021"].tables)
        schemas["f2021"] = dataclasses.replace(schemas["f2021"], tables=tables)
        return schemas

    monkeypatch.setattr("generator.engine.load.load_schemas", patched)
    assert build_site(f2021_root).ok
    page = (f2021_root / "site/townships/demo-town/2021/index.html").read_text("utf-8")
    assert "&lt;script&gt;x&lt;/script&gt;规章" in page and "<script>x" not in page


def test_chinese_hard_wraps_join_without_spaces(minimal_root):
    write_files(
        minimal_root,
        {
            "content/townships/test-town/2018.md": (
                "---\nyear: 2018\n---\n第一行文字\n第二行文字\nEnglish words\nwrap here\n"
            )
        },
    )
    assert build_site(minimal_root).ok
    page = (minimal_root / "site/townships/test-town/2018/index.html").read_text("utf-8")
    assert "第一行文字第二行文字" in page and "words\nwrap" in page


def test_cli_exit_codes(minimal_root):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(minimal_root), *args],
            capture_output=True,
            text=True,
            cwd=REPO,
        )

    assert run("build").returncode == 0
    assert run("check").returncode == 0
    assert run("build", "--no-such-flag").returncode == 2
    assert (
        subprocess.run(
            [sys.executable, "-m", "generator", "--root", "/nonexistent", "build"], capture_output=True, cwd=REPO
        ).returncode
        == 2
    )
    write_files(minimal_root, {"content/townships/test-town/2018.md": "---\nyear: [2018\n---\n"})
    broken = run("build")
    assert broken.returncode == 1
    assert "content/townships/test-town/2018.md:2" in broken.stdout  # where the bracket opened
    assert "Traceback" not in broken.stderr


def test_incremental_rebuild_rerenders_only_dependents(sample_root):
    assert build_site(sample_root).ok
    again = build_site(sample_root)
    assert again.rendered == () and again.reused > 0
    report = sample_root / "content/townships/fusong-lushuihe/2017.md"
    report.write_text(report.read_text("utf-8") + "\n补充一段。\n", "utf-8")
    edited = build_site(sample_root)
    assert "townships/fusong-lushuihe/2017/index.html" in edited.rendered
    assert "townships/anqiu-jingzhi/2019/index.html" not in edited.rendered
    assert "townships/anqiu-jingzhi/index.html" not in edited.rendered
    assert "补充一段" in (sample_root / "site/townships/fusong-lushuihe/2017/index.html").read_text("utf-8")


def test_corrupt_cache_is_ignored(sample_root):
    assert build_site(sample_root).ok
    for path in (sample_root / ".xxgk-cache").glob("memo.sqlite*"):
        path.write_text("{not a database", "utf-8")
    result = build_site(sample_root)
    assert result.ok and result.reused == 0 and "unreadable" in result.cache_note


def test_a_relative_root_reads_the_same_files(sample_root, monkeypatch):
    from generator.engine.load import load_site
    from tests.conftest import TODAY

    absolute, _ = load_site(sample_root, TODAY)
    monkeypatch.chdir(sample_root)
    relative, _ = load_site(Path("."), TODAY)
    assert [r.path for r in relative.reports] == [r.path for r in absolute.reports]
    assert relative.reports[0].path.startswith("content/townships/")


def test_provinces_are_listed_in_the_official_code_order(sample_root):
    assert build_site(sample_root).ok
    home = (sample_root / "site/index.html").read_text("utf-8")
    order = [home.index(f"<summary>{name}</summary>") for name in ("北京市", "吉林省", "浙江省", "山东省", "云南省")]
    assert order == sorted(order)
