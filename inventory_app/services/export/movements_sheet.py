"""The Movements sheet of the Excel pack: every movement line of the period, one row per
batch touched, streamed (see ``writer`` and ``cells``), with SUMIF totals per summary column
below that reconcile with the Summary sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from openpyxl.workbook import Workbook

from inventory_app.domain.money import COST_PLACES, MONEY_PLACES, QTY_PLACES
from inventory_app.services.export import cells
from inventory_app.services.export import data as export_data
from inventory_app.services.export.cells import Tick
from inventory_app.services.export.labels import label, labels
from inventory_app.services.export.style import ROW_TOTAL, Col, Formula, excel_date, scaled
from inventory_app.services.export.writer import SheetWriter
from inventory_app.services.progress import MadeOnce
from inventory_app.storage.db import Database

_TICK_EVERY = 2000  # rows between progress reports (and Cancel checks)

MOVEMENT_COLS = (
    Col("col.date", "date"),
    Col("col.no", "int"),
    Col("col.type", width=11),
    Col("col.bucket", width=12),
    Col("col.reference", width=14),
    Col("col.code"),
    Col("col.name"),
    Col("col.batch", width=16),
    Col("col.location", width=12),
    Col("col.qty", "qty"),
    Col("col.unit_cost", "cost"),
    Col("col.value", "money"),
    Col("col.reason", width=10),
    Col("col.operator", width=10),
    Col("col.note", width=30),
)


def _scaled(places: int) -> MadeOnce:
    """Integer minor units -> exact number text (``style.scaled``), each distinct amount
    formatted once per sheet: quantities and unit costs repeat from row to row."""
    return MadeOnce(lambda n: scaled(n, places))


def _movement_words(lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Movement types, summary buckets and write-off reasons in ``lang``."""
    kinds = ("receipt", "issue", "writeoff", "adjust", "transfer", "stocktake", "reversal")
    types = {t: label(lang, f"type.{t}") for t in kinds}
    buckets = {b: label(lang, f"bucket.{b}") for b in ("in", "out", "adj", "xfer")}
    reasons = {r: label(lang, f"reason.{r}") for r in
               ("damaged", "expired", "lost", "sample", "other")}  # fmt: skip
    return types, buckets, reasons


def _movement_totals(sw: SheetWriter, lang: str, buckets: dict[str, str], n: int) -> None:
    """Below the rows: a SUMIF of the values per summary bucket (COGS negated, as on the
    Summary), so each total reconciles with a Summary column."""
    last = sw.n
    sw.blank()
    for key, bucket, sign in (
        ("row.total_in", "in", ""),
        ("row.total_out", "out", "-"),
        ("row.total_adj", "adj", ""),
        ("row.total_xfer", "xfer", ""),
    ):
        if n:
            f = Formula(f'={sign}SUMIF($D$2:$D${last},"{buckets[bucket]}",$L$2:$L${last})')
        else:
            f = Formula("=0")
        sw.row([None] * 6 + [label(lang, key)] + [None] * 4 + [f], style=ROW_TOTAL)


def write_movements(
    wb: Workbook,
    db: Database,
    *,
    lang: str,
    start: dt.date,
    end: dt.date,
    whole: set[int],
    tick: Tick,
    widths: tuple[int, int, int] | None = None,
) -> int:
    """Every movement line of the period, one row per batch touched; returns rows written.
    Below the rows, SUMIF totals per summary column reconcile with the Summary sheet."""
    sw = SheetWriter(wb, label(lang, "sheet.movements"), MOVEMENT_COLS)
    headers = labels(lang, [c.key for c in MOVEMENT_COLS])
    sku_w, name_w, _ = widths or export_data.item_widths(db)
    sw.widths({5: sku_w, 6: min(name_w, 40)}, headers=headers)
    sw.freeze("A2")
    sw.header(headers)
    types, buckets, reasons = _movement_words(lang)
    qtys, costs, values = _scaled(QTY_PLACES), _scaled(COST_PLACES), _scaled(MONEY_PLACES)
    names = export_data.item_names(db), export_data.location_names(db)
    lines = export_data.movement_lines(db, start=start, end=end)
    words = types, buckets, reasons
    if sw.takes_cells:
        n = _movement_cells(sw, lines, whole, words, names, (qtys, costs, values), tick)
    else:
        n = _movement_rows(sw, lines, whole, words, names, (qtys, costs, values), tick)
    tick(n % _TICK_EVERY)
    sw.end_data()
    _movement_totals(sw, lang, buckets, n)
    sw.finish()
    return n


