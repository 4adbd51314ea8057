"""`xxgk import PATH... [--township <slug>] [--year N] [--dry-run] [--format json] [--keep-original] [--force]`.

PATH is a report file or a folder of them (a county's backlog): each report goes to the township its
title names (matched to township.yaml) and the year it states; a summary table ends the run.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator.content.listing import ATTACHMENT_TYPES
from generator.importer.reading import SUPPORTED, ReadError
from generator.importer.report import Imported, ImportFailed, import_report
from generator.importer.reportfile import as_json, check, render, target_path, valid_slug, with_source, with_warning
from generator.importer.reportfile import write as write_report
from generator.importer.townships import known_townships, match_township
from generator.model.problems import blocking, format_text
from generator.model.schema import Schemas, load_schemas

MAX_FILES = 5000  # a county's backlog is hundreds; a folder with more is most likely the wrong one


def add_parser(commands) -> None:
    p = commands.add_parser("import", help="把已发布的报告（文本、Word、网页）导入为报告文件；可给整个文件夹")
    p.add_argument("files", nargs="+", type=Path, metavar="PATH", help=".txt、.docx、.html 文件，或存放它们的文件夹")
    p.add_argument("--township", default=None, help="乡镇目录名；不给时按报告标题中的乡镇名对应 township.yaml")
    p.add_argument("--year", type=int, default=None, help="报告年度；默认从标题和正文中识别")
    p.add_argument("--dry-run", action="store_true", help="只显示将写入的内容，不写文件")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式：text（默认）或 json")
    p.add_argument("--keep-original", action="store_true", help="把原始文件复制到报告旁，并写入 source 字段")
    p.add_argument("--force", action="store_true", help="覆盖已有的报告文件；检查未通过也写入")


@dataclass(frozen=True)
class Row:
    """One line of the summary table."""

    file: str
    township: str = ""
    year: str = ""
    format: str = ""
    tables: str = ""
    figures: str = ""
    warnings: int = 0
    result: str = ""
    status: int = 0  # 0 written or dry run, 1 not written


def run(args: argparse.Namespace, root: Path) -> int:
    if args.township is not None and not valid_slug(args.township):
        print(
            f"xxgk import: 乡镇目录名“{args.township}”不合规：只能用小写字母、数字和单个连字符，如 anqiu-jingzhi",
            file=sys.stderr,
        )
        return 2
    if args.township and not (root / "content" / "townships" / args.township / "township.yaml").is_file():
        print(f"xxgk: 没有乡镇“{args.township}”（content/townships/{args.township}/township.yaml）", file=sys.stderr)
        return 2
    files, problem = _inputs(args.files)
    if problem:
        print(f"xxgk import: {problem}", file=sys.stderr)
        return 2
    schemas, townships = load_schemas(), known_townships(root)
    rows, dumps = [], []
    for path in files:
        row, imported = _one(path, args, root, schemas, townships)
        rows.append(row)
        if imported is not None and args.format == "json":
            dumps.append(as_json(imported))
    if args.format == "json":
        print(json.dumps(dumps, ensure_ascii=False, indent=2))
    if len(rows) > 1 or args.format == "text":
        print(summary_table(rows), file=sys.stderr if args.format == "json" else sys.stdout)
    return max((r.status for r in rows), default=0)


def _inputs(paths: list[Path]) -> tuple[list[Path], str]:
    """The report files named, folders searched through (sorted), each once."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.exists():
            files.append(path)
        else:
            return [], f"找不到 {path}"
        if len(files) > MAX_FILES:
            return [], f"要导入的文件超过 {MAX_FILES} 个，请分批导入或检查文件夹是否选对"
    unique = list(dict.fromkeys(files))
    return unique, "" if unique else "给出的文件夹中没有 .txt、.docx 或 .html 报告"


