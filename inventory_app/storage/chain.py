"""The tamper-evident chain over what was posted (see ``domain.chain``), and the triggers.

Links, in the ``chain`` table, in the order written:

- ``ledger``: the rows one write of the posting engine inserted (``LedgerWriter.write_rows``),
  hashed from the very parameter tuples it binds; ``ref`` names each table's id range and the
  hash of its rows, so a broken link says which table changed. Batches are covered by their
  receipt facts only (the first 12 columns): their remaining balances are caches.
- ``stocktake``: an approved stocktake's header and its lines' figures fixed at approval.
- ``setting``: a setting that matters (the lock date) as set by the app;
- ``audit``: each audit entry as written.

A link's ``ref`` holds what it covers (id ranges and digests, a stocktake's or an entry's
digest, a setting's value) and its hash covers the ref and the previous link's hash.

``verify`` recomputes every link from the rows in the file and names what no longer matches.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence

from inventory_app.domain.chain import GENESIS, content_text, link
from inventory_app.storage.mapped import never_mapped

LEDGER_TABLES = ("documents", "movements", "batches", "allocations")
# The columns a ledger link covers, in the writer's order (its INSERT binds every column).
COLUMNS = {
    "documents": "id, date, kind, reference, supplier, note, operator, source, created_at",
    "movements": "id, document_id, date, type, bucket, item_id, location_id, to_location_id,"
    " qty, value, unit_cost, reason, override_reason, note, reference, operator, reverses_id,"
    " stocktake_id",
    "batches": "id, item_id, location_id, code, received_date, posted_date, expiry, unit_cost,"
    " qty_received, value_received, movement_id, source_batch_id",
    "allocations": "id, movement_id, batch_id, date, qty, value",
}
_BATCH_FACTS = 12
#: settings whose changes are chained (a cost method would join the lock date here)
CHAINED_SETTINGS = ("lock_date",)
_MIGRATION_CHUNK = 50_000


def last_hash(conn: sqlite3.Connection) -> bytes:
    row = conn.execute("SELECT hash FROM chain ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def _append(conn: sqlite3.Connection, kind: str, ref: str, content: bytes) -> None:
    h = link(last_hash(conn), kind, ref, content)
    conn.execute("INSERT INTO chain (kind, ref, hash) VALUES (?, ?, ?)", (kind, ref, h))


# A ledger link holds one digest per run of this many rows, so that `check` names a changed
# row within 64 ids (a link covers up to 20,000 movements). 24 hex digits (96 bits) each:
# ~0.5 MB of refs per million rows, a few thousand extra small hashes to compute.
_RUN = 64
_RUN_DIGITS = 24


def _run_digests(rows: Sequence[Sequence[object]]) -> list[str]:
    return [
        hashlib.sha256(content_text(rows[i : i + _RUN])).hexdigest()[:_RUN_DIGITS]
        for i in range(0, len(rows), _RUN)
    ]


def add_ledger(conn: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    """Chain the rows about to be inserted (``LedgerWriter.rows``: each table's tuples in id
    order). Costs one JSON text and one hash per table: no extra row per posted row."""
    ref: dict[str, list] = {}
    for table in LEDGER_TABLES:
        got = rows[table]
        if not got:
            continue
        if table == "batches":
            got = [r[:_BATCH_FACTS] for r in got]
        ref[table] = [got[0][0], got[-1][0], _run_digests(got)]
    if ref:
        _append(conn, "ledger", json.dumps(ref, separators=(",", ":")), b"")


def _stocktake_content(conn: sqlite3.Connection, stocktake_id: int) -> bytes:
    head = conn.execute(
        "SELECT id, name, scope, blind, state, snapshot_movement_id, started_at, started_by,"
        " closed_at, approver, uncounted, document_id FROM stocktakes WHERE id = ?",
        (stocktake_id,),
    ).fetchall()
    lines = conn.execute(
        "SELECT id, item_id, location_id, batch, expiry, snapshot_qty, snapshot_value, reason,"
        " outcome, final_expected, final_counted, posted_qty, posted_value, movement_id"
        " FROM stocktake_lines WHERE stocktake_id = ? ORDER BY id",
        (stocktake_id,),
    ).fetchall()
    return content_text([head, lines])


def add_stocktake(conn: sqlite3.Connection, stocktake_id: int) -> None:
    """Chain a stocktake as approved (or cancelled): call after its rows are final."""
    digest = hashlib.sha256(_stocktake_content(conn, stocktake_id)).hexdigest()
    _append(conn, "stocktake", json.dumps([stocktake_id, digest]), b"")


_AUDIT = "SELECT id, at, user, role, source, action, object, details FROM audit WHERE id = ?"


def _audit_content(conn: sqlite3.Connection, audit_id: int) -> bytes:
    return content_text(conn.execute(_AUDIT, (audit_id,)).fetchall())


def add_audit(conn: sqlite3.Connection, audit_id: int) -> None:
    """Chain an audit entry just written."""
    digest = hashlib.sha256(_audit_content(conn, audit_id)).hexdigest()
    _append(conn, "audit", json.dumps([audit_id, digest]), b"")


def add_setting(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Chain a setting's new value (``ref`` holds it, so ``verify`` knows what it was)."""
    _append(conn, "setting", json.dumps([key, value], ensure_ascii=False), b"")


