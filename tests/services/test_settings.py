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
