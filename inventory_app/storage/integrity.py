"""Proofs that the maintained caches and the ledger agree. Each query returns offending rows."""

from __future__ import annotations

import sqlite3

# (what is being proved, SQL returning a few offending rows as text)
CHECKS: tuple[tuple[str, str], ...] = (
    (
        "batch remaining = received - allocated",
        """SELECT 'batch ' || b.id || ': remaining ' || b.qty_remaining || '/' ||
                  b.value_remaining || ' but received - allocated = ' ||
                  (b.qty_received - coalesce(a.q, 0)) || '/' || (b.value_received - coalesce(a.v, 0))
           FROM batches b LEFT JOIN (SELECT batch_id, sum(qty) q, sum(value) v FROM allocations
                                     GROUP BY batch_id) a ON a.batch_id = b.id
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
        "item on hand = sum of its movements",
        """SELECT 'item ' || i.sku || ': on hand ' || i.on_hand_qty || '/' || i.on_hand_value ||
                  ' but movements sum to ' || coalesce(m.q, 0) || '/' || coalesce(m.v, 0)
           FROM items i LEFT JOIN (SELECT item_id, sum(qty) q, sum(value) v FROM movements
                                   WHERE bucket <> 'xfer' GROUP BY item_id) m ON m.item_id = i.id
           WHERE i.on_hand_qty <> coalesce(m.q, 0) OR i.on_hand_value <> coalesce(m.v, 0)
           LIMIT 5""",
    ),
    (
        "monthly flows = movements",
        """WITH m AS (
             SELECT item_id, substr(date, 1, 7) AS month,
                    sum(CASE WHEN bucket = 'in' THEN qty ELSE 0 END) AS iq,
                    sum(CASE WHEN bucket = 'in' THEN value ELSE 0 END) AS iv,
                    -sum(CASE WHEN bucket = 'out' THEN qty ELSE 0 END) AS oq,
                    -sum(CASE WHEN bucket = 'out' THEN value ELSE 0 END) AS ov,
                    sum(CASE WHEN bucket = 'adj' THEN qty ELSE 0 END) AS aq,
                    sum(CASE WHEN bucket = 'adj' THEN value ELSE 0 END) AS av
             FROM movements WHERE bucket <> 'xfer' GROUP BY item_id, month)
           SELECT 'item id ' || coalesce(m.item_id, f.item_id) || ' month ' ||
                  coalesce(m.month, f.month) || ' flows disagree'
           FROM m FULL OUTER JOIN item_month f ON f.item_id = m.item_id AND f.month = m.month
           WHERE coalesce(m.iq, 0) <> coalesce(f.in_qty, 0) OR coalesce(m.iv, 0) <> coalesce(f.in_value, 0)
              OR coalesce(m.oq, 0) <> coalesce(f.out_qty, 0) OR coalesce(m.ov, 0) <> coalesce(f.out_value, 0)
              OR coalesce(m.aq, 0) <> coalesce(f.adj_qty, 0) OR coalesce(m.av, 0) <> coalesce(f.adj_value, 0)
           LIMIT 5""",
    ),
    (
        "an outgoing movement's value = its allocations",
        """SELECT 'movement ' || m.id || ' (' || m.type || ') value ' || m.value ||
                  ' but allocations ' || coalesce(a.v, 0)
           FROM movements m LEFT JOIN (SELECT movement_id, sum(qty) q, sum(value) v
                                       FROM allocations GROUP BY movement_id) a
                ON a.movement_id = m.id
           WHERE m.type IN ('issue', 'writeoff') OR (m.type IN ('adjust', 'stocktake') AND m.qty < 0)
           GROUP BY m.id HAVING m.value <> -coalesce(a.v, 0) OR m.qty <> -coalesce(a.q, 0) LIMIT 5""",
    ),
    (
        "a receipt's value = the batch it created",
        """SELECT 'movement ' || m.id || ' value ' || m.value || ' but its batch ' ||
                  coalesce(b.v, 'is missing')
           FROM movements m LEFT JOIN (SELECT movement_id, sum(qty_received) q,
                                      sum(value_received) v FROM batches GROUP BY movement_id) b
                ON b.movement_id = m.id
           WHERE (m.type = 'receipt' OR (m.type IN ('adjust', 'stocktake') AND m.qty > 0))
             AND (b.v IS NULL OR b.v <> m.value OR b.q <> m.qty) LIMIT 5""",
    ),
    (
        "a transfer moves value, it does not create it",
        """SELECT 'transfer ' || m.id || ' drew ' || coalesce(a.v, 0) || ' and placed ' ||
                  coalesce(b.v, 0)
           FROM movements m
           LEFT JOIN (SELECT movement_id, sum(value) v FROM allocations GROUP BY movement_id) a
                ON a.movement_id = m.id
           LEFT JOIN (SELECT movement_id, sum(value_received) v FROM batches GROUP BY movement_id) b
                ON b.movement_id = m.id
           WHERE m.type = 'transfer' AND (coalesce(a.v, 0) <> m.value OR coalesce(b.v, 0) <> m.value)
           LIMIT 5""",
    ),
    (
        "value is conserved: receipts + adjustments - COGS = stock value",
        """SELECT 'movements sum to ' || (SELECT coalesce(sum(value), 0) FROM movements
                                          WHERE bucket <> 'xfer') ||
                  ' but batches hold ' || (SELECT coalesce(sum(value_remaining), 0) FROM batches)
           WHERE (SELECT coalesce(sum(value), 0) FROM movements WHERE bucket <> 'xfer')
              <> (SELECT coalesce(sum(value_remaining), 0) FROM batches)""",
    ),
    (
        "no batch was drawn before it arrived",
        """SELECT 'allocation ' || a.id || ' on ' || a.date || ' draws batch ' || b.id ||
                  ' posted ' || b.posted_date
           FROM allocations a JOIN batches b ON b.id = a.batch_id
           WHERE a.date < b.posted_date LIMIT 5""",
    ),
    (
        "no batch was ever below zero at the end of a day",
        """WITH ev AS (
             SELECT id AS batch_id, posted_date AS date, qty_received AS q FROM batches
             UNION ALL SELECT batch_id, date, -qty FROM allocations),
           daily AS (SELECT batch_id, date, sum(q) AS q FROM ev GROUP BY batch_id, date),
           running AS (SELECT batch_id, date, sum(q) OVER (PARTITION BY batch_id ORDER BY date)
                       AS bal FROM daily)
           SELECT 'batch ' || batch_id || ' was ' || bal || ' on ' || date FROM running
           WHERE bal < 0 LIMIT 5""",
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


def run_checks(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """[(rule, problems)] for every rule; an empty list of problems means it holds."""
    out = []
    for rule, sql in CHECKS:
        out.append((rule, [r[0] for r in conn.execute(sql).fetchall()]))
    return out
