"""The header names accepted for each standard column, and how header text is compared."""

from __future__ import annotations

import re
import unicodedata

from inventory_app.services.tabular.cells import SPACES

#: Headers accepted for each standard key, besides the key itself. Most common names first: the
#: first few are quoted in "missing column" messages.
# fmt: off
STANDARD_ALIASES: dict[str, tuple[str, ...]] = {
    "sku": ("编码", "SKU", "商品编码", "货号", "物料编码", "code", "item code", "存货编码",
            "商品编号", "物料代码", "商品代码", "产品编码", "货品编码", "物料编号", "编号", "料号",
            "品号", "item no", "item number", "product code", "part number", "part no"),
    "name": ("名称", "name", "商品名称", "品名", "物料名称", "产品名称", "存货名称", "货品名称",
             "item name", "product name", "description", "item description"),
    "category": ("类别", "category", "分类", "商品类别", "商品分类", "品类", "存货分类",
                 "product category"),
    "unit": ("单位", "unit", "计量单位", "基本单位", "uom", "unit of measure"),
    "barcode": ("条码", "barcode", "条形码", "商品条码", "bar code", "ean", "upc", "gtin"),
    "supplier": ("供应商", "supplier", "供货商", "供应商名称", "厂商", "vendor"),
    "reorder_point": ("再订货点", "reorder point", "订货点", "补货点", "最低库存",
                      "reorder level", "rop", "min stock"),
    "safety_stock": ("安全库存", "safety stock", "保险库存", "buffer stock"),
    "lead_time_days": ("提前期", "lead time", "采购提前期", "交货期", "到货天数", "补货周期",
                       "lead time days", "交货周期", "交货周期（天）"),
    # buying (#15): the item's supplier record, its code for the item, and a pack
    "supplier_code": ("供应商编码", "supplier code", "供应商代码", "供应商编号", "vendor code"),
    "supplier_sku": ("供应商货号", "supplier sku", "供应商商品编码", "供应商品号",
                     "vendor sku", "supplier item code"),
    "pack": ("包装", "pack", "包装单位", "采购单位", "purchase unit", "case unit"),
    "factor": ("换算率", "factor", "包装数量", "箱规", "每箱数量", "pack size",
               "conversion factor"),
    "pack_barcode": ("包装条码", "pack barcode", "箱条码", "箱码", "case barcode"),
    "purchase_price": ("采购价", "purchase price", "进货价", "包装进价", "supplier price"),
    "shelf_life_days": ("保质期", "shelf life", "保质期天数", "shelf life days"),
    "removal": ("出库规则", "removal", "出库方式", "出库策略", "removal strategy",
                "picking rule", "issue rule"),
    "date": ("日期", "date", "业务日期", "单据日期", "记账日期", "发生日期", "movement date",
             "posting date"),
    "type": ("类型", "type", "业务类型", "单据类型", "出入库类型", "收发类别", "movement type"),
    "qty": ("数量", "qty", "quantity"),
    "unit_cost": ("单价", "unit cost", "成本", "单位成本", "成本单价", "进价", "采购单价",
                  "入库单价", "cost", "unit price", "price"),
    "batch": ("批号", "batch", "批次", "批次号", "生产批号", "lot", "batch code", "batch no",
              "batch number", "lot no", "lot number"),
    "expiry": ("有效期", "expiry", "到期日", "有效期至", "失效日期", "过期日期", "到期日期",
               "expiry date", "expiration date", "exp date", "best before", "use by"),
    "location": ("库位", "location", "仓库", "位置", "货位", "仓位", "储位", "存放位置",
                 "warehouse", "bin"),
    "to_location": ("调入库位", "to location", "目标库位", "调入仓库", "目标仓库", "转入库位",
                    "destination", "to warehouse"),
    "reference": ("单号", "reference", "单据号", "参考号", "单据编号", "凭证号", "订单号", "ref",
                  "ref no", "document no", "doc no", "voucher no"),
    "note": ("备注", "note", "说明", "摘要", "notes", "remark", "remarks", "comment",
             "comments", "memo"),
    "reason": ("原因", "reason", "调整原因", "差异原因", "报损原因"),
    "counted_qty": ("实盘数量", "counted qty", "盘点数量", "实盘数", "实存数量", "实际数量",
                    "盘点数", "counted", "count", "counted quantity", "actual qty"),
    "expected_qty": ("账面数量", "expected qty", "系统数量", "账存数量", "应有数量", "账面数",
                     "expected", "system qty", "book qty"),
    "counter": ("盘点人", "counter", "盘点员", "清点人", "counted by"),
    "stocktake_id": ("盘点单号", "stocktake id", "盘点编号", "盘点单", "stocktake", "count id"),
}
# fmt: on

_TRAILING_UNIT = re.compile(r"\s*[(\[【][^()\[\]【】]*[)\]】]\s*$")
_HEADER_NOISE = re.compile(r"[\s_\-*.:]+")


# Traditional characters of the header words above, as simplified: a sheet from Taiwan or
# Hong Kong (編碼, 名稱, 數量, 單價 ...) matches the same columns.
# fmt: off
_TRADITIONAL = str.maketrans({
    "編": "编", "碼": "码", "貨": "货", "號": "号", "稱": "称", "產": "产", "類": "类",
    "別": "别", "單": "单", "計": "计", "條": "条", "應": "应", "廠": "厂", "訂": "订",
    "補": "补", "庫": "库", "險": "险", "購": "购", "進": "进", "質": "质", "規": "规",
    "則": "则", "務": "务", "業": "业", "據": "据", "記": "记", "賬": "账", "帳": "账",
    "發": "发", "實": "实", "際": "际", "盤": "盘", "點": "点", "統": "统", "員": "员",
    "調": "调", "轉": "转", "標": "标", "儲": "储", "倉": "仓", "憑": "凭", "證": "证",
    "備": "备", "說": "说", "損": "损", "報": "报", "異": "异", "數": "数", "價": "价",
    "過": "过", "種": "种", "額": "额", "來": "来", "項": "项", "細": "细", "週": "周",
    "門": "门", "層": "层",
})
# fmt: on


def normalize_header(text: str) -> str:
    """Header text as compared: NFKC, traditional characters as simplified, casefolded, no
    spaces/_/-/*, no trailing "(unit)"."""
    s = unicodedata.normalize("NFKC", text).strip(SPACES).translate(_TRADITIONAL).casefold()
    without_unit = _TRAILING_UNIT.sub("", s)
    if without_unit:
        s = without_unit
    return _HEADER_NOISE.sub("", s)


def _standard_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, names in STANDARD_ALIASES.items():
        for name in (key, *names):
            norm = normalize_header(name)
            if lookup.setdefault(norm, key) != key:
                raise RuntimeError(f"header {name!r} is an alias of both {lookup[norm]} and {key}")
    return lookup


STANDARD_LOOKUP = _standard_lookup()
