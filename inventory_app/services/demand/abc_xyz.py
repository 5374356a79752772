"""The ABC–XYZ matrix: value (ABC by consumption) × demand variability (XYZ by the
coefficient of variation of monthly issues) — which items to watch closely, which to
automate, which to stock only on order (#16). Read from the monthly table: cheap."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain.margin import Margin
from inventory_app.services.analytics.abc import abc_report
from inventory_app.storage import demand as dq
from inventory_app.storage.db import Database

X_MAX_CV = 0.5  # steady: forecast and reorder automatically
Y_MAX_CV = 1.0  # varies: watch the safety stock; above: erratic (Z)


@dataclass(slots=True)
class AbcXyz:
    start: dt.date
    end: dt.date
    total: Decimal = Decimal(0)
    # "AX" -> (items, consumption value)
    cells: dict[str, tuple[int, Decimal]] = field(default_factory=dict)
    margin: Margin | None = None

    def share(self, cell: str) -> float:
        if self.total <= 0:
            return 0.0
        return float(self.cells.get(cell, (0, Decimal(0)))[1] / self.total)  # float ok: shown


def xyz_class(monthly: list[int]) -> str:
    """X, Y or Z from the coefficient of variation of the monthly quantities (zeros count)."""
    mean = sum(monthly) / len(monthly) if monthly else 0
    if mean <= 0:
        return "Z"
    cv = statistics.pstdev(monthly) / mean
    return "X" if cv <= X_MAX_CV else "Y" if cv <= Y_MAX_CV else "Z"


def _months(start: dt.date, end: dt.date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def abc_xyz(db: Database, *, start: dt.date, end: dt.date, with_margin: bool = True) -> AbcXyz:
    """Items that sold in the period, counted and valued per ABC × XYZ cell; with the
    shop's margin for the same period (the dashboard shows both)."""
    abc = abc_report(db, start=start, end=end)
    months = _months(start, end)
    issued = dq.monthly_issues(db.conn, months[0], months[-1])
    ids = {sku: i for i, sku in dq.item_ids(db.conn)}
    out = AbcXyz(start=start, end=end, total=abc.total)
    for row in abc.rows:
        if row.consumption <= 0:
            continue
        per_month = issued.get(ids.get(row.sku, -1), {})
        cell = row.abc_class + xyz_class([per_month.get(m, 0) for m in months])
        n, v = out.cells.get(cell, (0, Decimal(0)))
        out.cells[cell] = (n + 1, v + row.consumption)
    if with_margin:
        from inventory_app.services.demand.margin import margin_report

        out.margin = margin_report(db, start=start, end=end, by="category").total
    return out
