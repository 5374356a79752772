"""Importing items, opening stock and the movement journal from .csv / .xlsx files.

Named here: what the CLI, the import wizard and the reports page use (``templates`` is a
module of its own: ``from inventory_app.services.imports import templates``). ``ImportResult``
is what every import returns.
"""

from __future__ import annotations

from inventory_app.services.imports.common import ImportResult
from inventory_app.services.imports.items import ITEM_COLUMNS, import_items
from inventory_app.services.imports.journal import JOURNAL_COLUMNS, import_journal
from inventory_app.services.imports.opening import OPENING_COLUMNS, import_opening
from inventory_app.services.imports.templates import column_title

__all__ = [
    "ITEM_COLUMNS",
    "JOURNAL_COLUMNS",
    "OPENING_COLUMNS",
    "ImportResult",
    "column_title",
    "import_items",
    "import_journal",
    "import_opening",
]
