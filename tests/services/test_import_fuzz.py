"""Random byte-level damage to an import file (#14): whatever the bytes, an import ends in a
result or one of our errors (``InventoryError``), never a traceback, and a refused file
changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, imports, shop

ITEMS = "sku,name,category,shelf_life_days\nA1,Hammer 锤子,Hardware,\nM1,纯牛奶,乳制品,10\n"
JOURNAL = (
    "date,type,sku,qty,unit_cost,batch,expiry\n"
    "2026-02-01,receipt,A1,10,2.50,L1,\n"
    "2026-02-02,receipt,M1,5,3.00,,2026-03-01\n"
    "2026-02-03,issue,A1,4,,,\n"
)
OPENING = "sku,qty,unit_cost,expiry\nA1,3,1.50,\nM1,2,2.00,2026-03-01\n"


def _xlsx(text: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    for line in text.splitlines():
        ws.append(line.split(","))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SOURCES = {
    ("items", "csv"): ITEMS.encode(),
    ("journal", "csv"): JOURNAL.encode(),
    ("opening", "csv"): OPENING.encode(),
    ("items", "xlsx"): _xlsx(ITEMS),
    ("journal", "xlsx"): _xlsx(JOURNAL),
    ("opening", "xlsx"): _xlsx(OPENING),
}

# One shop for every example: imports are all or nothing, and a success only adds rows.
_ROOT = Path(tempfile.mkdtemp(prefix="inv-fuzz-"))
_DB = shop.create_shop(_ROOT / "shop.db")
catalog.add_item(_DB, ItemFields(sku="A1", name="Hammer"))
catalog.add_item(_DB, ItemFields(sku="M1", name="Milk", shelf_life_days=10))


# Bytes that have broken readers before: line ends, quotes, NUL, half a UTF-8 character, a
# BOM, numbers and dates past what storage holds, a decimal comma, formula text.
TOKENS = [
    b"\r", b'"', b"\x00", b"\xe4\xb8", b"\xff\xfe", b"\xef\xbb\xbf", b"99999999999999",
    b"0001-01-01", b"9999-12-31", b"-5", b"1,5", b"=1+1", b"\n", b",", b"3000000",
]  # fmt: skip


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """``data`` with a few bytes overwritten, inserted or deleted, or cut short."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["set", "insert", "token", "delete", "truncate"]))
        at = draw(st.integers(0, max(len(buf) - 1, 0)))
        if kind == "set" and buf:
            buf[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "token":
            buf[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "delete" and buf:
            del buf[at : at + draw(st.integers(1, 8))]
        elif kind == "truncate":
            del buf[at:]
    return bytes(buf)


def _counts() -> tuple[int, ...]:
    c = _DB.conn
    return tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("items", "movements")
    )


def _import(kind: str, path: Path) -> None:
    if kind == "items":
        imports.import_items(_DB, path)
    elif kind == "journal":
        imports.import_journal(_DB, path)
    else:
        imports.import_opening(_DB, path, date=dt.date(2026, 1, 1))


def _check(kind: str, fmt: str, data: bytes) -> None:
    path = _ROOT / f"in.{fmt}"
    path.write_bytes(data)
    before = _counts()
    try:
        _import(kind, path)
    except InventoryError:
        assert _counts() == before


_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.sampled_from(["items", "journal", "opening"]), st.data())
def test_damaged_csv_imports_end_in_our_errors(kind, data):
    _check(kind, "csv", data.draw(damaged(SOURCES[kind, "csv"])))


@_FUZZ
@given(st.sampled_from(["items", "journal", "opening"]), st.data())
def test_damaged_xlsx_imports_end_in_our_errors(kind, data):
    _check(kind, "xlsx", data.draw(damaged(SOURCES[kind, "xlsx"])))
