"""A deterministic synthetic corpus for the search benchmark: N prose reports in xxgk's content
format, their sentences recombined from the sample reports with the figures changed."""

from __future__ import annotations

import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SYLLABLES = "安宁平和兴隆福寿长乐永丰新华东西南北山河湖桥林泉石岭青云龙凤金玉白马清溪"
YEARS = (2014, 2015, 2016, 2017, 2018)
EXTRA = ["执行 GB/T 37668 标准。", "咨询电话0439-6361610。", "办结率100%。"]


def _sentences() -> list[str]:
    pool = []
    for path in sorted((REPO / "content/townships").glob("*/*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.splitlines():
            if line and not line.startswith(("#", "|", "-")):
                pool += [s + "。" for s in re.split(r"。", line) if len(s) > 8]
    return pool


def write_corpus(root: Path, reports: int) -> Path:
    rng = random.Random(reports)
    pool = _sentences()
    (root / "content/townships").mkdir(parents=True, exist_ok=True)
    (root / "content/site.yaml").write_text("title: 基准站点\nbase_url: /\nlanguage: zh-CN\n", encoding="utf-8")
    for number in range(reports // len(YEARS)):
        county = SYLLABLES[number // 40 % len(SYLLABLES)] + SYLLABLES[number // 7 % len(SYLLABLES)] + "县"
        name = SYLLABLES[number % len(SYLLABLES)] + SYLLABLES[(number * 7 + 3) % len(SYLLABLES)] + "镇"
        folder = root / f"content/townships/t{number:05d}"
        folder.mkdir()
        (folder / "township.yaml").write_text(
            f"name: {name}\ncounty: {county}\ncity: 基准市\nprovince: 基准省\ncounty_slug: c{number // 40:04d}\n",
            encoding="utf-8",
        )
        for year in YEARS:
            sentences = [re.sub(r"\d+", lambda _: str(rng.randrange(0, 400)), s) for s in rng.sample(pool, 40)]
            if rng.random() < 0.05:
                sentences.append(rng.choice(EXTRA))
            first, second = "".join(sentences[:20]), "".join(sentences[20:])
            body = f"## 一、总体情况\n\n{name}{first}\n\n## 二、主动公开情况\n\n{second}\n"
            front = f"---\nyear: {year}\nformat: pre2019\nfigures:\n  proactive_items: {rng.randrange(400)}\n---\n"
            (folder / f"{year}.md").write_text(front + body, encoding="utf-8")
    return root
