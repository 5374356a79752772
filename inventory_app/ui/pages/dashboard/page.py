"""Dashboard: the shop's health at a glance — KPI tiles against their healthy bands, five
charts, and the alert lists behind them. Computed off the UI thread (own connection) on
first show and after every posting; a tile or a chart click opens the list behind it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services import shop
from inventory_app.services.analytics import dashboard as analytics_dashboard
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page
from inventory_app.ui.pages.dashboard.charts import figure_builders, warm_up_charts
from inventory_app.ui.pages.dashboard.lists import ALERT_LISTS, DashboardLists
from inventory_app.ui.pages.dashboard.parts import (
    ChartBox,
    DashboardWorker,
    ListModel,
    Tile,
    collector_pause,
    status_counts,
)
from inventory_app.ui.widgets.format import money_text
from inventory_app.ui.widgets.table import DataTable

CHARTS = ("turnover", "expiry", "abc", "ageing", "slow_movers")
REFRESH_PAUSE_MS = 400
IDLE_BUILD_MS = 300


def compute(path: Path, start: dt.date, end: dt.date) -> Any:
    """In the worker: the dashboard's data, from a connection of its own."""
    db = shop.open_shop(path, write=False, check=False)
    try:
        return analytics_dashboard.dashboard(db, start=start, end=end)
    finally:
        db.close()


