"""Item search and the paged browse queries behind the UI tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from inventory_app.domain.model import ItemFields
from inventory_app.services import browse, catalog, check, search
from inventory_app.services import postings as stock
from inventory_app.services.browse import movements as browse_movements


def _skus(hits) -> list[str]:
    return [h.sku for h in hits]


def test_search_finds_by_chinese_name_code_and_barcode(stocked):
    catalog.add_item(stocked, ItemFields(sku="M2", name="酸奶 100g", barcode="6901234567809"))
    assert _skus(search.search_items(stocked, "牛奶")) == ["M1"]  # 2 characters: LIKE
    assert _skus(search.search_items(stocked, "纯牛奶")) == ["M1"]  # 3+: the trigram index
    assert _skus(search.search_items(stocked, "奶")) == ["M1", "M2"]  # by name (code point order)
    assert _skus(search.search_items(stocked, "a1")) == ["A1"]  # code, any case
    hit = search.search_items(stocked, "6901234567892")
    assert _skus(hit) == ["M1"] and hit[0].exact
    assert _skus(search.search_items(stocked, "4567892")) == ["M1"]  # part of a barcode
    assert _skus(search.search_items(stocked, "Hammer 锤子")) == ["A1"]  # every word
    assert search.search_items(stocked, "hammer 牛奶") == []


def test_exact_code_comes_before_name_matches(db):
    catalog.add_item(db, ItemFields(sku="MILK", name="Milk crate"))
    catalog.add_item(db, ItemFields(sku="B7", name="A milk bottle", barcode="MILKY"))
    catalog.add_item(db, ItemFields(sku="Z9", name="Milk"))
    hits = search.search_items(db, "milk")
    assert hits[0].sku == "MILK" and hits[0].exact
    assert [h.sku for h in hits[1:]] == ["B7", "Z9"]  # then by name
    assert search.find_exact(db, "MILKY").sku == "B7"


def test_like_wildcards_are_literal(db):
    catalog.add_item(db, ItemFields(sku="P1", name="100% cotton"))
    catalog.add_item(db, ItemFields(sku="P2", name="1000 cotton"))
    assert _skus(search.search_items(db, "0%")) == ["P1"]
    assert _skus(search.search_items(db, '"1')) == []  # quotes do not break FTS syntax
    assert _skus(search.search_items(db, "0% cot")) == ["P1"]


def test_archived_items_only_when_asked(stocked):
    catalog.set_active(stocked, "A1", False)
    assert search.search_items(stocked, "Hammer") == []
    assert _skus(search.search_items(stocked, "Hammer", include_archived=True)) == ["A1"]


def test_item_pages_follow_each_other_without_gaps(db):
    catalog.add_items(
        db, [ItemFields(sku=f"K{n:03d}", name=f"Item {n % 7}", category="c") for n in range(40)]
    )
    for sort in ("sku", "name", "value"):
        for descending in (False, True):
            seen: list[str] = []
            cursor = None
            while True:
                page = browse.item_page(db, sort=sort, descending=descending, after=cursor, limit=6)
                seen += [r.sku for r in page.rows]
                if page.cursor is None:
                    break
                cursor = page.cursor
            assert sorted(seen) == [f"K{n:03d}" for n in range(40)], (sort, descending)
            keys = [browse.item_row(db, i).name for i in range(1, 41)]
            assert len(keys) == 40
    names = [r.name for r in browse.item_page(db, sort="name", limit=40).rows]
    assert names == sorted(names)


def test_movement_pages_and_stock_card_balance(stocked):
    day = dt.date(2026, 1, 5)
    for n in range(6):
        stock.receive(
            stocked,
            sku="A1",
            qty=Decimal(10),
            unit_cost=Decimal(n + 1),
            date=day + dt.timedelta(days=n),
        )
    stock.issue(stocked, sku="A1", qty=Decimal(15), date=day + dt.timedelta(days=6))
    page = browse_movements.movement_page(stocked, limit=4)
    assert [r.type for r in page.rows][:1] == ["issue"]  # newest first
    rest = browse_movements.movement_page(stocked, after=page.cursor, limit=4)
    assert len(page.rows) + len(rest.rows) == 7 and rest.cursor is None
    issue = page.rows[0]
    draws = browse_movements.allocations_of(stocked, issue.id)
    assert [(d.qty, d.value) for d in draws] == [
        (Decimal("10.000"), Decimal("10.00")),
        (Decimal("5.000"), Decimal("10.00")),
    ]
    item_id = issue.item_id
    expected = [Decimal(n) for n in (10, 20, 30, 40, 50, 60, 45)]
    for descending in (False, True):
        first = browse_movements.stock_card_page(stocked, item_id, descending=descending, limit=4)
        second = browse_movements.stock_card_page(
            stocked, item_id, descending=descending, after=first.cursor, limit=4
        )
        balances = [r.balance_qty for r in first.rows + second.rows]
        assert balances == (expected[::-1] if descending else expected), descending
    newest = browse_movements.stock_card_page(stocked, item_id, limit=1).rows[0]
    assert newest.type == "issue" and newest.balance_value == Decimal("210.00") - Decimal("20.00")
    only_issues = browse_movements.movement_page(
        stocked, browse_movements.MovementFilter(type="issue", item="hammer")
    )
    assert [r.id for r in only_issues.rows] == [issue.id]


def test_batch_page_flags_expired_and_expiring(stocked):
    today = dt.date(2026, 3, 1)
    for code, expiry in (("OLD", "2026-02-20"), ("SOON", "2026-03-05"), ("LATER", "2026-06-01")):
        stock.receive(
            stocked,
            sku="M1",
            qty=Decimal(1),
            unit_cost=Decimal(1),
            batch=code,
            expiry=dt.date.fromisoformat(expiry),
            date=dt.date(2026, 2, 1),
        )
    f = browse.BatchFilter(today=today, warning_days=7)
    rows = browse.batch_page(stocked, f).rows
    assert [(r.batch, r.status) for r in rows] == [
        ("OLD", "expired"),
        ("SOON", "expiring"),
        ("LATER", ""),
    ]
    only = browse.BatchFilter(today=today, warning_days=7, expired=True, expiring=True)
    assert [r.batch for r in browse.batch_page(stocked, only).rows] == ["OLD", "SOON"]
    by_text = browse.BatchFilter(today=today, text="牛奶")
    assert len(browse.batch_page(stocked, by_text).rows) == 3


def test_odd_input_never_breaks_the_query(stocked):
    for text in [
        '"',
        '"""',
        "AND",
        "OR NOT",
        "***",
        "(((",
        "NEAR(a b)",
        "col:abc",
        "^ham",
        "_",
        "\\",
    ]:
        assert search.search_items(stocked, text) == [], text
        assert browse.count_items(stocked, browse.ItemFilter(text=text)) == 0, text


