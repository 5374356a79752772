"""One item: its facts, its batches, and its stock card (history with running balance)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import NotFound
from inventory_app.domain.model import Changes
from inventory_app.services import browse, buying, catalog
from inventory_app.services.browse.items import BatchFilter
from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.models.movements import StockCardModel
from inventory_app.ui.models.stock import StockModel
from inventory_app.ui.widgets.format import cost_text, money_text, qty_text
from inventory_app.ui.widgets.table import DataTable


class ItemDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, item_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.resize(980, 620)
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(16)
        self.figures = QFormLayout()
        self.figures.setHorizontalSpacing(16)
        self.edit_button = QPushButton(self.tr("Edit item…"))
        self.edit_button.clicked.connect(self.edit)
        self.labels_button = QPushButton(self.tr("Print labels…"))
        self.labels_button.setToolTip(
            self.tr("Labels of the selected batches (all batches in stock when none is selected)")
        )
        self.labels_button.clicked.connect(self.print_labels)

        self.batches = StockModel(ctx, self, with_item=False)
        self.batches.filter = BatchFilter(item_id=item_id, warning_days=ctx.expiry_warning_days)
        self.card = StockCardModel(ctx, item_id, self)
        self.batch_table = DataTable(self.batches, state_key="item_batches")
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.card_table = DataTable(self.card, state_key="stock_card")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.batch_table, self.tr("Batches in stock"))
        self.tabs.addTab(self.card_table, self.tr("Stock card"))

        top = QHBoxLayout()
        top.addLayout(self.facts, 1)
        top.addLayout(self.figures, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.labels_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        settings = app_settings()
        self.batch_table.restore_state(settings)
        self.card_table.restore_state(settings)
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()

    def reload(self) -> None:
        if self.ctx.db is None:
            return
        row = browse.item_row(self.ctx.db, self.item_id)
        if row is None:
            raise NotFound(f"item {self.item_id} does not exist")
        item = catalog.get_item(self.ctx.db, row.sku)
        self.sku = row.sku
        self.setWindowTitle(f"{row.sku} — {row.name}")
        archived = "" if row.active else self.tr("  (archived)")
        self.title.setText(f"{row.name}{archived}")
        for form in (self.facts, self.figures):
            while form.rowCount():
                form.removeRow(0)
        removal = (
            self.tr("FEFO (first expiry first out)")
            if item.removal == "fefo"
            else self.tr("FIFO (first in first out)")
        )
        shelf = self._days(item.shelf_life_days) if item.shelf_life_days else "—"
        for label, value in (
            (self.tr("Code"), row.sku),
            (self.tr("Barcode"), row.barcode or "—"),
            (self.tr("Category"), row.category or "—"),
            (self.tr("Supplier"), self._suppliers(row.sku) or item.supplier or "—"),
            (self.tr("Packs"), self._packs(row.sku, row.unit) or "—"),
            (self.tr("Removal"), removal),
            (self.tr("Shelf life"), shelf),
        ):
            self.facts.addRow(label, self._value(value))
        currency = self.ctx.currency
        on_order = buying.on_order_by_sku(self.ctx.db).get(row.sku)
        for label, value in (
            (self.tr("On hand"), f"{qty_text(row.on_hand)} {row.unit}"),
            (self.tr("On order"), f"{qty_text(on_order)} {row.unit}" if on_order else "—"),
            (self.tr("Value"), f"{currency} {money_text(row.value)}"),
            (self.tr("Last cost"), cost_text(row.last_cost) or "—"),
            (self.tr("Reorder at"), qty_text(row.reorder_point) if row.reorder_point else "—"),
            (self.tr("Lead time"), self._days(item.lead_time_days)),
        ):
            self.figures.addRow(label, self._value(value))
        self.batches.reload(keep_rows=True)
        self.card.reload(keep_rows=True)

    def _days(self, n: int) -> str:
        return self.tr("1 day") if n == 1 else self.tr("{0} days").format(n)

    def _suppliers(self, sku: str) -> str:
        names = [f"{name} ({code})" for code, name, _ in buying.suppliers_of_item(self.ctx.db, sku)]
        return ", ".join(names)

    def _packs(self, sku: str, unit: str) -> str:
        packs = buying.packs(self.ctx.db, sku)[1:]
        return ", ".join(f"1 {p.name} = {qty_text(p.factor_qty)} {unit}" for p in packs)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _on_data_changed(self, changes: Changes, _initiator: object) -> None:
        if self.item_id in changes.items or changes.catalog or changes.settings:
            self.reload()

    def edit(self) -> None:
        from inventory_app.ui.dialogs.item_dialog import ItemDialog

        ItemDialog(self.ctx, sku=self.sku, parent=self).exec()

    def label_dialog(self):
        """The Print labels dialog for the selected batches, or all the item's batches."""
        from inventory_app.services.buying import labels
        from inventory_app.ui.dialogs.labels import LabelDialog

        db, sku = self.ctx.db, self.sku
        chosen = sorted(i.row() for i in self.batch_table.selectionModel().selectedRows())
        picked = list(dict.fromkeys(self.batches.row_at(r).batch for r in chosen))
        if picked:
            what = (
                ", ".join(picked)
                if len(picked) <= 3
                else self.tr("{0} batches").format(len(picked))
            )
        else:
            what = self.tr("all batches of {0}").format(sku)

        def make(copies, _price, lang):
            if not picked:
                return labels.batch_labels(db, sku, copies=copies, lang=lang)
            return [
                label
                for b in picked
                for label in labels.batch_labels(db, sku, batch=b, copies=copies, lang=lang)
            ]

        return LabelDialog(
            self.ctx, make, what=f"{sku} — {what}", with_price=False, name=f"{sku}-labels.pdf",
            parent=self,
        )  # fmt: skip

    def print_labels(self) -> None:
        self.label_dialog().exec()

    def done(self, result: int) -> None:
        settings = app_settings()
        self.batch_table.save_state(settings)
        self.card_table.save_state(settings)
        self.ctx.data_changed.disconnect(self._on_data_changed)
        super().done(result)
