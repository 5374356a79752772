"""Every refusal of the posting engine carries a stable code and its facts as parameters;
the English sentence is built from them (shortages word as they always did)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import (
    InsufficientStock,
    InventoryError,
    NotFound,
    RefusedOperation,
    ValidationError,
)
from inventory_app.domain.model import ItemFields, Line, MovementType
from inventory_app.services import catalog
from inventory_app.services import postings as stock
from inventory_app.storage.ledger import Poster

T = MovementType
DAY = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def refusal(db, line: Line, *, date: dt.date = DAY) -> InventoryError:
    """The error posting ``line`` raises; the transaction is rolled back."""
    with pytest.raises(InventoryError) as caught, db.transaction() as conn:
        poster = Poster(conn)
        poster.apply(line, date=date, document_id=poster.new_document(date=date, kind="test"))
    return caught.value


@pytest.fixture
def shop(stocked):
    catalog.add_location(stocked, "Shelf")
    stock.receive(stocked, sku="A1", qty="4.5", unit_cost="1", batch="L1", date=day(0))
    stock.receive(
        stocked, sku="M1", qty="3", unit_cost="1", batch="OLD", expiry=day(1), date=day(0)
    )
    stock.receive(
        stocked, sku="M1", qty="2", unit_cost="1", batch="NEW", expiry=day(9), date=day(0)
    )
    return stocked


def L(t, sku="A1", qty="1", **kw) -> Line:
    return Line(type=t, sku=sku, qty=D(qty), **kw)


@pytest.mark.parametrize(
    ("line", "cls", "code", "params"),
    [
        (L(T.ISSUE, sku="NOPE"), ValidationError, "ledger.unknown_sku", {"sku": "NOPE"}),
        (L(T.RECEIPT, unit_cost=D(1), location="Attic"), ValidationError,
         "ledger.unknown_location", {"name": "Attic"}),
        (L("lend"), ValidationError, "ledger.unknown_type", {"type": "lend"}),
        (L(T.REVERSAL), ValidationError, "ledger.reversal_as_line", {}),
        (L(T.ISSUE, qty="0"), ValidationError, "ledger.qty_zero", {}),
        (L(T.ISSUE, qty="-1"), ValidationError, "ledger.qty_not_positive", {"kind": "issue"}),
        (L(T.WRITEOFF, reason="stolen?"), ValidationError, "ledger.writeoff_reason_unknown",
         {"reason": "stolen?", "choices": "damaged, expired, lost, other, sample"}),
        (L(T.TRANSFER), ValidationError, "ledger.transfer_without_destination", {}),
        (L(T.TRANSFER, location="Shelf", to_location="shelf"), ValidationError,
         "ledger.transfer_same_location", {}),
        (L(T.RECEIPT), ValidationError, "ledger.receipt_needs_cost", {}),
        (L(T.ADJUST, sku="NEVER"), ValidationError, "ledger.no_cost_known", {"sku": "NEVER"}),
        (L(T.RECEIPT, unit_cost=D(1), expiry=day(1)), ValidationError,
         "ledger.expiry_before_date", {"expiry": day(1), "date": day(2)}),
        (L(T.WRITEOFF, sku="M1", batch="OLD", reason="expired"), ValidationError,
         "ledger.expired_batch_needs_reason", {"batch": "OLD", "expiry": day(1)}),
        (L(T.ISSUE, sku="A1", qty="5"), InsufficientStock, "ledger.shortage",
         {"sku": "A1", "needed": D(5), "available": D("4.5"), "location": "", "batch": "",
          "expired": D(0)}),
    ],
)  # fmt: skip
def test_a_refused_line_says_why_with_a_code_and_its_facts(shop, line, cls, code, params):
    catalog.add_item(shop, ItemFields(sku="NEVER", name="Never received"))
    err = refusal(shop, line, date=day(2))
    assert type(err) is cls and err.code == code and err.params == params
    assert str(err) != code  # a template exists


def test_a_shortage_words_its_parts_as_before(shop):
    err = refusal(shop, L(T.ISSUE, sku="M1", qty="4", batch="NEW", location="Main"), date=day(2))
    assert isinstance(err, InsufficientStock) and err.code == "ledger.shortage"
    assert (err.sku, err.needed, err.available) == ("M1", D(4), D(2))
    assert str(err) == "not enough stock of batch 'NEW' of M1 at Main: need 4, available 2"
    err = refusal(shop, L(T.ISSUE, sku="M1", qty="4"), date=day(2))
    assert str(err) == (
        "not enough stock of M1: need 4, available 2 (another 3 is in expired batches, "
        "issued only when named with a reason)"
    )
    assert err.params["expired"] == D(3)


def test_a_batch_out_of_turn_needs_a_reason(shop):
    err = refusal(shop, L(T.ISSUE, sku="M1", batch="NEW"), date=day(0))
    assert err.code == "ledger.batch_out_of_turn_needs_reason" and err.params == {"batch": "NEW"}
    assert "not next in line" in str(err)


def test_dates_out_of_bounds(shop):
    stock.close_period(shop, day(0))
    err = refusal(shop, L(T.ISSUE), date=day(0))
    assert isinstance(err, RefusedOperation) and err.code == "ledger.period_closed"
    assert err.params == {"date": day(0), "lock_date": day(0)}
    future = dt.date.today() + dt.timedelta(days=1)
    err = refusal(shop, L(T.ISSUE), date=future)
    assert err.code == "ledger.future_date" and err.params == {"date": future}


def test_reversal_refusals(shop):
    def refused(mid, **kw):
        with pytest.raises(InventoryError) as caught:
            stock.reverse(shop, mid, **{"reason": "keyed wrong", **kw})
        return caught.value

    err = refused(1, reason="  ")
    assert isinstance(err, ValidationError) and err.code == "ledger.reversal_needs_reason"
    err = refused(99)
    assert isinstance(err, NotFound) and err.params == {"movement_id": 99}
    err = refused(1, date=day(-1))
    assert err.code == "ledger.reversal_before_movement" and err.params == {"date": day(0)}
    issue = stock.issue(shop, sku="A1", qty="1.5", date=day(1)).movements[0]
    err = refused(1)
    assert isinstance(err, RefusedOperation) and err.code == "ledger.batch_used_since"
    assert err.params == {"movement_id": 1, "sku": "A1", "batch": "L1", "used": D("1.5")}
    assert str(err).startswith("movement 1 of A1 cannot be reversed: 1.5 of batch L1")
    rid = stock.reverse(shop, issue, reason="returned", date=day(1)).movements[0]
    err = refused(1)  # all back in the batch, but drawn and put back since
    assert err.code == "ledger.batch_drawn_since" and "some of batch L1" in str(err)
    err = refused(issue)
    assert err.code == "ledger.already_reversed"
    assert err.params == {"movement_id": issue, "reversed_by": rid}
    err = refused(rid)
    assert err.code == "ledger.reversing_a_reversal" and err.params == {"movement_id": rid}
