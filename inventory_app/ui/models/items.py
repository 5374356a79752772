"""The Items table: every item with on-hand quantity and value."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from inventory_app.services import browse
from inventory_app.services.browse.items import ItemFilter, ItemRow
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.paged import AMBER, MUTED, Column, FilteredPagedModel
from inventory_app.ui.widgets.format import cost_text, money_text, qty_text


def item_columns() -> list[Column]:
    # Long by nature: a table of columns, one literal header each (lupdate reads literals).
    return [
        Column(
            "sku",
            QCoreApplication.translate("ItemsModel", "Code"),
            lambda r: r.sku,
            sort="sku",
            width=110,
        ),
        Column(
            "name",
            QCoreApplication.translate("ItemsModel", "Name"),
            lambda r: r.name,
            sort="name",
            width=260,
        ),
        Column(
            "category",
            QCoreApplication.translate("ItemsModel", "Category"),
            lambda r: r.category,
            sort="category",
            width=120,
        ),
        Column(
            "unit",
            QCoreApplication.translate("ItemsModel", "Unit"),
            lambda r: r.unit,
            sort="unit",
            width=60,
        ),
        Column(
            "on_hand",
            QCoreApplication.translate("ItemsModel", "On hand"),
            lambda r: qty_text(r.on_hand),
            "on_hand",
            True,
            90,
        ),
        Column(
            "value",
            QCoreApplication.translate("ItemsModel", "Value"),
            lambda r: money_text(r.value),
            "value",
            True,
            110,
        ),
        Column(
            "reorder_point",
            QCoreApplication.translate("ItemsModel", "Reorder at"),
            lambda r: qty_text(r.reorder_point) if r.reorder_point else "",
            "reorder_point",
            True,
            90,
        ),
        Column(
            "last_cost",
            QCoreApplication.translate("ItemsModel", "Last cost"),
            lambda r: cost_text(r.last_cost),
            "last_cost",
            True,
            90,
        ),
        Column(
            "barcode",
            QCoreApplication.translate("ItemsModel", "Barcode"),
            lambda r: r.barcode,
            sort="barcode",
            width=130,
        ),
    ]


class ItemsModel(FilteredPagedModel):
    page_query = staticmethod(browse.item_page)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, item_columns(), ItemFilter(), parent)

    def foreground(self, row: ItemRow, column: Column) -> QColor | None:
        if not row.active:
            return MUTED
        if column.key == "on_hand" and row.below_reorder:
            return AMBER
        return None

    def tooltip(self, row: ItemRow, column: Column) -> str | None:
        if not row.active:
            return QCoreApplication.translate("ItemsModel", "Archived")
        if column.key == "on_hand" and row.below_reorder:
            return QCoreApplication.translate("ItemsModel", "At or below the reorder point")
        return None
