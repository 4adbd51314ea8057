"""Hostile input stays cheap: every input file is read with a bounded size, and a .docx (a zip) is
checked from its directory before anything is inflated (entry count, inflated size, ratio).

Python's zipfile never inflates an entry past the size its central directory declares (it cuts the
stream there and the CRC check fails), so checking the declared sizes bounds the memory that
python-docx can use; the real inflated size is therefore never larger than what is checked here.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MIB = 1024 * 1024
MAX_TEXT_BYTES = 10 * MIB  # a report as text or a saved page: real ones are well under 2 MB
MAX_DOCX_BYTES = 50 * MIB  # a .docx with photos of seals and signatures
MAX_ZIP_ENTRIES = 2000
MAX_INFLATED = 200 * MIB  # every entry together, media included
MAX_XML_INFLATED = 12 * MIB  # the XML python-docx parses and walks (real reports: < 2 MB; 12 MB: ~10 s)
MAX_RATIO = 200  # XML deflates ~10:1, media ~1:1; a bomb inflates by thousands
RATIO_FLOOR = 1 * MIB  # small entries may compress well by chance


class ReadError(ValueError):
    """The file cannot be read as a report (message in Chinese, for the editor)."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing before reading past `limit` (a huge file is never loaded whole)."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ReadError(f"文件过大（超过 {limit // MIB} MB），不像是一份年度报告：请只导入报告本身")
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("文件是空的（没有任何文字）：请检查是否选错了文件，或原件是否保存完整")
    return raw


def checked_zip(raw: bytes) -> io.BytesIO:
    """The .docx bytes as a stream for python-docx, once its zip directory shows no bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ReadError("无法打开 Word 文件（不是有效的 .docx）：.doc 请先另存为 .docx") from error
    with archive:
        entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ReadError(f"Word 文件内含 {len(entries)} 个部件（正常报告不超过几百个），拒绝读取")
    inflated = sum(e.file_size for e in entries)
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
    if inflated > MAX_INFLATED or xml > MAX_XML_INFLATED:
        raise ReadError(
            f"Word 文件解压后有 {inflated // MIB} MB（其中文字部分 {xml // MIB} MB），远超正常报告，"
            "可能是损坏或恶意构造的文件，拒绝读取"
        )
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise ReadError(
                f"Word 文件中的 {entry.filename} 压缩比异常（{entry.compress_size} 字节解压为 "
                f"{entry.file_size} 字节），可能是恶意构造的文件，拒绝读取"
            )
    return io.BytesIO(raw)
