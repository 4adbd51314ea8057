"""What search matches on: a page's visible text, normalised, and the character n-grams of it
that the search index (search_postings.py) lists pages under.

Chinese has no spaces, so no word splitting can find a fragment such as "段简" inside "阶段简化".
Every run of letters and digits is therefore indexed as its distinct characters, adjacent pairs
and triples. The browser turns the query into the same keys: a query run of one to three
characters is one key, and exactly the pages under that key contain it; a longer run becomes its
triples, which every page containing it holds, and which almost only such pages hold (the
browser then checks the real text). templates/search.js implements the same
normalisation and keys; the two must change together.
"""

from __future__ import annotations

import html
import operator
import re

_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")
_DROPPED = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# Tags that break a line in the browser's rendering; all other tags join their text directly.
_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|form|"
    r"h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|details|table|tbody|td|tfoot|th|thead|"
    r"tr|ul)\b[^<>]*>",
    re.I,
)
# On sanitised HTML "<" only starts a tag; stopping at the next one keeps these linear on any text.
_TAG = re.compile(r"<[^<>]*>")
_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def visible_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment, whitespace collapsed (as the browser shows it)."""
    text = _DROPPED.sub(" ", fragment)
    text = _TAG.sub("", _BLOCK.sub(" ", text))
    return collapse(html.unescape(text))


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Matching ignores the case of ASCII letters only: it keeps every offset, so a match in the
    folded text highlights the same characters in the original."""
    return text.translate(_UPPER)


# Letters and digits (Unicode categories L and N; Chinese characters are letters), as \p{L}\p{N} in JS.
_RUN = re.compile(r"[^\W_]+")


def runs(text: str) -> list[str]:
    """Maximal runs of letters and digits in the folded text."""
    return _RUN.findall(fold(text))


def grams(text: str) -> set[str]:
    """Every distinct character, pair and triple within a run of letters and digits."""
    # All runs at once, joined by a character that is no letter or digit; the pairs and triples
    # that span a join hold it and fail isalnum. Every step runs in C: this is most of the index.
    joined = "\0".join(runs(text))
    pairs = list(map(operator.add, joined, joined[1:]))
    found = set(joined)
    found.discard("\0")
    found.update(filter(str.isalnum, pairs))
    found.update(filter(str.isalnum, map(operator.add, pairs, joined[2:])))
    return found


def query_grams(query: str) -> set[str]:
    """The keys a page must be listed under to contain `query`."""
    found: set[str] = set()
    for run in runs(query):
        found.update([run] if len(run) <= 3 else (run[i : i + 3] for i in range(len(run) - 2)))
    return found
