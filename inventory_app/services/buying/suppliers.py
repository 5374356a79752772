"""Suppliers and the items each supplies (the supplier's own code, pack, last price, and
which supplier is an item's preferred one)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.domain.model import Changes
from inventory_app.services.access import require
from inventory_app.storage import buying as sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database

MAX_CODE = 64
MAX_TEXT = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class Supplier:
    """A supplier as stored (``id`` 0: not yet stored); ``min_order_value`` in currency."""

    id: int = 0
    code: str
    name: str
    contact: str = ""
    phone: str = ""
    address: str = ""
    lead_time_days: int = 0
    min_order_value: Decimal = Decimal("0.00")
    note: str = ""
    active: bool = True
    items: int = 0  # how many items are linked to it


@dataclass(frozen=True, slots=True)
class SupplierLink:
    """An item as a supplier sells it; ``last_price`` per ``pack`` (or per stock unit)."""

    sku: str
    name: str
    supplier_sku: str
    pack: str
    last_price: Decimal | None
    preferred: bool


def _row(s: Supplier) -> dict[str, object]:
    code, name = s.code.strip(), s.name.strip()
    if not code:
        raise ValidationError("suppliers.code_empty")
    if len(code) > MAX_CODE or any(c in code for c in "\t\r\n"):
        raise ValidationError("suppliers.code_invalid", code=code, max=MAX_CODE)
    if not name:
        raise ValidationError("suppliers.name_empty", code=code)
    if len(name) > MAX_TEXT:
        raise ValidationError("suppliers.name_too_long", code=code, max=MAX_TEXT)
    if not isinstance(s.lead_time_days, int) or s.lead_time_days < 0:
        raise ValidationError("suppliers.lead_time_invalid", value=s.lead_time_days)
    minimum = money.to_decimal(s.min_order_value, what="minimum order")
    if minimum < 0:
        raise ValidationError("number.negative", what="minimum order", value=minimum)
    return {
        "code": code,
        "name": name,
        "contact": s.contact.strip(),
        "phone": s.phone.strip(),
        "address": s.address.strip(),
        "lead_time_days": s.lead_time_days,
        "min_order_value": money.money_to_int(minimum),
        "note": s.note.strip(),
    }


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def add_supplier(db: Database, supplier: Supplier) -> Changes:
    """Create a supplier (its code must be new)."""
    row = _row(supplier)
    require(db, "items")  # suppliers and their links are the catalogue's: the owner's
    with db.transaction() as conn:
        sql.insert_supplier(conn, row, created_at=_now())
    return Changes(catalog=True)


def save_supplier(db: Database, supplier: Supplier) -> Changes:
    """Create the supplier, or edit the one with the same code."""
    row = _row(supplier)
    require(db, "items")  # suppliers and their links are the catalogue's: the owner's
    with db.transaction() as conn:
        found = sql.supplier_by_code(conn, str(row["code"]))
        if found is None:
            sql.insert_supplier(conn, row, created_at=_now())
        else:
            sql.update_supplier(conn, found[0], row)
    return Changes(catalog=True)


def _supplier(r: tuple) -> Supplier:
    return Supplier(
        id=r[0],
        code=r[1],
        name=r[2],
        contact=r[3],
        phone=r[4],
        address=r[5],
        lead_time_days=r[6],
        min_order_value=money.money_from_int(r[7]),
        note=r[8],
        active=bool(r[9]),
        items=r[10] if len(r) > 10 else 0,
    )


def list_suppliers(db: Database) -> list[Supplier]:
    """Every supplier by code, with how many items each supplies."""
    return [_supplier(r) for r in sql.suppliers(db.conn)]


def get_supplier(db: Database, code: str) -> Supplier:
    r = sql.supplier_by_code(db.conn, code.strip())
    if r is None:
        raise NotFound("suppliers.unknown", code=code)
    return _supplier(r)


def link_item(
    db: Database,
    code: str,
    *,
    sku: str,
    supplier_sku: str = "",
    pack: str = "",
    price: object = None,
    preferred: bool = False,
) -> Changes:
    """Say that supplier ``code`` sells ``sku`` (under ``supplier_sku``, by ``pack`` at
    ``price`` per pack); ``preferred`` makes it the item's preferred supplier. Linking again
    replaces the link (a price left out keeps the last one)."""
    cost = None if price in (None, "") else money.cost_to_int(money.parse_cost(price, what="price"))
    pack = pack.strip()
    require(db, "items")  # suppliers and their links are the catalogue's: the owner's
    with db.transaction() as conn:
        sid = sql.supplier_id(conn, code)
        item_id = catalog_sql.item_id(conn, sku.strip())
        if pack and pack.casefold() not in {p[0].casefold() for p in sql.packs_of(conn, item_id)}:
            raise NotFound("units.unknown_pack", sku=sku, pack=pack)
        sql.link(
            conn,
            item_id=item_id,
            supplier_id=sid,
            supplier_sku=supplier_sku.strip(),
            pack=pack,
            last_price=cost,
            preferred=preferred,
        )
    return Changes(items=frozenset({item_id}), catalog=True)


def supplier_items(db: Database, code: str) -> list[SupplierLink]:
    """The items supplier ``code`` sells, by SKU."""
    sid = sql.supplier_id(db.conn, code)
    return [
        SupplierLink(
            sku=r[0],
            name=r[1],
            supplier_sku=r[2],
            pack=r[3],
            last_price=None if r[4] is None else money.cost_from_int(r[4]),
            preferred=bool(r[5]),
        )
        for r in sql.links_of_supplier(db.conn, sid)
    ]


def suppliers_of_item(db: Database, sku: str) -> list[tuple[str, str, bool]]:
    """(code, name, preferred) of the suppliers of ``sku``, the preferred one first."""
    names = {str(r[1]): str(r[2]) for r in sql.suppliers(db.conn)}
    key = sku.strip().casefold()
    return [
        (str(r[2]), names.get(str(r[2]), ""), bool(r[6]))
        for r in sql.links(db.conn)
        if str(r[1]).casefold() == key
    ]
