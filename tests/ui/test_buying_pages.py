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
