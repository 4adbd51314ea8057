"""The 勾稽 rules of the schema files: a tiny grammar, parsed here and never `eval`-ed.

rule := sum ("==" | ">=" | "<=") sum
sum  := term (("+" | "-") term)*
term := INT | IDENT | "prev." IDENT | "sum(" IDENT ")"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(?:(==|>=|<=)|([+-])|(prev\.[A-Za-z_]\w*)|(sum\(\s*[A-Za-z_]\w*\s*\))|(\d+)|([A-Za-z_]\w*))")


class RuleSyntaxError(ValueError):
    """A rule in a schema file that the grammar does not accept."""


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    kind: str  # "int" | "name" | "prev" | "sum"
    value: str


@dataclass(frozen=True)
class Expr:
    left: tuple[Term, ...]
    op: str
    right: tuple[Term, ...]

    def names(self) -> set[str]:
        return {t.value for t in (*self.left, *self.right) if t.kind in ("name", "prev", "sum")}

    def uses_prev(self) -> bool:
        return any(t.kind == "prev" for t in (*self.left, *self.right))


def parse_rule(text: str) -> Expr:
    tokens = _tokenize(text)
    sides: list[list[Term]] = [[]]
    op = ""
    sign = 1
    expect_term = True
    for kind, value in tokens:
        if kind == "op":
            if op or expect_term:
                raise RuleSyntaxError(f"unexpected {value!r} in {text!r}")
            op, expect_term = value, True
            sides.append([])
        elif kind == "sign":
            if not expect_term and sides[-1]:
                sign, expect_term = (1 if value == "+" else -1), True
            elif expect_term and not sides[-1] and value == "-":
                sign = -1
            else:
                raise RuleSyntaxError(f"unexpected {value!r} in {text!r}")
        else:
            if not expect_term:
                raise RuleSyntaxError(f"missing operator before {value!r} in {text!r}")
            sides[-1].append(Term(sign, kind, value))
            sign, expect_term = 1, False
    if not op or expect_term or not sides[0] or not sides[1]:
        raise RuleSyntaxError(f"incomplete rule {text!r}")
    return Expr(tuple(sides[0]), op, tuple(sides[1]))


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    while pos < len(text.rstrip()):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise RuleSyntaxError(f"cannot read {text[pos:]!r} in {text!r}")
        op, sign, prev, total, number, name = match.groups()
        if op:
            tokens.append(("op", op))
        elif sign:
            tokens.append(("sign", sign))
        elif prev:
            tokens.append(("prev", prev[5:]))
        elif total:
            tokens.append(("sum", total[4:-1].strip()))
        elif number:
            tokens.append(("int", number))
        else:
            tokens.append(("name", name))
        pos = match.end()
    return tokens


Lookup = Callable[[Term], "float | None"]


@dataclass(frozen=True)
class Outcome:
    holds: bool
    left: float
    right: float


def evaluate(expr: Expr, lookup: Lookup) -> Outcome | None:
    """Evaluate with `lookup` giving each term's value (None: unknown, so the rule is skipped)."""
    totals = []
    for side in (expr.left, expr.right):
        total = 0.0
        for term in side:
            value = float(term.value) if term.kind == "int" else lookup(term)
            if value is None:
                return None
            total += term.sign * value
        totals.append(round(total, 6))
    left, right = totals
    holds = {"==": left == right, ">=": left >= right, "<=": left <= right}[expr.op]
    return Outcome(holds, left, right)
