"""Import templates: the first sheet imports as it is, with validation and instructions."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from inventory_app.domain.errors import ValidationError
from inventory_app.services import imports
from inventory_app.services.imports import templates


def _validations(ws) -> dict[str, tuple[str, str | None, str | None]]:
    """Column letter -> (type, operator, formula1) of each validation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        letter = str(dv.sqref).split(":")[0].rstrip("0123456789")
        out[letter] = (dv.type, dv.operator, dv.formula1)
    return out


@pytest.mark.parametrize("kind", templates.KINDS)
def test_each_template_has_a_header_instructions_and_validation(kind, tmp_path):
    path = templates.write_template(kind, tmp_path / f"{kind}.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[1] == "Instructions 说明"
    ws = wb.worksheets[0]
    assert ws.max_row == 1  # empty: only the header
    header = [c.value for c in ws[1]]
    assert header[0].endswith(" *")  # the required columns are marked
    assert ws.freeze_panes == "A2"
    assert ws.data_validations.dataValidation
    text = " ".join(str(c.value) for row in wb.worksheets[1].iter_rows() for c in row if c.value)
    assert "Columns marked * are required" in text and "带 * 的列必填" in text
    assert "Example row" in text and "示例行" in text


def test_journal_template_validates_types_dates_and_quantities(tmp_path):
    ws = load_workbook(templates.write_template("journal", tmp_path / "j.xlsx")).worksheets[0]
    v = _validations(ws)
    assert v["B"][0] == "list" and "receipt" in v["B"][2] and "transfer" in v["B"][2]
    assert v["A"][0] == "date"
    assert v["D"] == ("decimal", "notEqual", "0")
    assert ws.column_dimensions["C"].number_format == "@"  # SKUs stay text


def test_opening_template_in_chinese_imports_once_filled(stocked, tmp_path):
    path = templates.write_template("opening", tmp_path / "o.xlsx", lang="zh")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "期初库存"
    assert [c.value for c in ws[1]] == [
        "编码 *",
        "数量 *",
        "单价 *",
        "批号",
        "有效期",
        "库位",
        "包装",
    ]
    assert _validations(ws)["B"] == ("decimal", "greaterThan", "0")
    ws.append(["M1", 4, 2.5, "L1", dt.date(2026, 3, 1)])
    wb.save(path)
    assert imports.import_opening(stocked, path, date=dt.date(2026, 1, 1)).posted == 1


def test_items_template_imports_once_filled(db, tmp_path):
    path = templates.write_template("items", tmp_path / "i.xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert _validations(ws)["K"][0] == "list"  # removal: fifo / fefo
    ws.append(["X1", "酸奶", "乳制品", "杯", "6901234567892", None, 5, None, 2, 14, "fefo"])
    wb.save(path)
    assert imports.import_items(db, path).created == 1


def test_bad_template_requests(tmp_path):
    with pytest.raises(ValidationError, match="not one of") as info:
        templates.write_template("stock", tmp_path / "x.xlsx")
    assert info.value.code == "import.template_unknown_kind"
    assert info.value.params == {"kind": "stock", "kinds": "items, opening, journal"}
    assert str(info.value) == "template 'stock' is not one of: items, opening, journal"
    with pytest.raises(ValidationError, match=r"\.xlsx") as info:
        templates.write_template("items", tmp_path / "x.csv")
    assert (info.value.code, info.value.params) == ("import.template_not_xlsx", {"file": "x.csv"})
    with pytest.raises(ValidationError, match="does not exist") as info:
        templates.write_template("items", tmp_path / "nowhere" / "x.xlsx")
    assert info.value.code == "import.template_no_folder"
    assert info.value.params == {"folder": str(tmp_path / "nowhere")}
