"""Pages of the movement journal, a movement's allocations, and an item's stock card.

Same keyset paging as ``browse``. The journal sorts by date or number only: those are the
orders an index serves on a million movements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import cost_from_int, money_from_int, qty_from_int
from inventory_app.services.browse.items import PAGE_SIZE, Cursor, Page
from inventory_app.storage.db import Database
from inventory_app.storage.reads import browse as sql


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
    rows, cursor = sql.movement_page(
        db.conn,
        start=None if f.start is None else f.start.isoformat(),
        end=None if f.end is None else f.end.isoformat(),
        type=f.type or None,
        item=f.item,
        item_id=f.item_id,
        reference=f.reference,
        operator=f.operator,
        sort=sort,
        descending=descending,
        after=after,
        limit=limit,
    )
    return Page(rows=[_movement_row(r) for r in rows], cursor=cursor)


def get_movement(db: Database, movement_id: int) -> MovementRow | None:
    r = sql.movement(db.conn, movement_id)
    return _movement_row(r) if r else None


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A posted document and its lines (``MovementRow``s in posting order)."""

    id: int
    date: dt.date
    kind: str
    reference: str
    supplier: str
    operator: str
    lines: tuple[MovementRow, ...]


def get_document(db: Database, document_id: int) -> DocumentView | None:
    """Document ``document_id`` with its lines, or None when there is none."""
    head = sql.document(db.conn, document_id)
    if head is None:
        return None
    lines = tuple(_movement_row(r) for r in sql.document_movements(db.conn, document_id))
    return DocumentView(
        id=head[0],
        date=dt.date.fromisoformat(head[1]),
        kind=head[2],
        reference=head[3],
        supplier=head[4],
        operator=head[5],
        lines=lines,
    )


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
    return [_allocation_row(r) for r in sql.allocations_of(db.conn, movement_id)]


def received_batches_of(db: Database, movement_id: int) -> list[AllocationRow]:
    """Batches a receipt (or a positive adjustment, or a transfer) created."""
    return [_allocation_row(r) for r in sql.received_batches_of(db.conn, movement_id)]


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
    raw, cursor = sql.stock_card_page(
        db.conn, item_id, descending=descending, after=after, limit=limit
    )
    if not raw:
        return Page(rows=[], cursor=cursor)
    chronological = list(reversed(raw)) if descending else raw
    oldest = chronological[0]
    qty, value = sql.balance_through(db.conn, item_id, (oldest[1], oldest[0]))
    if oldest[7] != "xfer":  # the balance before the page's oldest row
        qty, value = qty - oldest[5], value - oldest[6]
    rows: list[CardRow] = []
    for r in chronological:
        if r[7] != "xfer":
            qty += r[5]
            value += r[6]
        rows.append(_card_row(r, qty, value))
    if descending:
        rows.reverse()
    return Page(rows=rows, cursor=cursor)


def _card_row(r: tuple, balance_qty: int, balance_value: int) -> CardRow:
    return CardRow(
        id=r[0],
        date=dt.date.fromisoformat(r[1]),
        type=r[2],
        reference=r[3],
        location=r[4] + (f" → {r[8]}" if r[8] else ""),
        qty=qty_from_int(r[5]),
        value=money_from_int(r[6]),
        balance_qty=qty_from_int(balance_qty),
        balance_value=money_from_int(balance_value),
        operator=r[9],
        bucket=r[7],
    )
