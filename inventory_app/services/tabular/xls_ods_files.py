"""Read .xls (Excel 97-2003) and .ods (OpenDocument) workbooks with calamine, after refusing
what is not one. openpyxl reads neither, so without python-calamine they are refused.

What calamine cannot tell in these formats is taken as it comes: a formula gives its cached
value (Excel, WPS and LibreOffice always store one) and an Excel error cell reads as empty.
An .xls holds at most 65,536 x 256 cells, which bounds calamine's table of it; an .ods is a zip
of XML like an .xlsx and gets the same zip-bomb and DTD refusals, then its size is estimated
before calamine expands its repeated rows and cells (``ods_scan``).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inventory_app.domain.errors import ValidationError
from inventory_app.services.tabular.calamine_files import (
    CalamineRows,
    Unreadable,
    calamine,
    open_book,
    sheet_of,
)
from inventory_app.services.tabular.ods_scan import dense_cells
from inventory_app.services.tabular.rows import Column, Table, open_error, read_rows
from inventory_app.services.tabular.xlsx_files import (
    OLE_MAGIC,
    check_archive,
    file_head,
    looks_like_text,
)
from inventory_app.services.tabular.xlsx_scan import CELL_LIMIT

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"  # (-template for .ots)
_MAX_CONTENT = 1 << 30  # content.xml bytes measured in memory; LibreOffice writes ~90 per cell

ProgressFn = Callable[[int, int], None] | None
CancelFn = Callable[[], bool] | None


def read_xls(
    path: Path,
    columns: Sequence[Column],
    *,
    sheet: str | None,
    max_rows: int,
    progress: ProgressFn,
    cancel: CancelFn,
) -> Table:
    """Read one worksheet of an .xls."""
    check_xls_file(path)
    loaded = load_named_sheet(path, sheet, damaged="tabular.not_xls_damaged")
    return _read(path, loaded, columns, max_rows=max_rows, progress=progress, cancel=cancel)


def read_ods(
    path: Path,
    columns: Sequence[Column],
    *,
    sheet: str | None,
    max_rows: int,
    progress: ProgressFn,
    cancel: CancelFn,
) -> Table:
    """Read one worksheet of an .ods spreadsheet."""
    check_ods_file(path)
    loaded = load_named_sheet(path, sheet, damaged="tabular.not_ods_damaged")
    return _read(path, loaded, columns, max_rows=max_rows, progress=progress, cancel=cancel)


def check_xls_file(path: Path) -> None:
    """Refuse what is not an .xls (an OLE2 compound file); its streams are calamine's to
    read (a damaged one is refused then)."""
    head = file_head(path)
    if head.startswith(b"PK"):  # neither reader opens a zip by an .xls name
        raise ValidationError("tabular.xls_is_xlsx", file=path.name)
    if not head.startswith(OLE_MAGIC):
        code = "tabular.not_xls_text" if looks_like_text(head) else "tabular.not_xls"
        raise ValidationError(code, file=path.name)


def check_ods_file(path: Path) -> None:
    """Refuse what calamine should not read as an .ods: not a zip of an OpenDocument
    spreadsheet, a zip bomb, a DTD in any part, or more than ``CELL_LIMIT`` cells."""
    head = file_head(path)
    if not head.startswith(b"PK"):
        code = "tabular.not_ods_text" if looks_like_text(head) else "tabular.not_ods"
        raise ValidationError(code, file=path.name)
    check_archive(path, too_big="tabular.not_ods_too_big", damaged="tabular.not_ods_damaged")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" not in names or not archive.read("mimetype").startswith(ODS_MIMETYPE):
                raise ValidationError("tabular.not_ods", file=path.name)
            if archive.getinfo("content.xml").file_size > _MAX_CONTENT:
                raise ValidationError("tabular.ods_too_big", file=path.name, limit=CELL_LIMIT)
            cells = dense_cells(archive.read("content.xml"))
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError) as exc:
        raise ValidationError("tabular.not_ods_damaged", file=path.name) from exc
    except OSError as exc:
        raise open_error(path, exc) from exc
    if cells > CELL_LIMIT:
        raise ValidationError("tabular.ods_too_big", file=path.name, limit=CELL_LIMIT)


def load_named_sheet(path: Path, sheet: str | None, *, damaged: str) -> Any:
    """The chosen worksheet (as ``xlsx_files`` chooses), loaded by calamine; its failures
    are ``damaged`` (or a password refusal)."""
    if calamine() is None:
        raise ValidationError("tabular.needs_calamine", file=path.name)
    try:
        book = open_book(path)
    except Unreadable as exc:
        code = "tabular.workbook_password" if exc.password else damaged
        raise ValidationError(code, file=path.name) from exc
    try:
        name = _pick_sheet(path, book.sheets_metadata, sheet)
        return sheet_of(book, name)
    except Unreadable as exc:
        raise ValidationError(damaged, file=path.name) from exc
    finally:
        book.close()


def _pick_sheet(path: Path, metadata: list[Any], sheet: str | None) -> str:
    module = calamine()
    assert module is not None
    sheets = [m for m in metadata if m.typ == module.SheetTypeEnum.WorkSheet]
    if not sheets:
        raise ValidationError("tabular.no_worksheets", file=path.name)
    if sheet is None:
        visible = module.SheetVisibleEnum.Visible
        return next((m.name for m in sheets if m.visible == visible), sheets[0].name)
    wanted = sheet.strip().casefold()
    for exact in (True, False):
        for m in sheets:
            if m.name == sheet if exact else m.name.strip().casefold() == wanted:
                return m.name
    names = ", ".join(f"'{m.name}'" for m in sheets)
    raise ValidationError("tabular.no_such_sheet", file=path.name, sheet=sheet, sheets=names)


def _read(
    path: Path,
    loaded: Any,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: ProgressFn,
    cancel: CancelFn,
) -> Table:
    rows = CalamineRows(path.name, loaded)
    first = loaded.start[0] + 1 if loaded.start else 1
    if rows.last_row - first > max_rows:  # as openpyxl refuses an .xlsx from its dimension
        raise ValidationError(
            "tabular.sheet_too_long",
            file=path.name,
            sheet=loaded.name,
            last_row=rows.last_row,
            max_rows=max_rows,
        )
    return read_rows(rows, columns, max_rows=max_rows, progress=progress, cancel=cancel)
