"""The dashboard's charts: a box per chart that holds its matplotlib canvas (built when it
comes into view), matplotlib loaded ahead, and the figures built from computed data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QVBoxLayout, QWidget

from inventory_app.ui.pages.dashboard.chart_labels import chart_tr

#: A chart counts as in view when at least this much of its height shows. A row of charts
#: is as tall as the view (fit.ChartScroll), so the next row peeks in by the grid's margin
#: (3 px at 1280x800): that sliver of frame does not make its two figures built and drawn on
#: the way to the first paint (~0.12 s a chart); they come once the page is idle or scrolled.
MIN_VISIBLE_PX = 24


def warm_up_charts() -> None:
    """Import matplotlib's figure and Qt canvas and register the fonts (~0.4 s the first
    time, nothing after), so that the first figures build at their warm speed."""
    from inventory_app.charts import lean_matplotlib

    lean_matplotlib()
    import matplotlib.figure  # noqa: F401

    from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover  # noqa: F401
    from inventory_app.charts.fonts import ensure_fonts

    ensure_fonts()
    canvas_class()


def figure_builders(data: Any) -> dict[str, Callable[[], Any]]:
    """The five figures from computed data, each built when called — on the UI thread
    (matplotlib's font caches are per thread and its objects are best kept to one); a few
    tens of milliseconds each."""
    from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover

    cur = data.currency
    return {
        "turnover": lambda: turnover.turnover_trend(
            data.trend, band=data.indicators.bands["turnover"], tr=chart_tr, currency=cur
        ),
        "expiry": lambda: expiry.expiry_timeline(data.expiry, tr=chart_tr, currency=cur),
        "abc": lambda: abc.abc_pareto(data.abc, tr=chart_tr),
        "ageing": lambda: ageing.ageing_by_category(data.ageing, tr=chart_tr, currency=cur),
        "slow_movers": lambda: slow_movers.top_slow_movers(
            data.slow_movers, tr=chart_tr, currency=cur
        ),
    }


class ChartBox(QFrame):
    """Holds one chart's canvas; replaces it when a new Figure arrives. Right-click exports.

    A chart scrolled out of view may be given the builder of its figure instead
    (``set_figure_later``): the figure is built when the box is first painted, when someone
    asks for ``figure`` or ``canvas``, or when the page is idle (``build_pending``)."""

    link_clicked = Signal(str)
    export_requested = Signal(str, str)  # chart key, "png" | "svg"
    drawn = Signal()  # matplotlib drew the figure onto the canvas

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._canvas: Any = None
        self._figure: Any = None
        self._build: Callable[[], Any] | None = None
        self._build_soon = QTimer(self, singleShot=True, interval=0)
        self._build_soon.timeout.connect(self.build_pending)
        self.setMinimumWidth(380)  # the height follows the view (fit.ChartScroll)
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
        if not self.isVisible():
            return False
        showing = shown.visibleRegion().boundingRect().height()
        return showing >= min(MIN_VISIBLE_PX, max(1, shown.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._build is not None and self.in_view():  # scrolled into view: its figure,
            self._build_soon.start()  # right after this paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the canvas of an earlier figure, scrolled into view while a new one waits
        if event.type() == QEvent.Type.Paint and self._build is not None and self.in_view():
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
        canvas.mpl_connect("draw_event", lambda _event: self.drawn.emit())
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
