"""Read a sheet with python-calamine (a Rust reader of .xlsx, .xls and .ods): the rows as the
openpyxl reader of ``xlsx_files`` gives them, some forty times faster.

calamine loads a whole sheet at once and gives every number as a float (an .xls may give an
int), an empty cell as '' and a date cell as a date, datetime, time or timedelta chosen from its
number format, as openpyxl does. ``cell_value`` turns these into the reader's cells: a whole
number below 1e16 is an int (what openpyxl gives for Excel's "12"), any other number an exact
Decimal of its shortest form, a midnight datetime a date. What calamine cannot tell (formulas,
Excel errors) is the callers' to rule out first (``xlsx_scan``) or to accept (.xls/.ods keep a
formula's cached value; an error cell reads as empty).
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable, Generator, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from inventory_app.services.tabular.cells import SPACES, Cell, cell_text
from inventory_app.services.tabular.rows import Column, Header, RowSource, Table, read_rows

# openpyxl writes a whole number below 1e16 as digits ("%.16g"), and reads them as an int
_EXACT = 10**16


def calamine() -> ModuleType | None:
    """The python-calamine module, or None where it is not installed (openpyxl reads then)."""
    try:
        import python_calamine
    except ImportError:
        return None
    return python_calamine


def _number(value: float) -> int | Decimal:
    if value.is_integer() and -_EXACT < value < _EXACT:
        return int(value)
    return Decimal(repr(value))  # shortest round trip: 56.920000000000002 -> 56.92


def _when(value: Any) -> Cell:
    """A date cell as the openpyxl reader gives it: a date, a datetime with a time of day, a
    time as ISO text, a duration as text."""
    if isinstance(value, datetime.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date()
        return value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value)  # a timedelta


def cell_value(value: Any) -> Cell:
    """One calamine value as a reader's cell (None for empty)."""
    kind = value.__class__
    if kind is str:
        return value.strip(SPACES) or None
    if kind is float:
        return _number(value)
    if kind is int:
        return value
    if kind is bool:
        return "TRUE" if value else "FALSE"
    return _when(value)


def header_text(value: Any) -> str | None:
    """A header cell's text as the openpyxl reader shows it."""
    kind = value.__class__
    if kind is str:
        return value.strip(SPACES) or None
    if kind is float:
        return cell_text(_number(value))
    if kind is int or kind is bool:
        return str(value)
    return str(_when(value))


class CalamineRows(RowSource):
    """The rows of one loaded calamine sheet, numbered as the user sees them."""

    def __init__(self, source: str, sheet: Any) -> None:
        self.source = source
        self.sheet = sheet
        start = sheet.start  # (row, column) of the first cell, 0-based; None: an empty sheet
        self.first_column = start[1] if start else 0
        self.last_row = start[0] + sheet.height if start else 0

    def numbered_rows(self) -> Generator[tuple[int, list[Any]], None, None]:
        if self.last_row == 0:
            return  # iter_rows() of an empty sheet would panic
        # iter_rows() starts at row 1 but at the first used column: put back the ones before.
        pad = [""] * self.first_column
        for number, row in enumerate(self.sheet.iter_rows(), 1):
            yield number, (pad + row if pad else row)

    def is_blank(self, raw: list[Any]) -> bool:
        return all(value.__class__ is str and not value.strip(SPACES) for value in raw)

    def header_texts(self, raw: list[Any]) -> list[str | None]:
        return [header_text(value) for value in raw]

    def prepare(self, header: Header) -> None:
        self.keys = [key for key, _ in header.mapping]
        indices = [i for _, i in header.mapping]
        # every row is as wide as the sheet, so one C call picks the wanted cells
        if len(indices) > 1:
            self.pick = operator.itemgetter(*indices)
        else:  # itemgetter of one index gives the cell, not a tuple of it
            self.pick = lambda row: tuple(row[i] for i in indices)

    def convert(self, number: int, raw: list[Any], errors: list[Any]) -> dict[str, Cell] | None:
        values: dict[str, Cell] = {}
        seen = False
        for key, value in zip(self.keys, self.pick(raw), strict=True):
            kind = value.__class__
            if kind is str:
                value = (value.strip(SPACES) or None) if value else None
            elif kind is float:
                value = (
                    int(value)
                    if value.is_integer() and -_EXACT < value < _EXACT
                    else _number(value)
                )
            else:
                value = cell_value(value)
            if value is not None:
                seen = True
            values[key] = value
        if not seen and self.is_blank(raw):
            return None
        return values

    def total_estimate(self, number: int) -> int:
        return self.last_row


def read_loaded_sheet(
    source: str,
    sheet: Any,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    """Read a sheet calamine has loaded (``CalamineWorkbook.get_sheet_by_name``)."""
    rows = CalamineRows(source, sheet)
    return read_rows(rows, columns, max_rows=max_rows, progress=progress, cancel=cancel)


class Unreadable(Exception):
    """calamine could not read the file: its own error, or a panic in its native code."""

    def __init__(self, problem: str, *, password: bool = False) -> None:
        super().__init__(problem)
        self.password = password


def _unreadable(exc: BaseException) -> Unreadable | None:
    """``exc`` raised by calamine as an ``Unreadable``; None for what is not calamine's (Ctrl+C)."""
    # A Rust panic arrives as pyo3's PanicException, a BaseException not importable by name.
    if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
        return None
    return Unreadable(str(exc), password=type(exc).__name__ == "PasswordError")


def open_book(path: Path) -> Any:
    """The workbook at ``path`` opened by calamine (``Unreadable`` if it cannot); close it."""
    module = calamine()
    if module is None:
        raise Unreadable("python-calamine is not installed")
    try:
        return module.CalamineWorkbook.from_path(str(path))
    except BaseException as exc:
        if (problem := _unreadable(exc)) is None:
            raise
        raise problem from exc


def sheet_of(book: Any, name: str) -> Any:
    """The named sheet of an open calamine workbook, loaded (``Unreadable`` if it cannot be)."""
    try:
        return book.get_sheet_by_name(name)
    except BaseException as exc:
        if (problem := _unreadable(exc)) is None:
            raise
        raise problem from exc


def load_sheet(path: Path, name: str) -> Any:
    """The named sheet of the workbook at ``path``, loaded by calamine (``Unreadable``)."""
    book = open_book(path)
    try:
        return sheet_of(book, name)
    finally:
        book.close()
