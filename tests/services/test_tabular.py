"""tabular: spreadsheets in, validated rows out. Real files in tmp_path, no mocks."""

from __future__ import annotations

import codecs
import datetime
import gc
import random
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from inventory_app.domain.errors import Cancelled, ImportErrors, ValidationError
from inventory_app.services.tabular import (
    Column,
    Table,
    cell_date,
    cell_decimal,
    cell_int,
    cell_text,
    read_table,
)
from inventory_app.services.tabular.aliases import STANDARD_ALIASES, normalize_header
from inventory_app.services.tabular.rows import column_letter

ITEM_COLUMNS = [
    Column("sku", required=True),
    Column("name", required=True),
    Column("qty"),
    Column("unit_cost"),
    Column("expiry"),
    Column("barcode"),
]


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "book.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def values(table: Table) -> list[tuple[int, dict[str, object]]]:
    return [(row.number, row.values) for row in table.rows]


def problems(exc: pytest.ExceptionInfo[ImportErrors]) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.problem) for e in exc.value.errors]


# --- headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("  Unit_Cost（元） ", "unitcost"),
        ("保质期(天)", "保质期"),
        ("ＳＫＵ", "sku"),
        ("Lead-Time (days)", "leadtime"),
        ("*编码", "编码"),
        ("单价【元】", "单价"),
        ("批号\u3000", "批号"),
        ("(备注)", "(备注)"),  # nothing but a bracket: kept
    ],
)
def test_normalize_header(header: str, expected: str) -> None:
    assert normalize_header(header) == expected


def test_every_standard_alias_finds_its_own_key(tmp_path: Path) -> None:
    for key, aliases in STANDARD_ALIASES.items():
        for alias in (key, *aliases):
            path = write_bytes(tmp_path, "a.csv", f"{alias},other\nx,y\n".encode())
            table = read_table(path, [Column(k) for k in STANDARD_ALIASES])
            assert table.headers == {key: alias}, alias


def test_standard_keys_are_the_documented_ones() -> None:
    assert set(STANDARD_ALIASES) == {
        "sku", "name", "category", "unit", "barcode", "supplier", "reorder_point",
        "safety_stock", "lead_time_days", "shelf_life_days", "removal", "date", "type", "qty",
        "unit_cost", "batch", "expiry", "location", "to_location", "reference", "note",
        "reason", "counted_qty", "expected_qty", "counter", "stocktake_id",
        "supplier_code", "supplier_sku", "pack", "factor", "pack_barcode", "purchase_price",
    }  # fmt: skip


