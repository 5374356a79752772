"""What every import shares: collecting row errors, the result, posting rows in order.

The names here are shared by the package's modules (``journal``, ``opening``, ``items``);
other packages use what ``services.imports`` names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain import money
from inventory_app.domain.errors import (
    Cancelled,
    InsufficientStock,
    InventoryError,
    RefusedOperation,
    RowError,
)
from inventory_app.domain.model import Changes, Line
from inventory_app.services.buying.units import apply_typed, remember_packs
from inventory_app.services.progress import Cancel, Progress
from inventory_app.services.tabular import (
    SourceRow,
    TableReader,
    cell_decimal,
    cell_shown,
)
from inventory_app.storage import catalog as catalog_sql
from inventory_app.storage.db import Connection, Database
from inventory_app.storage.ledger.poster import Poster

__all__ = [
    "Cancel",
    "Cells",
    "Collector",
    "DryRun",
    "ImportResult",
    "Numbered",
    "Posting",
    "Problem",
    "Progress",
    "Refused",
    "cell_cost",
    "cell_qty",
    "known_names",
    "refusal_errors",
]


class Collector:
    """Gathers row errors; ``cell`` parses one cell and records a failure instead of raising.
    ``headers``: the file's header text by column key (``Table.headers``)."""

    def __init__(self, headers: Mapping[str, str]) -> None:
        self.headers = headers
        self.errors: list[RowError] = []

    def header(self, key: str) -> str:
        return self.headers.get(key, key)

    def add(self, row: SourceRow, key: str, code: str, /, **params: object) -> None:
        """Record problem ``code`` (with ``params``) at ``row``'s column ``key`` ('' for the
        whole row); the cell's value goes with it."""
        raw = row.values.get(key)
        column = self.header(key) if key else ""
        self.errors.append(RowError(row.number, column, cell_shown(raw), code, params))

    def cell(self, row: SourceRow, key: str, parse, *, required: bool = False):
        """The cell at ``key`` parsed by ``parse`` (a function, or a column's ``Cells``); None
        if it is empty (a problem if ``required``) or cannot be parsed (the problem noted)."""
        raw = row.values.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(row, key, "import.empty")
            return None
        if isinstance(parse, Cells):
            value = parse[raw]
            if value.__class__ is Problem:
                self.add(row, key, value.code, **value.params)
                return None
            return value
        try:
            return parse(raw)
        except InventoryError as exc:
            self.add(row, key, exc.code, **exc.params)
            return None


# --- one column's cells, parsed once per distinct text ------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """What ``Cells`` holds for a cell that cannot be taken: the refusal's code and params."""

    code: str
    params: Mapping[str, object]


_REMEMBERED = 20_000  # distinct texts of one column remembered (references, notes are unique)
_EXACT_TYPES = (int, dt.date, dt.datetime)  # equal cells of these types parse alike
# (not Decimal: Decimal('1.0') == Decimal('1') but a message shows them as given)


class Cells(dict):
    """The cells of one column -> what ``parse`` makes of them, each distinct cell parsed once:
    a journal repeats a few hundred dates, SKUs and quantities down a million rows. A cell
    ``parse`` refuses (an ``InventoryError``) maps to a ``Problem``, and so does an empty one
    if ``required`` (else None)."""

    def __init__(self, parse: Callable[[object], object], *, required: bool = False) -> None:
        super().__init__()
        self.parse = parse
        self.required = required
        self.bad: set[object] = set()  # cells that map to a Problem
        self._empty = Problem("import.empty", {}) if required else None
        self[None] = self._empty
        if required:
            self.bad.add(None)

    def column(self, cells: list) -> tuple[list, set[int]]:
        """``cells`` parsed, and the positions of those that are problems."""
        if len(self) > _REMEMBERED:
            self.clear()
            self[None] = self._empty
        values = [self[c] for c in cells]
        bad = self.bad
        if bad and not bad.isdisjoint(cells):
            return values, {k for k, c in enumerate(cells) if c in bad}
        return values, set()

    def __missing__(self, cell: object) -> object:
        cls = cell.__class__
        # a cell that is not text is parsed every time unless equal ones parse alike
        key = cell if cls is str else (cls, cell if cls in _EXACT_TYPES else str(cell))
        if key is not cell and key in self:
            value = self[key]
        else:
            if cls is str and not cell.strip():  # type: ignore[attr-defined]
                value = self._empty
            else:
                try:
                    value = self.parse(cell)
                except InventoryError as exc:
                    value = Problem(exc.code, exc.params)
            self[key] = value
        if value.__class__ is Problem:
            self.bad.add(cell)
        return value


