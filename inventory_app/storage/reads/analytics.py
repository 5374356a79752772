"""Read models for stock health (turnover trend, losses, demand, expiry, dead stock).

Amounts in minor units (qty thousandths, money cents); dates as ISO text in, ``dt.date`` or
text out as documented. Whole months come from ``item_month`` and open batches from the
``batches_open`` partial index, so a year of history reads thousands of rows, not millions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict

from inventory_app.storage.memo import memoized
from inventory_app.storage.reads import stock as queries

# (in_value, out_value, adj_value), out positive
ValueFlows = tuple[int, int, int]


@memoized
def month_value_flows(
    conn: sqlite3.Connection, *, until: str | None = None
) -> dict[str, ValueFlows]:
    """Shop-wide value flows per month ('YYYY-MM'), every month up to ``until`` inclusive."""
    sql = "SELECT month, sum(in_value), sum(out_value), sum(adj_value) FROM item_month"
    args: tuple = ()
    if until is not None:
        sql += " WHERE month <= ?"
        args = (until,)
    return {m: (i, o, a) for m, i, o, a in conn.execute(sql + " GROUP BY month", args)}


@memoized
def day_value_flows(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> dict[str, ValueFlows]:
    """Shop-wide value flows per day for movements dated ``start``..``end``."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    rows = conn.execute(
        "SELECT date, bucket, sum(value) FROM movements WHERE date BETWEEN ? AND ?"
        " AND bucket <> 'xfer' GROUP BY date, bucket",
        (start.isoformat(), end.isoformat()),
    )
    for date, bucket, v in rows:
        f = out[date]
        if bucket == "in":
            f[0] += v
        elif bucket == "out":
            f[1] -= v
        else:
            f[2] += v
    return {d: (f[0], f[1], f[2]) for d, f in out.items()}


