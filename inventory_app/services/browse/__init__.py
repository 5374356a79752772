"""Pages of rows for the big tables (items, batches), sorted and filtered in SQL."""

from __future__ import annotations

from inventory_app.services.browse.items import (
    BatchFilter,
    BatchRow,
    ItemFilter,
    ItemRow,
    Page,
    batch_page,
    count_items,
    item_page,
    item_row,
)

__all__ = [
    "BatchFilter",
    "BatchRow",
    "ItemFilter",
    "ItemRow",
    "Page",
    "batch_page",
    "count_items",
    "item_page",
    "item_row",
]
