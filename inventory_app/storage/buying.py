"""Suppliers, item↔supplier links, packs and the pack a movement was typed in: their SQL.

Amounts in minor units (``domain.money``): a pack's factor and quantities in thousandths,
money in cents, prices in ten-thousandths.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from inventory_app.domain.errors import NotFound, ValidationError

SUPPLIER_COLUMNS = (
    "code",
    "name",
    "contact",
    "phone",
    "address",
    "lead_time_days",
    "min_order_value",
    "note",
)
SUPPLIER_READ = "id, " + ", ".join(SUPPLIER_COLUMNS) + ", active"


# -- suppliers --------------------------------------------------------------------------------


def insert_supplier(conn: sqlite3.Connection, row: dict[str, object], *, created_at: str) -> int:
    """A new supplier (``row`` keyed by ``SUPPLIER_COLUMNS``); ``suppliers.code_taken`` if
    the code is used."""
    cols = ", ".join(SUPPLIER_COLUMNS)
    marks = ", ".join("?" * (len(SUPPLIER_COLUMNS) + 1))
    try:
        cur = conn.execute(
            f"INSERT INTO suppliers ({cols}, created_at) VALUES ({marks})",
            (*(row[c] for c in SUPPLIER_COLUMNS), created_at),
        )
    except sqlite3.IntegrityError:
        raise ValidationError("suppliers.code_taken", code=row["code"]) from None
    return int(cur.lastrowid)


def update_supplier(conn: sqlite3.Connection, supplier_id: int, row: dict[str, object]) -> None:
    """Replace a supplier's fields (``row`` keyed by ``SUPPLIER_COLUMNS``)."""
    sets = ", ".join(f"{c} = ?" for c in SUPPLIER_COLUMNS)
    try:
        conn.execute(
            f"UPDATE suppliers SET {sets} WHERE id = ?",
            (*(row[c] for c in SUPPLIER_COLUMNS), supplier_id),
        )
    except sqlite3.IntegrityError:
        raise ValidationError("suppliers.code_taken", code=row["code"]) from None


def supplier_by_code(conn: sqlite3.Connection, code: str) -> tuple | None:
    """The supplier row (``SUPPLIER_READ``) with this code, any case."""
    return conn.execute(f"SELECT {SUPPLIER_READ} FROM suppliers WHERE code = ?", (code,)).fetchone()


def supplier_id(conn: sqlite3.Connection, code: str) -> int:
    row = conn.execute("SELECT id FROM suppliers WHERE code = ?", (code.strip(),)).fetchone()
    if row is None:
        raise NotFound("suppliers.unknown", code=code)
    return row[0]


def suppliers(conn: sqlite3.Connection) -> list[tuple]:
    """Every supplier row (``SUPPLIER_READ``) by code, with its linked item count last."""
    return conn.execute(
        f"SELECT {SUPPLIER_READ}, (SELECT count(*) FROM item_suppliers l"
        " WHERE l.supplier_id = suppliers.id) FROM suppliers ORDER BY code"
    ).fetchall()


# -- item <-> supplier ------------------------------------------------------------------------


def link(
    conn: sqlite3.Connection,
    *,
    item_id: int,
    supplier_id: int,
    supplier_sku: str,
    pack: str,
    last_price: int | None,
    preferred: bool,
) -> None:
    """Link an item to a supplier (or replace the link); a preferred link makes the item's
    other links not preferred: one preferred supplier per item."""
    if preferred:
        conn.execute("UPDATE item_suppliers SET preferred = 0 WHERE item_id = ?", (item_id,))
    conn.execute(
        "INSERT INTO item_suppliers (item_id, supplier_id, supplier_sku, pack, last_price,"
        " preferred) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, supplier_id) DO UPDATE SET"
        " supplier_sku = excluded.supplier_sku, pack = excluded.pack,"
        " last_price = coalesce(excluded.last_price, last_price),"
        " preferred = excluded.preferred",
        (item_id, supplier_id, supplier_sku, pack, last_price, int(preferred)),
    )


def set_last_price(conn: sqlite3.Connection, item_id: int, supplier_id: int, price: int) -> None:
    """Record the price (per the link's pack, e-4) last paid to a supplier for an item."""
    conn.execute(
        "UPDATE item_suppliers SET last_price = ? WHERE item_id = ? AND supplier_id = ?",
        (price, item_id, supplier_id),
    )


