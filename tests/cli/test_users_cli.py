"""The CLI contract of users (#14 point 4): user add|list|pin|disable, --user with the PIN from
INVENTORY_PIN (never an argument), audit --from --to [--format json], exit 2 naming the role."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from inventory_app.cli import main

TODAY = dt.date.today().isoformat()


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """A shop with A1 in stock, its owner Mei (PIN 1111) and a clerk Li (PIN 2222)."""
    db = str(tmp_path / "shop.db")
    items = tmp_path / "items.csv"
    items.write_text("sku,name\nA1,Hammer\n", encoding="utf-8")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", "items", str(items)]) == 0
    assert main(["--db", db, "receive", "--sku", "A1", "--qty", "10", "--cost", "2"]) == 0
    monkeypatch.setenv("INVENTORY_NEW_PIN", "1111")
    assert main(["--db", db, "user", "add", "Mei", "--role", "owner"]) == 0
    monkeypatch.setenv("INVENTORY_PIN", "1111")
    monkeypatch.setenv("INVENTORY_NEW_PIN", "2222")
    assert main(["--db", db, "--user", "Mei", "user", "add", "Li", "--role", "clerk"]) == 0
    monkeypatch.delenv("INVENTORY_PIN")
    monkeypatch.delenv("INVENTORY_NEW_PIN")
    return db


def as_user(monkeypatch, name: str, pin: str) -> list[str]:
    monkeypatch.setenv("INVENTORY_PIN", pin)
    return ["--user", name]


def test_the_first_user_must_be_an_owner_and_gets_a_recovery_code(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "shop.db")
    assert main(["--db", db, "init"]) == 0
    monkeypatch.setenv("INVENTORY_NEW_PIN", "1111")
    capsys.readouterr()
    assert main(["--db", db, "user", "add", "Li", "--role", "clerk"]) == 2
    assert "first user must be its owner" in capsys.readouterr().err
    assert main(["--db", db, "user", "add", "Mei", "--role", "owner"]) == 0
    out = capsys.readouterr().out
    assert "user Mei added as owner" in out and "recovery code for Mei" in out
    # from now on every command signs in
    assert main(["--db", db, "stock"]) == 2
    assert "sign in first" in capsys.readouterr().err


def test_without_sign_in_a_command_is_refused_naming_the_roles_that_may(shop, capsys):
    capsys.readouterr()
    assert main(["--db", shop, "receive", "--sku", "A1", "--qty", "1", "--cost", "2"]) == 2
    err = capsys.readouterr().err
    assert "sign in first" in err and "only the owner or clerk may do this" in err
    assert main(["--db", shop, "close-period", "2026-01-31"]) == 2
    assert "only the owner may do this" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "clerk_may"),
    [
        (["receive", "--sku", "A1", "--qty", "1", "--cost", "2"], True),
        (["issue", "--sku", "A1", "--qty", "1"], True),
        (["writeoff", "--sku", "A1", "--qty", "1", "--reason", "damaged"], False),
        (["adjust", "--sku", "A1", "--qty", "-1"], False),
        (["reverse", "1", "--reason", "typo"], False),
        (["close-period", "2026-01-31"], False),
        (["stocktake", "start"], True),
        (["stock"], True),
    ],
)
def test_each_command_by_a_clerk_runs_or_exits_2_naming_the_owner(
    shop, monkeypatch, capsys, args, clerk_may
):
    capsys.readouterr()
    code = main(["--db", shop, *as_user(monkeypatch, "Li", "2222"), *args])
    err = capsys.readouterr().err
    if clerk_may:
        assert code == 0, err
    else:
        assert code == 2
        assert "only the owner may do this; you are signed in as clerk" in err


def test_a_wrong_pin_exits_2_and_is_audited(shop, monkeypatch, capsys):
    capsys.readouterr()
    assert main(["--db", shop, *as_user(monkeypatch, "Li", "9999"), "stock"]) == 2
    assert "wrong PIN for Li" in capsys.readouterr().err
    rows = sqlite3.connect(shop).execute("SELECT user, source, action FROM audit").fetchall()
    assert rows[-1] == ("Li", "cli", "pin.failed")


def test_the_pin_is_never_an_argument_and_a_pipe_gets_no_prompt(shop, capsys):
    with pytest.raises(SystemExit):
        main(["--db", shop, "--user", "Li", "--pin", "2222", "stock"])
    capsys.readouterr()
    # no INVENTORY_PIN and stdin is not a terminal: refused, not a hanging prompt
    assert main(["--db", shop, "--user", "Li", "stock"]) == 2
    assert "no PIN" in capsys.readouterr().err


def test_close_period_and_a_reversal_record_who_when_and_from_where(shop, monkeypatch, capsys):
    owner = as_user(monkeypatch, "Mei", "1111")
    assert main(["--db", shop, *owner, "reverse", "1", "--reason", "typo"]) == 0
    assert main(["--db", shop, *owner, "close-period", "2026-01-31"]) == 0
    conn = sqlite3.connect(shop)
    source, operator = conn.execute(
        "SELECT d.source, m.operator FROM movements m JOIN documents d ON d.id = m.document_id"
        " WHERE m.type = 'reversal'"
    ).fetchone()
    assert (source, operator) == ("cli", "Mei")
    capsys.readouterr()
    args = ["--db", shop, *owner, "audit", "--from", TODAY, "--to", TODAY, "--format", "json"]
    assert main(args) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert set(entries[0]) == {"id", "at", "user", "role", "source", "action", "object", "details"}
    close = next(e for e in entries if e["action"] == "close_period")
    assert (close["user"], close["role"], close["source"], close["object"]) == (
        "Mei", "owner", "cli", "2026-01-31",
    )  # fmt: skip
    assert close["at"].startswith(TODAY)
    reverse = next(e for e in entries if e["action"] == "reverse")
    assert reverse["object"] == "movement 1" and reverse["details"]["reason"] == "typo"
    earlier = ["--db", shop, *owner, "audit", "--to", "2000-01-01", "--format", "json"]
    assert main(earlier) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == []


def test_user_list_pin_and_disable(shop, monkeypatch, capsys):
    owner = as_user(monkeypatch, "Mei", "1111")
    capsys.readouterr()
    assert main(["--db", shop, *owner, "user", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)["users"]
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [
        ("Mei", "owner", False), ("Li", "clerk", False),
    ]  # fmt: skip
    monkeypatch.setenv("INVENTORY_NEW_PIN", "3333")
    assert main(["--db", shop, *owner, "user", "pin", "Li"]) == 0
    assert main(["--db", shop, *as_user(monkeypatch, "Li", "3333"), "stock"]) == 0
    assert main(["--db", shop, *as_user(monkeypatch, "Li", "3333"), "user", "list"]) == 2
    owner = as_user(monkeypatch, "Mei", "1111")
    assert main(["--db", shop, *owner, "user", "disable", "Li"]) == 0
    capsys.readouterr()
    assert main(["--db", shop, *as_user(monkeypatch, "Li", "3333"), "stock"]) == 2
    assert "disabled" in capsys.readouterr().err


def test_an_owner_who_forgot_the_pin_gets_back_in_with_the_recovery_code(
    tmp_path, monkeypatch, capsys
):
    db = str(tmp_path / "shop.db")
    assert main(["--db", db, "init"]) == 0
    monkeypatch.setenv("INVENTORY_NEW_PIN", "1111")
    capsys.readouterr()
    assert main(["--db", db, "user", "add", "Mei", "--role", "owner"]) == 0
    code = capsys.readouterr().out.split(": ")[-1].strip()
    monkeypatch.setenv("INVENTORY_RECOVERY_CODE", code)
    monkeypatch.setenv("INVENTORY_NEW_PIN", "4444")
    assert main(["--db", db, "user", "pin", "Mei", "--recovery"]) == 0
    assert "recovery code for Mei" in capsys.readouterr().out
    assert main(["--db", db, "user", "pin", "Mei", "--recovery"]) == 2  # used once
    assert main(["--db", db, *as_user(monkeypatch, "Mei", "4444"), "stock"]) == 0


def test_a_clerk_approves_a_stocktake_within_the_tolerance_and_only_the_owner_one_over_it(
    shop, monkeypatch, capsys
):
    """The issue: clerks start and count; the owner approves differences over tolerance
    (default 5 % of the books or 100 in value per line)."""

    def as_clerk(*args: str) -> int:
        return main(["--db", shop, *as_user(monkeypatch, "Li", "2222"), *args])

    capsys.readouterr()
    assert as_clerk("stocktake", "start") == 0
    first = capsys.readouterr().out.strip()
    assert as_clerk("stocktake", "count", first, "--sku", "A1", "--qty", "10") == 0
    assert as_clerk("stocktake", "approve", first) == 0  # no difference at all
    assert f"stocktake #{first} approved" in capsys.readouterr().out

    assert as_clerk("stocktake", "start") == 0
    second = capsys.readouterr().out.strip()
    assert as_clerk("stocktake", "count", second, "--sku", "A1", "--qty", "7") == 0
    capsys.readouterr()
    assert as_clerk("stocktake", "approve", second) == 2
    err = capsys.readouterr().err
    assert "1 line over the tolerance (A1 @ Main)" in err and "only the owner may approve" in err
    assert "Traceback" not in err
    assert as_clerk("--lang", "zh", "stocktake", "approve", second) == 2
    assert "超出允许范围（A1 @ Main）：只有店主可以审核" in capsys.readouterr().err
    assert as_clerk("stock", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["qty"] == "10.000"  # nothing posted
    owner = as_user(monkeypatch, "Mei", "1111")
    assert main(["--db", shop, *owner, "stocktake", "approve", second]) == 0
    assert f"stocktake #{second} approved: 1 difference posted" in capsys.readouterr().out


def test_every_act_of_the_issue_is_audited_from_the_cli(shop, monkeypatch, capsys, tmp_path):
    """Document (plain and typed in packs), reversal, stocktake approval, period close,
    setting change, export, backup, restore, sign-in and failed PIN: each an audit row with
    who and source 'cli', read back with audit --format json."""
    owner = ["--db", shop, *as_user(monkeypatch, "Mei", "1111")]
    assert main([*owner, "unit", "add", "A1", "box", "--factor", "6"]) == 0
    assert (
        main([*owner, "receive", "--sku", "A1", "--qty", "2", "--unit", "box", "--cost", "12"]) == 0
    )
    assert main([*owner, "reverse", "1", "--reason", "typo"]) == 0
    capsys.readouterr()
    assert main([*owner, "stocktake", "start"]) == 0
    sid = capsys.readouterr().out.strip()
    assert main([*owner, "stocktake", "approve", sid, "--uncounted", "unchanged"]) == 0
    assert main([*owner, "close-period", "2026-01-31"]) == 0
    assert main([*owner, "settings", "set", "shop_name", "Mei's"]) == 0
    assert main([*owner, "export", "month", TODAY[:7], str(tmp_path / "m.xlsx")]) == 0
    assert main([*owner, "backup", str(tmp_path / "b.db")]) == 0
    assert main([*owner, "restore", str(tmp_path / "b.db")]) == 0
    monkeypatch.setenv("INVENTORY_PIN", "0000")
    assert main(["--db", shop, "--user", "Li", "stock"]) == 2
    capsys.readouterr()
    owner = ["--db", shop, *as_user(monkeypatch, "Mei", "1111")]
    assert main([*owner, "audit", "--from", TODAY, "--to", TODAY, "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert all(
        set(e) == {"id", "at", "user", "role", "source", "action", "object", "details"}
        for e in entries
    )
    acts = {(e["action"], e["user"], e["source"]) for e in entries}
    # the backup's own entry, written after its copy, is carried over by the restore
    for action in ("post", "reverse", "stocktake_approve", "close_period", "settings", "export",
                   "backup", "restore", "sign_in"):  # fmt: skip
        assert (action, "Mei", "cli") in acts, action
    assert ("pin.failed", "Li", "cli") in acts
    posts = [e for e in entries if e["action"] == "post"]
    assert posts[-1]["details"]["lines"] == 1  # the receipt typed in boxes
