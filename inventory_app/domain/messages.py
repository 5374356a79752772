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
from collections.abc import Callable, Mapping
from decimal import Decimal

Table = Mapping[str, "str | tuple[str, str]"]

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
    "number.not_a_number": "{what}: {value!r} is not a number",
    "number.empty": "{what} is empty",
    "number.too_large": "{what}: {value!r} is too large",
    "number.too_many_decimals": "{what}: {value!r} has more than {places} decimals",
    "number.negative": "{what}: {value!r} is negative",
    # a setting in percent (service_level_pct) reaches the arithmetic as a fraction
    "indicators.service_level": "a service level is between 0 and 1, not {level}",
    "abc.thresholds": (
        "ABC thresholds must satisfy 0 < A ({a}) <= A+B ({b}) <= 1, as shares like 0.80"
    ),
    "stocktake.reason_not_known": "reason {reason!r} is not one of: {choices}",
    "scope.unknown": (
        "scope {scope!r} is not one of: all, location:NAME, category:NAME[,NAME], abc:A, due"
    ),
    "scope.takes_no_value": "scope {kind!r} takes no value (got {scope!r})",
    "scope.needs_location": "scope location: needs a location name, e.g. location:Main",
    "scope.needs_values": "scope {kind}: needs at least one value, e.g. {kind}:A",
    "scope.abc_class_unknown": "ABC class {value!r} is not A, B or C",
    # --- storage: database files
    "db.missing": "{path} does not exist.",
    "db.not_inventory": "{name} is not an inventory database (or it is damaged): {problems}.",
    "db.foreign": "{name} is an SQLite file, but not an inventory database.",
    "db.newer": (
        "{name} was saved by a newer version of inventory_app (data version {version}; this app"
        " knows up to {latest}). Update the app to open it."
    ),
    "db.damaged": (
        "{name} is damaged ({problems}). Restore it from a backup (File > Restore from backup)."
    ),
    "db.read_only": "{name} is open read-only",
    "db.busy": "{name} is busy: another program is writing to it.",
    "db.disk_full": "The disk holding {name} is full; nothing was saved.",
    "db.cannot_write": "{name} cannot be written (read-only file or folder).",
    "db.io_error": (
        "{name} could not be read or written ({problems}); nothing was saved. Check the disk"
        " or the network drive it is on."
    ),
    "db.cannot_open": (
        "{name} cannot be opened ({problems}): check that its folder exists and can be written."
    ),
    "db.in_use": (
        "{name} is in use by {user} on {host} ({program}, pid {pid}, since {since}). Close it"
        " there first; reports can still be read."
    ),
    "db.in_use_unknown": (
        "{name} is in use by another program. Close it there first; reports can still be read."
    ),
    "db.cannot_lock": (
        "{name} cannot be opened for writing: its lock file {lock} cannot be made ({problems})."
        " Open it read-only, or copy it to a folder you can write to."
    ),
    "db.migration_breaks_keys": (
        "updating the file to data version {version} would break a foreign key (the file is"
        " damaged); nothing changed. Restore it from a backup (File > Restore from backup)."
    ),
    # --- ledger
    "ledger.unknown_sku": "unknown SKU {sku!r}",
    "ledger.unknown_location": "unknown location {name!r}",
    "ledger.period_closed": (
        "{date} is in a closed period (closed up to {lock_date}); post the correction in an"
        " open period"
    ),
    "ledger.future_date": "{date} is in the future",
    "ledger.unknown_type": "unknown movement type {type!r}",
    "ledger.reversal_as_line": "reversals are posted with reverse(), not as a line",
    "ledger.qty_zero": "quantity is zero",
    "ledger.qty_not_positive": "quantity must be positive for a {kind}",
    "ledger.writeoff_reason_unknown": "write-off reason {reason!r} is not one of: {choices}",
    "ledger.transfer_without_destination": "a transfer needs a destination location",
    "ledger.transfer_same_location": "a transfer needs two different locations",
    "ledger.receipt_needs_cost": "a receipt needs a unit cost",
    "ledger.no_cost_known": "no unit cost given and {sku} has never been received",
    "ledger.expiry_before_date": "expiry {expiry} is before the date {date}",
    # a shortage: "{what}", "{where}" and "{expired_note}" are the parts below (see PARTS)
    "ledger.shortage": (
        "not enough stock of {what}{where}: need {needed}, available {available}{expired_note}"
    ),
    "ledger.shortage.batch": "batch {batch!r} of {sku}",
    "ledger.shortage.at": " at {location}",
    "ledger.shortage.expired": (
        " (another {expired} is in expired batches, issued only when named with a reason)"
    ),
    "ledger.expired_batch_needs_reason": (
        "batch {batch!r} expired on {expiry}; issuing it needs a reason"
    ),
    "ledger.batch_out_of_turn_needs_reason": (
        "batch {batch!r} is not next in line by the item's policy; naming it needs a reason"
    ),
    "ledger.reversal_needs_reason": "a reversal needs a reason",
    "ledger.no_such_movement": "there is no movement {movement_id}",
    "ledger.reversing_a_reversal": (
        "movement {movement_id} is itself a reversal; post the original again instead"
    ),
    "ledger.already_reversed": (
        "movement {movement_id} was already reversed by movement {reversed_by}"
    ),
    "ledger.reversal_before_movement": "a reversal cannot be dated before the movement ({date})",
    "ledger.batch_used_since": (
        "movement {movement_id} of {sku} cannot be reversed: {used} of batch {batch} has already"
        " been used since. Reverse those movements first, or post an adjustment for the difference."
    ),
    "ledger.batch_drawn_since": (
        "movement {movement_id} of {sku} cannot be reversed: some of batch {batch} has already"
        " been used since. Reverse those movements first, or post an adjustment for the difference."
    ),
    # --- catalog, search, browse
    # --- postings, reports, backup, check
    # --- stocktake
    # --- tabular (reading files)
    # --- export
    # --- analytics
    # --- demo
}


def _shortage_parts(params: Mapping[str, object], table: Table) -> dict[str, object]:
    """The optional parts of a shortage: which batch, where, and what expired stock there is."""
    return {
        "what": render("ledger.shortage.batch", params, table)
        if params.get("batch")
        else params.get("sku", ""),
        "where": render("ledger.shortage.at", params, table) if params.get("location") else "",
        "expired_note": render("ledger.shortage.expired", params, table)
        if params.get("expired")
        else "",
    }


# Codes whose sentence has optional parts: each function adds them as parameters, rendered
# from the same table (so another language words the parts too).
PARTS: dict[str, Callable[[Mapping[str, object], Table], dict[str, object]]] = {
    "ledger.shortage": _shortage_parts,
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
    table: Table = TEMPLATES,
) -> str:
    """The sentence for ``code`` with ``params`` filled in (unknown codes show as themselves)."""
    template = table.get(code)
    if template is None:
        return code
    parts = PARTS.get(code)
    if parts is not None:
        params = {**params, **parts(params, table)}
    if isinstance(template, tuple):
        template = template[0] if params.get("count") == 1 else template[1]
    return template.format_map({k: shown(v) for k, v in params.items()})
