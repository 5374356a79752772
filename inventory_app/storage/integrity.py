"""Proofs that the maintained caches and the ledger agree. Each query returns offending rows.

The big tables are read once each: a rule that needs allocations summed per movement or per
batch, or movements summed per item and month, reads a temporary table filled once per check
(``AGGREGATES``) instead of grouping the big table again. The sums are built by upsert from a
straight scan, which costs a third of a GROUP BY that sorts a million rows. A rule may be
proved from those sums first (``PROOFS``), its own SQL running only when the proof fails.
``storage.integrity_run`` runs them.
"""

from __future__ import annotations

# A movement's (item, month, bucket) as one integer, month first (the ledger is mostly in date
# order, so the sums being added to stay few and near), for the rows whose parts fit it
# exactly: an integer item id of 0..2^24-1 (``&`` keeps it), a date of text (below any blob)
# starting YYYY-MM, one of the three buckets. Distinct parts give distinct keys, and the
# month text comes back exactly (``%04d-%02d``). Upserting by this rowid costs ~1.5 s where the
# (item, month) text key cost 2.7 s. Any other row (a value written past the constraints) is
# summed under -1, and those rows are read again as the plain rule reads them: no movement
# is left out or put in a wrong month.
_FITS = """item_id & 16777215 = item_id AND date < x''
           AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"""
_FLOW_KEY = f"""CASE WHEN {_FITS} THEN coalesce(
             ((substr(date, 1, 4) * 100 + substr(date, 6, 2)) * 16777216 + item_id) * 4
             + CASE bucket WHEN 'in' THEN 0 WHEN 'out' THEN 1 WHEN 'adj' THEN 2 END, -1)
           ELSE -1 END"""
_FLOWS_UPSERT = """
           ON CONFLICT DO UPDATE SET iq = iq + excluded.iq, iv = iv + excluded.iv,
             oq = oq + excluded.oq, ov = ov + excluded.ov, aq = aq + excluded.aq,
             av = av + excluded.av"""

