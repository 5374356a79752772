"""Read a user's spreadsheet (.csv or .xlsx) into rows keyed by column, for the importers.

The reader does not know what rows mean: an importer declares its columns (``Column``), the reader
finds them by header (English or Chinese, see ``STANDARD_ALIASES``), skips blank rows and returns
cell values with the row numbers the user sees. The ``cell_*`` helpers turn a cell into text, an
exact number or a date; each raises ``ValidationError`` with a plain message and the importer adds
the row and column.

Problems at a place in the file (header, a formula cell, a misaligned CSV row) raise
``ImportErrors``; a file that cannot be read at all (not a workbook, unknown encoding, unknown
sheet, too big) raises ``ValidationError``; ``cancel()`` returning True raises ``Cancelled``.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import gc
import io
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import chain
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from inventory_app.domain.errors import Cancelled, ImportErrors, RowError, ValidationError

Cell = str | int | Decimal | datetime.date | datetime.datetime | None

#: Headers accepted for each standard key, besides the key itself. Most common names first: the
#: first few are quoted in "missing column" messages.
# fmt: off
STANDARD_ALIASES: dict[str, tuple[str, ...]] = {
    "sku": ("编码", "SKU", "商品编码", "货号", "物料编码", "code", "item code", "存货编码",
            "商品编号", "物料代码", "商品代码", "产品编码", "货品编码", "物料编号", "编号", "料号",
            "品号", "item no", "item number", "product code", "part number", "part no"),
    "name": ("名称", "name", "商品名称", "品名", "物料名称", "产品名称", "存货名称", "货品名称",
             "item name", "product name", "description", "item description"),
    "category": ("类别", "category", "分类", "商品类别", "商品分类", "品类", "存货分类",
                 "product category"),
    "unit": ("单位", "unit", "计量单位", "基本单位", "uom", "unit of measure"),
    "barcode": ("条码", "barcode", "条形码", "商品条码", "bar code", "ean", "upc", "gtin"),
    "supplier": ("供应商", "supplier", "供货商", "供应商名称", "厂商", "vendor"),
    "reorder_point": ("再订货点", "reorder point", "订货点", "补货点", "最低库存",
                      "reorder level", "rop", "min stock"),
    "safety_stock": ("安全库存", "safety stock", "保险库存", "buffer stock"),
    "lead_time_days": ("提前期", "lead time", "采购提前期", "交货期", "到货天数", "补货周期",
                       "lead time days"),
    "shelf_life_days": ("保质期", "shelf life", "保质期天数", "shelf life days"),
    "removal": ("出库规则", "removal", "出库方式", "出库策略", "removal strategy",
                "picking rule", "issue rule"),
    "date": ("日期", "date", "业务日期", "单据日期", "记账日期", "发生日期", "movement date",
             "posting date"),
    "type": ("类型", "type", "业务类型", "单据类型", "出入库类型", "收发类别", "movement type"),
    "qty": ("数量", "qty", "quantity"),
    "unit_cost": ("单价", "unit cost", "成本", "单位成本", "成本单价", "进价", "采购单价",
                  "入库单价", "cost", "unit price", "price"),
    "batch": ("批号", "batch", "批次", "批次号", "生产批号", "lot", "batch code", "batch no",
              "batch number", "lot no", "lot number"),
    "expiry": ("有效期", "expiry", "到期日", "有效期至", "失效日期", "过期日期", "到期日期",
               "expiry date", "expiration date", "exp date", "best before", "use by"),
    "location": ("库位", "location", "仓库", "位置", "货位", "仓位", "储位", "存放位置",
                 "warehouse", "bin"),
    "to_location": ("调入库位", "to location", "目标库位", "调入仓库", "目标仓库", "转入库位",
                    "destination", "to warehouse"),
    "reference": ("单号", "reference", "单据号", "参考号", "单据编号", "凭证号", "订单号", "ref",
                  "ref no", "document no", "doc no", "voucher no"),
    "note": ("备注", "note", "说明", "摘要", "notes", "remark", "remarks", "comment",
             "comments", "memo"),
    "reason": ("原因", "reason", "调整原因", "差异原因", "报损原因"),
    "counted_qty": ("实盘数量", "counted qty", "盘点数量", "实盘数", "实存数量", "实际数量",
                    "盘点数", "counted", "count", "counted quantity", "actual qty"),
    "expected_qty": ("账面数量", "expected qty", "系统数量", "账存数量", "应有数量", "账面数",
                     "expected", "system qty", "book qty"),
    "counter": ("盘点人", "counter", "盘点员", "清点人", "counted by"),
    "stocktake_id": ("盘点单号", "stocktake id", "盘点编号", "盘点单", "stocktake", "count id"),
}
# fmt: on

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")

_PROGRESS_EVERY = 2000
_HEADER_SCAN = 10  # non-blank rows searched for the header (title rows above it are skipped)
_MAX_ERRORS = 1000  # stop reading after this many cell problems
_MAX_UNPACKED = 2 << 30  # declared uncompressed bytes of a workbook; bounds a zip bomb
_SAMPLE_BYTES = 64 * 1024
_SHARED_TEXTS = 50_000  # distinct CSV texts remembered so repeats share one object
# str.isspace() characters plus zero-width ones that arrive with copy-paste and BOM-joined files.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)


@dataclass(frozen=True, slots=True)
class Column:
    """A column an importer wants; found by its key, ``STANDARD_ALIASES[key]`` or ``aliases``."""

    key: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One non-blank data row. ``number`` is the row the user sees in Excel (1-based);
    ``values`` has every requested key, None where the cell or the whole column is blank."""

    number: int
    values: dict[str, Cell]


