"""Items and locations as stocktakes see them: what a scope covers, what a scanned code
names, when each item was last counted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

# Active items, and inactive ones still holding stock: what a stocktake counts.
_COUNTABLE = "SELECT id FROM items WHERE (active = 1 OR on_hand_qty > 0)"


class CountItem(NamedTuple):
    id: int
    sku: str
    removal: str
    shelf_life_days: int | None


def item_for_count(conn: sqlite3.Connection, code: str) -> CountItem | None:
    """The item whose SKU or else barcode is ``code`` (exactly); None: no such item."""
    row = conn.execute(
        "SELECT id, sku, removal, shelf_life_days FROM items WHERE sku = ? OR barcode = ?"
        " ORDER BY sku = ? DESC LIMIT 1",
        (code, code, code),
    ).fetchone()
    return None if row is None else CountItem._make(row)


def location_by_name(conn: sqlite3.Connection, name: str) -> tuple[int, str] | None:
    """(id, name as stored) of the location named ``name`` in any case; None: no such one."""
    return conn.execute(
        "SELECT id, name FROM locations WHERE name = ? COLLATE NOCASE", (name,)
    ).fetchone()


def countable_item_ids(
    conn: sqlite3.Connection, *, categories: Iterable[str] | None = None
) -> list[int]:
    """Ids of the items a stocktake counts (active, or holding stock), of the given
    categories (exact names) when there are any."""
    if categories is None:
        return [r[0] for r in conn.execute(_COUNTABLE)]
    wanted = list(categories)
    marks = ",".join("?" * len(wanted))
    return [r[0] for r in conn.execute(f"{_COUNTABLE} AND category IN ({marks})", wanted)]


def category_names(conn: sqlite3.Connection) -> list[str]:
    """Every category name in use ('' for items without one)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT category FROM items")]


def item_ids(conn: sqlite3.Connection) -> list[int]:
    """Ids of every item, active or not."""
    return [r[0] for r in conn.execute("SELECT id FROM items")]


def active_items_last_counted(
    conn: sqlite3.Connection,
) -> list[tuple[int, str, str, str | None]]:
    """(id, sku, name, last counted date as ISO text or None) of every active item."""
    return conn.execute("SELECT id, sku, name, last_counted FROM items WHERE active = 1").fetchall()


def set_last_counted(conn: sqlite3.Connection, item_ids: Iterable[int], day: dt.date) -> None:
    """Record ``day`` as the last count of the items."""
    conn.executemany(
        "UPDATE items SET last_counted = ? WHERE id = ?",
        [(day.isoformat(), i) for i in item_ids],
    )
