"""Whatever content passes the checks gives valid XML and strict JSON (issue 17): the feeds and the
sitemap parse as XML, every JSON file and the pages' JSON-LD parse without NaN or Infinity, however
odd the text in titles, names and figures (emoji, `]]>`, `</script>`, quotes, U+FFFD, numbers at
the bounds). What would break them (control characters, NaN) is refused by the checks."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from generator.content.quantities import MAX_COUNT
from tests.checking import minimal
from tests.conftest import build_site

ODD = "测试😀𠀀\ufffd\u200b]]><![CDATA[</script><script>&amp;&\"'<b>\t末"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


FILES = {
    "content/site.yaml": f"title: {_quoted('站' + ODD)}\nbase_url: /\npublisher: {_quoted(ODD)}\n",
    "content/townships/test-town/township.yaml": (
        f"name: {_quoted('测试镇' + ODD)}\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n"
    ),
    "content/townships/test-town/2018.md": (
        f"---\nyear: 2018\npublished: 2019-01-15\ntitle: {_quoted(ODD)}\norgan: {_quoted('机构' + ODD)}\n"
        f"figures:\n  proactive_items: {MAX_COUNT}\n  fees: 0.1\n"
        "---\n## 一、概述\n\n正文😀 `]]>` </script>\n"
    ),
}


def test_feeds_sitemap_and_json_are_valid_whatever_the_text(tmp_path):
    root = minimal(tmp_path, FILES)
    result = build_site(root)
    assert result.ok, result.problems
    site = root / "site"
    for path in [site / "feed.xml", site / "sitemap.xml", *site.glob("townships/*/feed.xml")]:
        ET.fromstring(path.read_bytes())  # raises on invalid XML
    assert ODD[:6] in (site / "feed.xml").read_text("utf-8")

    def refuse(name):
        raise AssertionError(f"{name} is not JSON")

    jsons = list(site.rglob("*.json"))
    assert jsons
    for path in jsons:
        json.loads(path.read_text("utf-8"), parse_constant=refuse)
    page = (site / "townships/test-town/2018/index.html").read_text("utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1
    json.loads(scripts[0], parse_constant=refuse)
