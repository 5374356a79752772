"""A stocktake's own rows: the stocktake, its scope, its lines, and what approval fixed on them.

Quantities in thousandths, money in cents, times as local ISO text to the second.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple


def stamp() -> str:
    """Now, as the ``*_at`` columns store it: local time with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class StocktakeRow(NamedTuple):
    """One row of ``stocktakes`` (a tuple, so it also reads by position)."""

    id: int
    name: str
    scope: str
    blind: int
    state: str
    mark: int  # snapshot_movement_id: the last movement posted when it started
    started_at: str
    started_by: str
    closed_at: str | None
    approver: str | None
    uncounted: str | None
    document_id: int | None


STOCKTAKE_COLS = (
    "id, name, scope, blind, state, snapshot_movement_id, started_at, started_by, closed_at,"
    " approver, uncounted, document_id"
)


def insert_stocktake(
    conn: sqlite3.Connection,
    *,
    name: str,
    scope: str,
    blind: bool,
    mark: int,
    started_by: str,
    at: str | None = None,
) -> int:
    """A new open stocktake whose snapshot is the books after movement ``mark``; its id."""
    cur = conn.execute(
        "INSERT INTO stocktakes (name, scope, blind, snapshot_movement_id, started_at, started_by)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (name, scope, int(blind), mark, at or stamp(), started_by),
    )
    return int(cur.lastrowid)


def add_scope_items(conn: sqlite3.Connection, stocktake_id: int, item_ids: Iterable[int]) -> None:
    """Put items in the scope of a stocktake (those already in it stay as they are)."""
    conn.executemany(
        "INSERT OR IGNORE INTO stocktake_items (stocktake_id, item_id) VALUES (?, ?)",
        [(stocktake_id, i) for i in item_ids],
    )


def in_scope(conn: sqlite3.Connection, stocktake_id: int, item_id: int) -> bool:
    """Whether the item is in the scope of the stocktake."""
    row = conn.execute(
        "SELECT 1 FROM stocktake_items WHERE stocktake_id = ? AND item_id = ?",
        (stocktake_id, item_id),
    ).fetchone()
    return row is not None


def snapshot_lines(conn: sqlite3.Connection, stocktake_id: int, *, location_id: int | None) -> int:
    """Insert one line per item/location (per batch for batch-counted items) holding stock
    now, for the items in scope; returns how many."""
    where = "" if location_id is None else " AND b.location_id = ?"
    args: tuple = (stocktake_id,) if location_id is None else (stocktake_id, location_id)
    cur = conn.execute(
        "INSERT INTO stocktake_lines (stocktake_id, item_id, location_id, batch, expiry,"
        " snapshot_qty, snapshot_value)"
        " SELECT s.stocktake_id, b.item_id, b.location_id,"
        "  CASE WHEN i.removal = 'fefo' OR i.shelf_life_days IS NOT NULL THEN b.code ELSE '' END"
        "   AS batch, min(b.expiry), sum(b.qty_remaining), sum(b.value_remaining)"
        " FROM stocktake_items s JOIN items i ON i.id = s.item_id"
        " JOIN batches b ON b.item_id = s.item_id AND b.qty_remaining > 0"
        f" WHERE s.stocktake_id = ?{where}"
        " GROUP BY b.item_id, b.location_id, batch COLLATE NOCASE",
        args,
    )
    return cur.rowcount


def stocktake_row(conn: sqlite3.Connection, stocktake_id: int) -> StocktakeRow | None:
    """The stocktake ``stocktake_id``; None when there is none."""
    row = conn.execute(
        f"SELECT {STOCKTAKE_COLS} FROM stocktakes WHERE id = ?", (stocktake_id,)
    ).fetchone()
    return None if row is None else StocktakeRow._make(row)


def stocktake_rows(
    conn: sqlite3.Connection, stocktake_id: int | None = None
) -> list[tuple[StocktakeRow, int, int]]:
    """Every stocktake (or the one ``stocktake_id``) with its number of lines and of counted
    lines, newest first."""
    where, args = ("", ()) if stocktake_id is None else (" WHERE s.id = ?", (stocktake_id,))
    rows = conn.execute(
        f"SELECT {STOCKTAKE_COLS},"
        " (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = s.id),"
        " (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = s.id AND"
        "   EXISTS (SELECT 1 FROM stocktake_counts c WHERE c.line_id = l.id))"
        f" FROM stocktakes s{where} ORDER BY s.id DESC",
        args,
    ).fetchall()
    return [(StocktakeRow._make(r[:12]), r[12], r[13]) for r in rows]


def mark_cancelled(conn: sqlite3.Connection, stocktake_id: int, *, at: str | None = None) -> None:
    """Close the stocktake as cancelled (a trigger keeps it read-only from then on)."""
    conn.execute(
        "UPDATE stocktakes SET state = 'cancelled', closed_at = ? WHERE id = ?",
        (at or stamp(), stocktake_id),
    )


def mark_approved(
    conn: sqlite3.Connection,
    stocktake_id: int,
    *,
    approver: str,
    uncounted: str | None,
    document_id: int | None,
    at: str | None = None,
) -> None:
    """Close the stocktake as approved by ``approver``; ``document_id`` is the document of
    the posted differences (None: nothing was posted)."""
    conn.execute(
        "UPDATE stocktakes SET state = 'approved', closed_at = ?, approver = ?,"
        " uncounted = ?, document_id = ? WHERE id = ?",
        (at or stamp(), approver, uncounted, document_id, stocktake_id),
    )


