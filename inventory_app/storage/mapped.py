"""Shop files are never read through a memory map.

SQLite can read a file through a memory map (``PRAGMA mmap_size``), which spares copying each
page (measured on the 1M-movement shop: ``check`` 2.25 s mapped against 2.66 s, quick_check
~0.1 s less). It is not taken, for two crashes a map brings where a read gives an error:

- a damaged file: SQLite before 3.45.1 (Debian 12 has 3.40.1) could read a few bytes past a
  damaged page at the very end of the map, outside it: the process died (SIGSEGV) in
  ``check`` on a damaged shop, 4 runs in 30, where it must say the file is damaged;
- an I/O error (a USB stick pulled, a network share gone) or a file truncated by another
  program while it is mapped: a signal (SIGBUS) instead of an error SQLite can report.

Every connection to a shop file is set so (a SQLite built with a default map would map).
"""

from __future__ import annotations

import sqlite3


def never_mapped(conn: sqlite3.Connection) -> None:
    """``conn`` reads its file with plain reads, never through a memory map."""
    conn.execute("PRAGMA mmap_size = 0")
