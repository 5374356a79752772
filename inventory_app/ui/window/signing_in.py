"""What opening a shop asks first: who signs in (a shop with users), and whether the
triggers that keep posted rows append-only are all there (the check is shown, then they are
put back, and the repair is in the audit trail)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inventory_app.services import check, users
from inventory_app.services.shop import Database
from inventory_app.ui.errors import headless, show_error


def sign_in_on_open(parent: QWidget, db: Database) -> bool:
    """True when the shop may be shown: nobody needs to sign in, or someone did."""
    if users.has_users(db) and db.actor.role is None:
        from inventory_app.ui.dialogs.sign_in import SignInDialog

        if headless():  # nobody to type a PIN: the shop stays closed
            print("inventory-app: this shop has users; sign in to open it", file=sys.stderr)
            return False
        if not SignInDialog(db, parent).exec():
            return False
    restore_missing_triggers(parent, db)
    return True


def restore_missing_triggers(parent: QWidget, db: Database) -> list[str]:
    """Report the protecting triggers the file lacks (or has changed), then recreate them;
    the names, or [] when all were there."""
    missing = check.missing_triggers(db)
    if not missing or not db.writable:
        return []
    if headless():
        print(f"inventory-app: protecting triggers restored: {', '.join(missing)}", file=sys.stderr)
    else:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MainWindow", "The file was changed outside the app"),
            QCoreApplication.translate(
                "MainWindow",
                "The check found protections missing from this shop file: {0}.\n\nThey are put"
                " back now. Someone may have edited the file directly: run the check to see"
                " whether posted rows were changed.",
            ).format(", ".join(missing)),
        )
    try:
        check.restore_triggers(db, missing)
    except Exception as exc:  # a refusal (read-only file...) or a bug: shown
        show_error(parent, exc)
        return []
    return missing
