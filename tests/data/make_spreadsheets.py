"""Write the spreadsheet fixtures in tests/data/sheets/ (run by hand; needs LibreOffice).

    python tests/data/make_spreadsheets.py

``cells.xlsx`` is written by openpyxl; LibreOffice (``soffice``) converts it to ``cells.xls``,
``cells.ods`` and ``cells.lo.xlsx`` (an .xlsx as an office suite saves one: shared strings,
formulas with cached values). ``count_sheet.xlsx`` is the count sheet of the stocktake that
``tests/services/test_spreadsheet_formats.py`` starts, filled in with openpyxl, and converted
the same way. The tests read these files with both readers; CI needs no LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

HERE = Path(__file__).resolve().parent / "sheets"
sys.path.insert(0, str(HERE.parents[2]))

# (case, value, number format); every value lands in column C ("v") of the types sheet
CASES: list[tuple[str, object, str | None]] = [
    ("int", 12, None),
    ("float", 12.5, None),
    ("float noise", 56.92, "0.00"),
    ("sum noise", 0.1 + 0.2, None),
    ("tiny", 1e-7, None),
    ("subnormal-ish", 1.5e-300, None),
    ("negative zero", -0.0, None),
    ("negative", -1234.5, "#,##0.00;[Red]-#,##0.00"),
    ("barcode", 6901234567890, "0"),
    ("15 digits", 123456789012345, None),
    ("percent", 0.125, "0.0%"),
    ("yuan", 1234.5, '"¥"#,##0.00'),
    ("text format number", 42, "@"),
    ("date", dt.date(2026, 11, 21), "yyyy-mm-dd"),
    ("datetime", dt.datetime(2026, 11, 21, 8, 30), "yyyy-mm-dd hh:mm"),
    ("datetime ms", dt.datetime(2026, 11, 21, 8, 30, 15, 250000), "yyyy-mm-dd hh:mm:ss.000"),
    ("time", dt.time(8, 30), "hh:mm"),
    ("duration", dt.timedelta(days=1, hours=12), "[h]:mm:ss"),
    ("cn date", dt.date(2026, 1, 5), 'yyyy"年"m"月"d"日"'),
    ("cn locale date", dt.date(2026, 2, 6), '[$-804]yyyy"年"m"月"d"日"'),
    ("us date", dt.date(2026, 3, 7), "m/d/yyyy"),
    ("builtin 14", dt.date(2026, 4, 8), "mm-dd-yy"),
    ("month name", dt.date(2026, 5, 9), "d-mmm-yy"),
    ("early 1900", dt.date(1900, 1, 15), "yyyy-mm-dd"),
    ("1900-03-01", dt.date(1900, 3, 1), "yyyy-mm-dd"),
    ("date as number", 46347, None),
    ("date text slash", "2026/11/21", None),
    ("date text cn", "2026年11月21日", None),
    ("spaces", "  螺丝 M3  ", None),
    ("ideographic space", "\u3000全角\u3000", None),
    ("emoji", "箱子 📦", None),
    ("line break", "第一行\n第二行", None),
    ("tab", "a\tb", None),
    ("double spaces", "a   b", None),
    ("digits text", "007", None),
    ("true text", "TRUE", None),
    ("empty", None, None),
    ("spaces only", "   ", None),
]


def _types_sheet(ws) -> None:
    """Title, a blank row, the header at row 3; data from column B (column A stays empty)."""
    ws["B1"] = "类型测试 (every kind of cell)"
    ws.append([])
    ws.append([None, "case", "v", "名称"])
    for case, value, fmt in CASES:
        ws.append([None, case, value, "螺丝" if len(case) % 2 else "六角螺母"])
        if fmt:
            ws.cell(ws.max_row, 3).number_format = fmt
    ws.append([])  # a blank row, then one more
    ws.append([None, "after blank", 1, "垫片"])
    for row in range(ws.max_row + 1, ws.max_row + 20):  # formatted, empty trailing rows/cols
        for col in (2, 3, 4, 7):
            ws.cell(row, col).number_format = "0.00"


def write_cells(path: Path) -> None:
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["case", "v"])
    notes.append(["hidden sheet", "never read by default"])
    notes.sheet_state = "hidden"
    _types_sheet(wb.create_sheet("类型"))
    formulas = wb.create_sheet("公式")
    formulas.append(["case", "v"])
    for case, formula, fmt in [
        ("number", "=2*3", None),
        ("text", '="螺"&"丝"', None),
        ("date", "=DATE(2026,11,21)", "yyyy-mm-dd"),
        ("n/a", "=NA()", None),
        ("div0", "=1/0", None),
        ("plain", 7, None),
    ]:
        formulas.append([case, formula])
        if fmt:
            formulas.cell(formulas.max_row, 2).number_format = fmt
    big = wb.create_sheet("大数")  # written with an exponent: openpyxl reads a float
    big.append(["case", "v"])
    for case, value in [("huge", 1e20), ("near max double", 1e300), ("16 digits", 1234567890123456),
                        ("17 digits", 12345678901234567)]:  # fmt: skip
        big.append([case, value])
    flags = wb.create_sheet("布尔")  # LibreOffice saves a boolean in an .xlsx as =TRUE()
    flags.append(["case", "v"])
    flags.append(["true", True])
    flags.append(["false", False])
    merged = wb.create_sheet("合并")
    merged.append(["sku", "名称", None, "qty"])
    merged.append(["A1", "螺丝", "M3", 5])
    merged.merge_cells("B1:C1")
    wb.create_sheet("空")
    wb.save(path)


def write_items(path: Path) -> None:
    """An items list as a shop keeps one: barcodes as numbers and as text, Chinese names."""
    wb = Workbook()
    ws = wb.active
    ws.title = "商品"
    ws.append(["编码", "名称", "单位", "条码", "类别", "再订货点"])
    ws.append(["A001", "螺丝 M3", "盒", 6901234567890, "五金", 10])
    ws.append(["A002", "六角螺母", "个", "06901234567891", "五金", 2.5])
    ws.append([1003, "纯牛奶 250ml", "瓶", None, "乳制品", None])
    wb.save(path)


def write_count_sheet(path: Path) -> None:
    """The count sheet of stocktake 1 in the test's shop, counted as a person would."""
    from inventory_app.domain.model import ItemFields, Removal
    from inventory_app.services import catalog, shop
    from inventory_app.services import postings as stock
    from inventory_app.services import stocktake as st
    from inventory_app.services.stocktake.sheet import export_sheet

    with tempfile.TemporaryDirectory() as folder:
        db = shop.create_shop(Path(folder) / "shop.db", name="Test shop")
        make_count_shop(db, catalog, stock, ItemFields, Removal)
        sid = next(iter(st.start(db).stocktakes))
        export_sheet(db, sid, path)
        db.close()
    wb = load_workbook(path)
    ws = wb["Count sheet"]
    ws["B3"] = "老王"
    counts = {("A1", None): 14, ("M1", "L1"): 6.5, ("M1", "L2"): "4"}
    for row in range(7, ws.max_row + 1):
        key = (ws.cell(row, 3).value, ws.cell(row, 6).value)
        if key in counts:
            ws.cell(row, 9).value = counts[key]
    free = next(r for r in range(7, ws.max_row + 1) if ws.cell(r, 3).value is None)
    ws.cell(free, 3).value, ws.cell(free, 6).value = "M1", "L7"
    ws.cell(free, 9).value, ws.cell(free, 10).value = 2, "Li"
    wb.save(path)


