"""The demo shop generator: a believable catalogue and a history that posts line for line."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory_app.domain import money
from inventory_app.domain.errors import ValidationError
from inventory_app.domain.model import (
    DEFAULT_LOCATION,
    BatchLot,
    ItemFields,
    Line,
    MovementType,
    Removal,
    WriteoffReason,
)
from inventory_app.domain.picking import is_expired, pick
from inventory_app.services import catalog, demo
from inventory_app.services import settings as shop_settings

T = MovementType
TODAY = dt.date(2025, 10, 31)  # a year back reaches the 2025 Spring Festival (29 Jan)
CJK = re.compile(r"[\u4e00-\u9fff]")


def ean13_ok(code: str) -> bool:
    if len(code) != 13 or not code.isdigit():
        return False
    total = sum(int(c) * (1 if k % 2 == 0 else 3) for k, c in enumerate(code[:12]))
    return (total + int(code[12])) % 10 == 0


# -- an independent replay under the ledger's picking rules -----------------------------------


@dataclass
class Replay:
    """Every batch the lines create, drawn with ``domain.picking.pick`` as the ledger does."""

    items: dict[str, ItemFields]
    lots: dict[str, list[BatchLot]] = field(default_factory=lambda: defaultdict(list))
    last_issue: dict[str, dt.date] = field(default_factory=dict)
    received: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def add_lot(self, sku, loc, code, received, posted, expiry, qty) -> None:
        lot_id = next(self._ids)
        lot = BatchLot(
            id=lot_id, item_id=0, location_id=loc, code=code or f"auto-{lot_id}",
            received_date=received, posted_date=posted, expiry=expiry, unit_cost=0, qty=qty,
            value=qty,
        )  # fmt: skip
        self.lots[sku].append(lot)

    def apply(self, date: dt.date, line: Line) -> None:
        item = self.items[line.sku]
        qty = money.qty_to_int(money.parse_qty(line.qty))  # at most 3 decimals
        assert qty != 0, line
        self.counts[line.type, line.reason] += 1
        if line.type == T.RECEIPT or (line.type == T.ADJUST and qty > 0):
            assert qty > 0, line
            if line.type == T.RECEIPT:
                assert line.unit_cost is not None and line.reference, line
                self.received.add(line.sku)
            else:
                assert line.unit_cost is not None or line.sku in self.received, line
            if line.unit_cost is not None:
                money.parse_cost(line.unit_cost)  # at most 4 decimals, not negative
            expiry = line.expiry
            if expiry is None and item.shelf_life_days:
                expiry = date + dt.timedelta(days=item.shelf_life_days)
            assert expiry is None or expiry >= date, line
            if item.removal == Removal.FEFO:
                assert line.batch and line.expiry, "perishable receipts carry batch and expiry"
            loc = line.location or DEFAULT_LOCATION
            self.add_lot(line.sku, loc, line.batch, date, date, expiry, qty)
            return
        if line.type == T.ISSUE:
            assert qty > 0 and line.reference.startswith("SO-"), line
            self.last_issue[line.sku] = date
        if line.type == T.WRITEOFF:
            assert line.reason in {r.value for r in WriteoffReason}, line
        if line.type == T.ADJUST:
            assert line.reason, line
        if line.type in (T.WRITEOFF, T.TRANSFER):
            assert qty > 0, line
        loc = line.location if line.type == T.ISSUE else (line.location or DEFAULT_LOCATION)
        lots = [
            lot for lot in self.lots[line.sku] if lot.qty > 0 and loc in (None, lot.location_id)
        ]
        plan = pick(lots, abs(qty), removal=item.removal, on=date, named=line.batch)
        assert plan.ok, f"{date} {line}: short by {plan.short} (of {plan.available})"
        assert not plan.needs_reason or line.override_reason, line
        for draw in plan.draws:
            draw.batch.qty -= draw.qty
            if line.type == T.TRANSFER:
                assert line.to_location and line.to_location != loc, line
                src = draw.batch
                self.add_lot(line.sku, line.to_location, src.code, src.received_date, date,
                             src.expiry, draw.qty)  # fmt: skip

    def on_hand(self, sku: str) -> int:
        return sum(lot.qty for lot in self.lots[sku])


@pytest.fixture(scope="module")
def shop():
    plan = demo.generate(skus=300, days=365, seed=1, today=TODAY)
    entries = list(plan.entries)
    replay = Replay({it.sku: it for it in plan.items})
    for date, line in entries:
        replay.apply(date, line)
    return plan, entries, replay


# -- the catalogue ----------------------------------------------------------------------------


def test_the_same_seed_makes_the_same_shop():
    a = demo.generate(seed=7, today=TODAY)
    b = demo.generate(seed=7, today=TODAY)
    assert a.items == b.items and a.shop_name == b.shop_name
    assert list(itertools.islice(a.entries, 2000)) == list(itertools.islice(b.entries, 2000))


def test_another_seed_makes_another_shop():
    a = demo.generate(seed=1, today=TODAY)
    b = demo.generate(seed=2, today=TODAY)
    assert [it.name for it in a.items] != [it.name for it in b.items]
    assert list(itertools.islice(a.entries, 2000)) != list(itertools.islice(b.entries, 2000))


def test_codes_are_unique_and_barcodes_are_valid_ean13(shop):
    plan, _, _ = shop
    assert len(plan.items) == 300
    skus = [it.sku for it in plan.items]
    assert len(set(skus)) == 300 and all(re.fullmatch(r"[A-Z]{2}-\d{4}", s) for s in skus)
    codes = [it.barcode for it in plan.items if it.barcode]
    assert len(codes) == len(set(codes)) and len(codes) >= 0.85 * 300
    assert all(ean13_ok(c) for c in codes)
    assert not ean13_ok(codes[0][:12] + str((int(codes[0][12]) + 1) % 10))  # the check bites
    assert all(catalog.item_problems(it) == {} for it in plan.items)


def test_categories_names_and_suppliers_look_like_a_small_shop(shop):
    plan, _, _ = shop
    assert 8 <= len({it.category for it in plan.items}) <= 10
    names = [it.name for it in plan.items]
    assert len(set(names)) == len(names)
    assert sum(bool(CJK.search(n)) for n in names) >= 0.4 * len(names)
    assert sum(n.isascii() for n in names) >= 0.1 * len(names)
    assert 3 <= len({it.supplier for it in plan.items}) <= 10
    assert {"bottle", "bag", "pcs", "kg", "m"} <= {it.unit for it in plan.items}
    assert plan.shop_name and plan.locations and DEFAULT_LOCATION not in plan.locations


def test_ten_thousand_distinct_names_are_possible():
    names = [it.name for it in demo.generate(skus=10_000, today=TODAY).items]
    assert len(set(names)) == 10_000
    assert not any("#" in n for n in names)  # no numbered fallbacks needed


def test_perishables_are_fefo_with_a_shelf_life_and_hardware_is_fifo(shop):
    plan, _, _ = shop
    fefo = [it for it in plan.items if it.removal == Removal.FEFO]
    fifo = [it for it in plan.items if it.removal == Removal.FIFO]
    assert len(fefo) >= 0.3 * len(plan.items) and len(fifo) >= 0.3 * len(plan.items)
    assert all(it.shelf_life_days and 7 <= it.shelf_life_days <= 365 for it in fefo)
    assert all(it.shelf_life_days is None for it in fifo)
    assert all(it.removal == Removal.FIFO for it in plan.items if it.sku.startswith("HW"))
    assert min(it.shelf_life_days for it in fefo) <= 30  # fresh dairy
    assert all(2 <= it.lead_time_days <= 21 for it in plan.items)
    assert all(it.reorder_point > 0 for it in plan.items)
    assert 0.2 < sum(it.safety_stock is not None for it in plan.items) / len(plan.items) < 0.6


# -- the history ------------------------------------------------------------------------------


def test_entries_come_lazily_in_date_order_and_never_after_today(shop):
    plan, entries, _ = shop
    fresh = demo.generate(today=TODAY).entries
    assert iter(fresh) is fresh  # a generator, not a list
    dates = [d for d, _ in entries]
    assert dates == sorted(dates)
    assert dates[0] == TODAY - dt.timedelta(days=364) and dates[-1] <= TODAY
    opening = {line.sku for d, line in entries if d == dates[0] and line.type == T.RECEIPT}
    assert opening == {it.sku for it in plan.items}


def test_every_line_posts_under_the_picking_rules(shop):
    _, entries, replay = shop  # the fixture replays every line; here: the mix it saw
    kinds = replay.counts
    assert kinds[T.ISSUE, None] > 0.7 * len(entries)
    assert kinds[T.RECEIPT, None] > 0.05 * len(entries)
    assert kinds[T.WRITEOFF, "expired"] > 0 and kinds[T.WRITEOFF, "damaged"] > 0
    assert kinds[T.TRANSFER, None] > 0
    adjust = [line.qty for _, line in entries if line.type == T.ADJUST]
    assert any(q > 0 for q in adjust) and any(q < 0 for q in adjust)
    transfers = {(ln.location, ln.to_location) for _, ln in entries if ln.type == T.TRANSFER}
    assert transfers == {(demo.BACK_STORE, DEFAULT_LOCATION)}


@settings(max_examples=25, deadline=None)
@given(
    skus=st.integers(1, 40),
    days=st.integers(1, 150),
    seed=st.integers(-(2**40), 2**40),
    today=st.dates(dt.date(2019, 1, 1), dt.date(2036, 12, 31)),
)
def test_any_small_shop_posts_line_for_line(skus, days, seed, today):
    plan = demo.generate(skus=skus, days=days, seed=seed, today=today)
    replay = Replay({it.sku: it for it in plan.items})
    last = dt.date.min
    for date, line in plan.entries:
        assert last <= date <= today
        last = date
        replay.apply(date, line)
    assert len(plan.items) == skus and replay.received == {it.sku for it in plan.items}


def test_replay_catches_an_overdrawn_issue(shop):
    plan, entries, _ = shop
    replay = Replay({it.sku: it for it in plan.items})
    date, first = entries[0]
    replay.apply(date, first)
    with pytest.raises(AssertionError, match="short"):
        replay.apply(date, Line(type=T.ISSUE, sku=first.sku, qty=first.qty + 1, reference="SO-x"))


def test_expiry_warnings_have_something_to_show(shop):
    _, _, replay = shop
    live = [lot for lots in replay.lots.values() for lot in lots if lot.qty > 0]
    soon = [lot for lot in live if lot.expiry and 0 <= (lot.expiry - TODAY).days <= 30]
    expired = [lot for lot in live if is_expired(lot, TODAY)]
    assert len(soon) >= 5
    assert 1 <= len(expired) <= 0.2 * len(live)


def test_some_items_are_dead_stock_and_many_sell_slowly(shop):
    plan, _, replay = shop
    cutoff = TODAY - dt.timedelta(days=100)
    dead = [
        it.sku
        for it in plan.items
        if replay.on_hand(it.sku) > 0 and replay.last_issue.get(it.sku, dt.date.min) < cutoff
    ]
    assert 0.02 <= len(dead) / len(plan.items) <= 0.07
    sales = Counter(replay.last_issue)  # items that sold at all
    per_item = Counter(line.sku for _, line in shop[1] if line.type == T.ISSUE)
    slow = [sku for sku in sales if per_item[sku] < 26]  # less than every other week
    assert len(slow) >= 0.2 * len(plan.items)
    assert max(per_item.values()) > 20 * sorted(per_item.values())[len(per_item) // 2]


def test_demand_follows_the_seasons(shop):
    _, entries, _ = shop
    sold: Counter = Counter()
    for date, line in entries:
        if line.type == T.ISSUE:
            sold[line.sku[:2], date.month, date.year] += 1
    assert sold["DR", 7, 2025] > 1.3 * sold["DR", 12, 2024]  # drinks peak in summer
    # snacks before the Spring Festival (29 Jan 2025) against the same weeks after it
    before = sum(
        1
        for d, ln in entries
        if ln.type == T.ISSUE
        and ln.sku.startswith("SN")
        and dt.date(2025, 1, 8) <= d < dt.date(2025, 1, 29)
    )
    after = sum(
        1
        for d, ln in entries
        if ln.type == T.ISSUE
        and ln.sku.startswith("SN")
        and dt.date(2025, 3, 1) <= d < dt.date(2025, 3, 22)
    )
    assert before > 1.3 * after


def test_lines_scale_with_the_number_of_items():
    plan = demo.generate(skus=1000, days=365, seed=3, today=TODAY)
    n = sum(1 for _ in plan.entries)
    assert 85_000 <= n <= 115_000
    assert abs(plan.estimated_lines - n) < 0.15 * n


def test_bad_sizes_are_refused():
    with pytest.raises(ValidationError) as e:
        demo.generate(skus=0)
    assert (e.value.code, e.value.params) == ("demo.too_small", {"skus": 0, "days": 365})


# -- into a real shop file --------------------------------------------------------------------


def test_build_demo_fills_a_new_shop(db):
    seen = []
    changes = demo.build_demo(db, skus=100, days=200, seed=5, progress=lambda n, t: seen.append(n))
    plan = demo.generate(skus=100, days=200, seed=5)
    lines = sum(1 for _ in plan.entries)
    assert changes.catalog and changes.settings and len(changes.movements) == lines
    assert shop_settings.get(db, "shop_name") == plan.shop_name
    assert {loc.name for loc in catalog.list_locations(db)} >= {DEFAULT_LOCATION, "Back store"}
    assert len(catalog.list_items(db)) == 100
    assert seen  # progress was reported
    (count,) = db.conn.execute("SELECT count(*) FROM movements").fetchone()
    assert count == lines
    (value,) = db.conn.execute("SELECT sum(value_remaining) FROM batches").fetchone()
    assert value > 0


def test_a_cancelled_demo_build_leaves_the_shop_empty(tmp_path):
    from inventory_app.domain.errors import Cancelled
    from inventory_app.services import shop

    db = shop.create_shop(tmp_path / "c.db")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return True

    with pytest.raises(Cancelled):
        demo.build_demo(db, skus=300, days=120, cancel=cancel)
    assert calls
    counts = [db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("items", "movements", "batches")]  # fmt: skip
    assert counts == [0, 0, 0]
    assert db.conn.execute("SELECT count(*) FROM locations").fetchone()[0] == 1
    db.close()


# -- in the user's language -------------------------------------------------------------------


def test_the_chinese_demo_is_the_same_shop_in_chinese_words():
    zh = demo.generate(skus=300, days=120, seed=4, today=TODAY, lang="zh")
    en = demo.generate(skus=300, days=120, seed=4, today=TODAY, lang="en")
    assert [it.sku for it in zh.items] == [it.sku for it in en.items]
    assert [it.barcode for it in zh.items] == [it.barcode for it in en.items]
    zh_lines, en_lines = list(zh.entries), list(en.entries)
    assert len(zh_lines) == len(en_lines)  # the same movements, line for line
    shape = [(d, ln.type, ln.sku, ln.qty, ln.unit_cost, ln.batch) for d, ln in zh_lines]
    assert shape == [(d, ln.type, ln.sku, ln.qty, ln.unit_cost, ln.batch) for d, ln in en_lines]
    # Chinese: every name, category, supplier, shop name, location and note
    assert all(CJK.search(it.name) for it in zh.items)
    assert all(CJK.search(it.category) and CJK.search(it.supplier) for it in zh.items)
    assert "pcs" not in {it.unit for it in zh.items}
    assert not any(CJK.search(it.unit) for it in en.items)
    assert CJK.search(zh.shop_name) and all(CJK.search(loc) for loc in zh.locations)
    texts = {x for _, ln in zh_lines for x in (ln.note, ln.override_reason, ln.reason) if x}
    free = texts - {"damaged", "lost", "sample", "other", "expired"}  # reason codes
    assert free and all(CJK.search(x) for x in free)
    assert {it.category for it in zh.items} >= {"乳制品", "五金工具", "零食"}
    names = [it.name for it in zh.items]
    assert "安佳 黄油 无盐 250g" in _all_zh_names() and len(set(names)) == len(names)
    # English: labels without Chinese (names of Chinese brands stay as shelved)
    assert not any(CJK.search(it.category) or CJK.search(it.supplier) for it in en.items)
    assert not CJK.search(en.shop_name) and en.locations == [demo.BACK_STORE]
    texts = {x for _, ln in en_lines for x in (ln.note, ln.override_reason, ln.reason) if x}
    assert not any(CJK.search(x) for x in texts)


def _all_zh_names() -> set[str]:
    return {it.name for it in demo.generate(skus=10_000, days=1, today=TODAY, lang="zh").items}


def test_ten_thousand_distinct_chinese_names_are_possible():
    names = [it.name for it in demo.generate(skus=10_000, days=1, today=TODAY, lang="zh").items]
    assert len(set(names)) == 10_000
    assert not any("#" in n for n in names)


def test_the_demo_follows_the_message_language():
    from inventory_app.domain import messages

    before = messages.language()
    try:
        messages.set_language("zh")
        assert demo.generate(skus=20, days=5, today=TODAY).items[0].category == "粮油"
        messages.set_language("en")
        assert demo.generate(skus=20, days=5, today=TODAY).items[0].category == "Grain & Oil"
    finally:
        messages.set_language(before)
