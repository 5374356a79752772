"""Items and journal imports: every bad case refuses the whole file and changes nothing."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest

from inventory_app.domain.errors import Cancelled, ImportErrors, ValidationError
from inventory_app.services import catalog, imports, reports
from inventory_app.services import postings as stock

HEADER = "date,type,sku,qty,unit_cost,batch,expiry,location,to_location,reference,note"


def write(tmp_path, text: str, *, name: str = "journal.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def counts(db) -> tuple[int, int, int]:
    c = db.conn
    return tuple(
        c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("items", "movements", "batches")
    )


def refused(db, path, *, kind="journal") -> ImportErrors:
    before = counts(db)
    fn = imports.import_journal if kind == "journal" else imports.import_items
    with pytest.raises((ImportErrors, ValidationError)) as info:
        fn(db, path)
    assert counts(db) == before, "a refused file must change nothing"
    return info.value


GOOD = f"""{HEADER}
2026-02-01,receipt,A1,10,2.50,L1,,,,PO-1,
2026-02-01,receipt,A1,5,3.00,L2,,,,PO-1,
2026-02-03,issue,A1,12,,,,,,SO-1,
2026-02-04,writeoff,A1,1,,,,,,WO-1,damaged on shelf
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_journal_in_each_encoding_posts_fifo(stocked, tmp_path, encoding):
    text = GOOD.replace("damaged on shelf", "货架上损坏")
    r = imports.import_journal(stocked, write(tmp_path, text, encoding=encoding))
    assert r.posted == 4
    left = [(b.batch, b.qty, b.value) for b in reports.stock_by_batch(stocked)]
    assert left == [("L2", D(2), D("6.00"))]
    note = stocked.conn.execute("SELECT note, reason FROM movements WHERE type = 'writeoff'")
    assert note.fetchone() == ("货架上损坏", "other")


def test_chinese_headers_and_column_order(stocked, tmp_path):
    text = (
        "编码,日期,数量,类型,单价,批号,备注\n"
        "A1,2026-02-01,10,入库,2.5,L1,\n"
        "A1,2026-02-02,3,出库,,,\n"
    )
    r = imports.import_journal(stocked, write(tmp_path, text, encoding="gb18030"))
    assert r.posted == 2
    assert reports.stock_by_item(stocked)[0].qty == D(7)


def test_rows_post_in_date_order_then_file_order(stocked, tmp_path):
    text = f"""{HEADER}
2026-02-05,issue,A1,4,,,,,,,
2026-02-01,receipt,A1,5,1,,,,,,
"""
    imports.import_journal(stocked, write(tmp_path, text))
    assert reports.stock_by_item(stocked)[0].qty == D(1)


def test_writeoff_reason_from_note_and_override_reason_for_named_batches(stocked, tmp_path):
    text = f"""{HEADER}
2026-02-01,receipt,M1,5,1,OLD,2026-02-03,,,,
2026-02-01,receipt,M1,5,1,NEW,2026-02-20,,,,
2026-02-10,writeoff,M1,5,,OLD,,,,,expired stock binned
"""
    imports.import_journal(stocked, write(tmp_path, text))
    row = stocked.conn.execute(
        "SELECT reason, override_reason FROM movements WHERE type = 'writeoff'"
    ).fetchone()
    assert row == ("expired", "expired stock binned")


BAD_CASES = [
    ("2026-02-01,receipt,NOPE,1,1,,,,,,", "sku", "unknown SKU"),
    ("2026-02-30,receipt,A1,1,1,,,,,,", "date", "not a real date"),
    ("yesterday,receipt,A1,1,1,,,,,,", "date", ""),
    ("2026-02-01,receipt,A1,ten,1,,,,,,", "qty", "not a number"),
    ("2026-02-01,receipt,A1,0,1,,,,,,", "qty", "is zero"),
    ("2026-02-01,issue,A1,-2,,,,,,,", "qty", "must be positive"),
    ("2026-02-01,receipt,A1,1.2345,1,,,,,,", "qty", "more than 3 decimals"),
    ("2026-02-01,receipt,A1,1,,,,,,,", "unit_cost", "needs a unit cost"),
    ("2026-02-01,issue,A1,2,,,,,,,", "qty", "not enough stock"),
    ("2026-02-01,sell,A1,1,,,,,,,", "type", "type is one of"),
    ("2026-02-01,receipt,A1,1,1,,,Attic,,,", "location", "unknown location"),
    ("2099-02-01,receipt,A1,1,1,,,,,,", "date", "in the future"),
]


