"""Packs: exact conversion, the cost rule of ``domain.units``, postings typed in packs."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory_app.domain import gs1, money, units
from inventory_app.domain.errors import InventoryError, NotFound, ValidationError
from inventory_app.domain.model import Document, ItemFields, Line, MovementType
from inventory_app.services import buying, catalog, check, postings, reports, shop

DAY = dt.date(2026, 11, 2)


@given(
    qty=st.integers(min_value=1, max_value=10**9),
    value=st.integers(min_value=0, max_value=10**11),
)
def test_split_receipt_lines_sum_to_the_value_exactly(qty, value):
    parts = units.split_receipt(qty, value)
    assert 1 <= len(parts) <= 2
    assert sum(p.qty for p in parts) == qty
    assert sum(p.value for p in parts) == value
    for p in parts:
        assert p.qty > 0 and p.unit_cost >= 0
        assert money.line_value(p.qty, p.unit_cost) == p.value


def test_the_rule_cases():
    # ¥100.00 for 3 bottles: one line at 33.3333 whose value is exactly 100.00
    assert units.split_receipt(3000, 10000) == (units.CostLine(3000, 333333, 10000),)
    # ¥1.00 per case of 3, 300 cases: 0.3333 × 900 would lose 3 cents; the remainder keeps them
    first, last = units.split_receipt(900_000, 30000)
    assert (first.qty, first.unit_cost, last.qty) == (899_000, 3333, 1000)
    assert first.value + last.value == 30000
    assert units.stock_qty(2500, 24000) == 60000  # 2.5 cases of 24 = 60 bottles
    with pytest.raises(ValidationError) as e:
        units.stock_qty(1, 1500)  # 0.001 × 1.5 = 0.0015: not a 3-decimal quantity
    assert e.value.code == "units.qty_not_exact"
    assert units.pack_cost_to_unit(1000000, 24000) == 41667  # ¥100 a case of 24: ¥4.1667


@pytest.fixture
def cola(db):
    catalog.add_item(db, ItemFields(sku="DR-1", name="可乐", unit="瓶"))
    buying.add_pack(db, "DR-1", "箱", factor="3", barcode="69000001")
    return db


def test_a_case_at_100_for_3_bottles_never_makes_or_loses_a_cent(cola):
    doc = Document(
        date=DAY, lines=(Line(type=MovementType.RECEIPT, sku="DR-1", qty=D(1), unit_cost=D(100)),)
    )
    changes = buying.post(cola, doc, packs_typed=["箱"])
    assert buying.typed_of(cola, changes.movements[0]) == ("箱", D("3.000"), D("1.000"), D(100))
    values = []
    for _ in range(3):
        c = postings.issue(cola, sku="DR-1", qty="1", date=DAY)
        (mv,) = cola.conn.execute(
            "SELECT -value FROM movements WHERE id = ?", (c.movements[0],)
        ).fetchone()
        values.append(mv)
    assert sorted(values) == [3333, 3333, 3334] and sum(values) == 10000
    assert check.check(cola).ok


def test_packs_are_listed_and_refused_when_wrong(cola):
    assert [(p.name, p.factor) for p in buying.packs(cola, "DR-1")] == [("瓶", 1000), ("箱", 3000)]
    assert buying.pack_for_barcode(cola, "69000001") == ("DR-1", units.Pack("箱", 3000))
    for kw, code in (
        ({"pack": "箱", "factor": "6"}, "units.pack_exists"),
        ({"pack": "瓶", "factor": "1"}, "units.pack_is_stock_unit"),
        ({"pack": "板", "factor": "-1"}, "units.factor_not_positive"),
        ({"pack": "板", "factor": "6", "barcode": "69000001"}, "units.barcode_taken"),
    ):
        with pytest.raises(ValidationError) as e:
            buying.add_pack(cola, "DR-1", kw.pop("pack"), **kw)
        assert e.value.code == code
    with pytest.raises(NotFound):
        buying.stock_qty_of(cola, "DR-1", "1", "托")
    assert buying.stock_qty_of(cola, "DR-1", "2", "箱") == D(6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(
                st.just("in"),
                st.integers(min_value=1, max_value=40),
                st.decimals(min_value=D("0"), max_value=D("999.99"), places=2),
            ),
            st.tuples(st.just("out"), st.integers(min_value=1, max_value=30), st.just(D(0))),
        ),
        min_size=1,
        max_size=12,
    ),
    factor=st.sampled_from(["3", "7", "24", "0.5", "1.25"]),
)
def test_pack_receipts_and_unit_issues_keep_value_exact(steps, factor):
    folder = Path(tempfile.mkdtemp())
    try:
        with shop.create_shop(folder / "p.db") as db:
            db.conn.execute("PRAGMA synchronous = OFF")
            catalog.add_item(db, ItemFields(sku="P1", name="Pack item", unit="瓶"))
            buying.add_pack(db, "P1", "箱", factor=factor)
            paid = D(0)
            cogs = D(0)
            for kind, n, price in steps:
                if kind == "in":
                    line = Line(type=MovementType.RECEIPT, sku="P1", qty=D(n), unit_cost=price)
                    buying.post(db, Document(date=DAY, lines=(line,)), packs_typed=["箱"])
                    paid += money.round_money(n * price)
                else:
                    try:
                        c = postings.issue(db, sku="P1", qty=n, date=DAY)
                    except InventoryError:
                        continue
                    (v,) = db.conn.execute(
                        "SELECT -value FROM movements WHERE id = ?", (c.movements[0],)
                    ).fetchone()
                    cogs += money.money_from_int(v)
            (row,) = reports.stock_by_item(db)[:1] or [None]
            held = row.value if row else D(0)
            assert held + cogs == paid  # not a cent made or lost
            assert check.check(db).ok
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_receiving_from_a_gs1_scan_of_an_item_or_a_case(cola, capsys):
    from inventory_app.cli import main

    catalog.add_item(cola, ItemFields(sku="MK-1", name="牛奶", unit="盒", barcode="6901234567892"))
    line = buying.read_scan(cola, "]d20106901234567892172712311024A01\x1d302")
    assert (line.sku, line.pack, line.batch, line.expiry, line.qty) == (
        "MK-1", None, "24A01", dt.date(2027, 12, 31), D(2),
    )  # fmt: skip
    body = "690123400001"
    ean = body + next(d for d in "0123456789" if gs1.check_digit_ok(body + d))
    buying.add_pack(cola, "MK-1", "箱", factor="12", barcode=ean)
    line = buying.read_scan(cola, f"010{ean}10L9")  # a case's GTIN: the quantity is in cases
    assert (line.sku, line.pack, line.batch, line.qty) == ("MK-1", "箱", "L9", None)
    path = str(cola.path)
    cola.close()
    capsys.readouterr()
    scan = f"010{ean}1727063010C5"
    assert main(["--db", path, "receive", "--scan", scan, "--qty", "2", "--cost", "60"]) == 0
    assert main(["--db", path, "receive", "--scan", "010690123456789317271231"]) == 2
    assert "check digit" in capsys.readouterr().err
    with shop.open_shop(Path(path), write=False) as db:
        (row,) = [r for r in reports.stock_by_batch(db) if r.sku == "MK-1"]
        assert (row.batch, row.expiry, row.qty, row.value) == (
            "C5", dt.date(2027, 6, 30), D(24), D("120.00"),
        )  # fmt: skip


def test_counting_a_gs1_scan_counts_its_batch(db, capsys):
    from inventory_app.cli import main
    from inventory_app.domain.model import Removal

    catalog.add_item(
        db,
        ItemFields(sku="MK-1", name="牛奶", unit="盒", barcode="6901234567892",
                   removal=Removal.FEFO, shelf_life_days=30),
    )  # fmt: skip
    postings.receive(db, sku="MK-1", qty=10, unit_cost="2", batch="24A01", date=DAY)
    postings.receive(db, sku="MK-1", qty=5, unit_cost="2", batch="24B02", date=DAY)
    path = str(db.path)
    db.close()
    capsys.readouterr()
    assert main(["--db", path, "stocktake", "start"]) == 0
    sid = capsys.readouterr().out.strip()
    scan = "0106901234567892172712311024B02"
    assert main(["--db", path, "stocktake", "count", sid, "--sku", scan, "--qty", "4"]) == 0, (
        capsys.readouterr().err
    )
    assert "MK-1 batch 24B02" in capsys.readouterr().out