@dataclass(frozen=True, slots=True)
class Table:
    source: str
    headers: dict[str, str]
    rows: list[SourceRow]
    ignored_headers: tuple[str, ...]


# --- headers ---------------------------------------------------------------------------------

_TRAILING_UNIT = re.compile(r"\s*[(\[【][^()\[\]【】]*[)\]】]\s*$")
_HEADER_NOISE = re.compile(r"[\s_\-*.:]+")


def normalize_header(text: str) -> str:
    """Header text as compared: NFKC, casefolded, no spaces/_/-/*, no trailing "(unit)"."""
    s = unicodedata.normalize("NFKC", text).strip(_SPACES).casefold()
    without_unit = _TRAILING_UNIT.sub("", s)
    if without_unit:
        s = without_unit
    return _HEADER_NOISE.sub("", s)


def _standard_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, names in STANDARD_ALIASES.items():
        for name in (key, *names):
            norm = normalize_header(name)
            if lookup.setdefault(norm, key) != key:
                raise RuntimeError(f"header {name!r} is an alias of both {lookup[norm]} and {key}")
    return lookup


_STANDARD_LOOKUP = _standard_lookup()


def _header_lookup(columns: Sequence[Column]) -> dict[str, str]:
    """Normalised header -> key for the requested columns; explicit aliases win."""
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys) or not all(keys):
        raise ValueError(f"column keys must be unique and non-empty: {keys}")
    wanted = set(keys)
    lookup = {norm: key for norm, key in _STANDARD_LOOKUP.items() if key in wanted}
    for key in wanted - set(STANDARD_ALIASES):
        lookup[normalize_header(key)] = key
    explicit: dict[str, str] = {}
    for column in columns:
        for alias in column.aliases:
            norm = normalize_header(alias)
            if explicit.setdefault(norm, column.key) != column.key:
                raise ValueError(f"alias {alias!r} given for {explicit[norm]} and {column.key}")
    lookup.update(explicit)
    return lookup


def _expected_names(column: Column, limit: int = 6) -> str:
    names = list(dict.fromkeys((*column.aliases, *STANDARD_ALIASES.get(column.key, (column.key,)))))
    shown = ", ".join(names[:limit])
    return shown + (", ..." if len(names) > limit else "")


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(slots=True)
class _Header:
    number: int
    texts: list[str | None]
    mapping: list[tuple[str, int]]  # (key, 0-based column index)
    headers: dict[str, str]
    ignored: tuple[str, ...]
    width: int  # columns up to the last non-empty header
    positions: dict[str, list[int]]  # key -> every column index that matched it


