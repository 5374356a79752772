"""Every chart built from real report data over a demo shop with Chinese names: non-empty,
linked for clicks, and drawn to PNG with no missing-glyph warning."""

from __future__ import annotations

import datetime as dt
import io
import warnings

import pytest

from inventory_app import charts
from inventory_app.charts import abc, ageing, expiry, slow_movers, turnover
from inventory_app.charts.common import compact_money, links, new_figure
from inventory_app.charts.fonts import CJK_FAMILY, ensure_fonts, font_paths
from inventory_app.domain.model import ItemFields
from inventory_app.services import analytics, catalog, demo, shop
from inventory_app.services import postings as stock
from inventory_app.services.analytics import abc as analytics_abc
from inventory_app.services.analytics import stock as analytics_stock

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    db = shop.create_shop(tmp_path_factory.mktemp("charts") / "shop.db", name="图表")
    demo.build_demo(db, skus=40, days=150, seed=3)
    catalog.add_item(db, ItemFields(sku="ZH-1", name="老干妈 风味豆豉 280g", category="调味品"))
    stock.receive(db, sku="ZH-1", qty="500", unit_cost="9.5", date=TODAY - dt.timedelta(days=200))
    yield db
    db.close()


def glyph_warnings(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=60)
    assert buf.getbuffer().nbytes > 2000
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_the_cjk_font_is_shipped_and_registered():
    assert [p.name for p in font_paths()] == ["DroidSansFallbackFull.ttf"]
    ensure_fonts()
    import matplotlib

    assert CJK_FAMILY in matplotlib.rcParams["font.family"]


def test_the_glyph_check_can_fail():
    fig = new_figure()
    fig.subplots().set_title("\U0001d11e \U0001fae8")  # glyphs no shipped font has
    assert glyph_warnings(fig)


def _start():
    return (TODAY.replace(day=1) - dt.timedelta(days=120)).replace(day=1)


def test_turnover_trend(shop_db):
    rep = analytics.turnover_report(shop_db, start=_start(), end=TODAY, by="month")
    fig = turnover.turnover_trend(rep, band=analytics.bands(shop_db)["turnover"], currency="¥")
    assert glyph_warnings(fig) == []
    assert links(fig) and set(links(fig)) == {f"month:{r.key}" for r in rep.rows}
    bars = fig.axes[1].patches
    assert len(bars) == len(rep.rows) and bars[0].get_gid() == f"month:{rep.rows[0].key}"
    assert bars[0].get_height() == pytest.approx(float(rep.rows[0].average_value))


def test_expiry_timeline(shop_db):
    tl = analytics_stock.expiry_timeline(shop_db)
    fig = expiry.expiry_timeline(tl, currency="¥")
    assert glyph_warnings(fig) == []
    assert links(fig)[0] == "expired" and len(links(fig)) == 14
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights[0] == pytest.approx(float(tl.expired_value))
    assert sum(heights[1:]) == pytest.approx(float(sum(v for _s, v, _r in tl.weeks)))
    assert sum(heights) > 0


def test_abc_pareto(shop_db):
    rep = analytics_abc.abc_report(shop_db, start=_start(), end=TODAY)
    fig = abc.abc_pareto(rep)
    assert glyph_warnings(fig) == []
    assert links(fig) == ["abc:A", "abc:B", "abc:C"]


def test_ageing_by_category_with_chinese_categories(shop_db):
    rep = analytics_stock.ageing(shop_db)
    fig = ageing.ageing_by_category(rep, top=6, currency="¥")
    assert glyph_warnings(fig) == []
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 6 and labels[-1] == "Other"
    assert any("调味品" in x or "乳制品" in x for x in labels)
    assert "ageing:调味品|>180" in links(fig)  # ZH-1 came in 200 days ago
    total = sum(p.get_width() for p in fig.axes[0].patches)
    assert total == pytest.approx(float(sum(v for _q, v in rep.totals().values())))


def test_top_slow_movers(shop_db):
    items = analytics_stock.slow_movers(shop_db)
    fig = slow_movers.top_slow_movers(items, top=8)
    assert glyph_warnings(fig) == []
    top = max(items, key=lambda r: r.value)
    assert links(fig)[0] == f"sku:{top.sku}"
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "老干妈 风味豆豉 280g" in names


def test_empty_reports_draw_a_note(db):
    """A new shop's charts say why they are empty, across one plain panel (not axes of zeros:
    the turnover chart of an empty shop drew a value axis from -0.05 to 0.05)."""
    rep = analytics.turnover_report(db, start=_start(), end=TODAY, by="month")
    assert rep.rows  # the months are there, with no stock in any of them
    for fig, note in (
        (abc.abc_pareto(analytics_abc.abc_report(db, start=_start(), end=TODAY)),
         "Nothing was sold in this period"),
        (ageing.ageing_by_category(analytics_stock.ageing(db)), "No stock on hand"),
        (slow_movers.top_slow_movers([]), "No slow movers"),
        (turnover.turnover_trend(rep), "No stock in this period"),
        (expiry.expiry_timeline(analytics_stock.expiry_timeline(db)),
         "Nothing expires in the next 13 weeks"),
    ):  # fmt: skip
        assert glyph_warnings(fig) == []
        shown = [ax for ax in fig.axes if ax.get_visible()]
        assert len(shown) == 1 and not shown[0].patches and not shown[0].lines
        assert note in [t.get_text() for t in shown[0].texts]
        assert shown[0].get_yticks().size == 0


def test_save_writes_svg(tmp_path, shop_db):
    fig = slow_movers.top_slow_movers(analytics_stock.slow_movers(shop_db))
    charts.save(fig, str(tmp_path / "slow.svg"))
    assert (tmp_path / "slow.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_compact_money():
    assert [compact_money(v) for v in (12, 1234, 12345, 1234567, 0.5)] == [
        "12",
        "1,234",
        "12.3k",
        "1.23M",
        "0.50",
    ]
