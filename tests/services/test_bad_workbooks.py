"""Workbooks that would make a reader hang, eat memory or crash (#14): refused from the zip
directory or one pass over the sheet's XML, before a row is built; nothing changed."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.services import imports

_CT = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.worksheet+xml"/></Types>'
)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{_R}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
).encode()
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    f'spreadsheetml/2006/main" xmlns:r="{_R}"><sheets><sheet name="Sheet1" sheetId="1" '
    'r:id="rId1"/></sheets></workbook>'
).encode()
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{_R}/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
).encode()
SHEET = "xl/worksheets/sheet1.xml"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet(rows: dict[int, list[tuple[str, str]]], dim: str = "A1:B2") -> bytes:
    body = "".join(
        f'<row r="{r}">' + "".join(_cell(f"{col}{r}", t) for col, t in cells) + "</row>"
        for r, cells in rows.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        f'org/spreadsheetml/2006/main"><dimension ref="{dim}"/><sheetData>{body}</sheetData>'
        "</worksheet>"
    ).encode()


def workbook(rows: dict[int, list[tuple[str, str]]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr(SHEET, _sheet(rows))
    return out.getvalue()


GOOD = {1: [("A", "sku"), ("B", "name")], 2: [("A", "A1"), ("B", "Hammer")]}


def _edit_header(data: bytes, name: str, edit) -> bytes:
    """``edit(buffer, offset, kind)`` on the local ('L') and central ('C') headers of ``name``."""
    buf = bytearray(data)
    for sig, kind, skip in ((b"PK\x03\x04", "L", 30), (b"PK\x01\x02", "C", 46)):
        pos = 0
        while (pos := buf.find(sig, pos)) != -1:
            if buf[pos + skip : pos + skip + len(name)] == name.encode():
                edit(buf, pos, kind)
            pos += 4
    return bytes(buf)


def _items(db) -> int:
    return db.conn.execute("SELECT count(*) FROM items").fetchone()[0]


def _refused(db, tmp_path, data: bytes) -> ValidationError:
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    with pytest.raises((ValidationError, ImportErrors)) as info:
        imports.import_items(db, path)
    assert _items(db) == 0
    return info.value


def test_a_good_workbook_is_read(db, tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook(GOOD))
    assert imports.import_items(db, path).created == 1


def test_a_password_protected_member_is_refused(db, tmp_path):
    def encrypt(buf, pos, kind):
        buf[pos + (6 if kind == "L" else 8)] |= 1  # general purpose flag bit 0: encrypted

    err = _refused(db, tmp_path, _edit_header(workbook(GOOD), SHEET, encrypt))
    assert err.code == "tabular.workbook_password"


def test_a_workbook_declaring_more_than_1_gb_unpacked_is_refused_from_its_directory(db, tmp_path):
    def inflate(buf, pos, kind):
        if kind == "C":  # the central directory's uncompressed size: 1.9 GB
            struct.pack_into("<I", buf, pos + 24, 1_900_000_000)

    err = _refused(db, tmp_path, _edit_header(workbook(GOOD), SHEET, inflate))
    assert err.code == "tabular.not_workbook_too_big"


def test_a_lone_row_at_99_999_999_is_refused_before_reading(db, tmp_path):
    rows = {**GOOD, 99_999_999: [("A", "Z9"), ("B", "far")]}
    err = _refused(db, tmp_path, workbook(rows))
    assert err.code == "tabular.sheet_too_long" and "99,999,999" in str(err)


def test_a_cell_at_column_xfd_is_refused(db, tmp_path):
    rows = {**GOOD, 2: [("A", "A1"), ("B", "x"), ("XFD", "far")]}
    err = _refused(db, tmp_path, workbook(rows))
    assert err.code == "tabular.sheet_too_wide" and "XFD" in str(err)


def test_title_rows_and_a_normal_width_still_read(db, tmp_path):
    rows = {1: [("A", "Price list")], 3: [("A", "sku"), ("B", "name"), ("C", "note")]}
    rows[4] = [("A", "A1"), ("B", "Hammer"), ("C", "x")]
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook(rows))
    assert imports.import_items(db, path).created == 1
