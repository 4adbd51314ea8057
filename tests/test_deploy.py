"""Deploying: the Pages URL overrides site.yaml's base_url, so a repository made from this one
deploys under its own name with no edits; nothing names this repository."""

from __future__ import annotations

import re

from generator.cli import main
from generator.publish.links import broken_links
from tests.conftest import REPO
from tests.workflow_runner import load_workflow, our_steps, run_steps

PAGES_URL = "https://someone.github.io/their-copy"


def test_the_deploy_workflow_builds_for_the_pages_url_of_any_repository(sample_root, tmp_path):
    steps = our_steps(load_workflow("deploy.yml"), "build")
    context = {"steps.pages.outputs.base_url": PAGES_URL}  # what actions/configure-pages gives
    runs = run_steps(steps, sample_root, context, tmp_path / "summary.md", tmp_path / "bin")
    assert [r.returncode for r in runs] == [0], [r.stderr for r in runs]
    out = sample_root / "site"
    assert broken_links(out, "/their-copy/") == []
    own = [
        link
        for page in out.rglob("*.html")
        for link in re.findall(r'\s(?:href|src)="(/[^"]*)"', page.read_text(encoding="utf-8"))
    ]
    assert own and all(link.startswith("/their-copy/") for link in own)
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PAGES_URL}/townships/anqiu-jingzhi/2019/</loc>" in sitemap
    assert (out / ".nojekyll").is_file() and (out / "404.html").is_file()


def test_a_bad_base_url_is_a_usage_error(sample_root, capsys):
    assert main(["--root", str(sample_root), "build", "--base-url", "ftp://x/"]) == 2
    assert "--base-url" in capsys.readouterr().err
    assert not (sample_root / "site").exists()


def test_check_against_a_base_needs_git(sample_root, capsys):
    assert main(["--root", str(sample_root), "check", "--base", "origin/main"]) == 2
    assert "无法与 origin/main 比较" in capsys.readouterr().err


def test_nothing_names_this_repository():
    files = [
        *(REPO / ".github").rglob("*.yml"),
        *(REPO / "templates").rglob("*.*"),
        *(REPO / "generator").rglob("*.py"),
        REPO / "content" / "site.yaml",
    ]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"github\.io|github\.com/(?!features)", text), path
    assert "base_url: /\n" in (REPO / "content" / "site.yaml").read_text(encoding="utf-8")


def test_pull_request_and_issue_templates_are_in_chinese():
    import yaml

    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/wrong-figure.yml").read_text(encoding="utf-8"))
    assert form["name"] == "报告数字有误"
    ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
    assert ids == ["page", "location", "shown", "correct", "source", "note"]
    assert all(item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown")
    template = (REPO / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "更正记录" in template and "- [ ]" in template
    rules = [
        line.split()
        for line in (REPO / ".github/CODEOWNERS.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert rules and all(len(rule) >= 2 and all(o.startswith("@") for o in rule[1:]) for rule in rules)
    assert ["/content/townships/anqiu-*/", "@your-org/anqiu-county-office"] in rules
