"""An item field that takes a typed code, a scanned barcode or part of a name.

A barcode scanner is a keyboard that types a code and Enter, so Enter decides: an exact
SKU or barcode is a *scan* (``item_chosen(item, True)``); anything else picks the best
match of ``services.search`` (``item_chosen(item, False)``). Enter on an empty field emits
``empty_enter`` so a form can move on to its next field. Suggestions (FTS5 trigram search
over code, name, barcode and the name's pinyin: ``lsn`` suggests 老酸奶) pop up after a
short pause, never while a scanner types.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from inventory_app.domain import gs1
from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import Item
from inventory_app.services import buying, catalog, search
from inventory_app.ui.widgets.format import qty_text

SUGGESTIONS = 20
_DEBOUNCE_MS = 150  # longer than a scanner takes to type a whole code


class ItemPicker(QLineEdit):
    """Line edit that resolves to an ``Item`` on Enter or on a completer choice."""

    item_chosen = Signal(object, bool)  # (Item, scanned: an exact code or barcode)
    empty_enter = Signal()
    problem = Signal(str)  # a message to show beside the field; "" clears it

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.scanned_pack = None  # the pack whose barcode the last exact code was
        self.scanned_gs1 = None  # what the last GS1 scan carried (batch, expiry, qty)
        self._shown: dict[str, str] = {}  # suggestion text -> SKU
        self.setPlaceholderText(self.tr("Scan a barcode, or type a code or name"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[str].connect(self._on_activated)
        self.setCompleter(self._completer)
        self._timer = QTimer(self, singleShot=True, interval=_DEBOUNCE_MS)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(self._on_edited)

    # -- suggestions ----------------------------------------------------------------------

    def matches(self, text: str, *, limit: int = SUGGESTIONS) -> list[search.ItemHit]:
        """Active items whose code, name, barcode or pinyin contain ``text`` (exact codes
        first)."""
        return search.search_items(self.db, text, limit=limit) if text.strip() else []

    def display(self, hit: search.ItemHit) -> str:
        return self.tr("{0} — {1}  ({2} {3} on hand)").format(
            hit.sku, hit.name, qty_text(hit.on_hand), hit.unit
        )

    def _on_edited(self, _text: str) -> None:
        self.problem.emit("")
        self._model.setStringList([])  # no stale suggestions while a scanner types
        self._timer.start()

    def _suggest(self) -> None:
        text = self.text()
        items = self.matches(text)
        self._shown = {self.display(hit): hit.sku for hit in items}
        self._model.setStringList(list(self._shown))
        if items and self.hasFocus():
            self._completer.setCompletionPrefix(text)
            self._completer.complete()

    # -- choosing -------------------------------------------------------------------------

    def resolve(self, text: str) -> tuple[Item | None, bool]:
        """The item ``text`` stands for, and whether it was an exact code (a scan)."""
        text = text.strip()
        self.scanned_pack = None
        self.scanned_gs1 = None
        if not text:
            return None, False
        if gs1.looks_like_gs1(text):  # a GS1-128 / DataMatrix scan: item, batch, expiry, qty
            line = buying.read_scan(self.db, text)
            self.scanned_gs1 = line
            if line.pack is not None:
                self.scanned_pack = buying.pack_named(self.db, line.sku, line.pack)
            return catalog.find_item(self.db, line.sku), True
        exact = catalog.find_item(self.db, text)
        if exact is not None:
            return exact, True
        case = buying.pack_for_barcode(self.db, text)
        if case is not None:  # a case's barcode: its item, one case (``scanned_pack``)
            self.scanned_pack = case[1]
            return catalog.find_item(self.db, case[0]), True
        sku = self._shown.get(text)
        if sku is None:
            found = self.matches(text, limit=1)
            sku = found[0].sku if found else None
        return (catalog.find_item(self.db, sku), False) if sku else (None, False)

    def choose(self) -> None:
        """Act on the current text as if Enter were pressed."""
        self._timer.stop()
        popup = self._completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
        text = self.text().strip()
        if not text:
            self.empty_enter.emit()
            return
        try:
            item, scanned = self.resolve(text)
        except InventoryError as exc:  # a GS1 scan with a wrong check digit, date, GTIN
            self.problem.emit(str(exc))
            self.selectAll()
            return
        if item is None:
            self.problem.emit(self.tr("No item has the code, barcode or name “{0}”.").format(text))
            self.selectAll()  # the next scan replaces it
            return
        self.problem.emit("")
        self.item_chosen.emit(item, scanned)

    def _on_activated(self, display: str) -> None:
        sku = self._shown.get(display)
        item = catalog.find_item(self.db, sku) if sku else None
        if item is not None:
            self._timer.stop()
            self.problem.emit("")
            self.item_chosen.emit(item, False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()
            self.choose()
            return
        super().keyPressEvent(event)

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if invalid else "")
