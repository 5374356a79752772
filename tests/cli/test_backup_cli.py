"""backup / backup list / restore from the command line: messages and exit 2, never a stack."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.cli import main
from inventory_app.services import backup, reports, shop
from inventory_app.services import postings as stock


@pytest.fixture
def shop_file(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2.5", date=dt.date(2026, 1, 2))
    stock.issue(stocked, sku="A1", qty="4", date=dt.date(2026, 1, 9))
    backup.auto_backup(stocked, now=dt.datetime(2026, 1, 9, 18, 0))
    path = str(stocked.path)
    stocked.close()
    return path


def test_backup_list_as_json_and_as_a_table(shop_file, capsys):
    assert main(["--db", shop_file, "backup", "list", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["folder"] == str(Path(shop_file).with_name("shop-backups"))
    (entry,) = data["backups"]
    assert set(entry) == {"path", "taken_at", "kind", "movements", "stock_value",
                          "last_movement", "size_bytes", "of_this_shop"}  # fmt: skip
    assert (entry["kind"], entry["movements"], entry["stock_value"]) == ("daily", 2, "15.00")
    assert entry["last_movement"] == "2026-01-09" and entry["of_this_shop"] is True
    assert main(["--db", shop_file, "backup", "list"]) == 0
    out = capsys.readouterr().out
    assert "auto-2026-01-09T180000.db" in out and "15.00" in out


@pytest.mark.parametrize(
    ("dest", "words"),
    [
        ("", "name the file or folder"),
        ("{shop}-wal", "cannot overwrite the shop file"),
        ("{shop}.lock", "cannot overwrite the shop file"),
        ("{other}", "add --force"),
    ],
)
def test_unsafe_backups_exit_2_with_a_sentence(shop_file, tmp_path, capsys, dest, words):
    other = tmp_path / "other.db"
    other.write_bytes(b"someone else's file")
    assert main(["--db", shop_file, "backup", dest.format(shop=shop_file, other=other)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert other.read_bytes() == b"someone else's file"
    assert main(["--db", shop_file, "backup", str(other), "--force"]) == 0


def test_restore_keeps_the_shop_and_puts_the_backup_back(shop_file, tmp_path, capsys):
    copy = tmp_path / "copy.db"
    assert main(["--db", shop_file, "backup", str(copy)]) == 0
    assert main(["--db", shop_file, "issue", "--sku", "A1", "--qty", "6"]) == 0
    capsys.readouterr()
    assert main(["--db", shop_file, "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "2 movements" in out and "before-restore-" in out
    with shop.open_shop(shop_file, write=False) as db:
        assert [r.qty for r in reports.stock_by_item(db)] == [Decimal(6)]  # as backed up
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"x" * 5000)
    assert main(["--db", shop_file, "restore", str(garbage)]) == 2
    assert "Traceback" not in capsys.readouterr().err
