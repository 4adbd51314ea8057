"""`xxgk serve` answers every request path (issue 17): a path that is no path gets 400, one that no
file can have gets 404; before, `GET /%00`, a 300-character name or 4,000 segments raised in the
handler and the connection dropped without an answer."""

from __future__ import annotations

import http.client
import shutil

import pytest

from generator.serve.responses import request_path
from generator.serve.server import DevServer
from tests.conftest import FIXTURES

PATHS = [
    ("/%00", 400),
    ("/portal/%00", 400),
    ("/portal/townships/demo-town/2021/index.html%00.txt", 400),
    ("/portal/x%7f", 400),
    ("/portal/townships%0d%0aSet-Cookie:%20x/", 400),  # no header can be injected
    ("/portal/%ff%fe", 400),  # not UTF-8
    ("/portal/%C0%AF", 400),  # an overlong "/"
    ("/" + "a" * 300, 404),
    ("/portal/" + "a" * 300, 404),
    ("/portal/" + "a/" * 4000, 404),
    ("/portal/" + "a/" * 1500, 404),  # within the bounds, and still no such file
    ("/portal/" + "%2F" * 3000, 404),
    ("/portal/..%2f..%2f..%2fetc/passwd", 404),
    ("/portal/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/portal/../../../etc/passwd", 404),
    ("/portal/%E4%B9%A1%E9%95%87/", 404),
    ("/portal/%", 404),
    ("/portal/townships", 301),
    ("/portal/townships/demo-town/2021/", 200),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve") / "f2021"
    shutil.copytree(FIXTURES / "f2021", root)
    with DevServer(root, "127.0.0.1", 0) as running:
        yield running


def _get(server: DevServer, path: str) -> tuple[int, dict[str, str]]:
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        connection.close()


@pytest.mark.parametrize(("path", "status"), PATHS)
def test_every_path_gets_an_answer(server, path, status):
    got, headers = _get(server, path)
    assert got == status
    assert "Set-Cookie" not in headers


def test_server_still_serves_after_hostile_requests(server):
    for path, _ in PATHS:
        _get(server, path)
    assert _get(server, "/portal/")[0] == 200


def test_request_path():
    assert request_path("/a/%E4%B9%A1?q=1") == ("/a/乡", None)
    assert request_path("/a%00")[1] == 400
    assert request_path("/" + "名" * 86)[1] == 404  # 258 bytes in UTF-8
    assert request_path("/" + "名" * 85)[1] is None
