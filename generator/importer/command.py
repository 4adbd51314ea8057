"""`xxgk import FILE... --township <slug> [--year N] [--dry-run] [--format json] [--keep-original] [--force]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from generator.documents import ATTACHMENT_TYPES
from generator.importer.reading import ReadError
from generator.importer.report import Imported, ImportFailed, import_report
from generator.importer.reportfile import (
    as_json,
    check,
    render,
    target_path,
    valid_slug,
    with_source,
    with_warning,
    write,
)
from generator.problems import blocking, format_text
from generator.schema import load_schemas


def add_parser(commands) -> None:
    p = commands.add_parser("import", help="把已发布的报告（文本、Word、网页）导入为报告文件")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".txt、.docx 或 .html 文件")
    p.add_argument("--township", required=True, help="乡镇目录名（content/townships/<乡镇>/）")
    p.add_argument("--year", type=int, default=None, help="报告年度；默认从标题和正文中识别")
    p.add_argument("--dry-run", action="store_true", help="只显示将写入的内容，不写文件")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式：text（默认）或 json")
    p.add_argument("--keep-original", action="store_true", help="把原始文件复制到报告旁，并写入 source 字段")
    p.add_argument("--force", action="store_true", help="覆盖已有的报告文件；检查未通过也写入")


def run(args: argparse.Namespace, root: Path) -> int:
    if not valid_slug(args.township):
        print(
            f"xxgk import: 乡镇目录名“{args.township}”不合规：只能用小写字母、数字和单个连字符，如 anqiu-jingzhi",
            file=sys.stderr,
        )
        return 2
    if not (root / "content" / "townships" / args.township / "township.yaml").is_file():
        print(f"xxgk: 没有乡镇“{args.township}”（content/townships/{args.township}/township.yaml）", file=sys.stderr)
        return 2
    schemas = load_schemas()
    status, dumps = 0, []
    for path in args.files:
        try:
            imported = import_report(path, args.township, schemas, args.year)
        except (ReadError, ImportFailed, OSError) as error:
            print(f"{path}: 无法导入：{error}", file=sys.stderr)
            status = max(status, 1)
            continue
        original = path if args.keep_original and path.suffix.lower() in ATTACHMENT_TYPES else None
        if args.keep_original and original is None:
            imported = with_warning(
                imported, f"原件类型 {path.suffix} 不能作为附件（站点只收 {'、'.join(ATTACHMENT_TYPES)}），未保留原件"
            )
        if original is not None:
            imported = with_source(imported, f"{imported.year}{path.suffix.lower()}")
        if args.format == "json":
            dumps.append(as_json(imported))
        else:
            _print_summary(path, imported)
        if not args.dry_run:
            status = max(status, _write(root, imported, render(imported, schemas), original, args.force))
    if args.format == "json":
        print(json.dumps(dumps, ensure_ascii=False, indent=2))
    return status


def _write(root: Path, imported: Imported, text: str, original: Path | None, force: bool) -> int:
    rel = target_path(imported)
    if (root / rel).exists() and not force:
        print(f"{rel} 已存在，未覆盖（确需覆盖请加 --force）", file=sys.stderr)
        return 1
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
        return 1
    path = write(root, imported, text, original)
    print(
        f"已写入 {path.relative_to(root)}" + ("（检查未通过，请修改）" if stops else "，xxgk check 通过"),
        file=sys.stderr,
    )
    return 1 if stops else 0


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
