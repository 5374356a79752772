"""Signing in to a shop that has users: on opening it, and to switch user.

The PIN field hides what is typed; a wrong PIN is said in place (with the wait it earned).
"Forgot PIN?" lets an owner in with the recovery code shown when the owner was added, and
shows the new code once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.roles import Source
from inventory_app.services import users
from inventory_app.services.shop import Database


def pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(64)
    return field


class SignInDialog(QDialog):
    """Accepted once someone signed in: ``db.actor`` is then them."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Sign in — {0}").format(db.path.name))
        self.user_box = QComboBox()
        self.user_box.addItems(users.sign_in_names(db))
        self.pin = pin_field()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user_box)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        self.forgot = QPushButton(self.tr("Forgot PIN?"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self.recover)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This shop has users: sign in to continue.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.forgot)
        layout.addWidget(buttons)
        self.pin.setFocus()

    def sign_in(self) -> bool:
        try:
            users.sign_in(
                self.db, self.user_box.currentText(), self.pin.text(), source=Source.APP,
                for_process=True,
            )  # fmt: skip
        except InventoryError as exc:
            self.problem.setText(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return False
        self.accept()
        return True

    def recover(self) -> None:
        dialog = RecoveryDialog(self.db, self.user_box.currentText(), self)
        if dialog.exec():
            self.accept()


class RecoveryDialog(QDialog):
    """An owner's way back in: the recovery code and a new PIN typed twice."""

    def __init__(self, db: Database, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Forgot PIN"))
        self.name = QLineEdit(name)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.new_pin = pin_field()
        self.again = pin_field()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Owner"), self.name)
        form.addRow(self.tr("Recovery code"), self.code)
        form.addRow(self.tr("New PIN"), self.new_pin)
        form.addRow(self.tr("New PIN again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set PIN"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def submit(self) -> bool:
        if self.new_pin.text() != self.again.text():
            self.problem.setText(self.tr("The two PINs differ."))
            return False
        try:
            fresh = users.recover(
                self.db, self.name.text(), self.code.text(), self.new_pin.text(),
                source=Source.APP,
            )  # fmt: skip
        except InventoryError as exc:
            self.problem.setText(str(exc))
            return False
        show_recovery_code(self, self.name.text().strip(), fresh)
        self.accept()
        return True


def show_recovery_code(parent: QWidget | None, name: str, code: str) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("SignInDialog", "Recovery code"),
        QCoreApplication.translate(
            "SignInDialog",
            "The recovery code for {0} is:\n\n{1}\n\nWrite it down and keep it safe: it is"
            " shown only now, and lets the owner back in after a forgotten PIN.",
        ).format(name, code),
    )
