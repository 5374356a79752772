"""The main window: sidebar of pages, everyday actions, search, menus and status bar."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from inventory_app.domain.model import Changes, MovementType
from inventory_app.services import postings as stock
from inventory_app.services import shop, users
from inventory_app.services.shop import Database
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.dialogs.about import add_help_menu
from inventory_app.ui.errors import show_error
from inventory_app.ui.pages import PAGES, Page
from inventory_app.ui.window.first_steps import FirstStepsPanel
from inventory_app.ui.window.page_stack import LazyPages
from inventory_app.ui.window.shop_files import ShopFiles, recent_files
from inventory_app.ui.window.signing_in import sign_in_on_open
from inventory_app.ui.window.status_bar import ShopStatus, touches_stock
from inventory_app.ui.window.welcome import WelcomeScreen

SP = QStyle.StandardPixmap

POSTING_KEYS: list[tuple[MovementType, str, QStyle.StandardPixmap]] = [
    (MovementType.RECEIPT, "F2", SP.SP_ArrowDown),
    (MovementType.ISSUE, "F3", SP.SP_ArrowUp),
    (MovementType.WRITEOFF, "F4", SP.SP_TrashIcon),
    (MovementType.ADJUST, "F5", SP.SP_BrowserReload),
    (MovementType.TRANSFER, "F6", SP.SP_ArrowRight),
]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx = ctx or AppContext(parent=self)
        self.files = ShopFiles(self)
        self.setWindowTitle(self.tr("Inventory"))
        self.resize(1280, 800)

        self.welcome = self._make_welcome()
        self._retranslate_due = False
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(172)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.pages = LazyPages(self.stack, self.ctx, [])  # none until a shop opens
        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.root = QStackedWidget()
        self.root.addWidget(self.welcome)
        self.root.addWidget(self.workspace)
        self.first_steps = FirstStepsPanel(self)  # an empty shop opens on it
        self.root.addWidget(self.first_steps)
        self.setCentralWidget(self.root)
        self.sidebar.currentRowChanged.connect(self._show_row)

        self._build_actions()
        self.shop_status = ShopStatus(self)
        self.file_label = self.shop_status.file_label
        self.value_label = self.shop_status.value_label
        self.alerts_label = self.shop_status.alerts_label
        self.ctx.data_changed.connect(self._on_data_changed)
        self._restore_geometry()
        self._show_state()

    # -- building -----------------------------------------------------------------------------

    def _make_welcome(self) -> WelcomeScreen:
        welcome = WelcomeScreen()
        welcome.create_requested.connect(self.files.new_shop)
        welcome.open_requested.connect(self.files.open_dialog)
        welcome.demo_requested.connect(lambda: self.files.explore_demo())
        return welcome

    def _action(
        self,
        text: str,
        slot,
        shortcut: str | QKeySequence | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.posting_actions: dict[MovementType, QAction] = {}
        names = {
            MovementType.RECEIPT: self.tr("Receive"),
            MovementType.ISSUE: self.tr("Issue"),
            MovementType.WRITEOFF: self.tr("Write off"),
            MovementType.ADJUST: self.tr("Adjust"),
            MovementType.TRANSFER: self.tr("Transfer"),
        }
        for kind, key, icon in POSTING_KEYS:
            text = names[kind]
            action = self._action(text, lambda k=kind: self.open_posting(k), key, icon)
            action.setToolTip(f"{text} ({key})")
            self.posting_actions[kind] = action
        self.undo_action = self._action(
            self.tr("Undo last posting…"), self.undo_last_posting, QKeySequence.StandardKey.Undo
        )
        self.find_action = self._action(
            self.tr("Find item"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self._build_toolbar()
        self._build_menus()

    def _build_toolbar(self) -> None:
        """The everyday postings. No search field here: each page has its own (Ctrl+F)."""
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        for action in self.posting_actions.values():
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self._action(self.tr("New shop…"), self.files.new_shop))
        menu.addAction(
            self._action(self.tr("Open…"), self.files.open_dialog, QKeySequence.StandardKey.Open)
        )
        self.recent_menu = menu.addMenu(self.tr("Recent files"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.backup_action = self._action(self.tr("Back up now…"), self.files.backup_now)
        self.restore_action = self._action(
            self.tr("Restore from backup…"), self.files.restore_backup
        )
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        self.settings_action = self._action(
            self.tr("Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        menu.addAction(self.settings_action)
        self.users_action = self._action(self.tr("Users…"), self.open_users)
        self.switch_user_action = self._action(self.tr("Switch user…"), self.switch_user)
        menu.addAction(self.users_action)
        menu.addAction(self.switch_user_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.find_action)
        self.postings_menu = self.menuBar().addMenu(self.tr("&Stock"))
        for action in self.posting_actions.values():
            self.postings_menu.addAction(action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        add_help_menu(self)  # Help → User guide, About (keep it the last menu)
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
        for kind, action in self.posting_actions.items():
            ops.gate(self.ctx, action, needs[kind])
        ops.gate(self.ctx, self.undo_action, "reverse")
        ops.gate(self.ctx, self.backup_action, "backup")
        ops.gate(self.ctx, self.restore_action, "restore")
        ops.gate(self.ctx, self.settings_action, "settings")
        ops.gate(self.ctx, self.users_action, "users")

    def _build_pages(self) -> None:
        settings = app_settings()
        for page in self.pages.built():
            page.save_state(settings)
        self.pages.discard()
        self.pages = LazyPages(self.stack, self.ctx, [])
        self.sidebar.clear()
        self.view_menu.clear()  # deletes the menu's own actions
        if self.ctx.db is None:
            return  # the welcome screen: no pages to feed
        self.pages = LazyPages(self.stack, self.ctx, PAGES)  # each built when first shown
        for n, spec in enumerate(PAGES):
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title_fn())
            item.setSizeHint(QSize(160, 36))
            self.sidebar.addItem(item)
            action = QAction(spec.title_fn(), self.view_menu)
            if n < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, name=spec.name: self.show_page(name))
            self.view_menu.addAction(action)
        last = settings.value("last_page", "")
        names = list(self.pages)
        self.sidebar.setCurrentRow(names.index(last) if last in names else 0)

    # -- the open shop ------------------------------------------------------------------------

    def adopt_database(self, db: Database | None) -> None:
        """Show ``db`` (None: back to the welcome screen). A shop with users asks who is
        signing in first (cancelled: the shop is closed again)."""
        if db is not None and not sign_in_on_open(self, db):
            db.close()
            return
        if self.pages:
            app_settings().setValue("last_page", self.current_page_name())
        self.ctx.set_database(db)
        self._build_pages()
        self._show_state()
        page = self.current_page()
        if page is not None:
            page.focus_search()  # ready to type or scan

    def _show_state(self) -> None:
        has_db = self.ctx.db is not None
        if not has_db:
            self.root.setCurrentWidget(self.welcome)
        elif shop.item_count(self.ctx.db) == 0:
            self.root.setCurrentWidget(self.first_steps)
        else:
            self.root.setCurrentWidget(self.workspace)
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
        ops.apply_roles(self.ctx)
        self.toolbar.setVisible(has_db)
        self._update_title()
        self.shop_status.refresh()

    def _update_title(self) -> None:
        if self.ctx.db is None:
            self.setWindowTitle(self.tr("Inventory"))
        else:
            self.setWindowTitle(f"{self.ctx.shop_name} — {self.ctx.db.path.name}")

    def set_alert_counts(self, counts: dict[str, int]) -> None:
        """Alert counts for the status bar, e.g. ``{"expired": 3, "reorder": 12}``. Known kinds
        (expired, expiring, reorder, dead) get their label; other keys show as given."""
        self.shop_status.set_alert_counts(counts)

    def alerts_pending(self) -> bool:
        """True while status-bar alert counts are due or being computed."""
        return self.shop_status.alerts_pending()

    def _on_data_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.settings:
            self._update_title()
        if touches_stock(changes):
            self.shop_status.refresh()

    # -- pages --------------------------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        names = list(self.pages)
        if 0 <= row < len(names):
            _ = self.pages[names[row]]  # built when first shown
        self.stack.setCurrentIndex(row)

    def current_page_name(self) -> str:
        row = self.sidebar.currentRow()
        names = list(self.pages)
        return names[row] if 0 <= row < len(names) else ""

    def current_page(self) -> Page | None:
        return self.pages.get(self.current_page_name())

    def show_page(self, name: str) -> Page:
        names = list(self.pages)
        if name not in names:
            raise KeyError(f"no page named {name!r}; pages: {', '.join(names)}")
        self.sidebar.setCurrentRow(names.index(name))
        self.root.setCurrentWidget(self.workspace)  # from the first steps too
        return self.pages[name]

    # -- actions ------------------------------------------------------------------------------

    def open_posting(self, kind: MovementType) -> None:
        if self.ctx.db is None:
            return
        from inventory_app.ui.dialogs.posting.dialog import PostingDialog

        PostingDialog(self.ctx, kind, parent=self).exec()

    def undo_last_posting(self) -> None:
        if self.ctx.db is None:
            return
        document_id = stock.last_reversible_document(self.ctx.db)
        if document_id is None:
            QMessageBox.information(self, self.tr("Undo"), self.tr("There is nothing to undo."))
            return
        from inventory_app.ui.dialogs.reverse_document import ReverseDocumentDialog

        ReverseDocumentDialog(self.ctx, document_id, parent=self).exec()

    def show_workspace(self, page: str | None = None) -> None:
        """Leave the first steps for the pages (``page``, or the current one)."""
        self.root.setCurrentWidget(self.workspace)
        shown = self.show_page(page) if page else self.current_page()
        if shown is not None:
            shown.focus_search()

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search box; a page without one (the dashboard, the
        reports) hands over to the Items page's."""
        page = self.current_page()
        if page is None or page.focus_search():
            return
        self.show_page("items").focus_search()

    def open_users(self) -> None:
        from inventory_app.ui.dialogs.users import UsersDialog

        if self.ctx.db is not None:
            UsersDialog(self.ctx, parent=self).exec()
            self._show_state()

    def switch_user(self) -> None:
        """Sign in as someone else (a shop without users has nobody to switch to)."""
        db = self.ctx.db
        if db is None:
            return
        if not users.has_users(db):
            QMessageBox.information(
                self,
                self.tr("Switch user"),
                self.tr("This shop has no users yet: add its owner under File › Users…"),
            )
            return
        from inventory_app.ui.dialogs.sign_in import SignInDialog

        if SignInDialog(db, self).exec():
            self._show_state()

    def open_settings(self) -> None:
        from inventory_app.ui.dialogs.settings import SettingsDialog

        # without a shop open: the language only (the welcome screen speaks it too)
        SettingsDialog(self.ctx, parent=self).exec()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [f for f in recent_files() if Path(f).exists()]
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_path(p))

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # Each translator taken out or put in sends one: rebuild once, after the last.
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_due:
            self._retranslate_due = True
            QTimer.singleShot(0, self, self.retranslate)  # not once the window is gone
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text again in the language now installed (Settings → Language, no restart):
        the texts are set where the widgets are built, so the menus, toolbar, welcome screen
        and pages are built again; the open shop, the page shown and its state stay."""
        self._retranslate_due = False
        if not shiboken6.isValid(self.sidebar):  # the window is being torn down
            return
        if self.pages:
            app_settings().setValue("last_page", self.current_page_name())
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        for action in self.actions():
            self.removeAction(action)
            action.deleteLater()
        self.setMenuBar(QMenuBar(self))  # the old bar, its menus and actions go with it
        self._build_actions()
        old = self.welcome
        self.welcome = self._make_welcome()
        self.root.insertWidget(0, self.welcome)
        self.root.removeWidget(old)
        old.deleteLater()
        self._build_pages()
        self._show_state()

    # -- geometry and closing -----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = app_settings().value("geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))

    def save_state(self) -> None:
        settings = app_settings()
        settings.setValue("geometry", self.saveGeometry())
        if self.pages:
            settings.setValue("last_page", self.current_page_name())
        for page in self.pages.built():
            page.save_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.save_state()
        except Exception as exc:
            show_error(self, exc)
        self.files.backup_on_close()  # at most daily; a problem is shown, closing goes on
        self.ctx.close()
        super().closeEvent(event)
