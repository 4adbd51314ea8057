"""Edit-to-browser latency of `xxgk serve` on a generated corpus (default 5,000 reports).

For each edit: write one report, then time (a) until the reload notice arrives on the event stream
a browser tab listens to, (b) until a GET of that report's page returns the new text.

    PYTHONPATH=. python benchmarks/serve_bench.py [--reports 5000] [--edits 10]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks.serve_corpus import make_corpus
from generator.serve.responses import EVENTS
from generator.serve.server import DevServer


def listen(url: str, notices: list[float]) -> None:
    with urllib.request.urlopen(url, timeout=600) as stream:
        for line in stream:
            if line.startswith(b"event: reload"):
                notices.append(time.perf_counter())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xxgk-serve-bench-") as tmp:
        root = make_corpus(Path(tmp) / "corpus", args.reports)
        started = time.perf_counter()
        with DevServer(root, "127.0.0.1", 0) as server:
            full = time.perf_counter() - started
            host, port = server.httpd.server_address[:2]
            notices: list[float] = []
            threading.Thread(target=listen, args=(f"http://{host}:{port}{EVENTS}", notices), daemon=True).start()
            time.sleep(0.5)
            slug = sorted(p.name for p in (root / "content" / "townships").iterdir())[7]
            report, url = root / f"content/townships/{slug}/2021.md", f"{server.url}townships/{slug}/2021/"
            to_notice, to_page, rebuilds, cpu = [], [], [], []
            for n in range(args.edits):
                marker = f"编辑标记{n}号"
                text = report.read_text(encoding="utf-8")
                seen = len(notices)
                edited = time.perf_counter()
                report.write_text(text + f"\n{marker}\n", encoding="utf-8")
                while True:
                    with urllib.request.urlopen(url) as response:
                        if marker in response.read().decode("utf-8"):
                            break
                    time.sleep(0.005)
                to_page.append(time.perf_counter() - edited)
                while len(notices) == seen:
                    time.sleep(0.005)
                to_notice.append(notices[seen] - edited)
                rebuilds.append(server.status.result.seconds)
                cpu.append(server.status.result.cpu_seconds)
                time.sleep(0.3)
    print(f"corpus: {args.reports} reports; first (full) build + start: {full:.2f} s")
    rows = (
        ("rebuild CPU time", cpu),
        ("rebuild", rebuilds),
        ("edit → reload notice", to_notice),
        ("edit → new page", to_page),
    )
    for name, values in rows:
        print(f"{name:22} median {statistics.median(values):.3f} s, max {max(values):.3f} s over {len(values)} edits")
    print(f"pages rendered per edit: {len(server.status.result.rendered)}")
    # the server process itself (the first build's worker processes have exited)
    print(f"server peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
