"""Count sheets (.xlsx out to paper or Excel, and back in) and the stocktake report (.xlsx).

A count sheet carries its stocktake id twice: in a header cell people see and in a very
hidden sheet. The count sheet is protected except for the cells to fill in, so its layout
stays as exported; a sheet of another stocktake, or one whose layout was changed, is
refused. An import is validated as a whole (row-level errors, nothing recorded on any
problem). openpyxl is imported lazily.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
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
from inventory_app.services import catalog
from inventory_app.services import stocktake as st
from inventory_app.services.stocktake import reading
from inventory_app.services.tabular.table import (
    cell_decimal,
    cell_shown,
    cell_text,
    check_workbook_file,
)
from inventory_app.storage import stocktakes as q
from inventory_app.storage.db import Database

MARK = "inventory_app stocktake sheet"
VERSION = 1
SHEET = "Count sheet"
META = "_stocktake"
HEADER_ROW = 6
FOUND_ROWS = 20  # empty rows at the end for items found that are not on the sheet
COLUMNS = (
    "Line",
    "Location",
    "SKU",
    "Name",
    "Unit",
    "Batch",
    "Expiry",
    "Expected",
    "Counted",
    "Counter",
    "Note",
)


def columns(*, blind: bool) -> tuple[str, ...]:
    """The header of a count sheet: blind sheets have no Expected column."""
    return tuple(c for c in COLUMNS if not (blind and c == "Expected"))


def _style(ws: Any, row: int, *, bold: bool = False, fill: str | None = None) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in ws[row]:
        if bold:
            cell.font = Font(bold=True)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def export_sheet(db: Database, stocktake_id: int, path: str | Path) -> Path:
    """Write the count sheet of an open stocktake, sorted by location and item, with an
    empty Counted column; blind stocktakes leave out the expected quantities."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, Protection

    rv = st.review(db, stocktake_id)
    info = rv.stocktake
    if not info.open:
        raise RefusedOperation(f"stocktake #{stocktake_id} is {info.state}; it takes no counts")
    cols = columns(blind=info.blind)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = f"Stocktake #{info.id}: {info.name}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "Stocktake id", info.id
    ws["D2"], ws["E2"] = "Scope", info.scope
    ws["A3"], ws["D3"] = "Counter", "Started"
    ws["E3"] = info.started_at
    ws["B3"].protection = Protection(locked=False)
    ws["A4"] = (
        "Blind count: write what you find. " if info.blind else ""
    ) + "Fill in Counted (and Counter); leave Counted empty for lines you did not count."
    ws.append([])
    ws.append(list(cols))
    _style(ws, HEADER_ROW, bold=True, fill="DDEBF7")
    editable = {cols.index(c) + 1 for c in ("Counted", "Counter", "Note")}
    found_editable = editable | {cols.index(c) + 1 for c in ("Location", "SKU", "Batch")}
    for line in rv.lines:
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
    widths = {
        "Line": 6,
        "Location": 14,
        "SKU": 14,
        "Name": 30,
        "Unit": 6,
        "Batch": 14,
        "Expiry": 12,
        "Expected": 11,
        "Counted": 11,
        "Counter": 12,
        "Note": 24,
    }
    for i, c in enumerate(cols, 1):
        ws.column_dimensions[ws.cell(HEADER_ROW, i).column_letter].width = widths[c]
        fmt = {"Expiry": "yyyy-mm-dd", "Expected": "#,##0.###", "Counted": "#,##0.###"}.get(c)
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
    meta = wb.create_sheet(META)
    for row in (
        (MARK, VERSION),
        ("stocktake_id", info.id),
        ("blind", int(info.blind)),
        ("lines", len(rv.lines)),
        ("columns", "|".join(cols)),
    ):
        meta.append(list(row))
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    out = Path(path)
    try:
        wb.save(out)
    except OSError as exc:
        raise RefusedOperation(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


@dataclass(frozen=True, slots=True)
class SheetImport:
    changes: Changes
    counts: int  # counts recorded
    added_lines: int  # lines for items or batches found that were not on the sheet


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    line_id: int | None
    location: str
    sku: str
    batch: str
    qty: Decimal
    counter: str


def import_sheet(
    db: Database, stocktake_id: int, path: str | Path, *, counter: str = ""
) -> SheetImport:
    """Record the counts of a filled-in count sheet (all or nothing). Counts add to those
    already recorded, like a further counter's; the same sheet is not taken twice."""
    from openpyxl import load_workbook

    path = Path(path)
    check_workbook_file(path)
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ValidationError(f"{path.name} cannot be read as a workbook: {exc}") from None
    rv = st.review(db, stocktake_id)
    info = rv.stocktake
    if not info.open:
        raise RefusedOperation(f"stocktake #{stocktake_id} is {info.state}; it takes no counts")
    ws = _check_sheet(wb, path, info)
    rows, errors = _read_rows(ws, info, default_counter=counter.strip() or _sheet_counter(ws))
    lines = {x.line_id: x for x in rv.lines}
    for r in rows:
        if r.line_id is None:
            continue
        line = lines.get(r.line_id)
        if line is None:
            errors.append(RowError(r.number, "Line", str(r.line_id), "no such line"))
        elif (line.sku.casefold(), line.location.casefold(), line.batch.casefold()) != (
            r.sku.casefold(),
            r.location.casefold(),
            r.batch.casefold(),
        ):
            errors.append(RowError(r.number, "SKU", r.sku, f"does not match line {r.line_id}"))
    for r in rows:
        if r.line_id is None and catalog.find_item(db, r.sku) is None:
            errors.append(RowError(r.number, "SKU", r.sku, "no item has this code or barcode"))
    if errors:
        raise ImportErrors(sorted(errors, key=lambda e: e.row), source=path.name)
    if not rows:
        raise ValidationError(f"{path.name}: no counts filled in; nothing was imported")
    digest = hashlib.sha256(
        repr(
            [(r.line_id, r.location, r.sku, r.batch, str(r.qty), r.counter) for r in rows]
        ).encode()
    ).hexdigest()
    now = reading._now()
    added = 0
    with db.transaction() as conn:
        row = reading._open_row(conn, stocktake_id)
        done = conn.execute(
            "SELECT imported_at FROM stocktake_imports WHERE stocktake_id = ? AND digest = ?",
            (stocktake_id, digest),
        ).fetchone()
        if done:
            raise RefusedOperation(
                f"{path.name}: these counts were already imported at {done[0]}; nothing changed"
            )
        for r in rows:
            line_id = r.line_id
            if line_id is None:
                try:
                    line_id, *_, was_added = st.resolve_line(
                        conn, row, code=r.sku, batch=r.batch or None, location=r.location or None
                    )
                except InventoryError as exc:
                    errors.append(RowError(r.number, "SKU", r.sku, str(exc)))
                    continue
                added += was_added
            q.insert_count(
                conn,
                line_id=line_id,
                round_=max(q.line_round(conn, line_id), 1),
                qty=money.qty_to_int(r.qty),
                counter=r.counter,
                now=now,
                mark=q.last_movement_id(conn),
                source="sheet",
            )
        if errors:
            raise ImportErrors(errors, source=path.name)
        conn.execute(
            "INSERT INTO stocktake_imports (stocktake_id, file_name, digest, counts, imported_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (stocktake_id, path.name, digest, len(rows), now),
        )
    return SheetImport(Changes(stocktakes=frozenset({stocktake_id})), len(rows), added)


def _check_sheet(wb: Any, path: Path, info: st.StocktakeInfo) -> Any:
    """The count worksheet, after proving the file is a count sheet of this stocktake with
    its layout unchanged."""
    not_ours = ValidationError(
        f"{path.name} is not a count sheet exported by this app; export one with "
        "'stocktake sheet' and fill it in"
    )
    if META not in wb.sheetnames or SHEET not in wb.sheetnames:
        raise not_ours
    meta = wb[META]
    if meta["A1"].value != MARK:
        raise not_ours
    ws = wb[SHEET]
    sheet_id, shown_id = meta["B2"].value, ws["B2"].value
    if sheet_id != info.id or shown_id != sheet_id:
        other = sheet_id if sheet_id != info.id else shown_id
        raise RefusedOperation(
            f"{path.name} is the count sheet of stocktake #{other}, not #{info.id}; "
            "nothing was imported"
        )
    expected = columns(blind=info.blind)
    found = [ws.cell(HEADER_ROW, i).value for i in range(1, max(ws.max_column, len(expected)) + 1)]
    found = [str(v).strip() if v is not None else "" for v in found]
    while found and found[-1] == "" and len(found) > len(expected):
        found.pop()
    if tuple(found) != expected or meta["B5"].value != "|".join(expected):
        where = next(
            (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
            min(len(found), len(expected)),
        )
        got = found[where] if where < len(found) else ""
        want = expected[where] if where < len(expected) else "nothing"
        raise ValidationError(
            f"{path.name}: the layout of the count sheet was changed (row {HEADER_ROW}, "
            f"column {where + 1}: {got!r}, expected {want!r}); export a new sheet and fill "
            "it in without moving columns; nothing was imported"
        )
    return ws


def _sheet_counter(ws: Any) -> str:
    value = ws["B3"].value
    return "" if value is None else str(value).strip()


def _read_rows(ws: Any, info: st.StocktakeInfo, *, default_counter: str):
    cols = columns(blind=info.blind)
    at = {c: i for i, c in enumerate(cols)}
    rows: list[_Row] = []
    errors: list[RowError] = []
    seen: dict[int, int] = {}
    for number, values in enumerate(
        ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(cols), values_only=True),
        HEADER_ROW + 1,
    ):

        def text(col: str, values: tuple = values) -> str:
            v = values[at[col]]
            return "" if v is None or (isinstance(v, str) and not v.strip()) else cell_text(v)

        raw = values[at["Counted"]]
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        line_text, sku = text("Line"), text("SKU")
        try:
            qty = money.parse_qty(cell_decimal(raw), what="count")
            if qty < 0:
                raise ValidationError("a count cannot be negative")
        except InventoryError as exc:
            errors.append(RowError(number, "Counted", cell_shown(raw), str(exc)))
            continue
        line_id = None
        if line_text:
            try:
                line_id = int(Decimal(line_text))
            except ArithmeticError:
                errors.append(RowError(number, "Line", line_text, "not a line number"))
                continue
            if line_id in seen:
                errors.append(
                    RowError(
                        number,
                        "Line",
                        line_text,
                        f"line {line_id} is already on row {seen[line_id]}",
                    )
                )
                continue
            seen[line_id] = number
        elif not sku:
            errors.append(RowError(number, "SKU", "", "a count without an item: fill in SKU"))
            continue
        rows.append(
            _Row(
                number,
                line_id,
                text("Location"),
                sku,
                text("Batch"),
                qty,
                text("Counter") or default_counter or "sheet",
            )
        )
    return rows, errors
