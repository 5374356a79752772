"""The CLI's refusals follow the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): Chinese under a
zh_* locale, English otherwise; the exit code is 2 either way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.cli import environment_language, main
from inventory_app.domain import messages

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_comes_from_the_locale_variables(env, lang):
    assert environment_language(env) == lang


def cli(db: Path, *args: str, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_a_shortage_and_an_unknown_sku_are_refused_in_chinese_under_a_chinese_locale(tmp_path):
    db = tmp_path / "shop.db"
    items = tmp_path / "items.csv"
    items.write_text("sku,name\nDA-0014,老酸奶\n", encoding="utf-8")
    assert main(["--db", str(db), "init", "--name", "Test"]) == 0
    assert main(["--db", str(db), "import", "items", str(items)]) == 0
    assert main(["--db", str(db), "receive", "--sku", "DA-0014", "--qty", "10", "--cost", "2"]) == 0
    zh = cli(db, "issue", "--sku", "DA-0014", "--qty", "12", lang="zh_CN.UTF-8")
    assert zh.returncode == 2
    assert "库存不足：DA-0014 需要 12，现有 10" in zh.stderr, zh.stderr
    en = cli(db, "issue", "--sku", "DA-0014", "--qty", "12", lang="C.UTF-8")
    assert en.returncode == 2 and "not enough stock" in en.stderr
    unknown = cli(db, "issue", "--sku", "NOPE", "--qty", "1", lang="zh_CN.UTF-8")
    assert unknown.returncode == 2 and "NOPE" in unknown.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in unknown.stderr), unknown.stderr
    assert messages.language() == "en"  # the in-process calls above kept the oracle English