# -- verifying ------------------------------------------------------------------------------


def _rows(conn: sqlite3.Connection, table: str, first: int, last: int) -> list[tuple]:
    return conn.execute(
        f"SELECT {COLUMNS[table]} FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id",
        (first, last),
    ).fetchall()


# Each run of a link's rows as the canonical text ``content_text`` makes of it, made by
# SQLite (in C, without a Python object per value): one text per run of ``_RUN`` ids from
# the first id (?1) to the last (?2). json_array writes ints, text (escaped as json.dumps
# does with ensure_ascii=False), NULL as ``content_text`` does; a value it writes otherwise
# (a real always has a point, a blob is refused) cannot give the posted text, so it can only
# fail a run, which is then read again in Python. json_group_array takes each row's array as
# JSON (its subtype) and writes it as it is, between ``[``, ``,`` and ``]``: the text of the
# run without a second copy made by concatenation (~15% of the chain's time); a run without
# rows gives ``[]``, which no posted run was. Each text comes as a blob: its UTF-8 bytes as
# SQLite holds them (a shop file is UTF-8; another encoding's bytes only fail a run), what
# hashlib reads, without a str made and encoded again for each run (~0.25 CPU-s on 1M rows).
_RUN_TEXTS = """WITH RECURSIVE run(start) AS (SELECT ?1 UNION ALL SELECT start + {run} FROM run
                                      WHERE start + {run} <= ?2)
    SELECT (SELECT CAST(json_group_array(json_array({columns})) AS BLOB)
            FROM {table} WHERE id BETWEEN start AND min(start + {run} - 1, ?2))
    FROM run"""


def _as_posted(conn: sqlite3.Connection, table: str, first: int, last: int, digests: list) -> bool:
    """Whether ids ``first``-``last`` of ``table`` are all there as posted: every run's text,
    made by SQLite, hashes to its digest. Sound as a proof: equal texts are equal JSON, so
    the same rows with the same ids, types and values; any doubt (a run that differs, SQLite
    without JSON, a value it cannot write) answers False, and the rows are read in Python."""
    if not isinstance(first, int) or not isinstance(last, int):
        return False
    if last < first or (last - first) // _RUN + 1 != len(digests):
        return False  # (a ref rewritten: the link's own hash names it)
    sql = _RUN_TEXTS.format(run=_RUN, columns=COLUMNS[table], table=table)
    try:
        texts = [t for (t,) in conn.execute(sql, (first, last))]
    except sqlite3.Error:
        return False
    sha256 = hashlib.sha256
    return all(
        text is not None and sha256(text).hexdigest()[:_RUN_DIGITS] == digest
        for text, digest in zip(texts, digests, strict=True)
    )


