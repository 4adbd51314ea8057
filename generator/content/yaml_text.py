"""Values as `xxgk new` and the editors' form write them into a report's YAML front matter.

The form builds the same file in the browser (templates/static/editor-file.js), so these rules are
simple enough to port exactly: a text is written plain only when it is plainly a text (no
indicator first, no digit or sign that YAML 1.1 could read as a number or date, no yes/no/null
word); otherwise it is quoted the JSON way, which YAML reads back as written. Tests check both
ports give the same text, and that YAML reads every value back unchanged."""

from __future__ import annotations

import json
import re

import yaml

_SPACE = " \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Characters YAML does not accept raw, or reads as a line break: written as \\uXXXX.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_PLAIN = re.compile(
    rf"[^{_SPACE}\x00-\x1f'\"&*!|>%@`{{}}\[\],#?:\-<=~\\0-9+.]"  # a first character YAML reads as text
    rf"(?:[^\x00-\x1f]*[^{_SPACE}\x00-\x1f:])?",  # no control character; not ending in a space or ":"
    re.ASCII,
)
_WORDS = re.compile(r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL")


def plain_ok(value: str) -> bool:
    """Whether `value` may be written without quotes (and so read back as the same text)."""
    return (
        bool(_PLAIN.fullmatch(value))
        and ": " not in value
        and " #" not in value
        and not _UNPRINTABLE.search(value)
        and not _WORDS.fullmatch(value)
    )


def quoted(value: str) -> str:
    """A double-quoted YAML scalar: JSON's quoting, with what YAML cannot take raw escaped."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (plain when that is safe, else quoted)."""
    return value if plain_ok(value) and _reads_back(value) else quoted(value)


def _reads_back(value: str) -> bool:
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:
        return False


# The largest integer a browser holds exactly: larger ones are written as the float the browser has.
MAX_SAFE = 2**53 - 1


def number(value: int | float) -> str:
    """A number as YAML 1.1 reads it back: an integer as digits; anything else (a fraction, or an
    integer too large for the browser to hold exactly) as Python writes the float, with a ".0"
    where YAML needs a point to see a float (1e-07 → 1.0e-07)."""
    if abs(value) <= MAX_SAFE and (isinstance(value, int) or value.is_integer()):
        return str(int(value))
    text = repr(float(value))
    mantissa, _, exponent = text.partition("e")
    if exponent and "." not in mantissa:
        text = f"{mantissa}.0e{exponent}"
    return text


def cell(value: int | float | str | None) -> str:
    """One table cell: a number, null for a printed blank, or (what the editor typed that is not a
    number) a quoted text, so that `xxgk check` names it."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return quoted(value)
    return number(value)
