"""tabular with python-calamine: .xlsx read as openpyxl reads it, .xls and .ods read as their
.xlsx twins, cell by cell. The fixtures in tests/data/sheets were made by
tests/data/make_spreadsheets.py (openpyxl writes the .xlsx, LibreOffice converts it)."""

from __future__ import annotations

import datetime
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from inventory_app.domain.errors import Cancelled, ImportErrors, InventoryError, ValidationError
from inventory_app.services.tabular import Column, cell_text, read_sheet_values, read_table
from inventory_app.services.tabular.xlsx_scan import CELL_LIMIT, plan_sheet
from tests.services.test_tabular import HEADER_ROW, data_row, raw_xlsx

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
CASES = [Column("case", required=True), Column("v"), Column("name")]
PLAIN_SHEETS = ["类型", "合并", "空", None]  # None: the default, first visible sheet


@pytest.fixture
def no_calamine(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-calamine not installed: ``import python_calamine`` fails."""
    monkeypatch.setitem(sys.modules, "python_calamine", None)


def read(path: Path, sheet: str | None = None, columns: list[Column] = CASES) -> object:
    """What reading gives, comparable across readers: rows with each value's type, the row
    problems, or the refusal."""
    try:
        table = read_table(path, columns, sheet=sheet)
    except ImportErrors as exc:
        return [("problem", e.row, e.column, e.value, e.code, e.params) for e in exc.errors]
    except InventoryError as exc:
        return ("refused", exc.code, exc.params)
    return table.headers, [
        (row.number, {k: (type(v).__name__, v) for k, v in row.values.items()})
        for row in table.rows
    ]


def by_openpyxl(path: Path, sheet: str | None = None) -> object:
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "python_calamine", None)
        return read(path, sheet)


# --- .xlsx: calamine where it reads what openpyxl reads ---------------------------------------


@pytest.mark.parametrize("sheet", PLAIN_SHEETS)
@pytest.mark.parametrize("name", ["cells.xlsx", "cells.lo.xlsx"])
def test_calamine_reads_an_xlsx_cell_by_cell_as_openpyxl(name: str, sheet: str | None) -> None:
    path = SHEETS / name
    assert plan_sheet(path, sheet) is not None  # the premise: calamine reads it
    assert read(path, sheet) == by_openpyxl(path, sheet)


def test_the_cells_compared_are_the_hard_ones() -> None:
    # dates stored as numbers and as text, times, durations, CJK formats, numbers at the
    # edges, shared strings with Chinese text (cells.lo.xlsx), blank and spaces-only cells
    headers, rows = read(SHEETS / "cells.lo.xlsx")  # type: ignore[misc]
    got = {values["case"][1]: values["v"] for _, values in rows}
    assert headers == {"case": "case", "v": "v", "name": "名称"}
    assert got["date"] == ("date", datetime.date(2026, 11, 21))
    assert got["datetime ms"] == ("datetime", datetime.datetime(2026, 11, 21, 8, 30, 15, 250000))
    assert got["time"] == ("str", "08:30:00") and got["duration"] == ("str", "1 day, 12:00:00")
    assert got["cn date"] == ("date", datetime.date(2026, 1, 5))
    assert got["early 1900"] == ("date", datetime.date(1900, 1, 15))
    assert got["date as number"] == ("int", 46347)
    assert got["date text cn"] == ("str", "2026年11月21日")
    assert got["float noise"] == ("Decimal", Decimal("56.92"))
    assert got["subnormal-ish"] == ("Decimal", Decimal("1.5E-300"))
    assert got["barcode"] == ("int", 6901234567890) and got["negative zero"] == ("int", 0)
    assert got["digits text"] == ("str", "007") and got["empty"] == ("NoneType", None)
    assert [n for n, _ in rows][-2:] == [41, 43]  # the blank row 42 skipped, real numbers
    with zipfile.ZipFile(SHEETS / "cells.lo.xlsx") as archive:
        assert b"<si>" in archive.read("xl/sharedStrings.xml")


@pytest.mark.parametrize(
    ("name", "sheet"),
    [
        ("cells.xlsx", "公式"),  # formulas: a row problem, whatever the cached value
        ("cells.lo.xlsx", "公式"),  # formulas with cached values (and #N/A, #DIV/0!)
        ("cells.xlsx", "大数"),  # 1e+20: a float to openpyxl, though whole
        ("cells.lo.xlsx", "大数"),
        ("cells.lo.xlsx", "布尔"),  # LibreOffice saves TRUE as the formula =TRUE()
    ],
)
def test_what_calamine_cannot_tell_is_read_by_openpyxl(name: str, sheet: str) -> None:
    path = SHEETS / name
    assert plan_sheet(path, sheet) is None
    assert read(path, sheet) == by_openpyxl(path, sheet)


def test_formula_cells_stay_row_problems(tmp_path: Path) -> None:
    problems = read(SHEETS / "cells.lo.xlsx", "公式")
    assert [(p[1], p[3], p[4]) for p in problems] == [  # type: ignore[union-attr]
        (2, "=2*3", "tabular.cell_formula"),
        (3, '="螺"&"丝"', "tabular.cell_formula"),
        (4, "=DATE(2026,11,21)", "tabular.cell_formula"),
        (5, "=NA()", "tabular.cell_formula"),
        (6, "=1/0", "tabular.cell_formula"),
    ]


def test_formulas_of_a_validation_list_do_not_count(tmp_path: Path) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.append(["case", "v"])
    ws.append(["x", 1])
    rule = DataValidation(type="list", formula1='"receipt,issue"')
    ws.add_data_validation(rule)
    rule.add("B2:B100")
    path = tmp_path / "validated.xlsx"
    wb.save(path)
    assert plan_sheet(path, None) is not None
    assert read(path) == by_openpyxl(path)


def with_sheet(path: Path, sheet: str, name: str) -> Path:
    """A copy of ``path`` named ``name`` whose first sheet's XML is ``sheet``."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    out = path.with_name(name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ('<c r="B2" t="e"><v>#N/A</v></c>', "error"),
        ('<c r="B2" t="d"><v>2026-11-21T00:00:00</v></c>', "ISO date"),
        ('<c r="B2" t="inlineStr"><is><t>a_x000D_b</t></is></c>', "escape"),
        ('<c r="B2"><v>1.5E+2</v></c>', "exponent"),
        ('<c r="B2"><f>1+1</f><v>2</v></c>', "formula"),
        ('<c r="B2"/><c r="XFD1048576"><v>1</v></c>', "far cell"),
        ('<c r="B2"/><c r="A9000000"><v>1</v></c>', "cell below its row"),
    ],
)
def test_hand_made_cells_calamine_leaves_to_openpyxl(tmp_path: Path, row: str, why: str) -> None:
    sku = '<c r="A2" t="inlineStr"><is><t>S2</t></is></c>'
    path = raw_xlsx(tmp_path, HEADER_ROW + f'<row r="2">{sku}{row}</row>')
    assert plan_sheet(path, None) is None, why
    got = read(path, None, [Column("sku"), Column("name")])
    assert got == by_openpyxl_columns(path, [Column("sku"), Column("name")])


