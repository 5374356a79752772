"""The posting engine: the only code that writes documents, movements, allocations and batches.

``Poster`` posts lines FIFO/FEFO with exact allocations; ``reverse`` posts a movement's exact
opposite through the poster's public API.
"""

from __future__ import annotations

from inventory_app.storage.ledger.poster import Poster

__all__ = ["Poster"]
