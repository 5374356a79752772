"""A search field that filters as you type (debounced) and takes a scanned code + Enter.

A page has one ``SearchBox`` — its search, where Ctrl+F puts the cursor, marked by a
magnifier — and may have ``FilterBox``es beside it, narrower filters on one column
(a reference, an operator) that work the same way but are not the page's search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """``search_changed(text)`` fires ~150 ms after the last keystroke (at once on Enter);
    ``submitted(text)`` fires on Enter — what a barcode scanner sends after the code."""

    is_search = True  # the page's search (Ctrl+F), not a filter beside it
    search_changed = Signal(str)
    submitted = Signal(str)
    down_pressed = Signal()  # Down arrow: move into the results

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        if self.is_search:
            self.addAction(_magnifier(self), QLineEdit.ActionPosition.LeadingPosition)
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


class FilterBox(SearchBox):
    """A filter on one column beside the page's search box: typed the same way, without the
    magnifier, and not where Ctrl+F goes."""

    is_search = False


def _magnifier(widget: QWidget) -> QIcon:
    """A magnifier drawn in the text's muted colour (themes differ in whether they have one)."""
    size = 32  # drawn large, shown at the line edit's icon size
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = widget.palette().placeholderText().color()
    pen = QPen(colour)
    pen.setWidthF(3.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawEllipse(5, 5, 16, 16)
    painter.drawLine(19, 19, 27, 27)
    painter.end()
    return QIcon(pixmap)
