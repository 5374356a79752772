"""ABC classification by value (Pareto)."""

from __future__ import annotations

import random
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory_app.domain.abc import ParetoRow, classify, pareto
from inventory_app.domain.errors import ValidationError


def test_classic_split():
    values = {"a": D(700), "b": D(150), "c": D(100), "d": D(40), "e": D(10)}
    # before a: 0 % -> A; before b: 70 % -> A; before c: 85 % -> B; before d: 95 % -> C
    assert classify(values) == {"a": "A", "b": "A", "c": "B", "d": "C", "e": "C"}


def test_one_item_holding_everything_is_a():
    assert classify({"x": D(1), "y": D(0)}) == {"x": "A", "y": "C"}


def test_zero_and_negative_values_are_c_and_all_zero_is_all_c():
    assert classify({"x": D(0), "y": D(-5), "z": D(10)}) == {"x": "C", "y": "C", "z": "A"}
    assert classify({"x": D(0), "y": D(0)}) == {"x": "C", "y": "C"}
    assert classify({}) == {}


def test_equal_values_share_a_class():
    # ten equal values: the first is A (0 % before it), and so are the nine ties
    values = {f"s{i}": D(5) for i in range(10)}
    assert set(classify(values).values()) == {"A"}
    values = {"big": D(90), "t1": D(5), "t2": D(5)}
    assert classify(values) == {"big": "A", "t1": "B", "t2": "B"}


def test_thresholds_are_configurable_and_checked():
    values = {"a": D(50), "b": D(30), "c": D(20)}
    assert classify(values, a=D("0.5"), b=D("0.8")) == {"a": "A", "b": "B", "c": "C"}
    with pytest.raises(ValidationError) as caught:
        classify(values, a=D("0.9"), b=D("0.8"))
    assert caught.value.code == "abc.thresholds"
    assert caught.value.params == {"a": D("0.9"), "b": D("0.8")}


def test_pareto_rows():
    rows = pareto({"b": D(15), "a": D(85)})
    assert rows == [
        ParetoRow("a", D(85), D("0.85"), D("0.85"), "A"),
        ParetoRow("b", D(15), D("0.15"), D(1), "B"),
    ]
    # the item that crosses 80 % is still A
    assert [r.abc for r in pareto({"b": D(25), "a": D(75)})] == ["A", "A"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=1, max_size=30), st.randoms())
def test_classes_do_not_depend_on_order_and_higher_value_never_gets_a_lower_class(ints, rnd):
    items = [(f"k{i}", D(v)) for i, v in enumerate(ints)]
    shuffled = list(items)
    random.Random(rnd.random()).shuffle(shuffled)
    first, second = classify(dict(items)), classify(dict(shuffled))
    assert first == second
    rank = {"A": 0, "B": 1, "C": 2}
    for k1, v1 in items:
        for k2, v2 in items:
            if v1 > v2:
                assert rank[first[k1]] <= rank[first[k2]]
    total = sum(v for _, v in items)
    if total:
        a_value = sum(v for k, v in items if first[k] == "A")
        # A holds at least 80 % of the value (the crossing item is A)
        assert a_value >= total * D("0.80") or all(first[k] == "A" for k, v in items if v)
