"""Stock health of the open batches at a date: ageing and expiry.

``at`` None (or today and later) reads the open batches as maintained; a past ``at``
rebuilds them at the end of that day from the ledger. Inside ``reusing_reads()`` (the
dashboard) the batches are read once for the expiry alerts, the expiry chart and ageing.
Money in currency units, quantities in the item's units (``Decimal``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter

from inventory_app.domain import indicators as ind
from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.storage.db import Database
from inventory_app.storage.memo import memoized
from inventory_app.storage.reads import analytics as aq

ZM = Decimal("0.00")


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


def _raw_open_batches(db: Database, at: dt.date | None) -> list[tuple]:
    """(item_id, code, location, expiry, received, qty, value, batch_id, location_id) in
    minor units; now in no particular order, at a past day by SKU, location name, received
    date and batch (``location_id`` None)."""
    if is_now(at):
        return aq.open_batches(db.conn)
    assert at is not None
    items = aq.items_for_health(db.conn)
    by_sku = {v[0].casefold(): k for k, v in items.items()}
    return [
        (by_sku[r[0].casefold()], r[3], r[4], r[5], r[7], r[8], r[9], r[10], None)
        for r in aq.batches_at(db.conn, at)
    ]


def _open_batch_objects(raw: Iterable[tuple], items: dict[int, tuple]) -> list[OpenBatch]:
    dates: dict[str, dt.date] = {}  # a few hundred distinct days among many batches

    def day(text: str) -> dt.date:
        d = dates.get(text)
        if d is None:
            d = dates[text] = dt.date.fromisoformat(text)
        return d

    out = []
    for item_id, code, loc, expiry, received, q, v, _id, _place in raw:
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
                received=day(received),
                expiry=day(expiry) if expiry else None,
                qty=qty_from_int(q),
                value=money_from_int(v),
            )
        )
    return out


def open_batches(db: Database, *, at: dt.date | None = None) -> list[OpenBatch]:
    """Batches holding stock at the end of ``at`` (None: now)."""
    return _open_batch_objects(_raw_open_batches(db, at), aq.items_for_health(db.conn))


# Ageing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgedBatch:
    batch: OpenBatch
    age_days: int
    bucket: str


class AgeingReport:
    """Open stock by age at ``at``, from the open batches in minor units. The totals the
    chart draws are summed on first use, and ``batches`` (every open batch with its age,
    oldest first) is built on first use: on a big shop the dashboard needs neither until
    its ageing chart is scrolled to or clicked."""

    __slots__ = ("_ages", "_batches", "_by_category", "_items", "_raw", "_totals", "at")

    def __init__(self, at: dt.date, raw: list[tuple], items: dict[int, tuple]) -> None:
        self.at = at
        self._raw = raw
        self._items = items
        self._batches: list[AgedBatch] | None = None
        self._ages: dict[str, tuple[int, str]] = {}  # received date -> (age, bucket)
        self._by_category: list[tuple[str, dict[str, int]]] = []
        self._totals: dict[str, list[int]] | None = None

    def _sum(self) -> dict[str, list[int]]:
        if self._totals is not None:
            return self._totals
        ages, items = self._ages, self._items
        by_category: dict[str, dict[str, int]] = defaultdict(
            lambda: dict.fromkeys(ind.AGE_LABELS, 0)
        )
        totals = {label: [0, 0] for label in ind.AGE_LABELS}
        for item_id, _code, _loc, _expiry, received, q, v, _id, _place in self._raw:
            age = ages.get(received)
            if age is None:  # a few hundred distinct days
                days = ind.age_days(dt.date.fromisoformat(received), self.at)
                age = ages[received] = (days, ind.age_bucket(days))
            bucket = age[1]
            by_category[items[item_id][2]][bucket] += v
            t = totals[bucket]
            t[0] += q
            t[1] += v
        self._by_category = sorted(
            by_category.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])
        )
        self._totals = totals
        return totals

    @property
    def batches(self) -> list[AgedBatch]:
        if self._batches is None:
            self._sum()
            raw = self._raw
            if raw and raw[0][8] is not None:  # now: ties as listed by item and location
                raw = sorted(raw, key=itemgetter(0, 8, 7))
            aged = [
                AgedBatch(batch=b, age_days=age[0], bucket=age[1])
                for b, age in zip(
                    _open_batch_objects(raw, self._items),
                    (self._ages[r[4]] for r in raw),
                    strict=True,
                )
            ]
            aged.sort(key=lambda a: (-a.age_days, a.batch.sku, a.batch.batch))
            self._batches = aged
        return self._batches

    def by_category(self) -> dict[str, dict[str, Decimal]]:
        """category -> bucket label -> value (every bucket present), by total value."""
        self._sum()
        return {
            cat: {label: money_from_int(v) for label, v in buckets.items()}
            for cat, buckets in self._by_category
        }

    def totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        """bucket label -> (qty, value)."""
        return {
            label: (qty_from_int(q), money_from_int(v)) for label, (q, v) in self._sum().items()
        }


def ageing(db: Database, *, at: dt.date | None = None) -> AgeingReport:
    """Value of stock by days since the batch entered the shop (its received date, which a
    transfer keeps), oldest first."""
    return AgeingReport(at or today(), _raw_open_batches(db, at), aq.items_for_health(db.conn))


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


class _ExpiringNow:
    """The open batches that have an expiry, soonest first (expiry, item, batch id), made
    into rows only as far as a caller asks (the alerts ask for 30 days, the chart for 13
    weeks: the same rows)."""

    def __init__(self, db: Database, day: dt.date) -> None:
        self.day = day
        self.items = aq.items_for_health(db.conn)
        # by expiry day first (a few hundred days), then each day's batches by (item, id):
        # cheaper than sorting a hundred thousand rows on text keys
        by_day: dict[str, list[tuple]] = defaultdict(list)
        for r in aq.open_batches(db.conn):
            if r[3] is not None:
                by_day[r[3]].append(r)
        self.days = sorted(by_day)
        self.by_day = by_day
        self.done = 0  # days made into rows
        self.rows: list[ExpiryRow] = []
        self.ends: list[int] = []  # len(rows) after each day done
        self.qty: dict[int, Decimal] = {}  # equal quantities are common: one Decimal each

    def until(self, until: dt.date) -> list[ExpiryRow]:
        last = bisect.bisect_right(self.days, until.isoformat())
        rows, items, qty = self.rows, self.items, self.qty
        append = rows.append
        for exp in self.days[self.done : last]:
            d = dt.date.fromisoformat(exp)
            left = (d - self.day).days
            for i, code, loc, _exp, _received, q, v, _id, _place in sorted(
                self.by_day[exp], key=itemgetter(0, 7)
            ):
                item = items[i]
                dq = qty.get(q)
                if dq is None:
                    dq = qty[q] = qty_from_int(q)
                append(ExpiryRow(item[0], item[1], code, loc, d, left, dq, money_from_int(v)))
            self.ends.append(len(rows))
        self.done = max(self.done, last)
        return rows[: self.ends[last - 1]] if last else []


_expiring_now = memoized(_ExpiringNow)  # one per computation, shop and day


def expiry_rows(db: Database, *, at: dt.date | None = None, within: int = 90) -> list[ExpiryRow]:
    """Batches with stock whose expiry is on or before ``at`` + ``within`` days, soonest
    first (expired ones have ``days_left`` < 0)."""
    day = at or today()
    until = day + dt.timedelta(days=within)
    if is_now(at):
        return _expiring_now(db, day).until(until)
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
    members: list[list[ExpiryRow]] = [[] for _ in range(weeks)]
    for r in rows:
        if 0 <= r.days_left < 7 * weeks:
            members[r.days_left // 7].append(r)
    buckets = [
        (day + dt.timedelta(days=7 * w), sum((r.value for r in members[w]), ZM), members[w])
        for w in range(weeks)
    ]
    return ExpiryTimeline(
        at=day,
        expired_value=sum((r.value for r in expired), ZM),
        expired=expired,
        weeks=buckets,
    )
