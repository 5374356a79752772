"""Counts read grammatically: one day, not "1 days"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from inventory_app.domain.model import ItemFields
from inventory_app.services import browse, catalog
from inventory_app.ui.dialogs.item_detail import ItemDetailDialog


def test_one_day_of_shelf_life_and_lead_time_reads_one_day(qtbot, ctx):
    catalog.add_item(
        ctx.db, ItemFields(sku="B1", name="Bread", shelf_life_days=1, lead_time_days=1)
    )
    item_id = next(r.id for r in browse.item_page(ctx.db).rows if r.sku == "B1")
    dialog = ItemDetailDialog(ctx, item_id)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "1 day" in texts
    assert "1 days" not in texts
