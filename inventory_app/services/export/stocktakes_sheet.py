"""The Stocktakes sheet of the Excel pack: the stocktake variances posted in the period,
with their reasons.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.workbook import Workbook

from inventory_app.services.export import data as export_data
from inventory_app.services.export.labels import label, labels
from inventory_app.services.export.style import ROW_TOTAL, Col, Formula, text_widths
from inventory_app.services.export.writer import SheetWriter
from inventory_app.storage.db import Database

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
