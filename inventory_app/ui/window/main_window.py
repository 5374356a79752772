"""The main window: the welcome screen, the first steps or the open shop's pages (a sidebar),
and what its actions open; its actions, toolbar and menus are built in ``menus``, its status
bar in ``status_bar``, the File menu's work done in ``shop_files``."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from inventory_app.domain.model import Changes, MovementType
from inventory_app.services import postings as stock
from inventory_app.services import shop, users
from inventory_app.services.shop import Database
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext, app_settings
from inventory_app.ui.errors import show_error
from inventory_app.ui.pages import PAGES, Page
from inventory_app.ui.window.first_steps import FirstStepsPanel
from inventory_app.ui.window.menus import WindowMenus
from inventory_app.ui.window.page_stack import LazyPages
from inventory_app.ui.window.shop_files import ShopFiles
from inventory_app.ui.window.signing_in import sign_in_on_open
from inventory_app.ui.window.status_bar import ShopStatus, touches_stock
from inventory_app.ui.window.welcome import WelcomeScreen


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

        self.menus = WindowMenus(self)
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

    def _build_pages(self) -> None:
        settings = app_settings()
        for page in self.pages.built():
            page.save_state(settings)
        self.pages.discard()
        self.pages = LazyPages(self.stack, self.ctx, [])
        self.sidebar.clear()
        self.menus.view_menu.clear()  # deletes the menu's own actions
        if self.ctx.db is None:
            return  # the welcome screen: no pages to feed
        self.pages = LazyPages(self.stack, self.ctx, PAGES)  # each built when first shown
        for n, spec in enumerate(PAGES):
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title_fn())
            item.setSizeHint(QSize(160, 36))
            self.sidebar.addItem(item)
            action = QAction(spec.title_fn(), self.menus.view_menu)
            if n < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, name=spec.name: self.show_page(name))
            self.menus.view_menu.addAction(action)
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
        self.menus.set_shop_open(has_db)
        ops.apply_roles(self.ctx)
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
        self.menus.remove()
        self.menus = WindowMenus(self)
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
