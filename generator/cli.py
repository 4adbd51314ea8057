"""The `xxgk` command: thin wrappers over library functions. Exit 0 ok, 1 content problems, 2 usage."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator import __version__
from generator.commands.changes import GitError, changed_files, changes_markdown, valid_revision
from generator.commands.chinese_argparse import ChineseArgumentParser
from generator.commands.init import DEFAULT_TITLE, InitError, init_site
from generator.commands.new import SLUG_MESSAGE, ScaffoldError, new_report, new_township
from generator.content.assemble import SLUG
from generator.content.listing import read_source
from generator.content.safe_files import UnsafeFile
from generator.content.site_config import assemble_config, base_path_of, valid_base_url
from generator.engine.build import BuildOptions, build
from generator.engine.check import check
from generator.importer import command as import_command
from generator.model.problems import blocking, format_github, format_json, format_text, summary_markdown
from generator.model.schema import SCHEMA_DIR, load_schemas
from generator.publish.output import refuse_out, unwritable
from generator.publish.preview import write_preview
from generator.serve.server import serve_command


def _parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="xxgk", description="乡镇政府信息公开工作年度报告静态站点生成器")
    parser.add_argument("--version", action="version", version=f"xxgk {__version__}", help="显示版本号并退出")
    _root_option(parser, Path("."))
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    b = commands.add_parser("build", help="检查内容并生成站点")
    b.add_argument("--out", type=Path, default=None, metavar="目录", help="输出目录，默认 <root>/site")
    _jobs_option(b)
    b.add_argument("--no-cache", action="store_true", help="不使用构建缓存，全部重新生成")
    b.add_argument("--strict", action="store_true", help="警告也视为错误")
    b.add_argument("--no-search", action="store_true", help="不建立全文搜索索引")
    b.add_argument("--base-url", default="", metavar="网址",
                   help="发布地址，覆盖 site.yaml 的 base_url（部署工作流传入 Pages 地址）")
    b.add_argument(
        "--progress", action="store_true", help="显示进度（在终端中运行时默认显示，超过约两秒的构建才会出现）"
    )
    b.add_argument("--preview", type=Path, default=None, metavar="目录",
                   help="另写一份链接为相对地址的站点，解压后双击 index.html 即可浏览（拉取请求的预览）")
    _format_option(b)
    _root_option(b)

    c = commands.add_parser("check", help="只检查内容，不生成站点")
    c.add_argument("--strict", action="store_true", help="警告也视为错误")
    _jobs_option(c)
    c.add_argument("--no-cache", action="store_true", help="不使用也不更新 .xxgk-cache/")
    c.add_argument("--base", default="", metavar="分支",
                   help="与此 git 分支或提交比较，列出改动了哪些内容文件（拉取请求检查用）")
    _format_option(c)
    _root_option(c)

    import_command.add_parser(commands)
    _root_option(commands.choices["import"])
    _serve_parser(commands)
    _new_parser(commands)
    _init_parser(commands)
    return parser


def _root_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """--root before the command (xxgk --root D build) or after it (xxgk build --root D)."""
    parser.add_argument(
        "--root", type=Path, default=default, metavar="目录", help="站点根目录（含 content/），默认当前目录"
    )


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="并行进程数，默认为 CPU 核数"
    )


def _serve_parser(commands: argparse._SubParsersAction) -> None:
    s = commands.add_parser("serve", help="本地预览：生成站点、启动服务器，修改后自动重建并刷新浏览器")
    s.add_argument("--port", type=int, default=8000, metavar="端口", help="端口，默认 8000（0 表示任选空闲端口）")
    s.add_argument("--host", default="127.0.0.1", metavar="地址", help="监听地址，默认 127.0.0.1（仅本机可访问）")
    s.add_argument(
        "--poll", action="store_true", help="以轮询方式检测文件变化（网络盘、容器挂载目录收不到文件系统通知时使用）"
    )
    _root_option(s)


def _new_parser(commands: argparse._SubParsersAction) -> None:
    n = commands.add_parser("new", help="新建报告或乡镇的模板文件")
    _root_option(n)
    kinds = n.add_subparsers(dest="kind", required=True, metavar="类型")
    r = kinds.add_parser("report", help="新建 content/townships/<乡镇>/<年份>.md（表格已按格式填 0）")
    r.add_argument("slug", type=_slug, metavar="乡镇目录名", help="乡镇目录名，如 anqiu-jingzhi")
    r.add_argument("year", type=int, metavar="年度", help="报告年度，如 2021")
    _root_option(r)
    t = kinds.add_parser("township", help="新建 content/townships/<乡镇>/township.yaml")
    t.add_argument("slug", type=_slug, metavar="乡镇目录名", help="乡镇目录名：县名拼音-乡镇名拼音，如 anqiu-jingzhi")
    t.add_argument("--name", required=True, metavar="名称", help="乡镇名称，如 景芝镇")
    t.add_argument("--county", required=True, metavar="县", help="县（市、区），如 安丘市")
    t.add_argument("--city", required=True, metavar="市", help="市（州），如 潍坊市")
    t.add_argument("--province", required=True, metavar="省", help="省（区、市），如 山东省")
    t.add_argument("--code", default="", metavar="代码", help="行政区划代码（9 或 12 位，可省略）")
    _root_option(t)


def _init_parser(commands: argparse._SubParsersAction) -> None:
    i = commands.add_parser("init", help="新建一个门户站点：站点配置、页面、工作流，不含示例乡镇")
    i.add_argument("folder", type=Path, metavar="目录", help="新站点的目录（不存在时新建；已有文件不覆盖）")
    i.add_argument("--title", default="", metavar="名称",
                   help=f"站点名称，默认“{DEFAULT_TITLE}”，之后可在 site.yaml 中改")
    i.add_argument("--base-url", default="/", metavar="网址",
                   help="网站的正式地址，如 https://xxgk.example.gov.cn/；默认 /")
    i.add_argument("--xxgk", default="", metavar="写法",
                   help="新站点安装 xxgk 的写法（写入 requirements.txt），默认为当前安装的版本或提交")


def _slug(text: str) -> str:
    if not SLUG.fullmatch(text):
        raise argparse.ArgumentTypeError(SLUG_MESSAGE.format(slug=text))
    return text


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        metavar="格式",
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


def _report_changes(root: Path, base: str, problems: list, fmt: str) -> bool:
    """Which content files differ from `base`, into the job summary (or stderr). False: git failed."""
    try:
        changes = changed_files(root, base)
    except GitError as exc:
        print(f"xxgk: {exc}", file=sys.stderr)
        return False
    text = changes_markdown(changes, problems, base)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text, file=sys.stderr)
    return True


def _counts(problems: list) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} 个错误，{warnings} 个警告"


def _safe_streams() -> None:
    """Chinese on a stream that cannot encode it (PYTHONIOENCODING=ascii, an old code page) is
    written as \\u escapes instead of raising UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "中文".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    args = _parser().parse_args(argv)
    if args.command == "init":
        return _init(args)
    root = args.root.resolve()
    if not (root / "content").is_dir():
        print(f"xxgk: {root} 下没有 content/ 目录；请在站点根目录运行，或用 --root 指定", file=sys.stderr)
        return 2
    if args.command == "import":
        return import_command.run(args, root)
    if args.command == "new":
        return _new(root, args)
    if args.command == "serve":
        return serve_command(root, args.host, args.port, args.poll)
    if args.command == "check":
        return _check(root, args)
    if args.command == "build":
        return _build(root, args)
    return 2


