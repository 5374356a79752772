"""What the ledger says, as a stocktake needs it: the stock at a moment, what moved since, the
batches held, and what stocktakes posted. Quantities in thousandths, values in cents, unit
costs in ten-thousandths.

Posting order, not dates, decides what moved "between the snapshot and a count": every
movement has an increasing id, a batch is created by a movement (``batches.movement_id``) and
every draw or put-back is an allocation of a movement. So the stock of a line at the moment
``w`` (the last movement id posted then) is what batches created up to ``w`` received minus
what allocations of movements up to ``w`` took.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence


def last_movement_id(conn: sqlite3.Connection) -> int:
    """The id of the last movement posted (0: none yet): the moment the books are at."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM movements").fetchone()[0]


def qty_at_mark(
    conn: sqlite3.Connection, *, item_id: int, location_id: int, batch: str, mark: int
) -> tuple[int, int]:
    """(qty, value) of an item/location (one batch code, or all when ``batch`` is '') after
    movement ``mark`` was posted."""
    code = "" if not batch else " AND b.code = ? COLLATE NOCASE"
    args: tuple = (item_id, location_id) + ((batch,) if batch else ())
    received = conn.execute(
        "SELECT coalesce(sum(b.qty_received), 0), coalesce(sum(b.value_received), 0)"
        f" FROM batches b WHERE b.item_id = ? AND b.location_id = ?{code} AND b.movement_id <= ?",
        (*args, mark),
    ).fetchone()
    drawn = conn.execute(
        "SELECT coalesce(sum(a.qty), 0), coalesce(sum(a.value), 0) FROM allocations a"
        " JOIN batches b ON b.id = a.batch_id"
        f" WHERE b.item_id = ? AND b.location_id = ?{code} AND a.movement_id <= ?",
        (*args, mark),
    ).fetchone()
    return received[0] - drawn[0], received[1] - drawn[1]


def events_since(
    conn: sqlite3.Connection, stocktake_id: int, mark: int
) -> list[tuple[int, int, str, int, int]]:
    """(item_id, location_id, batch code, movement_id, signed qty) of everything posted after
    movement ``mark`` to the items of the stocktake: batches created and allocations, in no
    particular order. Read from the movements after ``mark`` (a range of the movement-id
    indexes), not from all the history of the items in scope: a stocktake is recent."""
    in_scope = "b.item_id IN (SELECT item_id FROM stocktake_items WHERE stocktake_id = ?)"
    return conn.execute(
        "SELECT b.item_id, b.location_id, b.code, b.movement_id, b.qty_received"
        f" FROM batches b WHERE b.movement_id > ? AND {in_scope}"
        " UNION ALL"
        " SELECT b.item_id, b.location_id, b.code, a.movement_id, -a.qty"
        " FROM allocations a CROSS JOIN batches b ON b.id = a.batch_id"
        f" WHERE a.movement_id > ? AND {in_scope}",
        (mark, stocktake_id, mark, stocktake_id),
    ).fetchall()


def holdings_now(
    conn: sqlite3.Connection, stocktake_id: int
) -> list[tuple[int, int, str, int, int]]:
    """(item_id, location_id, code, qty, value) per batch code (case-insensitive) of the
    stocktake's items that holds stock now."""
    return conn.execute(
        "SELECT b.item_id, b.location_id, b.code, sum(b.qty_remaining), sum(b.value_remaining)"
        " FROM batches b JOIN stocktake_items s ON s.item_id = b.item_id"
        " WHERE s.stocktake_id = ? AND b.qty_remaining > 0"
        " GROUP BY b.item_id, b.location_id, b.code COLLATE NOCASE",
        (stocktake_id,),
    ).fetchall()


def batches_held(conn: sqlite3.Connection, item_id: int) -> list[tuple[str, str | None, str]]:
    """(code, expiry, location name) of every batch of the item that holds stock now."""
    return conn.execute(
        "SELECT b.code, b.expiry, l.name FROM batches b JOIN locations l ON l.id = b.location_id"
        " WHERE b.item_id = ? AND b.qty_remaining > 0",
        (item_id,),
    ).fetchall()


def batch_identity(conn: sqlite3.Connection, item_id: int, code: str) -> tuple[str | None, str]:
    """(expiry, code as first received) of the item's batch ``code`` matched without regard
    to case; (None, ``code``) when the item never had that batch."""
    expiry, stored = conn.execute(
        "SELECT min(expiry), min(code) FROM batches WHERE item_id = ? AND code = ? COLLATE NOCASE",
        (item_id, code),
    ).fetchone()
    return expiry, stored or code


def expired_batches(
    conn: sqlite3.Connection, *, item_id: int, location_id: int, today: dt.date
) -> list[tuple[str, int]]:
    """(code, qty held) of the item's batches at a location that expired before ``today``
    and still hold stock, oldest expiry first."""
    return conn.execute(
        "SELECT code, sum(qty_remaining) FROM batches WHERE item_id = ? AND location_id = ?"
        " AND qty_remaining > 0 AND expiry < ? GROUP BY code ORDER BY min(expiry), min(id)",
        (item_id, location_id, today.isoformat()),
    ).fetchall()


def newest_batch_cost(conn: sqlite3.Connection, item_id: int, *, batch: str = "") -> int | None:
    """Unit cost of the item's newest batch (with code ``batch``, case-insensitive, when one
    is named); None: the item has no such batch."""
    sql = "SELECT unit_cost FROM batches WHERE item_id = ?"
    args: tuple = (item_id,)
    if batch:
        sql += " AND code = ? COLLATE NOCASE"
        args += (batch,)
    row = conn.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
    return None if row is None else row[0]


def movement_values(conn: sqlite3.Connection, movement_ids: Sequence[int]) -> dict[int, int]:
    """movement id -> its signed value, for the movements asked."""
    if not movement_ids:
        return {}
    marks = ",".join("?" * len(movement_ids))
    return dict(
        conn.execute(f"SELECT id, value FROM movements WHERE id IN ({marks})", movement_ids)
    )


def stocktake_gains_losses(
    conn: sqlite3.Connection, *, start: dt.date, end: dt.date
) -> tuple[int, int]:
    """(gains, losses), both >= 0, that stocktake movements dated ``start``..``end`` posted;
    a reversal of a stocktake movement counts against what it reversed."""
    row = conn.execute(
        "SELECT coalesce(sum(CASE WHEN coalesce(o.qty, m.qty) > 0 THEN m.value END), 0),"
        " coalesce(-sum(CASE WHEN coalesce(o.qty, m.qty) < 0 THEN m.value END), 0)"
        " FROM movements m LEFT JOIN movements o ON o.id = m.reverses_id"
        " WHERE m.date BETWEEN ? AND ? AND (m.type = 'stocktake' OR o.type = 'stocktake')",
        (start.isoformat(), end.isoformat()),
    ).fetchone()
    return row[0], row[1]