def by_openpyxl_columns(path: Path, columns: list[Column]) -> object:
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "python_calamine", None)
        return read(path, None, columns)


def test_namespace_prefixed_sheet_is_scanned_with_its_prefix(tmp_path: Path) -> None:
    plain = raw_xlsx(tmp_path, HEADER_ROW + data_row(2))
    assert plan_sheet(plain, None) is not None
    with zipfile.ZipFile(plain) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    prefixed = sheet.replace("<", "<x:").replace("<x:/", "</x:").replace('xmlns="', 'xmlns:x="')
    path = with_sheet(plain, prefixed, "prefixed.xlsx")
    assert plan_sheet(path, None) is not None
    assert read(path, None, [Column("sku"), Column("name")]) == by_openpyxl_columns(
        path, [Column("sku"), Column("name")]
    )
    with_formula = prefixed.replace("<x:v>2</x:v>", "<x:f>1+1</x:f><x:v>2</x:v>")
    assert plan_sheet(with_sheet(plain, with_formula, "formula.xlsx"), None) is None


def test_1904_date_system(tmp_path: Path) -> None:
    wb = Workbook()
    wb.epoch = datetime.datetime(1904, 1, 1)  # openpyxl's CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["case", "v"])
    ws.append(["date", datetime.date(2026, 11, 21)])
    ws.append(["datetime", datetime.datetime(2026, 11, 21, 17, 45)])
    ws["B2"].number_format = "yyyy-mm-dd"
    ws["B3"].number_format = "yyyy-mm-dd hh:mm"
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    assert plan_sheet(path, None) is not None
    assert read(path) == by_openpyxl(path)
    _, rows = read(path)  # type: ignore[misc]
    assert rows[0][1]["v"] == ("date", datetime.date(2026, 11, 21))


