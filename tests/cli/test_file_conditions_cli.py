"""What the OS or SQLite can report about a shop or export file (#14): a sentence in the
user's language and exit 2 (``check``: exit 1, the damage is what it found), never a traceback,
nothing changed. Conditions a test cannot make for real are made in a subprocess: a full disk
by RLIMIT_FSIZE, a read-only file or folder by dropping root to user 65534 (root ignores
permissions)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from inventory_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


@pytest.fixture
def shop(tmp_path):
    db = tmp_path / "shop.db"
    (tmp_path / "items.csv").write_text("sku,name\nA1,Hammer\n", encoding="utf-8")
    assert main(["--db", str(db), "init", "--name", "Test"]) == 0
    assert main(["--db", str(db), "import", "items", str(tmp_path / "items.csv")]) == 0
    assert main(["--db", str(db), "receive", "--sku", "A1", "--qty", "5", "--cost", "2"]) == 0
    return db


def _movements(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM movements").fetchone()[0]


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# A prologue for subprocesses: the limit or the user is set before the CLI runs.
_PROLOGUE = """
import os, resource, signal, sys
sys.path.insert(0, {root!r})
import fcntl, locale, gettext, argparse, json, csv, sqlite3, getpass, socket  # before setuid
from inventory_app.cli import main
import inventory_app.services.check, inventory_app.services.reports
argparse.ArgumentParser().format_help()
FSIZE = {fsize}
if FSIZE is not None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE, FSIZE))
if {nobody} and os.geteuid() == 0:
    os.setgid({uid}); os.setuid({uid})
sys.exit(main(sys.argv[1:]))
"""


def cli(*args: str, fsize: int | None = None, nobody: bool = False, lang: str = "C.UTF-8"):
    code = _PROLOGUE.format(root=str(ROOT), fsize=fsize, nobody=nobody, uid=NOBODY)
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd="/"
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    return done


@pytest.fixture
def open_dir():
    """A folder user 65534 can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="inv-perm-"))
    path.chmod(0o777)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(0o777) if p.is_dir() else None
    shutil.rmtree(path, ignore_errors=True)


# --- the --db path --------------------------------------------------------------------------


