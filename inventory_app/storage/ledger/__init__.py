"""The posting engine: the only code that writes documents, movements, allocations and batches.

``Poster`` posts lines FIFO/FEFO with exact allocations, checking each line first
(``rules``); ``Poster.reverse`` posts a movement's exact opposite, read and checked in
``reversal`` and posted through the poster's public methods (``lot``, ``restore_allocation``,
``withdraw``, ``record_reversal``).
"""

from __future__ import annotations

from inventory_app.storage.ledger.poster import Poster

__all__ = ["Poster"]
