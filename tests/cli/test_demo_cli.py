"""`demo` builds the demo shop in the language of the locale: Chinese words under zh_CN."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from inventory_app.services import catalog, shop

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def demo(db: Path, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), "demo", "--skus", "30",
         "--days", "20"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip


def test_demo_is_chinese_under_a_chinese_locale_and_english_otherwise(tmp_path):
    zh = demo(tmp_path / "zh.db", "zh_CN.UTF-8")
    assert zh.returncode == 0, zh.stderr
    assert "演示店铺：30 个商品" in zh.stdout
    en = demo(tmp_path / "en.db", "C.UTF-8")
    assert en.returncode == 0 and "demo shop: 30 items" in en.stdout
    with shop.open_shop(tmp_path / "zh.db") as db:
        items = catalog.list_items(db)
        assert all(CJK.search(it.name) and CJK.search(it.category) for it in items)
        assert "后仓" in {loc.name for loc in catalog.list_locations(db)}
    with shop.open_shop(tmp_path / "en.db") as db:
        assert not any(CJK.search(it.category) for it in catalog.list_items(db))
        assert "Back store" in {loc.name for loc in catalog.list_locations(db)}
