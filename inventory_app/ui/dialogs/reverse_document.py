"""Undoing the last posting (Ctrl+Z): the whole document it belonged to, every line at once.

A clerk who posted a two-line issue by mistake wants the issue gone, not one line of it: the
dialog names the document and lists its lines, asks for one reason, and posts one reversal
document for all of them in one transaction.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import NotFound
from inventory_app.domain.model import Changes
from inventory_app.services import postings as stock
from inventory_app.services.browse.movements import DocumentView, get_document
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.widgets.format import (
    date_text,
    location_text,
    money_text,
    qty_text,
    type_text,
)


class ReverseDocumentDialog(QDialog):
    """Confirm reversing every line of document ``document_id`` still standing, with one
    reason; on OK posts it and emits ``data_changed``. ``self.changes`` holds what changed."""

    def __init__(self, ctx: AppContext, document_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.document_id = document_id
        self.changes: Changes | None = None
        assert ctx.db is not None
        doc = get_document(ctx.db, document_id)
        if doc is None:
            raise NotFound("ledger.no_such_document", document_id=document_id)
        self.lines = [m for m in doc.lines if m.type != "reversal" and m.reversed_by is None]
        self.setWindowTitle(self.tr("Undo the last document"))
        self.setMinimumWidth(620)
        intro = QLabel(
            self.tr(
                "Every line of this document is reversed together: the opposite movements are "
                "posted today with one reason, and every batch is put back as it was. The "
                "original stays in the journal."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.title_label = QLabel(self._title(doc))
        form.addRow(self.tr("Document"), self.title_label)
        self.table = self._lines_table()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? e.g. posted twice by mistake"))
        reason_form = QFormLayout()
        reason_form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        n = len(self.lines)
        self.ok_button.setText(
            self.tr("Reverse") if n == 1 else self.tr("Reverse all {0} lines").format(n)
        )
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(reason_form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _title(self, doc: DocumentView) -> str:
        kinds = {m.type for m in self.lines}
        kind = type_text(kinds.pop()) if len(kinds) == 1 else self.tr("Mixed")
        parts = [self.tr("{0} No. {1}").format(kind, doc.id), date_text(doc.date)]
        if doc.reference:
            parts.append(doc.reference)
        if doc.supplier:
            parts.append(doc.supplier)
        return " · ".join(parts)

    def _lines_table(self) -> QTableWidget:
        headers = [
            self.tr("Type"),
            self.tr("Item code"),
            self.tr("Item name"),
            self.tr("Location"),
            self.tr("Quantity"),
            self.tr("Value"),
        ]
        table = QTableWidget(len(self.lines), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, m in enumerate(self.lines):
            where = location_text(m.location)
            if m.to_location:
                where += f" → {location_text(m.to_location)}"
            cells = [
                type_text(m.type),
                m.sku,
                m.name,
                where,
                f"{qty_text(m.qty)} {m.unit}",
                f"{self.ctx.currency} {money_text(m.value)}",
            ]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(min(320, 60 + 28 * len(self.lines)))
        return table

    def accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason or self.ctx.db is None:
            return
        changes = ops.write(
            self,
            self.ctx,
            lambda db: stock.reverse_document(
                db, self.document_id, reason=reason, operator=self.ctx.operator
            ),
        )
        if changes is None:
            return
        self.changes = changes
        super().accept()
