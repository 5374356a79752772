"""Bad input on the command line (#14): each refused with a sentence on stderr, exit 2,
nothing changed; no traceback."""

from __future__ import annotations

import sqlite3

import pytest

from inventory_app.cli import main


@pytest.fixture
def shop(tmp_path):
    db = tmp_path / "shop.db"
    (tmp_path / "items.csv").write_text("sku,name\nA1,Hammer\n", encoding="utf-8")
    assert main(["--db", str(db), "init", "--name", "Test"]) == 0
    assert main(["--db", str(db), "import", "items", str(tmp_path / "items.csv")]) == 0
    assert main(["--db", str(db), "receive", "--sku", "A1", "--qty", "5", "--cost", "2"]) == 0
    return db


def _state(db) -> tuple:
    with sqlite3.connect(db) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("items", "movements", "batches", "documents")
        )


def refused(capsys, db, *args: str) -> str:
    """Run the command; it must exit 2 with a message and no traceback, changing nothing."""
    before = _state(db)
    capsys.readouterr()
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exc:  # argparse refuses a bad argument value by exiting 2
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.strip()
    assert _state(db) == before
    return err


@pytest.mark.parametrize(
    ("flag", "value"), [("--qty", "1,5"), ("--cost", "2,50"), ("--qty", "12,50")]
)
def test_a_decimal_comma_is_refused_as_ambiguous(shop, capsys, flag, value):
    args = {"--qty": "1", "--cost": "1", flag: value}
    err = refused(capsys, shop, "receive", "--sku", "A1", *(x for kv in args.items() for x in kv))
    assert "ambiguous" in err and value in err


def test_thousands_groups_are_accepted(shop, capsys):
    assert main(["--db", str(shop), "receive", "--sku", "A1", "--qty", "1,500", "--cost", "2"]) == 0
    with sqlite3.connect(shop) as conn:
        assert conn.execute("SELECT max(qty) FROM movements").fetchone()[0] == 1_500_000


def test_amounts_beyond_what_storage_holds_are_refused(shop, capsys):
    err = refused(
        capsys, shop, "receive", "--sku", "A1", "--qty", "99999999", "--cost", "99999999999"
    )
    assert "unit cost" in err and "100,000,000" in err
    err = refused(capsys, shop, "receive", "--sku", "A1", "--qty", "99999999", "--cost", "99999999")
    assert "worth" in err
    err = refused(capsys, shop, "adjust", "--sku", "A1", "--qty", "99999999999", "--cost", "1")
    assert "quantity" in err


@pytest.mark.parametrize(
    "args",
    [
        ("receive", "--sku", "A1", "--qty", "1", "--cost", "1", "--date", "0001-01-01"),
        ("receive", "--sku", "A1", "--qty", "1", "--cost", "1", "--expiry", "9999-12-31"),
        ("stock", "--at", "0001-01-01"),
        ("stock", "--at", "9999-12-31"),
        ("summary", "--from", "0001-01-01", "--to", "9999-12-31"),
        ("summary", "--from", "2026-01-01", "--to", "9999-12-31"),
        ("close-period", "1899-12-31"),
    ],
)
def test_dates_outside_1900_to_9999_12_30_are_refused(shop, capsys, args):
    err = refused(capsys, shop, *args)
    assert "1900-01-01" in err and "9999-12-30" in err


def test_export_month_9999_12_is_refused(shop, capsys, tmp_path):
    out = tmp_path / "m.xlsx"
    err = refused(capsys, shop, "export", "month", "9999-12", str(out))
    assert "9999-12-30" in err and not out.exists()


def test_huge_ids_are_refused(shop, capsys):
    err = refused(capsys, shop, "reverse", "99999999999999999999999", "--reason", "x")
    assert "record number" in err
    refused(capsys, shop, "stocktake", "count", "99999999999999999999", "--sku", "A1", "--qty", "1")


def test_huge_but_storable_ids_are_not_found(shop, capsys):
    err = refused(capsys, shop, "reverse", str(2**63 - 1), "--reason", "x")
    assert "record number" not in err
