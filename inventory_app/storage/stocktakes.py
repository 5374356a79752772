"""SQL of stocktakes: snapshot, counts, and what moved since. Amounts in minor units.

Posting order, not dates, decides what moved "between the snapshot and a count": every
movement has an increasing id, a batch is created by a movement (``batches.movement_id``) and
every draw or put-back is an allocation of a movement. So the stock of a line at the moment
``w`` (the last movement id posted then) is what batches created up to ``w`` received minus
what allocations of movements up to ``w`` took.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def last_movement_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM movements").fetchone()[0]


def insert_stocktake(
    conn: sqlite3.Connection,
    *,
    name: str,
    scope: str,
    blind: bool,
    mark: int,
    now: str,
    started_by: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO stocktakes (name, scope, blind, snapshot_movement_id, started_at, started_by)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (name, scope, int(blind), mark, now, started_by),
    )
    return int(cur.lastrowid)


def add_scope_items(conn: sqlite3.Connection, stocktake_id: int, item_ids: Iterable[int]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO stocktake_items (stocktake_id, item_id) VALUES (?, ?)",
        [(stocktake_id, i) for i in item_ids],
    )


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


STOCKTAKE_COLS = (
    "id, name, scope, blind, state, snapshot_movement_id, started_at, started_by, closed_at,"
    " approver, uncounted, document_id"
)


def stocktake_row(conn: sqlite3.Connection, stocktake_id: int) -> tuple | None:
    return conn.execute(
        f"SELECT {STOCKTAKE_COLS} FROM stocktakes WHERE id = ?", (stocktake_id,)
    ).fetchone()


def stocktake_rows(conn: sqlite3.Connection, stocktake_id: int | None = None) -> list[tuple]:
    """Every stocktake (or the one ``stocktake_id``) with (lines, counted lines), newest
    first."""
    where, args = ("", ()) if stocktake_id is None else (" WHERE s.id = ?", (stocktake_id,))
    return conn.execute(
        f"SELECT {STOCKTAKE_COLS},"
        " (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = s.id),"
        " (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = s.id AND"
        "   EXISTS (SELECT 1 FROM stocktake_counts c WHERE c.line_id = l.id))"
        f" FROM stocktakes s{where} ORDER BY s.id DESC",
        args,
    ).fetchall()


LINE_COLS = (
    "l.id, l.item_id, i.sku, i.name, i.unit, i.barcode, l.location_id, loc.name, l.batch,"
    " l.expiry, l.snapshot_qty, l.snapshot_value, l.added_at, l.reason, l.outcome,"
    " l.final_expected, l.final_counted, l.posted_qty, l.posted_value, l.movement_id,"
    " i.last_cost"
)


def line_rows(conn: sqlite3.Connection, stocktake_id: int) -> list[tuple]:
    """Lines in count-sheet order: location, SKU, expiry, batch."""
    return conn.execute(
        f"SELECT {LINE_COLS} FROM stocktake_lines l JOIN items i ON i.id = l.item_id"
        " JOIN locations loc ON loc.id = l.location_id WHERE l.stocktake_id = ?"
        " ORDER BY loc.name, i.sku, l.expiry IS NULL, l.expiry, l.batch, l.id",
        (stocktake_id,),
    ).fetchall()


def current_counts(conn: sqlite3.Connection, stocktake_id: int) -> dict[int, tuple]:
    """line id -> (qty summed over the current round, last seen movement id, round,
    number of counts in the round, last counted_at, counters joined by ', ')."""
    rows = conn.execute(
        "SELECT c.line_id, sum(c.qty), max(c.seen_movement_id), c.round, count(*),"
        " max(c.counted_at), group_concat(DISTINCT nullif(c.counter, ''))"
        " FROM stocktake_counts c JOIN stocktake_lines l ON l.id = c.line_id"
        " WHERE l.stocktake_id = ? AND c.round = (SELECT max(round) FROM stocktake_counts x"
        "  WHERE x.line_id = c.line_id) GROUP BY c.line_id",
        (stocktake_id,),
    )
    return {r[0]: r[1:] for r in rows}


def count_rows(conn: sqlite3.Connection, stocktake_id: int) -> list[tuple]:
    """Every count ever recorded: (count id, line id, round, qty, counter, counted_at,
    source, current round of the line)."""
    return conn.execute(
        "SELECT c.id, c.line_id, c.round, c.qty, c.counter, c.counted_at, c.source,"
        " (SELECT max(round) FROM stocktake_counts x WHERE x.line_id = c.line_id)"
        " FROM stocktake_counts c JOIN stocktake_lines l ON l.id = c.line_id"
        " WHERE l.stocktake_id = ? ORDER BY c.id",
        (stocktake_id,),
    ).fetchall()


def line_round(conn: sqlite3.Connection, line_id: int) -> int:
    return conn.execute(
        "SELECT coalesce(max(round), 0) FROM stocktake_counts WHERE line_id = ?", (line_id,)
    ).fetchone()[0]


def insert_count(
    conn: sqlite3.Connection,
    *,
    line_id: int,
    round_: int,
    qty: int,
    counter: str,
    now: str,
    mark: int,
    source: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO stocktake_counts (line_id, round, qty, counter, counted_at,"
        " seen_movement_id, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (line_id, round_, qty, counter, now, mark, source),
    )
    return int(cur.lastrowid)