def _ledger_problems(conn: sqlite3.Connection, ref: dict[str, list]) -> list[str]:
    out = []
    for table, (first, last, digests) in ref.items():
        if _as_posted(conn, table, first, last, digests):
            continue  # what follows names what changed; SQLite proved nothing did
        rows = _rows(conn, table, first, last)
        if len(rows) != last - first + 1:
            present = {r[0] for r in rows}
            gone = [i for i in range(first, last + 1) if i not in present]
            out.append(f"{table} {_ids(gone)} removed after posting")
            continue
        runs = [rows[i : i + _RUN] for i in range(0, len(rows), _RUN)]
        if len(runs) != len(digests):  # a ref rewritten (its link's hash names it too)
            out.append(f"{table} {_span(first, last)} changed after posting")
            continue
        for run, then in zip(runs, digests, strict=True):
            if _read_digest(run) != then:
                out.append(f"{table} {_span(run[0][0], run[-1][0])} changed after posting")
    return out


def _read_digest(run: list[tuple]) -> str | None:
    """A run's digest as read back; None for a value the app never writes (a blob)."""
    try:
        return _run_digests(run)[0]
    except TypeError:
        return None


def _span(first: int, last: int) -> str:
    return f"id {first}" if first == last else f"ids {first}-{last}"


def _ids(ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:5]))
    return f"id {shown}" if len(ids) == 1 else f"ids {shown}{' ...' if len(ids) > 5 else ''}"


def _links(conn: sqlite3.Connection) -> Iterator[tuple[int, str, str, bytes]]:
    yield from conn.execute("SELECT id, kind, ref, hash FROM chain ORDER BY id")


def verify(conn: sqlite3.Connection) -> list[str]:
    """What no longer matches the chain, in words (empty: every chained row is as posted,
    and no ledger row, approved stocktake or lock date exists that the chain does not hold)."""
    problems: list[str] = []
    previous = GENESIS
    covered = {t: 0 for t in LEDGER_TABLES}  # rows each table's links cover
    settings: dict[str, str | None] = {}
    approved: set[int] = set()
    audited = 0
    broken = False
    content = b""
    for link_id, kind, ref, stored in _links(conn):
        if kind == "ledger":
            ranges = json.loads(ref)
            problems += _ledger_problems(conn, ranges)
            for table, (first, last, _) in ranges.items():
                covered[table] += last - first + 1
        elif kind == "setting":
            key, value = json.loads(ref)
            settings[key] = value
        elif kind == "stocktake":
            sid, digest = json.loads(ref)
            approved.add(sid)
            if hashlib.sha256(_stocktake_content(conn, sid)).hexdigest() != digest:
                problems.append(f"stocktake {sid} changed after its approval")
        elif kind == "audit":
            entry, digest = json.loads(ref)
            audited += 1
            if hashlib.sha256(_audit_content(conn, entry)).hexdigest() != digest:
                problems.append(f"audit entry {entry} changed or removed")
        # each link's ref holds what it covers (ranges and digests, a setting's value), so
        # its hash proves the ref, and the ref the rows
        if link(previous, kind, ref, content) != stored and not broken:
            problems.append(
                f"the chain is broken at link {link_id} ({kind}): links removed or rewritten"
            )
            broken = True  # every later link follows from this one: named once
        previous = stored
    problems += _uncovered(conn, covered)
    problems += _settings_problems(conn, settings)
    problems += _unchained_stocktakes(conn, approved)
    (entries,) = conn.execute("SELECT count(*) FROM audit").fetchone()
    if entries > audited:
        problems.append(f"{entries - audited} audit entries added outside the app")
    return problems


