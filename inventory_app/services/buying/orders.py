"""Purchase orders: create, add lines (in packs), send, receive against, cancel, read.

Receiving posts ordinary receipts through the one posting engine (``units.post_typed``), in
the same transaction as the link from each receipt movement to its order line; the order's
status follows from what its lines have received.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import NotFound, RefusedOperation, ValidationError
from inventory_app.domain.model import Changes, Document, Line, MovementType
from inventory_app.domain.purchasing import (
    CANCELLABLE,
    OPEN,
    OrderStatus,
    expected_date,
    is_overdue,
    status_after_receipt,
)
from inventory_app.services.access import require
from inventory_app.services.buying.units import factor_of, post_typed
from inventory_app.services.postings import record_post
from inventory_app.storage import buying as supplier_sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage import orders as sql
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line in its pack: quantities in packs, ``unit_cost`` per pack."""

    id: int
    sku: str
    name: str
    stock_unit: str
    unit: str  # the pack ordered in (the stock unit when ordered in it)
    factor: Decimal
    ordered_qty: Decimal
    received_qty: Decimal
    unit_cost: Decimal | None
    why: str
    received_value: Decimal

    @property
    def value(self) -> Decimal:
        if self.unit_cost is None:
            return Decimal("0.00")
        return money.round_money(self.ordered_qty * self.unit_cost)

    @property
    def open_qty(self) -> Decimal:
        return max(self.ordered_qty - self.received_qty, Decimal(0))


@dataclass(frozen=True, slots=True)
class Order:
    id: int
    supplier: str
    supplier_name: str
    status: OrderStatus
    created_on: dt.date
    sent_on: dt.date | None
    expected: dt.date | None
    closed_on: dt.date | None
    cancel_reason: str | None
    lines: tuple[OrderLine, ...] = ()
    value: Decimal = Decimal("0.00")

    @property
    def editable(self) -> bool:
        return self.status == OrderStatus.DRAFT

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.status, self.expected, today)

    def as_json(self) -> dict[str, object]:
        """The CLI contract of ``po show``."""
        return {
            "id": self.id,
            "supplier": self.supplier,
            "status": self.status.value,
            "expected": self.expected,
            "lines": [
                {
                    "sku": x.sku,
                    "unit": x.unit,
                    "factor": x.factor,
                    "ordered_qty": x.ordered_qty,
                    "received_qty": x.received_qty,
                    "unit_cost": x.unit_cost,
                }
                for x in self.lines
            ],
        }


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _order(row: tuple, lines: list[tuple] | None = None) -> Order:
    out_lines = tuple(_line(r) for r in lines or ())
    value = (
        sum((x.value for x in out_lines), Decimal("0.00"))
        if lines is not None
        else money.money_from_int(row[12])
    )
    return Order(
        id=row[0],
        supplier=row[1],
        supplier_name=row[2],
        status=OrderStatus(row[3]),
        created_on=dt.date.fromisoformat(row[4]),
        sent_on=_date(row[5]),
        expected=_date(row[6]),
        closed_on=_date(row[7]),
        cancel_reason=row[8],
        lines=out_lines,
        value=value,
    )


def _line(r: tuple) -> OrderLine:
    factor = r[6]
    return OrderLine(
        id=r[0],
        sku=r[2],
        name=r[3],
        stock_unit=r[4],
        unit=r[5],
        factor=money.qty_from_int(factor),
        ordered_qty=money.qty_from_int(r[7]),
        received_qty=units.pack_qty_of(r[10], factor),
        unit_cost=None if r[8] is None else money.cost_from_int(r[8]),
        why=r[9],
        received_value=money.money_from_int(r[11]),
    )


def get_order(db: Database, order_id: int) -> Order:
    """The order with its lines; ``po.unknown`` if there is none."""
    return _order(sql.order(db.conn, order_id), sql.lines(db.conn, order_id))


def list_orders(db: Database, *, status: str | None = None) -> list[Order]:
    """Orders (without their lines), newest first; ``status`` filters."""
    if status:
        try:
            status = OrderStatus(status.strip().lower()).value
        except ValueError:
            choices = ", ".join(s.value for s in OrderStatus)
            raise ValidationError("po.unknown_status", status=status, choices=choices) from None
    return [_order(r) for r in sql.orders(db.conn, status=status)]


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
    link = _link(conn, item_id, row[1])
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


def _link(conn: Connection, item_id: int, supplier: str) -> tuple | None:
    return supplier_sql.link_of(conn, item_id, supplier)


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
        link = _link(conn, item_id, row[1])
        if link is not None and price is not None and link[4] == pack:
            supplier_sql.set_last_price(conn, item_id, sid, money.cost_to_int(price))


def on_order(db: Database) -> dict[int, Decimal]:
    """Stock units still expected per item id (sent and partly received orders)."""
    return {i: money.qty_from_int(q) for i, q in sql.on_order(db.conn).items()}


def on_order_by_sku(db: Database) -> dict[str, Decimal]:
    ids = on_order(db)
    if not ids:
        return {}
    return {str(r[1]): ids[r[0]] for r in catalog_sql.all_items(db.conn) if r[0] in ids}


def overdue_orders(db: Database, *, today: dt.date | None = None) -> list[tuple]:
    """(id, supplier code, supplier name, status, expected date) of open orders past due."""
    day = today or dt.date.today()
    return [
        (r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]))
        for r in sql.overdue(db.conn, day.isoformat())
    ]
