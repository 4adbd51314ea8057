"""What `xxgk serve` answers with: request paths read safely, files found under the served folder,
the reload script put into pages, the page of problems shown while the content has errors."""

from __future__ import annotations

import html
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.model.problems import blocking
from generator.serve.rebuild import Rebuild

EVENTS = "/__xxgk__/events"
RELOAD_SCRIPT = (
    f'<script>new EventSource("{EVENTS}").addEventListener("reload", function () {{ location.reload(); }});</script>'
)
MAX_PATH = 4096  # bytes, as the OS allows (PATH_MAX); a name of a path is at most 255 (NAME_MAX)
MAX_NAME = 255


def request_path(raw: str) -> tuple[str, HTTPStatus | None]:
    """A request's path, decoded; or the status that refuses it: 400 for what is no path (bad
    percent-encoding, control characters such as %00), 404 for what no file can be called (a name
    over 255 bytes, a path over 4,096). Filesystem calls would raise on these, and a handler that
    raises drops the connection without an answer."""
    try:
        path = unquote(urlsplit(raw).path, errors="strict")
    except UnicodeDecodeError:
        return "", HTTPStatus.BAD_REQUEST
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return "", HTTPStatus.BAD_REQUEST
    if len(path.encode()) > MAX_PATH or any(len(name.encode()) > MAX_NAME for name in path.split("/")):
        return "", HTTPStatus.NOT_FOUND
    return path, None


def resolve(out: Path, rel: str) -> Path | None:
    """The file under `out` for a URL path (index.html for a folder); None if there is none or the
    path would leave `out`."""
    try:
        target = (out / rel).resolve()
        if not target.is_relative_to(out.resolve()):
            return None
        if target.is_dir() and (target / "index.html").is_file() and (rel == "" or rel.endswith("/")):
            return target / "index.html"
        return target if target.exists() else None
    except (OSError, ValueError):  # what request_path lets through and the filesystem still refuses
        return None


def with_script(data: bytes) -> bytes:
    marker = data.rfind(b"</body>")
    script = RELOAD_SCRIPT.encode()
    return data[:marker] + script + data[marker:] if marker >= 0 else data + script


def problem_page(result: Rebuild) -> bytes | None:
    """The page shown for every URL while the content has errors or a template crashed."""
    errors = blocking(result.problems)
    if not errors and not result.crash:
        return None
    if errors:
        title = f"内容有 {len(errors)} 个错误，修正并保存后页面会自动刷新"
        items = "".join(
            f"<li><code>{html.escape(p.location())}</code>: {html.escape(p.message)} "
            f"<small>[{html.escape(p.code)}]</small></li>"
            for p in errors
        )
        body = f"<ol>{items}</ol>"
    else:
        title = "模板渲染出错，修正并保存后页面会自动刷新"
        body = f"<pre>{html.escape(result.crash)}</pre>"
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>xxgk serve：{html.escape(title)}</title></head>"
        f'<body style="font:16px/1.6 sans-serif;margin:2em"><h1>{html.escape(title)}</h1>{body}</body></html>'
    )
    return page.encode()
