"""The import wizard's preview reads a text file's header and first rows only."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from inventory_app.domain.errors import ImportErrors
from inventory_app.services.tabular import Column, preview_table, read_table

COLUMNS = [Column("sku", required=True), Column("name"), Column("qty")]


def test_a_long_csv_previews_its_first_rows_without_reading_to_the_end(tmp_path):
    path = tmp_path / "long.csv"
    lines = ["sku,name,qty"] + [f"S{n},Item {n},{n}" for n in range(20_000)]
    lines.append("BROKEN,row,with,too,many,cells")  # a full read stops here
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportErrors):
        read_table(path, COLUMNS)
    table = preview_table(path, COLUMNS, rows=100)
    assert [r.number for r in table.rows] == list(range(2, 102))
    assert table.rows[0].values == {"sku": "S0", "name": "Item 0", "qty": "0"}
    assert table.headers == {"sku": "sku", "name": "name", "qty": "qty"}


def test_a_short_file_and_a_workbook_preview_whole(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("编码,名称\nA1,锤子\n", encoding="utf-8")
    assert [r.values["sku"] for r in preview_table(path, COLUMNS).rows] == ["A1"]
    wb = Workbook()
    wb.active.append(["sku", "qty"])
    for n in range(150):
        wb.active.append([f"S{n}", n])
    wb.save(tmp_path / "w.xlsx")
    table = preview_table(tmp_path / "w.xlsx", COLUMNS, rows=100)
    assert len(table.rows) == 100 and table.rows[-1].values["sku"] == "S99"
