"""Which batches an outgoing movement draws from, and at what value.

FIFO: oldest received first, ties by posting order (batch id).
FEFO: earliest expiry first, then FIFO; batches without expiry last.
Expired batches (expiry before the movement's date) are never picked automatically;
they can be drawn only when named, with an override reason (checked by the caller).

``pick`` is pure: it returns a plan, with any shortfall as a value, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from inventory_app.domain.model import BatchLot, Draw, Removal
from inventory_app.domain.money import share_of_value

_FAR_FUTURE = dt.date.max


def fifo_key(lot: BatchLot) -> tuple:
    return (lot.received_date, lot.id)


def fefo_key(lot: BatchLot) -> tuple:
    return (lot.expiry or _FAR_FUTURE, lot.expiry is None, lot.received_date, lot.id)


def policy_key(removal: Removal | str) -> Callable[[BatchLot], tuple]:
    return fefo_key if removal == Removal.FEFO else fifo_key


def in_policy_order(lots: Iterable[BatchLot], removal: Removal | str) -> list[BatchLot]:
    return sorted(lots, key=policy_key(removal))


def is_expired(lot: BatchLot, on: dt.date) -> bool:
    """A batch is expired from the day after its expiry date."""
    return lot.expiry is not None and lot.expiry < on


@dataclass(slots=True)
class PickPlan:
    """The outcome of a pick. ``short`` > 0 means the request cannot be met."""

    needed: int
    draws: list[Draw] = field(default_factory=list)
    short: int = 0
    available: int = 0  # what the considered batches could give
    expired_available: int = 0  # held in expired batches (only issued when named)
    uses_expired: bool = False
    out_of_order: bool = False  # a named batch that the policy would not have picked first
    value: int = 0  # cents drawn in all

    @property
    def ok(self) -> bool:
        return self.short == 0

    @property
    def needs_reason(self) -> bool:
        return self.uses_expired or self.out_of_order


def pick(
    lots: Sequence[BatchLot],
    qty: int,
    *,
    removal: Removal | str,
    on: dt.date,
    named: str | None = None,
    available: Callable[[BatchLot], int] | None = None,
    ordered: bool = False,
    location: int | None = None,
) -> PickPlan:
    """Plan drawing ``qty`` (thousandths, > 0) from ``lots`` for a movement dated ``on``.

    ``lots`` are the item's batches at the locations the movement may draw from.
    ``available(lot)`` is how much of a lot may be drawn at ``on`` when the lot was drawn
    after ``on`` (a backdated posting must not take what later movements already used);
    otherwise all that is left may be drawn.
    ``ordered`` says ``lots`` are already in policy order; ``location`` limits the draw to
    batches at that location (None: any).

    ``available`` and ``expired_available`` of the plan are complete when the request is
    short (they are for the message); a plan that is met stops looking once it is.
    """
    if qty <= 0:
        raise ValueError("qty must be positive")
    candidates = lots if ordered else in_policy_order(lots, removal)
    plan = PickPlan(needed=qty)
    usable: list[tuple[BatchLot, int]] = []
    expired: list[tuple[BatchLot, int]] = []
    remaining = qty
    seen = expired_total = value = 0
    auto = named is None
    for lot in candidates:
        if lot.qty <= 0 or lot.posted_date > on:
            continue
        if location is not None and lot.location_id != location:
            continue
        last = lot.last_draw_date
        a = lot.qty if available is None or last is None or last <= on else available(lot)
        if a <= 0:
            continue
        if lot.expiry is not None and lot.expiry < on:
            expired.append((lot, a))
            expired_total += a
            continue
        if not auto:
            usable.append((lot, a))
            continue
        # the policy's own order: draw as we go, stop when the request is met
        seen += a
        take = a if a < remaining else remaining
        v = share_of_value(lot.value, lot.qty, take)
        plan.draws.append(Draw(lot, take, v))
        value += v
        remaining -= take
        if remaining == 0:
            break
    if not auto:
        return _pick_named(plan, usable, expired, named or "", on)
    plan.expired_available = expired_total
    plan.available = seen
    plan.short = remaining
    plan.value = value
    return plan


def draw_in_order(
    lots: Sequence[BatchLot], qty: int, *, on: dt.date, location: int | None = None
) -> tuple[list[tuple[BatchLot, int, int]], int] | None:
    """The draws of ``pick`` with no batch named, ``ordered`` (``lots`` in policy order), when
    the request is met without meeting a lot drawn after ``on`` (what such a lot may give
    is ``pick``'s ``available``): (draws as (lot, qty, value), their value in cents).
    None otherwise (a shortage included): then ``pick`` decides.

    The bulk posting path: the same walk as ``pick``'s own for such a request, without the
    plan and draw objects a million lines would make.
    """
    draws: list[tuple[BatchLot, int, int]] = []
    remaining = qty
    value = 0
    for lot in lots:
        left = lot.qty
        if left <= 0 or lot.posted_date > on:
            continue
        if location is not None and lot.location_id != location:
            continue
        last = lot.last_draw_date
        if last is not None and last > on:
            return None
        if lot.expiry is not None and lot.expiry < on:
            continue  # never drawn unless named (pick keeps it for a shortage's message)
        take = left if left < remaining else remaining
        v = share_of_value(lot.value, left, take)
        draws.append((lot, take, v))
        value += v
        remaining -= take
        if remaining == 0:
            return draws, value
    return None


def _pick_named(
    plan: PickPlan,
    usable: list[tuple[BatchLot, int]],
    expired: list[tuple[BatchLot, int]],
    named: str,
    on: dt.date,
) -> PickPlan:
    """Fill ``plan`` from the batches coded ``named`` among the drawable lots (``usable`` in
    policy order, then ``expired``, each with what may be drawn), noting whether that needs
    a reason: an expired batch, or one the policy would not have drawn first."""
    chosen = candidates_named(usable, expired, named)
    plan.out_of_order = bool(chosen) and (not usable or chosen[0][0] is not usable[0][0])
    remaining = plan.needed
    for lot, a in chosen:
        plan.available += a
        if remaining == 0:
            continue
        take = a if a < remaining else remaining
        v = share_of_value(lot.value, lot.qty, take)
        plan.draws.append(Draw(lot, take, v))
        plan.value += v
        remaining -= take
    plan.short = remaining
    # an expired batch that shares the code but is not drawn from needs no reason
    plan.uses_expired = any(is_expired(d.batch, on) for d in plan.draws)
    return plan


def candidates_named(
    usable: list[tuple[BatchLot, int]], expired: list[tuple[BatchLot, int]], code: str
) -> list[tuple[BatchLot, int]]:
    """Lots carrying batch code ``code`` (case-insensitive), expired ones after usable ones."""
    want = code.strip().casefold()
    return [(lot, a) for lot, a in usable + expired if lot.code.casefold() == want]
