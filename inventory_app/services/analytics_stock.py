"""Stock health at a date: ageing, expiry, dead stock, slow movers, low/out of stock,
reorder suggestions, and the alerts that bundle them.

``at`` None (or today and later) reads the maintained tables (items.on_hand_*, open
batches); a past ``at`` rebuilds stock at the end of that day from the ledger.
Money in currency units, quantities in the item's units (``Decimal``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import indicators as ind
from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.services import settings
from inventory_app.storage import analytics_queries as aq
from inventory_app.storage import queries
from inventory_app.storage.db import Database

ZM = Decimal("0.00")
ZQ = Decimal("0.000")


def today() -> dt.date:
    return dt.date.today()


def is_now(at: dt.date | None) -> bool:
    return at is None or at >= today()


@dataclass(frozen=True, slots=True)
class OpenBatch:
    item_id: int
    sku: str
    name: str
    category: str
    unit: str
    batch: str
    location: str
    received: dt.date
    expiry: dt.date | None
    qty: Decimal
    value: Decimal


def open_batches(db: Database, *, at: dt.date | None = None) -> list[OpenBatch]:
    """Batches holding stock at the end of ``at`` (None: now)."""
    items = aq.items_for_health(db.conn)
    if is_now(at):
        raw = aq.open_batches(db.conn)
    else:
        by_sku = {v[0].casefold(): k for k, v in items.items()}
        raw = [
            (by_sku[r[0].casefold()], r[3], r[4], r[5], r[7], r[8], r[9])
            for r in queries.batches_at(db.conn, at)
        ]
    out = []
    for item_id, code, loc, expiry, received, q, v in raw:
        sku, name, category, unit = items[item_id][:4]
        out.append(
            OpenBatch(
                item_id=item_id,
                sku=sku,
                name=name,
                category=category,
                unit=unit,
                batch=code,
                location=loc,
                received=dt.date.fromisoformat(received),
                expiry=dt.date.fromisoformat(expiry) if expiry else None,
                qty=qty_from_int(q),
                value=money_from_int(v),
            )
        )
    return out


# Ageing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgedBatch:
    batch: OpenBatch
    age_days: int
    bucket: str


@dataclass(slots=True)
class AgeingReport:
    at: dt.date
    batches: list[AgedBatch]

    def by_category(self) -> dict[str, dict[str, Decimal]]:
        """category -> bucket label -> value (every bucket present), by total value."""
        acc: dict[str, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(ind.AGE_LABELS, ZM))
        for a in self.batches:
            acc[a.batch.category][a.bucket] += a.batch.value
        return dict(sorted(acc.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])))

    def totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        """bucket label -> (qty, value)."""
        out = dict.fromkeys(ind.AGE_LABELS, (ZQ, ZM))
        for a in self.batches:
            q, v = out[a.bucket]
            out[a.bucket] = (q + a.batch.qty, v + a.batch.value)
        return out


def ageing(db: Database, *, at: dt.date | None = None) -> AgeingReport:
    """Value of stock by days since the batch entered the shop (its received date, which a
    transfer keeps), oldest first."""
    day = at or today()
    aged = []
    for b in open_batches(db, at=at):
        days = ind.age_days(b.received, day)
        aged.append(AgedBatch(batch=b, age_days=days, bucket=ind.age_bucket(days)))
    aged.sort(key=lambda a: (-a.age_days, a.batch.sku, a.batch.batch))
    return AgeingReport(at=day, batches=aged)


# Expiry ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpiryRow:
    sku: str
    name: str
    batch: str
    location: str
    expiry: dt.date
    days_left: int  # negative: expired that many days ago
    qty: Decimal
    value: Decimal


def expiry_rows(db: Database, *, at: dt.date | None = None, within: int = 90) -> list[ExpiryRow]:
    """Batches with stock whose expiry is on or before ``at`` + ``within`` days, soonest
    first (expired ones have ``days_left`` < 0)."""
    day = at or today()
    until = day + dt.timedelta(days=within)
    if is_now(at):
        items = aq.items_for_health(db.conn)
        rows = [
            ExpiryRow(
                sku=items[i][0],
                name=items[i][1],
                batch=code,
                location=loc,
                expiry=dt.date.fromisoformat(exp),
                days_left=(dt.date.fromisoformat(exp) - day).days,
                qty=qty_from_int(q),
                value=money_from_int(v),
            )
            for i, code, loc, exp, _received, q, v in aq.open_batches_expiring(db.conn, until=until)
        ]
    else:
        rows = [
            ExpiryRow(
                sku=b.sku,
                name=b.name,
                batch=b.batch,
                location=b.location,
                expiry=b.expiry,
                days_left=(b.expiry - day).days,
                qty=b.qty,
                value=b.value,
            )
            for b in open_batches(db, at=at)
            if b.expiry is not None and b.expiry <= until
        ]
        rows.sort(key=lambda r: (r.expiry, r.sku, r.batch))
    return rows


@dataclass(slots=True)
class ExpiryTimeline:
    """Value expiring per week from ``at`` (week 0 = the 7 days from ``at``), and the value
    already expired, kept apart."""

    at: dt.date
    expired_value: Decimal
    expired: list[ExpiryRow]
    weeks: list[tuple[dt.date, Decimal, list[ExpiryRow]]]


def expiry_timeline(db: Database, *, at: dt.date | None = None, weeks: int = 13) -> ExpiryTimeline:
    day = at or today()
    rows = expiry_rows(db, at=at, within=7 * weeks - 1)
    expired = [r for r in rows if r.days_left < 0]
    buckets: list[tuple[dt.date, Decimal, list[ExpiryRow]]] = []
    for w in range(weeks):
        members = [r for r in rows if 7 * w <= r.days_left < 7 * (w + 1)]
        buckets.append(
            (day + dt.timedelta(days=7 * w), sum((r.value for r in members), ZM), members)
        )
    return ExpiryTimeline(
        at=day,
        expired_value=sum((r.value for r in expired), ZM),
        expired=expired,
        weeks=buckets,
    )


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
    if is_now(at):
        return {i: (r[8], r[9]) for i, r in aq.items_for_health(db.conn).items() if r[8] or r[9]}
    assert at is not None
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
    out = []
    for item_id, (q, v) in stock_balances(db, at).items():
        if q <= 0:
            continue
        month = last_months.get(item_id)
        if month is not None and month > cutoff_month:
            continue  # sold after the cutoff month: alive
        last = aq.last_issue_date(conn, item_id, month, day) if month else None
        since = last or aq.first_received(conn, item_id)
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


def demand_totals(db: Database, *, at: dt.date, days: int) -> dict[int, int]:
    """Per item: milli-units issued in the ``days`` days ending ``at`` (net of reversals)."""
    start = at - dt.timedelta(days=days - 1)
    return {i: f[2] for i, f in queries.flows(db.conn, start, at).items() if f[2] > 0}


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
        mean = qty_from_int(demand.get(item_id, 0)) / window
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
