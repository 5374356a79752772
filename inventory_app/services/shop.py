"""Opening and creating shop files. The rest of the app receives the ``Database`` handle."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from inventory_app.domain.errors import InventoryError
from inventory_app.services import settings, users
from inventory_app.storage.db import Database, open_db
from inventory_app.storage.problems import problem_of
from inventory_app.storage.reads import stock as stock_reads

APP_NAME = "inventory_app"


def default_db_path() -> Path:
    """``inventory.db`` in the user's data folder (per OS conventions)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "inventory.db"


def open_shop(
    path: str | Path,
    *,
    write: bool = True,
    create: bool = False,
    program: str = "inventory-app",
    check: bool = True,
) -> Database:
    """Open a shop file. ``write`` takes the single-writer lock; ``create`` makes a new
    empty shop when the file does not exist; ``check=False`` skips the quick integrity
    check (the desktop app runs it in the background to start fast on big files). A
    handle opened where someone signed in for the process (the desktop app's workers)
    acts for them (``users.sign_in(..., for_process=True)``)."""
    db = open_db(path, write=write, create=create, program=program, check=check)
    actor = users.signed_in_for_process(db.path)
    if actor is not None:
        db.actor = actor
    return db


def create_shop(path: str | Path, *, name: str = "", currency: str = "¥") -> Database:
    db = open_db(path, write=True, create=True)
    with db.transaction():
        if name:
            settings.set_value(db, "shop_name", name)
        settings.set_value(db, "currency", currency)
    return db


def item_count(db: Database) -> int:
    """How many items the shop's catalogue holds, with stock or without."""
    return stock_reads.item_count(db.conn)


def file_problem(exc: BaseException, path: str | Path | None = None) -> InventoryError | None:
    """What SQLite or the OS reported (busy, read-only, disk full, damaged, a table missing,
    permission, a name too long...) as the refusal to show the user, or None for anything
    else (a bug). ``path``: the shop file, named in the message; an OS error naming its own
    file is about that one."""
    filename = getattr(exc, "filename", None) if isinstance(exc, OSError) else None
    where = Path(filename) if isinstance(filename, str) else Path(path) if path else None
    return problem_of(exc, where)


__all__ = [
    "Database",
    "create_shop",
    "default_db_path",
    "file_problem",
    "item_count",
    "open_shop",
]
