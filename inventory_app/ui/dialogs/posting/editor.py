"""The line editor of the posting dialog: the item field and the fields of the selected line.

It edits the selected ``Draft`` in place as you type and tells the dialog
(``draft_changed``); Enter moves to the next field and, after the last one, back to the
item field for the next scan.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inventory_app.domain.model import MovementType
from inventory_app.services import buying, reports
from inventory_app.ui.dialogs.posting.lines import (
    Draft,
    Header,
    cost_of,
    default_expiry,
    fmt_cost,
    price_of,
    takes_cost,
)
from inventory_app.ui.widgets.format import location_text, qty_text
from inventory_app.ui.widgets.item_picker import ItemPicker

T = MovementType
INVALID = "border: 1px solid #c62828;"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _mark(w: QWidget, invalid: bool) -> None:
    """A red border on a field with a problem (set only when it changes: restyling costs)."""
    style = f"{type(w).__name__} {{ {INVALID} }}" if invalid else ""
    if w.styleSheet() != style:
        w.setStyleSheet(style)


class LineEditor(QGroupBox):
    def __init__(self, dialog, kind: MovementType, picker: ItemPicker, locations: list[str]):
        super().__init__(dialog)
        self.setTitle(self.tr("Line (scan or type an item, then Enter)"))
        self.dialog = dialog
        self.kind = kind
        self.picker = picker
        picker.setMinimumWidth(300)
        self.draft: Draft | None = None
        self._loading = False
        self._batches_for: tuple[str, str | None] | None = None
        self._picker_problem = ""
        self._make_fields(locations)
        self._lay_out()
        self._connect()

    def _make_fields(self, locations: list[str]) -> None:
        self.qty_edit = QLineEdit(self)
        self.qty_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty_edit.setMaximumWidth(110)
        if self.kind == T.ADJUST:
            self.qty_edit.setPlaceholderText(self.tr("+ found, − lost"))
        self.unit_label = QLabel(self)
        self.unit_label.setMinimumWidth(40)
        # the item's stock unit and its packs: the quantity (and cost) are in the one chosen
        self.unit_combo = QComboBox(self)
        self.unit_combo.setToolTip(self.tr("Unit or pack of the quantity and cost"))
        self.cost_edit = QLineEdit(self)
        self.cost_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cost_edit.setMaximumWidth(110)
        self.price_edit = QLineEdit(self)  # issues: what this line sold at (#16)
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price_edit.setMaximumWidth(110)
        self.price_edit.setPlaceholderText(self.tr("item's price"))
        self.price_edit.setToolTip(
            self.tr("Selling price per unit of the quantity, for margins (empty: the item's)")
        )
        self.batch_edit = QLineEdit(self)
        self.batch_edit.setPlaceholderText(self.tr("automatic"))
        self.batch_edit.setMaximumWidth(160)
        self.batch_combo = QComboBox(self)
        self.batch_combo.setMinimumContentsLength(32)
        self.batch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.expiry_edit = QLineEdit(self)
        self.expiry_edit.setMaximumWidth(120)
        self.location_combo = QComboBox(self)
        for name in locations:  # shown in the user's language, kept as stored
            self.location_combo.addItem(location_text(name), name)
        self.override_label = QLabel(self)
        self.override_label.setWordWrap(True)
        self.override_label.setStyleSheet("color: #a86500;")
        self.override_edit = QLineEdit(self)
        self.override_edit.setPlaceholderText(self.tr("Why this batch? (required)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())  # no jumps
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Remove the selected line (Delete in the table)"))
        self.remove_button.clicked.connect(self.dialog.remove_line)

    def _columns(self) -> list[tuple[str, QWidget]]:
        """The fields this kind of posting shows, under their titles, in order."""
        kind = self.kind
        columns: list[tuple[str, QWidget]] = [(self.tr("Item"), self.picker)]
        qty_box = QWidget(self)
        qty_row = QHBoxLayout(qty_box)
        qty_row.setContentsMargins(0, 0, 0, 0)
        qty_row.addWidget(self.qty_edit)
        qty_row.addWidget(self.unit_label)
        qty_row.addWidget(self.unit_combo)
        columns.append((self.tr("Qty"), qty_box))
        if kind in (T.RECEIPT, T.ADJUST):
            columns.append((self.tr("Unit cost"), self.cost_edit))
        if kind == T.ISSUE:
            columns.append((self.tr("Selling price"), self.price_edit))
        if kind in (T.RECEIPT, T.ADJUST):
            columns.append((self.tr("Batch"), self.batch_edit))
        else:
            columns.append((self.tr("Batch"), self.batch_combo))
        if kind == T.RECEIPT:
            columns += [
                (self.tr("Expiry"), self.expiry_edit),
                (self.tr("Location"), self.location_combo),
            ]
        return columns

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        columns = self._columns()
        for col, (label, widget) in enumerate(columns):
            grid.addWidget(QLabel(label, self), 0, col)
            grid.addWidget(widget, 1, col)
        grid.setColumnStretch(0, 3)
        grid.addWidget(self.remove_button, 1, len(columns))
        span = len(columns) + 1
        override_row = QHBoxLayout()
        override_row.addWidget(self.override_label, 2)
        override_row.addWidget(self.override_edit, 3)
        grid.addLayout(override_row, 2, 0, 1, span)
        grid.addWidget(self.message, 3, 0, 1, span)
        qty_box = columns[1][1]
        shown = (qty_box, self.cost_edit, self.price_edit, self.batch_edit, self.batch_combo)
        for w in (*shown, self.expiry_edit):
            w.setVisible(any(w is c for _, c in columns))
        self.location_combo.setVisible(self.kind == T.RECEIPT)
        self._show_override(False)

    def _connect(self) -> None:
        self.picker.item_chosen.connect(self._on_item_chosen)
        self.picker.empty_enter.connect(self._on_empty_enter)
        self.picker.problem.connect(self._on_picker_problem)
        self.qty_edit.textEdited.connect(lambda t: self._set("qty", t))
        self.cost_edit.textEdited.connect(lambda t: self._set("unit_cost", t))
        self.price_edit.textEdited.connect(lambda t: self._set("price", t))
        self.batch_edit.textEdited.connect(lambda t: self._set("batch", t))
        self.expiry_edit.textEdited.connect(lambda t: self._set("expiry", t))
        self.override_edit.textEdited.connect(lambda t: self._set("override_reason", t))
        self.batch_combo.currentIndexChanged.connect(
            lambda _i: self._set("batch", self.batch_combo.currentData() or "")
        )
        self.location_combo.currentIndexChanged.connect(
            lambda _i: self._set("location", self.location_combo.currentData() or "")
        )
        self.unit_combo.currentIndexChanged.connect(self._on_pack_chosen)
        for w in [*self.fields(), self.override_edit]:
            w.installEventFilter(self)

    def fields(self) -> list[QWidget]:
        """The line's fields in Enter order (after the item field)."""
        out: list[QWidget] = [self.qty_edit]
        if self.kind in (T.RECEIPT, T.ADJUST):
            out += [self.cost_edit, self.batch_edit]
        else:
            out += [self.price_edit] if self.kind == T.ISSUE else []
            out.append(self.batch_combo)
        if self.kind == T.RECEIPT:
            out += [self.expiry_edit, self.location_combo]
        return out

    def _widget_of(self, key: str) -> QWidget | None:
        return {
            "qty": self.qty_edit,
            "unit_cost": self.cost_edit,
            "price": self.price_edit,
            "batch": self.batch_edit if self.kind in (T.RECEIPT, T.ADJUST) else self.batch_combo,
            "expiry": self.expiry_edit,
        }.get(key)

    # -- loading the selected line --------------------------------------------------------

    def load(self, d: Draft | None) -> None:
        self.draft = d
        self._loading = True
        try:
            for w in self.fields():
                w.setEnabled(d is not None)
            self.remove_button.setEnabled(d is not None)
            if d is None:
                for w in (self.qty_edit, self.cost_edit, self.price_edit, self.batch_edit):
                    w.clear()
                self.expiry_edit.clear()
                self.unit_label.clear()
                self.unit_combo.clear()
                self.unit_combo.setVisible(False)
                self.batch_combo.clear()
                self._batches_for = None
                self.expiry_edit.setPlaceholderText("")
                return
            self._put(self.qty_edit, d.qty)
            self._put(self.cost_edit, d.unit_cost)
            self._put(self.price_edit, d.price)
            self.cost_edit.setEnabled(takes_cost(self.kind, d))
            self._put(self.batch_edit, d.batch)
            self._put(self.expiry_edit, d.expiry)
            self._put(self.override_edit, d.override_reason)
            self._fill_packs(d)
            auto = default_expiry(d, self.dialog.header().date)
            self.expiry_edit.setPlaceholderText(auto.isoformat() if auto else self.tr("none"))
            if d.location:
                self.location_combo.setCurrentIndex(self.location_combo.findData(d.location))
            if self.kind in (T.ISSUE, T.WRITEOFF, T.TRANSFER):
                self._fill_batches(d)
        finally:
            self._loading = False

    @staticmethod
    def _put(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:  # keeps the cursor where it is while typing
            edit.setText(text)

    def _fill_batches(self, d: Draft) -> None:
        location = self.dialog.header().location
        key = (d.item.sku, location)
        if self._batches_for != key:
            self._batches_for = key
            self.batch_combo.clear()
            policy = d.item.removal.value.upper()
            self.batch_combo.addItem(self.tr("Automatic ({0})").format(policy), "")
            today = self.dialog.header().date
            seen: set[str] = set()
            for b in reports.item_batches(self.dialog.db, d.item.sku, location=location):
                if b.batch in seen:
                    continue
                seen.add(b.batch)
                # the date the item's policy orders by: expiry when there is one
                if b.expiry is None:
                    text = self.tr("{0} · {1} left · received {2}")
                elif b.expiry < today:
                    text = self.tr("{0} · {1} left · EXPIRED {2}")
                else:
                    text = self.tr("{0} · {1} left · expires {2}")
                text = text.format(b.batch, qty_text(b.qty), (b.expiry or b.received).isoformat())
                if location is None:  # batches of every location are listed
                    text += f" · {location_text(b.location)}"
                self.batch_combo.addItem(text, b.batch)
            view = self.batch_combo.view()  # the list shows whole lines, however long
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        index = self.batch_combo.findData(d.batch)
        if index < 0:  # a named batch no longer held here: keep it visible
            self.batch_combo.addItem(d.batch, d.batch)
            index = self.batch_combo.count() - 1
        self.batch_combo.setCurrentIndex(index)

    def _fill_packs(self, d: Draft) -> None:
        """The unit field: the stock unit alone as a label, or a choice of it and the packs."""
        packs = buying.packs(self.dialog.db, d.item.sku)
        self.unit_label.setText(d.item.unit)
        self.unit_label.setVisible(len(packs) == 1)
        self.unit_combo.setVisible(len(packs) > 1)
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for n, pack in enumerate(packs):
            text = pack.name
            if n:
                text = self.tr("{0} (= {1} {2})").format(
                    pack.name, qty_text(pack.factor_qty), d.item.unit
                )
            self.unit_combo.addItem(text, pack)
        index = next((i for i, p in enumerate(packs) if i and p.name == d.pack), 0)
        self.unit_combo.setCurrentIndex(index)
        self.unit_combo.blockSignals(False)

    def _on_pack_chosen(self, index: int) -> None:
        d = self.draft
        pack = self.unit_combo.itemData(index)
        if self._loading or d is None or pack is None:
            return
        name = "" if index == 0 else pack.name
        if name == d.pack:
            return
        cost = cost_of(d)
        if cost is not None:  # the same price, now per the new pack
            d.unit_cost = fmt_cost((cost * pack.factor / d.factor).quantize(Decimal("0.0001")))
        price = price_of(d)
        if price is not None:  # the selling price too
            d.price = fmt_cost((price * pack.factor / d.factor).quantize(Decimal("0.0001")))
        d.pack, d.factor = name, pack.factor
        self.load(d)
        self.dialog.draft_changed(d)

    def header_changed(self, head: Header) -> None:
        self._batches_for = None
        if self.draft is not None:
            self.load(self.draft)

    # -- editing --------------------------------------------------------------------------

    def _set(self, key: str, value: str) -> None:
        if self._loading or self.draft is None:
            return
        setattr(self.draft, key, value)
        if key == "qty":
            self.cost_edit.setEnabled(takes_cost(self.kind, self.draft))
        self.dialog.draft_changed(self.draft)

    def show_problems(self, d: Draft | None, header_problems: dict[str, str]) -> None:
        """Red fields and the messages under them, for the selected line and the header."""
        errors = dict(d.errors) if d is not None else {}
        need = bool(d is not None and d.needs_reason)
        preview = d.preview if d is not None else None
        refused = not errors and not need and preview is not None and not preview.ok
        invalid = set(errors)
        if refused and preview is not None and preview.short > 0:
            invalid.add("qty")  # a shortage marks the quantity, in place
        for key in ("qty", "unit_cost", "price", "batch", "expiry"):
            w = self._widget_of(key)
            if w is not None:
                _mark(w, key in invalid)
        self._show_override(need)
        if need and d is not None:
            self.override_label.setText(d.needs_reason)
            _mark(self.override_edit, not d.override_reason.strip())
        texts = [self._picker_problem] if self._picker_problem else []
        texts += list(errors.values()) + list(header_problems.values())
        if refused and preview is not None:
            texts.append(preview.problem)
        self.message.setText("\n".join(dict.fromkeys(texts)))  # each message once

    def _show_override(self, visible: bool) -> None:
        self.override_label.setVisible(visible)
        self.override_edit.setVisible(visible)

    # -- keyboard -------------------------------------------------------------------------

    def _on_item_chosen(self, item, scanned: bool) -> None:
        pack = self.picker.scanned_pack if scanned else None
        gs1_line = self.picker.scanned_gs1 if scanned else None
        d = self.dialog.add_item(item, scanned=scanned, pack=pack, gs1_line=gs1_line)
        if gs1_line is not None and d is not None:
            self.load(d)
        self.picker.clear()
        if not scanned:  # chosen by name: the quantity is typed next
            self.dialog.focus(self.qty_edit)

    def _on_empty_enter(self) -> None:
        if self.draft is not None:
            self.dialog.focus(self.qty_edit)

    def _on_picker_problem(self, text: str) -> None:
        self._picker_problem = text
        self.picker.set_invalid(bool(text))
        self.show_problems(self.draft, self.dialog.header_problems())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in _ENTER and not ctrl:
                self._next_field(watched)
                return True
        return super().eventFilter(watched, event)

    def _next_field(self, watched: QObject) -> None:
        order = self.fields()
        if not self.override_edit.isHidden():
            order.append(self.override_edit)
        order = [w for w in order if w.isEnabled()]
        i = order.index(watched) if watched in order else len(order)
        self.dialog.focus(order[i + 1] if i + 1 < len(order) else self.picker)