def _check(root: Path, args: argparse.Namespace) -> int:
    problems = check(root, date.today(), args.jobs, not args.no_cache)
    _report(problems, args.format)
    if args.base and not valid_revision(args.base):
        print(f"xxgk: --base 应为 git 分支名或提交，如 origin/main，实为“{args.base}”", file=sys.stderr)
        return 2
    if args.base and not _report_changes(root, args.base, problems, args.format):
        return 2
    stop = blocking(problems, args.strict)
    if args.format == "text":
        print(("检查未通过：" if stop else "检查通过：") + _counts(problems), file=sys.stderr)
    return 1 if stop else 0


def _build_refusal(root: Path, out: Path, args: argparse.Namespace) -> str:
    """Why the options cannot be built with, or ""."""
    refused = refuse_out(root, out) or unwritable(out)
    if refused:
        return refused
    if args.jobs < 1:
        return "--jobs 至少为 1"
    if args.base_url and not valid_base_url(args.base_url):
        return f"--base-url 应为 /路径/ 或 https://域名/路径/，实为“{args.base_url}”"
    return ""


def _build(root: Path, args: argparse.Namespace) -> int:
    out = Path(os.path.abspath(args.out or root / "site"))
    refused = _build_refusal(root, out, args)
    if refused:
        print(f"xxgk: {refused}", file=sys.stderr)
        return 2
    options = BuildOptions(
        out,
        jobs=args.jobs,
        cache=not args.no_cache,
        strict=args.strict,
        search=not args.no_search,
        base_url=args.base_url,
        progress=args.progress or sys.stderr.isatty(),
    )
    try:
        result = build(root, options)
    except (OSError, UnsafeFile) as error:  # the output folder's, not the content's
        print(f"xxgk: 无法写入输出目录：{_why(error)}；{out} 未改动", file=sys.stderr)
        return 1
    _report(list(result.problems), args.format)
    if not result.ok:
        print(f"构建失败：{_counts(list(result.problems))}；{out} 未改动", file=sys.stderr)
        return 1
    if args.preview and _preview(root, out, args) != 0:
        return 2
    print(
        f"已生成 {out}：重新生成 {len(result.rendered)} 个页面、写入 {len(result.written)} 个数据与搜索文件，"
        f"沿用 {result.reused} 个文件，用时 {result.seconds:.2f} 秒",
        file=sys.stderr,
    )
    return 0


