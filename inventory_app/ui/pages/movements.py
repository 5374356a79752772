"""Movements: the journal, filtered; a movement's allocations; reversing a movement."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.model import Changes
from inventory_app.services.browse.movements import MovementFilter, MovementRow
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.models.movements import AllocationsModel, MovementsModel
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets.format import (
    MOVEMENT_TYPES,
    cost_text,
    date_text,
    money_text,
    qty_text,
    type_text,
)
from inventory_app.ui.widgets.search_box import FilterBox, SearchBox
from inventory_app.ui.widgets.table import DataTable

NO_DATE = QDate(2000, 1, 1)  # the date edits' "no bound" value, shown as "—"


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def period_dates(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(from, to) of a preset period; None: no bound."""
    first = today.replace(day=1)
    if period == "today":
        return today, today
    if period == "7d":
        return today - dt.timedelta(days=6), today
    if period == "month":
        return first, today
    if period == "last_month":
        end = first - dt.timedelta(days=1)
        return end.replace(day=1), end
    if period == "year":
        return today.replace(month=1, day=1), today
    return None, None


def _set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(NO_DATE if value is None else QDate(value))


def _py_date(edit: QDateEdit) -> dt.date | None:
    q = edit.date()
    return None if q == NO_DATE else q.toPython()


class MovementsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = MovementsModel(ctx, self)
        self.allocations = AllocationsModel(ctx, self)
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        ops.gate(self.ctx, self.reverse_button, "reverse")
        self.table = DataTable(self.model, state_key="movements")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alloc_table = DataTable(self.allocations, state_key="allocations")
        self.tables = (self.table, self.alloc_table)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        layout.addWidget(self._build_split(), 1)
        self.search_box = self.item

        self.period.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._dates_edited)
        self.type.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for box in (self.item, self.reference, self.operator):
            box.search_changed.connect(lambda _t: self.apply_filter())
            box.down_pressed.connect(self.table.enter_from_search)
        self.table.current_changed.connect(self.show_detail)
        self.table.row_activated.connect(self.show_detail)
        self.reverse_button.clicked.connect(self.reverse_current)
        self.show_detail(None)

    def _build_filter_bar(self) -> QHBoxLayout:
        """Period and dates, type, item, reference and operator; Reverse."""
        self.period = QComboBox()
        for key, text in (
            ("all", self.tr("All dates")),
            ("today", self.tr("Today")),
            ("7d", self.tr("Last 7 days")),
            ("month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("year", self.tr("This year")),
            ("custom", self.tr("Dates:")),
        ):
            self.period.addItem(text, key)
        self.start = _date_edit()
        self.end = _date_edit()
        self.type = QComboBox()
        self.type.addItem(self.tr("All types"), None)
        for t in MOVEMENT_TYPES:
            self.type.addItem(type_text(t), t)
        self.item = SearchBox(self.tr("Item: name, code, pinyin (Ctrl+F)"))
        self.item.setMinimumWidth(200)
        self.reference = FilterBox(self.tr("Reference…"))
        self.operator = FilterBox(self.tr("Operator…"))
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.end)
        bar.addWidget(self.type)
        bar.addWidget(self.item, 3)
        bar.addWidget(self.reference, 1)
        bar.addWidget(self.operator, 1)
        bar.addWidget(self.reverse_button)
        return bar

    def _build_split(self) -> QSplitter:
        """The journal above the selected movement's detail and allocations."""
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.alloc_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([560, 150])  # proportions: the journal gets most of the height
        return split

    def _period_chosen(self) -> None:
        key = self.period.currentData()
        if key == "custom":
            return
        start, end = period_dates(key, dt.date.today())
        for edit, value in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            _set_date(edit, value)
            edit.blockSignals(False)
        self.apply_filter()

    def _dates_edited(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> MovementFilter:
        return MovementFilter(
            start=_py_date(self.start),
            end=_py_date(self.end),
            type=self.type.currentData(),
            item=self.item.text().strip(),
            reference=self.reference.text().strip(),
            operator=self.operator.text().strip(),
        )

    def apply_filter(self) -> None:
        if self.ctx.db is not None:
            self.model.set_filter(self.current_filter())

    def reload(self) -> None:
        self.model.filter = self.current_filter()
        self.model.reload(keep_rows=True)
        if self.table.current_row() is None:
            self.table.select_row(0)
        self.show_detail(self.table.current_row())

    def is_loaded(self) -> bool:
        return super().is_loaded() and self.model.is_loaded()

    def wants(self, changes: Changes) -> bool:
        return bool(changes.movements or changes.catalog)

    def show_detail(self, row: MovementRow | None) -> None:
        self.allocations.show_movement(row)
        ops.set_enabled(
            self.ctx,
            self.reverse_button,
            row is not None and row.type != "reversal" and row.reversed_by is None,
        )
        if row is None:
            self.detail.setText(self.tr("Select a movement to see which batches it used."))
            return
        parts = [
            self.tr("<b>No. {0}</b> · {1} · {2}").format(
                row.id, date_text(row.date), type_text(row.type)
            ),
            f"{row.sku} {row.name}",
            f"{qty_text(row.qty)} {row.unit} · {self.ctx.currency} {money_text(row.value)}",
        ]
        if row.unit_cost is not None:
            parts.append(self.tr("unit cost {0}").format(cost_text(row.unit_cost)))
        if row.reversed_by:
            parts.append(self.tr("reversed by No. {0}").format(row.reversed_by))
        self.detail.setText(" · ".join(parts))

    def reverse_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        from inventory_app.ui.dialogs.reverse import ReverseDialog

        ReverseDialog(self.ctx, row.id, parent=self).exec()