# Plain digits with few enough decimals: what cell_decimal and money's parsers make of them is
# Decimal(text) at the scale they give, so a column of distinct costs skips the long way.
_PLAIN_QTY = re.compile(rf"[0-9]{{1,{money.MAX_DIGITS}}}(?:\.[0-9]{{1,{money.QTY_PLACES}}})?")
_PLAIN_COST = re.compile(rf"[0-9]{{1,{money.MAX_DIGITS}}}(?:\.[0-9]{{1,{money.COST_PLACES}}})?")
_QTY_SCALE = Decimal(1).scaleb(-money.QTY_PLACES)
_COST_SCALE = Decimal(1).scaleb(-money.COST_PLACES)


def cell_qty(raw: object) -> Decimal:
    """A quantity cell: an exact number with at most 3 decimals."""
    if raw.__class__ is str and _PLAIN_QTY.fullmatch(raw):  # type: ignore[arg-type]
        return Decimal(raw).quantize(_QTY_SCALE)  # type: ignore[arg-type]
    # as text, so that a message shows '1.2345', not Decimal('1.2345')
    return money.parse_qty(str(cell_decimal(raw)))


def cell_cost(raw: object) -> Decimal:
    """A unit cost cell: an exact number with at most 4 decimals."""
    if raw.__class__ is str and _PLAIN_COST.fullmatch(raw):  # type: ignore[arg-type]
        return Decimal(raw).quantize(_COST_SCALE)  # type: ignore[arg-type]
    return money.parse_cost(str(cell_decimal(raw)))


def known_names(db: Database) -> tuple[set[str], set[str]]:
    """The shop's SKUs and location names, casefolded (what a row may name)."""
    return catalog_sql.known_names(db.conn)


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    posted: int = 0
    changes: Changes = field(default_factory=Changes)


# --- posting ------------------------------------------------------------------------------------

# The column of the file a ledger refusal is about, by its code ('' for the whole row).
_COLUMN_OF_CODE = {
    "ledger.unknown_sku": "sku",
    "ledger.unknown_location": "location",
    "ledger.writeoff_reason_unknown": "note",
    "ledger.expired_batch_needs_reason": "note",
    "ledger.batch_out_of_turn_needs_reason": "note",
    "ledger.receipt_needs_cost": "unit_cost",
    "ledger.no_cost_known": "unit_cost",
    "ledger.expiry_before_date": "expiry",
}


def _column_for(exc: InventoryError) -> str:
    if isinstance(exc, InsufficientStock):
        return "qty"
    if isinstance(exc, RefusedOperation):
        return "date"
    return _COLUMN_OF_CODE.get(exc.code, "")


class Refused(Exception):
    """Roll the import back: the file had errors (``errors``, and the ledger's ``refused``
    lines as ``Posting.refused`` holds them)."""

    def __init__(self, errors: list[RowError], refused: list[tuple]) -> None:
        super().__init__()
        self.errors = errors
        self.refused = refused


class DryRun(Exception):
    """Roll a checked import back on purpose: ``dry_run`` validates and posts everything
    (so every problem the ledger would find is found) and keeps nothing."""


Numbered = tuple[int, dt.date, Line]  # (row number, date, line)


