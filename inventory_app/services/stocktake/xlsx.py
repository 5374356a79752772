"""What the count sheet and the stocktake report share in writing .xlsx: styled rows, and
saving with a plain refusal when the file cannot be written. openpyxl is imported lazily."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inventory_app.domain.errors import RefusedOperation


def style_row(ws: Any, row: int, *, bold: bool = False, fill: str | None = None) -> None:
    """Every cell of ``row`` bold and/or filled with the RGB colour ``fill``."""
    from openpyxl.styles import Font, PatternFill

    for cell in ws[row]:
        if bold:
            cell.font = Font(bold=True)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def save(wb: Any, path: str | Path) -> Path:
    """Save the workbook to ``path``; refused (not a bug) when the OS cannot write it."""
    out = Path(path)
    try:
        wb.save(out)
    except OSError as exc:
        raise RefusedOperation(
            "stocktake.cannot_write", path=str(out), problem=exc.strerror or str(exc)
        ) from exc
    return out
