"""The dashboard's lists, in the panel under the charts: one tab per alert list (the rows
behind a tile) and a last tab for what a chart click selected."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from inventory_app.ui.models.paged import RED, Column, RowsModel
from inventory_app.ui.widgets.format import date_text, location_text, money_text, qty_text
from inventory_app.ui.widgets.table import DataTable

ALERT_LISTS = ("expired", "expiring", "low_stock", "out_of_stock", "dead_stock", "slow_movers",
               "overdue_orders")  # fmt: skip


class ListModel(RowsModel):
    """Rows already computed (a list behind a tile or a chart click)."""

    def foreground(self, row: Any, column: Column):
        days_left = getattr(row, "days_left", None)
        if column.key == "expiry" and days_left is not None and days_left < 0:
            return RED
        return None


def _pct(value: Decimal) -> str:
    return f"{value * 100:.1f}%"


def _batch_columns() -> list[Column]:
    return [
        Column(
            "batch",
            QCoreApplication.translate("DashboardLists", "Batch"),
            lambda r: r.batch,
            width=120,
        ),
        Column(
            "location",
            QCoreApplication.translate("DashboardLists", "Location"),
            lambda r: location_text(r.location),
            width=90,
        ),
        Column(
            "expiry",
            QCoreApplication.translate("DashboardLists", "Expiry"),
            lambda r: date_text(r.expiry),
            width=95,
        ),
        Column(
            "days_left",
            QCoreApplication.translate("DashboardLists", "Days left"),
            lambda r: str(r.days_left),
            numeric=True,
            width=70,
        ),
        Column(
            "qty",
            QCoreApplication.translate("DashboardLists", "Qty"),
            lambda r: qty_text(r.qty),
            numeric=True,
            width=70,
        ),
        Column(
            "value",
            QCoreApplication.translate("DashboardLists", "Value"),
            lambda r: money_text(r.value),
            numeric=True,
            width=90,
        ),
    ]


def _item_columns(kind: str) -> list[Column]:
    # Long by nature: a table of columns, one literal header each (lupdate reads literals).
    qty = Column(
        "qty",
        QCoreApplication.translate("DashboardLists", "Qty"),
        lambda r: qty_text(r.qty),
        numeric=True,
        width=70,
    )
    value = Column(
        "value",
        QCoreApplication.translate("DashboardLists", "Value"),
        lambda r: money_text(r.value),
        numeric=True,
        width=90,
    )
    if kind in ("low_stock", "out_of_stock"):
        return [
            Column(
                "qty",
                QCoreApplication.translate("DashboardLists", "On hand"),
                lambda r: qty_text(r.qty),
                numeric=True,
                width=80,
            ),
            Column(
                "rop",
                QCoreApplication.translate("DashboardLists", "Reorder point"),
                lambda r: qty_text(r.reorder_point),
                numeric=True,
                width=100,
            ),
        ]
    if kind == "dead_stock":
        return [
            qty,
            value,
            Column(
                "last",
                QCoreApplication.translate("DashboardLists", "Last issue"),
                lambda r: (
                    date_text(r.last_issue) or QCoreApplication.translate("DashboardLists", "never")
                ),
                width=95,
            ),
            Column(
                "idle",
                QCoreApplication.translate("DashboardLists", "Idle days"),
                lambda r: str(r.idle_days),
                numeric=True,
                width=70,
            ),
        ]
    if kind == "slow_movers":
        return [
            qty,
            value,
            Column(
                "cover",
                QCoreApplication.translate("DashboardLists", "Days of cover"),
                lambda r: (
                    QCoreApplication.translate("DashboardLists", "no sales")
                    if r.cover_days is None
                    else f"{r.cover_days:,.0f}"
                ),
                numeric=True,
                width=100,
            ),
        ]
    if kind == "abc":
        return [
            Column(
                "class",
                QCoreApplication.translate("DashboardLists", "Class"),
                lambda r: r.abc_class,
                width=50,
            ),
            Column(
                "value",
                QCoreApplication.translate("DashboardLists", "Consumption"),
                lambda r: money_text(r.consumption),
                numeric=True,
                width=100,
            ),
            Column(
                "share",
                QCoreApplication.translate("DashboardLists", "Share"),
                lambda r: _pct(r.share),
                numeric=True,
                width=70,
            ),
            Column(
                "cum",
                QCoreApplication.translate("DashboardLists", "Cumulative"),
                lambda r: _pct(r.cumulative),
                numeric=True,
                width=80,
            ),
        ]
    raise KeyError(kind)


def _ageing_columns() -> list[Column]:
    return [
        Column(
            "sku",
            QCoreApplication.translate("DashboardLists", "Code"),
            lambda r: r.batch.sku,
            width=110,
        ),
        Column(
            "name",
            QCoreApplication.translate("DashboardLists", "Name"),
            lambda r: r.batch.name,
            width=220,
        ),
        Column(
            "batch",
            QCoreApplication.translate("DashboardLists", "Batch"),
            lambda r: r.batch.batch,
            width=120,
        ),
        Column(
            "received",
            QCoreApplication.translate("DashboardLists", "Received"),
            lambda r: date_text(r.batch.received),
            width=95,
        ),
        Column(
            "age",
            QCoreApplication.translate("DashboardLists", "Age (days)"),
            lambda r: str(r.age_days),
            numeric=True,
            width=80,
        ),
        Column(
            "qty",
            QCoreApplication.translate("DashboardLists", "Qty"),
            lambda r: qty_text(r.batch.qty),
            numeric=True,
            width=70,
        ),
        Column(
            "value",
            QCoreApplication.translate("DashboardLists", "Value"),
            lambda r: money_text(r.batch.value),
            numeric=True,
            width=90,
        ),
    ]


def list_columns(kind: str) -> list[Column]:
    """The columns of each list kind (rows are services' dataclasses)."""
    if kind == "ageing":
        return _ageing_columns()
    if kind == "overdue_orders":
        from inventory_app.ui.pages.dashboard.overdue import overdue_columns

        return overdue_columns()
    sku = Column(
        "sku", QCoreApplication.translate("DashboardLists", "Code"), lambda r: r.sku, width=110
    )
    name = Column(
        "name", QCoreApplication.translate("DashboardLists", "Name"), lambda r: r.name, width=220
    )
    if kind in ("expired", "expiring", "week"):
        return [sku, name, *_batch_columns()]
    return [sku, name, *_item_columns(kind)]


class DashboardLists(QWidget):
    """The alerts panel. ``set_data`` shows a new computation's lists; ``show_list`` and
    ``show_link`` pick what the panel shows; a double-clicked row asks for its item."""

    #: the code of the item whose row was activated
    item_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Any = None
        self.kind = ""  # the list shown ("" before the first data)
        self.tables: dict[str, tuple[DataTable, ListModel]] = {}
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for kind in ALERT_LISTS:
            self.tabs.addTab(self.title_of(kind))
        self.tabs.addTab(self.tr("Selection"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.title = QLabel()
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)

    def title_of(self, kind: str, count: int | None = None) -> str:
        names = {
            "expired": self.tr("Expired"),
            "expiring": self.tr("Expiring"),
            "low_stock": self.tr("Low stock"),
            "out_of_stock": self.tr("Out of stock"),
            "dead_stock": self.tr("Dead stock"),
            "slow_movers": self.tr("Slow movers"),
            "overdue_orders": self.tr("Overdue orders"),
        }
        name = names[kind]
        return name if count is None else f"{name} ({count})"

    def set_data(self, data: Any) -> None:
        """A new computation: every tab's count, and the list shown refilled."""
        self.data = data
        for i, kind in enumerate(ALERT_LISTS):
            self.tabs.setTabText(i, self.title_of(kind, len(self._rows_of(kind))))
        self.show_list(self.kind or "expiring")

    def _rows_of(self, kind: str) -> list[Any]:
        if kind == "slow_movers":
            return list(self.data.slow_movers)
        return list(getattr(self.data.alerts, kind))

    def _table(self, kind: str) -> tuple[DataTable, ListModel]:
        if kind not in self.tables:
            model = ListModel(list_columns(kind), self)
            table = DataTable(model, state_key=f"dashboard_{kind}")
            table.row_activated.connect(self._open_row)
            self.stack.addWidget(table)
            self.tables[kind] = (table, model)
        return self.tables[kind]

    def show_list(self, kind: str, rows: list[Any] | None = None, title: str = "") -> None:
        """Show a list: an alert kind (its rows from the data), or a chart selection ('week',
        'abc', 'ageing') with the rows given."""
        if self.data is None:
            return
        self.kind = kind
        table, model = self._table(kind)
        model.set_rows(self._rows_of(kind) if rows is None else rows)
        self.stack.setCurrentWidget(table)
        self.tabs.blockSignals(True)
        if kind in ALERT_LISTS:
            self.tabs.setCurrentIndex(ALERT_LISTS.index(kind))
            self.title.setText(self.title_of(kind, len(model.rows)))
        else:
            self.tabs.setCurrentIndex(len(ALERT_LISTS))
            self.tabs.setTabText(len(ALERT_LISTS), title)
            self.title.setText(f"{title} ({len(model.rows)})")
        self.tabs.blockSignals(False)

    def current_rows(self) -> list[Any]:
        if not self.kind:
            return []
        return list(self.tables[self.kind][1].rows)

    def _tab_changed(self, index: int) -> None:
        if index < len(ALERT_LISTS):
            self.show_list(ALERT_LISTS[index])

    def show_link(self, kind: str, value: str) -> None:
        """The rows behind a chart click: ``expired``, ``week:``, ``abc:``, ``ageing:`` and
        ``ageing-other:`` (a month or an item is the page's to open)."""
        if self.data is None:
            return
        if kind == "expired" and not value:
            self.show_list("expired", self.data.expiry.expired, self.tr("Expired"))
        elif kind == "week":
            start = dt.date.fromisoformat(value)
            rows = next((r for s, _v, r in self.data.expiry.weeks if s == start), [])
            self.show_list("week", rows, self.tr("Expiring in the week of {0}").format(value))
        elif kind == "abc":
            rows = [r for r in self.data.abc.rows if r.abc_class == value]
            self.show_list("abc", rows, self.tr("Class {0} items").format(value))
        elif kind in ("ageing", "ageing-other"):
            self._show_ageing(kind, value)

    def _show_ageing(self, kind: str, value: str) -> None:
        category, _, bucket = value.rpartition("|") if kind == "ageing" else ("", "", value)
        cats = list(self.data.ageing.by_category())
        shown = set(cats[:9] if len(cats) > 10 else cats)  # the chart's own categories
        rows = [
            a
            for a in self.data.ageing.batches
            if a.bucket == bucket
            and (
                a.batch.category == category if kind == "ageing" else a.batch.category not in shown
            )
        ]
        label = (category or self.tr("(no category)")) if kind == "ageing" else self.tr("Other")
        self.show_list("ageing", rows, self.tr("{0}: {1} days").format(label, bucket))

    def _open_row(self, row: Any) -> None:
        sku = getattr(row, "sku", None) or getattr(getattr(row, "batch", None), "sku", None)
        if sku:
            self.item_requested.emit(sku)