@pytest.mark.parametrize("name", [".", "folder"])
def test_db_naming_a_folder_is_refused(tmp_path, capsys, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    for args in (["stock"], ["init"], ["receive", "--sku", "A1", "--qty", "1", "--cost", "1"]):
        code, _, err = run(capsys, "--db", name, *args)
        assert code == 2 and "is a folder" in err


def test_a_name_over_255_bytes_is_refused(tmp_path, capsys):
    long = tmp_path / ("店" * 100 + ".db")  # 300 bytes in UTF-8
    code, _, err = run(capsys, "--db", str(long), "init")
    assert code == 2 and "too long" in err
    assert [p.name for p in tmp_path.iterdir()] == []


def test_a_lock_path_that_is_a_folder(shop, capsys):
    shop.with_name("shop.db.lock").unlink()
    shop.with_name("shop.db.lock").mkdir()
    code, _, err = run(capsys, "--db", str(shop), "issue", "--sku", "A1", "--qty", "1")
    assert code == 2 and "lock file" in err
    assert run(capsys, "--db", str(shop), "stock")[0] == 0  # readers are not stopped
    assert _movements(shop) == 1


# --- a damaged file -----------------------------------------------------------------------------


def test_a_table_missing_is_refused_and_check_finds_it(shop, capsys):
    with sqlite3.connect(shop) as conn:
        conn.execute("DROP TABLE stocktake_counts")
    for args in (["stock"], ["issue", "--sku", "A1", "--qty", "1"], ["stocktake", "list"]):
        code, _, err = run(capsys, "--db", str(shop), *args)
        assert code == 2 and "stocktake_counts" in err and "backup" in err
    code, out, _ = run(capsys, "--db", str(shop), "check")
    assert code == 1 and "stocktake_counts" in out and "CHECK FAILED" in out


def _corrupt_a_page(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek(size * (pages // 2))
        f.write(b"\xff" * size)


def test_a_corrupt_page_gives_messages_and_check_reports_it(tmp_path, capsys):
    db = tmp_path / "shop.db"
    assert main(["--db", str(db), "demo", "--skus", "40", "--days", "60"]) == 0
    sku = sqlite3.connect(db).execute("SELECT sku FROM items LIMIT 1").fetchone()[0]
    # a writer notes quick_check's pass: the next opens do not check again for a day
    assert main(["--db", str(db), "issue", "--sku", sku, "--qty", "0.001"]) in (0, 2)
    _corrupt_a_page(db)
    code, out, _ = run(capsys, "--db", str(db), "check")
    assert code == 1 and "CHECK FAILED" in out and "damaged" in out
    month = dt_month()
    for args in (
        ["export", "month", month, str(tmp_path / "m.xlsx")],
        ["summary", "--from", "2020-01-01", "--to", "2099-12-31"],
        ["stock", "--by", "batch"],
        ["alerts"],
    ):
        code, _, err = run(capsys, "--db", str(db), *args)
        assert code in (0, 2)
        assert code == 0 or "damaged" in err


def dt_month() -> str:
    """Last month: a full month of the demo's history."""
    import datetime as dt

    return (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")


# --- full disk -----------------------------------------------------------------------------


def test_a_full_disk_at_the_writers_lock_file(shop):
    done = cli("--db", str(shop), "issue", "--sku", "A1", "--qty", "1", fsize=0)
    assert done.returncode == 2 and "full" in done.stderr
    assert _movements(shop) == 1


def test_an_export_on_a_full_disk_says_so_once_and_leaves_nothing(tmp_path):
    db = tmp_path / "shop.db"
    assert main(["--db", str(db), "demo", "--skus", "100", "--days", "120"]) == 0
    out = tmp_path / "pack.xlsx"
    assert main(["--db", str(db), "export", "month", dt_month(), str(out)]) == 0
    size = out.stat().st_size
    assert size > 80_000  # room for SQLite's 32 KB -shm under the limit, not for the pack
    out.unlink()
    limit = max(size // 2, 40_000)
    done = cli("--db", str(db), "export", "month", dt_month(), str(out), fsize=limit)
    assert done.returncode == 2
    assert done.stderr.count("inventory-app:") == 1 and "full" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if "pack" in p.name) == []


def test_an_export_target_that_is_a_folder_or_too_long(shop, capsys, tmp_path):
    (tmp_path / "pack.xlsx").mkdir()
    code, _, err = run(
        capsys, "--db", str(shop), "export", "month", dt_month(), str(tmp_path / "pack.xlsx")
    )
    assert code == 2 and "folder" in err
    long = tmp_path / ("a" * 250 + ".xlsx")
    code, _, err = run(capsys, "--db", str(shop), "export", "month", dt_month(), str(long))
    assert code == 2 and "too long" in err


# --- permissions ---------------------------------------------------------------------------


def _needs_a_user_switch() -> None:
    if os.geteuid() == 0 and not hasattr(os, "setuid"):
        pytest.skip("cannot drop root here to make a read-only condition")


def test_a_read_only_shop_file(open_dir, capsys):
    _needs_a_user_switch()
    db = open_dir / "shop.db"
    assert main(["--db", str(db), "init"]) == 0
    (open_dir / "items.csv").write_text("sku,name\nA1,Hammer\n")
    assert main(["--db", str(db), "import", "items", str(open_dir / "items.csv")]) == 0
    db.with_name("shop.db.lock").unlink()  # (root's): user 65534 makes its own
    db.chmod(0o444)
    done = cli("--db", str(db), "receive", "--sku", "A1", "--qty", "1", "--cost", "1", nobody=True)
    assert done.returncode == 2 and "cannot be written" in done.stderr
    done = cli("--db", str(db), "stock", nobody=True)
    assert done.returncode == 0, done.stderr
    assert _movements(db) == 0


def test_a_read_only_folder_readers_read_and_writers_are_told(open_dir, capsys):
    _needs_a_user_switch()
    folder = open_dir / "shop"
    folder.mkdir()
    db = folder / "shop.db"
    (open_dir / "items.csv").write_text("sku,name\nA1,Hammer\n")
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "import", "items", str(open_dir / "items.csv")]) == 0
    assert main(["--db", str(db), "receive", "--sku", "A1", "--qty", "2", "--cost", "1"]) == 0
    db.chmod(0o666)
    folder.chmod(0o555)
    done = cli("--db", str(db), "stock", nobody=True)
    assert done.returncode == 0 and "A1" in done.stdout
    assert "not an inventory database" not in done.stderr
    done = cli("--db", str(db), "check", nobody=True)
    assert done.returncode == 0 and "all checks passed" in done.stdout
    done = cli("--db", str(db), "receive", "--sku", "A1", "--qty", "1", "--cost", "1", nobody=True)
    assert done.returncode == 2 and "lock file" in done.stderr
    done = cli(
        "--db", str(db), "receive", "--sku", "A1", "--qty", "1", "--cost", "1",
        nobody=True, lang="zh_CN.UTF-8",
    )  # fmt: skip
    assert done.returncode == 2 and "锁文件" in done.stderr
