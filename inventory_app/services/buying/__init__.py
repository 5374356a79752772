"""Buying (#15): suppliers, packs and postings typed in packs, purchase orders."""

from __future__ import annotations

from inventory_app.services.buying.suppliers import (
    Supplier,
    SupplierLink,
    add_supplier,
    get_supplier,
    link_item,
    list_suppliers,
    save_supplier,
    supplier_items,
)
from inventory_app.services.buying.units import (
    add_pack,
    all_packs,
    pack_for_barcode,
    packs,
    post,
    stock_qty_of,
    typed_of,
)

__all__ = [
    "Supplier",
    "SupplierLink",
    "add_pack",
    "add_supplier",
    "all_packs",
    "get_supplier",
    "link_item",
    "list_suppliers",
    "pack_for_barcode",
    "packs",
    "post",
    "save_supplier",
    "stock_qty_of",
    "supplier_items",
    "typed_of",
]
