"""Read models of the Excel pack: movement lines per batch, stocktake variances, closing batches
and the few item facts the sheets need.

Amounts in minor units (qty thousandths, money cents, unit cost ten-thousandths); dates as ISO
text. The long readers (movement lines, closing batches) stream: a cursor fetched in chunks as
the rows are consumed, so a month of 100k lines never sits in memory at once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

from inventory_app.domain.money import QTY_SCALE

_CHUNK = 2000  # rows per fetch of a streamed reader


def _stream(conn: sqlite3.Connection, sql: str, params: dict[str, str]) -> Iterator[tuple]:
    """The rows of ``sql``, fetched in chunks as they are consumed (run on the first)."""
    return rows_of(conn.execute(sql, params))


def rows_of(cur: sqlite3.Cursor) -> Iterator[tuple]:
    """The rows of an executed cursor, fetched in chunks as they are consumed."""
    while True:
        chunk = cur.fetchmany(_CHUNK)
        if not chunk:
            return
        yield from chunk


def item_skus(conn: sqlite3.Connection) -> dict[int, str]:
    """id -> SKU for every item."""
    return dict(conn.execute("SELECT id, sku FROM items"))


def item_units(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, unit) for every item."""
    return conn.execute("SELECT id, unit FROM items").fetchall()


