"""Tampering with the file directly is seen by `check` (#14 point 5): each case of the issue
edits the shop with sqlite3, as a dishonest employee with the file would, keeps every cache
consistent so that the ledger's own rules still hold, and expects `check` to fail naming
what changed."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from inventory_app.services import check, shop
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.approve import approve
from inventory_app.storage import chain
from tests.conftest import DAY0

LEDGER_RULES = "posted rows are as posted (tamper-evident chain)"
TRIGGER_RULE = "every protecting trigger is in place"


@pytest.fixture
def shop_file(stocked):
    """A closed shop file: receipts, an issue, an approved stocktake, a closed period."""
    db = stocked
    stock.receive(db, sku="A1", qty="10", unit_cost="2.00", date=DAY0, batch="L1")
    stock.receive(db, sku="A1", qty="5", unit_cost="3.00", date=DAY0 + dt.timedelta(1))
    stock.issue(db, sku="A1", qty="4", date=DAY0 + dt.timedelta(2), note="sold")
    sid = next(iter(st.start(db, scope="all").stocktakes))
    st.count(db, sid, code="A1", qty="10")
    approve(db, sid, approver="Mei", uncounted="unchanged")
    stock.close_period(db, DAY0 + dt.timedelta(1))
    path = db.path
    assert check.check(db).ok
    db.close()
    return path


def failures(path) -> dict[str, list[str]]:
    with shop.open_shop(path, write=False) as db:
        report = check.check(db)
    return {rule: problems for rule, problems in report.results if problems}


def tamper(path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def only_chain_and_triggers(found: dict[str, list[str]]) -> None:
    """The caches were kept consistent: only the chain (and the triggers) can tell."""
    assert set(found) <= {LEDGER_RULES, TRIGGER_RULE}, found


def test_an_untouched_shop_passes(shop_file):
    assert failures(shop_file) == {}


def test_moving_the_lock_date_back_is_refused_and_named_when_forced(shop_file):
    with pytest.raises(sqlite3.DatabaseError, match="cannot be reopened"):
        tamper(shop_file, "UPDATE meta SET value = '2025-12-31' WHERE key = 'lock_date'")
    tamper(
        shop_file,
        "DROP TRIGGER meta_lock_date_u",
        "UPDATE meta SET value = '2025-12-31' WHERE key = 'lock_date'",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    closed = (DAY0 + dt.timedelta(1)).isoformat()
    assert found[LEDGER_RULES] == [
        f"lock_date changed outside the app: {closed} as set, now 2025-12-31"
    ]
    assert found[TRIGGER_RULE] == ["trigger meta_lock_date_u is missing"]


def _next_ids(conn) -> tuple[int, int, int]:
    return tuple(
        conn.execute(f"SELECT max(id) + 1 FROM {t}").fetchone()[0]
        for t in ("documents", "movements", "batches")
    )


def test_a_consistent_fake_receipt_inserted_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    doc, mov, batch = _next_ids(conn)
    item = conn.execute("SELECT id FROM items WHERE sku = 'A1'").fetchone()[0]
    conn.close()
    day = (DAY0 + dt.timedelta(3)).isoformat()
    month = day[:7]
    tamper(
        shop_file,
        f"INSERT INTO documents VALUES ({doc}, '{day}', 'receipt', '', '', '', 'x', 'app',"
        f" '{day}')",
        f"INSERT INTO movements VALUES ({mov}, {doc}, '{day}', 'receipt', 'in', {item}, 1, NULL,"
        " 1000, 200, 20000, NULL, NULL, '', '', 'x', NULL, NULL)",
        f"INSERT INTO batches VALUES ({batch}, {item}, 1, 'FAKE', '{day}', '{day}', NULL, 20000,"
        f" 1000, 200, {mov}, NULL, 1000, 200, NULL)",
        "UPDATE items SET on_hand_qty = on_hand_qty + 1000, on_hand_value = on_hand_value + 200"
        f" WHERE id = {item}",
        f"UPDATE item_month SET in_qty = in_qty + 1000, in_value = in_value + 200"
        f" WHERE item_id = {item} AND month = '{month}'",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert found[LEDGER_RULES] == [
        f"documents id {doc} not posted by the app (added to the file directly)",
        f"movements id {mov} not posted by the app (added to the file directly)",
        f"batches id {batch} not posted by the app (added to the file directly)",
    ]


def test_a_consistent_fake_issue_inserted_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    doc, mov, _ = _next_ids(conn)
    alloc = conn.execute("SELECT max(id) + 1 FROM allocations").fetchone()[0]
    item, batch = conn.execute(
        "SELECT item_id, id FROM batches WHERE qty_remaining >= 1000 ORDER BY id LIMIT 1"
    ).fetchone()
    unit = conn.execute(f"SELECT unit_cost FROM batches WHERE id = {batch}").fetchone()[0]
    conn.close()
    value = unit // 100  # one unit (1000 thousandths) at unit_cost ten-thousandths -> cents
    day = (DAY0 + dt.timedelta(3)).isoformat()
    tamper(
        shop_file,
        f"INSERT INTO documents VALUES ({doc}, '{day}', 'issue', '', '', '', '', 'app', '{day}')",
        f"INSERT INTO movements VALUES ({mov}, {doc}, '{day}', 'issue', 'out', {item}, 1, NULL,"
        f" -1000, -{value}, NULL, NULL, NULL, '', '', '', NULL, NULL)",
        f"INSERT INTO allocations VALUES ({alloc}, {mov}, {batch}, '{day}', 1000, {value})",
        f"UPDATE batches SET qty_remaining = qty_remaining - 1000, value_remaining ="
        f" value_remaining - {value} WHERE id = {batch}",
        f"UPDATE items SET on_hand_qty = on_hand_qty - 1000, on_hand_value = on_hand_value -"
        f" {value} WHERE id = {item}",
        f"UPDATE item_month SET out_qty = out_qty + 1000, out_value = out_value + {value}"
        f" WHERE item_id = {item} AND month = '{day[:7]}'",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert (
        f"allocations id {alloc} not posted by the app (added to the file directly)"
        in (found[LEDGER_RULES])
    )
    assert (
        f"movements id {mov} not posted by the app (added to the file directly)"
        in (found[LEDGER_RULES])
    )


def test_deleting_an_issue_with_its_caches_adjusted_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    mov, item, qty, value, day = conn.execute(
        "SELECT id, item_id, qty, value, date FROM movements WHERE type = 'issue'"
    ).fetchone()
    allocs = conn.execute(
        f"SELECT batch_id, qty, value FROM allocations WHERE movement_id = {mov}"
    ).fetchall()
    conn.close()
    restore_batches = [
        f"UPDATE batches SET qty_remaining = qty_remaining + {q}, value_remaining ="
        f" value_remaining + {v} WHERE id = {b}"
        for b, q, v in allocs
    ]
    tamper(
        shop_file,
        "DROP TRIGGER movements_append_only_d",
        "DROP TRIGGER allocations_append_only_d",
        f"DELETE FROM allocations WHERE movement_id = {mov}",
        f"DELETE FROM movements WHERE id = {mov}",
        *restore_batches,
        f"UPDATE items SET on_hand_qty = on_hand_qty - ({qty}), on_hand_value = on_hand_value -"
        f" ({value}) WHERE id = {item}",
        f"UPDATE item_month SET out_qty = out_qty + ({qty}), out_value = out_value + ({value})"
        f" WHERE item_id = {item} AND month = '{day[:7]}'",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert f"movements id {mov} removed after posting" in found[LEDGER_RULES]
    assert any(p.startswith("allocations id") and "removed" in p for p in found[LEDGER_RULES])
    assert found[TRIGGER_RULE] == [
        "trigger allocations_append_only_d is missing",
        "trigger movements_append_only_d is missing",
    ]


def test_re_pricing_a_receipt_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    mov, batch = conn.execute(
        "SELECT m.id, b.id FROM movements m JOIN batches b ON b.movement_id = m.id"
        " WHERE m.type = 'receipt' ORDER BY m.id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    tamper(
        shop_file,
        "DROP TRIGGER movements_append_only_u",
        "DROP TRIGGER batches_fixed",
        f"UPDATE movements SET unit_cost = 10000 WHERE id = {mov}",
        f"UPDATE batches SET unit_cost = 10000 WHERE id = {batch}",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert f"movements id {mov} changed after posting" in found[LEDGER_RULES]
    assert f"batches id {batch} changed after posting" in found[LEDGER_RULES]


def test_rewriting_note_operator_and_created_at_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    mov, doc = conn.execute("SELECT id, document_id FROM movements WHERE note = 'sold'").fetchone()
    conn.close()
    tamper(
        shop_file,
        "DROP TRIGGER movements_append_only_u",
        "DROP TRIGGER documents_append_only_u",
        f"UPDATE movements SET note = 'returned', operator = 'Li' WHERE id = {mov}",
        f"UPDATE documents SET created_at = '2026-01-01T00:00:00+08:00' WHERE id = {doc}",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert f"documents id {doc} changed after posting" in found[LEDGER_RULES]
    assert f"movements id {mov} changed after posting" in found[LEDGER_RULES]


def test_changing_an_approved_stocktake_s_approver_is_named(shop_file):
    tamper(
        shop_file,
        "DROP TRIGGER stocktakes_closed",
        "UPDATE stocktakes SET approver = 'Li' WHERE state = 'approved'",
    )
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert found[LEDGER_RULES] == ["stocktake 1 changed after its approval"]


def test_ten_dropped_triggers_are_each_named_then_restored_after_the_report(shop_file):
    names = sorted(chain.expected_triggers())[:10]
    tamper(shop_file, *(f"DROP TRIGGER {n}" for n in names))
    found = failures(shop_file)
    assert found[TRIGGER_RULE] == [f"trigger {n} is missing" for n in names]
    with shop.open_shop(shop_file) as db:
        missing = check.missing_triggers(db)
        assert missing == names
        check.restore_triggers(db, missing)
        assert check.check(db).ok
        (entry,) = db.conn.execute(
            "SELECT action, object FROM audit WHERE action = 'triggers_restored'"
        ).fetchall()
        assert entry[1] == ", ".join(names)


def test_a_trigger_rewritten_to_do_nothing_is_named(shop_file):
    tamper(
        shop_file,
        "DROP TRIGGER movements_append_only_u",
        "CREATE TRIGGER movements_append_only_u BEFORE UPDATE ON movements BEGIN SELECT 1; END",
    )
    assert failures(shop_file)[TRIGGER_RULE] == ["trigger movements_append_only_u was changed"]


def test_a_chain_link_removed_is_named(shop_file):
    tamper(shop_file, "DROP TRIGGER chain_append_only_d", "DELETE FROM chain WHERE id = 2")
    problems = failures(shop_file)[LEDGER_RULES]
    assert any("the chain is broken at link 3" in p for p in problems)


def test_an_audit_entry_removed_or_rewritten_is_named(shop_file):
    conn = sqlite3.connect(shop_file)
    close, post = (
        conn.execute("SELECT id FROM audit WHERE action = ?", (a,)).fetchone()[0]
        for a in ("close_period", "post")
    )
    conn.close()
    tamper(
        shop_file,
        "DROP TRIGGER audit_append_only_d",
        "DROP TRIGGER audit_append_only_u",
        f"DELETE FROM audit WHERE id = {close}",
        f"UPDATE audit SET user = 'someone else' WHERE id = {post}",
    )
    found = failures(shop_file)
    assert found[LEDGER_RULES] == [
        f"audit entry {post} changed or removed",
        f"audit entry {close} changed or removed",
    ]


def test_an_audit_entry_added_outside_the_app_is_named(shop_file):
    tamper(
        shop_file,
        "INSERT INTO audit (at, user, role, source, action, object)"
        " VALUES ('2026-01-01T00:00:00+08:00', 'Mei', 'owner', 'app', 'sign_in', 'Mei')",
    )
    assert failures(shop_file)[LEDGER_RULES] == ["1 audit entries added outside the app"]


def test_a_row_changed_inside_a_big_import_is_named_within_64_ids(stocked):
    from inventory_app.domain.model import Line, MovementType

    lines = [
        (DAY0, Line(type=MovementType.RECEIPT, sku="A1", qty=1, unit_cost=2)) for _ in range(300)
    ]
    stock.post_entries(stocked, lines)
    path = stocked.path
    stocked.close()
    (link_count,) = sqlite3.connect(path).execute("SELECT count(*) FROM chain").fetchone()
    tamper(
        path,
        "DROP TRIGGER movements_append_only_u",
        "UPDATE movements SET note = 'x' WHERE id = 200",
    )
    found = failures(path)
    assert found[LEDGER_RULES] == ["movements ids 193-256 changed after posting"]
    assert link_count < 10  # the 300 lines were one write: one link named the run, not the import


def test_a_value_rewritten_as_a_blob_is_named_not_crashed_on(shop_file):
    """A blob (the same bytes as the text posted) has no canonical text: its run changed."""
    tamper(
        shop_file,
        "DROP TRIGGER movements_append_only_u",
        "UPDATE movements SET note = CAST(note AS BLOB) WHERE type = 'issue'",
    )
    conn = sqlite3.connect(shop_file)
    (mov,) = conn.execute("SELECT id FROM movements WHERE type = 'issue'").fetchone()
    conn.close()
    found = failures(shop_file)
    only_chain_and_triggers(found)
    assert found[LEDGER_RULES] == [f"movements id {mov} changed after posting"]


def test_sqlite_s_run_texts_prove_posted_rows_whatever_their_text(stocked):
    """``check`` proves each run of posted rows from the canonical text SQLite makes of them
    (the rows are read again in Python only when a run does not match): quotes, backslashes,
    control characters and Chinese in a posted row give SQLite the very bytes posted, and a
    changed row does not."""
    import json

    note = 'quote " back \\ new\nline\ttab \x01 纯牛奶 é'
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2.00", date=DAY0, note=note)
    stock.issue(stocked, sku="A1", qty="4", date=DAY0, note=note)
    path = stocked.path
    stocked.close()

    def proved(path) -> list[bool]:
        conn = sqlite3.connect(path)
        try:
            refs = conn.execute("SELECT ref FROM chain WHERE kind = 'ledger'").fetchall()
            return [
                chain._as_posted(conn, table, first, last, digests)
                for (ref,) in refs
                for table, (first, last, digests) in json.loads(ref).items()
            ]
        finally:
            conn.close()

    assert proved(path) and all(proved(path))
    tamper(
        path,
        "DROP TRIGGER movements_append_only_u",
        "UPDATE movements SET note = note || ' ' WHERE type = 'issue'",
    )
    assert not all(proved(path))
    assert failures(path)[LEDGER_RULES]
