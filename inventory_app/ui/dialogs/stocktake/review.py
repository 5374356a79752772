"""Review and approval: expected, counted, variance qty and value per line; filters; a
reason per line; recount; then the approver posts the differences. Uncounted lines need an
explicit choice (leave unchanged / count as zero) — neither is pre-selected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.stocktake import StocktakeReason, Uncounted
from inventory_app.services import stocktake as st
from inventory_app.services.shop import Database
from inventory_app.services.stocktake import Review, ReviewLine
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.scanner import ScannerDialog
from inventory_app.ui.dialogs.stocktake.approval import ApprovalQuestion
from inventory_app.ui.models.paged import AMBER_BG, MUTED, RED, Column, RowsModel
from inventory_app.ui.widgets.format import (
    date_text,
    location_text,
    money_text,
    qty_text,
    status_text,
)
from inventory_app.ui.widgets.search_box import SearchBox
from inventory_app.ui.widgets.table import DataTable


def reason_text(code: str | None) -> str:
    names = {
        "damaged": QCoreApplication.translate("ReviewDialog", "Damaged"),
        "theft": QCoreApplication.translate("ReviewDialog", "Theft"),
        "expired": QCoreApplication.translate("ReviewDialog", "Expired"),
        "data error": QCoreApplication.translate("ReviewDialog", "Data error"),
        "unknown": QCoreApplication.translate("ReviewDialog", "Unknown"),
    }
    return names.get(code or "", code or "")


class ReviewModel(RowsModel):
    def __init__(self, parent=None) -> None:
        # Long by nature: the table of review columns, one literal header each (for lupdate).
        super().__init__(
            [
                Column(
                    "location",
                    QCoreApplication.translate("ReviewDialog", "Location"),
                    lambda r: location_text(r.location),
                    width=100,
                ),
                Column(
                    "sku",
                    QCoreApplication.translate("ReviewDialog", "Code"),
                    lambda r: r.sku,
                    width=100,
                ),
                Column(
                    "name",
                    QCoreApplication.translate("ReviewDialog", "Name"),
                    lambda r: r.name,
                    width=200,
                ),
                Column(
                    "batch",
                    QCoreApplication.translate("ReviewDialog", "Batch"),
                    lambda r: r.batch,
                    width=100,
                ),
                Column(
                    "expiry",
                    QCoreApplication.translate("ReviewDialog", "Expiry"),
                    lambda r: date_text(r.expiry),
                    width=90,
                ),
                Column(
                    "expected",
                    QCoreApplication.translate("ReviewDialog", "Expected"),
                    lambda r: qty_text(r.expected_qty),
                    numeric=True,
                    width=80,
                ),
                Column(
                    "counted",
                    QCoreApplication.translate("ReviewDialog", "Counted"),
                    lambda r: qty_text(r.counted_qty),
                    numeric=True,
                    width=80,
                ),
                Column(
                    "variance",
                    QCoreApplication.translate("ReviewDialog", "Variance"),
                    lambda r: qty_text(r.variance_qty),
                    numeric=True,
                    width=80,
                ),
                Column(
                    "value",
                    QCoreApplication.translate("ReviewDialog", "Value"),
                    lambda r: money_text(r.variance_value),
                    numeric=True,
                    width=90,
                ),
                Column(
                    "flag",
                    QCoreApplication.translate("ReviewDialog", "Flag"),
                    lambda r: (
                        QCoreApplication.translate("ReviewDialog", "recount") if r.flagged else ""
                    ),
                    width=70,
                ),
                Column(
                    "reason",
                    QCoreApplication.translate("ReviewDialog", "Reason"),
                    lambda r: reason_text(r.reason),
                    width=90,
                ),
                Column(
                    "counters",
                    QCoreApplication.translate("ReviewDialog", "Counters"),
                    lambda r: r.counters,
                    width=120,
                ),
            ],
            parent,
        )

    def foreground(self, row: ReviewLine, column: Column) -> QColor | None:
        if not row.counted and row.outcome != "zero":
            return MUTED
        if column.key in ("variance", "value") and (row.variance_qty or 0) < 0:
            return RED
        return None

    def background(self, row: ReviewLine, column: Column) -> QColor | None:
        return AMBER_BG if row.flagged else None


class ReviewDialog(ScannerDialog):
    def __init__(self, ctx: AppContext, stocktake_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id = stocktake_id
        self.review: Review | None = None
        self.resize(1180, 720)
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.model = ReviewModel(self)
        self.table = DataTable(self.model, state_key="stocktake_review")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_line_bar())
        layout.addWidget(self._build_approval())
        layout.addWidget(buttons)

        self.search.search_changed.connect(lambda _t: self.apply_filter())
        for w in (self.variance_only, self.flagged_only, self.uncounted_only):
            w.toggled.connect(lambda _on: self.apply_filter())
        self.table.current_changed.connect(self._line_selected)
        self.line_reason.activated.connect(lambda _i: self.set_reason())
        self.recount_button.clicked.connect(self.recount)
        self.approve_button.clicked.connect(self.approve)
        self.reload()

    def _build_filters(self) -> QHBoxLayout:
        self.search = SearchBox(self.tr("Code or name…"))
        self.variance_only = QCheckBox(self.tr("Variance only"))
        self.flagged_only = QCheckBox(self.tr("Flagged"))
        self.uncounted_only = QCheckBox(self.tr("Uncounted"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for w in (self.variance_only, self.flagged_only, self.uncounted_only):
            filters.addWidget(w)
        return filters

    def _build_line_bar(self) -> QHBoxLayout:
        """The selected line's reason and Recount; the totals."""
        self.totals = QLabel()
        self.line_reason = QComboBox()
        self.line_reason.addItem(self.tr("(approval's reason)"), None)
        for r in StocktakeReason:
            self.line_reason.addItem(reason_text(r.value), r.value)
        self.recount_button = QPushButton(self.tr("Recount line…"))
        line_bar = QHBoxLayout()
        line_bar.addWidget(QLabel(self.tr("Reason for the selected line")))
        line_bar.addWidget(self.line_reason)
        line_bar.addWidget(self.recount_button)
        line_bar.addStretch(1)
        line_bar.addWidget(self.totals)
        return line_bar

    def _build_approval(self) -> QGroupBox:
        """Approver, the reason for the other lines, what uncounted lines mean, Approve."""
        self.approval = QGroupBox(self.tr("Approve"))
        self.approver = QLineEdit(self.ctx.operator)
        self.approver.setPlaceholderText(self.tr("Approver's name"))
        self.leave = QRadioButton(self.tr("Leave uncounted lines unchanged"))
        self.zero = QRadioButton(self.tr("Count uncounted lines as zero"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.leave)
        self.choice.addButton(self.zero)
        self.default_reason = QComboBox()
        for r in StocktakeReason:
            self.default_reason.addItem(reason_text(r.value), r.value)
        self.default_reason.setCurrentIndex(len(StocktakeReason) - 1)  # unknown
        self.approve_button = QPushButton(self.tr("Approve and post differences"))
        ops.gate(self.ctx, self.approve_button, "stocktake_approve")
        box = QVBoxLayout(self.approval)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Approver")))
        row.addWidget(self.approver, 1)
        row.addWidget(QLabel(self.tr("Reason for other lines")))
        row.addWidget(self.default_reason)
        box.addLayout(row)
        self.uncounted_row = QWidget()
        uncounted = QHBoxLayout(self.uncounted_row)
        uncounted.setContentsMargins(0, 0, 0, 0)
        uncounted.addWidget(self.leave)
        uncounted.addWidget(self.zero)
        uncounted.addStretch(1)
        box.addWidget(self.uncounted_row)
        box.addWidget(self.approve_button)
        return self.approval

    # -- data -----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.review = st.review(self.ctx.db, self.stocktake_id)
        info = self.review.stocktake
        status = status_text(info.status.value)
        self.setWindowTitle(self.tr("Review: {0}").format(info.name))
        self.title.setText(
            self.tr("{0}  —  {1}, {2} of {3} lines counted").format(
                info.name, status, info.counted, info.lines
            )
            + (self.tr("  —  approved by {0}").format(info.approver) if info.approver else "")
        )
        missing = sum(1 for x in self.review.lines if not x.counted)
        self.uncounted_row.setVisible(info.open and missing > 0)
        self.leave.setText(self.tr("Leave the {0} uncounted lines unchanged").format(missing))
        self.zero.setText(self.tr("Count the {0} uncounted lines as zero").format(missing))
        self.approval.setVisible(info.open)
        self.line_reason.setEnabled(info.open)
        self.recount_button.setEnabled(info.open)
        gains, losses = self.review.gains, self.review.losses
        self.totals.setText(
            self.tr("Gains {0}   Losses {1}   Net {2}").format(
                self._money(gains), self._money(losses), self._money(gains - losses)
            )
        )
        self.apply_filter()

    def _money(self, amount) -> str:
        sign = "-" if amount < 0 else ""
        return f"{sign}{self.ctx.currency}{money_text(abs(amount))}"

    def visible_lines(self) -> list[ReviewLine]:
        if self.review is None:
            return []
        text = self.search.text().strip().casefold()
        out = []
        for x in self.review.lines:
            if self.variance_only.isChecked() and not x.variance_qty:
                continue
            if self.flagged_only.isChecked() and not x.flagged:
                continue
            if self.uncounted_only.isChecked() and x.counted:
                continue
            if text and text not in x.sku.casefold() and text not in x.name.casefold():
                continue
            out.append(x)
        return out

    def apply_filter(self) -> None:
        self.model.set_rows(self.visible_lines())

    def _line_selected(self, line: ReviewLine | None) -> None:
        index = self.line_reason.findData(line.reason if line else None)
        self.line_reason.setCurrentIndex(max(index, 0))

    # -- actions --------------------------------------------------------------------------------

    def _write(self, call: Callable[[Database], object]) -> bool:
        """A write through ``ops``; the review is read again after it."""
        if ops.write(self, self.ctx, call) is None:
            return False
        self.reload()
        return True

    def set_reason(self) -> None:
        line: ReviewLine | None = self.table.current_row()
        if line is None:
            return
        reason = self.line_reason.currentData()
        self._write(lambda db: st.set_reason(db, self.stocktake_id, line.line_id, reason))

    def recount(self) -> None:
        line: ReviewLine | None = self.table.current_row()
        if line is None:
            return
        where = f"{line.sku} {line.batch}".strip() + f" @ {line.location}"
        text, ok = QInputDialog.getText(
            self,
            self.tr("Recount"),
            self.tr("New count for {0} (replaces the earlier counts):").format(where),
        )
        if not ok or not text.strip():
            return
        self._write(
            lambda db: st.count(
                db,
                self.stocktake_id,
                code=line.sku,
                qty=text.strip(),
                batch=line.batch or None,
                location=line.location,
                counter=self.approver.text(),
                recount=True,
            )
        )

    def confirm_approval(self) -> bool:
        assert self.review is not None
        return ApprovalQuestion(self.review, parent=self).exec() == QMessageBox.StandardButton.Yes

    def uncounted_choice(self) -> Uncounted | None:
        if self.leave.isChecked():
            return Uncounted.UNCHANGED
        if self.zero.isChecked():
            return Uncounted.ZERO
        return None

    def approve(self, *, confirm: bool = True) -> bool:
        assert self.review is not None
        missing = sum(1 for x in self.review.lines if not x.counted)
        choice = self.uncounted_choice()
        if missing and choice is None:
            QMessageBox.information(
                self,
                self.tr("Uncounted lines"),
                self.tr(
                    "{0} lines were not counted. Choose whether they stay unchanged or "
                    "count as zero."
                ).format(missing),
            )
            return False
        if not self.approver.text().strip():
            QMessageBox.information(self, self.tr("Approver"), self.tr("Enter your name."))
            self.approver.setFocus()
            return False
        if confirm and not self.confirm_approval():
            return False
        from inventory_app.services.stocktake.approve import approve

        return self._write(
            lambda db: approve(
                db,
                self.stocktake_id,
                approver=self.approver.text(),
                uncounted=choice,
                reason=self.default_reason.currentData(),
            )
        )
