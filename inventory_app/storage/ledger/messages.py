"""What the poster says when a line cannot post as asked: a shortage, or a batch that needs
a reason (expired, or not next in line by the item's policy)."""

from __future__ import annotations

import datetime as dt

from inventory_app.domain import money
from inventory_app.domain.errors import InsufficientStock
from inventory_app.domain.model import Line
from inventory_app.domain.picking import PickPlan


def shortage(sku: str, plan: PickPlan, line: Line, location: str) -> InsufficientStock:
    where = f" at {location}" if location else ""
    what = f"batch {line.batch!r} of {sku}" if line.batch else sku
    msg = (
        f"not enough stock of {what}{where}: need {money.fmt_qty(plan.needed)}, "
        f"available {money.fmt_qty(plan.available)}"
    )
    if plan.expired_available:
        msg += (
            f" (another {money.fmt_qty(plan.expired_available)} is in expired batches, "
            "issued only when named with a reason)"
        )
    return InsufficientStock(
        msg,
        sku=sku,
        needed=money.qty_from_int(plan.needed),
        available=money.qty_from_int(plan.available),
    )


def why_reason_needed(plan: PickPlan, date: dt.date, code: str) -> str:
    if plan.uses_expired:
        exp = next(d.batch.expiry for d in plan.draws if d.batch.expiry and d.batch.expiry < date)
        return f"batch {code!r} expired on {exp.isoformat()}; issuing it needs a reason"
    return f"batch {code!r} is not next in line by the item's policy; naming it needs a reason"
