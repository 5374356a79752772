"""Proofs that the maintained caches and the ledger agree. Each query returns offending rows.

The big tables are read once each: a rule that needs allocations summed per movement or per
batch, or movements summed per item and month, reads a temporary table filled once per check
(``AGGREGATES``) instead of grouping the big table again. The sums are built by upsert from a
straight scan, which costs a third of a GROUP BY that sorts a million rows. The rules that
share an aggregate run on one connection, in one read transaction: the aggregate and the
tables compared with it are one snapshot even while others post.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from inventory_app.storage.pinyin import pinyin_keys

# name -> (DDL, fill): per-check temporary sums, built on the connection of the rules using them
AGGREGATES: dict[str, tuple[str, str]] = {
    "check_alloc_by_movement": (
        "CREATE TEMP TABLE check_alloc_by_movement (movement_id INTEGER PRIMARY KEY, q INT, v INT)",
        """INSERT INTO check_alloc_by_movement SELECT movement_id, qty, value
           FROM allocations NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
    ),
    "check_alloc_by_batch": (
        "CREATE TEMP TABLE check_alloc_by_batch (batch_id INTEGER PRIMARY KEY, q INT, v INT)",
        """INSERT INTO check_alloc_by_batch SELECT batch_id, qty, value
           FROM allocations NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
    ),
    "check_batches_by_movement": (
        "CREATE TEMP TABLE check_batches_by_movement (movement_id INTEGER PRIMARY KEY, q INT, v INT)",
        """INSERT INTO check_batches_by_movement SELECT movement_id, qty_received, value_received
           FROM batches NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
    ),
    "check_flows": (
        """CREATE TEMP TABLE check_flows (item_id INT, month TEXT, iq INT, iv INT, oq INT, ov INT,
           aq INT, av INT, PRIMARY KEY (item_id, month)) WITHOUT ROWID""",
        """INSERT INTO check_flows SELECT item_id, substr(date, 1, 7),
             CASE WHEN bucket = 'in' THEN qty ELSE 0 END, CASE WHEN bucket = 'in' THEN value ELSE 0 END,
             CASE WHEN bucket = 'out' THEN -qty ELSE 0 END,
             CASE WHEN bucket = 'out' THEN -value ELSE 0 END,
             CASE WHEN bucket = 'adj' THEN qty ELSE 0 END, CASE WHEN bucket = 'adj' THEN value ELSE 0 END
           FROM movements NOT INDEXED WHERE bucket <> 'xfer'
           ON CONFLICT DO UPDATE SET iq = iq + excluded.iq, iv = iv + excluded.iv,
             oq = oq + excluded.oq, ov = ov + excluded.ov, aq = aq + excluded.aq,
             av = av + excluded.av""",
    ),
}

_OUTGOING = "(m.type IN ('issue', 'writeoff') OR (m.type IN ('adjust', 'stocktake') AND m.qty < 0))"
_INCOMING = "(m.type = 'receipt' OR (m.type IN ('adjust', 'stocktake') AND m.qty > 0))"

