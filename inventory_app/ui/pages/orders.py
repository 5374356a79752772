"""Purchase orders: the list (overdue ones in red), the selected order's lines with each
suggestion's "why", and the actions of its status: add lines and send a draft, receive against
a sent order, cancel with a reason, export as PDF or Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain import messages
from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import Changes
from inventory_app.services import buying
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets.format import cost_text, date_text, money_text, qty_text
from inventory_app.ui.widgets.simple_table import SimpleTable

RED = QColor("#c62828")
STATUSES = ("draft", "sent", "partial", "received", "cancelled")


class OrdersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status = QComboBox()
        self.status.addItem(self.tr("All orders"), None)
        for key in STATUSES:
            self.status.addItem(self.status_text(key), key)
        self.new_button = QPushButton(self.tr("New order…"))
        self.suggest_button = QPushButton(self.tr("Order the suggestions"))
        self.suggest_button.setToolTip(
            self.tr("Draft orders from the reorder suggestions, one per preferred supplier")
        )
        self.add_button = QPushButton(self.tr("Add line…"))
        self.send_button = QPushButton(self.tr("Send"))
        self.receive_button = QPushButton(self.tr("Receive…"))
        self.cancel_button = QPushButton(self.tr("Cancel order…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.table = SimpleTable(
            [
                self.tr("No."),
                self.tr("Supplier"),
                self.tr("Status"),
                self.tr("Created"),
                self.tr("Expected"),
                self.tr("Amount"),
            ],
            numeric=(5,),
        )
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.lines = SimpleTable(
            [
                self.tr("Item code"),
                self.tr("Item name"),
                self.tr("Pack"),
                self.tr("Ordered"),
                self.tr("Received"),
                self.tr("Price"),
                self.tr("Amount"),
                self.tr("Why"),
            ],
            numeric=(3, 4, 5, 6),
        )
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.status)
        bar.addStretch(1)
        for b in (self.new_button, self.suggest_button):
            bar.addWidget(b)
        actions = QHBoxLayout()
        actions.addWidget(self.title, 1)
        for b in (
            self.add_button,
            self.send_button,
            self.receive_button,
            self.cancel_button,
            self.export_button,
        ):
            actions.addWidget(b)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.lines, 1)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._show_order)
        self.new_button.clicked.connect(self.new_order)
        self.suggest_button.clicked.connect(self.order_suggestions)
        self.add_button.clicked.connect(self.add_line)
        self.send_button.clicked.connect(self.send)
        self.receive_button.clicked.connect(self.receive)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export)

    def status_text(self, key: str) -> str:
        return {
            "draft": self.tr("Draft"),
            "sent": self.tr("Sent"),
            "partial": self.tr("Partly received"),
            "received": self.tr("Received", "order status: every line arrived"),
            "cancelled": self.tr("Cancelled"),
        }[key]

    def wants(self, changes: Changes) -> bool:
        return bool(changes.catalog or changes.movements)

    # -- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.ctx.db is None:
            return
        rows = buying.list_orders(self.ctx.db, status=self.status.currentData())
        self.table.fill(
            rows,
            [
                (
                    o.id,
                    f"{o.supplier} {o.supplier_name}",
                    self.status_text(o.status),
                    date_text(o.created_on),
                    date_text(o.expected),
                    money_text(o.value),
                )
                for o in rows
            ],
        )
        today = dt.date.today()
        for r, o in enumerate(rows):
            if o.overdue(today):
                for c in (2, 4):
                    self.table.item(r, c).setForeground(QBrush(RED))
                self.table.item(r, 4).setToolTip(self.tr("Overdue"))
        self._show_order()

    def current(self) -> buying.Order | None:
        row = self.table.current_record()
        return None if row is None or self.ctx.db is None else buying.get_order(self.ctx.db, row.id)

    def _show_order(self) -> None:
        order = self.current()
        if order is None:
            self.title.setText(self.tr("No order selected"))
            self.lines.fill([], [])
        else:
            text = self.tr("Order No. {0} · {1} · {2} · expected {3}").format(
                order.id,
                order.supplier_name,
                self.status_text(order.status),
                date_text(order.expected),
            )
            if order.cancel_reason:
                text += " · " + order.cancel_reason
            self.title.setText(text)
            self.lines.fill(
                list(order.lines),
                [
                    (
                        x.sku,
                        x.name,
                        x.unit,
                        qty_text(x.ordered_qty),
                        qty_text(x.received_qty),
                        cost_text(x.unit_cost),
                        money_text(x.value),
                        x.why,
                    )
                    for x in order.lines
                ],
            )
        self._update_buttons(order)

    def _update_buttons(self, order: buying.Order | None = None) -> None:
        status = order.status if order is not None else None
        self.add_button.setEnabled(status == "draft")
        self.send_button.setEnabled(status == "draft" and bool(order and order.lines))
        self.receive_button.setEnabled(status in ("sent", "partial"))
        self.cancel_button.setEnabled(status in ("draft", "sent", "partial"))
        self.export_button.setEnabled(order is not None)

    # -- actions ----------------------------------------------------------------------------

    def new_order(self) -> None:
        if self.ctx.db is None:
            return
        suppliers = buying.list_suppliers(self.ctx.db)
        if not suppliers:
            QMessageBox.information(
                self, self.tr("New order"), self.tr("Add a supplier first (Suppliers page).")
            )
            return
        names = [f"{s.code} {s.name}" for s in suppliers]
        choice, ok = QInputDialog.getItem(
            self, self.tr("New order"), self.tr("Supplier"), names, 0, False
        )
        if ok:
            code = suppliers[names.index(choice)].code
            ops.write(self, self.ctx, lambda db: buying.create_order(db, code)[1])

    def order_suggestions(self) -> None:
        from inventory_app.services.buying import suggest

        def make(db):
            ids = suggest.orders_from_suggestions(db)
            return Changes(catalog=True), ids

        done = ops.write(self, self.ctx, lambda db: make(db)[0])
        if done is not None:
            self.status.setCurrentIndex(self.status.findData("draft"))

    def add_line(self) -> None:
        from inventory_app.ui.dialogs.order_dialogs import AddLineDialog

        order = self.current()
        if order is not None:
            AddLineDialog(self.ctx, order.id, parent=self).exec()

    def send(self) -> None:
        order = self.current()
        if order is not None:
            ops.write(self, self.ctx, lambda db: buying.send(db, order.id))

    def receive(self) -> None:
        from inventory_app.ui.dialogs.order_dialogs import ReceiveDialog

        order = self.current()
        if order is not None:
            ReceiveDialog(self.ctx, order.id, parent=self).exec()

    def cancel(self) -> None:
        order = self.current()
        if order is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel order No. {0}").format(order.id), self.tr("Why?")
        )
        if ok:
            ops.write(self, self.ctx, lambda db: buying.cancel(db, order.id, reason=reason))

    def export(self) -> None:
        order = self.current()
        if order is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export purchase order"),
            f"PO-{order.id}.pdf",
            self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path), order.id)

    def export_to(self, path: Path, order_id: int) -> Path | None:
        """Write order ``order_id`` as PDF or .xlsx (by the name) in the app's language: the
        order is read here, the file written on a worker (drawing the PDF loads matplotlib)."""
        from inventory_app.services.buying import order_export

        try:
            order_export.export_kind(path)
            sheet = order_export.order_sheet(self.ctx.db, order_id, lang=messages.language())
        except InventoryError as exc:
            show_error(self, exc)
            return None

        def work(_progress, _cancel) -> Path:
            if path.suffix.lower() == ".pdf":
                from inventory_app.charts.purchase_order import write_pdf

                return write_pdf(sheet, path)
            return order_export.write_xlsx(sheet, path)

        out = ops.run_long(self, self.tr("Exporting…"), work)
        if out is not None:
            order_export.exported(self.ctx.db, order_id, out)
        return out
