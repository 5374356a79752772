"""Pieces of the dashboard: KPI tiles, the lists behind them, chart boxes, the worker."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from inventory_app.ui.models.paged import RED, Column, RowsModel
from inventory_app.ui.widgets.format import date_text, money_text, qty_text

STATUS_COLORS = {"ok": "#2e7d32", "low": "#b3261e", "high": "#b3261e", "": "#9e9e9e"}


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


class ListModel(RowsModel):
    """Rows already computed (a list behind a tile or a chart click)."""

    def foreground(self, row: Any, column: Column):
        days_left = getattr(row, "days_left", None)
        if column.key == "expiry" and days_left is not None and days_left < 0:
            return RED
        return None


def status_counts(alerts: Any) -> dict[str, int]:
    """The status bar's alert counts (``MainWindow.set_alert_counts``) from
    ``analytics_alerts.Alerts``: reorder covers low and out of stock."""
    n = alerts.counts()
    return {
        "expired": n["expired"],
        "expiring": n["expiring"],
        "reorder": n["low_stock"] + n["out_of_stock"],
        "dead": n["dead_stock"],
    }


def _pct(value: Decimal) -> str:
    return f"{value * 100:.1f}%"


def list_columns(kind: str, tr: Callable[[str], str]) -> list[Column]:
    """The columns of each list kind (rows are services' dataclasses)."""
    sku = Column("sku", tr("Code"), lambda r: r.sku, width=110)
    name = Column("name", tr("Name"), lambda r: r.name, width=220)
    if kind in ("expired", "expiring", "week"):
        return [
            sku,
            name,
            Column("batch", tr("Batch"), lambda r: r.batch, width=120),
            Column("location", tr("Location"), lambda r: r.location, width=90),
            Column("expiry", tr("Expiry"), lambda r: date_text(r.expiry), width=95),
            Column(
                "days_left", tr("Days left"), lambda r: str(r.days_left), numeric=True, width=70
            ),
            Column("qty", tr("Qty"), lambda r: qty_text(r.qty), numeric=True, width=70),
            Column("value", tr("Value"), lambda r: money_text(r.value), numeric=True, width=90),
        ]
    if kind in ("low_stock", "out_of_stock"):
        return [
            sku,
            name,
            Column("qty", tr("On hand"), lambda r: qty_text(r.qty), numeric=True, width=80),
            Column("rop", tr("Reorder point"), lambda r: qty_text(r.reorder_point), numeric=True,
                   width=100),
        ]  # fmt: skip
    if kind == "dead_stock":
        return [
            sku,
            name,
            Column("qty", tr("Qty"), lambda r: qty_text(r.qty), numeric=True, width=70),
            Column("value", tr("Value"), lambda r: money_text(r.value), numeric=True, width=90),
            Column("last", tr("Last issue"), lambda r: date_text(r.last_issue) or tr("never"),
                   width=95),
            Column("idle", tr("Idle days"), lambda r: str(r.idle_days), numeric=True, width=70),
        ]  # fmt: skip
    if kind == "slow_movers":
        return [
            sku,
            name,
            Column("qty", tr("Qty"), lambda r: qty_text(r.qty), numeric=True, width=70),
            Column("value", tr("Value"), lambda r: money_text(r.value), numeric=True, width=90),
            Column("cover", tr("Days of cover"),
                   lambda r: tr("no sales") if r.cover_days is None else f"{r.cover_days:,.0f}",
                   numeric=True, width=100),
        ]  # fmt: skip
    if kind == "abc":
        return [
            sku,
            name,
            Column("class", tr("Class"), lambda r: r.abc_class, width=50),
            Column("value", tr("Consumption"), lambda r: money_text(r.consumption), numeric=True,
                   width=100),
            Column("share", tr("Share"), lambda r: _pct(r.share), numeric=True, width=70),
            Column("cum", tr("Cumulative"), lambda r: _pct(r.cumulative), numeric=True, width=80),
        ]  # fmt: skip
    if kind == "ageing":
        return [
            Column("sku", tr("Code"), lambda r: r.batch.sku, width=110),
            Column("name", tr("Name"), lambda r: r.batch.name, width=220),
            Column("batch", tr("Batch"), lambda r: r.batch.batch, width=120),
            Column("received", tr("Received"), lambda r: date_text(r.batch.received), width=95),
            Column("age", tr("Age (days)"), lambda r: str(r.age_days), numeric=True, width=80),
            Column("qty", tr("Qty"), lambda r: qty_text(r.batch.qty), numeric=True, width=70),
            Column("value", tr("Value"), lambda r: money_text(r.batch.value), numeric=True,
                   width=90),
        ]  # fmt: skip
    raise KeyError(kind)


class ChartBox(QFrame):
    """Holds one chart's canvas; replaces it when a new Figure arrives. Right-click exports.

    A chart scrolled out of view may be given the builder of its figure instead
    (``set_figure_later``): the figure is built when the box is first painted, when someone
    asks for ``figure`` or ``canvas``, or when the page is idle (``build_pending``)."""

    link_clicked = Signal(str)
    export_requested = Signal(str, str)  # chart key, "png" | "svg"

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._canvas: Any = None
        self._figure: Any = None
        self._build: Callable[[], Any] | None = None
        self._build_soon = QTimer(self, singleShot=True, interval=0)
        self._build_soon.timeout.connect(self.build_pending)
        self.setMinimumSize(380, 320)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("Computing…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.placeholder)

    @property
    def figure(self) -> Any:
        self.build_pending()
        return self._figure

    @property
    def canvas(self) -> Any:
        self.build_pending()
        return self._canvas

    def set_figure_later(self, build: Callable[[], Any]) -> None:
        self._build = build

    def build_pending(self) -> None:
        """Build the figure given to ``set_figure_later``, if not built yet."""
        if self._build is not None:
            build, self._build = self._build, None
            self.set_figure(build())

    def in_view(self) -> bool:
        """Whether some of the chart shows (not scrolled out of view, window shown). Asked of
        what fills the box: the box itself counts as hidden behind its own canvas."""
        shown = self._canvas if self._canvas is not None else self.placeholder
        return self.isVisible() and not shown.visibleRegion().isEmpty()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._build is not None:  # scrolled into view: its figure, right after this paint
            self._build_soon.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the canvas of an earlier figure, scrolled into view while a new one waits
        if event.type() == QEvent.Type.Paint and self._build is not None:
            self._build_soon.start()
        return False

    def set_figure(self, figure: Any) -> None:
        self._build = None
        old = self._canvas
        self._figure = figure
        self._canvas = canvas = canvas_class()(figure)
        # clicks only: a chart never takes the keyboard from the window's shortcuts
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        canvas.customContextMenuRequested.connect(self._menu)
        canvas.mpl_connect("pick_event", self._picked)
        canvas.installEventFilter(self)
        if old is not None:
            self.layout_.replaceWidget(old, canvas)
            old.deleteLater()
        else:
            self.layout_.replaceWidget(self.placeholder, canvas)
            self.placeholder.hide()
        canvas.draw_idle()

    def _picked(self, event: Any) -> None:
        gid = event.artist.get_gid()
        if gid:
            self.link_clicked.emit(gid)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(
            self.tr("Export as PNG…"), lambda: self.export_requested.emit(self.key, "png")
        )
        menu.addAction(
            self.tr("Export as SVG…"), lambda: self.export_requested.emit(self.key, "svg")
        )
        menu.exec(self.canvas.mapToGlobal(pos))


_CANVAS: Any = None


def canvas_class() -> Any:
    """FigureCanvasQTAgg that follows the box's size instead of asking for the figure's
    natural one (matplotlib loads on first use)."""
    global _CANVAS
    if _CANVAS is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from PySide6.QtCore import QSize

        class Canvas(FigureCanvasQTAgg):
            def draw_idle(self) -> None:
                # A chart scrolled out of view is drawn at its first paint, not now: the
                # dashboard shows its visible charts sooner (measured: ~0.07 s a chart).
                if self.visibleRegion().isEmpty():
                    self._draw_pending = True
                    return
                super().draw_idle()

            def sizeHint(self) -> QSize:
                return QSize(480, 320)

            def minimumSizeHint(self) -> QSize:
                return QSize(320, 240)

        _CANVAS = Canvas
    return _CANVAS


class CollectorPause:
    """Python's cycle collector paused from the start of a dashboard computation until the
    page has drawn. The computation and the figures allocate a few hundred thousand small
    objects that make no garbage cycles; left running, the collector walks them (and the
    rest of the heap) in the middle of it — ~0.13 s on a shop with 150k open batches. Paused,
    that walk happens once, a moment after the page is drawn. The collector is process-wide:
    it is only resumed if this pause is what stopped it, and always by a timer that does not
    depend on the page still existing."""

    def __init__(self) -> None:
        self.paused = False

    #: a safety net: resumed after this long whatever happens (a page closed mid-refresh)
    LONGEST_MS = 60_000

    def pause(self) -> None:
        if not self.paused and gc.isenabled():
            gc.disable()
            self.paused = True
            QTimer.singleShot(self.LONGEST_MS, self.resume)

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            gc.enable()

    def resume_after(self, ms: int) -> None:
        QTimer.singleShot(ms, self.resume)


collector_pause = CollectorPause()


_pool: QThreadPool | None = None
_alive: set[DashboardWorker] = set()  # held until the UI thread has read the result


def pool() -> QThreadPool:
    """The dashboard's own single thread: it never holds up the global pool that opening a
    file or a posting's run_task waits on, and refreshes never run two at a time."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    finished = Signal()


class DashboardWorker(QRunnable):
    """Computes the dashboard's data with its own connection, off the UI thread. The result
    (or the error) stays on the worker; ``signals.finished`` carries nothing across threads
    (a Python object sent through a queued signal is where PySide's refcounts slip)."""

    def __init__(self, generation: int, fn: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.generation = generation
        self.fn = fn
        self.result: object = None
        self.error = ""
        self.signals = _Signals()

    def start(self) -> None:
        _alive.add(self)
        pool().start(self)

    def release(self) -> None:
        """Called by the UI thread once it has taken the result."""
        _alive.discard(self)

    def run(self) -> None:
        try:
            self.result = self.fn()
        except Exception as exc:  # shown on the page; the UI stays usable
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            with contextlib.suppress(RuntimeError):  # the window closed while we worked
                self.signals.finished.emit()
