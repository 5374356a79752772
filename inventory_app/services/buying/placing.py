"""Placing purchase orders: a draft to a supplier, its lines in packs (priced from the
supplier's last price or the item's last cost), sending it, cancelling it. The owner buys;
a clerk receives (``receiving``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import RefusedOperation, ValidationError
from inventory_app.domain.model import Changes
from inventory_app.domain.purchasing import CANCELLABLE, OrderStatus, expected_date
from inventory_app.services.access import require
from inventory_app.services.buying.units import factor_of
from inventory_app.storage import buying as supplier_sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage import orders as sql
from inventory_app.storage.db import Connection, Database


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def create_order(
    db: Database, supplier: str, *, on: dt.date | None = None, note: str = ""
) -> tuple[int, Changes]:
    """A new draft order to ``supplier`` (its code); expected after the supplier's lead time."""
    day = on or dt.date.today()
    require(db, "purchase")  # the owner buys; a clerk receives
    with db.transaction() as conn:
        order_id = _create(conn, supplier, day, note)
    return order_id, Changes(catalog=True)


def _create(conn: Connection, supplier: str, day: dt.date, note: str = "") -> int:
    sid = supplier_sql.supplier_id(conn, supplier)
    lead = supplier_sql.supplier_by_code(conn, supplier.strip())[6]
    return sql.insert_order(
        conn,
        supplier_id=sid,
        created_on=day.isoformat(),
        expected=expected_date(day, lead).isoformat(),
        created_at=_now(),
        note=note,
    )


def _draft(conn: Connection, order_id: int) -> tuple:
    row = sql.order(conn, order_id)
    if row[3] != OrderStatus.DRAFT:
        raise RefusedOperation("po.not_draft", id=order_id, status=row[3])
    return row


def add_line(
    db: Database,
    order_id: int,
    *,
    sku: str,
    qty: object,
    unit: str | None = None,
    cost: object = None,
    why: str = "",
) -> Changes:
    """Add ``qty`` of ``unit`` (a pack; default: the pack bought from this supplier, else
    the stock unit) of ``sku`` to a draft order, at ``cost`` per pack (default: the last
    price paid this supplier, else the item's last cost × the factor)."""
    q = money.parse_qty(qty)
    if q <= 0:
        raise ValidationError("po.qty_not_positive", qty=q)
    price = None if cost in (None, "") else money.parse_cost(cost, what="price")
    require(db, "purchase")  # the owner buys; a clerk receives
    with db.transaction() as conn:
        _add(conn, order_id, sku, q, unit, price, why)
    return Changes(catalog=True)


def _add(
    conn: Connection,
    order_id: int,
    sku: str,
    qty: Decimal,
    unit: str | None,
    price: Decimal | None,
    why: str,
) -> None:
    row = _draft(conn, order_id)
    item_id = catalog_sql.item_id(conn, sku.strip())
    link = supplier_sql.link_of(conn, item_id, row[1])
    pack, factor = factor_of(conn, sku, unit if unit is not None else (link[4] if link else ""))
    qty_milli = money.qty_to_int(qty)
    units.stock_qty(qty_milli, factor)  # refuses a quantity that is not exact in stock units
    cost = None if price is None else money.cost_to_int(price)
    if cost is None and link is not None and link[5] is not None and link[4] == pack:
        cost = link[5]
    if cost is None:
        last = catalog_sql.last_cost(conn, sku.strip())
        cost = None if last is None else money.div_half_up(last * factor, money.QTY_SCALE)
    sql.insert_line(
        conn,
        order_id=order_id,
        item_id=item_id,
        pack=pack,
        factor=factor,
        ordered_qty=qty_milli,
        unit_cost=cost,
        why=why,
    )


def send(db: Database, order_id: int, *, on: dt.date | None = None) -> Changes:
    """Send a draft order: it becomes read-only; expected = sent day + lead time."""
    day = on or dt.date.today()
    require(db, "purchase")  # the owner buys; a clerk receives
    with db.transaction() as conn:
        row = _draft(conn, order_id)
        if not sql.lines(conn, order_id):
            raise RefusedOperation("po.empty", id=order_id)
        sql.set_status(
            conn,
            order_id,
            OrderStatus.SENT,
            sent_on=day.isoformat(),
            expected=expected_date(day, row[10]).isoformat(),
        )
    return Changes(catalog=True)


def cancel(db: Database, order_id: int, *, reason: str) -> Changes:
    """Cancel an order that is not yet received in full (what was received stays)."""
    if not reason.strip():
        raise ValidationError("po.reason_empty")
    require(db, "purchase")  # the owner buys; a clerk receives
    with db.transaction() as conn:
        row = sql.order(conn, order_id)
        if row[3] not in CANCELLABLE:
            raise RefusedOperation("po.closed", id=order_id, status=row[3])
        sql.set_status(
            conn,
            order_id,
            OrderStatus.CANCELLED,
            closed_on=dt.date.today().isoformat(),
            cancel_reason=reason.strip(),
        )
    return Changes(catalog=True)
