"""xxgk against Hugo, Pelican and the Python floor, on the same synthetic corpus.

    python benchmarks/run.py --n 1000 [--n 5000 ...] [--reps 3] [--work DIR] [--only xxgk,hugo,...]

For each N: makes the corpus (benchmarks/make_corpus.py) and its Hugo and Pelican conversions once
(kept in --work), then times, best and median of --reps runs: xxgk cold build (no cache; search as --no-search says),
warm rebuild with nothing changed, rebuild after a one-report edit, Pagefind on the built site,
Hugo, Pelican, and benchmarks/floor.py with 1 and 2 processes. Prints a Markdown table per N (peak
memory is the whole process tree's), then the ratios the targets are stated in."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.measure import Sample, run, tree_size_mb  # noqa: E402

PY = sys.executable
TOOLS = ("xxgk", "pagefind", "hugo", "pelican", "floor")
EDITED = "content/townships/{}/{}.md"


def prepare(n: int, work: Path, only: frozenset[str] | set[str] = frozenset(TOOLS)) -> Path:
    base = work / str(n)
    if not (base / "xxgk/content").is_dir():
        subprocess.run([PY, str(HERE / "make_corpus.py"), str(n), str(base / "xxgk")], check=True)
    for tool in ("hugo", "pelican"):
        if tool in only and not (base / tool).is_dir():
            subprocess.run([PY, str(HERE / "convert.py"), tool, str(base / "xxgk"), str(base / tool)], check=True)
    return base


def xxgk(root: Path, jobs: int, search: bool = True) -> list[str]:
    flags = [] if search else ["--no-search"]
    return [PY, "-m", "generator", "--root", str(root), "build", "--jobs", str(jobs), *flags]


def times(label: str, cmd: list[str], reps: int, before=None, cwd: Path | None = None, out: Path | None = None):
    samples: list[Sample] = []
    for rep in range(reps):
        if before:
            before(rep)
        samples.append(run(cmd, cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)}))
    size, pages = tree_size_mb(out) if out and out.exists() else (0.0, 0)
    best = min(s.seconds for s in samples)
    row = {
        "label": label,
        "best": best,
        "median": statistics.median(s.seconds for s in samples),
        "cpu": min(s.cpu_seconds for s in samples),
        "pss": max(s.tree_pss_mb for s in samples),
        "rss": max(s.max_rss_mb for s in samples),
        "size": size,
        "pages": pages,
    }
    print(f"  {label}: best {best:.2f} s", file=sys.stderr, flush=True)
    return row


def remove(*paths: Path):
    def clear(_rep: int) -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    return clear


def middle_report(root: Path) -> Path:
    folders = sorted(p for p in (root / "content/townships").iterdir() if p.is_dir())
    folder = folders[len(folders) // 2]
    return sorted(folder.glob("*.md"))[-1]


def bench(n: int, work: Path, reps: int, only: set[str], jobs: int, search: bool = True) -> list[dict]:
    base = prepare(n, work, only)
    root, rows = base / "xxgk", []
    site = root / "site"
    if "xxgk" in only or "pagefind" in only:
        clear = remove(site, root / ".xxgk-cache")
        rows.append(times("xxgk cold build", xxgk(root, jobs, search), reps, clear, out=site))
    if "xxgk" in only:
        rows.append(times("xxgk warm, nothing changed", xxgk(root, jobs, search), reps, out=site))
        report = middle_report(root)
        original = report.read_text(encoding="utf-8")

        def edit(rep: int) -> None:
            report.write_text(original + f"\n本段为基准测试的第 {rep + 1} 次修改。\n", encoding="utf-8")

        rows.append(times("xxgk one-report edit", xxgk(root, jobs, search), reps, edit, out=site))
        report.write_text(original, encoding="utf-8")
    if "pagefind" in only:
        from pagefind_bin import get_executable

        index = base / "pagefind-index"
        cmd = [str(get_executable()), "--site", str(site), "--output-path", str(index)]
        rows.append(times("Pagefind index (separately)", cmd, reps, remove(index), out=index))
    if "hugo" in only:
        hugo = base / "hugo"
        cmd = ["/usr/bin/hugo", "--quiet", "-s", str(hugo), "-d", str(hugo / "public")]
        rows.append(times("Hugo", cmd, reps, remove(hugo / "public"), out=hugo / "public"))
    if "pelican" in only:
        pelican = base / "pelican"
        cmd = [str(Path(PY).parent / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
        rows.append(times("Pelican", cmd, reps, remove(pelican / "output"), cwd=pelican, out=pelican / "output"))
    if "floor" in only:
        out = base / "floor-out"
        for procs in (1, 2):
            cmd = [PY, str(HERE / "floor.py"), str(root), str(out), "--jobs", str(procs)]
            rows.append(times(f"floor.py, {procs} process{'es' * (procs > 1)}", cmd, reps, remove(out), out=out))
    return rows


def table(n: int, rows: list[dict]) -> str:
    lines = [
        f"### N = {n:,} reports",
        "",
        "| run | best s | median s | CPU s | peak MB tree PSS | peak MB max RSS | output MB | pages | pages/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        rate = r["pages"] / r["best"] if r["pages"] else 0
        lines.append(
            f"| {r['label']} | {r['best']:.2f} | {r['median']:.2f} | {r['cpu']:.2f} | {r['pss']:.0f} | {r['rss']:.0f} "
            f"| {r['size']:.0f} | {r['pages']:,} | {rate:,.0f} |"
        )
    return "\n".join(lines)


def ratios(rows: list[dict]) -> str:
    best = {r["label"]: r["best"] for r in rows}
    cold = best.get("xxgk cold build")
    pairs = [
        ("xxgk cold / floor 2 processes (target ≤ 2)", cold, best.get("floor.py, 2 processes")),
        ("xxgk cold / floor 1 process", cold, best.get("floor.py, 1 process")),
        ("xxgk cold / Pelican (target ≤ 0.5)", cold, best.get("Pelican")),
        ("xxgk cold / Hugo", cold, best.get("Hugo")),
        ("xxgk warm / Hugo cold (target < 0.25 at 20k)", best.get("xxgk warm, nothing changed"), best.get("Hugo")),
        ("xxgk one-report edit, seconds (target < 0.3 at 20k)", best.get("xxgk one-report edit"), 1.0),
    ]
    lines = [f"- {label}: {a / b:.2f}" for label, a, b in pairs if a is not None and b is not None]
    pagefind = best.get("Pagefind index (separately)")
    if pagefind is not None and cold:
        lines.append(f"- Pagefind share of cold build + index: {pagefind / (cold + pagefind):.0%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="corpus size (repeatable); default 1000")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for xxgk")
    parser.add_argument("--work", type=Path, default=Path("/tmp/xxgk-bench"))
    parser.add_argument("--only", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--no-search", action="store_true", help="xxgk builds without the search index")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    for n in args.n or [1000]:
        rows = bench(n, args.work, args.reps, only, args.jobs, not args.no_search)
        print(table(n, rows) + "\n\n" + ratios(rows) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
