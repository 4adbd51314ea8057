"""A county adopts xxgk: `xxgk init` writes a portal of its own that checks, builds and deploys;
a site's own templates override the defaults file by file (one block, via "xxgk/base.html");
the official-site fields reach the footer and the data licence the data package; the preview
opens from disk; the CLI takes --root after the command and speaks Chinese throughout."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import init as init_module
from generator.commands.init import requirement, scaffold_files
from generator.engine.build import BuildOptions, build
from generator.engine.load import load_site
from generator.publish.preview import relative_links
from tests.conftest import REPO, TODAY, build_site, write_files
from tests.test_workflows import GIT, _actionlint
from tests.workflow_runner import our_steps, run_steps

TOWNSHIP = ["new", "township", "anqiu-jingzhi", "--name", "景芝镇", "--county", "安丘市", "--city", "潍坊市",
            "--province", "山东省"]
SAMPLE_WORDS = ("示例", "anqiu", "景芝", "桐乡", "乌镇", "密云", "甸中", "露水河")


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    folder = tmp_path / "portal"
    assert main(["init", str(folder), "--title", "安丘市乡镇政府信息公开工作年度报告", "--xxgk", "xxgk==9.9.9"]) == 0
    return folder


def _with_a_report(folder: Path) -> Path:
    assert main(["--root", str(folder), *TOWNSHIP]) == 0
    assert main(["new", "report", "anqiu-jingzhi", "2021", "--root", str(folder)]) == 0  # --root after the command
    return folder


# --- xxgk init -------------------------------------------------------------------------------------


def test_init_writes_a_portal_with_no_sample_in_it(portal):
    written = sorted(p.relative_to(portal).as_posix() for p in portal.rglob("*") if p.is_file())
    assert written == sorted([*scaffold_files(), "content/townships/.gitkeep", "requirements.txt"])
    for rel in ("content/site.yaml", "content/pages/about.md", "content/pages/accessibility.md",
                "content/pages/help.md", ".gitignore", ".github/PULL_REQUEST_TEMPLATE.md",
                ".github/ISSUE_TEMPLATE/wrong-figure.yml", ".github/workflows/check.yml",
                ".github/workflows/deploy.yml", ".github/dependabot.yml", "README.md"):
        assert rel in written, rel
    assert [p.name for p in (portal / "content/townships").iterdir()] == [".gitkeep"]
    for rel in ("content/site.yaml", "content/pages/about.md", "content/pages/accessibility.md", "README.md"):
        text = (portal / rel).read_text(encoding="utf-8")
        assert not [w for w in SAMPLE_WORDS if w in text and rel != "README.md"], rel
    assert (portal / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == "xxgk==9.9.9"
    config = (portal / "content/site.yaml").read_text(encoding="utf-8")
    assert "title: 安丘市乡镇政府信息公开工作年度报告" in config
    for field in ("sponsor", "operator", "site_code", "icp", "police_record", "license", "repository"):
        assert re.search(rf"^# {field}: ", config, re.M), field  # to fill, with a comment in Chinese


def test_a_new_portal_checks_clean_but_for_its_base_url(portal):
    site, problems = load_site(portal, TODAY)
    assert site is not None and site.townships == () and {p.title for p in site.pages} == {
        "关于本站", "无障碍声明", "编辑指南"}
    assert [p.code for p in problems] == ["config.base_url_relative"]


def test_the_guide_of_a_new_portal_is_the_sample_sites(portal):
    shared = (REPO / "content/pages/help.md").read_text(encoding="utf-8")
    assert (portal / "content/pages/help.md").read_text(encoding="utf-8") == shared
    assert "pip install -r requirements.txt" in shared and r".venv\Scripts\xxgk" in shared and "py -m venv" in shared


def test_init_then_new_then_build(portal):
    _with_a_report(portal)
    assert main(["build", "--root", str(portal), "--jobs", "1"]) == 0
    assert (portal / "site/townships/anqiu-jingzhi/2021/index.html").is_file()
    assert (portal / "site/about/index.html").is_file()


def test_init_never_overwrites(tmp_path, capsys):
    folder = tmp_path / "portal"
    write_files(folder, {".github/workflows/check.yml": "mine\n"})
    assert main(["init", str(folder)]) == 1
    assert "已有 .github/workflows/check.yml" in capsys.readouterr().err
    assert (folder / ".github/workflows/check.yml").read_text(encoding="utf-8") == "mine\n"
    assert not (folder / "content").exists()
    assert main(["init", str(tmp_path / "x"), "--base-url", "ftp://x/"]) == 2
    assert main(["init", str(tmp_path / "y"), "--xxgk", "requests==2"]) == 2


def test_init_accepts_a_fresh_clone(tmp_path):
    folder = tmp_path / "clone"
    subprocess.run([*GIT, "init", "-q", str(folder)], check=True)
    assert main(["init", str(folder)]) == 0
    assert (folder / "content/site.yaml").is_file()


def test_the_xxgk_requirement_is_the_commit_it_was_installed_from(monkeypatch):
    def origin(data):
        class Distribution:
            def read_text(self, name):
                return json.dumps(data) if name == "direct_url.json" else None
        return lambda name: Distribution()

    url = "https://git.example.org/county/xxgk"
    monkeypatch.setattr(init_module.metadata, "distribution",
                        origin({"url": url, "vcs_info": {"vcs": "git", "commit_id": "a" * 40}}))
    assert requirement() == f"xxgk @ git+{url}@{'a' * 40}"
    monkeypatch.setattr(init_module.metadata, "distribution", origin({"url": "file:///tmp/x.whl", "archive_info": {}}))
    assert requirement() == f"xxgk=={init_module.__version__}"
    monkeypatch.setattr(init_module.metadata, "distribution", origin({"url": "file:///src", "dir_info": {}}))
    assert requirement() == f"xxgk=={init_module.__version__}"


# --- the portal's workflows -------------------------------------------------------------------------


def test_the_portal_workflows_pass_actionlint(portal):
    files = sorted(str(p) for p in (portal / ".github/workflows").glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run([_actionlint(), "-no-color", "-oneline", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_portal_workflows_never_run_the_tools_tests(portal):
    for name in ("check.yml", "deploy.yml"):
        text = (portal / ".github/workflows" / name).read_text(encoding="utf-8")
        assert "pytest" not in text and "pip install -r requirements.txt" in text
        workflow = _portal_workflow(portal, name)
        assert "secrets." not in text and "pull_request_target" not in workflow["on"]
        assert workflow["permissions"] == {"contents": "read"}
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"actions/[\w.-]+@[0-9a-f]{40}", action), action
    deploy = (portal / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    assert "path: .xxgk-cache" in deploy and "--no-cache" not in deploy


def _portal_workflow(portal: Path, name: str) -> dict:
    import yaml

    data = yaml.safe_load((portal / ".github/workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def test_the_portal_workflow_steps_pass_when_run_by_hand(portal, tmp_path):
    _with_a_report(portal)
    subprocess.run([*GIT, "init", "-q"], cwd=portal, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=portal, check=True)
    subprocess.run([*GIT, "commit", "-qm", "新站点"], cwd=portal, check=True)
    subprocess.run([*GIT, "checkout", "-qb", "edit"], cwd=portal, check=True)
    report = portal / "content/townships/anqiu-jingzhi/2021.md"
    report.write_text(report.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    subprocess.run([*GIT, "commit", "-qam", "修改"], cwd=portal, check=True)
    subprocess.run([*GIT, "update-ref", "refs/remotes/origin/main", "main"], cwd=portal, check=True)

    check = _portal_workflow(portal, "check.yml")
    steps = our_steps(check, "check")
    assert [s["id"] for s in steps] == ["check", "build"]
    summary = tmp_path / "summary.md"
    runs = run_steps(steps, portal, {"github.base_ref": "main"}, summary, tmp_path / "bin")
    assert [r.returncode for r in runs] == [0, 0], [r.stderr for r in runs]
    annotations = [line for r in runs for line in r.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(line in runs[0].stdout for line in annotations)  # once: the check step's
    assert "::" not in runs[1].stdout
    assert "## xxgk 检查结果" in summary.read_text(encoding="utf-8")
    assert (portal / "preview/index.html").is_file()

    deploy = _portal_workflow(portal, "deploy.yml")
    context = {"steps.pages.outputs.base_url": "https://county.github.io/portal"}
    runs = run_steps(our_steps(deploy, "build"), portal, context, tmp_path / "summary2.md", tmp_path / "bin")
    assert [r.returncode for r in runs] == [0], [r.stderr for r in runs]
    assert "config.base_url_relative" not in runs[0].stdout  # the Pages URL is absolute
    assert "<loc>https://county.github.io/portal/townships/anqiu-jingzhi/2021/</loc>" in (
        portal / "site/sitemap.xml").read_text(encoding="utf-8")


# --- templates: the site's own before the defaults, file by file --------------------------------------


ADDED = '<p class="site-note">本站已接入“我为政府网站找错”平台</p>'
OVERRIDE = '{% extends "xxgk/base.html" %}\n{% block site_footer %}{{ super() }}' + ADDED + "{% endblock %}\n"


def test_a_site_base_html_that_overrides_one_block_changes_only_that(portal):
    _with_a_report(portal)
    assert build_site(portal).ok
    site = portal / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    write_files(portal, {"templates/base.html": OVERRIDE})
    result = build_site(portal)  # the memo must see the site's own template
    assert result.ok and "townships/anqiu-jingzhi/2021/index.html" in result.rendered
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert set(after) == set(before)
    changed = [rel for rel in before if after[rel] != before[rel]]
    html = [rel for rel in before if rel.endswith(".html")]
    assert sorted(changed) == sorted(html)  # every page has the footer; nothing else changed
    for rel in changed:  # byte for byte the same page but for the one block
        assert after[rel].count(ADDED.encode()) == 1 and after[rel].replace(ADDED.encode(), b"") == before[rel]


def test_a_site_static_file_and_partial_override_the_defaults_alone(portal):
    _with_a_report(portal)
    write_files(portal, {"templates/static/print.css": "body { color: black; }\n",
                         "templates/_site_info.html": '<p class="site-info">本站由县政府办公室维护</p>\n'})
    assert build_site(portal).ok
    site = portal / "site"
    assert (site / "static/print.css").read_text(encoding="utf-8") == "body { color: black; }\n"
    assert (site / "static/style.css").read_bytes() == (REPO / "templates/static/style.css").read_bytes()
    assert "本站由县政府办公室维护" in (site / "index.html").read_text(encoding="utf-8")


# --- official-site fields, data licence -----------------------------------------------------------------


OFFICIAL = """title: 测试县乡镇政府信息公开
base_url: https://xxgk.example.gov.cn/
sponsor: 测试县人民政府办公室
operator: 测试县政务服务数据管理局
site_code: "1234000001"
icp: 测ICP备12345678号
police_record: 测公网安备 11010502030000号
license: CC-BY-4.0
repository: county/xxgk-portal
"""


def test_official_site_fields_are_in_every_footer(minimal_root):
    write_files(minimal_root, {"content/site.yaml": OFFICIAL})
    result = build_site(minimal_root)
    assert result.ok and not [p for p in result.problems if p.code.startswith("config.")]
    html = (minimal_root / "site/index.html").read_text(encoding="utf-8")
    footer = html[html.index("<footer") :]
    for text in ("主办单位：测试县人民政府办公室", "承办单位：测试县政务服务数据管理局", "网站标识码：1234000001",
                 '<a href="https://beian.miit.gov.cn/" rel="noopener">测ICP备12345678号</a>',
                 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030000"'):
        assert text in footer, text
    plain = (minimal_root / "site/townships/test-town/index.html").read_text(encoding="utf-8")
    assert "网站标识码：1234000001" in plain


def test_no_official_fields_no_footer_line(minimal_root):
    assert build_site(minimal_root).ok
    assert "site-info" not in (minimal_root / "site/index.html").read_text(encoding="utf-8")


def test_the_data_licence_is_in_the_data_package(minimal_root):
    from frictionless import validate

    write_files(minimal_root, {"content/site.yaml": OFFICIAL})
    assert build_site(minimal_root).ok
    path = minimal_root / "site/data/datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "知识共享 署名 4.0 国际（CC BY 4.0）"}]
    report = validate(str(path))
    assert report.valid, report.flatten(["type", "note"])


# --- the preview that opens from disk ------------------------------------------------------------------


def test_preview_links_are_relative_and_lead_to_files(sample_root, capsys):
    assert main(["build", "--root", str(sample_root), "--jobs", "1", "--no-search",
                 "--base-url", "/their-copy/", "--preview", str(sample_root / "preview")]) == 0
    preview = sample_root / "preview"
    pages = list(preview.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'\s(?:href|src)="([^"]*)"', html):
            assert not link.startswith("/"), (page, link)
            if link.startswith(("#", "https:", "http:", "mailto:", "data:")):
                continue
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            assert target.is_file(), (page.relative_to(preview), link)


def test_relative_links():
    html = '<a href="/x/">a</a><a href="/x/townships/t/?q=1#top">b</a><img src="/x/static/a.png?v=1"><a href="https://e/">'
    out = relative_links(html, "townships/t/2019/index.html", "/x/")
    assert out == ('<a href="../../../index.html">a</a><a href="../index.html?q=1#top">b</a>'
                   '<img src="../../../static/a.png?v=1"><a href="https://e/">')


def test_preview_refuses_a_folder_it_did_not_make(sample_root, capsys):
    write_files(sample_root, {"mine/notes.txt": "keep\n"})
    assert main(["build", "--root", str(sample_root), "--jobs", "1", "--preview", str(sample_root / "mine")]) == 2
    assert (sample_root / "mine/notes.txt").is_file()


# --- Windows files: CRLF ---------------------------------------------------------------------------------


def test_crlf_files_check_as_lf_files_do(tmp_path):
    lf = tmp_path / "lf"
    shutil.copytree(REPO / "content", lf / "content")
    crlf = tmp_path / "crlf"
    shutil.copytree(REPO / "content", crlf / "content")
    for path in (crlf / "content").rglob("*"):
        if path.suffix in (".md", ".yaml"):
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _, lf_problems = load_site(lf, TODAY)
    _, crlf_problems = load_site(crlf, TODAY)
    assert [(p.code, p.path, p.line) for p in crlf_problems] == [(p.code, p.path, p.line) for p in lf_problems]
    a = build(lf, BuildOptions(lf / "site", jobs=1, today=TODAY))
    b = build(crlf, BuildOptions(crlf / "site", jobs=1, today=TODAY))
    assert a.ok and b.ok
    page = "townships/anqiu-jingzhi/2019/index.html"
    assert (lf / "site" / page).read_bytes() == (crlf / "site" / page).read_bytes()


# --- the command line --------------------------------------------------------------------------------------


ENGLISH = re.compile(r"usage:|options:|positional arguments|show this help|show program's|error:|"
                     r"required|invalid|choose from|unrecognized|expected")


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["check", "--help"], ["init", "--help"],
                                  ["new", "--help"], ["new", "report", "--help"], ["import", "--help"]])
def test_help_is_in_chinese(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：xxgk") and "选项" in out
    assert not ENGLISH.search(out), out


@pytest.mark.parametrize("argv", [["build", "--jobs", "x"], ["frob"], ["new", "report"], ["build", "--nope"],
                                  ["check", "--format", "xml"], ["build", "--out"], []])
def test_usage_errors_are_in_chinese(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "用法：" in err and "错误：" in err
    assert not ENGLISH.search(err), err


def test_root_after_the_command(sample_root, monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)  # no content/ here
    assert main(["check", "--root", str(sample_root), "--jobs", "1"]) == 0
    assert main(["build", "--root", str(sample_root), "--jobs", "1", "--no-search"]) == 0
    assert (sample_root / "site/index.html").is_file()
    assert main(["--root", str(tmp_path), "check", "--root", str(sample_root), "--jobs", "1"]) == 0  # the later wins
