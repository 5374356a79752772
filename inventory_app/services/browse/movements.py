"""Pages of the movement journal, a movement's allocations, and an item's stock card.

Same keyset paging as ``browse``. The journal sorts by date or number only: those are the
orders an index serves on a million movements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
from inventory_app.services.browse.items import PAGE_SIZE, Cursor, Page, keyset_page
from inventory_app.services.search import like_pattern, match_sql
from inventory_app.storage.db import Database


@dataclass(frozen=True, slots=True)
class MovementFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    type: str | None = None  # a MovementType value
    item: str = ""  # item code, name or barcode words
    item_id: int | None = None
    reference: str = ""  # substring of the movement's reference
    operator: str = ""  # substring of the operator's name


@dataclass(frozen=True, slots=True)
class MovementRow:
    id: int
    date: dt.date
    type: str
    item_id: int
    sku: str
    name: str
    unit: str
    location: str
    to_location: str
    qty: Decimal  # signed effect on stock (a transfer: the quantity moved)
    value: Decimal
    unit_cost: Decimal | None
    reference: str
    operator: str
    reason: str
    note: str
    reverses_id: int | None
    reversed_by: int | None
    supplier: str = ""


BROAD_MATCH = 200  # items matched by a journal's item filter above which the date index wins

MOVEMENT_SORTS = {"date": "m.date", "id": "m.id"}

_MOVEMENT_COLS = (
    "m.id, m.date, m.type, m.item_id, i.sku, i.name, i.unit, l.name, coalesce(t.name, ''),"
    " m.qty, m.value, m.unit_cost, CASE m.reference WHEN '' THEN d.reference ELSE m.reference"
    " END, m.operator, coalesce(m.reason, ''), m.note,"
    " m.reverses_id, (SELECT r.id FROM movements r WHERE r.reverses_id = m.id), d.supplier"
)
_MOVEMENT_FROM = (
    "movements m JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id"
    " LEFT JOIN locations t ON t.id = m.to_location_id JOIN documents d ON d.id = m.document_id"
)


def _movement_row(r: tuple) -> MovementRow:
    return MovementRow(
        id=r[0],
        date=dt.date.fromisoformat(r[1]),
        type=r[2],
        item_id=r[3],
        sku=r[4],
        name=r[5],
        unit=r[6],
        location=r[7],
        to_location=r[8],
        qty=qty_from_int(r[9]),
        value=money_from_int(r[10]),
        unit_cost=None if r[11] is None else cost_from_int(r[11]),
        reference=r[12],
        operator=r[13],
        reason=r[14],
        note=r[15],
        reverses_id=r[16],
        reversed_by=r[17],
        supplier=r[18],
    )


def movement_page(
    db: Database,
    f: MovementFilter = MovementFilter(),
    *,
    sort: str = "date",
    descending: bool = True,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """A page of the journal (``MovementRow``), newest first by default."""
    where: list[str] = []
    params: list[object] = []
    if f.start is not None:
        where.append("m.date >= ?")
        params.append(f.start.isoformat())
    if f.end is not None:
        where.append("m.date <= ?")
        params.append(f.end.isoformat())
    if f.type:
        where.append("m.type = ?")
        params.append(f.type)
    if f.item_id is not None:
        where.append("m.item_id = ?")
        params.append(f.item_id)
    if f.item.strip():
        clause, p = match_sql(f.item)
        matched = db.conn.execute(f"SELECT count(*) FROM items i WHERE {clause}", p).fetchone()[0]
        # Few items: walk their movements by the item index. Many: walk the journal in date
        # order and keep their rows (the unary + stops SQLite choosing the item index).
        column = "m.item_id" if matched <= BROAD_MATCH else "+m.item_id"
        where.append(f"{column} IN (SELECT i.id FROM items i WHERE {clause})")
        params += p
    if f.reference.strip():
        where.append("(m.reference LIKE ? ESCAPE '\\' OR d.reference LIKE ? ESCAPE '\\')")
        params += [like_pattern(f.reference.strip())] * 2
    if f.operator.strip():
        where.append("m.operator LIKE ? ESCAPE '\\'")
        params.append(like_pattern(f.operator.strip()))
    return keyset_page(
        db,
        select=_MOVEMENT_COLS,
        from_=_MOVEMENT_FROM,
        where=where,
        params=params,
        sort_sql=MOVEMENT_SORTS[sort],
        id_sql="m.id",
        descending=descending,
        after=after,
        limit=limit,
        make_row=_movement_row,
    )


def get_movement(db: Database, movement_id: int) -> MovementRow | None:
    r = db.conn.execute(
        f"SELECT {_MOVEMENT_COLS} FROM {_MOVEMENT_FROM} WHERE m.id = ?", (movement_id,)
    ).fetchone()
    return _movement_row(r) if r else None


@dataclass(frozen=True, slots=True)
class AllocationRow:
    batch_id: int
    batch: str
    location: str
    received: dt.date
    expiry: dt.date | None
    qty: Decimal  # > 0 drawn from the batch, < 0 put back
    value: Decimal


def _allocation_row(r: tuple) -> AllocationRow:
    """(batch id, code, location, received, expiry, qty, value) in minor units."""
    return AllocationRow(
        batch_id=r[0],
        batch=r[1],
        location=r[2],
        received=dt.date.fromisoformat(r[3]),
        expiry=dt.date.fromisoformat(r[4]) if r[4] else None,
        qty=qty_from_int(r[5]),
        value=money_from_int(r[6]),
    )


def allocations_of(db: Database, movement_id: int) -> list[AllocationRow]:
    """Which batches a movement drew from (or put back into), with quantity and value."""
    rows = db.conn.execute(
        "SELECT a.batch_id, b.code, l.name, b.received_date, b.expiry, a.qty, a.value"
        " FROM allocations a JOIN batches b ON b.id = a.batch_id"
        " JOIN locations l ON l.id = b.location_id WHERE a.movement_id = ? ORDER BY a.id",
        (movement_id,),
    )
    return [_allocation_row(r) for r in rows]


def received_batches_of(db: Database, movement_id: int) -> list[AllocationRow]:
    """Batches a receipt (or a positive adjustment, or a transfer) created."""
    rows = db.conn.execute(
        "SELECT b.id, b.code, l.name, b.received_date, b.expiry, b.qty_received,"
        " b.value_received FROM batches b JOIN locations l ON l.id = b.location_id"
        " WHERE b.movement_id = ? ORDER BY b.id",
        (movement_id,),
    )
    return [_allocation_row(r) for r in rows]


# -- stock card -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CardRow:
    id: int
    date: dt.date
    type: str
    reference: str
    location: str
    qty: Decimal  # signed; a transfer moves stock between locations and leaves the balance
    value: Decimal
    balance_qty: Decimal
    balance_value: Decimal
    operator: str
    bucket: str  # "xfer": moved between locations, the balance is unchanged


def _balance_through(db: Database, item_id: int, key: Cursor) -> tuple[int, int]:
    """The item's (qty, value) after the movement at ``key`` = (date, id), in minor units."""
    row = db.conn.execute(
        "SELECT coalesce(sum(qty), 0), coalesce(sum(value), 0) FROM movements"
        " WHERE item_id = ? AND bucket <> 'xfer' AND (date, id) <= (?, ?)",
        (item_id, key[0], key[1]),
    ).fetchone()
    return row[0], row[1]


