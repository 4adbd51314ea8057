"""The README documents every command and option (a test fails when the docs miss one)."""

from __future__ import annotations

import argparse

from generator.cli import _parser
from tests.conftest import REPO

GLOBAL = ("--help", "--root")  # every command takes them; the table documents them once


def _commands(parser: argparse.ArgumentParser, prefix: str = "xxgk") -> list[tuple[str, list[str]]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                options = [
                    o for a in sub._actions for o in a.option_strings if o.startswith("--") and o not in GLOBAL
                ]
                found.append((f"{prefix} {name}", options))
                found += _commands(sub, f"{prefix} {name}")
    return found


def test_every_command_and_option_is_in_the_readme():
    readme = REPO.joinpath("README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Commands") : readme.index("## Content, in brief")]
    commands = _commands(_parser())
    assert len(commands) >= 7
    for command, options in commands:
        rows = [line for line in table.splitlines() if line.startswith(f"| `{command}")]
        assert rows, f"README's command table does not list `{command}`"
        for option in options:
            assert any(option in row for row in rows), f"README does not document `{command} {option}`"


def test_root_is_documented_once_for_every_command():
    readme = REPO.joinpath("README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Commands") : readme.index("## Content, in brief")]
    row = next(line for line in table.splitlines() if line.startswith("| `xxgk --root DIR"))
    assert "xxgk build --root DIR" in row
    commands = [sub for name, sub in _parser()._subparsers._group_actions[0].choices.items() if name != "init"]
    assert all(any("--root" in a.option_strings for a in sub._actions) for sub in commands)
