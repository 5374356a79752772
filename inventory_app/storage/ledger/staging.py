"""Writing a posting's rows while the posting goes on (an import's ``Poster``).

A journal import spends about half its CPU inside SQLite: inserting movements, allocations,
batches and documents, their indexes, the closed-period trigger, the foreign keys. SQLite lets
go of the GIL while a statement runs, so that work can run on the second core while Python
posts the next lines, but only if it comes in long statements: a thread doing ``executemany``
wants the GIL back after every short statement and waits for it each time behind the posting
thread (Python hands the GIL over every 5 ms), which costs more than it saves.

So each write is staged first, on the caller's thread, into temp tables without indexes,
triggers or keys (cheap), and then moved into the ledger by one ``INSERT ... SELECT`` per table
and one ``UPDATE ... FROM`` for the batches' balances, on a thread of its own: a few long
statements without the GIL. The rows, their order, their values and the transaction are the
same as when written directly; an error in the move (a trigger, a full disk) is raised in the
caller's thread by the next ``settle``, and the caller rolls back as before. One write is in
flight at a time; the caller reads the connection only after ``settle``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

SET_BALANCE = (
    "UPDATE batches SET qty_remaining = ?, value_remaining = ?, last_draw_date = ? WHERE id = ?"
)
_MOVE_BALANCES = (
    "UPDATE batches SET qty_remaining = s.qty, value_remaining = s.value,"
    " last_draw_date = s.drawn FROM temp.stage_balances AS s WHERE batches.id = s.id"
)


class Aside:
    """The stage tables of one connection and the move of what was staged there into the
    ledger, on a thread. The writer stages each table's rows with its own statements and
    binding (``stage``), so that a staged row holds exactly what a direct insert would bind."""

    def __init__(self, conn: sqlite3.Connection, tables: Sequence[str]) -> None:
        self.conn = conn
        self.tables = tables  # parents before children
        self._made = False
        self._job: threading.Thread | None = None
        self._failed: BaseException | None = None

    def stage(self, table: str) -> str:
        """The name of ``table``'s stage (made at the first call, after the write in flight)."""
        self.settle()
        if not self._made:
            # columns without a type: a staged value stays as bound, and the ledger table's
            # own affinity applies when it is moved there, as when inserted directly
            for name in self.tables:
                count = len(self.conn.execute(f"SELECT * FROM main.{name} LIMIT 0").description)
                columns = ", ".join(f"c{i}" for i in range(count))
                self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS stage_{name} ({columns})")
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS stage_balances"
                " (id INTEGER PRIMARY KEY, qty, value, drawn)"
            )
            self._made = True
        return f"temp.stage_{table}"

    def move(self, tables: list[str], balances: list[tuple]) -> None:
        """Stage ``balances`` (qty, value, last draw date, batch id) and start moving them and
        the staged rows of ``tables`` into the ledger."""
        if balances:
            self.conn.executemany(
                f"INSERT INTO {self.stage('balances')} (qty, value, drawn, id) VALUES (?, ?, ?, ?)",
                balances,
            )
        self._job = threading.Thread(
            target=self._move, args=(tables, bool(balances)), name="ledger-move", daemon=True
        )
        self._job.start()

    def _move(self, tables: list[str], balances: bool) -> None:
        try:
            for table in tables:  # the staged rows in the order staged: rowid order
                self.conn.execute(f"INSERT INTO main.{table} SELECT * FROM temp.stage_{table}")
                self.conn.execute(f"DELETE FROM temp.stage_{table}")
            if balances:
                self.conn.execute(_MOVE_BALANCES)
                self.conn.execute("DELETE FROM temp.stage_balances")
        except BaseException as exc:  # raised in the caller's thread by ``settle``
            self._failed = exc

    def settle(self) -> None:
        """Wait for the move in flight, if any; what it raised is raised here."""
        job = self._job
        if job is None:
            return
        job.join()
        self._job = None
        failed, self._failed = self._failed, None
        if failed is not None:
            raise failed

    def abandon(self) -> None:
        """Wait for the move in flight and drop what it raised: the caller is leaving with an
        error of its own and rolls the transaction back (never while a move runs)."""
        if self._job is not None:
            self._job.join()
            self._job = None
            self._failed = None

    def close(self) -> None:
        """Wait for the last move (raising what it raised) and drop the stages."""
        self.settle()
        if self._made:
            for table in (*self.tables, "balances"):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.stage_{table}")
            self._made = False
