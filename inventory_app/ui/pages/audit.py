"""The Audit page: who did what, when and from where, filtered by dates and user."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import Changes
from inventory_app.services import audit
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.pages.base import Page, refill_choices


def action_text(action: str) -> str:
    """An audit action in words (unknown ones as recorded)."""
    words = {
        "post": QCoreApplication.translate("AuditPage", "Posted a document"),
        "reverse": QCoreApplication.translate("AuditPage", "Reversal"),
        "close_period": QCoreApplication.translate("AuditPage", "Closed a period"),
        "settings": QCoreApplication.translate("AuditPage", "Changed settings"),
        "stocktake_start": QCoreApplication.translate("AuditPage", "Started a stocktake"),
        "stocktake_approve": QCoreApplication.translate("AuditPage", "Approved a stocktake"),
        "stocktake_cancel": QCoreApplication.translate("AuditPage", "Cancelled a stocktake"),
        "count_sheet": QCoreApplication.translate("AuditPage", "Imported a count sheet"),
        "import": QCoreApplication.translate("AuditPage", "Import"),
        "journal_import": QCoreApplication.translate("AuditPage", "Imported a journal"),
        "opening_import": QCoreApplication.translate("AuditPage", "Imported opening stock"),
        "item.add": QCoreApplication.translate("AuditPage", "Added items"),
        "item.edit": QCoreApplication.translate("AuditPage", "Edited items"),
        "item.active": QCoreApplication.translate("AuditPage", "Restored an item"),
        "item.inactive": QCoreApplication.translate("AuditPage", "Archived an item"),
        "location.add": QCoreApplication.translate("AuditPage", "Added a location"),
        "export": QCoreApplication.translate("AuditPage", "Exported"),
        "backup": QCoreApplication.translate("AuditPage", "Backed up"),
        "restore": QCoreApplication.translate("AuditPage", "Restored a backup"),
        "sign_in": QCoreApplication.translate("AuditPage", "Signed in"),
        "pin.failed": QCoreApplication.translate("AuditPage", "Wrong PIN"),
        "recovery.failed": QCoreApplication.translate("AuditPage", "Wrong recovery code"),
        "recovery.used": QCoreApplication.translate("AuditPage", "Used the recovery code"),
        "user.add": QCoreApplication.translate("AuditPage", "Added a user"),
        "user.pin": QCoreApplication.translate("AuditPage", "Changed a PIN"),
        "user.disable": QCoreApplication.translate("AuditPage", "Disabled a user"),
        "triggers_restored": QCoreApplication.translate(
            "AuditPage", "Restored protecting triggers"
        ),
    }
    return words.get(action, action)


def source_text(source: str) -> str:
    return {
        "app": QCoreApplication.translate("AuditPage", "App"),
        "cli": QCoreApplication.translate("AuditPage", "Command line"),
        "import": QCoreApplication.translate("AuditPage", "Import"),
    }.get(source, source)


class AuditPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-30))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.reload())
        self.user = QComboBox()
        self.user.currentIndexChanged.connect(lambda _i: self.reload())
        self.problem = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.start)
        filters.addWidget(QLabel(self.tr("To")))
        filters.addWidget(self.end)
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.user)
        filters.addStretch(1)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Role"), self.tr("Source"),
             self.tr("Action"), self.tr("What")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table)

    def wants(self, changes: Changes) -> bool:
        return True  # every act adds to the trail

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        refill_choices(self.user, self.tr("Everyone"), [(n, n) for n in audit.user_names(db)])
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        try:
            rows = audit.entries(db, start=start, end=end, user=self.user.currentData())
        except InventoryError as exc:
            self.problem.setText(str(exc))
            rows = []
        else:
            self.problem.clear()
        rows.reverse()  # newest first
        self.table.setRowCount(len(rows))
        for n, e in enumerate(rows):
            cells = (
                e.at.replace("T", " ")[:19], e.user, ops.role_name(e.role), source_text(e.source),
                action_text(e.action), e.object,
            )  # fmt: skip
            for col, text in enumerate(cells):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
