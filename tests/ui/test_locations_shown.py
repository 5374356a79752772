"""Words the ledger stores in English are shown in the user's language: the default location
("Main"; a combo shows the translation and keeps the stored name, so a receipt lands where
chosen) and the reason codes of write-offs and stocktakes."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QTranslator

from inventory_app.domain.model import MovementType as T
from inventory_app.services import catalog, reports
from inventory_app.ui.widgets.format import location_text

from .test_posting import CTRL, ENTER, open_dialog, scan

_WORDS = {
    ("location", "Main"): "主库位",
    ("reason", "damaged"): "损坏",
    ("reference", "reverses document #{0}"): "冲销 {0} 号单据",
}


class Chinese(QTranslator):
    """Just the strings these tests need, translated as the .ts does."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return _WORDS.get((context, source))


def test_the_default_location_is_shown_translated_and_kept_as_stored(qtbot, ctx):
    assert location_text("Main") == "Main" and location_text("Back room 后仓") == "Back room 后仓"
    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        assert location_text("Main") == "主库位"
        catalog.add_location(ctx.db, "Back room 后仓")
        dlg = open_dialog(qtbot, ctx, T.RECEIPT)
        combo = dlg.editor.location_combo
        shown = [combo.itemText(i) for i in range(combo.count())]
        assert "主库位" in shown and "Main" not in shown
        scan(qtbot, dlg, "A1")
        qtbot.keyClick(dlg.item_picker, ENTER)
        qtbot.keyClicks(dlg.editor.qty_edit, "4")
        qtbot.keyClicks(dlg.editor.cost_edit, "2.5")
        combo.setCurrentIndex(combo.findData("Back room 后仓"))
        combo.setCurrentIndex(combo.findData("Main"))  # shown as 主库位, posted to Main
        assert combo.currentText() == "主库位"
        qtbot.keyClick(dlg.editor.qty_edit, ENTER, CTRL)
        assert dlg.result() == dlg.DialogCode.Accepted
    finally:
        QCoreApplication.removeTranslator(translator)
    held = [(b.location, b.qty) for b in reports.stock_by_batch(ctx.db) if b.sku == "A1"]
    assert held == [("Main", Decimal("4.000"))]


def test_reason_codes_are_shown_in_the_users_language(qtbot, ctx):
    from inventory_app.services import postings as stock
    from inventory_app.services.browse.movements import movement_page
    from inventory_app.ui.models.movements import movement_columns

    stock.receive(ctx.db, sku="A1", qty=3, unit_cost="2")
    stock.write_off(ctx.db, sku="A1", qty=1, reason="damaged", note="dropped")
    row = movement_page(ctx.db, limit=1).rows[0]
    note = next(c for c in movement_columns() if c.key == "note")
    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        assert note.text(row) == "损坏; dropped"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert note.text(row) == "damaged; dropped"


def test_references_the_app_wrote_are_shown_in_the_users_language(qtbot, ctx):
    from inventory_app.services import postings as stock
    from inventory_app.services.browse.movements import movement_page
    from inventory_app.ui.models.movements import movement_columns
    from inventory_app.ui.widgets.format import reference_text

    stock.receive(ctx.db, sku="A1", qty=3, unit_cost="2", reference="DN-7 reverses #2")
    document = stock.last_reversible_document(ctx.db)
    stock.reverse_document(ctx.db, document, reason="typed twice")
    rows = movement_page(ctx.db, limit=2).rows
    reference = next(c for c in movement_columns() if c.key == "reference")
    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        assert reference.text(rows[0]) == f"冲销 {document} 号单据"
        assert reference.text(rows[1]) == "DN-7 reverses #2"  # typed by a person: as typed
    finally:
        QCoreApplication.removeTranslator(translator)
    assert reference_text("stocktake #3") == "stocktake #3"  # English: as stored
