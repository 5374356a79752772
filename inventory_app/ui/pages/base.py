"""What a page in the main window is: a widget that loads when first shown and refreshes
from ``ctx.data_changed`` (only when visible; otherwise on its next show)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from inventory_app.domain.model import Changes
from inventory_app.ui.app_context import AppContext

if TYPE_CHECKING:
    from inventory_app.ui.widgets.table import DataTable


class Page(QWidget):
    """Base of the main window's pages. Override ``reload`` (and ``is_loaded`` when the data
    arrives later, so that screenshot mode waits for it)."""

    #: tables whose column widths and order are remembered between sessions
    tables: tuple[DataTable, ...] = ()
    #: the page's own search field, where Ctrl+F and a newly opened shop put the cursor
    search_box: QLineEdit | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)

    # -- for subclasses -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the page's data again (keeping the reader's place where possible)."""

    def is_loaded(self) -> bool:
        return not self._stale

    def wants(self, changes: Changes) -> bool:
        """Whether ``changes`` affect this page."""
        return not changes.empty

    def focus_search(self) -> bool:
        """Put the cursor in the page's own search field, if it has one."""
        if self.search_box is None:
            return False
        self.search_box.setFocus()
        self.search_box.selectAll()
        return True

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths and the like."""
        for table in self.tables:
            table.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        """Restore what ``save_state`` kept."""
        for table in self.tables:
            table.restore_state(settings)

    # -- refresh plumbing ---------------------------------------------------------------------

    def _on_data_changed(self, changes: Changes, _initiator: object) -> None:
        if not self.wants(changes):
            return
        self._stale = True
        if self.isVisible():
            # After the slot that posted has returned: one refresh for a burst of signals.
            QTimer.singleShot(0, self, self.refresh_if_stale)

    def refresh_if_stale(self) -> None:
        if self._stale and self.ctx.db is not None:
            self._stale = False
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_stale()


def refill_choices(combo: QComboBox, first: str, entries: Iterable[tuple[str, object]]) -> None:
    """Fill a filter's combo again — ``first`` (data None), then ``entries`` as (text, data) —
    keeping the choice (``first`` when it is gone), without signalling a change."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for text, data in entries:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
