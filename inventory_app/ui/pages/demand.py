"""Demand: one item's weekly history, forecast and interval in one chart, with the method
chosen, how accurate it was in the backtest and the season it found, in plain words (#16).
"Forecast all items" runs every item's forecast off the UI thread with progress and Cancel
(kept per ledger state, so reorder suggestions from the forecast reuse it)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes, Item
from inventory_app.services import demand
from inventory_app.services.shop import open_shop
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets.item_picker import ItemPicker
from inventory_app.ui.workers import Job, background_pool, on_shop, start_job

MONTHLY_MIN_WEEKS = 26


class DemandPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forecast: demand.ItemForecast | None = None
        self._running: Job | None = None
        self._canvas: Any = None
        self.picker = ItemPicker(ctx.db, self)
        self.picker.setMinimumWidth(280)
        self.horizon = QSpinBox(minimum=4, maximum=52, value=12)
        self.horizon.setSuffix(self.tr(" weeks"))
        self.view = QComboBox()  # the same forecast by week or by calendar month
        self.view.addItem(self.tr("Weekly"), False)
        self.view.addItem(self.tr("Monthly"), True)
        self.all_button = QPushButton(self.tr("Forecast all items…"))
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.chart_frame = QFrame()
        self.chart_layout = QVBoxLayout(self.chart_frame)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("Choose an item to see its demand and forecast."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("muted")
        self.chart_layout.addWidget(self.placeholder)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("muted")
        self.search_box = self.picker

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Item:")))
        bar.addWidget(self.picker, 2)
        bar.addWidget(QLabel(self.tr("Forecast:")))
        bar.addWidget(self.horizon)
        bar.addWidget(self.view)
        bar.addStretch(1)
        bar.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.chart_frame, 1)
        layout.addWidget(self.explain)
        layout.addWidget(self.summary)

        self.picker.item_chosen.connect(self._chosen)
        self.picker.problem.connect(self.problem.setText)
        self.horizon.valueChanged.connect(lambda _n: self.show_item(self._sku()))
        self.view.currentIndexChanged.connect(lambda _i: self.show_item(self._sku()))
        self.all_button.clicked.connect(self.forecast_all)

    # -- loading --------------------------------------------------------------------------

    def _sku(self) -> str | None:
        return None if self.forecast is None else self.forecast.sku

    def wants(self, changes: Changes) -> bool:
        return bool(changes.movements or changes.catalog)

    def reload(self) -> None:
        self.picker.db = self.ctx.db
        if self.forecast is None and self.ctx.db is not None:
            first = self._best_seller()
            if first:
                self.show_item(first)
        else:
            self.show_item(self._sku())

    def _best_seller(self) -> str | None:
        from inventory_app.services import reports

        rows = reports.stock_by_item(self.ctx.db) if self.ctx.db else []
        return max(rows, key=lambda r: r.value).sku if rows else None

    def is_loaded(self) -> bool:
        return super().is_loaded() and self._running is None

    def _chosen(self, item: Item, _scanned: bool) -> None:
        self.show_item(item.sku)

    def show_item(self, sku: str | None) -> None:
        """Forecast ``sku`` on a worker (its own connection) and show it when done."""
        if sku is None or self.ctx.path is None:
            return
        path, horizon = self.ctx.path, self.horizon.value()
        if self.monthly():  # whole months need a longer horizon: at least half a year
            horizon = max(horizon, MONTHLY_MIN_WEEKS)

        def work(_progress: Any, _cancel: Any) -> demand.ItemForecast:
            with open_shop(path, write=False, check=False) as db:
                return demand.forecast_item(db, sku, horizon=horizon)

        self.explain.setText(self.tr("Forecasting…"))
        self._running = start_job(self, work, self._done, pool=background_pool())

    def monthly(self) -> bool:
        return bool(self.view.currentData())

    def _done(self, job: Job) -> None:
        self._running = None
        if job.error is not None:
            self.explain.setText(self.tr("Could not forecast: {0}").format(job.error))
            return
        self.set_forecast(job.result)

    def set_forecast(self, f: demand.ItemForecast) -> None:
        from inventory_app.charts.demand import demand_forecast
        from inventory_app.ui.pages.dashboard.chart_labels import chart_tr
        from inventory_app.ui.pages.dashboard.charts import canvas_class

        self.forecast = f
        figure = demand_forecast(f, tr=chart_tr, monthly=self.monthly())
        canvas = canvas_class()(figure)
        old = self._canvas or self.placeholder
        self.chart_layout.replaceWidget(old, canvas)
        old.hide()
        if old is not self.placeholder:
            old.deleteLater()
        self._canvas = canvas
        canvas.draw_idle()
        self.explain.setText(self.explanation(f))

    # -- words ----------------------------------------------------------------------------

    def method_words(self, method: str) -> str:
        words = {
            "naive": self.tr("last week's sales repeated"),
            "snaive": self.tr("the same week last year"),
            "ses": self.tr("a smoothed average of the weeks sold (simple exponential smoothing)"),
            "holt": self.tr("a smoothed level and trend (Holt)"),
            "holt_winters": self.tr("level, trend and yearly season (Holt-Winters)"),
            "croston_sba": self.tr(
                "sporadic demand: the usual size of a sale ÷ the usual gap between sales"
                " (Croston-SBA)"
            ),
            "mean": self.tr("the average so far (fewer than 12 weeks of history)"),
            "none": self.tr("no forecast: it has never sold"),
        }
        return words.get(method, method)

    def explanation(self, f: demand.ItemForecast) -> str:
        lines = [self.tr("<b>Method:</b> {0}.").format(self.method_words(f.method))]
        if f.mase is not None:
            if f.mase < 1:
                acc = self.tr(
                    "Tested on the last 13 weeks, 1 to 4 weeks ahead: its errors were {0:.0f}%"
                    " smaller than repeating last week's sales (MASE {1:.2f})."
                ).format((1 - f.mase) * 100, f.mase)
            else:
                acc = self.tr(
                    "Tested on the last 13 weeks, 1 to 4 weeks ahead: its errors were {0:.0f}%"
                    " larger than repeating last week's sales (MASE {1:.2f}): demand is hard to"
                    " predict; keep more safety stock."
                ).format((f.mase - 1) * 100, f.mase)
            lines.append(acc)
        if f.seasonal and f.season_months:
            months = self.tr(", ").join(str(m) for m in f.season_months)
            lines.append(
                self.tr(
                    "<b>Season:</b> yearly, highest in months {0}; ±{1:.0f} {2} a week."
                ).format(months, f.season_amplitude / 2, f.unit)
            )
        elif len(f.history) < 104:
            lines.append(self.tr("<b>Season:</b> needs two years of history to be found."))
        else:
            lines.append(self.tr("<b>Season:</b> no yearly season found."))
        if f.stockout_weeks:
            lines.append(
                self.tr(
                    "{0} weeks without stock are left out: no stock is no evidence of no demand."
                ).format(f.stockout_weeks)
            )
        if self.monthly():
            lines.append(
                self.tr(
                    "By month: weeks split by their days in each month; this month is sold so"
                    " far + forecast of the rest. The monthly interval comes from the method's"
                    " error summed over the month's weeks (they move together), not from adding"
                    " the weekly bounds."
                )
            )
        text = lines[0]
        for line in lines[1:]:  # Chinese sentences follow one another without a space
            text += line if text.endswith(("。", "）")) else " " + line
        return text

    # -- every item -----------------------------------------------------------------------

    def forecast_all(self) -> None:
        if self.ctx.path is None:
            return

        def job(db: Any, progress: Any, cancel: Any) -> demand.AllForecasts:
            return demand.forecast_all(db, progress=progress, cancel=cancel)

        work = on_shop(self.ctx.path, job, write=True)  # keeps the result in the file
        result = ops.run_long(self, self.tr("Forecasting every item"), work)
        if result is not None:
            self.summary.setText(self.summary_text(result))

    def summary_text(self, r: demand.AllForecasts) -> str:
        import numpy as np

        mix = Counter(r.forecasts.method)
        mase = r.forecasts.mase[np.isfinite(r.forecasts.mase)]
        parts = ", ".join(f"{self.short_name(m)} {n:,}" for m, n in mix.most_common())
        text = self.tr("{0:,} items forecast in {1:.1f} s: {2}.").format(
            len(r.skus), r.seconds, parts
        )
        if mase.size:
            text += " " + self.tr(
                "Median MASE {0:.2f}; better than repeating last week for {1:.0f}% of items."
            ).format(float(np.median(mase)), float((mase < 1).mean() * 100))
        return text

    def short_name(self, method: str) -> str:
        return {
            "naive": self.tr("naive"),
            "snaive": self.tr("seasonal naive"),
            "ses": self.tr("smoothing"),
            "holt": self.tr("trend"),
            "holt_winters": self.tr("trend + season"),
            "croston_sba": self.tr("sporadic"),
            "mean": self.tr("short history"),
            "none": self.tr("never sold"),
        }.get(method, method)


__all__ = ["DemandPage"]
