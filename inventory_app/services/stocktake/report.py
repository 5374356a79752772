"""The stocktake report (.xlsx): lines with expected, counted, variance qty and value and
reasons; every count per counter (replaced rounds too); approver; totals of gains and losses.

After approval the values are the ones posted to the ledger (exact, to the cent); before,
they are estimates and the report says so. openpyxl is imported lazily.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from inventory_app.domain.stocktake import StocktakeState, scope_label
from inventory_app.services import settings
from inventory_app.services import stocktake as st
from inventory_app.services.access import record_done, require
from inventory_app.services.stocktake import xlsx
from inventory_app.storage.db import Database

QTY_FMT = "#,##0.000"
MONEY_FMT = "#,##0.00"
LINE_WIDTHS = (14, 14, 28, 6, 14, 12, 11, 11, 11, 11, 16, 12, 8, 12, 18, 10)
COUNT_WIDTHS = (14, 14, 14, 14, 26, 11, 7, 9, 8)


def write_report(db: Database, stocktake_id: int, path: str | Path) -> Path:
    """Write the report of a stocktake to ``path`` (.xlsx)."""
    from openpyxl import Workbook

    actor = require(db, "export")
    rv = st.review(db, stocktake_id)
    history = st.count_history(db, stocktake_id)
    currency = settings.get(db, "currency")
    wb = Workbook()
    ws = wb.active
    ws.title = "Stocktake"
    _write_facts(ws, rv, shop=settings.get(db, "shop_name"), currency=currency)
    _write_lines(ws, rv, currency=currency)
    _write_counts(wb.create_sheet("Counts"), rv, history)
    saved = xlsx.save(wb, path)
    record_done(db, actor, "export", str(saved), stocktake=stocktake_id)
    return saved


def _write_facts(ws: Any, rv: st.Review, *, shop: str, currency: str) -> None:
    """Title, who and when, progress and the totals (money) at the top of the report."""
    from openpyxl.styles import Font

    info = rv.stocktake
    ws["A1"] = f"Stocktake #{info.id}: {info.name}"
    ws["A1"].font = Font(bold=True, size=14)
    facts = [
        ("Shop", shop),
        ("Scope", scope_label(info.scope)),
        ("Blind count", "yes" if info.blind else "no"),
        ("Status", info.status.value.replace("_", " ")),
        ("Started", info.started_at),
        ("Started by", info.started_by),
        ("Closed", info.closed_at or ""),
        ("Approver", info.approver or ""),
        ("Uncounted lines", info.uncounted or ""),
        ("Lines counted", f"{info.counted} / {info.lines}"),
        (f"Gains ({currency})", rv.gains),
        (f"Losses ({currency})", rv.losses),
        (f"Net ({currency})", rv.gains - rv.losses),
    ]
    for label, value in facts:
        ws.append([label, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        if isinstance(value, Decimal):
            ws.cell(ws.max_row, 2).number_format = MONEY_FMT
    if info.state != StocktakeState.APPROVED:
        ws.append(["Not approved: variance values are estimates until approval."])
        ws.cell(ws.max_row, 1).font = Font(italic=True, color="C00000")
    ws.append([])


def _write_lines(ws: Any, rv: st.Review, *, currency: str) -> None:
    """The table of lines with their figures, and the net total."""
    from openpyxl.styles import Font

    head = [
        "Location",
        "SKU",
        "Name",
        "Unit",
        "Batch",
        "Expiry",
        "Snapshot",
        "Expected",
        "Counted",
        "Variance",
        f"Variance value ({currency})",
        "Reason",
        "Flagged",
        "Outcome",
        "Counters",
        "Movement",
    ]
    ws.append(head)
    head_row = ws.max_row
    xlsx.style_row(ws, head_row, bold=True, fill="DDEBF7")
    for x in rv.lines:
        ws.append(
            [
                x.location,
                x.sku,
                x.name,
                x.unit,
                x.batch,
                x.expiry,
                x.snapshot_qty,
                x.expected_qty,
                x.counted_qty,
                x.variance_qty,
                x.variance_value,
                x.reason or "",
                "yes" if x.flagged else "",
                x.outcome or ("counted" if x.counted else "not counted"),
                x.counters,
                x.movement_id,
            ]
        )
        r = ws.max_row
        for col in (7, 8, 9, 10):
            ws.cell(r, col).number_format = QTY_FMT
        ws.cell(r, 11).number_format = MONEY_FMT
        ws.cell(r, 6).number_format = "yyyy-mm-dd"
    ws.append(["Total"] + [None] * 9 + [rv.gains - rv.losses])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.cell(ws.max_row, 11).number_format = MONEY_FMT
    for i, width in enumerate(LINE_WIDTHS, 1):
        ws.column_dimensions[ws.cell(head_row, i).column_letter].width = width
    ws.freeze_panes = ws.cell(head_row + 1, 1)


def _write_counts(cs: Any, rv: st.Review, history: list[st.CountRecord]) -> None:
    """Every count per counter, replaced rounds too."""
    by_line = {x.line_id: x for x in rv.lines}
    cs.append(
        ["Location", "SKU", "Batch", "Counter", "Counted at", "Qty", "Round", "Current", "Source"]
    )
    xlsx.style_row(cs, 1, bold=True)
    for c in history:
        x = by_line[c.line_id]
        cs.append(
            [
                x.location,
                x.sku,
                x.batch,
                c.counter,
                c.counted_at,
                c.qty,
                c.round,
                "yes" if c.current else "replaced",
                c.source,
            ]
        )
        cs.cell(cs.max_row, 6).number_format = QTY_FMT
    for i, width in enumerate(COUNT_WIDTHS, 1):
        cs.column_dimensions[cs.cell(1, i).column_letter].width = width
