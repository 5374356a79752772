"""Purchase orders, their lines and the receipts posted against them: their SQL.

A line's quantity is in its pack (thousandths of packs), its factor in thousandths of stock
units, its cost per pack in ten-thousandths. What a line received is summed from the receipt
movements linked to it in ``po_receipts`` (less any reversal of them), in stock units.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from inventory_app.domain.errors import NotFound

ORDER_READ = (
    "o.id, s.code, s.name, o.status, o.created_on, o.sent_on, o.expected, o.closed_on,"
    " o.cancel_reason, o.note, s.lead_time_days, s.min_order_value"
)

# Stock units received per line: its receipts, net of their reversals.
_RECEIVED = """
    SELECT r.line_id, sum(m.qty + coalesce(x.qty, 0)) AS qty,
           sum(m.value + coalesce(x.value, 0)) AS value
    FROM po_receipts r JOIN movements m ON m.id = r.movement_id
    LEFT JOIN movements x ON x.reverses_id = m.id
    GROUP BY r.line_id
"""


def insert_order(
    conn: sqlite3.Connection,
    *,
    supplier_id: int,
    created_on: str,
    expected: str,
    created_at: str,
    note: str = "",
) -> int:
    cur = conn.execute(
        "INSERT INTO purchase_orders (supplier_id, created_on, expected, note, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (supplier_id, created_on, expected, note, created_at),
    )
    return int(cur.lastrowid)


def order(conn: sqlite3.Connection, order_id: int) -> tuple:
    """The order row (``ORDER_READ``); ``po.unknown`` if there is none."""
    row = conn.execute(
        f"SELECT {ORDER_READ} FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id"
        " WHERE o.id = ?",
        (order_id,),
    ).fetchone()
    if row is None:
        raise NotFound("po.unknown", id=order_id)
    return row


def orders(conn: sqlite3.Connection, *, status: str | None = None) -> list[tuple]:
    """Order rows (``ORDER_READ``) with their value ordered (cents) last, newest first."""
    where = "WHERE o.status = ?" if status else ""
    args = (status,) if status else ()
    return conn.execute(
        f"SELECT {ORDER_READ}, (SELECT coalesce(sum((l.ordered_qty * coalesce(l.unit_cost, 0)"
        " + 50000) / 100000), 0) FROM po_lines l WHERE l.order_id = o.id)"
        f" FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id {where}"
        " ORDER BY o.id DESC",
        args,
    ).fetchall()


def insert_line(
    conn: sqlite3.Connection,
    *,
    order_id: int,
    item_id: int,
    pack: str,
    factor: int,
    ordered_qty: int,
    unit_cost: int | None,
    why: str = "",
) -> int:
    cur = conn.execute(
        "INSERT INTO po_lines (order_id, item_id, pack, factor, ordered_qty, unit_cost, why)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (order_id, item_id, pack, factor, ordered_qty, unit_cost, why),
    )
    return int(cur.lastrowid)


def lines(conn: sqlite3.Connection, order_id: int) -> list[tuple]:
    """(line id, item id, sku, name, stock unit, pack, factor, ordered_qty, unit_cost, why,
    received stock units, received value) of an order's lines, in the order added."""
    return conn.execute(
        "SELECT l.id, l.item_id, i.sku, i.name, i.unit, l.pack, l.factor, l.ordered_qty,"
        " l.unit_cost, l.why, coalesce(r.qty, 0), coalesce(r.value, 0)"
        f" FROM po_lines l JOIN items i ON i.id = l.item_id LEFT JOIN ({_RECEIVED}) r"
        " ON r.line_id = l.id WHERE l.order_id = ? ORDER BY l.id",
        (order_id,),
    ).fetchall()


def set_status(
    conn: sqlite3.Connection,
    order_id: int,
    status: str,
    *,
    sent_on: str | None = None,
    expected: str | None = None,
    closed_on: str | None = None,
    cancel_reason: str | None = None,
) -> None:
    """Move an order to ``status``; the dates given are set, the others kept."""
    conn.execute(
        "UPDATE purchase_orders SET status = ?, sent_on = coalesce(?, sent_on),"
        " expected = coalesce(?, expected), closed_on = coalesce(?, closed_on),"
        " cancel_reason = coalesce(?, cancel_reason) WHERE id = ?",
        (status, sent_on, expected, closed_on, cancel_reason, order_id),
    )


def record_receipts(conn: sqlite3.Connection, rows: Iterable[tuple[int, int]]) -> None:
    """(movement id, line id): receipt movements posted against order lines."""
    conn.executemany("INSERT INTO po_receipts (movement_id, line_id) VALUES (?, ?)", list(rows))


def on_order(conn: sqlite3.Connection) -> dict[int, int]:
    """Stock units still expected per item id, over the sent and partly received orders."""
    rows = conn.execute(
        "SELECT l.item_id, sum(max(l.ordered_qty * l.factor / 1000 - coalesce(r.qty, 0), 0))"
        f" FROM po_lines l JOIN purchase_orders o ON o.id = l.order_id LEFT JOIN ({_RECEIVED}) r"
        " ON r.line_id = l.id WHERE o.status = 'sent' OR o.status = 'partial'"
        " GROUP BY l.item_id"
    )
    return {item_id: qty for item_id, qty in rows if qty}


def overdue(conn: sqlite3.Connection, today: str) -> list[tuple]:
    """(id, supplier code, supplier name, status, expected) of open orders due before
    ``today``, the most overdue first."""
    return conn.execute(
        "SELECT o.id, s.code, s.name, o.status, o.expected FROM purchase_orders o"
        " JOIN suppliers s ON s.id = o.supplier_id"
        " WHERE (o.status = 'sent' OR o.status = 'partial') AND o.expected < ?"
        " ORDER BY o.expected, o.id",
        (today,),
    ).fetchall()


def receipts_by_supplier_month(conn: sqlite3.Connection, start: str, end: str) -> list[tuple]:
    """(supplier code, supplier name, month, stock units, value in cents, receipts) of the
    receipts posted against orders dated ``start``..``end``, net of reversals."""
    return conn.execute(
        "SELECT s.code, s.name, substr(m.date, 1, 7) AS month,"
        " sum(m.qty + coalesce(x.qty, 0)), sum(m.value + coalesce(x.value, 0)), count(*)"
        " FROM po_receipts r JOIN movements m ON m.id = r.movement_id"
        " LEFT JOIN movements x ON x.reverses_id = m.id"
        " JOIN po_lines l ON l.id = r.line_id JOIN purchase_orders o ON o.id = l.order_id"
        " JOIN suppliers s ON s.id = o.supplier_id WHERE m.date BETWEEN ? AND ?"
        " GROUP BY s.code, month ORDER BY s.code, month",
        (start, end),
    ).fetchall()


def delivery_record(conn: sqlite3.Connection) -> list[tuple]:
    """(supplier code, order id, sent_on, expected, first receipt date, last receipt date)
    of every order that received something."""
    return conn.execute(
        "SELECT s.code, o.id, o.sent_on, o.expected, min(m.date), max(m.date)"
        " FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id"
        " JOIN po_lines l ON l.order_id = o.id JOIN po_receipts r ON r.line_id = l.id"
        " JOIN movements m ON m.id = r.movement_id GROUP BY o.id ORDER BY s.code, o.id"
    ).fetchall()
