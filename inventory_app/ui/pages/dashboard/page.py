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
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services import catalog, shop
from inventory_app.services.analytics import dashboard as analytics_dashboard
from inventory_app.services.progress import CyclicGcPause
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page
from inventory_app.ui.pages.dashboard.abc_xyz import AbcXyzMatrix
from inventory_app.ui.pages.dashboard.charts import ChartBox, figure_builders, warm_up_charts
from inventory_app.ui.pages.dashboard.fit import SPLIT_SIZES, ChartScroll
from inventory_app.ui.pages.dashboard.lists import DashboardLists
from inventory_app.ui.pages.dashboard.tiles import KpiTiles
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.window.status_bar import status_counts
from inventory_app.ui.workers import Job, background_pool, start_job

CHARTS = ("turnover", "expiry", "abc", "ageing", "slow_movers")
REFRESH_PAUSE_MS = 400
IDLE_BUILD_MS = 300
#: a safety net: the collector is resumed after this long whatever happens
LONGEST_GC_PAUSE_MS = 60_000

# Python's cycle collector, paused from the start of a computation until the page has drawn.
# The computation and the figures allocate a few hundred thousand small objects that make no
# garbage cycles; left running, the collector walks them (and the rest of the heap) in the
# middle of it — ~0.13 s on a shop with 150k open batches. Paused, that walk happens once, a
# moment after the page is drawn. It is resumed by timers that do not depend on the page
# still existing. One pause for the process: the collector is process-wide.
_collector = CyclicGcPause()


def _pause_collector() -> None:
    if not _collector.paused:
        _collector.pause()
        if _collector.paused:
            QTimer.singleShot(LONGEST_GC_PAUSE_MS, _collector.resume)


def compute(path: Path, start: dt.date, end: dt.date) -> Any:
    """In the worker: the dashboard's data, from a connection of its own."""
    with shop.open_shop(path, write=False, check=False) as db:
        return analytics_dashboard.dashboard(db, start=start, end=end)


