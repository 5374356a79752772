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


def test_orders_page_add_send_receive_in_two_batches_and_export(qtbot, window, ctx, tmp_path):
    from pypdf import PdfReader

    from inventory_app.ui.dialogs.order_dialogs import AddLineDialog, ReceiveDialog

    buying.add_pack(ctx.db, "A1", "箱", factor="6")
    buying.add_supplier(ctx.db, buying.Supplier(code="WJ", name="五金批发", lead_time_days=3))
    buying.link_item(ctx.db, "WJ", sku="A1", pack="箱", price="30", preferred=True)
    oid, _ = buying.create_order(ctx.db, "WJ")
    page = window.show_page("orders")
    qtbot.waitUntil(page.is_loaded)
    assert [o.id for o in page.table.records] == [oid]
    assert page.add_button.isEnabled() and not page.receive_button.isEnabled()

    add = AddLineDialog(ctx, oid, parent=page)
    qtbot.keyClicks(add.picker, "A1")
    add.picker.choose()
    assert add.sku == "A1" and add.unit.currentText() == "箱"
    add.qty.setText("2")
    add.accept()
    qtbot.waitUntil(lambda: len(page.lines.records) == 1)
    page.send()
    qtbot.waitUntil(lambda: page.receive_button.isEnabled())

    dlg = ReceiveDialog(ctx, oid, parent=page)
    assert dlg.table.item(0, 5).text() == "2"  # what is still open, in cases
    dlg.table.item(0, 5).setText("1")
    dlg.table.item(0, 6).setText("L-A")
    dlg.table.selectRow(0)
    dlg.split()
    dlg.table.item(1, 5).setText("1")
    dlg.table.item(1, 6).setText("L-B")
    dlg.table.item(1, 8).setText("28")  # the second case was cheaper
    dlg.accept()
    order = buying.get_order(ctx.db, oid)
    assert order.status == "received" and order.lines[0].received_qty == Decimal(2)
    assert order.lines[0].received_value == Decimal("58.00")
    qtbot.waitUntil(lambda: page.table.item(0, 2).text() in ("Received", "已完成"))

    out = page.export_to(tmp_path / "po.pdf", oid)
    assert out is not None and len(PdfReader(str(out)).pages) == 1


def test_a_gs1_scan_fills_the_receipt_line(qtbot, ctx):
    from inventory_app.domain.model import MovementType
    from inventory_app.ui.dialogs.posting.dialog import PostingDialog

    from .test_posting import ENTER

    def scan(qtbot, dlg, code: str) -> None:
        # a scanner types the GS separator as a control character, which QTest cannot type
        dlg.item_picker.setText(code)
        qtbot.keyClick(dlg.item_picker, ENTER)

    dlg = PostingDialog(ctx, MovementType.RECEIPT)
    qtbot.addWidget(dlg)
    dlg.show()
    # M1 (milk) has barcode 6901234567892: GTIN-14 0 + it, batch 24A01, expiry, 12 units
    scan(qtbot, dlg, "]d20106901234567892172712311024A01\x1d3012")
    scan(qtbot, dlg, "0106901234567892172801311024B02")  # a second batch of the same item
    assert [(d.item.sku, d.batch, d.expiry, d.qty) for d in dlg.drafts] == [
        ("M1", "24A01", "2027-12-31", "12"),
        ("M1", "24B02", "2028-01-31", "1"),
    ]
    assert dlg.editor.batch_edit.text() == "24B02"
    scan(qtbot, dlg, "010690123456789317271231")  # a wrong check digit: said, nothing added
    assert len(dlg.drafts) == 2 and "check digit" in dlg.editor.message.text()
