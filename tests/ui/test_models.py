"""Every table model passes Qt's model tester; pages load on demand, sorting is in SQL."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog
from inventory_app.services import postings as stock
from inventory_app.services.browse.items import PAGE_SIZE, ItemFilter
from inventory_app.ui.models.items import ItemsModel
from inventory_app.ui.models.movements import AllocationsModel, MovementsModel, StockCardModel
from inventory_app.ui.models.paged import ROW_ROLE
from inventory_app.ui.models.stock import StockModel


def _item_id(db, sku: str) -> int:
    return catalog.get_item(db, sku).id


def test_items_model(qtmodeltester, ctx, posted):
    model = ItemsModel(ctx)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    hammer = model.index(0, 0).data(ROW_ROLE)
    assert (hammer.sku, hammer.on_hand, hammer.value) == ("A1", Decimal("3.000"), Decimal("9.00"))
    value_col = next(i for i, c in enumerate(model.columns) if c.key == "value")
    assert model.index(0, value_col).data() == "9.00"
    align = model.index(0, value_col).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
    model.sort(value_col, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(2)] == ["M1", "A1"]  # 54.00 before 9.00


def test_items_model_fetches_pages_on_demand(qtmodeltester, ctx):
    catalog.add_items(
        ctx.db, [ItemFields(sku=f"P{n:04d}", name=f"零件 {n}") for n in range(PAGE_SIZE + 40)]
    )
    model = ItemsModel(ctx)
    model.set_filter(ItemFilter(text="零件"))
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    assert model.pages_fetched == 1
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 40 and not model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    skus = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert skus == sorted(skus) and len(set(skus)) == len(skus)


def test_stock_model(qtmodeltester, ctx, posted):
    model = StockModel(ctx)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    rows = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
    assert [(r.batch, r.qty) for r in rows] == [
        ("M-1", Decimal("12.000")),  # expiry first; batches without expiry last
        ("A-NEW", Decimal("3.000")),
    ]
    assert rows[0].status == "expiring"
    expiry_col = next(i for i, c in enumerate(model.columns) if c.key == "expiry")
    assert model.index(0, expiry_col).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, expiry_col).data(Qt.ItemDataRole.ForegroundRole) is None


def test_movements_and_allocations_models(qtmodeltester, ctx, posted):
    model = MovementsModel(ctx)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    issue = next(
        model.index(r, 0).data(ROW_ROLE)
        for r in range(model.rowCount())
        if model.index(r, 0).data(ROW_ROLE).type == "issue"
    )
    allocations = AllocationsModel(ctx)
    allocations.show_movement(issue)
    qtmodeltester.check(allocations, force_py=True)
    assert [allocations.index(r, 0).data() for r in range(2)] == ["A-OLD", "A-NEW"]
    assert [allocations.index(r, 4).data() for r in range(2)] == ["5", "2"]


def test_stock_card_model(qtmodeltester, ctx, posted):
    model = StockCardModel(ctx, _item_id(ctx.db, "A1"))
    model.reload()
    qtmodeltester.check(model, force_py=True)
    balance = next(i for i, c in enumerate(model.columns) if c.key == "balance")
    assert [model.index(r, balance).data() for r in range(3)] == ["3", "10", "5"]  # newest first
    catalog.add_location(ctx.db, "Back")
    stock.transfer(ctx.db, sku="A1", qty=Decimal(1), location="Main", to_location="Back")
    model.reload()
    assert model.rowCount() == 4
    assert model.index(0, balance).data() == "3"  # a transfer leaves the shop's balance
    assert model.index(0, 3).data() == "Main → Back"
