"""`inventory-app stocktake ...`: the CLI contract (names, flags, JSON keys, exit codes)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from inventory_app.cli import main
from inventory_app.services import postings as stock
from inventory_app.services import shop

REVIEW_KEYS = {"sku", "batch", "location", "expected_qty", "counted_qty", "variance_qty",
               "variance_value", "flagged", "counted"}  # fmt: skip


@pytest.fixture
def shop_file(stocked):
    db = stocked
    stock.receive(db, sku="A1", qty="10", unit_cost="2.5")
    stock.receive(db, sku="M1", qty="6", unit_cost="1", batch="L1")
    stock.receive(db, sku="M1", qty="4", unit_cost="1.5", batch="L2")
    path = str(db.path)
    db.close()
    return path


def run(capsys, db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, "stocktake", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def movements(path: str) -> int:
    with shop.open_shop(path, write=False) as db:
        return db.conn.execute("SELECT count(*) FROM movements").fetchone()[0]


def test_start_prints_the_id_alone(shop_file, capsys):
    assert run(capsys, shop_file, "start") == (0, "1\n", "")
    code, out, _ = run(capsys, shop_file, "start", "--scope", "category:乳制品", "--blind",
                       "--name", "牛奶")  # fmt: skip
    assert (code, out) == (0, "2\n")
    code, out, _ = run(capsys, shop_file, "list", "--format", "json")
    rows = json.loads(out)["rows"]
    assert [
        (r["id"], r["name"], r["scope"], r["blind"], r["status"], r["lines"]) for r in rows
    ] == [
        (2, "牛奶", "category:乳制品", True, "open", 2),
        (1, rows[1]["name"], "all", False, "open", 3),
    ]


def test_count_review_approve_round(shop_file, capsys):
    run(capsys, shop_file, "start")
    assert (
        run(capsys, shop_file, "count", "1", "--sku", "A1", "--qty", "4", "--counter", "Li")[0] == 0
    )
    code, out, _ = run(capsys, shop_file, "count", "1", "--sku", "A1", "--qty", "5")
    assert code == 0 and "counted 9" in out
    code, out, _ = run(capsys, shop_file, "count", "1", "--sku", "6901234567892", "--batch", "L1",
                       "--qty", "6", "--location", "Main", "--counter", "Wang")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, shop_file, "review", "1", "--format", "json")
    data = json.loads(out)
    assert set(data) == {"id", "status", "lines"} and data["id"] == 1
    assert data["status"] == "counting"
    assert all(set(x) == REVIEW_KEYS for x in data["lines"])
    assert data["lines"] == [
        {"sku": "A1", "batch": None, "location": "Main", "expected_qty": "10.000",
         "counted_qty": "9.000", "variance_qty": "-1.000", "variance_value": "-2.50",
         "flagged": True, "counted": True},
        {"sku": "M1", "batch": "L1", "location": "Main", "expected_qty": "6.000",
         "counted_qty": "6.000", "variance_qty": "0.000", "variance_value": "0.00",
         "flagged": False, "counted": True},
        {"sku": "M1", "batch": "L2", "location": "Main", "expected_qty": "4.000",
         "counted_qty": None, "variance_qty": None, "variance_value": None,
         "flagged": False, "counted": False},
    ]  # fmt: skip
    code, out, _ = run(capsys, shop_file, "review", "1")
    assert code == 0 and "RECOUNT" in out and "Hammer" in out

    before = movements(shop_file)
    code, _, err = run(capsys, shop_file, "approve", "1", "--approver", "Boss")
    assert code == 2 and "--uncounted" in err and movements(shop_file) == before
    assert err == (
        "inventory-app: 1 line is not counted (first: M1 at Main); "
        "give --uncounted unchanged or --uncounted zero\n"
    )
    code, out, _ = run(capsys, shop_file, "approve", "1", "--approver", "Boss", "--uncounted",
                       "unchanged", "--reason", "theft")  # fmt: skip
    assert code == 0 and "1 difference posted" in out
    assert movements(shop_file) == before + 1
    code, _, err = run(capsys, shop_file, "approve", "1", "--approver", "Boss", "--uncounted",
                       "zero")  # fmt: skip
    assert code == 2 and "already approved" in err and movements(shop_file) == before + 1
    code, _, err = run(capsys, shop_file, "count", "1", "--sku", "A1", "--qty", "1")
    assert code == 2 and "read-only" in err
    assert main(["--db", shop_file, "check"]) == 0
    capsys.readouterr()
    with shop.open_shop(shop_file, write=False) as db:
        reason = db.conn.execute("SELECT reason FROM movements WHERE type = 'stocktake'")
        assert reason.fetchall() == [("theft",)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--sku", "M1", "--batch", "L1", "--qty", "1"), "not in the scope"),
        (("--sku", "A1", "--qty", "-1"), "negative"),
        (("--sku", "A1", "--qty", "abc"), "not a number"),
        (("--sku", "ZZZ", "--qty", "1"), "no item has the code"),
        (("--sku", "A1", "--qty", "1", "--location", "Nowhere"), "unknown location"),
    ],
)
def test_bad_counts_exit_2_and_change_nothing(shop_file, capsys, args, message):
    run(capsys, shop_file, "start", "--scope", "category:Hardware")
    code, out, err = run(capsys, shop_file, "count", "1", *args)
    assert (code, out) == (2, "") and message in err
    _, out, _ = run(capsys, shop_file, "review", "1", "--format", "json")
    assert [x["counted"] for x in json.loads(out)["lines"]] == [False]


def test_cancel_and_list(shop_file, capsys):
    run(capsys, shop_file, "start")
    assert run(capsys, shop_file, "cancel", "1")[0] == 0
    code, _, err = run(capsys, shop_file, "cancel", "1")
    assert code == 2 and "already cancelled" in err
    code, out, _ = run(capsys, shop_file, "list")
    assert code == 0 and "cancelled" in out


def test_due_json_contract(shop_file, capsys):
    code, out, _ = run(capsys, shop_file, "due", "--format", "json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert rows and all(set(r) == {"sku", "abc", "last_counted", "interval_days"} for r in rows)
    assert {r["sku"]: (r["abc"], r["last_counted"]) for r in rows} == {
        "A1": ("C", None),
        "M1": ("C", None),
    }
    run(capsys, shop_file, "start", "--scope", "due", "--blind")
    for sku, batch, qty in (("A1", None, "10"), ("M1", "L1", "6"), ("M1", "L2", "4")):
        extra = ("--batch", batch) if batch else ()
        assert run(capsys, shop_file, "count", "1", "--sku", sku, "--qty", qty, *extra)[0] == 0
    assert run(capsys, shop_file, "approve", "1", "--approver", "Boss")[0] == 0
    _, out, _ = run(capsys, shop_file, "due", "--format", "json")
    assert json.loads(out) == {"rows": []}
    code, out, _ = run(capsys, shop_file, "due")
    assert code == 0


def test_sheet_import_and_report(shop_file, capsys, tmp_path):
    run(capsys, shop_file, "start", "--blind")
    run(capsys, shop_file, "start")
    sheet = tmp_path / "sheet.xlsx"
    code, out, _ = run(capsys, shop_file, "sheet", "1", str(sheet))
    assert code == 0 and out.strip() == str(sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Count sheet"]
    header = [c.value for c in ws[6]]
    assert "Expected" not in header  # blind
    ws.cell(7, header.index("Counted") + 1).value = 11
    wb.save(sheet)
    code, _, err = run(capsys, shop_file, "import", "2", str(sheet))
    assert code == 2 and "stocktake #1, not #2" in err
    code, out, _ = run(capsys, shop_file, "import", "1", str(sheet))
    assert (code, out) == (0, "1 count imported (0 lines added)\n")
    report = tmp_path / "report.xlsx"
    assert run(capsys, shop_file, "report", "1", str(report))[0] == 0
    assert openpyxl.load_workbook(report)["Counts"].max_row == 2
