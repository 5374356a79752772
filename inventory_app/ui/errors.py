"""Showing problems: expected ones as a plain message, bugs with a traceback to copy."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import DatabaseInUse, InventoryError, NotAnInventoryFile
from inventory_app.services import shop

_headless = False
#: problems met while headless (screenshot mode): there is nobody to click a dialog away
failures: list[str] = []


def set_headless(on: bool) -> None:
    """Report problems on stderr instead of in dialogs (screenshot mode)."""
    global _headless
    _headless = on
    sys.excepthook = excepthook if on else sys.__excepthook__


def headless() -> bool:
    """Whether problems go to stderr, with nobody to click a dialog away."""
    return _headless


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """An ``InventoryError`` as a message box; anything else as a bug report dialog."""
    if not isinstance(exc, InventoryError):  # what SQLite or the OS said: a sentence too
        exc = shop.file_problem(exc) or exc
    if _headless:
        failures.append(str(exc))
        if isinstance(exc, InventoryError):
            print(f"inventory-app: {exc}", file=sys.stderr)
        else:
            traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        return
    if isinstance(exc, InventoryError):
        title = QCoreApplication.translate("errors", "Cannot do that")
        if isinstance(exc, DatabaseInUse):
            title = QCoreApplication.translate("errors", "Shop file in use")
        elif isinstance(exc, NotAnInventoryFile):
            title = QCoreApplication.translate("errors", "Not a shop file")
        QMessageBox.warning(parent, title, str(exc))
        return
    BugDialog(exc, parent=parent).exec()


class BugDialog(QDialog):
    """An unexpected error: what happened, and the details to copy into a report."""

    def __init__(self, exc: BaseException, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(720, 420)
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong that the app did not expect. Nothing half-done was saved.\n"
                "Please copy the details below and send them to whoever supports this app."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


_showing = False


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the desktop app: errors raised in slots end up here."""
    global _showing
    traceback.print_exception(kind, exc, tb, file=sys.stderr)
    if _headless:
        failures.append(str(exc))
        return
    if QApplication.instance() is None or _showing or issubclass(kind, KeyboardInterrupt):
        return
    _showing = True  # one dialog at a time, even if showing it fails again
    try:
        show_error(QApplication.activeWindow(), exc.with_traceback(tb))
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = excepthook
