"""The buying screens in Chinese: the purchase-order columns say what they hold (an expected
date, a received quantity, not the stocktake's book quantity or a receipt date), and the
labels dialog has no English left."""

from __future__ import annotations

from inventory_app.services import buying
from inventory_app.ui.dialogs.labels import LabelDialog
from inventory_app.ui.dialogs.order_dialogs import ReceiveDialog
from inventory_app.ui.pages.orders import OrdersPage

from .test_zh_walk import chinese, shown_texts  # noqa: F401 (a fixture)


def _headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_order_columns_and_label_dialog_in_chinese(qtbot, ctx, chinese):  # noqa: F811
    buying.add_supplier(ctx.db, buying.Supplier(code="GM", name="光明乳业", lead_time_days=2))
    oid, _ = buying.create_order(ctx.db, "GM")
    buying.add_line(ctx.db, oid, sku="M1", qty="4", cost="2")
    buying.send(ctx.db, oid)
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    assert "预计到货" in _headers(page.table) and "账面数量" not in _headers(page.table)
    assert "已收数量" in _headers(page.lines) and "入库日期" not in _headers(page.lines)
    receive = ReceiveDialog(ctx, oid)
    qtbot.addWidget(receive)
    assert _headers(receive.table)[4] == "已收数量"
    dialog = LabelDialog(ctx, lambda *_: [], what="M1", with_price=True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = shown_texts(dialog)
    assert "打印…" in texts and "保存为 PDF…" in texts
    assert not [t for t in texts if t.isascii() and any(c.isalpha() for c in t) and t != "M1"]