def stock_card_page(
    db: Database,
    item_id: int,
    *,
    descending: bool = True,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """An item's movements with the balance after each one; newest first unless
    ``descending`` is False. Transfers move stock between locations: the balance stays."""
    page = keyset_page(
        db,
        select="m.id, m.date, m.type, m.reference, l.name, m.qty, m.value, m.bucket,"
        " coalesce(t.name, ''), m.operator",
        from_="movements m JOIN locations l ON l.id = m.location_id"
        " LEFT JOIN locations t ON t.id = m.to_location_id",
        where=["m.item_id = ?"],
        params=[item_id],
        sort_sql="m.date",
        id_sql="m.id",
        descending=descending,
        after=after,
        limit=limit,
        make_row=lambda r: r,
    )
    raw: list[tuple] = page.rows
    if not raw:
        return page
    chronological = list(reversed(raw)) if descending else raw
    oldest = chronological[0]
    qty, value = _balance_through(db, item_id, (oldest[1], oldest[0]))
    if oldest[7] != "xfer":  # the balance before the page's oldest row
        qty, value = qty - oldest[5], value - oldest[6]
    rows: list[CardRow] = []
    for r in chronological:
        if r[7] != "xfer":
            qty += r[5]
            value += r[6]
        rows.append(
            CardRow(
                id=r[0],
                date=dt.date.fromisoformat(r[1]),
                type=r[2],
                reference=r[3],
                location=r[4] + (f" → {r[8]}" if r[8] else ""),
                qty=qty_from_int(r[5]),
                value=money_from_int(r[6]),
                balance_qty=qty_from_int(qty),
                balance_value=money_from_int(value),
                operator=r[9],
                bucket=r[7],
            )
        )
    if descending:
        rows.reverse()
    return Page(rows=rows, cursor=page.cursor)
