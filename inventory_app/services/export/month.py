"""The accountant's Excel pack: a month (or any period) in one .xlsx.

Sheets: Cover, Summary (per item, category subtotals and the grand total as formulas, a
check column that computes to 0), Movements (every line, one row per batch), Closing stock
(by batch), Stocktakes (variances and reasons), Indicators (turnover, days, capital
occupation, loss rate with healthy ranges), Purchases (by supplier and month, and each
supplier's on-time rate and lead time seen). Names in English or Chinese (``lang``).

The figures are the app's: exact numbers from the ledger; the formulas over them compute
to ``reports.period_summary`` to the cent. The file is written to a temporary name and
renamed when complete, so a cancelled or failed export leaves no half-written file.

This module is the entry: the request checked, the export run in one read transaction and
its failures named; the workbook is put together in ``pack``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import gc
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from inventory_app.domain import limits
from inventory_app.domain.errors import Cancelled, ValidationError
from inventory_app.services.access import record_done, require
from inventory_app.services.export.labels import check_lang
from inventory_app.services.export.pack import FULL, SUMMARY_ONLY, Counter, Request, write_pack
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.reports import check_period
from inventory_app.storage.db import Database
from inventory_app.storage.reads.stock import last_of_month


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
    return limits.check_date(first), limits.check_date(last_of_month(first))


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


def _check_request(request: Request, path: Path) -> None:
    """Refuse what cannot be exported, before anything is read or written."""
    check_lang(request.lang)
    unknown = sorted(set(request.sheets) - set(FULL))
    if unknown:
        raise ValidationError(
            "export.unknown_sheets", sheets=", ".join(unknown), count=len(unknown)
        )
    check_period(request.start, request.end)
    if request.start > dt.date.today():
        raise ValidationError("export.future_period", start=request.start)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("export.not_xlsx", name=path.name)
    if not path.parent.is_dir():
        raise ValidationError("export.no_folder", folder=str(path.parent))
    if len(os.fsencode(f".{path.name}.{os.getpid()}.part")) > 255:  # the name at its work
        name = path.name if len(path.name) < 60 else f"{path.name[:28]}…{path.name[-28:]}"
        raise ValidationError("export.name_too_long", name=name, limit=200)
    if path.is_dir():
        raise ValidationError("export.target_is_folder", name=path.name)


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
    actor = require(db, "export")
    request = Request(start=start, end=end, lang=lang, sheets=sheets, title_key=title_key)
    path = Path(path)
    _check_request(request, path)
    began = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    problem = None
    try:
        # One read transaction: every sheet reads the same state of the shop while others
        # post, so the pack reconciles with itself (Summary closing = Closing stock). The
        # summary export (Cover, Summary, Indicators) runs here too.
        with db.snapshot():
            result = write_pack(db, tmp, request, Counter(progress, cancel))
        _replace(tmp, path)
    except OSError as exc:  # a full disk, no permission, a drive gone
        if exc.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
            problem = ValidationError("export.disk_full", name=path.name)
        else:
            problem = ValidationError("export.write_failed", reason=exc.strerror or str(exc))
    except Cancelled as exc:  # mid-sheet: the half-written workbook is let go quietly too
        problem = exc.with_traceback(None)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    if problem is not None:
        _let_go_quietly()
        raise problem
    record_done(db, actor, "export", str(path), start=start, end=end, sheets=",".join(sheets))
    return ExportResult(path=path, seconds=time.perf_counter() - began, **result)


def _let_go_quietly() -> None:
    """Free the half-written workbook now, its generators' complaints unprinted: openpyxl's
    writers close their streams when collected and, with the file gone, each printed an
    "Exception ignored" block around the message (six on a full disk; one per sheet begun
    when the user cancels). Only on the main thread (the CLI's): in the desktop app the
    export runs on a worker, and a collection there could destroy Qt objects off the UI
    thread (``ui.collector``), whose timer frees the workbook soon after instead."""
    if threading.current_thread() is not threading.main_thread():
        return
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _replace(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError:
        raise ValidationError("export.file_in_use", name=path.name) from None
