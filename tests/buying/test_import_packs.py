"""Journal and opening-stock imports typed in packs: a 包装 / 单位 column, the pack's factor
converting to stock units exactly, the cost per pack split by the written rule (a case at
¥100.00 for 3 bottles is worth ¥100.00, not a cent more or less), an unknown pack refused
at its row, column and value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import ImportErrors
from inventory_app.domain.model import ItemFields
from inventory_app.services import buying, catalog, check, imports, postings, reports

DAY = dt.date(2026, 11, 2)


@pytest.fixture
def shop(db):
    catalog.add_item(db, ItemFields(sku="DR-1", name="可乐", unit="瓶"))
    catalog.add_item(db, ItemFields(sku="SN-1", name="薯片", unit="袋"))
    buying.add_pack(db, "DR-1", "箱", factor="24")
    buying.add_pack(db, "DR-1", "提", factor="3")
    return db


def _csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _item(db, sku):
    (row,) = [r for r in reports.stock_by_item(db) if r.sku == sku]
    return row.qty, row.value


def test_journal_rows_in_packs_post_stock_units_at_the_pack_price(shop, tmp_path):
    f = _csv(
        tmp_path / "j.csv",
        "日期,类型,编码,数量,包装,单价\n"
        "2026-11-02,入库,DR-1,2,箱,60\n"  # 48 bottles worth 120.00
        "2026-11-02,入库,DR-1,1,提,100\n"  # 3 bottles worth 100.00: 33.3333 x 2 + rest
        "2026-11-02,入库,SN-1,10,,2.5\n"  # no pack: stock units
        "2026-11-03,出库,DR-1,1,箱,\n"  # 24 bottles out
        "2026-11-03,出库,DR-1,5,瓶,\n",  # the stock unit by name
    )
    result = imports.import_journal(shop, f)
    assert result.posted == 5
    assert _item(shop, "DR-1") == (D(22), D("220.00") - _issued_value(shop))
    assert _item(shop, "SN-1") == (D(10), D("25.00"))
    assert sorted(_received(shop, "DR-1")) == [D("100.00"), D("120.00")]  # one batch each
    movement = shop.conn.execute("SELECT min(id) FROM movements").fetchone()[0]
    assert buying.typed_of(shop, movement) == ("箱", D(24), D(2), D(60))
    assert check.check(shop).ok


def _received(db, sku):
    return [
        D(v) / 100
        for (v,) in db.conn.execute(
            "SELECT b.value_received FROM batches b JOIN items i ON i.id = b.item_id"
            " WHERE i.sku = ?",
            (sku,),
        )
    ]


def _issued_value(db):
    (v,) = db.conn.execute("SELECT -sum(value) FROM movements WHERE type = 'issue'").fetchone()
    return D(v) / 100


def test_a_case_of_three_at_100_never_makes_or_loses_a_cent(shop, tmp_path):
    f = _csv(tmp_path / "o.csv", "编码,数量,单位,单价\nDR-1,1,提,100.00\n")
    assert imports.import_opening(shop, f, date=DAY).posted == 1
    assert _item(shop, "DR-1") == (D(3), D("100.00"))
    for k in range(3):
        postings.issue(shop, sku="DR-1", qty=1, date=DAY + dt.timedelta(days=k + 1))
    assert not _has(shop, "DR-1")  # nothing left, not a cent either
    assert _issued_value(shop) == D("100.00")
    assert check.check(shop).ok


def _has(db, sku):
    return any(r.sku == sku for r in reports.stock_by_item(db))


@pytest.mark.parametrize("importer", ["journal", "opening"])
def test_an_unknown_pack_is_refused_at_its_row_column_and_value(shop, tmp_path, importer):
    if importer == "journal":
        text = (
            "日期,类型,编码,数量,单位,单价\n"
            "2026-11-02,入库,DR-1,2,箱,60\n2026-11-02,入库,DR-1,1,盒,9\n"
        )
        run = lambda f: imports.import_journal(shop, f)  # noqa: E731
    else:
        text = "编码,数量,单位,单价\nDR-1,2,箱,60\nDR-1,1,盒,9\n"
        run = lambda f: imports.import_opening(shop, f, date=DAY)  # noqa: E731
    f = _csv(tmp_path / "bad.csv", text)
    with pytest.raises(ImportErrors) as e:
        run(f)
    (err,) = e.value.errors
    assert (err.row, err.column, err.value, err.code) == (3, "单位", "盒", "units.unknown_pack")
    assert err.params == {"sku": "DR-1", "pack": "盒"}
    assert shop.conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 0


def test_a_pack_quantity_finer_than_a_thousandth_of_a_unit_is_refused(shop, tmp_path):
    buying.add_pack(shop, "SN-1", "包", factor="0.333")
    f = _csv(tmp_path / "o.csv", "编码,数量,包装,单价\nSN-1,0.001,包,1\n")
    with pytest.raises(ImportErrors) as e:
        imports.import_opening(shop, f, date=DAY)
    (err,) = e.value.errors
    assert (err.row, err.column, err.code) == (2, "数量", "units.qty_not_exact")
