"""Receiving goods against a sent purchase order: ordinary receipts posted through the one
posting engine (``units.post_typed``), in the same transaction as the link from each receipt
movement to its order line; the order's status follows from what its lines have received.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes, Document, Line, MovementType
from inventory_app.domain.purchasing import OPEN, OrderStatus, status_after_receipt
from inventory_app.services.access import require
from inventory_app.services.buying.units import factor_of, post_typed
from inventory_app.services.postings import record_post
from inventory_app.storage import buying as supplier_sql
from inventory_app.storage import orders as sql
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt against an order is: ``qty`` of ``unit`` (default: the line's pack)."""

    sku: str
    qty: object
    unit: str | None = None
    cost: object = None  # per ``unit``; default: the line's price
    batch: str | None = None
    expiry: dt.date | None = None
    location: str | None = None
    line: int | None = None  # the order line's id, when the SKU is on several lines


def receive(
    db: Database,
    order_id: int,
    receipts: list[Receipt],
    *,
    date: dt.date | None = None,
    allow_over: bool = False,
    operator: str = "",
) -> Changes:
    """Receive goods against a sent order, one document, every line or none: each receipt
    names a line by SKU (the first with something still open) and becomes an ordinary
    receipt (several batches per line, each with its expiry and the price actually paid).
    More than ordered is refused unless ``allow_over``."""
    day = date or dt.date.today()
    actor = require(db, "receive")
    operator = operator.strip() or actor.name
    with db.transaction() as conn:
        row = sql.order(conn, order_id)
        if row[3] not in OPEN:
            raise RefusedOperation("po.not_open", id=order_id, status=row[3])
        have = {r[0]: r for r in sql.lines(conn, order_id)}
        received = {lid: r[10] for lid, r in have.items()}
        doc_lines, typed, line_ids = [], [], []
        for rc in receipts:
            line = have.get(rc.line) if rc.line else _line_for(have, received, rc.sku, order_id)
            if line is None:
                raise NotFound("po.not_on_order", id=order_id, sku=rc.sku)
            pack, factor = factor_of(conn, line[2], rc.unit if rc.unit else line[5])
            q = money.parse_qty(rc.qty)
            if q <= 0:
                raise ValidationError("po.qty_not_positive", qty=q)
            stock = units.stock_qty(money.qty_to_int(q), factor)
            ordered = line[7] * line[6] // money.QTY_SCALE
            if not allow_over and received[line[0]] + stock > ordered:
                raise RefusedOperation(
                    "po.over_receipt",
                    id=order_id,
                    sku=line[2],
                    qty=q,
                    ordered=_packs(ordered, line[6]),
                    received=_packs(received[line[0]] + stock, line[6]),
                )
            received[line[0]] += stock
            cost = rc.cost if rc.cost not in (None, "") else None
            price = money.parse_cost(cost) if cost is not None else _line_cost(line, factor)
            doc_lines.append(
                Line(
                    type=MovementType.RECEIPT,
                    sku=line[2],
                    qty=q,
                    unit_cost=price,
                    batch=rc.batch,
                    expiry=rc.expiry,
                    location=rc.location,
                    reference=f"PO-{order_id}",
                )
            )
            typed.append(pack)
            line_ids.append((line[0], line[1], pack, price))
        doc = Document(
            date=day,
            lines=tuple(doc_lines),
            reference=f"PO-{order_id}",
            supplier=row[2],
            operator=operator,
        )
        poster = Poster(conn, source="po")
        doc_id, movements, changes = post_typed(conn, poster, doc, typed, "receipt")
        record_post(conn, actor, doc_id, doc, kind="receipt")
        sql.record_receipts(
            conn,
            [
                (mid, lid)
                for (lid, *_), mids in zip(line_ids, movements, strict=True)
                for mid in mids
            ],
        )
        _after_receipt(conn, order_id, row, line_ids, day)
    return dataclasses.replace(changes, catalog=True)


def _packs(stock: int, factor: int) -> Decimal:
    return units.pack_qty_of(stock, factor).normalize()


def _line_for(have: dict, received: dict, sku: str, order_id: int) -> tuple:
    mine = [r for r in have.values() if r[2].casefold() == sku.strip().casefold()]
    if not mine:
        raise NotFound("po.not_on_order", id=order_id, sku=sku)
    for r in mine:  # the first line of the item with something still to come
        if received[r[0]] < r[7] * r[6] // money.QTY_SCALE:
            return r
    return mine[-1]


def _line_cost(line: tuple, factor: int) -> Decimal | None:
    """The line's price per pack as a price per ``factor`` (the unit received in)."""
    if line[8] is None:
        return None
    return money.cost_from_int(money.div_half_up(line[8] * factor, line[6]))


def _after_receipt(conn: Connection, order_id: int, row: tuple, line_ids, day: dt.date) -> None:
    """The order's new status; the price actually paid becomes the link's last price."""
    lines = sql.lines(conn, order_id)
    status = status_after_receipt([(r[7] * r[6] // money.QTY_SCALE, r[10]) for r in lines])
    closed = day.isoformat() if status == OrderStatus.RECEIVED else None
    sql.set_status(conn, order_id, status, closed_on=closed)
    sid = supplier_sql.supplier_id(conn, row[1])
    for _lid, item_id, pack, price in line_ids:
        link = supplier_sql.link_of(conn, item_id, row[1])
        if link is not None and price is not None and link[4] == pack:
            supplier_sql.set_last_price(conn, item_id, sid, money.cost_to_int(price))
