"""The problem-code catalogue is complete: every code the generator emits is documented, every
documented code is emitted, and every code has a broken-input test in tests/test_check_*.py or
tests/test_hostile_*.py."""

from __future__ import annotations

import re

from generator.model.codes import CODES, GROUPS
from tests.conftest import REPO

_LITERAL = re.compile(r"""["']([a-z]+\.[a-z_]+)["']""")
_FILE_NAMES = re.compile(r"\.(html|xml|json|yaml|yml|md|css|js|txt|py|csv|xlsx|xls|zip|pdf|docx|svg|png|sqlite)$")


def _literals(paths) -> set[str]:
    found = set()
    for path in paths:
        found |= {m for m in _LITERAL.findall(path.read_text("utf-8")) if not _FILE_NAMES.search(m)}
    return found


def test_every_code_in_the_generator_is_catalogued_and_vice_versa():
    used = _literals(p for p in (REPO / "generator").rglob("*.py") if p.name != "codes.py")
    assert used - set(CODES) == set(), "codes used but not in generator/model/codes.py"
    assert set(CODES) - used == set(), "catalogued codes that nothing emits"


def test_every_code_has_a_broken_input_test():
    tests = [*(REPO / "tests").glob("test_check_*.py"), *(REPO / "tests").glob("test_hostile_*.py")]
    tested = _literals(p for p in tests if p.name != "test_check_catalogue.py")
    assert set(CODES) - tested == set()


def test_entries_are_written_for_editors():
    cjk = re.compile("[\u4e00-\u9fff]")
    for code, entry in CODES.items():
        assert entry.code == code
        assert entry.severity in ("error", "warning", "notice"), code
        assert entry.group in GROUPS, code
        assert cjk.search(entry.title) and len(entry.title) <= 24, code
        assert cjk.search(entry.explanation) and len(entry.explanation) >= 30, code
