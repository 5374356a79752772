"""``--lang zh|en`` on every command (before or after it), ``items`` (the Items page's search,
pinyin too) and ``settings set|show``: run as a user would, in fresh processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inventory_app.cli import build_parser, main
from inventory_app.services import preferences

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang_env
    return subprocess.run(
        [sys.executable, "-m", "inventory_app", "--db", str(db), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def shop(tmp_path) -> Path:
    db = tmp_path / "shop.db"
    items = tmp_path / "items.csv"
    items.write_text(
        "sku,name,category,unit,barcode\n"
        "DA-0014,老酸奶,乳制品,杯,6901234567892\n"
        "DA-0002,纯牛奶,乳制品,盒,\n"
        "HW-1,Hammer 锤子,Hardware,pcs,\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db), "init", "--name", "Test"]) == 0
    assert main(["--db", str(db), "import", "items", str(items)]) == 0
    assert main(["--db", str(db), "receive", "--sku", "DA-0014", "--qty", "10", "--cost", "2"]) == 0
    return db


def test_every_command_takes_lang():
    def walk(parser, path):
        yield path, parser
        for action in parser._actions:
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                for name, sub in action.choices.items():
                    if hasattr(sub, "_actions"):
                        yield from walk(sub, (*path, name))

    parsers = list(walk(build_parser(), ()))
    assert len(parsers) > 25
    for path, parser in parsers:
        lang = parser._option_string_actions.get("--lang")
        assert lang is not None, path
        assert list(lang.choices) == ["zh", "en"], path


@pytest.mark.parametrize("where", ["before", "after"])
def test_refusals_follow_lang_whatever_the_locale(shop, where):
    def issue(lang, *args, env="C.UTF-8"):
        cmd = ["issue", *args]
        return run(
            shop,
            *(["--lang", lang, *cmd] if where == "before" else [*cmd, "--lang", lang]),
            lang_env=env,
        )

    zh = issue("zh", "--sku", "DA-0014", "--qty", "12")
    assert zh.returncode == 2
    assert zh.stderr.strip() == "inventory-app: 库存不足：DA-0014 需要 12，现有 10"
    en = issue("en", "--sku", "DA-0014", "--qty", "12", env="zh_CN.UTF-8")
    assert en.returncode == 2
    assert en.stderr.strip() == "inventory-app: not enough stock of DA-0014: need 12, available 10"

    bad_zh = issue("zh", "--sku", "DA-0014", "--qty", "1", "--date", "2026-02-30")
    assert bad_zh.returncode == 2
    assert "“2026-02-30”不是日期，请按 2026-11-21 的格式填写" in bad_zh.stderr
    bad_en = issue("en", "--sku", "DA-0014", "--qty", "1", "--date", "2026-02-30")
    assert bad_en.returncode == 2
    assert "'2026-02-30' is not a date like 2026-11-21" in bad_en.stderr

    unknown_zh = issue("zh", "--sku", "NOPE", "--qty", "1")
    assert unknown_zh.returncode == 2
    assert "NOPE" in unknown_zh.stderr and "商品" in unknown_zh.stderr
    assert not any(
        "a" <= c.lower() <= "z"
        for c in unknown_zh.stderr.replace("NOPE", "").replace("inventory-app", "")
    )
    unknown_en = issue("en", "--sku", "NOPE", "--qty", "1")
    assert unknown_en.returncode == 2 and "NOPE" in unknown_en.stderr
    assert "unknown" in unknown_en.stderr.lower()


def test_items_finds_pinyin_initials_and_prints_the_contract_keys(shop):
    done = run(shop, "items", "--search", "lsn", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [list(r) for r in data["rows"]] == [
        ["sku", "name", "category", "unit", "on_hand_qty", "barcode"]
    ]
    assert data["rows"][0] == {
        "sku": "DA-0014",
        "name": "老酸奶",
        "category": "乳制品",
        "unit": "杯",
        "on_hand_qty": "10.000",  # as `stock --format json` prints a quantity
        "barcode": "6901234567892",
    }
    stock = json.loads(run(shop, "stock", "--format", "json").stdout)
    assert stock["rows"][0]["qty"] == data["rows"][0]["on_hand_qty"]


def test_items_limit_and_table_headers_follow_lang(shop):
    zh = run(shop, "--lang", "zh", "items", "--limit", "2")
    assert zh.returncode == 0, zh.stderr
    lines = zh.stdout.splitlines()
    assert lines[0].split() == ["商品编码", "名称", "类别", "单位", "现存量", "条码"]
    assert len(lines) == 2 + 2  # header, rule, two rows
    en = run(shop, "items", "--lang", "en", "--search", "牛奶")
    assert en.stdout.splitlines()[0].split() == [
        "sku", "name", "category", "unit", "on_hand_qty", "barcode"
    ]  # fmt: skip
    assert "DA-0002" in en.stdout and "DA-0014" not in en.stdout
    bad = run(shop, "items", "--limit", "0", "--lang", "zh")
    assert bad.returncode == 2 and "“0”不是有效的行数" in bad.stderr


def test_settings_round_trip_current_assets_and_language(shop):
    done = run(shop, "settings", "set", "current_assets", "12,500.5")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "current_assets = 12500.50"
    shown = json.loads(run(shop, "settings", "show", "--format", "json").stdout)
    assert shown["current_assets"] == "12500.50"
    assert shown["language"] == "auto" and shown["effective_language"] == "en"

    refused = run(shop, "--lang", "zh", "settings", "set", "current_assets", "1.234")
    assert refused.returncode == 2
    assert refused.stderr.strip() == "inventory-app: 流动资产：“1.234”的小数超过 2 位"
    negative = run(shop, "settings", "set", "current_assets", "-5")
    assert negative.returncode == 2 and "negative" in negative.stderr
    assert json.loads(run(shop, "settings", "show", "--format", "json").stdout)[
        "current_assets"
    ] == "12500.50"  # fmt: skip

    # the language sticks for this person: later commands speak it without --lang ...
    assert run(shop, "settings", "set", "language", "zh").stdout.strip() == "language: zh"
    assert preferences.language_choice() == "zh"
    short = run(shop, "issue", "--sku", "DA-0014", "--qty", "12")
    assert "库存不足" in short.stderr
    helped = run(shop, "export", "month", "--help")  # and so does --help
    assert "  month           月份，如 2026-10\n" in helped.stdout
    # ... --lang still wins, and auto goes back to the locale
    assert (
        "not enough stock"
        in run(shop, "issue", "--sku", "DA-0014", "--qty", "12", "--lang", "en").stderr
    )
    assert (
        run(shop, "settings", "set", "language", "auto").stdout.strip() == "语言：自动（跟随系统）"
    )
    assert "not enough stock" in run(shop, "issue", "--sku", "DA-0014", "--qty", "12").stderr
    wrong = run(shop, "settings", "set", "language", "fr")
    assert wrong.returncode == 2 and "'fr' is not one of: zh, en, auto" in wrong.stderr
    unknown = run(shop, "settings", "set", "colour", "red")
    assert unknown.returncode == 2 and "no setting named 'colour'" in unknown.stderr


def test_the_excel_pack_and_templates_follow_the_language_and_old_lang_still_works(shop, tmp_path):
    import openpyxl

    def headers(path):
        ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        return [c.value for c in next(ws.iter_rows(max_row=1))]

    old = run(shop, "template", "items", str(tmp_path / "old.xlsx"), "--lang", "zh")
    assert old.returncode == 0, old.stderr
    assert run(shop, "settings", "set", "language", "zh").returncode == 0
    new = run(shop, "template", "items", str(tmp_path / "new.xlsx"))
    en = run(shop, "--lang", "en", "template", "items", str(tmp_path / "en.xlsx"))
    assert new.returncode == en.returncode == 0
    assert headers(tmp_path / "new.xlsx") == headers(tmp_path / "old.xlsx")
    assert headers(tmp_path / "en.xlsx") != headers(tmp_path / "old.xlsx")
    pack = run(shop, "export", "month", "2026-10", str(tmp_path / "pack.xlsx"))
    assert pack.returncode == 0, pack.stderr
    names = openpyxl.load_workbook(tmp_path / "pack.xlsx", read_only=True).sheetnames
    assert "封面" in names


def test_report_tables_and_alerts_speak_chinese_under_lang_zh(shop):
    zh = run(
        shop, "--lang", "zh", "report", "indicators", "--from", "2026-01-01", "--to", "2026-01-31"
    )
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.splitlines()[0].split() == ["指标", "值", "健康范围", "状态"]
    assert "资金占用率" in zh.stdout and "请设置流动资产" in zh.stdout
    assert "turnover" not in zh.stdout
    assert run(shop, "settings", "set", "current_assets", "1000").returncode == 0
    en = run(shop, "report", "indicators", "--from", "2026-01-01", "--to", "2026-01-31")
    assert "capital occupation" in en.stdout and "set current_assets" not in en.stdout
    alerts = run(shop, "alerts", "--lang", "zh")
    assert alerts.returncode == 0, alerts.stderr
    assert "已过期：0" in alerts.stdout and "呆滞库存（90 天无出库）：0" in alerts.stdout


def test_report_footers_follow_lang(shop):
    assert main(["--db", str(shop), "issue", "--sku", "DA-0014", "--qty", "4"]) == 0
    period = ["--from", "2026-01-01", "--to", "2099-12-31"]
    zh = run(shop, "report", "turnover", *period, "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    assert "库存周转率 = 销售成本 ÷ 平均库存（平均方式：期初期末平均）" in zh.stdout
    abc = run(shop, "--lang", "zh", "report", "abc", *period)
    assert "A 类：1 个商品" in abc.stdout
    en = run(shop, "report", "abc", *period)
    assert "A: 1 item 8" in en.stdout  # one item, not "1 items"
