"""Selling prices, the "do not reorder" flag and prices of issue lines (#16).

Prices are per stock unit, ``Decimal`` in currency units (stored in ten-thousandths, like
unit costs). They live beside the ledger, not in it: a price never changes what was posted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from inventory_app.domain.errors import RefusedOperation, ValidationError
from inventory_app.domain.model import Changes, Document, ItemFields, MovementType
from inventory_app.domain.money import COST_PLACES, cost_from_int, cost_to_int, parse_cost
from inventory_app.domain.units import STOCK_UNIT_FACTOR
from inventory_app.services.access import record
from inventory_app.services.buying.units import factor_of, post_typed
from inventory_app.services.postings import require_lines
from inventory_app.storage import catalog
from inventory_app.storage import demand as dq
from inventory_app.storage.db import Database
from inventory_app.storage.ledger.poster import Poster


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


def post_priced(
    db: Database,
    doc: Document,
    prices: Sequence[object | None],
    *,
    packs_typed: Sequence[str | None] | None = None,
    source: str | None = None,
) -> Changes:
    """Post ``doc`` (lines may be typed in packs, as ``buying.post``) and keep the selling
    price of each issue line (``prices[n]``, per the unit its quantity is typed in; None: the
    item's price applies) beside its movement, in the one transaction: all of it or none."""
    if not doc.lines:
        raise RefusedOperation("postings.no_lines")
    typed = list(packs_typed) if packs_typed is not None else [None] * len(doc.lines)
    given = [None if p is None or str(p).strip() == "" else _price_of(p) for p in prices]
    for line, price in zip(doc.lines, given, strict=True):
        if price is not None and MovementType(line.type) != MovementType.ISSUE:
            raise ValidationError("demand.price_on_issue_only", sku=line.sku)
    actor = require_lines(db, doc.lines)
    if not doc.operator.strip() and actor.name:
        doc = dataclasses.replace(doc, operator=actor.name)
    kind = MovementType(doc.lines[0].type).value
    with db.transaction() as conn:
        poster = Poster(conn, source=source or actor.source)
        doc_id, movements, changes = post_typed(conn, poster, doc, typed, kind)
        rows = []
        for line, pack, price, mids in zip(doc.lines, typed, given, movements, strict=True):
            if price is not None:
                _, factor = factor_of(conn, line.sku, pack)
                per_unit = cost_to_int(_per_stock_unit(price, factor))
                rows.extend((mid, per_unit) for mid in mids)
        dq.set_issue_prices(conn, rows)
        record(
            conn, actor, "post", f"document {doc_id}", source=source, kind=kind,
            lines=len(doc.lines), date=doc.date.isoformat(), reference=doc.reference,
            priced=len(rows),
        )  # fmt: skip
    return changes


def _price_of(value: object) -> Decimal:
    return parse_cost(value, what="selling price")


def _per_stock_unit(price: Decimal, factor: int) -> Decimal:
    """A price per pack of ``factor`` (thousandths of stock units) as per stock unit, to the
    ten-thousandth a unit cost has."""
    if factor == STOCK_UNIT_FACTOR:
        return price
    q = Decimal(1).scaleb(-COST_PLACES)
    return (price * STOCK_UNIT_FACTOR / factor).quantize(q, rounding=ROUND_HALF_UP)


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
