"""The desktop app speaks the system's language: a Chinese locale makes refusals Chinese
(decided once, in ui.launch), shown through the same ``show_error`` as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QWidget

from inventory_app.domain import messages
from inventory_app.services import postings
from inventory_app.ui import errors, launch, ops

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def locale(qapp):
    """Set the locale the app reads (QLocale's default); afterwards the app speaks English
    again and the translators the test installed are gone."""
    before, translators = QLocale(), set(qapp.findChildren(QTranslator))
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)
    messages.set_language("en")
    for translator in set(qapp.findChildren(QTranslator)) - translators:
        qapp.removeTranslator(translator)
        translator.setParent(None)


@pytest.fixture
def headless():
    """``show_error`` records problems in ``errors.failures`` instead of showing dialogs."""
    hook = sys.excepthook
    errors.failures.clear()
    errors.set_headless(True)
    yield errors.failures
    errors.set_headless(False)
    sys.excepthook = hook
    errors.failures.clear()


@pytest.mark.parametrize(
    ("name", "lang"),
    [("zh_CN", "zh"), ("zh_TW", "zh"), ("zh_SG", "zh"), ("en_US", "en"), ("de_DE", "en")],
)
def test_any_chinese_locale_makes_the_app_speak_chinese(locale, name, lang):
    locale(name)
    assert launch.app_language() == lang


def test_a_refusal_is_shown_in_chinese_under_a_chinese_locale(qapp, qtbot, ctx, locale, headless):
    locale("zh_CN")
    assert launch.apply_language(qapp) == "zh"
    assert messages.language() == "zh"
    parent = QWidget()
    qtbot.addWidget(parent)
    issue = ops.write(parent, ctx, lambda db: postings.issue(db, sku="A1", qty=Decimal(12)))
    assert issue is None
    assert headless == ["库存不足：A1 需要 12，现有 0"]


def test_a_refusal_stays_english_under_another_locale(qapp, qtbot, ctx, locale, headless):
    locale("en_US")
    assert launch.apply_language(qapp) == "en"
    parent = QWidget()
    qtbot.addWidget(parent)
    ops.write(parent, ctx, lambda db: postings.issue(db, sku="A1", qty=Decimal(12)))
    assert headless == ["not enough stock of A1: need 12, available 0"]


def test_the_app_started_with_lang_zh_cn_refuses_a_file_in_chinese(tmp_path):
    """The whole way: LANG=zh_CN.UTF-8, main.py, a file that is not a shop -> Chinese text."""
    (tmp_path / "notes.db").write_text("not a shop", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(
        LANG="zh_CN.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    shot = ["--screenshot", str(tmp_path / "out.png"), "--page", "items"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", "notes.db", *shot],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1  # nothing to show: the file was refused
    assert "inventory-app: notes.db 不是库存数据库（或文件已损坏）" in result.stderr


def test_a_taken_code_is_shown_beside_its_field_in_chinese_too(qtbot, ctx, locale):
    # the field comes from the refusal's parameters, not from the English sentence's "sku: "
    from PySide6.QtWidgets import QDialogButtonBox

    from inventory_app.ui.dialogs.item_dialog import ItemDialog

    messages.set_language("zh")
    dialog = ItemDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["sku"].setText("M1")
    dialog.edits["name"].setText("另一种牛奶")
    dialog.edits["reorder_point"].setText("2")
    dialog.edits["lead_time_days"].setText("3")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors["sku"].text() == "商品编码“M1”已被其他商品使用"
    assert not dialog.result()


def test_the_app_started_with_lang_zh_speaks_chinese_whatever_the_locale(tmp_path):
    """``main.py --lang zh``: this run in Chinese under an English locale and an English
    Settings choice, which stays as it was."""
    from inventory_app.services import preferences

    preferences.set_language_choice("en")
    (tmp_path / "notes.db").write_text("not a shop", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    shot = ["--screenshot", str(tmp_path / "out.png"), "--page", "items"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "zh", "--db", "notes.db", *shot],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "inventory-app: notes.db 不是库存数据库（或文件已损坏）" in result.stderr
    assert preferences.language_choice() == "en"
