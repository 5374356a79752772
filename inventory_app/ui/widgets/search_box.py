"""A search field that filters as you type (debounced) and takes a scanned code + Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """``search_changed(text)`` fires ~150 ms after the last keystroke (at once on Enter);
    ``submitted(text)`` fires on Enter — what a barcode scanner sends after the code."""

    search_changed = Signal(str)
    submitted = Signal(str)
    down_pressed = Signal()  # Down arrow: move into the results

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self._last = ""
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._submit)

    def _fire(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def _submit(self) -> None:
        self._fire()
        self.submitted.emit(self.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._fire()
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)

    def flush(self) -> None:
        """Apply pending typing now (tests, and before reading the filter)."""
        if self._timer.isActive():
            self._fire()
