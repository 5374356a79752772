"""Pure stocktake rules: scopes, reasons, variance at the moment of counting, flags, status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import ValidationError
from inventory_app.domain.stocktake import (
    Scope,
    ScopeKind,
    StocktakeReason,
    StocktakeStatus,
    Tolerance,
    counted_per_batch,
    figures,
    is_due,
    parse_reason,
    parse_scope,
    settle,
    status,
    variance_value,
)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (None, Scope(ScopeKind.ALL)),
        ("all", Scope(ScopeKind.ALL)),
        ("  DUE ", Scope(ScopeKind.DUE)),
        ("location:Back room", Scope(ScopeKind.LOCATION, ("Back room",))),
        ("category:乳制品, Hardware", Scope(ScopeKind.CATEGORY, ("乳制品", "Hardware"))),
        ("abc:a", Scope(ScopeKind.ABC, ("A",))),
        ("abc:A,b,A", Scope(ScopeKind.ABC, ("A", "B"))),
        ("due:a", Scope(ScopeKind.DUE, ("A",))),
    ],
)
def test_parse_scope(text, scope):
    assert parse_scope(text) == scope
    assert parse_scope(str(scope)) == scope  # the stored text reads back


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("everything", "scope.unknown", {"scope": "everything"}),
        ("location:", "scope.needs_location", {}),
        ("category: ,", "scope.needs_values", {"kind": "category"}),
        ("abc:D", "scope.abc_class_unknown", {"value": "D"}),
        ("all:x", "scope.takes_no_value", {"kind": "all", "scope": "all:x"}),
        ("due:D", "scope.abc_class_unknown", {"value": "D"}),
    ],
)
def test_parse_scope_refuses(text, code, params):
    with pytest.raises(ValidationError) as caught:
        parse_scope(text)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert str(caught.value) != code


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("damaged", StocktakeReason.DAMAGED),
        (" Theft ", StocktakeReason.THEFT),
        ("data error", StocktakeReason.DATA_ERROR),
        ("data_error", StocktakeReason.DATA_ERROR),
        ("过期", StocktakeReason.EXPIRED),
        ("unknown", StocktakeReason.UNKNOWN),
    ],
)
def test_parse_reason(text, reason):
    assert parse_reason(text) is reason


def test_parse_reason_refuses_with_the_list():
    with pytest.raises(ValidationError, match="damaged, theft, expired, data error, unknown") as e:
        parse_reason("lost")
    assert e.value.code == "stocktake.reason_not_known" and e.value.params["reason"] == "lost"


def test_expected_is_the_books_at_the_moment_of_counting():
    # snapshot 10; 3 sold before the count, 2 more after it (not part of this line's figures)
    f = figures(
        snapshot=10_000, moved_before_count=-3_000, moved_until_now=-5_000, counted=7_000,
        held_qty=5_000, held_value=1_000, gain_cost=2_000, tolerance=Tolerance(),
    )  # fmt: skip
    assert (f.expected, f.counted, f.variance, f.variance_value) == (7_000, 7_000, 0, 0)
    assert not f.flagged


def test_uncounted_line_expects_the_books_now_and_has_no_variance():
    f = figures(
        snapshot=10_000, moved_before_count=None, moved_until_now=-5_000, counted=None,
        held_qty=5_000, held_value=1_000, gain_cost=2_000, tolerance=Tolerance(),
    )  # fmt: skip
    assert (f.expected, f.counted, f.variance, f.variance_value, f.flagged) == (
        5_000, None, None, None, False,
    )  # fmt: skip
    assert not f.is_counted


def test_variance_value_loss_at_held_average_gain_at_gain_cost():
    # a loss of 1 from 3 held worth 10.00 -> 3.33; a gain of 2 at 1.2345 -> 2.47
    assert variance_value(-1_000, held_qty=3_000, held_value=1_000, gain_cost=50_000) == -333
    assert variance_value(2_000, held_qty=3_000, held_value=1_000, gain_cost=12_345) == 247
    assert variance_value(-1_000, held_qty=0, held_value=0, gain_cost=12_345) == -123
    assert variance_value(1_000, held_qty=0, held_value=0, gain_cost=None) == 0
    assert variance_value(0, held_qty=1, held_value=1, gain_cost=1) == 0


@pytest.mark.parametrize(
    ("expected", "variance", "value", "flagged"),
    [
        (100_000, -5_000, -500, False),  # exactly 5 %: within
        (100_000, -5_001, -500, True),  # beyond 5 %
        (100_000, 1_000, 10_001, True),  # small qty but beyond 100.00
        (100_000, 1_000, 10_000, False),
        (0, 1_000, 1, True),  # stock the books did not know of
        (100_000, 0, 0, False),
    ],
)
def test_tolerance(expected, variance, value, flagged):
    tol = Tolerance(qty_pct=D(5), value=10_000)
    assert tol.flags(expected=expected, variance=variance, variance_value=value) is flagged


def test_status_follows_progress():
    assert status("open", lines=3, counted=0) is StocktakeStatus.OPEN
    assert status("open", lines=3, counted=1) is StocktakeStatus.COUNTING
    assert status("open", lines=3, counted=3) is StocktakeStatus.IN_REVIEW
    assert status("approved", lines=3, counted=1) is StocktakeStatus.APPROVED
    assert status("cancelled", lines=3, counted=3) is StocktakeStatus.CANCELLED


def test_is_due():
    today = dt.date(2026, 5, 31)
    assert is_due(None, interval_days=365, today=today)
    assert is_due(dt.date(2026, 5, 1), interval_days=30, today=today)
    assert not is_due(dt.date(2026, 5, 2), interval_days=30, today=today)


def test_counted_per_batch_when_batches_carry_an_expiry():
    assert counted_per_batch(removal="fefo", shelf_life_days=None)
    assert counted_per_batch(removal="fifo", shelf_life_days=10)
    assert not counted_per_batch(removal="fifo", shelf_life_days=None)


def test_settle_posts_variances_and_moves_a_batch_shortfall_within_the_item():
    # (key, books now, counted + later movements)
    assert settle([("L1", 5, 6), ("L2", 4, 4)]) == ({"L1": 1, "L2": 0}, 0)
    # L1 counted empty, then a sale drew one from it: L1 to zero, L2 gives the one
    assert settle([("L1", 5, -1), ("L2", 4, 4)]) == ({"L1": -5, "L2": -1}, 0)
    assert settle([("L1", 5, -3), ("L2", 1, 1)]) == ({"L1": -5, "L2": -1}, 2)
