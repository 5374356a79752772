"""Pages of rows for the big tables (items, batches), sorted and filtered in SQL.

Keyset paging: each page asks for rows after the last one shown,
``WHERE (sort key, id) > (?, ?) ORDER BY sort key, id LIMIT n``, so page 4,000 costs what
page 1 costs and nothing ever loads the whole table. Amounts come back as ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
from inventory_app.services.search import match_sql
from inventory_app.storage.db import Database

PAGE_SIZE = 256

Cursor = tuple[object, object]


@dataclass(frozen=True, slots=True)
class Page:
    """Rows of one page; ``cursor`` fetches the next page, ``None`` after the last."""

    rows: list
    cursor: Cursor | None


def keyset_page(
    db: Database,
    *,
    select: str,
    from_: str,
    where: Sequence[str],
    params: Sequence[object],
    sort_sql: str,
    id_sql: str,
    descending: bool,
    after: Cursor | None,
    limit: int,
    make_row: Callable[[tuple], object],
) -> Page:
    """One page of ``SELECT select FROM from_ WHERE where`` ordered by (sort, id).

    ``sort_sql`` must never be NULL (wrap it in ``coalesce``): row values do not compare
    with NULL."""
    conds = list(where) or ["1"]
    args = list(params)
    op, order = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        conds.append(f"({sort_sql}, {id_sql}) {op} (?, ?)")
        args += [after[0], after[1]]
    sql = (
        f"SELECT {select}, {sort_sql}, {id_sql} FROM {from_} WHERE {' AND '.join(conds)}"
        f" ORDER BY {sort_sql} {order}, {id_sql} {order} LIMIT ?"
    )
    raw = db.conn.execute(sql, (*args, limit)).fetchall()
    rows = [make_row(r) for r in raw]
    cursor = (raw[-1][-2], raw[-1][-1]) if len(raw) == limit else None
    return Page(rows=rows, cursor=cursor)


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


ITEM_SORTS = {
    "sku": "i.sku",
    "name": "i.name",
    "category": "i.category",
    "unit": "i.unit",
    "barcode": "coalesce(i.barcode, '')",
    "on_hand": "i.on_hand_qty",
    "value": "i.on_hand_value",
    "reorder_point": "i.reorder_point",
    "last_cost": "coalesce(i.last_cost, -1)",
}


_ITEM_COLS = (
    "i.id, i.sku, i.name, i.category, i.unit, i.barcode, i.on_hand_qty, i.on_hand_value,"
    " i.reorder_point, i.last_cost, i.active"
)


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


def _item_where(f: ItemFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if f.text.strip():
        clause, p = match_sql(f.text)
        where.append(clause)
        params += p
    if f.category is not None:
        where.append("i.category = ?")
        params.append(f.category)
    if f.active is not None:
        where.append("i.active = ?")
        params.append(int(f.active))
    return where, params


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
    where, params = _item_where(f)
    return keyset_page(
        db,
        select=_ITEM_COLS,
        from_="items i",
        where=where,
        params=params,
        sort_sql=ITEM_SORTS[sort],
        id_sql="i.id",
        descending=descending,
        after=after,
        limit=limit,
        make_row=_item_row,
    )


def count_items(db: Database, f: ItemFilter = ItemFilter()) -> int:
    where, params = _item_where(f)
    sql = f"SELECT count(*) FROM items i WHERE {' AND '.join(where) or '1'}"
    return db.conn.execute(sql, params).fetchone()[0]


def item_row(db: Database, item_id: int) -> ItemRow | None:
    r = db.conn.execute(f"SELECT {_ITEM_COLS} FROM items i WHERE i.id = ?", (item_id,)).fetchone()
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


BATCH_SORTS = {
    "sku": "i.sku",
    "name": "i.name",
    "batch": "b.code",
    "location": "l.name",
    "received": "b.received_date",
    "expiry": "coalesce(b.expiry, '9999-12-31')",
    "qty": "b.qty_remaining",
    "unit_cost": "b.unit_cost",
    "value": "b.value_remaining",
}


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
    where = ["b.qty_remaining > 0"]
    params: list[object] = []
    if f.text.strip():
        clause, p = match_sql(f.text)
        where.append(clause)
        params += p
    if f.item_id is not None:
        where.append("b.item_id = ?")
        params.append(f.item_id)
    if f.location_id is not None:
        where.append("b.location_id = ?")
        params.append(f.location_id)
    windows = []
    if f.expired:
        windows.append("b.expiry < ?")
        params.append(today.isoformat())
    if f.expiring:
        windows.append("(b.expiry >= ? AND b.expiry <= ?)")
        params += [today.isoformat(), warn_until]
    if windows:
        where.append("(" + " OR ".join(windows) + ")")

    def make(r: tuple) -> BatchRow:
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

    return keyset_page(
        db,
        select="b.id, b.item_id, i.sku, i.name, i.unit, b.code, l.name, b.received_date,"
        " b.expiry, b.qty_remaining, b.unit_cost, b.value_remaining",
        from_="batches b JOIN items i ON i.id = b.item_id JOIN locations l ON l.id = b.location_id",
        where=where,
        params=params,
        sort_sql=BATCH_SORTS[sort],
        id_sql="b.id",
        descending=descending,
        after=after,
        limit=limit,
        make_row=make,
    )
