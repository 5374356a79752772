"""A small read-only table for short lists (suppliers, an order's lines): filled whole, one
row per record, the record kept with its row."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

#: characters from which a cell's text is also its tooltip, and the widest a column starts
LONG_TEXT = 40
MAX_COLUMN_WIDTH = 480


class SimpleTable(QTableWidget):
    """Rows of texts; numbers (``Decimal``/``int`` cells) right-aligned."""

    def __init__(self, headers: Sequence[str], parent=None, *, numeric: Sequence[int] = ()):
        super().__init__(0, len(headers), parent)
        self.numeric = set(numeric)  # columns right-aligned whatever their cells hold
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.records: list[Any] = []

    def fill(self, records: Sequence[Any], rows: Sequence[Sequence[object]]) -> None:
        """Show ``rows`` (cell values) for ``records``, keeping the selected row if it stays."""
        keep = self.currentRow()
        self.records = list(records)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                if len(text) > LONG_TEXT:  # a sentence (an order line's reason): whole on hover
                    item.setToolTip(text)
                number = isinstance(value, (Decimal, int)) and not isinstance(value, bool)
                if number or c in self.numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(self.columnCount()):  # a long sentence need not push the table sideways
            self.setColumnWidth(c, min(self.columnWidth(c), MAX_COLUMN_WIDTH))
        if rows:
            self.selectRow(min(max(keep, 0), len(rows) - 1))

    def current_record(self) -> Any:
        row = self.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None
