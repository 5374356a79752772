"""Read a .csv/.txt/.tsv file: detect its encoding and delimiter, then read its rows."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path

from inventory_app.domain.errors import ImportErrors, RowError, ValidationError
from inventory_app.services.tabular.cells import SPACES, Cell, strip_spaces
from inventory_app.services.tabular.rows import (
    Column,
    Header,
    RowSource,
    RowStream,
    Table,
    open_error,
)

_SAMPLE_BYTES = 64 * 1024
_SHARED_TEXTS = 20_000  # distinct texts of a column remembered so repeats share one object


class _Stripped(dict):
    """Raw CSV text -> the cell: stripped of spaces, None when blank. One per column: its
    texts repeat down a long file (dates, SKUs, units, locations), each is stripped once and
    the repeats share one object."""

    def __missing__(self, text: str) -> str | None:
        cell = self[text] = text.strip(SPACES) or None
        return cell


class _CsvRows(RowSource):
    def __init__(self, path: Path, encoding: str, delimiter: str, skip_first: bool) -> None:
        self.source = path.name
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.skip_first = skip_first  # a "sep=;" line, which Excel hides
        self.size = path.stat().st_size
        self.binary: io.BufferedReader | None = None

    def numbered_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        number = 0
        doubt = _Doubt(self.encoding)
        try:
            with open(self.path, "rb") as binary:
                self.binary = binary
                text = io.TextIOWrapper(binary, encoding=self.encoding, errors="strict", newline="")
                # strict: a quote left open at the end of the file is an error, not a cell
                # that swallowed every row after it
                reader = csv.reader(text, delimiter=self.delimiter, strict=True)
                if self.skip_first:
                    next(reader, None)
                for number, fields in enumerate(reader, 1):
                    if doubt.active:
                        doubt.look(number, fields)
                    yield number, fields
        except UnicodeDecodeError:
            if self.encoding.startswith("utf-8"):
                _refuse_mixed_encoding(self.path)
            raise
        except csv.Error as exc:
            raise _csv_error(self.source, number + 1, exc) from exc
        except OSError as exc:
            raise open_error(self.path, exc) from exc
        doubt.verdict(self.source)

    def is_blank(self, raw: list[str]) -> bool:
        return not any(strip_spaces(f) for f in raw)

    def header_texts(self, raw: list[str]) -> list[str | None]:
        return [strip_spaces(f) or None for f in raw]

    def prepare(self, header: Header) -> None:
        self.mapping = header.mapping
        self.width = header.width
        self.needed = max((i + 1 for _, i in header.mapping), default=0)
        self.cells = {key: _Stripped() for key, _ in header.mapping}

    def convert(
        self, number: int, raw: list[str], errors: list[RowError]
    ) -> dict[str, Cell] | None:
        numbers, columns = self.convert_rows([(number, raw)], [k for k, _ in self.mapping], errors)
        return {key: cells[0] for key, cells in columns.items()} if numbers else None

    def convert_rows(
        self, batch: list[tuple[int, list[str]]], keys: Sequence[str], errors: list[RowError]
    ) -> tuple[list[int], dict[str, list[Cell]]]:
        width = self.width
        numbers: list[int] = []
        kept: list[list[str]] = []
        for number, raw in batch:
            if len(raw) > width and any(f.strip(SPACES) for f in raw[width:]):
                used = max(i for i, f in enumerate(raw) if strip_spaces(f)) + 1
                params = {"used": used, "width": width, "delimiter": self.delimiter}
                errors.append(RowError(number, "", "", "tabular.csv_too_many_values", params))
            if "".join(raw).strip(SPACES):  # not a blank row
                numbers.append(number)
                kept.append(raw)
        short = min(map(len, kept), default=self.needed) < self.needed
        columns: dict[str, list[Cell]] = {}
        for key, i in self.mapping:
            stripped = self.cells[key]
            if len(stripped) > _SHARED_TEXTS:
                stripped.clear()  # mostly unique values: keep the table small
            if short:
                columns[key] = [stripped[r[i]] if i < len(r) else None for r in kept]
            else:
                columns[key] = [stripped[r[i]] for r in kept]
        return numbers, columns

    def total_estimate(self, number: int) -> int:
        done = self.binary.tell() if self.binary is not None else 0
        return number * self.size // done if done else number


def _csv_error(source: str, row: int, exc: csv.Error) -> ImportErrors:
    """What the csv module's complaint about the row starting at ``row`` means to a user."""
    if "unexpected end of data" in str(exc):
        problem = RowError(row, "", "", "tabular.csv_unclosed_quote")
    else:
        problem = RowError(row, "", "", "tabular.csv_row_unreadable", {"reason": str(exc)})
    return ImportErrors([problem], source=source)


def _refuse_mixed_encoding(path: Path) -> None:
    """A UTF-8 guess failed on a later line. When the lines before it already held non-ASCII
    text that read as UTF-8, the file mixes two encodings (two files pasted together, or a line
    typed in another program): refused naming the first line that is not UTF-8. A file that is
    ASCII up to that line is returned to the caller, to be read again as GB18030."""
    seen_non_ascii = False
    with open(path, "rb") as binary:
        for number, line in enumerate(binary, 1):
            try:
                line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                if seen_non_ascii:
                    problem = RowError(number, "", "", "tabular.mixed_encoding", {})
                    raise ImportErrors([problem], source=path.name) from None
                return
            seen_non_ascii = seen_non_ascii or not line.isascii()


