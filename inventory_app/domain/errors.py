"""Expected problems, each with a stable code, its parameters, and a sentence built from them.

``raise ValidationError("stock.qty_not_positive", kind="issue")``: the code names the problem
(tests, translations and callers key on it), the keyword parameters are its facts, and
``domain.messages`` turns both into the sentence a shop owner reads, in the language the front
chose (``messages.set_language``; English by default). The subclass says what kind
of problem it is (bad input, refused, not found...). Anything that is not an ``InventoryError``
is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from inventory_app.domain.messages import render


class InventoryError(Exception):
    """Base of every expected problem (bad input, refused operation, locked file...)."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return render(self.code, self.params)

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(InventoryError):
    """Input that cannot be accepted as given."""


class InsufficientStock(InventoryError):
    """An outgoing quantity exceeds what can be drawn (``sku``, ``needed``, ``available``)."""

    @property
    def sku(self) -> str:
        return str(self.params.get("sku", ""))

    @property
    def needed(self):
        return self.params.get("needed")

    @property
    def available(self):
        return self.params.get("available")


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

    def __init__(self, code: str = "cancelled", /, **params: object) -> None:
        super().__init__(code, **params)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one row of an imported file. ``row`` is the 1-based row in the file;
    ``code`` and ``params`` name the problem as for ``InventoryError``."""

    row: int
    column: str
    value: str
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def problem(self) -> str:
        return render(self.code, self.params)

    def __str__(self) -> str:
        if self.column:
            where = render("import.row_column_at", {"row": self.row, "column": self.column})
        else:
            where = render("import.row_at", {"row": self.row})
        if self.value != "":
            return render(
                "import.row_value", {"where": where, "problem": self.problem, "value": self.value}
            )
        return render("import.row_plain", {"where": where, "problem": self.problem})


MAX_LISTED_ERRORS = 50


@dataclass(eq=False)
class ImportErrors(InventoryError):
    """A file was refused as a whole; nothing was written."""

    errors: list[RowError] = field(default_factory=list)
    source: str = ""

    def __post_init__(self) -> None:
        super().__init__("import.refused", source=self.source, count=len(self.errors))

    def summary(self) -> str:
        head = render("import.refused.source", {"source": self.source}) if self.source else ""
        count = len(self.errors)
        lines = [render("import.refused", {"source": head, "count": count})]
        lines += [f"  {e}" for e in self.errors[:MAX_LISTED_ERRORS]]
        if count > MAX_LISTED_ERRORS:
            lines.append("  " + render("import.more", {"count": count - MAX_LISTED_ERRORS}))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()