def test_stored_dimension_still_refuses_a_huge_sheet(tmp_path: Path) -> None:
    rows = HEADER_ROW + "".join(data_row(n) for n in range(2, 12))
    path = raw_xlsx(tmp_path, rows, head='<dimension ref="A1:B1048576"/>')
    got = read(path, None, [Column("sku"), Column("name")])
    assert got == by_openpyxl_columns(path, [Column("sku"), Column("name")])
    assert got == ("refused", "tabular.sheet_too_long", {
        "file": "raw.xlsx", "sheet": "Sheet1", "last_row": 1048576, "max_rows": 1_000_000,
    })  # fmt: skip


def test_a_sheet_over_the_cell_limit_is_streamed_by_openpyxl(tmp_path: Path) -> None:
    # calamine would build (last row) x (last column) cells: a value in column XFD (16,384) is
    # fine on row 3, not on row 400
    def sheet(row: int) -> str:
        sku = f'<c r="A{row}" t="inlineStr"><is><t>S</t></is></c>'
        return HEADER_ROW + f'<row r="{row}">{sku}<c r="XFD{row}"><v>1</v></c></row>'

    assert 3 * 16384 <= CELL_LIMIT < 400 * 16384
    assert plan_sheet(raw_xlsx(tmp_path, sheet(3)), None) is not None
    path = raw_xlsx(tmp_path, sheet(400))
    assert plan_sheet(path, None) is None
    assert read(path, None, [Column("sku")]) == by_openpyxl_columns(path, [Column("sku")])


def test_without_calamine_xlsx_is_read_by_openpyxl_and_xls_ods_refused(no_calamine) -> None:
    _, rows = read(SHEETS / "cells.xlsx")  # type: ignore[misc]
    assert rows[0] == (4, {"case": ("str", "int"), "v": ("int", 12), "name": ("str", "螺丝")})
    for name in ("cells.xls", "cells.ods"):
        assert read(SHEETS / name) == (
            "refused", "tabular.needs_calamine", {"file": name}
        )  # fmt: skip


# --- .xls and .ods: the rows of their .xlsx twin ------------------------------------------------


@pytest.mark.parametrize("sheet", [*PLAIN_SHEETS, "大数", "布尔"])
def test_xls_reads_the_rows_of_its_xlsx(sheet: str | None) -> None:
    assert read(SHEETS / "cells.xls", sheet) == by_openpyxl(SHEETS / "cells.xlsx", sheet)


# What LibreOffice's .ods and calamine's reading of it change, cell by cell (case -> value).
ODS_DIFFERENCES = {
    "duration": ("str", "PT36H00M00S"),  # an ISO duration over 24 h stays text
    "early 1900": ("date", datetime.date(1900, 1, 14)),  # before 1900-03-01: a day early
    "tab": ("str", "ab"),  # <text:tab/> is dropped
    "true": ("int", 1),  # LibreOffice stores a boolean as a number
    "false": ("int", 0),
    "17 digits": ("Decimal", Decimal("1.23456789012346E+16")),  # saved with 15 digits
}


@pytest.mark.parametrize("sheet", [*PLAIN_SHEETS, "大数", "布尔"])
def test_ods_reads_the_rows_of_its_xlsx_but_for_known_differences(sheet: str | None) -> None:
    got, want = read(SHEETS / "cells.ods", sheet), by_openpyxl(SHEETS / "cells.xlsx", sheet)
    if sheet in ("合并", "空"):
        assert got == want
        return
    assert got[0] == want[0]  # type: ignore[index]
    changed = []
    for (number, values), (want_number, want_values) in zip(got[1], want[1], strict=True):  # type: ignore[index]
        assert number == want_number
        case = values["case"][1]
        if values != want_values:
            changed.append(case)
            assert values == {**want_values, "v": ODS_DIFFERENCES[case]}
    assert changed == [c for c in ODS_DIFFERENCES if c in changed]  # each difference listed
    assert sheet is None or changed or sheet == "合并"


