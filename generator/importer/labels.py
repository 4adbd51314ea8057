"""Table labels from the schema files, normalised so that the forms met in the wild match.

Web copies fold full-width punctuation to ASCII (`第二十条第(一)项`), Word exports break labels
inside words (`商业 企业`, `总\\n计`), apps add a space after `1.` and straight quotes appear for
curly ones (report-formats §0, §4.2). Every label comes from generator/schema/*.yaml.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from generator.model.schema import Format, HeaderNode, RowNode, Table

_DROP = re.compile(r"[\s\u3000\xa0\u200b\"'“”‘’「」『』]")
_YEAR_NOTE = re.compile(r"\((?:19|20)\d{2}年?(?:度)?\)")  # 本年(2023)制发件数: the year a header names
_NUMBERED = re.compile(r"^(\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)")
FUZZY_CUTOFF = 0.86  # shortened labels such as "5.要求确认或重新出具已获取信息" still match


def norm(text: str) -> str:
    """The comparable form of a label: NFKC (full-width → ASCII), no spaces, no quotes, no year in
    brackets (`本年(2023)制发件数`)."""
    return _YEAR_NOTE.sub("", _DROP.sub("", unicodedata.normalize("NFKC", text)))


@dataclass(frozen=True)
class Label:
    """What a label is in one format: a data row, a header of a row-less table, or just text."""

    kind: str  # row | header | other
    table: str
    row: str = ""


@dataclass(frozen=True)
class LabelIndex:
    format: str
    labels: dict[str, tuple[Label, ...]] = field(default_factory=dict)
    detect: tuple[str, ...] = ()

    def lookup(self, text: str) -> tuple[tuple[Label, ...], str]:
        """The labels a cell text stands for, and how sure we are: exact | prefix | fuzzy | ''."""
        key = norm(text)
        if not key:
            return (), ""
        if key in self.labels:
            return self.labels[key], "exact"
        # Provincial variants annotate labels: 规章（设区的市、自治州人民政府应提供相关数据）
        for bracket in (i for i, ch in enumerate(key) if ch == "("):
            if bracket >= 2 and key[:bracket] in self.labels:
                return self.labels[key[:bracket]], "prefix"
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> tuple[tuple[Label, ...], str]:
        prefix = _NUMBERED.match(key)
        if not prefix or len(key) < 6:
            return (), ""
        pool = [k for k in self.labels if k.startswith(prefix.group(1))]
        close = difflib.get_close_matches(key, pool, n=2, cutoff=FUZZY_CUTOFF)
        if len(close) == 1 or (len(close) == 2 and self.labels[close[0]] == self.labels[close[1]]):
            return self.labels[close[0]], "fuzzy"
        return (), ""


def build_index(fmt: Format) -> LabelIndex:
    labels: dict[str, list[Label]] = {}

    def add(text: str, label: Label) -> None:
        if text and label not in labels.setdefault(norm(text), []):
            labels[norm(text)].append(label)

    for table in fmt.tables:
        for text, label in _table_labels(table):
            add(text, label)
    return LabelIndex(fmt.id, {k: tuple(v) for k, v in labels.items()}, tuple(norm(d) for d in fmt.detect))


def _table_labels(table: Table) -> list[tuple[str, Label]]:
    found: list[tuple[str, Label]] = []
    rowless = all(row.hidden_label for row in table.rows())
    if table.layout == "blocks":
        found.append((table.header_label, Label("other", table.id)))
        for block in table.blocks:
            found.append((block.title, Label("other", table.id)))
            found += [(c.label, Label("other", table.id)) for c in block.columns]
            found += [(r.label, Label("row", table.id, r.id or "")) for r in block.rows]
        return found
    found.append((table.corner_note, Label("other", table.id)))
    kind = "header" if rowless else "other"
    found += [(text, Label(kind, table.id)) for text in _header_texts(table.header)]
    for node in table.row_tree:
        found += _row_texts(node, table.id)
    return found


def _header_texts(nodes: tuple[HeaderNode, ...]) -> list[str]:
    return [text for node in nodes for text in (node.label, *_header_texts(node.children))]


def _row_texts(node: RowNode, table_id: str) -> list[tuple[str, Label]]:
    if node.hidden_label:
        return []
    if node.id:
        return [(node.label, Label("row", table_id, node.id))]
    found = [(node.label, Label("other", table_id))]
    for child in node.children:
        found += _row_texts(child, table_id)
    return found


def build_indexes(formats: list[Format]) -> dict[str, LabelIndex]:
    """Every format's index, each also knowing the other formats' printings of its own rows: a row with
    the same id in two templates (`normative`: f2019 规范性文件, f2021 行政规范性文件) is found by either
    label, as real reports print one template's label in the other's table. Never a label the format
    already uses for something else."""
    indexes = {fmt.id: build_index(fmt) for fmt in formats}
    rows = {
        fid: {(lab.table, lab.row): key for key, labs in ix.labels.items() for lab in labs if lab.kind == "row"}
        for fid, ix in indexes.items()
    }
    out = {}
    for fid, index in indexes.items():
        labels = dict(index.labels)
        for other, theirs in rows.items():
            for (table, row), key in theirs.items():
                if other != fid and (table, row) in rows[fid] and key not in labels:
                    labels[key] = (Label("row", table, row),)
        out[fid] = LabelIndex(index.format, labels, index.detect)
    return out


def all_labels(indexes: list[LabelIndex]) -> set[str]:
    """Every normalised label of every format: what marks a line as part of a table dump."""
    return {key for index in indexes for key in index.labels}
