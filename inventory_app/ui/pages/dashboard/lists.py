"""The dashboard's lists: the alert lists behind the tiles and the rows behind a chart
click, shown in the panel under the charts (a mixin of ``DashboardPage``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inventory_app.services import catalog
from inventory_app.ui.pages.dashboard.parts import ListModel, list_columns
from inventory_app.ui.widgets.table import DataTable

ALERT_LISTS = ("expired", "expiring", "low_stock", "out_of_stock", "dead_stock", "slow_movers")


class DashboardLists:
    """Needs from the page: ``data``, ``ctx``, ``tabs``, ``stack``, ``list_title``,
    ``list_kind``, ``_tables``, ``_tile_lists``, ``set_period`` and ``tr``."""

    def _list_title(self, kind: str, count: int | None = None) -> str:
        names = {
            "expired": self.tr("Expired"),
            "expiring": self.tr("Expiring"),
            "low_stock": self.tr("Low stock"),
            "out_of_stock": self.tr("Out of stock"),
            "dead_stock": self.tr("Dead stock"),
            "slow_movers": self.tr("Slow movers"),
        }
        name = names[kind]
        return name if count is None else f"{name} ({count})"

    def _rows_of(self, kind: str) -> list[Any]:
        if kind == "slow_movers":
            return list(self.data.slow_movers)
        return list(getattr(self.data.alerts, kind))

    def _table(self, kind: str) -> tuple[DataTable, ListModel]:
        if kind not in self._tables:
            model = ListModel(list_columns(kind, self.tr), self)
            table = DataTable(model, state_key=f"dashboard_{kind}")
            table.row_activated.connect(self._open_row)
            self.stack.addWidget(table)
            self._tables[kind] = (table, model)
        return self._tables[kind]

    def show_list(self, kind: str, rows: list[Any] | None = None, title: str = "") -> None:
        """Show a list in the alerts panel: an alert kind (its rows from the data), or a
        chart selection ('week', 'abc', 'ageing') with the rows given."""
        if self.data is None:
            return
        self.list_kind = kind
        table, model = self._table(kind)
        model.set_rows(self._rows_of(kind) if rows is None else rows)
        self.stack.setCurrentWidget(table)
        self.tabs.blockSignals(True)
        if kind in ALERT_LISTS:
            self.tabs.setCurrentIndex(ALERT_LISTS.index(kind))
            self.list_title.setText(self._list_title(kind, len(model.rows)))
        else:
            self.tabs.setCurrentIndex(len(ALERT_LISTS))
            self.tabs.setTabText(len(ALERT_LISTS), title)
            self.list_title.setText(f"{title} ({len(model.rows)})")
        self.tabs.blockSignals(False)

    def current_rows(self) -> list[Any]:
        if not self.list_kind:
            return []
        return list(self._tables[self.list_kind][1].rows)

    def _tab_changed(self, index: int) -> None:
        if index < len(ALERT_LISTS):
            self.show_list(ALERT_LISTS[index])

    def open_tile(self, key: str) -> None:
        target = self._tile_lists.get(key)
        if target:
            self.show_list(target)

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
        elif link == "expired":
            self.show_list("expired", self.data.expiry.expired, self.tr("Expired"))
        elif kind == "week":
            start = dt.date.fromisoformat(value)
            rows = next((r for s, _v, r in self.data.expiry.weeks if s == start), [])
            self.show_list("week", rows, self.tr("Expiring in the week of {0}").format(value))
        elif kind == "abc":
            rows = [r for r in self.data.abc.rows if r.abc_class == value]
            self.show_list("abc", rows, self.tr("Class {0} items").format(value))
        elif kind in ("ageing", "ageing-other"):
            category, _, bucket = value.rpartition("|") if kind == "ageing" else ("", "", value)
            cats = list(self.data.ageing.by_category())
            shown = set(cats[:9] if len(cats) > 10 else cats)
            rows = [
                a
                for a in self.data.ageing.batches
                if a.bucket == bucket
                and (
                    a.batch.category == category
                    if kind == "ageing"
                    else a.batch.category not in shown
                )
            ]
            label = (category or self.tr("(no category)")) if kind == "ageing" else self.tr("Other")
            self.show_list("ageing", rows, self.tr("{0}: {1} days").format(label, bucket))

    def _open_row(self, row: Any) -> None:
        sku = getattr(row, "sku", None) or getattr(getattr(row, "batch", None), "sku", None)
        if sku:
            self.open_item(sku)

    def open_item(self, sku: str) -> None:
        from inventory_app.ui.dialogs.item_detail import ItemDetailDialog

        item = catalog.find_item(self.ctx.db, sku) if self.ctx.db else None
        if item is not None:
            ItemDetailDialog(self.ctx, item.id, parent=self).exec()
