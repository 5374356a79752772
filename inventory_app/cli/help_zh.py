"""The Chinese of every ``--help`` text the CLI's parsers carry, keyed by the English text as
written at its ``help=`` (or ``description=``, ``epilog=``) site: the command list, each
sub-command's arguments, the program's description. ``cli.help_text`` puts them in when the
parser is built in Chinese; argparse's own words ("usage:", "options") are in
``cli.argparse_words``.

A key with ``{name}`` fields stands for a text made at run time (the default shop path, the
reasons of a stocktake): the fields are carried over as they are. ``%(default)s``-style
placeholders, flags, metavars, choices, file extensions and formats stay as in English: they
are what the user types or sees typed."""

from __future__ import annotations

# fmt: off
ZH: dict[str, str] = {
    # the program, and the options every command takes (cli.common)
    "Offline inventory manager: exact FIFO/FEFO ledger, stocktakes, reports.":
        "离线进销存管理：精确的先进先出/近效期先出流水账、盘点、报表。",
    "Without a COMMAND the desktop app opens: inventory-app [SHOP.db].":
        "不带 COMMAND 时打开桌面程序：inventory-app [SHOP.db]。",
    "shop database file (default: {path})": "店铺数据文件（默认：{path}）",
    "sign in as NAME (the PIN from INVENTORY_PIN or a prompt, never an argument)":
        "以用户 NAME 登录（密码取自 INVENTORY_PIN 或在提示时输入，不写在参数里）",
    "language of messages, table headers, errors and Excel sheets: zh or en "
    "(default: the language set with `settings set language`, else LANG/LANGUAGE)":
        "提示信息、表头、错误和 Excel 工作表的语言：zh 或 en"
        "（默认：用 `settings set language` 设置的语言，否则按 LANG/LANGUAGE）",

    # the command list
    "create an empty shop file": "新建一个空的店铺文件",
    "fill a new shop with a believable year of demo history": "给新店铺填入一年逼真的演示数据",
    "quick_check and every ledger invariant (exit 1 if any fails)":
        "数据校验：数据库及流水账的每条规则（不通过时退出码为 1）",
    "verified copy of the shop file; `backup list` lists the shop's backup folder":
        "校验过的店铺文件副本；`backup list` 列出备份文件夹",
    "replace the shop with a backup (checked first; the current shop is kept as a backup in "
    "its backup folder)":
        "恢复：用备份替换本店（先校验；当前的店铺文件作为一份备份存入备份文件夹）",
    "import items, opening stock or the movement journal (.csv, .xlsx, .xls, .ods)":
        "导入商品、期初库存或出入库流水（.csv、.xlsx、.xls、.ods）",
    "an empty import template (.xlsx) with instructions": "空白导入模板（.xlsx），附填写说明",
    "receive goods into a new batch": "入库：收货并建立新批次",
    "issue (sell) goods, FIFO/FEFO": "出库（销售），先进先出/近效期先出",
    "write goods off with a reason": "报损，须填写原因",
    "signed stock adjustment": "库存调整（正数增加，负数减少）",
    "move stock between locations": "在库位之间调拨库存",
    "post a reversal of a movement": "冲销一笔出入库流水",
    "refuse movements dated on or before DATE": "结账：给定日期及之前的出入库不再接受",
    "items with their stock on hand; --search as in the app (pinyin too)":
        "商品及其现存量；--search 与桌面程序的搜索相同（支持拼音）",
    "stock on hand now or at the end of a day": "当前库存，或某日日终的库存",
    "opening, in, out (COGS), adjustments, closing":
        "进销存汇总：期初、本期入库、本期出库成本、库存调整、期末",
    "stocktakes: snapshot, count (screen, CLI or sheet), review, approve; cycle counts":
        "盘点：快照、录入实盘数量（界面、命令行或盘点表）、查看差异、审核；循环盘点",
    "stock health: turnover, ABC, ageing, reorder, indicators":
        "库存状况：库存周转率、ABC 分类、库龄、补货建议、指标",
    "expired, expiring, low, out of stock and dead stock": "已过期、临期、低库存、缺货和呆滞库存",
    "an item's weekly demand forecast and how it was chosen":
        "一个商品的每周需求预测，及预测方法的选择依据",
    "an item's selling price and reorder flag": "商品的售价和是否补货",
    "the accountant's Excel pack (.xlsx)": "给会计的 Excel 月度进销存报表（.xlsx）",
    "suppliers and the items they supply": "供应商及其供应的商品",
    "locations (shelves, stores, warehouses)": "库位（货架、门店、仓库）",
    "item and batch labels with barcodes (PDF)": "带条码的商品标签和批次标签（PDF）",
    "packs of an item (1 case = 24 bottles)": "商品的包装（1 箱 = 24 瓶）",
    "purchase orders: create, send, receive against": "采购订单：新建、发送、按订单入库",
    "show or change settings (current assets, language ...)": "查看或修改设置（流动资产、语言……）",
    "users, roles and PINs": "用户、角色和密码 (PIN)",
    "who did what, when and from where": "审计记录：谁在何时、从何处做了什么",

    # init, backup, restore (cli.shop)
    "shop name": "店铺名称",
    "file or folder to copy to, or `list` (./list for a file)":
        "复制到的文件或文件夹，或 `list`（名为 list 的文件请写 ./list）",
    "replace an existing file that is not a backup": "覆盖一个已有的、不是备份的文件",

    # import, template (cli.imports)
    "items: sku, name [, category, unit, barcode, ...]": "商品：编码、名称 [、类别、单位、条码……]",
    "movements: date, type, sku, qty [, unit_cost, batch, ...]":
        "出入库流水：日期、类型、编码、数量 [、单价、批号……]",
    "opening stock: sku, qty, unit_cost [, batch, expiry, location]":
        "期初库存：编码、数量、单价 [、批号、有效期、库位]",
    "sheet name in a workbook (default: the first visible)":
        "工作簿中的工作表名（默认：第一个可见的）",
    "opening date": "期初日期",
    "the .xlsx file to write": "要写入的 .xlsx 文件",

    # receive, issue (cli.postings)
    "a GS1 barcode scan (01 GTIN, 10, 17, 30)": "扫描的 GS1 条码（01 GTIN、10、17、30）",
    "why a named or expired batch is used": "使用指定批次或已过期批次的原因",
    "the quantity (and cost) is per this pack": "数量（和成本）按此包装计",
    "unit cost": "单位成本",
    "selling price per unit (per --unit pack when given)": "每单位售价（给出 --unit 时按该包装计）",

    # items (cli.items)
    "code, name, barcode or pinyin": "编码、名称、条码或拼音",
    "at most N rows": "最多 N 行",

    # stocktake (cli.stocktake)
    "start a stocktake (snapshot); prints its id": "开始盘点（拍下账面快照）；输出盘点单号",
    "export the count sheet (.xlsx) to print or fill in": "导出盘点表（.xlsx），打印或直接填写",
    "record a count (counts of several counters add up)": "录入实盘数量（多名盘点人的数量相加）",
    "import a filled-in count sheet (all or nothing)": "导入填好的盘点表（有一行出错则整表不导入）",
    "expected, counted and variance per line": "逐行查看账面数量、实盘数量和差异",
    "post the differences and close the stocktake": "审核：过账盘盈盘亏并结束盘点",
    "cancel an open stocktake (nothing is posted)": "取消进行中的盘点（不过账）",
    "stocktakes with status and progress": "盘点单及其状态和进度",
    "items due for a cycle count (ABC intervals)": "到期需循环盘点的商品（按 ABC 分类的间隔）",
    "the stocktake report (.xlsx)": "盘点报告（.xlsx）",
    "all | location:NAME | category:NAME[,NAME] | abc:A | due[:A] (default: all)":
        "盘点范围：all（全部）| location:NAME（库位）| category:NAME[,NAME]（类别）"
        "| abc:A（ABC 分类）| due[:A]（到期循环盘点）（默认：all）",
    "hide expected quantities from counters": "盲盘：不向盘点人显示账面数量",
    "a name for the list (default: date and scope)": "盘点单名称（默认：日期和盘点范围）",
    "who started it": "发起人",
    "SKU, barcode or a GS1 scan": "商品编码、条码或扫描的 GS1 条码",
    "the quantity counted is in this pack": "实盘数量按此包装计",
    "replace the line's earlier counts (kept in history)": "复盘：替换该行之前的数量（历史中保留）",
    "counter for rows that name none": "未写盘点人的行记在此盘点人名下",
    "who approves (default: the signed-in user)": "审核人（默认：当前登录的用户）",
    "what to do with lines nobody counted (required when there are any)":
        "未盘点的行如何处理（有未盘点的行时必填）",
    "reason for lines without their own: {reasons}": "没有单独填写原因的行所用的原因：{reasons}",

    # report, alerts (cli.reports)
    "cost of goods sold ÷ average inventory value": "库存周转率：销售成本 ÷ 平均库存",
    "ABC classes by consumption value": "按出库金额做 ABC 分类",
    "stock value by days since receipt, per batch": "库龄：按入库天数分段的库存金额，逐批次计",
    "what to reorder, how much, and why": "补货建议：补什么、补多少、为什么",
    "turnover, days, capital occupation, loss rate":
        "指标：库存周转率、库存周转天数、资金占用率、损耗率",
    "revenue, gross margin and GMROI": "销售额、毛利和存货毛利回报率 (GMROI)",
    "fast, slow and dead stock, each with what to do": "畅销、滞销和呆滞库存，各附处理建议",
    "simple: (opening + closing) ÷ 2 (default); daily: mean of daily values":
        "simple：(期初 + 期末) ÷ 2（默认）；daily：每日库存的平均值",
    "also draw the monthly trend chart": "同时绘制月度趋势图",
    "end of this day (default: now)": "截至该日日终（默认：现在）",
    "also draw ageing by category": "同时按类别绘制库龄图",
    "every item with demand, not only to order": "所有有需求的商品，不只是需要补货的",
    "from each item's demand forecast (#16)": "依据每个商品的需求预测",
    "also write the clearance list": "同时输出清仓清单",

    # forecast, item (cli.demand)
    "default 12": "预测几周（默认 12）",
    "forecast from the end of this day": "从该日日终起预测",
    "set the selling price or stop reordering an item": "设置商品的售价，或停止补货",
    "selling price per stock unit": "每库存单位的售价",
    "clear the selling price": "清除售价",
    "stop reordering: leave reorder suggestions": "停止补货：不再列入补货建议",
    "reorder it again": "恢复补货",

    # export (cli.exports)
    "a month's full pack: summary, movements, stock, ...":
        "一个月的月度进销存报表：进销存汇总、出入库明细、期末库存……",
    "cover, summary and indicators for any period": "任意期间的封面、进销存汇总和指标",
    "the month, like 2026-10": "月份，如 2026-10",

    # supplier, location, label, unit (cli.buying)
    "add a supplier": "添加供应商",
    "list the suppliers": "列出供应商",
    "say a supplier sells an item (its code, pack, price)":
        "登记供应商供应某商品（其货号、包装、价格）",
    "the item catalogue with suppliers and packs (.xlsx)": "含供应商和包装的商品目录（.xlsx）",
    "minimum order value": "最低起订金额",
    "supplier code": "供应商编码",
    "price per pack (or per stock unit)": "每包装的价格（或每库存单位的价格）",
    "add a location": "添加库位",
    "list the locations": "列出库位",
    "shelf labels: name, code, Code 128 of the code": "货架标签：名称、编码、编码的 Code 128 条码",
    "batch labels: batch, expiry, a GS1 barcode": "批次标签：批号、有效期至、GS1 条码",
    "a price to print on the labels": "印在标签上的价格",
    "A4 sheets of 3 x 8, or one 40 x 30 mm label a page":
        "A4 纸每页 3 × 8 张，或每页一张 40 × 30 mm 标签",
    "give an item a pack with an exact factor": "给商品添加一种包装，换算率须为精确值",
    "stock units in one pack": "每个包装含多少库存单位",

    # po (cli.orders)
    "a new draft order; prints its id": "新建采购订单草稿；输出订单号",
    "add a line to a draft order": "给草稿订单添加一行",
    "the reorder suggestions as orders, by supplier": "按供应商把补货建议列成订单",
    "draft orders from the suggestions": "根据补货建议生成订单草稿",
    "send a draft order (it becomes read-only)": "发送订单草稿（发送后不能再改）",
    "receive goods against a sent order": "按已发送的订单入库",
    "cancel an order with a reason": "取消订单，须填写原因",
    "an order and its lines": "一张订单及其明细",
    "the orders, newest first": "订单列表，最新的在前",
    "an order as a one-page PDF or an .xlsx": "把订单导出为单页 PDF 或 .xlsx",
    "price per pack": "每包装的价格",
    "suggest as on this day (default today)": "按该日计算补货建议（默认今天）",
    "price actually paid, per pack": "每包装的实际进价",
    "accept more than ordered": "允许收货多于订购数量",

    # settings (cli.settings)
    "every setting and its value": "所有设置及其值",
    "set one: current_assets AMOUNT, language zh|en|auto, shop_name TEXT ...":
        "设置一项：current_assets AMOUNT、language zh|en|auto、shop_name TEXT……",
    "current_assets, language, shop_name, ...": "current_assets、language、shop_name……",

    # user, audit (cli.users)
    "add a user (the first must be the owner)": "添加用户（第一个必须是店主）",
    "the shop's users": "本店的用户",
    "set a new PIN (an owner for anyone, a user for their own)":
        "设置新密码（店主可改任何人的，其他用户只能改自己的）",
    "disable a user (kept in the audit trail)": "停用用户（审计记录中仍保留）",
    "an owner's way back in: the recovery code": "店主找回登录的办法：恢复码",
    "only this user's acts": "只看该用户的操作",
}
# fmt: on
