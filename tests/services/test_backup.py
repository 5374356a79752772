"""Backups are verified copies; a restore puts one back and keeps the file it replaced."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation
from inventory_app.services import backup, check, postings, reports, shop
from inventory_app.storage import backup as copies


@pytest.fixture
def posted(stocked):
    postings.receive(stocked, sku="A1", qty="10", unit_cost="2.50", batch="L1")
    postings.issue(stocked, sku="A1", qty="4")
    return stocked


def test_a_backup_holds_the_same_ledger_and_passes_check(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "copies" / "b.db")
    assert dest == tmp_path / "copies" / "b.db" and not list(dest.parent.glob("*.partial"))
    with shop.open_shop(dest, write=False) as copy:
        assert check.check(copy).ok
        assert reports.stock_value(copy) == reports.stock_value(posted)
        assert copies.ledger_counts(copy.conn) == copies.ledger_counts(posted.conn)
    # one self-contained file: no write-ahead log beside it
    assert sqlite3.connect(dest).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_folder_as_destination_gets_a_name_from_the_shop(posted, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert backup.backup(posted, folder) == folder / "shop-backup.db"


def test_the_shop_file_itself_is_refused_as_destination(posted):
    with pytest.raises(RefusedOperation) as refused:
        backup.backup(posted, posted.path)
    assert refused.value.code == "backup.overwrites_shop"
    assert "cannot overwrite the shop file" in str(refused.value)


def test_a_copy_is_inspected_for_integrity_and_counts(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "b.db")
    health = copies.inspect_copy(dest)
    assert health.problems == []
    assert health.counts == {"items": 2, "batches": 1, "movements": 2, "allocations": 1}
    with shop.create_shop(tmp_path / "empty.db"):
        pass
    empty = copies.inspect_copy(tmp_path / "empty.db")
    assert empty.problems == [] and set(empty.counts.values()) == {0}


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "b.db")
    shop_path = posted.path
    postings.issue(posted, sku="A1", qty="6")
    posted.close()
    assert backup.restore(dest, shop_path) == shop_path
    with shop.open_shop(shop_path, write=False) as back:
        assert [(r.qty, r.value) for r in reports.stock_by_item(back)] == [(6, Decimal("15.00"))]
    assert (tmp_path / "shop.db.before-restore").exists()


def test_restore_refuses_a_file_that_is_not_a_shop_and_leaves_the_shop_alone(posted, tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    posted.close()
    with pytest.raises(NotAnInventoryFile):
        backup.restore(bogus, posted.path)
    assert not (tmp_path / "shop.db.before-restore").exists()
    with shop.open_shop(posted.path, write=False) as same:
        assert [r.qty for r in reports.stock_by_item(same)] == [6]
