"""The header of a posting document: date, supplier, reference, locations, reason.

Enter moves to the next header field and, after the last one, ``finished`` is emitted so
the dialog can put the cursor in the item field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QWidget

from inventory_app.domain.model import DEFAULT_LOCATION, MovementType, WriteoffReason
from inventory_app.ui.dialogs.posting.lines import Header
from inventory_app.ui.widgets.format import location_text

T = MovementType
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HeaderBar(QWidget):
    changed = Signal()
    finished = Signal()  # Enter in the last header field

    def __init__(
        self,
        kind: MovementType,
        locations: list[str],
        *,
        lock_date: dt.date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.lock_date = lock_date
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())  # nothing is posted in the future
        self.supplier_edit = QLineEdit(self)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("delivery note, order no."))
        self.location_combo = QComboBox(self)
        if kind == T.ISSUE:
            self.location_combo.addItem(self.tr("All locations"), None)
        for name in locations:
            self.location_combo.addItem(location_text(name), name)
        if kind != T.ISSUE and self.location_combo.findData(DEFAULT_LOCATION) >= 0:
            self.location_combo.setCurrentIndex(self.location_combo.findData(DEFAULT_LOCATION))
        self.to_location_combo = QComboBox(self)
        for name in locations:
            self.to_location_combo.addItem(location_text(name), name)
        if len(locations) > 1:
            self.to_location_combo.setCurrentIndex(1)
        self.reason_combo = QComboBox(self)
        for reason, label in self._writeoff_reasons().items():
            self.reason_combo.addItem(label, reason.value)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. found in the back room"))

        self.date_edit.dateChanged.connect(self.changed)
        for combo in (self.location_combo, self.to_location_combo, self.reason_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.reason_edit.textEdited.connect(self.changed)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for col, (label, widget) in enumerate(self._pairs()):
            grid.addWidget(QLabel(label, self), 0, col)
            grid.addWidget(widget, 1, col)
            grid.setColumnStretch(col, 1 if isinstance(widget, QLineEdit) else 0)
            widget.installEventFilter(self)
        for _, widget in self._all_pairs():
            widget.setVisible(widget in self.fields())

    def _all_pairs(self) -> list[tuple[str, QWidget]]:
        return [
            ("", self.supplier_edit),
            ("", self.location_combo),
            ("", self.to_location_combo),
            ("", self.reason_combo),
            ("", self.reason_edit),
        ]

    def _pairs(self) -> list[tuple[str, QWidget]]:
        pairs: list[tuple[str, QWidget]] = [(self.tr("Date"), self.date_edit)]
        if self.kind == T.RECEIPT:
            pairs.append((self.tr("Supplier"), self.supplier_edit))
        pairs.append((self.tr("Reference"), self.reference_edit))
        if self.kind != T.RECEIPT:
            label = self.tr("Location") if self.kind == T.ADJUST else self.tr("From location")
            pairs.append((label, self.location_combo))
        if self.kind == T.TRANSFER:
            pairs.append((self.tr("To location"), self.to_location_combo))
        if self.kind == T.WRITEOFF:
            pairs.append((self.tr("Reason"), self.reason_combo))
        if self.kind == T.ADJUST:
            pairs.append((self.tr("Reason"), self.reason_edit))
        return pairs

    def fields(self) -> list[QWidget]:
        """The header's fields in Enter order."""
        return [w for _, w in self._pairs()]

    def _writeoff_reasons(self) -> dict[WriteoffReason, str]:
        return {
            WriteoffReason.DAMAGED: self.tr("Damaged"),
            WriteoffReason.EXPIRED: self.tr("Expired"),
            WriteoffReason.LOST: self.tr("Lost"),
            WriteoffReason.SAMPLE: self.tr("Sample"),
            WriteoffReason.OTHER: self.tr("Other"),
        }

    # -- values ---------------------------------------------------------------------------

    def header(self) -> Header:
        reason = ""
        if self.kind == T.WRITEOFF:
            reason = self.reason_combo.currentData() or ""
        elif self.kind == T.ADJUST:
            reason = self.reason_edit.text().strip()
        to_location = self.to_location_combo.currentData() if self.kind == T.TRANSFER else None
        return Header(
            date=self.date_edit.date().toPython(),
            location=None if self.kind == T.RECEIPT else self.location_combo.currentData(),
            to_location=to_location,
            reason=reason,
        )

    def reference(self) -> str:
        return self.reference_edit.text().strip()

    def supplier(self) -> str:
        return self.supplier_edit.text().strip() if self.kind == T.RECEIPT else ""

    def problems(self) -> dict[str, str]:
        """What is wrong with the header, by field."""
        head, out = self.header(), {}
        if head.date > dt.date.today():
            out["date"] = self.tr("{0} is in the future").format(head.date.isoformat())
        elif self.lock_date is not None and head.date <= self.lock_date:
            out["date"] = self.tr(
                "{0} is in a closed period (closed up to {1}); post the correction in an "
                "open period"
            ).format(head.date.isoformat(), self.lock_date.isoformat())
        if self.kind == T.TRANSFER and head.location == head.to_location:
            out["to_location"] = self.tr("a transfer needs two different locations")
        if self.kind == T.ADJUST and not head.reason:
            out["reason"] = self.tr("an adjustment needs a reason")
        invalid = {
            "date": self.date_edit,
            "to_location": self.to_location_combo,
            "reason": self.reason_edit,
        }
        for key, w in invalid.items():
            style = f"{type(w).__name__} {{ border: 1px solid #c62828; }}" if key in out else ""
            if w.styleSheet() != style:
                w.setStyleSheet(style)
        return out

    # -- keyboard -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            fields = self.fields()
            if event.key() in _ENTER and not ctrl and watched in fields:
                i = fields.index(watched)
                if i + 1 < len(fields):
                    fields[i + 1].setFocus(Qt.FocusReason.TabFocusReason)
                    if isinstance(fields[i + 1], QLineEdit):
                        fields[i + 1].selectAll()
                else:
                    self.finished.emit()
                return True
        return super().eventFilter(watched, event)
