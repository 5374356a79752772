"""The shop's nouns as frozen dataclasses, plus the posting request types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Removal(StrEnum):
    FIFO = "fifo"
    FEFO = "fefo"


class MovementType(StrEnum):
    RECEIPT = "receipt"
    ISSUE = "issue"
    WRITEOFF = "writeoff"
    ADJUST = "adjust"
    TRANSFER = "transfer"
    STOCKTAKE = "stocktake"
    REVERSAL = "reversal"


class Bucket(StrEnum):
    """Where a movement lands in the period summary."""

    IN = "in"  # receipts
    OUT = "out"  # issues = cost of goods sold
    ADJ = "adj"  # write-offs, adjustments, stocktake differences (signed)
    XFER = "xfer"  # transfers: nets to zero at shop level


BUCKET_OF_TYPE: dict[MovementType, Bucket] = {
    MovementType.RECEIPT: Bucket.IN,
    MovementType.ISSUE: Bucket.OUT,
    MovementType.WRITEOFF: Bucket.ADJ,
    MovementType.ADJUST: Bucket.ADJ,
    MovementType.STOCKTAKE: Bucket.ADJ,
    MovementType.TRANSFER: Bucket.XFER,
}


class WriteoffReason(StrEnum):
    DAMAGED = "damaged"
    EXPIRED = "expired"
    LOST = "lost"
    SAMPLE = "sample"
    OTHER = "other"


DEFAULT_LOCATION = "Main"


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    id: int
    sku: str
    name: str
    barcode: str | None = None
    category: str = ""
    unit: str = "pcs"
    supplier: str = ""
    reorder_point: Decimal = Decimal("0.000")
    safety_stock: Decimal | None = None
    lead_time_days: int = 0
    shelf_life_days: int | None = None
    removal: Removal = Removal.FIFO
    active: bool = True
    last_counted: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemFields:
    """What a user enters for an item (creating or editing); validated by ``catalog``."""

    sku: str
    name: str
    barcode: str | None = None
    category: str = ""
    unit: str = "pcs"
    supplier: str = ""
    reorder_point: Decimal = Decimal(0)
    safety_stock: Decimal | None = None
    lead_time_days: int = 0
    shelf_life_days: int | None = None
    removal: Removal = Removal.FIFO
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    id: int
    name: str
    active: bool = True


@dataclass(slots=True, kw_only=True)
class BatchLot:
    """A batch as the picker sees it: a cost layer with what is left of it.

    Quantities in thousandths, values in cents, unit cost in ten-thousandths (see ``money``).
    ``posted_date`` is when the quantity appeared in this location (a transfer's date);
    ``received_date`` is when it entered the shop (its age, kept across transfers).
    """

    id: int
    item_id: int
    location_id: int
    code: str
    received_date: dt.date
    posted_date: dt.date
    expiry: dt.date | None
    unit_cost: int
    qty: int
    value: int
    last_draw_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Draw:
    """One allocation: ``qty`` (thousandths) and ``value`` (cents) taken from a batch."""

    batch: BatchLot
    qty: int
    value: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One line of a posting document, as a user or a file states it."""

    type: MovementType
    sku: str
    qty: Decimal  # positive, except adjust (signed)
    unit_cost: Decimal | None = None
    batch: str | None = None
    expiry: dt.date | None = None
    location: str | None = None
    to_location: str | None = None
    reason: str | None = None  # write-off / adjustment reason code
    override_reason: str | None = None  # why a batch out of policy order, or expired
    note: str = ""
    reference: str = ""
    stocktake_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Lines posted together: all or nothing."""

    date: dt.date
    lines: tuple[Line, ...]
    reference: str = ""
    supplier: str = ""
    note: str = ""
    operator: str = ""


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write touched, so that views refresh only what they must."""

    items: frozenset[int] = frozenset()
    batches: frozenset[int] = frozenset()
    movements: tuple[int, ...] = ()
    documents: tuple[int, ...] = ()
    stocktakes: frozenset[int] = frozenset()
    catalog: bool = False  # items or locations were created or edited
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.items | other.items,
            self.batches | other.batches,
            self.movements + other.movements,
            self.documents + other.documents,
            self.stocktakes | other.stocktakes,
            self.catalog or other.catalog,
            self.settings or other.settings,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.items
            or self.batches
            or self.movements
            or self.documents
            or self.stocktakes
            or self.catalog
            or self.settings
        )
