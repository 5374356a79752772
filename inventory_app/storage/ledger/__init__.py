"""The posting engine: the only code that writes documents, movements, allocations and batches.

``Poster`` posts lines FIFO/FEFO with exact allocations, checking each line first
(``rules``); ``Poster.reverse`` posts a movement's exact opposite, read and checked in
``reversal``. Both book their rows through the poster's ``Bookkeeper`` (``bookkeeping``):
lines with ``_new_lot``, ``_draw`` and ``_movement``, a reversal by id with ``lot``,
``restore_allocation``, ``withdraw`` and ``record_reversal``.
"""

from __future__ import annotations

from inventory_app.storage.ledger.poster import Poster

__all__ = ["Poster"]
