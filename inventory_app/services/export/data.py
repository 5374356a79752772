"""Read models of the Excel pack: movement lines per batch, stocktake variances, which items
show whole quantities. Stocktake amounts come back as Decimal (see ``domain.money``); the
streamed movement and closing rows keep the stored integer minor units.

(Read-only SQL kept beside its one user; a candidate to move to ``storage.queries``.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.money import QTY_SCALE, money_from_int, qty_from_int
from inventory_app.storage.db import Database

# Units counted in whole pieces: their quantities show no decimals when every quantity of
# the item is whole. Anything else (kg, m, 斤...) shows 3 decimals.
_UNIT_WORDS = (
    "pcs pc piece pieces ea each unit units box boxes bottle bottles pack packs bag bags "
    "carton cartons can cans pair pairs set sets roll rolls sheet sheets tube tubes jar jars "
    "dozen case cases 个 件 只 支 盒 箱 瓶 包 袋 台 套 双 张 本 把 条 罐 桶 听 卷 片 根 块 "
    "粒 份 枚 部 副 对 组 提 板 册 颗 顶 扎 排"
)
COUNT_UNITS = frozenset(_UNIT_WORDS.split())


def whole_items(db: Database, end: dt.date) -> set[int]:
    """Items whose quantities show without decimals: a count unit and no movement up to
    ``end`` with a fractional quantity (allocations then are whole too)."""
    conn = db.conn
    fractional = {
        i
        for (i,) in conn.execute(
            f"SELECT DISTINCT item_id FROM movements WHERE qty % {QTY_SCALE} <> 0 AND date <= ?",
            (end.isoformat(),),
        )
    }
    return {
        i
        for i, unit in conn.execute("SELECT id, unit FROM items")
        if unit.strip().casefold() in COUNT_UNITS and i not in fractional
    }


# A movement touches batches in two ways: it draws from them (allocations; qty > 0 drawn, < 0
# put back) or it creates them (receipts, positive adjustments, the destination of a
# transfer). Each such touch is one line, so batch and cost are exact for every row, and the
# lines of a movement add up to its own qty and value (transfers: to zero).
_LINES_SQL = """
SELECT m.date, m.id, m.type, m.bucket, m.reference, d.reference, m.item_id, i.sku, i.name,
       b.code, l.name, -a.qty, -a.value, b.unit_cost, m.reason, m.operator, m.note, d.note,
       0 AS part, a.id AS sub
FROM movements m
JOIN allocations a ON a.movement_id = m.id
JOIN batches b ON b.id = a.batch_id
JOIN items i ON i.id = m.item_id
JOIN locations l ON l.id = b.location_id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
UNION ALL
SELECT m.date, m.id, m.type, m.bucket, m.reference, d.reference, m.item_id, i.sku, i.name,
       b.code, l.name, b.qty_received, b.value_received, b.unit_cost, m.reason, m.operator,
       m.note, d.note, 1 AS part, b.id AS sub
