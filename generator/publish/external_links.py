"""External link check over a built site, for the weekly links workflow: report only, it never
fails (other people's sites go down; that must not block editors).

    python -m generator.publish.external_links site/ [--timeout 15] [--workers 8]

Each URL is asked once (HEAD, then GET where a server refuses HEAD), with a timeout per request;
the answer is reported as it is: the HTTP status, "timed out", or the network error."""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import __version__

_HREF = re.compile(r"""\shref="(https?://[^"]+)\"""")
_RETRY_WITH_GET = {403, 405, 501}  # servers that refuse HEAD but serve GET
USER_AGENT = f"xxgk-link-check/{__version__}"


@dataclass(frozen=True)
class LinkResult:
    url: str
    pages: tuple[str, ...]  # output paths of the pages that link to it
    status: int | None  # the final HTTP status (after redirects); None: no answer
    error: str = ""  # why there was no answer, in Chinese

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


def external_links(out: Path) -> dict[str, tuple[str, ...]]:
    """Every http(s) link in the site's HTML pages → the pages that have it, sorted."""
    found: dict[str, set[str]] = {}
    for page in sorted(out.rglob("*.html")):
        name = page.relative_to(out).as_posix()
        for raw in _HREF.findall(page.read_text(encoding="utf-8")):
            found.setdefault(html.unescape(raw), set()).add(name)
    return {url: tuple(sorted(pages)) for url, pages in sorted(found.items())}


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code


def check_url(url: str, pages: tuple[str, ...], timeout: float) -> LinkResult:
    try:
        status = _request(url, "HEAD", timeout)
        if status in _RETRY_WITH_GET:
            status = _request(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(url, pages, None, f"超时（{timeout:g} 秒内无响应）")
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return LinkResult(url, pages, None, f"超时（{timeout:g} 秒内无响应）")
        return LinkResult(url, pages, None, f"无法连接（{exc.reason}）")
    except (OSError, ValueError) as exc:  # reset connections, malformed URLs, bad status lines
        return LinkResult(url, pages, None, f"无法连接（{exc.__class__.__name__}: {exc}）")
    return LinkResult(url, pages, status)


def check_links(links: dict[str, tuple[str, ...]], timeout: float, workers: int) -> list[LinkResult]:
    """Results in URL order, whatever order the answers come in."""
    with ThreadPoolExecutor(max(1, workers)) as pool:
        futures = [pool.submit(check_url, url, pages, timeout) for url, pages in links.items()]
        return sorted((f.result() for f in futures), key=lambda r: r.url)


def _reason(result: LinkResult) -> str:
    return result.error or f"HTTP {result.status}"


def report_markdown(results: Iterable[LinkResult]) -> str:
    results = list(results)
    broken = [r for r in results if not r.ok]
    out = ["## 外部链接检查", "", f"共检查 {len(results)} 个外部链接，{len(broken)} 个无法访问。"]
    if broken:
        out += ["", "| 链接 | 结果 | 所在页面 |", "|---|---|---|"]
        for r in broken:
            pages = "、".join(f"`{p}`" for p in r.pages)
            out.append(f"| {r.url.replace('|', '%7C')} | {_reason(r)} | {pages} |")
        out += ["", "本检查只作提示，不阻止发布：请核对链接是否已失效，需要时在报告中注明或更正。"]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.publish.external_links", description="检查站点中的外部链接"
    )
    parser.add_argument("site", type=Path, help="已生成的站点目录，如 site/")
    parser.add_argument("--timeout", type=float, default=15.0, help="每次请求的超时秒数，默认 15")
    parser.add_argument("--workers", type=int, default=8, help="同时检查的链接数，默认 8")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"找不到站点目录 {args.site}：请先运行 xxgk build", file=sys.stderr)
        return 2
    results = check_links(external_links(args.site), args.timeout, args.workers)
    for r in results:
        if not r.ok:
            message = f"{r.url} {_reason(r)}（{r.pages[0]} 等 {len(r.pages)} 个页面）".replace("%", "%25")
            print(f"::warning title=外部链接无法访问::{message}")
    report = report_markdown(results)
    print(report)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(report)
    return 0  # report only: a dead link elsewhere never blocks


if __name__ == "__main__":
    sys.exit(main())
