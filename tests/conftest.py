"""Shared fixtures: real SQLite files in tmp_path; Qt runs offscreen."""

from __future__ import annotations

import datetime as dt
import os

# Set before anything imports Qt; an empty value (some CI shells export one) is overridden too.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("MPLBACKEND", "Agg")
# English is the test oracle: a developer's Chinese locale must not turn the CLI's messages
# Chinese inside the tests (tests that want Chinese set it themselves).
os.environ.pop("LANGUAGE", None)
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ["LANG"] = "C.UTF-8"

import pytest

from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services import catalog, shop

DAY0 = dt.date(2026, 1, 5)


@pytest.fixture(autouse=True)
def private_preferences(tmp_path, monkeypatch):
    """The person's preferences (the language choice) in tmp_path, never the developer's:
    a language set on this machine must not change what the tests see; subprocesses inherit."""
    monkeypatch.setenv("INVENTORY_APP_CONFIG_DIR", str(tmp_path / "preferences"))


@pytest.fixture
def db(tmp_path):
    """A fresh, empty shop file."""
    handle = shop.create_shop(tmp_path / "shop.db", name="Test shop")
    yield handle
    handle.close()


@pytest.fixture
def stocked(db):
    """A shop with a FIFO item (A1, hardware) and a FEFO item (M1, milk, 10-day shelf life)."""
    catalog.add_item(db, ItemFields(sku="A1", name="Hammer 锤子", category="Hardware"))
    catalog.add_item(
        db,
        ItemFields(
            sku="M1",
            name="纯牛奶 250ml",
            category="乳制品",
            removal=Removal.FEFO,
            shelf_life_days=10,
            barcode="6901234567892",
        ),
    )
    return db
