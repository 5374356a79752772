"""Items and locations: master data (editable; never deleted once used)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.domain.model import Changes, Item, ItemFields, Location, Removal
from inventory_app.storage.db import Database

MAX_TEXT = 200


def validate_item(f: ItemFields) -> dict[str, object]:
    """Check an item's fields; returns the row to store (minor units). Raises with the first
    problem, naming the field."""
    problems = item_problems(f)
    if problems:
        field, msg = next(iter(problems.items()))
        raise ValidationError(f"{field}: {msg}")
    return {
        "sku": f.sku.strip(),
        "name": f.name.strip(),
        "barcode": (f.barcode or "").strip() or None,
        "category": f.category.strip(),
        "unit": f.unit.strip() or "pcs",
        "supplier": f.supplier.strip(),
        "reorder_point": money.qty_to_int(money.parse_qty(f.reorder_point)),
        "safety_stock": None
        if f.safety_stock is None
        else money.qty_to_int(money.parse_qty(f.safety_stock)),
        "lead_time_days": int(f.lead_time_days),
        "shelf_life_days": f.shelf_life_days or None,
        "removal": Removal(f.removal).value,
        "active": 1 if f.active else 0,
    }


def item_problems(f: ItemFields) -> dict[str, str]:
    """Every problem with an item's fields, by field name (for messages beside fields)."""
    out: dict[str, str] = {}
    sku = f.sku.strip()
    if not sku:
        out["sku"] = "the code is empty"
    elif len(sku) > 64 or any(c in sku for c in "\t\r\n"):
        out["sku"] = "the code is too long or has tabs or line breaks"
    if not f.name.strip():
        out["name"] = "the name is empty"
    elif len(f.name) > MAX_TEXT:
        out["name"] = f"the name is longer than {MAX_TEXT} characters"
    if f.barcode and (len(f.barcode.strip()) > 64 or " " in f.barcode.strip()):
        out["barcode"] = "a barcode has no spaces and at most 64 characters"
    for name, value in (("reorder_point", f.reorder_point), ("safety_stock", f.safety_stock)):
        if value is None:
            continue
        try:
            q = money.parse_qty(value, what=name.replace("_", " "))
            if q < 0:
                out[name] = "cannot be negative"
        except ValidationError as exc:
            out[name] = str(exc)
    if not isinstance(f.lead_time_days, int) or f.lead_time_days < 0:
        out["lead_time_days"] = "lead time is a whole number of days, 0 or more"
    if f.shelf_life_days is not None and (
        not isinstance(f.shelf_life_days, int) or f.shelf_life_days <= 0
    ):
        out["shelf_life_days"] = "shelf life is a whole number of days above 0"
    try:
        Removal(f.removal)
    except ValueError:
        out["removal"] = "removal is fifo or fefo"
    return out


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


_COLS = (
    "sku, name, barcode, category, unit, supplier, reorder_point, safety_stock,"
    " lead_time_days, shelf_life_days, removal, active"
)
# the row ``validate_item`` returns, in _COLS order, then the creation time
_INSERT = f"INSERT INTO items ({_COLS}, created_at) VALUES ({', '.join('?' * 13)})"
_SELECT = f"SELECT id, {_COLS}, last_counted FROM items"


def _unique_message(exc: sqlite3.IntegrityError, row: dict) -> ValidationError:
    text = str(exc)
    if "items.sku" in text:
        return ValidationError(f"sku: {row['sku']!r} is already used by another item")
    if "items.barcode" in text:
        return ValidationError(f"barcode: {row['barcode']!r} is already used by another item")
    return ValidationError(text)


def add_item(db: Database, fields: ItemFields) -> Changes:
    row = validate_item(fields)
    with db.transaction() as conn:
        try:
            cur = conn.execute(_INSERT, (*row.values(), _now()))
        except sqlite3.IntegrityError as exc:
            raise _unique_message(exc, row) from None
    return Changes(items=frozenset({cur.lastrowid}), catalog=True)


