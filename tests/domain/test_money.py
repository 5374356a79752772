from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain import money
from inventory_app.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("n", "d", "expected"),
    [(5, 10, 1), (4, 10, 0), (15, 10, 2), (-5, 10, -1), (-15, 10, -2), (-4, 10, 0), (0, 3, 0)],
)
def test_div_half_up_rounds_half_away_from_zero(n, d, expected):
    assert money.div_half_up(n, d) == expected


@pytest.mark.parametrize(
    ("qty", "cost", "cents"),
    [
        ("10", "3.3333", 3333),  # 33.333 -> 33.33
        ("3", "0.005", 2),  # 0.015 -> 0.02 (half up, not banker's)
        ("1.5", "2.0050", 301),  # 3.0075 -> 3.01
        ("0.001", "0.0001", 0),
        ("12.345", "99.9999", 123450),  # 1234.4988 -> 1234.50
    ],
)
def test_receipt_value_is_qty_times_cost_rounded_half_up(qty, cost, cents):
    q = money.qty_to_int(money.parse_qty(qty))
    c = money.cost_to_int(money.parse_cost(cost))
    assert money.line_value(q, c) == cents


def test_drawing_a_batch_dry_takes_exactly_its_value():
    # 4 units received for 0.02 total: draws of 1 must never take more than is left
    value, qty = 2, 4000
    taken = []
    for _ in range(4):
        v = money.share_of_value(value, qty, 1000)
        taken.append(v)
        value -= v
        qty -= 1000
    assert sum(taken) == 2 and value == 0 and min(taken) >= 0


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("abc", "number.not_a_number"),
        ("1.2345", "number.too_many_decimals"),
        ("", "number.empty"),
        ("nan", "number.not_a_number"),
        ("inf", "number.not_a_number"),
        (1.5, "number.not_a_number"),
        (True, "number.not_a_number"),
        ("1e400000000000000000", "number.too_large"),
    ],
)
def test_bad_quantities_are_refused_not_rounded(bad, code):
    with pytest.raises(ValidationError) as caught:
        money.parse_qty(bad, what="count")
    assert caught.value.code == code and caught.value.params["what"] == "count"


def test_a_refused_number_says_what_and_which_value():
    with pytest.raises(ValidationError) as caught:
        money.parse_qty("1.2345")
    assert caught.value.params == {"what": "quantity", "value": "1.2345", "places": 3}
    assert str(caught.value) == "quantity: '1.2345' has more than 3 decimals"


def test_text_numbers_with_thousands_separators():
    assert money.parse_qty("1,234.5") == Decimal("1234.500")
    assert money.parse_cost(" 12.34 ") == Decimal("12.3400")
    with pytest.raises(ValidationError) as caught:
        money.parse_cost("-1")
    assert caught.value.code == "number.negative"
    assert str(caught.value) == "unit cost: '-1' is negative"


def test_round_trip_of_minor_units():
    for text in ("0.001", "123456.789", "-5.5"):
        q = money.parse_qty(text)
        assert money.qty_from_int(money.qty_to_int(q)) == q
    assert money.money_from_int(-1) == Decimal("-0.01")
    assert money.fmt_qty(12000) == "12" and money.fmt_qty(1250) == "1.25"


def test_columns_are_the_one_at_a_time_conversions():
    import random

    rng = random.Random(3)
    ns = [0, 1, -1, 10**26, -(10**26) + 1, *(rng.randint(-(10**14), 10**14) for _ in range(500))]
    ns += [rng.choice(ns) for _ in range(500)]  # quantities repeat: each is made once
    for column, one in ((money.money_column, money.money_from_int),
                        (money.qty_column, money.qty_from_int)):  # fmt: skip
        got = column(ns)
        assert [d.as_tuple() for d in got] == [one(n).as_tuple() for n in ns]
        assert column([]) == []
        with pytest.raises(ArithmeticError):  # beyond 28 digits, as one at a time
            column([1, 10**29])