def test_xls_and_ods_keep_the_cached_value_of_a_formula() -> None:
    want = [
        ("number", ("int", 6)),
        ("text", ("str", "螺丝")),
        ("date", ("date", datetime.date(2026, 11, 21))),
        ("n/a", ("NoneType", None)),  # an error cell reads as empty
        ("div0", ("NoneType", None)),
        ("plain", ("int", 7)),
    ]
    for name in ("cells.xls", "cells.ods"):
        _, rows = read(SHEETS / name, "公式")  # type: ignore[misc]
        assert [(v["case"][1], v["v"]) for _, v in rows] == want


def test_sheets_are_chosen_as_in_an_xlsx() -> None:
    for name in ("cells.xls", "cells.ods"):
        path = SHEETS / name
        assert read(path, " 合并 ") == read(path, "合并")  # trimmed, case-insensitive
        _, code, params = read(path, "库存")  # type: ignore[misc]
        _, _, want = by_openpyxl(SHEETS / "cells.xlsx", "库存")  # type: ignore[misc]
        assert code == "tabular.no_such_sheet" and params == {**want, "file": name}
    # the hidden first sheet is skipped by default: its rows would read fine
    assert read(SHEETS / "cells.xls", "说明")[1][0][1]["case"] == ("str", "hidden sheet")  # type: ignore[index]


def test_xls_too_long_progress_and_cancel(tmp_path: Path) -> None:
    path = SHEETS / "cells.xls"
    with pytest.raises(ValidationError) as exc:
        read_table(path, CASES, max_rows=10)
    assert exc.value.code == "tabular.sheet_too_long" and exc.value.params["sheet"] == "类型"
    calls: list[tuple[int, int]] = []
    read_table(path, CASES, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(43, 43)]
    with pytest.raises(Cancelled):
        read_table(path, CASES, cancel=lambda: True)


# --- refusals -----------------------------------------------------------------------------------


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.xls", b"sku,name\nA,B\n", "tabular.not_xls_text"),
        ("a.xls", b"<html><body><table><tr><td>sku</td></tr></table></body></html>",
         "tabular.not_xls_text"),
        ("a.xls", b"\x00\x01\x02\x03", "tabular.not_xls"),
        ("a.xls", (SHEETS / "cells.xls").read_bytes()[:5000], "tabular.not_xls_damaged"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "tabular.not_xls_damaged"),
        ("a.ods", b"sku,name\nA,B\n", "tabular.not_ods_text"),
        ("a.ods", b"\x00\x01\x02\x03", "tabular.not_ods"),
        ("a.ods", (SHEETS / "cells.xlsx").read_bytes(), "tabular.not_ods"),
        ("a.ods", (SHEETS / "cells.ods").read_bytes()[:3000], "tabular.not_ods_damaged"),
    ],
    ids=["xls-text", "xls-html", "xls-binary", "xls-cut", "xls-empty-ole", "ods-text",
         "ods-binary", "ods-is-xlsx", "ods-cut"],
)  # fmt: skip
def test_what_is_not_an_xls_or_ods_is_refused(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        read_table(write_bytes(tmp_path, name, data), CASES)
    assert (exc.value.code, exc.value.params) == (code, {"file": name})
    assert str(exc.value).startswith(f"{name} is not an ")


def test_an_xlsx_with_an_xls_name_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "book.xls", (SHEETS / "cells.xlsx").read_bytes())
    with pytest.raises(ValidationError, match=r"\.xlsx workbook with an \.xls name; rename it"):
        read_table(path, CASES)


def ods_with_content(tmp_path: Path, content: str) -> Path:
    with zipfile.ZipFile(SHEETS / "cells.ods") as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["content.xml"] = content.encode()
    path = tmp_path / "edited.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    '<office:body><office:spreadsheet><table:table table:name="S">'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
ODS_HEADER = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>case</text:p>'
    "</table:table-cell></table:table-row>"
)


