"""What search matches on: a page's visible text, normalised, and the ASCII tokens that stand
for the character triples in it.

Chinese has no spaces, so Pagefind's own word splitting cannot find a fragment such as "段简"
inside "阶段简化". Every run of letters and digits is therefore written as its distinct character
triples: one token per position, "t" + the code points of that character and the next two, in
base 36 with a fixed width, the run's end padded with code point 0. Pagefind matches a query
word as a prefix of the page's words, so the browser asks for:

- one character: "t" + its code, which every triple starting with it extends: every page that
  holds the character anywhere (each position starts a triple);
- two characters: "t" + both codes, likewise exact;
- three or more: each of the query's triples; every page containing the query holds them all,
  and a page holding them all almost always contains it (the browser checks the real text).

Triples instead of single characters plus pairs give about as many tokens per page, but queries
of three characters need no check at all and longer ones far fewer checks: candidates for
"量子计算" are the pages holding both "量子计" and "子计算", not every page with "量子", "子计" and
"计算". templates/static/search.js implements the same normalisation and tokens; the two must
change together.
"""

from __future__ import annotations

import functools
import html
import re

WIDTH = 4  # base-36 digits per code point: 36**4 covers all of Unicode
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")
_DROPPED = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# Tags that break a line in the browser's rendering; all other tags join their text directly.
_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|form|"
    r"h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|details|table|tbody|td|tfoot|th|thead|"
    r"tr|ul)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
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


@functools.cache
def code(char: str) -> str:
    value, digits = ord(char), []
    for _ in range(WIDTH):
        value, digit = divmod(value, 36)
        digits.append(DIGITS[digit])
    return "".join(reversed(digits))


PAD = "\0"  # after a run's last characters: never part of a page's text


def triples(run: str) -> set[str]:
    padded = run + PAD + PAD
    return {"t" + code(padded[i]) + code(padded[i + 1]) + code(padded[i + 2]) for i in range(len(run))}


def text_tokens(text: str) -> list[str]:
    """Every distinct character triple in the text, sorted (stable output)."""
    tokens: set[str] = set()
    for run in runs(text):
        tokens |= triples(run)
    return sorted(tokens)


def query_tokens(query: str) -> list[str]:
    """The words a page must hold (as a prefix of one of its tokens) to contain `query`."""
    tokens: set[str] = set()
    for run in runs(query):
        if len(run) < 3:
            tokens.add("t" + "".join(code(c) for c in run))
        else:
            tokens |= {"t" + code(run[i]) + code(run[i + 1]) + code(run[i + 2]) for i in range(len(run) - 2)}
    return sorted(tokens)
