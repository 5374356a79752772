"""Stocktakes: the list with status and progress; start, count, sheets, review and approve."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import Changes
from inventory_app.domain.stocktake import scope_label
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake import StocktakeInfo
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.errors import show_error
from inventory_app.ui.models.paged import MUTED, Column, RowsModel
from inventory_app.ui.pages.base import Page
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.widgets.format import status_text
from inventory_app.ui.widgets.table import DataTable


class StocktakesModel(RowsModel):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(
            [
                Column(
                    "id",
                    QCoreApplication.translate("StocktakesModel", "No."),
                    lambda r: str(r.id),
                    numeric=True,
                    width=50,
                ),
                Column(
                    "name",
                    QCoreApplication.translate("StocktakesModel", "Name"),
                    lambda r: r.name,
                    width=260,
                ),
                Column(
                    "scope",
                    QCoreApplication.translate("StocktakesModel", "Scope"),
                    lambda r: scope_label(r.scope),
                    width=140,
                ),
                Column(
                    "blind",
                    QCoreApplication.translate("StocktakesModel", "Blind"),
                    lambda r: (
                        QCoreApplication.translate("StocktakesModel", "blind") if r.blind else ""
                    ),
                    width=60,
                ),
                Column(
                    "status",
                    QCoreApplication.translate("StocktakesModel", "Status"),
                    lambda r: status_text(r.status.value),
                    width=100,
                ),
                Column(
                    "progress",
                    QCoreApplication.translate("StocktakesModel", "Counted"),
                    lambda r: f"{r.counted} / {r.lines}",
                    numeric=True,
                    width=90,
                ),
                Column(
                    "started",
                    QCoreApplication.translate("StocktakesModel", "Started"),
                    lambda r: r.started_at[:16].replace("T", " "),
                    width=140,
                ),
                Column(
                    "approver",
                    QCoreApplication.translate("StocktakesModel", "Approved by"),
                    lambda r: r.approver or "",
                    width=120,
                ),
            ],
            parent,
        )
        self.ctx = ctx

    def reload(self) -> None:
        self.set_rows(st.list_stocktakes(self.ctx.db) if self.ctx.db is not None else [])

    def foreground(self, row: StocktakeInfo, column: Column) -> QColor | None:
        return MUTED if row.status.value == "cancelled" else None


class StocktakesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StocktakesModel(ctx, self)
        self.table = DataTable(self.model, state_key="stocktakes")
        self.tables = (self.table,)
        self.new_button = QPushButton(self.tr("New stocktake…"))
        self.count_button = QPushButton(self.tr("Count…"))
        self.review_button = QPushButton(self.tr("Review && approve…"))
        self.sheet_button = QPushButton(self.tr("Count sheet…"))
        self.import_button = QPushButton(self.tr("Import sheet…"))
        self.report_button = QPushButton(self.tr("Report…"))
        self.cancel_button = QPushButton(self.tr("Cancel stocktake"))
        for button, action in (
            (self.new_button, "stocktake_start"),
            (self.count_button, "count"),
            (self.import_button, "count"),
            (self.cancel_button, "stocktake_cancel"),
            (self.sheet_button, "count"),
            (self.report_button, "export"),
        ):
            ops.gate(self.ctx, button, action)
        self.hint = QLabel(
            self.tr(
                "Start a stocktake to snapshot the books; the shop can keep selling while you "
                "count. Double-click a stocktake to count it (or review it once closed)."
            )
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)

        bar = QHBoxLayout()
        for b in (
            self.new_button,
            self.count_button,
            self.review_button,
            self.sheet_button,
            self.import_button,
            self.report_button,
            self.cancel_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

        self.new_button.clicked.connect(self.new_stocktake)
        self.count_button.clicked.connect(lambda: self.open_count(self.table.current_row()))
        self.review_button.clicked.connect(lambda: self.open_review(self.table.current_row()))
        self.sheet_button.clicked.connect(self.export_sheet)
        self.import_button.clicked.connect(self.import_sheet)
        self.report_button.clicked.connect(self.export_report)
        self.cancel_button.clicked.connect(self.cancel_stocktake)
        self.table.row_activated.connect(self._activated)
        self.table.current_changed.connect(lambda _row: self._enable())
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_stocktake)
        self._enable()

    # -- data -----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.model.reload()
        if self.table.current_row() is None:
            self.table.select_row(0)
        self._enable()

    def is_loaded(self) -> bool:
        return super().is_loaded() and self.model.is_loaded()

    def wants(self, changes: Changes) -> bool:
        return bool(changes.stocktakes or changes.catalog or changes.items)

    def _enable(self) -> None:
        row: StocktakeInfo | None = self.table.current_row()
        is_open = row is not None and row.open
        for b in (self.count_button, self.sheet_button, self.import_button, self.cancel_button):
            ops.set_enabled(self.ctx, b, is_open)
        self.review_button.setEnabled(row is not None)
        ops.set_enabled(self.ctx, self.report_button, row is not None)
        self.review_button.setText(
            self.tr("Review && approve…") if is_open or row is None else self.tr("Review…")
        )

    # -- actions --------------------------------------------------------------------------------

    def new_stocktake(self) -> None:
        if self.ctx.db is None:
            return
        from inventory_app.ui.dialogs.stocktake.start import StartStocktakeDialog

        dialog = StartStocktakeDialog(self.ctx, parent=self)  # it writes through ops
        if dialog.exec() and dialog.changes is not None:
            self.refresh_if_stale()
            sid = next(iter(dialog.changes.stocktakes))
            self.table.select_row(self.model.row_of_id(sid))
            self.open_count(self.table.current_row())

    def _activated(self, row: StocktakeInfo) -> None:
        if row.open:
            self.open_count(row)
        else:
            self.open_review(row)

    def open_count(self, row: StocktakeInfo | None) -> None:
        if row is None or not row.open:
            return
        from inventory_app.ui.dialogs.stocktake.count import CountDialog

        CountDialog(self.ctx, row.id, parent=self).exec()

    def open_review(self, row: StocktakeInfo | None) -> None:
        if row is None:
            return
        from inventory_app.ui.dialogs.stocktake.review import ReviewDialog

        ReviewDialog(self.ctx, row.id, parent=self).exec()

    def export_sheet(self) -> None:
        row: StocktakeInfo | None = self.table.current_row()
        if row is None:
            return
        path = file_dialogs.save_file(
            self,
            file_dialogs.SHEETS,
            self.tr("Save count sheet"),
            f"count-sheet-{row.id}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is not None:
            self.write_sheet(row.id, path)

    def write_sheet(self, stocktake_id: int, path: Path) -> bool:
        from inventory_app.services.stocktake import sheet as stocktake_sheet

        try:
            stocktake_sheet.export_sheet(self.ctx.db, stocktake_id, path)
        except InventoryError as exc:
            show_error(self, exc)
            return False
        return True

    def import_sheet(self) -> None:
        row: StocktakeInfo | None = self.table.current_row()
        if row is None:
            return
        path = file_dialogs.open_file(
            self,
            file_dialogs.SHEETS,
            self.tr("Import count sheet"),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods)"),
        )
        if path is not None:
            self.read_sheet(row.id, path)

    def read_sheet(self, stocktake_id: int, path: Path) -> bool:
        from inventory_app.services.stocktake import sheet as stocktake_sheet

        result = ops.write(
            self,
            self.ctx,
            lambda db: stocktake_sheet.import_sheet(
                db, stocktake_id, path, counter=self.ctx.operator
            ),
        )
        if result is None:
            return False
        self.hint.setText(
            self.tr("{0} counts imported from {1} ({2} lines added).").format(
                result.counts, path.name, result.added_lines
            )
        )
        return True

    def export_report(self) -> None:
        row: StocktakeInfo | None = self.table.current_row()
        if row is None:
            return
        path = file_dialogs.save_file(
            self,
            file_dialogs.EXPORTS,
            self.tr("Save stocktake report"),
            f"stocktake-{row.id}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return
        from inventory_app.services.stocktake import report as stocktake_report

        try:
            stocktake_report.write_report(self.ctx.db, row.id, Path(path))
        except InventoryError as exc:
            show_error(self, exc)

    def cancel_stocktake(self) -> None:
        row: StocktakeInfo | None = self.table.current_row()
        if row is None or not row.open:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel stocktake"),
            self.tr("Cancel stocktake {0} ({1})? Nothing is posted; its counts are kept.").format(
                row.id, row.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.write(self, self.ctx, lambda db: st.cancel(db, row.id))