class DashboardPage(DashboardLists, Page):
    #: emitted on the UI thread once new data and charts are shown
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Any = None
        self._generation = 0
        self._running: DashboardWorker | None = None
        self._pending = False
        self.list_kind = ""
        self._tables: dict[str, tuple[DataTable, ListModel]] = {}
        self._debounce = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._debounce.timeout.connect(self._start)
        # charts out of view are built a moment after the page has drawn, not on its way
        self._idle_build = QTimer(self, singleShot=True, interval=IDLE_BUILD_MS)
        self._idle_build.timeout.connect(self._build_pending_charts)

        # period bar
        self.period = QComboBox()
        self.period.addItem(self.tr("This month"), "this_month")
        self.period.addItem(self.tr("Last 12 months"), "last_12_months")
        self.period.addItem(self.tr("Custom"), "custom")
        self.period.setCurrentIndex(1)
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.status = QLabel()
        self.status.setObjectName("muted")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.status)

        # tiles
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        specs = [
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
        self._tile_lists: dict[str, str] = {}
        for n, (key, caption, target) in enumerate(specs):
            tile = Tile(key, caption)
            tile.set_link(bool(target))
            tile.clicked.connect(self.open_tile)
            self._tile_lists[key] = target
            self.tiles[key] = tile
            grid.addWidget(tile, n // 5, n % 5)

        # charts
        self.charts: dict[str, ChartBox] = {}
        charts_widget = QWidget()
        chart_grid = QGridLayout(charts_widget)
        for n, key in enumerate(CHARTS):
            box = ChartBox(key)
            box.link_clicked.connect(self.open_link)
            box.export_requested.connect(self._ask_export)
            self.charts[key] = box
            chart_grid.addWidget(box, n // 2, n % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts_widget)

        # alerts panel: one tab per list, the last one for what a chart click selected
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for kind in ALERT_LISTS:
            self.tabs.addTab(self._list_title(kind))
        self.tabs.addTab(self.tr("Selection"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.list_title = QLabel()
        self.stack = QStackedWidget()
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.tabs)
        panel_layout.addWidget(self.list_title)
        panel_layout.addWidget(self.stack, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addWidget(split, 1)

        self._set_period_dates()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self._start)

    # -- period ---------------------------------------------------------------------------------

    def period_dates(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def _set_period_dates(self) -> None:
        choice = self.period.currentData()
        if choice == "custom":
            return
        self._put_dates(*analytics_dashboard.period_for(choice))

    def _put_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)

    def _choose_custom(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)

    def _period_changed(self, _index: int) -> None:
        # the date boxes stay editable: editing one makes the period Custom (_dates_edited)
        self._set_period_dates()
        self.reload()

    def _dates_edited(self, _date: QDate) -> None:
        if self.period.currentData() != "custom":
            self._choose_custom()
        self.reload()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """A custom period (a click on a month of the trend drills into it)."""
        self._choose_custom()
        self._put_dates(start, end)
        self.reload()

    # -- computing ------------------------------------------------------------------------------

    def wants(self, changes: Changes) -> bool:
        return bool(changes.movements or changes.items or changes.settings or changes.catalog)

    def is_loaded(self) -> bool:
        return (
            super().is_loaded()
            and self.data is not None
            and self._running is None
            and not self._debounce.isActive()
        )

    def reload(self) -> None:
        """Recompute: at once the first time, else after a short pause that gathers a burst
        of postings (a scanner, an import) into one refresh."""
        if self.data is None:
            self._start()
        else:
            self._debounce.start()

    def _start(self) -> None:
        if self.ctx.db is None:
            return
        if self._running is not None:
            self._pending = True
            return
        start, end = self.period_dates()
        if end < start:
            self.status.setText(self.tr("The period ends before it starts"))
            return
        self._generation += 1
        path = self.ctx.db.path
        worker = DashboardWorker(self._generation, lambda: compute(path, start, end))
        worker.signals.finished.connect(
            lambda w=worker: self._finished(w), Qt.ConnectionType.QueuedConnection
        )
        self._running = worker
        self.status.setText(self.tr("Computing…"))
        collector_pause.pause()  # until the page has drawn (see dashboard_parts)
        worker.start()
        warm_up_charts()  # the UI thread is idle until the data comes: load matplotlib now

    def _finish(self) -> None:
        self._running = None
        if self._pending:
            self._pending = False
            self._start()
        if self._running is None:
            # once the page has drawn: the charts out of view, then the cycle collector
            self._idle_build.start()
            collector_pause.resume_after(IDLE_BUILD_MS)

    def _finished(self, worker: DashboardWorker) -> None:
        worker.release()
        if worker.error:
            self.status.setText(
                self.tr("Could not compute the dashboard: {0}").format(worker.error)
            )
            self._finish()
            return
        self._computed(worker.generation, worker.result)

    def _computed(self, generation: int, result: Any) -> None:
        try:
            self._take(generation, result)
        finally:  # a failure to show still ends the run (and the collector's pause)
            self._finish()
        if self._running is None:
            self.refreshed.emit()

    def _take(self, generation: int, result: Any) -> None:
        if generation == self._generation:
            self.data = result
            # The charts in view are built now and drawn at the next paint; the ones
            # scrolled out of view when scrolled to or once the page is idle.
            self._show(self.data)
            for key, build in figure_builders(self.data).items():
                box = self.charts[key]
                if box.isVisible() and not box.in_view():
                    box.set_figure_later(build)
                else:
                    box.set_figure(build())
            self.status.setText(
                self.tr("{0} to {1} · computed in {2:.2f} s").format(
                    self.data.start.isoformat(), self.data.end.isoformat(), self.data.seconds
                )
            )

    def _build_pending_charts(self) -> None:
        for box in self.charts.values():
            box.build_pending()

    # -- showing --------------------------------------------------------------------------------

    def _show(self, d: Any) -> None:
        ind, cur = d.indicators, d.currency
        status = ind.status()
        bands = ind.bands
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
        al = d.alerts
        alert_notes = {
            "expired": f"{cur} {money_text(sum(r.value for r in al.expired))}",
            "expiring": self.tr("within {0} days").format(al.warning_days),
            "low_stock": self.tr("at or below the reorder point"),
            "out_of_stock": self.tr("nothing on hand"),
            "dead_stock": f"{cur} {money_text(sum(r.value for r in al.dead_stock))}",
        }
        for kind, note in alert_notes.items():
            n = len(getattr(al, kind))
            self.tiles[kind].set(str(n), note, "high" if n else "ok")
        for i, kind in enumerate(ALERT_LISTS):
            self.tabs.setTabText(i, self._list_title(kind, len(self._rows_of(kind))))
        self.show_list(self.list_kind or "expiring")
        win = self.window()
        if hasattr(win, "set_alert_counts"):
            win.set_alert_counts(status_counts(al))

    # -- export ---------------------------------------------------------------------------------

    def _ask_export(self, key: str, fmt: str) -> None:
        name = f"{key}-{dt.date.today().isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), name, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            self.export_chart(key, path)

    def export_chart(self, key: str, path: str) -> None:
        """Write chart ``key`` to ``path`` (the suffix picks PNG or SVG)."""
        from inventory_app import charts

        figure = self.charts[key].figure
        if figure is not None:
            charts.save(figure, path)
