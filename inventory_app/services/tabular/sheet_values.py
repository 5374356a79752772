"""Whole sheets as plain values, for a reader that finds cells by place (the stocktake's count
sheet): what openpyxl's ``load_workbook(data_only=True)`` gives, read by calamine wherever it
reads the same (any .xls and .ods; an .xlsx sheet that ``xlsx_scan`` passes).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventory_app.domain.errors import ValidationError
from inventory_app.services.tabular.calamine_files import (
    Unreadable,
    calamine,
    open_book,
    sheet_of,
)
from inventory_app.services.tabular.xls_ods_files import check_ods_file, check_xls_file
from inventory_app.services.tabular.xlsx_files import check_workbook_file
from inventory_app.services.tabular.xlsx_scan import plan_sheet

_EXACT = 10**16  # as in calamine_files


@dataclass(frozen=True, slots=True)
class SheetValues:
    """One sheet's values from row 1 and column 1: None for empty, whole numbers as int, other
    numbers as float, dates as datetime, text as written (not stripped)."""

    name: str
    rows: list[tuple[Any, ...]]
    max_column: int

    def value(self, row: int, column: int) -> Any:
        """The value at ``row``, ``column`` (1-based; None beyond the used area)."""
        if 0 < row <= len(self.rows) and 0 < column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None

    def rows_from(self, first_row: int, width: int) -> Iterator[tuple[Any, ...]]:
        """The rows from ``first_row`` (1-based) to the last used one, each ``width`` wide."""
        for row in self.rows[first_row - 1 :]:
            yield (row + (None,) * width)[:width] if len(row) != width else row


def read_sheet_values(path: Path, names: Sequence[str]) -> dict[str, SheetValues]:
    """The sheets of the workbook at ``path`` named exactly ``names`` that it has.

    .xls and .ods files are read by calamine; anything else is taken for an .xlsx and refused
    as ``check_workbook_file`` refuses, then read by calamine or, where a sheet holds an Excel
    error or is too big (or calamine is missing or fails), by openpyxl, whose own exception
    passes for a file it cannot load.
    """
    suffix = path.suffix.lower()
    if suffix == ".ods":
        check_ods_file(path)
        return _with_calamine(path, names, damaged="tabular.not_ods_damaged")
    if suffix == ".xls":
        check_xls_file(path)
        return _with_calamine(path, names, damaged="tabular.not_xls_damaged")
    check_workbook_file(path)
    if calamine() is not None and all(
        plan_sheet(path, name, cached_values=True) is not None for name in names
    ):
        try:
            return _calamine_sheets(path, names)
        except Unreadable:
            pass
    return _with_openpyxl(path, names)


def _with_calamine(path: Path, names: Sequence[str], *, damaged: str) -> dict[str, SheetValues]:
    if calamine() is None:
        raise ValidationError("tabular.needs_calamine", file=path.name)
    try:
        return _calamine_sheets(path, names)
    except Unreadable as exc:
        code = "tabular.workbook_password" if exc.password else damaged
        raise ValidationError(code, file=path.name) from exc


def _calamine_sheets(path: Path, names: Sequence[str]) -> dict[str, SheetValues]:
    book = open_book(path)
    try:
        present = [name for name in names if name in book.sheet_names]
        return {name: _from_calamine(sheet_of(book, name)) for name in present}
    finally:
        book.close()


def _value(value: Any) -> Any:
    kind = value.__class__
    if kind is str:
        return value or None
    if kind is float:
        return int(value) if value.is_integer() and -_EXACT < value < _EXACT else value
    if kind is datetime.date:
        return datetime.datetime.combine(value, datetime.time())
    return value


def _from_calamine(sheet: Any) -> SheetValues:
    start = sheet.start
    if start is None:  # an empty sheet (its iter_rows() would panic)
        return SheetValues(sheet.name, [], 0)
    pad = (None,) * start[1]
    return _used(sheet.name, [pad + tuple(map(_value, row)) for row in sheet.iter_rows()])


def _with_openpyxl(path: Path, names: Sequence[str]) -> dict[str, SheetValues]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True)
    out = {}
    for name in names:
        if name in workbook.sheetnames:
            ws = workbook[name]
            rows = ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True)
            out[name] = _used(name, list(rows))
    return out


def _used(name: str, rows: list[tuple[Any, ...]]) -> SheetValues:
    """The rows up to the last with a value, each cut after its last value: openpyxl's
    rows run on over cells that are only formatted, calamine's stop at the values."""
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max(
        (max((i + 1 for i, v in enumerate(r) if v is not None), default=0) for r in rows), default=0
    )
    return SheetValues(name, [row[:width] for row in rows], width)