def _match_header(number: int, texts: list[str | None], lookup: dict[str, str]) -> _Header:
    width = max((i + 1 for i, t in enumerate(texts) if t), default=0)
    positions: dict[str, list[int]] = {}
    ignored = []
    for i, text in enumerate(texts[:width]):
        if not text:
            continue
        key = lookup.get(normalize_header(text))
        if key is None:
            ignored.append(text)
        else:
            positions.setdefault(key, []).append(i)
    mapping = [(key, idx[0]) for key, idx in positions.items()]
    headers = {key: texts[idx[0]] or "" for key, idx in positions.items()}
    return _Header(number, texts[:width], mapping, headers, tuple(ignored), width, positions)


def _header_problems(header: _Header, columns: Sequence[Column]) -> list[RowError]:
    problems = []
    texts, number = header.texts, header.number
    first = next((i for i, text in enumerate(texts) if text), len(texts))
    for i, text in enumerate(texts[first:], start=first):
        if not text:
            problem = "merged or empty header cell; give every column its own header"
            problems.append(RowError(number, column_letter(i), "", problem + " (unmerge cells)"))
    for key, idx in header.positions.items():
        if len(idx) > 1:
            where = " and ".join(f"'{texts[i]}' (column {column_letter(i)})" for i in idx)
            problem = f"column '{key}' is given twice: {where}"
            problems.append(RowError(number, texts[idx[1]] or "", "", problem))
    found = ", ".join(t for t in texts if t) or "none"
    for column in columns:
        if column.required and column.key not in header.headers:
            problem = (
                f"missing required column '{column.key}' (a header such as "
                f"{_expected_names(column)}); headers found: {found}"
            )
            problems.append(RowError(number, "", "", problem))
    return problems


# --- the shared reading loop ------------------------------------------------------------------


class _Rows:
    """One file format: raw rows with their numbers, and how to read a raw row."""

    source: str

    def numbered_rows(self) -> Generator[tuple[int, Any], None, None]:
        raise NotImplementedError

    def is_blank(self, raw: Any) -> bool:
        raise NotImplementedError

    def header_texts(self, raw: Any) -> list[str | None]:
        raise NotImplementedError

    def header_cell_problems(self, number: int, raw: Any, width: int) -> list[RowError]:
        return []

    def prepare(self, header: _Header) -> None:
        """Called once the header is known, before ``convert``."""

    def convert(self, number: int, raw: Any, errors: list[RowError]) -> dict[str, Cell] | None:
        """Values by key, or None for a fully blank row."""
        raise NotImplementedError

    def total_estimate(self, number: int) -> int:
        return number


