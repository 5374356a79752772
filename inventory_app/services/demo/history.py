"""The demo shop's history: day-by-day simulation (milli-units) under the ledger's rules."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from inventory_app.domain.model import DEFAULT_LOCATION, Line, MovementType, WriteoffReason
from inventory_app.services.demo.catalogue import _Spec
from inventory_app.services.demo.language import TEXTS
from inventory_app.services.demo.lots import BIG, from_milli, poisson, take, usable
from inventory_app.services.demo.seasons import WEEK_GROCERY, WEEK_TRADE, season
from inventory_app.services.demo.words import _CATEGORIES
from inventory_app.services.progress import MadeOnce

BACK_STORE = TEXTS["en"]["back_store"]  # the English demo's; ``TEXTS`` has the others
SALES_REF = "SO-POS"  # the till's daily sales: one document a day

# Batches are lists in policy order (see ``lots``); a transfer moves them with a new id.

_SHELF = 5  # a transfer fills Main to this many times its low mark (~4 weeks of sales)
_ISSUE, _RECEIPT, _WRITEOFF, _ADJUST, _TRANSFER = (
    MovementType.ISSUE,
    MovementType.RECEIPT,
    MovementType.WRITEOFF,
    MovementType.ADJUST,
    MovementType.TRANSFER,
)
_EXPIRED = WriteoffReason.EXPIRED.value
_LOSS_REASONS = (  # reason, key of the note in ``TEXTS``
    ("damaged", "torn"),
    ("damaged", "broken"),
    ("damaged", ""),
    ("damaged", ""),
    ("lost", "missing"),
    ("sample", "tasting"),
    ("other", ""),
)


_Entries = Iterator[tuple[dt.date, Line]]


@dataclass(slots=True, eq=False)
class _Stock:
    """One item in the simulation: its batches and counters (quantities in milli-units).

    Everything the daily sales touch sits in this one object, so that a sale reads a few
    neighbouring words rather than a dozen lists (it matters at 10,000 items).
    """

    i: int
    sku: str
    spec: _Spec
    rop: int
    stop: int  # first day without sales
    qtys: tuple[int, ...]
    isback: bool
    low: int  # below this at Main, the back store sends more
    cost: int
    main: list[list] = field(default_factory=list)  # batches at Main, in policy order
    back: list[list] = field(default_factory=list)  # batches in the back store
    mtot: int = 0  # at Main, expired batches included (until the weekly check finds them)
    btot: int = 0
    on_order: int = 0
    cost_dec: Decimal = Decimal(0)
    flagged: bool = False
    when: float = 0.0  # demand-time of the next sale
    inv: float = 0.0  # 1 / sales a day
    clock: list[float] = field(default_factory=list)
    issued: dict[int, Line] = field(default_factory=dict)  # issue lines are immutable: reused


class _Shop:
    """The simulated shop, day by day, under the ledger's picking rules."""

    def __init__(self, skus: list[str], specs: list[_Spec], *, days: int, today: dt.date,
                 seed: int, lang: str = "en") -> None:  # fmt: skip
        self.days = days
        self.texts = TEXTS[lang]  # the notes and reasons the history writes
        self.back_store = self.texts["back_store"]
        self.rng = random.Random(f"demo-history-{seed}")
        start = today - dt.timedelta(days=days - 1)
        self.dates = [start + dt.timedelta(days=k) for k in range(days + 400)]
        self.stamps = [f"{x:%Y%m%d}" for x in self.dates[:days]]
        self.dec = MadeOnce(from_milli)  # milli-units -> Decimal
        self.items = [
            _Stock(
                i=i,
                sku=sku,
                spec=sp,
                rop=sp.rop,
                stop=min(days, sp.stop),
                qtys=sp.qtys,
                isback=sp.back,
                low=max(1000, round(sp.rate * sum(sp.qtys) / 3, -3)),  # ~5 days
                cost=sp.cost,
            )
            for i, (sku, sp) in enumerate(zip(skus, specs, strict=True))
        ]
        self.perishable = [st for st in self.items if st.spec.life]
        self.arrivals: list[list[tuple[int, int, int]]] = [[] for _ in range(days)]
        self.pending: list[_Stock] = []  # back-store items to bring forward to Main
        self.ids = itertools.count(1)
        self.check_day = self.rng.randrange(7)
        self.last_check = days - self.rng.randint(9, 13)  # behind lately: expired stock shows

    def run(self) -> _Entries:
        """The lines, day by day; a day's lines are made together, then handed out."""
        out: list[Line] = []
        self.opening(out)
        yield from zip(itertools.repeat(self.dates[0]), out)
        self.start_sales()
        rng, n = self.rng, len(self.items)
        for d in range(self.days):
            out = []
            self.deliveries(d, out)
            self.transfers(d, out)
            if 0 < d <= self.last_check and self.dates[d].weekday() == self.check_day:
                self.expiry_check(d, out)
            self.sales(d, out)
            self.losses(d, out, poisson(rng, n * 0.0012))
            self.corrections(d, out, poisson(rng, n * 0.0005))
            yield from zip(itertools.repeat(self.dates[d]), out)

    # -- stock in ------------------------------------------------------------------------------

    def receive(
        self, st: _Stock, d: int, qty: int, ref: str, *, fresh: float = 0.0, to_back: bool = False
    ) -> Line:
        """A delivery of ``qty``; perishables get a batch code and an expiry ``fresh`` of
        their shelf life away (0: drawn, now and then short-dated)."""
        sp, rng = st.spec, self.rng
        if not d or rng.random() < 0.3:  # the supplier's price moves now and then, mostly up
            c = st.cost * (0.97 + 0.064 * rng.random())
            c = min(1.4 * sp.cost, max(0.75 * sp.cost, c))
            st.cost = round(c, -2) if c >= 10000 else round(c)  # cents; 4 dp when cheap
            st.cost_dec = Decimal(st.cost).scaleb(-4)
        lot_id = next(self.ids)
        if sp.life:
            short = rng.random() < 0.04  # now and then a short-dated delivery
            fresh = fresh or (rng.uniform(0.2, 0.4) if short else rng.uniform(0.7, 1.0))
            exp = d + max(1, round(sp.life * fresh))
            code = f"L{self.stamps[d][2:]}{lot_id:05d}"
        else:
            exp, code = BIG, None
        bisect.insort(st.back if to_back else st.main, [exp, d, lot_id, qty, code])
        if to_back:
            st.btot += qty
        else:
            st.mtot += qty
        return Line(
            type=_RECEIPT,
            sku=st.sku,
            qty=self.dec[qty],
            unit_cost=st.cost_dec,
            batch=code,
            expiry=self.dates[exp] if code else None,
            location=self.back_store if to_back else None,
            reference=ref,
        )

    def opening(self, out: list[Line]) -> None:
        uniform = self.rng.uniform
        for st in self.items:
            sp = st.spec
            qty = 1000 * max(1, round((sp.rop + sp.order * uniform(0.3, 1.0)) / 1000))
            if st.isback:
                front = min(qty, st.low * _SHELF)
                out.append(self.receive(st, 0, front, "OPENING"))
                if qty > front:
                    out.append(self.receive(st, 0, qty - front, "OPENING", to_back=True))
            elif sp.life and qty >= 2000:
                older = 1000 * max(1, round(qty * uniform(0.2, 0.5) / 1000))
                out.append(self.receive(st, 0, older, "OPENING", fresh=uniform(0.15, 0.5)))
                out.append(self.receive(st, 0, qty - older, "OPENING"))
            else:
                out.append(self.receive(st, 0, qty, "OPENING"))

    def reorder(self, st: _Stock, d: int) -> None:
        """One order at a time, when the stock on hand falls to the reorder point."""
        if not st.on_order and st.mtot + st.btot <= st.rop:
            sp = st.spec
            st.on_order = sp.order
            arrive = d + max(1, sp.lead + self.rng.choice((-1, 0, 0, 0, 1, 2)))
            if arrive < self.days:  # else still on its way at the end
                self.arrivals[arrive].append((sp.supplier, d, st.i))

    def deliveries(self, d: int, out: list[Line]) -> None:
        ref, po = "", None
        for sup, ordered, i in sorted(self.arrivals[d]):  # grouped by purchase order
            st = self.items[i]
            qty, st.on_order = st.on_order, 0
            if po != (sup, ordered):
                po, ref = (sup, ordered), f"PO-{self.stamps[ordered]}-{sup + 1:02d}"
            out.append(self.receive(st, d, qty, ref, to_back=st.isback))
            self.reorder(st, d)
            self.flag_low(st)
        self.arrivals[d] = []

    # -- moves and losses ----------------------------------------------------------------------

    def flag_low(self, st: _Stock) -> None:
        if st.isback and not st.flagged and st.mtot < st.low:
            st.flagged = True
            self.pending.append(st)

    def transfers(self, d: int, out: list[Line]) -> None:
        """The back store fills the shelves in the morning."""
        ref = f"TR-{self.stamps[d]}"
        for st in self.pending:
            st.flagged = False
            qty = min(usable(st.back, d), max(st.low * _SHELF - usable(st.main, d), 0))
            if qty > 0:
                for lot in take(st.back, qty, d):
                    lot[2] = next(self.ids)  # a new batch at Main: same dates, new id
                    bisect.insort(st.main, lot)
                st.btot -= qty
                st.mtot += qty
                out.append(Line(type=_TRANSFER, sku=st.sku, qty=self.dec[qty],
                                location=self.back_store, to_location=DEFAULT_LOCATION,
                                reference=ref))  # fmt: skip
        self.pending.clear()

    def expiry_check(self, d: int, out: list[Line]) -> None:
        """The weekly look for expired batches; now and then one is missed until next week."""
        ref = f"WO-{self.stamps[d]}"
        for st in self.perishable:
            if st.main and st.main[0][0] < d:
                self.remove_expired(st, d, DEFAULT_LOCATION, ref, out)
            if st.back and st.back[0][0] < d:
                self.remove_expired(st, d, self.back_store, ref, out)

    def remove_expired(self, st: _Stock, d: int, loc: str, ref: str, out: list[Line]) -> None:
        lots = st.main if loc == DEFAULT_LOCATION else st.back
        gone: dict[str, int] = {}
        for lot in lots:
            if lot[0] < d:
                gone[lot[4]] = gone.get(lot[4], 0) + lot[3]
        for code, qty in gone.items():
            if self.rng.random() < 0.1:
                continue
            lots[:] = [lot for lot in lots if lot[4] != code]
            if loc == DEFAULT_LOCATION:
                st.mtot -= qty
            else:
                st.btot -= qty
            out.append(Line(type=_WRITEOFF, sku=st.sku, qty=self.dec[qty], batch=code, location=loc,
                            reason=_EXPIRED, override_reason=self.texts["expired_removed"],
                            reference=ref))  # fmt: skip
        self.reorder(st, d)
        self.flag_low(st)

    def losses(self, d: int, out: list[Line], count: int) -> None:
        """Breakage, theft and tasting samples at Main."""
        rng, ref = self.rng, f"WO-{self.stamps[d]}"
        for _ in range(count):
            st = rng.choice(self.items)
            u = usable(st.main, d)
            if d >= st.stop or not u:
                continue
            qty = min(u, 1000 if st.spec.unit == 1000 else st.qtys[0])
            take(st.main, qty, d)
            st.mtot -= qty
            reason, note = rng.choice(_LOSS_REASONS)
            note = self.texts[note] if note else ""
            out.append(Line(type=_WRITEOFF, sku=st.sku, qty=self.dec[qty],
                            location=DEFAULT_LOCATION, reason=reason, note=note,
                            reference=ref))  # fmt: skip
            self.reorder(st, d)
            self.flag_low(st)

    def corrections(self, d: int, out: list[Line], count: int) -> None:
        """Count corrections at Main: a few pieces short, or found."""
        rng, ref = self.rng, f"ADJ-{self.stamps[d]}"
        for _ in range(count):
            st = rng.choice(self.items)
            sp = st.spec
            if d >= st.stop:
                continue
            qty = 1000 if sp.unit == 1000 else st.qtys[-1]
            if rng.random() < 0.55:
                qty = min(qty, usable(st.main, d))
                if not qty:
                    continue
                take(st.main, qty, d)
                st.mtot -= qty
                why = self.texts[rng.choice(("count_correction", "data_error"))]
                out.append(Line(type=_ADJUST, sku=st.sku, qty=-self.dec[qty],
                                location=DEFAULT_LOCATION, reason=why, reference=ref))  # fmt: skip
            else:
                lot_id = next(self.ids)
                exp, code = BIG, None
                if sp.life:
                    exp, code = d + sp.life, f"A{self.stamps[d][2:]}{lot_id:05d}"
                bisect.insort(st.main, [exp, d, lot_id, qty, code])
                st.mtot += qty
                out.append(Line(type=_ADJUST, sku=st.sku, qty=self.dec[qty],
                                unit_cost=st.cost_dec, batch=code,
                                expiry=self.dates[exp] if code else None,
                                location=DEFAULT_LOCATION, reason=self.texts["found_stock"],
                                reference=ref))  # fmt: skip
            self.reorder(st, d)
            self.flag_low(st)

    # -- sales ---------------------------------------------------------------------------------

    def start_sales(self) -> None:
        """Each item sells as a Poisson process whose clock runs faster in its category's
        high season and on busy weekdays: ``clock[d]`` is the category's cumulative demand
        (in average days) at the end of day ``d``, so a sale at demand-time ``s`` falls on
        the first day whose clock passes ``s``."""
        clocks = []
        for cat in _CATEGORIES:
            week = WEEK_TRADE if cat.trade else WEEK_GROCERY
            f = [season(cat.season, x) * week[x.weekday()] for x in self.dates[: self.days]]
            mean = sum(f) / len(f)
            clocks.append(list(itertools.accumulate(x / mean for x in f)))
        self.sched: list[list[_Stock]] = [[] for _ in range(self.days)]
        for st in self.items:
            st.clock, st.inv = clocks[st.spec.cat], 1 / st.spec.rate
            st.when = -math.log(1.0 - self.rng.random()) * st.inv
            day = bisect.bisect_right(st.clock, st.when)
            if day < st.stop:
                self.sched[day].append(st)

    def sales(self, d: int, out: list[Line]) -> None:
        """The day's sales at Main, one line per sale (the hot loop: kept flat)."""
        sched, dec, rnd, log = self.sched, self.dec, self.rng.random, math.log
        bisect_right, append = bisect.bisect_right, out.append
        for st in sched[d]:  # grows while read when an item sells again the same day
            t = st.when = st.when - log(1.0 - rnd()) * st.inv
            nd = bisect_right(st.clock, t)
            if nd < st.stop:
                sched[nd].append(st)
            lots = st.main
            q = st.qtys[int(rnd() * 16)]
            if lots and lots[0][0] >= d and lots[0][3] > q:
                lots[0][3] -= q  # the usual case: the first batch has enough
            else:
                u = usable(lots, d)
                if not u:  # sold out, or only expired stock left: the sale is lost
                    self.flag_low(st)
                    continue
                q = min(q, u)
                take(lots, q, d)
            st.mtot -= q
            line = st.issued.get(q)
            if line is None:
                line = Line(type=_ISSUE, sku=st.sku, qty=dec[q], location=DEFAULT_LOCATION,
                            reference=SALES_REF)  # fmt: skip
                st.issued[q] = line
            append(line)
            if (st.mtot <= st.rop and not st.on_order) or st.isback:
                self.reorder(st, d)
                self.flag_low(st)
        sched[d] = []