def _one(path: Path, args, root: Path, schemas: Schemas, townships) -> tuple[Row, Imported | None]:
    try:
        imported = import_report(path, args.township or "unknown", schemas, args.year)
    except (ReadError, ImportFailed, OSError) as error:
        print(f"{path}: 无法导入：{error}", file=sys.stderr)
        return Row(str(path), result=f"无法导入：{error}", status=1), None
    if not args.township:
        match = match_township(
            imported.meta.get("title", ""), imported.meta.get("organ", ""), imported.body, path, townships
        )
        if not match.slug:
            print(f"{path}: {match.note}", file=sys.stderr)
            return _row(path, imported, "", f"未写入：{match.note}", 1), imported
        imported = replace(imported, township=match.slug)
    imported = _original(imported, path, args.keep_original)
    if args.format == "text":
        _print_summary(path, imported)
    if args.dry_run:
        return _row(path, imported, imported.township, "未写入（--dry-run）", 0), imported
    original = path if imported.meta.get("source") else None
    status, result = _write(root, imported, render(imported, schemas), original, args.force)
    return _row(path, imported, imported.township, result, status), imported


def _original(imported: Imported, path: Path, keep: bool) -> Imported:
    if not keep:
        return imported
    if path.suffix.lower() not in ATTACHMENT_TYPES:
        return with_warning(
            imported, f"原件类型 {path.suffix} 不能作为附件（站点只收 {'、'.join(ATTACHMENT_TYPES)}），未保留原件"
        )
    return with_source(imported, f"{imported.year}{path.suffix.lower()}")


def _row(path: Path, imported: Imported, township: str, result: str, status: int) -> Row:
    s = imported.summary
    figures = sum(v is not None for v in imported.figures.values())
    return Row(
        str(path),
        township,
        str(imported.year),
        s.format,
        "、".join(s.tables) or "无",
        f"{figures}/{len(imported.figures)}",
        len(s.warnings),
        result,
        status,
    )


def _write(root: Path, imported: Imported, text: str, original: Path | None, force: bool) -> tuple[int, str]:
    rel = target_path(imported)
    if (root / rel).exists() and not force:
        print(f"{rel} 已存在，未覆盖（确需覆盖请加 --force）", file=sys.stderr)
        return 1, "未写入：文件已存在"
    problems = check(root, imported, text, original, date.today())
    stops = blocking(problems)
    if problems:
        print(format_text(problems), file=sys.stderr)
    if stops and not force:
        print(
            f"{rel} 未写入：导入结果通不过 xxgk check（{len(stops)} 个错误，见上）；"
            "可用 --dry-run 查看导入结果，或加 --force 写入后手工修改",
            file=sys.stderr,
        )
        return 1, f"未写入：{len(stops)} 个检查错误"
    path = write_report(root, imported, text, original)
    done = f"已写入 {path.relative_to(root).as_posix()}"
    print(done + ("（检查未通过，请修改）" if stops else "，xxgk check 通过"), file=sys.stderr)
    return (1, done + "（检查未通过）") if stops else (0, done)


def summary_table(rows: list[Row]) -> str:
    """The run at a glance, one line per file (Markdown, so it can be pasted into a pull request)."""
    head = "| 文件 | 乡镇 | 年度 | 格式 | 表格 | 关键数字 | 警告 | 结果 |\n|---|---|---|---|---|---|---|---|"
    lines = [
        f"| {r.file} | {r.township or '—'} | {r.year or '—'} | {r.format or '—'} | {r.tables or '—'} | "
        f"{r.figures or '—'} | {r.warnings} | {r.result.replace('|', '/')} |"
        for r in rows
    ]
    written = sum(r.result.startswith("已写入") for r in rows)
    return "\n".join(["", head, *lines, f"\n共 {len(rows)} 个文件，写入 {written} 个。"])


def _print_summary(path: Path, imported: Imported) -> None:
    s = imported.summary
    figures = "、".join(
        f"{k}={imported.figures[k]}（{'表格' if v == 'table' else '正文'}）" for k, v in s.figures.items()
    )
    lines = [
        f"{path}: {s.kind}{f'（{s.encoding}）' if s.encoding else ''} → {target_path(imported)}",
        f"  格式：{s.format}，依据{s.format_reason}",
        f"  表格：{'、'.join(s.tables) or '无'}；填入 {s.cells_filled}/{s.cells_total} 格",
        f"  关键数字：{figures or '无'}",
    ]
    if s.unmapped:
        lines.append(f"  未能对应的标签：{'、'.join(s.unmapped)}")
    lines += [f"  警告：{w}" for w in s.warnings]
    print("\n".join(lines))
