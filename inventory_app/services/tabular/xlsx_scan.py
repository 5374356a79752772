"""What python-calamine cannot tell about an .xlsx sheet, read from the sheet's XML first.

calamine gives a formula's cached value where openpyxl (as we read it) gives the formula, an
Excel error (#N/A) and an ISO-dated cell (``t="d"``) as an empty cell, a whole number written
with an exponent (1.2E+15) as a whole number where openpyxl gives a float, and it decodes
``_x000D_`` escapes that openpyxl keeps as text; and it builds the whole sheet as one dense table
in memory, so a stray value at XFD1048576 would ask for billions of cells. ``plan_sheet`` finds
such sheets with a few byte searches over the sheet part (no XML parsing), and says which sheet
calamine may read and with what the openpyxl path would have refused; for anything else it
answers None and the openpyxl reader runs exactly as before. The file has passed
``check_workbook_file`` (no DTD, no zip bomb), so ElementTree may parse the small workbook parts.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

# Cells calamine may build in one dense table (~50 bytes each while it reads): larger sheets are
# streamed by openpyxl instead, in bounded memory.
CELL_LIMIT = 5_000_000

_CHUNK = 1 << 20
_OVERLAP = 64  # bytes kept from the previous chunk, so no marker is split between two
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")  # openpyxl keeps these as text; calamine decodes them
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="([^"]*)"')
_RANGE = re.compile(rb"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")
_LAST_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s+r="(\d+)"')
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')


@dataclass(frozen=True, slots=True)
class SheetPlan:
    """The worksheet to read and what openpyxl would have said of it before reading a row."""

    name: str
    part: str  # the sheet's XML part in the archive
    # (min_row, max_row) of <dimension>, as openpyxl reads it; None: no dimension stored
    dimension_rows: tuple[int, int] | None


def plan_sheet(path: Path, sheet: str | None, *, cached_values: bool = False) -> SheetPlan | None:
    """The sheet calamine reads exactly as openpyxl would, or None (openpyxl reads it).

    ``sheet`` is chosen as ``xlsx_files`` chooses it: the named one, or the first visible
    worksheet. An unknown name, a damaged or unusual package also answer None, so openpyxl
    reports them with today's words. ``cached_values``: compare with openpyxl's
    ``data_only=True``, where a formula gives its cached value as calamine does.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            found = _worksheets(archive)
            if not found:
                return None
            chosen = _pick(found, sheet)
            if chosen is None:
                return None
            name, part = chosen
            strings = _shared_strings_part(archive)
            if strings is not None and _has_escapes(archive, strings):
                return None
            return _scan_sheet(archive, name, part, cached_values=cached_values)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError):
        return None
    except ElementTree.ParseError:
        return None


_WIDE_REF = re.compile(rb'\sr="([A-Z]{2,3})\d+"')


def sheet_extent(path: Path, sheet: str | None) -> tuple[str, int, int] | None:
    """(name, last row, last column) of the sheet ``xlsx_files`` would read, from its row tags
    and cell references in one pass over its XML, before any reader builds a row: openpyxl
    yields an empty row for every row number skipped, so a lone cell at row 99,999,999 meant
    100 million rows. None when the package is not one this can follow (the reader reports
    it)."""
    try:
        with zipfile.ZipFile(path) as archive:
            found = _worksheets(archive)
            chosen = _pick(found, sheet) if found else None
            if chosen is None:
                return None
            name, part = chosen
            rows = cols = 0
            for chunk in _chunks(archive, part):
                last = chunk.rfind(b"row ")
                if last != -1 and (m := _LAST_ROW.search(chunk, max(0, last - 40))):
                    rows = max(rows, int(m.group(1)))
                if b'r="' in chunk:
                    for m in _WIDE_REF.finditer(chunk):
                        cols = max(cols, _column(m.group(1)))
            return name, rows, max(cols, 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError):
        return None
    except ElementTree.ParseError:
        return None


# --- the workbook's sheets ------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) of ``part``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    root = ElementTree.fromstring(archive.read(rels))
    out = {}
    for rel in root:
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(target))
    return out


def _workbook_part(archive: zipfile.ZipFile) -> str:
    for kind, target in _relations(archive, "").values():
        if kind.endswith("/officeDocument"):
            return target
    raise KeyError("no workbook part")


def _worksheets(archive: zipfile.ZipFile) -> list[tuple[str, str, str]] | None:
    """(name, state, part) of every worksheet in order; None if the workbook lists a sheet
    of a kind openpyxl and calamine might see differently (macro or dialog sheets)."""
    book = _workbook_part(archive)
    rels = _relations(archive, book)
    root = ElementTree.fromstring(archive.read(book))
    found = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
        kind, part = rels.get(rid, ("", ""))
        if kind == _REL + "chartsheet":
            continue
        if kind != _REL + "worksheet" or part not in archive.NameToInfo:
            return None
        found.append((element.get("name", ""), element.get("state", "visible"), part))
    return found


