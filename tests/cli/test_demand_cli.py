"""``forecast --sku``: the JSON contract and refusals."""

from __future__ import annotations

import datetime as dt
import json

from inventory_app.cli import main
from inventory_app.services import postings as stock


def test_forecast_json(stocked, capsys):
    day = dt.date(2025, 3, 3)
    stock.receive(stocked, sku="A1", qty="500", unit_cost="1", date=day)
    for week in range(20):
        stock.issue(stocked, sku="A1", qty=str(3 + week % 2), date=day + dt.timedelta(weeks=week))
    path = str(stocked.path)
    stocked.close()
    at = (day + dt.timedelta(weeks=20)).isoformat()
    code = main(["--db", path, "forecast", "--sku", "a1", "--horizon", "4", "--at", at,
                 "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(data) == ["sku", "method", "mase", "seasonal", "history", "forecast"]
    assert data["sku"] == "A1" and data["seasonal"] is False
    assert data["forecast"][0]["week"] == "2025-07-22"
    assert len(data["forecast"]) == 4 and 2.5 < data["forecast"][0]["qty"] < 4.5
    assert main(["--db", path, "forecast", "--sku", "A1"]) == 0
    assert "backtest MASE" in capsys.readouterr().out


def test_forecast_unknown_sku_exits_2(stocked, capsys):
    path = str(stocked.path)
    stocked.close()
    assert main(["--db", path, "forecast", "--sku", "ZZ"]) == 2
    assert "ZZ" in capsys.readouterr().err


def test_item_set_price_and_reorder_flag(stocked, capsys):
    path = str(stocked.path)
    stocked.close()
    assert main(["--db", path, "item", "set", "A1", "--price", "12.50", "--no-reorder"]) == 0
    assert "selling price 12.5; reorder: no" in capsys.readouterr().out
    assert main(["--db", path, "item", "set", "A1", "--no-price", "--reorder"]) == 0
    assert "selling price —; reorder: yes" in capsys.readouterr().out
    assert main(["--db", path, "item", "set", "A1"]) == 2
    assert main(["--db", path, "item", "set", "A1", "--price", "-1"]) == 2
    assert main(["--db", path, "item", "set", "NOPE", "--price", "1"]) == 2


def test_report_reorder_forecast_json(stocked, capsys):
    day = dt.date(2025, 3, 3)
    stock.receive(stocked, sku="A1", qty="82", unit_cost="1", date=day)
    for week in range(20):
        stock.issue(stocked, sku="A1", qty="4", date=day + dt.timedelta(weeks=week))
    path = str(stocked.path)
    stocked.close()
    at = (day + dt.timedelta(weeks=20, days=-1)).isoformat()  # the last week has its issue
    args = ["--db", path, "report", "reorder", "--forecast", "--at", at, "--format", "json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    (row,) = data["rows"]
    assert row["sku"] == "A1" and row["on_hand"] == "2.000"
    assert float(row["suggested"]) > 0 and row["why"].startswith("forecast ")
