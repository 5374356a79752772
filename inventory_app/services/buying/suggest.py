"""Reorder suggestions as purchase orders: grouped by each item's preferred supplier, rounded
up to the pack bought from it and then to the supplier's minimum order, each line keeping the
suggestion's "why" (which already counts what is on order)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import money, purchasing
from inventory_app.domain.messages import render
from inventory_app.domain.purchasing import SuggestedLine
from inventory_app.domain.units import STOCK_UNIT_FACTOR
from inventory_app.services.analytics.alerts import reorder_suggestions
from inventory_app.services.buying import placing
from inventory_app.storage import buying as sql
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Database


def min_order_note() -> str:
    """What is added to the reason of a line grown to the supplier's minimum order, in the
    message language, with ``{packs}`` and ``{pack}`` left for ``round_to_minimum``."""
    return render("po.min_order_note", {"packs": "{packs}", "pack": "{pack}"})


@dataclass(frozen=True, slots=True)
class SuggestedOrder:
    """What to order from one supplier (``supplier`` "" : items with no supplier yet)."""

    supplier: str
    supplier_name: str
    min_order_value: Decimal
    lead_time_days: int
    lines: list[SuggestedLine] = field(default_factory=list)

    @property
    def value(self) -> Decimal:
        return sum((x.value for x in self.lines), Decimal("0.00"))

    def as_json(self) -> dict[str, object]:
        return {
            "supplier": self.supplier or None,
            "supplier_name": self.supplier_name,
            "min_order_value": self.min_order_value,
            "value": self.value,
            "lines": [
                {
                    "sku": x.sku,
                    "name": x.name,
                    "unit": x.pack,
                    "factor": money.qty_from_int(x.factor),
                    "needed": x.needed,
                    "qty": x.packs,
                    "stock_qty": x.stock_qty,
                    "unit_cost": x.pack_cost,
                    "value": x.value,
                    "why": x.why,
                }
                for x in self.lines
            ],
        }


def suggest_orders(
    db: Database, *, supplier: str | None = None, at: dt.date | None = None
) -> list[SuggestedOrder]:
    """The reorder suggestions as one suggested order per supplier (code order; the items
    without a supplier last), or only ``supplier``'s."""
    _rules, suggestions = reorder_suggestions(db, at=at)
    conn = db.conn
    links: dict[str, tuple] = {}
    for link in sql.links(conn):  # the preferred link of each item first
        links.setdefault(str(link[1]).casefold(), link)
    suppliers = {str(s[1]).casefold(): s for s in sql.suppliers(conn)}
    packs = {
        (str(sku).casefold(), str(name).casefold()): factor
        for sku, name, factor, _ in sql.all_packs(conn)
    }
    groups: dict[str, SuggestedOrder] = {}
    for s in suggestions:
        link = links.get(s.sku.casefold())
        code = str(link[2]) if link else ""
        if supplier and code.casefold() != supplier.strip().casefold():
            continue
        if code not in groups:
            row = suppliers.get(code.casefold())
            groups[code] = SuggestedOrder(
                supplier=code,
                supplier_name=str(row[2]) if row else "",
                min_order_value=money.money_from_int(row[7]) if row else Decimal(0),
                lead_time_days=row[6] if row else 0,
            )
        pack = str(link[4]) if link and link[4] else s.unit
        factor = packs.get((s.sku.casefold(), pack.casefold()), STOCK_UNIT_FACTOR)
        price = _price(conn, s.sku, link, factor)
        groups[code].lines.append(
            SuggestedLine(
                sku=s.sku,
                name=s.name,
                pack=pack,
                factor=factor,
                needed=s.advice.suggested,
                packs=purchasing.packs_for(s.advice.suggested, factor),
                pack_cost=price,
                why=s.why,
            )
        )
    out = []
    for code in sorted(groups, key=lambda c: (c == "", c.casefold())):
        g = groups[code]
        lines = purchasing.round_to_minimum(g.lines, g.min_order_value, note=min_order_note())
        out.append(
            SuggestedOrder(g.supplier, g.supplier_name, g.min_order_value, g.lead_time_days, lines)
        )
    return out


def _price(conn, sku: str, link: tuple | None, factor: int) -> Decimal | None:
    """Per pack: the last price paid the supplier, else the item's last cost × factor."""
    if link is not None and link[5] is not None:
        return money.cost_from_int(link[5])
    last = catalog_sql.last_cost(conn, sku)
    if last is None:
        return None
    return money.cost_from_int(money.div_half_up(last * factor, money.QTY_SCALE))


def orders_from_suggestions(
    db: Database, *, supplier: str | None = None, at: dt.date | None = None
) -> list[int]:
    """One draft order per supplier from ``suggest_orders``, in one transaction; returns the
    new order ids (items without a supplier are left: there is nobody to order from)."""
    suggested = [g for g in suggest_orders(db, supplier=supplier, at=at) if g.supplier]
    ids = []
    with db.transaction():
        for g in suggested:
            order_id, _ = placing.create_order(db, g.supplier, on=at)
            for x in g.lines:
                placing.add_line(
                    db, order_id, sku=x.sku, qty=x.packs, unit=x.pack, cost=x.pack_cost, why=x.why
                )
            ids.append(order_id)
    return ids
