"""Items and locations: field problems by code, refusals naming what clashed, one lookup by
code for the scanner and the item picker."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain.errors import NotFound, ValidationError
from inventory_app.domain.model import ItemFields, Removal
from inventory_app.services import catalog, search
from inventory_app.services import postings as stock


def test_each_bad_field_has_its_code_and_the_sentence_beside_it():
    fields = ItemFields(
        sku="  ",
        name="x" * 201,
        barcode="12 34",
        reorder_point=Decimal(-1),
        lead_time_days=-2,
        shelf_life_days=0,
        removal="lifo",  # type: ignore[arg-type]
    )
    errors = catalog.item_field_errors(fields)
    assert {name: e.code for name, e in errors.items()} == {
        "sku": "catalog.sku_empty",
        "name": "catalog.name_too_long",
        "barcode": "catalog.barcode_invalid",
        "reorder_point": "catalog.qty_negative",
        "lead_time_days": "catalog.lead_time_invalid",
        "shelf_life_days": "catalog.shelf_life_invalid",
        "removal": "catalog.removal_invalid",
    }
    assert errors["name"].params["max"] == catalog.MAX_TEXT
    assert all(e.params["field"] == name for name, e in errors.items())
    # what the item dialog shows beside each field
    problems = catalog.item_problems(fields)
    assert problems["sku"] == "the code is empty"
    assert problems["name"] == "the name is longer than 200 characters"
    assert problems["reorder_point"] == "cannot be negative"
    assert catalog.item_problems(ItemFields(sku="A", name="B")) == {}


def test_a_quantity_that_does_not_parse_keeps_the_parsers_error():
    fields = ItemFields(sku="A", name="B", safety_stock="abc")  # type: ignore[arg-type]
    errors = catalog.item_field_errors(fields)
    assert list(errors) == ["safety_stock"] and "abc" in str(errors["safety_stock"])


def test_validate_item_raises_the_first_problem():
    with pytest.raises(ValidationError) as caught:
        catalog.validate_item(ItemFields(sku="A1", name=" "))
    assert caught.value.code == "catalog.name_empty"
    assert caught.value.params == {"field": "name"}


def test_a_taken_code_or_barcode_is_named_for_the_dialog(stocked):
    with pytest.raises(ValidationError) as caught:
        catalog.add_item(stocked, ItemFields(sku="a1", name="Another hammer"))
    assert caught.value.code == "catalog.sku_taken"
    assert caught.value.params == {"field": "sku", "sku": "a1"}
    # the item dialog puts "field: message" beside that field
    assert str(caught.value) == "sku: 'a1' is already used by another item"
    with pytest.raises(ValidationError) as caught:
        catalog.update_item(stocked, "A1", ItemFields(sku="A1", name="H", barcode="6901234567892"))
    assert caught.value.code == "catalog.barcode_taken"
    assert caught.value.params["barcode"] == "6901234567892"
    assert catalog.get_item(stocked, "A1").barcode is None


def test_many_items_go_in_together_or_not_at_all_and_the_clash_is_named(stocked):
    rows = [ItemFields(sku=f"N{n}", name=f"New {n}", barcode=f"B{n}") for n in range(5)]
    rows[3] = ItemFields(sku="N3", name="New 3", barcode="6901234567892")  # M1's barcode
    with pytest.raises(ValidationError) as caught:
        catalog.add_items(stocked, rows)
    assert caught.value.code == "catalog.barcode_taken"
    assert caught.value.params["barcode"] == "6901234567892"
    assert [i.sku for i in catalog.list_items(stocked)] == ["A1", "M1"]
    rows[3] = ItemFields(sku="N3", name="New 3")
    changes = catalog.add_items(stocked, rows)
    ids = {i.id for i in catalog.list_items(stocked) if i.sku.startswith("N")}
    assert changes.items == ids and len(ids) == 5 and changes.catalog


def test_update_items_changes_master_data_and_never_stock(stocked):
    stock.receive(stocked, sku="A1", qty=Decimal(4), unit_cost=Decimal("2.50"))
    before = search.find_exact(stocked, "A1")
    changes = catalog.update_items(
        stocked,
        [
            ItemFields(sku="a1", name="Claw hammer", reorder_point=Decimal(2)),
            ItemFields(sku="M1", name="Milk", removal=Removal.FEFO, shelf_life_days=7),
        ],
    )
    hammer = catalog.get_item(stocked, "A1")
    assert [h.sku for h in search.search_items(stocked, "claw")] == ["a1"]  # the index follows
    assert search.search_items(stocked, "锤子") == []
    assert (hammer.sku, hammer.name, hammer.reorder_point) == ("a1", "Claw hammer", Decimal(2))
    after = search.find_exact(stocked, "A1")
    assert (after.on_hand, after.value) == (before.on_hand, before.value) == (4, Decimal(10))
    assert catalog.last_cost(stocked, "A1") == Decimal("2.50")
    assert changes.items == {hammer.id, catalog.get_item(stocked, "M1").id}
    # the second row takes a barcode another item has: both rows are refused, the second
    # one named
    catalog.add_item(stocked, ItemFields(sku="N1", name="Nails", barcode="X9"))
    with pytest.raises(ValidationError) as caught:
        catalog.update_items(
            stocked,
            [
                ItemFields(sku="A1", name="Renamed", barcode="Q1"),
                ItemFields(sku="M1", name="M", barcode="X9"),
            ],
        )
    assert caught.value.code == "catalog.barcode_taken"
    assert caught.value.params == {"field": "barcode", "barcode": "X9"}
    assert catalog.get_item(stocked, "A1").barcode is None
    with pytest.raises(NotFound) as missing:
        catalog.update_items(stocked, [ItemFields(sku="NOPE", name="x")])
    assert missing.value.code == "catalog.unknown_sku" and missing.value.params["sku"] == "NOPE"
    assert catalog.get_item(stocked, "A1").name == "Claw hammer"


def test_find_item_and_find_exact_see_the_same_item(stocked):
    catalog.add_item(stocked, ItemFields(sku="6901234567892", name="Code like a barcode"))
    for code in ("A1", " a1 ", "6901234567892"):
        item, hit = catalog.find_item(stocked, code), search.find_exact(stocked, code)
        assert item is not None and hit is not None and item.id == hit.id, code
    # a code that is one item's SKU and another's barcode: the SKU wins in both
    assert catalog.find_item(stocked, "6901234567892").name == "Code like a barcode"
    assert catalog.find_item(stocked, "nothing") is None
    assert search.find_exact(stocked, "nothing") is None
    catalog.set_active(stocked, "A1", False)
    assert catalog.find_item(stocked, "A1").active is False
    assert search.find_exact(stocked, "A1", include_archived=False) is None


def test_unknown_skus_and_locations_by_code(stocked):
    with pytest.raises(NotFound) as caught:
        catalog.get_item(stocked, "ZZ")
    assert caught.value.code == "catalog.unknown_sku" and str(caught.value) == "unknown SKU 'ZZ'"
    with pytest.raises(NotFound):
        catalog.set_active(stocked, "ZZ", False)
    assert catalog.last_cost(stocked, "ZZ") is None
    with pytest.raises(ValidationError) as caught:
        catalog.add_location(stocked, "  ")
    assert caught.value.code == "catalog.location_empty"
    catalog.add_location(stocked, "Back room")
    with pytest.raises(ValidationError) as caught:
        catalog.add_location(stocked, "back room")
    assert caught.value.code == "catalog.location_exists"
    assert caught.value.params == {"name": "back room"}
    assert "Back room" in [loc.name for loc in catalog.list_locations(stocked)]


@pytest.mark.parametrize("clash", [3, 75, 76, 120])  # first batch, its last row, later ones
def test_a_clash_deep_in_a_big_batch_is_named_and_nothing_is_kept(stocked, clash):
    rows = [ItemFields(sku=f"N{n:03d}", name=f"New {n}", barcode=f"B{n}") for n in range(150)]
    rows[clash] = ItemFields(sku=f"N{clash:03d}", name="x", barcode="6901234567892")  # M1's
    with pytest.raises(ValidationError) as caught:
        catalog.add_items(stocked, rows)
    assert (caught.value.code, caught.value.params["barcode"]) == (
        "catalog.barcode_taken",
        "6901234567892",
    )
    rows[clash] = ItemFields(sku="n002", name="x")  # the same SKU twice in one file
    with pytest.raises(ValidationError) as caught:
        catalog.add_items(stocked, rows)
    assert caught.value.params == {"field": "sku", "sku": "n002"}
    assert len(catalog.list_items(stocked)) == 2
    del rows[clash]
    catalog.add_items(stocked, rows)
    renamed = [ItemFields(sku=f.sku, name=f"Renamed {f.sku}", barcode=f.barcode) for f in rows]
    renamed[clash - 1] = ItemFields(sku=renamed[clash - 1].sku, name="y", barcode="6901234567892")
    with pytest.raises(ValidationError) as caught:
        catalog.update_items(stocked, renamed)
    assert caught.value.params["barcode"] == "6901234567892"
    assert not [i for i in catalog.list_items(stocked) if i.name.startswith("Renamed")]
    del renamed[clash - 1]
    changes = catalog.update_items(stocked, renamed)
    assert len(changes.items) == 148
    assert len([i for i in catalog.list_items(stocked) if i.name.startswith("Renamed")]) == 148
