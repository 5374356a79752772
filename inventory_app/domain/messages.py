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
    "postings.no_lines": "the document has no lines",
    "postings.period_cannot_reopen": (
        "the period is already closed up to {closed_to}; it cannot reopen"
    ),
    "postings.close_in_future": "a period in the future cannot be closed",
    "postings.cancelled": "cancelled; nothing was posted",
    "reports.period_ends_before_start": "the period ends ({end}) before it starts ({start})",
    "reports.summary_by": "summary is by item or by category",
    "backup.overwrites_shop": "the backup cannot overwrite the shop file itself",
    "backup.not_sound": "the backup did not verify: {problems}",
    "backup.count_mismatch": (
        "the backup did not verify: {table} has {copied} rows in the copy, {expected} in the shop"
    ),
    "cli.no_shop": "no shop at {path}; create one with `inventory-app init`",
    "cli.demo_needs_empty_shop": "{path} already has items; demo needs a new, empty shop",
    "cli.not_a_date": "{text!r} is not a date like 2026-11-21",
    # --- stocktake
    "stocktake.not_found": "there is no stocktake #{stocktake_id}",
    "stocktake.read_only": (
        "stocktake #{stocktake_id} is {state}; it is read-only and takes no counts"
    ),
    "stocktake.takes_no_counts": "stocktake #{stocktake_id} is {state}; it takes no counts",
    "stocktake.already_closed": "stocktake #{stocktake_id} is already {state}",
    "stocktake.no_such_line": "stocktake #{stocktake_id} has no line {line_id}",
    "stocktake.empty_scope": "scope {scope} has no items to count",
    "stocktake.unknown_location": "unknown location {location!r}",
    "stocktake.unknown_category": "unknown category {category!r}; categories: {categories}",
    "stocktake.negative_count": "a count cannot be negative (got {qty}); to correct, recount",
    "stocktake.unknown_code": "no item has the code or barcode {item_code!r}",
    "stocktake.item_out_of_scope": (
        "{sku} is not in the scope of stocktake #{stocktake_id} ({scope}); "
        "add it to the stocktake first"
    ),
    "stocktake.location_out_of_scope": (
        "{location!r} is outside the scope of this stocktake (location {scope_location})"
    ),
    "stocktake.location_needed": (
        "{sku} is held at several locations ({locations}); name the location"
    ),
    "stocktake.not_per_batch": (
        "{sku} is counted per location, not per batch; leave out the batch"
    ),
    "stocktake.batch_needed": "{sku} is counted per batch: name the batch",
    "stocktake.batch_ambiguous": (
        "{sku} has several batches at {location}: {batches}; name the batch"
    ),
    "stocktake.approver_needed": "approval needs the approver's name",
    "stocktake.uncounted_choice_needed": (
        "{count} of {lines} lines of stocktake #{stocktake_id} is not counted; "
        "choose whether it stays unchanged or counts as zero",
        "{count} of {lines} lines of stocktake #{stocktake_id} are not counted; "
        "choose whether they stay unchanged or count as zero",
    ),
    "stocktake.uncounted_option_needed": (
        "{count} line is not counted (first: {sku} at {location}); "
        "give --uncounted unchanged or --uncounted zero",
        "{count} lines are not counted (first: {sku} at {location}); "
        "give --uncounted unchanged or --uncounted zero",
    ),
    "stocktake.sold_after_count": (
        "{sku} at {location}: {qty} more left the shelf after it was counted than the count "
        "found; recount it"
    ),
    "stocktake.difference_not_postable": (
        "the difference of {sku} at {location} cannot be posted: {problem}. "
        "Recount the line (stock may have moved since it was counted)."
    ),
    "stocktake.batch_difference_not_postable": (
        "the difference of {sku} batch {batch} at {location} cannot be posted: {problem}. "
        "Recount the line (stock may have moved since it was counted)."
    ),
    "stocktake.no_cost_yet": (
        "{sku} has no cost yet (never received): post a receipt with its cost for the found "
        "quantity, then recount the line"
    ),
    "stocktake.cannot_write": "cannot write {path}: {problem}",
    "stocktake.sheet_unreadable": "{file} cannot be read as a workbook: {problem}",
    "stocktake.not_a_count_sheet": (
        "{file} is not a count sheet exported by this app; export one with 'stocktake sheet' "
        "and fill it in"
    ),
    "stocktake.sheet_of_other_stocktake": (
        "{file} is the count sheet of stocktake #{sheet_stocktake_id}, not #{stocktake_id}; "
        "nothing was imported"
    ),
    "stocktake.sheet_layout_changed": (
        "{file}: the layout of the count sheet was changed (row {row}, column {column}: "
        "{found!r}, expected {expected!r}); export a new sheet and fill it in without moving "
        "columns; nothing was imported"
    ),
    "stocktake.sheet_empty": "{file}: no counts filled in; nothing was imported",
    "stocktake.sheet_already_imported": (
        "{file}: these counts were already imported at {at}; nothing changed"
    ),
    "stocktake.sheet_negative_count": "a count cannot be negative",
    "stocktake.sheet_not_a_line_number": "not a line number",
    "stocktake.sheet_line_repeated": "line {line_id} is already on row {row}",
    "stocktake.sheet_count_without_item": "a count without an item: fill in SKU",
    "stocktake.sheet_no_such_line": "no such line",
    "stocktake.sheet_line_mismatch": "does not match line {line_id}",
    "stocktake.sheet_unknown_item": "no item has this code or barcode",
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
