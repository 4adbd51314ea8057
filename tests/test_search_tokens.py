"""The search keys (generator/search/tokens.py) and postings (generator/search/postings.py): a page
is listed under every key of every query it contains, so recall is complete; for a query of up
to three letters or digits the keys alone decide, so no text check is needed; and the postings
read back as written."""

from __future__ import annotations

import gzip

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.postings import HEADING, bucket_count, bucket_of, gaps, postings, varint, write_buckets
from generator.search.tokens import collapse, fold, grams, query_grams

# A small alphabet makes near-misses (shared characters, shared pairs) common.
TEXT = st.text(alphabet="政府信息公开镇年度报告aB3 ，。/-", max_size=60)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(1, 12))
def test_a_page_holds_the_keys_of_every_substring(text, start, length):
    query = collapse(text[start : start + length])
    assert query_grams(query) <= grams(text)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.text(alphabet="政府信息公开镇年度报告aB3", min_size=1, max_size=3))
def test_short_queries_are_exact_by_keys(text, query):
    assert (query_grams(query) <= grams(text)) == (fold(query) in fold(text))


def test_keys_of_a_query():
    assert query_grams("镇") == {"镇"}
    assert query_grams("GB/T 37668") == {"gb", "t", "376", "766", "668"}
    assert query_grams("，。") == set()


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        value, at, shift = value | (byte & 0x7F) << shift, at + 1, shift + 7
        if byte < 0x80:
            return value, at


def read_bucket(data: bytes) -> dict[str, list[int]]:
    """The reader in search.js, in Python."""
    found, at = {}, 0
    while at < len(data):
        size, at = read_varint(data, at)
        key, at = data[at : at + size].decode("utf-8"), at + size
        size, at = read_varint(data, at)
        page, pages = -1, []
        end = at + size
        while at < end:
            gap, at = read_varint(data, at)
            page += gap
            pages.append(page)
        found[key] = pages
    return found


def test_postings_read_back_from_their_buckets(tmp_path):
    texts = ["景芝镇政府信息公开", "政府", "", *(f"第{n}页" for n in range(300)), "政府信息", *[""] * 20000, "政府"]
    index = postings(grams(t) | {HEADING + k for k in grams(t[:2])} for t in texts)
    assert index["政府"] == [0, 1, 303, 20304] and index["#政府"] == [1, 303, 20304]  # gaps of 1, 2 and 3 bytes
    assert len(index["页"]) == 300 and index["页"][-1] == 302  # gaps of 1, then a gap of 1 again
    count = bucket_count(300)
    assert count == 256
    (tmp_path / "index").mkdir()
    write_buckets({key: gaps(pages) for key, pages in index.items()}, count, tmp_path / "index")
    read = {}
    for number in range(count):
        bucket = read_bucket(gzip.decompress((tmp_path / "index" / f"{number}.gz").read_bytes()))
        assert all(bucket_of(key.removeprefix(HEADING), count) == number for key in bucket)
        read |= bucket
    assert read == index


def test_varint_and_hash():
    assert varint(300) == b"\xac\x02"
    assert bucket_of("", 1 << 32) == 0x811C9DC5  # FNV-1a's offset basis, as in search.js
    assert bucket_of("a", 1 << 32) == 0xE40C292C
