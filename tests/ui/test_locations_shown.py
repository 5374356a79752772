"""The shop's default location is stored as "Main" and shown in the user's language; a combo
of locations shows that name and keeps the stored one, so a receipt lands where chosen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QTranslator

from inventory_app.domain.model import MovementType as T
from inventory_app.services import catalog, reports
from inventory_app.ui.widgets.format import location_text

from .test_posting import CTRL, ENTER, open_dialog, scan


class Chinese(QTranslator):
    """Just the one string this test needs, translated as the .ts does."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return "主库位" if (context, source) == ("location", "Main") else None


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
