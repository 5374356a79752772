"""Shop files are never read through a memory map (storage.mapped says why: ``check`` on a
damaged shop died of SIGSEGV 4 runs in 30 with SQLite 3.40.1 while it read through one)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from inventory_app.storage import mapped
from inventory_app.storage.db import open_db

PACKAGE = Path(__file__).resolve().parents[2] / "inventory_app"


def test_every_mmap_setting_in_the_code_is_zero():
    settings = []
    for source in PACKAGE.rglob("*.py"):
        for found in re.finditer(r"mmap_size\s*=\s*([^\"'\s)]+)", source.read_text("utf-8")):
            settings.append((source.name, found.group(1)))
    assert settings == [("mapped.py", "0")]


@pytest.mark.parametrize("write", [True, False])
def test_the_shops_connections_do_not_map(db, write):
    db.close()
    with open_db(db.path, write=write) as again:
        assert again.conn.execute("PRAGMA mmap_size").fetchone()[0] == 0


def test_never_mapped_turns_a_map_off(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("PRAGMA mmap_size = 1048576")  # a SQLite built to map by default
    if conn.execute("PRAGMA mmap_size").fetchone()[0] == 0:
        pytest.skip("this SQLite cannot map")
    mapped.never_mapped(conn)
    assert conn.execute("PRAGMA mmap_size").fetchone()[0] == 0
    conn.close()
