"""``check`` on a file tampered with outside the app (#14 point 5), in fresh processes: a
chain built then a posted row rewritten after dropping its triggers, and 10 triggers dropped.
Exit 1, no traceback, the report in the language asked for."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


@pytest.fixture
def shop(tmp_path) -> Path:
    db = tmp_path / "shop.db"
    (tmp_path / "items.csv").write_text("sku,name\nA1,Hammer\nB2,Nails\n", encoding="utf-8")
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "import", "items", str(tmp_path / "items.csv")]) == 0
    for sku in ("A1", "B2"):
        assert main(["--db", str(db), "receive", "--sku", sku, "--qty", "5", "--cost", "2"]) == 0
    assert main(["--db", str(db), "issue", "--sku", "A1", "--qty", "1"]) == 0
    return db


def _triggers(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    return [r[0] for r in rows if not r[0].startswith("items_fts")]


def test_a_rewritten_row_after_its_triggers_were_dropped_fails_check_in_chinese(shop):
    with sqlite3.connect(shop) as conn:
        for name in _triggers(conn):
            if name.startswith("movements_"):
                conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE movements SET note = 'rewritten' WHERE id = 2")
    done = run(shop, "--lang", "zh", "check")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and not done.stderr.strip()
    out = done.stdout
    assert "失败  全部保护触发器都在" in out and "触发器 movements_append_only_u 缺失" in out
    assert "失败  已过账记录未被改动（防篡改链）" in out and "movements id" in out
    assert out.strip().splitlines()[-1].startswith("数据校验未通过")
    english = run(shop, "--lang", "en", "check")
    assert (
        english.returncode == 1 and "FAIL  every protecting trigger is in place" in english.stdout
    )
    assert english.stdout.strip().splitlines()[-1].startswith("CHECK FAILED")


def test_ten_triggers_dropped_fail_check_naming_each(shop):
    with sqlite3.connect(shop) as conn:
        dropped = _triggers(conn)[:10]
        for name in dropped:
            conn.execute(f"DROP TRIGGER {name}")
    done = run(shop, "--lang", "zh", "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert all(f"触发器 {name} 缺失" in done.stdout for name in dropped)
    assert "通过  批次结存 = 入库 − 已分配" in done.stdout  # the ledger itself still adds up
