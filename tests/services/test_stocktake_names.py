"""A stocktake started without a name is named in the language of whoever starts it, with its
scope in words; lists show the scope in words, never the stored ``category:乳制品``."""

from __future__ import annotations

import datetime as dt

from inventory_app.domain import messages
from inventory_app.services import stocktake as st


def test_the_default_name_is_in_the_starters_language(stocked):
    day = dt.date(2026, 12, 2)
    first = st.start(stocked, scope="category:Hardware", today=day)
    messages.set_language("zh")
    try:
        second = st.start(stocked, scope="category:乳制品", today=day)
    finally:
        messages.set_language("en")
    names = {r.id: r.name for r in st.list_stocktakes(stocked)}
    assert names[next(iter(first.stocktakes))] == "Stocktake 2026-12-02 (Category: Hardware)"
    assert names[next(iter(second.stocktakes))] == "盘点 2026-12-02（类别：乳制品）"
    # the scope itself is stored as ever: the app reads it back
    assert {r.scope for r in st.list_stocktakes(stocked)} == {
        "category:Hardware",
        "category:乳制品",
    }


def test_the_cli_list_shows_the_scope_in_words(stocked, capsys):
    from inventory_app.cli import main

    st.start(stocked, scope="category:乳制品", name="Dairy")
    path = str(stocked.path)
    stocked.close()
    assert main(["--db", path, "--lang", "zh", "stocktake", "list"]) == 0
    out = capsys.readouterr().out
    assert "类别：乳制品" in out and "category:" not in out
    assert "待盘点" in out and "open" not in out
    assert out.splitlines()[0].split()[:3] == ["编号", "名称", "盘点范围"]
    assert main(["--db", path, "stocktake", "list", "--lang", "en"]) == 0
    assert "Category: 乳制品" in capsys.readouterr().out