def ods_cell(text: str, repeat: int = 1) -> str:
    runs = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell{runs} office:value-type="string"><text:p>{text}</text:p>'
            "</table:table-cell>")  # fmt: skip


def test_hand_made_ods_reads(tmp_path: Path) -> None:
    # the baseline of the bombs below: runs of a few cells and rows are fine
    rows = (
        f'<table:table-row table:number-rows-repeated="3">{ods_cell("x", 2)}</table:table-row>'
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    path = ods_with_content(tmp_path, ODS_HEAD + ODS_HEADER + rows + ODS_TAIL)
    assert [values for _, values in read(path, None, [Column("case")])[1]] == [  # type: ignore[index]
        {"case": ("str", "x")}
    ] * 3


@pytest.mark.parametrize(
    "rows",
    [
        # a value repeated over a million rows and a thousand columns: a few bytes
        f'<table:table-row table:number-rows-repeated="1000000">{ods_cell("x", 1000)}'
        "</table:table-row>",
        # rows with a value after 16,000 empty cells
        ('<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
         f"{ods_cell('x')}</table:table-row>") * 400,
    ],
    ids=["repeated-value", "far-column"],
)  # fmt: skip
def test_ods_that_would_expand_to_millions_of_cells_is_refused(tmp_path: Path, rows: str) -> None:
    path = ods_with_content(tmp_path, ODS_HEAD + ODS_HEADER + rows + ODS_TAIL)
    with pytest.raises(ValidationError) as exc:
        read_table(path, [Column("case")])
    assert (exc.value.code, exc.value.params) == (
        "tabular.ods_too_big", {"file": "edited.ods", "limit": CELL_LIMIT}
    )  # fmt: skip


def test_ods_with_a_dtd_is_refused(tmp_path: Path) -> None:
    dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>'
    path = ods_with_content(tmp_path, dtd + ODS_HEAD[ODS_HEAD.index("?>") + 2 :] + ODS_TAIL)
    with pytest.raises(ValidationError) as exc:
        read_table(path, CASES)
    assert (exc.value.code, exc.value.params) == (
        "tabular.workbook_hostile",
        {"file": "edited.ods"},
    )


# --- whole sheets by place, and the importers ----------------------------------------------------


@pytest.mark.parametrize("sheet", ["类型", "公式", "大数", "布尔", "合并", "空", "说明"])
def test_sheet_values_from_calamine_are_openpyxl_data_only_values(sheet: str) -> None:
    path = SHEETS / "cells.lo.xlsx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "python_calamine", None)
        want = read_sheet_values(path, [sheet, "no such sheet"])
    got = read_sheet_values(path, [sheet, "no such sheet"])
    assert list(got) == [sheet] and got == want
    xls = read_sheet_values(SHEETS / "cells.xls", [sheet])[sheet]
    if sheet not in ("公式", "大数"):  # errors: '#N/A' in an .xlsx, empty in an .xls
        assert xls.rows == want[sheet].rows


def test_sheet_values_take_cached_formula_values_from_calamine() -> None:
    path = SHEETS / "cells.lo.xlsx"
    assert plan_sheet(path, "公式", cached_values=False) is None
    assert plan_sheet(path, "类型", cached_values=True) is not None
    formulas = read_sheet_values(path, ["公式"])["公式"]
    assert [row[1] for row in formulas.rows[1:]] == [
        6, "螺丝", datetime.datetime(2026, 11, 21), "#N/A", "#DIV/0!", 7
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["items.xlsx", "items.xls", "items.ods"])
def test_items_import_from_every_format(db, name: str) -> None:
    from inventory_app.services import catalog
    from inventory_app.services.imports import import_items

    result = import_items(db, SHEETS / name)
    assert result.created == 3
    got = {sku: catalog.find_item(db, sku) for sku in ("A001", "A002", "1003")}
    assert {s: (i.name, i.unit, i.barcode) for s, i in got.items()} == {  # type: ignore[union-attr]
        "A001": ("螺丝 M3", "盒", "6901234567890"),
        "A002": ("六角螺母", "个", "06901234567891"),
        "1003": ("纯牛奶 250ml", "瓶", None),
    }
    assert cell_text(6901234567890) == "6901234567890"
