"""`check` names what a direct edit of the file broke: each rule, read from the sums it builds
once per check, still fails on the row that disagrees."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from inventory_app.services import check, postings

DAY = dt.date(2026, 1, 5)


@pytest.fixture
def ledger(stocked):
    postings.receive(stocked, sku="A1", qty="10", unit_cost="2.50", batch="L1", date=DAY)
    postings.receive(stocked, sku="A1", qty="5", unit_cost="3", batch="L2", date=DAY)
    postings.issue(stocked, sku="A1", qty="12", date=DAY + dt.timedelta(days=2))
    postings.receive(stocked, sku="M1", qty="4", unit_cost="1", date=DAY)
    return stocked


def failing(db) -> dict[str, list[str]]:
    return {rule: problems for rule, problems in check.check(db).results if problems}


def tamper(db, *sql: str) -> None:
    """Edit the file behind the app's back, as another program could (triggers dropped)."""
    conn = sqlite3.connect(db.path)
    for name in ("allocations_append_only_u", "batches_fixed", "movements_append_only_u"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for s in sql:
        conn.execute(s)
    conn.commit()
    conn.close()


def test_a_sound_ledger_passes_every_rule(ledger):
    report = check.check(ledger)
    assert report.ok, report.lines()
    assert [r for r, _ in report.results][:2] == ["SQLite quick_check", "foreign keys"]
    assert len(report.results) == 17  # 15 rules of the ledger, then the 2 of tampering


@pytest.mark.parametrize(
    ("sql", "rules"),
    [
        (
            ["UPDATE allocations SET value = value + 1 WHERE id = 1"],
            {"batch remaining = received - allocated",
             "an outgoing movement's value = its allocations"},
        ),
        (
            ["UPDATE item_month SET out_qty = out_qty + 1000"],
            {"item on hand = sum of its monthly flows", "monthly flows = movements"},
        ),
        (
            ["UPDATE batches SET value_received = value_received + 1,"
             " value_remaining = value_remaining + 1 WHERE code = 'L2'",
             "UPDATE items SET on_hand_value = on_hand_value + 1 WHERE sku = 'A1'"],
            {"a receipt's value = the batch it created",
             "item on hand = sum of its monthly flows",
             "value is conserved: receipts + adjustments - COGS = stock value"},
        ),
        (
            ["UPDATE allocations SET date = '2025-12-31' WHERE id = 1"],
            {"no batch was drawn before it arrived"},
        ),
        (
            ["UPDATE movements SET value = value - 1 WHERE type = 'issue'"],
            {"an outgoing movement's value = its allocations", "monthly flows = movements",
             "value is conserved: receipts + adjustments - COGS = stock value"},
        ),
    ],
)  # fmt: skip
def test_each_edit_fails_the_rules_it_breaks_and_only_those(ledger, sql, rules):
    tamper(ledger, *sql)
    # the edits are tampering too (tests/storage/test_tamper.py): here the ledger's own rules
    assert set(failing(ledger)) - TAMPER_RULES == rules


TAMPER_RULES = {
    "every protecting trigger is in place",
    "posted rows are as posted (tamper-evident chain)",
}


def test_movements_outside_the_summing_key_are_still_summed_by_their_month(ledger):
    """Rows whose parts do not fit the integer key of the flow sums (a date that no longer
    starts YYYY-MM, an item id beyond 2^24: values the app never writes, put there by
    rewriting the table's constraints) are summed under their own month as they read."""
    conn = sqlite3.connect(ledger.path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'movements'").fetchone()[0]
    check_date = "CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
    assert check_date in sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = 'movements'", (sql.replace(check_date, ""),)
    )
    conn.commit()
    conn.close()
    ids = (
        sqlite3.connect(ledger.path)
        .execute("SELECT id, item_id FROM movements WHERE type = 'receipt' ORDER BY id")
        .fetchall()
    )
    (first, item), (second, _) = ids[0], ids[1]
    tamper(
        ledger,
        "DROP TRIGGER IF EXISTS movements_append_only_u",
        f"UPDATE movements SET date = '2026-1x-05' WHERE id = {first}",
        f"UPDATE movements SET item_id = {2**30}, date = '2026-01-07' WHERE id = {second}",
    )
    found = failing(ledger)
    assert found["monthly flows = movements"] == [
        f"item id {item} month 2026-01 flows disagree",
        f"item id {item} month 2026-1x flows disagree",
        f"item id {2**30} month 2026-01 flows disagree",
    ]
    assert "value is conserved: receipts + adjustments - COGS = stock value" not in found


def test_allocations_naming_a_missing_batch_or_movement_fail_the_foreign_keys(ledger):
    """Proved from the sums by movement and by batch when they hold; when not, the rows are
    named as SQLite's own foreign key check names them."""
    tamper(
        ledger,
        "UPDATE allocations SET batch_id = 99999 WHERE id = 1",
        "UPDATE allocations SET movement_id = 88888 WHERE id = 2",
    )
    conn = sqlite3.connect(ledger.path)
    expected = [f"{t} row {r} -> {p}" for t, r, p, _ in conn.execute("PRAGMA foreign_key_check")]
    conn.close()
    assert expected == ["allocations row 1 -> batches", "allocations row 2 -> movements"]
    assert failing(ledger)["foreign keys"] == expected