def verify_file(
    path: str, *, opened: Callable[[sqlite3.Connection], None] | None = None
) -> list[str]:
    """``verify`` on a read-only connection of its own (``check`` runs it beside the other
    rules; ``opened`` is given that connection first, to be able to interrupt it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        if opened is not None:
            opened(conn)
        conn.execute("PRAGMA cache_size = -65536")
        never_mapped(conn)  # (see storage.mapped)
        return verify(conn)
    finally:
        conn.close()


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _uncovered(conn: sqlite3.Connection, covered: dict[str, int]) -> list[str]:
    out = []
    for table in LEDGER_TABLES:
        count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if count > covered[table]:
            extra = conn.execute(
                f"SELECT id FROM {table} ORDER BY id DESC LIMIT ?",
                (min(count - covered[table], 5),),
            ).fetchall()
            ids = sorted(r[0] for r in extra)
            out.append(f"{table} {_ids(ids)} not posted by the app (added to the file directly)")
    return out


def _settings_problems(conn: sqlite3.Connection, chained: dict[str, str | None]) -> list[str]:
    out = []
    for key in CHAINED_SETTINGS:
        current = _meta(conn, key)
        if key not in chained:
            if current is not None:
                out.append(f"{key} {current} was set outside the app")
        elif chained[key] != current:
            out.append(
                f"{key} changed outside the app: {chained[key] or 'none'} as set, now"
                f" {current or 'none'}"
            )
    return out


def _unchained_stocktakes(conn: sqlite3.Connection, chained: set[int]) -> list[str]:
    rows = conn.execute("SELECT id FROM stocktakes WHERE state = 'approved' ORDER BY id").fetchall()
    missing = [r[0] for r in rows if r[0] not in chained]
    return [f"stocktake {i} marked approved outside the app" for i in missing[:5]]


# -- building the chain of a file made before it ---------------------------------------------


def build(conn: sqlite3.Connection) -> None:
    """Chain what a file holds already (the migration to step 7), oldest first: each table's
    rows in links of ``_MIGRATION_CHUNK``, then approved stocktakes, then the lock date."""
    for table in LEDGER_TABLES:
        sql = f"SELECT {COLUMNS[table]} FROM {table} WHERE id > ? ORDER BY id LIMIT ?"
        after = 0
        while True:
            rows = conn.execute(sql, (after, _MIGRATION_CHUNK)).fetchall()
            if not rows:
                break
            ref = {table: [rows[0][0], rows[-1][0], _run_digests(rows)]}
            _append(conn, "ledger", json.dumps(ref, separators=(",", ":")), b"")
            after = rows[-1][0]
    for (sid,) in conn.execute("SELECT id FROM stocktakes WHERE state = 'approved' ORDER BY id"):
        add_stocktake(conn, sid)
    for key in CHAINED_SETTINGS:
        value = _meta(conn, key)
        if value is not None:
            add_setting(conn, key, value)


# -- triggers -------------------------------------------------------------------------------


@functools.cache
def expected_triggers() -> dict[str, str]:
    """Every trigger a file at the latest schema has, name -> its SQL (made by migrating an
    empty file in memory, so each step's triggers count, whoever adds them)."""
    from inventory_app.storage import migrations

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(memory)
        rows = memory.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return dict(rows.fetchall())
    finally:
        memory.close()


def trigger_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(missing, changed): the names of the expected triggers the file lacks, and of those
    whose text differs from the app's."""
    have = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    expected = expected_triggers()
    missing = sorted(n for n in expected if n not in have)
    changed = sorted(n for n, sql in expected.items() if n in have and have[n] != sql)
    return missing, changed


def restore_triggers(conn: sqlite3.Connection, names: Sequence[str]) -> None:
    """Recreate the named triggers as the app makes them (a changed one is replaced)."""
    expected = expected_triggers()
    for name in names:
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        conn.execute(expected[name])