_LIKELY_SHARE = 0.8


class _Doubt:
    """Whether a file read as GB18030 reads as Chinese. Any bytes nearly always decode as
    GB18030, so a Latin-1 or Windows-1252 file ("Crème brûlée") decodes too, into rare
    characters ("Cr鑝e br鹟閑"). The rule: of the non-ASCII characters of the whole file, at
    least 80% are everyday ones (GB2312, or Big5's frequent traditional characters); otherwise
    the file is refused, naming the first line with another character. (Of the pairs a Latin-1
    accented letter and a lowercase letter make, 16% pass as everyday.)"""

    def __init__(self, encoding: str) -> None:
        self.active = encoding == "gb18030"
        self.non_ascii = self.unlikely = 0
        self.first_row = 0

    def look(self, number: int, fields: list[str]) -> None:
        for field in fields:
            if field.isascii():
                continue
            wide = [c for c in field if not c.isascii()]
            self.non_ascii += len(wide)
            try:
                field.encode("gb2312")
            except UnicodeEncodeError:
                odd = sum(1 for c in wide if not _in_gb2312(c))
                self.unlikely += odd
                if odd and not self.first_row:
                    self.first_row = number

    def verdict(self, source: str) -> None:
        if self.unlikely and self.unlikely > (1 - _LIKELY_SHARE) * self.non_ascii:
            problem = RowError(self.first_row, "", "", "tabular.encoding_doubtful", {})
            raise ImportErrors([problem], source=source)


def _in_gb2312(char: str) -> bool:
    """An everyday character of a Chinese text: in GB2312, or a traditional one that Big5
    counts among its frequent characters (a Taiwanese text saved as GB18030)."""
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= char.encode("cp950")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _detect_encoding(path: Path, sample: bytes, complete: bool) -> list[str]:
    """Encodings to try in order; a UTF-8 guess falls back to GB18030 if a later line fails."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ["utf-16"]
    if sample.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if sample.startswith(b"PK\x03\x04"):
        raise ValidationError("tabular.workbook_not_text", file=path.name)
    if b"\x00" in sample:
        raise ValidationError("tabular.unknown_encoding", file=path.name)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
        except UnicodeDecodeError:
            if encoding == "utf-8-sig":
                _refuse_mixed_encoding(path)
            continue
        if encoding == "utf-8-sig":
            return ["utf-8-sig", "gb18030"]
        return ["cp950"] if _is_big5_rather(sample, text, complete) else ["gb18030"]
    raise ValidationError("tabular.unknown_encoding", file=path.name)


def _common_share(text: str, encoding: str, first_lead: int, last_lead: int) -> float:
    """Of the CJK characters in ``text``, the share that ``encoding`` holds in its block of
    frequent characters (lead bytes ``first_lead``..``last_lead``)."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    common = 0
    for c in cjk:
        try:
            lead = c.encode(encoding)[0]
        except UnicodeEncodeError:
            continue
        common += first_lead <= lead <= last_lead
    return common / len(cjk)


def _is_big5_rather(sample: bytes, as_gb: str, complete: bool) -> bool:
    """A Traditional-Chinese file from Taiwan or Hong Kong (Big5) also decodes as GB18030,
    into rare characters and symbols: a quiet garble. Take it as Big5 only when it reads as
    Big5 without error, nearly all of its characters are then frequent ones (Big5 level 1),
    and read as GB18030 far fewer are (GB2312 level 1 and 2). Simplified text rarely even
    decodes as Big5, and when it does it scores the other way round."""
    try:
        as_big5 = codecs.getincrementaldecoder("cp950")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    big5 = _common_share(as_big5, "cp950", 0xA4, 0xC6)
    return big5 >= 0.9 and _common_share(as_gb, "gb2312", 0xB0, 0xF7) < 0.8


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
        try:  # newline="": a CR alone ends a line, and may sit inside a quoted cell
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            records = [r for r in reader if any(r)]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        same = sum(1 for r in records if len(r) == width) / len(records)
        score = (width > 1, same, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best, False


def open_csv(
    path: Path,
    columns: Sequence[Column],
    *,
    max_rows: int,
    cancel: Callable[[], bool] | None,
) -> RowStream:
    """A text file whose encoding and delimiter are detected from its first 64 KB, its header
    found; its rows are read as the stream's chunks are asked for (a late line that is not
    UTF-8 starts it again as GB18030: ``Reread``)."""
    try:
        with open(path, "rb") as f:
            sample = f.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise open_error(path, exc) from exc
    complete = len(sample) < _SAMPLE_BYTES

    def sources() -> Iterator[RowSource]:
        for encoding in _detect_encoding(path, sample, complete):
            text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
            delimiter, skip_first = _detect_delimiter(text, complete)
            try:
                rows = _CsvRows(path, encoding, delimiter, skip_first)
            except OSError as exc:
                raise open_error(path, exc) from exc
            yield rows

    def exhausted() -> ValidationError:
        return ValidationError("tabular.unknown_encoding", file=path.name)

    return RowStream(sources(), columns, max_rows=max_rows, cancel=cancel, exhausted=exhausted)


def read_csv(
    path: Path,
    columns: Sequence[Column],
    *,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> Table:
    """Read a text file whose encoding and delimiter are detected from its first 64 KB."""
    with open_csv(path, columns, max_rows=max_rows, cancel=cancel) as stream:
        return stream.table(progress=progress, cancel=cancel)
