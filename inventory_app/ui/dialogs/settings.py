"""The shop's settings: name, currency symbol, operator, expiry warning window."""

from __future__ import annotations

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

from inventory_app.services import settings
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)
        self.shop_name = QLineEdit(ctx.shop_name)
        self.currency = QLineEdit(ctx.currency)
        self.currency.setMaxLength(4)
        self.operator = QLineEdit(ctx.operator)
        self.operator.setPlaceholderText(self.tr("Your name, recorded on every movement"))
        self.warning_days = QSpinBox()
        self.warning_days.setRange(0, 3650)
        self.warning_days.setSuffix(self.tr(" days"))
        self.warning_days.setValue(ctx.expiry_warning_days)
        form = QFormLayout()
        form.addRow(self.tr("Shop name"), self.shop_name)
        form.addRow(self.tr("Currency symbol"), self.currency)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Warn before expiry"), self.warning_days)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.ctx.db is None:
            return
        if not self.shop_name.text().strip():
            self.problem.setText(self.tr("The shop name is empty."))
            self.shop_name.setFocus()
            return
        values = {  # saved all four or none
            "shop_name": self.shop_name.text(),
            "currency": self.currency.text().strip() or "¥",
            "operator": self.operator.text().strip(),
            "expiry_warning_days": str(self.warning_days.value()),
        }
        if ops.write(self, self.ctx, lambda db: settings.update(db, values)) is not None:
            super().accept()
