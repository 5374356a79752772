"""Suppliers: who the shop buys from (lead time, minimum order) and what each supplies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services import buying
from inventory_app.services.buying.performance import supplier_records
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets.format import cost_text
from inventory_app.ui.widgets.simple_table import SimpleTable


class SuppliersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_button = QPushButton(self.tr("New supplier…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.table = SimpleTable(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Contact"),
                self.tr("Phone"),
                self.tr("Lead time (days)"),
                self.tr("Minimum order"),
                self.tr("Items"),
                self.tr("On time"),
                self.tr("Lead time seen (days)"),
            ],
            numeric=(4, 5, 6, 7, 8),
        )
        self.items_title = QLabel()
        self.items_title.setObjectName("sectionTitle")
        self.items = SimpleTable(
            [
                self.tr("Item code"),
                self.tr("Item name"),
                self.tr("Supplier's code"),
                self.tr("Pack"),
                self.tr("Last price"),
                self.tr("Preferred"),
            ]
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.items_title)
        lower_layout.addWidget(self.items, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)

        self.add_button.clicked.connect(self.add_supplier)
        self.edit_button.clicked.connect(self.edit_supplier)
        self.table.itemSelectionChanged.connect(self._show_items)
        self.table.doubleClicked.connect(lambda _i: self.edit_supplier())

    def wants(self, changes: Changes) -> bool:
        return bool(changes.catalog or changes.items)

    def reload(self) -> None:
        if self.ctx.db is None:
            return
        rows = buying.list_suppliers(self.ctx.db)
        records = {r.supplier: r for r in supplier_records(self.ctx.db)}
        self.table.fill(
            rows,
            [
                (
                    s.code,
                    s.name,
                    s.contact,
                    s.phone,
                    s.lead_time_days,
                    s.min_order_value if s.min_order_value else "",
                    s.items,
                    _pct(records[s.code].on_time_rate),
                    records[s.code].lead_days_seen or "",
                )
                for s in rows
            ],
        )
        n = len(rows)
        self.count_label.setText(
            self.tr("{0} suppliers").format(n) if n != 1 else self.tr("1 supplier")
        )
        self.edit_button.setEnabled(bool(rows))
        self._show_items()

    def _show_items(self) -> None:
        s = self.table.current_record()
        if s is None or self.ctx.db is None:
            self.items_title.setText(self.tr("Items supplied"))
            self.items.fill([], [])
            return
        self.items_title.setText(self.tr("Items supplied by {0}").format(s.name))
        links = buying.supplier_items(self.ctx.db, s.code)
        yes = self.tr("Yes")
        self.items.fill(
            links,
            [
                (
                    x.sku,
                    x.name,
                    x.supplier_sku,
                    x.pack,
                    cost_text(x.last_price) if x.last_price is not None else "",
                    yes if x.preferred else "",
                )
                for x in links
            ],
        )

    def add_supplier(self) -> None:
        from inventory_app.ui.dialogs.supplier_dialog import SupplierDialog

        if self.ctx.db is not None:
            SupplierDialog(self.ctx, parent=self).exec()

    def edit_supplier(self) -> None:
        from inventory_app.ui.dialogs.supplier_dialog import SupplierDialog

        s = self.table.current_record()
        if s is not None:
            SupplierDialog(self.ctx, s, parent=self).exec()


def _pct(rate) -> str:
    return "" if rate is None else f"{rate * 100:.0f}%"