def _pick(found: list[tuple[str, str, str]], sheet: str | None) -> tuple[str, str] | None:
    if sheet is None:
        name, _, part = next((s for s in found if s[1] == "visible"), found[0])
        return name, part
    wanted = sheet.strip().casefold()
    for exact in (True, False):
        for name, _, part in found:
            if name == sheet if exact else name.strip().casefold() == wanted:
                return name, part
    return None


def _shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    rels = _relations(archive, _workbook_part(archive))
    return next((p for k, p in rels.values() if k == _REL + "sharedStrings"), None)


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's bytes in chunks, each starting with the last bytes of the one before."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            yield tail + chunk
            tail = chunk[-_OVERLAP:]


def _has_escapes(archive: zipfile.ZipFile, part: str) -> bool:
    return any(b"_x" in c and _ESCAPE.search(c) for c in _chunks(archive, part))


# --- one sheet --------------------------------------------------------------------------------


def _reads_differently(chunk: bytes, formula: bytes | None) -> bool:
    """Whether ``chunk`` of a sheet holds a formula (``formula``: ``<f`` with the part's
    namespace prefix; None: formulas do not matter), an error or ISO-dated cell, a number
    with a positive exponent (openpyxl gives a float even where it is whole) or an
    ``_xHHHH_`` escape."""
    at = chunk.find(formula) if formula else -1
    while formula and at != -1:
        if chunk[at + len(formula) : at + len(formula) + 1] in (b">", b" ", b"/"):
            return True
        at = chunk.find(formula, at + 1)  # <filterColumn>, <formula1> of a validation...
    if b't="e"' in chunk or b't="d"' in chunk or b"t='" in chunk:
        return True
    for exponent in (b"E+", b"e+"):  # 1.23456789012346E+15: a float to openpyxl, whole to us
        at = chunk.find(exponent)
        while at != -1:
            if chunk[at - 1 : at].isdigit():
                return True
            at = chunk.find(exponent, at + 2)
    return b"_x" in chunk and _ESCAPE.search(chunk) is not None


def _scan_sheet(
    archive: zipfile.ZipFile, name: str, part: str, *, cached_values: bool
) -> SheetPlan | None:
    """One pass over the sheet part: no marker of what calamine reads differently, and a
    dense table under ``CELL_LIMIT`` cells; its size is (last row) x (last column) of any
    cell. Rows come from the row tags, columns from the stored dimension (else 26); cells
    beyond them show by their reference: two or more column letters, or more digits than the
    last row. (A cell that contradicts its own row tag within 10x, or a dimension that hides
    a column up to Z, could still pass: the estimate is then off by that much.)"""
    formula = b""
    dimension: tuple[int, int, int, int] | None = None
    rows, cols = 1, 26
    for chunk in _chunks(archive, part):
        if not formula:
            root = _ROOT.search(chunk)
            if root is None:
                return None
            formula = b"<" + (root.group(1) + b":" if root.group(1) else b"") + b"f"
            dimension = _dimension(chunk)
            if dimension is not None:  # the width, unless a cell beyond column Z says more
                rows, cols = max(rows, dimension[3]), dimension[2]
        if _reads_differently(chunk, None if cached_values else formula):
            return None
        last = chunk.rfind(b"row ")
        if last != -1 and (m := _LAST_ROW.search(chunk, max(0, last - 40))):
            rows = max(rows, int(m.group(1)))
        if _far_cell(len(str(rows)) + 1).search(chunk):
            for letters, number in _REF.findall(chunk):
                rows, cols = max(rows, int(number)), max(cols, _column(letters))
        if rows * cols > CELL_LIMIT:
            return None
    if not formula:
        return None
    return SheetPlan(name, part, (dimension[1], dimension[3]) if dimension else None)


@functools.cache
def _far_cell(digits: int) -> re.Pattern[bytes]:
    return re.compile(rb'\sr="(?:[A-Z]{2}|[A-Z]{1,3}\d{%d})' % digits)


def _column(letters: bytes) -> int:
    n = 0
    for c in letters:
        n = n * 26 + c - 64
    return n


def _dimension(chunk: bytes) -> tuple[int, int, int, int] | None:
    """(min_col, min_row, max_col, max_row) of <dimension ref>, as openpyxl reads it; ValueError
    for a reference openpyxl would not read either."""
    head = chunk[: chunk.find(b"sheetData")]
    m = _DIMENSION.search(head)
    if m is None:
        if b"dimension" in head:
            raise ValueError("unusual dimension element")
        return None
    ref = _RANGE.fullmatch(m.group(1))
    if ref is None:
        raise ValueError("unusual dimension reference")
    c1, r1, c2, r2 = ref.groups()
    if c2 is None:
        c2, r2 = c1, r1
    return _column(c1), int(r1), _column(c2), int(r2)