_Words = tuple[dict[str, str], dict[str, str], dict[str, str]]
_Names = tuple[dict[int, tuple[str, str]], dict[int, str]]  # items (SKU, name), locations
_Amounts = tuple[MadeOnce, MadeOnce, MadeOnce]  # minor units -> number text


def _movement_rows(
    sw: SheetWriter, lines: Iterable[tuple], whole: set[int], words: _Words, names: _Names,
    amounts: _Amounts, tick: Tick,
) -> int:  # fmt: skip
    """The movement lines as rows of values (``SheetWriter.row``): the general path."""
    types, buckets, reasons = words
    items, locations = names
    qtys, costs, values = amounts
    row = sw.row
    n = 0
    for r in lines:
        reason = r[12]
        sku, name = items[r[6]]
        row(
            (
                excel_date(r[0]),
                r[1],
                types.get(r[2], r[2]),
                buckets.get(r[3], r[3]),
                r[4] or r[5],
                sku,
                name,
                r[7],
                locations[r[8]],
                qtys[r[9]],
                costs[r[11]],
                values[r[10]],
                reasons.get(reason, reason) if reason else None,
                r[13],
                r[14] or r[15],
            ),
            whole=r[6] in whole,
        )
        n += 1
        if n % _TICK_EVERY == 0:
            tick(_TICK_EVERY)
    return n


def _movement_cells(
    sw: SheetWriter, lines: Iterable[tuple], whole: set[int], words: _Words, names: _Names,
    amounts: _Amounts, tick: Tick,
) -> int:  # fmt: skip
    """The same rows as ``_movement_rows``, of cells made ahead (``cells``): one lookup per
    cell keyed by the value read; the movement number and the value (nearly all distinct)
    are written into a number cell's text; rows go out a few thousand at a time. The hot
    loop: kept flat.

    Whole and decimal quantity rows each have their own lookups, made at the first row of
    their kind: a style is registered with the workbook when ``row`` would register it, so
    the style ids are ``row``'s too."""
    types, buckets, reasons = words
    items, locations = names
    qtys, costs, values = amounts
    Column = cells.Column

    def lookups(w: bool) -> tuple:
        return (
            Column(sw, 0, excel_date, whole=w),
            cells.number_start(sw, 1, whole=w),
            Column(sw, 2, lambda t: types.get(t, t), whole=w),
            Column(sw, 3, lambda b: buckets.get(b, b), whole=w),
            Column(sw, 4, whole=w),
            Column(sw, 5, lambda i: items[i][0], whole=w),
            Column(sw, 6, lambda i: items[i][1], whole=w),
            Column(sw, 7, whole=w),
            Column(sw, 8, locations.__getitem__, whole=w),
            Column(sw, 9, qtys.__getitem__, whole=w),
            Column(sw, 10, costs.__getitem__, whole=w),
            cells.number_start(sw, 11, whole=w),
            Column(sw, 12, lambda x: reasons.get(x, x) if x else None, whole=w),
            Column(sw, 13, whole=w),
            Column(sw, 14, whole=w),
        )

    kinds = MadeOnce(lookups)
    end = cells.NUMBER_END

    def rows() -> Iterator[tuple[str, ...]]:
        for r in lines:
            (
                date, number, kind, bucket, ref, sku, name, batch, location, qty, cost, value,
                reason, operator, note,
            ) = kinds[r[6] in whole]  # fmt: skip
            yield (
                date[r[0]],
                number + str(r[1]) + end,
                kind[r[2]],
                bucket[r[3]],
                ref[r[4] or r[5]],
                sku[r[6]],
                name[r[6]],
                batch[r[7]],
                location[r[8]],
                qty[r[9]],
                cost[r[11]],
                value + values[r[10]] + end,
                reason[r[12]],
                operator[r[13]],
                note[r[14] or r[15]],
            )

    return cells.put_in_chunks(sw, rows(), tick, _TICK_EVERY)