class Posting:
    """Posts (row number, date, line) in the order given, inside the caller's transaction,
    as many times as called. A row the ledger refuses is noted in ``refused`` (row, column
    key, code, params) and posting goes on, so that every problem is reported. A document
    groups consecutive lines of one date and reference (``reference`` given: that one for all
    lines).

    ``postings.post_entries`` is the same loop, but it stops at the first refusal and keeps
    its own transaction, so it cannot serve here.

    Rows are written on a thread of their own while the next lines are posted (``Poster``'s
    ``background``); use it as a context manager inside the transaction, so that no write is
    still running when the transaction commits or rolls back."""

    #: write aside, on a thread (see ``storage.ledger.staging``); off: each write in turn
    background = True

    def __init__(
        self,
        conn: Connection,
        *,
        operator: str,
        kind: str = "import",
        reference: str | None = None,
        packs: Mapping[int, str] | None = None,
    ) -> None:
        self.poster = Poster(conn, source="import", preload=True, background=self.background)
        # row number -> the pack its quantity (and cost) is in, for rows not in stock units
        self.packs = packs if packs is not None else {}
        self.remembered: list[tuple[int, str, int, int, int | None]] = []
        self.operator, self.kind, self.reference = operator, kind, reference
        self.doc_key: tuple | None = None
        self.doc_id = 0
        self.posted = 0  # lines applied or refused
        self.refused: list[tuple[int, str, str, Mapping[str, object]]] = []

    def __enter__(self) -> Posting:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.poster.settle()  # what a write in flight raised is raised here
        else:
            self.poster.abandon()

    def post(
        self,
        lines: Sequence[Numbered],
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> None:
        """Post ``lines``; every 5000 lines ``cancel()`` may stop it (raising ``Cancelled``)
        and ``progress(done, len(lines))`` is told."""
        poster, operator, kind = self.poster, self.operator, self.kind
        total = len(lines)
        for n, (number, date, line) in enumerate(lines, 1):
            ref = line.reference if self.reference is None else self.reference
            if (date, ref) != self.doc_key:
                self.doc_key = (date, ref)
                self.doc_id = poster.new_document(
                    date=date, kind=kind, reference=ref, operator=operator
                )
            try:
                pack = self.packs.get(number) if self.packs else None
                if pack is None:
                    poster.apply(line, date=date, document_id=self.doc_id, operator=operator)
                else:
                    self._apply_in_pack(line, pack, date)
            except InventoryError as exc:
                self.refused.append((number, _column_for(exc), exc.code, exc.params))
            if n % 5000 == 0:
                if cancel and cancel():
                    raise Cancelled("import.cancelled")
                if progress:
                    progress(n, total)
        self.posted += total

    def _apply_in_pack(self, line: Line, pack: str, date: dt.date) -> None:
        """A row typed in a pack: converted to stock units exactly (a pack price split so the
        receipt's value is what the packs cost), the pack remembered beside its movements."""
        _, typed = apply_typed(
            self.poster.conn, self.poster, line, pack, date=date, document_id=self.doc_id,
            operator=self.operator,
        )  # fmt: skip
        self.remembered += typed

    def finish(self) -> Changes:
        """Write what is pending; what changed (nothing when a row was refused)."""
        if self.refused:
            return Changes()
        changes = self.poster.finish()
        remember_packs(self.poster.conn, self.remembered)
        return changes


def refusal_errors(table: TableReader, refused: list[tuple]) -> list[RowError]:
    """``Posting.refused`` as row errors, each with its cell's value, which is read from the
    file again (the rows are not kept while posting)."""
    wanted = {number: key for number, key, _, _ in refused if key}
    found: dict[int, object] = {}
    if wanted:
        with contextlib.closing(table.chunks()) as chunks:
            for chunk in chunks:
                for k, number in enumerate(chunk.numbers):
                    if number in wanted:
                        found[number] = chunk.columns[wanted[number]][k]
                if len(found) == len(wanted):
                    break
    return [
        RowError(
            number,
            table.headers.get(key, key) if key else "",
            cell_shown(found.get(number)),
            code,
            dict(params),
        )
        for number, key, code, params in refused
    ]
