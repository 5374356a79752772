"""Selling prices for the demo shop (#16): a markup by category over each item's last cost,
with one item in twenty left unpriced, so margin figures show a priced share below 100 %."""

from __future__ import annotations

import random
from decimal import Decimal

from inventory_app.domain.model import Changes
from inventory_app.services import demand
from inventory_app.storage.db import Database


def add_selling_prices(db: Database, *, seed: int = 1) -> Changes:
    rng = random.Random(seed * 7919 + 16)
    by_category: dict[str, Decimal] = {}

    def markup(category: str) -> Decimal | None:
        if rng.random() < 0.05:
            return None
        base = by_category.setdefault(category, Decimal(rng.randint(125, 180)) / 100)
        return base + Decimal(rng.randint(-10, 10)) / 100

    return demand.markup_prices(db, markup)
