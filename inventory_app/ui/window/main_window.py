"""The main window: sidebar of pages, everyday actions, search, menus and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from inventory_app.domain.model import Changes, MovementType
from inventory_app.services import postings as stock
from inventory_app.services import search
from inventory_app.services.shop import Database
from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.errors import show_error
from inventory_app.ui.pages import PAGES, Page
from inventory_app.ui.widgets.search_box import SearchBox
from inventory_app.ui.window.shop_files import ShopFiles, recent_files
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
        self.pages: dict[str, Page] = {}
        self.setWindowTitle(self.tr("Inventory"))
        self.resize(1280, 800)

        self.welcome = WelcomeScreen()
        self.welcome.create_requested.connect(self.files.new_shop)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.demo_requested.connect(lambda: self.files.explore_demo())
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(172)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.root = QStackedWidget()
        self.root.addWidget(self.welcome)
        self.root.addWidget(self.workspace)
        self.setCentralWidget(self.root)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        self._build_actions()
        self.shop_status = ShopStatus(self)
        self.file_label = self.shop_status.file_label
        self.value_label = self.shop_status.value_label
        self.alerts_label = self.shop_status.alerts_label
        self.ctx.data_changed.connect(self._on_data_changed)
        self._restore_geometry()
        self._show_state()

    # -- building -----------------------------------------------------------------------------

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
        self.search_field = SearchBox(self.tr("Find item: name, code or scan (Ctrl+F)"))
        self.search_field.setMaximumWidth(340)
        self.search_field.setMinimumWidth(240)
        self.search_field.submitted.connect(self.find_item)
        self.find_action = self._action(
            self.tr("Find item"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self._build_toolbar()
        self._build_menus()

    def _build_toolbar(self) -> None:
        """The everyday postings, and the search field at the right."""
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        for action in self.posting_actions.values():
            toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_field)
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
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.find_action)
        self.postings_menu = self.menuBar().addMenu(self.tr("&Stock"))
        for action in self.posting_actions.values():
            self.postings_menu.addAction(action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))

    def _build_pages(self) -> None:
        settings = app_settings()
        for page in self.pages.values():
            page.save_state(settings)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.sidebar.clear()
        self.view_menu.clear()  # deletes the menu's own actions
        if self.ctx.db is None:
            return  # the welcome screen: no pages to feed
        for n, spec in enumerate(PAGES):
            page = spec.factory(self.ctx, None)
            page.restore_state(settings)
            self.pages[spec.name] = page
            self.stack.addWidget(page)
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
        """Show ``db`` (None: back to the welcome screen)."""
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
        self.root.setCurrentWidget(self.workspace if has_db else self.welcome)
        for action in (
            *self.posting_actions.values(),
            self.undo_action,
            self.backup_action,
            self.restore_action,
            self.settings_action,
            self.find_action,
        ):
            action.setEnabled(has_db)
        self.toolbar.setVisible(has_db)
        self.search_field.setEnabled(has_db)
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
        movement_id = stock.last_reversible(self.ctx.db)
        if movement_id is None:
            QMessageBox.information(self, self.tr("Undo"), self.tr("There is nothing to undo."))
            return
        from inventory_app.ui.dialogs.reverse import ReverseDialog

        ReverseDialog(self.ctx, movement_id, parent=self).exec()

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def find_item(self, text: str) -> None:
        """The toolbar search: a code or a single match opens the item, several list them."""
        if self.ctx.db is None or not text:
            return
        hits = search.search_items(self.ctx.db, text, limit=2, include_archived=True)
        if not hits:
            self.statusBar().showMessage(self.tr("No item matches “{0}”.").format(text), 5000)
            return
        if hits[0].exact or len(hits) == 1:
            from inventory_app.ui.dialogs.item_detail import ItemDetailDialog

            self.search_field.clear()
            ItemDetailDialog(self.ctx, hits[0].id, parent=self).exec()
            return
        page = self.show_page("items")
        page.set_search(text)  # type: ignore[attr-defined]
        page.table.setFocus()  # type: ignore[attr-defined]
        page.table.select_row(0)  # type: ignore[attr-defined]

    def open_settings(self) -> None:
        from inventory_app.ui.dialogs.settings import SettingsDialog

        if self.ctx.db is not None:
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
        for page in self.pages.values():
            page.save_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.save_state()
        except Exception as exc:
            show_error(self, exc)
        self.files.backup_on_close()  # at most daily; a problem is shown, closing goes on
        self.ctx.close()
        super().closeEvent(event)
