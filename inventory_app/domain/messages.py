"""The English text of every expected problem, built from its code and parameters in one place.

An ``InventoryError`` carries a stable ``code`` (``"stock.shortage"``) and its facts as parameters
(``sku=..., needed=..., available=...``); the sentence a person reads is made here, so another
language needs only another table with the same codes and placeholders.

Templates use ``str.format`` placeholders named after the parameters; a template that depends on
a ``count`` is a pair (one, many). Parameters are plain values:
text, integers, ``Decimal`` (shown without trailing zeros: 12, 2.5, 0.125) and dates (ISO).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

# Sections by area keep each capability's messages together; codes are "area.what".
TEMPLATES: dict[str, str | tuple[str, str]] = {
    # --- general
    "cancelled": "Cancelled; nothing was written.",
    # --- settings
    "settings.lock_date_via_close": "The lock date is set by closing a period, not as a setting.",
    "settings.empty_shop_name": "The shop name is empty.",
    # --- imports (whole-file summary; the rows carry their own codes)
    "import.refused": (
        "{source}{count} problem found; nothing was imported.",
        "{source}{count} problems found; nothing was imported.",
    ),
    "import.more": "... and {count} more",
    "import.row_at": "row {row}",
    "import.row_column_at": "row {row}, column '{column}'",
    "import.row_value": "{where}: {problem} (value: {value!r})",
    "import.row_plain": "{where}: {problem}",
    # --- domain
    # --- storage: database files
    # --- ledger
    # --- catalog, search, browse
    # Beside a field in the item dialog (params: field, and the facts named here):
    "catalog.sku_empty": "the code is empty",
    "catalog.sku_invalid": "the code is too long or has tabs or line breaks",
    "catalog.name_empty": "the name is empty",
    "catalog.name_too_long": "the name is longer than {max} characters",
    "catalog.barcode_invalid": "a barcode has no spaces and at most {max} characters",
    "catalog.qty_negative": "cannot be negative",
    "catalog.lead_time_invalid": "lead time is a whole number of days, 0 or more",
    "catalog.shelf_life_invalid": "shelf life is a whole number of days above 0",
    "catalog.removal_invalid": "removal is fifo or fefo",
    # Refused on saving: "field: ..." is how the item dialog finds the field to show it beside.
    "catalog.sku_taken": "sku: {sku!r} is already used by another item",
    "catalog.barcode_taken": "barcode: {barcode!r} is already used by another item",
    "catalog.item_refused": "the item was refused: {reason}",
    "catalog.unknown_sku": "unknown SKU {sku!r}",
    "catalog.location_empty": "the location name is empty",
    "catalog.location_exists": "location {name!r} already exists",
    # Rows of an items file (first_row: the row that has it first)
    "catalog.import_sku_repeated": "the same SKU is already on row {first_row}",
    "catalog.import_barcode_repeated": "the same barcode is already on row {first_row}",
    "catalog.import_barcode_owned": "this barcode already belongs to another item",
    # --- postings, reports, backup, check
    # --- stocktake
    # --- tabular (reading files)
    # --- export
    # --- analytics
    # --- demo
}


def shown(value: object) -> object:
    """A parameter as a person reads it: 12 not 12.000, 2026-12-02 not a repr."""
    if isinstance(value, Decimal):
        if value.is_finite():
            text = format(value.normalize(), "f")
            return text if "." not in text else text.rstrip("0").rstrip(".")
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def render(
    code: str,
    params: Mapping[str, object],
    table: Mapping[str, str | tuple[str, str]] = TEMPLATES,
) -> str:
    """The sentence for ``code`` with ``params`` filled in (unknown codes show as themselves)."""
    template = table.get(code)
    if template is None:
        return code
    if isinstance(template, tuple):
        template = template[0] if params.get("count") == 1 else template[1]
    return template.format_map({k: shown(v) for k, v in params.items()})