FROM movements m
JOIN batches b ON b.movement_id = m.id
JOIN items i ON i.id = m.item_id
JOIN locations l ON l.id = b.location_id
JOIN documents d ON d.id = m.document_id
WHERE m.date BETWEEN :start AND :end
ORDER BY 1, 2, part, sub
"""


def count_movement_lines(db: Database, *, start: dt.date, end: dt.date) -> int:
    args = (start.isoformat(), end.isoformat())
    a = db.conn.execute(
        "SELECT count(*) FROM movements m JOIN allocations a ON a.movement_id = m.id"
        " WHERE m.date BETWEEN ? AND ?",
        args,
    ).fetchone()[0]
    b = db.conn.execute(
        "SELECT count(*) FROM movements m JOIN batches b ON b.movement_id = m.id"
        " WHERE m.date BETWEEN ? AND ?",
        args,
    ).fetchone()[0]
    return a + b


def movement_lines(db: Database, *, start: dt.date, end: dt.date) -> Iterator[tuple]:
    """Raw rows in date, movement order: (date, id, type, bucket, reference, doc reference,
    item_id, sku, name, batch, location, qty milli, value cents, unit cost e4, reason,
    operator, note, doc note, part, sub). Streamed: a cursor, not a list."""
    return _stream(db, _LINES_SQL, {"start": start.isoformat(), "end": end.isoformat()})


def _stream(db: Database, sql: str, params: dict[str, str]) -> Iterator[tuple]:
    """The rows of ``sql``, fetched in chunks as they are consumed (run on the first)."""
    cur = db.conn.execute(sql, params)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        yield from chunk


@dataclass(frozen=True, slots=True)
class StocktakeLine:
    date: dt.date
    movement_id: int
    stocktake: str  # number and name, when the stocktake tables know it
    item_id: int
    sku: str
    name: str
    location: str
    batch: str
    book_qty: Decimal | None
    counted_qty: Decimal | None
    qty: Decimal
    value: Decimal
    reason: str
    operator: str
    note: str
    type: str


def _has_table(db: Database, name: str) -> bool:
    row = db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def stocktake_lines(db: Database, *, start: dt.date, end: dt.date) -> list[StocktakeLine]:
    """Stocktake variances posted in the period (and reversals of them), from the ledger.
    Book and counted quantities and the stocktake's name come from the stocktake tables
    when they exist; the sheet works from the movements alone otherwise."""
    detail = _has_table(db, "stocktake_lines") and _has_table(db, "stocktakes")
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
    out = []
    for r in db.conn.execute(sql, (start.isoformat(), end.isoformat())):
        st_id = r[2] if r[2] is not None else r[13]
        label = f"#{st_id}" if st_id is not None else ""
        if r[17]:
            label = f"{label} {r[17]}".strip()
        out.append(
            StocktakeLine(
                date=dt.date.fromisoformat(r[0]),
                movement_id=r[1],
                stocktake=label,
                item_id=r[3],
                sku=r[4],
                name=r[5],
                location=r[6],
                batch=r[16] or "",
                book_qty=qty_from_int(r[14]) if r[14] is not None else None,
                counted_qty=qty_from_int(r[15]) if r[15] is not None else None,
                qty=qty_from_int(r[7]),
                value=money_from_int(r[8]),
                reason=r[9] or "",
                operator=r[10] or "",
                note=r[11] or "",
                type=r[12],
            )
        )
    return out


def item_skus(db: Database) -> dict[int, str]:
    """id -> SKU for every item."""
    return dict(db.conn.execute("SELECT id, sku FROM items"))


# Batches holding stock at the end of a day: what remains now plus what movements dated
# after that day drew from them (the same rule as ``storage.queries.batches_at``), streamed.
_CLOSING_SQL = """
SELECT i.id, i.sku, i.name, i.category, b.code, l.name, b.received_date, b.expiry,
       b.qty_remaining + coalesce(a.q, 0), b.unit_cost, b.value_remaining + coalesce(a.v, 0)
FROM batches b
JOIN items i ON i.id = b.item_id
JOIN locations l ON l.id = b.location_id
LEFT JOIN (SELECT batch_id, sum(qty) AS q, sum(value) AS v FROM allocations
           WHERE date > :at GROUP BY batch_id) a ON a.batch_id = b.id
WHERE b.posted_date <= :at AND b.qty_remaining + coalesce(a.q, 0) > 0
ORDER BY i.sku, l.name, b.received_date, b.id
"""


def closing_batches(db: Database, *, at: dt.date) -> Iterator[tuple]:
    """(item_id, sku, name, category, batch, location, received ISO, expiry ISO or None,
    qty milli, unit cost e4, value cents) per batch holding stock at the end of ``at``."""
    return _stream(db, _CLOSING_SQL, {"at": at.isoformat()})
