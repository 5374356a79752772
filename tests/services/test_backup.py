"""Backups are verified copies that cannot hurt; automatic ones rotate; a restore checks the
backup, keeps the shop as it was, and puts the backup back."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.domain.errors import NotAnInventoryFile, RefusedOperation, ValidationError
from inventory_app.services import backup, check, postings, reports, shop
from inventory_app.storage import backup as copies
from tests.services.test_snapshots import POSTER

ROOT = Path(__file__).resolve().parents[2]


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
    info = backup.describe(dest, shop_path=posted.path)
    assert (info.movements, info.stock_value, info.kind) == (2, Decimal("15.00"), "manual")
    assert info.of_this_shop and info.taken_at is not None


def test_a_folder_as_destination_gets_a_name_from_the_shop(posted, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert backup.backup(posted, folder) == folder / "shop-backup.db"


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock", "-journal"])
def test_the_shop_and_its_files_are_refused_as_destination(posted, suffix):
    target = Path(f"{posted.path}{suffix}")
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(RefusedOperation) as refused:
        backup.backup(posted, target, force=True)
    assert refused.value.code == "backup.overwrites_shop"
    assert "cannot overwrite the shop file" in str(refused.value)
    if suffix != "-shm":  # the shared-memory index: any read (the role check) moves its marks
        assert (target.read_bytes() if target.exists() else None) == before
    assert target.exists() == (before is not None)


@pytest.mark.parametrize("dest", ["", "   "])
def test_no_destination_is_refused(posted, dest, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError) as refused:
        backup.backup(posted, dest)
    assert refused.value.code == "backup.no_destination"
    assert list(tmp_path.glob("*backup*")) == []


def test_another_file_is_replaced_only_with_force(posted, tmp_path):
    other = tmp_path / "other.db"
    with shop.create_shop(other, name="Other shop"):
        pass
    before = other.read_bytes()
    with pytest.raises(RefusedOperation) as refused:
        backup.backup(posted, other)
    assert refused.value.code == "backup.would_overwrite" and other.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(RefusedOperation):
        backup.backup(posted, notes)
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert backup.backup(posted, other, force=True) == other
    assert backup.describe(other, shop_path=posted.path).movements == 2


def test_a_backup_of_this_shop_is_replaced_without_force(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "b.db")
    postings.issue(posted, sku="A1", qty="1")
    assert backup.backup(posted, dest) == dest
    assert backup.describe(dest).movements == 3


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_or_a_link_to_a_folder_is_refused(posted, tmp_path):
    with pytest.raises(RefusedOperation) as refused:
        backup.backup(posted, "/dev/null", force=True)
    assert refused.value.code == "backup.not_a_file"


def test_a_name_too_long_is_refused_and_leaves_nothing(posted, tmp_path):
    with pytest.raises(RefusedOperation) as refused:
        backup.backup(posted, tmp_path / ("x" * 300 + ".db"))
    assert refused.value.code == "backup.name_too_long"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused_and_leaves_nothing(posted, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(RefusedOperation) as refused:
            backup.backup(posted, folder / "b.db")
    finally:
        folder.chmod(0o755)
    assert refused.value.code == "backup.cannot_write" and list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
def test_a_full_disk_gives_a_message_and_no_partial_file(posted, tmp_path):
    for n in range(30):  # a shop bigger than the limit below
        postings.receive(posted, sku="A1", qty="1", unit_cost="1", note="x" * 2000 + str(n))
    path = posted.path
    posted.close()
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN);"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (40000, 40000));"
        "from inventory_app.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(path), "backup", str(out / "b.db")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"},
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "backup" in done.stderr
    assert list(out.iterdir()) == []


def test_backups_taken_while_another_process_posts_verify(posted, tmp_path):
    path = posted.path
    posted.close()
    stop = tmp_path / "stop"
    poster = subprocess.Popen(
        [sys.executable, "-c", POSTER, str(path), str(stop)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert poster.stdout.readline().strip() == "posting"
        with shop.open_shop(path, write=False, check=False) as db:
            seen = set()
            for n in range(12):
                dest = backup.backup(db, tmp_path / f"b{n}.db")  # verifies, or raises
                seen.add(backup.describe(dest).movements)
                time.sleep(0.05)
    finally:
        stop.touch()
        poster.wait(timeout=60)
    assert len(seen) > 1  # the other process did post meanwhile


# -- automatic, rotating ---------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = dt.datetime(2025, 1, 1, 18, 0)
    stamps = [start + dt.timedelta(days=n, hours=n % 3) for n in range(500)]
    keep = backup.to_keep(stamps)
    newest_first = sorted(stamps, reverse=True)

    def newest_of_each(period, n):
        found = {}
        for t in newest_first:
            found.setdefault(period(t), t)
        return set(list(found.values())[:n])

    expected = (
        set(newest_first[:7])
        | newest_of_each(lambda t: t.isocalendar()[:2], 4)
        | newest_of_each(lambda t: (t.year, t.month), 12)
    )
    assert keep == expected
    assert len({(t.year, t.month) for t in keep}) == 12 and len(keep) <= 7 + 4 + 12


def test_automatic_backups_at_most_daily_and_rotated(posted):
    first = dt.datetime(2026, 1, 1, 18, 0)
    made = backup.auto_backup(posted, now=first)
    assert made is not None and made.parent == backup.backup_folder(posted.path)
    assert backup.auto_backup(posted, now=first + dt.timedelta(hours=3)) is None  # same day
    for n in range(1, 40):
        assert backup.auto_backup(posted, now=first + dt.timedelta(days=n)) is not None
    kept = sorted(p.name for p in backup.backup_folder(posted.path).glob("auto-*.db"))
    assert len(kept) == len(backup.to_keep([first + dt.timedelta(days=n) for n in range(40)]))
    assert "auto-2026-02-09T180000.db" in kept and len(kept) < 40
    stale = backup.backup_folder(posted.path) / ".backup-x.partial"  # a copy never finished
    stale.write_bytes(b"")
    os.utime(stale, (time.time() - 2 * 86_400,) * 2)
    fresh = stale.with_name(".backup-y.partial")  # another process's, in progress
    fresh.write_bytes(b"")
    backup.auto_backup(posted, now=first + dt.timedelta(days=40))
    assert not stale.exists() and fresh.exists()
    fresh.unlink()
    listed = backup.list_backups(posted.path)
    assert listed[0].path.name == "auto-2026-02-10T180000.db" and listed[0].kind == "daily"
    assert all(b.movements == 2 and b.of_this_shop for b in listed)


# -- restore ---------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_shop_as_a_backup(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "b.db")
    shop_path = posted.path
    postings.issue(posted, sku="A1", qty="6")
    posted.close()
    kept = backup.restore(dest, shop_path)
    assert kept.parent == backup.backup_folder(shop_path) and kept.name.startswith("before-")
    with shop.open_shop(shop_path, write=False) as back:
        assert [(r.qty, r.value) for r in reports.stock_by_item(back)] == [(6, Decimal("15.00"))]
        assert check.check(back).ok
        assert back.meta(copies.BACKUP_OF) is None  # the shop, not a copy of it
    with shop.open_shop(kept, write=False) as before:
        assert [r.qty for r in reports.stock_by_item(before)] == []  # all 10 issued
    assert backup.describe(kept).kind == "before-restore"


def test_restore_refuses_a_file_that_is_not_a_shop_and_leaves_the_shop_alone(posted, tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    posted.close()
    with pytest.raises(NotAnInventoryFile):
        backup.restore(bogus, posted.path)
    assert not backup.backup_folder(posted.path).exists()
    with shop.open_shop(posted.path, write=False) as same:
        assert [r.qty for r in reports.stock_by_item(same)] == [6]


def test_restore_refuses_the_shop_itself_and_a_shop_in_use(posted, tmp_path):
    dest = backup.backup(posted, tmp_path / "b.db")
    with pytest.raises(RefusedOperation) as refused:
        backup.restore(posted.path, posted.path)
    assert refused.value.code == "restore.same_file"
    postings.issue(posted, sku="A1", qty="1")
    # this test's own handle still writes to the shop: another process may not restore it
    done = subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(posted.path), "restore", str(dest)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"},
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert [r.qty for r in reports.stock_by_item(posted)] == [Decimal(5)]
