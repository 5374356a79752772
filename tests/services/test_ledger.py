"""Postings through the services, checked against the ledger and `check`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import InsufficientStock, RefusedOperation, ValidationError
from inventory_app.domain.model import Document, Line, MovementType
from inventory_app.services import catalog, check, reports
from inventory_app.services import postings as stock

T = MovementType
DAY = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def batches(db, sku=None):
    return [
        (b.batch, b.location, b.qty, b.value)
        for b in reports.stock_by_batch(db)
        if sku is None or b.sku == sku
    ]


def assert_sound(db):
    report = check.check(db)
    assert report.ok, "\n".join(report.lines())


def test_issue_across_two_batches_records_exact_allocations(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2.50", batch="L1", date=day(0))
    stock.receive(stocked, sku="A1", qty="5", unit_cost="3.00", batch="L2", date=day(1))
    changes = stock.issue(stocked, sku="A1", qty="12", date=day(2))
    rows = stocked.conn.execute(
        "SELECT b.code, a.qty, a.value FROM allocations a JOIN batches b ON b.id = a.batch_id"
        " WHERE a.movement_id = ? ORDER BY a.id",
        (changes.movements[0],),
    ).fetchall()
    assert rows == [("L1", 10000, 2500), ("L2", 2000, 600)]
    assert batches(stocked) == [("L2", "Main", D("3.000"), D("9.00"))]
    assert_sound(stocked)


def test_receipt_generates_a_code_and_expiry_from_shelf_life(stocked):
    stock.receive(stocked, sku="M1", qty="6", unit_cost="1.2", date=day(0))
    (b,) = reports.stock_by_batch(stocked)
    assert b.batch.startswith("B260302-") and b.expiry == day(10)


def test_fefo_item_issues_earliest_expiry_and_never_an_expired_batch(stocked):
    stock.receive(
        stocked, sku="M1", qty="5", unit_cost="1", batch="OLD", expiry=day(3), date=day(0)
    )
    stock.receive(
        stocked, sku="M1", qty="5", unit_cost="1", batch="NEW", expiry=day(20), date=day(1)
    )
    stock.receive(
        stocked, sku="M1", qty="5", unit_cost="1", batch="MID", expiry=day(8), date=day(2)
    )
    stock.issue(stocked, sku="M1", qty="2", date=day(2))
    by_code = {b[0]: b[2] for b in batches(stocked)}
    assert by_code == {"OLD": D("3"), "MID": D("5"), "NEW": D("5")}
    # on day 5 OLD has expired: the issue skips it
    stock.issue(stocked, sku="M1", qty="6", date=day(5))
    by_code = {b[0]: b[2] for b in batches(stocked)}
    assert by_code == {"OLD": D("3"), "NEW": D("4")}
    with pytest.raises(InsufficientStock, match="expired batches"):
        stock.issue(stocked, sku="M1", qty="5", date=day(5))
    # naming the expired batch needs a reason, which is recorded
    with pytest.raises(ValidationError, match="expired on 2026-03-05"):
        stock.write_off(stocked, sku="M1", qty="3", reason="expired", batch="OLD", date=day(5))
    stock.write_off(
        stocked, sku="M1", qty="3", reason="expired", batch="OLD", date=day(5),
        override_reason="past date, binned",
    )  # fmt: skip
    row = stocked.conn.execute(
        "SELECT reason, override_reason FROM movements ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row == ("expired", "past date, binned")
    assert_sound(stocked)


def test_not_enough_stock_says_how_much_there_is_and_posts_nothing(stocked):
    stock.receive(stocked, sku="A1", qty="4.5", unit_cost="1", date=day(0))
    with pytest.raises(InsufficientStock, match=r"need 5, available 4\.5"):
        stock.issue(stocked, sku="A1", qty="5", date=day(1))
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 1


def test_a_document_posts_whole_or_not_at_all(stocked):
    good = [
        Line(type=T.RECEIPT, sku="A1", qty=D(1), unit_cost=D(1), batch=f"L{i}") for i in range(39)
    ]
    lines = (*good, Line(type=T.RECEIPT, sku="NOPE", qty=D(1), unit_cost=D(1)))
    with pytest.raises(ValidationError, match="unknown SKU 'NOPE'"):
        stock.post(stocked, Document(date=day(0), lines=lines, reference="DN-40"))
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0
    assert stocked.conn.execute("SELECT count(*) FROM batches").fetchone()[0] == 0
    stock.post(stocked, Document(date=day(0), lines=lines[:-1], reference="DN-39"))
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 39


def test_writeoff_reason_codes(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", date=day(0))
    with pytest.raises(ValidationError, match="damaged, expired, lost, other, sample"):
        stock.write_off(stocked, sku="A1", qty="1", reason="stolen?", date=day(1))
    stock.write_off(stocked, sku="A1", qty="1", reason="Damaged", date=day(1))
    s = reports.period_summary(stocked, start=day(0), end=day(1))
    assert s.totals.adj_qty == D(-1) and s.totals.adj_value == D("-1.00")


def test_adjustments_signed_with_last_receipt_cost(stocked):
    with pytest.raises(ValidationError, match="never been received"):
        stock.adjust(stocked, sku="A1", qty="2", reason="found", date=day(0))
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1.25", date=day(0))
    stock.adjust(stocked, sku="A1", qty="2", reason="found", date=day(1))
    stock.adjust(stocked, sku="A1", qty="-3", reason="miscount", date=day(1))
    s = reports.period_summary(stocked, start=day(0), end=day(1))
    assert (s.totals.adj_qty, s.totals.adj_value) == (D(-1), D("-1.25"))
    assert s.totals.closing_qty == D(9) and s.totals.closing_value == D("11.25")
    assert_sound(stocked)


def test_transfer_keeps_age_expiry_and_cost(stocked):
    catalog.add_location(stocked, "Back store")
    stock.receive(
        stocked, sku="M1", qty="10", unit_cost="1.3333", batch="LOT9", expiry=day(9), date=day(0),
        location="Back store",
    )  # fmt: skip
    stock.transfer(
        stocked, sku="M1", qty="4", location="Back store", to_location="Main", date=day(3)
    )
    rows = {(b.location, b.batch): (b.received, b.expiry, b.unit_cost, b.qty, b.value)
            for b in reports.stock_by_batch(stocked)}  # fmt: skip
    assert rows[("Main", "LOT9")] == (day(0), day(9), D("1.3333"), D(4), D("5.33"))
    assert rows[("Back store", "LOT9")] == (day(0), day(9), D("1.3333"), D(6), D("8.00"))
    s = reports.period_summary(stocked, start=day(0), end=day(3))
    assert s.totals.adj_qty == 0 and s.totals.closing_value == D("13.33")  # nets to zero
    with pytest.raises(ValidationError, match="different locations"):
        stock.transfer(stocked, sku="M1", qty="1", location="Main", to_location="main")
    assert_sound(stocked)


@pytest.mark.parametrize("kind", ["issue", "writeoff", "adjust-", "adjust+", "transfer", "receipt"])
def test_reversal_restores_exactly_what_the_movement_touched(stocked, kind):
    catalog.add_location(stocked, "Shelf")
    stock.receive(stocked, sku="A1", qty="10", unit_cost="3.3333", batch="L1", date=day(0))
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", batch="L2", date=day(1))
    before = batches(stocked)
    post = {
        "issue": lambda: stock.issue(stocked, sku="A1", qty="13", date=day(2)),
        "writeoff": lambda: stock.write_off(stocked, sku="A1", qty="3", reason="lost", date=day(2)),
        "adjust-": lambda: stock.adjust(stocked, sku="A1", qty="-11", date=day(2)),
        "adjust+": lambda: stock.adjust(stocked, sku="A1", qty="5", date=day(2)),
        "transfer": lambda: stock.transfer(
            stocked, sku="A1", qty="12", location="Main", to_location="Shelf", date=day(2)
        ),
        "receipt": lambda: stock.receive(stocked, sku="A1", qty="7", unit_cost="9", date=day(2)),
    }[kind]
    mid = post().movements[0]
    assert batches(stocked) != before
    stock.reverse(stocked, mid, reason="keyed wrong", date=day(3))
    assert batches(stocked) == before
    s = reports.period_summary(stocked, start=day(2), end=day(3))
    assert s.totals.opening_value == s.totals.closing_value
    with pytest.raises(RefusedOperation, match="already reversed"):
        stock.reverse(stocked, mid, reason="again")
    rev = stock.last_reversible(stocked)
    assert rev != mid
    assert_sound(stocked)


def test_a_reversal_cannot_be_reversed(stocked):
    stock.receive(stocked, sku="A1", qty="1", unit_cost="1", date=day(0))
    rid = stock.reverse(stocked, 1, reason="x", date=day(0)).movements[0]
    with pytest.raises(RefusedOperation, match="itself a reversal"):
        stock.reverse(stocked, rid, reason="y")


def test_a_receipt_already_drawn_from_cannot_be_reversed(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", batch="L1", date=day(0))
    stock.issue(stocked, sku="A1", qty="3", date=day(1))
    with pytest.raises(RefusedOperation, match="3 of batch L1 has already been used"):
        stock.reverse(stocked, 1, reason="wrong delivery")


def test_backdated_issue_cannot_take_what_later_movements_used(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", batch="L1", date=day(0))
    stock.issue(stocked, sku="A1", qty="10", date=day(5))
    # put 10 back on day 8; a sale backdated to day 6 must not use it (it was not there then)
    stock.reverse(stocked, 2, reason="returned", date=day(8))
    with pytest.raises(InsufficientStock, match="available 0"):
        stock.issue(stocked, sku="A1", qty="1", date=day(6))
    stock.issue(stocked, sku="A1", qty="4", date=day(8))
    assert_sound(stocked)


def test_backdated_issue_within_what_was_there_is_allowed(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", batch="L1", date=day(0))
    stock.issue(stocked, sku="A1", qty="4", date=day(5))
    stock.issue(stocked, sku="A1", qty="6", date=day(2))  # 10 were there on day 2
    assert reports.stock_by_item(stocked, at=day(2))[0].qty == D(4)
    assert reports.stock_by_item(stocked, at=day(4))[0].qty == D(4)
    assert reports.stock_by_item(stocked) == []
    assert_sound(stocked)


def test_issue_cannot_draw_a_batch_received_after_its_date(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", date=day(3))
    with pytest.raises(InsufficientStock):
        stock.issue(stocked, sku="A1", qty="1", date=day(2))


def test_closed_period_and_future_dates_are_refused(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="1", date=day(0))
    stock.close_period(stocked, day(1))
    with pytest.raises(RefusedOperation, match="closed period"):
        stock.issue(stocked, sku="A1", qty="1", date=day(1))
    with pytest.raises(RefusedOperation, match="cannot reopen") as reopen:
        stock.close_period(stocked, day(0))
    assert reopen.value.code == "postings.period_cannot_reopen"
    assert reopen.value.params == {"closed_to": day(1), "date": day(0)}
    future = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(RefusedOperation) as ahead:
        stock.close_period(stocked, future)
    assert (ahead.value.code, ahead.value.params) == ("postings.close_in_future", {"date": future})
    assert stock.lock_date(stocked) == day(1)
    with pytest.raises(ValidationError, match="in the future"):
        stock.issue(stocked, sku="A1", qty="1", date=dt.date.today() + dt.timedelta(days=1))
    stock.issue(stocked, sku="A1", qty="1", date=day(2))


def test_stock_at_a_date_by_item_and_by_batch(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2", batch="L1", date=day(0))
    stock.receive(stocked, sku="A1", qty="10", unit_cost="3", batch="L2", date=day(2))
    stock.issue(stocked, sku="A1", qty="15", date=day(4))
    at1 = reports.stock_by_batch(stocked, at=day(1))
    assert [(b.batch, b.qty, b.value) for b in at1] == [("L1", D(10), D("20.00"))]
    at3 = reports.stock_by_item(stocked, at=day(3))
    assert [(r.sku, r.qty, r.value) for r in at3] == [("A1", D(20), D("50.00"))]
    assert [(b.batch, b.qty) for b in reports.stock_by_batch(stocked, at=day(4))] == [("L2", D(5))]


def test_summary_by_category_and_the_identity(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2", date=day(0))
    stock.receive(stocked, sku="M1", qty="10", unit_cost="0.3333", date=day(0))
    stock.issue(stocked, sku="A1", qty="3", date=day(1))
    stock.issue(stocked, sku="M1", qty="7", date=day(1))
    s = reports.period_summary(stocked, start=day(1), end=day(1), by="category")
    assert [r.key for r in s.rows] == ["Hardware", "乳制品"]
    for r in [*s.rows, s.totals]:
        assert r.opening_qty + r.in_qty - r.out_qty + r.adj_qty == r.closing_qty
        assert r.opening_value + r.in_value - r.out_value + r.adj_value == r.closing_value
    assert s.totals.out_value == D("6.00") + D("2.33")


def test_bulk_posting_pauses_the_cycle_collector_and_always_restores_it(stocked):
    import gc

    seen = []

    def entries(bad: bool):
        seen.append(gc.isenabled())
        yield day(0), Line(type=T.RECEIPT, sku="A1", qty=D(5), unit_cost=D(1))
        seen.append(gc.isenabled())
        yield day(1), Line(type=T.ISSUE, sku="A1" if not bad else "NOPE", qty=D(2))

    assert gc.isenabled()
    stock.post_entries(stocked, entries(bad=False))
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ValidationError, match="NOPE"):
        stock.post_entries(stocked, entries(bad=True))
    assert gc.isenabled()  # restored after a failed posting too
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 2


def test_undo_finds_the_newest_movement_neither_a_reversal_nor_reversed(stocked):
    assert stock.last_reversible(stocked) is None
    first = stock.receive(stocked, sku="A1", qty="5", unit_cost="1", date=day(0)).movements[0]
    second = stock.receive(stocked, sku="A1", qty="5", unit_cost="1", date=day(0)).movements[0]
    assert stock.last_reversible(stocked) == second
    stock.reverse(stocked, second, reason="typo", date=day(0))
    assert stock.last_reversible(stocked) == first  # not the reversal, not the reversed one
    stock.reverse(stocked, first, reason="typo", date=day(0))
    assert stock.last_reversible(stocked) is None


def test_an_empty_document_is_refused_with_its_code(stocked):
    with pytest.raises(RefusedOperation) as refused:
        stock.post(stocked, Document(date=day(0), lines=()))
    assert refused.value.code == "postings.no_lines" and "no lines" in str(refused.value)


def test_cancelling_a_bulk_posting_writes_nothing(stocked):
    from inventory_app.domain.errors import Cancelled

    receipt = Line(type=T.RECEIPT, sku="A1", qty=D(1), unit_cost=D(1))
    lines = ((day(0), receipt) for _ in range(5000))
    with pytest.raises(Cancelled) as cancelled:
        stock.post_entries(stocked, lines, cancel=lambda: True)
    assert cancelled.value.code == "postings.cancelled"
    assert str(cancelled.value) == "cancelled; nothing was posted"
    assert stocked.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0


def test_reversing_a_document_reverses_every_line_in_one_reversal_document(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2", batch="L1", date=day(0))
    stock.receive(stocked, sku="M1", qty="10", unit_cost="4", batch="M1", date=day(0))
    before = batches(stocked)
    two = Document(
        date=day(1),
        lines=(Line(type=T.ISSUE, sku="A1", qty=D(3)), Line(type=T.ISSUE, sku="M1", qty=D(4))),
    )
    changes = stock.post(stocked, two)
    doc = stock.last_reversible_document(stocked)
    stock.reverse_document(stocked, doc, reason="wrong basket", date=day(2))
    assert batches(stocked) == before
    rows = stocked.conn.execute(
        "SELECT document_id, reverses_id, note FROM movements WHERE type = 'reversal'"
    ).fetchall()
    assert len({r[0] for r in rows}) == 1  # one reversal document
    assert sorted(r[1] for r in rows) == sorted(changes.movements)
    assert {r[2] for r in rows} == {"wrong basket"}
    with pytest.raises(RefusedOperation, match="no line left"):
        stock.reverse_document(stocked, doc, reason="again")
    assert_sound(stocked)


def test_reversing_a_document_is_all_or_nothing(stocked):
    two = Document(
        date=day(0),
        lines=(
            Line(type=T.RECEIPT, sku="A1", qty=D(5), unit_cost=D(1), batch="A"),
            Line(type=T.RECEIPT, sku="M1", qty=D(5), unit_cost=D(1), batch="B"),
        ),
    )
    stock.post(stocked, two)
    doc = stock.last_reversible_document(stocked)
    stock.issue(stocked, sku="A1", qty="1", date=day(1))  # batch A is used since
    with pytest.raises(RefusedOperation):
        stock.reverse_document(stocked, doc, reason="wrong supplier")
    count = stocked.conn.execute("SELECT count(*) FROM movements WHERE type = 'reversal'")
    assert count.fetchone()[0] == 0  # M1's line was not reversed alone
    assert_sound(stocked)


def test_a_poster_written_twice_books_each_write_in_the_items_and_months(stocked):
    # the writer books a day's movements in that day's month entry, which its first finish
    # writes and forgets: the second write on the same day must not go to the forgotten one
    from inventory_app.storage.ledger.poster import Poster

    with stocked.transaction() as conn:
        poster = Poster(conn)
        doc = poster.new_document(date=DAY, kind="receipt")
        receipt = Line(type=T.RECEIPT, sku="A1", qty=D("5"), unit_cost=D("1"))
        poster.apply(receipt, date=DAY, document_id=doc)
        poster.finish()
        doc = poster.new_document(date=DAY, kind="issue")
        poster.apply(Line(type=T.ISSUE, sku="A1", qty=D("2")), date=DAY, document_id=doc)
        poster.finish()
    assert batches(stocked, "A1")[0][2] == D("3.000")
    assert stocked.conn.execute(
        "SELECT in_qty, out_qty FROM item_month JOIN items ON items.id = item_id WHERE sku = 'A1'"
    ).fetchall() == [(5000, 2000)]
    assert_sound(stocked)
