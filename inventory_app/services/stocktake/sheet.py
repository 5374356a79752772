"""Count sheets: .xlsx out to paper or Excel, and back in (as .xlsx, .xls or .ods: saved
again by Excel, WPS or LibreOffice). (The stocktake report is in ``report``.)

A count sheet carries its stocktake id twice: in a header cell people see and in a very
hidden sheet. The count sheet is protected except for the cells to fill in, so its layout
stays as exported; a sheet of another stocktake, or one whose layout was changed, is
refused. An import is validated as a whole (row-level errors, nothing recorded on any
problem). openpyxl is imported lazily; the sheet is read back by ``tabular.read_sheet_values``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventory_app.domain import money
from inventory_app.domain.errors import (
    ImportErrors,
    InventoryError,
    RefusedOperation,
    RowError,
    ValidationError,
)
from inventory_app.domain.model import Changes
from inventory_app.domain.stocktake import scope_label
from inventory_app.services import catalog
from inventory_app.services import stocktake as st
from inventory_app.services.access import record, record_done, require
from inventory_app.services.stocktake import xlsx
from inventory_app.services.stocktake.reading import open_row
from inventory_app.services.stocktake.sheet_format import (
    COLUMNS,
    FORMATS,
    FOUND_ROWS,
    HEADER_ROW,
    MARK,
    META,
    SHEET,
    VERSION,
    WIDTHS,
    SheetRow,
    check_sheet,
    columns,
    read_rows,
    sheet_counter,
)
from inventory_app.services.tabular import SheetValues, read_sheet_values
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Database

# The layout names stay importable from here, where they lived before ``sheet_format``.
__all__ = [
    "COLUMNS",
    "FOUND_ROWS",
    "HEADER_ROW",
    "MARK",
    "META",
    "SHEET",
    "VERSION",
    "SheetImport",
    "columns",
    "export_sheet",
    "import_sheet",
]


def _refuse_closed(info: st.StocktakeInfo) -> None:
    if not info.open:
        raise RefusedOperation(
            "stocktake.takes_no_counts", stocktake_id=info.id, state=info.state.value
        )


# -- out ----------------------------------------------------------------------------------


def export_sheet(db: Database, stocktake_id: int, path: str | Path) -> Path:
    """Write the count sheet of an open stocktake, sorted by location and item, with an
    empty Counted column; blind stocktakes leave out the expected quantities."""
    from openpyxl import Workbook

    actor = require(db, "count")
    rv = st.review(db, stocktake_id)
    info = rv.stocktake
    _refuse_closed(info)
    cols = columns(blind=info.blind)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _write_head(ws, info, cols)
    _write_lines(ws, cols, rv.lines)
    _lay_out(ws, cols)
    _write_meta(wb, info, cols, lines=len(rv.lines))
    saved = xlsx.save(wb, path)
    record_done(db, actor, "export", str(saved), stocktake=stocktake_id, sheet="count sheet")
    return saved


def _write_head(ws: Any, info: st.StocktakeInfo, cols: tuple[str, ...]) -> None:
    """The title, the stocktake id people see, the counter's cell, and the column names."""
    from openpyxl.styles import Font, Protection

    ws["A1"] = f"Stocktake #{info.id}: {info.name}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "Stocktake id", info.id
    ws["D2"], ws["E2"] = "Scope", scope_label(info.scope)
    ws["A3"], ws["D3"] = "Counter", "Started"
    ws["E3"] = info.started_at
    ws["B3"].protection = Protection(locked=False)
    ws["A4"] = (
        "Blind count: write what you find. " if info.blind else ""
    ) + "Fill in Counted (and Counter); leave Counted empty for lines you did not count."
    ws.append([])
    ws.append(list(cols))
    xlsx.style_row(ws, HEADER_ROW, bold=True, fill="DDEBF7")


def _write_lines(ws: Any, cols: tuple[str, ...], lines: list[st.ReviewLine]) -> None:
    """One row per line, then empty rows for stock found that is not on the sheet; only the
    cells to fill in are unlocked."""
    from openpyxl.styles import Protection

    editable = {cols.index(c) + 1 for c in ("Counted", "Counter", "Note")}
    found_editable = editable | {cols.index(c) + 1 for c in ("Location", "SKU", "Batch")}
    for line in lines:
        values: dict[str, object] = {
            "Line": line.line_id,
            "Location": line.location,
            "SKU": line.sku,
            "Name": line.name,
            "Unit": line.unit,
            "Batch": line.batch or None,
            "Expiry": line.expiry,
            "Expected": line.expected_qty,
            "Counted": None,
            "Counter": None,
            "Note": None,
        }
        ws.append([values[c] for c in cols])
        for col in editable:
            ws.cell(ws.max_row, col).protection = Protection(locked=False)
    for _ in range(FOUND_ROWS):
        ws.append([None] * len(cols))
        for col in found_editable:
            ws.cell(ws.max_row, col).protection = Protection(locked=False)


def _lay_out(ws: Any, cols: tuple[str, ...]) -> None:
    """Column widths and number formats, the printed page, and the sheet protection."""
    for i, c in enumerate(cols, 1):
        ws.column_dimensions[ws.cell(HEADER_ROW, i).column_letter].width = WIDTHS[c]
        fmt = FORMATS.get(c)
        if fmt:
            for r in range(HEADER_ROW + 1, ws.max_row + 1):
                ws.cell(r, i).number_format = fmt
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.protection.sheet = True  # no password: it guards the layout, not secrets


