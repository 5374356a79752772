"""Users, roles, PINs and the audit trail, through the services (whatever the front)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal as D

import pytest

from inventory_app.domain import roles
from inventory_app.domain.errors import InsufficientStock, RefusedOperation, ValidationError
from inventory_app.domain.model import ItemFields
from inventory_app.domain.roles import Actor, Role, Source
from inventory_app.services import audit, backup, catalog, check, settings, users
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.export.month import export_summary
from inventory_app.services.stocktake.approve import approve
from tests.conftest import DAY0

OWNER, CLERK, ACCOUNTANT = "Mei", "Li", "Zhang"

# The role matrix as the issue sets it (O owner, C clerk, A accountant): the test below runs
# each action's real service as each role.
MATRIX = {
    "read": "OCA",
    "receive": "OC",
    "issue": "OC",
    "transfer": "OC",
    "count": "OC",
    "stocktake_start": "OC",
    "writeoff": "O",
    "adjust": "O",
    "reverse": "O",
    "stocktake_approve": "OC",  # every difference within the tolerance
    "stocktake_approve_over_tolerance": "O",
    "stocktake_cancel": "O",
    "close_period": "O",
    "settings": "O",
    "users": "O",
    "items": "O",
    "import": "O",
    "export": "OA",
    "backup": "OA",
    "restore": "O",
    "purchase": "O",
}
LETTER = {Role.OWNER: "O", Role.CLERK: "C", Role.ACCOUNTANT: "A"}


def test_the_role_table_is_the_matrix_of_the_issue():
    assert {a: "".join(LETTER[r] for r in roles.roles_for(a)) for a in roles.ACTIONS} == MATRIX


@pytest.fixture
def team(stocked):
    """A stocked shop (A1: 10 in stock) with an owner, a clerk and an accountant."""
    db = stocked
    catalog.add_location(db, "Back")
    stock.receive(db, sku="A1", qty="10", unit_cost="2", date=DAY0, batch="L1")
    added = users.add_user(db, OWNER, "owner", "1111")
    assert added.recovery_code and len(added.recovery_code) == 19
    users.add_user(db, CLERK, "clerk", "2222")
    users.add_user(db, ACCOUNTANT, "accountant", "3333")
    return db


def _as(db, name: str, role: Role) -> None:
    users.act_as(db, Actor(name, role, Source.APP))


def _run(db, action: str, tmp_path) -> None:
    """Take ``action`` through its service, as whoever ``db.actor`` is."""
    day = dt.date.today()
    calls = {
        "read": lambda: audit.entries(db, start=day, end=day),
        "receive": lambda: stock.receive(db, sku="A1", qty="1", unit_cost="2", date=day),
        "issue": lambda: stock.issue(db, sku="A1", qty="1", date=day),
        "transfer": lambda: stock.transfer(
            db, sku="A1", qty="1", location="Main", to_location="Back", date=day
        ),
        "writeoff": lambda: stock.write_off(db, sku="A1", qty="1", reason="damaged", date=day),
        "adjust": lambda: stock.adjust(db, sku="A1", qty="-1", date=day),
        "reverse": lambda: stock.reverse(db, stock.last_reversible(db), reason="typo"),
        "stocktake_start": lambda: st.start(db, scope="all"),
        "count": lambda: st.count(db, _open_stocktake(db), code="A1", qty="1", location="Main"),
        "stocktake_approve": lambda: approve(db, _open_stocktake(db), uncounted="unchanged"),
        "stocktake_approve_over_tolerance": lambda: approve(
            db, _open_stocktake(db), uncounted="unchanged"
        ),
        "stocktake_cancel": lambda: st.cancel(db, _open_stocktake(db)),
        "close_period": lambda: stock.close_period(db, DAY0 - dt.timedelta(days=1)),
        "settings": lambda: settings.set_value(db, "currency", "$"),
        "users": lambda: users.list_users(db),
        "items": lambda: catalog.add_item(db, ItemFields(sku=f"N{_n()}", name="New")),
        "import": lambda: stock.post_entries(db, [], source="import"),
        "export": lambda: export_summary(db, tmp_path / f"s{_n()}.xlsx", start=day, end=day),
        "backup": lambda: backup.backup(db, tmp_path / f"b{_n()}.db"),
        "restore": lambda: backup.restore(tmp_path / "none.db", tmp_path / "x.db", actor=db.actor),
        "purchase": lambda: _order(db),
    }
    calls[action]()


def _order(db) -> int:
    """A new draft purchase order (the supplier made first when the shop has none)."""
    from inventory_app.services.buying import placing, suppliers

    if not suppliers.list_suppliers(db):
        suppliers.add_supplier(db, suppliers.Supplier(code="S1", name="Supplier"))
    return placing.create_order(db, "S1")[0]


_counter = iter(range(1, 10**6))


def _n() -> int:
    return next(_counter)


_OPEN = ("open", "counting", "in_review")


def _open_stocktake(db) -> int:
    rows = [r for r in st.list_stocktakes(db) if r.status.value in _OPEN]
    if rows:
        return rows[0].id
    return next(iter(st.start(db, scope="all").stocktakes))


def _counted_stocktake(db, *, over: bool) -> int:
    """A fresh stocktake with A1 counted at Main: at its books, or 5 over (50 %, over the
    default 5 % tolerance), as the owner."""
    for row in st.list_stocktakes(db):
        if row.status.value in _OPEN:
            st.cancel(db, row.id)
    sid = next(iter(st.start(db, scope="all").stocktakes))
    (line,) = [x for x in st.review(db, sid).lines if x.sku == "A1" and x.location == "Main"]
    st.count(db, sid, code="A1", qty=line.expected_qty + (5 if over else 0), location="Main")
    return sid


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_take_its_actions_and_is_refused_the_rest_naming_who_may(
    team, role, tmp_path
):
    db = team
    name = {Role.OWNER: OWNER, Role.CLERK: CLERK, Role.ACCOUNTANT: ACCOUNTANT}[role]
    refused = {}
    for action, letters in MATRIX.items():
        _as(db, OWNER, Role.OWNER)
        if action in ("count", "stocktake_approve", "stocktake_cancel"):
            _open_stocktake(db)
        if action.startswith("stocktake_approve"):
            _counted_stocktake(db, over=action.endswith("over_tolerance"))
        _as(db, name, role)
        if LETTER[role] in letters:
            try:
                _run(db, action, tmp_path)
            except RefusedOperation as exc:
                assert not exc.code.startswith("users."), (action, exc.code)
                # restore of a missing file: refused for the file, after the role passed
                assert action == "restore", (action, exc.code)
            except Exception as exc:  # only a role refusal would be a failure
                assert action == "restore" and "none.db" in str(exc), (action, exc)
        else:
            with pytest.raises(RefusedOperation) as caught:
                _run(db, action, tmp_path)
            code = caught.value.code
            # a clerk may approve, but not a difference over the tolerance
            assert code == (
                "stocktake.over_tolerance"
                if (role, action) == (Role.CLERK, "stocktake_approve_over_tolerance")
                else "users.role_needed"
            ), action
            refused[action] = caught.value.params["roles"]
    expected = {
        a: access_words(letters) for a, letters in MATRIX.items() if LETTER[role] not in letters
    }
    if role == Role.ACCOUNTANT:  # refused any approval before the tolerance is looked at
        expected["stocktake_approve_over_tolerance"] = access_words(MATRIX["stocktake_approve"])
    assert refused == expected
    _as(db, OWNER, Role.OWNER)
    report = check.check(db)
    assert report.ok, "\n".join(report.lines())


def access_words(letters: str) -> str:
    words = {"O": "owner", "C": "clerk", "A": "accountant"}
    named = [words[x] for x in letters]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def test_a_shop_without_users_works_as_before_and_records_an_anonymous_audit(stocked):
    changes = stock.receive(stocked, sku="A1", qty="2", unit_cost="1", date=DAY0)
    assert len(changes.movements) == 1
    (entry,) = [e for e in audit.entries(stocked, start=DAY0, end=dt.date.today())
                if e.action == "post"]  # fmt: skip
    assert (entry.user, entry.role, entry.source) == ("", "", "app")


def test_the_first_user_must_be_an_owner_and_turns_sign_in_on(stocked):
    with pytest.raises(RefusedOperation) as caught:
        users.add_user(stocked, "Li", "clerk", "2222")
    assert caught.value.code == "users.first_must_be_owner"
    users.add_user(stocked, "Mei", "owner", "1111")
    users.sign_out(stocked)
    with pytest.raises(RefusedOperation) as caught:
        stock.receive(stocked, sku="A1", qty="1", unit_cost="1", date=DAY0)
    assert caught.value.code == "users.sign_in_needed"
    assert caught.value.params["roles"] == "owner or clerk"
    assert "sign in first" in str(caught.value)
    users.sign_in(stocked, "Mei", "1111", source="app")
    stock.receive(stocked, sku="A1", qty="1", unit_cost="1", date=DAY0)


def test_pins_are_stored_as_scrypt_hashes_with_their_own_salt(team):
    rows = team.conn.execute("SELECT pin_hash, pin_salt, pin_params FROM users").fetchall()
    assert len({r[1] for r in rows}) == 3 and all(len(r[0]) == 32 for r in rows)
    assert all(r[2] == "n=16384,r=8,p=1" for r in rows)
    assert all(b"1111" not in r[0] and b"1111" not in r[1] for r in rows)


def test_wrong_pins_make_sign_in_wait_longer_and_the_wait_survives_a_restart(team, tmp_path):
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    codes = []
    for _ in range(4):
        with pytest.raises(RefusedOperation) as caught:
            users.sign_in(team, CLERK, "9999", source="app", now=now)
        codes.append((caught.value.code, caught.value.params["seconds"]))
    assert codes[:2] == [("users.wrong_pin", 0), ("users.wrong_pin", 0)]
    # the 4th try came during the wait the 3rd earned: refused without counting
    assert codes[2] == ("users.wrong_pin_wait", 30)
    assert codes[3][0] == "users.wait"
    path = team.path
    team.close()
    from inventory_app.services import shop

    with shop.open_shop(path) as again:
        with pytest.raises(RefusedOperation) as caught:  # the right PIN, still waiting
            users.sign_in(again, CLERK, "2222", source="app", now=now + dt.timedelta(seconds=20))
        assert caught.value.code == "users.wait"
        later = now + dt.timedelta(seconds=31)
        with pytest.raises(RefusedOperation) as caught:  # another wrong one: 60 s now
            users.sign_in(again, CLERK, "0000", source="app", now=later)
        assert caught.value.params["seconds"] == 60
        users.sign_in(again, CLERK, "2222", source="app", now=later + dt.timedelta(seconds=61))
        assert again.actor == Actor(CLERK, Role.CLERK, Source.APP)
        failed = [e for e in audit.entries(again, start=dt.date(2026, 1, 1), end=dt.date.today())
                  if e.action == "pin.failed"]  # fmt: skip
        assert [e.details["tries"] for e in failed] == [1, 2, 3, 4]


def test_the_wait_grows_to_an_hour_at_most():
    waits = [roles.wait_after(n).total_seconds() for n in range(1, 12)]
    assert waits[:2] == [0, 0] and waits[2:6] == [30, 60, 120, 240]
    assert max(waits) == 3600 and waits == sorted(waits)


def test_the_owner_gets_back_in_with_the_recovery_code_once(stocked):
    code = users.add_user(stocked, OWNER, "owner", "1111").recovery_code
    users.sign_out(stocked)
    with pytest.raises(RefusedOperation) as caught:
        users.recover(stocked, OWNER, "AAAA-BBBB-CCCC-DDDD", "5555", source="cli")
    assert caught.value.code == "users.wrong_pin"
    fresh = users.recover(stocked, OWNER, code.lower(), "5555", source="cli")
    assert fresh != code and stocked.actor.name == OWNER
    users.sign_out(stocked)
    users.sign_in(stocked, OWNER, "5555", source="app")
    with pytest.raises(RefusedOperation):  # a code works once
        users.recover(stocked, OWNER, code, "6666", source="cli")
    actions = [e.action for e in audit.entries(stocked, start=DAY0, end=dt.date.today())]
    assert actions.count("recovery.used") == 1 and actions.count("recovery.failed") == 2


def test_pins_too_short_and_names_taken_are_refused(team):
    _as(team, OWNER, Role.OWNER)
    with pytest.raises(ValidationError) as caught:
        users.add_user(team, "Wu", "clerk", "12")
    assert caught.value.code == "users.pin_too_short"
    with pytest.raises(ValidationError) as caught:
        users.add_user(team, "li", "clerk", "1234")
    assert caught.value.code == "users.name_taken"


def test_the_last_owner_cannot_be_disabled_and_a_disabled_user_cannot_sign_in(team):
    _as(team, OWNER, Role.OWNER)
    with pytest.raises(RefusedOperation) as caught:
        users.disable_user(team, OWNER)
    assert caught.value.code == "users.last_owner"
    users.disable_user(team, CLERK)
    with pytest.raises(RefusedOperation) as caught:
        users.sign_in(team, CLERK, "2222", source="app")
    assert caught.value.code == "users.cannot_sign_in"


def test_a_clerk_changes_their_own_pin_but_nobody_else_s(team):
    _as(team, CLERK, Role.CLERK)
    users.set_pin(team, CLERK, "4444")
    with pytest.raises(RefusedOperation):
        users.set_pin(team, ACCOUNTANT, "4444")
    users.sign_in(team, CLERK, "4444", source="app")


def test_every_act_is_in_the_audit_trail_with_who_when_and_where(team, tmp_path):
    db = team
    users.sign_in(db, OWNER, "1111", source="cli")
    day = dt.date.today()
    stock.receive(db, sku="A1", qty="3", unit_cost="2", date=day)
    stock.reverse(db, stock.last_reversible(db), reason="typo")
    sid = next(iter(st.start(db, scope="all").stocktakes))
    st.count(db, sid, code="A1", qty="9")
    approve(db, sid, uncounted="unchanged")
    stock.close_period(db, DAY0)
    settings.set_value(db, "currency", "$")
    export_summary(db, tmp_path / "s.xlsx", start=day, end=day)
    backup.backup(db, tmp_path / "b.db")
    with pytest.raises(RefusedOperation):
        users.sign_in(db, CLERK, "0000", source="cli")
    entries = audit.entries(db, start=day, end=day)
    acts = [(e.user, e.source, e.action) for e in entries if e.user == OWNER or e.user == CLERK]
    mine = [a for a in acts if a[0] == OWNER and a[2] not in ("user.add",)]
    assert [a[2] for a in mine] == [
        "sign_in", "post", "reverse", "stocktake_start", "stocktake_approve", "close_period",
        "settings", "export", "backup",
    ]  # fmt: skip
    assert all(a[1] == "cli" for a in mine)
    assert acts[-1] == (CLERK, "cli", "pin.failed")
    approval = next(e for e in entries if e.action == "stocktake_approve")
    assert approval.details["approver"] == OWNER  # defaulted to the signed-in user
    close = next(e for e in entries if e.action == "close_period")
    assert close.object == DAY0.isoformat() and close.at.startswith(day.isoformat())
    doc_source = db.conn.execute("SELECT source, operator FROM documents ORDER BY id DESC")
    # the reversal's document is the CLI's, with the signed-in operator
    rows = doc_source.fetchall()
    assert ("cli", OWNER) in rows


def test_an_act_refused_writes_no_audit_row(team):
    _as(team, CLERK, Role.CLERK)
    before = team.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(RefusedOperation):
        stock.write_off(team, sku="A1", qty="1", reason="damaged", date=DAY0)
    with pytest.raises(InsufficientStock):  # nothing posted, nothing audited
        stock.issue(team, sku="A1", qty="999", date=DAY0)
    assert team.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def test_the_audit_trail_cannot_be_changed(team):
    with pytest.raises(sqlite3.DatabaseError):
        team.conn.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.DatabaseError):
        team.conn.execute("UPDATE audit SET user = 'x'")


def test_a_clerk_prints_the_count_sheet_but_the_report_is_the_accountant_s(team, tmp_path):
    from inventory_app.services.stocktake.report import write_report
    from inventory_app.services.stocktake.sheet import export_sheet

    _as(team, CLERK, Role.CLERK)
    sid = _open_stocktake(team)
    export_sheet(team, sid, tmp_path / "sheet.xlsx")
    with pytest.raises(RefusedOperation) as caught:
        write_report(team, sid, tmp_path / "report.xlsx")
    assert caught.value.params["roles"] == "owner or accountant"
    _as(team, ACCOUNTANT, Role.ACCOUNTANT)
    write_report(team, sid, tmp_path / "report.xlsx")
    exports = [e for e in audit.entries(team, start=DAY0, end=dt.date.today())
               if e.action == "export"]  # fmt: skip
    assert [(e.user, e.details["stocktake"]) for e in exports] == [
        (CLERK, sid), (ACCOUNTANT, sid),
    ]  # fmt: skip


def test_a_clerk_may_not_write_off_uncounted_stock_by_approving_it_as_zero(team):
    _as(team, CLERK, Role.CLERK)
    sid = next(iter(st.start(team, scope="all").stocktakes))
    approve(team, sid, uncounted="unchanged")  # nothing counted, nothing changes: allowed
    sid = next(iter(st.start(team, scope="all").stocktakes))
    with pytest.raises(RefusedOperation) as caught:
        approve(team, sid, uncounted="zero")  # A1's 10 would be written off
    assert caught.value.code == "stocktake.over_tolerance"
    assert caught.value.params["lines"].startswith("A1")
    assert caught.value.params["roles"] == "owner"
    assert st.get(team, sid).open
    _as(team, OWNER, Role.OWNER)
    approve(team, sid, uncounted="zero")
    assert not st.get(team, sid).open


def test_every_act_the_desktop_app_takes_is_audited_as_the_app(team, tmp_path):
    """The service calls the desktop app makes (the posting dialog posts through
    ``buying.post``, Ctrl+Z through ``reverse_document``, a receipt against an order through
    ``buying.receive``, Back up now through a reader of its own): each writes its audit row
    with who and source 'app', and a role that may not is refused by the service."""
    from inventory_app.domain.model import Document, Line, MovementType
    from inventory_app.services import buying, shop

    db = team
    day = dt.date.today()
    _as(db, CLERK, Role.CLERK)
    doc = Document(date=day, lines=(Line(type=MovementType.RECEIPT, sku="A1", qty=D("2"),
                                         unit_cost=D("2")),))  # fmt: skip
    buying.post(db, doc, packs_typed=[None])
    with pytest.raises(RefusedOperation):  # Ctrl+Z is the owner's, whatever the UI shows
        stock.reverse_document(db, stock.last_reversible_document(db), reason="typo")
    _as(db, ACCOUNTANT, Role.ACCOUNTANT)
    with pytest.raises(RefusedOperation):
        buying.post(db, doc, packs_typed=[None])
    _as(db, OWNER, Role.OWNER)
    buying.add_supplier(db, buying.Supplier(code="HR", name="华润"))
    order, _ = buying.create_order(db, "HR")
    buying.add_line(db, order, sku="A1", qty="3", cost="2")
    buying.send(db, order)
    buying.receive(db, order, [buying.Receipt(sku="A1", qty="3")])
    stock.reverse_document(db, stock.last_reversible_document(db), reason="typo")
    settings.update(db, {"currency": "$"})
    export_summary(db, tmp_path / "s.xlsx", start=day, end=day)
    with shop.open_shop(db.path, write=False, check=False) as reader:  # Back up now
        backup.backup(reader, tmp_path / "b.db", force=True)
    entries = audit.entries(db, start=day, end=day)
    acts = [(e.user, e.source, e.action, e.object.split(" ")[0]) for e in entries]
    assert (CLERK, "app", "post", "document") in acts
    assert acts.count((OWNER, "app", "post", "document")) == 1  # the order's receipt
    assert (OWNER, "app", "reverse", "document") in acts
    assert (OWNER, "app", "settings", "currency") in acts
    assert (OWNER, "app", "export", str(tmp_path / "s.xlsx").split(" ")[0]) in acts
    assert [a[2] for a in acts].count("backup") == 1
    documents = db.conn.execute("SELECT source, operator FROM documents ORDER BY id").fetchall()
    assert documents[-3:] == [("app", CLERK), ("po", OWNER), ("app", OWNER)]
    report = check.check(db)
    assert report.ok, "\n".join(report.lines())


def test_a_restore_from_the_desktop_app_is_audited_in_the_restored_shop(team, tmp_path):
    """As the window does: the actor is taken from the shop being replaced, the shop is
    closed, restored, and the restore is the restored file's newest audit entry, after the
    entries of the replaced shop the backup lacked (its own backup entry, an issue)."""
    from inventory_app.services import shop

    db = team
    _as(db, OWNER, Role.OWNER)
    backup.backup(db, tmp_path / "b.db")
    stock.issue(db, sku="A1", qty="1", date=dt.date.today())  # undone by the restore
    actor, path = db.actor, db.path
    before = audit.entries(db, start=DAY0, end=dt.date.today())
    db.close()
    backup.restore(tmp_path / "b.db", path, actor=actor)
    with shop.open_shop(path) as again:
        after = audit.entries(again, start=DAY0, end=dt.date.today())
        # the trail is append-only: the acts the restore undid stay in it, as they were
        seen = [(e.at, e.user, e.action, e.object, e.details) for e in after[:-1]]
        assert seen == [(e.at, e.user, e.action, e.object, e.details) for e in before]
        last = after[-1]
        assert (last.action, last.user, last.role, last.source) == (
            "restore",
            OWNER,
            "owner",
            "app",
        )
        assert last.object == str(tmp_path / "b.db")
        report = check.check(again)
        assert report.ok, "\n".join(report.lines())


def test_the_buying_exports_are_for_who_may_export_and_are_in_the_audit(team, tmp_path):
    """The item catalogue, a purchase order and the clearance list are exports like the month
    pack: an accountant may, a clerk may not, and each written file is in the trail."""
    from inventory_app.services import demand
    from inventory_app.services.buying import catalogue, order_export

    _as(team, OWNER, Role.OWNER)
    order = _order(team)
    _as(team, CLERK, Role.CLERK)
    with pytest.raises(RefusedOperation) as refused:
        catalogue.export_catalogue(team, tmp_path / "c.xlsx")
    assert refused.value.code == "users.role_needed"
    with pytest.raises(RefusedOperation):
        order_export.order_sheet(team, order)
    _as(team, ACCOUNTANT, Role.ACCOUNTANT)
    catalogue.export_catalogue(team, tmp_path / "c.xlsx")
    sheet = order_export.order_sheet(team, order)
    order_export.exported(team, order, order_export.write_xlsx(sheet, tmp_path / "po.xlsx"))
    demand.export_clearance_list(team, demand.tiers_report(team), tmp_path / "clear.xlsx")
    day = dt.date.today()
    done = [
        (e.user, e.action, e.object)
        for e in audit.entries(team, start=day, end=day)
        if e.action == "export"
    ]
    assert done == [
        (ACCOUNTANT, "export", str(tmp_path / name)) for name in ("c.xlsx", "po.xlsx", "clear.xlsx")
    ]


def test_suppliers_and_purchase_orders_are_the_owners(team):
    _as(team, OWNER, Role.OWNER)
    order = _order(team)
    _as(team, CLERK, Role.CLERK)
    from inventory_app.services.buying import placing, suppliers

    for act in (
        lambda: suppliers.add_supplier(team, suppliers.Supplier(code="S2", name="Other")),
        lambda: suppliers.link_item(team, "S1", sku="A1"),
        lambda: placing.create_order(team, "S1"),
        lambda: placing.send(team, order),
        lambda: placing.cancel(team, order, reason="no"),
    ):
        with pytest.raises(RefusedOperation) as refused:
            act()
        assert refused.value.code == "users.role_needed"
