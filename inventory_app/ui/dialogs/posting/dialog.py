"""One dialog for every everyday posting: Receive, Issue, Write off, Adjust, Transfer.

Keyboard first: a scanned code + Enter in the item field adds a line (the same item again
adds 1); Enter moves to the next field; Ctrl+Enter posts; Esc cancels. Every change is
checked at once and the batches each line will use are previewed with
``services.stock.preview`` (debounced), so a shortage or an out-of-order batch shows in place.
"""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import Changes, Document, Item, MovementType
from inventory_app.domain.units import Pack
from inventory_app.services import buying, catalog
from inventory_app.services import postings as stock
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.posting import lines as pl
from inventory_app.ui.dialogs.posting import tables
from inventory_app.ui.dialogs.posting.editor import LineEditor
from inventory_app.ui.dialogs.posting.header import HeaderBar
from inventory_app.ui.dialogs.posting.lines import Draft, Header, check, value_of
from inventory_app.ui.widgets.format import money_text
from inventory_app.ui.widgets.item_picker import ItemPicker

T = MovementType
KINDS = (T.RECEIPT, T.ISSUE, T.WRITEOFF, T.ADJUST, T.TRANSFER)
PREVIEW_DELAY_MS = 100
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PostingDialog(QDialog):
    """``PostingDialog(ctx, kind)``: build a document of ``kind`` and post it in one go.

    On success emits ``ctx.data_changed(changes, self)`` and accepts; ``changes`` keeps what
    was posted. Expected problems (``InventoryError``) are shown in the dialog, lines kept.
    """

    def __init__(self, ctx: AppContext, kind: MovementType, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = T(kind)
        if self.kind not in KINDS:
            raise ValueError(f"no posting dialog for {self.kind.value}")
        self.ctx = ctx
        self.db = ctx.db
        self.drafts: list[Draft] = []
        self.changes: Changes | None = None
        self.confirm_box: QMessageBox | None = None  # "discard these lines?" while it shows
        self._discard_ok = False
        self._locations = [loc.name for loc in catalog.list_locations(self.db) if loc.active]
        self._lock_date = stock.lock_date(self.db)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.setWindowTitle(self._title())
        self.setSizeGripEnabled(True)
        self.resize(980, 640)
        self._build()
        self._refresh_all()
        self.item_picker.setFocus()

    def _title(self) -> str:
        return {
            T.RECEIPT: self.tr("Receive goods"),
            T.ISSUE: self.tr("Issue goods"),
            T.WRITEOFF: self.tr("Write off"),
            T.ADJUST: self.tr("Adjust stock"),
            T.TRANSFER: self.tr("Transfer between locations"),
        }[self.kind]

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.head_bar = HeaderBar(
            self.kind, self._locations, lock_date=self._lock_date, parent=self
        )
        self.head_bar.changed.connect(self._on_header_changed)
        self.head_bar.finished.connect(lambda: self.focus(self.item_picker))
        self.date_edit = self.head_bar.date_edit
        root.addWidget(self.head_bar)
        self.item_picker = ItemPicker(self.db, self)
        self.editor = LineEditor(self, self.kind, self.item_picker, self._locations)
        root.addWidget(self.editor)
        root.addWidget(self._build_tables(), 1)
        root.addLayout(self._build_bottom())
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.post)

    def _build_tables(self) -> QSplitter:
        """The document's lines above the batches each line will use."""
        self.lines_table = tables.make_table(
            self,
            [t for _, t in tables.line_columns(self.kind)],
            tables.numeric_columns(self.kind),
        )
        self.lines_table.currentCellChanged.connect(self._on_row_changed)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.lines_table,
            self.remove_line,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        box = QGroupBox(self.tr("Batches to be used"), self)
        if self.kind == T.RECEIPT:
            box.setTitle(self.tr("Batches to be created"))
        box_layout = QVBoxLayout(box)
        self.policy_label = QLabel(box)
        self.policy_label.setWordWrap(True)
        box_layout.addWidget(self.policy_label)
        self.preview_table = tables.make_table(box, tables.preview_titles(), [5, 6, 7])
        self.preview_table.setSelectionMode(self.preview_table.SelectionMode.NoSelection)
        self.preview_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box_layout.addWidget(self.preview_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.lines_table)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        return split

    def _build_bottom(self) -> QHBoxLayout:
        """The total, why the document cannot be posted, Cancel and Post."""
        bottom = QHBoxLayout()
        self.total_label = QLabel(self)
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.post_message = QLabel(self)
        self.post_message.setWordWrap(True)
        self.post_message.setStyleSheet("color: #c62828;")
        self.post_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.post_button = QPushButton(self.tr("Post"), self)
        for button in (self.cancel_button, self.post_button):
            button.setAutoDefault(False)  # Enter moves between fields; Ctrl+Enter posts
            button.setDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.post_button.clicked.connect(self.post)
        bottom.addWidget(self.total_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.post_message, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.post_button)
        return bottom

    def header(self) -> Header:
        return self.head_bar.header()

    def header_problems(self) -> dict[str, str]:
        return self.head_bar.problems()

    def _on_header_changed(self, *_args) -> None:
        head = self.header()
        for d in self.drafts:
            d.errors = check(d, self.kind, head.date)
        self.editor.header_changed(head)
        self._refresh_all()

    # -- lines ----------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        row = self.lines_table.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def add_item(
        self, item: Item, *, scanned: bool, pack: Pack | None = None, gs1_line=None
    ) -> Draft:
        """Add a line for ``item``; a scan of an item already on a line adds 1 to it. A pack's
        barcode scanned (``pack``) adds 1 pack: the line is in that pack. A GS1 scan with a
        batch (``gs1_line``) makes a line of its own with that batch, expiry and quantity."""
        if gs1_line is not None and (gs1_line.batch or gs1_line.qty is not None):
            return self._add_gs1(item, pack, gs1_line)
        name = pack.name if pack is not None else ""
        same = [
            d
            for d in self.drafts
            if d.item.id == item.id and not d.batch.strip() and (d.pack == name or not scanned)
        ]
        if same:
            d = same[-1]
            if scanned:
                q = d.qty.strip()
                with suppress(ArithmeticError):  # the field says what is wrong with it
                    d.qty = pl.fmt_qty(Decimal(q.replace(",", "")) + 1)
        else:
            d = Draft(item=item, qty="1")
            if pack is not None:
                d.pack, d.factor = pack.name, pack.factor
            if pl.takes_cost(self.kind, d):
                cost = catalog.last_cost(self.db, item.sku)
                if cost is not None and pack is not None:
                    cost = cost * pack.factor_qty  # the last cost per stock unit, per pack
                d.unit_cost = pl.fmt_cost(cost) if cost is not None else ""
            if self.kind == T.RECEIPT:  # a delivery usually goes to one place
                last = self.drafts[-1].location if self.drafts else ""
                # the location as stored ("Main"), not as shown (主库位 in Chinese)
                d.location = last or (self.editor.location_combo.currentData() or "")
            self.drafts.append(d)
        d.errors = check(d, self.kind, self.header().date)
        self._refresh_all(select=self.drafts.index(d))
        return d

    def _add_gs1(self, item: Item, pack: Pack | None, line) -> Draft:
        """The line a GS1 scan describes (receipts: batch and expiry; any kind: quantity)."""
        d = self.add_item(item, scanned=False, pack=pack)
        if d.batch.strip() and d.batch.strip() != (line.batch or ""):
            d = Draft(item=item, qty="1", unit_cost=d.unit_cost, location=d.location)
            if pack is not None:
                d.pack, d.factor = pack.name, pack.factor
            self.drafts.append(d)
        if line.qty is not None:
            d.qty = pl.fmt_qty(line.qty)
        if line.batch and self.kind in (T.RECEIPT, T.ADJUST):
            d.batch = line.batch
        if line.expiry is not None and self.kind == T.RECEIPT:
            d.expiry = line.expiry.isoformat()
        d.errors = check(d, self.kind, self.header().date)
        self._refresh_all(select=self.drafts.index(d))
        return d

    def remove_line(self) -> None:
        row = self.lines_table.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        del self.drafts[row]
        self._refresh_all(select=min(row, len(self.drafts) - 1))
        (self.lines_table if self.drafts else self.item_picker).setFocus()

    def draft_changed(self, d: Draft) -> None:
        """A field of ``d`` was edited in the line editor."""
        d.errors = check(d, self.kind, self.header().date)
        row = self.drafts.index(d)
        for c, cell in enumerate(tables.line_row(d, self.kind, self.header(), row + 1)):
            self.lines_table.setItem(row, c, cell)
        self.editor.show_problems(d, self.header_problems())
        self._update_post_state()
        self._preview_timer.start()

    def _on_row_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        self.editor.load(self.drafts[row] if 0 <= row < len(self.drafts) else None)
        self._fill_preview()

    # -- preview --------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Ask the ledger what posting would do, for every line that is filled in well."""
        self._preview_timer.stop()
        if getattr(self.db, "conn", None) is None:  # the shop was closed under us
            return
        pl.preview_drafts(self.db, self.drafts, self.kind, self.header())
        self._refresh_tables()

    def _fill_preview(self) -> None:
        row = self.lines_table.currentRow()
        tables.fill_preview(self.preview_table, self.drafts, self.kind, self.header(), selected=row)
        self.policy_label.setText(pl.policy_text(self.current_draft(), self.kind))

    # -- refreshing -----------------------------------------------------------------------

    def _refresh_all(self, *, select: int | None = None) -> None:
        """Redraw the lines now and preview them at once (structure changed)."""
        self._refresh_tables(select=select)
        self.refresh_preview()

    def _refresh_tables(self, *, select: int | None = None) -> None:
        row = self.lines_table.currentRow() if select is None else select
        table = self.lines_table
        table.blockSignals(True)
        tables.fill_lines(table, self.drafts, self.kind, self.header())
        table.blockSignals(False)
        if 0 <= row < len(self.drafts):
            if table.currentRow() != row:
                table.setCurrentCell(row, 0)
            self.editor.load(self.drafts[row])
        else:
            self.editor.load(None)
        self._fill_preview()
        total = sum((value_of(d, self.kind) or Decimal(0) for d in self.drafts), Decimal(0))
        self.total_label.setText(
            self.tr("Lines: {0}").format(len(self.drafts))
            + "   "
            + self.tr("Total {0} {1}").format(self.ctx.currency, money_text(total))
        )
        d = self.current_draft()
        self.editor.show_problems(d, self.header_problems())
        self._update_post_state()

    def blocking_problem(self) -> str:
        """Why the document cannot be posted as it stands ("" when it can)."""
        return pl.blocking_problem(self.drafts, self.header_problems())

    def _update_post_state(self) -> None:
        problem = self.blocking_problem()
        self.post_button.setEnabled(not problem)
        self.post_button.setToolTip(problem or self.tr("Post the document (Ctrl+Enter)"))

    # -- posting --------------------------------------------------------------------------

    def document(self) -> Document:
        head = self.header()
        return Document(
            date=head.date,
            lines=tuple(pl.to_line(d, self.kind, head, in_packs=True) for d in self.drafts),
            reference=self.head_bar.reference(),
            supplier=self.head_bar.supplier(),
            operator=self.ctx.operator,
        )

    def post(self) -> None:
        """Post every line in one transaction; on a problem say why here and keep the lines."""
        self.refresh_preview()
        problem = self.blocking_problem()
        if problem:
            self.post_message.setText(problem)
            return
        packs = [d.pack or None for d in self.drafts]
        prices = [d.price.strip() or None for d in self.drafts]
        priced = self.kind == MovementType.ISSUE and any(prices)  # kept beside the movements
        from inventory_app.services import demand  # numpy: not on the dialog's start-up path

        changes = ops.write(
            self,
            self.ctx,
            lambda db: (
                demand.post_priced(db, self.document(), prices, packs_typed=packs)
                if priced
                else buying.post(db, self.document(), packs_typed=packs)
            ),
            refused=self._refused,
        )
        if changes is None:
            return
        self.post_message.clear()
        self.changes = changes
        self.accept()

    def _refused(self, exc: InventoryError) -> None:
        self.post_message.setText(str(exc))
        self.refresh_preview()

    def done(self, result: int) -> None:
        self._preview_timer.stop()
        super().done(result)

    def reject(self) -> None:
        """Cancel; with lines typed, ask first (without blocking: the answer comes back)."""
        if not self.drafts or self.changes is not None or self._discard_ok:
            super().reject()
            return
        if self.confirm_box is not None and self.confirm_box.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self._title(),
            self.tr("Discard this document and its line?")
            if len(self.drafts) == 1
            else self.tr("Discard this document and its {0} lines?").format(len(self.drafts)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._on_confirm)
        self.confirm_box = box
        box.open()

    def _on_confirm(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Discard:
            self._discard_ok = True
            super().reject()
        else:
            self.focus(self.item_picker)

    # -- keyboard -------------------------------------------------------------------------

    @staticmethod
    def focus(widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in _ENTER:
            if ctrl:
                self.post()
            event.accept()  # never a default button: Enter moves between fields
            return
        super().keyPressEvent(event)
