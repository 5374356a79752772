"""Stock on hand and period summaries as Decimal rows (what the CLI, UI and Excel show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import limits
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
from inventory_app.storage.db import Database
from inventory_app.storage.reads import stock as queries

ZQ = Decimal("0.000")
ZM = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class BatchStock:
    sku: str
    name: str
    unit: str
    batch: str
    location: str
    expiry: dt.date | None
    received: dt.date
    unit_cost: Decimal
    qty: Decimal
    value: Decimal
    category: str = ""


@dataclass(frozen=True, slots=True)
class ItemStock:
    sku: str
    name: str
    unit: str
    category: str
    qty: Decimal
    value: Decimal


def stock_by_batch(db: Database, *, at: dt.date | None = None) -> list[BatchStock]:
    """Batches holding stock at the end of day ``at`` (None or today: now)."""
    if at is not None:
        limits.check_date(at)
    if at is not None and at >= dt.date.today():
        at = None
    return [_batch_stock(r) for r in queries.batches_at(db.conn, at)]


def _batch_stock(r: tuple) -> BatchStock:
    """A row of ``queries.batches_at`` (sku, name, unit, code, location, expiry, unit_cost,
    received, qty, value, batch_id, category; amounts in minor units) -> a BatchStock."""
    return BatchStock(
        sku=r[0],
        name=r[1],
        unit=r[2],
        batch=r[3],
        location=r[4],
        expiry=dt.date.fromisoformat(r[5]) if r[5] else None,
        unit_cost=cost_from_int(r[6]),
        received=dt.date.fromisoformat(r[7]),
        qty=qty_from_int(r[8]),
        value=money_from_int(r[9]),
        category=r[11],
    )


def stock_by_item(db: Database, *, at: dt.date | None = None) -> list[ItemStock]:
    """Items holding stock at the end of day ``at`` (None or today: now), by SKU."""
    if at is not None:
        limits.check_date(at)
    if at is None or at >= dt.date.today():
        bal = queries.current_balances(db.conn)
    else:
        bal = queries.balances(db.conn, at)
    names = queries.item_rows(db.conn, set(bal))
    rows = [
        ItemStock(
            sku=names[i][0],
            name=names[i][1],
            category=names[i][2],
            unit=names[i][3],
            qty=qty_from_int(q),
            value=money_from_int(v),
        )
        for i, (q, v) in bal.items()
        if q or v
    ]
    rows.sort(key=lambda r: r.sku)
    return rows


def stock_value(db: Database) -> Decimal:
    """The value of all stock on hand now."""
    return money_from_int(queries.total_value(db.conn))


NUMERIC_KEYS = (
    "opening_qty",
    "opening_value",
    "in_qty",
    "in_value",
    "out_qty",
    "out_value",
    "adj_qty",
    "adj_value",
    "closing_qty",
    "closing_value",
)


@dataclass(slots=True)
class SummaryRow:
    """One line of the period summary. ``key`` is the SKU or the category."""

    key: str
    name: str = ""
    category: str = ""
    unit: str = ""
    opening_qty: Decimal = ZQ
    opening_value: Decimal = ZM
    in_qty: Decimal = ZQ
    in_value: Decimal = ZM
    out_qty: Decimal = ZQ
    out_value: Decimal = ZM
    adj_qty: Decimal = ZQ
    adj_value: Decimal = ZM
    closing_qty: Decimal = ZQ
    closing_value: Decimal = ZM

    def add(self, other: SummaryRow) -> None:
        for k in NUMERIC_KEYS:
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass(slots=True)
class Summary:
    start: dt.date
    end: dt.date
    by: str
    rows: list[SummaryRow] = field(default_factory=list)
    totals: SummaryRow = field(default_factory=lambda: SummaryRow(key="total"))


def check_period(start: dt.date, end: dt.date) -> None:
    """Refuse a period that ends before it starts, or reaches outside the dates kept."""
    limits.check_date(start)
    limits.check_date(end)
    if end < start:
        raise ValidationError("reports.period_ends_before_start", start=start, end=end)


def period_summary(db: Database, *, start: dt.date, end: dt.date, by: str = "item") -> Summary:
    """Opening, in (receipts), out (cost of goods sold), adj (signed), closing for the days
    ``start``..``end`` inclusive. opening + in - out + adj = closing on every row."""
    if by not in ("item", "category"):
        raise ValidationError("reports.summary_by", by=by)
    check_period(start, end)
    conn = db.conn
    opening = queries.flows(conn, None, start - dt.timedelta(days=1))
    period = queries.flows(conn, start, end)
    names = queries.item_rows(conn)
    # Sums stay in minor units (ints) and become Decimal once per row shown: the same figures
    # as adding Decimals (exact, all of one exponent), at a fraction of the cost on 10k items.
    sums: dict[str, tuple[str, str, str, list[int]]] = {}
    no_flows = [0] * 6
    for item_id in set(opening) | set(period):
        o = opening.get(item_id, no_flows)
        p = period.get(item_id, no_flows)
        oq, ov = o[0] - o[2] + o[4], o[1] - o[3] + o[5]
        if not (oq or ov or any(p)):
            continue
        sku, name, category, unit = names[item_id]
        figures = [oq, ov, *p, oq + p[0] - p[2] + p[4], ov + p[1] - p[3] + p[5]]
        if by == "item":
            sums[sku] = (name, category, unit, figures)
        elif category in sums:
            _add_into(sums[category][3], figures)
        else:
            sums[category] = ("", category, "", figures)
    total = [0] * len(NUMERIC_KEYS)
    rows = []
    qty = _Quantities()
    for key in sorted(sums):
        name, category, unit, figures = sums[key]
        _add_into(total, figures)
        rows.append(_summary_row(key, name, category, unit, figures, qty))
    totals = _summary_row("total", "", "", "", total, qty)
    return Summary(start=start, end=end, by=by, rows=rows, totals=totals)


class _Quantities(dict):
    """Quantities in thousandths -> Decimal, each converted once: a summary's 40k quantities
    take ~1k distinct values (its money values are nearly all distinct)."""

    def __missing__(self, n: int) -> Decimal:
        q = self[n] = qty_from_int(n)
        return q


def _add_into(acc: list[int], figures: list[int]) -> None:
    for i, x in enumerate(figures):
        acc[i] += x


def _summary_row(
    key: str, name: str, category: str, unit: str, f: list[int], qty: _Quantities
) -> SummaryRow:
    """A row from its figures in NUMERIC_KEYS order, in minor units."""
    return SummaryRow(
        key=key,
        name=name,
        category=category,
        unit=unit,
        opening_qty=qty[f[0]],
        opening_value=money_from_int(f[1]),
        in_qty=qty[f[2]],
        in_value=money_from_int(f[3]),
        out_qty=qty[f[4]],
        out_value=money_from_int(f[5]),
        adj_qty=qty[f[6]],
        adj_value=money_from_int(f[7]),
        closing_qty=qty[f[8]],
        closing_value=money_from_int(f[9]),
    )


def item_batches(db: Database, sku: str, *, location: str | None = None) -> list[BatchStock]:
    """Batches of one item holding stock now (optionally at one location), in the order its
    removal policy draws them (FIFO: received; FEFO: expiry, undated last)."""
    return [_batch_stock(r) for r in queries.item_batches(db.conn, sku.strip(), location)]
