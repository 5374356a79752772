"""Read models: stock at a date, period flows and summaries. Amounts in minor units."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter

from inventory_app.storage.memo import memoized

# flows per item: [in_qty, in_value, out_qty, out_value, adj_qty, adj_value]; out is positive
Flows = dict[int, list[int]]
# per item: [qty, value] in - out + adj
Net = dict[int, list[int]]


def month_key(d: dt.date) -> str:
    return f"{d:%Y-%m}"


def first_of_month(d: dt.date) -> dt.date:
    return d.replace(day=1)


def last_of_month(d: dt.date) -> dt.date:
    if d.month == 12:  # no next month to step back from in year 9999
        return d.replace(day=31)
    return d.replace(month=d.month + 1, day=1) - dt.timedelta(days=1)


def _add_movements(conn: sqlite3.Connection, acc: Flows, start: dt.date, end: dt.date) -> None:
    if start > end:
        return
    for item_id, f in _day_flows(conn, start, end).items():
        a = acc[item_id]
        for i, x in enumerate(f):
            a[i] += x


@memoized
def _day_flows(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Flows:
    """Flows of the movements dated ``start``..``end`` (part of a month). Memoized: windows
    that end (or start) on the same day share that month's days, e.g. the dashboard's
    12-month ABC and its 90-day demand both end today."""
    acc: Flows = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    rows = conn.execute(
        "SELECT item_id, bucket, sum(qty), sum(value) FROM movements"
        " WHERE date BETWEEN ? AND ? AND bucket <> 'xfer' GROUP BY item_id, bucket",
        (start.isoformat(), end.isoformat()),
    )
    for item_id, bucket, q, v in rows:
        f = acc[item_id]
        if bucket == "in":
            f[0] += q
            f[1] += v
        elif bucket == "out":
            f[2] -= q
            f[3] -= v
        else:
            f[4] += q
            f[5] += v
    return acc


def _months_between(first: str, last: str) -> int:
    """Months from 'YYYY-MM' ``first`` to ``last`` inclusive."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _month_index(conn: sqlite3.Connection, first: str | None, last: str) -> str | None:
    """How to read the months ``first``..``last`` of ``item_month`` (None: from the first):
    "month" through its month index, "+month" by reading the table whole, or None when it
    holds none of them. The table is clustered by (item, month): a scan streams the GROUP BY
    and costs the same whatever the window, the index costs ~2x a scan per row it reads
    (10k items x 13 months: 12 months scanned 95 ms, through the index 182 ms); so the index
    wins below ~40% of the months held. Two index probes tell what is held."""
    held_first = conn.execute("SELECT min(month) FROM item_month").fetchone()[0]
    if held_first is None:
        return None
    held_last = conn.execute("SELECT max(month) FROM item_month").fetchone()[0]
    lo = held_first if first is None else max(first, held_first)
    hi = min(last, held_last)
    if lo > hi:
        return None
    wanted = _months_between(lo, hi)
    return "+month" if wanted * 5 >= _months_between(held_first, held_last) * 2 else "month"


def _month_sums(
    conn: sqlite3.Connection, first: str | None, last: str, sums: str
) -> Iterable[tuple]:
    """(item_id, *``sums``) of ``item_month`` grouped by item over the months ``first``..
    ``last`` (``first`` None: from the first); nothing when the table holds none of them."""
    if first is not None and first > last:
        return ()
    month = _month_index(conn, first, last)
    if month is None:
        return ()
    sql = f"SELECT item_id, {sums} FROM item_month WHERE {month} <= ?"
    args: tuple = (last,)
    if first is not None:
        sql += f" AND {month} >= ?"
        args = (last, first)
    return conn.execute(sql + " GROUP BY item_id", args)


def _add_months(conn: sqlite3.Connection, acc: Flows, first: str | None, last: str) -> None:
    rows = _month_sums(
        conn, first, last,
        "sum(in_qty), sum(in_value), sum(out_qty), sum(out_value), sum(adj_qty), sum(adj_value)",
    )  # fmt: skip
    for item_id, *sums in rows:
        f = acc.get(item_id)
        if f is None:  # most items: the first figures seen (10k items, twice a summary)
            acc[item_id] = sums
        else:
            for i, s in enumerate(sums):
                f[i] += s


Span = tuple[list[tuple[dt.date, dt.date]], tuple[str | None, str] | None]


def _span(start: dt.date | None, end: dt.date) -> Span:
    """The days ``start``..``end`` (``start`` None: from the beginning) as the part months
    to read from ``movements`` (first day, last day) and the one run of whole months to
    read from ``item_month`` (first month or None, last month; None when there is none)."""
    days: list[tuple[dt.date, dt.date]] = []
    if start is not None and start > end:
        return days, None
    first_full: dt.date | None
    if start is None or start.day == 1:
        first_full = start
    else:
        head_end = min(end, last_of_month(start))
        days.append((start, head_end))
        first_full = head_end + dt.timedelta(days=1)
    if first_full is not None and first_full > end:
        return days, None
    if end == last_of_month(end):
        return days, (first_full and month_key(first_full), month_key(end))
    months = None
    before = first_of_month(end) - dt.timedelta(days=1)
    if first_full is None or first_full <= before:
        months = (first_full and month_key(first_full), month_key(before))
    tail_start = first_of_month(end)
    if first_full is not None:
        tail_start = max(tail_start, first_full)
    days.append((tail_start, end))
    return days, months


