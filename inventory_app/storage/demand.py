"""Demand reads (daily issues for forecasts), selling prices, the reorder opt-out, issue-line
prices and the forecast cache. Quantities in thousandths, prices in ten-thousandths."""

from __future__ import annotations

import datetime as dt
import sqlite3


def ledger_key(conn: sqlite3.Connection) -> int:
    """The last movement id: the ledger is append-only, so it names its state."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM movements").fetchone()[0]


def daily_flows(
    conn: sqlite3.Connection, start: dt.date, end: dt.date, *, item_id: int | None = None
) -> list[tuple[int, int, int, int]]:
    """(item_id, day index from ``start``, issued, net stock change) per item and day with
    movements dated ``start``..``end``: one statement for every item (or one item). Issues
    are net of their reversals; transfers move stock inside the shop and are left out."""
    sql = (
        "SELECT item_id, CAST(julianday(date) - julianday(?) AS INTEGER),"
        " -sum(CASE WHEN bucket = 'out' THEN qty ELSE 0 END), sum(qty) FROM movements"
        " WHERE date BETWEEN ? AND ? AND bucket <> 'xfer'"
    )
    args: list[object] = [start.isoformat(), start.isoformat(), end.isoformat()]
    if item_id is not None:
        sql += " AND item_id = ?"
        args.append(item_id)
    return conn.execute(sql + " GROUP BY item_id, date", args).fetchall()


def on_hand_before(
    conn: sqlite3.Connection, day: dt.date, *, item_id: int | None = None
) -> dict[int, int]:
    """Per item: stock on hand at the start of ``day`` (thousandths)."""
    sql = "SELECT item_id, sum(qty) FROM movements WHERE date < ? AND bucket <> 'xfer'"
    args: list[object] = [day.isoformat()]
    if item_id is not None:
        sql += " AND item_id = ?"
        args.append(item_id)
    return dict(conn.execute(sql + " GROUP BY item_id", args).fetchall())


def suppliers(conn: sqlite3.Connection) -> dict[int, str]:
    """Per item with a supplier named: that name."""
    return dict(conn.execute("SELECT id, supplier FROM items WHERE supplier <> ''").fetchall())


def oldest_open_batches(conn: sqlite3.Connection) -> dict[int, str]:
    """Per item with stock: the received date of its oldest open batch (its stock's age)."""
    rows = conn.execute(
        "SELECT item_id, min(received_date) FROM batches WHERE qty_remaining > 0 GROUP BY item_id"
    )
    return dict(rows.fetchall())


def item_ids(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, sku) of every item, by id."""
    return conn.execute("SELECT id, sku FROM items ORDER BY id").fetchall()


# -- forecast cache ---------------------------------------------------------------------------


def cached_forecast(conn: sqlite3.Connection, key: str) -> bytes | None:
    row = conn.execute("SELECT payload FROM forecast_cache WHERE key = ?", (key,)).fetchone()
    return None if row is None else bytes(row[0])


def store_forecast(conn: sqlite3.Connection, key: str, payload: bytes, made_at: str) -> None:
    """Keep this one run: a forecast of an older ledger state is of no further use."""
    conn.execute("DELETE FROM forecast_cache")
    conn.execute(
        "INSERT INTO forecast_cache (key, made_at, payload) VALUES (?, ?, ?)",
        (key, made_at, payload),
    )


# -- selling prices and the reorder opt-out ---------------------------------------------------


def selling_terms(conn: sqlite3.Connection) -> dict[int, tuple[int | None, int]]:
    """Per item with terms set: (price or None, no_reorder 0/1)."""
    rows = conn.execute("SELECT item_id, price, no_reorder FROM item_selling")
    return {i: (p, n) for i, p, n in rows}


def set_price(conn: sqlite3.Connection, item_id: int, price: int | None) -> None:
    conn.execute(
        "INSERT INTO item_selling (item_id, price) VALUES (?, ?)"
        " ON CONFLICT (item_id) DO UPDATE SET price = excluded.price",
        (item_id, price),
    )


def set_prices(conn: sqlite3.Connection, prices: list[tuple[int, int]]) -> None:
    """Many (item_id, price) at once."""
    conn.executemany(
        "INSERT INTO item_selling (item_id, price) VALUES (?, ?)"
        " ON CONFLICT (item_id) DO UPDATE SET price = excluded.price",
        prices,
    )


def last_costs(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(item_id, category, last unit cost) of the items that have one."""
    return conn.execute(
        "SELECT id, category, last_cost FROM items WHERE last_cost IS NOT NULL ORDER BY id"
    ).fetchall()


def set_no_reorder(conn: sqlite3.Connection, item_id: int, no_reorder: bool) -> None:
    conn.execute(
        "INSERT INTO item_selling (item_id, no_reorder) VALUES (?, ?)"
        " ON CONFLICT (item_id) DO UPDATE SET no_reorder = excluded.no_reorder",
        (item_id, int(no_reorder)),
    )


def set_issue_price(conn: sqlite3.Connection, movement_id: int, unit_price: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO issue_prices (movement_id, unit_price) VALUES (?, ?)",
        (movement_id, unit_price),
    )


def set_issue_prices(conn: sqlite3.Connection, rows: list[tuple[int, int]]) -> None:
    """(movement_id, unit price) of issue lines posted with their own price."""
    conn.executemany(
        "INSERT OR REPLACE INTO issue_prices (movement_id, unit_price) VALUES (?, ?)", rows
    )


def sales_by_item(
    conn: sqlite3.Connection, start: dt.date, end: dt.date
) -> list[tuple[int, int, int, int, int]]:
    """Per item with issues dated ``start``..``end``: (item_id, cost of the issues in cents,
    cost of the priced issues in cents, revenue of the priced issues in qty-thousandths ×
    price-ten-thousandths, issued qty). An issue's price is its own line price, else the
    item's selling price; an issue with neither counts in cost but not in revenue. Net of
    reversed issues (a reversal takes its original's line price)."""
    priced = "coalesce(p.unit_price, s.price) IS NOT NULL"
    rows = conn.execute(
        "SELECT m.item_id, -sum(m.value),"
        f" -sum(CASE WHEN {priced} THEN m.value ELSE 0 END),"
        f" -sum(CASE WHEN {priced} THEN m.qty * coalesce(p.unit_price, s.price) ELSE 0 END),"
        " -sum(m.qty)"
        " FROM movements m"
        " LEFT JOIN issue_prices p ON p.movement_id = coalesce(m.reverses_id, m.id)"
        " LEFT JOIN item_selling s ON s.item_id = m.item_id"
        " WHERE m.date BETWEEN ? AND ? AND m.bucket = 'out'"
        " GROUP BY m.item_id",
        (start.isoformat(), end.isoformat()),
    )
    return rows.fetchall()


def monthly_issues(conn: sqlite3.Connection, first: str, last: str) -> dict[int, dict[str, int]]:
    """Per item: net quantity issued per month ('YYYY-MM') from ``first`` to ``last``."""
    out: dict[int, dict[str, int]] = {}
    rows = conn.execute(
        "SELECT item_id, month, out_qty FROM item_month WHERE month BETWEEN ? AND ?",
        (first, last),
    )
    for item_id, month, q in rows:
        out.setdefault(item_id, {})[month] = q
    return out
