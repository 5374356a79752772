"""The dashboard's KPI tiles: each a caption, a big value against its healthy band and a note;
a tile that counts an alert opens its list when clicked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from inventory_app.ui.widgets.format import money_text

STATUS_COLORS = {"ok": "#2e7d32", "low": "#b3261e", "high": "#b3261e", "": "#9e9e9e"}
PER_ROW = 5


class Tile(QFrame):
    """A KPI: a caption, a big value and a note; clickable when it leads to a list."""

    clicked = Signal(str)

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        self.note = QLabel("")
        self.caption.setObjectName("muted")
        self.note.setObjectName("muted")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for w in (self.caption, self.value, self.note):
            layout.addWidget(w)
        self.linked = False
        self.set_status("")

    def set_link(self, linked: bool) -> None:
        self.linked = linked
        self.setCursor(Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.ArrowCursor)

    def set(self, value: str, note: str = "", status: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.set_status(status)

    def set_status(self, status: str) -> None:
        color = STATUS_COLORS.get(status, STATUS_COLORS[""])
        self.setStyleSheet(
            f"QFrame#tile {{ border: 1px solid #e0e0e0; border-left: 4px solid {color};"
            " border-radius: 4px; background: palette(base); }"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.linked and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


class KpiTiles(QWidget):
    """The ten tiles in two rows; ``show(data)`` fills them from the dashboard's data."""

    #: the alert list a clicked tile leads to (``lists.ALERT_LISTS``)
    list_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, Tile] = {}
        self.lists: dict[str, str] = {}  # tile -> the list behind it ("" for none)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for n, (key, caption, target) in enumerate(self._specs()):
            tile = Tile(key, caption)
            tile.set_link(bool(target))
            tile.clicked.connect(self._clicked)
            self.lists[key] = target
            self.tiles[key] = tile
            grid.addWidget(tile, n // PER_ROW, n % PER_ROW)

    def _specs(self) -> list[tuple[str, str, str]]:
        return [
            ("stock_value", self.tr("Stock value"), "slow_movers"),
            ("turnover", self.tr("Turnover (a year)"), "slow_movers"),
            ("turnover_days", self.tr("Turnover days"), "slow_movers"),
            ("capital_occupation", self.tr("Capital occupation"), ""),
            ("loss_rate", self.tr("Loss rate"), ""),
            ("expired", self.tr("Expired batches"), "expired"),
            ("expiring", self.tr("Expiring soon"), "expiring"),
            ("low_stock", self.tr("Low stock"), "low_stock"),
            ("out_of_stock", self.tr("Out of stock"), "out_of_stock"),
            ("dead_stock", self.tr("Dead stock"), "dead_stock"),
        ]

    def __getitem__(self, key: str) -> Tile:
        return self.tiles[key]

    def _clicked(self, key: str) -> None:
        target = self.lists.get(key)
        if target:
            self.list_requested.emit(target)

    def show_data(self, d: Any) -> None:
        """Fill the tiles from the dashboard's data (``services.analytics.dashboard``)."""
        self._show_indicators(d)
        self._show_alerts(d)

    def _show_indicators(self, d: Any) -> None:
        ind, cur, bands = d.indicators, d.currency, d.indicators.bands
        status = ind.status()
        self.tiles["stock_value"].set(f"{cur} {money_text(ind.stock_value)}",
                                      self.tr("at {0}").format(d.end.isoformat()))  # fmt: skip
        self.tiles["turnover"].set(
            "—" if ind.annualized is None else f"{ind.annualized}",
            self.tr("healthy {0}–{1} times").format(bands["turnover"].low, bands["turnover"].high),
            status["turnover"],
        )
        self.tiles["turnover_days"].set(
            "—" if ind.turnover_days is None else f"{ind.turnover_days}",
            self.tr("healthy {0}–{1} days").format(
                bands["turnover_days"].low, bands["turnover_days"].high
            ),
            status["turnover_days"],
        )
        cap_max = bands["capital_occupation"].high * 100
        self.tiles["capital_occupation"].set(
            "—" if ind.capital_occupation is None else f"{ind.capital_occupation * 100:.1f}%",
            self.tr("healthy < {0:.0f}%").format(cap_max)
            if ind.capital_occupation is not None
            else self.tr("enter current assets in Settings"),
            status["capital_occupation"],
        )
        self.tiles["loss_rate"].set(
            "—" if ind.loss_rate is None else f"{ind.loss_rate * 100:.1f}%",
            self.tr("healthy < {0:.0f}%").format(bands["loss_rate"].high * 100),
            status["loss_rate"],
        )

    def _show_alerts(self, d: Any) -> None:
        al, cur = d.alerts, d.currency
        alert_notes = {
            "expired": f"{cur} {money_text(sum(r.value for r in al.expired))}",
            "expiring": self.tr("within 1 day")
            if al.warning_days == 1
            else self.tr("within {0} days").format(al.warning_days),
            "low_stock": self.tr("at or below the reorder point"),
            "out_of_stock": self.tr("nothing on hand"),
            "dead_stock": f"{cur} {money_text(sum(r.value for r in al.dead_stock))}",
        }
        for kind, note in alert_notes.items():
            n = len(getattr(al, kind))
            self.tiles[kind].set(str(n), note, "high" if n else "ok")