def test_explicit_alias_and_key_of_unknown_column(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", "货号,盘点数,colour\nA1,3,red\n".encode())
    columns = [Column("sku"), Column("qty", aliases=("盘点数",)), Column("colour")]
    table = read_table(path, columns)
    assert table.headers == {"sku": "货号", "qty": "盘点数", "colour": "colour"}
    assert table.rows[0].values == {"sku": "A1", "qty": "3", "colour": "red"}


def test_columns_must_have_unique_keys(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sku\nA\n")
    with pytest.raises(ValueError):
        read_table(path, [Column("sku"), Column("sku")])


def test_missing_required_column_lists_expected_and_found(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", "编码,数量\nA,1\n".encode())
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    [error] = exc.value.errors
    assert error.row == 1
    assert "missing required column 'name'" in error.problem
    assert "名称" in error.problem and "headers found: 编码, 数量" in error.problem
    assert "a.csv" in str(exc.value)


def test_column_given_twice(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", "编码,名称,SKU\nA,B,C\n".encode())
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    [(row, column, problem)] = problems(exc)
    assert (row, column) == (1, "SKU")
    assert "'sku' is given twice" in problem and "(column A)" in problem
    assert "(column C)" in problem


def test_empty_header_between_filled_ones(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sku,,name\nA,x,B\n")
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    assert problems(exc) == [
        (1, "B", "merged or empty header cell; give every column its own header (unmerge cells)")
    ]


def test_trailing_empty_headers_are_fine_and_unknown_headers_reported(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", "sku,name,颜色,,\nA,B,red,,\n".encode())
    table = read_table(path, ITEM_COLUMNS)
    assert table.ignored_headers == ("颜色",)
    assert table.rows[0].values["qty"] is None


@pytest.mark.parametrize("content", [b"", b"\n\n  ,  \n", "\ufeff".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write_bytes(tmp_path, "a.csv", content)
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    assert problems(exc) == [(1, "", "the file is empty")]


def test_header_but_no_data_rows(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"\nsku,name\n,\n\n")
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    assert problems(exc) == [(2, "", "no data rows")]


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    text = "商品库存表,,\n导出日期 2026-11-21,,\n编码,名称,数量\nA1,螺丝,5\n"
    path = write_bytes(tmp_path, "a.csv", text.encode())
    table = read_table(path, ITEM_COLUMNS)
    assert values(table) == [
        (4, {"sku": "A1", "name": "螺丝", "qty": "5", "unit_cost": None, "expiry": None,
             "barcode": None}),
    ]  # fmt: skip


def test_typo_in_header_is_reported_on_the_header_not_the_title(tmp_path: Path) -> None:
    text = "商品库存表,,\n编码,名那,数量\nA1,螺丝,5\n"
    path = write_bytes(tmp_path, "a.csv", text.encode())
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    [error] = exc.value.errors
    assert error.row == 2 and "headers found: 编码, 名那, 数量" in error.problem


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"unsupported file type '\.numbers'") as exc:
        read_table(write_bytes(tmp_path, "a.numbers", b"x"), ITEM_COLUMNS)
    assert exc.value.code == "tabular.unsupported_type"
    assert str(exc.value).endswith("use .xlsx, .xls, .ods or .csv")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="was not found"):
        read_table(tmp_path / "nope.csv", ITEM_COLUMNS)
    with pytest.raises(ValidationError, match="was not found"):
        read_table(tmp_path / "nope.xlsx", ITEM_COLUMNS)


# --- CSV ---------------------------------------------------------------------------------------

CHINESE_CSV = "编码,名称,数量\nA001,螺丝 M3,12.5\nA002,六角螺母,3\n"
CHINESE_ROWS = [
    (2, {"sku": "A001", "name": "螺丝 M3", "qty": "12.5"}),
    (3, {"sku": "A002", "name": "六角螺母", "qty": "3"}),
]
SKU_NAME_QTY = [Column("sku", required=True), Column("name"), Column("qty")]


@pytest.mark.parametrize(
    "data",
    [
        CHINESE_CSV.encode("utf-8"),
        codecs.BOM_UTF8 + CHINESE_CSV.encode("utf-8"),
        CHINESE_CSV.encode("gb18030"),
        CHINESE_CSV.replace("\n", "\r\n").encode("gb18030"),
        # Excel "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF
        codecs.BOM_UTF16_LE
        + CHINESE_CSV.replace(",", "\t").replace("\n", "\r\n").encode("utf-16-le"),
        codecs.BOM_UTF16_BE + CHINESE_CSV.replace(",", "\t").encode("utf-16-be"),
        CHINESE_CSV.replace(",", ";").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gb18030-crlf", "utf16le-tab", "utf16be-tab", "semicolon"],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, data: bytes) -> None:
    path = write_bytes(tmp_path, "库存.txt", data)
    table = read_table(path, SKU_NAME_QTY)
    assert values(table) == CHINESE_ROWS
    assert table.headers == {"sku": "编码", "name": "名称", "qty": "数量"}
    assert table.source == "库存.txt"


def test_gb18030_after_a_long_ascii_start(tmp_path: Path) -> None:
    # The first 64 KB are plain ASCII (valid UTF-8); GBK bytes come much later.
    lines = ["sku,name,qty"] + [f"A{i},plain,{i}" for i in range(8000)] + ["B1,六角螺母,1"]
    path = write_bytes(tmp_path, "a.csv", "\n".join(lines).encode("gb18030"))
    assert path.stat().st_size > 64 * 1024
    table = read_table(path, SKU_NAME_QTY)
    assert table.rows[-1].values == {"sku": "B1", "name": "六角螺母", "qty": "1"}
    assert table.rows[-1].number == 8002


def test_csv_values_are_stripped_text_and_blank_rows_skipped(tmp_path: Path) -> None:
    text = (
        "sku, Name ,qty,unit_cost\n"
        '  A1 ,"Bolt, large",=SUM(A1:A2),"1,234.50"\n'
        ",,,\n"
        "\n"
        "A2,\u3000螺母\u200b,007\n"  # short row: unit_cost missing
        " , , , \n"
    )
    path = write_bytes(tmp_path, "a.csv", text.encode())
    table = read_table(path, ITEM_COLUMNS)
    assert [(n, v["sku"], v["name"], v["qty"], v["unit_cost"]) for n, v in values(table)] == [
        (2, "A1", "Bolt, large", "=SUM(A1:A2)", "1,234.50"),
        (5, "A2", "螺母", "007", None),
    ]
    assert cell_decimal(table.rows[0].values["unit_cost"]) == Decimal("1234.50")


def test_csv_quoted_newline_counts_as_one_row(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b'sku,name\nA1,"two\nlines"\nA2,x\n')
    assert [(n, v["name"]) for n, v in values(read_table(path, ITEM_COLUMNS))] == [
        (2, "two\nlines"),
        (3, "x"),
    ]


def test_csv_row_with_more_values_than_headers(tmp_path: Path) -> None:
    # An unquoted thousands separator shifts every later column; refuse rather than misread.
    path = write_bytes(tmp_path, "a.csv", b"sku,name,unit_cost\nA1,Bolt,1,234.50\nA2,Nut,5\n")
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    [(row, _, problem)] = problems(exc)
    assert row == 2 and "4 values but the header has 3 columns" in problem
    path = write_bytes(tmp_path, "b.csv", b"sku,name\nA1,Bolt,,,,\nA2,Nut,,,x,\n")
    with pytest.raises(ImportErrors) as exc:  # trailing empty fields are fine; a stray x is not
        read_table(path, ITEM_COLUMNS)
    assert [(e.row, e.problem[:35]) for e in exc.value.errors] == [
        (3, "this row has 5 values but the heade")
    ]
    assert "put quotes around it" in problem


def test_excel_sep_line(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sep=;\nsku;name\nA1;Bolt, large\n")
    assert values(read_table(path, SKU_NAME_QTY)) == [
        (2, {"sku": "A1", "name": "Bolt, large", "qty": None})
    ]


def test_unknown_encoding(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(5000))
    for encoding in ("utf-8", "gb18030"):  # the premise: neither decodes it
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)
    assert not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    path = write_bytes(tmp_path, "a.csv", data)
    with pytest.raises(ValidationError, match="unknown text encoding; save as UTF-8 or GB18030"):
        read_table(path, ITEM_COLUMNS)


def test_bad_bytes_late_in_the_file_are_an_unknown_encoding(tmp_path: Path) -> None:
    data = b"sku,name\n" + b"A,B\n" * 30000 + b"C,\xff\xff\n"
    path = write_bytes(tmp_path, "a.csv", data)
    with pytest.raises(ValidationError, match="unknown text encoding"):
        read_table(path, ITEM_COLUMNS)


def test_utf16_without_bom_is_refused_not_misread(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", "sku,name\nA,B\n".encode("utf-16-le"))
    with pytest.raises(ValidationError, match="unknown text encoding"):
        read_table(path, ITEM_COLUMNS)


def test_workbook_saved_as_csv_name(tmp_path: Path) -> None:
    real = write_xlsx(tmp_path, [["sku", "name"], ["A", "B"]])
    path = write_bytes(tmp_path, "a.csv", real.read_bytes())
    with pytest.raises(ValidationError, match="is an Excel workbook, not text"):
        read_table(path, ITEM_COLUMNS)


def test_csv_too_many_rows(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sku,name\n" + b"A,B\n" * 11)
    assert len(read_table(path, ITEM_COLUMNS, max_rows=11).rows) == 11
    with pytest.raises(ValidationError, match="more than 10 data rows") as exc:
        read_table(path, ITEM_COLUMNS, max_rows=10)
    assert exc.value.code == "tabular.too_many_rows"
    assert exc.value.params == {"file": "a.csv", "max_rows": 10}


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sku,name\n" + b"A,B\n" * 5000)
    calls: list[tuple[int, int]] = []
    read_table(path, ITEM_COLUMNS, progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 2001 and calls[-1] == (5001, 5001)
    assert all(done <= total for done, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)

    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 1  # not at the start; at the first checkpoint

    with pytest.raises(Cancelled) as exc:
        read_table(path, ITEM_COLUMNS, cancel=cancel)
    assert len(asked) == 2
    assert (exc.value.code, exc.value.params) == ("tabular.read_cancelled", {"file": "a.csv"})
    assert str(exc.value) == "reading a.csv was cancelled"


# --- XLSX --------------------------------------------------------------------------------------


def test_xlsx_chinese_headers_shuffled_typed_values(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["有效期", "数量", "条码", "名称", "单价（元）", "编码", "颜色"],
        [datetime.date(2027, 3, 1), 12, 6901234567890, "螺丝", 56.92, "A001", "红"],
        [datetime.datetime(2027, 3, 1, 8, 30), "12.50", "6901234567890", " 螺母 ", "3", "A002"],
        [None, 2.5, None, "垫片", 1e-7, 1001],
    ]
    table = read_table(write_xlsx(tmp_path, rows), ITEM_COLUMNS)
    assert table.headers == {
        "expiry": "有效期", "qty": "数量", "barcode": "条码", "name": "名称",
        "unit_cost": "单价（元）", "sku": "编码",
    }  # fmt: skip
    assert table.ignored_headers == ("颜色",)
    first, second, third = (row.values for row in table.rows)
    assert first == {
        "sku": "A001", "name": "螺丝", "qty": 12, "unit_cost": Decimal("56.92"),
        "expiry": datetime.date(2027, 3, 1), "barcode": 6901234567890,
    }  # fmt: skip
    assert type(first["expiry"]) is datetime.date
    assert second["expiry"] == datetime.datetime(2027, 3, 1, 8, 30)
    assert second["qty"] == "12.50" and cell_decimal(second["qty"]) == Decimal("12.50")
    assert second["name"] == "螺母" and second["barcode"] == "6901234567890"
    assert third["qty"] == Decimal("2.5")
    assert third["unit_cost"] == Decimal("1E-7") and third["sku"] == 1001
    assert cell_text(first["barcode"]) == "6901234567890" and cell_text(third["sku"]) == "1001"


def test_xlsx_blank_rows_skipped_with_real_row_numbers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["B3"], ws["C3"] = "sku", "name"  # header not in A1
    ws["B4"], ws["C4"] = "A1", "x"
    ws["B6"], ws["C6"] = "A2", "  "  # a row gap, then a name of spaces
    ws["B7"], ws["C7"] = "   ", None  # whitespace only: blank
    for r in range(8, 40):  # formatted but empty trailing rows
        ws.cell(r, 2).number_format = "0.00"
        ws.cell(r, 3).value = None
    path = tmp_path / "a.xlsx"
    wb.save(path)
    table = read_table(path, ITEM_COLUMNS[:2])
    assert values(table) == [(4, {"sku": "A1", "name": "x"}), (6, {"sku": "A2", "name": None})]


def test_xlsx_formula_cell_is_refused_with_place_and_formula(tmp_path: Path) -> None:
    rows = [["sku", "name", "qty", "合计"], ["A1", "x", "=2*3", "=C2*2"], ["A2", "y", 4, 5]]
    with pytest.raises(ImportErrors) as exc:
        read_table(write_xlsx(tmp_path, rows), ITEM_COLUMNS)
    [error] = exc.value.errors  # the formula in the ignored 合计 column does not matter
    assert (error.row, error.column, error.value) == (2, "qty", "=2*3")
    assert "contains a formula; paste values instead" in error.problem
    assert error.code == "tabular.cell_formula"


def test_xlsx_excel_error_value_is_refused(tmp_path: Path) -> None:
    rows = [["sku", "name", "qty"], ["A1", "x", "#N/A"]]
    with pytest.raises(ImportErrors) as exc:
        read_table(write_xlsx(tmp_path, rows), ITEM_COLUMNS)
    assert problems(exc) == [(2, "qty", "contains the Excel error #N/A; fix or clear the cell")]
    [error] = exc.value.errors
    assert (error.code, error.params) == ("tabular.cell_excel_error", {"error": "#N/A"})


def test_xlsx_merged_header(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["sku", "名称", None, "qty"])
    ws.append(["A1", "螺丝", "M3", 5])
    ws.merge_cells("B1:C1")
    path = tmp_path / "a.xlsx"
    wb.save(path)
    with pytest.raises(ImportErrors) as exc:
        read_table(path, ITEM_COLUMNS)
    [(row, column, problem)] = problems(exc)
    assert (row, column) == (1, "C") and problem.startswith("merged or empty header cell")


def test_xlsx_named_sheet_default_sheet_and_unknown_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.sheet_state = "hidden"
    items = wb.create_sheet("商品")
    items.append(["sku", "name"])
    items.append(["A1", "first visible"])
    other = wb.create_sheet("Other")
    other.append(["sku", "name"])
    other.append(["B1", "named"])
    path = tmp_path / "a.xlsx"
    wb.save(path)
    assert read_table(path, ITEM_COLUMNS[:2]).rows[0].values["name"] == "first visible"
    assert read_table(path, ITEM_COLUMNS[:2], sheet="Other").rows[0].values["name"] == "named"
    assert read_table(path, ITEM_COLUMNS[:2], sheet=" other").rows[0].values["name"] == "named"
    with pytest.raises(
        ValidationError, match="no sheet '库存'; its sheets are: '说明', '商品'"
    ) as exc:
        read_table(path, ITEM_COLUMNS, sheet="库存")
    assert exc.value.code == "tabular.no_such_sheet"
    assert (exc.value.params["file"], exc.value.params["sheet"]) == ("a.xlsx", "库存")


def test_xlsx_empty_sheet_and_header_only(tmp_path: Path) -> None:
    with pytest.raises(ImportErrors) as exc:
        read_table(write_xlsx(tmp_path, []), ITEM_COLUMNS)
    assert problems(exc) == [(1, "", "the file is empty")]
    with pytest.raises(ImportErrors) as exc:
        read_table(write_xlsx(tmp_path, [[None], ["sku", "name"]]), ITEM_COLUMNS)
    assert problems(exc) == [(2, "", "no data rows")]


@pytest.mark.parametrize(
    ("data", "message", "code"),
    [
        (b"sku,name\nA,B\n", r"is not an Excel \.xlsx workbook \(it looks like a text file\)",
         "tabular.not_workbook_text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), r"old \.xls file or is password",
         "tabular.not_workbook_xls"),
        (b"PK\x03\x04garbage", r"is not an Excel \.xlsx workbook \(the file is damaged\)",
         "tabular.not_workbook_damaged"),
        (b"\x00\x01\x02", r"is not an Excel \.xlsx workbook; open it", "tabular.not_workbook"),
    ],
    ids=["text", "ole", "bad-zip", "binary"],
)  # fmt: skip
def test_not_a_workbook(tmp_path: Path, data: bytes, message: str, code: str) -> None:
    with pytest.raises(ValidationError, match=message) as exc:
        read_table(write_bytes(tmp_path, "a.xlsx", data), ITEM_COLUMNS)
    assert (exc.value.code, exc.value.params) == (code, {"file": "a.xlsx"})


def test_truncated_workbook_and_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    real = write_xlsx(tmp_path, [["sku", "name"], ["A", "B"]]).read_bytes()
    with pytest.raises(ValidationError, match=r"not an Excel \.xlsx workbook"):
        read_table(write_bytes(tmp_path, "cut.xlsx", real[: len(real) // 2]), ITEM_COLUMNS)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(ValidationError, match=r"not an Excel \.xlsx workbook"):
        read_table(other, ITEM_COLUMNS)


# Hand-made workbooks: full control over each XML part.
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def raw_xlsx(tmp_path: Path, sheet_data: str, *, shared: str = "", head: str = "") -> Path:
    """A minimal workbook whose sheet1 holds ``sheet_data`` rows and sharedStrings ``shared``."""
    sst = shared or f'<sst xmlns="{MAIN_NS}"><si><t>sku</t></si><si><t>name</t></si></sst>'
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN_NS}" xmlns:r="{DOC_REL}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/sharedStrings.xml": sst,
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN_NS}">{head}'
        f"<sheetData>{sheet_data}</sheetData></worksheet>",
    }
    path = tmp_path / "raw.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'


def data_row(n: int, formula: bool = False) -> str:
    name = "<f>1+1</f><v>2</v>" if formula else f"<v>{n}</v>"
    sku = f'<c r="A{n}" t="inlineStr"><is><t>S{n}</t></is></c>'
    return f'<row r="{n}">{sku}<c r="B{n}">{name}</c></row>'


def test_hand_made_workbook_reads(tmp_path: Path) -> None:
    # The baseline for the hostile variants below: the same parts without the attack read fine.
    path = raw_xlsx(tmp_path, HEADER_ROW + data_row(2))
    assert values(read_table(path, ITEM_COLUMNS[:2])) == [(2, {"sku": "S2", "name": 2})]


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)


@pytest.mark.parametrize(
    ("shared", "sheet_head"),
    [
        (LAUGHS + f'<sst xmlns="{MAIN_NS}"><si><t>&i;</t></si><si><t>name</t></si></sst>', ""),
        (
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<sst xmlns="{MAIN_NS}"><si><t>&x;</t></si><si><t>name</t></si></sst>',
            "",
        ),
        ("", "sheet"),
    ],
    ids=["billion-laughs-shared-strings", "external-entity", "entities-in-sheet"],
)
def test_hostile_xml_is_refused(tmp_path: Path, shared: str, sheet_head: str) -> None:
    path = raw_xlsx(tmp_path, HEADER_ROW + data_row(2), shared=shared)
    if sheet_head:  # put the DTD in the sheet part instead
        with zipfile.ZipFile(path) as archive:
            parts = {n: archive.read(n) for n in archive.namelist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        parts["xl/worksheets/sheet1.xml"] = (
            LAUGHS.replace("sst", "worksheet") + sheet.replace("<v>2</v>", "<v>&i;</v>")
        ).encode()
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    with pytest.raises(
        ValidationError, match=r"XML entity declarations.*refused for safety"
    ) as exc:
        read_table(path, ITEM_COLUMNS)
    assert (exc.value.code, exc.value.params) == ("tabular.workbook_hostile", {"file": "raw.xlsx"})


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]>',
        "<!-- " + "padding " * 5000 + '-->\n<!DOCTYPE worksheet SYSTEM "http://example.com/x">',
    ],
    ids=["entity", "dtd-after-long-comment"],
)
def test_our_own_check_refuses_any_dtd(tmp_path: Path, prolog: str) -> None:
    # First line of defence, independent of openpyxl's parser settings.
    from inventory_app.services.tabular import check_workbook_file as _check_workbook_file

    clean = raw_xlsx(tmp_path, HEADER_ROW + data_row(2))
    _check_workbook_file(clean)  # the premise: the same workbook without a DTD passes
    with zipfile.ZipFile(clean) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    for encoding in ("utf-8", "utf-16"):
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        if encoding == "utf-16":
            prolog = prolog.replace('<?xml version="1.0"?>', "")
            prolog = '<?xml version="1.0" encoding="UTF-16"?>' + prolog
        hostile = tmp_path / f"hostile-{encoding}.xlsx"
        with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                if name == "xl/worksheets/sheet1.xml":
                    data = (prolog + sheet).encode(encoding)
                archive.writestr(name, data)
        with pytest.raises(ValidationError, match="refused for safety"):
            _check_workbook_file(hostile)


def test_openpyxl_itself_refuses_entities(tmp_path: Path) -> None:
    # Second line of defence, behind our own DTD check: openpyxl parses through defusedxml and
    # wraps its error in a ValueError, which we still recognise.
    from defusedxml import DefusedXmlException

    from inventory_app.services.tabular.xlsx_files import _openpyxl_problem

    shared = LAUGHS + f'<sst xmlns="{MAIN_NS}"><si><t>&i;</t></si></sst>'
    path = raw_xlsx(tmp_path, HEADER_ROW, shared=shared)
    with pytest.raises(ValueError) as exc:
        load_workbook(path, read_only=True)
    assert isinstance(exc.value.__cause__, DefusedXmlException)
    problem = _openpyxl_problem(path, exc.value)
    assert problem is not None and "refused for safety" in str(problem)
    damaged = _openpyxl_problem(path, ValueError("Unable to read workbook"))
    assert damaged is not None and "damaged" in str(damaged)
    assert _openpyxl_problem(path, RuntimeError("a bug")) is None


def test_excel_float_noise_is_dropped_and_exact_text_kept(tmp_path: Path) -> None:
    # Excel writes some numbers with 17 digits; the shortest round trip is what the user typed.
    row = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>S2</t></is></c><c r="B2">'
        '<v>56.920000000000002</v></c><c r="C2"><v>0.30000000000000004</v></c>'
        '<c r="D2"><v>6.9012345678900000E+12</v></c></row>'
    )
    more = '<c r="C1" t="inlineStr"><is><t>qty</t></is></c>'
    more += '<c r="D1" t="inlineStr"><is><t>barcode</t></is></c></row>'
    header = HEADER_ROW.replace("</row>", more)
    table = read_table(raw_xlsx(tmp_path, header + row), ITEM_COLUMNS)
    got = table.rows[0].values
    assert got["name"] == Decimal("56.92") and got["qty"] == Decimal("0.30000000000000004")
    assert cell_text(got["barcode"]) == "6901234567890"


def test_wrong_stored_dimension_does_not_cut_rows(tmp_path: Path) -> None:
    rows = HEADER_ROW + "".join(data_row(n) for n in range(2, 6))
    path = raw_xlsx(tmp_path, rows, head='<dimension ref="A1:A2"/>')
    assert [n for n, v in values(read_table(path, ITEM_COLUMNS[:2]))] == [2, 3, 4, 5]
    assert read_table(path, ITEM_COLUMNS[:2]).rows[-1].values == {"sku": "S5", "name": 5}


def test_huge_sheet_refused_from_its_dimension(tmp_path: Path) -> None:
    rows = HEADER_ROW + "".join(data_row(n) for n in range(2, 12))
    path = raw_xlsx(tmp_path, rows, head='<dimension ref="A1:B1048576"/>')
    with pytest.raises(ValidationError, match="used down to row 1,048,576, more than the 1,000"):
        read_table(path, ITEM_COLUMNS, max_rows=1000)


def test_huge_sheet_without_dimension_stops_early(tmp_path: Path) -> None:
    # A formula far down is never reached: reading stops once max_rows is exceeded.
    rows = HEADER_ROW + "".join(data_row(n, formula=n == 40) for n in range(2, 50))
    path = raw_xlsx(tmp_path, rows)
    with pytest.raises(ImportErrors):
        read_table(path, ITEM_COLUMNS, max_rows=100)  # the formula is there
    with pytest.raises(ValidationError, match="more than 10 data rows"):
        read_table(path, ITEM_COLUMNS, max_rows=10)


def test_xlsx_progress(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["sku", "name"]] + [["A", "B"]] * 4500)
    calls: list[tuple[int, int]] = []
    read_table(path, ITEM_COLUMNS, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2001, 4501), (4001, 4501), (4501, 4501)]


def test_garbage_collector_is_left_as_found(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "a.csv", b"sku,name\nA,B\n")
    assert gc.isenabled()
    read_table(path, ITEM_COLUMNS)
    assert gc.isenabled()
    with pytest.raises(ImportErrors):
        read_table(path, [Column("qty", required=True)])
    assert gc.isenabled()
    gc.disable()
    try:
        read_table(path, ITEM_COLUMNS)
        assert not gc.isenabled()  # not ours to turn on
    finally:
        gc.enable()


# --- cell parsers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (6901234567890, "6901234567890"),
        (Decimal("6901234567890.0"), "6901234567890"),
        (Decimal("1E+2"), "100"),
        (Decimal("0.00000015"), "0.00000015"),
        (Decimal("-0.0"), "0"),
        (Decimal("12.50"), "12.5"),
        (datetime.date(2026, 11, 21), "2026-11-21"),
        (datetime.datetime(2026, 11, 21, 8, 5), "2026-11-21 08:05:00"),
        (" 螺丝 ", "螺丝"),
    ],
)
def test_cell_text(cell: object, text: str) -> None:
    assert cell_text(cell) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        (12, Decimal(12)),
        (Decimal("12.50"), Decimal("12.50")),
        ("12.50", Decimal("12.50")),
        ("1,234.50", Decimal("1234.50")),
        ("-1,234", Decimal("-1234")),
        ("１２３．５", Decimal("123.5")),
        ("－５", Decimal("-5")),
        ("\u22125", Decimal("-5")),
        (" +7 ", Decimal("7")),
        ("¥8.5", Decimal("8.5")),
        ("￥1,000", Decimal("1000")),
        ("-$3", Decimal("-3")),
        ("-¥ 8.50", Decimal("-8.50")),
        (" 1e3 ", Decimal("1000")),
        (".5", Decimal("0.5")),
        ("1.5E+3", Decimal("1500")),
    ],
)
def test_cell_decimal(cell: object, number: Decimal) -> None:
    result = cell_decimal(cell)  # type: ignore[arg-type]
    assert result == number and isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("abc", "not a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        (Decimal("NaN"), "not a finite number"),
        (Decimal("Infinity"), "not a finite number"),
        ("1,5", "use '.' for decimals"),
        ("12,34.5", "use '.' for decimals"),
        ("1.2.3", "not a number"),
        ("12元", "not a number"),
        ("12 34", "not a number"),
        ("1e999999", "number too large"),
        (10**20, "number too large"),
        ("", "empty"),
        (None, "empty"),
        (True, "not a value"),
        (datetime.date(2026, 1, 1), "not a number"),
    ],
)
def test_cell_decimal_refuses(cell: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        cell_decimal(cell)  # type: ignore[arg-type]


def test_cell_int() -> None:
    assert [cell_int(c) for c in (12, "12", "12.0", Decimal("3.000"), "1,200")] == [
        12, 12, 12, 3, 1200,
    ]  # fmt: skip
    for bad in ("12.5", Decimal("0.1"), "x", None):
        with pytest.raises(ValidationError):
            cell_int(bad)


@pytest.mark.parametrize(
    "cell",
    [
        datetime.date(2026, 11, 21),
        datetime.datetime(2026, 11, 21, 23, 59),
        "2026-11-21",
        "2026/11/21",
        "2026.11.21",
        "2026年11月21日",
        "2026 年 11 月 21 日",
        "２０２６－１１－２１",
        "2026-11-21 10:30:00",
        "2026-11-21T10:30",
        "20261121",
        20261121,
    ],
)
def test_cell_date(cell: object) -> None:
    assert cell_date(cell) == datetime.date(2026, 11, 21)  # type: ignore[arg-type]


def test_cell_date_single_digit_month_and_day() -> None:
    assert cell_date("2026-1-5") == datetime.date(2026, 1, 5)
    assert cell_date("2026年1月5号") == datetime.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("21/11/2026", "ambiguous date"),
        ("11/21/2026", "ambiguous date"),
        ("3.4.26", "ambiguous date"),
        ("2026-02-30", "not a real date"),
        ("2026年13月1日", "not a real date"),
        ("20260230", "not a real date"),
        ("next friday", "not a date"),
        ("26-11-21x", "not a date"),
        (46023, "a number, not a date"),
        (None, "empty"),
    ],
)
def test_cell_date_refuses(cell: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        cell_date(cell)  # type: ignore[arg-type]


@given(st.decimals(min_value=-(10**18), max_value=10**18, allow_nan=False, allow_infinity=False))
def test_decimal_text_round_trip(number: Decimal) -> None:
    assert cell_decimal(cell_text(number)) == number
    assert cell_decimal(str(number)) == number


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(9999, 12, 30)))
def test_date_text_round_trip(day: datetime.date) -> None:
    assert cell_date(day.isoformat()) == day
    assert cell_date(f"{day.year}年{day.month}月{day.day}日") == day


