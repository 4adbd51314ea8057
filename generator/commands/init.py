"""`xxgk init DIR`: a new portal of a county's own, ready to fill, check, build and deploy.

What it writes comes from generator/scaffold/ (in the wheel; in a checkout, files the new site
shares with the sample site, such as the editors' guide, are read where the sample site keeps
them). The new site names no township and no sample: content/townships/ is empty, and the
workflows run `xxgk check` and `xxgk build` on the site's own content, never xxgk's tests. Both
workflows and the editors' local install read the xxgk version from requirements.txt.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from generator import __version__
from generator.commands.new import scalar
from generator.content.site_config import valid_base_url

PACKAGE = Path(__file__).resolve().parent.parent
SCAFFOLD = PACKAGE / "scaffold"
# Files a new site shares with this repository's sample site: scaffold path → where a checkout
# keeps it (the wheel carries them under scaffold/, see pyproject.toml).
SHARED = {
    "content/pages/help.md": "content/pages/help.md",
    "github/PULL_REQUEST_TEMPLATE.md": ".github/PULL_REQUEST_TEMPLATE.md",
    "github/ISSUE_TEMPLATE/config.yml": ".github/ISSUE_TEMPLATE/config.yml",
    "github/ISSUE_TEMPLATE/wrong-figure.yml": ".github/ISSUE_TEMPLATE/wrong-figure.yml",
}
# Names that a package keeps without their leading dot (so that no tool treats them as its own)
DOTTED = {"github": ".github", "gitignore": ".gitignore", "gitattributes": ".gitattributes"}
DEFAULT_TITLE = "乡镇政府信息公开工作年度报告"
KEEP = "content/townships/.gitkeep"  # git keeps no empty folder


class InitError(Exception):
    """Why `xxgk init` wrote nothing (a message in Chinese)."""


def scaffold_files() -> dict[str, Path]:
    """Output path in the new site → the file it is copied from."""
    files = {}
    for path in sorted(SCAFFOLD.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[_target(path.relative_to(SCAFFOLD).as_posix())] = path
    for rel, in_checkout in SHARED.items():
        files.setdefault(_target(rel), PACKAGE.parent / in_checkout)
    return files


def _target(rel: str) -> str:
    first, _, rest = rel.partition("/")
    first = DOTTED.get(first, first)
    return f"{first}/{rest}" if rest else first


def requirement() -> str:
    """How the new site installs this xxgk: the git commit or archive it was installed from
    (PEP 610), else this version by name."""
    try:
        found = metadata.distribution("xxgk").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        found = None
    origin = json.loads(found) if found else {}
    url, vcs = origin.get("url", ""), origin.get("vcs_info", {})
    if url.startswith(("https://", "http://")):
        if vcs.get("vcs") == "git" and vcs.get("commit_id"):
            return f"xxgk @ git+{url}@{vcs['commit_id']}"
        if not vcs and not origin.get("dir_info"):
            return f"xxgk @ {url}"
    return f"xxgk=={__version__}"


def init_site(folder: Path, title: str = "", base_url: str = "/", spec: str = "") -> list[str]:
    """Writes a new site into `folder` (new, empty, or holding only a git checkout's files that
    the site does not write); returns the paths written. Nothing is overwritten."""
    title = title.strip() or DEFAULT_TITLE
    if not valid_base_url(base_url):
        raise InitError(f"--base-url 应为 / 、/路径/ 或 https://域名/路径/，实为“{base_url}”")
    spec = spec.strip() or requirement()
    if not spec.startswith("xxgk"):
        raise InitError(f"--xxgk 应是 xxgk 的安装写法，如 xxgk==0.2.0 或 xxgk @ git+https://…@v0.2.0，实为“{spec}”")
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} 已存在且不是目录")
    files = scaffold_files()
    clashes = [rel for rel in [*files, KEEP, "requirements.txt"] if (folder / rel).exists()]
    if clashes or (folder / "content").exists():
        shown = "、".join(clashes[:5] or ["content/"])
        raise InitError(f"{folder} 中已有 {shown}：xxgk init 不覆盖已有文件；请换一个新目录，或先移走这些文件")
    values = {"{{title}}": scalar(title), "{{base_url}}": scalar(base_url)}
    written = []
    for rel, source in files.items():
        text = source.read_text(encoding="utf-8")
        if rel in ("content/site.yaml", "README.md"):
            for key, value in values.items():
                text = text.replace(key, value if rel.endswith(".yaml") else title)
        _write(folder / rel, text)
        written.append(rel)
    _write(folder / KEEP, "")
    _write(folder / "requirements.txt", _requirements(spec))
    return sorted([*written, KEEP, "requirements.txt"])


def _requirements(spec: str) -> str:
    return (
        "# 本站所用的 xxgk：发布、检查两个工作流和本地安装（pip install -r requirements.txt）都按这一行安装。\n"
        "# 升级 xxgk：把这一行改为新版本（或新的提交），提交拉取请求，检查通过后合并。\n"
        f"{spec}\n"
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
