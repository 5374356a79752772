"""Buying (#15): suppliers, packs and postings typed in packs, purchase orders."""

from __future__ import annotations

from inventory_app.services.buying.orders import (
    Order,
    OrderLine,
    get_order,
    list_orders,
    on_order,
    on_order_by_sku,
    overdue_orders,
)
from inventory_app.services.buying.placing import add_line, cancel, create_order, send
from inventory_app.services.buying.receiving import Receipt, receive
from inventory_app.services.buying.suppliers import (
    Supplier,
    SupplierLink,
    add_supplier,
    get_supplier,
    link_item,
    list_suppliers,
    save_supplier,
    supplier_items,
    suppliers_of_item,
)
from inventory_app.services.buying.units import (
    add_pack,
    all_packs,
    pack_for_barcode,
    pack_named,
    packs,
    post,
    read_scan,
    stock_qty_of,
    typed_of,
)

__all__ = [
    "Order",
    "OrderLine",
    "Receipt",
    "Supplier",
    "SupplierLink",
    "add_line",
    "add_pack",
    "add_supplier",
    "all_packs",
    "cancel",
    "create_order",
    "get_order",
    "get_supplier",
    "link_item",
    "list_orders",
    "list_suppliers",
    "on_order",
    "on_order_by_sku",
    "overdue_orders",
    "pack_for_barcode",
    "pack_named",
    "packs",
    "post",
    "read_scan",
    "receive",
    "save_supplier",
    "send",
    "stock_qty_of",
    "supplier_items",
    "suppliers_of_item",
    "typed_of",
]