@memoized
def flows(conn: sqlite3.Connection, start: dt.date | None, end: dt.date) -> Flows:
    """Summed flows per item for movements dated ``start``..``end`` inclusive
    (``start`` None: from the beginning). Whole months come from ``item_month``."""
    acc: Flows = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    days, months = _span(start, end)
    for first_day, last_day in days:
        _add_movements(conn, acc, first_day, last_day)
    if months is not None:
        _add_months(conn, acc, *months)
    return acc


@memoized
def net_flows(conn: sqlite3.Connection, start: dt.date | None, end: dt.date) -> Net:
    """Per item, in - out + adj of its movements dated ``start``..``end`` inclusive, as
    [qty, value] (``start`` None: from the beginning: the balance at the end of ``end``).
    Items with movements in the window and a net of nothing are kept. Two sums a row
    instead of ``flows``' six: the opening of a summary reads most of the history."""
    acc: Net = {}
    days, months = _span(start, end)
    for first_day, last_day in days:
        _add_net(acc, conn.execute(
            "SELECT item_id, sum(qty), sum(value) FROM movements"
            " WHERE date BETWEEN ? AND ? AND bucket <> 'xfer' GROUP BY item_id",
            (first_day.isoformat(), last_day.isoformat()),
        ))  # fmt: skip
    if months is not None:
        _add_net(acc, _month_sums(
            conn, *months, "sum(in_qty - out_qty + adj_qty), sum(in_value - out_value + adj_value)"
        ))  # fmt: skip
    return acc


def _add_net(acc: Net, rows: Iterable[tuple[int, int, int]]) -> None:
    for item_id, q, v in rows:
        a = acc.get(item_id)
        if a is None:
            acc[item_id] = [q, v]
        else:
            a[0] += q
            a[1] += v


def balances(conn: sqlite3.Connection, at: dt.date) -> dict[int, tuple[int, int]]:
    """Per item (qty, value) at the end of ``at``."""
    return {
        i: (f[0] - f[2] + f[4], f[1] - f[3] + f[5])
        for i, f in flows(conn, None, at).items()
        if any(f)
    }


def current_balances(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    return {
        i: (q, v)
        for i, q, v in conn.execute(
            "SELECT id, on_hand_qty, on_hand_value FROM items"
            " WHERE on_hand_qty <> 0 OR on_hand_value <> 0"
        )
    }


_BATCH_SELECT = (
    "SELECT i.sku, i.name, i.unit, b.code, l.name, b.expiry, b.unit_cost, b.received_date,"
    " {qty} AS q, {value} AS v, b.id, i.category FROM batches b"
    " JOIN items i ON i.id = b.item_id JOIN locations l ON l.id = b.location_id"
)


def batches_at(conn: sqlite3.Connection, at: dt.date | None) -> list[tuple]:
    """Batches holding stock at the end of ``at`` (None: now), ordered by SKU, location,
    received date: (sku, name, unit, code, location, expiry, unit_cost, received, qty,
    value, batch_id, category)."""
    order = " ORDER BY i.sku, l.name, b.received_date, b.id"
    if at is None:
        sql = _BATCH_SELECT.format(qty="b.qty_remaining", value="b.value_remaining")
        return conn.execute(sql + " WHERE b.qty_remaining > 0" + order).fetchall()
    sql = (
        _BATCH_SELECT.format(
            qty="b.qty_remaining + coalesce(a.q, 0)", value="b.value_remaining + coalesce(a.v, 0)"
        )
        + " LEFT JOIN (SELECT batch_id, sum(qty) AS q, sum(value) AS v FROM allocations"
        " WHERE date > ? GROUP BY batch_id) a ON a.batch_id = b.id"
        " WHERE b.posted_date <= ? AND b.qty_remaining + coalesce(a.q, 0) > 0"
    )
    day = at.isoformat()
    return conn.execute(sql + order, (day, day)).fetchall()


def item_batches(conn: sqlite3.Connection, sku: str, location: str | None) -> list[tuple]:
    """Batches of the item ``sku`` holding stock now (at ``location`` only, unless None), in
    the order its removal policy draws them (FIFO: received; FEFO: expiry, undated last).
    Rows as ``batches_at``'s (amounts in minor units)."""
    sql = _BATCH_SELECT.format(qty="b.qty_remaining", value="b.value_remaining") + (
        " WHERE i.sku = ? AND b.qty_remaining > 0 AND (? IS NULL OR l.name = ?)"
        " ORDER BY CASE WHEN i.removal = 'fefo' THEN coalesce(b.expiry, '9999-12-31') END,"
        " b.received_date, b.id"
    )
    return conn.execute(sql, (sku, location, location)).fetchall()


def total_value(conn: sqlite3.Connection) -> int:
    """The value of all stock on hand now, in minor units (cents)."""
    return conn.execute("SELECT coalesce(sum(on_hand_value), 0) FROM items").fetchone()[0]


def item_count(conn: sqlite3.Connection) -> int:
    """How many items the catalogue holds, with stock or without."""
    return conn.execute("SELECT count(*) FROM items").fetchone()[0]


def item_rows(conn: sqlite3.Connection, ids: set[int] | None = None) -> dict[int, tuple]:
    """id -> (sku, name, category, unit)."""
    rows = conn.execute("SELECT id, sku, name, category, unit FROM items").fetchall()
    if ids is not None:
        rows = [r for r in rows if r[0] in ids]
    return dict(zip(map(itemgetter(0), rows), map(itemgetter(slice(1, 5)), rows), strict=True))
