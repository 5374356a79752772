"""The count view, made for a barcode scanner: a scanner types a code and Enter.

Each scan adds the quantity in the big field (1 unless typed otherwise; it goes back to 1
after the scan). The line just counted is highlighted; an unknown code is flagged in red
with a beep; an item outside the scope is offered to be added; batch-counted items ask for
the batch, expiry shown. A GS1 scan counts its item, batch and quantity; a case's barcode
counts one case (24 瓶). Blind stocktakes never show the expected quantity.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain import gs1, money
from inventory_app.domain.errors import InventoryError
from inventory_app.services import buying, catalog
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake import ReviewLine
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.scanner import ScannerDialog
from inventory_app.ui.models.paged import MUTED, Column, RowsModel
from inventory_app.ui.widgets.format import date_text, location_text, qty_text
from inventory_app.ui.widgets.table import DataTable

HIGHLIGHT = QColor("#d7f5dd")
OK_STYLE = "QLabel { background: #d7f5dd; color: #0d5c1f; padding: 8px; border-radius: 4px; }"
BAD_STYLE = "QLabel { background: #fde7e6; color: #b3261e; padding: 8px; border-radius: 4px; }"


class CountLinesModel(RowsModel):
    """The stocktake's lines as the counter sees them (no expected column when blind)."""

    def __init__(self, *, blind: bool, parent=None) -> None:
        columns = [
            Column(
                "location",
                QCoreApplication.translate("CountDialog", "Location"),
                lambda r: location_text(r.location),
                width=110,
            ),
            Column(
                "sku", QCoreApplication.translate("CountDialog", "Code"), lambda r: r.sku, width=110
            ),
            Column(
                "name",
                QCoreApplication.translate("CountDialog", "Name"),
                lambda r: r.name,
                width=240,
            ),
            Column(
                "batch",
                QCoreApplication.translate("CountDialog", "Batch"),
                lambda r: r.batch,
                width=120,
            ),
            Column(
                "expiry",
                QCoreApplication.translate("CountDialog", "Expiry"),
                lambda r: date_text(r.expiry),
                width=95,
            ),
        ]
        if not blind:
            columns.append(
                Column(
                    "expected",
                    QCoreApplication.translate("CountDialog", "Expected"),
                    lambda r: qty_text(r.expected_qty),
                    numeric=True,
                    width=90,
                )
            )
        columns += [
            Column(
                "counted",
                QCoreApplication.translate("CountDialog", "Counted"),
                lambda r: qty_text(r.counted_qty),
                numeric=True,
                width=90,
            ),
            Column(
                "counters",
                QCoreApplication.translate("CountDialog", "Counters"),
                lambda r: r.counters,
                width=140,
            ),
        ]
        super().__init__(columns, parent)
        self.highlight: int | None = None

    def background(self, row: ReviewLine, column: Column) -> QColor | None:
        return HIGHLIGHT if row.line_id == self.highlight else None

    def foreground(self, row: ReviewLine, column: Column) -> QColor | None:
        return MUTED if not row.counted and row.line_id != self.highlight else None


class _Scan(NamedTuple):
    """A scan read: the item's code, the quantity in stock units, the scanned batch, and a
    note of the packs scanned ("" when counted in stock units)."""

    code: str
    qty: Decimal
    batch: str | None
    note: str


