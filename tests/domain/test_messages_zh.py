"""Every expected problem reads in Chinese: the zh table has every English code with the same
placeholders, renders with real-looking facts, speaks no English beyond the shop's own tokens,
and nested parts (a shortage's batch, a row's column, a stocktake line's ledger cause) follow."""

from __future__ import annotations

import datetime as dt
import re
import string
from decimal import Decimal

import pytest

from inventory_app.domain import messages, messages_en, messages_zh
from inventory_app.domain.errors import (
    ImportErrors,
    InsufficientStock,
    RefusedOperation,
    RowError,
    ValidationError,
)

EN, ZH = messages_en.TEMPLATES, messages_zh.TEMPLATES


@pytest.fixture
def zh():
    messages.set_language("zh")
    yield
    messages.set_language("en")


def placeholders(template: str | tuple[str, str]) -> set[str]:
    forms = template if isinstance(template, tuple) else (template,)
    return {f for text in forms for _, f, _, _ in string.Formatter().parse(text) if f is not None}


# Facts as the raising code passes them: Decimal quantities, dates, ints for ids and rows.
SAMPLE: dict[str, object] = {
    "sku": "DA-0014",
    "needed": Decimal("12.000"),
    "available": Decimal("10.000"),
    "expired": Decimal("0"),
    "batch": "",
    "location": "",
    "qty": Decimal("3.500"),
    "used": Decimal("2"),
    "date": dt.date(2026, 1, 31),
    "lock_date": dt.date(2026, 1, 31),
    "closed_to": dt.date(2026, 1, 31),
    "expiry": dt.date(2026, 1, 15),
    "start": dt.date(2026, 2, 1),
    "end": dt.date(2026, 1, 1),
    "count": 3,
    "lines": 12,
    "row": 7,
    "first_row": 4,
    "line_id": 31,
    "movement_id": 118,
    "reversed_by": 120,
    "stocktake_id": 5,
    "sheet_stocktake_id": 4,
    "max": 64,
    "max_rows": 1_000_000,
    "limit": 5_000_000,
    "last_row": 1_048_576,
    "places": 3,
    "version": 9,
    "latest": 8,
    "pid": 4242,
    "used_rows": 5,
    "width": 4,
    "a": Decimal("0.80"),
    "b": Decimal("0.95"),
    "level": Decimal("1.2"),
    "kind": "issue",
    "state": "approved",
    "what": "quantity",
    "problem": ValidationError("ledger.qty_zero"),
    "value": "abc",
    "file": "库存.xlsx",
    "name": "shop.db",
    "path": "/home/店/shop.db",
}


def sample(code: str) -> dict[str, object]:
    names = placeholders(EN[code])
    if code in messages.PARTS:  # the facts its parts are made from
        names |= {"sku", "batch", "location", "expired"}
        names |= {n for c in EN if c.startswith(f"{code}.") for n in placeholders(EN[c])}
    return {name: SAMPLE.get(name, f"<{name}>") for name in names}


def test_every_english_code_has_a_chinese_sentence_with_the_same_placeholders():
    assert sorted(set(EN) - set(ZH)) == []
    assert sorted(set(ZH) - set(EN)) == []
    differing = {
        code: (placeholders(EN[code]), placeholders(ZH[code]))
        for code in EN
        if placeholders(EN[code]) != placeholders(ZH[code])
    }
    assert differing == {}


def test_every_chinese_sentence_renders_with_its_facts():
    for code in EN:
        text = messages.render(code, sample(code), ZH)
        assert text and text != code, code
        assert "{" not in text and "}" not in text, (code, text)
        if re.search(r"\w", re.sub(r"\{[^}]*\}", "", ZH[code])):  # words, not just "{x}："
            assert re.search(r"[\u4e00-\u9fff]", text), (code, text)  # not English left in place


# Tokens a Chinese shop reads as they are (formats, programs, keys, abbreviations).
ALLOWED = {
    "SKU", "FIFO", "FEFO", "PIN", "GMROI", "ABC", "Excel", "WPS", "CSV", "xlsx", "xls", "ods",
    "csv", "UTF", "GB18030", "Big5", "GB", "SQLite", "XML", "Ctrl", "End", "inventory_app",
    "OpenDocument", "LibreOffice", "python", "calamine", "PDF",
}  # fmt: skip
# Words the user types literally in that message's context (options, scope syntax, commands).
LITERAL = {
    "scope.unknown": {"all", "location", "category", "abc", "due"},
    "scope.needs_location": {"location", "Main"},
    "catalog.removal_invalid": {"fifo", "fefo"},
    "reports.summary_by": {"item", "category"},
    "stocktake.uncounted_option_needed": {"uncounted", "unchanged", "zero"},
    "stocktake.not_a_count_sheet": {"stocktake", "sheet"},
    "cli.no_shop": {"inventory", "app", "init"},
    "analytics.unknown_average": {"simple", "daily"},
    "preferences.bad_language": {"zh", "en", "auto"},
    "cli.ind.set_current_assets": {"settings", "set", "current_assets"},
    "demand.nothing_to_set": {"item", "set", "price", "no", "reorder"},
    # users (#14): the CLI's options and environment variables, the role words typed
    "users.sign_in_needed": {"user", "INVENTORY_PIN"},
    "users.pin_needed": {"INVENTORY_PIN"},
    "users.first_must_be_owner": {"role", "owner"},
    "users.no_users": {"user", "add", "role", "owner"},
    "users.unknown_role": {"owner", "clerk", "accountant"},
    "backup.overwrites_shop": {"wal", "shm", "lock"},
    "backup.would_overwrite": {"force"},
}


