"""The main window's actions, and the toolbar and menus that show them: each action with its
shortcut, gated by the role that may take it; the recent files listed as the menu opens.

Built in the language installed now, and built again after Settings → Language (the window
drops the old ones). The texts keep the main window's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QStyle, QToolBar

from inventory_app.domain.model import MovementType
from inventory_app.ui import ops
from inventory_app.ui.dialogs.about import add_help_menu
from inventory_app.ui.window.shop_files import recent_files

if TYPE_CHECKING:
    from inventory_app.ui.window.main_window import MainWindow

SP = QStyle.StandardPixmap

POSTING_KEYS: list[tuple[MovementType, str, QStyle.StandardPixmap]] = [
    (MovementType.RECEIPT, "F2", SP.SP_ArrowDown),
    (MovementType.ISSUE, "F3", SP.SP_ArrowUp),
    (MovementType.WRITEOFF, "F4", SP.SP_TrashIcon),
    (MovementType.ADJUST, "F5", SP.SP_BrowserReload),
    (MovementType.TRANSFER, "F6", SP.SP_ArrowRight),
]


class WindowMenus:
    """Adds the actions to ``window`` (so their shortcuts work anywhere in it), its toolbar
    and its menu bar's File, Edit, Stock, View (filled by the window with its pages) and
    Help menus."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.posting_actions: dict[MovementType, QAction] = {}
        names = {
            MovementType.RECEIPT: QCoreApplication.translate("MainWindow", "Receive"),
            MovementType.ISSUE: QCoreApplication.translate("MainWindow", "Issue"),
            MovementType.WRITEOFF: QCoreApplication.translate("MainWindow", "Write off"),
            MovementType.ADJUST: QCoreApplication.translate("MainWindow", "Adjust"),
            MovementType.TRANSFER: QCoreApplication.translate("MainWindow", "Transfer"),
        }
        for kind, key, icon in POSTING_KEYS:
            text = names[kind]
            action = self._action(text, lambda k=kind: window.open_posting(k), key, icon)
            action.setToolTip(f"{text} ({key})")
            self.posting_actions[kind] = action
        self.undo_action = self._action(
            QCoreApplication.translate("MainWindow", "Undo last posting…"),
            window.undo_last_posting,
            QKeySequence.StandardKey.Undo,
        )
        self.find_action = self._action(
            QCoreApplication.translate("MainWindow", "Find item"),
            window.focus_search,
            QKeySequence.StandardKey.Find,
        )
        self._build_toolbar()
        self._build_menus()

    def _action(
        self,
        text: str,
        slot,
        shortcut: str | QKeySequence | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        window = self.window
        action = QAction(text, window)
        if icon is not None:
            action.setIcon(window.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        """The everyday postings. No search field here: each page has its own (Ctrl+F)."""
        toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        for action in self.posting_actions.values():
            toolbar.addAction(action)
        self.window.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_menus(self) -> None:
        window = self.window
        files = window.files
        bar = window.menuBar()
        menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        menu.addAction(
            self._action(QCoreApplication.translate("MainWindow", "New shop…"), files.new_shop)
        )
        menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Open…"),
                files.open_dialog,
                QKeySequence.StandardKey.Open,
            )
        )
        self.recent_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "Recent files"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addSeparator()
        self.backup_action = self._action(
            QCoreApplication.translate("MainWindow", "Back up now…"), files.backup_now
        )
        self.restore_action = self._action(
            QCoreApplication.translate("MainWindow", "Restore from backup…"), files.restore_backup
        )
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        self.settings_action = self._action(
            QCoreApplication.translate("MainWindow", "Settings…"),
            window.open_settings,
            QKeySequence.StandardKey.Preferences,
        )
        menu.addAction(self.settings_action)
        self.users_action = self._action(
            QCoreApplication.translate("MainWindow", "Users…"), window.open_users
        )
        self.switch_user_action = self._action(
            QCoreApplication.translate("MainWindow", "Switch user…"), window.switch_user
        )
        menu.addAction(self.users_action)
        menu.addAction(self.switch_user_action)
        menu.addSeparator()
        menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "Quit"),
                window.close,
                QKeySequence.StandardKey.Quit,
            )
        )
        edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.find_action)
        self.postings_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Stock"))
        for action in self.posting_actions.values():
            self.postings_menu.addAction(action)
        self.view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        add_help_menu(window)  # Help → User guide, About (keep it the last menu)
        self._gate_actions()

    def _gate_actions(self) -> None:
        """What each action needs: ``ops`` disables it for a role that may not (with a
        tooltip saying who may)."""
        needs = {
            MovementType.RECEIPT: "receive",
            MovementType.ISSUE: "issue",
            MovementType.WRITEOFF: "writeoff",
            MovementType.ADJUST: "adjust",
            MovementType.TRANSFER: "transfer",
        }
        ctx = self.window.ctx
        for kind, action in self.posting_actions.items():
            ops.gate(ctx, action, needs[kind])
        ops.gate(ctx, self.undo_action, "reverse")
        ops.gate(ctx, self.backup_action, "backup")
        ops.gate(ctx, self.restore_action, "restore")
        ops.gate(ctx, self.settings_action, "settings")
        ops.gate(ctx, self.users_action, "users")

    def set_shop_open(self, has_db: bool) -> None:
        """Without a shop only new, open, recent, settings (the language), quit and help
        stay, and the toolbar hides; the window then applies the signed-in role
        (``ops.apply_roles``)."""
        for action in (
            *self.posting_actions.values(),
            self.undo_action,
            self.backup_action,
            self.restore_action,
            self.users_action,
            self.switch_user_action,
            self.find_action,
        ):
            action.setEnabled(has_db)
        self.toolbar.setVisible(has_db)

    def fill_recent(self) -> None:
        """File › Recent files as it opens: the files that still exist, newest first."""
        self.recent_menu.clear()
        files = [f for f in recent_files() if Path(f).exists()]
        if not files:
            self.recent_menu.addAction(
                QCoreApplication.translate("MainWindow", "(none)")
            ).setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.files.open_path(p))

    def remove(self) -> None:
        """Take the toolbar, every action of the window and the menu bar away (before they
        are built again in another language)."""
        window = self.window
        window.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        for action in window.actions():
            window.removeAction(action)
            action.deleteLater()
        window.setMenuBar(QMenuBar(window))  # the old bar, its menus and actions go with it
