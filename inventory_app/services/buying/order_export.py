"""A purchase order as a document to send: its words in Chinese or English (``OrderSheet``),
written as .xlsx here; ``charts.purchase_order`` draws the same sheet as a one-page A4 PDF."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import ValidationError
from inventory_app.services import settings
from inventory_app.services.access import record_done, require
from inventory_app.services.buying.orders import get_order
from inventory_app.storage import buying as supplier_sql
from inventory_app.storage.db import Database

# key: (English, Chinese)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Purchase order", "采购订单"),
    "number": ("Order No.", "订单号"),
    "supplier": ("Supplier", "供应商"),
    "contact": ("Contact", "联系人"),
    "phone": ("Phone", "电话"),
    "address": ("Address", "地址"),
    "date": ("Order date", "下单日期"),
    "expected": ("Expected delivery", "预计到货"),
    "status": ("Status", "状态"),
    "no": ("No.", "序号"),
    "sku": ("Item code", "商品编码"),
    "supplier_sku": ("Supplier SKU", "供应商货号"),
    "name": ("Item name", "商品名称"),
    "unit": ("Pack", "包装"),
    "factor": ("Factor", "换算率"),
    "qty": ("Qty", "数量"),
    "price": ("Price", "单价"),
    "amount": ("Amount", "金额"),
    "total": ("Total", "合计"),
    "received": ("Received", "已到货"),
    "signature": ("Signature / stamp", "签字 / 盖章"),
    "cancelled": ("Cancelled", "已取消"),
}
STATUS_ZH = {"draft": "草稿", "sent": "已发送", "partial": "部分到货", "received": "已完成",
             "cancelled": "已取消"}  # fmt: skip
STATUS_EN = {"draft": "Draft", "sent": "Sent", "partial": "Partly received",
             "received": "Received", "cancelled": "Cancelled"}  # fmt: skip
KINDS = (".pdf", ".xlsx")


@dataclass(frozen=True, slots=True)
class OrderSheet:
    """Everything printed on an order, already in its language."""

    lang: str
    shop: str
    currency: str
    title: str
    info: list[tuple[str, str]]  # (label, value) under the title
    headers: list[str]
    rows: list[list[object]]  # per line: no, sku, supplier sku, name, pack, qty, price, amount
    total_label: str
    total: Decimal
    footer: str

    def word(self, key: str) -> str:
        return WORDS[key][1 if self.lang == "zh" else 0]


def export_kind(path: str | Path) -> str:
    """``.pdf`` or ``.xlsx`` from the file's name (``po.export_format`` otherwise)."""
    target = Path(path)
    if target.suffix.lower() not in KINDS:
        raise ValidationError("po.export_format", name=target.name)
    if not target.parent.exists():
        raise ValidationError("export.no_folder", folder=str(target.parent))
    return target.suffix.lower()


def order_sheet(db: Database, order_id: int, *, lang: str = "en") -> OrderSheet:
    """The order ``order_id`` in words of ``lang`` ("zh" or "en")."""
    require(db, "export")
    zh = lang == "zh"

    def w(key: str) -> str:
        return WORDS[key][1 if zh else 0]

    order = get_order(db, order_id)
    supplier = supplier_sql.supplier_by_code(db.conn, order.supplier)
    codes = {
        str(sku).casefold(): code
        for sku, _name, code, *_ in supplier_sql.links_of_supplier(db.conn, supplier[0])
    }
    words = STATUS_ZH if zh else STATUS_EN
    status = words.get(order.status.value, order.status.value)
    info = [
        (w("number"), f"PO-{order.id}"),
        (w("supplier"), f"{order.supplier_name} ({order.supplier})"),
        (w("contact"), " ".join(x for x in (supplier[3], supplier[4]) if x)),
        (w("address"), supplier[5]),
        (w("date"), (order.sent_on or order.created_on).isoformat()),
        (w("expected"), order.expected.isoformat() if order.expected else ""),
        (w("status"), status),
    ]
    rows: list[list[object]] = []
    for n, x in enumerate(order.lines, 1):
        pack = x.unit if x.factor == 1 else f"{x.unit} ({x.factor.normalize():f} {x.stock_unit})"
        rows.append(
            [n, x.sku, codes.get(x.sku.casefold(), ""), x.name, pack, x.ordered_qty.normalize(),
             x.unit_cost, x.value]
        )  # fmt: skip
    return OrderSheet(
        lang="zh" if zh else "en",
        shop=settings.get(db, "shop_name"),
        currency=settings.get(db, "currency"),
        title=w("title"),
        info=[(k, v) for k, v in info if v],
        headers=[
            w(k) for k in ("no", "sku", "supplier_sku", "name", "unit", "qty", "price", "amount")
        ],
        rows=rows,
        total_label=w("total"),
        total=order.value,
        footer=w("signature"),
    )


def write_xlsx(sheet: OrderSheet, path: str | Path) -> Path:
    """The order as one worksheet, ready to print on A4."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    target = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.title
    ws.append([sheet.shop])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append([sheet.title])
    ws["A2"].font = Font(size=12, bold=True)
    for label, value in sheet.info:
        ws.append([label, value])
    ws.append([])
    ws.append(sheet.headers)
    head = ws.max_row
    thin = Side(style="thin", color="999999")
    for cell in ws[head]:
        cell.font = Font(bold=True)
        cell.border = Border(bottom=thin)
    for row in sheet.rows:
        ws.append(row)  # openpyxl writes a Decimal as a number
        for col in (7, 8):
            ws.cell(ws.max_row, col).number_format = "#,##0.00##" if col == 7 else "#,##0.00"
        ws.cell(ws.max_row, 2).number_format = "@"
    ws.append([None] * 6 + [sheet.total_label, sheet.total])
    ws.cell(ws.max_row, 8).number_format = "#,##0.00"
    ws.cell(ws.max_row, 8).font = Font(bold=True)
    ws.append([])
    ws.append([sheet.footer])
    for letter, width in zip("ABCDEFGH", (6, 14, 14, 28, 16, 10, 12, 14), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=head + 1):
        row[3].alignment = Alignment(wrap_text=True)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    try:
        wb.save(target)
    except OSError as exc:
        raise ValidationError("po.export_failed", reason=exc.strerror or str(exc)) from None
    return target


def exported(db: Database, order_id: int, path: str | Path) -> None:
    """The audit row of an order written to ``path`` (after the file is written)."""
    record_done(db, db.actor, "export", str(path), order=order_id)
