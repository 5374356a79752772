"""The charts' layout (``charts.layout.MarginLayout``) estimates the room around the axes from
the texts instead of measuring them. Drawn for real, in English and in Chinese, narrow and
wide: no text falls outside the figure, the axis labels stay clear of the tick labels, and the
axes still get most of the figure."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from inventory_app.charts import abc, ageing, demand, expiry, slow_movers, turnover
from inventory_app.charts.layout import MarginLayout, text_inches
from inventory_app.domain.model import ItemFields
from inventory_app.services import analytics, catalog, demo, shop
from inventory_app.services import demand as demand_service
from inventory_app.services import postings as stock
from inventory_app.services.analytics import abc as analytics_abc
from inventory_app.services.analytics import stock as analytics_stock

TODAY = dt.date.today()
# Chinese words as long as the dashboard's, for the chart texts a translator supplies
ZH = {
    "Turnover and inventory value by month": "各月库存周转率与库存金额",
    "times a year, annualized": "次/年（年化）",
    "turnover": "库存周转率",
    "avg. value": "平均库存金额",
    "Stock value expiring per week": "每周到期的库存金额",
    "value": "金额",
    "week starting": "周起始日",
    "expired": "已过期",
    "share of items, best sellers first": "商品数占比（畅销在前）",
    "cumulative share of value": "金额累计占比",
    "stock value": "库存金额",
    "Stock ageing by category": "各类别库龄",
    "value by days since receipt": "按入库天数分的金额",
    "{bucket} days": "{bucket} 天",
    "Other": "其他",
}


def zh(text: str) -> str:
    return ZH.get(text, text)


def en(text: str) -> str:
    return text


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    db = shop.create_shop(tmp_path_factory.mktemp("layout") / "shop.db", name="版式")
    demo.build_demo(db, skus=40, days=200, seed=5)
    long_name = "老干妈 风味豆豉 280g 超长的名字"
    catalog.add_item(db, ItemFields(sku="ZH-9", name=long_name, category="调味品"))
    stock.receive(db, sku="ZH-9", qty="500", unit_cost="9.5", date=TODAY - dt.timedelta(days=200))
    yield db
    db.close()


def figures(db, tr):
    start = (TODAY.replace(day=1) - dt.timedelta(days=300)).replace(day=1)
    rep = analytics.turnover_report(db, start=start, end=TODAY, by="month")
    sku = analytics_stock.slow_movers(db)[0].sku
    forecast = demand_service.forecast_item(db, sku)
    return {
        "turnover": turnover.turnover_trend(
            rep, band=analytics.bands(db)["turnover"], tr=tr, currency="¥"
        ),
        "expiry": expiry.expiry_timeline(analytics_stock.expiry_timeline(db), tr=tr, currency="¥"),
        "abc": abc.abc_pareto(analytics_abc.abc_report(db, start=start, end=TODAY), tr=tr),
        "ageing": ageing.ageing_by_category(analytics_stock.ageing(db), tr=tr, currency="¥"),
        "slow_movers": slow_movers.top_slow_movers(
            analytics_stock.slow_movers(db), tr=tr, currency="¥"
        ),
        "demand weekly": demand.demand_forecast(forecast, tr=tr),
        "demand monthly": demand.demand_forecast(forecast, tr=tr, monthly=True),
    }


def drawn(fig, size):
    fig.set_size_inches(*size)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


# the dashboard's chart boxes at 1280x800 and 1366x768, a wide window
@pytest.mark.parametrize("size", [(5.2, 3.0), (5.6, 3.3), (9.0, 4.2)], ids=str)
@pytest.mark.parametrize("tr", [en, zh], ids=["en", "zh"])
def test_no_text_falls_outside_and_labels_clear_the_ticks(shop_db, tr, size):
    for name, fig in figures(shop_db, tr).items():
        assert isinstance(fig.get_layout_engine(), MarginLayout), name
        renderer = drawn(fig, size)
        box = fig.get_tightbbox(renderer)  # every artist's extent, in inches
        width, height = size
        assert box.x0 >= -0.01 and box.y0 >= -0.01, (name, box)
        assert box.x1 <= width + 0.01 and box.y1 <= height + 0.01, (name, box)
        for ax in fig.axes:
            if not ax.get_visible():
                continue
            ticks = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
            label = ax.yaxis.label
            if ticks and label.get_text():
                assert label.get_window_extent(renderer).x1 <= min(b.x0 for b in ticks) + 1, name
            ticks = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
            label = ax.xaxis.label
            if ticks and label.get_text():
                assert label.get_window_extent(renderer).y1 <= min(b.y0 for b in ticks) + 1, name
            if ax.title.get_text() or ax.get_title("left"):
                title = ax._left_title if ax.get_title("left") else ax.title
                top = ax.get_window_extent(renderer).y1
                assert title.get_window_extent(renderer).y0 >= top, name
        share = max(ax.get_position().width for ax in fig.axes if ax.get_visible())
        assert share >= 0.5, (name, share)  # the room is estimated, not wasted


@pytest.mark.parametrize("width", [3.4, 4.2, 5.2, 9.0], ids=str)
@pytest.mark.parametrize("tr", [en, zh], ids=["en", "zh"])
def test_the_ageing_legend_fits_the_chart_at_any_width(shop_db, tr, width):
    """Its five entries stand in one row where they fit (a wide box), else in two or three
    rows; it was one row always, clipped at both sides in a box narrower than ~5 in."""
    fig = ageing.ageing_by_category(analytics_stock.ageing(shop_db), tr=tr, currency="¥")
    renderer = drawn(fig, (width, 3.4))
    shown = [legend for legend in fig.legends if legend.get_visible()]
    assert len(shown) == 1 and len(shown[0].get_texts()) == 5
    box = shown[0].get_window_extent(renderer)
    assert box.x0 >= 0 and box.x1 <= width * fig.dpi, (box, width)
    assert box.y0 >= 0 and box.y1 <= fig.axes[0].get_window_extent(renderer).y0  # below
    rows = len({round(t.get_window_extent(renderer).y0) for t in shown[0].get_texts()})
    assert rows == 1 if width == 9.0 else rows >= 1
    if width == 3.4:
        assert rows > 1
    assert fig.axes[0].get_position().height >= 0.3


@pytest.mark.parametrize("width", [3.0, 3.4, 4.3, 5.2, 9.0], ids=str)
@pytest.mark.parametrize("tr", [en, zh], ids=["en", "zh"])
def test_the_expiry_dates_keep_clear_of_each_other_at_any_width(shop_db, tr, width):
    """A narrow box shows fewer week dates instead of running "expired" into the first one
    (as it did in a window ~1,024 px wide); a wide one shows every other week."""
    timeline = analytics_stock.expiry_timeline(shop_db)
    fig = expiry.expiry_timeline(timeline, tr=tr, currency="¥")
    renderer = drawn(fig, (width, 3.4))
    shown = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in shown]
    assert all(a.x1 + 2 <= b.x0 for a, b in itertools.pairwise(boxes)), [
        t.get_text() for t in shown
    ]
    assert shown[0].get_text() == tr("expired") and len(shown) >= 4
    if width == 9.0:
        weeks = [f"{start:%m-%d}" for start, _v, _r in timeline.weeks[::2]]
        assert [t.get_text() for t in shown] == [tr("expired"), *weeks]


def test_the_layout_check_can_fail(shop_db):
    """Without room for them the texts do fall outside: what the test above would see."""
    fig = figures(shop_db, zh)["slow_movers"]
    fig.set_layout_engine("none")
    fig.subplots_adjust(left=0.02, bottom=0.02, right=0.99, top=0.99)
    renderer = drawn(fig, (5.6, 3.3))
    assert fig.get_tightbbox(renderer).x0 < -0.01


def test_text_widths_are_estimated_generously():
    import matplotlib

    from inventory_app.charts.common import new_figure

    fig = new_figure(6, 2)  # the fonts the charts use
    renderer = FigureCanvasAgg(fig).get_renderer()
    texts = ("1,250k", "Hardware tools", "老干妈 风味豆豉", "商品数占比（畅销在前）", "12\n2026",
             "expired", "fill (lit.) i|j", "Frit-Kat, 1/2 l: jilt!")  # fmt: skip
    for text in texts:
        shown = fig.text(0.1, 0.5, text, fontsize=9)
        extent = shown.get_window_extent(renderer)
        w, h = text_inches(text, 9)
        assert w * fig.dpi >= extent.width, (text, matplotlib.rcParams["font.family"])
        assert h * fig.dpi >= extent.height * 0.95, text
