"""The search index: for every searchable page, its n-gram keys (search_tokens.py) as postings
(search_postings.py), its card (search_cards.py: URL, title, facets, visible text) and its facets
in one small manifest, all written under search/ in the staged site.

Readers' pages stay as they are: no token ever reaches a page's text, copy-paste or a screen
reader. Pages are numbered in the order the browser lists results in when nothing else decides:
reports newest first, then the township, region, year and other pages.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.model.urls import Urls
from generator.search.parallel import Run, all_postings, write_all
from generator.search.postings import bucket_count
from generator.search.tokens import visible_text

FACETS = ("region", "township", "year", "format")

_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows about one page."""

    url: str
    title: str
    text: str
    facets: tuple[tuple[str, str], ...]  # (filter name, value): township, year, region, format
    heading: str = ""  # township and region names: a match there ranks like a title match
    kind: str = "page"
    rank: int = 0  # where the page kind lists among results (pages/kinds.py `search_rank`)


def search_doc(stub: SearchDoc, page_html: str) -> SearchDoc:
    """A page's document: its stub (pages/kinds.py `search_stubs`) with the title and the visible
    text of the page's HTML as written."""
    main = _MAIN.search(page_html)
    body = main.group(1) if main else page_html
    heading = _H1.search(body)
    title = visible_text(heading.group(1)) if heading else ""
    return replace(stub, title=title, text=visible_text(body))


def result_order(doc: SearchDoc) -> tuple:
    year = dict(doc.facets).get("year", "")
    return (doc.rank, "" if not year else f"{9999 - int(year):04d}", doc.url)


def manifest(docs: list[SearchDoc], buckets: int) -> dict:
    """What the browser loads first: the page and bucket counts and each page's facet values (as
    indexes into each facet's sorted values; -1 where a page has none), for filters and sorting."""
    facets = {}
    for name in FACETS:
        per_page = [dict(doc.facets).get(name) for doc in docs]
        values = sorted({v for v in per_page if v is not None})
        at = {value: number for number, value in enumerate(values)}
        facets[name] = {"values": values, "pages": [at.get(v, -1) if v is not None else -1 for v in per_page]}
    return {"pages": len(docs), "buckets": buckets, "facets": facets}


def build_search_index(docs: list[SearchDoc], urls: Urls, staging: Path, run: Run, shares: int = 1) -> None:
    """Writes search/index/ (manifest and buckets) and search/cards/ into the staged site; `run`
    shares the work out in `shares` parts (the same bytes whatever their number)."""
    docs = sorted(docs, key=result_order)
    folder = (staging / urls.output_path(urls.search_index())).parent
    card_folder = (staging / urls.output_path(urls.search_cards())).parent
    folder.mkdir(parents=True)
    card_folder.mkdir(parents=True)
    buckets = bucket_count(sum(doc.kind == "report" for doc in docs))
    index = all_postings([(doc.text, f"{doc.title} {doc.heading}") for doc in docs], run, shares)
    write_all(index, buckets, folder, docs, card_folder, run, shares)
    (folder / "manifest.json.gz").write_bytes(manifest_file(docs, buckets))


def manifest_file(docs: list[SearchDoc], buckets: int) -> bytes:
    """manifest.json.gz for `docs` in index order."""
    data = json.dumps(manifest(docs, buckets), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, compresslevel=9, mtime=0)