def english_words(table) -> dict[str, list[str]]:
    """Per code, the ASCII words of its sentences (placeholders aside) that are not allowed."""
    found = {}
    for code, template in table.items():
        forms = template if isinstance(template, tuple) else (template,)
        text = " ".join(lit for form in forms for lit, *_ in string.Formatter().parse(form))
        ok = ALLOWED | LITERAL.get(code, set())
        bad = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text) if len(w) > 1 and w not in ok]
        if bad:
            found[code] = bad
    return found


def test_no_chinese_sentence_has_english_words_in_it():
    assert english_words(ZH) == {}


def test_the_english_word_check_sees_a_sentence_left_untranslated():
    planted = {**ZH, "db.busy": "{name} is busy: another program is writing to it."}
    assert english_words(planted) == {"db.busy": ["is", "busy", "another", "program", "is",
                                                  "writing", "to", "it"]}  # fmt: skip
    assert english_words({"x": "{file}：请另存为 .xlsx 或 UTF-8（Excel、WPS）"}) == {}


def test_chinese_sentences_use_full_width_punctuation():
    half = re.compile(r"[\u4e00-\u9fff][,;:!?.()]|[,;!?()]\s*[\u4e00-\u9fff]")
    wrong = {
        code: text
        for code, template in ZH.items()
        for text in (template if isinstance(template, tuple) else (template,))
        if half.search(text) and code != "scope.unknown"  # its syntax has a typed comma
    }
    assert wrong == {}
    assert half.search("库存不足: 需要 12")  # the check sees a half-width colon


def test_a_shortage_reads_as_the_shop_says_it(zh):
    err = InsufficientStock(
        "ledger.shortage", sku="DA-0014", needed=Decimal("12.000"),
        available=Decimal("10.000"), location="", batch="", expired=Decimal(0),
    )  # fmt: skip
    assert str(err) == "库存不足：DA-0014 需要 12，现有 10"
    err = InsufficientStock(
        "ledger.shortage", sku="M1", needed=Decimal(5), available=Decimal("4.500"),
        location="Main", batch="L1", expired=Decimal(3),
    )  # fmt: skip
    text = str(err)
    assert text.startswith("库存不足：库位 Main 的 M1 批次 L1 需要 5，现有 4.5")
    assert "另有 3 在已过期批次中" in text


def test_parameter_words_from_a_fixed_set_are_shown_in_chinese(zh):
    assert str(ValidationError("ledger.qty_not_positive", kind="issue")) == "出库数量必须大于零"
    err = RefusedOperation("stocktake.read_only", stocktake_id=5, state="approved")
    assert str(err).startswith("盘点单 #5 已审核，")
    err = ValidationError("number.not_a_number", what="unit cost", value="abc")
    assert str(err) == "单位成本：“abc”不是数字"
    # a value outside the set (a SKU that happens to be an English word) is shown as it is
    short = InsufficientStock(
        "ledger.shortage", sku="count", needed=Decimal(2), available=Decimal(1),
        location="", batch="", expired=Decimal(0),
    )  # fmt: skip
    assert str(short) == "库存不足：count 需要 2，现有 1"


def test_an_import_summary_lists_rows_and_columns_in_chinese(zh):
    errors = [
        RowError(3, "数量", "-1", "import.qty_negative", {"qty": Decimal(-1)}),
        RowError(5, "date", "2026-13-01", "tabular.not_real_date"),
        RowError(9, "", "", "tabular.no_data_rows"),
    ]
    lines = str(ImportErrors(errors, source="流水.xlsx")).splitlines()
    assert lines[0] == "流水.xlsx：发现 3 个问题，未导入任何数据。"
    assert lines[1] == "  第 3 行“数量”列：必须大于零（只有库存调整行可以为负数）；当前值为“-1”"
    assert lines[2] == "  第 5 行“date”列：不是真实存在的日期；当前值为“2026-13-01”"
    assert lines[3] == "  第 9 行：没有数据行"


def test_a_long_import_summary_says_how_many_more(zh):
    errors = [RowError(n, "sku", "X", "import.unknown_sku", {"sku": "X"}) for n in range(2, 62)]
    lines = str(ImportErrors(errors)).splitlines()
    assert lines[0] == "发现 60 个问题，未导入任何数据。"
    assert lines[-1] == "  ……另有 10 个问题"


def test_a_stocktake_difference_names_its_ledger_cause_in_chinese(zh):
    cause = RefusedOperation(
        "ledger.period_closed", date=dt.date(2026, 1, 31), lock_date=dt.date(2026, 1, 31)
    )
    err = RefusedOperation(
        "stocktake.batch_difference_not_postable",
        sku="M1", batch="L1", location="Main", problem=cause,
    )  # fmt: skip
    assert str(err) == (
        "M1 批次 L1（Main）的盘点差异无法过账：2026-01-31 在已结账期间内（已结账至 2026-01-31）；"
        "请在未结账期间过账更正。请复盘该行（盘点之后库存可能已有变动）。"
    )


def test_english_stays_the_default_and_a_missing_code_falls_back_to_it(zh):
    assert messages.language() == "zh"
    assert messages.render("settings.empty_shop_name", {}, EN) == "The shop name is empty."
    partial = {"ledger.shortage": ZH["ledger.shortage"]}  # a table without the parts
    text = messages.render(
        "ledger.shortage",
        {"sku": "A1", "needed": 2, "available": 1, "location": "Main", "batch": "", "expired": 0},
        partial,
    )
    assert text == "库存不足： at MainA1 需要 2，现有 1"  # the part came from English
    messages.set_language("en")
    assert str(ValidationError("settings.empty_shop_name")) == "The shop name is empty."
    with pytest.raises(ValueError):
        messages.set_language("fr")
    assert messages.language() == "en"
