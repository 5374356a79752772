"""The detail sheets of the Excel pack: Closing stock, Stocktakes, Indicators (Movements:
``movements_sheet``).

Closing stock can be long; it streams row by row (see ``writer`` and ``cells``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from openpyxl.workbook import Workbook

from inventory_app.domain.money import COST_PLACES, MONEY_PLACES, QTY_PLACES
from inventory_app.services import analytics
from inventory_app.services.export import cells
from inventory_app.services.export import data as export_data
from inventory_app.services.export.labels import label, labels
from inventory_app.services.export.sheets import SummaryCells
from inventory_app.services.export.style import (
    ROW_TOTAL,
    Col,
    Formula,
    display_width,
    excel_date,
    scaled,
    text_widths,
)
from inventory_app.services.export.writer import SheetWriter
from inventory_app.storage.db import Database

Tick = Callable[[int], None]
_TICK_EVERY = 2000


def item_widths(db: Database) -> tuple[int, int, int]:
    """Widest SKU, item name and category (display width), for column widths set before
    streaming (measured once per export: 10k names take a tenth of a second)."""
    sku = name = category = 0
    for s, n, c in export_data.item_texts(db):
        sku = max(sku, display_width(s))
        name = max(name, display_width(n))
        category = max(category, display_width(c))
    return sku, name, category


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
    sku_w, name_w, category_w = widths or item_widths(db)
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

    kinds = cells.Lazy(lookups)
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


STOCKTAKE_COLS = (
    Col("col.date", "date"),
    Col("col.stocktake", width=16),
    Col("col.type", width=10),
    Col("col.code"),
    Col("col.name"),
    Col("col.location", width=12),
    Col("col.batch", width=14),
    Col("col.book_qty", "qty"),
    Col("col.counted_qty", "qty"),
    Col("col.variance_qty", "qty"),
    Col("col.variance_value", "money"),
    Col("col.reason", width=14),
    Col("col.operator", width=10),
    Col("col.note", width=30),
)


def write_stocktakes(
    wb: Workbook,
    db: Database,
    *,
    lang: str,
    start: dt.date,
    end: dt.date,
    whole: set[int],
) -> int:
    """Stocktake variances posted in the period, with their reasons."""
    sw = SheetWriter(wb, label(lang, "sheet.stocktakes"), STOCKTAKE_COLS)
    headers = labels(lang, [c.key for c in STOCKTAKE_COLS])
    lines = export_data.stocktake_lines(db, start=start, end=end)
    widths = text_widths([(s.sku, s.name) for s in lines], (0, 1))
    sw.widths({3: widths.get(0, 0), 4: min(widths.get(1, 0), 40)}, headers=headers)
    sw.freeze("A2")
    sw.header(headers)
    for s in lines:
        sw.row(
            (
                s.date,
                s.stocktake,
                label(lang, f"type.{s.type}"),
                s.sku,
                s.name,
                s.location,
                s.batch,
                s.book_qty,
                s.counted_qty,
                s.qty,
                s.value,
                s.reason,
                s.operator,
                s.note,
            ),
            whole=s.item_id in whole,
        )
    sw.end_data()
    total = Formula(f"=SUM(K2:K{sw.n})") if lines else Formula("=0")
    sw.row([label(lang, "row.total")] + [None] * 9 + [total], style=ROW_TOTAL)
    sw.finish()
    return len(lines)


INDICATOR_COLS = (
    Col("col.indicator", width=36),
    Col("col.figure", "money", width=16),
    Col("col.band_min", "ratio", width=13),
    Col("col.band_max", "ratio", width=13),
    Col("col.status", width=10),
    Col("col.how", width=70),
)


def write_indicators(
    wb: Workbook,
    db: Database,
    *,
    lang: str,
    start: dt.date,
    end: dt.date,
    summary: SummaryCells,
) -> None:
    """The shop's indicators with their healthy ranges, as ``services.analytics`` computes
    them (the same figures as the app's dashboard)."""
    sw = SheetWriter(wb, label(lang, "sheet.indicators"), INDICATOR_COLS)
    headers = labels(lang, [c.key for c in INDICATOR_COLS])
    sw.widths(headers=headers)
    sw.freeze("A2")
    sw.no_filter()
    sw.header(headers)
    ind = analytics.indicators(db, start=start, end=end)
    status = ind.status()
    bands = ind.bands
    L = lambda key: label(lang, key)  # noqa: E731

    def band(name: str) -> tuple[Decimal | None, Decimal | None]:
        b = bands.get(name)
        return (b.low, b.high) if b else (None, None)

    rows: list[tuple[str, object, str, str, str]] = [
        ("turnover", ind.turnover, "ratio", "", "how.turnover"),
        ("annualized", ind.annualized, "ratio", "turnover", "how.annualized"),
        ("turnover_days", ind.turnover_days, "days", "turnover_days", "how.turnover_days"),
        ("capital_occupation", ind.capital_occupation, "pct", "capital_occupation",
         "how.capital_occupation"),
        ("loss_rate", ind.loss_rate, "pct", "loss_rate", "how.loss_rate"),
    ]  # fmt: skip
    for key, value, kind, band_key, how in rows:
        low, high = band(band_key) if band_key else (None, None)
        state = status.get(band_key, "") if band_key else ""
        sw.row(
            [L(f"ind.{key}"), value, low, high, L(f"status.{state}") if band_key else None, L(how)],
            kinds={1: kind, 2: kind, 3: kind},
        )
    sw.blank()
    # The money behind the ratios; COGS and the average read the Summary's totals.
    avg = Formula(f"=({summary.ref('F')}+{summary.ref('N')})/2")
    for key, value in (
        ("ind.cogs", Formula("=" + summary.ref("J"))),
        ("ind.average_value", avg),
        ("ind.losses", ind.losses),
        ("ind.current_assets", ind.current_assets),
    ):
        sw.row([L(key), value])
    sw.finish()
