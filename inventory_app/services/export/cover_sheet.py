"""The Cover sheet of the Excel pack: who, which period, how valued, the totals (formulas
reading the Summary's grand total) and what each sheet holds.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.workbook import Workbook

from inventory_app.services.export.labels import label
from inventory_app.services.export.style import ROW_LABEL, ROW_TITLE, ROW_TOTAL, Col, Formula
from inventory_app.services.export.summary_sheet import SummaryCells
from inventory_app.services.export.writer import SheetWriter

COVER_COLS = (
    Col("cover.label", width=40),
    Col("cover.value", width=28),
    Col("cover.note", width=56),
)


def write_cover(
    wb: Workbook,
    *,
    lang: str,
    title: str,
    shop: str,
    currency: str,
    start: dt.date,
    end: dt.date,
    generated: dt.datetime,
    summary: SummaryCells,
    sheets: list[tuple[str, str]],
) -> None:
    """The first sheet: who, which period, how valued, the totals (formulas reading the
    Summary's grand total) and what each sheet holds."""
    sw = SheetWriter(wb, label(lang, "sheet.cover"), COVER_COLS)
    sw.widths()
    sw.no_filter()
    L = lambda key: label(lang, key)  # noqa: E731
    sw.row([title], style=ROW_TITLE)
    sw.blank()
    sw.row([L("cover.shop"), shop])
    sw.row([L("cover.from"), start], kinds={1: "date"})
    sw.row([L("cover.to"), end], kinds={1: "date"})
    sw.row([L("cover.days"), (end - start).days + 1], kinds={1: "int"})
    sw.row([L("cover.valuation"), L("cover.valuation_value")])
    sw.row([L("cover.currency"), currency])
    sw.row([L("cover.generated"), generated], kinds={1: "datetime"})
    sw.blank()
    sw.row([L("cover.totals")], style=ROW_LABEL)
    first = sw.n + 1
    for key, col in (
        ("col.opening_value", "F"),
        ("col.in_value", "H"),
        ("col.out_value", "J"),
        ("col.adj_value", "L"),
        ("col.closing_value", "N"),
    ):
        sw.row([L(key), Formula("=" + summary.ref(col))], kinds={1: "money"})
    b = [f"B{first + i}" for i in range(5)]
    sw.row(
        [L("cover.check"), Formula(f"=ROUND({b[0]}+{b[1]}-{b[2]}+{b[3]}-{b[4]},2)")],
        style=ROW_TOTAL,
        kinds={1: "money"},
    )
    sw.blank()
    sw.row([L("cover.contents")], style=ROW_LABEL)
    for name, note in sheets:
        sw.row([None, name, note])
    sw.blank()
    sw.row([L("cover.sign")])
    sw.finish()
