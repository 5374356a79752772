"""The dashboard's ABC–XYZ matrix and margin line (#16): computed on the background pool
with a connection of its own when the dashboard refreshes, so the page never waits for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from inventory_app.services import demand, settings
from inventory_app.services.shop import open_shop
from inventory_app.ui.widgets.format import money_text
from inventory_app.ui.workers import Job, background_pool, start_job

# light fills: the cells that matter most (A, steady) darkest
_FILL = {
    "A": ("#CFE3F3", "#DCEAF6", "#EAF2F9"),
    "B": ("#E3EEF7", "#EBF2F9", "#F3F7FB"),
    "C": ("#F0F0F0", "#F5F5F5", "#FAFAFA"),
}


def compute(path: Path, start: dt.date, end: dt.date) -> tuple[demand.AbcXyz, str]:
    """The matrix and the shop's currency sign (its margin line is in money)."""
    with open_shop(path, write=False, check=False) as db:
        return demand.abc_xyz(db, start=start, end=end), settings.get(db, "currency")


class AbcXyzMatrix(QFrame):
    """Rows A, B, C (consumption value); columns X, Y, Z (how steady monthly demand is);
    each cell: items and their share of the value. Below: revenue, gross margin, GMROI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartBox")
        self.data: demand.AbcXyz | None = None
        self.currency = "¥"  # the shop's, read with the matrix
        self._running: Job | None = None
        self._generation = 0
        title = QLabel(self.tr("ABC–XYZ: value × how steady demand is"))
        title.setStyleSheet("font-size: 11pt;")
        self.cells: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setSpacing(3)
        heads = {
            "X": self.tr("X steady"),
            "Y": self.tr("Y varies"),
            "Z": self.tr("Z erratic"),
            "A": self.tr("A top 80% of value"),
            "B": self.tr("B next 15%"),
            "C": self.tr("C last 5%"),
        }
        for c, col in enumerate("XYZ"):
            grid.addWidget(self._head(heads[col]), 0, c + 1)
        for r, row in enumerate("ABC"):
            grid.addWidget(self._head(heads[row]), r + 1, 0)
            for c, col in enumerate("XYZ"):
                cell = QLabel("—")
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setMinimumHeight(42)
                cell.setStyleSheet(f"background: {_FILL[row][c]}; border-radius: 3px;")
                self.cells[row + col] = cell
                grid.addWidget(cell, r + 1, c + 1)
        self.note = QLabel(
            self.tr("AX: reorder automatically from the forecast. AZ: watch closely, keep"
                    " safety stock. CZ: stock only on order.")
        )  # fmt: skip
        self.note.setWordWrap(True)
        self.note.setObjectName("muted")
        self.margin = QLabel(self.tr("Computing…"))
        self.margin.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(self.margin)
        layout.addStretch(1)

    def _head(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def refresh(self, path: Path, start: dt.date, end: dt.date) -> None:
        """Recompute for the period off the UI thread; the newest request wins."""
        self._generation += 1
        generation = self._generation
        self._running = start_job(
            self,
            lambda _p, _c: compute(path, start, end),
            lambda job: self._finished(generation, job),
            pool=background_pool(),
        )

    def is_loaded(self) -> bool:
        return self._running is None

    def _finished(self, generation: int, job: Job) -> None:
        if generation != self._generation:
            return
        self._running = None
        if job.error is not None:
            self.margin.setText(self.tr("Could not compute: {0}").format(job.error))
            return
        data, self.currency = job.result
        self.show_data(data)

    def show_data(self, data: demand.AbcXyz) -> None:
        self.data = data
        for key, label in self.cells.items():
            n, _value = data.cells.get(key, (0, 0))
            share = data.share(key) * 100
            if n == 1:
                label.setText(self.tr("1 item\n{0:.0f}% of value").format(share))
            else:
                label.setText(self.tr("{0:,} items\n{1:.0f}% of value").format(n, share))
        self.margin.setText(self.margin_text(data.margin))

    def margin_text(self, m: Any) -> str:
        if m is None or m.priced_share is None:
            return self.tr("Margin: nothing sold in the period.")
        if m.priced_cogs <= 0:
            return self.tr("Margin: no selling prices yet (Items ▸ edit ▸ Selling price).")
        rate = "—" if m.margin_rate is None else f"{m.margin_rate * 100:.1f}%"
        gmroi = "—" if m.gmroi is None else str(m.gmroi)
        cur = self.currency
        return self.tr(
            "<b>Gross margin</b> {0} ({1}) on revenue {2}; <b>GMROI</b> {3}"
            " (gross margin ÷ average stock at cost). Prices known for {4:.0f}% of the cost of"
            " goods sold."
        ).format(
            f"{cur} {money_text(m.gross_margin)}", rate, f"{cur} {money_text(m.revenue)}", gmroi,
            m.priced_share * 100,
        )  # fmt: skip
