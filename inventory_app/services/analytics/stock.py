"""Stock health at a date: dead stock, slow movers, low/out of stock; ageing and expiry
(from ``analytics_batches``, importable from here too).

``at`` None (or today and later) reads the maintained tables (items.on_hand_*, open
batches); a past ``at`` rebuilds stock at the end of that day from the ledger.
Money in currency units, quantities in the item's units (``Decimal``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import indicators as ind
from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.services import settings
from inventory_app.services.analytics.batches import (  # noqa: F401 - re-exported
    AgedBatch,
    AgeingReport,
    ExpiryRow,
    ExpiryTimeline,
    OpenBatch,
    ageing,
    expiry_rows,
    expiry_timeline,
    is_now,
    open_batches,
    today,
)
from inventory_app.storage.db import Database
from inventory_app.storage.memo import memoized
from inventory_app.storage.reads import analytics as aq
from inventory_app.storage.reads import stock as queries

ZM = Decimal("0.00")
ZQ = Decimal("0.000")


# Dead stock, slow movers, low and out of stock ------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockItem:
    """An item's stock and, where known, its demand: the rows of the dead / slow / low lists."""

    sku: str
    name: str
    category: str
    unit: str
    qty: Decimal
    value: Decimal
    reorder_point: Decimal = ZQ
    last_issue: dt.date | None = None
    idle_days: int | None = None  # days since the last issue (or since it came in)
    mean_daily: Decimal | None = None
    cover_days: Decimal | None = None  # None: no demand in the window


def _stock_item(row: tuple, q: int, v: int, **known: object) -> StockItem:
    """A StockItem from an ``items_for_health`` row and a balance in minor units."""
    sku, name, category, unit = row[:4]
    return StockItem(sku=sku, name=name, category=category, unit=unit,
                     qty=qty_from_int(q), value=money_from_int(v), **known)  # fmt: skip


def stock_balances(db: Database, at: dt.date | None) -> dict[int, tuple[int, int]]:
    """Per item (qty, value) in minor units at the end of ``at`` (None: now). Shared
    inside ``reusing_reads()``: do not mutate."""
    return _balances(db, None if is_now(at) else at)


@memoized
def _balances(db: Database, at: dt.date | None) -> dict[int, tuple[int, int]]:
    if at is None:
        return {i: (r[8], r[9]) for i, r in aq.items_for_health(db.conn).items() if r[8] or r[9]}
    return queries.balances(db.conn, at)


def dead_stock(
    db: Database, *, at: dt.date | None = None, days: int | None = None
) -> list[StockItem]:
    """Items on hand with no issue for ``days`` days (default: the dead_stock_days setting),
    counting from the last issue, or from when the item first came in if it never sold.
    Highest value first."""
    day = at or today()
    n = settings.get_int(db, "dead_stock_days") if days is None else days
    cutoff = day - dt.timedelta(days=n)
    conn = db.conn
    items = aq.items_for_health(conn)
    last_months = aq.last_issue_months(conn, until=queries.month_key(day))
    cutoff_month = queries.month_key(cutoff)
    candidates = []  # (item_id, q, v, month of the last issue or None)
    for item_id, (q, v) in stock_balances(db, at).items():
        if q <= 0:
            continue
        month = last_months.get(item_id)
        if month is not None and month > cutoff_month:
            continue  # sold after the cutoff month: alive
        candidates.append((item_id, q, v, month))
    last_days = aq.last_issue_dates(
        conn, [(i, f"{m}-01", _month_end(m, day)) for i, _q, _v, m in candidates if m]
    )
    firsts = aq.first_received_dates(
        conn, [i for i, _q, _v, m in candidates if not last_days.get(i)]
    )
    out = []
    for item_id, q, v, month in candidates:
        last = last_days.get(item_id) if month else None
        since = last or firsts.get(item_id)
        if since is None or since > cutoff.isoformat():
            continue
        out.append(
            _stock_item(
                items[item_id],
                q,
                v,
                last_issue=dt.date.fromisoformat(last) if last else None,
                idle_days=(day - dt.date.fromisoformat(since)).days,
            )
        )
    out.sort(key=lambda r: (-r.value, r.sku))
    return out


def _month_end(month: str, at: dt.date) -> str:
    """The last day of ``month`` ('YYYY-MM') not after ``at``, as ISO text."""
    return min(queries.last_of_month(dt.date.fromisoformat(month + "-01")), at).isoformat()


def demand_totals(db: Database, *, at: dt.date, days: int) -> dict[int, int]:
    """Per item: milli-units issued in the ``days`` days ending ``at`` (net of reversals)."""
    start = at - dt.timedelta(days=days - 1)
    flows = queries.flows(db.conn, start, at)  # the month so far is shared with ABC
    return {i: f[2] for i, f in flows.items() if f[2] > 0}


def slow_movers(
    db: Database, *, at: dt.date | None = None, cover_days: int | None = None
) -> list[StockItem]:
    """Items whose stock lasts more than ``cover_days`` (default: the slow_mover_cover_days
    setting) at the average daily demand of the reorder window, or that sold nothing in
    it. Highest value first."""
    day = at or today()
    limit = settings.get_int(db, "slow_mover_cover_days") if cover_days is None else cover_days
    window = settings.get_int(db, "reorder_demand_days")
    demand = demand_totals(db, at=day, days=window)
    items = aq.items_for_health(db.conn)
    out = []
    for item_id, (q, v) in stock_balances(db, at).items():
        if q <= 0:
            continue
        d = demand.get(item_id, 0)
        if d > 0 and q * window <= limit * d:
            # lasts at most ``limit`` days (exact, in integers): its cover, however rounded
            # to 1 decimal, is within the limit — no Decimal arithmetic for the many of these
            continue
        mean = qty_from_int(d) / window
        cover = ind.days_of_cover(qty_from_int(q), mean)
        if cover is not None and cover <= limit:
            continue
        out.append(
            _stock_item(
                items[item_id], q, v, mean_daily=mean.quantize(Decimal("0.0001")), cover_days=cover
            )
        )
    out.sort(key=lambda r: (-r.value, r.sku))
    return out


def low_and_out_of_stock(
    db: Database, *, at: dt.date | None = None
) -> tuple[list[StockItem], list[StockItem]]:
    """Active items at or below their reorder point but not empty (low), and active items
    with nothing on hand that have a reorder point or were stocked before (out)."""
    items = aq.items_for_health(db.conn)
    bal = stock_balances(db, at)
    history = aq.items_with_history(db.conn)
    low, out = [], []
    for item_id, row in items.items():
        rop, active = row[4], row[7]
        if not active:
            continue
        q, v = bal.get(item_id, (0, 0))
        if q <= 0:
            if not (rop > 0 or item_id in history):
                continue
            target = out
        elif q <= rop:
            target = low
        else:
            continue
        target.append(_stock_item(row, q, v, reorder_point=qty_from_int(rop)))
    low.sort(key=lambda r: (r.qty / r.reorder_point if r.reorder_point else 0, r.sku))
    out.sort(key=lambda r: r.sku)
    return low, out