def weighted_value_changes(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> dict[int, int]:
    """Per item: Σ value change × days it stays in the period (end - date + 1), in cent-days;
    with the opening value this gives the daily average inventory in one pass."""
    rows = conn.execute(
        "SELECT item_id, sum(value * (julianday(?) - julianday(date) + 1)) FROM movements"
        " WHERE date BETWEEN ? AND ? AND bucket <> 'xfer' GROUP BY item_id",
        (end.isoformat(), start.isoformat(), end.isoformat()),
    )
    return {i: int(v) for i, v in rows}


def losses(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> dict[int, int]:
    """Per item: cents lost to write-offs and stocktake shortfalls dated in the period, net
    of their reversals (positive = lost)."""
    rows = conn.execute(
        "SELECT m.item_id, -sum(m.value) FROM movements m"
        " LEFT JOIN movements o ON o.id = m.reverses_id"
        " WHERE m.date BETWEEN ? AND ? AND m.bucket = 'adj' AND ("
        "   m.type = 'writeoff' OR (m.type = 'stocktake' AND m.qty < 0)"
        "   OR (m.type = 'reversal' AND (o.type = 'writeoff'"
        "       OR (o.type = 'stocktake' AND o.qty < 0))))"
        " GROUP BY m.item_id",
        (start.isoformat(), end.isoformat()),
    )
    return {i: int(v) for i, v in rows if v}


def daily_demand(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> dict[int, dict[str, int]]:
    """Per item and day: quantity issued (milli-units, net of reversed issues)."""
    out: dict[int, dict[str, int]] = defaultdict(dict)
    rows = conn.execute(
        "SELECT item_id, date, -sum(qty) FROM movements WHERE date BETWEEN ? AND ?"
        " AND bucket = 'out' GROUP BY item_id, date",
        (start.isoformat(), end.isoformat()),
    )
    for item_id, date, q in rows:
        if q > 0:
            out[item_id][date] = q
    return out


_items_memo: tuple = (None, None, {})  # (connection, (data_version, total_changes), rows)


def _version(conn: sqlite3.Connection) -> tuple[int, int]:
    # data_version moves when another connection commits, total_changes on our own writes
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def items_for_health(conn: sqlite3.Connection) -> dict[int, tuple]:
    """id -> (sku, name, category, unit, reorder_point, safety_stock, lead_time_days,
    active, on_hand_qty, on_hand_value). Remembered for the last connection until the file
    changes, since one dashboard refresh asks for it several times. Do not mutate."""
    global _items_memo
    version = _version(conn)
    memo_conn, memo_version, memo_rows = _items_memo  # one read: threads swap the whole tuple
    if memo_conn is conn and memo_version == version and not conn.in_transaction:
        return memo_rows
    rows = conn.execute(
        "SELECT id, sku, name, category, unit, reorder_point, safety_stock, lead_time_days,"
        " active, on_hand_qty, on_hand_value FROM items"
    )
    out = {r[0]: r[1:] for r in rows}
    _items_memo = (conn, version, out)
    return out


def items_with_history(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT DISTINCT item_id FROM item_month")}


def last_issue_months(conn: sqlite3.Connection, *, until: str) -> dict[int, str]:
    """Per item: the last month up to ``until`` ('YYYY-MM') with a net issue."""
    rows = conn.execute(
        "SELECT item_id, max(month) FROM item_month WHERE out_qty > 0 AND month <= ?"
        " GROUP BY item_id",
        (until,),
    )
    return dict(rows.fetchall())


def last_issue_dates(
    conn: sqlite3.Connection, spans: list[tuple[int, str, str]]
) -> dict[int, str | None]:
    """Per (item_id, first, last) in ``spans``: the last day from ``first`` to ``last``
    (ISO dates) on which the item was issued, or None. One statement per 300 items."""
    out: dict[int, str | None] = {}
    for n in range(0, len(spans), 300):
        chunk = spans[n : n + 300]
        rows = conn.execute(
            "WITH s(item_id, first, last) AS (VALUES " + ", ".join(["(?, ?, ?)"] * len(chunk))
            + ") SELECT s.item_id, (SELECT max(date) FROM movements m WHERE m.item_id = s.item_id"
            " AND m.date BETWEEN s.first AND s.last AND m.type = 'issue') FROM s",
            [x for span in chunk for x in span],
        )  # fmt: skip
        out.update(rows)
    return out


def first_received_dates(conn: sqlite3.Connection, item_ids: list[int]) -> dict[int, str]:
    """Per item of ``item_ids`` that ever had a batch: its first received date."""
    out: dict[int, str] = {}
    for n in range(0, len(item_ids), 500):
        chunk = item_ids[n : n + 500]
        rows = conn.execute(
            "SELECT item_id, min(received_date) FROM batches WHERE item_id IN ("
            + ", ".join("?" * len(chunk)) + ") GROUP BY item_id",
            chunk,
        )  # fmt: skip
        out.update(rows)
    return out


@memoized
def open_batches(conn: sqlite3.Connection) -> list[tuple]:
    """Open batches (now): (item_id, code, location, expiry, received_date, qty, value,
    batch_id, location_id), in no particular order. Shared inside ``reusing_reads()``:
    expiry, alerts and ageing read them once."""
    # Through the batches_open index when few batches are open (a long history), else
    # straight through the table: seeking row by row is the slower way to read most of it
    # (150k of 156k open: 228 -> 148 ms).
    n_open, last_id = conn.execute(
        "SELECT (SELECT count(*) FROM batches WHERE qty_remaining > 0),"
        " (SELECT max(id) FROM batches)"
    ).fetchone()
    scan = " NOT INDEXED" if n_open * 4 > (last_id or 0) else ""
    return conn.execute(
        "SELECT b.item_id, b.code, l.name, b.expiry, b.received_date, b.qty_remaining,"
        f" b.value_remaining, b.id, b.location_id FROM batches b{scan}"
        " JOIN locations l ON l.id = b.location_id"
        " WHERE b.qty_remaining > 0"
    ).fetchall()


batches_at = memoized(queries.batches_at)  # a past day's batches, read once per computation
