"""The Indicators sheet of the Excel pack: turnover, turnover days, capital occupation and
loss rate with their healthy ranges, and the money behind the ratios.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl.workbook import Workbook

from inventory_app.services import analytics
from inventory_app.services.export.labels import label, labels
from inventory_app.services.export.style import Col, Formula
from inventory_app.services.export.summary_sheet import SummaryCells
from inventory_app.services.export.writer import SheetWriter
from inventory_app.storage.db import Database

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