@pytest.mark.parametrize(("row", "column", "words"), BAD_CASES)
def test_each_bad_row_is_named_and_nothing_is_written(stocked, tmp_path, row, column, words):
    path = write(tmp_path, f"{HEADER}\n2026-01-10,receipt,A1,1,1,,,,,,\n{row}\n")
    err = refused(stocked, path)
    assert isinstance(err, ImportErrors)
    (e,) = err.errors
    assert (e.row, e.column) == (3, column)
    assert words in e.problem
    assert f"row 3, column '{column}'" in str(err)


def test_stock_going_negative_counts_the_rows_before_it(stocked, tmp_path):
    text = f"""{HEADER}
2026-02-01,receipt,A1,5,1,,,,,,
2026-02-02,issue,A1,3,,,,,,,
2026-02-03,issue,A1,3,,,,,,,
"""
    err = refused(stocked, write(tmp_path, text))
    (e,) = err.errors
    assert e.row == 4 and "need 3, available 2" in e.problem
    # the ledger's facts travel with the row
    assert (e.column, e.params["sku"], e.params["needed"], e.params["available"]) == (
        "qty", "A1", D(3), D(2),
    )  # fmt: skip


def test_row_problems_carry_a_code_and_their_facts(stocked, tmp_path):
    stock.close_period(stocked, dt.date(2026, 1, 31))
    text = f"""{HEADER}
2026-02-01,receipt,NOPE,1,1,,,,,,
2026-02-30,receipt,A1,1,1,,,,,,
2026-02-01,sell,A1,1,,,,,,,
2026-01-15,receipt,A1,1,1,,,,,,
2026-02-01,issue,A1,-2,,,,,,,
2026-02-01,receipt,A1,1,1,,,Attic,,,
2026-02-05,receipt,M1,1,1,,2026-02-01,,,,
2026-02-01,receipt,A1,0,,,,,,,
"""
    err = refused(stocked, write(tmp_path, text))
    assert [(e.row, e.column, e.code, dict(e.params)) for e in err.errors] == [
        (2, "sku", "import.unknown_sku", {"sku": "NOPE"}),
        (3, "date", "tabular.not_real_date", {"year": 2026, "month": 2, "day": 30}),
        (4, "type", "import.unknown_type",
         {"accepted": "receipt/入库, issue/出库, writeoff/报损, adjust/库存调整, transfer/调拨"}),
        (5, "date", "import.date_closed",
         {"date": dt.date(2026, 1, 15), "lock_date": dt.date(2026, 1, 31)}),
        (6, "qty", "import.qty_negative", {"qty": D(-2)}),
        (7, "location", "import.unknown_location", {"location": "Attic"}),
        (8, "expiry", "import.expiry_before_date",
         {"expiry": dt.date(2026, 2, 1), "date": dt.date(2026, 2, 5)}),
        (9, "qty", "import.qty_zero", {}),
        (9, "unit_cost", "import.receipt_needs_cost", {}),
    ]  # fmt: skip
    assert err.code == "import.refused" and err.params == {"source": "journal.csv", "count": 9}


def test_every_import_code_has_its_english_text_and_every_text_is_used():
    from pathlib import Path

    from inventory_app import domain
    from inventory_app.domain.messages import TEMPLATES

    package = Path(domain.__file__).parents[1]
    pattern = r'"(import\.[a-z_]+)"'
    imports = "\n".join(p.read_text("utf-8") for p in (package / "services/imports").glob("*.py"))
    used = set(re.findall(pattern, imports))
    assert len(used) > 15  # the premise: the scan sees the codes
    defined = {code for code in TEMPLATES if code.startswith("import.")}
    assert used <= defined  # (that every template is used is tests/test_error_codes.py's)


def test_cancel_while_posting_keeps_nothing(stocked, tmp_path):
    rows = "\n".join("2026-02-01,receipt,A1,1,1,,,,,," for _ in range(6000))
    path = write(tmp_path, f"{HEADER}\n{rows}\n")
    before = counts(stocked)
    posting = []

    def cancel() -> bool:  # not while reading the file: once the posting transaction is open
        posting.append(stocked.conn.in_transaction)
        return posting[-1]

    with pytest.raises(Cancelled) as info:
        imports.import_journal(stocked, path, cancel=cancel)
    assert posting[0] is False and posting[-1] is True  # the premise: reading was not cancelled
    assert info.value.code == "import.cancelled"
    assert str(info.value) == "import cancelled; nothing was posted"
    assert counts(stocked) == before


def test_a_date_in_a_closed_period(stocked, tmp_path):
    stock.close_period(stocked, dt.date(2026, 1, 31))
    err = refused(stocked, write(tmp_path, f"{HEADER}\n2026-01-31,receipt,A1,1,1,,,,,,\n"))
    assert "closed period" in err.errors[0].problem


