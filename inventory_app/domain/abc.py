"""ABC classification by value (Pareto): A = the items making the top 80 % of the value,
B = the next 15 %, C = the rest. Pure; the thresholds are cumulative shares.

Rules, so that the result never depends on the order the values come in:

* items are ranked by value, highest first; an item is A while the share of the items
  ranked above it is below ``a``, B while it is below ``b``, else C (so the item that
  crosses 80 % is still A, and one item holding everything is A);
* equal values share one class: the class of the first of them;
* an item with zero (or negative) value is C, and so is everything when the total is zero.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

from inventory_app.domain.errors import ValidationError

K = TypeVar("K", bound=Hashable)
AbcClass = Literal["A", "B", "C"]

DEFAULT_A = Decimal("0.80")
DEFAULT_B = Decimal("0.95")


@dataclass(frozen=True, slots=True)
class ParetoRow(Generic[K]):
    """One item in Pareto order: its value, its share of the total and the cumulative share
    up to and including it (0..1), and its class."""

    key: K
    value: Decimal
    share: Decimal
    cumulative: Decimal
    abc: AbcClass


def check_thresholds(a: Decimal, b: Decimal) -> None:
    if not (Decimal(0) < a <= b <= Decimal(1)):
        raise ValidationError("abc.thresholds", a=a, b=b)


def _class_of(a: Decimal, b: Decimal) -> Callable[[Any, Any], AbcClass]:
    """The class of an item from the value ranked above it (``before``) and the ``total``:
    A while before / total < a, B while < b, else C, compared exactly by cross-multiplying
    with the thresholds as integer ratios (values may be Decimals or integer cents)."""
    an, ad = a.as_integer_ratio()
    bn, bd = b.as_integer_ratio()

    def class_of(before: Any, total: Any) -> AbcClass:
        return "A" if before * ad < an * total else "B" if before * bd < bn * total else "C"

    return class_of


def _ranked_classes(
    values: Mapping[K, Any], a: Decimal, b: Decimal
) -> Iterator[tuple[K, Any, Any, AbcClass]]:
    """(key, value, cumulative positive value up to and including it, class) in Pareto order
    (highest value first; equal values by key text)."""
    check_thresholds(a, b)
    class_of = _class_of(a, b)
    total = sum(v for v in values.values() if v > 0)
    before = 0  # cumulative value of the items ranked above
    group_value = None
    group_class: AbcClass = "C"
    for key, value in sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        if value <= 0 or total == 0:
            cls: AbcClass = "C"
        elif value == group_value:
            cls = group_class
        else:
            cls = class_of(before, total)
            group_value, group_class = value, cls
        if value > 0:
            before += value
        yield key, value, before, cls


def pareto(
    values: Mapping[K, Decimal], *, a: Decimal = DEFAULT_A, b: Decimal = DEFAULT_B
) -> list[ParetoRow[K]]:
    """Rows in Pareto order (highest value first; equal values by key text) with classes."""
    total = sum((v for v in values.values() if v > 0), Decimal(0))
    return [
        ParetoRow(
            key=key,
            value=value,
            share=(value if value > 0 else Decimal(0)) / total if total else Decimal(0),
            cumulative=cumulative / total if total else Decimal(0),
            abc=cls,
        )
        for key, value, cumulative, cls in _ranked_classes(values, a, b)
    ]


def classify(
    values: Mapping[K, Decimal] | Mapping[K, int],
    *,
    a: Decimal = DEFAULT_A,
    b: Decimal = DEFAULT_B,
) -> dict[K, AbcClass]:
    """Class per key ('A', 'B' or 'C'); ``a`` and ``b`` are cumulative shares (0.80, 0.95).
    Values may be Decimals or integers (cents): only their order and sums matter."""
    return {key: cls for key, _, _, cls in _ranked_classes(values, a, b)}
