"""Errors carry a code and parameters; their text is built in one place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from inventory_app.domain import messages
from inventory_app.domain.errors import ImportErrors, InsufficientStock, RowError, ValidationError


def test_parameters_are_shown_as_a_person_reads_them():
    table = {"t": "{q} on {d}, {s}"}
    text = messages.render(
        "t", {"q": Decimal("12.000"), "d": dt.date(2026, 12, 2), "s": "A1"}, table
    )
    assert text == "12 on 2026-12-02, A1"
    assert messages.render("t", {"q": Decimal("2.50"), "d": "", "s": 1}, table) == "2.5 on , 1"
    assert messages.render("t", {"q": Decimal("1E+1"), "d": "", "s": ""}, table) == "10 on , "


def test_counted_templates_pick_one_or_many():
    table = {"n": ("{count} row", "{count} rows")}
    assert messages.render("n", {"count": 1}, table) == "1 row"
    assert messages.render("n", {"count": 3}, table) == "3 rows"


def test_an_error_keeps_code_and_parameters_and_reads_as_text():
    err = ValidationError("settings.empty_shop_name")
    assert err.code == "settings.empty_shop_name"
    assert str(err) == err.message == "The shop name is empty."
    short = InsufficientStock("x.short", sku="A1", needed=Decimal(3), available=Decimal(1))
    assert (short.sku, short.needed, short.available) == ("A1", Decimal(3), Decimal(1))


def test_import_errors_list_rows_with_their_problem():
    errors = [RowError(2, "qty", "-1", "x.unknown_code")] * 2
    text = str(ImportErrors(errors, source="a.csv"))
    assert text.startswith("a.csv: 2 problems found; nothing was imported.")
    assert "row 2, column 'qty': x.unknown_code (value: '-1')" in text


def test_a_sentence_with_optional_parts_takes_them_from_the_same_table():
    zh = {
        "ledger.shortage": "{what}{where}库存不足：需要 {needed}，可用 {available}{expired_note}",
        "ledger.shortage.batch": "{sku} 的批次 {batch}",
        "ledger.shortage.at": "（{location}）",
        "ledger.shortage.expired": "；另有 {expired} 已过期",
    }
    params = {"sku": "A1", "needed": Decimal(5), "available": Decimal("4.500"), "location": "",
              "batch": "", "expired": Decimal(0)}  # fmt: skip
    assert messages.render("ledger.shortage", params, zh) == "A1库存不足：需要 5，可用 4.5"
    params |= {"batch": "L1", "location": "Main", "expired": Decimal(3)}
    assert messages.render("ledger.shortage", params, zh) == (
        "A1 的批次 L1（Main）库存不足：需要 5，可用 4.5；另有 3 已过期"
    )
    assert str(InsufficientStock("ledger.shortage", **params)) == (
        "not enough stock of batch 'L1' of A1 at Main: need 5, available 4.5 (another 3 is in"
        " expired batches, issued only when named with a reason)"
    )


def test_an_error_given_as_the_cause_of_another_is_rendered_from_its_own_code():
    table = {"outer": "cannot post {sku}: {problem}", "inner": "closed up to {date}"}
    inner = ValidationError("inner", date=dt.date(2026, 1, 31))
    assert messages.render("outer", {"sku": "A1", "problem": inner}, table) == (
        "cannot post A1: closed up to 2026-01-31"
    )


def test_a_movement_kind_takes_the_right_article_in_english_and_none_in_chinese():
    from inventory_app.domain import messages_zh

    issue = {"kind": "issue"}
    assert messages.render("ledger.qty_not_positive", issue) == (
        "quantity must be positive for an issue"
    )
    assert messages.render("ledger.qty_not_positive", {"kind": "receipt"}) == (
        "quantity must be positive for a receipt"
    )
    assert messages.render("ledger.qty_not_positive", {"kind": "adjust"}) == (
        "quantity must be positive for an adjustment"
    )
    assert messages.render("ledger.qty_not_positive", issue, messages_zh.TEMPLATES) == (
        "出库数量必须大于零"
    )


def test_scope_labels_read_as_words_in_either_language():
    from inventory_app.domain import messages_zh
    from inventory_app.domain.stocktake import scope_label

    assert scope_label("category:乳制品,Dairy") == "Category: 乳制品, Dairy"
    assert scope_label("all") == "All items"
    assert scope_label("location:Main") == "Location: Main"
    assert scope_label("abc:A,B") == "ABC class A, B"
    assert scope_label("due:a") == "Due for counting, class A"
    assert scope_label("nonsense:x") == "nonsense:x"
    messages.set_language("zh")
    try:
        assert scope_label("category:乳制品,冷冻") == "类别：乳制品、冷冻"
        assert scope_label("due") == "到期待盘商品"
        assert scope_label("all") == "全部商品"
    finally:
        messages.set_language("en")
    assert messages_zh.TEMPLATES["scope.label.location"] == "库位：{values}"


def test_a_column_given_twice_is_worded_whole_in_chinese():
    from inventory_app.domain import messages_zh

    params = {
        "key": "qty",
        "where": "'Qty' (column C) and 'qty' (column F)",  # the English, as ever
        "headers": ("Qty", "数量"),
        "letters": ("C", "F"),
    }
    assert messages.render("tabular.column_twice", params) == (
        "column 'qty' is given twice: 'Qty' (column C) and '数量' (column F)"
    )
    zh = messages.render("tabular.column_twice", params, messages_zh.TEMPLATES)
    assert zh == "“数量”列出现了两次：“Qty”（C 列）和“数量”（F 列）"
    missing = {"key": "sku", "names": "sku, 商品编码", "found": "none"}
    assert messages.render("tabular.missing_column", missing, messages_zh.TEMPLATES) == (
        "缺少必填列“商品编码”（表头可写作 sku, 商品编码）；现有表头：（无）"
    )
