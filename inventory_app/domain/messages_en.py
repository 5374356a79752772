"""The English sentence of every expected problem, by code (``domain.messages`` renders them).

Another language is another module with the same codes and placeholders.
"""

from __future__ import annotations

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
    "import.refused.source": "{source}: ",
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
    # the scope as a person reads it (domain.stocktake.scope_label)
    "scope.label.all": "All items",
    "scope.label.location": "Location: {values}",
    "scope.label.category": "Category: {values}",
    "scope.label.abc": "ABC class {values}",
    "scope.label.due": "Due for counting",
    "scope.label.due_classes": "Due for counting, class {values}",
    "scope.label.joiner": ", ",
    "stocktake.default_name": "Stocktake {date} ({scope})",
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
    "ledger.qty_not_positive": "quantity must be positive for {kind}",
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
    # Beside a field in the item dialog (params: field, and the facts named here):
    "catalog.sku_empty": "the code is empty",
    "catalog.sku_invalid": "the code is too long or has tabs or line breaks",
    "catalog.name_empty": "the name is empty",
    "catalog.name_too_long": "the name is longer than {max} characters",
    "catalog.barcode_invalid": "a barcode has no spaces and at most {max} characters",
    "catalog.qty_negative": "cannot be negative",
    "catalog.lead_time_invalid": "lead time is a whole number of days, 0 to {max:,}",
    "catalog.shelf_life_invalid": "shelf life is a whole number of days, 1 to {max:,} (100 years)",
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
    "postings.no_lines": "the document has no lines",
    "postings.period_cannot_reopen": (
        "the period is already closed up to {closed_to}; it cannot reopen"
    ),
    "postings.close_in_future": "a period in the future cannot be closed",
    "postings.cancelled": "cancelled; nothing was posted",
    "reports.period_ends_before_start": "the period ends ({end}) before it starts ({start})",
    "reports.summary_by": "summary is by item or by category",
    "backup.overwrites_shop": (
        "the backup cannot overwrite the shop file itself or a file that belongs to it"
        " (-wal, -shm, .lock): {path}"
    ),
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
    "tabular.unsupported_type": (
        "{file}: unsupported file type '{suffix}'; use .xlsx, .xls, .ods or .csv"
    ),
    "tabular.no_file_type": "{file}: unsupported file type '(none)'; use .xlsx, .xls, .ods or .csv",
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
    "tabular.column_twice.at": "'{header}' (column {letter})",
    "tabular.column_twice.and": " and ",
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
        "{file} is not an Excel .xlsx workbook (it unpacks to more than 1 GB, or a part of it"
        " to more than 256 MB); open it in Excel or WPS and save it as .xlsx"
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
    "tabular.needs_calamine": (
        "{file}: reading .xls and .ods files needs the python-calamine package, which is not"
        " installed; save the file as .xlsx"
    ),
    "tabular.workbook_password": (
        "{file} is protected with a password; open it in Excel or WPS, remove the password and"
        " save it again"
    ),
    "tabular.not_xls": (
        "{file} is not an Excel 97-2003 .xls workbook; open it in Excel or WPS and save it as .xlsx"
    ),
    "tabular.not_xls_text": (
        "{file} is not an Excel 97-2003 .xls workbook (it is a text file or a web page with an"
        " .xls name); open it in Excel or WPS and save it as .xlsx"
    ),
    "tabular.xls_is_xlsx": (
        "{file} is an Excel .xlsx workbook with an .xls name; rename it to .xlsx"
    ),
    "tabular.not_xls_damaged": (
        "{file} is not an Excel 97-2003 .xls workbook (the file is damaged); open it in Excel or"
        " WPS and save it as .xlsx"
    ),
    "tabular.not_ods": (
        "{file} is not an OpenDocument .ods spreadsheet; open it in LibreOffice, WPS or Excel and"
        " save it as .ods or .xlsx"
    ),
    "tabular.not_ods_text": (
        "{file} is not an OpenDocument .ods spreadsheet (it looks like a text file); open it in"
        " LibreOffice, WPS or Excel and save it as .ods or .xlsx"
    ),
    "tabular.not_ods_damaged": (
        "{file} is not an OpenDocument .ods spreadsheet (the file is damaged); open it in"
        " LibreOffice, WPS or Excel and save it as .ods or .xlsx"
    ),
    "tabular.not_ods_too_big": (
        "{file} is not an OpenDocument .ods spreadsheet (it unpacks to more than 1 GB, or a"
        " part of it to more than 256 MB); open it in LibreOffice, WPS or Excel and save it as"
        " .ods or .xlsx"
    ),
    "tabular.ods_too_big": (
        "{file} holds more than {limit:,} cells, too many to read from an .ods at once; delete"
        " the unused rows and columns (Ctrl+End shows the last used cell) or save it as .xlsx"
    ),
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
    # --- language, settings and the CLI's own words (#11)
    "preferences.bad_language": "language {value!r} is not one of: zh, en, auto",
    "preferences.not_saved": "the preferences could not be saved in {path}: {reason}",
    "settings.unknown_key": "there is no setting named {setting!r}; settings: {keys}",
    "cli.bad_limit": "{text!r} is not a number of rows (1 or more)",
    "cli.language_set": "language: {language}",
    "cli.setting_set": "{key} = {value}",
    "cli.settings_heading_key": "setting",
    "cli.ind.revenue": "revenue (priced issues)",
    "cli.ind.gross_margin": "gross margin",
    "cli.ind.margin_rate": "margin rate",
    "cli.ind.gmroi": "GMROI",
    "cli.ind.priced_share": "prices for {share} of COGS",
    "cli.ind.turnover": "turnover (period)",
    "cli.ind.annualized": "turnover (a year)",
    "cli.ind.turnover_days": "turnover days",
    "cli.ind.capital_occupation": "capital occupation",
    "cli.ind.set_current_assets": "set current_assets",
    "cli.ind.loss_rate": "loss rate",
    "cli.ind.stock_value": "stock value",
    "cli.status.ok": "ok",
    "cli.status.low": "low",
    "cli.status.high": "high",
    "cli.alerts.count": "{title}: {n}",
    "cli.chart_written": "chart written to {path}",
    "cli.turnover_note": (
        "{start} to {end} ({days} days); turnover = COGS ÷ average inventory ({average} "
        "average); days = {days} ÷ turnover; annualized total: {annualized}"
    ),
    "cli.abc_class": ("{abc}: {count} item {value}", "{abc}: {count} items {value}"),
    "cli.abc_total": "total consumption {total}; {classes}",
    "cli.abc_joiner": ", ",
    "cli.reorder_rules": (
        "demand over {demand_days} days, service level {level} (z {z}), cover {cover_days} days"
    ),
    "cli.alerts.expired": "Expired",
    "cli.alerts.expiring": ("Expiring within {count} day", "Expiring within {count} days"),
    "cli.alerts.low_stock": "Low stock",
    "cli.alerts.out_of_stock": "Out of stock",
    "cli.alerts.dead_stock": (
        "Dead stock (no issue for {count} day)",
        "Dead stock (no issue for {count} days)",
    ),
    "cli.counted": "line {line}: {sku} at {location} counted {total}",
    "cli.counted_batch": "line {line}: {sku} batch {batch} at {location} counted {total}",
    "cli.export_done": "{items} items, {lines} movement lines, {batches} batches in {seconds} s",
    "cli.settings_heading_value": "value",
    "cli.items_imported": "{created} items created, {updated} updated",
    "cli.opening_imported": (
        "{count} opening batch received on {date}",
        "{count} opening batches received on {date}",
    ),
    "cli.journal_imported": ("{count} movement posted", "{count} movements posted"),
    "cli.stocktake_approved": (
        "stocktake #{id} approved: {count} difference posted",
        "stocktake #{id} approved: {count} differences posted",
    ),
    "cli.stocktake_cancelled": "stocktake #{id} cancelled",
    "cli.stocktake_status.open": "open",
    "cli.stocktake_status.counting": "counting",
    "cli.stocktake_status.in_review": "in review",
    "cli.stocktake_status.approved": "approved",
    "cli.stocktake_status.cancelled": "cancelled",
    "cli.counts_imported": ("{count} count imported", "{count} counts imported"),
    "cli.lines_added": ("{count} line added", "{count} lines added"),
    "cli.demo_built": "demo shop: {items} items, {movements} movements",
    "cli.already_a_shop": "{path} is already a shop file; nothing changed",
    # --- bad input (#14)
    "tabular.csv_unclosed_quote": (
        "a quote opened on this row is never closed, so the rows after it would be read as "
        "one cell; close the quote or remove it"
    ),
    "tabular.mixed_encoding": (
        "this line is not UTF-8 like the lines before it: the file mixes two text encodings; "
        "save it again as UTF-8 (in Excel: CSV UTF-8)"
    ),
    "tabular.encoding_doubtful": (
        "the file is not UTF-8, and read as GB18030 (Chinese) it gives unlikely characters "
        "from this line on; it is probably in a Western encoding: save it again as UTF-8 "
        "(in Excel: CSV UTF-8)"
    ),
    "tabular.header_again": (
        "this row repeats the header of row {first} (two files pasted together?); delete it"
    ),
    "number.decimal_comma": (
        "{what}: {value!r} is ambiguous: use '.' for decimals (1.5) and ',' only between "
        "groups of three digits (1,500)"
    ),
    "date.out_of_range": "{date} is outside the dates a shop file keeps ({first} to {last})",
    "tabular.date_out_of_range": (
        "{date} is outside the dates a shop file keeps ({first} to {last})"
    ),
    "amount.qty_too_large": (
        "a quantity of {qty} is more than one line can hold (at most {limit:,})"
    ),
    "amount.cost_too_large": (
        "a unit cost of {cost} is more than the shop file can hold (at most {limit:,})"
    ),
    "amount.value_too_large": (
        "the line would be worth {value}, more than one line can hold (at most {limit:,})"
    ),
    "cli.not_an_id": "{text!r} is not a record number (a whole number from 1)",
    "db.is_folder": "{path} is a folder, not a shop file; name the .db file inside it",
    "db.table_missing": (
        "{name} is damaged: it lacks part of its data ({tables}). Restore it from a backup "
        "(File > Restore from backup)."
    ),
    "file.name_too_long": (
        "the name {name} is too long for the disk (at most 255 bytes a name); choose a shorter one"
    ),
    "file.no_permission": (
        "{path} cannot be used: you have no permission ({problems}); ask the computer's owner, "
        "or use a folder of your own"
    ),
    "file.is_folder": "{path} is a folder, not a file; choose a file name",
    "file.no_folder": "the folder of {path} does not exist or is not a folder ({problems})",
    "file.os_error": "{path} cannot be used ({problems})",
    "export.target_is_folder": "{name} is a folder; give the export a file name ending in .xlsx",
    "export.name_too_long": (
        "the name {name} is too long for the disk; keep it under {limit} characters"
    ),
    "export.disk_full": "the disk is full; {name} was not written (nothing was left behind)",
    "catalog.sku_hidden_character": (
        "the code has a character nobody can see or type at position {position} ({code}); "
        "retype the code"
    ),
    "catalog.name_control_character": (
        "the name has a control character (such as NUL); retype the name"
    ),
    "tabular.sheet_too_wide": (
        "{file}: sheet '{sheet}' is used across to column {last_column}, more than the"
        " {max_columns} columns allowed; delete the unused columns (Ctrl+End shows the last"
        " used cell)"
    ),
    # --- desktop rough edges (#11)
    "ledger.nothing_to_reverse": "document {document_id} has no line left to reverse",
    "ledger.no_such_document": "document {document_id} does not exist",
    # --- buying (#15)
    "suppliers.code_empty": "the supplier code is empty",
    "suppliers.code_invalid": (
        "supplier code {code!r} is too long (at most {max}) or has tabs or line breaks"
    ),
    "suppliers.name_empty": "supplier {code} needs a name",
    "suppliers.name_too_long": "the name of supplier {code} is longer than {max} characters",
    "suppliers.lead_time_invalid": "lead time {value!r} is not a whole number of days (0 or more)",
    "suppliers.code_taken": "supplier code {code} is already used; choose another code",
    "suppliers.unknown": ("no supplier has the code {code}; add the supplier first"),
    "units.factor_not_positive": "a pack holds more than 0 stock units, not {value}",
    "units.qty_not_exact": (
        "{qty} packs of {factor} stock units is not a quantity with at most 3 decimals; type it"
        " in stock units"
    ),
    "units.barcode_taken": "barcode {barcode} is already used by an item or another pack",
    "units.pack_exists": "the item already has a pack named {pack}",
    "units.unknown_pack": (
        "{sku} has no pack named {pack}; add the pack and its factor to the item first"
    ),
    "units.pack_name_invalid": "a pack name has 1 to {max} characters, not {pack!r}",
    "units.pack_is_stock_unit": "{pack} is the stock unit of {sku}, not a pack",
    "po.unknown": "there is no purchase order {id}",
    "po.not_draft": "purchase order {id} is {status}: only a draft order can be changed",
    "po.empty": "purchase order {id} has no lines; add a line before sending it",
    "po.not_open": (
        "purchase order {id} is {status}: goods can be received only against a sent order"
    ),
    "po.not_on_order": "{sku} is not on purchase order {id}",
    "po.over_receipt": (
        "{sku}: {qty} more would make {received} received against {ordered} ordered on order {id};"
        " allow over-receipt to take it"
    ),
    "po.closed": "purchase order {id} is {status} and cannot be cancelled",
    "po.reason_empty": "say why the order is cancelled (a reason is required)",
    "po.qty_not_positive": "the quantity ordered must be more than 0, not {qty}",
    "po.unknown_status": "status is one of {choices}, not {status!r}",
    "po.export_format": "{name}: a purchase order is exported as .pdf or .xlsx",
    "po.export_failed": "the purchase order could not be written: {reason}",
    "gs1.empty": "the scan is empty",
    "gs1.unknown_ai": (
        "{scan}: {ai} is not an application identifier this app reads (01, 10, 17, 30, 37 ...)"
    ),
    "gs1.bad_field": "{scan}: the data after ({ai}) is missing, too long or not digits",
    "gs1.bad_check_digit": "GTIN {gtin} has a wrong check digit: scan it again",
    "gs1.bad_date": "{scan}: the expiry {value} is not a date (YYMMDD)",
    "gs1.unknown_gtin": "no item or pack has the barcode {gtin}",
    "cli.receive_needs_item": "a receipt needs {missing} (or a --scan that carries it)",
    "labels.copies": "print 1 or more copies of each label, not {copies}",
    "labels.no_batch": "{sku} holds no batch {batch} to label",
    "labels.layout": "labels are laid out as {choices}, not {layout!r}",
    # --- demand (#16)
    "demand.action.reorder": "reorder",
    "demand.action.reduce_order": "reduce the order size",
    "demand.action.stop_reordering": "stop reordering",
    "demand.action.mark_down": "mark it down before it expires",
    "demand.action.return_to_supplier": "return it to the supplier",
    "demand.action.bundle": "bundle it with a fast seller",
    "demand.unknown_margin_by": "margin is by {choices}, not {by!r}",
    "demand.nothing_to_set": (
        "item set {sku}: say what to set: --price, --no-price, --no-reorder or --reorder"
    ),
    "demand.price_on_issue_only": (
        "{sku}: a selling price goes on an issue line only (a sale), not on this movement"
    ),
    "demand.reorder_order": (
        "forecast {demand} over the {lead}-day lead time, ±{safety} at {level} %, {on_hand} on"
        " hand, {on_order} on order → order {order} {unit}"
    ),
    "demand.reorder_enough": (
        "forecast {demand} over the {lead}-day lead time, ±{safety} at {level} %, {on_hand} on"
        " hand, {on_order} on order: above the reorder point {rop}, no order yet"
    ),
    # --- users and audit (#14)
    "users.sign_in_needed": (
        "sign in first: this shop has users, and only the {roles} may do this"
        " (on the command line: --user NAME, the PIN in INVENTORY_PIN or at the prompt)"
    ),
    "users.role_needed": "only the {roles} may do this; you are signed in as {role}",
    "users.unknown_role": "role {role!r} is not owner, clerk or accountant",
    "users.empty_name": "a user needs a name",
    "users.first_must_be_owner": "the shop's first user must be its owner (--role owner)",
    "users.name_taken": "there is already a user named {name}",
    "users.unknown": "there is no user named {name}",
    "users.last_owner": "{name} is the last owner; add another owner before disabling {name}",
    "users.wait": "too many wrong PINs for {name}: try again in {seconds} s",
    "users.cannot_sign_in": "{name} cannot sign in: no such user, or the user is disabled",
    "users.wrong_pin": "wrong PIN for {name}",
    "users.wrong_pin_wait": (
        "wrong PIN for {name} ({tries} in a row): wait {seconds} s before trying again"
    ),
    "users.pin_too_short": "a PIN has at least 4 characters",
    "users.pin_too_long": "a PIN has at most 64 characters",
    "users.pin_spaces": "a PIN cannot begin or end with a space",
    "users.pins_differ": "the two PINs differ; nothing was changed",
    "users.pin_needed": "no PIN: set INVENTORY_PIN or type it at the prompt",
    "users.no_users": "this shop has no users yet; add its owner with: user add NAME --role owner",
    # --- stocktake approval by role (#14, r14)
    "stocktake.over_tolerance": (
        "stocktake #{stocktake_id} has {count} line over the tolerance ({lines}): only the"
        " {roles} may approve it; recount it or ask the {roles}",
        "stocktake #{stocktake_id} has {count} lines over the tolerance ({lines}): only the"
        " {roles} may approve it; recount them or ask the {roles}",
    ),
    # --- check's report in the user's language (#14, r14)
    # --- backups and restore (#14, h13)
    "backup.no_destination": "name the file or folder to back up to",
    "backup.not_a_file": (
        "{path} is not a plain file (a folder, a device or a link to one); name a file"
    ),
    "backup.would_overwrite": (
        "{path} already exists and is not a backup of this shop; nothing was changed. Choose"
        " another name, or add --force to replace it"
    ),
    "backup.disk_full": "not enough free space in {folder} for the backup; nothing was written",
    "backup.name_too_long": "the name {name} is too long for the file system; choose a shorter one",
    "backup.no_folder": "the folder {folder} does not exist",
    "backup.cannot_write": "cannot write the backup in {folder} ({reason}); choose another folder",
    "backup.value_mismatch": (
        "the backup did not verify: its stock value is {copied}, the shop's was {expected}"
    ),
    "restore.same_file": "{path} is the shop file itself (or part of it), not a backup of it",
    # --- the last Chinese gaps of the CLI (#11, r11)
    "reorder.why": (
        "average demand {mean}{unit_text}/day over {demand_days} days × lead time {lead} days ="
        " {lead_demand}; + {safety_text} → reorder point {rop}; {decision}"
    ),
    "reorder.why.safety_item": "safety stock {safety} (set on the item)",
    "reorder.why.safety_z": "safety stock {safety} = z {z} × σ {sigma}/day × √{lead} days",
    "reorder.why.have": "on hand {on_hand}",
    "reorder.why.have_on_order": "on hand {on_hand} + on order {on_order}",
    "reorder.why.order": (
        "{have} ≤ {rop}: order {order}{unit_text} to reach {target}"
        " (reorder point + {cover} days of cover)"
    ),
    "reorder.why.enough": "{have} is above the reorder point: no order yet",
    "check.ok": "ok  ",
    "check.fail": "FAIL",
    "check.passed": "all checks passed in {seconds} s",
    "check.failed": "CHECK FAILED in {seconds} s",
    "check.failed_damaged": "CHECK FAILED",
    "check.rule.quick_check": "SQLite quick_check",
    "check.rule.foreign_keys": "foreign keys",
    "check.rule.batch_remaining": "batch remaining = received - allocated",
    "check.rule.empty_batch": "an empty batch holds no value",
    "check.rule.on_hand_batches": "item on hand = its batches",
    "check.rule.on_hand_flows": "item on hand = sum of its monthly flows",
    "check.rule.flows_movements": "monthly flows = movements",
    "check.rule.outgoing_value": "an outgoing movement's value = its allocations",
    "check.rule.receipt_value": "a receipt's value = the batch it created",
    "check.rule.transfer_value": "a transfer moves value, it does not create it",
    "check.rule.value_conserved": (
        "value is conserved: receipts + adjustments - COGS = stock value"
    ),
    "check.rule.drawn_before_arrival": "no batch was drawn before it arrived",
    "check.rule.below_zero": "no batch was ever below zero at the end of a day",
    "check.rule.pinyin": "item pinyin keys = those of its name",
    "check.rule.reversal_once": "a reversal reverses an original, once",
    "check.rule.triggers": "every protecting trigger is in place",
    "check.rule.chain": "posted rows are as posted (tamper-evident chain)",
    "check.trigger_missing": "trigger {name} is missing",
    "check.trigger_changed": "trigger {name} was changed",
    "cli.total": "total",
    "cli.po_heading": "PO {id}  {supplier} {name}  {status}  expected {expected}",
    "po.min_order_note": "; + {packs} {pack} to reach the supplier's minimum order",
}
