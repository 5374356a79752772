"""Users in the desktop app: signing in on open, what a role may not do is disabled with a
tooltip saying who may, the user's name in the status bar, the Audit page and Users dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from inventory_app.domain.model import MovementType
from inventory_app.services import postings as stock
from inventory_app.services import shop, users
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.dialogs.sign_in import SignInDialog
from inventory_app.ui.dialogs.users import UsersDialog
from inventory_app.ui.window.main_window import MainWindow

from .helpers import when_modal


def _team(db) -> None:
    users.add_user(db, "Mei", "owner", "1111")
    users.add_user(db, "Li", "clerk", "2222")
    users.sign_out(db)


def test_opening_a_shop_with_users_asks_who_signs_in_and_gates_by_role(qtbot, stocked):
    _team(stocked)
    path = stocked.path
    stocked.close()
    window = MainWindow(AppContext())
    qtbot.addWidget(window)

    def sign_in(dialog: SignInDialog) -> None:
        dialog.user_box.setCurrentText("Li")
        dialog.pin.setText("9999")
        assert not dialog.sign_in()  # a wrong PIN is said in place
        assert "wrong PIN for Li" in dialog.problem.text()
        dialog.pin.setText("2222")
        assert dialog.sign_in()

    seen = when_modal(sign_in, kind=SignInDialog)
    db = shop.open_shop(path)
    window.adopt_database(db)
    assert seen and window.ctx.db is db
    assert db.actor.name == "Li"
    assert window.shop_status.user_label.text() == "Li (clerk)"
    receive = window.menus.posting_actions[MovementType.RECEIPT]
    writeoff = window.menus.posting_actions[MovementType.WRITEOFF]
    assert receive.isEnabled() and writeoff.isEnabled() is False
    assert writeoff.toolTip().endswith("Only the owner may do this.")
    assert not window.menus.undo_action.isEnabled() and not window.menus.settings_action.isEnabled()
    assert not window.menus.users_action.isEnabled()
    # the services refuse too, whatever the UI shows
    stock.receive(db, sku="A1", qty="1", unit_cost="1", date=dt.date.today())
    window.close()


def test_cancelling_the_sign_in_leaves_the_shop_closed(qtbot, stocked):
    _team(stocked)
    path = stocked.path
    stocked.close()
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    when_modal(lambda d: d.reject(), kind=SignInDialog)
    db = shop.open_shop(path)
    window.adopt_database(db)
    assert window.ctx.db is None and db.conn is None  # closed again


def test_the_users_dialog_adds_a_user_and_the_audit_page_shows_who_did_it(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0

    def fill(new) -> None:
        new.name.setText("Mei")
        new.pin.setText("1111")
        new.again.setText("1111")
        new.submit()

    when_modal(fill)
    dialog.add_user()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Mei" and dialog.table.item(0, 1).text() == "owner"
    assert ctx.db.actor.name == "Mei"  # the first user is the owner, signed in
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    page = window.show_page("audit")
    page.refresh_if_stale()
    texts = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert "Added a user" in texts
    assert page.table.item(texts.index("Added a user"), 1).text() == "Mei"
