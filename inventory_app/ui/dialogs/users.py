"""The owner's Users dialog: who may sign in, with what role; add, new PIN, disable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.roles import Role
from inventory_app.services import users
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.sign_in import pin_field, show_recovery_code


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.resize(560, 360)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Status")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        add = QPushButton(self.tr("Add user…"))
        add.clicked.connect(self.add_user)
        pin = QPushButton(self.tr("New PIN…"))
        pin.clicked.connect(self.new_pin)
        disable = QPushButton(self.tr("Disable"))
        disable.clicked.connect(self.disable)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, pin, disable):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        note = self.tr(
            "The owner may do everything; a clerk receives, issues, transfers and counts; the"
            " accountant reads and exports."
        )
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        db = self.ctx.db
        rows = users.list_users(db) if db is not None and users.has_users(db) else []
        self.table.setRowCount(len(rows))
        for n, u in enumerate(rows):
            status = self.tr("disabled") if u.disabled else self.tr("active")
            for col, text in enumerate((u.name, ops.role_name(u.role.value), status)):
                self.table.setItem(n, col, QTableWidgetItem(text))

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def add_user(self) -> None:
        dialog = NewUserDialog(first=not users.has_users(self.ctx.db), parent=self)
        if not dialog.exec():
            return
        name, role, pin = dialog.values()
        added = ops.write(self, self.ctx, lambda db: users.add_user(db, name, role, pin))
        if added is not None:
            if added.recovery_code:
                show_recovery_code(self, name, added.recovery_code)
            ops.apply_roles(self.ctx)
            self.refresh()

    def new_pin(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        dialog = NewUserDialog(name=name, parent=self)
        if dialog.exec():
            _, _, pin = dialog.values()
            ops.write(self, self.ctx, lambda db: users.set_pin(db, name, pin))

    def disable(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        ask = self.tr("Disable {0}? They can no longer sign in; the audit trail keeps their name.")
        answer = QMessageBox.question(self, self.tr("Disable user"), ask.format(name))
        if answer == QMessageBox.StandardButton.Yes:
            ops.write(self, self.ctx, lambda db: users.disable_user(db, name))
            self.refresh()


class NewUserDialog(QDialog):
    """A new user (name, role, PIN twice), or with ``name`` a new PIN for that user."""

    def __init__(
        self, *, name: str | None = None, first: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New PIN") if name else self.tr("Add user"))
        self.name = QLineEdit(name or "")
        self.name.setReadOnly(name is not None)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(ops.role_name(role.value), role.value)
        self.role.setEnabled(not first and name is None)  # the first user is the owner
        self.pin = pin_field()
        self.again = pin_field()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        if name is None:
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.pin.text() != self.again.text():
            self.problem.setText(self.tr("The two PINs differ."))
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), str(self.role.currentData()), self.pin.text()
