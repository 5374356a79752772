"""Help menu: the user guide (the README's section, offline) and the About box."""

from __future__ import annotations

from pathlib import Path

from inventory_app import __version__
from inventory_app.services.shop import default_db_path
from inventory_app.ui.dialogs.about import AboutDialog, UserGuideDialog, guide_section
from inventory_app.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_help_is_the_last_menu_with_guide_and_about(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [a.text() for a in help_menu.actions()]
    assert texts == ["User guide", "About Inventory"]
    assert help_menu.actions()[0].shortcut().toString() == "F1"


def test_the_about_box_names_version_data_folder_shop_file_and_font_licence(qtbot, ctx):
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    text = dialog.label.text()
    assert __version__ in text and __version__ != "0+unknown"
    assert str(default_db_path().parent) in text
    assert str(ctx.path) in text
    assert "Droid Sans Fallback" in text and "Apache 2.0" in text
    assert "LICENSE-Apache-2.0.txt" in text  # the link to the licence text


def test_the_about_box_without_a_shop(qtbot):
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert "none open" in dialog.label.text()


def test_the_user_guide_is_the_readme_section(qtbot):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = guide_section(readme)
    assert guide.startswith("# User guide") and "First start" in guide
    assert "## Command line" not in guide  # stops at the next section
    assert guide_section("# x\n## Other\ntext\n") == ""
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    assert "First start" in dialog.text.toPlainText()


def test_the_user_guide_in_chinese(qtbot):
    from inventory_app.domain import messages

    zh = guide_section((ROOT / "README.md").read_text(encoding="utf-8"), "zh")
    assert zh.startswith("# 使用指南") and "入库（F2）" in zh and "## Command line" not in zh
    before = messages.language()
    messages.set_language("zh")
    try:
        dialog = UserGuideDialog()
        qtbot.addWidget(dialog)
        assert "第一次打开" in dialog.text.toPlainText()
    finally:
        messages.set_language(before)
