"""The table view every page uses: fixed row height, sorting in SQL, remembered columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from inventory_app.ui.models.paged import ID_ROLE, PagedModel, RowsModel


class DataTable(QTableView):
    """A read-only table of a ``RowsModel``. Double-click or Enter emits ``row_activated``."""

    row_activated = Signal(object)
    current_changed = Signal(object)  # the row object under the cursor, or None

    def __init__(self, model: RowsModel, *, state_key: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.state_key = state_key
        self._keep_id: Any = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        # Uniform row heights: never sized to contents, so a million rows cost nothing.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        # A stretched number column would push its figures far from their header.
        header.setStretchLastSection(not model.columns[-1].numeric)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for n, column in enumerate(model.columns):
            header.resizeSection(n, column.width)
        if isinstance(model, PagedModel) and any(c.sort for c in model.columns):
            order = (
                Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(model.sort_column, order)
            header.setSortIndicatorShown(True)
            header.sortIndicatorChanged.connect(self._sort_changed)
            header.setSectionsClickable(True)
        self.doubleClicked.connect(self._activate)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        self.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.current_changed.emit(self.row_at(cur))
        )

    def rows_model(self) -> RowsModel:
        return self.model()  # type: ignore[return-value]

    # -- sorting ------------------------------------------------------------------------------

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        model = self.rows_model()
        assert isinstance(model, PagedModel)
        if model.columns[column].sort is None:
            # Not sortable in SQL (it would sort a million rows): put the indicator back.
            back = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column, back)
            header.blockSignals(False)
            return
        model.sort(column, order)

    # -- rows ---------------------------------------------------------------------------------

    def row_at(self, index: QModelIndex) -> Any:
        return self.rows_model().row_at(index.row()) if index.isValid() else None

    def current_row(self) -> Any:
        return self.row_at(self.currentIndex())

    def selected_rows(self) -> list[Any]:
        """The rows selected (in the table's order), else the current one, else none."""
        model = self.selectionModel()
        picked = sorted({i.row() for i in model.selectedRows()}) if model is not None else []
        rows = [self.rows_model().row_at(r) for r in picked]
        if not rows and self.current_row() is not None:
            rows = [self.current_row()]
        return rows

    def enter_from_search(self) -> None:
        """Down arrow in a search box: focus the table on its first (or current) row."""
        self.setFocus()
        if not self.currentIndex().isValid():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.rows_model().rowCount():
            self.setCurrentIndex(self.rows_model().index(row, 0))

    def _activate(self, index: QModelIndex) -> None:
        row = self.row_at(index)
        if row is not None:
            self.row_activated.emit(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _remember_current(self) -> None:
        index = self.currentIndex()
        self._keep_id = index.data(ID_ROLE) if index.isValid() else None

    def _restore_current(self) -> None:
        if self._keep_id is None:
            return
        row = self.rows_model().row_of_id(self._keep_id)
        self._keep_id = None
        if row >= 0:
            self.select_row(row)

    # -- remembered column widths -------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        if self.state_key:
            settings.setValue(f"columns/{self.state_key}", self.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        if not self.state_key:
            return
        state = settings.value(f"columns/{self.state_key}")
        if isinstance(state, QByteArray | bytes) and state:
            header = self.horizontalHeader()
            header.blockSignals(True)  # widths and order only; the sort stays the model's
            header.restoreState(QByteArray(state))
            model = self.rows_model()
            if isinstance(model, PagedModel):
                order = (
                    Qt.SortOrder.DescendingOrder
                    if model.descending
                    else Qt.SortOrder.AscendingOrder
                )
                header.setSortIndicator(model.sort_column, order)
            header.blockSignals(False)
