"""The search index files (generator/search/index.py): the same bytes whatever the number of
processes that wrote them, a card per page in result order, and a manifest that states each
page's facets."""

from __future__ import annotations

import gzip
import json
from functools import partial
from pathlib import Path

from generator.engine.pool import Workers, parallel
from generator.model.urls import Urls
from generator.search.index import SearchDoc, build_search_index
from generator.search.parallel import PARALLEL_FROM, all_postings, page_keys
from generator.search.postings import bucket_count, gaps, postings

URLS = Urls("/portal/", "https://example.org/portal/")
RUN = partial(parallel, workers=Workers(2, serial_below=2), chunk=1)  # the engine's pool, as the build gives it


def docs() -> list[SearchDoc]:
    """Enough reports for the parallel path, their text varied so that keys differ by page."""
    found = []
    for number in range(PARALLEL_FROM + 50):
        year = str(2014 + number % 5)
        town = f"第{number}镇"
        facets = (("township", f"示例县{town}"), ("year", year), ("region", "示例县"), ("format", "2019年版格式"))
        text = f"{town}{year}年政府信息公开工作年度报告 主动公开政府信息{number * 7}条。GB/T 37668"
        found.append(
            SearchDoc(
                f"/portal/townships/t{number}/{year}/",
                f"{town}{year}年报告",
                text,
                facets,
                f"示例县{town} 示例县",
                "report",
                0,
            )
        )
    found.append(SearchDoc("/portal/about/", "关于", "关于本站", (), "", "page", 4))
    return found


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_bytes_from_one_process_or_several(tmp_path):
    build_search_index(docs(), URLS, tmp_path / "one", RUN, 1)
    build_search_index(docs(), URLS, tmp_path / "two", RUN, 2)
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one == two
    assert sum(name.startswith("search/index/") for name in one) == bucket_count(PARALLEL_FROM + 50) + 1
    assert sum(name.startswith("search/cards/") for name in one) == PARALLEL_FROM + 51


def test_cards_in_result_order_and_the_manifest(tmp_path):
    build_search_index(docs(), URLS, tmp_path, RUN, 2)

    def read(name: str) -> dict:
        return json.loads(gzip.decompress((tmp_path / "search" / name).read_bytes()))

    first, last = read("cards/0.gz"), read(f"cards/{PARALLEL_FROM + 50}.gz")
    assert first["year"] == "2018" and first["text"].startswith(first["township"].removeprefix("示例县"))
    assert last == {"url": "/portal/about/", "title": "关于", "text": "关于本站"}  # other pages after reports
    manifest = read("index/manifest.json.gz")
    assert manifest["pages"] == PARALLEL_FROM + 51 and manifest["buckets"] == bucket_count(PARALLEL_FROM + 50)
    years = manifest["facets"]["year"]
    assert years["values"] == ["2014", "2015", "2016", "2017", "2018"]
    assert years["pages"][0] == 4 and years["pages"][-1] == -1


def test_postings_merged_from_slices_equal_postings_in_one_pass():
    pages = [(doc.text, f"{doc.title} {doc.heading}") for doc in docs()]
    whole = postings(page_keys(text, heading) for text, heading in pages)
    assert all_postings(pages, RUN, 3) == {key: gaps(numbers) for key, numbers in whole.items()}


def test_a_build_without_the_index_has_a_search_page_with_no_broken_link(minimal_root):
    """The search page names the index only inside its inline script, which the link check
    leaves alone: `--no-search` builds must not fail on it."""
    from tests.conftest import build_site

    result = build_site(minimal_root, search=False)
    assert result.ok, [p for p in result.problems if p.severity == "error"]
    page = (minimal_root / "site/search/index.html").read_text(encoding="utf-8")
    assert 'type="module" async' in page and "function queryGrams" in page
    assert not (minimal_root / "site/search/index").exists()
