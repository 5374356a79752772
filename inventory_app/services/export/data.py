"""What the Excel pack reads: movement lines per batch, stocktake variances, closing batches,
which items show whole quantities, the widest item texts (for the long sheets' columns).
The SQL is in ``storage.reads.export``; stocktake amounts come back here as Decimal (see
``domain.money``), the streamed movement and closing rows keep the stored integer minor
units (the sheets write them as exact number text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import money_from_int, qty_from_int
from inventory_app.domain.text import display_width
from inventory_app.storage.db import Database
from inventory_app.storage.reads import export as reads

# Units counted in whole pieces: their quantities show no decimals when every quantity of
# the item is whole. Anything else (kg, m, 斤...) shows 3 decimals.
_UNIT_WORDS = (
    "pcs pc piece pieces ea each unit units box boxes bottle bottles pack packs bag bags "
    "carton cartons can cans pair pairs set sets roll rolls sheet sheets tube tubes jar jars "
    "dozen case cases 个 件 只 支 盒 箱 瓶 包 袋 台 套 双 张 本 把 条 罐 桶 听 卷 片 根 块 "
    "粒 份 枚 部 副 对 组 提 板 册 颗 顶 扎 排"
)
COUNT_UNITS = frozenset(_UNIT_WORDS.split())


def whole_items(db: Database, end: dt.date) -> set[int]:
    """Items whose quantities show without decimals: a count unit and no movement up to
    ``end`` with a fractional quantity (allocations then are whole too)."""
    fractional = reads.items_with_fractional_qty(db.conn, until=end)
    return {
        i
        for i, unit in reads.item_units(db.conn)
        if unit.strip().casefold() in COUNT_UNITS and i not in fractional
    }


def count_movement_lines(db: Database, *, start: dt.date, end: dt.date) -> int:
    """How many rows the Movements sheet will have (for progress)."""
    return reads.count_movement_lines(db.conn, start=start, end=end)


def movement_lines(db: Database, *, start: dt.date, end: dt.date) -> Iterator[tuple]:
    """Raw rows in date, movement order, streamed (see ``reads.export.movement_lines``)."""
    return reads.movement_lines(db.conn, start=start, end=end)


@dataclass(frozen=True, slots=True)
class StocktakeLine:
    date: dt.date
    movement_id: int
    stocktake: str  # number and name, when the stocktake tables know it
    item_id: int
    sku: str
    name: str
    location: str
    batch: str
    book_qty: Decimal | None
    counted_qty: Decimal | None
    qty: Decimal
    value: Decimal
    reason: str
    operator: str
    note: str
    type: str


def _stocktake_line(r: tuple) -> StocktakeLine:
    """A ``reads.export.stocktake_variances`` row in the item's units and currency."""
    st_id = r[2] if r[2] is not None else r[13]
    label = f"#{st_id}" if st_id is not None else ""
    if r[17]:
        label = f"{label} {r[17]}".strip()
    return StocktakeLine(
        date=dt.date.fromisoformat(r[0]),
        movement_id=r[1],
        stocktake=label,
        item_id=r[3],
        sku=r[4],
        name=r[5],
        location=r[6],
        batch=r[16] or "",
        book_qty=qty_from_int(r[14]) if r[14] is not None else None,
        counted_qty=qty_from_int(r[15]) if r[15] is not None else None,
        qty=qty_from_int(r[7]),
        value=money_from_int(r[8]),
        reason=r[9] or "",
        operator=r[10] or "",
        note=r[11] or "",
        type=r[12],
    )


def stocktake_lines(db: Database, *, start: dt.date, end: dt.date) -> list[StocktakeLine]:
    """Stocktake variances posted in the period (and reversals of them), from the ledger.
    Book and counted quantities and the stocktake's name come from the stocktake tables
    when they exist; the sheet works from the movements alone otherwise."""
    rows = reads.stocktake_variances(db.conn, start=start, end=end)
    return [_stocktake_line(r) for r in rows]


def item_skus(db: Database) -> dict[int, str]:
    """id -> SKU for every item."""
    return reads.item_skus(db.conn)


def item_names(db: Database) -> dict[int, tuple[str, str]]:
    """id -> (SKU, name) for every item."""
    return reads.item_names(db.conn)


def location_names(db: Database) -> dict[int, str]:
    """id -> name for every location."""
    return reads.location_names(db.conn)


def item_texts(db: Database) -> list[tuple[str, str, str]]:
    """(sku, name, category) for every item."""
    return reads.item_texts(db.conn)


def item_widths(db: Database) -> tuple[int, int, int]:
    """Widest SKU, item name and category (display width), for column widths set before
    streaming (measured once per export: 10k names take a tenth of a second)."""
    sku = name = category = 0
    for s, n, c in item_texts(db):
        sku = max(sku, display_width(s))
        name = max(name, display_width(n))
        category = max(category, display_width(c))
    return sku, name, category


def closing_batches(db: Database, *, at: dt.date) -> Iterator[tuple]:
    """(item_id, sku, name, category, batch, location, received ISO, expiry ISO or None,
    qty milli, unit cost e4, value cents) per batch holding stock at the end of ``at``,
    streamed."""
    return reads.closing_batches(db.conn, at=at)


def closing_batches_ahead(db: Database, *, at: dt.date) -> Callable[[], Iterator[tuple]]:
    """``closing_batches`` with its query run now (the long part: call this on a thread);
    the returned function streams the rows, on the thread that writes them."""
    cur = reads.closing_batches_cursor(db.conn, at=at)
    return lambda: reads.rows_of(cur)
