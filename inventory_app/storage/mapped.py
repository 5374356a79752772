"""Reading a shop file through a memory map, where one read covers every page.

quick_check (opening's daily one, the desktop app's background one, ``check``'s), the rules
of ``check`` and its chain each read every page of the file: through a map, the pages are the
OS's cache, shared by those connections, instead of copies in each connection's own cache
(measured on the 1M-movement shop: quick_check 1.05 -> 0.65 CPU-s, ``check`` ~1 CPU-s less,
most of it system time). Nothing is written through a connection while it maps (a writer's
connection maps only for its quick_check at opening), and the app never shrinks a shop file
(no VACUUM), which is what could fault a mapped read.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

READ_MMAP_BYTES = 1 << 30  # past it (a shop over 1 GiB), pages are read as without a map


def map_file(conn: sqlite3.Connection) -> None:
    """``conn`` reads its file through a memory map from now on."""
    conn.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")


@contextlib.contextmanager
def memory_mapped(conn: sqlite3.Connection) -> Iterator[None]:
    """``conn`` reads its file through a memory map meanwhile, then has its own setting back."""
    row = conn.execute("PRAGMA mmap_size").fetchone()  # (none where SQLite cannot map)
    mapped = row[0] if row else 0
    map_file(conn)
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"PRAGMA mmap_size = {mapped}")
