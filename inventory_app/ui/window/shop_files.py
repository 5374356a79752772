"""The File menu's work: new, open (off the UI thread), recent files, demo, backup, restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inventory_app.domain.errors import InventoryError
from inventory_app.services import backup, check, shop
from inventory_app.services.shop import Database
from inventory_app.ui import ops
from inventory_app.ui.app_context import app_settings
from inventory_app.ui.widgets import file_dialogs
from inventory_app.ui.workers import Job, start_job

if TYPE_CHECKING:
    from inventory_app.ui.window.main_window import MainWindow

MAX_RECENT = 8
DEMO_SKUS = 300


def file_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Shop files (*.db *.sqlite *.inventory);;All files (*)"
    )


def recent_files() -> list[str]:
    value = app_settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: Path) -> None:
    text = str(path.resolve())
    files = [text] + [f for f in recent_files() if f != text]
    settings = app_settings()
    settings.setValue("recent_files", files[:MAX_RECENT])
    settings.setValue("last_file", text)


CHECK_AFTER_MS = 3000
# While a shop stays open the check is repeated daily: its note keeps command-line reads
# from checking the file again (storage.db: a pass is due once a day).
RECHECK_AFTER_MS = 24 * 60 * 60 * 1000


def _integrity_check(path: Path) -> None:
    """``PRAGMA quick_check`` on a read-only connection of its own (a worker's job); the pass
    is noted in the file, so command-line reads skip the check for a day."""
    check.check_file(path)


class ShopFiles(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setSingleShot(True)
        self.recheck_timer.setInterval(RECHECK_AFTER_MS)
        self.recheck_timer.timeout.connect(self._check_again)

    # -- opening ------------------------------------------------------------------------------

    def open_path(self, path: str | Path, *, create: bool = False) -> bool:
        """Open ``path`` off the UI thread (a big file takes a moment); True when opened."""
        path = Path(path)

        def work(_progress, _cancel) -> Database:
            # The integrity check of a big file runs later, in the background.
            return shop.open_shop(path, create=create, check=False)

        if create and not path.exists():
            title = QCoreApplication.translate("MainWindow", "Creating the shop {0}…")
        else:
            title = QCoreApplication.translate("MainWindow", "Opening {0}")
        title = title.format(path.name)
        status = self.window.shop_status.file_label
        status.setText(title)  # not "No shop open" meanwhile
        db = ops.run_long(self.window, title, work)
        if db is None:
            self.window.shop_status.refresh()
            return False
        self.window.adopt_database(db)
        remember_recent(path)
        self.recheck_timer.stop()
        # The integrity check reads the whole file: started once the first page has had
        # the machine to itself (on 1M movements it takes ~2.5 s on a core of its own).
        QTimer.singleShot(CHECK_AFTER_MS, self, lambda: self._start_check(path))
        return True

    def _start_check(self, path: Path) -> None:
        start_job(self, lambda _p, _c: _integrity_check(path), self._checked)

    def _checked(self, job: Job) -> None:
        # Only a damaged file is worth a word: anything else (the file closed or replaced
        # meanwhile) is for the next check.
        if isinstance(job.error, InventoryError):
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("MainWindow", "The shop file is damaged"),
                str(job.error),
            )
        elif job.error is None:
            self.recheck_timer.start()

    def _check_again(self) -> None:
        if self.window.ctx.path is not None:
            self._start_check(self.window.ctx.path)

    def open_dialog(self) -> None:
        path = file_dialogs.open_file(
            self.window,
            file_dialogs.SHOPS,
            QCoreApplication.translate("MainWindow", "Open a shop file"),
            file_filter(),
        )
        if path is not None:
            self.open_path(str(path))

    def new_shop(self) -> None:
        path = file_dialogs.save_file(
            self.window,
            file_dialogs.SHOPS,
            QCoreApplication.translate("MainWindow", "New shop file"),
            "shop.db",
            file_filter(),
        )
        if path is None:
            return
        target = path
        if not target.suffix:
            target = target.with_suffix(".db")
        if target.exists() and target.stat().st_size > 0:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("MainWindow", "New shop"),
                QCoreApplication.translate(
                    "MainWindow",
                    "{0} already exists. Open it with File ▸ Open, or pick another name.",
                ).format(target.name),
            )
            return
        if self.open_path(target, create=True):
            self.window.open_settings()

    # -- demo ---------------------------------------------------------------------------------

    def demo_path(self) -> Path:
        return shop.default_db_path().with_name("demo.db")

    def explore_demo(self, *, path: Path | None = None, skus: int | None = None) -> bool:
        """Build (or reopen) the demo shop, in the app's language; the build runs in a worker
        with Cancel."""
        path = path or self.demo_path()
        skus = skus or DEMO_SKUS
        if path.exists():
            box = QMessageBox(self.window)
            box.setWindowTitle(QCoreApplication.translate("MainWindow", "Demo shop"))
            box.setText(
                QCoreApplication.translate(
                    "MainWindow", "A demo shop was made before. Open it, or build a fresh one?"
                )
            )
            reopen = box.addButton(
                QCoreApplication.translate("MainWindow", "Open it"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(
                QCoreApplication.translate("MainWindow", "Build a fresh one"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is reopen:
                return self.open_path(path)
            if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.DestructiveRole:
                return False
        building = path.with_name(path.name + ".building")
        if self.window.ctx.path is not None and self.window.ctx.path.resolve() == path.resolve():
            self.window.adopt_database(None)  # it is about to be replaced

        def work(progress, cancel) -> Path:
            from inventory_app.services import demo  # heavy: only when asked for

            for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
                leftover.unlink(missing_ok=True)
            db = shop.create_shop(building)
            try:
                demo.build_demo(db, skus=skus, progress=progress, cancel=cancel)
            except BaseException:
                db.close()
                building.unlink(missing_ok=True)
                raise
            db.close()
            return building.replace(path)

        if (
            ops.run_long(
                self.window,
                QCoreApplication.translate("MainWindow", "Building the demo shop…"),
                work,
            )
            is None
        ):
            return False  # cancelled, or the problem was shown
        return self.open_path(path)

    # -- backup and restore -------------------------------------------------------------------

    def backup_now(self) -> None:
        db = self.window.ctx.db
        if db is None:
            return
        name = f"{db.path.stem}-backup-{dt.date.today().isoformat()}.db"
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Back up the shop"),
            str(db.path.parent / name),
            file_filter(),
        )
        if not path:
            return
        shop_path = db.path

        def work(_progress, _cancel):
            # a connection of the worker's own: the UI keeps reading through its one
            # force: the save dialog has asked before replacing a file (the shop itself and
            # the files that belong to it are refused all the same)
            with shop.open_shop(shop_path, write=False, check=False) as reader:
                return backup.backup(reader, path, force=True)

        dest = ops.run_long(
            self.window, QCoreApplication.translate("MainWindow", "Backing up…"), work
        )
        if dest is None:
            return
        self.window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Backed up and verified: {0}").format(dest),
            8000,
        )

    def restore_backup(self) -> None:
        db = self.window.ctx.db
        if db is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Restore from a backup"),
            str(db.path.parent),
            file_filter(),
        )
        if not path:
            return
        self.restore_from(Path(path))

    def restore_from(self, source: Path, *, confirm: bool = True) -> bool:
        """Replace the open shop with the backup ``source``: the backup is read first (off the
        UI thread) and shown — when it was taken, its movements and stock value — before
        the owner confirms; the shop as it is now is kept as a backup first."""
        db = self.window.ctx.db
        if db is None:
            return False
        shop_path = db.path
        actor = db.actor  # who restores, as signed in to the shop being replaced (audited)
        info = ops.run_long(
            self.window,
            QCoreApplication.translate("MainWindow", "Reading the backup…"),
            lambda _p, _c: backup.describe(source, shop_path=shop_path),
        )
        if info is None:
            return False  # not a shop file we can read: the problem was shown
        if confirm and not self._confirm_restore(info, shop_path):
            return False
        self.window.adopt_database(None)
        # Reopened whatever happened: restored, or left as it was (the problem was shown).
        kept = ops.run_long(
            self.window,
            QCoreApplication.translate("MainWindow", "Restoring…"),
            lambda _p, _c: backup.restore(source, shop_path, actor=actor),
        )
        opened = self.open_path(shop_path)
        if kept is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Restored from {0}; the shop as it was is kept in {1}"
                ).format(source.name, kept),
                12000,
            )
        return opened

    def restore_preview(self, info: backup.BackupInfo) -> str:
        """What the owner is shown about a backup before restoring it."""
        taken = (
            info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if info.taken_at
            else QCoreApplication.translate("MainWindow", "unknown")
        )
        last = (
            info.last_movement.isoformat()
            if info.last_movement
            else QCoreApplication.translate("MainWindow", "none")
        )
        value = f"{self.window.ctx.setting('currency')}{info.stock_value:,}"
        return QCoreApplication.translate(
            "MainWindow",
            "Backup: {0}\nTaken: {1}\nMovements: {2}\nLast movement: {3}\nStock value: {4}",
        ).format(info.path.name, taken, f"{info.movements:,}", last, value)

    def _confirm_restore(self, info: backup.BackupInfo, shop_path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("MainWindow", "Restore from backup"),
            QCoreApplication.translate(
                "MainWindow",
                "Replace everything in {0} with this backup?\n\n{1}\n\n"
                "The shop as it is now is kept first as a backup in {2}.",
            ).format(shop_path.name, self.restore_preview(info), backup.backup_folder(shop_path)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def backup_on_close(self) -> None:
        """Today's automatic backup as the app closes (at most one a day, rotated: see
        ``services.backup.auto_backup``), on a worker with its own connection."""
        db = self.window.ctx.db
        if db is None:
            return
        shop_path = db.path

        def work(_progress, _cancel):
            with shop.open_shop(shop_path, write=False, check=False) as reader:
                return backup.auto_backup(reader)

        ops.run_long(
            self.window, QCoreApplication.translate("MainWindow", "Making today's backup…"), work
        )
