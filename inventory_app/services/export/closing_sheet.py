"""The Closing stock sheet of the Excel pack: stock by batch at the end of the period, with
location, expiry and age, and a total that equals the Summary's closing value.

It can be long: it streams row by row (see ``writer`` and ``cells``).
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

_TICK_EVERY = 2000


CLOSING_COLS = (
    Col("col.code"),
    Col("col.name"),
    Col("col.category"),
    Col("col.batch", width=16),
    Col("col.location", width=12),
    Col("col.received", "date"),
    Col("col.expiry", "date"),
    Col("col.age", "int"),
    Col("col.expires_in", "int"),
    Col("col.qty", "qty"),
    Col("col.unit_cost", "cost"),
    Col("col.value", "money"),
)


def write_closing(
    wb: Workbook,
    db: Database,
    *,
    lang: str,
    end: dt.date,
    whole: set[int],
    tick: Tick,
    widths: tuple[int, int, int] | None = None,
    batches: Iterable[tuple] | None = None,
) -> int:
    """Stock by batch at the end of the period with location, expiry and age; a SUM of
    the values below equals the Summary's closing value. Streamed from the database, or
    ``batches``: the rows of ``export_data.closing_batches`` when read elsewhere."""
    sw = SheetWriter(wb, label(lang, "sheet.closing"), CLOSING_COLS)
    headers = labels(lang, [c.key for c in CLOSING_COLS])
    at = min(end, dt.date.today())
    sku_w, name_w, category_w = widths or export_data.item_widths(db)
    sw.widths({0: sku_w, 1: min(name_w, 40), 2: category_w}, headers=headers)
    sw.freeze("C2")
    sw.header(headers)
    at_serial = int(excel_date(at.isoformat()))
    if batches is None:
        batches = export_data.closing_batches(db, at=end)
    if sw.takes_cells:
        n = _closing_cells(sw, batches, whole, at_serial, tick)
    else:
        n = _closing_rows(sw, batches, whole, at_serial, tick)
    tick(n % _TICK_EVERY)
    sw.end_data()
    total = Formula(f"=SUM(L2:L{sw.n})") if n else Formula("=0")
    sw.row([label(lang, "row.total")] + [None] * 10 + [total], style=ROW_TOTAL)
    sw.finish()
    return n


def _closing_rows(
    sw: SheetWriter, batches: Iterable[tuple], whole: set[int], at_serial: int, tick: Tick
) -> int:
    """The closing batches as rows of values (``SheetWriter.row``): the general path."""
    n = 0
    for r in batches:
        received = excel_date(r[6])
        expiry = excel_date(r[7]) if r[7] else None
        sw.row(
            (
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                received,
                expiry,
                at_serial - int(received),
                int(expiry) - at_serial if expiry else None,
                scaled(r[8], QTY_PLACES),
                scaled(r[9], COST_PLACES),
                scaled(r[10], MONEY_PLACES),
            ),
            whole=r[0] in whole,
        )
        n += 1
        if n % _TICK_EVERY == 0:
            tick(_TICK_EVERY)
    return n


def _closing_cells(
    sw: SheetWriter, batches: Iterable[tuple], whole: set[int], at_serial: int, tick: Tick
) -> int:
    """The same rows as ``_closing_rows``, of cells made ahead (see ``cells``; lookups per
    quantity kind made at its first row, as in the Movements)."""
    Column = cells.Column

    def lookups(w: bool) -> tuple:
        return (
            *(Column(sw, i, whole=w) for i in range(5)),
            Column(sw, 5, excel_date, whole=w),
            Column(sw, 6, lambda e: excel_date(e) if e else None, whole=w),
            Column(sw, 7, lambda d: at_serial - int(excel_date(d)), whole=w),
            Column(sw, 8, lambda e: int(excel_date(e)) - at_serial if e else None, whole=w),
            Column(sw, 9, lambda q: scaled(q, QTY_PLACES), whole=w),
            Column(sw, 10, lambda c: scaled(c, COST_PLACES), whole=w),
            cells.number_start(sw, 11, whole=w),
        )

    kinds = MadeOnce(lookups)
    end = cells.NUMBER_END

    def rows() -> Iterator[tuple[str, ...]]:
        for r in batches:
            sku, name, category, batch, location, received, expiry, age, left, qty, cost, value = (
                kinds[r[0] in whole]
            )
            yield (
                sku[r[1]],
                name[r[2]],
                category[r[3]],
                batch[r[4]],
                location[r[5]],
                received[r[6]],
                expiry[r[7]],
                age[r[6]],
                left[r[7]],
                qty[r[8]],
                cost[r[9]],
                value + scaled(r[10], MONEY_PLACES) + end,
            )

    return cells.put_in_chunks(sw, rows(), tick, _TICK_EVERY)
