"""The CLI's table headers in Chinese (glossary words). A header is its English key (what the
CSV and JSON outputs keep, for scripts); a table printed for a person under ``--lang zh`` shows
these instead. A header not listed stays as it is (a code, a date, a category name)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# fmt: off
ZH: dict[str, str] = {
    # items, stock, batches
    "sku": "商品编码", "name": "名称", "category": "类别", "unit": "单位",
    "barcode": "条码", "on_hand_qty": "现存量", "on hand": "现存量", "on_hand": "现存量",
    "qty": "数量", "value": "库存金额", "unit_cost": "单位成本", "batch": "批次",
    "location": "库位", "expiry": "有效期至", "received": "入库日期", "days_left": "剩余天数",
    "days left": "剩余天数", "last_issue": "最近出库", "last issue": "最近出库",
    # the period summary
    "opening_qty": "期初数量", "opening_value": "期初金额", "in_qty": "本期入库数量",
    "in_value": "本期入库金额", "out_qty": "本期出库数量", "out_value": "本期出库成本",
    "adj_qty": "调整数量", "adj_value": "调整金额", "closing_qty": "期末数量",
    "closing_value": "期末金额",
    # reports
    "key": "项目", "cogs": "销售成本", "opening": "期初库存", "closing": "期末库存",
    "average": "平均库存", "turnover": "库存周转率（次）", "days": "库存周转天数",
    "class": "ABC 分类", "consumption": "消耗金额", "share": "占比", "cumulative": "累计占比",
    "age": "库龄（天）", "bucket": "库龄段", "reorder point": "再订货点",
    "reorder_point": "再订货点", "order": "建议订货", "indicator": "指标", "healthy": "健康范围",
    "status": "状态",
    # stocktakes
    "id": "编号", "scope": "盘点范围", "counted": "实盘数量", "started": "开始时间",
    "expected": "账面数量", "variance": "差异", "flag": "标记", "abc": "ABC 分类",
    "last_counted": "上次盘点", "interval_days": "盘点间隔（天）",
    # backups, suppliers, purchase orders, users, the audit trail (#11, r11)
    "file": "文件", "taken": "备份时间", "kind": "类型", "movements": "流水笔数",
    "stock value": "库存金额", "size": "大小", "code": "供应商编码", "contact": "联系人",
    "phone": "电话", "lead_time_days": "交货周期（天）", "min_order_value": "最低起订金额",
    "items": "商品数", "supplier": "供应商", "created": "创建时间", "factor": "换算率",
    "ordered": "订货数量", "role": "角色", "at": "时间", "user": "用户", "source": "来源",
    "action": "操作", "object": "对象", "details": "详情",
}
# fmt: on


#: a table whose English header means something else there than in the tables above
PURCHASE_ORDER: dict[str, str] = {
    "expected": "预计到货",
    "value": "金额",
    "received": "已到货数量",
    "status": "状态",
}


def headers(columns: Sequence[str], lang: str, words: Mapping[str, str] | None = None) -> list[str]:
    """``columns`` as a person reads them in ``lang`` ("zh": ``words``, else the words
    above)."""
    if lang != "zh":
        return list(columns)
    words = words or {}
    return [words.get(c) or ZH.get(c, c) for c in columns]
