"""Fixtures shared by the service tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A small demo shop (30 items, 150 days, seed 5), built once per module and only read."""
    from inventory_app.services import demo, shop

    db = shop.create_shop(tmp_path_factory.mktemp("demo") / "demo.db")
    demo.build_demo(db, skus=30, days=150, seed=5)
    yield db
    db.close()
