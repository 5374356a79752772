"""When opening proves the file with quick_check: after an unclean shutdown (a writer killed
for real), when no pass was noted in the last day for the file at this place (a copy, a backup
being restored); never otherwise. A page damaged where opening does not read shows whether
the check ran: the open is refused only if it did."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest

from inventory_app.domain.errors import NotAnInventoryFile
from inventory_app.services import backup, check, shop
from inventory_app.storage import lock, meta
from inventory_app.storage.db import open_db
from inventory_app.storage.health import QUICK_CHECK_PASSED


def new_shop(path):
    """A shop with a documents table of a few hundred pages (opening never reads them)."""
    db = shop.create_shop(path)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO documents (date, kind, note, created_at)"
            " VALUES ('2026-01-05', 'x', ?, 'x')",
            [("note " * 80,) for _ in range(400)],
        )
    db.close()
    return path


def damage(path) -> None:
    """Scribble over the second half of the documents pages."""
    with open_db(path, write=False, check=False) as db:
        rows = db.conn.execute("SELECT pageno FROM dbstat WHERE name = 'documents'")
        pages = [p for (p,) in rows]
    data = bytearray(path.read_bytes())
    for page in pages[len(pages) // 2 :]:
        offset = (page - 1) * 4096
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def noted(path) -> str | None:
    with open_db(path, write=False, check=False) as db:
        return meta.get(db.conn, QUICK_CHECK_PASSED)


def noted_when(path) -> dt.datetime:
    when, where = noted(path).split(" ", 1)
    assert where == str(path.resolve())
    return dt.datetime.fromisoformat(when)


def note(path, when: str, where=None) -> None:
    value = f"{when} {where or path.resolve()}"
    with open_db(path, check=False) as db, db.transaction() as conn:
        meta.put(conn, [(QUICK_CHECK_PASSED, value)])


def noted_just_now(path) -> bool:
    """The pass was noted within the last minutes (now, not at collection: a slow machine
    may take longer than that to reach a test)."""
    return abs(noted_when(path) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def hours_ago(hours: float) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)).isoformat(timespec="seconds")


def refused(path, *, write: bool) -> bool:
    try:
        open_db(path, write=write).close()
    except NotAnInventoryFile as exc:
        assert exc.code == "db.damaged"
        return True
    return False


def test_a_writer_notes_the_pass_and_opens_within_a_day_skip_the_check(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    assert noted(path) is None  # a new file has nothing to prove yet
    open_db(path).close()  # nothing noted: due, and the writer notes the pass
    assert noted_just_now(path)
    damage(path)
    assert not refused(path, write=False) and not refused(path, write=True)
    note(path, hours_ago(25))
    assert refused(path, write=False) and refused(path, write=True)  # a day later: due again


def test_a_reader_runs_a_due_check_and_writes_nothing(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    before = path.read_bytes()
    open_db(path, write=False).close()
    assert noted(path) is None and path.read_bytes() == before
    damage(path)
    assert refused(path, write=False) and refused(path, write=False)  # each read, until noted


@pytest.mark.parametrize(
    ("when", "where"),
    [
        (hours_ago(-48), None),  # in the future: a clock set back since
        (hours_ago(1)[:-6], None),  # no time zone
        ("yesterday", None),
        (hours_ago(1), "/elsewhere/shop.db"),  # checked at another place: this is a copy
    ],
)
def test_a_note_that_cannot_be_trusted_makes_the_check_due(tmp_path, when, where):
    path = new_shop(tmp_path / "shop.db")
    note(path, hours_ago(1))
    damage(path)
    assert not refused(path, write=False)  # (the same note, trusted)
    note(path, when, where)
    assert refused(path, write=False)


def test_a_copy_and_a_backup_being_restored_are_checked_at_their_first_open(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    open_db(path).close()  # checked and noted here
    copy = tmp_path / "usb" / "shop.db"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())  # the note travels with it
    damage(copy)
    assert refused(copy, write=False)
    with pytest.raises(NotAnInventoryFile) as caught:
        backup.restore(copy, path)  # refused before it replaces anything
    assert caught.value.code == "db.damaged"
    assert not backup.backup_folder(path).exists()  # nothing kept: nothing was replaced


def test_check_false_leaves_the_check_to_the_caller(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    damage(path)
    open_db(path, write=False, check=False).close()
    with pytest.raises(NotAnInventoryFile) as caught:
        check.check_file(path)
    assert caught.value.code == "db.damaged"


def test_check_file_notes_the_pass_only_in_the_writers_process(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    check.check_file(path)  # no writer here: nothing is written
    assert noted(path) is None
    with open_db(path, check=False):  # this process is the writer now (as the desktop app)
        check.check_file(path)
        assert noted_just_now(path)


def hold_open_for_writing(path) -> subprocess.Popen:
    """Another process with the shop open for writing (as the desktop app has it)."""
    script = textwrap.dedent(
        f"""
        import time
        from inventory_app.services import shop
        db = shop.open_shop({str(path)!r}, program="inventory-app desktop")
        print("open", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def kill(child: subprocess.Popen) -> None:
    child.kill()  # SIGKILL on POSIX: no clean close, no atexit
    child.wait(timeout=20)
    child.stdout.close()


def test_a_live_writer_is_not_an_unclean_shutdown(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    open_db(path).close()  # the pass is noted
    child = hold_open_for_writing(path)
    try:
        damage(path)
        assert not lock.left_unclean(path)
        assert not refused(path, write=False)  # a reader beside a live writer: nothing due
    finally:
        kill(child)


def test_after_a_writer_is_killed_the_next_open_checks_the_file(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    open_db(path).close()  # the pass is noted: only the kill makes the check due
    assert not lock.left_unclean(path)  # a clean close leaves nothing behind
    kill(hold_open_for_writing(path))
    assert lock.left_unclean(path)
    damage(path)
    assert refused(path, write=False)  # the reader finds it, and still takes no lock
    assert lock.left_unclean(path)
    assert refused(path, write=True)
    assert lock.left_unclean(path)  # refused: the next open checks again


def test_after_a_writer_is_killed_a_sound_file_is_checked_once(tmp_path):
    path = new_shop(tmp_path / "shop.db")
    note(path, hours_ago(1))  # recent: only the kill makes the check due
    kill(hold_open_for_writing(path))
    with open_db(path):  # the next writer proves the file and notes it
        assert noted_just_now(path)
    assert not lock.left_unclean(path)  # closed cleanly
    damage(path)
    assert not refused(path, write=False)  # nothing due any more


def test_a_file_of_ours_without_its_meta_table_is_checked_not_crashed_on(tmp_path):
    import sqlite3

    from inventory_app.storage import migrations

    path = tmp_path / "odd.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    open_db(path, write=False).close()  # nothing noted where nothing can be: due, and sound
