"""Text files a careless user or another program produces (#14): each is read correctly when it
is valid CSV, or refused as a whole naming the row or line, with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.services import imports


def _counts(db) -> tuple[int, int]:
    c = db.conn
    return tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("items", "movements")
    )


def _refused(db, fn, path, **kw) -> ImportErrors | ValidationError:
    before = _counts(db)
    with pytest.raises((ImportErrors, ValidationError)) as info:
        fn(db, path, **kw)
    assert _counts(db) == before, "a refused file changes nothing"
    return info.value


def _write(tmp_path, data: bytes, name: str = "in.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _items(db):
    return db.conn.execute("SELECT sku, name FROM items ORDER BY sku").fetchall()


# --- line endings: CR-only files and a CR inside a quoted cell are valid CSV ----------------


def test_items_with_cr_only_line_endings_are_read(db, tmp_path):
    path = _write(tmp_path, b"sku,name\rC1,Cup\rC2,Bowl\r")
    assert imports.import_items(db, path).created == 2
    assert _items(db) == [("C1", "Cup"), ("C2", "Bowl")]


def test_items_with_a_cr_inside_a_quoted_cell_are_read(db, tmp_path):
    path = _write(tmp_path, b'sku,name,category\nD1,"Mug\rbig",X\nD2,Plate,Y\n')
    assert imports.import_items(db, path).created == 2
    assert [sku for sku, _ in _items(db)] == ["D1", "D2"]


def test_journal_with_cr_only_line_endings_is_posted(stocked, tmp_path):
    text = "date,type,sku,qty,unit_cost\r2026-02-01,receipt,A1,10,2.50\r2026-02-02,issue,A1,3,\r"
    result = imports.import_journal(stocked, _write(tmp_path, text.encode()))
    assert result.posted == 2


def test_journal_with_cr_in_a_quoted_note_is_posted(stocked, tmp_path):
    text = 'date,type,sku,qty,unit_cost,note\r\n2026-02-01,receipt,A1,10,2.50,"a\rb"\r\n'
    assert imports.import_journal(stocked, _write(tmp_path, text.encode())).posted == 1


def test_opening_with_cr_only_line_endings_is_received(stocked, tmp_path):
    text = b"sku,qty,unit_cost\rA1,4,1.50\rM1,2,3\r"
    result = imports.import_opening(stocked, _write(tmp_path, text), date=dt.date(2026, 1, 1))
    assert result.posted == 2


# --- an unclosed quote must not swallow the rows after it -----------------------------------


def test_items_unclosed_quote_is_refused_naming_its_row(db, tmp_path):
    rows = "".join(f"K{i},Knife {i}\n" for i in range(5))
    path = _write(tmp_path, f'sku,name\nE1,"Fork\n{rows}'.encode())
    err = _refused(db, imports.import_items, path)
    assert isinstance(err, ImportErrors) and [e.row for e in err.errors] == [2]
    assert err.errors[0].code == "tabular.csv_unclosed_quote"
    assert "row 2" in str(err) and "quote" in str(err)


def test_journal_unclosed_quote_is_refused(stocked, tmp_path):
    body = "".join(f"2026-02-0{d},receipt,A1,1,1.00,\n" for d in range(2, 7))
    text = f'date,type,sku,qty,unit_cost,note\n2026-02-01,receipt,A1,1,1.00,"oops\n{body}'
    err = _refused(stocked, imports.import_journal, _write(tmp_path, text.encode()))
    assert [e.row for e in err.errors] == [2]


# --- two files pasted together --------------------------------------------------------------


def test_second_header_row_in_the_data_is_refused(db, tmp_path):
    path = _write(tmp_path, b"sku,name\nF1,Cake\nsku,name\nF2,Pie\n")
    err = _refused(db, imports.import_items, path)
    assert [(e.row, e.code) for e in err.errors] == [(3, "tabular.header_again")]
    assert "row 3" in str(err) and "row 1" in str(err)


def test_second_header_in_other_words_is_refused(db, tmp_path):
    path = _write(tmp_path, "sku,name\nF1,Cake\n编码,名称\nF2,Pie\n".encode())
    err = _refused(db, imports.import_items, path)
    assert [e.code for e in err.errors] == ["tabular.header_again"]


def test_an_item_named_like_a_header_alone_is_accepted(db, tmp_path):
    # only the SKU looks like a header word: a real item may be called "Name"
    path = _write(tmp_path, b"sku,name\nsku-1,name\n")
    assert imports.import_items(db, path).created == 1


# --- one encoding for the whole file --------------------------------------------------------


def test_utf8_file_with_a_late_gb18030_line_is_refused_naming_the_line(db, tmp_path):
    lines = [f"U{i:05d},中文名称 {i}" for i in range(4000)]  # ~100 KB of UTF-8
    data = ("sku,name\n" + "\n".join(lines) + "\n").encode("utf-8")
    data += "G1,中文名称\n".encode("gb18030")
    err = _refused(db, imports.import_items, _write(tmp_path, data))
    assert [(e.row, e.code) for e in err.errors] == [(4002, "tabular.mixed_encoding")]
    assert "4002" in str(err)


def test_mixed_encodings_in_a_short_file_are_refused(db, tmp_path):
    data = "sku,name\nA1,牛奶\n".encode() + "B1,面包\n".encode("gb18030")
    err = _refused(db, imports.import_items, _write(tmp_path, data))
    assert [(e.row, e.code) for e in err.errors] == [(3, "tabular.mixed_encoding")]


def test_latin1_file_is_not_taken_as_gb18030(db, tmp_path):
    data = "sku,name\nP1,Crème brûlée\nP2,Crème caramel\n".encode("latin-1")
    err = _refused(db, imports.import_items, _write(tmp_path, data))
    assert "UTF-8" in str(err)
    assert "鑝" not in str(err)


def test_gb18030_file_is_still_read(db, tmp_path):
    data = "sku,name\nA1,纯牛奶\nB1,面包 全麦\n".encode("gb18030")
    imports.import_items(db, _write(tmp_path, data))
    assert _items(db) == [("A1", "纯牛奶"), ("B1", "面包 全麦")]


def test_ascii_start_then_gb18030_is_read_as_gb18030(db, tmp_path):
    lines = [f"A{i:05d},Plain name {i}" for i in range(4000)]  # > 64 KB of ASCII
    data = ("sku,name\n" + "\n".join(lines) + "\n").encode() + "Z1,纯牛奶\n".encode("gb18030")
    imports.import_items(db, _write(tmp_path, data))
    assert ("Z1", "纯牛奶") in _items(db)
