"""export month / export summary / template / import opening from the command line."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from inventory_app.cli import main
from inventory_app.services import postings as stock


@pytest.fixture
def shop_file(stocked):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="3.3333", date=dt.date(2026, 1, 2))
    stock.issue(stocked, sku="A1", qty="4", date=dt.date(2026, 1, 9))
    path = str(stocked.path)
    stocked.close()
    return path


def test_export_month_in_chinese(shop_file, tmp_path, capsys):
    out = tmp_path / "一月.xlsx"
    assert main(["--db", shop_file, "export", "month", "2026-01", str(out), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["封面", "进销存汇总", "出入库明细"]
    assert wb["出入库明细"].max_row >= 3


def test_export_summary_for_any_period(shop_file, tmp_path):
    out = tmp_path / "q1.xlsx"
    args = ["--db", shop_file, "export", "summary", "--from", "2026-01-01", "--to", "2026-03-31"]
    assert main([*args, str(out)]) == 0
    assert load_workbook(out).sheetnames == ["Cover", "Summary", "Indicators"]


def test_bad_month_exits_2_with_a_message(shop_file, tmp_path, capsys):
    assert main(["--db", shop_file, "export", "month", "2026-1x", str(tmp_path / "x.xlsx")]) == 2
    assert "not a month like 2026-10" in capsys.readouterr().err


def test_template_then_import_opening(shop_file, tmp_path, capsys):
    tpl = tmp_path / "opening.xlsx"
    assert main(["template", "opening", str(tpl)]) == 0
    wb = load_workbook(tpl)
    wb.worksheets[0].append(["M1", 6, 2.5, "L9"])
    wb.save(tpl)
    capsys.readouterr()
    code = main(["--db", shop_file, "import", "opening", str(tpl), "--date", "2026-01-01"])
    assert code == 0
    assert "1 opening batch received on 2026-01-01" in capsys.readouterr().out


def test_import_opening_needs_a_date(shop_file, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--db", shop_file, "import", "opening", str(tmp_path / "o.xlsx")])
    assert "--date" in capsys.readouterr().err


def test_import_opening_errors_name_the_cell(shop_file, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("编码,数量,单价\nNOPE,1,1\n", encoding="gb18030")
    assert main(["--db", shop_file, "import", "opening", str(bad), "--date", "2026-01-01"]) == 2
    assert "row 2, column '编码': unknown SKU" in capsys.readouterr().err