def links_of_supplier(conn: sqlite3.Connection, supplier_id: int) -> list[tuple]:
    """(sku, name, supplier_sku, pack, last_price, preferred) of a supplier's items."""
    return conn.execute(
        "SELECT i.sku, i.name, l.supplier_sku, l.pack, l.last_price, l.preferred"
        " FROM item_suppliers l JOIN items i ON i.id = l.item_id WHERE l.supplier_id = ?"
        " ORDER BY i.sku",
        (supplier_id,),
    ).fetchall()


def links(conn: sqlite3.Connection) -> list[tuple]:
    """(item_id, sku, supplier code, supplier_sku, pack, last_price, preferred, lead time) of
    every link, the preferred one of each item first."""
    return conn.execute(
        "SELECT l.item_id, i.sku, s.code, l.supplier_sku, l.pack, l.last_price, l.preferred,"
        " s.lead_time_days FROM item_suppliers l JOIN items i ON i.id = l.item_id"
        " JOIN suppliers s ON s.id = l.supplier_id ORDER BY i.sku, l.preferred DESC, s.code"
    ).fetchall()


# -- packs ------------------------------------------------------------------------------------


def insert_pack(
    conn: sqlite3.Connection, *, item_id: int, name: str, factor: int, barcode: str | None
) -> int:
    """A new pack of an item; refused when the item has a pack of that name or the barcode
    is used by another pack."""
    try:
        cur = conn.execute(
            "INSERT INTO item_packs (item_id, name, factor, barcode) VALUES (?, ?, ?, ?)",
            (item_id, name, factor, barcode),
        )
    except sqlite3.IntegrityError as exc:
        if "barcode" in str(exc):
            raise ValidationError("units.barcode_taken", barcode=barcode) from None
        raise ValidationError("units.pack_exists", pack=name) from None
    return int(cur.lastrowid)


def packs_of(conn: sqlite3.Connection, item_id: int) -> list[tuple[str, int, str | None]]:
    """(name, factor, barcode) of an item's packs, smallest first."""
    return conn.execute(
        "SELECT name, factor, barcode FROM item_packs WHERE item_id = ? ORDER BY factor, name",
        (item_id,),
    ).fetchall()


def all_packs(conn: sqlite3.Connection) -> list[tuple[str, str, int, str | None]]:
    """(sku, pack, factor, barcode) of every pack."""
    return conn.execute(
        "SELECT i.sku, p.name, p.factor, p.barcode FROM item_packs p"
        " JOIN items i ON i.id = p.item_id ORDER BY i.sku, p.factor"
    ).fetchall()


def pack_by_barcode(conn: sqlite3.Connection, barcode: str) -> tuple[str, str, int] | None:
    """(sku, pack, factor) of the pack with this barcode."""
    return conn.execute(
        "SELECT i.sku, p.name, p.factor FROM item_packs p JOIN items i ON i.id = p.item_id"
        " WHERE p.barcode = ?",
        (barcode,),
    ).fetchone()


def barcode_is_item(conn: sqlite3.Connection, barcode: str) -> bool:
    row = conn.execute("SELECT 1 FROM items WHERE barcode = ? OR sku = ?", (barcode, barcode))
    return row.fetchone() is not None


# -- the pack a movement was typed in ---------------------------------------------------------


def record_movement_packs(
    conn: sqlite3.Connection, rows: Iterable[tuple[int, str, int, int, int | None]]
) -> None:
    """(movement_id, pack, factor, pack_qty, pack_cost) of movements typed in a pack."""
    conn.executemany(
        "INSERT INTO movement_packs (movement_id, pack, factor, pack_qty, pack_cost)"
        " VALUES (?, ?, ?, ?, ?)",
        list(rows),
    )


def movement_pack(conn: sqlite3.Connection, movement_id: int) -> tuple | None:
    """(pack, factor, pack_qty, pack_cost) a movement was typed in, or None (stock units)."""
    return conn.execute(
        "SELECT pack, factor, pack_qty, pack_cost FROM movement_packs WHERE movement_id = ?",
        (movement_id,),
    ).fetchone()


def link_of(conn: sqlite3.Connection, item_id: int, supplier_code: str) -> tuple | None:
    """The link of an item to a supplier, shaped as a row of ``links``, or None."""
    return conn.execute(
        "SELECT l.item_id, i.sku, s.code, l.supplier_sku, l.pack, l.last_price, l.preferred,"
        " s.lead_time_days FROM item_suppliers l JOIN items i ON i.id = l.item_id"
        " JOIN suppliers s ON s.id = l.supplier_id WHERE l.item_id = ? AND s.code = ?",
        (item_id, supplier_code),
    ).fetchone()
