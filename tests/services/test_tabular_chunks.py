"""tabular's streams: a file's rows in chunks, column by column, never all in memory.

The limits (rows, problems) and the encoding fallback hold across chunk boundaries exactly as
in one whole read. ``CHUNK_ROWS`` is made small so that small files have many chunks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.services.tabular import Column, Reread, open_table, read_table
from inventory_app.services.tabular import rows as tabular_rows

COLUMNS = [Column("sku", required=True), Column("name"), Column("qty")]


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 3)


def _write(tmp_path: Path, data: bytes, name: str = "a.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_rows_come_in_chunks_by_column_with_their_numbers(tmp_path, small_chunks):
    text = "Stock list,\nsku,name\nA1, Bolt \n,\nA2,\nA3,Nut\n\nA4,x\nA5,y\nA6,z\n"
    path = _write(tmp_path, text.encode())
    with open_table(path, COLUMNS) as table:
        assert table.headers == {"sku": "sku", "name": "name"} and table.source == "a.csv"
        chunks = list(table.chunks())
        again = list(table.chunks())  # a stream may be read again, from the first row
    # a chunk is CHUNK_ROWS rows as read, the blank ones (4, 7) left out
    assert [c.numbers for c in chunks] == [[3, 5], [6, 8], [9, 10]]
    assert chunks[0].columns == {"sku": ["A1", "A2"], "name": ["Bolt", None], "qty": [None] * 2}
    assert chunks[2].row(0).values == {"sku": "A5", "name": "y", "qty": None}
    assert [c.numbers for c in again] == [c.numbers for c in chunks]
    whole = read_table(path, COLUMNS)
    assert [r for c in chunks for r in c.rows()] == whole.rows


def test_too_many_rows_in_a_later_chunk(tmp_path, small_chunks):
    path = _write(tmp_path, b"sku,name\n" + b"A,B\n" * 11)
    assert len(read_table(path, COLUMNS, max_rows=11).rows) == 11
    with pytest.raises(ValidationError) as info, open_table(path, COLUMNS, max_rows=10) as t:
        for _ in t.chunks():
            pass
    assert (info.value.code, info.value.params) == (
        "tabular.too_many_rows", {"file": "a.csv", "max_rows": 10},
    )  # fmt: skip


def test_problems_stop_at_the_limit_on_the_row_they_reach_it(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular_rows, "CHUNK_ROWS", 500)
    # rows 2-701 are fine; from row 702 on each has a value beyond the header
    path = _write(tmp_path, b"sku,name\n" + b"A,B\n" * 700 + b"A,B,stray\n" * 1200)
    with pytest.raises(ImportErrors) as info:
        read_table(path, COLUMNS)
    errors = info.value.errors
    assert len(errors) == 1001 and {e.code for e in errors[:-1]} == {"tabular.csv_too_many_values"}
    assert [e.row for e in errors[:2]] == [702, 703] and errors[-2].row == 1701
    assert (errors[-1].row, errors[-1].code) == (1701, "tabular.too_many_problems")
    # the row limit passed first, or on the very row the problems reach theirs: too many rows
    for max_rows in (1200, 1699):
        with pytest.raises(ValidationError, match=f"more than {max_rows:,} data rows"):
            read_table(path, COLUMNS, max_rows=max_rows)
    with pytest.raises(ImportErrors):  # row 1701 is the 1,700th: the problems' limit first
        read_table(path, COLUMNS, max_rows=1700)


def test_no_chunk_comes_after_a_problem_in_the_file(tmp_path, small_chunks):
    path = _write(tmp_path, b"sku,name\nA,B\nA,B\nA,B\nA,B,stray\nA,B\nA,B\nA,B\n")
    seen = []
    with pytest.raises(ImportErrors) as info, open_table(path, COLUMNS) as table:
        for chunk in table.chunks():
            seen += chunk.numbers
    assert seen == [2, 3, 4]  # the first chunk, read before the problem on row 5
    assert [e.row for e in info.value.errors] == [5]


def test_a_late_line_that_is_not_utf8_asks_for_a_reread_in_gb18030(tmp_path, small_chunks):
    lines = ["sku,name"] + [f"A{i},plain" for i in range(8000)] + ["B1,六角螺母"]
    path = _write(tmp_path, "\n".join(lines).encode("gb18030"))
    with open_table(path, COLUMNS) as table:
        read = []
        with pytest.raises(Reread):
            for chunk in table.chunks():
                read += chunk.numbers
        assert read and read[-1] < 8002  # rows were given before the line was met
        last = [chunk for chunk in table.chunks()][-1]
    assert last.row(len(last) - 1).values == {"sku": "B1", "name": "六角螺母", "qty": None}
    assert last.numbers[-1] == 8002
