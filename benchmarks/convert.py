"""The benchmark corpus as a Hugo site and as a Pelican site, so that both do the same work as xxgk:
one page per report (body + the standard tables), one per township, the township list, one per year,
the year list, the home page.

    python benchmarks/convert.py hugo ROOT OUT
    python benchmarks/convert.py pelican ROOT OUT"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HERE = Path(__file__).resolve().parent


def reports(root: Path):
    """(township slug, township mapping, year, front matter text, meta, body) for every report."""
    for folder in sorted(p for p in (root / "content/townships").iterdir() if p.is_dir()):
        township = yaml.load((folder / "township.yaml").read_text(encoding="utf-8"), Loader=LOADER)
        for path in sorted(folder.glob("*.md")):
            _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
            yield folder.name, township, int(path.stem), head, yaml.load(head, Loader=LOADER), body


def title_of(township: dict, year: int, meta: dict) -> str:
    return meta.get("title") or f"{township['name']}{year}年政府信息公开工作年度报告"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def to_hugo(root: Path, out: Path) -> int:
    """Content with the same front matter (plus title, township and a `years` taxonomy) and the
    minimal theme in benchmarks/hugo_layouts/."""
    write(
        out / "config.json",
        json.dumps(
            {
                "baseURL": "/",
                "languageCode": "zh-cn",
                "title": "基准测试门户",
                "taxonomies": {"year": "years"},
                "disableKinds": ["RSS", "sitemap", "robotsTXT", "404"],
                "markup": {"goldmark": {"renderer": {"unsafe": False}}},
            }
        ),
    )
    layouts = HERE / "hugo_layouts"
    for path in layouts.rglob("*.html"):
        write(out / "layouts" / path.relative_to(layouts), path.read_text(encoding="utf-8"))
    write(out / "content/_index.md", "---\ntitle: 基准测试门户\n---\n")
    write(out / "content/townships/_index.md", "---\ntitle: 全部乡镇\n---\n")
    count = 0
    seen = set()
    for slug, township, year, head, meta, body in reports(root):
        if slug not in seen:
            seen.add(slug)
            write(
                out / f"content/townships/{slug}/_index.md",
                "---\n" + json.dumps({"title": township["name"], **township}, ensure_ascii=False) + "\n---\n",
            )
        extra = json.dumps(
            {"title": title_of(township, year, meta), "township": slug, "years": [str(year)]}, ensure_ascii=False
        )
        front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in json.loads(extra).items())
        write(out / f"content/townships/{slug}/{year}.md", f"---\n{front}\n{head}---\n{body}")
        count += 1
    return count


def markdown_tables(meta: dict) -> str:
    parts = []
    for table_id, rows in (meta.get("tables") or {}).items():
        width = max(len(cells) for cells in rows.values())
        parts.append(f"\n\n**{table_id}**\n\n| 行 | " + " | ".join(str(n + 1) for n in range(width)) + " |")
        parts.append("|---|" + "---|" * width)
        parts += [f"| {row_id} | " + " | ".join(str(c) for c in cells) + " |" for row_id, cells in rows.items()]
    return "\n".join(parts)


def to_pelican(root: Path, out: Path) -> int:
    """Articles with Pelican's metadata (category = township, tag = year), tables as Markdown tables,
    and the minimal theme in benchmarks/pelican_theme/."""
    theme = HERE / "pelican_theme"
    write(out / "pelicanconf.py", (theme / "pelicanconf.py").read_text(encoding="utf-8"))
    for path in (theme / "templates").glob("*.html"):
        write(out / "theme/templates" / path.name, path.read_text(encoding="utf-8"))
    count = 0
    for slug, township, year, _, meta, body in reports(root):
        published = meta.get("published") or f"{year + 1}-01-01"
        head = (
            f"Title: {title_of(township, year, meta)}\nDate: {published}\nCategory: {slug}\nTags: y{year}\n"
            f"Slug: {year}\nCounty: {township['county']}\n\n"
        )
        write(out / f"content/{slug}/{year}.md", head + body + markdown_tables(meta) + "\n")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="convert the benchmark corpus for Hugo or Pelican")
    parser.add_argument("tool", choices=("hugo", "pelican"))
    parser.add_argument("root", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    count = (to_hugo if args.tool == "hugo" else to_pelican)(args.root, args.out)
    print(f"{args.tool}: {count} reports in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
