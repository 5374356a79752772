"""Stocktake rules: scopes, reason codes, variances that survive stock moving during a count,
tolerance flags, and the status a stocktake shows.

Pure: integers in minor units in (quantities in thousandths, money in cents, unit costs in
ten-thousandths, see ``money``), no I/O.

The central rule: a line's expected quantity is its snapshot plus the net movements of that
item/batch/location posted *between the snapshot and the moment the line was counted*. So a
sale rung up while the clerk walks to the shelf is no false loss, and a sale after the count
does not disturb it. Approving posts ``variance = counted - expected``, which leaves on hand
= counted + whatever moved after the count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from inventory_app.domain import messages
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.money import div_half_up

K = TypeVar("K", bound=Hashable)


class StocktakeState(StrEnum):
    """What is stored. The status shown adds counting / in review (see ``status``)."""

    OPEN = "open"
    APPROVED = "approved"
    CANCELLED = "cancelled"


class StocktakeStatus(StrEnum):
    OPEN = "open"  # nothing counted yet
    COUNTING = "counting"  # some lines counted
    IN_REVIEW = "in_review"  # every line counted, waiting for approval
    APPROVED = "approved"
    CANCELLED = "cancelled"


def status(state: StocktakeState | str, *, lines: int, counted: int) -> StocktakeStatus:
    """The status shown for a stocktake in ``state`` with ``counted`` of ``lines`` counted."""
    state = StocktakeState(state)
    if state == StocktakeState.APPROVED:
        return StocktakeStatus.APPROVED
    if state == StocktakeState.CANCELLED:
        return StocktakeStatus.CANCELLED
    if counted == 0:
        return StocktakeStatus.OPEN
    if counted >= lines:
        return StocktakeStatus.IN_REVIEW
    return StocktakeStatus.COUNTING


class StocktakeReason(StrEnum):
    """Why a counted quantity differs from the books (stored on the posted movement)."""

    DAMAGED = "damaged"
    THEFT = "theft"
    EXPIRED = "expired"
    DATA_ERROR = "data error"
    UNKNOWN = "unknown"


_REASON_WORDS = {
    "data_error": StocktakeReason.DATA_ERROR,
    "data-error": StocktakeReason.DATA_ERROR,
    "dataerror": StocktakeReason.DATA_ERROR,
    "损坏": StocktakeReason.DAMAGED,
    "被盗": StocktakeReason.THEFT,
    "过期": StocktakeReason.EXPIRED,
    "数据错误": StocktakeReason.DATA_ERROR,
    "未知": StocktakeReason.UNKNOWN,
}


def parse_reason(text: str) -> StocktakeReason:
    """A reason code as people type it ('data error', 'data_error', '损坏'...)."""
    key = " ".join(text.strip().casefold().split())
    try:
        return StocktakeReason(key)
    except ValueError:
        pass
    found = _REASON_WORDS.get(key)
    if found is None:
        raise ValidationError(
            "stocktake.reason_not_known",
            reason=text,
            choices=", ".join(r.value for r in StocktakeReason),
        )
    return found


class Uncounted(StrEnum):
    """What approval does with lines nobody counted: always the user's explicit choice."""

    UNCHANGED = "unchanged"  # leave the books as they are
    ZERO = "zero"  # the stock is not there: count as zero


class ScopeKind(StrEnum):
    ALL = "all"
    LOCATION = "location"
    CATEGORY = "category"
    ABC = "abc"
    DUE = "due"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a stocktake counts. ``values``: the location name, categories or ABC classes."""

    kind: ScopeKind
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.values:
            return self.kind.value
        return f"{self.kind.value}:{','.join(self.values)}"


def parse_scope(text: str | None) -> Scope:
    """'all' | 'location:NAME' | 'category:NAME[,NAME]' | 'abc:A[,B]' | 'due' | 'due:A[,B]'
    (the due list limited to ABC classes)."""
    raw = (text or "all").strip()
    kind_text, sep, rest = raw.partition(":")
    try:
        kind = ScopeKind(kind_text.strip().casefold())
    except ValueError:
        raise ValidationError("scope.unknown", scope=raw) from None
    if kind == ScopeKind.ALL or (kind == ScopeKind.DUE and not rest.strip()):
        if sep and rest.strip():
            raise ValidationError("scope.takes_no_value", kind=kind.value, scope=raw)
        return Scope(kind)
    if kind == ScopeKind.LOCATION:
        name = rest.strip()
        if not name:
            raise ValidationError("scope.needs_location")
        return Scope(kind, (name,))
    values = tuple(dict.fromkeys(v.strip() for v in rest.split(",") if v.strip()))
    if not values:
        raise ValidationError("scope.needs_values", kind=kind.value)
    if kind in (ScopeKind.ABC, ScopeKind.DUE):
        values = tuple(dict.fromkeys(v.upper() for v in values))
        bad = [v for v in values if v not in ("A", "B", "C")]
        if bad:
            raise ValidationError("scope.abc_class_unknown", value=bad[0])
    return Scope(kind, values)


#: the words of each kind of scope, by message code (domain.messages words them per language)
_SCOPE_WORDS = {
    ScopeKind.ALL: "scope.label.all",
    ScopeKind.LOCATION: "scope.label.location",
    ScopeKind.CATEGORY: "scope.label.category",
    ScopeKind.ABC: "scope.label.abc",
    ScopeKind.DUE: "scope.label.due",
}


def scope_label(scope: str | Scope | None) -> str:
    """A scope as a person reads it, in the messages' language: "Category: Dairy, Frozen",
    "类别：乳制品、冷冻" — not the stored form ``category:Dairy,Frozen``. Text that is not a
    scope shows as it is."""
    if not isinstance(scope, Scope):
        try:
            scope = parse_scope(scope)
        except ValidationError:
            return str(scope or "")
    code = _SCOPE_WORDS[scope.kind]
    if scope.kind == ScopeKind.DUE and scope.values:
        code = "scope.label.due_classes"
    joiner = messages.render("scope.label.joiner", {})
    return messages.render(code, {"values": joiner.join(scope.values)})


def counted_per_batch(*, removal: str, shelf_life_days: int | None) -> bool:
    """Items whose batches carry an expiry are counted batch by batch (the expiry shown);
    the others per item and location."""
    return removal == "fefo" or bool(shelf_life_days)


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Lines beyond either limit are flagged for recount. ``qty_pct``: percent of the
    expected quantity; ``value``: money (cents) of the variance."""

    qty_pct: Decimal = Decimal(5)
    value: int = 10_000

    def flags(self, *, expected: int, variance: int, variance_value: int) -> bool:
        if variance == 0:
            return False
        if abs(variance_value) > self.value:
            return True
        if expected <= 0:
            return True  # stock the books did not know about, or negative: always look again
        return Decimal(abs(variance)) * 100 > self.qty_pct * expected


