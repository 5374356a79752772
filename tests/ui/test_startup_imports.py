"""A shop opening on the dashboard builds and imports only the dashboard: the other pages'
modules load when those pages are first shown (a fresh process, as a user starts it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from inventory_app.ui.pages import page_names

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from inventory_app.ui.launch import run_desktop
code = run_desktop(sys.argv[1:])
print(code, " ".join(sorted(m for m in sys.modules if m.startswith("inventory_app.ui.pages."))))
"""

PAGE_MODULES = {
    "items": "inventory_app.ui.pages.items",
    "stock": "inventory_app.ui.pages.stock",
    "movements": "inventory_app.ui.pages.movements",
    "stocktakes": "inventory_app.ui.pages.stocktakes",
    "demand": "inventory_app.ui.pages.demand",
    "suppliers": "inventory_app.ui.pages.suppliers",
    "orders": "inventory_app.ui.pages.orders",
    "reports": "inventory_app.ui.pages.reports",
    "audit": "inventory_app.ui.pages.audit",
}


def test_only_the_page_shown_is_imported_at_start(tmp_path, posted):
    path = posted.path
    posted.close()  # the app takes the writer lock itself
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    shot = ["--db", str(path), "--screenshot", str(tmp_path / "d.png"), "--page", "dashboard"]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *shot],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,  # this checkout's package first on sys.path
    )
    assert done.returncode == 0, done.stderr
    code, _, modules = done.stdout.strip().splitlines()[-1].partition(" ")
    loaded = set(modules.split())
    assert code == "0"
    assert "inventory_app.ui.pages.dashboard.page" in loaded
    assert set(PAGE_MODULES) == set(page_names()) - {"dashboard"}  # every other page named
    assert not loaded & set(PAGE_MODULES.values()), loaded & set(PAGE_MODULES.values())


def test_a_page_is_built_when_first_shown(qtbot, ctx):
    from inventory_app.ui.window.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.adopt_database(ctx.db)
    assert list(window.pages) == page_names()  # every page named, in sidebar order
    built = {type(p).__name__ for p in window.pages.built()}
    assert "ItemsPage" not in built or window.current_page_name() == "items"
    page = window.show_page("items")
    assert type(page).__name__ == "ItemsPage" and page in window.pages.built()
    assert window.stack.currentWidget() is page
    assert window.stack.count() == len(page_names())
