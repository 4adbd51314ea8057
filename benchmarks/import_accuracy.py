"""Accuracy of `xxgk import` over a folder of inputs with ground-truth files (<name>.truth.yaml).

    python benchmarks/import_accuracy.py [FOLDER]    # default: tests/import_corpus

Prints per file, per form (the truth file's `form:`, else the form the importer recognised: tsv, pipe,
oneline, docx, html, traditional, mixed-templates, prose …) and in total: table cells right / wrong (a
different number) / missed, key figures right / wrong, metadata fields right. Exit 1 if any cell or
figure is wrong.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from generator.importer.accuracy import Score, inputs, score_file
from generator.model.schema import load_schemas

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "import_corpus"


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f}%)" if total else "—"


def _line(score: Score) -> str:
    return (
        f"cells {_pct(score.cells_right, score.cells):>18}  "
        f"figures {_pct(score.figures_right, score.figures):>14}  fields {_pct(score.fields_right, score.fields)}"
    )


def _unreadable_misses(score: Score, truth: Path) -> list[str]:
    """Misses in rows the truth file lists as `unreadable:` (tests/test_import.py requires them blank)."""
    rows = (yaml.safe_load(truth.read_text(encoding="utf-8")) or {}).get("unreadable") or []
    return [m for m in score.misses if " None ≠ " in m and any(f": {row}[" in m for row in rows)]


def main(folder: Path) -> int:
    schemas = load_schemas()
    total = Score()
    forms: dict[str, Score] = {}
    started = time.perf_counter()
    pairs = inputs(folder)
    unreadable = 0
    for path, truth in pairs:
        score = score_file(path, truth, schemas)
        total.add(score)
        unreadable += len(_unreadable_misses(score, truth))
        forms.setdefault(score.form, Score(form=score.form)).add(score)
        print(f"{path.name:40} {_line(score)}")
    seconds = time.perf_counter() - started
    print(f"\n{len(pairs)} files in {seconds:.2f} s\n\nper form:")
    for form, score in sorted(forms.items()):
        print(f"  {form:20} {_line(score)}  wrong {score.cells_wrong + score.figures_wrong}")
    print()
    print(
        f"table cells: right {_pct(total.cells_right, total.cells)}, wrong {total.cells_wrong}, "
        f"missed {total.cells - total.cells_right - total.cells_wrong}, of which {unreadable} in rows the truth "
        f"files mark unreadable (digits with more than one reading: left blank on purpose)"
    )
    print(
        f"key figures: right {_pct(total.figures_right, total.figures)}, wrong {total.figures_wrong}, "
        f"missed {total.figures - total.figures_right - total.figures_wrong}"
    )
    print(f"fields (year, format, published, organ, index_no): right {_pct(total.fields_right, total.fields)}")
    for miss in total.misses:
        print("  miss:", miss)
    return 1 if total.cells_wrong or total.figures_wrong else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
