"""Revenue, gross margin and GMROI: the worked example, the priced share, line prices."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from inventory_app.cli import main
from inventory_app.domain.errors import ValidationError
from inventory_app.services import demand
from inventory_app.services import postings as stock

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture
def sold(stocked):
    """A1: 100 bought at 6.00 before the year, 50 sold at 10.00 in June. M1: 10 bought at
    2.00 in the year, 10 sold with no price."""
    db = stocked
    stock.receive(db, sku="A1", qty="100", unit_cost="6", date=dt.date(2025, 12, 31))
    stock.issue(db, sku="A1", qty="50", date=dt.date(2026, 6, 1))
    stock.receive(db, sku="M1", qty="10", unit_cost="2", date=dt.date(2026, 3, 1))
    stock.issue(db, sku="M1", qty="10", date=dt.date(2026, 3, 2))
    demand.set_price(db, "A1", "10")
    return db


def test_gmroi_worked_example(sold):
    rep = demand.margin_report(sold, start=START, end=END)
    a1 = next(r for r in rep.rows if r.key == "A1")
    # revenue 50 × 10 = 500; COGS 50 × 6 = 300; margin 200 = 40 % of revenue
    assert (a1.revenue, a1.cogs, a1.gross_margin) == (D("500.00"), D("300.00"), D("200.00"))
    assert a1.margin_rate == D("0.4000")
    # average inventory at cost (600 opening + 300 closing) ÷ 2 = 450; GMROI 200 ÷ 450
    assert a1.average_inventory == D("450.00") and a1.gmroi == D("0.44")
    assert a1.priced_share == 1


def test_unpriced_issues_keep_working_and_the_share_says_so(sold):
    rep = demand.margin_report(sold, start=START, end=END)
    m1 = next(r for r in rep.rows if r.key == "M1")
    assert m1.revenue == 0 and m1.cogs == D("20.00") and m1.gmroi is None
    assert m1.priced_share == 0
    # the shop: 300 of 320 of COGS had a price
    assert rep.total.priced_share == D("0.9375")
    assert rep.total.gross_margin == D("200.00")


def test_a_line_price_overrides_the_item_price(sold):
    mid = sold.conn.execute("SELECT max(id) FROM movements WHERE type = 'issue'").fetchone()[0]
    demand.set_issue_price(sold, mid, "3")  # M1's issue sold at 3.00
    rep = demand.margin_report(sold, start=START, end=END, by="category")
    dairy = next(r for r in rep.rows if r.key == "乳制品")
    assert dairy.revenue == D("30.00") and dairy.gross_margin == D("10.00")
    assert rep.total.priced_share == 1


def test_refusals(sold):
    with pytest.raises(ValidationError):
        demand.margin_report(sold, start=START, end=END, by="month")
    with pytest.raises(ValidationError):
        demand.margin_report(sold, start=END, end=START)


def test_cli_margin_json(sold, capsys):
    path = str(sold.path)
    sold.close()
    args = ["--db", path, "report", "margin", "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["from", "to", "by", "rows", "total"]
    a1 = next(r for r in data["rows"] if r["key"] == "A1")
    assert a1["gmroi"] == "0.44" and a1["gross_margin"] == "200.00"
    assert main([*args, "--by", "category"]) == 0
    assert "93.8%" in capsys.readouterr().out


def test_month_pack_has_the_margin_sheet(sold, tmp_path):
    from openpyxl import load_workbook

    from inventory_app.services.export import month as exports

    exports.export_month(sold, "2026-06", tmp_path / "june.xlsx", lang="en")
    ws = load_workbook(tmp_path / "june.xlsx")["Margin"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    hardware = rows["Hardware"]
    assert hardware[1:4] == (500, 300, 200)  # revenue, COGS, gross margin
    assert hardware[6] == pytest.approx(0.44) and hardware[7] == 1
    assert rows["Total"][3] == 200


def test_issue_posted_with_its_price_in_one_transaction(sold):
    """``post_priced``: the issue and its line price together; a pack price is per pack; a
    price on a receipt line is refused and nothing is posted."""
    from inventory_app.domain.model import Document, Line, MovementType
    from inventory_app.services import buying

    issue = MovementType.ISSUE
    day = dt.date(2026, 7, 1)
    doc = Document(date=day, lines=(Line(type=issue, sku="A1", qty=D(10)),))
    changes = demand.post_priced(sold, doc, ["12"])
    (mid,) = changes.movements
    stored = sold.conn.execute("SELECT unit_price FROM issue_prices WHERE movement_id = ?", (mid,))
    assert stored.fetchone()[0] == 120000  # 12.0000, keyed by the movement
    a1 = next(r for r in demand.margin_report(sold, start=START, end=END).rows if r.key == "A1")
    assert a1.revenue == D("620.00")  # 50 × 10 (item price) + 10 × 12 (line price)
    buying.add_pack(sold, "A1", "箱", factor="6")
    doc = Document(date=day, lines=(Line(type=issue, sku="A1", qty=D(1)),))
    demand.post_priced(sold, doc, ["66"], packs_typed=["箱"])  # 6 at 11.00 each
    a1 = next(r for r in demand.margin_report(sold, start=START, end=END).rows if r.key == "A1")
    assert a1.revenue == D("686.00")
    count = sold.conn.execute("SELECT count(*) FROM movements").fetchone()[0]
    bad = Document(
        date=day,
        lines=(
            Line(type=issue, sku="A1", qty=D(1)),
            Line(type=MovementType.RECEIPT, sku="A1", qty=D(1), unit_cost=D(1)),
        ),
    )
    with pytest.raises(ValidationError) as err:
        demand.post_priced(sold, bad, ["5", "5"])
    assert err.value.code == "demand.price_on_issue_only"
    with pytest.raises(ValidationError):
        demand.post_priced(sold, doc, ["-1"])
    assert sold.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == count


def test_cli_issue_with_price(sold, capsys):
    path = str(sold.path)
    sold.close()
    base = ["--db", path, "issue", "--sku", "A1", "--qty", "5", "--date", "2026-07-02"]
    assert main([*base, "--price", "11.5"]) == 0
    capsys.readouterr()
    assert main([*base, "--price", "abc"]) == 2
    assert "selling price" in capsys.readouterr().err
    args = ["--db", path, "report", "margin", "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--format", "json"]) == 0
    a1 = next(r for r in json.loads(capsys.readouterr().out)["rows"] if r["key"] == "A1")
    assert a1["revenue"] == "557.50"  # 50 × 10.00 + 5 × 11.50
