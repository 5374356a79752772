"""The dashboard's charts fit the window: a row of charts is exactly as tall as the view.

The charts sit two by two in a scroll area below the tiles. With a fixed chart height, a
1280×800 or 1366×768 screen showed the first row cut off at the bottom (the turnover chart's
lower axis label read "g. value (¥)"). Here each chart takes the height of the view (never
less than ``MIN_CHART_HEIGHT``), so a row always shows whole and scrolling shows the next.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

MIN_CHART_HEIGHT = 250  # below it, labels crowd; the view scrolls instead
#: (charts, lists) heights the page's splitter starts from: the charts get the room of a
#: row at 1366×768, the lists below keep their tabs, header and a few rows
SPLIT_SIZES = [470, 190]


class ChartScroll(QScrollArea):
    """A scroll area over a grid of charts, each row as tall as the view."""

    def __init__(self, grid_widget: QWidget, grid: QGridLayout) -> None:
        super().__init__()
        self.grid = grid
        self.setWidgetResizable(True)
        self.setWidget(grid_widget)

    def row_height(self) -> int:
        margins = self.grid.contentsMargins()
        spare = margins.top() + margins.bottom()
        return max(MIN_CHART_HEIGHT, self.viewport().height() - spare)

    def fit_rows(self) -> None:
        height = self.row_height()
        for n in range(self.grid.count()):
            widget = self.grid.itemAt(n).widget()
            if widget is not None and widget.height() != height:
                widget.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()
