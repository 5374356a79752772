"""The report and alerts commands: JSON contracts, tables, charts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from inventory_app.cli import main
from inventory_app.services import postings as stock
from inventory_app.services import settings

TODAY = dt.date.today()


@pytest.fixture
def shop_file(stocked):
    db = stocked
    stock.receive(db, sku="A1", qty="10", unit_cost="10", date=dt.date(2024, 12, 31))
    stock.receive(db, sku="A1", qty="65", unit_cost="10", date=dt.date(2025, 3, 1))
    stock.issue(db, sku="A1", qty="60", date=dt.date(2025, 6, 1))
    stock.receive(db, sku="M1", qty="4", unit_cost="2.5", date=dt.date(2025, 7, 1))
    stock.issue(db, sku="M1", qty="4", date=dt.date(2025, 7, 3))
    path = str(db.path)
    db.close()
    return path


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_turnover_json_contract_and_worked_example(shop_file, capsys):
    code, out = run(
        capsys, "--db", shop_file, "report", "turnover", "--from", "2025-01-01", "--to",
        "2025-12-31", "--by", "item", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["from", "to", "by", "rows", "total"]
    assert (data["from"], data["to"], data["by"]) == ("2025-01-01", "2025-12-31", "item")
    keys = ["key", "cogs", "opening_value", "closing_value", "average_value", "turnover",
            "turnover_days"]  # fmt: skip
    assert all(list(r) == keys for r in data["rows"]) and list(data["total"]) == keys
    a1 = next(r for r in data["rows"] if r["key"] == "A1")
    assert a1 == {
        "key": "A1",
        "cogs": "600.00",
        "opening_value": "100.00",
        "closing_value": "150.00",
        "average_value": "125.00",
        "turnover": "4.8",
        "turnover_days": "76.0",
    }
    m1 = next(r for r in data["rows"] if r["key"] == "M1")
    assert m1["turnover"] is None and m1["turnover_days"] is None
    assert data["total"]["key"] == "total" and data["total"]["cogs"] == "610.00"


@pytest.mark.parametrize("by", ["category", "month"])
def test_turnover_by_category_and_month(shop_file, capsys, by):
    code, out = run(capsys, "--db", shop_file, "report", "turnover", "--from", "2025-01-01",
                    "--to", "2025-12-31", "--by", by, "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["by"] == by
    assert data["total"]["cogs"] == "610.00"
    assert len(data["rows"]) == (2 if by == "category" else 12)


def test_turnover_table_shows_a_dash_and_writes_a_chart(shop_file, capsys, tmp_path):
    chart = tmp_path / "turnover.png"
    code, out = run(capsys, "--db", shop_file, "report", "turnover", "--from", "2025-01-01",
                    "--to", "2025-12-31", "--chart", str(chart))  # fmt: skip
    assert code == 0
    m1 = next(line for line in out.splitlines() if line.startswith("M1"))
    assert m1.split()[-2:] == ["—", "—"] and m1.endswith("—")
    a1 = next(line for line in out.splitlines() if line.startswith("A1"))
    assert a1.split()[-2:] == ["4.8", "76.0"]
    assert chart.stat().st_size > 5000 and chart.read_bytes()[:4] == b"\x89PNG"


def test_turnover_refuses_a_backwards_period(shop_file, capsys):
    code = main(["--db", shop_file, "report", "turnover", "--from", "2025-12-31", "--to",
                 "2025-01-01"])  # fmt: skip
    assert code == 2 and "before it starts" in capsys.readouterr().err


def test_indicators_json_contract(shop_file, capsys):
    code, out = run(capsys, "--db", shop_file, "report", "indicators", "--from", "2025-01-01",
                    "--to", "2025-12-31", "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert code == 0
    assert list(data) == ["turnover", "turnover_days", "capital_occupation", "loss_rate",
                          "stock_value", "bands", "margin"]  # fmt: skip
    assert data["turnover"] == "4.88" and data["stock_value"] == "150.00"
    assert data["margin"]["priced_share"] == "0.0000"  # no selling prices set
    assert data["capital_occupation"] is None and data["loss_rate"] == "0.0000"
    assert data["bands"]["turnover"] == {
        "min": "6", "max": "12", "status": "low", "annualized_turnover": "4.88"
    }  # fmt: skip
    assert data["bands"]["capital_occupation"] == {"min": None, "max": "0.2", "status": ""}
    code, out = run(capsys, "--db", shop_file, "report", "indicators", "--from", "2025-01-01",
                    "--to", "2025-12-31")  # fmt: skip
    assert "turnover days" in out and "74.8" in out


def test_alerts_json_contract(stocked, capsys):
    db = stocked
    stock.receive(db, sku="M1", qty="2", unit_cost="2", date=TODAY - dt.timedelta(days=11))
    stock.receive(db, sku="M1", qty="3", unit_cost="2", date=TODAY - dt.timedelta(days=5))
    stock.receive(db, sku="A1", qty="7", unit_cost="4", date=TODAY - dt.timedelta(days=200))
    settings.set_value(db, "expiry_warning_days", "30")
    path = str(db.path)
    db.close()
    code, out = run(capsys, "--db", path, "alerts", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert list(data) == [
        "at",
        "expired",
        "expiring",
        "low_stock",
        "out_of_stock",
        "dead_stock",
        "overdue_orders",
    ]
    assert data["at"] == TODAY.isoformat()
    (expired,) = data["expired"]
    assert set(expired) == {"sku", "batch", "expiry", "qty", "value"}
    assert (expired["sku"], expired["qty"], expired["value"]) == ("M1", "2.000", "4.00")
    (expiring,) = data["expiring"]
    assert set(expiring) == {"sku", "batch", "expiry", "qty", "value", "days_left"}
    assert expiring["days_left"] == 5
    assert data["low_stock"] == [] and data["out_of_stock"] == []
    assert data["dead_stock"] == [
        {"sku": "A1", "qty": "7.000", "value": "28.00", "last_issue": None}
    ]
    code, out = run(capsys, "--db", path, "alerts")
    assert "Expired: 1" in out and "Dead stock (no issue for 90 days): 1" in out


def test_alerts_at_a_past_day(stocked, capsys):
    db = stocked
    stock.receive(db, sku="M1", qty="2", unit_cost="2", date=dt.date(2026, 1, 1))
    path = str(db.path)
    db.close()
    code, out = run(capsys, "--db", path, "alerts", "--at", "2026-01-08", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["at"] == "2026-01-08" and data["expiring"][0]["days_left"] == 3


def test_abc_ageing_reorder_commands(shop_file, capsys, tmp_path):
    code, out = run(capsys, "--db", shop_file, "report", "abc", "--from", "2025-01-01", "--to",
                    "2025-12-31", "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert code == 0 and [(r["sku"], r["class"]) for r in data["rows"]] == [("A1", "A"),
                                                                           ("M1", "C")]  # fmt: skip
    chart = tmp_path / "ageing.svg"
    code, out = run(capsys, "--db", shop_file, "report", "ageing", "--at", "2025-12-31",
                    "--format", "json", "--chart", str(chart))  # fmt: skip
    data = json.loads(out)  # the chart message goes to stderr, the JSON stays clean
    # the 15 left of the 1 March batch are 305 days old at the end of the year
    assert code == 0 and data["buckets"][">180"]["value"] == "150.00"
    assert data["batches"][0]["age_days"] == 305
    assert chart.exists()
    code, out = run(capsys, "--db", shop_file, "report", "reorder", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["rules"]["z"] == "1.6449" and data["rows"] == []
    code, out = run(capsys, "--db", shop_file, "report", "reorder")
    assert code == 0 and "service level 95.0%" in out


def test_read_commands_load_no_chart_spreadsheet_or_qt_library(shop_file):
    # start-up is part of every command's time: matplotlib, openpyxl, sqlite-utils (numpy)
    # and Qt load only for the commands that draw, write .xlsx or show windows
    import subprocess
    import sys

    code = (
        "import contextlib, io, sys\n"
        "from inventory_app.cli import main\n"
        f"db = {shop_file!r}\n"
        "for args in (['stock'], ['stock', '--format', 'json'], ['alerts'],\n"
        "             ['summary', '--from', '2025-01-01', '--to', '2025-12-31'],\n"
        "             ['report', 'turnover', '--from', '2025-01-01', '--to', '2025-12-31'],\n"
        "             ['check']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(['--db', db, *args]) == 0, args\n"
        "heavy = ('matplotlib', 'openpyxl', 'sqlite_utils', 'numpy', 'PySide6')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
