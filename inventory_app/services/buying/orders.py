"""Purchase orders as read: an order and its lines (quantities in packs), the list of
orders, what is still on order per item, and which orders are overdue.

Placing orders (create, add lines, send, cancel) is in ``placing``; receiving goods against
one in ``receiving``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain import money, units
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.purchasing import OrderStatus, is_overdue
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage import orders as sql
from inventory_app.storage.db import Database


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