def _why(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{error.filename or ''} {error.strerror or error}".strip()
    return f"{error.detail} 不是普通文件（可能在构建中被换成了链接）"


def _new(root: Path, args: argparse.Namespace) -> int:
    try:
        if args.kind == "report":
            path = new_report(root, args.slug, args.year, load_schemas(SCHEMA_DIR), date.today().year)
        else:
            path = new_township(root, args.slug, args.name, args.county, args.city, args.province, args.code)
    except ScaffoldError as exc:
        print(f"xxgk new: {exc}", file=sys.stderr)
        return 1
    print(f"已新建 {path.relative_to(root).as_posix()}", file=sys.stderr)
    return 0


def _preview(root: Path, out: Path, args: argparse.Namespace) -> int:
    preview = Path(os.path.abspath(args.preview))
    refused = refuse_out(root, preview) or unwritable(preview) or (
        "预览目录不能与输出目录相同或互相包含" if preview.is_relative_to(out) or out.is_relative_to(preview) else "")
    if refused:
        print(f"xxgk: --preview：{refused}", file=sys.stderr)
        return 2
    config, _ = assemble_config(read_source(str(root), "content/site.yaml")[1])
    base_path = base_path_of(args.base_url) if args.base_url else config.base_path if config else "/"
    pages = write_preview(out, preview, base_path)
    print(f"已生成预览 {preview}：{pages} 个页面的链接改为相对地址，双击其中的 index.html 即可浏览", file=sys.stderr)
    return 0


def _init(args: argparse.Namespace) -> int:
    folder = Path(os.path.abspath(args.folder))
    try:
        written = init_site(folder, args.title, args.base_url, args.xxgk)
    except InitError as exc:
        print(f"xxgk init: {exc}", file=sys.stderr)
        return 1 if "已有" in str(exc) else 2
    spec = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    print(f"已新建站点 {folder}（{len(written)} 个文件）。xxgk 按 requirements.txt 中的“{spec}”安装；", file=sys.stderr)
    print("下一步：编辑 content/site.yaml，用 xxgk new township 添加乡镇，xxgk new report 添加报告，xxgk build 生成。",
          file=sys.stderr)
    return 0
