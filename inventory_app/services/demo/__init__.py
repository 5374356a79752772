"""A believable demo shop: a catalogue of groceries and hardware and a year of history."""

from __future__ import annotations

from inventory_app.services.demo.build import LINES_PER_ITEM_DAY, DemoPlan, build_demo, generate
from inventory_app.services.demo.catalogue import ean13
from inventory_app.services.demo.history import BACK_STORE, SALES_REF

__all__ = [
    "BACK_STORE",
    "LINES_PER_ITEM_DAY",
    "SALES_REF",
    "DemoPlan",
    "build_demo",
    "ean13",
    "generate",
]
