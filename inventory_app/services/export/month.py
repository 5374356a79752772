"""The accountant's Excel pack: a month (or any period) in one .xlsx.

Sheets: Cover, Summary (per item, category subtotals and the grand total as formulas, a
check column that computes to 0), Movements (every line, one row per batch), Closing stock
(by batch), Stocktakes (variances and reasons), Indicators (turnover, days, capital
occupation, loss rate with healthy ranges). Names in English or Chinese (``lang``).

The figures are the app's: exact numbers from the ledger; the formulas over them compute
to ``reports.period_summary`` to the cent. The file is written to a temporary name and
renamed when complete, so a cancelled or failed export leaves no half-written file.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from inventory_app.domain.errors import Cancelled, ValidationError
from inventory_app.services import settings
from inventory_app.services.export.labels import check_lang, label
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.reports import check_period
from inventory_app.storage.db import Database
from inventory_app.storage.reads.stock import last_of_month

FULL = ("summary", "movements", "closing", "stocktakes", "indicators")
SUMMARY_ONLY = ("summary", "indicators")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    sheets: tuple[str, ...]  # sheet names as written
    items: int  # item rows on the Summary
    movement_lines: int
    batches: int  # Closing stock rows
    stocktake_lines: int
    seconds: float


def month_period(month: str | dt.date) -> tuple[dt.date, dt.date]:
    """'2026-10' (or any date in the month) -> (first day, last day)."""
    if isinstance(month, dt.date):
        first = month.replace(day=1)
    else:
        text = month.strip()
        try:
            first = dt.date.fromisoformat(text + "-01") if len(text) == 7 else None
        except ValueError:
            first = None
        if first is None:
            raise ValidationError("export.not_a_month", month=month)
    return first, last_of_month(first)


def export_month(
    db: Database,
    month: str | dt.date,
    path: str | Path,
    *,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """The month's full pack (``month`` like '2026-10') to ``path`` (.xlsx)."""
    start, end = month_period(month)
    return export_period(
        db, path, start=start, end=end, lang=lang, sheets=FULL, title_key="title.month",
        progress=progress, cancel=cancel,
    )  # fmt: skip


def export_summary(
    db: Database,
    path: str | Path,
    *,
    start: dt.date,
    end: dt.date,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Cover, Summary and Indicators for ``start``..``end`` inclusive (any period)."""
    return export_period(
        db, path, start=start, end=end, lang=lang, sheets=SUMMARY_ONLY,
        title_key="title.period", progress=progress, cancel=cancel,
    )  # fmt: skip


def export_period(
    db: Database,
    path: str | Path,
    *,
    start: dt.date,
    end: dt.date,
    lang: str = "en",
    sheets: tuple[str, ...] = FULL,
    title_key: str = "title.period",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the pack with ``sheets`` (a subset of ``FULL``) for ``start``..``end``.
    ``progress(done, total)`` counts rows; ``cancel()`` returning True stops the export
    (``Cancelled``) and leaves no file."""
    check_lang(lang)
    unknown = sorted(set(sheets) - set(FULL))
    if unknown:
        raise ValidationError(
            "export.unknown_sheets", sheets=", ".join(unknown), count=len(unknown)
        )
    check_period(start, end)
    if start > dt.date.today():
        raise ValidationError("export.future_period", start=start)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("export.not_xlsx", name=path.name)
    if not path.parent.is_dir():
        raise ValidationError("export.no_folder", folder=str(path.parent))
    began = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        result = _write(db, tmp, start, end, lang, sheets, title_key, progress, cancel)
        _replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return ExportResult(path=path, seconds=time.perf_counter() - began, **result)


def _replace(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError:
        raise ValidationError("export.file_in_use", name=path.name) from None


class _Counter:
    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def __call__(self, n: int) -> None:
        self.done += n
        if self.cancel is not None and self.cancel():
            raise Cancelled("export.cancelled")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _write(db, tmp, start, end, lang, sheets, title_key, progress, cancel) -> dict:
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    from inventory_app.services import reports
    from inventory_app.services.export import data as export_data
    from inventory_app.services.export import detail as export_detail
    from inventory_app.services.export import sheets as export_sheets

    summary = reports.period_summary(db, start=start, end=end, by="item")
    whole_ids = export_data.whole_items(db, end)
    skus = export_data.item_skus(db)
    whole_skus = {skus[i] for i in whole_ids if i in skus}
    lines_total = (
        export_data.count_movement_lines(db, start=start, end=end) if "movements" in sheets else 0
    )
    tick = _Counter(len(summary.rows) + lines_total, progress, cancel)
    tick(0)

    wb = Workbook(write_only=True)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    wb.properties.creator = "inventory_app"
    shop = settings.get(db, "shop_name")
    period = f"{start:%Y-%m}" if title_key == "title.month" else f"{start} – {end}"
    title = f"{shop} · {label(lang, title_key)} {period}"
    wb.properties.title = title

    cells = export_sheets.write_summary(wb, summary, lang=lang, whole=whole_skus, tick=tick)
    out = {"items": cells.item_rows, "movement_lines": 0, "batches": 0, "stocktake_lines": 0}
    contents = [(label(lang, "sheet.summary"), label(lang, "cover.note.summary"))]
    if "movements" in sheets:
        out["movement_lines"] = export_detail.write_movements(
            wb, db, lang=lang, start=start, end=end, whole=whole_ids, tick=tick
        )
        contents.append((label(lang, "sheet.movements"), label(lang, "cover.note.movements")))
    if "closing" in sheets:
        out["batches"] = export_detail.write_closing(
            wb, db, lang=lang, end=end, whole=whole_ids, tick=lambda n: tick(0)
        )
        contents.append((label(lang, "sheet.closing"), label(lang, "cover.note.closing")))
    if "stocktakes" in sheets:
        out["stocktake_lines"] = export_detail.write_stocktakes(
            wb, db, lang=lang, start=start, end=end, whole=whole_ids
        )
        contents.append((label(lang, "sheet.stocktakes"), label(lang, "cover.note.stocktakes")))
    if "indicators" in sheets:
        export_detail.write_indicators(wb, db, lang=lang, start=start, end=end, summary=cells)
        contents.append((label(lang, "sheet.indicators"), label(lang, "cover.note.indicators")))
    export_sheets.write_cover(
        wb,
        lang=lang,
        title=title,
        shop=shop,
        currency=settings.get(db, "currency"),
        start=start,
        end=end,
        generated=dt.datetime.now().replace(microsecond=0),
        summary=cells,
        sheets=contents,
    )
    cover = wb.worksheets[-1]
    wb.move_sheet(cover.title, offset=-(len(wb.worksheets) - 1))
    tick(0)
    try:
        wb.save(tmp)
    except OSError as exc:
        raise ValidationError("export.write_failed", reason=exc.strerror or str(exc)) from None
    out["sheets"] = tuple(ws.title for ws in wb.worksheets)
    return out