def make_count_shop(db, catalog, stock, ItemFields, Removal) -> None:
    """The shop of the ``stocked`` fixture with the test's receipts."""
    catalog.add_item(db, ItemFields(sku="A1", name="Hammer 锤子", category="Hardware"))
    catalog.add_item(
        db,
        ItemFields(
            sku="M1",
            name="纯牛奶 250ml",
            category="乳制品",
            removal=Removal.FEFO,
            shelf_life_days=10,
            barcode="6901234567892",
        ),
    )
    stock.receive(db, sku="A1", qty="15", unit_cost="2")
    stock.receive(db, sku="M1", qty="6", unit_cost="1", batch="L1")
    stock.receive(db, sku="M1", qty="4", unit_cost="1.5", batch="L2")


def convert(source: Path, fmt: str, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             fmt, "--outdir", out, str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.move(Path(out) / f"{source.stem}.{fmt.partition(':')[0]}", target)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    cells = HERE / "cells.xlsx"
    write_cells(cells)
    count = HERE / "count_sheet.xlsx"
    write_count_sheet(count)
    items = HERE / "items.xlsx"
    write_items(items)
    for source in (cells, count, items):
        convert(source, "xls", source.with_suffix(".xls"))
        convert(source, "ods", source.with_suffix(".ods"))
    convert(cells, "xlsx:Calc MS Excel 2007 XML", HERE / "cells.lo.xlsx")


if __name__ == "__main__":
    main()
