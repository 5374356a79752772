"""Pages of rows for the big tables (items, batches), sorted and filtered in SQL.

Keyset paging (``storage.reads.browse``): each page asks for rows after the last one shown,
``WHERE (sort key, id) > (?, ?) ORDER BY sort key, id LIMIT n``, so page 4,000 costs what
page 1 costs and nothing ever loads the whole table. Amounts come back as ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
from inventory_app.storage.db import Database
from inventory_app.storage.reads import browse as sql
from inventory_app.storage.reads.browse import Cursor

PAGE_SIZE = 256


@dataclass(frozen=True, slots=True)
class Page:
    """Rows of one page; ``cursor`` fetches the next page, ``None`` after the last."""

    rows: list
    cursor: Cursor | None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


# -- items ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemFilter:
    text: str = ""  # words matched against code, name and barcode
    category: str | None = None
    active: bool | None = True  # True: active only; False: archived only; None: both


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    sku: str
    name: str
    category: str
    unit: str
    barcode: str
    on_hand: Decimal
    value: Decimal
    reorder_point: Decimal
    last_cost: Decimal | None
    active: bool

    @property
    def below_reorder(self) -> bool:
        return self.active and self.reorder_point > 0 and self.on_hand <= self.reorder_point


def _item_row(r: tuple) -> ItemRow:
    return ItemRow(
        id=r[0],
        sku=r[1],
        name=r[2],
        category=r[3],
        unit=r[4],
        barcode=r[5] or "",
        on_hand=qty_from_int(r[6]),
        value=money_from_int(r[7]),
        reorder_point=qty_from_int(r[8]),
        last_cost=None if r[9] is None else cost_from_int(r[9]),
        active=bool(r[10]),
    )


def item_page(
    db: Database,
    f: ItemFilter = ItemFilter(),
    *,
    sort: str = "sku",
    descending: bool = False,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """A page of items (``ItemRow``) with their on-hand quantity and value."""
    rows, cursor = sql.item_page(
        db.conn,
        text=f.text,
        category=f.category,
        active=f.active,
        sort=sort,
        descending=descending,
        after=after,
        limit=limit,
    )
    return Page(rows=[_item_row(r) for r in rows], cursor=cursor)


def count_items(db: Database, f: ItemFilter = ItemFilter()) -> int:
    return sql.count_items(db.conn, text=f.text, category=f.category, active=f.active)


def item_row(db: Database, item_id: int) -> ItemRow | None:
    r = sql.item_row(db.conn, item_id)
    return _item_row(r) if r else None


# -- batches (the Stock page) -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchFilter:
    text: str = ""  # item code, name or barcode words
    item_id: int | None = None
    location_id: int | None = None
    expiring: bool = False  # expiry within the warning window (not yet expired)
    expired: bool = False  # expiry before today
    warning_days: int = 30
    today: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BatchRow:
    id: int
    item_id: int
    sku: str
    name: str
    unit: str
    batch: str
    location: str
    received: dt.date
    expiry: dt.date | None
    qty: Decimal
    unit_cost: Decimal
    value: Decimal
    status: str  # "expired", "expiring" or ""


def batch_page(
    db: Database,
    f: BatchFilter = BatchFilter(),
    *,
    sort: str = "expiry",
    descending: bool = False,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """A page of batches that still hold stock (``BatchRow``)."""
    today = f.today or dt.date.today()
    warn_until = (today + dt.timedelta(days=f.warning_days)).isoformat()
    rows, cursor = sql.batch_page(
        db.conn,
        text=f.text,
        item_id=f.item_id,
        location_id=f.location_id,
        expired_before=today.isoformat() if f.expired else None,
        expiring=(today.isoformat(), warn_until) if f.expiring else None,
        sort=sort,
        descending=descending,
        after=after,
        limit=limit,
    )
    return Page(rows=[_batch_row(r, today, warn_until) for r in rows], cursor=cursor)


def _batch_row(r: tuple, today: dt.date, warn_until: str) -> BatchRow:
    expiry = _date(r[8])
    status = ""
    if expiry is not None:
        if expiry < today:
            status = "expired"
        elif expiry.isoformat() <= warn_until:
            status = "expiring"
    return BatchRow(
        id=r[0],
        item_id=r[1],
        sku=r[2],
        name=r[3],
        unit=r[4],
        batch=r[5],
        location=r[6],
        received=dt.date.fromisoformat(r[7]),
        expiry=expiry,
        qty=qty_from_int(r[9]),
        unit_cost=cost_from_int(r[10]),
        value=money_from_int(r[11]),
        status=status,
    )