@dataclass(frozen=True, slots=True)
class LineFigures:
    """A line's figures at review: quantities in thousandths, values in cents.

    ``counted`` is None for a line nobody counted; then ``expected`` is what the books hold
    now and the variance is None.
    """

    expected: int
    counted: int | None
    variance: int | None
    variance_value: int | None
    flagged: bool

    @property
    def is_counted(self) -> bool:
        return self.counted is not None


def expected_at_count(snapshot: int, moved_before_count: int) -> int:
    """The books at the moment the line was counted: snapshot + net movements posted
    between the snapshot and that moment."""
    return snapshot + moved_before_count


def variance_value(variance: int, *, held_qty: int, held_value: int, gain_cost: int | None) -> int:
    """Estimated money value (cents) of a variance before it is posted.

    A gain is valued at the cost it will be posted at (``gain_cost``, ten-thousandths); a loss
    at the average of what the line holds (``held_value`` / ``held_qty``), which is what the
    batches it draws from are worth, falling back to ``gain_cost``.
    """
    from inventory_app.domain.money import line_value

    if variance == 0:
        return 0
    if variance < 0 and held_qty > 0:
        return -div_half_up(held_value * -variance, held_qty)
    if gain_cost is None:
        return 0
    return line_value(variance, gain_cost)


def figures(
    *,
    snapshot: int,
    moved_before_count: int | None,
    moved_until_now: int,
    counted: int | None,
    held_qty: int,
    held_value: int,
    gain_cost: int | None,
    tolerance: Tolerance,
) -> LineFigures:
    """Review figures of one line. ``moved_before_count`` is None when not counted."""
    if counted is None:
        return LineFigures(snapshot + moved_until_now, None, None, None, False)
    expected = expected_at_count(snapshot, moved_before_count or 0)
    var = counted - expected
    value = variance_value(var, held_qty=held_qty, held_value=held_value, gain_cost=gain_cost)
    flagged = tolerance.flags(expected=expected, variance=var, variance_value=value)
    return LineFigures(expected, counted, var, value, flagged)


def settle(lines: Sequence[tuple[K, int, int]]) -> tuple[dict[K, int], int]:
    """What approval posts for the counted lines of one item at one location.

    ``lines``: (key, books now, target) where target = counted + what moved after the count,
    batches in the order to take from (earliest expiry first). Returns (signed quantity to
    post per key, shortfall).

    Normally a line posts ``target - books now`` (its variance). But a till draws by policy,
    not by the batch in the customer's hand: a batch counted empty may still be drawn by a
    later sale, leaving it a negative target. That line goes to zero and the difference is
    taken from the other lines in order, so the item's total still equals counted + later
    movements. A shortfall > 0 means more was sold after the count than was counted.
    """
    deficit = sum(-t for _, _, t in lines if t < 0)
    final = {k: max(t, 0) for k, _, t in lines}
    for k, _, _ in lines:
        if deficit == 0:
            break
        take = min(final[k], deficit)
        final[k] -= take
        deficit -= take
    return {k: final[k] - now for k, now, _ in lines}, deficit


def is_due(last_counted: dt.date | None, *, interval_days: int, today: dt.date) -> bool:
    """An item is due for a cycle count when its last count is at least ``interval_days``
    old; an item never counted is always due."""
    return last_counted is None or (today - last_counted).days >= interval_days
