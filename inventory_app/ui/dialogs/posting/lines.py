"""The lines of a posting document while they are being typed: text as entered, checked as
you type, turned into ``domain.model.Line`` for the preview and for posting; what stops the
document from being posted.

No widgets here: the dialog owns those. Messages go through ``QCoreApplication.translate``
so that zh_CN can follow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from inventory_app.domain import money, units
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import Document, Item, Line, MovementType, Removal
from inventory_app.services import postings as stock
from inventory_app.services.postings import LinePreview
from inventory_app.services.shop import Database
from inventory_app.ui.widgets.format import cost_field_text, qty_text

T = MovementType
OVERRIDE_PLACEHOLDER = "-"  # stands in for a reason not typed yet, to preview the draws


@dataclass(eq=False)
class Draft:
    """One line as the user is typing it. Text fields hold exactly what was typed."""

    item: Item
    qty: str = "1"
    unit_cost: str = ""
    price: str = ""  # issues: the selling price per unit of the quantity ("" : the item's)
    batch: str = ""
    expiry: str = ""  # empty: the item's shelf life from the document date
    location: str = ""  # receipts only; other kinds take the header's location
    override_reason: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    preview: LinePreview | None = None
    needs_reason: str = ""  # why the named batch needs a reason (from the service)
    pack: str = ""  # the pack the quantity and cost are in ("" : the stock unit)
    factor: int = money.QTY_SCALE  # stock units in one pack, in thousandths

    @property
    def ok(self) -> bool:
        """Ready to post: fields valid, preview clean, reason given where needed."""
        if self.errors or self.preview is None or not self.preview.ok:
            return False
        return not (self.needs_reason and not self.override_reason.strip())


@dataclass(frozen=True, slots=True)
class Header:
    """What the document's header says about every line."""

    date: dt.date
    location: str | None = None  # from (outgoing, adjust); None: any location (issues)
    to_location: str | None = None  # transfers
    reason: str = ""  # write-off reason code, adjustment reason


def parse_date(text: str) -> dt.date | None:
    """A typed date: 2026-03-01, 2026/3/1 or 20260301; empty is None."""
    text = text.strip()
    if not text:
        return None
    candidates = [text.replace("/", "-").replace(".", "-")]
    if len(text) == 8 and text.isdigit():
        candidates.append(f"{text[:4]}-{text[4:6]}-{text[6:]}")
    for c in candidates:
        parts = c.split("-")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                break
    raise ValidationError(
        QCoreApplication.translate(
            "PostingDialog", "“{0}” is not a date (write 2026-03-01)"
        ).format(text)
    )


def qty_of(d: Draft) -> Decimal | None:
    try:
        return money.parse_qty(d.qty)
    except ValidationError:
        return None


def cost_of(d: Draft) -> Decimal | None:
    try:
        return money.parse_cost(d.unit_cost) if d.unit_cost.strip() else None
    except ValidationError:
        return None


def price_of(d: Draft) -> Decimal | None:
    try:
        return money.parse_cost(d.price) if d.price.strip() else None
    except ValidationError:
        return None


def default_expiry(d: Draft, date: dt.date) -> dt.date | None:
    days = d.item.shelf_life_days
    return date + dt.timedelta(days=days) if days else None


def takes_cost(kind: MovementType, d: Draft) -> bool:
    """Receipts and adjustment gains create a batch and so carry a unit cost."""
    if kind == T.RECEIPT:
        return True
    q = qty_of(d)
    return kind == T.ADJUST and (q is None or q > 0)


def check(d: Draft, kind: MovementType, date: dt.date) -> dict[str, str]:
    """Problems with a draft's fields, by field name, in words a clerk understands."""
    out: dict[str, str] = {}
    try:
        q = money.parse_qty(d.qty, what=QCoreApplication.translate("PostingDialog", "quantity"))
        if q == 0:
            out["qty"] = QCoreApplication.translate("PostingDialog", "the quantity is zero")
        elif q < 0 and kind != T.ADJUST:
            out["qty"] = QCoreApplication.translate(
                "PostingDialog", "the quantity must be above zero"
            )
    except ValidationError as exc:
        out["qty"] = (
            str(exc)
            if d.qty.strip()
            else QCoreApplication.translate("PostingDialog", "the quantity is empty")
        )
    if takes_cost(kind, d):
        if d.unit_cost.strip():
            try:
                money.parse_cost(
                    d.unit_cost, what=QCoreApplication.translate("PostingDialog", "unit cost")
                )
            except ValidationError as exc:
                out["unit_cost"] = str(exc)
        elif kind == T.RECEIPT:
            out["unit_cost"] = QCoreApplication.translate(
                "PostingDialog", "a receipt needs a unit cost"
            )
        else:
            out["unit_cost"] = QCoreApplication.translate(
                "PostingDialog", "a gain needs a unit cost (the value it adds)"
            )
    if kind == T.ISSUE and d.price.strip():
        try:
            money.parse_cost(
                d.price, what=QCoreApplication.translate("PostingDialog", "selling price")
            )
        except ValidationError as exc:
            out["price"] = str(exc)
    if len(d.batch.strip()) > 64:
        out["batch"] = QCoreApplication.translate(
            "PostingDialog", "a batch code has at most 64 characters"
        )
    if kind == T.RECEIPT:
        try:
            expiry = parse_date(d.expiry)
            if expiry is not None and expiry < date:
                out["expiry"] = QCoreApplication.translate(
                    "PostingDialog", "the expiry {0} is before the date {1}"
                ).format(expiry.isoformat(), date.isoformat())
        except ValidationError as exc:
            out["expiry"] = str(exc)
    return out


