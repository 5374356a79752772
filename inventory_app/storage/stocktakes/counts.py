"""Counts of stocktake lines (append-only: a recount opens a new round) and the count sheets
taken in. Quantities in thousandths."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from inventory_app.storage.stocktakes.records import stamp


class CurrentCount(NamedTuple):
    """The counts of a line's current round."""

    qty: int  # summed over the counters
    seen: int  # the last movement posted when the latest of them was made
    round: int
    counts: int
    last_counted_at: str
    counters: str | None  # the distinct names, joined by ','


def current_counts(conn: sqlite3.Connection, stocktake_id: int) -> dict[int, CurrentCount]:
    """line id -> its current round, for every counted line of the stocktake."""
    rows = conn.execute(
        "SELECT c.line_id, sum(c.qty), max(c.seen_movement_id), c.round, count(*),"
        " max(c.counted_at), group_concat(DISTINCT nullif(c.counter, ''))"
        " FROM stocktake_counts c JOIN stocktake_lines l ON l.id = c.line_id"
        " WHERE l.stocktake_id = ? AND c.round = (SELECT max(round) FROM stocktake_counts x"
        "  WHERE x.line_id = c.line_id) GROUP BY c.line_id",
        (stocktake_id,),
    )
    return {r[0]: CurrentCount._make(r[1:]) for r in rows}


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
    """The current round of a line; 0 when it was never counted."""
    return conn.execute(
        "SELECT coalesce(max(round), 0) FROM stocktake_counts WHERE line_id = ?", (line_id,)
    ).fetchone()[0]


def record_count(
    conn: sqlite3.Connection,
    line_id: int,
    *,
    round_: int,
    qty: int,
    counter: str,
    source: str,
    at: str | None = None,
) -> int:
    """Append a count of ``qty`` to round ``round_`` of a line, with the last movement posted
    now (what the books held when it was made); the count's id."""
    cur = conn.execute(
        "INSERT INTO stocktake_counts (line_id, round, qty, counter, counted_at,"
        " seen_movement_id, source)"
        " VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM movements), ?)",
        (line_id, round_, qty, counter, at or stamp(), source),
    )
    return int(cur.lastrowid)


def round_total(conn: sqlite3.Connection, line_id: int, round_: int) -> int:
    """What the counts of one round of a line add up to."""
    return conn.execute(
        "SELECT coalesce(sum(qty), 0) FROM stocktake_counts WHERE line_id = ? AND round = ?",
        (line_id, round_),
    ).fetchone()[0]


def sheet_imported_at(conn: sqlite3.Connection, stocktake_id: int, digest: str) -> str | None:
    """When a count sheet with these counts (``digest``) was taken in; None: never."""
    row = conn.execute(
        "SELECT imported_at FROM stocktake_imports WHERE stocktake_id = ? AND digest = ?",
        (stocktake_id, digest),
    ).fetchone()
    return None if row is None else row[0]


def record_sheet_import(
    conn: sqlite3.Connection,
    stocktake_id: int,
    *,
    file_name: str,
    digest: str,
    counts: int,
    at: str | None = None,
) -> None:
    """Remember a count sheet taken in, so the same counts are not taken twice."""
    conn.execute(
        "INSERT INTO stocktake_imports (stocktake_id, file_name, digest, counts, imported_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (stocktake_id, file_name, digest, counts, at or stamp()),
    )
