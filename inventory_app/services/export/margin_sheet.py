"""The month pack's margin sheet (#16): revenue, gross margin, margin rate and GMROI per
category and for the shop, with the share of the cost of goods sold that had a price."""

from __future__ import annotations

import datetime as dt

from inventory_app.services.demand import margin_report
from inventory_app.services.export.labels import label
from inventory_app.services.export.style import ROW_TOTAL, Col
from inventory_app.services.export.writer import SheetWriter
from inventory_app.services.reports import Summary
from inventory_app.storage.db import Database

MARGIN_COLS = (
    Col("col.category", width=20),
    Col("margin.revenue", "money"),
    Col("margin.cogs", "money"),
    Col("margin.gross_margin", "money"),
    Col("margin.rate", "pct"),
    Col("margin.average_inventory", "money"),
    Col("margin.gmroi", "ratio"),
    Col("margin.priced_share", "pct"),
)
WORDS = {
    "en": {
        "col.category": "Category", "margin.revenue": "Revenue (priced issues)",
        "margin.cogs": "Cost of goods sold", "margin.gross_margin": "Gross margin",
        "margin.rate": "Margin rate", "margin.average_inventory": "Average inventory",
        "margin.gmroi": "GMROI", "margin.priced_share": "Priced share of COGS",
        "total": "Total",
        "note": "Gross margin = revenue − cost of the issues that had a selling price; GMROI ="
                " gross margin ÷ average inventory at cost ((opening + closing) ÷ 2).",
    },
    "zh": {
        "col.category": "类别", "margin.revenue": "销售额（有售价的出库）",
        "margin.cogs": "销售成本", "margin.gross_margin": "毛利", "margin.rate": "毛利率",
        "margin.average_inventory": "平均库存", "margin.gmroi": "存货毛利回报率 (GMROI)",
        "margin.priced_share": "有售价的成本占比", "total": "合计",
        "note": "毛利 = 销售额 − 有售价出库的销售成本；存货毛利回报率 = 毛利 ÷ 平均库存"
                "（按成本，（期初 + 期末）÷ 2）。",
    },
}  # fmt: skip


def write_margin(
    wb: object,
    db: Database,
    *,
    lang: str,
    start: dt.date,
    end: dt.date,
    summary: Summary | None = None,
) -> int:
    """One row per category and the shop's total; returns the category rows written.
    ``summary``: the period's summary by item, when the pack has it already."""
    words = WORDS.get(lang, WORDS["en"])
    sw = SheetWriter(wb, label(lang, "sheet.margin"), MARGIN_COLS)  # type: ignore[arg-type]
    headers = [words[c.key] for c in MARGIN_COLS]
    sw.widths(headers=headers)
    sw.freeze("B2")
    sw.header(headers)
    rep = margin_report(db, start=start, end=end, by="category", summary=summary)
    for m in [*rep.rows, rep.total]:
        values = [
            words["total"] if m is rep.total else m.key, m.revenue, m.cogs, m.gross_margin,
            m.margin_rate, m.average_inventory, m.gmroi, m.priced_share,
        ]  # fmt: skip
        if m is rep.total:
            sw.end_data()
            sw.row(values, style=ROW_TOTAL)
        else:
            sw.row(values)
    sw.blank()
    sw.row([words["note"]])
    sw.finish()
    return len(rep.rows)
