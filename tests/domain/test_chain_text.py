"""The chain's content text is the rows' compact JSON: every file's links were hashed so."""

from __future__ import annotations

import json

from inventory_app.domain.chain import content_text


def test_content_text_is_the_compact_json_of_the_rows_every_time():
    rows = [(1, "2026-01-02", None, 'quote " back \\ new\nline\ttab \x01 纯牛奶 é', -5), ("x",)]
    expected = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
    assert content_text(rows) == expected
    assert content_text(rows) == expected  # the shared encoder keeps nothing between calls
    assert content_text([]) == b"[]"