def test_column_letter() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


TRADITIONAL_CSV = (
    "編碼,名稱,數量\n"
    "T001,鮮奶 全脂 1公升,10\n"
    "T002,全麥麵包,5\n"
    "T003,礦泉水 600毫升,24\n"
    "T004,醬油 黑豆 500毫升,6\n"
    "T005,衛生紙 抽取式,12\n"
)


def test_a_big5_file_from_taiwan_reads_as_big5_not_as_garbled_gb18030(tmp_path: Path) -> None:
    data = TRADITIONAL_CSV.encode("cp950")
    data.decode("gb18030")  # the premise: as GB18030 it decodes, into nonsense
    path = write_bytes(tmp_path, "台灣.csv", data)
    table = read_table(path, SKU_NAME_QTY)
    assert table.headers == {"sku": "編碼", "name": "名稱", "qty": "數量"}
    assert [v["name"] for _, v in values(table)][:2] == ["鮮奶 全脂 1公升", "全麥麵包"]


def test_traditional_or_simplified_text_saved_as_gb18030_stays_gb18030(tmp_path: Path) -> None:
    from inventory_app.services import demo

    names = [it.name for it in demo.generate(skus=300, seed=3).items]
    simplified = "sku,name,qty\n" + "".join(f"S{i},{n},1\n" for i, n in enumerate(names))
    for text in (TRADITIONAL_CSV, simplified):
        path = write_bytes(tmp_path, "gb.csv", text.encode("gb18030"))
        table = read_table(path, SKU_NAME_QTY)
        expected = [line.split(",")[1] for line in text.splitlines()[1:]]
        assert [v["name"] for _, v in values(table)] == expected


