"""The count sheet's layout, and reading a filled-in one back: proving it is the sheet of this
stocktake as exported, and the rows with a count. The sheets come in as ``SheetValues`` (values
as openpyxl's data_only load gives them, from any of .xlsx, .xls, .ods); nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from inventory_app.domain import money
from inventory_app.domain.errors import InventoryError, RefusedOperation, RowError, ValidationError
from inventory_app.services.stocktake.reading import StocktakeInfo
from inventory_app.services.tabular import SheetValues, cell_decimal, cell_shown, cell_text

MARK = "inventory_app stocktake sheet"
VERSION = 1
SHEET = "Count sheet"
META = "_stocktake"
HEADER_ROW = 6
FOUND_ROWS = 20  # empty rows at the end for items found that are not on the sheet
COLUMNS = (
    "Line",
    "Location",
    "SKU",
    "Name",
    "Unit",
    "Batch",
    "Expiry",
    "Expected",
    "Counted",
    "Counter",
    "Note",
)
WIDTHS = {
    "Line": 6,
    "Location": 14,
    "SKU": 14,
    "Name": 30,
    "Unit": 6,
    "Batch": 14,
    "Expiry": 12,
    "Expected": 11,
    "Counted": 11,
    "Counter": 12,
    "Note": 24,
}
FORMATS = {"Expiry": "yyyy-mm-dd", "Expected": "#,##0.###", "Counted": "#,##0.###"}


def columns(*, blind: bool) -> tuple[str, ...]:
    """The header of a count sheet: blind sheets have no Expected column."""
    return tuple(c for c in COLUMNS if not (blind and c == "Expected"))


@dataclass(frozen=True, slots=True)
class SheetRow:
    """A row with a count: its line (None: stock found that is not on the sheet)."""

    number: int
    line_id: int | None
    location: str
    sku: str
    batch: str
    qty: Decimal
    counter: str


def check_sheet(wb: dict[str, SheetValues], path: Path, info: StocktakeInfo) -> SheetValues:
    """The count worksheet, after proving the file is a count sheet of this stocktake with
    its layout unchanged (``wb``: the file's sheets by name)."""
    if META not in wb or SHEET not in wb:
        raise ValidationError("stocktake.not_a_count_sheet", file=path.name)
    meta = wb[META]
    if meta.value(1, 1) != MARK:
        raise ValidationError("stocktake.not_a_count_sheet", file=path.name)
    ws = wb[SHEET]
    sheet_id, shown_id = meta.value(2, 2), ws.value(2, 2)
    if sheet_id != info.id or shown_id != sheet_id:
        raise RefusedOperation(
            "stocktake.sheet_of_other_stocktake",
            file=path.name,
            sheet_stocktake_id=sheet_id if sheet_id != info.id else shown_id,
            stocktake_id=info.id,
        )
    _check_layout(ws, meta, path, info)
    return ws


def _check_layout(ws: SheetValues, meta: SheetValues, path: Path, info: StocktakeInfo) -> None:
    """Refuse a sheet whose header row differs from the one exported (columns moved,
    inserted, renamed or deleted)."""
    expected = columns(blind=info.blind)
    found = [ws.value(HEADER_ROW, i) for i in range(1, max(ws.max_column, len(expected)) + 1)]
    found = [str(v).strip() if v is not None else "" for v in found]
    while found and found[-1] == "" and len(found) > len(expected):
        found.pop()
    if tuple(found) == expected and meta.value(5, 2) == "|".join(expected):
        return
    where = next(
        (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
        min(len(found), len(expected)),
    )
    raise ValidationError(
        "stocktake.sheet_layout_changed",
        file=path.name,
        row=HEADER_ROW,
        column=where + 1,
        found=found[where] if where < len(found) else "",
        expected=expected[where] if where < len(expected) else "nothing",
    )


def sheet_counter(ws: SheetValues) -> str:
    """The counter named at the top of the sheet ('': none)."""
    value = ws.value(3, 2)
    return "" if value is None else str(value).strip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_rows(
    ws: SheetValues, info: StocktakeInfo, *, default_counter: str
) -> tuple[list[SheetRow], list[RowError]]:
    """The rows with a count filled in, and the problems of those that cannot be taken."""
    cols = columns(blind=info.blind)
    at = {c: i for i, c in enumerate(cols)}
    rows: list[SheetRow] = []
    errors: list[RowError] = []
    seen: dict[int, int] = {}  # line id -> the row it is on
    for number, values in enumerate(ws.rows_from(HEADER_ROW + 1, len(cols)), HEADER_ROW + 1):
        if _blank(values[at["Counted"]]):
            continue
        got = _read_row(number, values, at, seen=seen, default_counter=default_counter)
        if isinstance(got, RowError):
            errors.append(got)
        else:
            rows.append(got)
    return rows, errors


def _read_row(
    number: int,
    values: tuple,
    at: dict[str, int],
    *,
    seen: dict[int, int],
    default_counter: str,
) -> SheetRow | RowError:
    """One row with a count: what it records, or why it cannot be taken."""

    def text(col: str) -> str:
        v = values[at[col]]
        return "" if _blank(v) else cell_text(v)

    raw = values[at["Counted"]]
    line_text, sku = text("Line"), text("SKU")
    try:
        qty = money.parse_qty(cell_decimal(raw), what="count")
    except InventoryError as exc:
        return RowError(number, "Counted", cell_shown(raw), exc.code, exc.params)
    if qty < 0:
        return RowError(number, "Counted", cell_shown(raw), "stocktake.sheet_negative_count")
    line_id = None
    if line_text:
        try:
            line_id = int(Decimal(line_text))
        except ArithmeticError:
            return RowError(number, "Line", line_text, "stocktake.sheet_not_a_line_number")
        if line_id in seen:
            return RowError(
                number,
                "Line",
                line_text,
                "stocktake.sheet_line_repeated",
                {"line_id": line_id, "row": seen[line_id]},
            )
        seen[line_id] = number
    elif not sku:
        return RowError(number, "SKU", "", "stocktake.sheet_count_without_item")
    return SheetRow(
        number,
        line_id,
        text("Location"),
        sku,
        text("Batch"),
        qty,
        text("Counter") or default_counter or "sheet",
    )