# -- pinyin -----------------------------------------------------------------------------------


def _pinyin_shop(db):
    catalog.add_items(
        db,
        [
            ItemFields(sku="Y1", name="伊利 老酸奶 原味 200ml"),
            ItemFields(sku="Y2", name="纯牛奶 250ml"),
            ItemFields(sku="C1", name="长尾夹 41mm", category="文具"),
            ItemFields(sku="B1", name="银行卡套"),
            ItemFields(sku="K1", name="Coca-Cola 可口可乐 330ml", barcode="6900000000017"),
            ItemFields(sku="Q1", name="Q鹅"),  # keys: just "qe"
            ItemFields(sku="E1", name="Lemon soda"),
        ],
    )


def test_pinyin_full_initials_and_spaced_find_a_chinese_name(db):
    _pinyin_shop(db)
    for typed in ["lsn", "LSN", "laosuan", "laosuannai", "lao suan nai", "suannai", "yili lsn"]:
        assert _skus(search.search_items(db, typed)) == ["Y1"], typed
    assert _skus(search.search_items(db, "sn")) == ["Y1"]  # two letters: inside the initials
    assert _skus(search.search_items(db, "niunai")) == ["Y2"]
    assert _skus(search.search_items(db, "nai")) == ["Y1", "Y2"]  # by name: 伊利 before 纯
    assert _skus(search.search_items(db, "cnn")) == ["Y2"]


def test_polyphones_are_found_the_way_a_clerk_reads_them(db):
    _pinyin_shop(db)
    for typed in ["changweijia", "zhangweijia", "cwj", "zwj", "chang wei"]:
        assert _skus(search.search_items(db, typed)) == ["C1"], typed
    assert _skus(search.search_items(db, "yinhang")) == ["B1"]
    assert search.search_items(db, "yinxing") == []  # 行 in 银行 is háng only


def test_mixed_names_match_by_english_chinese_pinyin_and_initials(db):
    _pinyin_shop(db)
    for typed in ["coca", "Cola", "可口", "可口可乐", "kekou", "kele", "kkkl", "cola kele", "330"]:
        assert _skus(search.search_items(db, typed)) == ["K1"], typed
    assert _skus(search.search_items(db, "qe")) == ["Q1"]  # the whole key is two letters
    assert _skus(search.search_items(db, "lemon")) == ["E1"]  # no keys: its words as typed


def test_a_new_name_gets_new_keys(db):
    _pinyin_shop(db)
    catalog.update_item(db, "Y1", ItemFields(sku="Y1", name="蒙牛 酸酸乳"))
    assert search.search_items(db, "lsn") == []
    assert _skus(search.search_items(db, "mnssr")) == ["Y1"]
    catalog.update_items(db, [ItemFields(sku="Y1", name="老酸奶"), ItemFields(sku="Y2", name="X")])
    assert _skus(search.search_items(db, "lsn")) == ["Y1"]
    assert search.search_items(db, "cnn") == []
    assert check.check(db).ok


def test_the_items_page_filters_by_pinyin(db):
    _pinyin_shop(db)
    f = browse.ItemFilter(text="kekou")
    assert [r.sku for r in browse.item_page(db, f).rows] == ["K1"]
    assert browse.count_items(db, browse.ItemFilter(text="cwj")) == 1
    assert browse.count_items(db, browse.ItemFilter(text="zh")) == 1  # 长 zhang
    assert browse.count_items(db, browse.ItemFilter(text="cw", category="文具")) == 1


def test_short_words_find_what_a_plain_substring_test_finds(db):
    # One or two characters take other paths (a walk of the name index, trigrams of the
    # keys, a scan): each must find exactly the items a substring test finds, in name order.
    _pinyin_shop(db)
    catalog.add_items(db, [ItemFields(sku=f"Z{n}", name=f"老{n}号 {n}b") for n in range(8)])
    rows = db.conn.execute("SELECT sku, name, coalesce(barcode, ''), pinyin, id FROM items")
    items = sorted(rows.fetchall(), key=lambda r: (r[1], r[4]))
    texts = {t.lower() for r in items for t in r[:4]}
    words = {t[k : k + n] for t in texts for n in (1, 2) for k in range(len(t) - n + 1)} - {" "}
    for word in sorted(w for w in words if not w.startswith(" ") and not w.endswith(" ")):
        expected = [r[0] for r in items if any(word in t.lower() for t in r[:4])]
        assert _skus(search.search_items(db, word, limit=100)) == expected, word
