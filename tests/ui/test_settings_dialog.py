"""The Settings dialog: current assets (exact money, refused in place when wrong) so that the
dashboard's capital-occupation tile shows a rate, and the language (Auto / 简体中文 / English),
which the open window takes on at once, without a restart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from inventory_app.domain import messages
from inventory_app.domain.model import MovementType
from inventory_app.services import preferences, settings
from inventory_app.ui import launch
from inventory_app.ui.dialogs.settings import SettingsDialog
from inventory_app.ui.window.main_window import MainWindow


@pytest.fixture
def back_to_auto(qapp):
    """Whatever a test chose, the app speaks the system's language (English) afterwards."""
    before = QLocale()
    yield
    preferences.set_language_choice("auto")
    launch.apply_language(qapp)
    QLocale.setDefault(before)
    messages.set_language("en")


def save(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_current_assets_are_saved_exactly_and_the_tile_gets_a_rate(qtbot, ctx, posted):
    from inventory_app.ui.pages.dashboard.page import DashboardPage

    board = DashboardPage(ctx)
    qtbot.addWidget(board)
    board.resize(1400, 900)
    board.show()
    qtbot.waitUntil(board.is_loaded, timeout=20000)
    tile = board.tiles["capital_occupation"]
    assert tile.value.text() == "—"
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.current_assets.text() == ""  # none set yet
    dialog.current_assets.setText("250,000.5")
    save(dialog)
    assert dialog.result()
    assert settings.get(ctx.db, "current_assets") == "250000.50"
    # the stock value over 250,000.50, as a percentage with one decimal
    qtbot.waitUntil(lambda: tile.value.text() != "—", timeout=20000)
    assert tile.value.text().endswith("%")
    qtbot.waitUntil(lambda: board._running is None, timeout=20000)
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.current_assets.text() == "250,000.50"  # the locale's money, read back


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("12.345", "current assets: '12.345' has more than 2 decimals"),
        ("-3", "current assets: '-3' is negative"),
        ("lots", "current assets: 'lots' is not a number"),
    ],
)
def test_wrong_current_assets_are_refused_beside_the_form_and_nothing_is_saved(
    qtbot, ctx, typed, said
):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.shop_name.setText("Changed")
    dialog.current_assets.setText(typed)
    save(dialog)
    assert not dialog.result()
    assert dialog.problem.text() == said
    assert settings.get(ctx.db, "shop_name") == "Test shop"  # all or nothing


def test_choosing_chinese_retranslates_the_open_window_and_english_brings_it_back(
    qtbot, ctx, back_to_auto
):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    window.show()
    receive = window.menus.posting_actions[MovementType.RECEIPT]
    assert receive.text() == "Receive"
    assert window.sidebar.item(0).text() != "商品"

    def choose(lang: str) -> None:
        dialog = SettingsDialog(ctx, parent=window)
        qtbot.addWidget(dialog)
        assert dialog.language.count() == 3
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        save(dialog)
        assert dialog.result()

    choose("zh")
    assert preferences.language_choice() == "zh"
    assert messages.language() == "zh"
    qtbot.waitUntil(lambda: window.menus.posting_actions[MovementType.RECEIPT].text() == "入库")
    texts = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "商品" in texts and "Items" not in texts
    assert window.menuBar().actions()[0].text().startswith("文件")
    assert window.current_page().is_loaded() or window.current_page() is not None
    assert QLocale().language() == QLocale.Language.Chinese

    choose("en")
    qtbot.waitUntil(lambda: window.menus.posting_actions[MovementType.RECEIPT].text() == "Receive")
    assert "Items" in [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert messages.language() == "en"


def test_the_dialog_shows_the_saved_choice_and_speaks_chinese(qtbot, ctx, qapp, back_to_auto):
    preferences.set_language_choice("zh")
    launch.apply_language(qapp)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh"
    assert dialog.windowTitle() == "设置"
    assert dialog.language.itemText(0) == "自动（跟随系统语言）"
    assert dialog.language.itemText(1) == "简体中文"
    dialog.current_assets.setText("1.234")
    save(dialog)
    assert dialog.problem.text() == "流动资产：“1.234”的小数超过 2 位"
    assert Decimal(settings.get(ctx.db, "current_assets")) == 0


def test_the_language_can_be_chosen_before_any_shop_is_open(qtbot, qapp, back_to_auto):
    from PySide6.QtWidgets import QPushButton

    from inventory_app.ui.app_context import AppContext

    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.show()
    assert window.menus.settings_action.isEnabled()

    def buttons() -> set[str]:
        return {b.text() for b in window.welcome.findChildren(QPushButton)}

    assert any("Create an empty shop" in t for t in buttons())
    dialog = SettingsDialog(window.ctx, parent=window)
    qtbot.addWidget(dialog)
    assert not dialog.shop_name.isVisibleTo(dialog)  # no shop: the language only
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    save(dialog)
    assert dialog.result()
    qtbot.waitUntil(lambda: "新建空白店铺" in buttons())
    assert not any("Create an empty shop" in t for t in buttons())
