"""`check`: the file is sound and every ledger invariant holds."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from inventory_app.domain.errors import InventoryError
from inventory_app.domain.messages import render
from inventory_app.services.access import record
from inventory_app.storage import chain
from inventory_app.storage import db as files
from inventory_app.storage.db import Database
from inventory_app.storage.integrity_run import Beside, run_checks
from inventory_app.storage.problems import problem_of


@dataclass(slots=True)
class CheckReport:
    results: list[tuple[str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(not problems for _, problems in self.results)

    def lines(self) -> list[str]:
        """One line a rule (its name in the message language) and one a problem found."""
        out = []
        for rule, problems in self.results:
            mark = render("check.fail" if problems else "check.ok", {})
            out.append(f"{mark}  {rule_name(rule)}")
            out += [f"        {p}" for p in problems]
        return out

    def summary(self) -> str:
        code = "check.passed" if self.ok else "check.failed"
        return render(code, {"seconds": f"{self.seconds:.2f}"})


#: each rule's name (as storage and ``tamper_checks`` report it) -> the code of its words
RULE_CODES = {
    "SQLite quick_check": "check.rule.quick_check",
    "foreign keys": "check.rule.foreign_keys",
    "batch remaining = received - allocated": "check.rule.batch_remaining",
    "an empty batch holds no value": "check.rule.empty_batch",
    "item on hand = its batches": "check.rule.on_hand_batches",
    "item on hand = sum of its monthly flows": "check.rule.on_hand_flows",
    "monthly flows = movements": "check.rule.flows_movements",
    "an outgoing movement's value = its allocations": "check.rule.outgoing_value",
    "a receipt's value = the batch it created": "check.rule.receipt_value",
    "a transfer moves value, it does not create it": "check.rule.transfer_value",
    "value is conserved: receipts + adjustments - COGS = stock value": (
        "check.rule.value_conserved"
    ),
    "no batch was drawn before it arrived": "check.rule.drawn_before_arrival",
    "no batch was ever below zero at the end of a day": "check.rule.below_zero",
    "item pinyin keys = those of its name": "check.rule.pinyin",
    "a reversal reverses an original, once": "check.rule.reversal_once",
    "every protecting trigger is in place": "check.rule.triggers",
    "posted rows are as posted (tamper-evident chain)": "check.rule.chain",
}


def rule_name(rule: str) -> str:
    """A rule's name in the message language (a rule without a code shows as it is)."""
    code = RULE_CODES.get(rule)
    return render(code, {}) if code else rule


def check(db: Database) -> CheckReport:
    """Every ledger invariant and SQLite's own checks. A damaged file is refused
    (``NotAnInventoryFile``, as opening refuses it) rather than reported on."""
    start = time.perf_counter()
    report = CheckReport()
    chained: list[list[str]] = []
    beside = Beside()

    def verify_beside() -> None:
        # a second connection reads the chain beside the rules; where the file cannot be
        # opened twice (a read-only folder), the main connection verifies it afterwards
        with contextlib.suppress(Exception):
            chained.append(chain.verify_file(str(db.path), opened=beside.add))

    worker = threading.Thread(target=verify_beside, name="check-chain")
    worker.start()
    try:
        # quick_check runs on this connection while the rules read the file beside it: a
        # damaged file is refused (``NotAnInventoryFile``, as opening refuses it) whatever
        # they found, and they are stopped
        report.results = run_checks(
            db.conn, path=str(db.path), pages=lambda: files.check_pages(db), beside=beside
        )
    except InventoryError:
        beside.stop()
        raise
    except Exception as exc:  # a damaged page quick_check missed, read by a rule
        beside.stop()
        problem = problem_of(exc, db.path)
        if problem is None:
            raise
        raise problem from exc
    finally:
        worker.join()
    report.results += tamper_checks(db, chained=chained[0] if chained else None)
    report.seconds = time.perf_counter() - start
    return report


def is_damage(exc: InventoryError) -> bool:
    """Whether a refusal says the file is damaged (a bad page, a table missing): a problem
    ``check`` has found, rather than one that kept it from looking."""
    return exc.code in ("db.damaged", "db.table_missing", "db.not_inventory")


def tamper_checks(db: Database, *, chained: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """The triggers that keep posted rows append-only are all there, as the app made them,
    and every chained row is as it was posted (``storage.chain``; ``chained``: its problems
    found already)."""
    missing, changed = chain.trigger_problems(db.conn)
    triggers = [render("check.trigger_missing", {"name": name}) for name in missing]
    triggers += [render("check.trigger_changed", {"name": name}) for name in changed]
    return [
        ("every protecting trigger is in place", triggers),
        (
            "posted rows are as posted (tamper-evident chain)",
            chained if chained is not None else chain.verify(db.conn),
        ),
    ]


def missing_triggers(db: Database) -> list[str]:
    """The protecting triggers the file lacks or has changed (for the app's warning)."""
    missing, changed = chain.trigger_problems(db.conn)
    return missing + changed


def restore_triggers(db: Database, names: list[str]) -> None:
    """Recreate the named triggers as the app makes them, once a check has reported them
    (the desktop app shows the report first); the repair is in the audit trail."""
    actor = db.actor
    with db.transaction() as conn:
        chain.restore_triggers(conn, names)
        record(conn, actor, "triggers_restored", ", ".join(names), count=len(names))


def check_file(path: str | Path) -> None:
    """SQLite's ``quick_check`` of the shop file now, on a connection of its own (the desktop
    app runs it in the background after opening): ``NotAnInventoryFile`` when the file is
    damaged. The pass is noted in the file when this process is its writer, so that opening
    it need not check again for a day."""
    files.check_file(path)
