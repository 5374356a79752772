"""What the dialogs a barcode scanner types into have in common."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog


class ScannerDialog(QDialog):
    """A scanner ends every code with Enter: here it never closes the dialog or presses a
    default button (the focused field still gets it first)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