def add_items(db: Database, items: Iterable[ItemFields]) -> Changes:
    """Create many items in one transaction (all or nothing)."""
    rows = [validate_item(f) for f in items]
    now = _now()
    with db.transaction() as conn:
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM items").fetchone()[0]
        try:
            conn.executemany(_INSERT, [(*r.values(), now) for r in rows])
        except sqlite3.IntegrityError as exc:
            raise ValidationError(f"an item's code or barcode is already used: {exc}") from None
    return Changes(items=frozenset(range(first, first + len(rows))), catalog=True)


def update_item(db: Database, sku: str, fields: ItemFields) -> Changes:
    """Edit an item's master data (stock and history are untouched)."""
    row = validate_item(fields)
    with db.transaction() as conn:
        item_id = _item_id(conn, sku)
        sets = ", ".join(f"{k} = ?" for k in row)
        try:
            conn.execute(f"UPDATE items SET {sets} WHERE id = ?", (*row.values(), item_id))
        except sqlite3.IntegrityError as exc:
            raise _unique_message(exc, row) from None
    return Changes(items=frozenset({item_id}), catalog=True)


def set_active(db: Database, sku: str, active: bool) -> Changes:
    with db.transaction() as conn:
        item_id = _item_id(conn, sku)
        conn.execute("UPDATE items SET active = ? WHERE id = ?", (int(active), item_id))
    return Changes(items=frozenset({item_id}), catalog=True)


def _item_id(conn: sqlite3.Connection, sku: str) -> int:
    row = conn.execute("SELECT id FROM items WHERE sku = ?", (sku.strip(),)).fetchone()
    if row is None:
        raise NotFound(f"unknown SKU {sku!r}")
    return row[0]


def _item(r: Sequence) -> Item:
    return Item(
        id=r[0],
        sku=r[1],
        name=r[2],
        barcode=r[3],
        category=r[4],
        unit=r[5],
        supplier=r[6],
        reorder_point=money.qty_from_int(r[7]),
        safety_stock=None if r[8] is None else money.qty_from_int(r[8]),
        lead_time_days=r[9],
        shelf_life_days=r[10],
        removal=Removal(r[11]),
        active=bool(r[12]),
        last_counted=dt.date.fromisoformat(r[13]) if r[13] else None,
    )


def get_item(db: Database, sku: str) -> Item:
    r = db.conn.execute(f"{_SELECT} WHERE sku = ?", (sku,)).fetchone()
    if r is None:
        raise NotFound(f"unknown SKU {sku!r}")
    return _item(r)


def find_item(db: Database, code: str) -> Item | None:
    """An item by exact SKU or barcode (what a scanner types)."""
    code = code.strip()
    r = db.conn.execute(
        f"{_SELECT} WHERE sku = ? OR barcode = ? ORDER BY sku = ? DESC LIMIT 1",
        (code, code, code),
    ).fetchone()
    return _item(r) if r else None


def list_items(db: Database) -> list[Item]:
    rows = db.conn.execute(f"{_SELECT} ORDER BY sku")
    return [_item(r) for r in rows]


def categories(db: Database) -> list[str]:
    rows = db.conn.execute("SELECT DISTINCT category FROM items WHERE category <> '' ORDER BY 1")
    return [r[0] for r in rows]


def add_location(db: Database, name: str) -> Changes:
    name = name.strip()
    if not name:
        raise ValidationError("the location name is empty")
    with db.transaction() as conn:
        try:
            conn.execute("INSERT INTO locations (name) VALUES (?)", (name,))
        except sqlite3.IntegrityError:
            raise ValidationError(f"location {name!r} already exists") from None
    return Changes(catalog=True)


def list_locations(db: Database) -> list[Location]:
    rows = db.conn.execute("SELECT id, name, active FROM locations ORDER BY id")
    return [Location(id=r[0], name=r[1], active=bool(r[2])) for r in rows]


def last_cost(db: Database, sku: str) -> Decimal | None:
    """Unit cost of the item's latest receipt (the default for the next one), or None."""
    row = db.conn.execute("SELECT last_cost FROM items WHERE sku = ?", (sku.strip(),)).fetchone()
    return None if row is None or row[0] is None else money.cost_from_int(row[0])
