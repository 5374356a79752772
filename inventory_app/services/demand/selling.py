"""Selling prices, the "do not reorder" flag and prices of issue lines (#16).

Prices are per stock unit, ``Decimal`` in currency units (stored in ten-thousandths, like
unit costs). They live beside the ledger, not in it: a price never changes what was posted.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from inventory_app.domain.model import Changes, ItemFields
from inventory_app.domain.money import cost_from_int, cost_to_int, parse_cost
from inventory_app.storage import catalog
from inventory_app.storage import demand as dq
from inventory_app.storage.db import Database


def selling_terms(db: Database) -> dict[int, tuple[Decimal | None, bool]]:
    """Per item id with terms set: (selling price or None, do-not-reorder)."""
    return {
        i: (None if p is None else cost_from_int(p), bool(n))
        for i, (p, n) in dq.selling_terms(db.conn).items()
    }


def item_terms(db: Database, sku: str) -> tuple[Decimal | None, bool]:
    """(selling price or None, do-not-reorder) of one item."""
    return selling_terms(db).get(catalog.item_id(db.conn, sku), (None, False))


def _price(value: object) -> int:
    return cost_to_int(parse_cost(value, what="selling price"))


def set_price(db: Database, sku: str, price: object | None) -> Changes:
    """Set (None: clear) the selling price of an item, per stock unit."""
    stored = None if price is None else _price(price)
    with db.transaction() as conn:
        item_id = catalog.item_id(conn, sku)
        dq.set_price(conn, item_id, stored)
    return Changes(items=frozenset({item_id}), catalog=True)


def markup_prices(db: Database, markup: Callable[[str], Decimal | None]) -> Changes:
    """Price every item with a last cost at ``markup(category)`` × that cost, rounded to ten
    fen (None: leave the item unpriced). For the demo shop and for a first price list."""
    rows = []
    for item_id, category, cost in dq.last_costs(db.conn):
        factor = markup(category)
        if factor is not None:
            price = (cost_from_int(cost) * factor).quantize(Decimal("0.1"))
            rows.append((item_id, cost_to_int(max(price, Decimal("0.1")))))
    with db.transaction() as conn:
        dq.set_prices(conn, rows)
    return Changes(items=frozenset(i for i, _ in rows), catalog=True)


def set_no_reorder(db: Database, sku: str, no_reorder: bool) -> Changes:
    """Flag an item "do not reorder": it leaves the reorder suggestions (stop buying it)."""
    with db.transaction() as conn:
        item_id = catalog.item_id(conn, sku)
        dq.set_no_reorder(conn, item_id, no_reorder)
    return Changes(items=frozenset({item_id}), catalog=True)


def set_issue_price(db: Database, movement_id: int, price: object) -> Changes:
    """The price an issue line was sold at (per stock unit), overriding the item's price in
    margin figures. Kept beside the movement, which stays as posted."""
    with db.transaction() as conn:
        dq.set_issue_price(conn, movement_id, _price(price))
    return Changes()


def save_item_with_terms(
    db: Database,
    sku: str | None,
    fields: ItemFields,
    *,
    price: object | None,
    no_reorder: bool,
) -> Changes:
    """The item dialog's save: add (``sku`` None) or update the item, and its selling price
    (None: none) and do-not-reorder flag, in one transaction."""
    from inventory_app.services import catalog as catalog_service

    with db.transaction():
        if sku:
            changes = catalog_service.update_item(db, sku, fields)
        else:
            changes = catalog_service.add_item(db, fields)
        changes |= set_price(db, fields.sku, price)
        changes |= set_no_reorder(db, fields.sku, no_reorder)
    return changes