def test_every_bad_row_is_listed_up_to_fifty_then_counted(stocked, tmp_path):
    rows = "\n".join("2026-02-01,receipt,NOPE,1,1,,,,,," for _ in range(60))
    err = refused(stocked, write(tmp_path, f"{HEADER}\n{rows}\n"))
    assert len(err.errors) == 60
    text = str(err)
    assert "60 problems found; nothing was imported" in text
    assert "... and 10 more" in text and text.count("unknown SKU") == 50


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("sku,qty\nA1,1\n", "date"),  # required columns missing
        (f"{HEADER}\n", "no data rows"),
    ],
)
def test_wrong_missing_or_empty_header(stocked, tmp_path, content, words):
    err = refused(stocked, write(tmp_path, content))
    assert words in str(err)


def test_unknown_encoding(stocked, tmp_path):
    path = tmp_path / "journal.csv"
    path.write_bytes(b"date,type,sku,qty\n" + bytes(range(128, 256)) * 20)
    assert "encoding" in str(refused(stocked, path))


def test_an_xlsx_that_is_not_a_workbook(stocked, tmp_path):
    path = tmp_path / "journal.xlsx"
    path.write_text("this is not a zip file")
    assert "not an Excel" in str(refused(stocked, path))


def test_journal_from_xlsx_with_real_dates_and_numbers(stocked, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "编码", "数量", "单价"])
    ws.append([dt.datetime(2026, 2, 1), "receipt", "A1", 10, 2.5])
    ws.append([dt.datetime(2026, 2, 2), "issue", "A1", "4", None])
    wb.save(tmp_path / "j.xlsx")
    assert imports.import_journal(stocked, tmp_path / "j.xlsx").posted == 2
    assert reports.stock_by_item(stocked)[0].value == D("15.00")


# -- items ---------------------------------------------------------------------------


def test_items_file_creates_and_updates(db, tmp_path):
    text = (
        "sku,name,category,unit,barcode,reorder_point,shelf_life_days,removal\n"
        "GR-1,金龙鱼 花生油 5L,粮油,桶,6901234567892,5,,\n"
        "DA-1,纯牛奶 250ml,乳制品,盒,,24.5,21,\n"
    )
    r = imports.import_items(db, write(tmp_path, text, name="items.csv", encoding="gb18030"))
    assert (r.created, r.updated) == (2, 0)
    milk = catalog.get_item(db, "DA-1")
    assert milk.removal == "fefo" and milk.shelf_life_days == 21 and milk.reorder_point == D("24.5")
    text2 = "sku,name\nGR-1,金龙鱼 花生油 5升\n"
    r = imports.import_items(db, write(tmp_path, text2, name="items2.csv"))
    assert (r.created, r.updated) == (0, 1)
    assert catalog.get_item(db, "GR-1").name == "金龙鱼 花生油 5升"


def test_items_file_with_duplicates_and_bad_values_is_refused_whole(db, tmp_path):
    text = (
        "sku,name,barcode,lead_time_days\n"
        "A,Hammer,111,3\n"
        "A,Hammer again,222,3\n"
        "B,,333,x\n"
        "C,Saw,111,2\n"
    )
    err = refused(db, write(tmp_path, text, name="items.csv"), kind="items")
    found = {(e.row, e.column) for e in err.errors}
    assert (3, "sku") in found  # duplicate SKU
    assert (4, "name") in found and (4, "lead_time_days") in found
    assert (5, "barcode") in found  # duplicate barcode


def test_items_file_problems_carry_codes_and_params(stocked, tmp_path):
    text = (
        "sku,name,barcode,reorder_point,removal\n"
        "N1,Nails,111,,\n"
        "n1,Nails again,222,,\n"  # the same SKU in another case
        "N2,Screws,111,,\n"
        "N3,Milk copy,6901234567892,,\n"  # M1's barcode
        "N4,Glue,,-1,\n"
        "N5,Tape,,,lifo\n"
    )
    err = refused(stocked, write(tmp_path, text, name="items.csv"), kind="items")
    got = {(e.row, e.column, e.code, tuple(sorted(e.params.items()))) for e in err.errors[:-1]}
    assert got == {
        (3, "sku", "catalog.import_sku_repeated", (("first_row", 2),)),
        (4, "barcode", "catalog.import_barcode_repeated", (("first_row", 2),)),
        (
            5,
            "barcode",
            "catalog.import_barcode_owned",
            (("barcode", "6901234567892"), ("owner", "M1")),
        ),
        (
            6,
            "reorder_point",
            "catalog.qty_negative",
            (("field", "reorder_point"), ("value", D(-1))),
        ),
    }
    # a cell the collector parses keeps its sentence (its code too once _Collector.cell does)
    last = err.errors[-1]
    assert (last.row, last.column, last.problem) == (7, "removal", "removal is fifo or fefo")
    assert "row 3, column 'sku': the same SKU is already on row 2" in str(err)


