"""Adding or editing a supplier: code, name, contact, phone, address, lead time, minimum order."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.services import buying
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext


class SupplierDialog(QDialog):
    """``supplier`` None: a new supplier; else its fields to edit (the code stays)."""

    def __init__(
        self,
        ctx: AppContext,
        supplier: buying.Supplier | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New supplier") if supplier is None else self.tr("Supplier"))
        self.setMinimumWidth(420)
        s = supplier or buying.Supplier(code="", name="")
        self.code = QLineEdit(s.code)
        self.code.setReadOnly(supplier is not None)
        self.name = QLineEdit(s.name)
        self.contact = QLineEdit(s.contact)
        self.phone = QLineEdit(s.phone)
        self.address = QLineEdit(s.address)
        self.lead_time = QSpinBox()
        self.lead_time.setRange(0, 365)
        self.lead_time.setValue(s.lead_time_days)
        self.lead_time.setSuffix(self.tr(" days"))
        self.min_order = QLineEdit(str(s.min_order_value) if s.min_order_value else "")
        self.min_order.setPlaceholderText(self.tr("0 = none"))
        self.note = QLineEdit(s.note)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Lead time"), self.lead_time)
        form.addRow(self.tr("Minimum order value"), self.min_order)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def supplier(self) -> buying.Supplier:
        return buying.Supplier(
            code=self.code.text(),
            name=self.name.text(),
            contact=self.contact.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            lead_time_days=self.lead_time.value(),
            min_order_value=self.min_order.text().strip() or Decimal(0),
            note=self.note.text(),
        )

    def accept(self) -> None:
        def refused(exc: InventoryError) -> None:
            self.problem.setText(str(exc))

        try:
            supplier = self.supplier()
        except InventoryError as exc:
            refused(exc)
            return
        done = ops.write(
            self, self.ctx, lambda db: buying.save_supplier(db, supplier), refused=refused
        )
        if done is not None:
            super().accept()
