"""The demo shop's buying side (#15): a supplier record for each supplier its items name, every
item linked to its supplier (preferred), cases for drinks and boxed goods, and a few purchase
orders — one sent and overdue, one sent and still due, and drafts from today's reorder
suggestions. Nothing is received (the demo's ledger stays the history it generated)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from inventory_app.domain.model import Changes
from inventory_app.services import catalog
from inventory_app.services.buying import placing, suggest, suppliers, units
from inventory_app.storage.db import Database

# stock unit -> (pack, stock units per pack): how these are bought
CASES = {
    "瓶": ("箱", 24),
    "罐": ("箱", 24),
    "盒": ("箱", 12),
    "pcs": ("case", 12),
    "包": ("箱", 20),
}
MIN_ORDER = 200  # yuan, for the suppliers of perishables (they deliver often, in small lots)


def add_buying(db: Database, *, today: dt.date | None = None) -> Changes:
    """Suppliers, links, cases and a few orders for the demo shop in ``db`` (inside the
    caller's transaction)."""
    day = today or dt.date.today()
    items = [it for it in catalog.list_items(db) if it.active and it.supplier]
    names = sorted({it.supplier for it in items})
    codes = {name: f"S{n:02d}" for n, name in enumerate(names, 1)}
    for name in names:
        leads = Counter(it.lead_time_days for it in items if it.supplier == name)
        fresh = any(it.shelf_life_days for it in items if it.supplier == name)
        suppliers.add_supplier(
            db,
            suppliers.Supplier(
                code=codes[name],
                name=name,
                contact="业务员",
                phone=f"0571-8{len(name):03d}{sum(map(ord, name)) % 10000:04d}",
                lead_time_days=leads.most_common(1)[0][0],
                min_order_value=MIN_ORDER if fresh else 0,
            ),
        )
    for it in items:
        pack = CASES.get(it.unit)
        if pack is not None:
            units.add_pack(db, it.sku, pack[0], factor=pack[1])
        cost = catalog.last_cost(db, it.sku)
        price = None if cost is None else cost * (pack[1] if pack else 1)
        suppliers.link_item(
            db,
            codes[it.supplier],
            sku=it.sku,
            supplier_sku=f"{codes[it.supplier]}-{it.sku}",
            pack=pack[0] if pack else "",
            price=None if price is None else price.quantize(Decimal("0.01")),
            preferred=True,
        )
    _orders(db, items, codes, day)
    return Changes(catalog=True)


def _orders(db: Database, items, codes: dict[str, str], day: dt.date) -> None:
    """An overdue order, one still due, then drafts from the suggestions."""
    if not items:
        return
    by_supplier: dict[str, list] = {}
    for it in items:
        by_supplier.setdefault(codes[it.supplier], []).append(it)
    picks = sorted(by_supplier.items(), key=lambda kv: -len(kv[1]))[:2]
    for n, (code, its) in enumerate(picks):
        sent = day - dt.timedelta(days=20 if n == 0 else 1)
        order_id, _ = placing.create_order(db, code, on=sent)
        for it in its[:4]:
            placing.add_line(db, order_id, sku=it.sku, qty=2 + n)
        placing.send(db, order_id, on=sent)
    suggest.orders_from_suggestions(db, at=day)