def item_texts(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(sku, name, category) for every item (the sheets size their columns from them)."""
    return conn.execute("SELECT sku, name, category FROM items").fetchall()


def items_with_fractional_qty(conn: sqlite3.Connection, *, until: dt.date) -> set[int]:
    """Items with a movement dated up to ``until`` whose quantity is not whole."""
    # NOT INDEXED: SQLite would walk the item index for DISTINCT, visiting every movement in
    # item order (1.8 s CPU on a 1M-movement shop); one scan in table order takes 0.1 s.
    rows = conn.execute(
        "SELECT DISTINCT item_id FROM movements NOT INDEXED"
        f" WHERE qty % {QTY_SCALE} <> 0 AND date <= ?",
        (until.isoformat(),),
    )
    return {i for (i,) in rows}


# A movement touches batches in two ways: it draws from them (allocations; qty > 0 drawn, < 0
# put back) or it creates them (receipts, positive adjustments, the destination of a
# transfer). Each such touch is one line, so batch and cost are exact for every row, and the
# lines of a movement add up to its own qty and value (transfers: to zero). Items and
# locations come as ids (their texts: ``item_names``, ``location_names``): joining them for
# every line cost ~0.3 s of a month's ~1 s on a 1M-movement shop.
_LINES_SQL = """
SELECT m.date, m.id, m.type, m.bucket, m.reference, d.reference, m.item_id, b.code,
       b.location_id, -a.qty, -a.value, b.unit_cost, m.reason, m.operator, m.note, d.note,
       0 AS part, a.id AS sub
FROM movements m
JOIN allocations a ON a.movement_id = m.id
JOIN batches b ON b.id = a.batch_id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
UNION ALL
SELECT m.date, m.id, m.type, m.bucket, m.reference, d.reference, m.item_id, b.code,
       b.location_id, b.qty_received, b.value_received, b.unit_cost, m.reason, m.operator,
       m.note, d.note, 1 AS part, b.id AS sub
FROM movements m
JOIN batches b ON b.movement_id = m.id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
ORDER BY 1, 2, part, sub
"""


def item_names(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """id -> (SKU, name) for every item."""
    return {i: (sku, name) for i, sku, name in conn.execute("SELECT id, sku, name FROM items")}


def location_names(conn: sqlite3.Connection) -> dict[int, str]:
    """id -> name for every location."""
    return dict(conn.execute("SELECT id, name FROM locations"))


def count_movement_lines(conn: sqlite3.Connection, *, start: dt.date, end: dt.date) -> int:
    """How many rows ``movement_lines`` gives for ``start``..``end`` (for progress)."""
    args = (start.isoformat(), end.isoformat())
    drawn = conn.execute(
        "SELECT count(*) FROM movements m JOIN allocations a ON a.movement_id = m.id"
        " WHERE m.date BETWEEN ? AND ?",
        args,
    ).fetchone()[0]
    created = conn.execute(
        "SELECT count(*) FROM movements m JOIN batches b ON b.movement_id = m.id"
        " WHERE m.date BETWEEN ? AND ?",
        args,
    ).fetchone()[0]
    return drawn + created


def movement_lines(conn: sqlite3.Connection, *, start: dt.date, end: dt.date) -> Iterator[tuple]:
    """One row per batch a movement dated ``start``..``end`` touched, in date, movement
    order: (date, id, type, bucket, reference, doc reference, item_id, batch, location_id,
    qty milli, value cents, unit cost e4, reason, operator, note, doc note, part, sub).
    Streamed: a cursor, not a list."""
    return _stream(conn, _LINES_SQL, {"start": start.isoformat(), "end": end.isoformat()})


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def stocktake_variances(conn: sqlite3.Connection, *, start: dt.date, end: dt.date) -> list[tuple]:
    """Stocktake variances posted ``start``..``end`` and reversals of them, by date and
    movement: (date, movement id, stocktake id, item_id, sku, name, location, qty milli,
    value cents, reason, operator, note, type, reversed movement's stocktake id, book qty
    milli, counted qty milli, batch, stocktake name). The last four come from the stocktake
    tables and are None in a file opened read-only before they existed."""
    detail = _has_table(conn, "stocktake_lines") and _has_table(conn, "stocktakes")
    extra = (
        ", sl.final_expected, sl.final_counted, sl.batch, s.name"
        if detail
        else ", NULL, NULL, NULL, NULL"
    )
    join = (
        " LEFT JOIN stocktake_lines sl ON sl.movement_id = m.id"
        " LEFT JOIN stocktakes s ON s.id = coalesce(m.stocktake_id, sl.stocktake_id)"
        if detail
        else ""
    )
    sql = (
        "SELECT m.date, m.id, m.stocktake_id, m.item_id, i.sku, i.name, l.name, m.qty, m.value,"
        " m.reason, m.operator, m.note, m.type, o.stocktake_id" + extra + " FROM movements m"
        " JOIN items i ON i.id = m.item_id JOIN locations l ON l.id = m.location_id"
        " LEFT JOIN movements o ON o.id = m.reverses_id" + join + " WHERE m.date BETWEEN ? AND ?"
        " AND (m.type = 'stocktake' OR (m.type = 'reversal' AND o.type = 'stocktake'))"
        " ORDER BY m.date, m.id"
    )
    return conn.execute(sql, (start.isoformat(), end.isoformat())).fetchall()


# Batches holding stock at the end of a day: what remains now plus what movements dated
# after that day drew from them (the same rule as ``reads.stock.batches_at``), streamed.
# The draws after the day are summed per batch with a seek in allocations_batch (batch, date):
# grouping every allocation of the shop first scanned ~1M rows (0.6 s on a 1M-movement shop)
# to keep the few thousand dated after a recent month end. The qty sum decides which batches
# held stock; the value sum is taken for those only.
_CLOSING_SQL = """
SELECT i.id, i.sku, i.name, i.category, b.code, l.name, b.received_date, b.expiry,
       b.qty_remaining + b.q, b.unit_cost,
       b.value_remaining + coalesce((SELECT sum(value) FROM allocations
                                     WHERE batch_id = b.id AND date > :at), 0)
FROM (SELECT id, item_id, location_id, code, received_date, expiry, unit_cost, qty_remaining,
             value_remaining,
             coalesce((SELECT sum(qty) FROM allocations
                       WHERE batch_id = batches.id AND date > :at), 0) AS q
      FROM batches WHERE posted_date <= :at) b
JOIN items i ON i.id = b.item_id
JOIN locations l ON l.id = b.location_id
WHERE b.qty_remaining + b.q > 0
ORDER BY i.sku, l.name, b.received_date, b.id
"""


def closing_batches(conn: sqlite3.Connection, *, at: dt.date) -> Iterator[tuple]:
    """(item_id, sku, name, category, batch, location, received ISO, expiry ISO or None,
    qty milli, unit cost e4, value cents) per batch holding stock at the end of ``at``, by
    SKU, location, received date and batch. Streamed."""
    return _stream(conn, _CLOSING_SQL, {"at": at.isoformat()})


def closing_batches_cursor(conn: sqlite3.Connection, *, at: dt.date) -> sqlite3.Cursor:
    """``closing_batches``' statement, executed: its first step computes and sorts every row
    (the ORDER BY needs a sort), so the work is done, outside the GIL, before it returns."""
    return conn.execute(_CLOSING_SQL, {"at": at.isoformat()})
