"""The clearance list: dead and slow stock with its value, age and what to do, as an .xlsx
the owner can work through in one afternoon (#16). In the message language."""

from __future__ import annotations

from pathlib import Path

from inventory_app.domain import messages
from inventory_app.domain.errors import ValidationError
from inventory_app.services.access import record_done, require
from inventory_app.services.demand.tiers import TiersReport
from inventory_app.storage.db import Database

HEADERS = {
    "en": ["SKU", "Item name", "Category", "Tier", "On hand", "Unit", "Stock value",
           "Age (days)", "Days since last issue", "Days of cover", "Suggested action"],
    "zh": ["商品编码", "商品名称", "类别", "分层", "现存量", "单位", "库存金额",
           "库龄（天）", "距上次出库（天）", "可售天数", "建议操作"],
}  # fmt: skip
TITLE = {
    "en": "Clearance list — dead and slow stock at {at}",
    "zh": "清仓清单——呆滞与滞销库存（{at}）",
}
TIER_WORDS = {
    "en": {"dead": "dead", "slow": "slow"},
    "zh": {"dead": "呆滞库存", "slow": "滞销商品"},
}
TOTAL = {"en": "Total", "zh": "合计"}


def write_clearance_list(report: TiersReport, path: str | Path) -> int:
    """Write the dead and slow rows of ``report`` to ``path`` (.xlsx); returns the rows
    written. Highest stock value first within each tier."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("export.not_xlsx", name=path.name)
    if not path.parent.exists():
        raise ValidationError("export.no_folder", folder=str(path.parent))
    lang = messages.language()
    rows = [r for r in report.rows if r.advice.tier in ("dead", "slow")]
    wb = Workbook()
    ws = wb.active
    ws.title = "清仓清单" if lang == "zh" else "Clearance"
    ws.append([TITLE[lang].format(at=report.at.isoformat())])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(HEADERS[lang])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in rows:
        cover = r.advice.cover_days
        ws.append([
            r.sku, r.name, r.category, TIER_WORDS[lang][r.advice.tier], r.on_hand, r.unit,
            r.value, r.age_days, r.idle_days, None if cover is None else cover,
            r.action_text(lang),
        ])  # fmt: skip
        ws.cell(ws.max_row, 7).number_format = "#,##0.00"
    ws.append([TOTAL[lang], None, None, None, None, None, sum(r.value for r in rows)])
    ws.cell(ws.max_row, 7).number_format = "#,##0.00"
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJK", (14, 30, 14, 10, 10, 6, 14, 10, 12, 10, 36), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    try:
        wb.save(path)
    except PermissionError:
        raise ValidationError("export.file_in_use", name=path.name) from None
    return len(rows)


def export_clearance_list(db: Database, report: TiersReport, path: str | Path) -> int:
    """``write_clearance_list`` as an export of the shop: for a role that may export, and
    recorded in the audit trail once written."""
    actor = require(db, "export")
    n = write_clearance_list(report, path)
    record_done(db, actor, "export", str(path), rows=n)
    return n
