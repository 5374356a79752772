"""Shop settings: saved together or not at all, refusals named by code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain.errors import ValidationError
from inventory_app.services import settings


def test_update_saves_every_value_and_says_settings_changed(db):
    changes = settings.update(db, {"shop_name": "  Corner shop ", "currency": "$"})
    assert changes.settings
    assert settings.get(db, "shop_name") == "Corner shop"
    assert settings.get(db, "currency") == "$"


def test_one_refused_value_saves_none(db):
    with pytest.raises(ValidationError) as caught:
        settings.update(db, {"currency": "$", "shop_name": "   "})
    assert caught.value.code == "settings.empty_shop_name"
    assert "shop name is empty" in str(caught.value)
    assert settings.get(db, "currency") == "¥"


def test_the_lock_date_is_not_a_setting(db):
    with pytest.raises(ValidationError) as caught:
        settings.set_value(db, "lock_date", "2026-01-31")
    assert caught.value.code == "settings.lock_date_via_close"


def test_a_setting_that_is_not_a_number_reads_as_its_default(db):
    settings.update(db, {"dead_stock_days": "ninety", "abc_a": "most"})
    assert settings.get(db, "dead_stock_days") == "ninety"  # kept as typed
    assert settings.get_int(db, "dead_stock_days") == 90
    assert settings.get_decimal(db, "abc_a") == Decimal("0.80")
    assert settings.all_settings(db)["dead_stock_days"] == "ninety"


def test_current_assets_are_money_exact_and_not_negative(db):
    settings.set_value(db, "current_assets", " 1,234,567.8 ")
    assert settings.get(db, "current_assets") == "1234567.80"
    assert settings.get_decimal(db, "current_assets") == Decimal("1234567.80")
    for bad, code in (("12.345", "number.too_many_decimals"), ("-1", "number.negative"),
                      ("lots", "number.not_a_number"), ("", "number.empty")):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            settings.set_value(db, "current_assets", bad)
        assert caught.value.code == code
    assert settings.get(db, "current_assets") == "1234567.80"


def test_the_language_choice_is_kept_per_person_and_a_damaged_file_reads_as_auto():
    from inventory_app.services import preferences

    assert preferences.language_choice() == "auto"
    assert preferences.effective_language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert preferences.set_language_choice(" ZH_cn ") == "zh"
    assert preferences.language_choice() == "zh"
    assert preferences.effective_language({"LANG": "C"}) == "zh"
    assert preferences.set_language_choice("English") == "en"
    assert preferences.effective_language({"LANG": "zh_CN.UTF-8"}) == "en"
    with pytest.raises(ValidationError) as caught:
        preferences.set_language_choice("klingon")
    assert caught.value.code == "preferences.bad_language"
    assert preferences.language_choice() == "en"
    preferences.preferences_path().write_text("{not json", encoding="utf-8")
    assert preferences.language_choice() == "auto"


def test_preferences_that_cannot_be_written_are_refused_by_code(tmp_path, monkeypatch):
    from inventory_app.services import preferences

    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("INVENTORY_APP_CONFIG_DIR", str(blocker / "sub"))
    with pytest.raises(ValidationError) as caught:
        preferences.set_language_choice("zh")
    assert caught.value.code == "preferences.not_saved"