def _checkpoint(
    rows: _Rows,
    number: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    if cancel is not None and cancel():
        raise Cancelled(f"reading {rows.source} was cancelled")
    if progress is not None:
        progress(number, max(number, rows.total_estimate(number)))


def _read_rows(
    rows: _Rows,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    lookup = _header_lookup(columns)
    _checkpoint(rows, 0, None, cancel)
    numbered = rows.numbered_rows()
    try:
        header, following = _find_header(rows, numbered, columns, lookup)
        rows.prepare(header)
        absent = dict.fromkeys(c.key for c in columns if c.key not in header.headers)
        errors: list[RowError] = []
        out: list[SourceRow] = []
        next_check = header.number + _PROGRESS_EVERY
        for number, raw in chain(following, numbered):
            if number >= next_check:
                next_check = number + _PROGRESS_EVERY
                _checkpoint(rows, number, progress, cancel)
            values = rows.convert(number, raw, errors)
            if values is None:
                continue
            if absent:
                values.update(absent)
            if len(out) >= max_rows:
                raise ValidationError(
                    f"{rows.source} has more than {max_rows:,} data rows; "
                    "split it into smaller files"
                )
            out.append(SourceRow(number, values))
            if len(errors) >= _MAX_ERRORS:
                errors.append(RowError(number, "", "", "too many problems; stopped reading here"))
                break
    finally:
        numbered.close()  # close the file now, not when a traceback holding it is freed
    if errors:
        raise ImportErrors(errors, source=rows.source)
    if not out:
        raise ImportErrors([RowError(header.number, "", "", "no data rows")], source=rows.source)
    if progress is not None:
        progress(out[-1].number, out[-1].number)
    return Table(rows.source, header.headers, out, header.ignored)


def _find_header(
    rows: _Rows,
    numbered: Iterator[tuple[int, Any]],
    columns: Sequence[Column],
    lookup: dict[str, str],
) -> tuple[_Header, list[tuple[int, Any]]]:
    """The header and the rows already read after it.

    The header is the first non-blank row holding every required column; rows above it are
    titles. If none of the first few rows qualifies, problems are reported for the best match.
    """
    required = {c.key for c in columns if c.required}
    candidates: list[tuple[int, Any, _Header]] = []
    for number, raw in numbered:
        if rows.is_blank(raw):
            continue
        candidates.append((number, raw, _match_header(number, rows.header_texts(raw), lookup)))
        if required <= candidates[-1][2].headers.keys() or len(candidates) >= _HEADER_SCAN:
            break
    if not candidates:
        raise ImportErrors([RowError(1, "", "", "the file is empty")], source=rows.source)
    chosen = next((i for i, c in enumerate(candidates) if required <= c[2].headers.keys()), None)
    if chosen is None:
        chosen = max(range(len(candidates)), key=lambda i: (len(candidates[i][2].headers), -i))
    number, raw, header = candidates[chosen]
    problems = rows.header_cell_problems(number, raw, header.width)
    problems += _header_problems(header, columns)
    if problems:
        raise ImportErrors(problems, source=rows.source)
    return header, [(n, r) for n, r, _ in candidates[chosen + 1 :]]


def read_table(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | None = None,
    max_rows: int = 1_000_000,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Table:
    """Read a .csv/.txt/.tsv or .xlsx file into rows keyed by ``columns``' keys.

    ``sheet`` names the worksheet of a workbook (default: the first visible one). ``max_rows``
    limits the non-blank data rows. ``progress(done, total)`` gets sheet row numbers every
    ~2000 rows (``total`` may be an estimate); ``cancel()`` returning True raises ``Cancelled``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        with _collector_paused():
            return _read_csv(path, columns, max_rows=max_rows, progress=progress, cancel=cancel)
    if suffix in WORKBOOK_SUFFIXES:
        with _collector_paused():
            return _read_xlsx(
                path, columns, sheet=sheet, max_rows=max_rows, progress=progress, cancel=cancel
            )
    if suffix == ".xls":
        raise ValidationError(
            f"{path.name} is an old Excel 97-2003 .xls file; "
            "open it in Excel or WPS and save it as .xlsx"
        )
    raise ValidationError(
        f"{path.name}: unsupported file type '{suffix or '(none)'}'; use .xlsx or .csv"
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows pile up.

    Building a million long-lived rows makes it rescan them again and again: a third of the
    reading time; what garbage there is gets collected afterwards. Re-enables only what it
    disabled, so overlapping reads in worker threads are safe.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _open_error(path: Path, exc: OSError) -> ValidationError:
    if isinstance(exc, FileNotFoundError):
        return ValidationError(f"{path.name} was not found")
    if isinstance(exc, PermissionError):
        return ValidationError(
            f"{path.name} cannot be opened; close it in Excel or WPS and check its permissions"
        )
    return ValidationError(f"{path.name} cannot be read: {exc.strerror or exc}")


# --- CSV ----------------------------------------------------------------------------------------

_UNKNOWN_ENCODING = "unknown text encoding; save as UTF-8 or GB18030"


def _strip(value: str) -> str:
    return value.strip(_SPACES)


class _CsvRows(_Rows):
    def __init__(self, path: Path, encoding: str, delimiter: str, skip_first: bool) -> None:
        self.source = path.name
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.skip_first = skip_first  # a "sep=;" line, which Excel hides
        self.size = path.stat().st_size
        self.binary: io.BufferedReader | None = None

    def numbered_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        with open(self.path, "rb") as binary:
            self.binary = binary
            text = io.TextIOWrapper(binary, encoding=self.encoding, errors="strict", newline="")
            reader = csv.reader(text, delimiter=self.delimiter)
            number = 0
            if self.skip_first:
                next(reader, None)
            while True:
                try:
                    fields = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise ImportErrors(
                        [RowError(number + 1, "", "", f"this row cannot be read ({exc})")],
                        source=self.source,
                    ) from exc
                number += 1
                yield number, fields

    def is_blank(self, raw: list[str]) -> bool:
        return not any(_strip(f) for f in raw)

    def header_texts(self, raw: list[str]) -> list[str | None]:
        return [_strip(f) or None for f in raw]

    def prepare(self, header: _Header) -> None:
        self.mapping = header.mapping
        self.width = header.width
        self.needed = max((i + 1 for _, i in header.mapping), default=0)
        # One object per distinct text: SKUs, dates, units and locations repeat down a long file.
        self.shared: dict[str, str] = {}

    def convert(
        self, number: int, raw: list[str], errors: list[RowError]
    ) -> dict[str, Cell] | None:
        n = len(raw)
        if len(self.shared) > _SHARED_TEXTS:
            self.shared.clear()  # mostly unique values: keep the table small
        share = self.shared.setdefault
        if n >= self.needed:
            values: dict[str, Cell] = {
                k: share(v, v) if (v := raw[i].strip(_SPACES)) else None for k, i in self.mapping
            }
        else:
            values = {
                k: share(v, v) if i < n and (v := raw[i].strip(_SPACES)) else None
                for k, i in self.mapping
            }
        if n > self.width and any(_strip(f) for f in raw[self.width :]):
            used = max(i for i, f in enumerate(raw) if _strip(f)) + 1
            problem = (
                f"this row has {used} values but the header has {self.width} columns; "
                f"if a value contains '{self.delimiter}', put quotes around it"
            )
            errors.append(RowError(number, "", "", problem))
        if not any(values.values()) and self.is_blank(raw):
            return None
        return values

    def total_estimate(self, number: int) -> int:
        done = self.binary.tell() if self.binary is not None else 0
        return number * self.size // done if done else number


def _detect_encoding(path: Path, sample: bytes, complete: bool) -> list[str]:
    """Encodings to try in order; a UTF-8 guess falls back to GB18030 if a later line fails."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ["utf-16"]
    if sample.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if sample.startswith(b"PK\x03\x04"):
        raise ValidationError(f"{path.name} is an Excel workbook, not text; rename it to .xlsx")
    if b"\x00" in sample:
        raise ValidationError(f"{path.name}: {_UNKNOWN_ENCODING}")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
        except UnicodeDecodeError:
            continue
        return ["utf-8-sig", "gb18030"] if encoding == "utf-8-sig" else ["gb18030"]
    raise ValidationError(f"{path.name}: {_UNKNOWN_ENCODING}")


_SEP_LINE = re.compile(r"^sep=(.)\r?\n", re.IGNORECASE)


def _detect_delimiter(text: str, complete: bool) -> tuple[str, bool]:
    """Pick ',', ';' or tab from a text sample: the one giving a wide, consistent table."""
    if match := _SEP_LINE.match(text):
        return match.group(1), True
    lines = text.splitlines(keepends=True)
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the sample may cut the last line
    sample = "".join(lines[:50])
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in (",", ";", "\t"):
        records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
        if not records:
            continue
        width = len(records[0])
        same = sum(1 for r in records if len(r) == width) / len(records)
        score = (width > 1, same, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best, False


def _read_csv(
    path: Path,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    try:
        with open(path, "rb") as f:
            sample = f.read(_SAMPLE_BYTES)
        complete = len(sample) < _SAMPLE_BYTES
        for encoding in _detect_encoding(path, sample, complete):
            text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
            delimiter, skip_first = _detect_delimiter(text, complete)
            rows = _CsvRows(path, encoding, delimiter, skip_first)
            try:
                return _read_rows(
                    rows, columns, max_rows=max_rows, progress=progress, cancel=cancel
                )
            except UnicodeDecodeError:
                continue  # a later line is not UTF-8: start again as GB18030
    except OSError as exc:
        raise _open_error(path, exc) from exc
    raise ValidationError(f"{path.name}: {_UNKNOWN_ENCODING}")


# --- XLSX ---------------------------------------------------------------------------------------


class _Doctype(Exception):
    pass


class _RootReached(Exception):
    pass


def _refuse_doctype(archive: zipfile.ZipFile, name: str) -> None:
    """Raise _Doctype if the XML part declares a DTD (the only place entities can be defined).

    Parses only the prolog, up to the root element, so it is cheap even for a large sheet.
    """

    def on_doctype(*_args: object) -> None:
        raise _Doctype

    def on_element(*_args: object) -> None:
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_element
    with archive.open(name) as part:
        while chunk := part.read(16384):
            try:
                parser.Parse(chunk, False)
            except (_RootReached, expat.ExpatError):
                return  # a malformed part is openpyxl's to report
    try:
        parser.Parse(b"", True)
    except (_RootReached, expat.ExpatError):
        return


def _hostile(path: Path) -> ValidationError:
    return ValidationError(
        f"{path.name} contains XML entity declarations, which a workbook saved by Excel or WPS "
        "never has; it was refused for safety"
    )


def _not_a_workbook(path: Path, why: str = "") -> ValidationError:
    return ValidationError(
        f"{path.name} is not an Excel .xlsx workbook{why}; open it in Excel or WPS and "
        "save it as .xlsx"
    )


def _check_workbook_file(path: Path) -> None:
    """Refuse what openpyxl should not parse: non-zip files, zip bombs, DTDs in any XML part."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise _not_a_workbook(path, " (it is an old .xls file or is password-protected)")
        if not head.startswith(b"PK"):
            looks_text = b"\x00" not in head and head.strip() != b""
            raise _not_a_workbook(path, " (it looks like a text file)" if looks_text else "")
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > _MAX_UNPACKED:
                raise _not_a_workbook(path, " (it unpacks to more than 2 GB)")
            for member in members:  # every part: a sheet need not be named .xml
                if not member.is_dir():
                    _refuse_doctype(archive, member.filename)
    except _Doctype:
        raise _hostile(path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise _not_a_workbook(path, " (the file is damaged)") from exc
    except OSError as exc:
        raise _open_error(path, exc) from exc


def _number(value: int | float) -> int | Decimal:
    if type(value) is int:
        return value
    return Decimal(repr(value))  # shortest round trip: Excel's 56.920000000000002 -> 56.92


def _date_value(value: object) -> Cell:
    if isinstance(value, datetime.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date()
        return value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value)  # a duration


def _formula_text(value: object) -> str:
    text = getattr(value, "text", value)  # ArrayFormula / DataTableFormula carry .text
    return str(text if text is not None else "=")


class _XlsxRows(_Rows):
    def __init__(self, path: Path, worksheet: Any) -> None:
        self.source = path.name
        self.path = path
        self.ws = worksheet
        self.sheet_rows = worksheet.max_row or 0

    def numbered_rows(self) -> Generator[tuple[int, tuple[Any, ...]], None, None]:
        # Ignore the stored dimension: some writers store a wrong one, and openpyxl would cut
        # the rows and columns to it.
        self.ws.reset_dimensions()
        it = iter(self.ws.iter_rows())
        number = 0
        while True:
            try:
                cells = next(it)
            except StopIteration:
                return
            except Exception as exc:
                if (error := _openpyxl_problem(self.path, exc)) is None:
                    raise
                raise error from exc
            # openpyxl fills gaps with empty rows; a cell's own row number is the surer count.
            number = (cells and getattr(cells[-1], "row", None)) or number + 1
            yield number, cells

    def is_blank(self, raw: tuple[Any, ...]) -> bool:
        for cell in raw:
            value = cell.value
            if value is not None and (not isinstance(value, str) or _strip(value)):
                return False
        return True

    def header_texts(self, raw: tuple[Any, ...]) -> list[str | None]:
        texts: list[str | None] = []
        for cell in raw:
            value, kind = cell.value, cell.data_type
            if value is None:
                texts.append(None)
            elif kind == "f":
                texts.append(_formula_text(value))
            elif isinstance(value, str):
                texts.append(_strip(value) or None)
            elif kind == "n":
                texts.append(cell_text(_number(value)))
            else:
                texts.append(str(_date_value(value) if kind == "d" else value))
        return texts

    def header_cell_problems(self, number: int, raw: tuple[Any, ...], width: int) -> list[RowError]:
        problem = "header cell contains a formula; type the header instead"
        return [
            RowError(number, column_letter(i), _formula_text(cell.value), problem)
            for i, cell in enumerate(raw[:width])
            if cell.data_type == "f"
        ]

    def prepare(self, header: _Header) -> None:
        self.mapping = header.mapping
        self.headers = header.headers

    def convert(
        self, number: int, raw: tuple[Any, ...], errors: list[RowError]
    ) -> dict[str, Cell] | None:
        n = len(raw)
        values: dict[str, Cell] = {}
        seen = False
        for key, i in self.mapping:
            value = raw[i].value if i < n else None
            if value is not None:
                kind = raw[i].data_type
                if kind == "s":
                    value = value.strip(_SPACES) or None
                elif kind == "n":
                    value = _number(value)
                elif kind == "d":
                    value = _date_value(value)
                else:
                    value = self._odd_cell(number, key, raw[i], errors)
                seen = seen or value is not None
            values[key] = value
        if not seen and self.is_blank(raw):
            return None
        return values

    def _odd_cell(self, number: int, key: str, cell: Any, errors: list[RowError]) -> Cell:
        kind, value = cell.data_type, cell.value
        if kind == "b":
            return "TRUE" if value else "FALSE"
        if kind == "f":
            problem = "contains a formula; paste values instead (Paste Special > Values)"
            errors.append(RowError(number, self.headers[key], _formula_text(value), problem))
        elif kind == "e":
            problem = f"contains the Excel error {value}; fix or clear the cell"
            errors.append(RowError(number, self.headers[key], str(value), problem))
        else:
            errors.append(RowError(number, self.headers[key], str(value), "unreadable cell"))
        return None

    def total_estimate(self, number: int) -> int:
        return self.sheet_rows


def _read_xlsx(
    path: Path,
    columns: Sequence[Column],
    *,
    sheet: str | None,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    _check_workbook_file(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        if (error := _openpyxl_problem(path, exc)) is None:
            raise
        raise error from exc
    try:
        worksheet = _pick_sheet(path, workbook, sheet)
        if worksheet.max_row and worksheet.max_row - (worksheet.min_row or 1) > max_rows:
            raise ValidationError(
                f"{path.name}: sheet '{worksheet.title}' is used down to row "
                f"{worksheet.max_row:,}, more than the {max_rows:,} rows allowed; split the "
                "file, or if most of those rows are empty, delete them "
                "(Ctrl+End shows the last used cell)"
            )
        rows = _XlsxRows(path, worksheet)
        return _read_rows(rows, columns, max_rows=max_rows, progress=progress, cancel=cancel)
    finally:
        workbook.close()


def _openpyxl_problem(path: Path, exc: Exception) -> ValidationError | None:
    """What an exception raised inside openpyxl means to the user; None if it is not about
    the file (a bug to let through)."""
    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    cause: BaseException | None = exc
    while cause is not None:  # openpyxl re-raises parse errors as ValueError "from" them
        if isinstance(cause, DefusedXmlException):
            return _hostile(path)
        cause = cause.__cause__ or cause.__context__
    # Within openpyxl's calls, these mean a damaged or odd file rather than a bug of ours.
    broken = (zipfile.BadZipFile, zlib.error, EOFError, ParseError, InvalidFileException)
    broken += (KeyError, IndexError, ValueError, TypeError, AttributeError, NotImplementedError)
    if isinstance(exc, broken):
        return _not_a_workbook(path, " (the file is damaged)")
    if isinstance(exc, OSError):
        return _open_error(path, exc)
    return None


def _pick_sheet(path: Path, workbook: Any, sheet: str | None) -> Any:
    sheets = workbook.worksheets  # chartsheets excluded
    if not sheets:
        raise ValidationError(f"{path.name} has no worksheets")
    if sheet is None:
        return next((ws for ws in sheets if ws.sheet_state == "visible"), sheets[0])
    wanted = sheet.strip().casefold()
    for exact in (True, False):
        for ws in sheets:
            if ws.title == sheet if exact else ws.title.strip().casefold() == wanted:
                return ws
    names = ", ".join(f"'{ws.title}'" for ws in sheets)
    raise ValidationError(f"{path.name} has no sheet '{sheet}'; its sheets are: {names}")


# --- cell parsers for importers ----------------------------------------------------------------


def _require(cell: Cell) -> Cell:
    if cell is None or (isinstance(cell, str) and not cell.strip(_SPACES)):
        raise ValidationError("empty")
    if isinstance(cell, bool):
        raise ValidationError("not a value this field accepts")
    return cell


def cell_text(cell: Cell) -> str:
    """Text of a cell: numbers without exponent or trailing '.0' (barcodes stay digits),
    dates as YYYY-MM-DD. Empty -> ValidationError."""
    cell = _require(cell)
    if isinstance(cell, str):
        return cell.strip(_SPACES)
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, Decimal):
        if not cell.is_finite():
            raise ValidationError("not a finite number")
        text = format(cell, "f")  # not normalize(): it rounds to 28 digits
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(cell, datetime.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    if isinstance(cell, float):
        return cell_text(Decimal(repr(cell)))
    raise ValidationError("not text")


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?", re.ASCII)
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_MAX_DIGITS = 18  # a bigger quantity or price is a typo (and "1e999999" would be a slow int)


def cell_decimal(cell: Cell) -> Decimal:
    """Exact number from an int, Decimal or text such as '12.50', '1,234.50', '１２３', '¥8'."""
    cell = _require(cell)
    if isinstance(cell, int):
        value = Decimal(cell)
    elif isinstance(cell, Decimal):
        value = cell
    elif isinstance(cell, float):
        value = Decimal(repr(cell))
    elif isinstance(cell, str):
        value = _parse_number(cell)
    else:
        raise ValidationError("not a number")
    if not value.is_finite():
        raise ValidationError("not a finite number")
    if value.adjusted() > _MAX_DIGITS:
        raise ValidationError("number too large")
    return value


def _parse_number(cell: str) -> Decimal:
    text = unicodedata.normalize("NFKC", cell).translate(_MINUS).strip(_SPACES)
    sign = text[0] if text[:1] in ("+", "-") else ""
    text = sign + text[len(sign) :].lstrip("¥$€£").strip(_SPACES)  # "-¥ 8.50"
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    elif "," in text:
        raise ValidationError("not a number (use '.' for decimals, e.g. 12.50)")
    if not _NUMBER.fullmatch(text):
        raise ValidationError("not a number")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError("not a number") from None


def cell_int(cell: Cell) -> int:
    """Whole number from an int, an integral Decimal or text ('12', '12.0', '1,200')."""
    value = cell_decimal(cell)
    if value != value.to_integral_value():
        raise ValidationError("not a whole number")
    return int(value)


_ISO_DATE = re.compile(
    r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?",
    re.ASCII,
)
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_DAY_MONTH = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?:\s.*)?", re.ASCII)


def _real_date(year: str, month: str, day: str) -> datetime.date:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError("not a real date") from None


def cell_date(cell: Cell) -> datetime.date:
    """Date from a date/datetime cell or text: 2026-11-21, 2026/11/21, 2026.11.21,
    2026年11月21日, 20261121. Day-first/month-first forms (21/11/2026) are refused."""
    cell = _require(cell)
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, int) or (isinstance(cell, Decimal) and cell.is_finite()):
        match = _COMPACT_DATE.fullmatch(cell_text(cell))
        if match:
            return _real_date(*match.groups())
        raise ValidationError("a number, not a date; format the cell as a date (e.g. 2026-11-21)")
    if not isinstance(cell, str):
        raise ValidationError("not a date")
    text = unicodedata.normalize("NFKC", cell).strip(_SPACES)
    if match := _ISO_DATE.fullmatch(text):
        year, _, month, day = match.groups()
        return _real_date(year, month, day)
    if (match := _CN_DATE.fullmatch(text)) or (match := _COMPACT_DATE.fullmatch(text)):
        return _real_date(*match.groups())
    if _DAY_MONTH.fullmatch(text):
        raise ValidationError(
            "ambiguous date (day and month could be swapped); write it as 2026-11-21"
        )
    raise ValidationError("not a date; write it as 2026-11-21")
