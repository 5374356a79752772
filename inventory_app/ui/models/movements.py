"""The movement journal, a movement's allocations, and an item's stock card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from inventory_app.services.browse import movements as browse_movements
from inventory_app.services.browse.items import Cursor, Page
from inventory_app.services.browse.movements import CardRow, MovementFilter, MovementRow
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.paged import (
    MUTED,
    RED,
    Column,
    FilteredPagedModel,
    PagedModel,
    RowsModel,
)
from inventory_app.ui.widgets.format import (
    date_text,
    location_text,
    money_text,
    qty_text,
    reason_text,
    reference_text,
    type_text,
)


def _where(r: MovementRow) -> str:
    where = location_text(r.location)
    return f"{where} → {location_text(r.to_location)}" if r.to_location else where


def _note(r: MovementRow) -> str:
    parts = []
    if r.reverses_id:
        parts.append(
            QCoreApplication.translate("MovementsModel", "reverses No. {0}").format(r.reverses_id)
        )
    if r.reversed_by:
        parts.append(
            QCoreApplication.translate("MovementsModel", "reversed by No. {0}").format(
                r.reversed_by
            )
        )
    parts += [p for p in (reason_text(r.reason), r.supplier, reference_text(r.note)) if p]
    return "; ".join(parts)


def movement_columns() -> list[Column]:
    # Long by nature: a table of columns, one literal header each (lupdate reads literals).
    return [
        Column(
            "id",
            QCoreApplication.translate("MovementsModel", "No."),
            lambda r: str(r.id),
            sort="id",
            numeric=True,
            width=64,
        ),
        Column(
            "date",
            QCoreApplication.translate("MovementsModel", "Date"),
            lambda r: date_text(r.date),
            sort="date",
            width=92,
        ),
        Column(
            "type",
            QCoreApplication.translate("MovementsModel", "Type"),
            lambda r: type_text(r.type),
            width=88,
        ),
        Column(
            "sku", QCoreApplication.translate("MovementsModel", "Code"), lambda r: r.sku, width=90
        ),
        Column(
            "name",
            QCoreApplication.translate("MovementsModel", "Name"),
            lambda r: r.name,
            width=170,
        ),
        Column(
            "location", QCoreApplication.translate("MovementsModel", "Location"), _where, width=90
        ),
        Column(
            "qty",
            QCoreApplication.translate("MovementsModel", "Qty"),
            lambda r: qty_text(r.qty),
            numeric=True,
            width=72,
        ),
        Column(
            "value",
            QCoreApplication.translate("MovementsModel", "Value"),
            lambda r: money_text(r.value),
            numeric=True,
            width=96,
        ),
        Column(
            "reference",
            QCoreApplication.translate("MovementsModel", "Reference"),
            lambda r: reference_text(r.reference),
            width=110,
        ),
        Column(
            "operator",
            QCoreApplication.translate("MovementsModel", "Operator"),
            lambda r: r.operator,
            width=76,
        ),
        Column("note", QCoreApplication.translate("MovementsModel", "Note"), _note, width=120),
    ]


class MovementsModel(FilteredPagedModel):
    page_query = staticmethod(browse_movements.movement_page)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, movement_columns(), MovementFilter(), parent)
        self.sort_column = 1  # date
        self.descending = True  # newest first

    def foreground(self, row: MovementRow, column: Column) -> QColor | None:
        if row.reversed_by or row.reverses_id:
            return MUTED
        if column.key == "qty" and row.qty < 0:
            return RED
        return None


def allocation_columns() -> list[Column]:
    return [
        Column(
            "batch",
            QCoreApplication.translate("MovementsModel", "Batch"),
            lambda r: r.batch,
            width=130,
        ),
        Column(
            "location",
            QCoreApplication.translate("MovementsModel", "Location"),
            lambda r: location_text(r.location),
            width=100,
        ),
        Column(
            "received",
            QCoreApplication.translate("MovementsModel", "Received"),
            lambda r: date_text(r.received),
            width=95,
        ),
        Column(
            "expiry",
            QCoreApplication.translate("MovementsModel", "Expiry"),
            lambda r: date_text(r.expiry),
            width=95,
        ),
        Column(
            "qty",
            QCoreApplication.translate("MovementsModel", "Qty"),
            lambda r: qty_text(r.qty),
            numeric=True,
            width=80,
        ),
        Column(
            "value",
            QCoreApplication.translate("MovementsModel", "Value"),
            lambda r: money_text(r.value),
            numeric=True,
            width=100,
        ),
    ]


class AllocationsModel(RowsModel):
    """Which batches one movement drew from (or created): a handful of rows."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(allocation_columns(), parent)
        self.ctx = ctx

    def show_movement(self, movement: MovementRow | None) -> None:
        if self.ctx.db is None or movement is None:
            self.set_rows([])
            return
        rows = browse_movements.allocations_of(self.ctx.db, movement.id)
        if not rows:
            rows = browse_movements.received_batches_of(self.ctx.db, movement.id)
        self.set_rows(rows)


def card_columns() -> list[Column]:
    # Long by nature: a table of columns, one literal header each (lupdate reads literals).
    return [
        Column(
            "date",
            QCoreApplication.translate("MovementsModel", "Date"),
            lambda r: date_text(r.date),
            width=95,
        ),
        Column(
            "type",
            QCoreApplication.translate("MovementsModel", "Type"),
            lambda r: type_text(r.type),
            width=95,
        ),
        Column(
            "reference",
            QCoreApplication.translate("MovementsModel", "Reference"),
            lambda r: reference_text(r.reference),
            width=100,
        ),
        Column(
            "location",
            QCoreApplication.translate("MovementsModel", "Location"),
            lambda r: location_text(r.location),
            width=90,
        ),
        Column(
            "in",
            QCoreApplication.translate("MovementsModel", "In"),
            lambda r: qty_text(r.qty) if r.qty > 0 and r.bucket != "xfer" else "",
            numeric=True,
            width=64,
        ),
        Column(
            "out",
            QCoreApplication.translate("MovementsModel", "Out"),
            lambda r: qty_text(-r.qty) if r.qty < 0 and r.bucket != "xfer" else "",
            numeric=True,
            width=64,
        ),
        Column(
            "value",
            QCoreApplication.translate("MovementsModel", "Value"),
            lambda r: money_text(r.value),
            numeric=True,
            width=100,
        ),
        Column(
            "balance",
            QCoreApplication.translate("MovementsModel", "Balance"),
            lambda r: qty_text(r.balance_qty),
            numeric=True,
            width=90,
        ),
        Column(
            "balance_value",
            QCoreApplication.translate("MovementsModel", "Balance value"),
            lambda r: money_text(r.balance_value),
            numeric=True,
            width=110,
        ),
        Column(
            "operator",
            QCoreApplication.translate("MovementsModel", "Operator"),
            lambda r: r.operator,
            width=80,
        ),
    ]


class StockCardModel(PagedModel):
    """An item's movements in date order with the running balance (a stock card)."""

    def __init__(self, ctx: AppContext, item_id: int, parent=None) -> None:
        super().__init__(card_columns(), parent)
        self.ctx = ctx
        self.item_id = item_id

    def fetch_page(self, after: Cursor | None, limit: int) -> Page:
        if self.ctx.db is None:
            return Page(rows=[], cursor=None)
        return browse_movements.stock_card_page(self.ctx.db, self.item_id, after=after, limit=limit)

    def foreground(self, row: CardRow, column: Column) -> QColor | None:
        if row.bucket == "xfer" and column.key in ("in", "out", "value"):
            return MUTED
        return None
