"""Stock and period reports: refusals with their codes, an item's batches in drawing order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import ValidationError
from inventory_app.services import catalog, postings, reports

DAY = dt.date(2026, 3, 2)


def test_a_period_that_ends_before_it_starts_is_refused(stocked):
    start, end = DAY, DAY - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        reports.period_summary(stocked, start=start, end=end)
    assert refused.value.code == "reports.period_ends_before_start"
    assert refused.value.params == {"start": start, "end": end}
    assert str(refused.value) == "the period ends (2026-03-01) before it starts (2026-03-02)"


def test_a_summary_is_by_item_or_by_category(stocked):
    with pytest.raises(ValidationError) as refused:
        reports.period_summary(stocked, start=DAY, end=DAY, by="month")
    assert (refused.value.code, refused.value.params) == ("reports.summary_by", {"by": "month"})


def test_item_batches_come_in_drawing_order_and_by_location(stocked):
    catalog.add_location(stocked, "Back room")

    def receive(sku, batch, expiry=None, location=None):
        postings.receive(stocked, sku=sku, qty="2", unit_cost="1.5", batch=batch, date=DAY,
                         expiry=expiry, location=location)  # fmt: skip

    receive("M1", "LATE", expiry=DAY + dt.timedelta(days=9))
    receive("M1", "SOON", expiry=DAY + dt.timedelta(days=3))
    receive("M1", "BACK", expiry=DAY + dt.timedelta(days=1), location="Back room")
    receive("A1", "F1")
    receive("A1", "F2")
    milk = reports.item_batches(stocked, " M1 ")
    assert [b.batch for b in milk] == ["BACK", "SOON", "LATE"]  # FEFO: earliest expiry first
    assert [b.batch for b in reports.item_batches(stocked, "M1", location="Main")] == [
        "SOON",
        "LATE",
    ]
    (f1, f2) = reports.item_batches(stocked, "A1")  # FIFO: received order
    assert (f1.batch, f1.qty, f1.value, f1.unit_cost) == ("F1", D(2), D("3.00"), D("1.5"))
    assert (f2.batch, f2.category, milk[0].category) == ("F2", "Hardware", "乳制品")
    assert reports.stock_value(stocked) == D("15.00")