def test_reimporting_items_keeps_their_stock(stocked, tmp_path):
    stock.receive(stocked, sku="A1", qty=D(3), unit_cost=D(2))
    text = "sku,name,category\nA1,Hammer 2,Tools\nM1,Milk,Dairy\nN1,New,Tools\n"
    r = imports.import_items(stocked, write(tmp_path, text, name="items.csv"))
    assert (r.created, r.updated) == (1, 2)
    ids = {catalog.get_item(stocked, s).id for s in ("A1", "M1", "N1")}
    assert r.changes.items == ids
    assert reports.stock_by_item(stocked)[0].qty == D(3)
    assert catalog.last_cost(stocked, "A1") == D(2)
    assert catalog.get_item(stocked, "A1").category == "Tools"


@pytest.mark.parametrize("kind", ["journal", "items"])
def test_a_dry_run_finds_every_problem_and_keeps_nothing(stocked, tmp_path, kind):
    if kind == "journal":
        good = write(tmp_path, GOOD)
        bad = write(tmp_path, f"{HEADER}\n2026-02-01,receipt,A1,1,1,,,,,,\n"
                              "2026-02-02,issue,A1,5,,,,,,,\n", name="bad.csv")  # fmt: skip
        run = imports.import_journal
    else:
        good = write(tmp_path, "sku,name\nN1,新品\nA1,Hammer renamed\n", name="i.csv")
        bad = write(tmp_path, "sku,name\nN1,\n", name="bad.csv")
        run = imports.import_items
    before = counts(stocked)
    result = run(stocked, good, dry_run=True)
    assert (result.posted or result.created + result.updated) > 0
    assert result.changes.empty and counts(stocked) == before
    assert catalog.get_item(stocked, "A1").name == "Hammer 锤子"
    with pytest.raises(ImportErrors) as info:
        run(stocked, bad, dry_run=True)
    assert info.value.errors and counts(stocked) == before


def test_a_ledger_refusal_is_placed_in_the_column_it_is_about(stocked, tmp_path):
    # the ledger refuses a write-off reason it does not know, by code; the import names the
    # note column (the code decides, not the English text)
    text = (
        f"{HEADER},reason\n2026-02-01,receipt,A1,10,2.50,L1,,,,PO-1,,\n"
        "2026-02-02,writeoff,A1,1,,,,,,,,stolen?\n"
    )
    err = refused(stocked, write(tmp_path, text))
    [row] = err.errors
    assert (row.row, row.column, row.code) == (3, "note", "ledger.writeoff_reason_unknown")


def test_an_expired_batch_sharing_a_code_is_drawn_only_when_needed(stocked, tmp_path):
    # two receipts coded L1, one already expired: naming L1 takes the good stock without a
    # reason; taking more than it holds reaches the expired one, which then needs a reason
    head = "date,type,sku,qty,unit_cost,batch,expiry"
    receipts = "2026-02-01,receipt,A1,1,1,L1,2026-02-02\n2026-02-01,receipt,A1,5,1,L1,"
    err = refused(stocked, write(tmp_path, f"{head}\n{receipts}\n2026-02-03,issue,A1,6,,L1,\n"))
    assert [(e.row, e.column, e.code) for e in err.errors] == [
        (4, "note", "ledger.expired_batch_needs_reason")
    ]
    result = imports.import_journal(
        stocked, write(tmp_path, f"{head}\n{receipts}\n2026-02-03,issue,A1,2,,L1,\n")
    )
    assert result.posted == 3


def test_an_unknown_type_lists_the_words_to_type_in_english_and_chinese(stocked, tmp_path):
    err = refused(stocked, write(tmp_path, f"{HEADER}\n2026-02-01,卖出,A1,1,,,,,,,\n"))
    [row] = err.errors
    assert row.code == "import.unknown_type" and row.column == "type"
    assert row.params["accepted"] == (
        "receipt/入库, issue/出库, writeoff/报损, adjust/库存调整, transfer/调拨"
    )
    ok = f"{HEADER}\n2026-02-01,入库,A1,5,1,,,,,,\n2026-02-02,库存调整,A1,-1,,,,,,,\n"
    assert imports.import_journal(stocked, write(tmp_path, ok)).posted == 2
