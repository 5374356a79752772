"""What the poster says when a line cannot post as asked: a shortage, or a batch that needs
a reason (expired, or not next in line by the item's policy). The sentences are in
``domain.messages`` under the codes used here."""

from __future__ import annotations

import datetime as dt

from inventory_app.domain import money
from inventory_app.domain.errors import InsufficientStock, ValidationError
from inventory_app.domain.picking import PickPlan


def shortage(sku: str, plan: PickPlan, batch: str | None, location: str) -> InsufficientStock:
    """``plan`` falls short. ``needed``, ``available`` and ``expired`` (held in expired
    batches, drawn only when named) are Decimal quantities; ``batch`` and ``location`` are ''
    when the line named none."""
    return InsufficientStock(
        "ledger.shortage",
        sku=sku,
        needed=money.qty_from_int(plan.needed),
        available=money.qty_from_int(plan.available),
        location=location,
        batch=batch or "",
        expired=money.qty_from_int(plan.expired_available),
    )


def why_reason_needed(plan: PickPlan, date: dt.date, code: str) -> ValidationError:
    """The named batch ``code`` is expired on ``date`` or out of policy order."""
    exp = next(
        (d.batch.expiry for d in plan.draws if d.batch.expiry and d.batch.expiry < date), None
    )
    if plan.uses_expired and exp is not None:
        return ValidationError("ledger.expired_batch_needs_reason", batch=code, expiry=exp)
    return ValidationError("ledger.batch_out_of_turn_needs_reason", batch=code)
