"""Read an .xlsx workbook, after refusing unsafe, damaged or non-workbook files: with calamine
where it reads the sheet as openpyxl would (``xlsx_scan`` says where), else with openpyxl."""

from __future__ import annotations

import datetime
import re
import zipfile
import zlib
from collections.abc import Callable, Generator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from inventory_app.domain.errors import RowError, ValidationError
from inventory_app.services.tabular.calamine_files import (
    Unreadable,
    calamine,
    load_sheet,
    read_loaded_sheet,
)
from inventory_app.services.tabular.cells import SPACES, Cell, cell_text, strip_spaces
from inventory_app.services.tabular.rows import (
    Column,
    Header,
    RowSource,
    Table,
    column_letter,
    open_error,
    read_rows,
)
from inventory_app.services.tabular.xlsx_scan import plan_sheet, sheet_extent

# Declared uncompressed bytes (a member cannot unpack to more than it declares): a workbook
# past them is refused from its zip directory, in milliseconds, before a byte is unpacked. A
# million-row journal unpacks to some 600 MB; the 1.9 GB one of #14 took 754 s and 6 GB.
_MAX_UNPACKED = 1 << 30
_MAX_PART = 256 << 20  # a part read whole into memory (shared strings, styles)
MAX_COLUMNS = 1000  # the importers read a dozen; a cell at XFD makes every row 16,384 wide
_STREAMED = re.compile(r"(?:xl/worksheets/|content\.xml$)")  # parts read a row at a time


class _Doctype(Exception):
    pass


class _RootReached(Exception):
    pass


def _refuse_doctype(archive: zipfile.ZipFile, name: str) -> None:
    """Raise _Doctype if the XML part declares a DTD (the only place entities can be defined).

    Parses only the prolog, up to the root element, so it is cheap even for a large sheet.
    """

    def on_doctype(*_args: object) -> None:
        raise _Doctype

    def on_element(*_args: object) -> None:
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_element
    with archive.open(name) as part:
        while chunk := part.read(16384):
            try:
                parser.Parse(chunk, False)
            except (_RootReached, expat.ExpatError):
                return  # a malformed part is openpyxl's to report
    try:
        parser.Parse(b"", True)
    except (_RootReached, expat.ExpatError):
        return


OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an OLE2 compound file: an .xls, or a password-protected .xlsx


def file_head(path: Path) -> bytes:
    """The first 4 KB of ``path`` (an ``OSError`` becomes the user's ``ValidationError``)."""
    try:
        with open(path, "rb") as f:
            return f.read(4096)
    except OSError as exc:
        raise open_error(path, exc) from exc


def looks_like_text(head: bytes) -> bool:
    return b"\x00" not in head and head.strip() != b""


def check_workbook_file(path: Path) -> None:
    """Refuse what openpyxl should not parse: non-zip files, zip bombs, DTDs in any XML part."""
    head = file_head(path)
    if head.startswith(OLE_MAGIC):
        raise ValidationError("tabular.not_workbook_xls", file=path.name)
    if not head.startswith(b"PK"):
        code = "tabular.not_workbook_text" if looks_like_text(head) else "tabular.not_workbook"
        raise ValidationError(code, file=path.name)
    check_archive(
        path, too_big="tabular.not_workbook_too_big", damaged="tabular.not_workbook_damaged"
    )


