"""``items --format json`` shows what the Items page shows for the same search: the same rows in
the same order, and its keys in the order of the page's columns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog
from inventory_app.services.browse.items import ItemFilter
from inventory_app.ui.models.items import ItemsModel

ROOT = Path(__file__).resolve().parents[2]
# the page's column keys as the CLI names them
CLI_KEY = {"on_hand": "on_hand_qty"}


def cli_items(db: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    done = subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), "items", "--format", "json",
         *args],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("search", ["lsn", "牛奶", "", "laosuan"])
def test_items_json_matches_the_items_page(qtbot, ctx, search):
    for sku, name in (
        ("DA-0014", "老酸奶"),
        ("DA-0002", "蒙牛 纯牛奶"),
        ("DA-0003", "老酸奶 大杯"),
    ):
        catalog.add_item(ctx.db, ItemFields(sku=sku, name=name, category="乳制品"))
    model = ItemsModel(ctx)
    model.set_filter(ItemFilter(text=search))
    qtbot.waitUntil(model.is_loaded)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    shown = [model.row_at(r).sku for r in range(model.rowCount())]
    data = cli_items(ctx.db.path, "--search", search)
    assert [r["sku"] for r in data["rows"]] == shown
    assert shown  # the premise: the search finds something
    page_order = [CLI_KEY.get(c.key, c.key) for c in model.columns]
    keys = list(data["rows"][0])
    assert sorted(keys) == sorted(["sku", "name", "category", "unit", "barcode", "on_hand_qty"])
    assert keys == [k for k in page_order if k in keys]
