"""Reversing a movement: show what will be undone, ask why, then post the reversal."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import NotFound
from inventory_app.services import postings as stock
from inventory_app.services.browse.movements import allocations_of, get_movement
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.widgets.format import date_text, money_text, qty_text, type_text


class ReverseDialog(QDialog):
    """Confirm reversing ``movement_id`` with a reason; on OK posts it and emits
    ``data_changed``. ``self.changes`` holds what the reversal changed."""

    def __init__(self, ctx: AppContext, movement_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.movement_id = movement_id
        self.changes = None
        assert ctx.db is not None
        row = get_movement(ctx.db, movement_id)
        if row is None:
            raise NotFound(f"movement {movement_id} does not exist")
        self.setWindowTitle(self.tr("Reverse movement No. {0}").format(movement_id))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "A reversal posts the opposite movement today and puts every batch back as it "
                "was. The original stays in the journal."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Movement"), QLabel(f"{type_text(row.type)} · {date_text(row.date)}"))
        form.addRow(self.tr("Item"), QLabel(f"{row.sku} {row.name}"))
        form.addRow(
            self.tr("Quantity"),
            QLabel(f"{qty_text(row.qty)} {row.unit} · {ctx.currency} {money_text(row.value)}"),
        )
        draws = allocations_of(ctx.db, movement_id)
        if draws:
            text = ", ".join(f"{d.batch} ({qty_text(d.qty)})" for d in draws[:6])
            if len(draws) > 6:
                text += " …"
            batches = QLabel(text)
            batches.setWordWrap(True)
            form.addRow(self.tr("Batches"), batches)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? e.g. wrong quantity typed"))
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reverse"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason or self.ctx.db is None:
            return
        changes = ops.write(
            self,
            self.ctx,
            lambda db: stock.reverse(
                db, self.movement_id, reason=reason, operator=self.ctx.operator
            ),
        )
        if changes is None:
            return
        self.changes = changes
        super().accept()
