"""The Stock table: batches that still hold stock, with expiry warnings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from inventory_app.services import browse
from inventory_app.services.browse.items import BatchFilter, BatchRow
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.paged import (
    AMBER,
    AMBER_BG,
    RED,
    RED_BG,
    Column,
    FilteredPagedModel,
)
from inventory_app.ui.widgets.format import (
    cost_text,
    date_text,
    location_text,
    money_text,
    qty_text,
)


def batch_columns(*, with_item: bool = True) -> list[Column]:
    # Long by nature: a table of columns, one literal header each (lupdate reads literals).
    item = [
        Column(
            "sku",
            QCoreApplication.translate("StockModel", "Code"),
            lambda r: r.sku,
            sort="sku",
            width=110,
        ),
        Column(
            "name",
            QCoreApplication.translate("StockModel", "Name"),
            lambda r: r.name,
            sort="name",
            width=240,
        ),
    ]
    return [
        *(item if with_item else []),
        Column(
            "batch",
            QCoreApplication.translate("StockModel", "Batch"),
            lambda r: r.batch,
            sort="batch",
            width=110,
        ),
        Column(
            "location",
            QCoreApplication.translate("StockModel", "Location"),
            lambda r: location_text(r.location),
            sort="location",
            width=90,
        ),
        Column(
            "received",
            QCoreApplication.translate("StockModel", "Received"),
            lambda r: date_text(r.received),
            "received",
            width=90,
        ),
        Column(
            "expiry",
            QCoreApplication.translate("StockModel", "Expiry"),
            lambda r: date_text(r.expiry),
            sort="expiry",
            width=90,
        ),
        Column(
            "qty",
            QCoreApplication.translate("StockModel", "Remaining"),
            lambda r: qty_text(r.qty),
            "qty",
            True,
            85,
        ),
        Column(
            "unit", QCoreApplication.translate("StockModel", "Unit"), lambda r: r.unit, width=50
        ),
        Column(
            "unit_cost",
            QCoreApplication.translate("StockModel", "Unit cost"),
            lambda r: cost_text(r.unit_cost),
            "unit_cost",
            True,
            85,
        ),
        Column(
            "value",
            QCoreApplication.translate("StockModel", "Value"),
            lambda r: money_text(r.value),
            "value",
            True,
            100,
        ),
    ]


class StockModel(FilteredPagedModel):
    page_query = staticmethod(browse.batch_page)

    def __init__(self, ctx: AppContext, parent=None, *, with_item: bool = True) -> None:
        super().__init__(ctx, batch_columns(with_item=with_item), BatchFilter(), parent)
        self.sort_column = next(i for i, c in enumerate(self.columns) if c.key == "expiry")

    def foreground(self, row: BatchRow, column: Column) -> QColor | None:
        if column.key == "expiry":
            return {"expired": RED, "expiring": AMBER}.get(row.status)
        return None

    def background(self, row: BatchRow, column: Column) -> QColor | None:
        if column.key == "expiry":
            return {"expired": RED_BG, "expiring": AMBER_BG}.get(row.status)
        return None

    def tooltip(self, row: BatchRow, column: Column) -> str | None:
        if row.status == "expired":
            return QCoreApplication.translate("StockModel", "Expired")
        if row.status == "expiring":
            return QCoreApplication.translate("StockModel", "Expires within the warning window")
        return None
