"""A deterministic corpus of N reports for the dev-server benchmark, written with `xxgk new`'s own
scaffold (so every table is complete) plus a few numbers and a paragraph of prose per report.

    python benchmarks/serve_corpus.py OUT [--reports 5000]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from generator.commands.new import new_report, new_township
from generator.model.schema import load_schemas

REPO = Path(__file__).resolve().parent.parent
YEARS = tuple(range(2013, 2023))  # ten years: pre2019, f2019 and f2021 reports


def make_corpus(out: Path, reports: int) -> Path:
    """Writes OUT/content (site.yaml, townships, reports) and returns OUT; deterministic."""
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    (out / "content" / "site.yaml").write_text("title: 基准测试门户\nbase_url: /portal/\n", encoding="utf-8")
    schemas = load_schemas()
    townships = -(-reports // len(YEARS))
    written = 0
    for t in range(townships):
        county = f"county{t // 20:03d}"
        slug = f"{county}-town{t:04d}"
        new_township(out, slug, f"第{t}镇", f"测试{t // 20}县", "测试市", "测试省")
        for year in YEARS:
            if written == reports:
                return out
            path = new_report(out, slug, year, schemas, YEARS[-1])
            text = path.read_text(encoding="utf-8").replace("# published:", "published:", 1)
            text += f"\n本年度第{t}镇共主动公开政府信息{(t * 7 + year) % 300}条。\n"
            path.write_text(text, encoding="utf-8")
            written += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=5000)
    args = parser.parse_args()
    make_corpus(args.out, args.reports)
    print(f"wrote {args.reports} reports to {args.out}")


if __name__ == "__main__":
    main()