def _write_meta(wb: Any, info: st.StocktakeInfo, cols: tuple[str, ...], *, lines: int) -> None:
    """The very hidden sheet that says whose count sheet this is and how it is laid out."""
    meta = wb.create_sheet(META)
    for row in (
        (MARK, VERSION),
        ("stocktake_id", info.id),
        ("blind", int(info.blind)),
        ("lines", lines),
        ("columns", "|".join(cols)),
    ):
        meta.append(list(row))
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


# -- in -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetImport:
    changes: Changes
    counts: int  # counts recorded
    added_lines: int  # lines for items or batches found that were not on the sheet


def import_sheet(
    db: Database, stocktake_id: int, path: str | Path, *, counter: str = ""
) -> SheetImport:
    """Record the counts of a filled-in count sheet (all or nothing). Counts add to those
    already recorded, like a further counter's; the same sheet is not taken twice."""
    actor = require(db, "count")
    counter = counter.strip() or actor.name
    path = Path(path)
    wb = _load(path)
    rv = st.review(db, stocktake_id)
    info = rv.stocktake
    _refuse_closed(info)
    ws = check_sheet(wb, path, info)
    rows, errors = read_rows(ws, info, default_counter=counter.strip() or sheet_counter(ws))
    errors += _line_problems(db, rows, rv.lines)
    if errors:
        raise ImportErrors(sorted(errors, key=lambda e: e.row), source=path.name)
    if not rows:
        raise ValidationError("stocktake.sheet_empty", file=path.name)
    added = _record(db, stocktake_id, rows, file_name=path.name)
    return SheetImport(Changes(stocktakes=frozenset({stocktake_id})), len(rows), added)


def _load(path: Path) -> dict[str, SheetValues]:
    """The count sheet's two sheets that the file has (an .xlsx, .xls or .ods)."""
    try:
        return read_sheet_values(path, (META, SHEET))
    except InventoryError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ValidationError(
            "stocktake.sheet_unreadable", file=path.name, problem=str(exc)
        ) from None


def _line_problems(
    db: Database, rows: list[SheetRow], lines: list[st.ReviewLine]
) -> list[RowError]:
    """Rows whose line is not the stocktake's as exported, and found rows of unknown items."""
    by_id = {x.line_id: x for x in lines}
    errors = []
    for r in rows:
        if r.line_id is None:
            continue
        line = by_id.get(r.line_id)
        if line is None:
            problem = "stocktake.sheet_no_such_line"
            errors.append(
                RowError(r.number, "Line", str(r.line_id), problem, {"line_id": r.line_id})
            )
        elif (line.sku.casefold(), line.location.casefold(), line.batch.casefold()) != (
            r.sku.casefold(),
            r.location.casefold(),
            r.batch.casefold(),
        ):
            problem = "stocktake.sheet_line_mismatch"
            errors.append(RowError(r.number, "SKU", r.sku, problem, {"line_id": r.line_id}))
    for r in rows:
        if r.line_id is None and catalog.find_item(db, r.sku) is None:
            problem = "stocktake.sheet_unknown_item"
            errors.append(RowError(r.number, "SKU", r.sku, problem, {"item_code": r.sku}))
    return errors


def _digest(rows: list[SheetRow]) -> str:
    """What makes a sheet the same sheet again: its counts, not its file."""
    return hashlib.sha256(
        repr(
            [(r.line_id, r.location, r.sku, r.batch, str(r.qty), r.counter) for r in rows]
        ).encode()
    ).hexdigest()


def _record(db: Database, stocktake_id: int, rows: list[SheetRow], *, file_name: str) -> int:
    """Record every row's count in one transaction; returns how many lines were added for
    found stock. A row that cannot be placed rolls back the whole sheet."""
    digest = _digest(rows)
    now = q.stamp()
    added = 0
    errors: list[RowError] = []
    with db.transaction() as conn:
        row = open_row(conn, stocktake_id)
        done = q.sheet_imported_at(conn, stocktake_id, digest)
        if done is not None:
            raise RefusedOperation("stocktake.sheet_already_imported", file=file_name, at=done)
        for r in rows:
            line_id = r.line_id
            if line_id is None:
                try:
                    line_id, *_, was_added = st.resolve_line(
                        conn, row, code=r.sku, batch=r.batch or None, location=r.location or None
                    )
                except InventoryError as exc:
                    errors.append(RowError(r.number, "SKU", r.sku, exc.code, exc.params))
                    continue
                added += was_added
            q.record_count(
                conn,
                line_id,
                round_=max(q.line_round(conn, line_id), 1),
                qty=money.qty_to_int(r.qty),
                counter=r.counter,
                source="sheet",
                at=now,
            )
        if errors:
            raise ImportErrors(errors, source=file_name)
        q.record_sheet_import(
            conn, stocktake_id, file_name=file_name, digest=digest, counts=len(rows), at=now
        )
        record(
            conn, db.actor, "count_sheet", f"stocktake {stocktake_id}", source="import",
            file=file_name, counts=len(rows),
        )  # fmt: skip
    return added
