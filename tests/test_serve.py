"""`xxgk serve` on port 0 with real HTTP requests, a real watcher and real files."""

from __future__ import annotations

import os
import shutil
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.serve.responses import EVENTS
from generator.serve.server import DevServer
from tests.conftest import REPO

REPORT = "content/townships/demo-town/2021.md"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the dev server")
        time.sleep(0.05)


class EventReader:
    """Reads the reload event stream as a browser tab would, in a thread."""

    def __init__(self, server: DevServer) -> None:
        host, port = server.httpd.server_address[:2]
        self.events: list[str] = []
        self.stream = urllib.request.urlopen(f"http://{host}:{port}{EVENTS}", timeout=30)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.stream:
            if line.startswith(b"event: "):
                self.events.append(line.decode().strip())


def edit(root: Path, old: str, new: str) -> None:
    path = root / REPORT
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def server(f2021_root):
    with DevServer(f2021_root, "127.0.0.1", 0) as running:
        yield running


def test_pages_served_under_base_path_with_reload_script(server):
    assert server.url.endswith("/portal/")
    status, body = get(server.url + "townships/demo-town/2021/")
    assert status == 200 and "2021" in body and EVENTS in body
    status, _ = get(server.url.replace("/portal/", "/"))  # the bare host sends you to the prefix
    assert status == 200


def test_missing_path_gets_the_built_404_page(server):
    for url in (server.url + "no/such/page/", server.url.replace("/portal/", "/elsewhere/")):
        status, body = get(url)
        assert status == 404 and "页面未找到" in body and EVENTS in body


def test_one_burst_of_saves_is_one_rebuild_and_one_reload(server, f2021_root):
    reader = EventReader(server)
    builds = server.builds
    for n in range(3):
        edit(f2021_root, "本测试报告为虚构示例" if n == 0 else f"第{n}稿", f"第{n + 1}稿")
    wait_until(lambda: reader.events)
    time.sleep(1.0)  # a second rebuild or notice would have come by now
    assert server.builds == builds + 1
    assert reader.events == ["event: reload"]
    assert "第3稿" in get(server.url + "townships/demo-town/2021/")[1]


def rewritten_by(server, f2021_root, old: str, new: str) -> set[str]:
    before = mtimes(server.out)
    generation = server.status.generation
    time.sleep(0.05)
    edit(f2021_root, old, new)
    wait_until(lambda: server.status.generation > generation)
    after = mtimes(server.out)
    touched = {rel for rel in after if after[rel] != before.get(rel)}
    assert touched == set(server.status.result.rendered)
    return touched


def test_body_edit_rewrites_only_the_report_page(server, f2021_root):
    touched = rewritten_by(server, f2021_root, "本测试报告为虚构示例", "改过的示例")
    assert {rel for rel in touched if not rel.startswith("search/")} == {"townships/demo-town/2021/index.html"}
    assert any(rel.startswith("search/cards/") for rel in touched)  # the page's card, and the index: patched


def test_figure_edit_rewrites_the_pages_that_show_figures(server, f2021_root):
    touched = rewritten_by(server, f2021_root, "proactive_items: 150", "proactive_items: 151")
    assert {
        "townships/demo-town/2021/index.html",
        "townships/demo-town/index.html",
        "years/2021/index.html",
        "regions/demo/index.html",
        "compare/figures/proactive_items/demo/index.html",
        "data/compare/figures/proactive_items.json",  # the site-wide view draws from it
    } <= touched
    assert not touched & {"index.html", "townships/index.html", "feed.xml", "sitemap.xml", "about/index.html"}


def test_title_edit_rewrites_the_lists_of_reports(server, f2021_root):
    touched = rewritten_by(server, f2021_root, "year: 2021\n", "year: 2021\ntitle: 示例镇2021年报告\n")
    assert {"index.html", "townships/index.html", "years/index.html", "feed.xml", "sitemap.xml"} <= touched
    assert "404.html" not in touched


def test_error_page_while_content_is_broken_and_back_after_fix(server, f2021_root):
    generation = server.status.generation
    edit(f2021_root, "    licensing: [120]", "    licensing: [abc]")
    wait_until(lambda: server.status.generation > generation)
    for url in (server.url, server.url + "townships/demo-town/2021/", server.url + "no/such/"):
        status, body = get(url)
        assert status == 500
        assert f"{REPORT}:" in body and "table.cell_type" in body and EVENTS in body
    edit(f2021_root, "    licensing: [abc]", "    licensing: [120]")
    wait_until(lambda: server.status.generation > generation + 1)
    status, body = get(server.url + "townships/demo-town/2021/")
    assert status == 200 and "table.cell_type" not in body



def test_template_crash_is_shown_in_browser_and_server_survives(f2021_root, capfd):
    shutil.copytree(REPO / "templates", f2021_root / "templates")
    page = f2021_root / "templates" / "report.html"
    good = page.read_text(encoding="utf-8")
    with DevServer(f2021_root, "127.0.0.1", 0) as server:
        generation = server.status.generation
        page.write_text(good.replace("{% block main %}", "{% block main %}{{ no_such_variable }}", 1), encoding="utf-8")
        wait_until(lambda: server.status.generation > generation)
        status, body = get(server.url + "townships/demo-town/2021/")
        assert status == 500 and "no_such_variable" in body and "Traceback" in body and EVENTS in body
        assert "Traceback" in capfd.readouterr().err
        page.write_text(good, encoding="utf-8")
        wait_until(lambda: server.status.generation > generation + 1)
        status, body = get(server.url + "townships/demo-town/2021/")
        assert status == 200 and "no_such_variable" not in body


def test_cleans_up_its_temporary_directory(f2021_root):
    with DevServer(f2021_root, "127.0.0.1", 0) as running:
        out = running.out
        assert (out / "index.html").is_file()
    assert not out.exists() and not out.parent.exists()
    assert not (f2021_root / "site").exists() and not (f2021_root / ".xxgk-cache").exists()
    assert sorted(os.listdir(f2021_root)) == ["content"]
