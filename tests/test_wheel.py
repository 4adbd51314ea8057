"""The tool is a package: a wheel built from this checkout, installed (not editable) into a fresh
virtual environment, carries everything it needs. In an empty folder, `xxgk init` → `xxgk new` →
`xxgk build` works, and a site's own base.html that overrides one block changes only that."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO

BLOCK = '<p class="site-note">本站已接入“我为政府网站找错”平台</p>'


def _run(command: list, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_carries_everything_and_runs_init_new_build(tmp_path):
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, REPO])
    [wheel] = wheels.glob("xxgk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("generator/cli.py", "generator/schema/f2019.yaml", "generator/templates/base.html",
                 "generator/templates/_site_info.html", "generator/templates/static/style.css",
                 "generator/scaffold/content/site.yaml", "generator/scaffold/content/pages/help.md",
                 "generator/scaffold/github/workflows/check.yml", "generator/scaffold/github/PULL_REQUEST_TEMPLATE.md",
                 "generator/scaffold/github/ISSUE_TEMPLATE/wrong-figure.yml"):
        assert name in names, name
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("content/", "tests/", "templates/")) for n in names)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv])
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([bin_dir / "python", "-m", "pip", "install", "-q", "-c", REPO / "requirements-lock.txt", wheel])
    xxgk = bin_dir / "xxgk"

    work = tmp_path / "empty"
    work.mkdir()
    _run([xxgk, "init", "portal"], cwd=work)
    portal = work / "portal"
    _run([xxgk, "new", "township", "anqiu-jingzhi", "--name", "景芝镇", "--county", "安丘市", "--city", "潍坊市",
          "--province", "山东省"], cwd=portal)
    _run([xxgk, "new", "report", "anqiu-jingzhi", "2021"], cwd=portal)
    _run([xxgk, "build", "--jobs", "2"], cwd=portal)
    page = portal / "site/townships/anqiu-jingzhi/2021/index.html"
    before = page.read_bytes()
    assert b"<footer" in before and (portal / "site/static/style.css").is_file()

    (portal / "templates").mkdir()
    (portal / "templates/base.html").write_text(
        f'{{% extends "xxgk/base.html" %}}\n{{% block site_footer %}}{{{{ super() }}}}{BLOCK}{{% endblock %}}\n',
        encoding="utf-8")
    _run([xxgk, "build", "--jobs", "2"], cwd=portal)
    after = page.read_bytes()
    assert after != before and after.replace(BLOCK.encode(), b"", 1) == before
