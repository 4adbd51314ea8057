"""A deterministic synthetic xxgk site of N reports, for benchmarks.

    python benchmarks/make_corpus.py N OUT

Writes OUT/content/ (site.yaml, pages/, townships/<slug>/{township.yaml,<year>.md}): ~8 years per
township, townships spread over provinces, cities and counties, prose of 4-8 KB per report, the
standard tables for years >= 2019 filled so that `xxgk check` passes (cross-year rules included),
and a few attachments. The same N always gives the same bytes."""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus_tables import Ledger, front_matter_tables, tables
from benchmarks.corpus_text import PROVINCES, TOWNSHIP_SUFFIX, body, hanzi, pinyin
from generator.model.schema import format_for_year, load_schemas

YEARS_PER_TOWNSHIP = 8
TOWNSHIPS_PER_COUNTY = 15
COUNTIES_PER_CITY = 6
ATTACHMENT_EVERY = 97  # reports
FAKE_PDF = b"%PDF-1.4\n% xxgk benchmark attachment\n%%EOF\n"


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    county: str
    county_slug: str
    city: str
    province: str


def places(count: int) -> Iterator[Place]:
    """`count` townships with unique slugs and unique (name, county) pairs."""
    rng = random.Random("places")
    county_slugs: set[str] = set()
    made = 0
    county_index = 0
    while made < count:
        province = PROVINCES[(county_index // COUNTIES_PER_CITY) % len(PROVINCES)]
        city = f"{hanzi(random.Random(f'city{county_index // COUNTIES_PER_CITY}'))}市"
        slug = pinyin(rng, 2)
        while slug in county_slugs:
            slug = pinyin(rng, 3)
        county_slugs.add(slug)
        county = f"{hanzi(rng)}{rng.choice('县市区')}"
        names: set[str] = set()
        slugs: set[str] = set()
        for _ in range(min(TOWNSHIPS_PER_COUNTY, count - made)):
            name = f"{hanzi(rng)}{rng.choice(TOWNSHIP_SUFFIX)}"
            while name in names:
                name = f"{hanzi(rng, 3)}{rng.choice(TOWNSHIP_SUFFIX)}"
            own = pinyin(rng, 2)
            while own in slugs:
                own = pinyin(rng, 3)
            names.add(name)
            slugs.add(own)
            yield Place(f"{slug}-{own}", name, county, slug, city, province)
            made += 1
        county_index += 1


def report_text(place: Place, year: int, fmt: str, ledger: Ledger, schemas, attachment: bool) -> str:
    rng = random.Random(f"{place.slug}/{year}")
    proactive = rng.randint(40, 900)
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    head = [
        "---",
        f"year: {year}",
        f"published: {published}",
        f"index_no: {place.county_slug.upper()}-{year + 1}-{rng.randint(1, 9999):04d}",
        "figures:",
        f"  proactive_items: {proactive}",
    ]
    if fmt == "pre2019":
        head.append(f"  applications_new: {rng.randint(0, 12)}")
    if attachment:
        head.append(f"source: {year}.pdf")
    if fmt != "pre2019":
        head.append(front_matter_tables(tables(rng, schemas, fmt, ledger)))
    head.append("---")
    return "\n".join(head) + "\n" + body(rng, year, place.name, proactive, fmt != "pre2019")


def write_corpus(n: int, out: Path) -> int:
    """Writes the corpus; returns the number of reports written (always n)."""
    schemas = load_schemas()
    content = out / "content"
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text(
        "title: 基准测试门户\nbase_url: https://xxgk.example.org/\npublisher: xxgk 基准测试\n"
        "description: 用于衡量构建速度的合成语料，内容均为虚构。\nlanguage: zh-CN\n",
        encoding="utf-8",
    )
    (content / "pages/about.md").write_text("---\ntitle: 关于本站\n---\n本站内容为合成的基准测试语料。\n", "utf-8")
    townships = -(-n // YEARS_PER_TOWNSHIP)
    written = 0
    for number, place in enumerate(places(townships)):
        folder = content / "townships" / place.slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "township.yaml").write_text(
            f"name: {place.name}\ncounty: {place.county}\ncity: {place.city}\nprovince: {place.province}\n"
            f"county_slug: {place.county_slug}\n",
            encoding="utf-8",
        )
        first = 2013 + number % 4
        ledger = Ledger()
        for year in range(first, first + min(YEARS_PER_TOWNSHIP, n - written)):
            fmt = format_for_year(schemas, year)
            attachment = written % ATTACHMENT_EVERY == ATTACHMENT_EVERY - 1
            text = report_text(place, year, fmt.id if fmt else "pre2019", ledger, schemas, attachment)
            (folder / f"{year}.md").write_text(text, encoding="utf-8")
            if attachment:
                (folder / f"{year}.pdf").write_bytes(FAKE_PDF)
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("out", type=Path, help="output folder (content/ is written inside)")
    args = parser.parse_args(argv)
    count = write_corpus(args.n, args.out)
    print(f"{count} reports in {args.out / 'content'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