# --- codes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "cell", "code", "params"),
    [
        (cell_decimal, "abc", "tabular.not_number", {}),
        (cell_decimal, "1,5", "tabular.decimal_comma", {}),
        (cell_decimal, "1e999999", "tabular.number_too_large", {"max_digits": 18}),
        (cell_decimal, None, "tabular.empty", {}),
        (cell_decimal, True, "tabular.not_accepted", {}),
        (cell_text, Decimal("NaN"), "tabular.not_finite", {}),
        (cell_int, "12.5", "tabular.not_whole", {}),
        (cell_date, "2026-02-30", "tabular.not_real_date", {"year": 2026, "month": 2, "day": 30}),
        (cell_date, "21/11/2026", "tabular.ambiguous_date", {}),
        (cell_date, 46023, "tabular.number_not_date", {}),
        (cell_date, "next friday", "tabular.date_unreadable", {}),
    ],
)
def test_a_cell_refusal_carries_its_code(parse, cell: object, code: str, params: dict) -> None:
    with pytest.raises(ValidationError) as exc:
        parse(cell)
    assert (exc.value.code, exc.value.params) == (code, params)


def test_every_tabular_code_has_its_english_text_and_every_text_is_used() -> None:
    from inventory_app.domain.messages import PARTS, TEMPLATES
    from inventory_app.services import tabular

    folder = Path(tabular.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    used = set(re.findall(r'"(tabular\.[a-z_]+)"', source))
    assert len(used) > 40  # the premise: the scan sees the codes
    # the parts of a sentence (tabular.column_twice.at) are rendered by messages.PARTS
    assert used == {
        code
        for code in TEMPLATES
        if code.startswith("tabular.") and code.rpartition(".")[0] not in PARTS
    }
