"""Running the rules of ``storage.integrity``: in two groups, each on a read-only connection
of its own in a thread, beside SQLite's quick_check on the caller's connection (SQLite releases
the GIL, so on two cores they overlap). Each group builds the sums its rules share once, in
one read transaction: the sums and the tables compared with them are one snapshot even while
others post."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from inventory_app.storage.integrity import AGGREGATES, CHECKS, NEEDS, PROOFS
from inventory_app.storage.mapped import never_mapped
from inventory_app.storage.pinyin import pinyin_keys

# The rules in two groups of about equal work (measured alone on 1M movements, CPU seconds),
# each run on a connection of its own in a thread, beside quick_check (and ``check``'s chain):
# SQLite releases the GIL, so on two cores they overlap.
# Flows: summing movements by item, month and bucket 1.2 s, the rest 0.9 s (pinyin keys 0.7).
# Allocations: summing them per movement 0.6 s and per batch 1.0 s, the rules 0.6 s, the
# foreign keys 0.9 s.
_FLOW_RULES = frozenset(
    {
        "item on hand = sum of its monthly flows",
        "monthly flows = movements",
        "value is conserved: receipts + adjustments - COGS = stock value",
        "item pinyin keys = those of its name",
        "a reversal reverses an original, once",
    }
)
GROUPS: tuple[frozenset[str], ...] = (_FLOW_RULES, frozenset(r for r, _ in CHECKS) - _FLOW_RULES)
# the group that sums allocations runs the foreign key check too (see foreign_keys_beside_sums)
_ALLOCATION_RULE = "batch remaining = received - allocated"


def run_rules(
    conn: sqlite3.Connection,
    rules: list[tuple[str, str]],
    *,
    then: Callable[[sqlite3.Connection], dict[str, list[str]]] | None = None,
) -> dict[str, list[str]]:
    """Run ``rules`` in one read transaction on ``conn`` (a connection that may make temporary
    tables: not ``query_only``), building the aggregates they read first; ``then``: more
    findings, from the same snapshot and aggregates."""
    conn.create_function("pinyin_keys", 1, pinyin_keys, deterministic=True)
    built: set[str] = set()

    def build(sql: str) -> None:  # the sums ``sql`` reads, each once, those it needs first
        for name, (ddl, fills) in AGGREGATES.items():
            if name in sql and name not in built:
                for need in NEEDS.get(name, ()):
                    build(need)
                conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
                conn.execute(ddl)
                for fill in fills:
                    conn.execute(fill)
                built.add(name)

    conn.execute("BEGIN")
    try:
        for rule, sql in rules:  # the sums each rule (or its proof) reads, up front
            build(PROOFS.get(rule, sql))
        found = {}
        for rule, sql in rules:
            proof = PROOFS.get(rule)
            if proof is not None and conn.execute(proof).fetchone()[0] == 1:
                found[rule] = []
                continue
            build(sql)
            found[rule] = [r[0] for r in conn.execute(sql).fetchall()]
        if then is not None:
            found.update(then(conn))
        return found
    finally:
        conn.execute("ROLLBACK")  # the temporary tables go with it


def _rules_connection(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # a read-only folder: no -shm can be made beside the file, so read it immutable, as
        # the shop itself is opened there (nobody can write beside it either)
        conn.close()
        uri = f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cache_size = -65536")
    never_mapped(conn)  # (see storage.mapped)
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


class Beside:
    """The connections of the threads running beside the caller's, to stop them at once when
    what they would find no longer counts (the file is damaged)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: list[sqlite3.Connection] = []
        self.stopped = False

    def add(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._open.append(conn)
            if self.stopped:
                conn.interrupt()

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            for conn in self._open:
                with contextlib.suppress(sqlite3.Error):  # closed already: done
                    conn.interrupt()


def _foreign_keys(conn: sqlite3.Connection) -> dict[str, list[str]]:
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    return {"foreign keys": [f"{t} row {r} -> {p}" for t, r, p, _ in fk[:5]]}


# The allocations' two foreign keys, proved from the sums by movement and by batch, whose keys
# are the ids the allocations name, each once and in order: 0.2 s where the pragma's lookup
# per allocation costs 0.8 s. Any doubt (an id missing, the keys not as the app declares them,
# a sum not built) and the pragma runs over every table: it names the rows, as it always has.
_ALLOCATION_KEYS = {("movements", "movement_id", "id"), ("batches", "batch_id", "id")}
_ALLOCATION_PARENTS = (  # (a join costs a third of NOT EXISTS, a subroutine call per key)
    """SELECT 1 FROM check_alloc_by_movement a LEFT JOIN movements m ON m.id = a.movement_id
       WHERE m.id IS NULL LIMIT 1""",
    """SELECT 1 FROM check_alloc_by_batch a LEFT JOIN batches b ON b.id = a.batch_id
       WHERE b.id IS NULL LIMIT 1""",
)


def foreign_keys_beside_sums(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The foreign key check, on a connection holding the allocations' sums."""
    try:
        keys = {(r[2], r[3], r[4]) for r in conn.execute("PRAGMA foreign_key_list(allocations)")}
        proved = keys == _ALLOCATION_KEYS and not any(
            conn.execute(sql).fetchone() for sql in _ALLOCATION_PARENTS
        )
    except sqlite3.OperationalError:  # a sum not built on this connection
        proved = False
    if proved:
        tables = conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name <> 'allocations'"
        ).fetchall()
        proved = not any(
            conn.execute(f'PRAGMA main.foreign_key_check("{t}")').fetchone() for (t,) in tables
        )
    return {"foreign keys": []} if proved else _foreign_keys(conn)


def run_checks(
    conn: sqlite3.Connection,
    *,
    path: str,
    pages: Callable[[], None] | None = None,
    beside: Beside | None = None,
) -> list[tuple[str, list[str]]]:
    """[(rule, problems)] for every rule; no problems means the rule holds.

    The rules and the foreign key check run on read-only connections of their own to the
    file at ``path``, in threads, while ``conn`` runs SQLite's quick_check. ``pages``: the
    caller's own proof of the pages instead (``check`` refuses a damaged file as opening
    does): it raises when the file is damaged, and then the threads are stopped and what
    they found is dropped; quick_check's rule is then reported as passed. ``beside``: where
    the threads' connections are kept, for the caller to stop others with them."""
    beside = beside or Beside()
    found: dict[str, list[str]] = {}
    failed: list[BaseException] = []

    def run_group(task: Callable[[sqlite3.Connection], dict[str, list[str]]]) -> None:
        try:
            other = _rules_connection(path)
            try:
                beside.add(other)
                found.update(task(other))
            finally:
                other.close()
        except sqlite3.Error:
            pass  # no second connection here (a read-only folder), or stopped: see below
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    tasks = [
        functools.partial(
            run_rules,
            rules=[c for c in CHECKS if c[0] in group],
            then=foreign_keys_beside_sums if _ALLOCATION_RULE in group else None,
        )
        for group in GROUPS
    ]
    workers = [threading.Thread(target=run_group, args=(t,), name="check-rules") for t in tasks]
    for w in workers:
        w.start()
    try:
        if pages is None:
            quick_check = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            found["SQLite quick_check"] = [] if quick_check == ["ok"] else quick_check[:5]
        else:
            pages()
            found["SQLite quick_check"] = []
    except BaseException:
        beside.stop()
        raise
    finally:
        for w in workers:
            w.join()
    if failed:
        raise failed[0]
    if "foreign keys" not in found:  # a second connection could not be opened
        found.update(_foreign_keys(conn))
    left = [c for c in CHECKS if c[0] not in found]
    if left:  # the groups that could not open a connection of their own
        found.update(run_rules(conn, left))
    order = ["SQLite quick_check", "foreign keys"] + [r for r, _ in CHECKS]
    return [(rule, found[rule]) for rule in order]
