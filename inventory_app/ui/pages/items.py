"""Items: the catalogue with on-hand quantity and value; search, filter, add, edit, archive."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services import browse, catalog, search
from inventory_app.services.browse.items import ItemFilter, ItemRow
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.items import ItemsModel
from inventory_app.ui.pages.base import Page, refill_choices
from inventory_app.ui.widgets.search_box import SearchBox
from inventory_app.ui.widgets.table import DataTable


class ItemsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ItemsModel(ctx, self)
        self.search = SearchBox(self.tr("Search or scan: name, code, barcode, pinyin (Ctrl+F)"))
        self.search.setMinimumWidth(240)
        self.category = QComboBox()
        self.category.setMinimumWidth(120)
        self.status = QComboBox()
        self.status.addItem(self.tr("Active items"), True)
        self.status.addItem(self.tr("Archived items"), False)
        self.status.addItem(self.tr("All items"), None)
        self.add_button = QPushButton(self.tr("New item…"))
        self.add_button.setToolTip(self.tr("Add an item (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.labels_button = QPushButton(self.tr("Print labels…"))
        self.labels_button.setToolTip(
            self.tr("Shelf labels with a barcode for the selected items (Ctrl+click to add)")
        )
        for button in (self.add_button, self.edit_button, self.archive_button):
            ops.gate(self.ctx, button, "items")
        self.table = DataTable(self.model, state_key="items")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.tables = (self.table,)
        self.search_box = self.search

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.category)
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        # below the table, beside the count: the top bar stays narrow enough for 1000 px
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(self.labels_button)
        layout.addLayout(foot)

        self.search.search_changed.connect(lambda _t: self.apply_filter())
        self.search.submitted.connect(self._submitted)
        self.search.down_pressed.connect(self.table.enter_from_search)
        self.category.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.labels_button.clicked.connect(self.print_labels)
        self.table.row_activated.connect(self.open_item)
        self.table.current_changed.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_item)
        self._update_buttons(None)

    # -- data ---------------------------------------------------------------------------------

    def current_filter(self) -> ItemFilter:
        category = self.category.currentData()
        return ItemFilter(
            text=self.search.text().strip(),
            category=None if category is None else str(category),
            active=self.status.currentData(),
        )

    def apply_filter(self) -> None:
        if self.ctx.db is not None:
            self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        self._fill_categories()
        self.model.filter = self.current_filter()
        self.model.reload(keep_rows=True)

    def is_loaded(self) -> bool:
        return super().is_loaded() and self.model.is_loaded()

    def wants(self, changes: Changes) -> bool:
        return bool(changes.items or changes.catalog or changes.movements)

    def _fill_categories(self) -> None:
        names = catalog.categories(self.ctx.db) if self.ctx.db else []
        refill_choices(self.category, self.tr("All categories"), ((n, n) for n in names))

    def _update_count(self) -> None:
        if self.ctx.db is None:
            self.count_label.clear()
            return
        n = browse.count_items(self.ctx.db, self.model.filter)
        self.count_label.setText(
            self.tr("{0} items").format(f"{n:,}") if n != 1 else self.tr("1 item")
        )

    def _update_buttons(self, row: ItemRow | None) -> None:
        ops.set_enabled(self.ctx, self.edit_button, row is not None)
        ops.set_enabled(self.ctx, self.archive_button, row is not None)
        self.labels_button.setEnabled(row is not None)
        if row is not None:
            self.archive_button.setText(self.tr("Archive") if row.active else self.tr("Restore"))

    def set_search(self, text: str) -> None:
        self.search.setText(text)
        self.search.flush()

    # -- actions ------------------------------------------------------------------------------

    def _submitted(self, text: str) -> None:
        """Enter in the search box: a scanned code opens its item at once."""
        if self.ctx.db is None or not text:
            return
        hit = search.find_exact(self.ctx.db, text)
        if hit is not None:
            self.open_item_id(hit.id)
        elif self.model.rowCount() == 1:
            self.open_item(self.model.row_at(0))
        else:
            self.table.setFocus()
            self.table.select_row(0)

    def open_item(self, row: ItemRow) -> None:
        self.open_item_id(row.id)

    def open_item_id(self, item_id: int) -> None:
        from inventory_app.ui.dialogs.item_detail import ItemDetailDialog

        ItemDetailDialog(self.ctx, item_id, parent=self).exec()

    def add_item(self) -> None:
        from inventory_app.ui.dialogs.item_dialog import ItemDialog

        if self.ctx.db is not None:
            ItemDialog(self.ctx, parent=self).exec()

    def edit_item(self) -> None:
        from inventory_app.ui.dialogs.item_dialog import ItemDialog

        row = self.table.current_row()
        if row is not None:
            ItemDialog(self.ctx, sku=row.sku, parent=self).exec()

    def toggle_archived(self) -> None:
        row = self.table.current_row()
        if row is None or self.ctx.db is None:
            return
        ops.write(self, self.ctx, lambda db: catalog.set_active(db, row.sku, not row.active))

    def label_dialog(self):
        """The Print labels dialog for the selected items (None: nothing selected)."""
        from inventory_app.services.buying import labels
        from inventory_app.ui.dialogs.labels import LabelDialog

        skus = [r.sku for r in self.table.selected_rows()]
        if not skus or self.ctx.db is None:
            return None
        db = self.ctx.db
        what = skus[0] if len(skus) == 1 else self.tr("{0} items").format(len(skus))

        def make(copies, price, lang):
            return labels.item_labels(db, skus, copies=copies, price=price, lang=lang)

        return LabelDialog(self.ctx, make, what=what, with_price=True, parent=self)

    def print_labels(self) -> None:
        dialog = self.label_dialog()
        if dialog is not None:
            dialog.exec()
