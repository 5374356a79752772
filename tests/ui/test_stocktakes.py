"""The Stocktakes page: the count view driven like a scanner (code + Enter), and approval."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inventory_app.services import check
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.ui.dialogs.stocktake.count import HIGHLIGHT, CountDialog
from inventory_app.ui.dialogs.stocktake.review import ReviewDialog
from inventory_app.ui.pages import PAGES
from inventory_app.ui.pages.stocktakes import StocktakesPage

from .helpers import when_modal


def when_dialog(kind, handler, *, timeout_ms: int = 5000) -> list:
    return when_modal(handler, kind=kind, timeout_ms=timeout_ms)


MILK = "6901234567892"


@pytest.fixture
def shop_ctx(ctx):
    db = ctx.db
    stock.receive(db, sku="A1", qty="10", unit_cost="2")
    stock.receive(db, sku="M1", qty="6", unit_cost="1", batch="L1")
    stock.receive(db, sku="M1", qty="4", unit_cost="1.5", batch="L2")
    return ctx


def start(ctx, **kw) -> int:
    return next(iter(st.start(ctx.db, **kw).stocktakes))


def scan(qtbot, dialog: CountDialog, code: str) -> None:
    qtbot.keyClicks(dialog.scan, code)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)


def counted(ctx, sid, sku, batch="") -> D | None:
    return next(
        x.counted_qty for x in st.review(ctx.db, sid).lines if x.sku == sku and x.batch == batch
    )


def test_scanning_counts_one_per_scan_highlights_and_flags_unknown_codes(qtbot, shop_ctx):
    ctx = shop_ctx
    sid = start(ctx, blind=True)
    dialog = CountDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "expected" not in [c.key for c in dialog.model.columns]  # blind
    for _ in range(3):
        scan(qtbot, dialog, "A1")
    assert counted(ctx, sid, "A1") == 3
    dialog.qty.setText("7")  # typed quantity for the next scan, then back to 1
    scan(qtbot, dialog, "A1")
    assert counted(ctx, sid, "A1") == 10 and dialog.qty.text() == "1"
    a1 = dialog.model.row_of_id(dialog.model.highlight)
    assert dialog.model.rows[a1].sku == "A1" and dialog.table.currentIndex().row() == a1
    assert dialog.model.index(a1, 0).data(Qt.ItemDataRole.BackgroundRole).color() == HIGHLIGHT
    assert "counted 10" in dialog.message.text() and dialog.scan.text() == ""

    def pick_l2(box):
        assert isinstance(box, QInputDialog)
        box.setTextValue(next(t for t in box.comboBoxItems() if t.startswith("L2")))
        box.accept()

    seen = when_dialog(QInputDialog, pick_l2)
    scan(qtbot, dialog, MILK)  # several batches: the clerk picks one, expiry shown
    assert seen and counted(ctx, sid, "M1", "L2") == 1
    assert "L2" in dialog.message.text()

    before = st.count_history(ctx.db, sid)
    scan(qtbot, dialog, "999000")
    assert "Unknown code 999000" in dialog.last_problem
    assert "Unknown code" in dialog.message.text() and dialog.scan.text() == "999000"
    assert st.count_history(ctx.db, sid) == before
    assert dialog.progress.text() == "2 of 3 lines counted"


def test_item_outside_the_scope_is_offered_to_be_added(qtbot, shop_ctx):
    ctx = shop_ctx
    sid = start(ctx, scope="category:Hardware")
    dialog = CountDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()

    def answer(yes: bool):
        def click(box):
            assert isinstance(box, QMessageBox) and "not in the scope" in box.text()
            box.button(
                QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
            ).click()

        return click

    when_dialog(QMessageBox, answer(False))
    scan(qtbot, dialog, "M1")
    qtbot.waitUntil(lambda: "outside the scope" in dialog.last_problem)
    assert len(st.review(ctx.db, sid).lines) == 1

    def pick_first(box):
        box.setTextValue(box.comboBoxItems()[0])
        box.accept()

    seen = when_dialog(QMessageBox, answer(True))
    when_dialog(QInputDialog, pick_first)  # then the batch
    scan(qtbot, dialog, "M1")
    assert seen and counted(ctx, sid, "M1", "L1") == 1
    assert [x.sku for x in st.review(ctx.db, sid).lines] == ["A1", "M1"]


def test_review_filters_and_approval_needs_an_explicit_uncounted_choice(qtbot, shop_ctx):
    ctx = shop_ctx
    sid = start(ctx)
    st.count(ctx.db, sid, code="A1", qty="8", counter="Li")  # 2 missing
    st.count(ctx.db, sid, code="M1", batch="L1", qty="6", counter="Li")
    dialog = ReviewDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 3
    dialog.variance_only.setChecked(True)
    assert [r.sku for r in dialog.model.rows] == ["A1"]
    assert dialog.model.rows[0].flagged
    dialog.variance_only.setChecked(False)
    dialog.uncounted_only.setChecked(True)
    assert [(r.sku, r.batch) for r in dialog.model.rows] == [("M1", "L2")]
    dialog.uncounted_only.setChecked(False)

    assert not dialog.leave.isChecked() and not dialog.zero.isChecked()  # never a default
    seen = when_dialog(QMessageBox, lambda box: box.accept())
    assert dialog.approve(confirm=False) is False
    assert seen and st.get(ctx.db, sid).open

    dialog.table.select_row(0)  # A1: give its reason
    dialog.line_reason.setCurrentIndex(dialog.line_reason.findData("theft"))
    dialog.set_reason()
    dialog.zero.setChecked(True)
    dialog.approver.setText("老板")
    assert dialog.approve(confirm=False) is True
    info = st.get(ctx.db, sid)
    assert (info.status.value, info.approver) == ("approved", "老板")
    assert dialog.approval.isHidden()
    rows = ctx.db.conn.execute(
        "SELECT m.qty, m.reason FROM movements m WHERE m.stocktake_id = ? ORDER BY m.id", (sid,)
    ).fetchall()
    assert rows == [(-2000, "theft"), (-4000, "unknown")]
    assert check.check(ctx.db).ok


def test_page_lists_stocktakes_with_status_and_progress(qtbot, shop_ctx):
    ctx = shop_ctx
    assert "stocktakes" in [p.name for p in PAGES]
    first = start(ctx, name="Full count")
    st.count(ctx.db, first, code="A1", qty="10")
    page = StocktakesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_loaded)
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert "Full count" in texts and "Counting" in texts and "1 / 3" in texts
    second = start(ctx, scope="category:Hardware")
    ctx.data_changed.emit(st.cancel(ctx.db, second), None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.model.index(0, 4).data() == "Cancelled"
    page.table.select_row(0)
    assert not page.count_button.isEnabled() and page.review_button.isEnabled()


def test_approving_warns_about_lines_flagged_for_recount_and_names_them(qtbot, shop_ctx):
    from inventory_app.ui.dialogs.stocktake.approval import ApprovalQuestion

    ctx = shop_ctx
    sid = start(ctx)
    st.count(ctx.db, sid, code="A1", qty="8", counter="Li")  # 2 missing: flagged
    st.count(ctx.db, sid, code="M1", batch="L1", qty="6", counter="Li")
    st.count(ctx.db, sid, code="M1", batch="L2", qty="4", counter="Li")
    dialog = ReviewDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.approver.setText("老板")
    flagged = [r for r in st.review(ctx.db, sid).lines if r.flagged]
    assert [r.sku for r in flagged] == ["A1"]
    texts: list[str] = []

    def answer(button):
        def handler(box):
            texts.append(box.text())
            assert box.icon() == QMessageBox.Icon.Warning
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
            box.button(button).click()

        return handler

    seen = when_dialog(ApprovalQuestion, answer(QMessageBox.StandardButton.No))
    assert dialog.approve() is False
    assert seen and st.get(ctx.db, sid).open  # No: nothing posted
    line = flagged[0]
    assert all(part in texts[0] for part in (line.sku, line.name, line.location))
    assert "M1" not in texts[0]  # only the flagged lines are named

    seen = when_dialog(ApprovalQuestion, answer(QMessageBox.StandardButton.Yes))
    assert dialog.approve() is True
    assert seen and not st.get(ctx.db, sid).open


def test_approving_without_flags_asks_the_plain_question(qtbot, shop_ctx):
    from inventory_app.ui.dialogs.stocktake.approval import ApprovalQuestion

    ctx = shop_ctx
    sid = start(ctx)
    for code, batch, qty in (("A1", None, "10"), ("M1", "L1", "6"), ("M1", "L2", "4")):
        st.count(ctx.db, sid, code=code, batch=batch, qty=qty, counter="Li")
    dialog = ReviewDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.approver.setText("老板")
    icons = []

    def yes(box):
        icons.append(box.icon())
        box.button(QMessageBox.StandardButton.Yes).click()

    seen = when_dialog(ApprovalQuestion, yes)
    assert dialog.approve() is True
    assert seen and icons == [QMessageBox.Icon.Question]


def test_a_clerk_may_approve_within_the_tolerance_and_is_told_who_may_over_it(qtbot, shop_ctx):
    from inventory_app.services import users

    ctx = shop_ctx
    users.add_user(ctx.db, "Mei", "owner", "1111")
    users.add_user(ctx.db, "Li", "clerk", "2222")
    users.sign_in(ctx.db, "Li", "2222", source="app")
    sid = start(ctx, scope="category:Hardware")
    st.count(ctx.db, sid, code="A1", qty="8")  # 2 of 10 missing: over the 5 % tolerance
    dialog = ReviewDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.approve_button.isEnabled()  # a clerk may approve...
    texts: list[str] = []

    def read(box) -> None:
        texts.append(box.text())
        box.accept()

    seen = when_dialog(QMessageBox, read)
    assert dialog.approve(confirm=False) is False  # ...but not a line over the tolerance
    qtbot.waitUntil(lambda: bool(seen))
    assert "A1 @ Main" in texts[0] and "only the owner may approve" in texts[0]
    assert st.get(ctx.db, sid).open
    st.count(ctx.db, sid, code="A1", qty="10", recount=True)  # recounted: no difference
    dialog.reload()
    assert dialog.approve(confirm=False) is True
    assert not st.get(ctx.db, sid).open


def test_a_gs1_scan_and_a_case_barcode_count_as_the_posting_dialog_reads_them(qtbot, shop_ctx):
    """A GS1 scan counts its batch and quantity (no batch question); a case's barcode counts
    one case in stock units; a scan with a wrong check digit is flagged, nothing counted."""
    from inventory_app.services import buying

    ctx = shop_ctx
    buying.add_pack(ctx.db, "A1", "箱", factor="12", barcode="2000000000015")
    buying.add_pack(ctx.db, "M1", "箱", factor="6")
    sid = start(ctx)
    dialog = CountDialog(ctx, sid)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = when_dialog(QInputDialog, lambda box: box.reject(), timeout_ms=500)
    dialog.scan.setText("]d20106901234567892172712311024A01\x1d303")  # GS separator as typed
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert not asked and counted(ctx, sid, "M1", "24A01") == 3  # a new batch, as scanned
    scan(qtbot, dialog, "0106901234567892172712311024A01")  # no quantity: the typed one
    assert counted(ctx, sid, "M1", "24A01") == 4
    scan(qtbot, dialog, "2000000000015")  # A1's case: 12 units
    assert counted(ctx, sid, "A1") == 12 and "(1 箱)" in dialog.message.text()
    dialog.qty.setText("2")
    scan(qtbot, dialog, "2000000000015")
    assert counted(ctx, sid, "A1") == 36
    scan(qtbot, dialog, "010690123456789317271231")  # a wrong check digit
    assert "check digit" in dialog.last_problem and counted(ctx, sid, "A1") == 36
