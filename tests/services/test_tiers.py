"""Tiers from the ledger, the CLI contract, the clearance list read back, and the
do-not-reorder flag in the average-based suggestions too."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook

from inventory_app.cli import main
from inventory_app.domain import messages
from inventory_app.services import demand
from inventory_app.services import postings as stock
from inventory_app.services.analytics import alerts

AT = dt.date(2026, 6, 30)


def _shop(db):
    # A1 sells 1 a day and has 10 left: fast. M1 came in 200 days ago and never sold: dead.
    stock.receive(db, sku="A1", qty="100", unit_cost="3", date=AT - dt.timedelta(days=100))
    for d in range(90, 0, -1):
        stock.issue(db, sku="A1", qty="1", date=AT - dt.timedelta(days=d - 1))
    stock.receive(db, sku="M1", qty="40", unit_cost="2", date=AT - dt.timedelta(days=200))
    return db


def test_tiers_and_actions(stocked):
    rep = demand.tiers_report(_shop(stocked), at=AT)
    by = {r.sku: r for r in rep.rows}
    assert by["A1"].advice.tier == "fast" and by["A1"].advice.action == "reorder"
    m1 = by["M1"]
    assert (m1.advice.tier, m1.advice.action) == ("dead", "stop_reordering")
    assert m1.idle_days == 200 and m1.age_days == 200 and str(m1.value) == "80.00"
    assert rep.rows[0].sku == "M1"  # dead stock first
    assert rep.counts() == {"fast": 1, "normal": 0, "slow": 0, "dead": 1}
    assert m1.action_text("zh").startswith("停止补货；")


def test_cli_json_and_clearance_list(stocked, tmp_path, capsys, monkeypatch):
    path = str(_shop(stocked).path)
    stocked.close()
    out = tmp_path / "clearance.xlsx"
    args = ["--db", path, "report", "tiers", "--at", AT.isoformat(), "--format", "json"]
    assert main([*args, "--clearance", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["at", "rules", "counts", "rows"]
    assert data["rules"] == {"fast_cover_days": 30, "slow_cover_days": 180, "dead_days": 90}
    assert data["rows"][0]["tier"] == "dead"
    ws = load_workbook(out).active
    assert ws["A2"].value == "SKU" and ws["A3"].value == "M1"
    assert ws["G3"].value == 80 and ws["H3"].value == 200
    assert "stop reordering" in ws["K3"].value
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    try:
        assert main([*args, "--clearance", str(out)]) == 0
    finally:
        messages.set_language("en")
    ws = load_workbook(out).active
    assert ws["A2"].value == "商品编码" and ws["D3"].value == "呆滞库存"


def test_no_reorder_flag_leaves_the_average_based_suggestions(stocked):
    _shop(stocked)
    stock.issue(stocked, sku="A1", qty="9", date=AT)
    _, rows = alerts.reorder_suggestions(stocked, at=AT)
    assert [r.sku for r in rows] == ["A1"]
    demand.set_no_reorder(stocked, "A1", True)
    assert alerts.reorder_suggestions(stocked, at=AT)[1] == []
