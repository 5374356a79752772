"""Empty import templates (.xlsx): items, opening stock, movement journal.

The first sheet is the one to fill (and the one the importer reads): a header row that the
importer recognises in English or Chinese, required columns marked with *, text format
for codes and barcodes (no 6.9E+12, no lost leading zeros), date format for dates, and data
validation (the movement types as a list, real dates, positive numbers). The second sheet
explains every column in English and Chinese with an example row.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from inventory_app.domain.errors import ValidationError
from inventory_app.services.export.labels import check_lang

KINDS = ("items", "opening", "journal")

# key: (English header, Chinese header, English help, Chinese help, example)
# fmt: off
_COLUMN_HELP: dict[str, tuple[str, str, str, str, object]] = {
    "sku": ("SKU", "编码", "Item code, unique in the shop", "商品编码，店内唯一", "A1001"),
    "name": ("Name", "名称", "Item name", "商品名称", "纯牛奶 250ml"),
    "category": ("Category", "类别", "Category (for subtotals)", "类别（用于小计）", "乳制品"),
    "unit": ("Unit", "单位", "Unit: pcs, box, kg ... (default pcs)",
             "计量单位：个、盒、千克…（默认 pcs）", "盒"),
    "barcode": ("Barcode", "条码", "EAN/UPC barcode, kept as text", "条码（按文本保存）",
                "6901234567892"),
    "supplier": ("Supplier", "供应商", "Usual supplier", "常用供应商", "光明乳业"),
    "reorder_point": ("Reorder point", "再订货点", "Reorder when stock falls to this",
                      "库存降到此数量时补货", 20),
    "safety_stock": ("Safety stock", "安全库存", "Stock kept against surprises",
                     "应对波动的保险库存", 10),
    "lead_time_days": ("Lead time days", "提前期", "Days from order to delivery",
                       "从下单到到货的天数", 3),
    "shelf_life_days": ("Shelf life days", "保质期", "Shelf life in days (expiry = receipt + this)",
                        "保质期天数（有效期 = 入库日期 + 天数）", 10),
    "removal": ("Removal", "出库规则", "fifo (first in, first out) or fefo (first expiry first)",
                "fifo 先进先出，fefo 近效期先出", "fefo"),
    "supplier_code": ("Supplier code", "供应商编码", "The supplier's code (a new one is added)",
                      "供应商编码（新编码会自动添加供应商）", "GM"),
    "supplier_sku": ("Supplier SKU", "供应商货号", "The supplier's own code for the item",
                     "供应商对该商品的编码", "GM-250"),
    "pack": ("Pack", "包装", "The pack bought: case, box ...", "采购包装：箱、盒…", "箱"),
    "factor": ("Factor", "换算率", "Stock units in one pack", "每个包装含多少库存单位", 12),
    "pack_barcode": ("Pack barcode", "包装条码", "The pack's own barcode (optional)",
                     "包装自己的条码（可选）", ""),
    "purchase_price": ("Purchase price", "采购价", "Price per pack from this supplier",
                       "该供应商每个包装的价格", Decimal("30.00")),
    "date": ("Date", "日期", "Date of the movement", "业务日期", "2026-01-15"),
    "type": ("Type", "类型", "receipt, issue, writeoff, adjust or transfer",
             "入库、出库、报损、调整、调拨", "receipt"),
    "qty": ("Qty", "数量", "Quantity, at most 3 decimals", "数量，最多 3 位小数", 24),
    "unit_cost": ("Unit cost", "单价", "Cost per unit, at most 4 decimals",
                  "单位成本，最多 4 位小数", Decimal("2.50")),
    "batch": ("Batch", "批号", "Batch or lot code (optional)", "批号（可选）", "L20260115"),
    "expiry": ("Expiry", "有效期", "Expiry date (optional)", "有效期至（可选）", "2026-01-25"),
    "location": ("Location", "库位", "Location (default Main)", "库位（默认 Main）", "Main"),
    "to_location": ("To location", "调入库位", "Where a transfer goes", "调拨的目标库位", ""),
    "reference": ("Reference", "单号", "Document number", "单据号", "PO-0001"),
    "note": ("Note", "备注", "Free text", "备注", ""),
    "reason": ("Reason", "原因", "Write-off: damaged, expired, lost, sample, other",
               "报损原因：damaged 损坏、expired 过期、lost 丢失、sample 样品、other 其他", ""),
}
# fmt: on

_SHEETS = {
    "items": ("Items", "商品"),
    "opening": ("Opening stock", "期初库存"),
    "journal": ("Journal", "出入库流水"),
}
_ABOUT = {
    "items": (
        "Item list. One row per item; an existing SKU is updated (never its stock).",
        "商品清单。每行一个商品；已存在的编码会更新资料（不影响库存）。",
        "inventory-app import items FILE",
    ),
    "opening": (
        "Opening stock. One row per item and batch, received on the opening date at its cost.",
        "期初库存。每行一个商品批次，按期初日期和单价入库。",
        "inventory-app import opening FILE --date 2026-01-01",
    ),
    "journal": (
        "Movement history. One row per movement; rows post in date order.",
        "出入库流水。每行一笔业务，按日期顺序过账。",
        "inventory-app import journal FILE",
    ),
}
_TEXT_KEYS = {"sku", "barcode", "batch", "reference", "name", "category", "supplier", "note",
              "supplier_code", "supplier_sku", "pack", "pack_barcode"}  # fmt: skip
_DATE_KEYS = {"date", "expiry"}
DATA_ROWS = 5000  # rows the validation and formats cover


def _columns(kind: str):
    from inventory_app.services import imports

    columns = {
        "items": imports.ITEM_COLUMNS,
        "opening": imports.OPENING_COLUMNS,
        "journal": imports.JOURNAL_COLUMNS,
    }[kind]
    if kind == "items":
        return columns
    # a posting file names its unit in one column, the pack's (单位 is read as its synonym)
    return tuple(c for c in columns if c.key != "unit")


def write_template(kind: str, path: str | Path, *, lang: str = "en") -> Path:
    """Write the empty ``kind`` template ('items', 'opening', 'journal') to ``path``.
    ``lang`` picks the header language; the instructions are in both."""
    from openpyxl import Workbook

    if kind not in KINDS:
        raise ValidationError("import.template_unknown_kind", kind=kind, kinds=", ".join(KINDS))
    check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("import.template_not_xlsx", file=path.name)
    if not path.parent.is_dir():
        raise ValidationError("import.template_no_folder", folder=str(path.parent))
    columns = _columns(kind)
    wb = Workbook()
    ws = wb.active
    ws.title = _SHEETS[kind][0 if lang == "en" else 1]
    _data_sheet(ws, kind, columns, lang)
    _instructions(wb.create_sheet("Instructions 说明"), kind, columns)
    try:
        wb.save(path)
    except PermissionError:
        raise ValidationError("import.template_locked", file=path.name) from None
    return path


def column_title(key: str, lang: str) -> str:
    """The name of an import column's meaning in ``lang`` ("en"/"zh"), as the template heads
    it (an unknown key shows as itself)."""
    words = _COLUMN_HELP.get(key)
    if words is None:
        return key
    return words[0] if lang == "en" else words[1]


def _header_text(column, lang: str) -> str:
    en, zh, *_ = _COLUMN_HELP[column.key]
    text = en if lang == "en" else zh
    return text + " *" if column.required else text


def _data_sheet(ws, kind: str, columns, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from inventory_app.domain.text import display_width

    fill = PatternFill("solid", fgColor="DDE4EE")
    for i, column in enumerate(columns, 1):
        cell = ws.cell(row=1, column=i, value=_header_text(column, lang))
        cell.font = Font(name="Calibri", bold=True, color="9C0006" if column.required else None)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
        letter = get_column_letter(i)
        dim = ws.column_dimensions[letter]
        dim.width = max(12, display_width(str(cell.value)) + 4)
        if column.key in _TEXT_KEYS:
            dim.number_format = "@"
        elif column.key in _DATE_KEYS:
            dim.number_format = "yyyy-mm-dd"
        _validate(ws, kind, column, letter, lang)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 22


def _validate(ws, kind: str, column, letter: str, lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    key = column.key
    en, zh, help_en, help_zh, _ = _COLUMN_HELP[key]
    dv: DataValidation | None = None
    if key == "type":
        words = (
            "receipt,issue,writeoff,adjust,transfer" if lang == "en" else "入库,出库,报损,调整,调拨"
        )
        dv = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
        dv.error = "receipt, issue, writeoff, adjust, transfer / 入库、出库、报损、调整、调拨"
    elif key == "removal":
        dv = DataValidation(type="list", formula1='"fifo,fefo"', allow_blank=True)
        dv.error = "fifo / fefo"
    elif key == "reason":
        dv = DataValidation(
            type="list", formula1='"damaged,expired,lost,sample,other"', allow_blank=True
        )
        dv.errorStyle = "information"  # adjustments may give their own reason
    elif key in _DATE_KEYS:
        dv = DataValidation(
            type="date", operator="greaterThan", formula1="DATE(1990,1,1)", allow_blank=True
        )
        dv.error = "A date like 2026-01-15 / 请输入日期，如 2026-01-15"
    elif key == "qty" and kind == "opening":
        dv = DataValidation(type="decimal", operator="greaterThan", formula1="0", allow_blank=True)
        dv.error = "A number more than 0 / 请输入大于 0 的数"
    elif key == "qty":
        dv = DataValidation(type="decimal", operator="notEqual", formula1="0", allow_blank=True)
        dv.error = "A number, not 0 (only adjust rows are negative) / 非零数字（仅调整可为负）"
    elif key in ("unit_cost", "reorder_point", "safety_stock"):
        dv = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
        )
        dv.error = "A number, 0 or more / 请输入不小于 0 的数"
    elif key in ("lead_time_days", "shelf_life_days"):
        dv = DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
        )
        dv.error = "Whole days / 请输入整数天数"
    if dv is None:
        dv = DataValidation(allow_blank=True)  # an input hint only
    else:
        dv.showErrorMessage = True
        dv.errorTitle = f"{en} / {zh}"
    dv.promptTitle = f"{en} / {zh}"[:32]
    dv.prompt = f"{help_en}\n{help_zh}"[:255]
    dv.showInputMessage = True
    dv.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
    ws.add_data_validation(dv)


def _instructions(ws, kind: str, columns) -> None:
    from openpyxl.styles import Font, PatternFill

    about_en, about_zh, command = _ABOUT[kind]
    bold = Font(name="Calibri", bold=True)
    ws.append([f"{_SHEETS[kind][0]} template / {_SHEETS[kind][1]}模板"])
    ws["A1"].font = Font(name="Calibri", bold=True, size=14)
    ws.append([about_en])
    ws.append([about_zh])
    ws.append([
        "Fill the first sheet from row 2. Columns marked * are required; the others may be "
        "left out. Headers may be in English or Chinese, in any order. The whole file is "
        "checked first: if any row has a problem, nothing is imported and every problem is "
        "listed by row and column."
    ])  # fmt: skip
    ws.append([
        "从第一张表的第 2 行开始填写。带 * 的列必填，其余可省略。表头可用中文或英文，顺序不限。"
        "导入前会检查整个文件：任何一行有问题都不会导入，并按行和列列出所有问题。"
    ])  # fmt: skip
    ws.append([f"Command line / 命令行: {command}"])
    ws.append([])
    header_row = ws.max_row + 1
    ws.append(["Column", "列名", "Required / 必填", "What it holds", "说明", "Example / 示例"])
    fill = PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[header_row]:
        cell.font = bold
        cell.fill = fill
    for column in columns:
        en, zh, help_en, help_zh, example = _COLUMN_HELP[column.key]
        ws.append([en, zh, "*" if column.required else "", help_en, help_zh, example])
    ws.append([])
    ws.append(["Example row (copy to the first sheet) / 示例行（可复制到第一张表）"])
    ws.cell(row=ws.max_row, column=1).font = bold
    ws.append([_header_text(c, "en") for c in columns])
    for cell in ws[ws.max_row]:
        cell.font = bold
        cell.fill = fill
    ws.append([_COLUMN_HELP[c.key][4] for c in columns])
    for width, letter in zip((18, 12, 16, 50, 44, 18), "ABCDEF", strict=True):
        ws.column_dimensions[letter].width = width
