"""Stocktake scenarios: snapshot, counts while the shop sells, several counters, recount,
uncounted lines, approval through the ledger, read-only afterwards."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import (
    InventoryError,
    NotFound,
    RefusedOperation,
    ValidationError,
)
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, check, settings
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.approve import approve

TODAY = dt.date.today()


def start(db, **kw) -> int:
    return next(iter(st.start(db, **kw).stocktakes))


def on_hand(db, sku, *, location="Main", batch=None) -> D:
    sql = (
        "SELECT coalesce(sum(b.qty_remaining), 0) FROM batches b JOIN items i ON i.id = b.item_id"
        " JOIN locations l ON l.id = b.location_id WHERE i.sku = ? AND l.name = ?"
    )
    args = [sku, location]
    if batch:
        sql += " AND b.code = ?"
        args.append(batch)
    return D(db.conn.execute(sql, args).fetchone()[0]) / 1000


def line(db, sid, sku, batch=""):
    return next(x for x in st.review(db, sid).lines if x.sku == sku and x.batch == batch)


def assert_sound(db):
    report = check.check(db)
    assert report.ok, "\n".join(report.lines())


@pytest.fixture
def shop(stocked):
    """A1 (FIFO, per item): 10 @ 2.00 + 5 @ 3.00 at Main. M1 (FEFO, per batch): L1 6 @ 1.00
    expiring first, L2 4 @ 1.50."""
    db = stocked
    stock.receive(
        db, sku="A1", qty="10", unit_cost="2", batch="A-OLD", date=TODAY - dt.timedelta(3)
    )
    stock.receive(db, sku="A1", qty="5", unit_cost="3", batch="A-NEW")
    stock.receive(db, sku="M1", qty="6", unit_cost="1", batch="L1", expiry=TODAY + dt.timedelta(4))
    stock.receive(db, sku="M1", qty="4", unit_cost="1.5", batch="L2")
    return db


def test_start_snapshots_per_item_and_per_batch(shop):
    sid = start(shop, name="Year end", blind=True)
    rv = st.review(shop, sid)
    assert rv.stocktake.name == "Year end" and rv.stocktake.blind
    assert rv.stocktake.status == "open" and rv.stocktake.lines == 3
    got = [(x.sku, x.batch, x.location, x.expected_qty, x.counted_qty) for x in rv.lines]
    assert got == [
        ("A1", "", "Main", D("15.000"), None),
        ("M1", "L1", "Main", D("6.000"), None),
        ("M1", "L2", "Main", D("4.000"), None),
    ]
    assert line(shop, sid, "M1", "L1").expiry == TODAY + dt.timedelta(4)


def test_sale_between_snapshot_and_count_is_no_false_variance(shop):
    sid = start(shop)
    stock.issue(shop, sku="A1", qty="4")  # the shop keeps selling
    st.count(shop, sid, code="A1", qty="11", counter="Li")
    x = line(shop, sid, "A1")
    assert (x.expected_qty, x.counted_qty, x.variance_qty) == (D("11.000"), D("11.000"), 0)
    assert not x.flagged


def test_sale_after_the_count_does_not_disturb_it(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="14", counter="Li")  # one missing
    stock.issue(shop, sku="A1", qty="3")  # after the count
    x = line(shop, sid, "A1")
    assert (x.expected_qty, x.variance_qty) == (D("15.000"), D("-1.000"))
    assert x.variance_value == D("-2.00")  # the oldest batch goes first (FIFO)
    st.count(shop, sid, code="M1", batch="L1", qty="6")
    st.count(shop, sid, code="M1", batch="L2", qty="4")
    approve(shop, sid, approver="Boss")
    # on hand = counted + what moved after the count
    assert on_hand(shop, "A1") == 14 - 3
    assert_sound(shop)


def test_several_counters_add_up_each_recorded(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="9", counter="Li")
    done = st.count(shop, sid, code="A1", qty="6", counter="Wang")
    assert done.total == D("15.000")
    x = line(shop, sid, "A1")
    assert x.counted_qty == D("15.000") and x.variance_qty == 0
    assert x.counters == "Li, Wang" and x.counts == 2
    hist = st.count_history(shop, sid)
    assert [(h.counter, h.qty, h.current) for h in hist] == [
        ("Li", D("9.000"), True),
        ("Wang", D("6.000"), True),
    ]
    assert all(dt.datetime.fromisoformat(h.counted_at) for h in hist)


def test_recount_replaces_and_keeps_history(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="9", counter="Li")
    st.count(shop, sid, code="A1", qty="1", counter="Li")
    assert line(shop, sid, "A1").flagged  # 10 of 15: beyond 5 %
    st.count(shop, sid, code="A1", qty="15", counter="Boss", recount=True)
    x = line(shop, sid, "A1")
    assert (x.counted_qty, x.variance_qty, x.round, x.flagged) == (D("15.000"), 0, 2, False)
    hist = st.count_history(shop, sid)
    assert [(h.round, h.qty, h.current) for h in hist] == [
        (1, D("9.000"), False),
        (1, D("1.000"), False),
        (2, D("15.000"), True),
    ]
    with pytest.raises(sqlite3.DatabaseError, match="cannot be deleted"):
        shop.conn.execute("DELETE FROM stocktake_counts")


def test_approval_needs_an_explicit_choice_for_uncounted_lines(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="15")
    movements = shop.conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    with pytest.raises(RefusedOperation, match=r"2 of 3 lines .* not counted"):
        approve(shop, sid, approver="Boss")
    assert shop.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == movements
    assert st.get(shop, sid).open


def test_uncounted_unchanged_leaves_the_books(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="15")
    approve(shop, sid, approver="Boss", uncounted="unchanged")
    assert on_hand(shop, "M1") == 10
    assert [x.outcome for x in st.review(shop, sid).lines] == ["counted", "unchanged", "unchanged"]


def test_uncounted_zero_posts_them_to_zero(shop):
    sid = start(shop)
    st.count(shop, sid, code="M1", batch="L2", qty="4")
    stock.issue(shop, sku="M1", qty="2")  # from L1 (FEFO) after the snapshot
    approve(shop, sid, approver="Boss", uncounted="zero")
    assert on_hand(shop, "M1", batch="L1") == 0 and on_hand(shop, "M1", batch="L2") == 4
    assert on_hand(shop, "A1") == 0
    zeroed = line(shop, sid, "M1", "L1")
    assert (zeroed.outcome, zeroed.expected_qty, zeroed.counted_qty) == ("zero", 4, 0)
    assert zeroed.variance_value == D("-4.00")
    assert_sound(shop)


def test_approval_posts_one_stocktake_movement_per_variance_line(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="17")  # 2 found
    st.count(shop, sid, code="6901234567892", batch="L2", qty="1")  # scanned barcode: 3 gone
    st.count(shop, sid, code="M1", batch="l1", qty="6")  # batch codes ignore case; no variance
    st.set_reason(shop, sid, line(shop, sid, "M1", "L2").line_id, "theft")
    changes = approve(shop, sid, approver="Boss", reason="data error")
    rows = shop.conn.execute(
        "SELECT i.sku, m.type, m.bucket, m.qty, m.value, m.unit_cost, m.reason, m.stocktake_id,"
        " m.override_reason FROM movements m JOIN items i ON i.id = m.item_id"
        " WHERE m.stocktake_id IS NOT NULL ORDER BY m.id"
    ).fetchall()
    assert rows == [
        # a gain: a new batch at the item's last receipt cost (3.00)
        ("A1", "stocktake", "adj", 2000, 600, 30000, "data error", sid, None),
        # a loss from the counted batch L2, which FEFO would not pick first: override recorded
        ("M1", "stocktake", "adj", -3000, -450, None, "theft", sid, "stocktake"),
    ]
    assert len(changes.movements) == 2 and sid in changes.stocktakes
    assert on_hand(shop, "A1") == 17 and on_hand(shop, "M1", batch="L2") == 1
    info = st.get(shop, sid)
    assert (info.status, info.approver) == ("approved", "Boss")
    assert catalog.get_item(shop, "A1").last_counted == TODAY
    rv = st.review(shop, sid)
    assert (rv.gains, rv.losses) == (D("6.00"), D("4.50"))
    assert [x.outcome for x in rv.lines] == ["counted", "counted", "counted"]
    assert_sound(shop)


def test_loss_counted_per_item_follows_the_policy(shop):
    sid = start(shop, scope="category:Hardware")
    st.count(shop, sid, code="A1", qty="12")
    approve(shop, sid, approver="Boss")
    assert on_hand(shop, "A1", batch="A-OLD") == 7 and on_hand(shop, "A1", batch="A-NEW") == 5
    assert line(shop, sid, "A1").variance_value == D("-6.00")  # posted: 3 x 2.00


def test_loss_counted_per_item_reaches_expired_batches(stocked):
    db = stocked
    past = TODAY - dt.timedelta(days=20)
    stock.receive(db, sku="A1", qty="3", unit_cost="1", batch="OLD", date=past,
                  expiry=TODAY - dt.timedelta(days=2))  # fmt: skip
    stock.receive(db, sku="A1", qty="2", unit_cost="2", batch="NEW")
    sid = start(db, scope="category:Hardware")
    st.count(db, sid, code="A1", qty="1")
    approve(db, sid, approver="Boss", reason="expired")
    assert on_hand(db, "A1") == 1
    assert line(db, sid, "A1").variance_value == D("-5.00")
    assert_sound(db)


def test_gain_on_a_batch_keeps_its_code_and_expiry(shop):
    sid = start(shop, scope="category:乳制品")
    st.count(shop, sid, code="M1", batch="L1", qty="8")
    st.count(shop, sid, code="M1", batch="L2", qty="4")
    approve(shop, sid, approver="Boss")
    got = shop.conn.execute(
        "SELECT code, expiry, qty_received, unit_cost FROM batches WHERE movement_id ="
        " (SELECT max(id) FROM movements)"
    ).fetchone()
    assert got == ("L1", (TODAY + dt.timedelta(4)).isoformat(), 2000, 15000)  # last cost 1.50


def test_gain_without_a_receipt_cost_uses_the_batch_cost_or_refuses(db):
    catalog.add_item(db, ItemFields(sku="G1", name="Gift"))
    catalog.add_item(db, ItemFields(sku="G2", name="Found"))
    stock.adjust(db, sku="G1", qty="2", unit_cost="4")  # an adjustment sets no last cost
    sid = start(db)
    st.count(db, sid, code="G1", qty="3")
    approve(db, sid, approver="Boss")
    assert db.conn.execute("SELECT max(unit_cost) FROM movements").fetchone()[0] == 40000
    sid = start(db)
    st.count(db, sid, code="G2", qty="1")  # never received: no cost anywhere
    with pytest.raises(RefusedOperation, match="G2 has no cost yet"):
        approve(db, sid, approver="Boss", uncounted="unchanged")
    assert st.get(db, sid).open


def test_stocktake_is_read_only_after_approval(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="15")
    approve(shop, sid, approver="Boss", uncounted="unchanged")
    for attempt in (
        lambda: st.count(shop, sid, code="A1", qty="1"),
        lambda: approve(shop, sid, approver="Boss", uncounted="zero"),
        lambda: st.cancel(shop, sid),
        lambda: st.set_reason(shop, sid, 1, "theft"),
    ):
        with pytest.raises(RefusedOperation):
            attempt()
    with pytest.raises(sqlite3.DatabaseError, match="read-only"):
        shop.conn.execute("UPDATE stocktake_lines SET reason = 'x'")
    assert on_hand(shop, "M1") == 10


def test_cancel_posts_nothing(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="1")
    before = shop.conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    st.cancel(shop, sid)
    assert st.get(shop, sid).status == "cancelled"
    assert shop.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == before
    with pytest.raises(RefusedOperation, match="cancelled"):
        st.count(shop, sid, code="A1", qty="1")


def test_bad_counts_are_refused_and_change_nothing(shop):
    catalog.add_location(shop, "Back")
    sid = start(shop, scope="location:Main")
    cases = [
        (dict(code="A1", qty="-1"), ValidationError, "negative"),
        (dict(code="A1", qty="1.0001"), ValidationError, "decimals"),
        (dict(code="NOPE", qty="1"), NotFound, "no item has the code"),
        (dict(code="A1", qty="1", location="Back"), RefusedOperation, "outside the scope"),
        (dict(code="M1", qty="1"), ValidationError, "several batches"),
        (dict(code="A1", qty="1", batch="X"), ValidationError, "not per batch"),
    ]
    for kwargs, error, message in cases:
        with pytest.raises(error, match=message):
            st.count(shop, sid, **kwargs)
    assert shop.conn.execute("SELECT count(*) FROM stocktake_counts").fetchone()[0] == 0
    with pytest.raises(NotFound):
        st.count(shop, 99, code="A1", qty="1")


def test_item_outside_the_scope_is_refused_unless_added(shop):
    sid = start(shop, scope="category:Hardware")
    with pytest.raises(RefusedOperation, match="not in the scope"):
        st.count(shop, sid, code="M1", batch="L1", qty="6")
    done = st.count(shop, sid, code="M1", batch="L1", qty="6", add_to_scope=True)
    assert done.added_line and line(shop, sid, "M1", "L1").expected_qty == 6


def test_a_found_batch_gets_a_line_expected_zero(shop):
    sid = start(shop, scope="category:乳制品")
    done = st.count(shop, sid, code="M1", batch="L9", qty="2")
    x = line(shop, sid, "M1", "L9")
    assert done.added_line and x.added and (x.expected_qty, x.variance_qty) == (0, 2)
    assert x.flagged


def test_transfer_during_the_count_between_locations(shop):
    catalog.add_location(shop, "Back")
    stock.transfer(shop, sku="A1", qty="5", location="Main", to_location="Back")
    sid = start(shop, scope="category:Hardware")
    st.count(shop, sid, code="A1", location="Back", qty="5")
    stock.transfer(shop, sku="A1", qty="2", location="Main", to_location="Back")
    stock.transfer(shop, sku="A1", qty="1", location="Back", to_location="Main")
    st.count(shop, sid, code="A1", location="Main", qty="9")  # 10 - 2 + 1 = 9: all there
    rv = st.review(shop, sid)
    assert [(x.location, x.expected_qty, x.variance_qty) for x in rv.lines] == [
        ("Back", D("5.000"), 0),
        ("Main", D("9.000"), 0),
    ]
    approve(shop, sid, approver="Boss")
    assert on_hand(shop, "A1", location="Back") == 5 + 2 - 1
    assert on_hand(shop, "A1", location="Main") == 9
    assert_sound(shop)


def test_tolerance_comes_from_settings(shop):
    sid = start(shop)
    st.count(shop, sid, code="A1", qty="14")  # -1 of 15 = 6.7 %, value 2.00
    assert line(shop, sid, "A1").flagged
    settings.set_value(shop, "stocktake_tolerance_pct", "10")
    assert not line(shop, sid, "A1").flagged
    settings.set_value(shop, "stocktake_tolerance_value", "1.50")
    assert line(shop, sid, "A1").flagged


def test_list_shows_status_and_progress(shop):
    a = start(shop)
    st.count(shop, a, code="A1", qty="15")
    b = start(shop, scope="category:Hardware")
    st.count(shop, b, code="A1", qty="15")
    c = start(shop)
    st.cancel(shop, c)
    got = [(i.id, i.status.value, i.counted, i.lines) for i in st.list_stocktakes(shop)]
    assert got == [(c, "cancelled", 0, 3), (b, "in_review", 1, 1), (a, "counting", 1, 3)]


def test_failed_posting_rolls_back_everything(shop):
    sid = start(shop, scope="category:Hardware")
    st.count(shop, sid, code="A1", qty="0")
    shop.conn.execute("INSERT INTO meta (key, value) VALUES ('lock_date', ?)", (TODAY.isoformat(),))
    with pytest.raises(InventoryError, match="closed period"):
        approve(shop, sid, approver="Boss")
    assert st.get(shop, sid).open
    assert catalog.get_item(shop, "A1").last_counted is None
    assert on_hand(shop, "A1") == 15


def test_sale_drawing_a_batch_counted_empty_is_settled_within_the_item(shop):
    sid = start(shop, scope="category:乳制品")
    st.count(shop, sid, code="M1", batch="L1", qty="0")  # L1 is gone
    st.count(shop, sid, code="M1", batch="L2", qty="4")
    stock.issue(shop, sku="M1", qty="1")  # the till draws L1 (FEFO): it was really from L2
    approve(shop, sid, approver="Boss", reason="expired")
    assert on_hand(shop, "M1", batch="L1") == 0
    assert on_hand(shop, "M1", batch="L2") == 3  # the item: counted 4 - 1 sold since
    got = [(x.batch, x.variance_qty) for x in st.review(shop, sid).lines]
    assert got == [("L1", D("-5.000")), ("L2", D("-1.000"))]  # what was posted
    assert_sound(shop)


def test_selling_more_after_the_count_than_counted_is_refused(shop):
    sid = start(shop, scope="category:Hardware")
    st.count(shop, sid, code="A1", qty="2")
    stock.issue(shop, sku="A1", qty="5")
    with pytest.raises(RefusedOperation, match=r"3 more left the shelf .* recount"):
        approve(shop, sid, approver="Boss")
    assert st.get(shop, sid).open


def test_count_target_tells_the_count_view_what_a_scan_means(shop):
    sid = start(shop, scope="category:乳制品")
    assert st.count_target(shop, sid, code="nope") is None
    milk = st.count_target(shop, sid, code="6901234567892", location="Main")
    assert (milk.sku, milk.in_scope, milk.per_batch) == ("M1", True, True)
    assert [b for b, _ in milk.batches] == ["L1", "L2"]
    hammer = st.count_target(shop, sid, code="A1")
    assert (hammer.in_scope, hammer.per_batch, hammer.batches) == (False, False, ())
    sid = start(shop, scope="category:Hardware")  # milk outside: its batches in stock
    milk = st.count_target(shop, sid, code="M1", location="Main")
    assert not milk.in_scope and [b for b, _ in milk.batches] == ["L1", "L2"]


def test_a_gain_on_an_expired_batch_is_posted_as_found_expired_stock(tmp_path):
    """Found stock of a batch already past its date is a fact to record, not a typo."""
    import datetime as dt

    from inventory_app.domain.model import ItemFields, Removal
    from inventory_app.services import catalog, check, reports, shop, stocktake
    from inventory_app.services import postings as stock
    from inventory_app.services.stocktake.approve import approve

    db = shop.create_shop(tmp_path / "x.db")
    catalog.add_item(db, ItemFields(sku="M", name="牛奶", removal=Removal.FEFO, shelf_life_days=5))
    today = dt.date.today()
    expired = today - dt.timedelta(days=3)
    stock.receive(
        db, sku="M", qty="5", unit_cost="1", batch="OLD", expiry=expired,
        date=today - dt.timedelta(days=8),
    )  # fmt: skip
    sid = next(iter(stocktake.start(db, scope="all", name="t").stocktakes))
    stocktake.count(db, sid, code="M", qty="7", batch="OLD")
    approve(db, sid, approver="Owner", uncounted="unchanged")
    rows = reports.stock_by_batch(db)
    assert {(b.batch, b.expiry) for b in rows} == {("OLD", today - dt.timedelta(days=3))}
    assert sum(b.qty for b in rows) == 7  # the 2 found form a cost layer of their own
    assert check.check(db).ok
    db.close()


def refusal(call) -> InventoryError:
    with pytest.raises(InventoryError) as info:
        call()
    return info.value


def test_count_refusals_carry_a_code_and_their_facts(shop):
    catalog.add_location(shop, "Back")
    sid = start(shop, scope="location:Main")
    cases = [
        (dict(code="A1", qty="-1"), "stocktake.negative_count", {"qty": D("-1.000")}),
        (dict(code=" NOPE ", qty="1"), "stocktake.unknown_code", {"item_code": "NOPE"}),
        (
            dict(code="A1", qty="1", location="back "),
            "stocktake.location_out_of_scope",
            {"location": "back ", "scope_location": "Main"},
        ),
        (
            dict(code="M1", qty="1"),
            "stocktake.batch_ambiguous",
            {"sku": "M1", "location": "Main", "batches": "L1, L2"},
        ),
        (dict(code="A1", qty="1", batch="X"), "stocktake.not_per_batch", {"sku": "A1"}),
    ]
    for kwargs, code, params in cases:
        err = refusal(lambda kwargs=kwargs: st.count(shop, sid, **kwargs))
        assert (err.code, err.params) == (code, params)
    assert str(refusal(lambda: st.count(shop, sid, code="M1", qty="1"))) == (
        "M1 has several batches at Main: L1, L2; name the batch"
    )
    err = refusal(lambda: st.count(shop, 99, code="A1", qty="1"))
    assert (type(err), err.code, err.params) == (
        NotFound,
        "stocktake.not_found",
        {"stocktake_id": 99},
    )
    err = refusal(lambda: st.set_reason(shop, sid, 12345, "theft"))
    assert (err.code, err.params) == (
        "stocktake.no_such_line",
        {"stocktake_id": sid, "line_id": 12345},
    )
    assert shop.conn.execute("SELECT count(*) FROM stocktake_counts").fetchone()[0] == 0


def test_where_a_count_goes_must_be_told_when_it_cannot_be_guessed(shop):
    catalog.add_location(shop, "Back")
    stock.transfer(shop, sku="A1", qty="5", location="Main", to_location="Back")
    sid = start(shop)
    err = refusal(lambda: st.count(shop, sid, code="A1", qty="1"))
    assert (err.code, err.params) == (
        "stocktake.location_needed",
        {"sku": "A1", "locations": "Main, Back"},
    )
    err = refusal(lambda: st.count(shop, sid, code="M1", qty="1", location="Back"))
    assert (err.code, err.params) == ("stocktake.batch_needed", {"sku": "M1"})
    err = refusal(lambda: st.count(shop, sid, code="A1", qty="1", location="Attic"))
    assert (type(err), err.code, err.params) == (
        NotFound,
        "stocktake.unknown_location",
        {"location": "Attic"},
    )
    sid = start(shop, scope="category:Hardware")
    err = refusal(lambda: st.count(shop, sid, code="M1", batch="L1", qty="1"))
    assert (err.code, err.params) == (
        "stocktake.item_out_of_scope",
        {"sku": "M1", "stocktake_id": sid, "scope": "category:Hardware"},
    )


def test_closed_stocktakes_refuse_with_their_state(shop):
    sid = start(shop)
    st.cancel(shop, sid)
    err = refusal(lambda: st.cancel(shop, sid))
    assert (err.code, err.params) == (
        "stocktake.already_closed",
        {"stocktake_id": sid, "state": "cancelled"},
    )
    err = refusal(lambda: st.count(shop, sid, code="A1", qty="1"))
    assert (err.code, err.params) == (
        "stocktake.read_only",
        {"stocktake_id": sid, "state": "cancelled"},
    )
    err = refusal(lambda: approve(shop, sid, approver="Boss"))
    assert err.code == "stocktake.already_closed"


def test_approval_refusals_carry_a_code_and_their_facts(shop):
    sid = start(shop)
    assert refusal(lambda: approve(shop, sid, approver="  ")).code == "stocktake.approver_needed"
    st.count(shop, sid, code="A1", qty="15")
    err = refusal(lambda: approve(shop, sid, approver="Boss"))
    assert (err.code, err.params) == (
        "stocktake.uncounted_choice_needed",
        {"count": 2, "lines": 3, "stocktake_id": sid},
    )
    st.count(shop, sid, code="M1", batch="L1", qty="6")
    assert str(refusal(lambda: approve(shop, sid, approver="Boss"))) == (
        f"1 of 3 lines of stocktake #{sid} is not counted; "
        "choose whether it stays unchanged or counts as zero"
    )


def test_a_difference_that_cannot_be_posted_names_its_line_and_cause(shop):
    shop.conn.execute("INSERT INTO meta (key, value) VALUES ('lock_date', ?)", (TODAY.isoformat(),))
    sid = start(shop, scope="category:乳制品")
    st.count(shop, sid, code="M1", batch="L1", qty="5")
    st.count(shop, sid, code="M1", batch="L2", qty="4")
    err = refusal(lambda: approve(shop, sid, approver="Boss"))
    assert err.code == "stocktake.batch_difference_not_postable"
    assert {k: err.params[k] for k in ("sku", "batch", "location")} == {
        "sku": "M1",
        "batch": "L1",
        "location": "Main",
    }
    cause = err.params["problem"]  # the ledger's own refusal, rendered inside this one
    assert cause.code.startswith("ledger.") and "closed period" in str(cause)
    assert "closed period" in str(err)


def test_a_gain_without_any_cost_names_the_cause(db):
    catalog.add_item(db, ItemFields(sku="G2", name="Found"))
    sid = start(db)
    st.count(db, sid, code="G2", qty="1")
    err = refusal(lambda: approve(db, sid, approver="Boss", uncounted="unchanged"))
    assert (err.code, err.params["problem"].code, err.params["sku"]) == (
        "stocktake.difference_not_postable",
        "stocktake.no_cost_yet",
        "G2",
    )


def test_selling_more_after_the_count_names_the_shortfall(shop):
    sid = start(shop, scope="category:Hardware")
    st.count(shop, sid, code="A1", qty="2")
    stock.issue(shop, sku="A1", qty="5")
    err = refusal(lambda: approve(shop, sid, approver="Boss"))
    assert (err.code, err.params) == (
        "stocktake.sold_after_count",
        {"sku": "A1", "location": "Main", "qty": D("3")},
    )


def test_every_stocktake_code_has_a_template_and_every_template_a_use():
    """A mistyped code would show as itself; a template nobody raises is dead text."""
    import re
    from pathlib import Path

    from inventory_app.domain.messages import TEMPLATES

    root = Path(st.__file__).parents[2]
    sources = [
        *(root / "services" / "stocktake").glob("*.py"),
        root / "cli" / "stocktake.py",
        root / "domain" / "stocktake.py",
    ]
    used = {m for p in sources for m in re.findall(r"\"(stocktake\.\w+)\"", p.read_text("utf-8"))}
    templates = {code for code in TEMPLATES if code.startswith("stocktake.")}
    assert len(used) > 30
    assert used == templates
