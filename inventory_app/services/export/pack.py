"""The pack's workbook put together: which sheets, in which order, from which reads, with
the rows counted for progress and Cancel. Each sheet is its own module's (``*_sheet``);
the file itself is ``workbook``'s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inventory_app.domain.errors import Cancelled
from inventory_app.services import settings
from inventory_app.services.export.deflate import DeflateAhead
from inventory_app.services.export.labels import label
from inventory_app.services.export.workbook import deflate_now, new_workbook, save
from inventory_app.services.progress import Cancel, Progress
from inventory_app.storage.db import Database

if TYPE_CHECKING:
    from openpyxl import Workbook

    from inventory_app.services.export.summary_sheet import SummaryCells
    from inventory_app.services.reports import Summary

FULL = (
    "summary",
    "movements",
    "closing",
    "stocktakes",
    "indicators",
    "purchases",
    "margin",
)
SUMMARY_ONLY = ("summary", "indicators")
DETAIL_SHEETS = FULL[1:]  # after the Summary, in the order written


@dataclass(frozen=True, slots=True)
class Request:
    """One export: its period, language, sheets and title."""

    start: dt.date
    end: dt.date
    lang: str
    sheets: tuple[str, ...]
    title_key: str


class Counter:
    """``tick(n)``: n more rows written; reports progress and raises ``Cancelled`` when the
    user asked to stop. ``total`` is set once the rows are counted."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = 1
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def __call__(self, n: int) -> None:
        self.done += n
        if self.cancel is not None and self.cancel():
            raise Cancelled("export.cancelled")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def write_pack(db: Database, tmp: Path, request: Request, tick: Counter) -> dict:
    """The workbook for ``request`` saved to ``tmp``; returns ``ExportResult``'s counts."""
    from inventory_app.services import reports
    from inventory_app.services.export import data as export_data
    from inventory_app.services.export.cover_sheet import write_cover

    start, end, lang, sheets = request.start, request.end, request.lang, request.sheets
    summary = reports.period_summary(db, start=start, end=end, by="item")
    whole_ids = export_data.whole_items(db, end)
    skus = export_data.item_skus(db)
    whole_skus = {skus[i] for i in whole_ids if i in skus}
    lines_total = 0
    if "movements" in sheets:
        lines_total = export_data.count_movement_lines(db, start=start, end=end)
    tick.total = max(len(summary.rows) + lines_total, 1)
    tick(0)

    shop = settings.get(db, "shop_name")
    currency = settings.get(db, "currency")
    widths = export_data.item_widths(db) if {"movements", "closing"} & set(sheets) else None
    title = _title(shop, request)
    wb = new_workbook(title)
    out: dict = {"movement_lines": 0, "batches": 0, "stocktake_lines": 0}
    deflating: dict[str, DeflateAhead] = {}
    try:
        _write_sheets(db, wb, request, summary=summary, whole=(whole_ids, whole_skus),
                      widths=widths, tick=tick, out=out, deflating=deflating)  # fmt: skip
        contents = [
            (label(lang, f"sheet.{name}"), label(lang, f"cover.note.{name}"))
            for name in ("summary", *DETAIL_SHEETS)
            if name == "summary" or name in sheets
        ]
        write_cover(
            wb,
            lang=lang,
            title=title,
            shop=shop,
            currency=currency,
            start=start,
            end=end,
            generated=dt.datetime.now().replace(microsecond=0),
            summary=out.pop("cells"),
            sheets=contents,
        )
        cover = wb.worksheets[-1]
        wb.move_sheet(cover.title, offset=-(len(wb.worksheets) - 1))
        tick(0)
        save(wb, tmp, deflating)
    finally:
        for ahead in deflating.values():  # an export stopped before its save
            ahead.close()
    out["sheets"] = tuple(ws.title for ws in wb.worksheets)
    return out


def _write_sheets(
    db: Database,
    wb: Workbook,
    request: Request,
    *,
    summary: Summary,
    whole: tuple[set[int], set[str]],
    widths: tuple[int, int, int] | None,
    tick: Counter,
    out: dict,
    deflating: dict[str, DeflateAhead],
) -> None:
    """Summary and the detail sheets in their order; counts (and the Summary's cells) go
    to ``out``. The long sheets (Summary, Movements, Closing stock), complete once written,
    are deflated on a thread while the later sheets are written (``deflate``)."""
    from inventory_app.services.export.closing_sheet import write_closing
    from inventory_app.services.export.movements_sheet import write_movements
    from inventory_app.services.export.summary_sheet import write_summary

    start, end, lang, sheets = request.start, request.end, request.lang, request.sheets
    whole_ids, whole_skus = whole
    # The Closing stock query runs on a thread while the Summary is written (``ahead``);
    # this thread uses the connection again only once that query is done.
    with _closing_ahead(db, request) as closing:
        cells = write_summary(wb, summary, lang=lang, whole=whole_skus, tick=tick)
        out["items"] = cells.item_rows
        out["cells"] = cells
        deflate_now(wb.worksheets[-1], deflating)
        batches = closing.result() if closing is not None else None
    if "movements" in sheets:
        out["movement_lines"] = write_movements(
            wb, db, lang=lang, start=start, end=end, whole=whole_ids, tick=tick, widths=widths
        )
        deflate_now(wb.worksheets[-1], deflating)
    if batches is not None:
        # not in the progress total (not counted beforehand): only checks for Cancel
        out["batches"] = write_closing(
            wb, db, lang=lang, end=end, whole=whole_ids, tick=lambda n: tick(0),
            widths=widths, batches=batches(),
        )  # fmt: skip
        deflate_now(wb.worksheets[-1], deflating)
    _write_details(wb, db, request, whole=whole_ids, cells=cells, summary=summary, out=out)


def _closing_ahead(db: Database, request: Request) -> contextlib.AbstractContextManager:
    """An ``Ahead`` running the Closing stock query, when ``request`` has that sheet."""
    from inventory_app.services.export import data as export_data
    from inventory_app.services.export.ahead import Ahead

    if "closing" not in request.sheets:
        return contextlib.nullcontext()
    return Ahead(lambda: export_data.closing_batches_ahead(db, at=request.end))


def _title(shop: str, request: Request) -> str:
    start, end = request.start, request.end
    period = f"{start:%Y-%m}" if request.title_key == "title.month" else f"{start} – {end}"
    return f"{shop} · {label(request.lang, request.title_key)} {period}"


def _write_details(
    wb: Workbook,
    db: Database,
    request: Request,
    *,
    whole: set[int],
    cells: SummaryCells,
    summary: Summary,
    out: dict,
) -> None:
    """The sheets after Movements and Closing stock that ``request`` asks for; their row
    counts go to ``out``."""
    start, end, lang, sheets = request.start, request.end, request.lang, request.sheets
    if "stocktakes" in sheets:
        from inventory_app.services.export.stocktakes_sheet import write_stocktakes

        out["stocktake_lines"] = write_stocktakes(
            wb, db, lang=lang, start=start, end=end, whole=whole
        )
    if "indicators" in sheets:
        from inventory_app.services.export.indicators_sheet import write_indicators

        write_indicators(wb, db, lang=lang, start=start, end=end, summary=cells)
    if "purchases" in sheets:  # #15: by supplier and month, and the suppliers' record
        from inventory_app.services.buying.performance import write_purchases_sheet

        write_purchases_sheet(wb, db, lang=lang, start=start, end=end)
    if "margin" in sheets:  # demand (#16)
        from inventory_app.services.export.margin_sheet import write_margin

        write_margin(wb, db, lang=lang, start=start, end=end, summary=summary)
