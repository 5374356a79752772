"""Items and locations: master data (editable; never deleted once used)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal

from inventory_app.domain import limits, money
from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.domain.model import Changes, Item, ItemFields, Location, Removal
from inventory_app.services.access import record, require
from inventory_app.storage import catalog as sql
from inventory_app.storage.db import Database

MAX_TEXT = 200
MAX_CODE = 64


# A code is matched character for character (scanners, files, the CLI): a character nobody
# can see or type (NUL, U+FEFF, a zero-width space, a direction mark) would make an item that
# no search finds. A byte-order mark in front is what a file or the clipboard left: dropped.
_HIDDEN = ("Cc", "Cf")


def clean_code(text: str) -> str:
    """An item code as stored: without surrounding spaces or a leading byte-order mark."""
    return text.strip().lstrip("\ufeff").strip()


def validate_item(f: ItemFields) -> dict[str, object]:
    """Check an item's fields; returns the row to store (minor units). Raises the first
    problem (its ``field`` param names the field)."""
    errors = item_field_errors(f)
    if errors:
        raise next(iter(errors.values()))
    return {
        "sku": clean_code(f.sku),
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
    """Every problem with an item's fields, by field name, as the sentence shown beside the
    field (``item_field_errors`` has the codes)."""
    return {name: str(error) for name, error in item_field_errors(f).items()}


def item_field_errors(f: ItemFields) -> dict[str, ValidationError]:
    """Every problem with an item's fields, by field name: a ``ValidationError`` each, with a
    ``catalog.*`` code (or the quantity parser's) and its params."""
    out: dict[str, ValidationError] = {}
    sku = clean_code(f.sku)
    hidden = next((i for i, c in enumerate(sku, 1) if unicodedata.category(c) in _HIDDEN), 0)
    if not sku:
        out["sku"] = ValidationError("catalog.sku_empty", field="sku")
    elif hidden:
        out["sku"] = ValidationError(
            "catalog.sku_hidden_character",
            field="sku",
            position=hidden,
            code=f"U+{ord(sku[hidden - 1]):04X}",
        )
    elif len(sku) > MAX_CODE or any(c in sku for c in "\t\r\n"):
        out["sku"] = ValidationError("catalog.sku_invalid", field="sku", max=MAX_CODE)
    if not f.name.strip():
        out["name"] = ValidationError("catalog.name_empty", field="name")
    elif any(c < " " and c not in "\t\r\n" for c in f.name):
        out["name"] = ValidationError("catalog.name_control_character", field="name")
    elif len(f.name) > MAX_TEXT:
        out["name"] = ValidationError("catalog.name_too_long", field="name", max=MAX_TEXT)
    barcode = (f.barcode or "").strip()
    if barcode and (len(barcode) > MAX_CODE or " " in barcode):
        out["barcode"] = ValidationError("catalog.barcode_invalid", field="barcode", max=MAX_CODE)
    for name, value in (("reorder_point", f.reorder_point), ("safety_stock", f.safety_stock)):
        if value is None:
            continue
        try:
            q = money.parse_qty(value, what=name.replace("_", " "))
        except ValidationError as exc:
            out[name] = exc
            continue
        if q < 0:
            out[name] = ValidationError("catalog.qty_negative", field=name, value=q)
    if not isinstance(f.lead_time_days, int) or not 0 <= f.lead_time_days <= limits.MAX_DAYS:
        out["lead_time_days"] = ValidationError(
            "catalog.lead_time_invalid", field="lead_time_days", max=limits.MAX_DAYS
        )
    if f.shelf_life_days is not None and (
        not isinstance(f.shelf_life_days, int) or not 0 < f.shelf_life_days <= limits.MAX_DAYS
    ):
        out["shelf_life_days"] = ValidationError(
            "catalog.shelf_life_invalid", field="shelf_life_days", max=limits.MAX_DAYS
        )
    try:
        Removal(f.removal)
    except ValueError:
        out["removal"] = ValidationError("catalog.removal_invalid", field="removal")
    return out


def _skus(rows: list[dict[str, object]]) -> str:
    """The SKUs of an act on items, as the audit names them (the first few)."""
    skus = [str(r["sku"]) for r in rows[:5]]
    return ", ".join(skus) + (" ..." if len(rows) > 5 else "")


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def add_item(db: Database, fields: ItemFields) -> Changes:
    return add_items(db, [fields])


def add_items(db: Database, items: Iterable[ItemFields]) -> Changes:
    """Create many items in one transaction (all or nothing)."""
    actor = require(db, "items")
    rows = [validate_item(f) for f in items]
    with db.transaction() as conn:
        ids = sql.insert_items(conn, rows, created_at=_now())
        record(conn, actor, "item.add", _skus(rows), count=len(rows))
    return Changes(items=frozenset(ids), catalog=True)


def update_item(db: Database, sku: str, fields: ItemFields) -> Changes:
    """Edit an item's master data (stock and history are untouched)."""
    actor = require(db, "items")
    row = validate_item(fields)
    with db.transaction() as conn:
        item_id = sql.item_id(conn, sku.strip())
        sql.update_items(conn, [row], ids=[item_id])
        record(conn, actor, "item.edit", sku.strip())
    return Changes(items=frozenset({item_id}), catalog=True)


def update_items(db: Database, items: Iterable[ItemFields]) -> Changes:
    """Edit the master data of many items, each found by its SKU (any case), in one
    transaction (all or nothing); stock and history are untouched."""
    actor = require(db, "items")
    rows = [validate_item(f) for f in items]
    with db.transaction() as conn:
        ids = [sql.item_id(conn, str(r["sku"])) for r in rows]
        sql.update_items(conn, rows, ids=ids)
        record(conn, actor, "item.edit", _skus(rows), count=len(rows))
    return Changes(items=frozenset(ids), catalog=True)


def set_active(db: Database, sku: str, active: bool) -> Changes:
    actor = require(db, "items")
    with db.transaction() as conn:
        item_id = sql.item_id(conn, sku.strip())
        sql.set_active(conn, item_id, active)
        record(conn, actor, "item.active" if active else "item.inactive", sku.strip())
    return Changes(items=frozenset({item_id}), catalog=True)


def _item(r: Sequence) -> Item:
    """An ``Item`` from a ``storage.catalog.ITEM_READ`` row (minor units)."""
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
    r = sql.item_by_sku(db.conn, sku)
    if r is None:
        raise NotFound("catalog.unknown_sku", sku=sku)
    return _item(r)


def find_item(db: Database, code: str) -> Item | None:
    """An item by exact SKU or barcode (what a scanner types)."""
    rows = sql.items_by_code(db.conn, code.strip())
    return _item(rows[0]) if rows else None


def list_items(db: Database) -> list[Item]:
    return [_item(r) for r in sql.all_items(db.conn)]


def categories(db: Database) -> list[str]:
    return sql.categories(db.conn)


def add_location(db: Database, name: str) -> Changes:
    name = name.strip()
    if not name:
        raise ValidationError("catalog.location_empty")
    actor = require(db, "items")
    with db.transaction() as conn:
        sql.insert_location(conn, name)
        record(conn, actor, "location.add", name)
    return Changes(catalog=True)


def list_locations(db: Database) -> list[Location]:
    return [Location(id=i, name=n, active=bool(a)) for i, n, a in sql.locations(db.conn)]


def last_cost(db: Database, sku: str) -> Decimal | None:
    """Unit cost of the item's latest receipt (the default for the next one), or None."""
    cost = sql.last_cost(db.conn, sku.strip())
    return None if cost is None else money.cost_from_int(cost)
