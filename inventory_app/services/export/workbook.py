"""The pack's workbook as a file: an empty write-only workbook, its long sheets deflated on a
thread once written (``deflate``), and the save into a zip at zlib's level 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from inventory_app.services.export.deflate import Archive, DeflateAhead

if TYPE_CHECKING:
    from openpyxl import Workbook

ZIP_LEVEL = 1  # see ``save``


def new_workbook(title: str) -> Workbook:
    """An empty write-only workbook that Excel recalculates on opening."""
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    wb = Workbook(write_only=True)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    wb.properties.creator = "inventory_app"
    wb.properties.title = title
    return wb


def deflate_now(ws: object, deflating: dict[str, DeflateAhead]) -> None:
    """Close a written sheet (what follows its rows is set: its file is complete) and
    deflate it on a thread."""
    ws.close()  # type: ignore[attr-defined]
    out = ws._writer.out  # type: ignore[attr-defined]
    deflating[out] = DeflateAhead(out, ZIP_LEVEL)


def save(wb: Workbook, tmp: Path, deflating: dict[str, DeflateAhead]) -> None:
    """``wb.save`` with faster compression: zlib's level 1 instead of its default 6 deflates
    the sheets of a 100k-line month in a third of the time (2.1 s -> 0.6 s) for a file about
    a fifth larger; Excel, WPS and LibreOffice read any deflate level. Sheets in
    ``deflating`` were deflated ahead. An OSError (a full disk) is the caller's to name and
    to free the half-written workbook quietly."""
    from openpyxl.writer.excel import ExcelWriter

    if not wb.worksheets:
        wb.create_sheet()
    wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # as openpyxl
    with Archive(tmp, deflating, ZIP_LEVEL) as archive:
        ExcelWriter(wb, archive).save()