# name -> (DDL, fills): per-check temporary sums, built on the connection of the rules using
# them (with those of ``NEEDS`` first)
AGGREGATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "check_alloc_by_movement": (
        "CREATE TEMP TABLE check_alloc_by_movement (movement_id INTEGER PRIMARY KEY, q INT, v INT)",
        (
            """INSERT INTO check_alloc_by_movement SELECT movement_id, qty, value
           FROM allocations NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
        ),
    ),
    # first: the batch's earliest draw, kept as the aggregate min() keeps it (a NULL ignored)
    "check_alloc_by_batch": (
        """CREATE TEMP TABLE check_alloc_by_batch (batch_id INTEGER PRIMARY KEY, q INT, v INT,
           first)""",
        (
            """INSERT INTO check_alloc_by_batch SELECT batch_id, qty, value, date
           FROM allocations NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v,
             first = CASE WHEN excluded.first < first OR first IS NULL THEN excluded.first
                          ELSE first END""",
        ),
    ),
    "check_batches_by_movement": (
        "CREATE TEMP TABLE check_batches_by_movement (movement_id INTEGER PRIMARY KEY, q INT, v INT)",
        (
            """INSERT INTO check_batches_by_movement SELECT movement_id, qty_received, value_received
           FROM batches NOT INDEXED WHERE true
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
        ),
    ),
    # every movement but transfers, summed by (item, month, bucket) key (-1: those not keyed)
    "check_flow_keys": (
        "CREATE TEMP TABLE check_flow_keys (k INTEGER PRIMARY KEY, q INT, v INT)",
        (
            f"""INSERT INTO check_flow_keys SELECT {_FLOW_KEY}, qty, value
           FROM movements NOT INDEXED WHERE bucket <> 'xfer'
           ON CONFLICT DO UPDATE SET q = q + excluded.q, v = v + excluded.v""",
        ),
    ),
    "check_flows": (
        """CREATE TEMP TABLE check_flows (item_id INT, month TEXT, iq INT, iv INT, oq INT, ov INT,
           aq INT, av INT, PRIMARY KEY (item_id, month)) WITHOUT ROWID""",
        (
            """INSERT INTO check_flows SELECT (k >> 2) & 16777215,
                 printf('%04d-%02d', (k >> 26) / 100, (k >> 26) % 100),
                 sum(CASE k & 3 WHEN 0 THEN q ELSE 0 END), sum(CASE k & 3 WHEN 0 THEN v ELSE 0 END),
                 sum(CASE k & 3 WHEN 1 THEN -q ELSE 0 END), sum(CASE k & 3 WHEN 1 THEN -v ELSE 0 END),
                 sum(CASE k & 3 WHEN 2 THEN q ELSE 0 END), sum(CASE k & 3 WHEN 2 THEN v ELSE 0 END)
               FROM check_flow_keys WHERE k >= 0 GROUP BY k >> 2""",
            # the rows not keyed, if any, as the rule has always summed them
            f"""INSERT INTO check_flows SELECT item_id, substr(date, 1, 7),
             CASE WHEN bucket = 'in' THEN qty ELSE 0 END, CASE WHEN bucket = 'in' THEN value ELSE 0 END,
             CASE WHEN bucket = 'out' THEN -qty ELSE 0 END,
             CASE WHEN bucket = 'out' THEN -value ELSE 0 END,
             CASE WHEN bucket = 'adj' THEN qty ELSE 0 END, CASE WHEN bucket = 'adj' THEN value ELSE 0 END
           FROM movements NOT INDEXED
           WHERE EXISTS (SELECT 1 FROM check_flow_keys WHERE k = -1)
             AND bucket <> 'xfer'
             AND ({_FITS} AND bucket IN ('in', 'out', 'adj')) IS NOT 1 {_FLOWS_UPSERT}""",
        ),
    ),
}
NEEDS = {"check_flows": ("check_flow_keys",)}

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
        """WITH t AS (SELECT (SELECT coalesce(sum(v), 0) FROM check_flow_keys) AS moved,
                            (SELECT coalesce(sum(value_remaining), 0) FROM batches) AS held)
           SELECT 'movements sum to ' || moved || ' but batches hold ' || held FROM t
           WHERE moved <> held""",
    ),
    (
        "no batch was drawn before it arrived",
        """SELECT 'batch ' || b.id || ' drawn on ' || a.first || ' but posted ' || b.posted_date
           FROM check_alloc_by_batch a JOIN batches b ON b.id = a.batch_id
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

# Rules proved first from the sums they share, more cheaply than their own SQL runs: a proof
# answers 1 only when the rule's SQL would find nothing; otherwise (a problem, or any doubt)
# the rule's SQL runs, which names what disagrees as it always has.
PROOFS: dict[str, str] = {
    # each item_month row against the keyed sums of its (item, month) (three rowid seeks: its
    # month text fits the key exactly or it is a doubt), and every keyed sum matched by one
    # row (distinct rows have distinct keys, so counting the matched keys is enough): 0.5 s
    # where building the text-keyed sums and joining them costs 0.9 s
    "monthly flows = movements": """
        WITH f AS MATERIALIZED (
          SELECT *, CASE WHEN typeof(month) = 'text'
                           AND month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                           AND item_id & 16777215 = item_id
                      THEN ((substr(month, 1, 4) * 100 + substr(month, 6, 2)) * 16777216
                            + item_id) * 4 END AS k
          FROM item_month NOT INDEXED),
        s AS (
          SELECT count(*) FILTER (WHERE f.k IS NULL
              OR coalesce(i.q, 0) <> coalesce(f.in_qty, 0) OR coalesce(i.v, 0) <> coalesce(f.in_value, 0)
              OR coalesce(-o.q, 0) <> coalesce(f.out_qty, 0) OR coalesce(-o.v, 0) <> coalesce(f.out_value, 0)
              OR coalesce(a.q, 0) <> coalesce(f.adj_qty, 0) OR coalesce(a.v, 0) <> coalesce(f.adj_value, 0)
            ) AS bad,
            count(i.k) + count(o.k) + count(a.k) AS matched
          FROM f LEFT JOIN check_flow_keys i ON i.k = f.k
                 LEFT JOIN check_flow_keys o ON o.k = f.k + 1
                 LEFT JOIN check_flow_keys a ON a.k = f.k + 2)
        SELECT bad = 0 AND matched = (SELECT count(*) FROM check_flow_keys WHERE k >= 0)
               AND NOT EXISTS (SELECT 1 FROM check_flow_keys WHERE k = -1)
        FROM s""",
}
