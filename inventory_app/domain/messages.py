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
    "import.empty": "is empty",
    "import.cancelled": "import cancelled; nothing was posted",
    "import.unknown_type": "type is one of {accepted}",
    "import.unknown_sku": "unknown SKU (import the items first)",
    "import.unknown_location": "unknown location",
    "import.date_closed": "falls in the closed period (up to {lock_date})",
    "import.date_future": "is in the future",
    "import.qty_zero": "is zero",
    "import.qty_negative": "must be positive (only adjust rows are signed)",
    "import.receipt_needs_cost": "a receipt needs a unit cost",
    "import.transfer_needs_destination": "a transfer needs a destination location",
    "import.expiry_before_date": "is before the date of the row",
    "import.opening_date_closed": (
        "the opening date {date} is in the closed period (up to {lock_date})"
    ),
    "import.opening_date_future": "the opening date {date} is in the future",
    "import.opening_qty_not_positive": "an opening quantity is more than zero",
    "import.expiry_before_opening": "is before the opening date {date}",
    "import.duplicate_batch": "the same batch is already on row {first_row}",
    "import.template_unknown_kind": "template {kind!r} is not one of: {kinds}",
    "import.template_not_xlsx": "{file}: a template is an Excel .xlsx file; name it *.xlsx",
    "import.template_no_folder": "the folder {folder} does not exist",
    "import.template_locked": "{file} cannot be written; close it in Excel or WPS",
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
    "tabular.empty": "empty",
    "tabular.not_accepted": "not a value this field accepts",
    "tabular.not_finite": "not a finite number",
    "tabular.not_text": "not text",
    "tabular.not_number": "not a number",
    "tabular.decimal_comma": "not a number (use '.' for decimals, e.g. 12.50)",
    "tabular.number_too_large": "number too large",
    "tabular.not_whole": "not a whole number",
    "tabular.not_date": "not a date",
    "tabular.not_real_date": "not a real date",
    "tabular.number_not_date": (
        "a number, not a date; format the cell as a date (e.g. 2026-11-21)"
    ),
    "tabular.ambiguous_date": (
        "ambiguous date (day and month could be swapped); write it as 2026-11-21"
    ),
    "tabular.date_unreadable": "not a date; write it as 2026-11-21",
    "tabular.file_not_found": "{file} was not found",
    "tabular.file_locked": (
        "{file} cannot be opened; close it in Excel or WPS and check its permissions"
    ),
    "tabular.file_unreadable": "{file} cannot be read: {reason}",
    "tabular.old_xls": (
        "{file} is an old Excel 97-2003 .xls file; open it in Excel or WPS and save it as .xlsx"
    ),
    "tabular.unsupported_type": "{file}: unsupported file type '{suffix}'; use .xlsx or .csv",
    "tabular.no_file_type": "{file}: unsupported file type '(none)'; use .xlsx or .csv",
    "tabular.read_cancelled": "reading {file} was cancelled",
    "tabular.file_empty": "the file is empty",
    "tabular.no_data_rows": "no data rows",
    "tabular.too_many_rows": (
        "{file} has more than {max_rows:,} data rows; split it into smaller files"
    ),
    "tabular.too_many_problems": "too many problems; stopped reading here",
    "tabular.header_cell_empty": (
        "merged or empty header cell; give every column its own header (unmerge cells)"
    ),
    "tabular.column_twice": "column '{key}' is given twice: {where}",
    "tabular.missing_column": (
        "missing required column '{key}' (a header such as {names}); headers found: {found}"
    ),
    "tabular.workbook_not_text": "{file} is an Excel workbook, not text; rename it to .xlsx",
    "tabular.unknown_encoding": "{file}: unknown text encoding; save as UTF-8 or GB18030",
    "tabular.csv_row_unreadable": "this row cannot be read ({reason})",
    "tabular.csv_too_many_values": (
        "this row has {used} values but the header has {width} columns; "
        "if a value contains '{delimiter}', put quotes around it"
    ),
    "tabular.not_workbook": (
        "{file} is not an Excel .xlsx workbook; open it in Excel or WPS and save it as .xlsx"
    ),
    "tabular.not_workbook_xls": (
        "{file} is not an Excel .xlsx workbook (it is an old .xls file or is password-protected);"
        " open it in Excel or WPS and save it as .xlsx"
    ),
    "tabular.not_workbook_text": (
        "{file} is not an Excel .xlsx workbook (it looks like a text file); open it in Excel or"
        " WPS and save it as .xlsx"
    ),
    "tabular.not_workbook_too_big": (
        "{file} is not an Excel .xlsx workbook (it unpacks to more than 2 GB); open it in Excel"
        " or WPS and save it as .xlsx"
    ),
    "tabular.not_workbook_damaged": (
        "{file} is not an Excel .xlsx workbook (the file is damaged); open it in Excel or WPS"
        " and save it as .xlsx"
    ),
    "tabular.workbook_hostile": (
        "{file} contains XML entity declarations, which a workbook saved by Excel or WPS never"
        " has; it was refused for safety"
    ),
    "tabular.no_worksheets": "{file} has no worksheets",
    "tabular.no_such_sheet": "{file} has no sheet '{sheet}'; its sheets are: {sheets}",
    "tabular.sheet_too_long": (
        "{file}: sheet '{sheet}' is used down to row {last_row:,}, more than the {max_rows:,}"
        " rows allowed; split the file, or if most of those rows are empty, delete them"
        " (Ctrl+End shows the last used cell)"
    ),
    "tabular.header_formula": "header cell contains a formula; type the header instead",
    "tabular.cell_formula": "contains a formula; paste values instead (Paste Special > Values)",
    "tabular.cell_excel_error": "contains the Excel error {error}; fix or clear the cell",
    "tabular.cell_unreadable": "unreadable cell",
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
