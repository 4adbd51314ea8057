"""The floor: the simplest Python renderer of the corpus's pages, to measure xxgk against.

    python benchmarks/floor.py ROOT OUT [--jobs N]

YAML with the C loader, Python-Markdown, one Jinja template per page kind, files written as they
are rendered. No checks, no cache, no escaping beyond Jinja's autoescape. Pages: one per report,
one per township, the township list, one per year, the home page (xxgk's page kinds, minus regions)."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections import defaultdict
from pathlib import Path

import jinja2
import markdown
import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BASE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="stylesheet" href="/style.css"></head><body><header><a href="/">首页</a> <a href="/townships/">乡镇</a>
</header><main>{% block main %}{% endblock %}</main></body></html>
"""
TEMPLATES = {
    "base.html": BASE,
    "report.html": """{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1>
<dl><dt>发布机构</dt><dd>{{ township.county }}{{ township.name }}人民政府</dd>
<dt>发布日期</dt><dd>{{ meta.published }}</dd>
<dt>索引号</dt><dd>{{ meta.index_no }}</dd></dl>{{ body|safe }}
{% for table_id, rows in (meta.tables or {}).items() %}<table><caption>{{ table_id }}</caption>
{% for row_id, cells in rows.items() %}<tr><th>{{ row_id }}</th>{% for c in cells %}<td>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</table>{% endfor %}
<nav>{% if prev %}<a href="../{{ prev }}/">{{ prev }}</a>{% endif %}
{% if next %}<a href="../{{ next }}/">{{ next }}</a>{% endif %}</nav>
{% endblock %}""",
    "township.html": """{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1><ul>
{% for year, title, proactive in reports %}<li><a href="{{ year }}/">{{ title }}</a> {{ proactive }}</li>{% endfor %}
</ul>{% endblock %}""",
    "townships.html": """{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1>
{% for county, members in counties %}<h2>{{ county }}</h2><ul>{% for t in members %}
<li><a href="/townships/{{ t.slug }}/">{{ t.name }}</a>
{% for year, _, _ in t.reports %} <a href="/townships/{{ t.slug }}/{{ year }}/">{{ year }}</a>{% endfor %}</li>
{% endfor %}</ul>{% endfor %}{% endblock %}""",
    "year.html": """{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1><table>
{% for t, report in rows %}<tr><th><a href="/townships/{{ t.slug }}/">{{ t.name }}</a></th><td>{{ t.county }}</td>
<td><a href="/townships/{{ t.slug }}/{{ report[0] }}/">{{ report[1] }}</a></td><td>{{ report[2] }}</td></tr>{% endfor %}
</table>{% endblock %}""",
    "home.html": """{% extends "base.html" %}{% block main %}<h1>{{ title }}</h1>
{% for province, cities in tree %}<details open><summary>{{ province }}</summary>{% for city, counties in cities %}
<h3>{{ city }}</h3>{% for county, members in counties %}<h4>{{ county }}</h4><ul>{% for t in members %}
<li><a href="/townships/{{ t.slug }}/">{{ t.name }}</a></li>{% endfor %}</ul>{% endfor %}{% endfor %}
</details>{% endfor %}
<ul>{% for year in years %}<li><a href="/years/{{ year }}/">{{ year }}</a></li>{% endfor %}</ul>{% endblock %}""",
}


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)


def write(out: Path, rel: str, text: str) -> None:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def front_matter(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.load(head, Loader=LOADER), body


def render_township(folder: Path, out: Path, env: jinja2.Environment, md: markdown.Markdown) -> dict:
    """The report pages and the township page of one folder; returns what the list pages need."""
    township = yaml.load((folder / "township.yaml").read_text(encoding="utf-8"), Loader=LOADER)
    township["slug"] = folder.name
    years = sorted(int(p.stem) for p in folder.glob("*.md"))
    reports = []
    template = env.get_template("report.html")
    for n, year in enumerate(years):
        meta, body = front_matter(folder / f"{year}.md")
        title = meta.get("title") or f"{township['name']}{year}年政府信息公开工作年度报告"
        html = md.reset().convert(body)
        context = {
            "title": title,
            "township": township,
            "meta": meta,
            "body": html,
            "prev": years[n - 1] if n else None,
            "next": years[n + 1] if n + 1 < len(years) else None,
        }
        write(out, f"townships/{folder.name}/{year}/index.html", template.render(context))
        reports.append((year, title, (meta.get("figures") or {}).get("proactive_items")))
    township["reports"] = reports
    write(
        out,
        f"townships/{folder.name}/index.html",
        env.get_template("township.html").render(title=township["name"], reports=reports),
    )
    return township


def _worker(args: tuple[list[str], str]) -> list[dict]:
    folders, out = args
    env, md = environment(), markdown.Markdown(extensions=["tables"])
    return [render_township(Path(f), Path(out), env, md) for f in folders]


def render_lists(townships: list[dict], out: Path, env: jinja2.Environment) -> None:
    by_county: dict[str, list[dict]] = defaultdict(list)
    tree: dict[str, dict[str, dict[str, list[dict]]]] = defaultdict(lambda: defaultdict(dict))
    by_year: dict[int, list] = defaultdict(list)
    for t in townships:
        by_county[t["county"]].append(t)
        tree[t["province"]][t["city"]].setdefault(t["county"], []).append(t)
        for report in t["reports"]:
            by_year[report[0]].append((t, report))
    write(
        out,
        "townships/index.html",
        env.get_template("townships.html").render(title="全部乡镇", counties=sorted(by_county.items())),
    )
    for year, rows in by_year.items():
        write(out, f"years/{year}/index.html", env.get_template("year.html").render(title=f"{year}年度", rows=rows))
    nested = [(p, [(c, sorted(cs.items())) for c, cs in sorted(cities.items())]) for p, cities in sorted(tree.items())]
    write(out, "index.html", env.get_template("home.html").render(title="首页", tree=nested, years=sorted(by_year)))


def run(root: Path, out: Path, jobs: int) -> int:
    folders = sorted(str(p) for p in (root / "content/townships").iterdir() if p.is_dir())
    if jobs <= 1:
        townships = _worker((folders, str(out)))
    else:
        chunks = [(folders[i : i + 16], str(out)) for i in range(0, len(folders), 16)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            townships = [t for part in pool.imap(_worker, chunks) for t in part]
    render_lists(townships, out, environment())
    return sum(len(t["reports"]) for t in townships)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the simplest Python renderer of the benchmark corpus")
    parser.add_argument("root", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    count = run(args.root, args.out, args.jobs)
    print(f"floor: {count} reports", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
