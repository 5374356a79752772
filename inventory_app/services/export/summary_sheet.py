"""The Summary sheet of the Excel pack: one row per item (grouped by category), the period
summary's figures written as exact numbers; category subtotals and the grand total are SUM
formulas over them; turnover, turnover days and the check column (opening + receipts − COGS
+ adjustments − closing, which computes to 0) are formulas too, so an accountant can see
how every figure is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook import Workbook

from inventory_app.services.export.labels import label, labels
from inventory_app.services.export.style import (
    ROW_SUBTOTAL,
    ROW_TOTAL,
    Col,
    Formula,
    text_widths,
)
from inventory_app.services.export.writer import SheetWriter
from inventory_app.services.reports import Summary, SummaryRow

SUMMARY_COLS = (
    Col("col.code"),
    Col("col.name"),
    Col("col.category"),
    Col("col.unit", width=7),
    Col("col.opening_qty", "qty"),
    Col("col.opening_value", "money"),
    Col("col.in_qty", "qty"),
    Col("col.in_value", "money"),
    Col("col.out_qty", "qty"),
    Col("col.out_value", "money"),
    Col("col.adj_qty", "qty"),
    Col("col.adj_value", "money"),
    Col("col.closing_qty", "qty"),
    Col("col.closing_value", "money"),
    Col("col.turnover", "ratio"),
    Col("col.turnover_days", "days"),
    Col("col.check", "money"),
)
# Column letters of the Summary sheet (kept in step with SUMMARY_COLS).
QTY_COLS = ("E", "G", "I", "K", "M")
VALUE_COLS = ("F", "H", "J", "L", "N")
NUMBER_KEYS = (
    "opening_qty", "opening_value", "in_qty", "in_value", "out_qty", "out_value",
    "adj_qty", "adj_value", "closing_qty", "closing_value",
)  # fmt: skip
MAX_SUM_ARGS = 255  # Excel's limit on the arguments of one function


@dataclass(slots=True)
class SummaryCells:
    """Where the Summary sheet put its grand total (for the Cover and Indicators)."""

    sheet: str = ""
    total_row: int = 0
    item_rows: int = 0
    categories: list[str] = field(default_factory=list)

    def ref(self, column: str) -> str:
        return f"{quote_sheet(self.sheet)}!${column}${self.total_row}"


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _row_formulas(r: int, days: int) -> list[Formula]:
    avg = f"(F{r}+N{r})"
    return [
        Formula(f'=IF({avg}<=0,"",J{r}/({avg}/2))'),
        Formula(f'=IF(OR({avg}<=0,J{r}<=0),"",{days}*({avg}/2)/J{r})'),
        Formula(f"=ROUND(F{r}+H{r}-J{r}+L{r}-N{r},2)"),
    ]


def _sum_of(col: str, rows: list[int]) -> Formula:
    refs = [f"{col}{r}" for r in rows]
    parts = [
        "SUM(" + ",".join(refs[i : i + MAX_SUM_ARGS]) + ")"
        for i in range(0, len(refs), MAX_SUM_ARGS)
    ]
    return Formula("=" + "+".join(parts) if parts else "=0")


class _Ticks:
    """Counts item rows and reports them to ``tick`` in steps of ``every``."""

    def __init__(self, tick: Callable[[int], None], every: int = 500) -> None:
        self.tick = tick
        self.every = every
        self.done = 0

    def one(self) -> None:
        self.done += 1
        if self.done % self.every == 0:
            self.tick(self.every)

    def rest(self) -> None:
        self.tick(self.done % self.every)


def write_summary(
    wb: Workbook,
    summary: Summary,
    *,
    lang: str,
    whole: set[str],
    tick: Callable[[int], None],
) -> SummaryCells:
    """``summary`` by item; ``whole``: SKUs whose quantities show no decimals; ``tick(n)``
    reports rows written (and may raise ``Cancelled``)."""
    title = label(lang, "sheet.summary")
    sw = SheetWriter(wb, title, SUMMARY_COLS)
    headers = labels(lang, [c.key for c in SUMMARY_COLS])
    days = (summary.end - summary.start).days + 1
    no_cat = label(lang, "row.no_category")
    groups: dict[str, list[SummaryRow]] = {}
    for row in summary.rows:
        groups.setdefault(row.category.strip(), []).append(row)
    order = sorted(groups, key=lambda c: (c == "", c.casefold()))
    sample = [(r.key, r.name, r.category or no_cat, r.unit) for r in summary.rows]
    sw.widths(text_widths(sample, (0, 1, 2, 3)), headers=headers)
    sw.freeze("C2")
    sw.header(headers)
    cells = SummaryCells(sheet=title, categories=[c or no_cat for c in order])
    subtotal_rows: list[int] = []
    units_all: set[str] = set()
    whole_all = True
    ticks = _Ticks(tick)
    for cat in order:
        rows = sorted(groups[cat], key=lambda r: r.key.casefold())
        n, units, cat_whole = _write_category(
            sw, rows, lang=lang, name=cat or no_cat, days=days, whole=whole, ticks=ticks
        )
        subtotal_rows.append(n)
        units_all |= units
        whole_all = whole_all and cat_whole
    ticks.rest()
    sw.end_data()
    cells.total_row = _write_grand_total(
        sw, subtotal_rows, lang=lang, days=days, units=units_all, whole=whole_all
    )
    cells.item_rows = ticks.done
    # a check that is not zero shows red
    sw.ws.conditional_formatting.add(
        f"Q2:Q{cells.total_row}",
        CellIsRule(
            operator="notEqual",
            formula=["0"],
            font=Font(color="9C0006", bold=True),
            fill=PatternFill("solid", bgColor="FFC7CE"),
        ),
    )
    sw.finish()
    return cells


def _write_category(
    sw: SheetWriter,
    rows: list[SummaryRow],
    *,
    lang: str,
    name: str,
    days: int,
    whole: set[str],
    ticks: _Ticks,
) -> tuple[int, set[str], bool]:
    """One category's item rows and its subtotal row (quantities summed only when the
    items share one unit); returns the subtotal's row, the units and whether every item
    shows whole quantities."""
    first = sw.n + 1
    for r in rows:
        n = sw.n + 1
        # without a category, the item shows the group's name: "(no category)"
        values: list[object] = [r.key, r.name, r.category or name, r.unit]
        values += [getattr(r, k) for k in NUMBER_KEYS]
        values += _row_formulas(n, days)
        sw.row(values, whole=r.key in whole)
        ticks.one()
    last = sw.n
    n = sw.n + 1
    units = {r.unit for r in rows}
    unit = next(iter(units)) if len(units) == 1 else None
    values = [label(lang, "row.subtotal"), name, None, unit]
    for q, v in zip(QTY_COLS, VALUE_COLS, strict=True):
        values += [Formula(f"=SUM({q}{first}:{q}{last})") if unit is not None else None]
        values += [Formula(f"=SUM({v}{first}:{v}{last})")]
    values += _row_formulas(n, days)
    cat_whole = all(r.key in whole for r in rows)
    sw.row(values, style=ROW_SUBTOTAL, whole=cat_whole)
    return n, units, cat_whole


def _write_grand_total(
    sw: SheetWriter, subtotal_rows: list[int], *, lang: str, days: int, units: set[str], whole: bool
) -> int:
    """The grand total row, summing the subtotals; returns its row number."""
    n = sw.n + 1
    one_unit = len(units) == 1
    values = [label(lang, "row.total"), None, None, next(iter(units)) if one_unit else None]
    for q, v in zip(QTY_COLS, VALUE_COLS, strict=True):
        values += [_sum_of(q, subtotal_rows) if one_unit else None, _sum_of(v, subtotal_rows)]
    values += _row_formulas(n, days)
    sw.row(values, style=ROW_TOTAL, whole=whole)
    return n
