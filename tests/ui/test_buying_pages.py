"""The Suppliers page: the list, the items each supplies, adding a supplier through the dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.services import buying
from inventory_app.ui.dialogs.supplier_dialog import SupplierDialog
from inventory_app.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.adopt_database(ctx.db)
    win.show()
    return win


def test_suppliers_page_lists_suppliers_and_their_items(qtbot, window, ctx):
    buying.add_pack(ctx.db, "M1", "箱", factor="12")
    buying.add_supplier(ctx.db, buying.Supplier(code="GM", name="光明乳业", lead_time_days=2))
    buying.link_item(ctx.db, "GM", sku="M1", supplier_sku="GM-250", pack="箱", price="30",
                     preferred=True)  # fmt: skip
    page = window.show_page("suppliers")
    qtbot.waitUntil(page.is_loaded)
    assert [s.code for s in page.table.records] == ["GM"]
    assert page.table.item(0, 1).text() == "光明乳业"
    assert [(x.sku, x.pack) for x in page.items.records] == [("M1", "箱")]
    assert page.items.item(0, 4).text() == "30.00"

    dialog = SupplierDialog(ctx, parent=page)
    dialog.code.setText("HR")
    dialog.name.setText("")
    dialog.accept()  # refused in place: the name is empty
    assert dialog.problem.text() and not buying.list_suppliers(ctx.db)[1:]
    dialog.name.setText("华润")
    dialog.lead_time.setValue(5)
    dialog.min_order.setText("300")
    dialog.accept()
    qtbot.waitUntil(lambda: [s.code for s in page.table.records] == ["GM", "HR"])
    assert buying.get_supplier(ctx.db, "HR").min_order_value == Decimal("300.00")


def test_scanning_a_case_barcode_receives_one_case_at_an_exact_value(qtbot, ctx):
    from inventory_app.domain.model import MovementType
    from inventory_app.services import reports
    from inventory_app.ui.dialogs.posting.dialog import PostingDialog

    from .test_posting import scan

    buying.add_pack(ctx.db, "A1", "箱", factor="3", barcode="16900000000011")
    dlg = PostingDialog(ctx, MovementType.RECEIPT)
    qtbot.addWidget(dlg)
    dlg.show()
    scan(qtbot, dlg, "16900000000011")
    scan(qtbot, dlg, "16900000000011")  # a second case on the same line
    (d,) = dlg.drafts
    assert (d.pack, d.qty) == ("箱", "2")
    assert dlg.editor.unit_combo.isVisible() and dlg.editor.unit_combo.currentIndex() == 1
    dlg.editor.cost_edit.selectAll()
    qtbot.keyClicks(dlg.editor.cost_edit, "100")
    qtbot.waitUntil(lambda: dlg.post_button.isEnabled())
    dlg.post()
    (row,) = [r for r in reports.stock_by_item(ctx.db) if r.sku == "A1"]
    assert (row.qty, row.value) == (Decimal("6.000"), Decimal("200.00"))  # 2 × ¥100, exact
    # choosing the stock unit in the unit field turns the price per case into one per piece
    dlg2 = PostingDialog(ctx, MovementType.ISSUE)
    qtbot.addWidget(dlg2)
    dlg2.show()
    scan(qtbot, dlg2, "16900000000011")
    assert dlg2.drafts[0].pack == "箱"
    dlg2.editor.unit_combo.setCurrentIndex(0)
    assert dlg2.drafts[0].pack == ""
