"""ui.ops, the one path for writes: what changed is announced, a refusal is shown (in place or
as a message) and a bug with its traceback; long writes run on a connection of their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from inventory_app.domain.errors import Cancelled, InsufficientStock
from inventory_app.domain.model import Changes, ItemFields
from inventory_app.services import catalog, reports
from inventory_app.services import postings as stock
from inventory_app.services import stocktake as st
from inventory_app.ui import ops
from inventory_app.ui.errors import BugDialog

from .helpers import when_modal


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def announced(ctx):
    seen: list[tuple[Changes, object]] = []
    ctx.data_changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    return seen


def test_a_write_announces_what_it_changed_as_made_by_its_initiator(ctx, owner, announced):
    fields = ItemFields(sku="N1", name="Nails 钉子")
    changes = ops.write(owner, ctx, lambda db: catalog.add_item(db, fields))
    assert isinstance(changes, Changes) and changes.catalog
    assert announced == [(changes, owner)]
    # a result that carries its Changes (a count) is announced by them, and returned whole
    sid = next(iter(st.start(ctx.db, scope="all").stocktakes))
    done = ops.write(owner, ctx, lambda db: st.count(db, sid, code="A1", qty="2"), initiator="x")
    assert announced[-1] == (done.changes, "x") and done.total == Decimal(2)


def test_a_refusal_is_shown_and_writes_nothing(ctx, owner, announced, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, title, text, *a: shown.append((title, text))),
    )
    before = reports.stock_value(ctx.db)

    assert ops.write(owner, ctx, lambda db: stock.issue(db, sku="A1", qty=Decimal(1000))) is None
    assert shown and shown[0][0] == "Cannot do that" and "A1" in shown[0][1]
    in_place: list[Exception] = []
    assert ops.write(owner, ctx, lambda db: stock.issue(db, sku="A1", qty=Decimal(9)),
                     refused=in_place.append) is None  # fmt: skip
    assert len(shown) == 1 and isinstance(in_place[0], InsufficientStock)
    assert in_place[0].sku == "A1" and in_place[0].needed == Decimal(9)
    assert announced == [] and reports.stock_value(ctx.db) == before


def test_a_bug_shows_its_traceback(qtbot, ctx, owner, announced):
    seen = when_modal(lambda dialog: dialog.reject(), kind=BugDialog)
    assert ops.write(owner, ctx, lambda db: {}["no such key"]) is None
    assert seen and "KeyError: 'no such key'" in seen[0].details
    assert announced == []


def test_a_long_write_runs_on_a_connection_of_its_own(ctx, owner, announced):
    used = []

    def receive(db, progress, cancel):
        used.append((db.conn is ctx.db.conn, db.writable))
        progress(1, 1)
        return stock.receive(db, sku="M1", qty=Decimal(3), unit_cost=Decimal(2), batch="L9")

    changes = ops.write_long(owner, ctx, "Receiving…", receive)
    assert used == [(False, True)] and changes.movements
    assert announced == [(changes, owner)]
    assert reports.stock_value(ctx.db) == Decimal(6)  # the UI's connection sees it at once


def test_a_cancelled_long_write_says_so_and_announces_nothing(ctx, owner, announced):
    said = []

    def stopped(db, progress, cancel):
        raise Cancelled()

    assert ops.write_long(owner, ctx, "…", stopped, cancelled=lambda: said.append(1)) is None
    assert said == [1] and announced == []
