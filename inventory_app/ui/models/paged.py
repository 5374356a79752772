"""A table model that loads pages of rows on demand (``canFetchMore``/``fetchMore``).

Subclasses say how to fetch one page (a service call with keyset paging); sorting and
filtering happen in SQL, so the model never holds more than what was scrolled into view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from inventory_app.services.browse.items import PAGE_SIZE, Cursor, Page

Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

RED = QColor("#b3261e")
AMBER = QColor("#8a5a00")
AMBER_BG = QColor("#fff4d6")
RED_BG = QColor("#fde7e6")
MUTED = QColor("#7a7a7a")

#: the row object behind a table row (``data(index, ROW_ROLE)``)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: the row's id, to keep the selection across refreshes
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str  # already translated
    text: Callable[[Any], str]
    sort: str | None = None  # the service's sort key; None: not sortable
    numeric: bool = False
    width: int = 100


class RowsModel(QAbstractTableModel):
    """Read-only rows of dataclasses shown through ``Column`` definitions."""

    loaded = Signal()

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._loaded = False

    # -- hooks --------------------------------------------------------------------------------

    def foreground(self, row: Any, column: Column) -> QColor | None:
        return None

    def background(self, row: Any, column: Column) -> QColor | None:
        return None

    def tooltip(self, row: Any, column: Column) -> str | None:
        return None

    # -- Qt -----------------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        return self._loaded

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.foreground(row, column)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self.background(row, column)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.numeric else LEFT
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of_id(self, row_id: object) -> int:
        for n, row in enumerate(self.rows):
            if getattr(row, "id", None) == row_id:
                return n
        return -1

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()
        self._loaded = True
        self.loaded.emit()


class PagedModel(RowsModel):
    """Rows fetched page by page. Subclasses implement ``fetch_page(after, limit)``."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(columns, parent)
        self._cursor: Cursor | None = None
        self._more = False
        self.sort_column = 0
        self.descending = False
        self.rows_fetched = 0  # for benchmarks and tests: rows read from the database
        self.pages_fetched = 0

    def fetch_page(self, after: Cursor | None, limit: int) -> Page:
        raise NotImplementedError

    @property
    def sort_key(self) -> str:
        return self.columns[self.sort_column].sort or ""

    def _fetch(self, after: Cursor | None, limit: int) -> Page:
        page = self.fetch_page(after, limit)
        self.rows_fetched += len(page.rows)
        self.pages_fetched += 1
        return page

    def reload(self, *, keep_rows: bool = False) -> None:
        """Fetch again from the first row (``keep_rows``: as many rows as were shown, so that a
        refresh after a posting keeps the reader's place)."""
        limit = PAGE_SIZE
        if keep_rows:
            limit = max(PAGE_SIZE, min(len(self.rows), 20 * PAGE_SIZE))
        page = self._fetch(None, limit)
        self.beginResetModel()
        self.rows = list(page.rows)
        self._cursor = page.cursor
        self._more = page.cursor is not None
        self.endResetModel()
        self._loaded = True
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._fetch(self._cursor, PAGE_SIZE)
        self._cursor = page.cursor
        self._more = page.cursor is not None
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.descending) and self._loaded:
            return
        self.sort_column = column
        self.descending = descending
        self.reload()


class FilteredPagedModel(PagedModel):
    """A paged table over one of the browse services' ``*_page(db, filter, *, sort,
    descending, after, limit)`` queries: subclasses set ``page_query`` and a first
    ``filter``; the open shop comes from ``ctx``."""

    page_query: Callable[..., Page]

    def __init__(self, ctx: Any, columns: Sequence[Column], first_filter: Any, parent=None):
        super().__init__(columns, parent)
        self.ctx = ctx
        self.filter = first_filter

    def set_filter(self, f: Any) -> None:
        if f != self.filter or not self.is_loaded():
            self.filter = f
            self.reload()

    def fetch_page(self, after: Cursor | None, limit: int) -> Page:
        if self.ctx.db is None:
            return Page(rows=[], cursor=None)
        return type(self).page_query(
            self.ctx.db,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            after=after,
            limit=limit,
        )
