"""What search matches on: a page's visible text, normalised, and the ASCII tokens that stand
for every character and character pair in it.

Chinese has no spaces, so Pagefind's own word splitting cannot find a fragment such as "段简"
inside "阶段简化". Every run of letters and digits is therefore written as its distinct
characters ("u" + code point) and distinct adjacent pairs ("b" + two code points), in base 36
with a fixed width so that Pagefind's prefix matching never widens a token. Any substring of the
text then has all of its tokens in the page's set, which makes recall complete; the browser
checks the real text afterwards, which makes the results exact. templates/static/search.js
implements the same normalisation and tokens; the two must change together.
"""

from __future__ import annotations

import functools
import html
import itertools
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
def _code(char: str) -> str:
    value, digits = ord(char), []
    for _ in range(WIDTH):
        value, digit = divmod(value, 36)
        digits.append(DIGITS[digit])
    return "".join(reversed(digits))


def unigram(char: str) -> str:
    return "u" + _code(char)


def bigram(first: str, second: str) -> str:
    return "b" + _code(first) + _code(second)


def text_tokens(text: str) -> list[str]:
    """Every distinct character and adjacent pair in the text, sorted (stable output)."""
    tokens: set[str] = set()
    for run in runs(text):
        tokens.update(unigram(c) for c in set(run))
        tokens.update(bigram(a, b) for a, b in itertools.pairwise(run))
    return sorted(tokens)


def query_tokens(query: str) -> list[str]:
    """The tokens a page must hold to contain `query`: pairs of each run, or the lone character."""
    tokens: set[str] = set()
    for run in runs(query):
        if len(run) == 1:
            tokens.add(unigram(run))
        tokens.update(bigram(a, b) for a, b in itertools.pairwise(run))
    return sorted(tokens)