class DashboardPage(Page):
    #: emitted on the UI thread once new data and charts are shown
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Any = None
        self._generation = 0
        self._running: Job | None = None
        self._pending = False
        self._debounce = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._debounce.timeout.connect(self._start)
        # charts out of view are built a moment after the page has drawn, not on its way
        self._idle_build = QTimer(self, singleShot=True, interval=IDLE_BUILD_MS)
        self._idle_build.timeout.connect(self._build_pending_charts)

        self.tiles = KpiTiles()
        self.tiles.list_requested.connect(self.open_tile)
        self.lists = DashboardLists()
        self.lists.item_requested.connect(self.open_item)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._build_charts())
        split.addWidget(self.lists)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes(SPLIT_SIZES)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_period_bar())
        layout.addWidget(self.tiles)
        layout.addWidget(split, 1)

        self._set_period_dates()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self._start)

    def _build_period_bar(self) -> QHBoxLayout:
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
        return bar

    def _build_charts(self) -> ChartScroll:
        self.charts: dict[str, ChartBox] = {}
        charts_widget = QWidget()
        chart_grid = QGridLayout(charts_widget)
        for n, key in enumerate(CHARTS):
            box = ChartBox(key)
            box.link_clicked.connect(self.open_link)
            box.export_requested.connect(self._ask_export)
            box.drawn.connect(self._chart_drawn)
            self.charts[key] = box
            chart_grid.addWidget(box, n // 2, n % 2)
        self.abc_xyz = AbcXyzMatrix()  # demand (#16): fills the grid's free cell
        chart_grid.addWidget(self.abc_xyz, len(CHARTS) // 2, len(CHARTS) % 2)
        self.chart_scroll = ChartScroll(charts_widget, chart_grid)  # a row fits the view
        return self.chart_scroll

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
            and self.abc_xyz.is_loaded()
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
        generation, path = self._generation, self.ctx.db.path
        self.status.setText(self.tr("Computing…"))
        _pause_collector()  # until the page has drawn
        self._running = start_job(
            self,
            lambda _progress, _cancel: compute(path, start, end),
            lambda job: self._finished(generation, job),
            pool=background_pool(),
        )
        self.abc_xyz.refresh(path, start, end)  # after the data, on the same pool
        warm_up_charts()  # the UI thread is idle until the data comes: load matplotlib now

    def _finish(self) -> None:
        self._running = None
        if self._pending:
            self._pending = False
            self._start()
        if self._running is None:
            # once the page has drawn: the charts out of view, then the cycle collector
            self._idle_build.start()
            QTimer.singleShot(IDLE_BUILD_MS, _collector.resume)

    def _finished(self, generation: int, job: Job) -> None:
        if job.error is not None:  # shown on the page; the UI stays usable
            error = f"{type(job.error).__name__}: {job.error}"
            self.status.setText(self.tr("Could not compute the dashboard: {0}").format(error))
            self._finish()
            return
        try:
            self._take(generation, job.result)
        finally:  # a failure to show still ends the run (and the collector's pause)
            self._finish()
        if self._running is None:
            self.refreshed.emit()

    def _take(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self.data = result
        self.tiles.show_data(result)
        self.lists.set_data(result)
        win = self.window()
        if hasattr(win, "set_alert_counts"):
            win.set_alert_counts(status_counts(result.alerts))
        # The charts in view are built now and drawn at the next paint; the ones scrolled
        # out of view when scrolled to or once the page is idle.
        for key, build in figure_builders(result).items():
            box = self.charts[key]
            if box.isVisible() and not box.in_view():
                box.set_figure_later(build)
            else:
                box.set_figure(build())
        self.status.setText(
            self.tr("{0} to {1} · computed in {2:.2f} s").format(
                result.start.isoformat(), result.end.isoformat(), result.seconds
            )
        )

    def _chart_drawn(self) -> None:
        # The charts out of view wait until the page has drawn: the pause counts from the
        # last chart drawn, not from the data's arrival (the visible charts take ~0.1-0.2 s
        # each to draw, so a pause counted from the data ran out before the first paint was
        # done and the hidden charts were built and drawn on its way).
        if self._idle_build.isActive():
            self._idle_build.start()

    def _build_pending_charts(self) -> None:
        if not self.isVisible():  # hidden (another page, the window closing): built at the
            return  # first paint once shown again (ChartBox.paintEvent)
        for box in self.charts.values():
            box.build_pending()

    # -- what a click opens ---------------------------------------------------------------------

    def open_tile(self, kind: str) -> None:
        self.lists.show_list(kind)

    def open_link(self, link: str) -> None:
        """A chart click: ``month:`` drills into the month, ``sku:`` opens the item, the
        others show their rows in the alerts panel."""
        if self.data is None:
            return
        kind, _, value = link.partition(":")
        if kind == "month":
            first = dt.date.fromisoformat(value + "-01")
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            self.set_period(first, min(last - dt.timedelta(days=1), dt.date.today()))
        elif kind == "sku":
            self.open_item(value)
        else:
            self.lists.show_link(kind, value)

    def open_item(self, sku: str) -> None:
        from inventory_app.ui.dialogs.item_detail import ItemDetailDialog

        item = catalog.find_item(self.ctx.db, sku) if self.ctx.db else None
        if item is not None:
            ItemDetailDialog(self.ctx, item.id, parent=self).exec()

    # -- export ---------------------------------------------------------------------------------

    def _ask_export(self, key: str, fmt: str) -> None:
        name = f"{key}-{dt.date.today().isoformat()}.{fmt}"
        path = file_dialogs.save_file(
            self, file_dialogs.CHARTS, self.tr("Export chart"), name, f"{fmt.upper()} (*.{fmt})"
        )
        if path is not None:
            self.export_chart(key, str(path))

    def export_chart(self, key: str, path: str) -> None:
        """Write chart ``key`` to ``path`` (the suffix picks PNG or SVG)."""
        from inventory_app import charts

        figure = self.charts[key].figure
        if figure is not None:
            charts.save(figure, path)
