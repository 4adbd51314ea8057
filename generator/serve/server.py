"""`xxgk serve`: build into a temporary directory, serve it under the site's base path, rebuild on
every change (content/, templates/, generator/schema/) and tell open pages to reload.

Reload uses Server-Sent Events and a 3-line script injected into every HTML response (see README
for why not the livereload package). A burst of saves is one rebuild: the file watcher (watchfiles)
yields a batch only after the changes have gone quiet for `STEP_MS`.
"""

from __future__ import annotations

import gc
import mimetypes
import os
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import watchfiles

from generator.checks.registry import CHECKS, CheckSet
from generator.engine.memo import MemoryMemo
from generator.engine.project import open_project
from generator.model.problems import blocking, format_text
from generator.model.schema import SCHEMA_DIR
from generator.serve.rebuild import Rebuild, rebuild
from generator.serve.responses import EVENTS, problem_page, request_path, resolve, with_script

STEP_MS = 50  # quiet time that ends a burst of saves
HEARTBEAT_S = 10.0  # an idle event stream sends a comment this often, to notice closed tabs


@dataclass(frozen=True)
class Status:
    """What the server shows: the last rebuild, and how many reload notices were sent."""

    result: Rebuild
    generation: int  # bumped once per rebuild; each bump is one reload notice
    base_path: str


class DevServer:
    """One running `xxgk serve`. Use as a context manager: the temporary output is removed on exit."""

    def __init__(
        self, root: Path, host: str = "127.0.0.1", port: int = 8000, poll: bool = False,
        jobs: int = os.cpu_count() or 1, checks: CheckSet = CHECKS,
    ) -> None:
        self.root = root
        self.jobs = jobs
        self.checks = checks
        self.poll = poll
        self.builds = 0
        self._address = (host, port)
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> DevServer:
        self._tmp = tempfile.TemporaryDirectory(prefix="xxgk-serve-")
        self.out = Path(self._tmp.name) / "site"
        self.out.mkdir()
        self._memo = MemoryMemo()  # the one cache, kept between rebuilds
        first = self._rebuild()
        self.status = Status(first, 0, first.site.config.base_path if first.site else "/")
        self.httpd = ThreadingHTTPServer(self._address, _handler(self))
        self.httpd.daemon_threads = True
        self._spawn(self.httpd.serve_forever)
        self._spawn(self._watch)
        if not self._watching.wait(30):
            raise RuntimeError("the file watcher did not start within 30 s")
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._tmp.cleanup()

    @property
    def stopping(self) -> threading.Event:
        return self._stop

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{self.status.base_path}"

    def _spawn(self, target) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _rebuild(self) -> Rebuild:
        result = rebuild(self.root, self.out, self._memo, date.today(), self.jobs, self.checks)
        # What a rebuild keeps (every parsed file, report and page of the site) would be walked by
        # each full garbage collection, 0.4 s at 20,000 reports in the middle of the next rebuild.
        # Young cycles are collected, then the survivors frozen out of the collector's sight.
        gc.collect(1)
        gc.freeze()
        if blocking(result.problems):
            # Rendering stops at the first error: what is in `out` stays as it was.
            print(f"内容有错误，浏览器中显示错误列表：\n{format_text(blocking(result.problems))}", file=sys.stderr)
        elif result.crash:
            print(f"模板渲染出错：\n{result.crash}", file=sys.stderr)
        else:
            print(f"已重建：{len(result.rendered)} 个页面，用时 {result.seconds:.2f} 秒", file=sys.stderr)
        self.builds += 1
        return result

    def _watch(self) -> None:
        paths = [self.root / "content", *open_project(self.root).templates, SCHEMA_DIR]
        batches = watchfiles.watch(
            *paths,
            stop_event=self._stop,
            force_polling=self.poll,
            step=STEP_MS,
            raise_interrupt=False,
            yield_on_timeout=True,  # an empty batch each `rust_timeout`: the first one says "watching now"
            rust_timeout=200,
        )
        for changes in batches:
            self._watching.set()
            if not changes:
                continue
            result = self._rebuild()
            base = result.site.config.base_path if result.site else self.status.base_path
            with self._changed:
                self.status = Status(result, self.status.generation + 1, base)
                self._changed.notify_all()

    def wait_for_reload(self, generation: int) -> Status | None:
        """Blocks until a rebuild newer than `generation`, or until the server stops (None)."""
        with self._changed:
            self._changed.wait_for(lambda: self.status.generation > generation or self._stop.is_set(), HEARTBEAT_S)
            return self.status if self.status.generation > generation else None


def _handler(server: DevServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_DevHandler):
        dev = server

    return Handler


class _DevHandler(BaseHTTPRequestHandler):
    dev: DevServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return  # one line per request would bury the rebuild messages

    def do_GET(self) -> None:
        path, refused = request_path(self.path)
        if refused:
            self._send(refused, f"{refused.value} {refused.phrase}".encode(), "text/plain; charset=utf-8")
            return
        status = self.dev.status
        if path == EVENTS:
            self._events(status.generation)
            return
        if not path.startswith(status.base_path):
            if path.rstrip("/") + "/" == "/":
                self._send(HTTPStatus.FOUND, b"", "text/plain", {"Location": status.base_path})
                return
            self._not_found(status)
            return
        target = resolve(self.dev.out, path[len(status.base_path) :])
        if target is not None and target.is_dir():
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", {"Location": quote(path + "/")})
            return
        shown = problem_page(status.result)
        if shown and (target is None or target.suffix == ".html"):
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, with_script(shown), "text/html; charset=utf-8")
        elif target is None:
            self._not_found(status)
        else:
            self._file(target, HTTPStatus.OK)

    def _not_found(self, status: Status) -> None:
        page = resolve(self.dev.out, "404.html")
        if page is None:
            self._send(HTTPStatus.NOT_FOUND, with_script(b"<h1>404</h1>"), "text/html; charset=utf-8")
        else:
            self._file(page, HTTPStatus.NOT_FOUND)

    def _file(self, target: Path, code: HTTPStatus) -> None:
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = with_script(data)
        if kind.startswith("text/") or kind.endswith(("xml", "javascript", "json")):
            kind += "; charset=utf-8"
        self._send(code, data, kind)

    def _send(self, code: HTTPStatus, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _events(self, generation: int) -> None:
        """One `reload` event per rebuild, for as long as the page stays open."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        try:
            while not self.dev.stopping.is_set():
                status = self.dev.wait_for_reload(generation)
                if status is None:
                    self.wfile.write(b": still here\n\n")
                else:
                    generation = status.generation
                    self.wfile.write(f"event: reload\ndata: {generation}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the tab was closed or reloaded: its stream ends here


def serve_command(root: Path, host: str, port: int, poll: bool = False) -> int:
    """Runs until Ctrl-C (or SIGTERM); always removes its temporary output."""
    started = time.perf_counter()
    with DevServer(root, host, port, poll) as server:
        seconds = time.perf_counter() - started
        print(f"xxgk serve：{server.url}（首次构建 {seconds:.1f} 秒；Ctrl-C 退出）", file=sys.stderr)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops as cleanly as Ctrl-C
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("\n正在退出…", file=sys.stderr)
    return 0
