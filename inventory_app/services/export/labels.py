"""Words of the Excel pack in English and Chinese: sheet names, column headers, types.

``label(lang, key)`` never fails: an unknown key falls back to English, then to the key.
"""

from __future__ import annotations

from inventory_app.domain.errors import ValidationError

LANGS = ("en", "zh")

# fmt: off
_EN: dict[str, str] = {
    # sheets
    "sheet.cover": "Cover", "sheet.summary": "Summary", "sheet.movements": "Movements",
    "sheet.closing": "Closing stock", "sheet.stocktakes": "Stocktakes",
    "sheet.indicators": "Indicators", "sheet.margin": "Margin",
    "cover.note.margin": "revenue, gross margin and GMROI by category",
    # cover
    "title.month": "Inventory month", "title.period": "Inventory summary",
    "cover.shop": "Shop", "cover.from": "From", "cover.to": "To", "cover.days": "Days",
    "cover.valuation": "Valuation", "cover.valuation_value": "FIFO (batch cost layers)",
    "cover.currency": "Currency", "cover.generated": "Generated at",
    "cover.totals": "Totals (from the Summary sheet)", "cover.contents": "Sheets",
    "cover.check": "Check: opening + receipts − COGS + adjustments − closing",
    "cover.sign": "Signs: quantities and values into stock are positive, out of stock negative "
                  "(Movements, Stocktakes); on Summary, COGS is positive.",
    "cover.note.movements": "every movement line; one row per batch drawn",
    "cover.note.closing": "stock by batch at the end of the period",
    "cover.note.stocktakes": "stocktake variances posted in the period",
    "cover.note.indicators": "turnover, days, capital occupation, loss rate",
    "sheet.purchases": "Purchases",
    "cover.note.purchases": "purchases by supplier and month; on-time rate, lead time seen",
    "cover.note.summary": "opening, receipts, COGS, adjustments, closing per item",
    # columns
    "col.code": "Code", "col.name": "Name", "col.category": "Category", "col.unit": "Unit",
    "col.opening_qty": "Opening qty", "col.opening_value": "Opening value",
    "col.in_qty": "Receipts qty", "col.in_value": "Receipts value",
    "col.out_qty": "Issued qty", "col.out_value": "Cost of goods sold",
    "col.adj_qty": "Adj. & write-off qty", "col.adj_value": "Adj. & write-off value",
    "col.closing_qty": "Closing qty", "col.closing_value": "Closing value",
    "col.turnover": "Turnover (times)", "col.turnover_days": "Turnover days",
    "col.check": "Check (= 0)",
    "col.date": "Date", "col.no": "No.", "col.type": "Type", "col.bucket": "In summary as",
    "col.reference": "Reference", "col.batch": "Batch", "col.location": "Location",
    "col.qty": "Qty", "col.unit_cost": "Unit cost", "col.value": "Value",
    "col.reason": "Reason", "col.operator": "Operator", "col.note": "Note",
    "col.received": "Received", "col.expiry": "Expiry", "col.age": "Age (days)",
    "col.expires_in": "Days to expiry",
    "col.stocktake": "Stocktake", "col.book_qty": "Book qty", "col.counted_qty": "Counted qty",
    "col.variance_qty": "Variance qty", "col.variance_value": "Variance value",
    "col.indicator": "Indicator", "col.figure": "Value", "col.band_min": "Healthy from",
    "col.band_max": "Healthy to", "col.status": "Status", "col.how": "How it is computed",
    # rows
    "row.subtotal": "Subtotal", "row.total": "Total", "row.no_category": "(no category)",
    "row.total_in": "Total receipts", "row.total_out": "Total cost of goods sold",
    "row.total_adj": "Total adjustments & write-offs", "row.total_xfer": "Total transfers",
    # buckets
    "bucket.in": "Receipts", "bucket.out": "COGS", "bucket.adj": "Adjustment",
    "bucket.xfer": "Transfer",
    # movement types
    "type.receipt": "Receipt", "type.issue": "Issue", "type.writeoff": "Write-off",
    "type.adjust": "Adjustment", "type.transfer": "Transfer", "type.stocktake": "Stocktake",
    "type.reversal": "Reversal",
    # reasons
    "reason.damaged": "damaged", "reason.expired": "expired", "reason.lost": "lost",
    "reason.sample": "sample", "reason.other": "other",
    # indicators
    "ind.turnover": "Turnover in the period (times)",
    "ind.annualized": "Turnover, annualized (times a year)",
    "ind.turnover_days": "Turnover days", "ind.capital_occupation": "Capital occupation",
    "ind.loss_rate": "Loss rate", "ind.cogs": "Cost of goods sold",
    "ind.average_value": "Average inventory value", "ind.losses": "Losses (write-offs, "
    "stocktake shortfalls)", "ind.current_assets": "Current assets (settings)",
    "how.turnover": "COGS ÷ average inventory value; average = (opening + closing) ÷ 2",
    "how.annualized": "turnover × 365 ÷ days in the period (compared with the healthy range)",
    "how.turnover_days": "days in the period × average inventory value ÷ COGS",
    "how.capital_occupation": "closing stock value ÷ current assets (set in Settings)",
    "how.loss_rate": "(write-offs + stocktake shortfalls) ÷ average inventory value",
    "status.ok": "healthy", "status.low": "low", "status.high": "high", "status.": "—",
}

