"""Purchase-order dialogs: add a line to a draft, and receive goods against a sent order
(each open line with the quantity arriving, its batch, expiry and the price actually paid;
"Split batch" adds a second row for the same line)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.services import buying
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.widgets.format import cost_text, qty_text
from inventory_app.ui.widgets.item_picker import ItemPicker


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    cancel = QCoreApplication.translate("OrderDialogs", "Cancel")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AddLineDialog(QDialog):
    """A line for a draft order: item, quantity, pack, price per pack."""

    def __init__(self, ctx: AppContext, order_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.setWindowTitle(self.tr("Add a line to order No. {0}").format(order_id))
        self.setMinimumWidth(460)
        self.picker = ItemPicker(ctx.db, self)
        self.qty = QLineEdit("1")
        self.unit = QComboBox()
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(self.tr("last price"))
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.sku = ""
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.picker)
        form.addRow(self.tr("Quantity"), self.qty)
        form.addRow(self.tr("Pack"), self.unit)
        form.addRow(self.tr("Price per pack"), self.cost)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Add")))
        self.picker.item_chosen.connect(self._chosen)
        self.picker.problem.connect(self.problem.setText)

    def _chosen(self, item, _scanned: bool) -> None:
        self.sku = item.sku
        self.picker.setText(f"{item.sku} {item.name}")
        self.unit.clear()
        packs = buying.packs(self.ctx.db, item.sku)
        for pack in packs:
            self.unit.addItem(pack.name, pack.name)
        if self.picker.scanned_pack is not None:
            self.unit.setCurrentIndex(self.unit.findData(self.picker.scanned_pack.name))
        elif len(packs) > 1:
            self.unit.setCurrentIndex(len(packs) - 1)  # orders are mostly by the case
        self.qty.setFocus()
        self.qty.selectAll()

    def accept(self) -> None:
        if not self.sku:
            self.picker.choose()
            if not self.sku:
                return
        sku, qty, unit, cost = self.sku, self.qty.text(), self.unit.currentData(), self.cost.text()
        done = ops.write(
            self,
            self.ctx,
            lambda db: buying.add_line(db, self.order_id, sku=sku, qty=qty, unit=unit, cost=cost),
            refused=lambda exc: self.problem.setText(str(exc)),
        )
        if done is not None:
            super().accept()


class ReceiveDialog(QDialog):
    """Receive against a sent order: one row per open line (more with "Split batch")."""

    COLUMNS = 9

    def __init__(self, ctx: AppContext, order_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.order = buying.get_order(ctx.db, order_id)
        self.setWindowTitle(
            self.tr("Receive against order No. {0} — {1}").format(
                order_id, self.order.supplier_name
            )
        )
        self.resize(980, 420)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item code"),
                self.tr("Item name"),
                self.tr("Pack"),
                self.tr("Ordered"),
                self.tr("Received"),
                self.tr("Arriving now"),
                self.tr("Batch"),
                self.tr("Expiry"),
                self.tr("Price paid"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.lines = [x for x in self.order.lines if x.open_qty > 0] or list(self.order.lines)
        self.row_lines: list[buying.OrderLine] = []
        for line in self.lines:
            self._add_row(line, line.open_qty)
        self.table.resizeColumnsToContents()
        # the cells typed in start empty: room for a batch code and a date as they are typed
        for col, chars in ((5, 8), (6, 14), (7, 12)):
            width = self.table.fontMetrics().horizontalAdvance("0" * chars) + 16
            self.table.setColumnWidth(col, max(self.table.columnWidth(col), width))
        self.split_button = QPushButton(self.tr("Split batch"))
        self.split_button.setToolTip(self.tr("Receive the selected line in one more batch"))
        self.split_button.clicked.connect(self.split)
        self.allow_over = QCheckBox(self.tr("Allow more than ordered"))
        self.date = QLineEdit(dt.date.today().isoformat())
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Date")))
        bar.addWidget(self.date)
        bar.addWidget(self.split_button)
        bar.addWidget(self.allow_over)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Quantities are in each line's pack. Goods are posted as ordinary receipts;"
                    " the order closes when every line has arrived."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Receive")))

    def _add_row(self, line: buying.OrderLine, qty, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        self.row_lines.insert(row, line)
        fixed = [
            line.sku,
            line.name,
            line.unit,
            qty_text(line.ordered_qty),
            qty_text(line.received_qty),
        ]
        for col, text in enumerate(fixed):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if col in (3, 4):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, cell)
        price = cost_text(line.unit_cost) if line.unit_cost is not None else ""
        for col, text in ((5, qty_text(qty) if qty else ""), (6, ""), (7, ""), (8, price)):
            self.table.setItem(row, col, QTableWidgetItem(text.replace(",", "")))

    def split(self) -> None:
        row = max(self.table.currentRow(), 0)
        if row < len(self.row_lines):
            self._add_row(self.row_lines[row], None, at=row + 1)

    def receipts(self) -> list[buying.Receipt]:
        out = []
        for row, line in enumerate(self.row_lines):
            qty = self.table.item(row, 5).text().strip()
            if not qty or qty in ("0", "0.0"):
                continue
            expiry = self.table.item(row, 7).text().strip()
            out.append(
                buying.Receipt(
                    sku=line.sku,
                    qty=qty,
                    unit=line.unit,
                    cost=self.table.item(row, 8).text().strip() or None,
                    batch=self.table.item(row, 6).text().strip() or None,
                    expiry=dt.date.fromisoformat(expiry) if expiry else None,
                    line=line.id,
                )
            )
        return out

    def accept(self) -> None:
        try:
            receipts = self.receipts()
            day = dt.date.fromisoformat(self.date.text().strip())
        except ValueError:
            self.problem.setText(self.tr("Dates are written like 2026-12-02."))
            return
        except InventoryError as exc:
            self.problem.setText(str(exc))
            return
        if not receipts:
            self.problem.setText(self.tr("Nothing to receive: type the quantity arriving."))
            return
        done = ops.write(
            self,
            self.ctx,
            lambda db: buying.receive(
                db, self.order.id, receipts, date=day, allow_over=self.allow_over.isChecked()
            ),
            refused=lambda exc: self.problem.setText(str(exc)),
        )
        if done is not None:
            super().accept()
