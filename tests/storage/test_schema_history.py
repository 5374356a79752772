"""A migration is history: new files, migrated files and files of earlier releases all end
with the same schema, and an earlier release's shop opens, checks clean and takes postings.

``data/schema_v6.json`` is ``sqlite_master`` of a new file at data version 6 as released
(``schema_v5.json``: at version 5, which steps 1-5 must still give);
``data/demo_shop_31b49d1.db`` is a demo shop (30 items, 60 days) made by release 31b49d1
(``inventory_app --db FILE demo --skus 30 --days 60``, see ``data/README.md``).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from inventory_app.services import check, reports, search, shop
from inventory_app.services import postings as stock
from inventory_app.storage import migrations
from tests.storage.test_db import shop_at_version_4

DATA = Path(__file__).resolve().parents[1] / "data"


def schema(conn: sqlite3.Connection) -> list[list]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    return [list(r) for r in rows]


def released_schema(version: int = migrations.LATEST) -> list[list]:
    return json.loads((DATA / f"schema_v{version}.json").read_text(encoding="utf-8"))


def at_version(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """``conn`` migrated up to ``version`` only (later steps are other releases' history)."""
    steps = migrations.STEPS
    migrations.STEPS, migrations.LATEST = steps[:version], version
    try:
        migrations.migrate(conn)
    finally:
        migrations.STEPS, migrations.LATEST = steps, len(steps)
    return conn


def latest_schema(tmp_path: Path) -> list[list]:
    """``sqlite_master`` of a file made new at ``LATEST``."""
    conn = sqlite3.connect(tmp_path / "new-latest.db", isolation_level=None)
    migrations.migrate(conn)
    return schema(conn)


def test_a_new_file_has_the_released_schema(db):
    # a new step adds its own released schema file, schema_v<LATEST>.json
    assert schema(db.conn) == released_schema()


@pytest.mark.parametrize("version", [5, 6])
def test_the_earlier_steps_still_give_the_schema_they_released(tmp_path, version):
    conn = sqlite3.connect(tmp_path / f"v{version}.db", isolation_level=None)
    assert schema(at_version(conn, version)) == released_schema(version)


def test_a_file_migrated_from_version_4_has_the_same_schema(tmp_path):
    conn = shop_at_version_4(tmp_path / "v4.db")
    assert schema(at_version(conn, 6)) == released_schema(6)
    migrations.migrate(conn)
    assert schema(conn) == latest_schema(tmp_path) == released_schema()


def test_a_shop_of_the_previous_release_opens_checks_and_posts(tmp_path):
    path = tmp_path / "shop.db"
    shutil.copy(DATA / "demo_shop_31b49d1.db", path)
    with shop.open_shop(path) as db:
        assert schema(db.conn) == latest_schema(tmp_path)
        report = check.check(db)
        assert report.ok, "\n".join(report.lines())
        # the migration filled the pinyin keys of the items already there
        assert [h.sku for h in search.search_items(db, "spz")] == ["HH-0003"]  # 手帕纸
        assert [h.sku for h in search.search_items(db, "kekou")] == ["DR-0003"]  # 可口可乐
        by_name = ["EL-0003", "EL-0002"]  # 起帆 电线, 远东 电线
        assert [h.sku for h in search.search_items(db, "dian xian")] == by_name
        (first, *_) = [r for r in reports.stock_by_item(db) if r.qty >= 1]
        changes = stock.issue(db, sku=first.sku, qty="1", date=dt.date.today())
        assert len(changes.movements) == 1
        after = {r.sku: r.qty for r in reports.stock_by_item(db)}
        assert after.get(first.sku, D(0)) == first.qty - 1
        report = check.check(db)
        assert report.ok, "\n".join(report.lines())
    with shop.open_shop(path, write=False) as again:  # and reopens as it was left
        n = again.conn.execute("SELECT count(*) FROM movements").fetchone()[0]
        assert n == 559 + 1
