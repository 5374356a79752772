"""The CLI contract of the ledger: commands, flags, JSON keys and exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.cli import main, wants_cli

ROOT = Path(__file__).resolve().parents[2]

ITEMS = "sku,name,category\nA1,Hammer 锤子,Hardware\nM1,纯牛奶,乳制品\n"
JOURNAL = """date,type,sku,qty,unit_cost,batch
2026-02-01,receipt,A1,10,2.50,L1
2026-02-02,receipt,A1,5,3.00,L2
2026-02-03,issue,A1,12,,
2026-02-03,receipt,M1,4,1.25,
"""


@pytest.fixture
def shop(tmp_path):
    db = tmp_path / "shop.db"
    (tmp_path / "items.csv").write_text(ITEMS, encoding="utf-8")
    (tmp_path / "journal.csv").write_text(JOURNAL, encoding="utf-8")
    assert main(["--db", str(db), "init", "--name", "Test"]) == 0
    assert main(["--db", str(db), "import", "items", str(tmp_path / "items.csv")]) == 0
    assert main(["import", "journal", str(tmp_path / "journal.csv"), "--db", str(db)]) == 0
    return db


def run_json(capsys, *args):
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_stock_json_by_batch_and_by_item(shop, capsys):
    data = run_json(capsys, "--db", str(shop), "stock", "--by", "batch", "--format", "json")
    assert set(data) >= {"at", "rows"}
    row = next(r for r in data["rows"] if r["sku"] == "A1")
    keys = ("sku", "batch", "location", "expiry", "qty", "unit_cost", "value")
    assert {k: row[k] for k in keys} == {
        "sku": "A1", "batch": "L2", "location": "Main", "expiry": None,
        "qty": "3.000", "unit_cost": "3.0000", "value": "9.00",
    }  # fmt: skip
    data = run_json(capsys, "--db", str(shop), "stock", "--format", "json")
    assert [(r["sku"], r["qty"], r["value"]) for r in data["rows"]] == [
        ("A1", "3.000", "9.00"),
        ("M1", "4.000", "5.00"),
    ]
    past = run_json(capsys, "--db", str(shop), "stock", "--at", "2026-02-02", "--format", "json")
    assert past["at"] == "2026-02-02" and past["rows"] == [
        {
            "sku": "A1",
            "qty": "15.000",
            "value": "40.00",
            "name": "Hammer 锤子",
            "on_order_qty": "0.000",
        }
    ]


def test_summary_json_contract(shop, capsys):
    data = run_json(
        capsys, "--db", str(shop), "summary", "--from", "2026-02-02", "--to", "2026-02-28",
        "--format", "json",
    )  # fmt: skip
    assert (data["from"], data["to"], data["by"]) == ("2026-02-02", "2026-02-28", "item")
    keys = {
        "sku",
        "name",
        "category",
        "opening_qty",
        "opening_value",
        "in_qty",
        "in_value",
        "out_qty",
        "out_value",
        "adj_qty",
        "adj_value",
        "closing_qty",
        "closing_value",
    }
    assert all(keys <= set(r) for r in data["rows"])
    a1 = next(r for r in data["rows"] if r["sku"] == "A1")
    assert (a1["opening_value"], a1["in_value"], a1["out_value"], a1["closing_value"]) == (
        "25.00", "15.00", "31.00", "9.00",
    )  # fmt: skip
    assert data["totals"]["closing_value"] == "14.00"
    assert set(data["totals"]) == keys - {"sku", "name", "category"}


def test_summary_csv_and_table(shop, capsys):
    capsys.readouterr()
    assert main(["--db", str(shop), "summary", "--from", "2026-02-01", "--to", "2026-02-28",
                 "--by", "category", "--format", "csv"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("category,opening_qty") and len(lines) == 3
    assert main(["--db", str(shop), "summary", "--from", "2026-02-01", "--to", "2026-02-28"]) == 0
    assert "TOTAL" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message_and_changes_nothing(shop, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,type,sku,qty\n2026-02-05,issue,A1,99\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(shop), "import", "journal", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 2, column 'qty'" in err and "nothing was imported" in err
    assert main(["--db", str(shop), "issue", "--sku", "A1", "--qty", "50"]) == 2
    assert "not enough stock" in capsys.readouterr().err
    assert main(["--db", str(shop), "summary", "--from", "2026-02-28", "--to", "2026-02-01"]) == 2
    assert main(["--db", str(shop), "receive", "--sku", "A1", "--qty", "1", "--cost", "abc"]) == 2
    assert "'abc'" in capsys.readouterr().err  # a message naming the value, not a traceback
    conn = sqlite3.connect(shop)
    assert conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 4


def test_close_period_then_refused(shop, capsys):
    assert main(["--db", str(shop), "close-period", "2026-02-02"]) == 0
    assert main(["--db", str(shop), "receive", "--sku", "A1", "--qty", "1", "--cost", "1",
                 "--date", "2026-02-01"]) == 2  # fmt: skip
    assert "closed period" in capsys.readouterr().err


def test_check_passes_then_fails_on_a_tampered_cache(shop, capsys):
    assert main(["--db", str(shop), "check"]) == 0
    assert "all checks passed" in capsys.readouterr().out
    conn = sqlite3.connect(shop)
    conn.execute("UPDATE batches SET qty_remaining = qty_remaining - 1000 WHERE code = 'L2'")
    conn.commit()
    conn.close()
    assert main(["--db", str(shop), "check"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  batch remaining = received - allocated" in out


def test_check_always_proves_the_pages_and_refuses_a_damaged_file(tmp_path, capsys):
    from tests.storage.test_check_policy import damage, new_shop, noted

    path = new_shop(tmp_path / "shop.db")
    assert main(["--db", str(path), "init"]) == 0  # a writer's open: the pass is noted
    assert noted(path) is not None
    damage(path)
    assert main(["--db", str(path), "stock"]) == 0  # noted today: reads skip the check
    capsys.readouterr()
    # `check` never skips it, and a damaged file is what it found: exit 1, as for any problem
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "shop.db is damaged" in out and "CHECK FAILED" in out


def test_backup_is_a_verified_copy(shop, tmp_path, capsys):
    dest = tmp_path / "copies" / "b.db"
    assert main(["--db", str(shop), "backup", str(dest)]) == 0
    conn = sqlite3.connect(dest)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 4
    assert main(["--db", str(dest), "check"]) == 0


def test_missing_shop_file_is_a_clear_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "stock"]) == 2
    assert "no shop at" in capsys.readouterr().err


def test_sub_commands_are_recognised_for_the_cli_not_the_desktop():
    assert wants_cli(["--db", "x.db", "stock"])
    assert wants_cli(["summary", "--from", "2026-01-01", "--to", "2026-01-31"])
    assert not wants_cli([])
    assert not wants_cli(["--db", "x.db", "--screenshot", "o.png", "--page", "items"])


def test_the_three_entry_points_run_the_same_cli(tmp_path):
    db = str(tmp_path / "e.db")
    for argv in (
        [sys.executable, "-m", "inventory_app", "--db", db, "init"],
        [sys.executable, "main.py", "--db", db, "check"],
    ):
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert done.returncode == 0, done.stderr


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path):
    import datetime as dt
    from decimal import Decimal

    from inventory_app.domain.model import ItemFields, Line, MovementType
    from inventory_app.services import catalog, shop
    from inventory_app.services import postings as stock

    path = tmp_path / "big.db"
    db = shop.create_shop(path)
    catalog.add_items(db, [ItemFields(sku=f"S{i:04d}", name=f"品名 {i}") for i in range(1500)])
    day = dt.date(2026, 1, 5)
    lines = ((day, Line(type=MovementType.RECEIPT, sku=f"S{i:04d}", qty=Decimal(1),
                        unit_cost=Decimal(1))) for i in range(1500))  # fmt: skip
    stock.post_entries(db, lines)
    db.close()
    cmd = f"{sys.executable} -m inventory_app --db {path} stock --by batch --format json"
    done = subprocess.run(
        f"{cmd} | head -c 5", shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.stdout == '{\n  "'
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr


def test_demo_refuses_a_shop_that_already_has_items(shop, capsys):
    capsys.readouterr()
    assert main(["--db", str(shop), "demo", "--skus", "3", "--days", "3"]) == 2
    assert "already has items; demo needs a new, empty shop" in capsys.readouterr().err
    conn = sqlite3.connect(shop)
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 2


def test_help_lists_every_command_once_grouped_by_purpose(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith("    ") and line[4] != " "]
    names = [line.split()[0] for line in listed]
    assert names == [
        "init", "demo", "check", "backup", "restore", "import", "template",
        "receive", "issue", "writeoff", "adjust", "transfer", "reverse", "close-period",
        "items", "stock", "summary", "stocktake", "report", "alerts", "forecast", "item", "export",
        "supplier", "location", "label", "unit", "po", "settings",
        "user", "audit",
    ]  # fmt: skip
