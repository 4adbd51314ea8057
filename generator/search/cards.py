"""One small card per indexed page: the page's URL, title, facets and visible text, as gzip'd JSON
named by the page's number in the search index.

The browser checks a candidate's real text (so results are exact) and cuts the excerpt from it.
A card holds only what the result list shows, and is fetched only for the candidates that are
checked or shown: a query that matches every page fetches a page of cards, not the site.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Protocol


class Card(Protocol):
    url: str
    title: str
    text: str
    facets: tuple[tuple[str, str], ...]


def card_bytes(doc: Card) -> bytes:
    data = {"url": doc.url, "title": doc.title, **dict(doc.facets), "text": doc.text}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=6, mtime=0)


def write_cards(docs: list[Card], folder: Path, share: tuple[int, int] = (0, 1)) -> None:
    """Writes folder/<page number>.gz, the numbers being the docs' positions, for the numbers that
    are share[0] modulo share[1] (processes that share the work each write their own)."""
    for number in range(share[0], len(docs), share[1]):
        (folder / f"{number}.gz").write_bytes(card_bytes(docs[number]))
