"""The weekly external link check, against a local HTTP server (tests never touch the network)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from generator.publish.external_links import check_links, external_links, main
from tests.conftest import http_server, write_files


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path in ("/ok", "/slow") or (self.path == "/no-head" and with_body):
            self.send_response(200)
        elif self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer(False)

    def do_GET(self) -> None:
        self._answer(True)

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def server() -> Iterator[str]:
    with http_server(_Handler) as origin:
        yield origin


def _site(tmp_path, base: str):
    links = "".join(f'<a href="{base}{p}">x</a>' for p in ("/ok", "/moved", "/missing", "/no-head", "/slow"))
    return write_files(
        tmp_path / "out",
        {
            "index.html": f'<p>{links}<a href="/townships/">own</a><a href="{base}/ok">again</a></p>',
            "townships/a/2019/index.html": f'<p><a href="{base}/missing?a=1&amp;b=2">x</a></p>',
        },
    )


def test_external_links_are_collected_with_their_pages(tmp_path):
    links = external_links(_site(tmp_path, "https://example.org"))
    assert "https://example.org/missing?a=1&b=2" in links  # entities decoded
    assert links["https://example.org/ok"] == ("index.html",)
    assert all(url.startswith("https://") for url in links)  # the site's own links are not external


def test_each_link_is_reported_as_it_answered(tmp_path, server):
    results = {r.url.removeprefix(server): r for r in check_links(external_links(_site(tmp_path, server)), 0.5, 4)}
    assert results["/ok"].ok and results["/ok"].status == 200
    assert results["/moved"].ok and results["/moved"].status == 200  # redirect followed
    assert results["/no-head"].status == 200  # HEAD refused, GET served
    assert results["/missing"].status == 404 and not results["/missing"].ok
    assert results["/slow"].status is None and results["/slow"].error == "超时（0.5 秒内无响应）"


def test_the_check_reports_but_never_fails(tmp_path, server, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main([str(_site(tmp_path, server)), "--timeout", "0.5"]) == 0
    out = capsys.readouterr().out
    assert f"::warning title=外部链接无法访问::{server}/missing HTTP 404（index.html 等 1 个页面）" in out
    assert f"{server}/slow 超时" in out
    text = summary.read_text(encoding="utf-8")
    assert "共检查 6 个外部链接，3 个无法访问。" in text
    assert f"| {server}/missing?a=1&b=2 | HTTP 404 | `townships/a/2019/index.html` |" in text


def test_a_refused_connection_is_reported(tmp_path):
    site = write_files(tmp_path / "out", {"index.html": '<a href="http://127.0.0.1:9/x">x</a>'})
    (result,) = check_links(external_links(site), 0.5, 1)
    assert result.status is None and result.error.startswith("无法连接")


def test_a_missing_site_is_a_usage_error(tmp_path):
    assert main([str(tmp_path / "nothing")]) == 2
