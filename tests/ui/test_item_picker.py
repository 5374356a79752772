"""The item field typed into like a clerk types: pinyin initials bring up the Chinese name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog
from inventory_app.ui.widgets.item_picker import ItemPicker


def picker_on(qtbot, db) -> ItemPicker:
    parent = QWidget()
    qtbot.addWidget(parent)
    picker = ItemPicker(db, parent)
    picker.window_ = parent  # keeps the window (and so the picker) alive for the test
    parent.show()
    qtbot.waitExposed(parent)
    picker.setFocus()
    return picker


def test_initials_suggest_the_chinese_name_and_enter_picks_it(qtbot, db):
    catalog.add_items(
        db,
        [
            ItemFields(sku="DA-0001", name="伊利 老酸奶 原味 200ml", unit="盒"),
            ItemFields(sku="DA-0002", name="纯牛奶 250ml"),
            ItemFields(sku="DR-0001", name="Lemon soda"),
        ],
    )
    picker = picker_on(qtbot, db)
    qtbot.keyClicks(picker, "lsn")
    popup = picker.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)  # after the typing pause
    (shown,) = picker.completer().model().stringList()  # one suggestion, the yogurt
    assert shown.startswith("DA-0001 — 伊利 老酸奶")
    with qtbot.waitSignal(picker.item_chosen) as chosen:
        qtbot.keyClick(picker, Qt.Key.Key_Return)
    item, scanned = chosen.args
    assert (item.sku, scanned) == ("DA-0001", False)


def test_full_pinyin_with_spaces_resolves_too(qtbot, db):
    catalog.add_item(db, ItemFields(sku="DA-0001", name="老酸奶"))
    picker = picker_on(qtbot, db)
    assert [h.sku for h in picker.matches("lao suan")] == ["DA-0001"]
    item, scanned = picker.resolve("laosuannai")
    assert item.sku == "DA-0001" and not scanned
