"""Every regular expression in generator/ stays linear on adversarial input (issue 17).

Content comes from pull requests, so a pattern that backtracks (two quantifiers sharing a run of
characters, a start inside a run an earlier start already scanned) lets one line hang `check`:
`<a` and 2,000 spaces took 28 s. Each pattern here runs over 100 KB inputs made of runs and
repeats of the characters such patterns trip on; a quadratic pattern takes minutes on them, a
linear one milliseconds. The bound is a subprocess timeout, never a timing assertion."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator

from tests.conftest import REPO

SIZE = 100_000
# seconds for all of them: linear patterns need one to four minutes on a loaded 2-core machine, a
# quadratic one hours
TIMEOUT = 900

# Patterns written inline in a function, not kept in a module's globals.
INLINE = (
    r"[^\w\u4e00-\u9fff-]+",  # markup._slug
    r"^[一二三四五六七八九十\d]+[、.．]\s*",  # markup.normalize_heading
    r"[\s、，,：:（）()]",
    r"\d+(?:\.\d+)?",  # prose_figures.zh_number
    r"##(?!#)",
    r"\d{9}|\d{12}",  # assemble: township code
)
# Patterns that only ever see HTML the build made: text and attribute values from content reach
# it escaped by Jinja or nh3, so "<" there always starts a real, closed tag, and each of these
# lazy scans to a closing tag succeeds. (On arbitrary text their many unclosed starts would
# each scan to the end.)
HTML_ONLY = frozenset(
    {
        "generator.content.markup._H2",  # <h2 …>…</h2> of the converted body
        "generator.search.tokens._DROPPED",  # <script>…</script> and comments of the templates
        "generator.search.index._MAIN",  # the template's <main>
        "generator.search.index._H1",  # the template's <h1>
    }
)
# Patterns over text of the generator's own: the schema's rules (matched token by token from where
# the last one ended), PyYAML's error messages.
TRUSTED = ("generator.model.rules.", "generator.content.yaml_errors.")
# Characters and tokens that start, continue or end what the patterns look for.
ATOMS = (
    " ", "\t", "\n", "a", "1", "<", ">", "/", "=", '"', "'", "[", "]", "(", ")", "#", "*", "_", "`", "!",
    "\\", "&", "|", "-", ".", ":", "：", "，", "。", "一", "二", "〇", "O", "年", "月", "日", "共", "未", "条",
    "件", "申请", "复议", "主动公开", "收费",
)
FILLERS = (" ", "a", "1")
PREFIXES = (
    "<a", "<a ", "<a href=", '<a href="', "</", "](", "](<", "[a](", "# x", "## ", "[bookmark:", "一〇",
    "二〇一", "2019", "2019年", "2019年1月", "主动公开", "收到申请", "未", "共计", "行政复议", "收取", "<h2 id=\"",
    "<main>", "<h1>", "<script", "<!--", ' href="', ' id="', "```", "sum(", "prev.", "（一）", "1、", "发布日期：",
    "点击数", "【", "首页", "a-", "https://",
)


def _named(text: str, source: str) -> bool:
    """Whether a pattern's source names a character of `text` (or its class: digits, spaces)."""
    return any(
        ch in source or (ch.isdigit() and "\\d" in source) or (ch.isspace() and "\\s" in source) for ch in text
    )


def inputs(pattern: re.Pattern[str]) -> Iterator[str]:
    """The adversarial inputs for one pattern: runs of the atoms and prefixes it names (the others
    it passes over in one step) and of a few fillers, and each such prefix before each such run."""
    atoms = [a for a in ATOMS if a in FILLERS or _named(a, pattern.pattern)]
    prefixes = [p for p in PREFIXES if _named(p[0], pattern.pattern)]
    for atom in atoms:
        yield atom * (SIZE // len(atom))
    for prefix in prefixes:
        yield prefix * (SIZE // len(prefix))
        for atom in atoms:
            run = atom * (SIZE // len(atom))
            yield prefix + run
            if atom in FILLERS:
                yield prefix + run + "x"  # what must follow a run, missing at its end


def patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern in a module of generator/ (also inside tuples, dicts and dataclasses)."""
    import generator

    found: dict[str, re.Pattern[str]] = {f"inline {p}": re.compile(p) for p in INLINE}

    def walk(value: object, name: str, depth: int) -> None:
        if isinstance(value, re.Pattern):
            if all(value.pattern != seen.pattern for seen in found.values()):  # one name per pattern
                found[name] = value
        elif depth < 3 and isinstance(value, (tuple, list)):
            for i, item in enumerate(value):
                walk(item, f"{name}[{i}]", depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]", depth + 1)
        elif depth < 3 and dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), f"{name}.{field.name}", depth + 1)

    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        # the importer reads an editor's own files, not pull requests (and is another part of #17)
        if module.name != "generator.__main__" and not module.name.startswith("generator.importer"):
            for key, value in vars(importlib.import_module(module.name)).items():
                walk(value, f"{module.name}.{key}", 0)
    return {n: p for n, p in found.items() if n not in HTML_ONLY and not n.startswith(TRUSTED)}


def sweep() -> None:
    """Run in the subprocess: every pattern over every input, as the checks use them."""
    found = patterns()
    for pattern in found.values():
        for text in inputs(pattern):
            for _ in pattern.finditer(text):
                pass
    print(len(found), "patterns")


def test_patterns_are_found():
    from generator.checks import bodies, boilerplate, prose_figures

    sources = {p.pattern for p in patterns().values()}
    for pattern in (bodies._TAG, bodies._HEADING, prose_figures._NUMBER_AFTER, boilerplate.BOOKMARK):
        assert pattern.pattern in sources
    assert len(sources) > 60


def test_every_pattern_is_linear_on_adversarial_input():
    code = "from tests.test_hostile_patterns import sweep; sweep()"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "patterns" in done.stdout
