"""The tamper-evident chain: each link's hash covers its content and the previous link's.

Pure functions over text: ``storage.chain`` decides what content a link covers (rows of the
ledger as written, a stocktake's approval, a setting) and ``check`` recomputes every link
from the rows in the file. A row changed, removed or added after it was chained breaks its
link, and every link after it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

GENESIS = b"\x00" * 32  # the "previous hash" of the first link


# json.dumps(rows, ensure_ascii=False, separators=(",", ":"), check_circular=False) is this
# encoder's encode(): made once, not for each run of 64 rows (~10% of the chain's time).
# check_circular=False: rows of scalars cannot refer to themselves (15% faster).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def content_text(rows: Sequence[Sequence[object]]) -> bytes:
    """Rows (tuples of int, str, None; a StrEnum counts as its text) as canonical bytes:
    the same whether they come from the writer's parameter tuples or are read back."""
    return _ENCODER.encode(rows).encode()


def link(previous: bytes, kind: str, ref: str, content: bytes) -> bytes:
    """The hash of a link: ``previous`` link's hash, what it is, what it covers, its content."""
    h = hashlib.sha256(previous)
    h.update(b"\x1f" + kind.encode() + b"\x1f" + ref.encode() + b"\x1f")
    h.update(content)
    return h.digest()
