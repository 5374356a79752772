"""Stock: the batches on hand, where they are, when they expire and what they are worth."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inventory_app.domain.model import Changes
from inventory_app.services import catalog
from inventory_app.services.browse.items import BatchFilter, BatchRow
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.stock import StockModel
from inventory_app.ui.pages.base import Page, refill_choices
from inventory_app.ui.widgets.format import location_text
from inventory_app.ui.widgets.search_box import SearchBox
from inventory_app.ui.widgets.table import DataTable


class StockPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StockModel(ctx, self)
        self.item = SearchBox(self.tr("Item: name, code, barcode, pinyin (Ctrl+F)"))
        self.item.setMinimumWidth(240)
        self.location = QComboBox()
        self.location.setMinimumWidth(130)
        self.expiring = QCheckBox(self.tr("Expiring soon"))
        self.expired = QCheckBox(self.tr("Expired"))
        self.table = DataTable(self.model, state_key="stock")
        self.legend = QLabel()
        self.legend.setObjectName("muted")
        self.tables = (self.table,)
        self.search_box = self.item

        bar = QHBoxLayout()
        bar.addWidget(self.item, 2)
        bar.addWidget(self.location)
        bar.addWidget(self.expiring)
        bar.addWidget(self.expired)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

        self.item.search_changed.connect(lambda _t: self.apply_filter())
        self.item.down_pressed.connect(self.table.enter_from_search)
        self.location.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.expiring.toggled.connect(lambda _on: self.apply_filter())
        self.expired.toggled.connect(lambda _on: self.apply_filter())
        self.table.row_activated.connect(self.open_item)

    def current_filter(self) -> BatchFilter:
        return BatchFilter(
            text=self.item.text().strip(),
            location_id=self.location.currentData(),
            expiring=self.expiring.isChecked(),
            expired=self.expired.isChecked(),
            warning_days=self.ctx.expiry_warning_days,
        )

    def apply_filter(self) -> None:
        if self.ctx.db is not None:
            self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        self._fill_locations()
        days = self.ctx.expiry_warning_days
        self.legend.setText(
            self.tr(
                "Expiry in red: expired. In amber: expires within {0} days (File ▸ Settings)."
            ).format(days)
        )
        self.model.filter = self.current_filter()
        self.model.reload(keep_rows=True)

    def is_loaded(self) -> bool:
        return super().is_loaded() and self.model.is_loaded()

    def wants(self, changes: Changes) -> bool:
        return bool(changes.batches or changes.catalog or changes.settings or changes.items)

    def _fill_locations(self) -> None:
        locations = catalog.list_locations(self.ctx.db) if self.ctx.db else []
        refill_choices(
            self.location,
            self.tr("All locations"),
            ((location_text(loc.name), loc.id) for loc in locations),
        )

    def open_item(self, row: BatchRow) -> None:
        from inventory_app.ui.dialogs.item_detail import ItemDetailDialog

        ItemDetailDialog(self.ctx, row.item_id, parent=self).exec()
