"""Expected problems, each with a message a shop owner understands.

Anything that is not an ``InventoryError`` is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class InventoryError(Exception):
    """Base of every expected problem (bad input, refused operation, locked file...)."""

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(InventoryError):
    """Input that cannot be accepted as given."""


class InsufficientStock(InventoryError):
    """An outgoing quantity exceeds what can be drawn."""

    def __init__(self, message: str, *, sku: str = "", needed=None, available=None) -> None:
        super().__init__(message)
        self.sku = sku
        self.needed = needed
        self.available = available


class NotFound(InventoryError):
    """A named thing (SKU, batch, location, movement) does not exist."""


class RefusedOperation(InventoryError):
    """An operation that is understood but not allowed (closed period, reversing twice...)."""


class DatabaseInUse(InventoryError):
    """Another program holds the writer lock on the file."""


class NotAnInventoryFile(InventoryError):
    """The file is not an inventory database, is damaged, or is newer than this app."""


class Cancelled(InventoryError):
    """The user pressed Cancel; nothing was written."""


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one row of an imported file. ``row`` is the 1-based row in the file."""

    row: int
    column: str
    value: str
    problem: str

    def __str__(self) -> str:
        where = f"row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        if self.value != "":
            return f"{where}: {self.problem} (value: {self.value!r})"
        return f"{where}: {self.problem}"


MAX_LISTED_ERRORS = 50


@dataclass(eq=False)
class ImportErrors(InventoryError):
    """A file was refused as a whole; nothing was written."""

    errors: list[RowError] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    def summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.errors)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} found; nothing was imported."]
        lines += [f"  {e}" for e in self.errors[:MAX_LISTED_ERRORS]]
        if count > MAX_LISTED_ERRORS:
            lines.append(f"  ... and {count - MAX_LISTED_ERRORS} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()
