"""How long the build-time link check takes on a large site: `python -m benchmarks.link_check [TOWNSHIPS]`.

Makes TOWNSHIPS copies (default 600) of the sample townships' reports, builds once, then times the
link check over every page and over one re-rendered page. Prints figures; asserts nothing."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.engine.build import BuildOptions, build
from generator.publish.links import broken_links

REPO = Path(__file__).resolve().parent.parent


def make_site(root: Path, copies: int) -> None:
    shutil.copytree(REPO / "content", root / "content")
    townships = sorted((REPO / "content/townships").iterdir())
    for n in range(copies):
        source = townships[n % len(townships)]
        target = root / "content/townships" / f"{source.name}-{n}"
        shutil.copytree(source, target)
        yaml = target / "township.yaml"
        yaml.write_text(yaml.read_text("utf-8").replace("name: ", f"name: 第{n}", 1), "utf-8")


def main(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_site(root, copies)
        started = time.perf_counter()
        result = build(root, BuildOptions(root / "site", cache=False))
        built = time.perf_counter() - started
        pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
        size = sum((root / "site" / p).stat().st_size for p in pages)
        started = time.perf_counter()
        broken = broken_links(root / "site", "/")
        every = time.perf_counter() - started
        started = time.perf_counter()
        broken_links(root / "site", "/", [p for p in pages if p.endswith("/2019/index.html")][:1])
        one = time.perf_counter() - started
        print(f"pages: {len(pages)} ({size / 1e6:.1f} MB of HTML), build ok={result.ok} in {built:.2f} s")
        print(f"link check, every page: {every:.3f} s ({len(broken)} broken); one page: {one * 1000:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