# (what is being proved, SQL returning a few offending rows as text), in report order
CHECKS: tuple[tuple[str, str], ...] = (
    (
        "batch remaining = received - allocated",
        """SELECT 'batch ' || b.id || ': remaining ' || b.qty_remaining || '/' ||
                  b.value_remaining || ' but received - allocated = ' ||
                  (b.qty_received - coalesce(a.q, 0)) || '/' || (b.value_received - coalesce(a.v, 0))
           FROM batches b LEFT JOIN check_alloc_by_batch a ON a.batch_id = b.id
           WHERE b.qty_remaining <> b.qty_received - coalesce(a.q, 0)
              OR b.value_remaining <> b.value_received - coalesce(a.v, 0) LIMIT 5""",
    ),
    (
        "an empty batch holds no value",
        """SELECT 'batch ' || id || ' has value ' || value_remaining || ' and no quantity'
           FROM batches WHERE qty_remaining = 0 AND value_remaining <> 0 LIMIT 5""",
    ),
    (
        "item on hand = its batches",
        """SELECT 'item ' || i.sku || ': on hand ' || i.on_hand_qty || '/' || i.on_hand_value ||
                  ' but batches hold ' || coalesce(b.q, 0) || '/' || coalesce(b.v, 0)
           FROM items i LEFT JOIN (SELECT item_id, sum(qty_remaining) q, sum(value_remaining) v
                                   FROM batches GROUP BY item_id) b ON b.item_id = i.id
           WHERE i.on_hand_qty <> coalesce(b.q, 0) OR i.on_hand_value <> coalesce(b.v, 0)
           LIMIT 5""",
    ),
    (
        # with the next rule (monthly flows = movements) this proves on hand = all movements
        "item on hand = sum of its monthly flows",
        """SELECT 'item ' || i.sku || ': on hand ' || i.on_hand_qty || '/' || i.on_hand_value ||
                  ' but monthly flows sum to ' || coalesce(f.q, 0) || '/' || coalesce(f.v, 0)
           FROM items i LEFT JOIN (SELECT item_id, sum(in_qty - out_qty + adj_qty) q,
                                          sum(in_value - out_value + adj_value) v
                                   FROM item_month GROUP BY item_id) f ON f.item_id = i.id
           WHERE i.on_hand_qty <> coalesce(f.q, 0) OR i.on_hand_value <> coalesce(f.v, 0)
           LIMIT 5""",
    ),
    (
        "monthly flows = movements",
        """SELECT 'item id ' || coalesce(m.item_id, f.item_id) || ' month ' ||
                  coalesce(m.month, f.month) || ' flows disagree'
           FROM check_flows m FULL OUTER JOIN item_month f
                ON f.item_id = m.item_id AND f.month = m.month
           WHERE coalesce(m.iq, 0) <> coalesce(f.in_qty, 0) OR coalesce(m.iv, 0) <> coalesce(f.in_value, 0)
              OR coalesce(m.oq, 0) <> coalesce(f.out_qty, 0) OR coalesce(m.ov, 0) <> coalesce(f.out_value, 0)
              OR coalesce(m.aq, 0) <> coalesce(f.adj_qty, 0) OR coalesce(m.av, 0) <> coalesce(f.adj_value, 0)
           LIMIT 5""",
    ),
    (
        "an outgoing movement's value = its allocations",
        f"""SELECT 'movement ' || m.id || ' (' || m.type || ') value ' || m.value ||
                  ' but allocations ' || coalesce(a.v, 0)
           FROM movements m LEFT JOIN check_alloc_by_movement a ON a.movement_id = m.id
           WHERE {_OUTGOING} AND (m.value <> -coalesce(a.v, 0) OR m.qty <> -coalesce(a.q, 0))
           LIMIT 5""",
    ),
    (
        "a receipt's value = the batch it created",
        f"""SELECT 'movement ' || m.id || ' value ' || m.value || ' but its batch ' ||
                  coalesce(b.v, 'is missing')
           FROM movements m LEFT JOIN check_batches_by_movement b ON b.movement_id = m.id
           WHERE {_INCOMING} AND (b.v IS NULL OR b.v <> m.value OR b.q <> m.qty) LIMIT 5""",
    ),
    (
        "a transfer moves value, it does not create it",
        """SELECT 'transfer ' || m.id || ' drew ' || coalesce(a.v, 0) || ' and placed ' ||
                  coalesce(b.v, 0)
           FROM movements m
           LEFT JOIN check_alloc_by_movement a ON a.movement_id = m.id
           LEFT JOIN check_batches_by_movement b ON b.movement_id = m.id
           WHERE m.type = 'transfer' AND (coalesce(a.v, 0) <> m.value OR coalesce(b.v, 0) <> m.value)
           LIMIT 5""",
    ),
    (
        "value is conserved: receipts + adjustments - COGS = stock value",
        """WITH t AS (SELECT (SELECT coalesce(sum(value), 0) FROM movements NOT INDEXED
                             WHERE bucket <> 'xfer') AS moved,
                            (SELECT coalesce(sum(value_remaining), 0) FROM batches) AS held)
           SELECT 'movements sum to ' || moved || ' but batches hold ' || held FROM t
           WHERE moved <> held""",
    ),
    (
        "no batch was drawn before it arrived",
        """SELECT 'batch ' || b.id || ' drawn on ' || a.first || ' but posted ' || b.posted_date
           FROM (SELECT batch_id, min(date) AS first FROM allocations GROUP BY batch_id) a
           JOIN batches b ON b.id = a.batch_id
           WHERE a.first < b.posted_date LIMIT 5""",
    ),
    (
        # Draws only lower a batch, so its lowest balance is today's (>= 0 by constraint and by
        # the first rule); only batches that had stock put back can have dipped below zero.
        "no batch was ever below zero at the end of a day",
        """WITH touched AS (SELECT DISTINCT batch_id FROM allocations NOT INDEXED WHERE qty < 0),
           ev AS (
             SELECT id AS batch_id, posted_date AS date, qty_received AS q FROM batches
             WHERE id IN touched
             UNION ALL SELECT batch_id, date, -qty FROM allocations WHERE batch_id IN touched),
           daily AS (SELECT batch_id, date, sum(q) AS q FROM ev GROUP BY batch_id, date),
           running AS (SELECT batch_id, date, sum(q) OVER (PARTITION BY batch_id ORDER BY date)
                       AS bal FROM daily)
           SELECT 'batch ' || batch_id || ' was ' || bal || ' on ' || date FROM running
           WHERE bal < 0 LIMIT 5""",
    ),
    (
        # pinyin_keys(): the Python function, registered on the connection by run_rules
        "item pinyin keys = those of its name",
        """SELECT 'item ' || sku || ': pinyin keys ' || quote(pinyin) || ' but its name gives ' ||
                  quote(pinyin_keys(name))
           FROM items WHERE pinyin <> pinyin_keys(name) LIMIT 5""",
    ),
    (
        "a reversal reverses an original, once",
        """SELECT 'movement ' || r.id || ' reverses ' || r.reverses_id || ', which is ' ||
                  coalesce(o.type, 'missing')
           FROM movements r LEFT JOIN movements o ON o.id = r.reverses_id
           WHERE r.reverses_id IS NOT NULL AND (o.id IS NULL OR o.type = 'reversal'
                 OR o.qty <> -r.qty OR o.value <> -r.value) LIMIT 5""",
    ),
)