def check_archive(path: Path, *, too_big: str, damaged: str) -> None:
    """Refuse a zip bomb (code ``too_big``), a damaged zip (``damaged``) and a DTD in any
    part (``tabular.workbook_hostile``): what an .xlsx and an .ods are checked for."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > _MAX_UNPACKED or any(
                m.file_size > _MAX_PART and not _STREAMED.match(m.filename) for m in members
            ):
                raise ValidationError(too_big, file=path.name)
            if any(m.flag_bits & 0x1 for m in members):  # a member encrypted with a password
                raise ValidationError("tabular.workbook_password", file=path.name)
            for member in members:  # every part: a sheet need not be named .xml
                if not member.is_dir():
                    _refuse_doctype(archive, member.filename)
    except _Doctype:
        raise ValidationError("tabular.workbook_hostile", file=path.name) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        ValueError,
        RuntimeError,
    ) as exc:
        raise ValidationError(damaged, file=path.name) from exc
    except OSError as exc:
        raise open_error(path, exc) from exc


def _number(value: int | float) -> int | Decimal:
    if type(value) is int:
        return value
    return Decimal(repr(value))  # shortest round trip: Excel's 56.920000000000002 -> 56.92


def _date_value(value: object) -> Cell:
    if isinstance(value, datetime.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date()
        return value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value)  # a duration


def _formula_text(value: object) -> str:
    text = getattr(value, "text", value)  # ArrayFormula / DataTableFormula carry .text
    return str(text if text is not None else "=")


class _XlsxRows(RowSource):
    def __init__(self, path: Path, worksheet: Any) -> None:
        self.source = path.name
        self.path = path
        self.ws = worksheet
        self.sheet_rows = worksheet.max_row or 0

    def numbered_rows(self) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
        # Ignore the stored dimension: some writers store a wrong one, and openpyxl would cut
        # the rows and columns to it.
        self.ws.reset_dimensions()
        it = iter(self.ws.iter_rows())
        number = 0
        while True:
            try:
                cells = next(it)
            except StopIteration:
                return
            except Exception as exc:
                if (error := _openpyxl_problem(self.path, exc)) is None:
                    raise
                raise error from exc
            # openpyxl fills gaps with empty rows; a cell's own row number is the surer count.
            number = (cells and getattr(cells[-1], "row", None)) or number + 1
            yield number, cells

    def is_blank(self, raw: tuple[Any, ...]) -> bool:
        for cell in raw:
            value = cell.value
            if value is not None and (not isinstance(value, str) or strip_spaces(value)):
                return False
        return True

    def header_texts(self, raw: tuple[Any, ...]) -> list[str | None]:
        texts: list[str | None] = []
        for cell in raw:
            value, kind = cell.value, cell.data_type
            if value is None:
                texts.append(None)
            elif kind == "f":
                texts.append(_formula_text(value))
            elif isinstance(value, str):
                texts.append(strip_spaces(value) or None)
            elif kind == "n":
                texts.append(cell_text(_number(value)))
            else:
                texts.append(str(_date_value(value) if kind == "d" else value))
        return texts

    def header_cell_problems(self, number: int, raw: tuple[Any, ...], width: int) -> list[RowError]:
        return [
            RowError(number, column_letter(i), _formula_text(cell.value), "tabular.header_formula")
            for i, cell in enumerate(raw[:width])
            if cell.data_type == "f"
        ]

    def prepare(self, header: Header) -> None:
        self.mapping = header.mapping
        self.headers = header.headers

    def convert(
        self, number: int, raw: tuple[Any, ...], errors: list[RowError]
    ) -> dict[str, Cell] | None:
        n = len(raw)
        values: dict[str, Cell] = {}
        seen = False
        for key, i in self.mapping:
            value = raw[i].value if i < n else None
            if value is not None:
                kind = raw[i].data_type
                if kind == "s":
                    value = value.strip(SPACES) or None
                elif kind == "n":
                    value = _number(value)
                elif kind == "d":
                    value = _date_value(value)
                else:
                    value = self._odd_cell(number, key, raw[i], errors)
                seen = seen or value is not None
            values[key] = value
        if not seen and self.is_blank(raw):
            return None
        return values

    def _odd_cell(self, number: int, key: str, cell: Any, errors: list[RowError]) -> Cell:
        kind, value = cell.data_type, cell.value
        if kind == "b":
            return "TRUE" if value else "FALSE"
        header = self.headers[key]
        if kind == "f":
            errors.append(RowError(number, header, _formula_text(value), "tabular.cell_formula"))
        elif kind == "e":
            params = {"error": str(value)}
            errors.append(RowError(number, header, str(value), "tabular.cell_excel_error", params))
        else:
            errors.append(RowError(number, header, str(value), "tabular.cell_unreadable"))
        return None

    def total_estimate(self, number: int) -> int:
        return self.sheet_rows


def read_xlsx(
    path: Path,
    columns: Sequence[Column],
    *,
    sheet: str | None,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    """Read one worksheet of a workbook that ``check_workbook_file`` accepts (cells as typed:
    numbers exact, dates as dates; formulas and Excel errors are row problems)."""
    check_workbook_file(path)
    _check_extent(path, sheet, max_rows=max_rows)
    table = _read_with_calamine(
        path, columns, sheet=sheet, max_rows=max_rows, progress=progress, cancel=cancel
    )
    if table is not None:
        return table
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        if (error := _openpyxl_problem(path, exc)) is None:
            raise
        raise error from exc
    try:
        worksheet = _pick_sheet(path, workbook, sheet)
        if worksheet.max_row and worksheet.max_row - (worksheet.min_row or 1) > max_rows:
            raise ValidationError(
                "tabular.sheet_too_long",
                file=path.name,
                sheet=worksheet.title,
                last_row=worksheet.max_row,
                max_rows=max_rows,
            )
        rows = _XlsxRows(path, worksheet)
        return read_rows(rows, columns, max_rows=max_rows, progress=progress, cancel=cancel)
    finally:
        workbook.close()


def _check_extent(path: Path, sheet: str | None, *, max_rows: int) -> None:
    """Refuse a sheet used down past ``max_rows`` (and a few title rows) or across more than
    ``MAX_COLUMNS``, from its XML before a row is built (``xlsx_scan.sheet_extent``)."""
    extent = sheet_extent(path, sheet)
    if extent is None:
        return
    name, last_row, last_col = extent
    if last_row > max_rows + _TITLE_ROWS:
        raise ValidationError(
            "tabular.sheet_too_long", file=path.name, sheet=name, last_row=last_row,
            max_rows=max_rows,
        )  # fmt: skip
    if last_col > MAX_COLUMNS:
        raise ValidationError(
            "tabular.sheet_too_wide", file=path.name, sheet=name,
            last_column=column_letter(last_col - 1), max_columns=MAX_COLUMNS,
        )  # fmt: skip


_TITLE_ROWS = 100  # rows above the header a sheet may have besides its data rows


def _read_with_calamine(
    path: Path,
    columns: Sequence[Column],
    *,
    sheet: str | None,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table | None:
    """The sheet read by calamine, or None where openpyxl is to read it: calamine is not
    installed, cannot read the file, or the sheet holds what it reads differently
    (``xlsx_scan``)."""
    if calamine() is None:
        return None
    plan = plan_sheet(path, sheet)
    if plan is None:
        return None
    if plan.dimension_rows is not None:  # openpyxl's refusal, from the stored dimension
        first, last = plan.dimension_rows
        if last - first > max_rows:
            raise ValidationError(
                "tabular.sheet_too_long",
                file=path.name,
                sheet=plan.name,
                last_row=last,
                max_rows=max_rows,
            )
    try:
        loaded = load_sheet(path, plan.name)
    except Unreadable:
        return None
    return read_loaded_sheet(
        path.name, loaded, columns, max_rows=max_rows, progress=progress, cancel=cancel
    )


def _openpyxl_problem(path: Path, exc: Exception) -> ValidationError | None:
    """What an exception raised inside openpyxl means to the user; None if it is not about
    the file (a bug to let through)."""
    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    cause: BaseException | None = exc
    while cause is not None:  # openpyxl re-raises parse errors as ValueError "from" them
        if isinstance(cause, DefusedXmlException):
            return ValidationError("tabular.workbook_hostile", file=path.name)
        cause = cause.__cause__ or cause.__context__
    # Within openpyxl's calls, these mean a damaged or odd file rather than a bug of ours.
    broken = (zipfile.BadZipFile, zlib.error, EOFError, ParseError, InvalidFileException)
    broken += (KeyError, IndexError, ValueError, TypeError, AttributeError, NotImplementedError)
    if isinstance(exc, broken):
        return ValidationError("tabular.not_workbook_damaged", file=path.name)
    if isinstance(exc, OSError):
        return open_error(path, exc)
    return None


def _pick_sheet(path: Path, workbook: Any, sheet: str | None) -> Any:
    sheets = workbook.worksheets  # chartsheets excluded
    if not sheets:
        raise ValidationError("tabular.no_worksheets", file=path.name)
    if sheet is None:
        return next((ws for ws in sheets if ws.sheet_state == "visible"), sheets[0])
    wanted = sheet.strip().casefold()
    for exact in (True, False):
        for ws in sheets:
            if ws.title == sheet if exact else ws.title.strip().casefold() == wanted:
                return ws
    names = ", ".join(f"'{ws.title}'" for ws in sheets)
    raise ValidationError("tabular.no_such_sheet", file=path.name, sheet=sheet, sheets=names)
