"""The dashboard's fast paths give the figures of the plain rules: shared reads, integer ABC
classes, the slow-mover shortcut, expiry rows made once for both windows, ageing totals in
minor units and its batch list built on first use."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal as D

import pytest

from inventory_app.domain import indicators as ind
from inventory_app.domain.abc import classify
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import ItemFields
from inventory_app.services import analytics, catalog, settings
from inventory_app.services import postings as stock
from inventory_app.services.analytics import abc as analytics_abc
from inventory_app.services.analytics import alerts as analytics_alerts
from inventory_app.services.analytics import dashboard as analytics_dashboard
from inventory_app.services.analytics import stock as analytics_stock
from inventory_app.storage.memo import reusing_reads
from inventory_app.storage.reads import stock as queries

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def test_abc_classes_of_integer_cents_match_those_of_decimal_money():
    rng = random.Random(7)
    thresholds = [("0.80", "0.95"), ("0.5", "0.5"), ("0.333333", "0.9"), ("1", "1"),
                  ("0.1234567890123", "0.95")]  # fmt: skip
    for _ in range(300):
        n = rng.randint(0, 40)
        pool = [rng.randint(-50, 5000) for _ in range(6)]  # repeats make ties
        cents = {f"S{i:03d}": rng.choice([*pool, rng.randint(0, 10**6)]) for i in range(n)}
        a, b = (D(x) for x in rng.choice(thresholds))
        want = classify({k: D(c) / 100 for k, c in cents.items() if c > 0}, a=a, b=b)
        got = classify(cents, a=a, b=b)  # what abc_report calls, on cents
        assert {k: c for k, c in got.items() if cents[k] > 0} == want
        assert all(got[k] == "C" for k in cents if cents[k] <= 0)
    with pytest.raises(ValidationError):
        classify({}, a=D("0.9"), b=D("0.8"))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, ago(0)),
        (ago(100).replace(day=7), ago(0)),
        (ago(100).replace(day=1), ago(40)),
        (ago(70).replace(day=12), queries.last_of_month(ago(40))),
        (ago(5), ago(0)),
        (ago(0).replace(day=1), ago(0)),
    ],
)
def test_flows_built_from_shared_part_month_reads_are_the_fresh_flows(demo_db, start, end):
    whole = queries.flows(demo_db.conn, start, end)  # outside reusing_reads: nothing shared
    with reusing_reads():
        for s in (end - dt.timedelta(days=89), (start or end).replace(day=9)):
            queries.flows(demo_db.conn, s, end)  # windows ending (or starting) the same day
        shared = queries.flows(demo_db.conn, start, end)
    assert dict(shared) == dict(whole) and whole


def test_dashboard_parts_agree_with_each_service_alone(demo_db):
    start, end = analytics_dashboard.period_for("last_12_months")
    for s in (start, ago(100).replace(day=9)):
        d = analytics_dashboard.dashboard(demo_db, start=s, end=end)  # reads shared
        assert d.indicators == analytics.indicators(demo_db, start=s, end=end)
        assert d.abc == analytics_abc.abc_report(demo_db, start=s, end=end)
        assert d.alerts == analytics_alerts.alerts(demo_db)
        assert d.expiry == analytics_stock.expiry_timeline(demo_db)
        assert d.slow_movers == analytics_stock.slow_movers(demo_db)
        assert d.ageing.batches == analytics_stock.ageing(demo_db).batches
        assert d.alerts.expiring or d.alerts.expired  # the demo has expiring batches


def test_ageing_totals_in_minor_units_match_the_batches(demo_db):
    for at in (None, ago(30)):
        rep = analytics_stock.ageing(demo_db, at=at)
        assert rep.batches  # built on first use
        by_cat: dict[str, dict[str, D]] = {}
        totals = {label: (D("0.000"), D("0.00")) for label in ind.AGE_LABELS}
        for a in rep.batches:
            cat = by_cat.setdefault(a.batch.category, dict.fromkeys(ind.AGE_LABELS, D("0.00")))
            cat[a.bucket] += a.batch.value
            q, v = totals[a.bucket]
            totals[a.bucket] = (q + a.batch.qty, v + a.batch.value)
        assert rep.totals() == totals
        assert rep.by_category() == by_cat
        fresh = analytics_stock.ageing(demo_db, at=at)  # sums first, batches after
        assert fresh.by_category() == by_cat and fresh.totals() == totals
        assert fresh.batches == rep.batches
        assert list(rep.by_category()) == sorted(
            by_cat, key=lambda c: (-sum(by_cat[c].values()), c)
        )
        ages = [(-a.age_days, a.batch.sku, a.batch.batch) for a in rep.batches]
        assert ages == sorted(ages)


def test_ageing_ties_keep_their_order_by_location(stocked):
    db = stocked
    for name in ("Z shelf", "A shelf"):  # location ids in the opposite order of their names
        catalog.add_location(db, name)
    stock.receive(db, sku="A1", qty="9", unit_cost="1", date=ago(40), batch="LOT")
    for place in ("A shelf", "Z shelf"):  # posted in the other order
        stock.transfer(db, sku="A1", qty="3", location="Main", to_location=place, date=ago(2))
    now = analytics_stock.ageing(db).batches
    assert [a.batch.location for a in now] == ["Main", "Z shelf", "A shelf"]  # by location id
    then = analytics_stock.ageing(db, at=ago(1)).batches
    assert [a.batch.location for a in then] == ["A shelf", "Main", "Z shelf"]  # by name


def test_expiry_rows_for_two_windows_are_the_same_rows(stocked):
    db = stocked
    catalog.add_item(db, ItemFields(sku="M0", name="milk too", shelf_life_days=10))
    for sku, days in (("M1", 12), ("M0", 12), ("M1", 5), ("M0", 1), ("M1", 1)):
        stock.receive(db, sku=sku, qty="1", unit_cost="2", date=ago(days))
    alone = analytics_stock.expiry_rows(db, within=30)
    with reusing_reads():
        short = analytics_stock.expiry_rows(db, within=7)
        long = analytics_stock.expiry_rows(db, within=30)
        again = analytics_stock.expiry_rows(db, within=3)
    assert long == alone and long[: len(short)] == short and long[: len(again)] == again
    assert all(x is y for x, y in zip(short, long, strict=False))  # made once
    # soonest first; equal days by item (M1 was added before M0), then batch
    assert [(r.sku, r.days_left) for r in long] == [
        ("M1", -2), ("M0", -2), ("M1", 5), ("M1", 9), ("M0", 9),
    ]  # fmt: skip
    assert [r.days_left for r in short] == [-2, -2, 5]


def test_slow_movers_at_the_edge_of_the_cover_limit(db):
    settings.set_value(db, "reorder_demand_days", "30")
    # 1 unit a day over 30 days; cover = on hand (days); limit 180 days
    for sku, on_hand in (("E0", "181"), ("E1", "180"), ("E2", "180.049"), ("E3", "180.05")):
        catalog.add_item(db, ItemFields(sku=sku, name=sku))
        stock.receive(db, sku=sku, qty=str(D(on_hand) + 30), unit_cost="1", date=ago(40))
        for day in range(30):
            stock.issue(db, sku=sku, qty="1", date=ago(day))
    slow = analytics_stock.slow_movers(db, cover_days=180)
    # 180.049 days rounds to 180.0 (not slow); 180.05 rounds half-up to 180.1 (slow)
    assert [(r.sku, r.cover_days, r.mean_daily) for r in slow] == [
        ("E0", D("181.0"), D("1.0000")),
        ("E3", D("180.1"), D("1.0000")),
    ]
