"""The search index: Pagefind (from the pagefind-bin package) over one small token document per
searchable page, written next to the staged site, indexed, and removed again before the swap.

Readers' pages stay as they are: the tokens live only in these documents, so they can never show
up in a page's text, its copy-paste or a screen reader. Each document carries, as Pagefind filters,
its township, year, region and report format, and nothing else: Pagefind indexes every metadata
value as words too, so the page's URL, title and text (for the exact check and the excerpt) go
into small card files of our own instead (search_cards.py), fetched only for the candidates shown.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from generator.model import Site, Township
from generator.navigation import SiteIndex
from generator.pages import Page, Urls
from generator.search_bundle import stabilize
from generator.search_cards import write_cards
from generator.search_tokens import text_tokens, visible_text

SEARCHABLE = ("report", "township", "year", "region", "page")  # listings of links are left out
DOCS_DIR = "_search"
BUNDLE_DIR = "pagefind"
# Pagefind also writes its ready-made UIs; the search page uses only the core API.
_UNUSED = re.compile(r"pagefind-(?:component-|modular-)?ui\.(?:js|css)$|pagefind-highlight\.js$")
TITLE_WEIGHT = 10  # Pagefind's largest weight: a title or township match ranks first

_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows about one page."""

    url: str
    title: str
    text: str
    facets: tuple[tuple[str, str], ...]  # (filter name, value): township, year, region, format
    heading: str = ""  # township and region names, weighted like the title


class SearchError(RuntimeError):
    """Pagefind failed; the build stops and the previous site stays."""


def search_docs(site: Site, index: SiteIndex, urls: Urls, pages: Iterable[Page], staging: Path) -> list[SearchDoc]:
    docs = []
    for page in pages:
        if page.kind not in SEARCHABLE:
            continue
        page_html = (staging / urls.output_path(page.url)).read_text(encoding="utf-8")
        main = _MAIN.search(page_html)
        body = main.group(1) if main else page_html
        heading = _H1.search(body)
        facets = _facets(page, site, index)
        names = " ".join(v for k, v in facets if k in ("township", "region"))
        title = visible_text(heading.group(1)) if heading else ""
        docs.append(SearchDoc(page.url, title, visible_text(body), facets, names))
    return docs


def township_label(township: Township) -> str:
    """Township names repeat across China (hundreds of 城关镇): the filter names the county too."""
    return f"{township.county}{township.name}"


def _facets(page: Page, site: Site, index: SiteIndex) -> tuple[tuple[str, str], ...]:
    if page.kind == "report":
        township = index.townships[page.key[0]]
        report = next(r for r in index.by_township[township.slug] if r.year == page.key[1])
        fmt = site.schemas[report.format].name
        return (
            ("township", township_label(township)),
            ("year", str(report.year)),
            ("region", township.county),
            ("format", fmt),
        )
    if page.kind == "township":
        township = index.townships[page.key[0]]
        return (("township", township_label(township)), ("region", township.county))
    if page.kind == "region":
        return (("region", index.counties[page.key[0]].name),)
    if page.kind == "year":
        return (("year", str(page.key[0])),)
    return ()


def token_document(doc: SearchDoc, language: str) -> str:
    """One page as Pagefind sees it: its tokens as text, its filters as attributes."""
    attrs = {f"data-{name}": value for name, value in doc.facets}
    filters = [f"{name}[data-{name}]" for name, _ in doc.facets]
    if filters:
        attrs["data-pagefind-filter"] = ", ".join(filters)
    if "data-year" in attrs:
        attrs["data-pagefind-sort"] = "year[data-year]"
    rendered = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    weighted = " ".join(text_tokens(f"{doc.title} {doc.heading}"))
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8"><title></title></head>'
        f'<body><div data-pagefind-body {rendered}><p data-pagefind-weight="{TITLE_WEIGHT}">{weighted}</p>'
        f"<p>{' '.join(text_tokens(doc.text))}</p></div></body></html>\n"
    )


def doc_path(url: str, urls: Urls) -> str:
    return f"{DOCS_DIR}/{urls.output_path(url)}"


def build_search_index(docs: list[SearchDoc], urls: Urls, language: str, staging: Path) -> None:
    """Writes the token documents, runs Pagefind into staging/pagefind/, removes the documents."""
    root = staging / DOCS_DIR
    try:
        for doc in docs:
            target = staging / doc_path(doc.url, urls)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(token_document(doc, language), encoding="utf-8")
        run_pagefind(staging, f"{DOCS_DIR}/**/*.html")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    bundle = staging / BUNDLE_DIR
    for path in sorted(bundle.iterdir()):
        if _UNUSED.search(path.name):
            path.unlink()
    by_doc_url = {f"/{doc_path(doc.url, urls).removesuffix('index.html')}": doc for doc in docs}
    write_cards(bundle, by_doc_url)
    stabilize(bundle)


def run_pagefind(site_dir: Path, glob: str) -> None:
    command = [str(get_executable()), "--site", str(site_dir), "--glob", glob, "--output-subdir", BUNDLE_DIR]
    done = subprocess.run([*command, "--quiet"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchError(f"Pagefind 建立搜索索引失败（退出码 {done.returncode}）：{done.stderr or done.stdout}")
