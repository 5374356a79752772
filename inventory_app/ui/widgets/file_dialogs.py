"""Open and save dialogs that start where a shop owner keeps files and remember the last folder.

Each purpose (the Excel exports, shop files, imports, count sheets, charts) remembers its own
last folder in this computer's settings: the accountant's exports go to one folder and the
supplier's price lists come from another. The first time, a dialog starts in Documents —
never in the app's hidden data folder or in whatever the current directory happens to be.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from inventory_app.ui.app_context import app_settings

#: the purposes with a folder of their own
EXPORTS, SHOPS, IMPORTS, SHEETS, CHARTS = "exports", "shops", "imports", "sheets", "charts"


def documents_folder() -> Path:
    """The user's Documents folder (home when the system names none, or it is missing)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if folder and Path(folder).is_dir():
        return Path(folder)
    return Path.home()


def start_folder(purpose: str) -> Path:
    """Where a dialog for ``purpose`` opens: the folder last used for it, else Documents."""
    last = str(app_settings().value(f"folders/{purpose}", "") or "")
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember_folder(purpose: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file chosen for ``purpose``)."""
    app_settings().setValue(f"folders/{purpose}", str(Path(path).parent))


def open_file(parent: QWidget | None, purpose: str, caption: str, filters: str) -> Path | None:
    """Ask for a file to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(purpose)), filters)
    if not path:
        return None
    remember_folder(purpose, path)
    return Path(path)


def save_file(
    parent: QWidget | None, purpose: str, caption: str, name: str, filters: str
) -> Path | None:
    """Ask where to save a file suggested as ``name``; None when cancelled."""
    start = start_folder(purpose) / name
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
    if not path:
        return None
    remember_folder(purpose, path)
    return Path(path)
