"""`xxgk import` on hostile input (#17): nothing is written outside content/, nothing huge is inflated or
held, and every refusal is a clear Chinese message with its exit code, never a traceback."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator.cli import main

CORPUS = Path(__file__).resolve().parent / "import_corpus"
DOCX = CORPUS / "qingshi-2020-word.docx"
TOWNSHIP = "anqiu-jingzhi"
MEMORY_LIMIT = 1 << 30


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", root / "content")
    return root


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def _import(site: Path, *args: str) -> int:
    return main(["--root", str(site), "import", *args])


@pytest.mark.parametrize("slug", ["../../../x", "..", "a/b", "anqiu-jingzhi\n", "Anqiu", "a--b", "-a", ""])
def test_a_township_slug_that_is_not_a_plain_name_is_a_usage_error(site, tmp_path, capsys, slug):
    before = _files(tmp_path)
    assert _import(site, str(CORPUS / "seed-anqiu-jingzhi-2019.txt"), f"--township={slug}") == 2
    err = capsys.readouterr().err
    assert "乡镇目录名" in err and "不合规" in err and "Traceback" not in err
    assert _files(tmp_path) == before


def _zip_bomb(path: Path, inflated: int) -> None:
    """A .docx whose document.xml inflates from a few hundred KB to `inflated` bytes of XML."""
    source = zipfile.ZipFile(DOCX)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, source.read(item))
        with bomb.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            chunk = b"<w:p/>" * (1 << 20)
            for _ in range(inflated // len(chunk)):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_a_zip_bomb_docx_is_refused_before_it_is_inflated(site, tmp_path):
    """In a process limited to 1 GiB of address space: the XML alone would be 600 MB, its tree >10 GB."""
    bomb = tmp_path / "2020.docx"
    _zip_bomb(bomb, 600 * 1024 * 1024)
    assert bomb.stat().st_size < 3 * 1024 * 1024
    before = _files(site)
    command = [sys.executable, "-m", "generator", "--root", str(site), "import", str(bomb), "--township", TOWNSHIP]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory)
    assert done.returncode == 1
    assert "无法导入" in done.stderr and "解压后" in done.stderr and "拒绝读取" in done.stderr
    assert "Traceback" not in done.stderr
    assert _files(site) == before


def test_a_docx_whose_directory_lies_about_sizes_is_refused(site, tmp_path, capsys):
    """zipfile never inflates past the declared size; the CRC then fails: a clear error, no traceback."""
    liar = tmp_path / "2020.docx"
    raw = bytearray(DOCX.read_bytes())
    entry = next(i for i in zipfile.ZipFile(DOCX).infolist() if i.filename == "word/document.xml")
    # the central directory's uncompressed size of document.xml, shrunk to 100 bytes
    where = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"word/document.xml")) + 24
    assert int.from_bytes(raw[where : where + 4], "little") == entry.file_size
    raw[where : where + 4] = (100).to_bytes(4, "little")
    liar.write_bytes(bytes(raw))
    assert _import(site, str(liar), "--township", TOWNSHIP) == 1
    err = capsys.readouterr().err
    assert "无法" in err and "Traceback" not in err


def test_deeply_nested_html_takes_bounded_time_and_still_reads(site, tmp_path, capsys):
    page = tmp_path / "2016.html"
    depth = 100_000
    report = "<p>河西乡2016年政府信息公开工作年度报告</p><p>全年主动公开政府信息57条。</p>"
    body = "<div>" * depth + report + "</div>" * depth
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    started = time.perf_counter()
    assert _import(site, str(page), "--township", TOWNSHIP, "--dry-run") == 0
    assert time.perf_counter() - started < 10
    assert "proactive_items=57" in capsys.readouterr().out


def test_a_page_with_too_many_elements_is_refused(site, tmp_path, capsys):
    page = tmp_path / "2016.html"
    page.write_text("<p>2016年报告</p>" + "<b>x</b>" * 300_000, encoding="utf-8")
    assert _import(site, str(page), "--township", TOWNSHIP) == 1
    err = capsys.readouterr().err
    assert "网页元素超过" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件是空的"),
        (b"  \r\n\t\n", "文件是空的"),
        (b"\xef\xbb\xbf\n", "文件是空的"),
        ("\u3000\n。。\n".encode(), "没有任何文字"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "不是文本文件"),
    ],
)
def test_an_empty_or_binary_file_is_refused_even_with_a_year(site, tmp_path, capsys, content, message):
    path = tmp_path / "2019.txt"
    path.write_bytes(content)
    before = _files(site)
    assert _import(site, str(path), "--township", TOWNSHIP, "--year", "2017") == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "通过" not in err
    assert _files(site) == before


def test_a_page_with_no_report_in_it_is_refused(site, tmp_path, capsys):
    page = tmp_path / "2017.html"
    page.write_text('<div class="nav">首页 | 政务公开</div><h1>2017年报告</h1>', encoding="utf-8")
    assert _import(site, str(page), "--township", TOWNSHIP, "--year", "2017") == 1
    assert "没有报告正文" in capsys.readouterr().err
    assert not (site / "content/townships/anqiu-jingzhi/2017.md").exists()


def test_a_huge_text_file_is_refused_without_reading_it_whole(site, tmp_path, capsys):
    path = tmp_path / "2019.txt"
    with path.open("wb") as handle:
        handle.write("2019年报告\n".encode())
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB on paper
    started = time.perf_counter()
    assert _import(site, str(path), "--township", TOWNSHIP) == 1
    assert time.perf_counter() - started < 5
    assert "文件过大" in capsys.readouterr().err


def test_a_large_one_line_text_takes_bounded_time(site, tmp_path, capsys):
    """Just under the size limit, one line without punctuation: the readers stay linear."""
    path = tmp_path / "2019.txt"
    path.write_text("2019年" + "主动公开政府信息共计" * 300_000 + "5条", encoding="utf-8")
    started = time.perf_counter()
    _import(site, str(path), "--township", TOWNSHIP, "--dry-run")
    assert time.perf_counter() - started < 30
    assert "Traceback" not in capsys.readouterr().err