def to_line(
    d: Draft,
    kind: MovementType,
    head: Header,
    *,
    placeholder: bool = False,
    in_packs: bool = False,
) -> Line:
    """The domain line for a draft whose fields ``check`` found valid: in stock units (a
    preview), or as typed in its pack (``in_packs``: for ``buying.post``, which converts
    exactly)."""
    qty = money.parse_qty(d.qty)
    reason = d.override_reason.strip() or (OVERRIDE_PLACEHOLDER if placeholder else "")
    cost = cost_of(d) if takes_cost(kind, d) else None
    if d.pack and not in_packs:
        qty, cost = in_stock_units(qty, cost, d.factor)
    location = (d.location or None) if kind == T.RECEIPT else head.location
    return Line(
        type=kind,
        sku=d.item.sku,
        qty=qty,
        unit_cost=cost,
        batch=d.batch.strip() or None,
        expiry=parse_date(d.expiry) if kind == T.RECEIPT else None,
        location=location,
        to_location=head.to_location if kind == T.TRANSFER else None,
        reason=head.reason or None,
        override_reason=reason or None,
    )


def in_stock_units(
    qty: Decimal, cost: Decimal | None, factor: int
) -> tuple[Decimal, Decimal | None]:
    """A pack quantity and cost per pack as stock units and cost per stock unit (for the
    preview: posting splits the cost exactly, ``domain.units``)."""
    n = money.qty_units(qty)
    sign = -1 if n < 0 else 1
    try:
        stock_qty = money.qty_from_int(sign * units.stock_qty(abs(n), factor))
    except ValidationError:
        stock_qty = qty * money.qty_from_int(factor)
    if cost is None:
        return stock_qty, None
    return stock_qty, money.cost_from_int(units.pack_cost_to_unit(money.cost_to_int(cost), factor))


def preview_drafts(db: Database, drafts: list[Draft], kind: MovementType, head: Header) -> None:
    """Ask the ledger what posting would do: sets ``preview`` (and ``needs_reason``) of every
    draft whose fields ``check`` found valid; the others get None."""
    valid = [d for d in drafts if not d.errors]
    for d in drafts:
        d.preview, d.needs_reason = None, ""
    if not valid:
        return
    # header problems too come back per line, in the ledger's words
    doc = Document(date=head.date, lines=tuple(to_line(d, kind, head) for d in valid))
    shown = stock.preview(db, doc)
    # A named batch out of policy order (or expired) is refused without a reason: preview
    # again with a stand-in reason to show its draws and say why.
    pending = [
        k
        for k, d in enumerate(valid)
        if shown[k].problem and d.batch.strip() and not d.override_reason.strip()
    ]
    if pending:
        lines = tuple(to_line(d, kind, head, placeholder=True) for d in valid)
        alt = stock.preview(db, replace(doc, lines=lines))
        for k in pending:
            if alt[k].ok:
                valid[k].needs_reason = shown[k].problem
        shown = alt
    for d, p in zip(valid, shown, strict=True):
        d.preview = p


def blocking_problem(drafts: list[Draft], header_problems: dict[str, str]) -> str:
    """Why the document cannot be posted as it stands ("" when it can)."""
    if not drafts:
        return QCoreApplication.translate("PostingDialog", "Add at least one line.")
    if header_problems:
        return next(iter(header_problems.values()))
    for n, d in enumerate(drafts, 1):
        if d.ok:
            continue
        if d.errors:
            why = next(iter(d.errors.values()))
        elif d.needs_reason:
            why = QCoreApplication.translate("PostingDialog", "give a reason for batch {0}").format(
                d.batch
            )
        elif d.preview is not None:
            why = shortage_text(d.preview)
        else:
            why = QCoreApplication.translate("PostingDialog", "not checked yet")
        return QCoreApplication.translate("PostingDialog", "Line {0} ({1}): {2}").format(
            n, d.item.sku, why
        )
    return ""


def policy_text(d: Draft | None, kind: MovementType) -> str:
    """Which batches the selected line will use, in a sentence."""
    if d is None:
        return QCoreApplication.translate(
            "PostingDialog", "Scan or type an item to see which batches it will use."
        )
    if d.needs_reason:
        return d.needs_reason
    if kind == T.RECEIPT:
        return QCoreApplication.translate(
            "PostingDialog", "Each line becomes a batch with its own cost and expiry."
        )
    if d.item.removal == Removal.FEFO:
        return QCoreApplication.translate(
            "PostingDialog", "{0} is issued FEFO: earliest expiry first."
        ).format(d.item.sku)
    return QCoreApplication.translate(
        "PostingDialog", "{0} is issued FIFO: oldest received first."
    ).format(d.item.sku)


def value_of(d: Draft, kind: MovementType) -> Decimal | None:
    """Value of the line in money: what it costs in (receipts, gains) or draws out."""
    if takes_cost(kind, d):
        q, c = qty_of(d), cost_of(d)
        if q is None or c is None:
            return None
        return money.money_from_int(money.line_value(money.qty_to_int(q), money.cost_to_int(c)))
    if d.preview is not None and d.preview.ok:
        return d.preview.value
    return None


# Formatting: exact Decimal in, text out ---------------------------------------------------


def fmt_qty(q: Decimal) -> str:
    """A quantity as typed into a field: '12', '0.5' (no thousands separators)."""
    return money.fmt_qty(money.qty_to_int(q))


def fmt_cost(c: Decimal) -> str:
    """A unit cost as typed into a field, 2 to 4 decimals: 2.50, 2.125, 0.0125."""
    return cost_field_text(c)


def shortage_text(p: LinePreview) -> str:
    """'short 3, available 9' for a shortage; the service's words for any other problem."""
    if p.short > 0:
        return QCoreApplication.translate("PostingDialog", "short {0}, available {1}").format(
            qty_text(p.short), qty_text(p.available)
        )
    return p.problem
