"""Stock on hand and period summaries as Decimal rows (what the CLI, UI and Excel show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import limits
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import (
    cost_from_int,
    money_column,
    money_from_int,
    qty_column,
    qty_from_int,
)
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
    opening = queries.net_flows(conn, None, start - dt.timedelta(days=1))
    period = queries.flows(conn, start, end)
    names = queries.item_rows(conn)
    # Figures stay in minor units (ints) until the rows are made, then become Decimal a
    # column at a time: the same figures as adding Decimals (exact, all of one exponent),
    # at a fraction of the cost on 10k items.
    # key -> (name, category, unit, opening qty, opening value, in/out/adj qty and value)
    lines: dict[str, list] = {}
    no_net = (0, 0)
    no_flows = (0, 0, 0, 0, 0, 0)
    for item_id in opening.keys() | period.keys():
        oq, ov = opening.get(item_id, no_net)
        p = period.get(item_id, no_flows)
        if not (oq or ov or any(p)):
            continue
        sku, name, category, unit = names[item_id]
        if by == "item":
            lines[sku] = [name, category, unit, oq, ov, *p]
        elif category in lines:
            acc = lines[category]
            acc[3] += oq
            acc[4] += ov
            for i, x in enumerate(p, 5):
                acc[i] += x
        else:
            lines[category] = ["", category, "", oq, ov, *p]
    keys = sorted(lines)
    rows = [lines[k] for k in keys]
    cols: list[tuple] = list(zip(*rows, strict=True)) if rows else [()] * 11
    names_col, categories, units, oq, ov, iq, iv, xq, xv, aq, av = cols
    cq = [o + i - x + a for o, i, x, a in zip(oq, iq, xq, aq, strict=True)]
    cv = [o + i - x + a for o, i, x, a in zip(ov, iv, xv, av, strict=True)]
    figures = (oq, ov, iq, iv, xq, xv, aq, av, cq, cv)  # NUMERIC_KEYS order
    columns = [
        (qty_column if k.endswith("_qty") else money_column)(f)
        for k, f in zip(NUMERIC_KEYS, figures, strict=True)
    ]
    totals = [
        (qty_from_int if k.endswith("_qty") else money_from_int)(sum(f))
        for k, f in zip(NUMERIC_KEYS, figures, strict=True)
    ]
    # SummaryRow's fields in order: key, name, category, unit, then NUMERIC_KEYS
    summary_rows = list(map(SummaryRow, keys, names_col, categories, units, *columns))
    return Summary(
        start=start,
        end=end,
        by=by,
        rows=summary_rows,
        totals=SummaryRow("total", "", "", "", *totals),
    )


def item_batches(db: Database, sku: str, *, location: str | None = None) -> list[BatchStock]:
    """Batches of one item holding stock now (optionally at one location), in the order its
    removal policy draws them (FIFO: received; FEFO: expiry, undated last)."""
    return [_batch_stock(r) for r in queries.item_batches(db.conn, sku.strip(), location)]
