"""FIFO / FEFO scenarios as small tables: batches on hand, a request -> expected draws."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory_app.domain.model import BatchLot, Removal
from inventory_app.domain.picking import draw_in_order, in_policy_order, pick

D = dt.date.fromisoformat
ON = D("2026-03-01")


def lots(table: str) -> list[BatchLot]:
    """Rows: id code received expiry(-) qty value(cents) [location]."""
    out = []
    for line in table.strip().splitlines():
        parts = line.split()
        bid, code, received, expiry, qty, value = parts[:6]
        out.append(
            BatchLot(
                id=int(bid),
                item_id=1,
                location_id=int(parts[6]) if len(parts) > 6 else 1,
                code=code,
                received_date=D(received),
                posted_date=D(received),
                expiry=None if expiry == "-" else D(expiry),
                unit_cost=0,
                qty=int(qty) * 1000,
                value=int(value),
            )
        )
    return out


def draws(plan) -> list[tuple[str, int, int]]:
    return [(d.batch.code, d.qty // 1000, d.value) for d in plan.draws]


FIFO_CASES = [
    # (batches, request, expected draws [(code, qty, cents)], short)
    (
        """
        1 A 2026-01-01 - 10 2500
        2 B 2026-01-02 - 5 1500
        """,
        12,
        [("A", 10, 2500), ("B", 2, 600)],
        0,
    ),
    (  # oldest received first regardless of id
        """
        2 NEW 2026-02-01 - 5 500
        1 OLD 2026-01-01 - 5 1000
        """,
        3,
        [("OLD", 3, 600)],
        0,
    ),
    (  # same received date: posting order (id) decides
        """
        7 SECOND 2026-01-01 - 5 500
        3 FIRST 2026-01-01 - 5 500
        """,
        6,
        [("FIRST", 5, 500), ("SECOND", 1, 100)],
        0,
    ),
    (  # shortage is a value, not an exception
        """
        1 A 2026-01-01 - 2 200
        """,
        5,
        [("A", 2, 200)],
        3,
    ),
]


@pytest.mark.parametrize(("table", "qty", "expected", "short"), FIFO_CASES)
def test_fifo(table, qty, expected, short):
    plan = pick(lots(table), qty * 1000, removal=Removal.FIFO, on=ON)
    assert draws(plan) == expected
    assert plan.short == short * 1000


FEFO_CASES = [
    (  # earliest expiry first, even if received later
        """
        1 LATE 2026-01-01 2026-06-01 10 1000
        2 SOON 2026-02-01 2026-04-01 10 1000
        """,
        12,
        [("SOON", 10, 1000), ("LATE", 2, 200)],
    ),
    (  # undated batches last
        """
        1 NODATE 2026-01-01 - 10 1000
        2 DATED 2026-02-01 2026-09-01 3 300
        """,
        5,
        [("DATED", 3, 300), ("NODATE", 2, 200)],
    ),
    (  # same expiry: FIFO
        """
        2 B 2026-02-01 2026-05-01 4 400
        1 A 2026-01-01 2026-05-01 4 400
        """,
        5,
        [("A", 4, 400), ("B", 1, 100)],
    ),
    (  # expired batches are never picked automatically
        """
        1 GONE 2026-01-01 2026-02-28 10 1000
        2 GOOD 2026-01-15 2026-08-01 10 1000
        """,
        4,
        [("GOOD", 4, 400)],
    ),
    (  # expiring on the day itself is still good that day
        """
        1 TODAY 2026-01-01 2026-03-01 10 1000
        """,
        1,
        [("TODAY", 1, 100)],
    ),
]


@pytest.mark.parametrize(("table", "qty", "expected"), FEFO_CASES)
def test_fefo(table, qty, expected):
    plan = pick(lots(table), qty * 1000, removal=Removal.FEFO, on=ON)
    assert draws(plan) == expected
    assert plan.ok


def test_expired_stock_is_reported_apart_in_a_shortage():
    table = """
    1 GONE 2026-01-01 2026-02-01 10 1000
    2 GOOD 2026-01-15 2026-08-01 2 200
    """
    plan = pick(lots(table), 5000, removal=Removal.FEFO, on=ON)
    assert plan.short == 3000 and plan.available == 2000 and plan.expired_available == 10000


def test_naming_an_expired_batch_draws_it_and_flags_the_reason():
    table = """
    1 GONE 2026-01-01 2026-02-01 10 1000
    2 GOOD 2026-01-15 2026-08-01 2 200
    """
    plan = pick(lots(table), 4000, removal=Removal.FEFO, on=ON, named="gone")
    assert draws(plan) == [("GONE", 4, 400)]
    assert plan.uses_expired and plan.needs_reason


def test_an_expired_batch_sharing_the_code_but_not_drawn_needs_no_reason():
    # two receipts both coded L1, one expired: naming L1 draws the good one first
    table = """
    1 L1 2026-01-01 2026-02-01 1 100
    2 L1 2026-01-01 - 5 500
    """
    plan = pick(lots(table), 2000, removal=Removal.FEFO, on=ON, named="L1")
    assert draws(plan) == [("L1", 2, 200)] and plan.draws[0].batch.id == 2
    assert not plan.uses_expired and not plan.needs_reason
    more = pick(lots(table), 6000, removal=Removal.FEFO, on=ON, named="L1")
    assert [d.batch.id for d in more.draws] == [2, 1] and more.uses_expired


def test_naming_the_policys_own_first_batch_needs_no_reason():
    table = """
    1 A 2026-01-01 - 10 1000
    2 B 2026-01-02 - 10 1000
    """
    assert not pick(lots(table), 1000, removal=Removal.FIFO, on=ON, named="A").needs_reason
    later = pick(lots(table), 1000, removal=Removal.FIFO, on=ON, named="B")
    assert later.out_of_order and later.needs_reason and draws(later) == [("B", 1, 100)]


def test_batches_posted_after_the_date_are_not_available():
    table = """
    1 A 2026-01-01 - 10 1000
    2 FUTURE 2026-03-05 - 10 1000
    """
    plan = pick(lots(table), 15000, removal=Removal.FIFO, on=ON)
    assert plan.short == 5000 and draws(plan) == [("A", 10, 1000)]


def test_value_of_the_last_draw_empties_the_batch_exactly():
    # 3 units worth 1.00: draws of 1, 1, 1 take 0.33, 0.34 (of 0.67 for 2), 0.33
    lot = lots("1 A 2026-01-01 - 3 100")
    taken = []
    for _ in range(3):
        plan = pick(lot, 1000, removal=Removal.FIFO, on=ON)
        d = plan.draws[0]
        d.batch.qty -= d.qty
        d.batch.value -= d.value
        taken.append(d.value)
    assert sum(taken) == 100 and lot[0].value == 0


# --- draw_in_order: pick's own walk for a request naming no batch --------------------------

_DAY = st.integers(min_value=-40, max_value=40).map(lambda n: ON + dt.timedelta(days=n))


@st.composite
def _lots(draw) -> list[BatchLot]:
    out = []
    for i in range(draw(st.integers(min_value=0, max_value=8))):
        received = draw(_DAY)
        qty = draw(st.sampled_from([0, 1, 500, 1000, 3000, 7000]))
        out.append(
            BatchLot(
                id=i + 1, item_id=1, location_id=draw(st.sampled_from([1, 2])), code=f"L{i}",
                received_date=received, posted_date=max(received, draw(_DAY)),
                expiry=draw(st.none() | _DAY), unit_cost=0, qty=qty,
                value=draw(st.integers(min_value=0, max_value=10_000)) if qty else 0,
                last_draw_date=draw(st.none() | _DAY),
            )
        )  # fmt: skip
    return out


@settings(max_examples=400, deadline=None)
@given(
    _lots(),
    st.integers(min_value=1, max_value=12_000),
    st.sampled_from(list(Removal)),
    st.none() | st.sampled_from([1, 2]),
)
def test_draw_in_order_is_picks_walk(found, qty, removal, location):
    """Whenever draw_in_order answers, pick (ordered, no batch named) draws the same lots,
    quantities and values; it declines only a shortage or a lot drawn after the date."""
    ordered = in_policy_order(found, removal)
    backdated = []
    plan = pick(
        ordered, qty, removal=removal, on=ON, ordered=True, location=location,
        available=lambda lot: backdated.append(lot) or 0,
    )  # fmt: skip
    plain = draw_in_order(ordered, qty, on=ON, location=location)
    if plain is None:
        assert not plan.ok or backdated
    else:
        draws, value = plain
        assert plan.ok and not plan.needs_reason
        assert [(d.batch, d.qty, d.value) for d in plan.draws] == draws
        assert value == plan.value
