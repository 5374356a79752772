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
