"""Starting the desktop app: ``main.py [--db PATH] [--screenshot OUT.png --page NAME
[--size 1280x800]]``.

Screenshot mode opens the window (offscreen unless a platform is set), waits until the page
has its data, saves the window as PNG and exits 0 (1 when something failed).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

APP_STYLE = """
QListWidget#sidebar { background: #f3f4f6; border: none; border-right: 1px solid #dcdfe3;
    padding-top: 8px; outline: 0; }
QListWidget#sidebar::item { padding: 4px 10px; border-radius: 6px; margin: 1px 8px;
    color: #1f2328; }
QListWidget#sidebar::item:selected { background: #dbe7fb; color: #0b3d91; }
QLabel#muted { color: #6b7280; }
QLabel#heading { font-size: 15pt; font-weight: 600; }
QLabel#welcomeTitle { font-size: 20pt; font-weight: 600; }
QFrame#welcomeCard { background: #ffffff; border: 1px solid #dcdfe3; border-radius: 10px; }
QLabel#alerts { color: #8a5a00; }
QToolBar#actions { spacing: 4px; padding: 4px 6px; border: none;
    border-bottom: 1px solid #dcdfe3; }
QTableView { border: 1px solid #dcdfe3; gridline-color: #e5e7eb;
    alternate-background-color: #f8f9fb; selection-background-color: #dbe7fb;
    selection-color: #111827; }
QHeaderView::section { background: #f3f4f6; border: none; border-bottom: 1px solid #dcdfe3;
    border-right: 1px solid #e5e7eb; padding: 4px 6px; font-weight: 600; color: #374151; }
QStatusBar QLabel { padding: 0 8px; }
"""


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="inventory-app", description="Inventory desktop app")
    p.add_argument("--db", type=Path, help="shop file to open (created when missing)")
    p.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save the window and exit")
    p.add_argument("--page", default="items", help="page to show (items, stock, movements, …)")
    p.add_argument("--size", default="1280x800", help="window size for the screenshot, WxH")
    p.add_argument(
        "--lang", choices=("zh", "en"), help="this run's language (default: Settings, else locale)"
    )
    return p.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size {text!r}: expected WIDTHxHEIGHT, like 1280x800") from None
    return w, h


#: the default locale as it was before a language choice replaced it (None: not replaced), so
#: that "Auto" goes back to the system's
_auto_locale = None
#: the translators ``install_translations`` put in, taken out before the next language's
_installed: list = []


def app_language() -> str:
    """The language the app speaks: the Settings choice (简体中文 / English, saved per person
    by ``services.preferences``), or with Auto "zh" for any Chinese locale (QLocale(): the
    system's, or the default a test set), else "en". The one place the choice is made."""
    from PySide6.QtCore import QLocale

    from inventory_app.services import preferences

    choice = preferences.language_choice()
    if choice != "auto":
        return choice
    system = _auto_locale if _auto_locale is not None else QLocale()
    return "zh" if system.language() == QLocale.Language.Chinese else "en"


def _use_locale(choice: str) -> None:
    """Numbers, dates and money (QLocale()) in the chosen language; Auto: the system's."""
    global _auto_locale
    from PySide6.QtCore import QLocale

    if choice == "auto":
        if _auto_locale is not None:
            QLocale.setDefault(_auto_locale)
            _auto_locale = None
        return
    if _auto_locale is None:
        _auto_locale = QLocale()
    if choice == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def apply_language(app, lang: str | None = None) -> str:
    """Put ``lang`` (by default ``app_language()``) into effect for the whole app: the
    messages of refusals (domain.messages), QLocale's default and the Qt translations. Swapping
    the translators sends every window a LanguageChange event (the main window rebuilds its
    texts on it). Returns the language."""
    from inventory_app.domain import messages
    from inventory_app.services import preferences

    if lang is None:  # the person's choice (an explicit ``lang`` leaves QLocale alone)
        _use_locale(preferences.language_choice())
        lang = app_language()
    messages.set_language(lang)
    install_translations(app, lang)
    return lang


def install_translations(app, lang: str | None = None) -> list[str]:
    """Qt's own strings and ours (package data inventory_app/resources/translations/
    inventory_app_<locale>.qm, compiled from resources/translations/*.ts by ``make
    translations``) in the app's language, when a translation exists: zh_CN for "zh"
    (Simplified, like the messages, whatever the Chinese locale), else the system locale's.
    The ones installed before are taken out first. Returns the files loaded."""
    from importlib.resources import as_file, files

    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.setParent(None)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale = chinese if lang == "zh" else english if lang == "en" else QLocale()
    loaded = []
    # importlib.resources finds the package data wherever the package lives: the source tree
    # (editable), site-packages (wheel, --user) or the frozen bundle; as_file gives Qt a path.
    with as_file(files("inventory_app") / "resources" / "translations") as ours:
        for name, folder in (
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("inventory_app", str(ours)),
        ):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(translator.filePath())
    return loaded


def app_icon():
    """The app's icon (package data rendered from resources/icon/inventory-app.svg by
    installer/icons.py), every size, so each place picks a sharp one."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from inventory_app import resources

    icon = QIcon()
    for size in resources.ICON_SIZES:
        png = resources.path(resources.ICON_PNG.format(size=size))
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def setup_application(app) -> None:
    """Names for QSettings, the font, the calm style. Tests call this too."""
    from PySide6.QtCore import QCoreApplication

    from inventory_app.ui.app_context import APPLICATION, ORGANIZATION

    if not QCoreApplication.organizationName():  # tests and screenshots set their own
        QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)  # not "main.py" from argv[0]
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    # Wayland and the Linux docks match the window to inventory-app.desktop (its icon, name)
    app.setDesktopFileName("inventory-app")
    apply_language(app)
    from inventory_app.ui.fonts import register_qt_fonts

    register_qt_fonts()  # the bundled CJK font, for machines without one
    app.setStyleSheet(APP_STYLE)


def run_desktop(argv: list[str]) -> int:
    args = _parse(argv)
    if args.screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from inventory_app.services.progress import loading_for_good

    with loading_for_good():  # until the window and the shop are up: 2.82 -> 2.41 s
        app, window = _start(args)
    from inventory_app.ui.collector import collect_on_ui_thread

    collect_on_ui_thread(app)  # never in a worker thread (see there)
    if args.screenshot is not None:
        return take_screenshot(app, window, args.screenshot, page=args.page, size=_size(args.size))
    window.show()
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


def _start(args: argparse.Namespace):
    """The application and its main window, the shop to open opened."""
    from inventory_app.ui.qt_imports import quicker_pyside_import_hook

    quicker_pyside_import_hook()
    from PySide6.QtWidgets import QApplication

    from inventory_app.ui import errors
    from inventory_app.ui.app_context import app_settings
    from inventory_app.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if args.screenshot is not None:
        _private_settings()  # default column widths, and the user's recent files untouched
    setup_application(app)
    if args.lang:  # this run only: the saved choice stays as it is
        _use_locale(args.lang)
        apply_language(app, args.lang)
    if args.screenshot is not None:
        errors.set_headless(True)
    else:
        errors.install_excepthook()
    window = MainWindow()
    # A progress dialog may come and go before the main window shows: closing it must not
    # count as closing the last window.
    app.setQuitOnLastWindowClosed(False)
    from inventory_app.services.shop import default_db_path

    last = str(app_settings().value("last_file", "") or "")
    if args.db is not None:
        to_open: Path | None = args.db
    elif last and Path(last).exists():
        to_open = Path(last)
    elif default_db_path().exists():  # the shop of `make run` and of the CLI's default
        to_open = default_db_path()
    else:
        to_open = None
    if to_open is not None:
        # A shop opens on its dashboard: load the chart library now, while nothing else
        # runs, rather than while the dashboard computes (they would share one GIL).
        from inventory_app.ui.pages.dashboard.charts import warm_up_charts

        warm_up_charts()
        window.files.open_path(to_open, create=not to_open.exists())
    return app, window


def _private_settings() -> None:
    import atexit
    import shutil
    import tempfile

    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tempfile.mkdtemp(prefix="inventory-screenshot-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QCoreApplication.setOrganizationName("inventory_app-screenshot")


def take_screenshot(app, window, out: Path, *, page: str, size: tuple[int, int]) -> int:
    """Show ``page`` at ``size``, wait for its data (not a fixed sleep), save a PNG."""
    from PySide6.QtCore import QEventLoop

    from inventory_app.ui import errors

    window.resize(*size)
    shown = None
    if page != "welcome":
        if window.ctx.db is None:
            print("inventory-app: no shop is open (give --db PATH)", file=sys.stderr)
            return 1
        try:
            shown = window.show_page(page)  # before show(): no other page starts loading
        except KeyError as exc:
            print(f"inventory-app: {exc.args[0]}", file=sys.stderr)
            return 2
    window.show()
    if shown is not None:
        deadline = time.monotonic() + 60
        while not shown.is_loaded() and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not shown.is_loaded():
            print(f"inventory-app: page {page} did not load in time", file=sys.stderr)
            return 1
    for _ in range(5):  # let layouts and the first paint settle
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out), "PNG")
    from inventory_app.ui.glyphs import missing_glyphs

    for char, text in missing_glyphs(window).items():
        print(f"inventory-app: missing glyph for {char!r} (U+{ord(char):04X}) in {text!r}",
              file=sys.stderr)  # fmt: skip
    # Hidden first: what a page would do once idle and shown (the dashboard's charts out of
    # view) is not done while closing runs its event loop (the automatic backup's worker).
    window.hide()
    window.close()
    if errors.failures:
        return 1
    return 0 if ok else 1
