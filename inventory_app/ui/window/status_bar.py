"""The main window's status bar: the open file, the stock value, and alert counts (expired,
expiring, to reorder, dead stock) computed off the UI thread whichever page is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

from inventory_app.domain.model import Changes
from inventory_app.services import reports
from inventory_app.services.analytics import alerts as analytics_alerts
from inventory_app.services.analytics.alerts import Alerts
from inventory_app.ui.ops import role_name
from inventory_app.ui.widgets.format import money_text
from inventory_app.ui.workers import Job, background_pool, on_shop, start_job

if TYPE_CHECKING:
    from inventory_app.ui.window.main_window import MainWindow

ALERTS_DELAY_MS = 600


def user_text(name: str, role: str) -> str:
    """ "Mei (owner)" for the status bar; nothing in a shop without users."""
    if not name:
        return ""
    return QCoreApplication.translate("MainWindow", "{0} ({1})").format(name, role_name(role))


def touches_stock(changes: Changes) -> bool:
    """Whether ``changes`` can move the stock value or the alert counts (a stocktake count
    alone cannot: a scanner's every code would otherwise recount the alerts)."""
    return bool(
        changes.items or changes.batches or changes.movements or changes.catalog or changes.settings
    )


class ShopStatus(QObject):
    """Fills ``window.statusBar()``; ``refresh`` after opening a shop or a change."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.statusBar()
        self.file_label = QLabel()
        self.value_label = QLabel()
        self.alerts_label = QLabel()
        self.alerts_label.setObjectName("alerts")
        self.user_label = QLabel()  # who is signed in (shops with users)
        self.user_label.setObjectName("user")
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.alerts_label)
        bar.addPermanentWidget(self.value_label)
        bar.addPermanentWidget(self.file_label)
        # Recomputed off the UI thread when a shop opens and shortly after postings (a burst
        # gives one refresh).
        self._alerts_timer = QTimer(self, singleShot=True, interval=ALERTS_DELAY_MS)
        self._alerts_timer.timeout.connect(self._count_alerts)
        self._alerts_job: Job | None = None

    def refresh(self) -> None:
        """The file and its stock value now; the alert counts shortly."""
        db = self.window.ctx.db
        if db is None:
            self.file_label.setText(QCoreApplication.translate("MainWindow", "No shop open"))
            self.value_label.clear()
            self.alerts_label.clear()
            self.user_label.clear()
            return
        self.file_label.setText(db.path.name)
        self.user_label.setText(user_text(db.actor.name, str(db.actor.role or "")))
        self.file_label.setToolTip(str(db.path))
        value = reports.stock_value(db)
        self.value_label.setText(
            QCoreApplication.translate("MainWindow", "Stock value: {0} {1}").format(
                self.window.ctx.currency, money_text(value)
            )
        )
        self._alerts_timer.start()

    def set_alert_counts(self, counts: dict[str, int]) -> None:
        # whole phrases, not "n word": Chinese puts the count after the word (已过期 6)
        phrases = {
            "expired": QCoreApplication.translate("MainWindow", "{0} expired"),
            "expiring": QCoreApplication.translate("MainWindow", "{0} expiring soon"),
            "reorder": QCoreApplication.translate("MainWindow", "{0} to reorder"),
            "dead": QCoreApplication.translate("MainWindow", "{0} dead stock"),
        }
        parts = [phrases.get(kind, "{0} " + kind).format(n) for kind, n in counts.items() if n]
        self.alerts_label.setText("  ·  ".join(parts))

    def alerts_pending(self) -> bool:
        return self._alerts_timer.isActive() or self._alerts_job is not None

    def _count_alerts(self) -> None:
        db = self.window.ctx.db
        if db is None:
            return
        if self.window.current_page_name() == "dashboard":
            return  # the dashboard computes the same counts and sets them
        if self._alerts_job is not None:  # one at a time; ask again when it is done
            self._alerts_timer.start()
            return
        path = db.path
        self._alerts_job = start_job(
            self,
            on_shop(path, lambda reader, _p, _c: status_counts(analytics_alerts.alerts(reader))),
            self._alerts_counted,
            pool=background_pool(),
        )

    def _alerts_counted(self, job: Job) -> None:
        self._alerts_job = None
        if isinstance(job.result, dict) and self.window.ctx.db is not None:
            self.set_alert_counts(job.result)


def status_counts(alerts: Alerts) -> dict[str, int]:
    """The status bar's alert counts (``MainWindow.set_alert_counts``) from
    ``analytics.alerts.Alerts``: reorder covers low and out of stock."""
    n = alerts.counts()
    return {
        "expired": n["expired"],
        "expiring": n["expiring"],
        "reorder": n["low_stock"] + n["out_of_stock"],
        "dead": n["dead_stock"],
    }
