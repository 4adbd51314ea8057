"""One small card per indexed page, next to Pagefind's bundle: the page's URL, title, facets and
visible text, gzip-compressed, named by Pagefind's id for the page.

The browser checks a candidate's real text (so results are exact) and cuts the excerpt from it.
Pagefind would carry that text as metadata, but it also indexes every metadata value as words,
which doubled the index and its build time; and its own fragment for a page holds the page's
token soup, several times the size of the text. A card holds only what the result list shows,
and is fetched only for the candidates that are checked or shown.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Protocol

from generator.search_bundle import read

CARD_DIR = "card"


class Card(Protocol):
    url: str
    title: str
    text: str
    facets: tuple[tuple[str, str], ...]


def card_bytes(doc: Card) -> bytes:
    data = {"url": doc.url, "title": doc.title, **dict(doc.facets), "text": doc.text}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def page_ids(bundle: Path) -> list[str]:
    """Pagefind's id for every indexed page, in its own order (the language's metadata file)."""
    ids = []
    for meta_path in sorted(bundle.glob("pagefind.*.pf_meta")):
        meta = read(meta_path)  # [version, pages [[id, word count]], index chunks, filters, sorts, meta keys]
        ids += [page[0] for page in meta[1]]
    return ids


def write_cards(bundle: Path, by_doc_url: dict[str, Card]) -> None:
    """Writes bundle/card/<id>.json.gz for every page Pagefind indexed; the page is found through
    the URL in Pagefind's fragment for it (the token document's URL)."""
    target = bundle / CARD_DIR
    target.mkdir()
    for page_id in page_ids(bundle):
        fragment = read_fragment(bundle / "fragment" / f"{page_id}.pf_fragment")
        doc = by_doc_url[fragment["url"]]
        (target / f"{page_id}.json.gz").write_bytes(card_bytes(doc))


def read_fragment(path: Path) -> dict:
    data = gzip.decompress(path.read_bytes())
    return json.loads(data[len(b"pagefind_dcd") :])
