"""How right an import is, against a ground-truth file: per table cell, per key figure, per field.

A ground-truth file `<name>.truth.yaml` sits next to each input `<name>.<ext>`: year, format,
optionally form (for the per-form breakdown) and published/organ/index_no, all seven figures (null
where the report does not say) and every table cell. A cell or figure left empty where the truth has
a number counts as missed, not as wrong; a number where the truth has another number, or where the
truth is blank (the report does not state it), is wrong. A file the importer refuses scores every
cell, figure and field as missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.importer.limits import ReadError
from generator.importer.reading import SUPPORTED
from generator.importer.report import ImportFailed, import_report
from generator.model.schema import Schemas

FIELDS = ("year", "format", "published", "organ", "index_no")


@dataclass
class Score:
    cells: int = 0
    cells_right: int = 0
    cells_wrong: int = 0  # a different number: the worst outcome
    figures: int = 0
    figures_right: int = 0
    figures_wrong: int = 0
    fields: int = 0
    fields_right: int = 0
    misses: list[str] = field(default_factory=list)
    form: str = ""  # the truth file's `form`, else what the importer recognised

    def add(self, other: Score) -> None:
        for name in (
            "cells",
            "cells_right",
            "cells_wrong",
            "figures",
            "figures_right",
            "figures_wrong",
            "fields",
            "fields_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def inputs(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for truth in sorted(folder.glob("*.truth.yaml")):
        stem = truth.name.removesuffix(".truth.yaml")
        found = [p for p in folder.glob(stem + ".*") if p.suffix.lower() in SUPPORTED and p != truth]
        if found:
            pairs.append((found[0], truth))
    return pairs


def score_file(path: Path, truth_path: Path, schemas: Schemas) -> Score:
    truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
    try:
        got = import_report(path, "corpus", schemas)
    except (ImportFailed, ReadError) as error:
        return _refused(path, truth, str(error))
    meta = {**got.meta, "year": got.year}
    score = Score(form=str(truth.get("form") or got.summary.form))
    for name in FIELDS:
        if name in truth:
            score.fields += 1
            if str(meta.get(name)) == str(truth[name]):
                score.fields_right += 1
            else:
                score.misses.append(f"{path.name}: {name} {meta.get(name)!r} ≠ {truth[name]!r}")
    for name, want in truth["figures"].items():
        have = got.figures.get(name)
        score.figures += 1
        score.figures_right += have == want
        score.figures_wrong += have is not None and have != want
        if have != want:
            score.misses.append(f"{path.name}: figure {name} {have!r} ≠ {want!r}")
    for table_id, rows in (truth.get("tables") or {}).items():
        for row_id, cells in rows.items():
            have_row = got.tables.get(table_id, {}).get(row_id, [None] * len(cells))
            for i, want in enumerate(cells):
                have = have_row[i] if i < len(have_row) else None
                score.cells += 1
                score.cells_right += have == want
                score.cells_wrong += have is not None and have != want
                if have != want:
                    score.misses.append(f"{path.name}: {table_id}.{row_id}[{i}] {have!r} ≠ {want!r}")
    return score


def _refused(path: Path, truth: dict, why: str) -> Score:
    score = Score(form=str(truth.get("form") or "refused"), misses=[f"{path.name}: refused: {why}"])
    score.fields = sum(name in truth for name in FIELDS)
    score.figures = len(truth["figures"])
    score.figures_right = sum(want is None for want in truth["figures"].values())
    cells = [want for rows in (truth.get("tables") or {}).values() for row in rows.values() for want in row]
    score.cells = len(cells)
    score.cells_right = sum(want is None for want in cells)
    return score
