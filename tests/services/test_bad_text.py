"""Text that looks like nothing or like a command (#14): NUL and invisible characters in codes
and searches, and formula-leading text in CSV output."""

from __future__ import annotations

import csv
import io

import pytest

from inventory_app.cli import main
from inventory_app.domain.errors import ImportErrors, ValidationError
from inventory_app.domain.model import ItemFields
from inventory_app.services import catalog, imports, search


@pytest.fixture
def items(db):
    catalog.add_item(db, ItemFields(sku="A1", name="Hammer"))
    catalog.add_item(db, ItemFields(sku="B2", name="纯牛奶"))
    return db


@pytest.mark.parametrize("text", ["\x00", "\x00\x00", " \x00 "])
def test_a_lone_nul_matches_no_item(items, text):
    assert search.search_items(items, text) == []
    assert search.find_exact(items, text) is None


@pytest.mark.parametrize("text", ['\x00"', 'ham\x00"mer', '牛奶\x00"', 'a"\x00'])
def test_nul_then_a_quote_is_searched_without_error(items, text):
    hits = search.search_items(items, text)
    assert all(h.sku in ("A1", "B2") for h in hits)


def test_nul_between_words_splits_them(items):
    assert [h.sku for h in search.search_items(items, "Ham\x00mer")] == ["A1"]  # both words
    assert [h.sku for h in search.search_items(items, "Ham\x00")] == ["A1"]
    assert [h.sku for h in search.search_items(items, "Ham\x00zzz")] == []


@pytest.mark.parametrize("sku", ["A\x00B", "A\ufeffB", "A\u200bB", "\x00"])
def test_a_code_with_a_hidden_character_is_refused(db, sku):
    with pytest.raises(ValidationError) as info:
        catalog.add_item(db, ItemFields(sku=sku, name="x"))
    assert info.value.code in ("catalog.sku_hidden_character", "catalog.sku_empty")
    assert db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_a_leading_byte_order_mark_is_dropped(db):
    catalog.add_item(db, ItemFields(sku="\ufeffC3", name="Cup"))
    assert db.conn.execute("SELECT sku FROM items").fetchall() == [("C3",)]
    assert search.find_exact(db, "C3") is not None


def test_a_name_with_nul_is_refused(db):
    with pytest.raises(ValidationError) as info:
        catalog.add_item(db, ItemFields(sku="C3", name="Cup\x00"))
    assert info.value.code == "catalog.name_control_character"


def test_an_imported_code_with_nul_is_refused_naming_the_row(db, tmp_path):
    path = tmp_path / "items.csv"
    path.write_bytes(b"sku,name\nA1,Hammer\nB\x002,Nail\n")
    with pytest.raises((ImportErrors, ValidationError)) as info:
        imports.import_items(db, path)
    assert db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    if isinstance(info.value, ImportErrors):
        assert [e.row for e in info.value.errors] == [3]


# --- CSV output that a spreadsheet would run ----------------------------------------------

EVIL = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("text", [*EVIL, "\tx", "\rx"])
def test_csv_cells_starting_a_formula_get_an_apostrophe(text):
    from inventory_app.cli.common import csv_cell

    assert csv_cell(text) == "'" + text
    assert csv_cell("plain -1") == "plain -1"


def test_stock_and_summary_csv_escape_formula_leading_text(tmp_path, capsys):
    db = tmp_path / "shop.db"
    rows = "".join(f'E{i},"{name}","{name}"\n' for i, name in enumerate(EVIL))
    (tmp_path / "items.csv").write_text("sku,name,category\n" + rows, encoding="utf-8")
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "import", "items", str(tmp_path / "items.csv")]) == 0
    for i in range(len(EVIL)):
        assert (
            main(["--db", str(db), "receive", "--sku", f"E{i}", "--qty", "1", "--cost", "1"]) == 0
        )
    for args in (
        ["stock", "--format", "csv"],
        ["summary", "--from", "2020-01-01", "--to", "2099-12-30", "--format", "csv"],
    ):
        capsys.readouterr()
        assert main(["--db", str(db), *args]) == 0
        cells = [c for row in csv.reader(io.StringIO(capsys.readouterr().out)) for c in row]
        texts = [c for c in cells if c.lstrip("'").strip() in {e.strip() for e in EVIL}]
        assert texts and all(c.startswith("'") for c in texts), texts
        numbers = [c for c in cells if c.startswith("-")]
        assert all(c[1:].replace(".", "").isdigit() for c in numbers)  # numbers stay numbers
