"""The `xxgk` command: thin wrappers over library functions. Exit 0 ok, 1 content problems, 2 usage."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator import __version__
from generator.build import BuildOptions, build, load_site
from generator.importer import command as import_command
from generator.problems import blocking, format_github, format_json, format_text, summary_markdown


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xxgk", description="乡镇政府信息公开工作年度报告静态站点生成器")
    parser.add_argument("--version", action="version", version=f"xxgk {__version__}")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="站点根目录（含 content/ 与 templates/），默认当前目录"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = commands.add_parser("build", help="检查内容并生成站点")
    b.add_argument("--out", type=Path, default=None, help="输出目录，默认 <root>/site")
    b.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="并行进程数，默认为 CPU 核数")
    b.add_argument("--no-cache", action="store_true", help="不使用构建缓存，全部重新生成")
    b.add_argument("--strict", action="store_true", help="警告也视为错误")
    b.add_argument("--no-search", action="store_true", help="不建立全文搜索索引")
    _format_option(b)

    c = commands.add_parser("check", help="只检查内容，不生成站点")
    c.add_argument("--strict", action="store_true", help="警告也视为错误")
    _format_option(c)

    import_command.add_parser(commands)
    return parser


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="问题的输出格式：text（默认）、github（拉取请求注释）、json",
    )


def _report(problems: list, fmt: str) -> None:
    if fmt == "json":
        print(format_json(problems))
        return
    if problems:
        print(format_github(problems) if fmt == "github" else format_text(problems), file=sys.stdout)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(summary_markdown(problems))


def _counts(problems: list) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} 个错误，{warnings} 个警告"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    if not (root / "content").is_dir():
        print(f"xxgk: {root} 下没有 content/ 目录；请在站点根目录运行，或用 --root 指定", file=sys.stderr)
        return 2
    if args.command == "import":
        return import_command.run(args, root)
    if args.command == "check":
        _, problems = load_site(root, date.today())
        _report(problems, args.format)
        stop = blocking(problems, args.strict)
        if args.format == "text":
            print(("检查未通过：" if stop else "检查通过：") + _counts(problems), file=sys.stderr)
        return 1 if stop else 0
    if args.command == "build":
        out = (args.out or root / "site").resolve()
        if args.jobs < 1:
            print("xxgk: --jobs 至少为 1", file=sys.stderr)
            return 2
        options = BuildOptions(
            out, jobs=args.jobs, cache=not args.no_cache, strict=args.strict, search=not args.no_search
        )
        result = build(root, options)
        _report(list(result.problems), args.format)
        if not result.ok:
            print(f"构建失败：{_counts(list(result.problems))}；{out} 未改动", file=sys.stderr)
            return 1
        print(
            f"已生成 {out}：重新生成 {len(result.rendered)} 个页面，沿用 {result.reused} 个，"
            f"用时 {result.seconds:.2f} 秒",
            file=sys.stderr,
        )
        return 0
    return 2