class CountDialog(ScannerDialog):
    def __init__(self, ctx: AppContext, stocktake_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id = stocktake_id
        self.info = st.get(ctx.db, stocktake_id)
        self.setWindowTitle(self.tr("Count: {0}").format(self.info.name))
        self.resize(1000, 680)
        self.last_problem = ""  # for tests and screen readers: what the red banner says

        title = QLabel(self.info.name + (self.tr("  —  blind count") if self.info.blind else ""))
        title.setObjectName("heading")
        self.progress = QLabel()
        self.message = QLabel(self.tr("Ready to scan."))
        self.message.setWordWrap(True)
        self.model = CountLinesModel(blind=self.info.blind, parent=self)
        self.table = DataTable(self.model, state_key="stocktake_count")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.progress)
        layout.addLayout(self._build_scan_bar())
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self.scan.returnPressed.connect(self.submit)
        self.qty.returnPressed.connect(self.scan.setFocus)
        self.reload()
        self.scan.setFocus()

    def _build_scan_bar(self) -> QGridLayout:
        """Where and who counts; the quantity of the next scan, the code field, Recount."""
        self.location = QComboBox()
        self._fill_locations()
        self.counter = QLineEdit(self.ctx.operator)
        self.counter.setPlaceholderText(self.tr("Your name"))
        big = QFont(self.font())
        big.setPointSize(max(20, big.pointSize() * 2))
        self.qty = QLineEdit("1")
        self.qty.setFont(big)
        self.qty.setMaximumWidth(160)
        self.qty.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty.setToolTip(self.tr("Quantity added by the next scan; back to 1 after it"))
        self.scan = QLineEdit()
        self.scan.setFont(big)
        self.scan.setPlaceholderText(self.tr("Scan or type a code, then Enter"))
        self.recount = QPushButton(self.tr("Recount next line"))
        self.recount.setCheckable(True)
        self.recount.setToolTip(
            self.tr("The next count replaces the line's earlier counts (they stay in the history)")
        )
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Counting at")), 0, 0)
        grid.addWidget(self.location, 0, 1)
        grid.addWidget(QLabel(self.tr("Counter")), 0, 2)
        grid.addWidget(self.counter, 0, 3)
        grid.addWidget(QLabel(self.tr("Quantity")), 1, 0)
        grid.addWidget(self.qty, 1, 1)
        grid.addWidget(QLabel(self.tr("Code")), 1, 2)
        grid.addWidget(self.scan, 1, 3)
        grid.addWidget(self.recount, 1, 4)
        grid.setColumnStretch(3, 1)
        return grid

    def _fill_locations(self) -> None:
        """The shop's active locations; only the scope's one for a location stocktake."""
        scope = self.info.scope
        scope_location = scope.partition(":")[2] if scope.startswith("location:") else ""
        for loc in catalog.list_locations(self.ctx.db):
            if loc.active and (
                not scope_location or loc.name.casefold() == scope_location.casefold()
            ):
                self.location.addItem(location_text(loc.name), loc.name)

    # -- data -----------------------------------------------------------------------------------

    def reload(self) -> None:
        rv = st.review(self.ctx.db, self.stocktake_id)
        self.model.set_rows(rv.lines)
        info = rv.stocktake
        self.progress.setText(self.tr("{0} of {1} lines counted").format(info.counted, info.lines))
        if self.model.highlight is not None:
            row = self.model.row_of_id(self.model.highlight)
            self.table.select_row(row)
            if row >= 0:
                self.table.scrollTo(self.model.index(row, 0))

    # -- scanning -------------------------------------------------------------------------------

    def _flag(self, text: str) -> None:
        self.last_problem = text
        self.message.setStyleSheet(BAD_STYLE)
        self.message.setText(text)
        QApplication.beep()
        self.scan.selectAll()
        self.scan.setFocus()

    def _ok(self, text: str) -> None:
        self.last_problem = ""
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)
        self.scan.clear()
        self.scan.setFocus()

    def submit(self) -> None:
        """Count what was scanned (the scanner's Enter, or the clerk's)."""
        code = self.scan.text().strip()
        if not code:
            return
        try:
            qty = money.parse_qty(self.qty.text() or "1", what="quantity")
        except InventoryError as exc:
            self._flag(str(exc))
            return
        if qty < 0:
            self._flag(self.tr("A count cannot be negative; use Recount to correct a line."))
            return
        location = self.location.currentData()
        try:
            scan = self._read_scan(code, qty)
            code, qty = scan.code, scan.qty
            target = st.count_target(self.ctx.db, self.stocktake_id, code=code, location=location)
        except InventoryError as exc:
            self._flag(str(exc))
            return
        if target is None:
            self._flag(self.tr("Unknown code {0}: no item has this code or barcode.").format(code))
            return
        add = False
        if not target.in_scope:
            answer = QMessageBox.question(
                self,
                self.tr("Not in this stocktake"),
                self.tr(
                    "{0} {1} is not in the scope of this stocktake. Add it and count it?"
                ).format(target.sku, target.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._flag(self.tr("{0} was not counted: outside the scope.").format(target.sku))
                return
            add = True
        batch = None
        if target.per_batch:
            batch = scan.batch or self._choose_batch(target)  # a GS1 scan names its batch
            if batch is None:
                self._flag(self.tr("{0} was not counted: no batch chosen.").format(target.sku))
                return
        self.record(target.sku, qty, batch=batch, location=location, add=add, note=scan.note)

    def _read_scan(self, code: str, qty: Decimal) -> _Scan:
        """What a scan counts: a GS1-128 / DataMatrix scan names its item (or case), batch and
        quantity (its own, else the typed one); a pack's barcode counts packs. Quantities in
        packs become stock units exactly (1 箱 = 24 瓶); the note says what was scanned."""
        db = self.ctx.db
        pack: str | None = None
        batch: str | None = None
        if gs1.looks_like_gs1(code):
            line = buying.read_scan(db, code)
            code, pack, batch = line.sku, line.pack, line.batch
            qty = line.qty if line.qty is not None else qty
        elif catalog.find_item(db, code) is None:
            case = buying.pack_for_barcode(db, code)
            if case is not None:
                code, pack = case[0], case[1].name
        if not pack:
            return _Scan(code, qty, batch, "")
        units = buying.stock_qty_of(db, code, qty, pack)
        note = self.tr(" ({0} {1})").format(qty_text(qty), pack)
        return _Scan(code, units, batch, note)

    def _choose_batch(self, target: st.CountTarget) -> str | None:
        if len(target.batches) == 1:
            return target.batches[0][0]
        labels = [
            self.tr("{0}  (expires {1})").format(code, date_text(expiry)) if expiry else code
            for code, expiry in target.batches
        ]
        other = self.tr("Another batch…")
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Which batch?"),
            self.tr("{0} {1} is counted per batch. Batch:").format(target.sku, target.name),
            [*labels, other],
            0,
            False,
        )
        if not ok:
            return None
        if choice != other:
            return target.batches[labels.index(choice)][0]
        code, ok = QInputDialog.getText(self, self.tr("Batch"), self.tr("Batch code:"))
        return code.strip() if ok and code.strip() else None

    def record(
        self,
        sku: str,
        qty: Decimal,
        *,
        batch: str | None,
        location: str | None,
        add: bool,
        note: str = "",
    ) -> None:
        # a refusal goes in the red banner (with a beep); a bug is shown, the view stays usable
        done = ops.write(
            self,
            self.ctx,
            lambda db: st.count(
                db,
                self.stocktake_id,
                code=sku,
                qty=qty,
                batch=batch,
                location=location,
                counter=self.counter.text(),
                recount=self.recount.isChecked(),
                add_to_scope=add,
            ),
            refused=lambda exc: self._flag(str(exc)),
        )
        if done is None:
            return
        self.recount.setChecked(False)
        self.qty.setText("1")
        self.model.highlight = done.line_id
        self.reload()
        where = self.tr(" batch {0}").format(done.batch) if done.batch else ""
        self._ok(
            self.tr("{0}{1} at {2}: +{3}, counted {4}").format(
                done.sku, where, done.location, qty_text(qty) + note, qty_text(done.total)
            )
        )
