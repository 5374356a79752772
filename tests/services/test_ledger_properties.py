"""Random postings, checked after every step against an independent model and `check`."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal as D
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services import catalog, check, reports, shop
from inventory_app.services import postings as stock

START = dt.date(2025, 1, 1)
SKUS = ("F1", "E1")  # one FIFO item, one FEFO item with a short shelf life
LOCATIONS = ("Main", "Back")

qtys = st.decimals(min_value=D("0.001"), max_value=D("40"), places=3)
costs = st.decimals(min_value=D("0"), max_value=D("99.9999"), places=4)


class Ledger(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.db = shop.create_shop(self.dir / "p.db")
        self.db.conn.execute("PRAGMA synchronous = OFF")  # durability is not under test here
        catalog.add_location(self.db, "Back")
        catalog.add_item(self.db, ItemFields(sku="F1", name="Bolt"))
        catalog.add_item(
            self.db,
            ItemFields(sku="E1", name="酸奶", removal=Removal.FEFO, shelf_life_days=6),
        )
        self.today = START
        self.on_hand = {s: D(0) for s in SKUS}  # the model: quantity per item
        self.posted: list[tuple[int, str, D]] = []  # (movement id, sku, signed qty effect)

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM movements").fetchone()[0]

    def _try(self, sku: str, effect: D, post) -> None:
        before = self._count()
        try:
            changes = post()
        except InventoryError:
            assert self._count() == before  # a refused posting changes nothing
            return
        self.on_hand[sku] += effect
        self.posted.append((changes.movements[0], sku, effect))

    @rule(days=st.integers(0, 4))
    def time_passes(self, days):
        self.today += dt.timedelta(days=days)

    def _date(self, back: int) -> dt.date:
        return max(START, self.today - dt.timedelta(days=back))

    @rule(sku=st.sampled_from(SKUS), qty=qtys, cost=costs, loc=st.sampled_from(LOCATIONS),
          back=st.integers(0, 3))  # fmt: skip
    def receive(self, sku, qty, cost, loc, back):
        date = self._date(back)
        self._try(sku, qty, lambda: stock.receive(
            self.db, sku=sku, qty=qty, unit_cost=cost, location=loc, date=date))  # fmt: skip

    @rule(sku=st.sampled_from(SKUS), qty=qtys, back=st.integers(0, 3))
    def issue(self, sku, qty, back):
        self._try(sku, -qty, lambda: stock.issue(self.db, sku=sku, qty=qty, date=self._date(back)))

    @rule(sku=st.sampled_from(SKUS), qty=qtys)
    def write_off(self, sku, qty):
        self._try(sku, -qty, lambda: stock.write_off(
            self.db, sku=sku, qty=qty, reason="damaged", date=self.today))  # fmt: skip

    @rule(sku=st.sampled_from(SKUS), qty=qtys, sign=st.sampled_from((1, -1)))
    def adjust(self, sku, qty, sign):
        self._try(sku, sign * qty, lambda: stock.adjust(
            self.db, sku=sku, qty=sign * qty, date=self.today))  # fmt: skip

    @rule(sku=st.sampled_from(SKUS), qty=qtys, frm=st.sampled_from(LOCATIONS))
    def transfer(self, sku, qty, frm):
        to = "Back" if frm == "Main" else "Main"
        self._try(sku, D(0), lambda: stock.transfer(
            self.db, sku=sku, qty=qty, location=frm, to_location=to, date=self.today))  # fmt: skip

    @precondition(lambda self: self.posted)
    @rule(pick=st.integers(0, 10_000))
    def reverse(self, pick):
        mid, sku, effect = self.posted[pick % len(self.posted)]
        before = self._count()
        try:
            stock.reverse(self.db, mid, reason="test", date=self.today)
        except InventoryError:
            assert self._count() == before
            return
        self.on_hand[sku] -= effect
        self.posted.remove((mid, sku, effect))

    @invariant()
    def ledger_matches_the_model(self):
        have = {r.sku: r.qty for r in reports.stock_by_item(self.db)}
        assert {s: have.get(s, D(0)) for s in SKUS} == self.on_hand
        assert all(b.qty > 0 and b.value >= 0 for b in reports.stock_by_batch(self.db))

    @invariant()
    def every_check_holds(self):
        report = check.check(self.db)
        assert report.ok, "\n".join(report.lines())

    @invariant()
    def summary_identity_over_a_range(self):
        span = (self.today - START).days
        start = START + dt.timedelta(days=span // 3)
        end = self.today
        s = reports.period_summary(self.db, start=start, end=end)
        for r in [*s.rows, s.totals]:
            assert r.opening_qty + r.in_qty - r.out_qty + r.adj_qty == r.closing_qty
            assert r.opening_value + r.in_value - r.out_value + r.adj_value == r.closing_value
        at_end = {r.sku: (r.qty, r.value) for r in reports.stock_by_item(self.db, at=end)}
        assert {r.key: (r.closing_qty, r.closing_value) for r in s.rows if r.closing_qty} == at_end
        before = start - dt.timedelta(days=1)
        at_open = {r.sku: (r.qty, r.value) for r in reports.stock_by_item(self.db, at=before)}
        assert {r.key: (r.opening_qty, r.opening_value) for r in s.rows if r.opening_qty} == (
            at_open
        )
        by_batch = reports.stock_by_batch(self.db, at=end)
        assert sum((b.value for b in by_batch), D(0)) == s.totals.closing_value


Ledger.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLedger = Ledger.TestCase
