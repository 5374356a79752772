"""The detail sheets of the Excel pack: Movements, Closing stock, Stocktakes, Indicators.

Movements and Closing stock can be long; they stream row by row (see ``writer``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
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
    Num,
    display_width,
    excel_date,
    scaled,
    text_widths,
)
from inventory_app.services.export.writer import SheetWriter
from inventory_app.storage.db import Database

Tick = Callable[[int], None]
_TICK_EVERY = 2000

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


def item_widths(db: Database) -> tuple[int, int, int]:
    """Widest SKU, item name and category (display width), for column widths set before
    streaming (measured once per export: 10k names take a tenth of a second)."""
    sku = name = category = 0
    for s, n, c in export_data.item_texts(db):
        sku = max(sku, display_width(s))
        name = max(name, display_width(n))
        category = max(category, display_width(c))
    return sku, name, category


class _Scaled(dict):
    """Integer minor units -> exact number text (``style.scaled``), each distinct amount
    formatted once per sheet: quantities and unit costs repeat from row to row."""

    def __init__(self, places: int) -> None:
        super().__init__()
        self.places = places

    def __missing__(self, n: int) -> Num:
        text = self[n] = scaled(n, self.places)
        return text


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
    sku_w, name_w, _ = widths or item_widths(db)
    sw.widths({5: sku_w, 6: min(name_w, 40)}, headers=headers)
    sw.freeze("A2")
    sw.header(headers)
    types, buckets, reasons = _movement_words(lang)
    qtys, costs, values = _Scaled(QTY_PLACES), _Scaled(COST_PLACES), _Scaled(MONEY_PLACES)
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
_Amounts = tuple[_Scaled, _Scaled, _Scaled]


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

    kinds = cells.Lazy(lookups)
    end = cells.NUMBER_END
    first = sw.n  # the header's row
    rows: list[tuple[str, ...]] = []
    add = rows.append
    n = 0
    for r in lines:
        (
            date, number, kind, bucket, ref, sku, name, batch, location, qty, cost, value,
            reason, operator, note,
        ) = kinds[r[6] in whole]  # fmt: skip
        add(
            (
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
        )
        if len(rows) == _TICK_EVERY:
            n = sw.put(rows) - first
            rows.clear()
            tick(_TICK_EVERY)
    if rows:
        n = sw.put(rows) - first
    return n


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
    n = 0
    if batches is None:
        batches = export_data.closing_batches(db, at=end)
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
    tick(n % _TICK_EVERY)
    sw.end_data()
    total = Formula(f"=SUM(L2:L{sw.n})") if n else Formula("=0")
    sw.row([label(lang, "row.total")] + [None] * 10 + [total], style=ROW_TOTAL)
    sw.finish()
    return n


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
