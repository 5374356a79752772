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
    # --- postings, reports, backup, check
    # --- stocktake
    # --- tabular (reading files)
    # --- export
    "export.not_a_month": "month {month!r} is not a month like 2026-10",
    "export.unknown_language": "language {lang!r} is not one of: {choices}",
    "export.unknown_sheets": ("unknown sheet: {sheets}", "unknown sheets: {sheets}"),
    "export.future_period": "the period starts in the future ({start}); nothing to export",
    "export.not_xlsx": "{name}: the export is an Excel .xlsx file; name it *.xlsx",
    "export.no_folder": "the folder {folder} does not exist",
    "export.file_in_use": "{name} cannot be replaced; close it in Excel or WPS and export again",
    "export.write_failed": "the file could not be written: {reason}",
    "export.cancelled": "export cancelled; no file was written",
    # --- analytics
    "analytics.unknown_period": "period is one of {choices} (or custom dates), not {period!r}",
    "analytics.unknown_turnover_by": "turnover is by {choices}, not {by!r}",
    "analytics.unknown_average": "the average is simple or daily, not {average!r}",
    # --- demo
    "demo.too_small": "a demo shop needs at least one item and one day",
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