# The rules in two groups of about equal work (measured alone on 1M movements, CPU seconds),
# each run on a connection of its own in a thread, beside the foreign key check (~0.9 s) on
# the caller's connection: SQLite releases the GIL, so on two cores the groups overlap.
# Flows: summing movements by item and month 1.5 s, the rest 0.6 s (pinyin keys 0.45).
# Allocations: summing them per movement 0.25 s and per batch 0.9 s, the rules 0.6 s.
GROUPS: tuple[frozenset[str], ...] = (
    frozenset({
        "item on hand = sum of its monthly flows",
        "monthly flows = movements",
        "value is conserved: receipts + adjustments - COGS = stock value",
        "item pinyin keys = those of its name",
        "a reversal reverses an original, once",
    }),
    frozenset(r for r, _ in CHECKS) - frozenset({
        "item on hand = sum of its monthly flows",
        "monthly flows = movements",
        "value is conserved: receipts + adjustments - COGS = stock value",
        "item pinyin keys = those of its name",
        "a reversal reverses an original, once",
    }),
)  # fmt: skip


def run_rules(conn: sqlite3.Connection, rules: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Run ``rules`` in one read transaction on ``conn`` (a connection that may make temporary
    tables: not ``query_only``), building the aggregates they read first."""
    conn.create_function("pinyin_keys", 1, pinyin_keys, deterministic=True)
    conn.execute("BEGIN")
    try:
        for name, (ddl, fill) in AGGREGATES.items():
            if any(name in sql for _, sql in rules):
                conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
                conn.execute(ddl)
                conn.execute(fill)
        return {rule: [r[0] for r in conn.execute(sql).fetchall()] for rule, sql in rules}
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
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def run_checks(
    conn: sqlite3.Connection, *, path: str, quick_check: list[str] | None = None
) -> list[tuple[str, list[str]]]:
    """[(rule, problems)] for every rule; no problems means the rule holds.

    The rules run on read-only connections of their own to the file at ``path``, in threads,
    while ``conn`` runs the foreign key check. ``quick_check``: SQLite's quick_check result
    when the caller has just run it (``check`` does, to refuse a damaged file first); else it
    runs here."""
    found: dict[str, list[str]] = {}
    failed: list[BaseException] = []

    def run_group(rules: list[tuple[str, str]]) -> None:
        try:
            other = _rules_connection(path)
            try:
                found.update(run_rules(other, rules))
            finally:
                other.close()
        except sqlite3.Error:
            pass  # no second connection here (a read-only folder): the rules run below
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    workers = [
        threading.Thread(target=run_group, args=([c for c in CHECKS if c[0] in group],),
                         name="check-rules")
        for group in GROUPS
    ]  # fmt: skip
    for w in workers:
        w.start()
    try:
        if quick_check is None:
            quick_check = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        found["SQLite quick_check"] = [] if quick_check == ["ok"] else quick_check[:5]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        found["foreign keys"] = [f"{t} row {r} -> {p}" for t, r, p, _ in fk[:5]]
    finally:
        for w in workers:
            w.join()
    if failed:
        raise failed[0]
    left = [c for c in CHECKS if c[0] not in found]
    if left:  # the groups that could not open a connection of their own
        found.update(run_rules(conn, left))
    order = ["SQLite quick_check", "foreign keys"] + [r for r, _ in CHECKS]
    return [(rule, found[rule]) for rule in order]