# -- lines ------------------------------------------------------------------------------------


class LineRow(NamedTuple):
    """A line with its item and location; the ``final_*`` and ``posted_*`` columns are set at
    approval (quantities in thousandths, values in cents; ``last_cost`` of the item in
    ten-thousandths)."""

    id: int
    item_id: int
    sku: str
    name: str
    unit: str
    barcode: str | None
    location_id: int
    location: str
    batch: str
    expiry: str | None
    snapshot_qty: int
    snapshot_value: int
    added_at: str | None
    reason: str | None
    outcome: str | None
    final_expected: int | None
    final_counted: int | None
    posted_qty: int | None
    posted_value: int | None
    movement_id: int | None
    last_cost: int | None


LINE_COLS = (
    "l.id, l.item_id, i.sku, i.name, i.unit, i.barcode, l.location_id, loc.name, l.batch,"
    " l.expiry, l.snapshot_qty, l.snapshot_value, l.added_at, l.reason, l.outcome,"
    " l.final_expected, l.final_counted, l.posted_qty, l.posted_value, l.movement_id,"
    " i.last_cost"
)


def line_rows(conn: sqlite3.Connection, stocktake_id: int) -> list[LineRow]:
    """Lines in count-sheet order: location, SKU, expiry, batch."""
    rows = conn.execute(
        f"SELECT {LINE_COLS} FROM stocktake_lines l JOIN items i ON i.id = l.item_id"
        " JOIN locations loc ON loc.id = l.location_id WHERE l.stocktake_id = ?"
        " ORDER BY loc.name, i.sku, l.expiry IS NULL, l.expiry, l.batch, l.id",
        (stocktake_id,),
    ).fetchall()
    return list(map(LineRow._make, rows))


class ItemLine(NamedTuple):
    id: int
    location_id: int
    location: str
    batch: str


def item_lines(conn: sqlite3.Connection, stocktake_id: int, item_id: int) -> list[ItemLine]:
    """The lines of one item in the stocktake, at every location."""
    rows = conn.execute(
        "SELECT l.id, l.location_id, loc.name, l.batch FROM stocktake_lines l"
        " JOIN locations loc ON loc.id = l.location_id"
        " WHERE l.stocktake_id = ? AND l.item_id = ?",
        (stocktake_id, item_id),
    ).fetchall()
    return list(map(ItemLine._make, rows))


def item_line_batches(
    conn: sqlite3.Connection, stocktake_id: int, item_id: int
) -> list[tuple[str, str | None, str]]:
    """(batch, expiry, location name) of the lines of one item, soonest expiry first ('' is
    the batch of a line counted per item)."""
    return conn.execute(
        "SELECT l.batch, l.expiry, loc.name FROM stocktake_lines l"
        " JOIN locations loc ON loc.id = l.location_id WHERE l.stocktake_id = ? AND l.item_id = ?"
        " ORDER BY l.expiry IS NULL, l.expiry, l.batch",
        (stocktake_id, item_id),
    ).fetchall()


def add_found_line(
    conn: sqlite3.Connection,
    stocktake_id: int,
    *,
    item_id: int,
    location_id: int,
    batch: str,
    expiry: str | None,
    snapshot_qty: int,
    snapshot_value: int,
    at: str | None = None,
) -> int:
    """A line for stock found during the count (an item, batch or location not in the
    snapshot), expecting what the books held at the snapshot; its id."""
    cur = conn.execute(
        "INSERT INTO stocktake_lines (stocktake_id, item_id, location_id, batch, expiry,"
        " snapshot_qty, snapshot_value, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            stocktake_id,
            item_id,
            location_id,
            batch,
            expiry,
            snapshot_qty,
            snapshot_value,
            at or stamp(),
        ),
    )
    return int(cur.lastrowid)


def set_line_reason(
    conn: sqlite3.Connection, stocktake_id: int, line_id: int, reason: str | None
) -> bool:
    """Set the reason code of a line; False when the stocktake has no such line."""
    cur = conn.execute(
        "UPDATE stocktake_lines SET reason = ? WHERE id = ? AND stocktake_id = ?",
        (reason, line_id, stocktake_id),
    )
    return cur.rowcount > 0


class LineOutcome(NamedTuple):
    """What approval fixed on a line: quantities in thousandths, the posted value in cents,
    ``movement_id`` the first movement posted for it (None: nothing posted)."""

    line_id: int
    outcome: str  # counted | zero | unchanged
    final_expected: int
    final_counted: int | None
    posted_qty: int
    posted_value: int
    movement_id: int | None
    reason: str | None


def record_outcomes(conn: sqlite3.Connection, outcomes: Iterable[LineOutcome]) -> None:
    """Store the figures approval fixed on each line (before the stocktake is closed: a
    trigger refuses changes to the lines of a closed one)."""
    conn.executemany(
        "UPDATE stocktake_lines SET outcome = ?, final_expected = ?, final_counted = ?,"
        " posted_qty = ?, posted_value = ?, movement_id = ?, reason = ? WHERE id = ?",
        [(*x[1:], x.line_id) for x in outcomes],
    )
