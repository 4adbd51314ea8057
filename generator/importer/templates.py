"""Each standard table in the template its own labels match, whatever the report's year: real reports
mix them (a 2020 report with a 2021-style Table 1, a 2022 report printed wholly on the 2019 template;
report-formats §1). The report's format is then the one its distinguishing tables vote for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.importer.grid import Grid
from generator.importer.labels import LabelIndex, norm
from generator.importer.tables import Cells, derive_figures, held_figures, map_tables
from generator.model.schema import Schemas, format_for_year


@dataclass(frozen=True)
class TablesRead:
    format: str  # the report's format: what most tables that tell the templates apart match
    tables: dict[str, dict[str, Cells]]  # table id → row id → cells, in the table's own template
    formats: dict[str, str]  # table id → its template
    filled: int
    warnings: tuple[str, ...]
    unmapped: tuple[str, ...]
    figures: dict[str, int | float]  # the key figures read from the tables (every cell they need was read)
    held: frozenset = frozenset()  # the key figures the imported tables hold, read or not


def read_standard_tables(
    grids: list[Grid],
    schemas: Schemas,
    indexes: dict[str, LabelIndex],
    year: int,
    notes: list[str] | None = None,
    unread: set[str] | None = None,
) -> TablesRead | None:
    """None when no table is recognised in any template. `notes` receives why a table whose labels were
    seen was not imported (too few rows read), in the template its own labels point to; `unread` the key
    figures such a table holds (the prose may contradict the table: it does not stand in for it)."""
    results = {fid: map_tables(grids, schemas[fid], index) for fid, index in indexes.items()}
    seen = {norm(c) for g in grids for row in g.rows for c in row}
    order = _table_order(schemas)
    every = sorted({t for r in results.values() for t in (*r.tables, *r.warnings)}, key=order)
    specific = {t: _specific_seen(indexes, t, seen) for t in every}
    # a table whose own labels point to a template that could not read it is not read in another one
    # (an f2019 Table 1 is not an f2021 one because f2021's rows happen to fit some of its cells)
    table_ids = [t for t in every if _ranked(results, specific[t], t)]
    for table_id in (t for t in every if t not in table_ids and notes is not None):
        by_labels = max(results, key=lambda fid: (specific[table_id].get(fid, 0), fid == year_format(schemas, year)))
        notes += [w for w in results[by_labels].warnings.get(table_id, []) if "未导入此表" in w]
        if unread is not None:
            unread |= held_figures(schemas[by_labels], {table_id})
    if not table_ids:
        return None
    ranked = {t: _ranked(results, specific[t], t) for t in table_ids}
    votes = Counter(best[0] for best in ranked.values() if len(best) == 1)
    by_year = format_for_year(schemas, year)
    fmt_id = _report_format(votes, by_year.id if by_year else "", ranked)
    formats = {t: fmt_id if fmt_id in best else best[0] for t, best in ranked.items()}
    return _tables_read(results, formats, fmt_id, schemas)


def _tables_read(results: dict, formats: dict[str, str], fmt_id: str, schemas: Schemas) -> TablesRead:
    """Each table as read in its own template (`formats`: table id → format id)."""
    warnings = [w for t, f in formats.items() for w in results[f].warnings.get(t, [])]
    if len(set(formats.values())) > 1:
        mixed = "、".join(f"{schemas[f].table(t).number}为 {f}" for t, f in formats.items())
        warnings.insert(0, f"各表所用模板不同（{mixed}），已按各表自己的栏目读入，请核对原件")
    figures: dict[str, int | float] = {}
    held: set[str] = set()
    for table_id, fid in formats.items():
        figures.update(derive_figures(schemas[fid], {table_id: results[fid].tables[table_id]}))
        held |= held_figures(schemas[fid], {table_id})
    return TablesRead(
        fmt_id,
        {t: results[f].tables[t] for t, f in formats.items()},
        formats,
        sum(results[f].filled.get(t, 0) for t, f in formats.items()),
        tuple(warnings),
        tuple(results[fmt_id].unmapped if fmt_id in results else ()),
        figures,
        frozenset(held),
    )


def year_format(schemas: Schemas, year: int) -> str:
    fmt = format_for_year(schemas, year)
    return fmt.id if fmt else ""


def _table_order(schemas: Schemas):
    order = {t.id: i for fmt in schemas.values() for i, t in enumerate(fmt.tables)}
    return lambda table_id: order.get(table_id, len(order))


def _specific_seen(indexes: dict[str, LabelIndex], table_id: str, seen: set[str]) -> dict[str, int]:
    """Per format, how many of this table's labels that only that format prints (本年制发件数,
    政府集中采购, 3.其他 …) the grids hold: what tells the templates apart. Cells are no help here: an
    f2021 row `行政处罚 | 14 | | |` fits an f2019 row of three cells once its span is read as blanks."""
    own = {
        fid: {k for k, labs in ix.labels.items() if any(lab.table == table_id for lab in labs)}
        for fid, ix in indexes.items()
    }
    return {
        fid: len((keys - set().union(*(v for f, v in own.items() if f != fid))) & seen) for fid, keys in own.items()
    }


def _ranked(results: dict, specific: dict[str, int], table_id: str) -> list[str]:
    """The formats that read this table best: most labels of their own, then most rows with the right
    number of cells, then most cells."""
    most = max(specific.values(), default=0)
    scores = {
        fid: (specific.get(fid, 0), r.rows_found.get(table_id, 0), r.filled.get(table_id, 0))
        for fid, r in results.items()
        if table_id in r.tables and specific.get(fid, 0) == most
    }
    if not scores:
        return []
    top = max(scores.values())
    return sorted(fid for fid, score in scores.items() if score == top)


def _report_format(votes: Counter, by_year: str, ranked: dict[str, list[str]]) -> str:
    if votes:
        most = max(votes.values())
        leaders = sorted(f for f, n in votes.items() if n == most)
        return by_year if by_year in leaders else leaders[0]
    tied = set.intersection(*(set(best) for best in ranked.values()))
    return by_year if by_year in tied else sorted(tied or {next(iter(ranked.values()))[0]})[0]
