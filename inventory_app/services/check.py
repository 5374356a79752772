"""`check`: the file is sound and every ledger invariant holds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from inventory_app.storage import db as files
from inventory_app.storage.db import Database
from inventory_app.storage.integrity import run_checks


@dataclass(slots=True)
class CheckReport:
    results: list[tuple[str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(not problems for _, problems in self.results)

    def lines(self) -> list[str]:
        out = []
        for rule, problems in self.results:
            out.append(f"{'ok  ' if not problems else 'FAIL'}  {rule}")
            out += [f"        {p}" for p in problems]
        return out


def check(db: Database) -> CheckReport:
    """Every ledger invariant and SQLite's own checks. A damaged file is refused first
    (``NotAnInventoryFile``, as opening refuses it), before any rule reads its pages."""
    start = time.perf_counter()
    report = CheckReport()
    files.check_pages(db)  # quick_check, once: the rules below take its pass as read
    report.results = run_checks(db.conn, path=str(db.path), quick_check=["ok"])
    report.seconds = time.perf_counter() - start
    return report


def check_file(path: str | Path) -> None:
    """SQLite's ``quick_check`` of the shop file now, on a connection of its own (the desktop
    app runs it in the background after opening): ``NotAnInventoryFile`` when the file is
    damaged. The pass is noted in the file when this process is its writer, so that opening
    it need not check again for a day."""
    files.check_file(path)
