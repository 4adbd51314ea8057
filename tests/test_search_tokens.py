"""The search tokens (generator/search_tokens.py): a page holds, as a prefix of one of its tokens,
every token of every query it contains, so recall is complete; and for a query of up to three
letters or digits the tokens alone decide, so no text check is needed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search_tokens import code, collapse, fold, query_tokens, text_tokens

# A small alphabet makes near-misses (shared characters, shared pairs) common.
TEXT = st.text(alphabet="政府信息公开镇年度报告aB3 ，。/-", max_size=60)


def holds(tokens: list[str], query: str) -> bool:
    return all(any(token.startswith(word) for token in tokens) for word in query_tokens(query))


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(1, 12))
def test_a_page_holds_the_tokens_of_every_substring(text, start, length):
    query = collapse(text[start : start + length])
    assert holds(text_tokens(text), query)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.text(alphabet="政府信息公开镇年度报告aB3", min_size=1, max_size=3))
def test_short_queries_are_exact_by_tokens(text, query):
    assert holds(text_tokens(text), query) == (fold(query) in fold(text))


def test_tokens_have_a_fixed_width_and_no_text():
    tokens = text_tokens("景芝镇 GB/T 37668")
    assert len(tokens) == len("景芝镇gbt37668")
    assert all(len(t) == 13 and t.isascii() and t.isalnum() for t in tokens)
    assert query_tokens("镇") == ["t" + code("镇")]
    assert query_tokens("Gb") == ["t" + code("g") + code("b")]
    assert query_tokens("37668") == sorted("t" + "".join(map(code, w)) for w in ("376", "766", "668"))
