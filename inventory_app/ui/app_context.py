"""What every page and dialog shares: the open shop, its settings, and one signal.

Every write in the UI goes through ``ui.ops``, which calls the service and then emits
``ctx.data_changed(changes, initiator)``; pages listen and refresh from it. No page reaches
into another.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from inventory_app.domain.model import Changes
from inventory_app.services import settings as shop_settings
from inventory_app.services.shop import Database

ORGANIZATION = "inventory_app"
APPLICATION = "inventory_app"


def app_settings() -> QSettings:
    """This computer's preferences (recent files, geometry, column widths), not the shop's."""
    return QSettings()


class AppContext(QObject):
    """The open shop for the whole UI. ``db`` is None only before a shop is opened."""

    #: (changes: Changes, initiator: object) after any write
    data_changed = Signal(object, object)

    def __init__(self, db: Database | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = db
        self.settings: dict[str, str] = {}
        if db is not None:
            self.reload_settings()
        # Connected first, so every page sees fresh settings when it refreshes.
        self.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.settings:
            self.reload_settings()

    # -- the open file ------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.db.path if self.db is not None else None

    def set_database(self, db: Database | None) -> None:
        """Adopt ``db`` (closing the one open before)."""
        if self.db is not None and self.db is not db:
            self.db.close()
        self.db = db
        self.settings = {}
        if db is not None:
            self.reload_settings()

    def close(self) -> None:
        self.set_database(None)

    # -- settings -----------------------------------------------------------------------------

    def reload_settings(self) -> None:
        if self.db is not None:
            self.settings = shop_settings.all_settings(self.db)

    def setting(self, key: str) -> str:
        return self.settings.get(key, shop_settings.DEFAULTS.get(key, ""))

    @property
    def operator(self) -> str:
        """Recorded on every movement this app posts: whoever signed in, in a shop with
        users; else the operator setting."""
        if self.db is not None and self.db.actor.name:
            return self.db.actor.name
        return self.setting("operator")

    @property
    def currency(self) -> str:
        return self.setting("currency")

    @property
    def shop_name(self) -> str:
        return self.setting("shop_name")

    @property
    def expiry_warning_days(self) -> int:
        try:
            return max(0, int(self.setting("expiry_warning_days")))
        except ValueError:
            return int(shop_settings.DEFAULTS["expiry_warning_days"])
