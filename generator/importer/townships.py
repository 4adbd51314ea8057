"""Which township a report belongs to, for importing a county's backlog at once: its title, organ and
opening lines name the township (景芝镇), matched to the `name` of each content/townships/*/township.yaml;
the county settles a name that several counties share (there are hundreds of 城关镇)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.importer.reportfile import valid_slug

_NAMED = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:民族乡|街道办事处|街道|镇|乡|苏木))(?:人民政府|政府|办事处)?")
HEAD_CHARS = 400
MAX_YAML_BYTES = 64 * 1024


@dataclass(frozen=True)
class Township:
    slug: str
    name: str
    county: str


@dataclass(frozen=True)
class Match:
    slug: str  # "" when no township, or more than one, fits
    note: str  # why not, in Chinese, with the `xxgk new township` line for an unknown one


def known_townships(root: Path) -> list[Township]:
    found = []
    for path in sorted((root / "content" / "townships").glob("*/township.yaml")):
        slug = path.parent.name
        if not valid_slug(slug) or path.stat().st_size > MAX_YAML_BYTES:
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("name"):
            found.append(Township(slug, str(data["name"]), str(data.get("county") or "")))
    return found


def match_township(title: str, organ: str, head: str, path: Path, townships: list[Township]) -> Match:
    """The township named in the title (else the organ, else the opening text), settled by county."""
    text = " ".join((title, organ, head[:HEAD_CHARS], str(path)))
    for where in (title, organ, head[:HEAD_CHARS], path.stem):
        named = [t for t in townships if t.name and t.name in where]
        if named:
            return _settle(named, text)
    return Match("", _unknown(title or head[:HEAD_CHARS]))


def _settle(named: list[Township], text: str) -> Match:
    longest = max(len(t.name) for t in named)  # 东城街道 over 城街道
    named = [t for t in named if len(t.name) == longest]
    if len({t.slug for t in named}) == 1:
        return Match(named[0].slug, "")
    by_county = [t for t in named if t.county and t.county in text]
    if len(by_county) == 1:
        return Match(by_county[0].slug, "")
    slugs = "、".join(t.slug for t in named)
    return Match("", f"“{named[0].name}”有多个乡镇同名（{slugs}），报告中看不出是哪个县的：请用 --township 指定")


def _unknown(text: str) -> str:
    found = _NAMED.search(text)
    if not found:
        return "看不出是哪个乡镇的报告：请用 --township 指定"
    name = re.sub(r"^.*[省市县区旗](?=.)", "", found.group(1))  # 安丘市景芝镇 → 景芝镇
    return (
        f"站点中没有“{name}”：先新建这个乡镇，再导入，例如 "
        f"xxgk new township <县名拼音-乡镇名拼音> --name {name} --county … --city … --province …"
    )