_ZH: dict[str, str] = {
    "sheet.cover": "封面", "sheet.summary": "进销存汇总", "sheet.movements": "出入库明细",
    "sheet.closing": "期末库存", "sheet.stocktakes": "盘点差异", "sheet.indicators": "指标",
    "sheet.margin": "毛利", "cover.note.margin": "按类别的销售额、毛利与存货毛利回报率",
    "title.month": "库存月报", "title.period": "库存汇总",
    "cover.shop": "店铺", "cover.from": "起始日期", "cover.to": "截止日期", "cover.days": "天数",
    "cover.valuation": "计价方法", "cover.valuation_value": "先进先出（按批次成本）",
    "cover.currency": "币种", "cover.generated": "生成时间",
    "cover.totals": "合计（取自进销存汇总表）", "cover.contents": "工作表",
    "cover.check": "校验：期初 + 入库 − 销售成本 + 调整 − 期末",
    "cover.sign": "符号：入库为正、出库为负（出入库明细、盘点差异）；汇总表中销售成本为正数。",
    "cover.note.movements": "每一笔出入库，出库按批次逐行列示",
    "cover.note.closing": "期末按批次的库存",
    "cover.note.stocktakes": "本期过账的盘点差异",
    "cover.note.indicators": "周转率、周转天数、资金占用、损耗率",
    "sheet.purchases": "采购汇总",
    "cover.note.purchases": "按供应商和月份的采购金额；准时交货率、实际交货周期",
    "cover.note.summary": "按商品的期初、入库、销售成本、调整、期末",
    "col.code": "编码", "col.name": "名称", "col.category": "类别", "col.unit": "单位",
    "col.opening_qty": "期初数量", "col.opening_value": "期初金额",
    "col.in_qty": "入库数量", "col.in_value": "入库金额",
    "col.out_qty": "出库数量", "col.out_value": "销售成本",
    "col.adj_qty": "调整及报损数量", "col.adj_value": "调整及报损金额",
    "col.closing_qty": "期末数量", "col.closing_value": "期末金额",
    "col.turnover": "周转率（次）", "col.turnover_days": "周转天数", "col.check": "校验（=0）",
    "col.date": "日期", "col.no": "序号", "col.type": "类型", "col.bucket": "汇总归类",
    "col.reference": "单号", "col.batch": "批号", "col.location": "库位",
    "col.qty": "数量", "col.unit_cost": "单价", "col.value": "金额",
    "col.reason": "原因", "col.operator": "经办人", "col.note": "备注",
    "col.received": "入库日期", "col.expiry": "有效期", "col.age": "库龄（天）",
    "col.expires_in": "距到期（天）",
    "col.stocktake": "盘点单", "col.book_qty": "账面数量", "col.counted_qty": "实盘数量",
    "col.variance_qty": "差异数量", "col.variance_value": "差异金额",
    "col.indicator": "指标", "col.figure": "数值", "col.band_min": "健康下限",
    "col.band_max": "健康上限", "col.status": "状态", "col.how": "计算方法",
    "row.subtotal": "小计", "row.total": "合计", "row.no_category": "（未分类）",
    "row.total_in": "入库合计", "row.total_out": "销售成本合计",
    "row.total_adj": "调整及报损合计", "row.total_xfer": "调拨合计",
    "bucket.in": "入库", "bucket.out": "销售成本", "bucket.adj": "调整", "bucket.xfer": "调拨",
    "type.receipt": "入库", "type.issue": "出库", "type.writeoff": "报损",
    "type.adjust": "调整", "type.transfer": "调拨", "type.stocktake": "盘点",
    "type.reversal": "冲销",
    "reason.damaged": "损坏", "reason.expired": "过期", "reason.lost": "丢失",
    "reason.sample": "样品", "reason.other": "其他",
    "ind.turnover": "本期周转率（次）", "ind.annualized": "年化周转率（次/年）",
    "ind.turnover_days": "周转天数", "ind.capital_occupation": "资金占用率",
    "ind.loss_rate": "损耗率", "ind.cogs": "销售成本", "ind.average_value": "平均库存金额",
    "ind.losses": "损耗金额（报损、盘亏）", "ind.current_assets": "流动资产（设置中填写）",
    "how.turnover": "销售成本 ÷ 平均库存金额；平均 = (期初 + 期末) ÷ 2",
    "how.annualized": "周转率 × 365 ÷ 本期天数（与健康区间比较）",
    "how.turnover_days": "本期天数 × 平均库存金额 ÷ 销售成本",
    "how.capital_occupation": "期末库存金额 ÷ 流动资产",
    "how.loss_rate": "（报损 + 盘亏）÷ 平均库存金额",
    "status.ok": "健康", "status.low": "偏低", "status.high": "偏高", "status.": "—",
}
# fmt: on

_TABLES = {"en": _EN, "zh": _ZH}


def check_lang(lang: str) -> str:
    """``lang`` when the pack can be written in it, else ``ValidationError``."""
    if lang not in LANGS:
        raise ValidationError("export.unknown_language", lang=lang, choices=", ".join(LANGS))
    return lang


def label(lang: str, key: str) -> str:
    """The word for ``key`` in ``lang`` ('en' or 'zh')."""
    return _TABLES.get(lang, _EN).get(key) or _EN.get(key) or key


def labels(lang: str, keys: tuple[str, ...] | list[str]) -> list[str]:
    return [label(lang, k) for k in keys]
