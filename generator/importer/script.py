"""Reports copied from mirror sites in traditional characters, some with pinyin glosses after every
character (`鎮(zhèn)`), are read as simplified text: the labels, headings and phrasings are simplified.

OpenCC's t2s dictionaries do the conversion (a hand-made table would miss variants such as 發佈, 製作);
simplified text passes through them unchanged, so only text with enough converted characters is
treated as traditional. The original stays in the attachment (`--keep-original`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.importer.grid import Block, Grid

MIN_CHANGED = 3
MIN_SHARE = 0.01  # of the CJK characters; traditional reports change 15–40% of them
MIN_GLOSSES = 3
_TONED = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[（(][{_TONED}]{{1,7}}[)）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported here: only reports in traditional characters need it loaded

    return opencc.OpenCC("t2s")


def simplified(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], list[str]]:
    """The blocks in simplified characters without pinyin glosses, and what was done (notes)."""
    texts = [t for b in blocks for t in _texts(b)]
    whole = "\n".join(texts)
    notes: list[str] = []
    glosses = len(_GLOSS.findall(whole))
    strip = glosses >= MIN_GLOSSES
    if strip:
        whole = _GLOSS.sub("", whole)
        notes.append(f"去掉了字后的拼音注音（{glosses} 处）")
    converted = _converter().convert(whole)
    changed = sum(a != b for a, b in zip(whole, converted, strict=False))
    cjk = len(_CJK.findall(whole))
    traditional = changed >= MIN_CHANGED and changed >= MIN_SHARE * cjk
    if traditional:
        notes.append(f"原文为繁体字，已转换为简体（{changed} 字）后识别；原件请用 --keep-original 保留")
    if not notes:
        return blocks, []
    return tuple(_convert(b, strip, traditional) for b in blocks), notes


def _texts(block: Block) -> list[str]:
    return [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]


def _convert(block: Block, strip: bool, traditional: bool) -> Block:
    def one(text: str) -> str:
        text = _GLOSS.sub("", text) if strip else text
        return _converter().convert(text) if traditional else text

    if isinstance(block, Grid):
        return Grid(tuple(tuple(one(c) for c in row) for row in block.rows), block.delimited, block.form)
    return one(block)
