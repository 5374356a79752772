"""Cycle counting: ABC from 12 months of consumption, intervals, the due list, scopes,
and the shrinkage stocktakes posted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import NotFound, RefusedOperation
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, settings
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake.approve import approve
from inventory_app.services.stocktake.cycle import abc_classes, due_list, shrinkage

TODAY = dt.date.today()
LONG_AGO = TODAY - dt.timedelta(days=500)


@pytest.fixture
def shop(db):
    """X issued for 80.00, Y for 15.00, Z for 5.00 over the last year; W never issued;
    V issued a lot, but more than a year ago."""
    for sku in "XYZWV":
        catalog.add_item(db, ItemFields(sku=sku, name=f"Item {sku}", category="Toys"))
        stock.receive(db, sku=sku, qty="100", unit_cost="1", date=LONG_AGO)
    stock.issue(db, sku="V", qty="99", date=LONG_AGO + dt.timedelta(days=1))
    for sku, qty in (("X", "80"), ("Y", "15"), ("Z", "5")):
        stock.issue(db, sku=sku, qty=qty, date=TODAY - dt.timedelta(days=30))
    return db


def sku_classes(db, today=None):
    ids = {r[0]: r[1] for r in db.conn.execute("SELECT id, sku FROM items")}
    return {ids[i]: c for i, c in abc_classes(db, today=today).items()}


def test_abc_from_consumption_value_over_twelve_months(shop):
    assert sku_classes(shop) == {"X": "A", "Y": "B", "Z": "C", "W": "C", "V": "C"}
    settings.set_value(shop, "abc_a", "0.95")
    settings.set_value(shop, "abc_b", "0.99")
    assert sku_classes(shop) == {"X": "A", "Y": "A", "Z": "B", "W": "C", "V": "C"}


def test_never_counted_items_are_due_a_first(shop):
    rows = due_list(shop)
    assert [(r.sku, r.abc, r.last_counted, r.interval_days) for r in rows] == [
        ("X", "A", None, 30),
        ("Y", "B", None, 90),
        ("V", "C", None, 365),
        ("W", "C", None, 365),
        ("Z", "C", None, 365),
    ]


def count_all(db, sid, *, today):
    for x in st.review(db, sid).lines:
        st.count(db, sid, code=x.sku, qty=x.expected_qty)
    approve(db, sid, approver="Boss", today=today)


def test_due_follows_the_interval_of_the_class(shop):
    forty_days_ago = TODAY - dt.timedelta(days=40)
    first = next(iter(st.start(shop, scope="all").stocktakes))
    count_all(shop, first, today=forty_days_ago)
    assert catalog.get_item(shop, "X").last_counted == forty_days_ago
    # A is due after 30 days; B after 90, C after 365: not yet
    assert [r.sku for r in due_list(shop)] == ["X"]
    settings.set_value(shop, "count_interval_b", "40")
    assert [r.sku for r in due_list(shop)] == ["X", "Y"]
    sid = next(iter(st.start(shop, scope="due:A", blind=True).stocktakes))
    assert {x.sku for x in st.review(shop, sid).lines} == {"X"}
    st.cancel(shop, sid)
    sid = next(iter(st.start(shop, scope="due", blind=True).stocktakes))
    assert {x.sku for x in st.review(shop, sid).lines} == {"X", "Y"}
    count_all(shop, sid, today=TODAY)
    assert due_list(shop) == []


def test_scopes_select_items(shop):
    catalog.add_item(shop, ItemFields(sku="K", name="Kettle", category="Kitchen"))
    stock.receive(shop, sku="K", qty="1", unit_cost="9")
    by_scope = {}
    for scope in ("abc:A", "abc:B,C", "category:kitchen", "all"):
        sid = next(iter(st.start(shop, scope=scope).stocktakes))
        by_scope[scope] = sorted(x.sku for x in st.review(shop, sid).lines)
    assert by_scope == {
        "abc:A": ["X"],
        "abc:B,C": ["K", "V", "W", "Y", "Z"],
        "category:kitchen": ["K"],
        "all": ["K", "V", "W", "X", "Y", "Z"],
    }
    with pytest.raises(NotFound, match="unknown category 'Garden'"):
        st.start(shop, scope="category:Garden")
    with pytest.raises(NotFound, match="unknown location"):
        st.start(shop, scope="location:Attic")


def test_empty_scope_is_refused(db):
    with pytest.raises(RefusedOperation, match="no items"):
        st.start(db, scope="all")


def test_shrinkage_sums_what_stocktakes_posted(shop):
    sid = next(iter(st.start(shop, scope="category:Toys").stocktakes))
    counted = {"X": "15", "Y": "86", "Z": "95", "W": "100", "V": "1"}  # X -5, Y +1
    for sku, qty in counted.items():
        st.count(shop, sid, code=sku, qty=qty)
    approve(shop, sid, approver="Boss")
    s = shrinkage(shop, start=TODAY, end=TODAY)
    assert (s.gains, s.losses, s.net) == (D("1.00"), D("5.00"), D("-4.00"))
    loss = shop.conn.execute(
        "SELECT id FROM movements WHERE stocktake_id = ? AND qty < 0", (sid,)
    ).fetchone()[0]
    stock.reverse(shop, loss, reason="found them after all")
    assert shrinkage(shop, start=TODAY, end=TODAY).losses == D("0.00")


def test_blind_cycle_count_of_due_a_items_while_selling(db, tmp_path):
    """The issue's "done when": a blind count of the due A items with a scanner while sales
    go on; the owner reviews, recounts one line and approves; ledger, report and stock agree."""
    import openpyxl

    from inventory_app.domain.model import Removal
    from inventory_app.services import check, reports
    from inventory_app.services.stocktake.report import write_report

    catalog.add_item(db, ItemFields(sku="X", name="Drill 电钻", category="Tools"))
    catalog.add_item(db, ItemFields(sku="M", name="酸奶", barcode="6900000000017",
                                    removal=Removal.FEFO, shelf_life_days=60))  # fmt: skip
    catalog.add_item(db, ItemFields(sku="Z", name="Washer", category="Tools"))
    month_ago = TODAY - dt.timedelta(days=30)
    for sku, cost in (("X", "50"), ("M", "40"), ("Z", "0.1")):
        stock.receive(db, sku=sku, qty="100", unit_cost=cost, batch=f"{sku}-1", date=month_ago)
    for sku in ("X", "M", "Z"):
        stock.issue(db, sku=sku, qty="40", date=month_ago + dt.timedelta(days=1))
    stock.receive(db, sku="M", qty="20", unit_cost="42", batch="M-2")
    assert [(r.sku, r.abc) for r in due_list(db)][:2] == [("M", "A"), ("X", "A")]

    sid = next(iter(st.start(db, scope="due:A", blind=True, name="A 类").stocktakes))
    assert {x.sku for x in st.review(db, sid).lines} == {"X", "M"}
    stock.issue(db, sku="X", qty="5")  # sold before X was counted
    for _ in range(3):  # three scans of X, then a typed quantity
        st.count(db, sid, code="X", qty=1, counter="小王")
    st.count(db, sid, code="X", qty=50, counter="小王")  # 53 of 55: 2 missing
    st.count(db, sid, code="6900000000017", batch="M-1", qty=60, counter="小李")
    st.count(db, sid, code="6900000000017", batch="M-2", qty=2, counter="小李")  # mis-keyed
    stock.issue(db, sku="M", qty="3")  # sold after M was counted (FEFO: from M-1)
    flagged = [(x.sku, x.batch) for x in st.review(db, sid).lines if x.flagged]
    assert flagged == [("M", "M-2")]  # 2 of 20: recount; X (-2 of 55, 100.00) is within
    st.count(db, sid, code="M", batch="M-2", qty=20, counter="老板", recount=True)
    approve(db, sid, approver="老板", reason="theft")

    by_sku = {r.sku: r.qty for r in reports.stock_by_item(db)}
    assert by_sku["X"] == 53 and by_sku["M"] == 60 - 3 + 20
    ledger = db.conn.execute(
        "SELECT sum(qty), sum(value) FROM movements WHERE stocktake_id = ?", (sid,)
    ).fetchone()
    assert ledger == (-2000, -10000)  # two drills at 50.00
    wb = openpyxl.load_workbook(write_report(db, sid, tmp_path / "r.xlsx"))
    facts = {r[0]: r[1] for r in wb["Stocktake"].iter_rows(max_col=2, values_only=True)}
    assert (facts["Losses (¥)"], facts["Gains (¥)"], facts["Approver"]) == (100, 0, "老板")
    assert shrinkage(db, start=TODAY, end=TODAY).losses == D("100.00")
    assert [r.sku for r in due_list(db)] == ["Z"]
    assert check.check(db).ok
