"""The Simplified Chinese sentence of every expected problem, by code (``domain.messages``
renders them when the language is "zh").

Same codes and placeholders as ``messages_en``; Chinese needs no plural, so a (one, many) pair
there is one string here. Terms follow the shop's words (入库, 出库, 报损, 盘点, 调拨, 冲销, 批次,
有效期至, 结账 …), one term per concept; full-width punctuation; a space between Chinese and
Latin text or digits. Values a user typed are quoted “…”; codes, SKUs and numbers stay as they are.
Words a user types literally (``fifo``, ``--uncounted zero``, scope syntax) stay as typed.
"""

from __future__ import annotations

# Parameters whose value is a word from a small fixed set of English words (a movement type, a
# stocktake state, the name of a number field): the Chinese word shown in its place, by parameter
# name. A value not listed here is shown as it is.
WORDS: dict[str, dict[str, str]] = {
    "kind": {
        "receipt": "入库",
        "issue": "出库",
        "writeoff": "报损",
        "adjust": "库存调整",
        "transfer": "调拨",
        "stocktake": "盘点",
        "reversal": "冲销",
    },
    "state": {"open": "进行中", "approved": "已审核", "cancelled": "已取消"},
    "status": {
        "draft": "草稿",
        "sent": "已发送",
        "partial": "部分到货",
        "received": "已完成",
        "cancelled": "已取消",
    },
    # check's rules (#14): the titles services.check reports, in Chinese
    "rule": {
        "SQLite quick_check": "SQLite 快速完整性检查（quick_check）",
        "foreign keys": "外键关联",
        "batch remaining = received - allocated": "批次结存 = 入库 − 已分配",
        "an empty batch holds no value": "数量为零的批次没有金额",
        "item on hand = its batches": "商品现存量 = 其批次之和",
        "item on hand = sum of its monthly flows": "商品现存量 = 各月收发之和",
        "monthly flows = movements": "月度收发 = 出入库流水",
        "an outgoing movement's value = its allocations": "出库流水的金额 = 其批次分配金额",
        "a receipt's value = the batch it created": "入库金额 = 所生成批次的金额",
        "a transfer moves value, it does not create it": "调拨只转移金额，不产生金额",
        "value is conserved: receipts + adjustments - COGS = stock value": (
            "金额守恒：入库 + 库存调整 − 销售成本 = 库存金额"
        ),
        "no batch was drawn before it arrived": "没有批次在入库之前被出库",
        "no batch was ever below zero at the end of a day": "没有批次在任何一天结束时为负数",
        "item pinyin keys = those of its name": "商品拼音检索码与商品名称一致",
        "a reversal reverses an original, once": "每笔冲销只冲销一笔原始流水，且只冲销一次",
        "every protecting trigger is in place": "所有保护触发器都在",
        "posted rows are as posted (tamper-evident chain)": "已过账数据未被改动（防篡改哈希链）",
    },
    # users (#14): roles, and the phrases naming who may do something
    "role": {"owner": "店主", "clerk": "店员", "accountant": "会计"},
    # a backup's kind and a user's state, as the CLI's tables show them (#11, r11)
    "backup_kind": {"manual": "手动", "daily": "每日自动", "before-restore": "恢复前自动"},
    "user_state": {"disabled": "已停用"},
    # the audit trail's actions and sources in the CLI's table (the Audit page's words)
    "audit_source": {"app": "桌面程序", "cli": "命令行", "import": "导入"},
    "audit_action": {
        "post": "过账单据",
        "reverse": "冲销",
        "close_period": "结账",
        "settings": "修改设置",
        "stocktake_start": "开始盘点",
        "stocktake_approve": "审核盘点",
        "stocktake_cancel": "取消盘点",
        "count_sheet": "导入盘点表",
        "import": "导入",
        "journal_import": "导入流水账",
        "opening_import": "导入期初库存",
        "item.add": "添加商品",
        "item.edit": "编辑商品",
        "item.active": "恢复商品",
        "item.inactive": "停用商品",
        "location.add": "添加库位",
        "export": "导出",
        "backup": "备份",
        "restore": "从备份恢复",
        "sign_in": "登录",
        "pin.failed": "密码（PIN）错误",
        "recovery.failed": "恢复码错误",
        "recovery.used": "使用恢复码",
        "user.add": "添加用户",
        "user.pin": "修改密码（PIN）",
        "user.disable": "停用用户",
        "triggers_restored": "恢复保护触发器",
    },
    "roles": {
        "owner": "店主",
        "owner or clerk": "店主或店员",
        "owner or accountant": "店主或会计",
        "owner, clerk or accountant": "店主、店员或会计",
    },
    "what": {
        "number": "数值",
        "quantity": "数量",
        "unit cost": "单位成本",
        "reorder point": "再订货点",
        "safety stock": "安全库存",
        "count": "实盘数量",
        "current assets": "流动资产",
    },
    "language": {"auto": "自动（跟随系统）", "zh": "简体中文", "en": "英文"},
    "found": {"none": "（无）"},
    "average": {"simple": "期初期末平均", "daily": "逐日平均"},
    # the columns of the import files and count sheets, by key (tabular.column_twice ...)
    "key": {
        "sku": "商品编码",
        "name": "商品名称",
        "category": "类别",
        "unit": "单位",
        "barcode": "条码",
        "date": "日期",
        "type": "类型",
        "qty": "数量",
        "unit_cost": "单位成本",
        "batch": "批号",
        "expiry": "有效期至",
        "location": "库位",
        "to_location": "调入库位",
        "reference": "单号",
        "note": "备注",
        "reason": "原因",
        "removal": "出库规则",
        "reorder_point": "再订货点",
        "safety_stock": "安全库存",
        "shelf_life_days": "保质期（天）",
        "lead_time_days": "交货周期（天）",
        "supplier": "供应商",
        "minimum order": "起订金额",
        "price": "价格",
        "factor": "换算率",
    },
}

# Sections by area, in the order of messages_en.
TEMPLATES: dict[str, str | tuple[str, str]] = {
    # --- general
    "cancelled": "已取消，未写入任何内容。",
    # --- settings
    "settings.lock_date_via_close": "结账日期只能通过结账来设定，不能作为设置项修改。",
    "settings.empty_shop_name": "店铺名称不能为空。",
    # --- imports (whole-file summary; the rows carry their own codes)
    "import.empty": "不能为空",
    "import.cancelled": "已取消导入，未过账任何内容",
    "import.unknown_type": "类型须为以下之一：{accepted}",
    "import.unknown_sku": "找不到该商品编码（请先导入商品）",
    "import.unknown_location": "找不到该库位",
    "import.date_closed": "在已结账期间内（已结账至 {lock_date}）",
    "import.date_future": "是未来的日期",
    "import.qty_zero": "不能为零",
    "import.qty_negative": "必须大于零（只有库存调整行可以为负数）",
    "import.receipt_needs_cost": "入库需要填写单位成本",
    "import.transfer_needs_destination": "调拨需要填写调入库位",
    "import.expiry_before_date": "早于本行的日期",
    "import.opening_date_closed": (
        "期初日期 {date} 在已结账期间内（已结账至 {lock_date}）；请选择结账日期之后的日期"
    ),
    "import.opening_date_future": "期初日期 {date} 是未来的日期",
    "import.opening_qty_not_positive": "期初数量必须大于零",
    "import.expiry_before_opening": "早于期初日期 {date}",
    "import.duplicate_batch": "同一批次已在第 {first_row} 行出现",
    "import.template_unknown_kind": "模板类型“{kind}”无效，可选：{kinds}",
    "import.template_not_xlsx": "{file}：模板是 Excel .xlsx 文件，请以 .xlsx 作为文件扩展名",
    "import.template_no_folder": "文件夹 {folder} 不存在",
    "import.template_locked": "无法写入 {file}；请先在 Excel 或 WPS 中关闭该文件",
    "import.refused": "{source}发现 {count} 个问题，未导入任何数据。",
    "import.refused.source": "{source}：",
    "import.more": "……另有 {count} 个问题",
    "import.row_at": "第 {row} 行",
    "import.row_column_at": "第 {row} 行“{column}”列",
    "import.row_value": "{where}：{problem}；当前值为“{value}”",
    "import.row_plain": "{where}：{problem}",
    # --- domain
    "number.not_a_number": "{what}：“{value}”不是数字",
    "number.empty": "{what}不能为空",
    "number.too_large": "{what}：“{value}”太大",
    "number.too_many_decimals": "{what}：“{value}”的小数超过 {places} 位",
    "number.negative": "{what}：“{value}”不能为负数",
    "indicators.service_level": "服务水平应在 0 到 1 之间，不能是 {level}",
    "abc.thresholds": ("ABC 分类阈值须满足 0 < A（{a}）≤ A+B（{b}）≤ 1，以比例表示，如 0.80"),
    "stocktake.reason_not_known": "差异原因“{reason}”无效，可选：{choices}",
    "scope.unknown": (
        "盘点范围“{scope}”无效，可选：all、location:库位名、category:类别名[,类别名]、abc:A、due"
    ),
    "scope.takes_no_value": "盘点范围 {kind} 后面不能带值（填写的是“{scope}”）",
    "scope.needs_location": "盘点范围 location: 后面需要库位名，如 location:Main",
    "scope.needs_values": "盘点范围 {kind}: 后面至少需要一个值，如 {kind}:A",
    "scope.abc_class_unknown": "ABC 分类“{value}”无效，只能是 A、B 或 C",
    # the scope as a person reads it (domain.stocktake.scope_label)
    "scope.label.all": "全部商品",
    "scope.label.location": "库位：{values}",
    "scope.label.category": "类别：{values}",
    "scope.label.abc": "ABC 分类：{values}",
    "scope.label.due": "到期待盘商品",
    "scope.label.due_classes": "到期待盘商品：{values} 类",
    "scope.label.joiner": "、",
    "stocktake.default_name": "盘点 {date}（{scope}）",
    # --- storage: database files
    "db.missing": "{path} 不存在。",
    "db.not_inventory": "{name} 不是库存数据库（或文件已损坏）：{problems}。",
    "db.foreign": "{name} 是 SQLite 文件，但不是库存数据库。",
    "db.newer": (
        "{name} 由更新版本的 inventory_app 保存（数据版本 {version}，本程序最高支持"
        " {latest}）。请升级程序后再打开。"
    ),
    "db.damaged": "{name} 已损坏（{problems}）。请从备份恢复（文件 > 从备份恢复）。",
    "db.read_only": "{name} 以只读方式打开，不能修改",
    "db.busy": "{name} 正忙：另一个程序正在写入，请稍后再试。",
    "db.disk_full": "{name} 所在的磁盘已满，未保存任何内容。",
    "db.cannot_write": "无法写入 {name}（文件或文件夹是只读的）。",
    "db.io_error": (
        "无法读取或写入 {name}（{problems}），未保存任何内容。请检查磁盘或文件所在的网络驱动器。"
    ),
    "db.cannot_open": "无法打开 {name}（{problems}）：请检查其所在文件夹是否存在并且可以写入。",
    "db.in_use": (
        "{name} 正被 {host} 上的 {user} 使用（{program}，进程号 {pid}，自 {since} 起）。"
        "请先在那里关闭；报表仍可查看。"
    ),
    "db.in_use_unknown": "{name} 正被另一个程序使用。请先在那里关闭；报表仍可查看。",
    "db.cannot_lock": (
        "无法以写入方式打开 {name}：无法创建锁文件 {lock}（{problems}）。"
        "请以只读方式打开，或把它复制到可以写入的文件夹。"
    ),
    "db.migration_breaks_keys": (
        "把文件升级到数据版本 {version} 会破坏外键关联（文件已损坏），未做任何更改。"
        "请从备份恢复（文件 > 从备份恢复）。"
    ),
    # --- ledger
    "ledger.unknown_sku": "找不到商品编码“{sku}”",
    "ledger.unknown_location": "找不到库位“{name}”",
    "ledger.period_closed": "{date} 在已结账期间内（已结账至 {lock_date}）；请在未结账期间过账更正",
    "ledger.future_date": "{date} 是未来的日期",
    "ledger.unknown_type": "未知的出入库类型“{type}”",
    "ledger.reversal_as_line": "冲销要用冲销功能过账，不能作为单据行",
    "ledger.qty_zero": "数量不能为零",
    "ledger.qty_not_positive": "{kind}数量必须大于零",
    "ledger.writeoff_reason_unknown": "报损原因“{reason}”无效，可选：{choices}",
    "ledger.transfer_without_destination": "调拨需要填写调入库位",
    "ledger.transfer_same_location": "调拨的调出库位和调入库位不能相同",
    "ledger.receipt_needs_cost": "入库需要填写单位成本",
    "ledger.no_cost_known": "没有填写单位成本，且 {sku} 从未入库过；请填写单位成本",
    "ledger.expiry_before_date": "有效期至 {expiry} 早于单据日期 {date}",
    # "库存不足：A1 需要 12，现有 10"; the parts below name the batch and location when given
    "ledger.shortage": "库存不足：{where}{what} 需要 {needed}，现有 {available}{expired_note}",
    "ledger.shortage.batch": "{sku} 批次 {batch}",
    "ledger.shortage.at": "库位 {location} 的 ",
    "ledger.shortage.expired": (
        "（另有 {expired} 在已过期批次中，只有指定批次并填写原因才能出库）"
    ),
    "ledger.expired_batch_needs_reason": "批次“{batch}”已于 {expiry} 过期，出库须填写原因",
    "ledger.batch_out_of_turn_needs_reason": (
        "按该商品的出库规则，还没轮到批次“{batch}”；指定该批次须填写原因"
    ),
    "ledger.reversal_needs_reason": "请填写冲销原因",
    "ledger.no_such_movement": "找不到流水号 {movement_id}",
    "ledger.reversing_a_reversal": (
        "流水号 {movement_id} 本身是一笔冲销，不能再冲销；如需恢复，请重新过账原业务"
    ),
    "ledger.already_reversed": "流水号 {movement_id} 已被流水号 {reversed_by} 冲销",
    "ledger.reversal_before_movement": "冲销日期不能早于原流水的日期（{date}）",
    "ledger.batch_used_since": (
        "{sku} 的流水号 {movement_id} 无法冲销：批次 {batch} 中已有 {used} 在之后被用掉。"
        "请先冲销那些流水，或对差额做库存调整。"
    ),
    "ledger.batch_drawn_since": (
        "{sku} 的流水号 {movement_id} 无法冲销：批次 {batch} 中已有一部分在之后被用掉。"
        "请先冲销那些流水，或对差额做库存调整。"
    ),
    # --- catalog, search, browse
    "catalog.sku_empty": "商品编码不能为空",
    "catalog.sku_invalid": "商品编码太长，或含有制表符或换行符",
    "catalog.name_empty": "商品名称不能为空",
    "catalog.name_too_long": "商品名称不能超过 {max} 个字符",
    "catalog.barcode_invalid": "条码不能含空格，最多 {max} 个字符",
    "catalog.qty_negative": "不能为负数",
    "catalog.lead_time_invalid": "交货周期须为 0 到 {max:,} 之间的整数天数",
    "catalog.shelf_life_invalid": "保质期须为 1 到 {max:,}（100 年）之间的整数天数",
    "catalog.removal_invalid": "出库规则须为先进先出或近效期先出（也可写 fifo 或 fefo）",
    "catalog.sku_taken": "商品编码“{sku}”已被其他商品使用",
    "catalog.barcode_taken": "条码“{barcode}”已被其他商品使用",
    "catalog.item_refused": "商品未能保存：{reason}",
    "catalog.unknown_sku": "找不到商品编码“{sku}”",
    "catalog.location_empty": "库位名称不能为空",
    "catalog.location_exists": "库位“{name}”已存在",
    "catalog.import_sku_repeated": "同一商品编码已在第 {first_row} 行出现",
    "catalog.import_barcode_repeated": "同一条码已在第 {first_row} 行出现",
    "catalog.import_barcode_owned": "该条码已属于其他商品",
    # --- postings, reports, backup, check
    "postings.no_lines": "单据中没有任何商品行",
    "postings.period_cannot_reopen": "已结账至 {closed_to}，已结账期间不能重新打开",
    "postings.close_in_future": "不能对未来的期间结账",
    "postings.cancelled": "已取消，未过账任何内容",
    "reports.period_ends_before_start": "期间的结束日期（{end}）早于开始日期（{start}）",
    "reports.summary_by": "汇总只能按商品（item）或按类别（category）",
    "backup.overwrites_shop": "备份不能覆盖店铺文件本身或属于它的文件（-wal、-shm、.lock）：{path}",
    "backup.not_sound": "备份校验未通过：{problems}",
    "backup.count_mismatch": (
        "备份校验未通过：副本中 {table} 表有 {copied} 行，店铺文件中有 {expected} 行"
    ),
    "cli.no_shop": "找不到店铺文件 {path}；请运行 inventory-app init 创建",
    "cli.demo_needs_empty_shop": "{path} 中已有商品；演示数据只能放进新建的空店铺",
    "cli.not_a_date": "“{text}”不是日期，请按 2026-11-21 的格式填写",
    # --- stocktake
    "stocktake.not_found": "找不到盘点单 #{stocktake_id}",
    "stocktake.read_only": "盘点单 #{stocktake_id} {state}，只能查看，不能再录入实盘数量",
    "stocktake.takes_no_counts": "盘点单 #{stocktake_id} {state}，不能再录入实盘数量",
    "stocktake.already_closed": "盘点单 #{stocktake_id} 已经结束（{state}）",
    "stocktake.no_such_line": "盘点单 #{stocktake_id} 中没有行号为 {line_id} 的行",
    "stocktake.empty_scope": "盘点范围 {scope} 中没有需要盘点的商品",
    "stocktake.unknown_location": "找不到库位“{location}”",
    "stocktake.unknown_category": "找不到类别“{category}”；现有类别：{categories}",
    "stocktake.negative_count": "实盘数量不能为负数（填写的是 {qty}）；如需更正，请复盘",
    "stocktake.unknown_code": "找不到编码或条码为“{item_code}”的商品",
    "stocktake.item_out_of_scope": (
        "{sku} 不在盘点单 #{stocktake_id} 的范围内（{scope}）；请先把它加入本次盘点"
    ),
    "stocktake.location_out_of_scope": (
        "库位“{location}”不在本次盘点的范围内（盘点库位：{scope_location}）"
    ),
    "stocktake.location_needed": "{sku} 存放在多个库位（{locations}）；请指定库位",
    "stocktake.not_per_batch": "{sku} 按库位盘点，不按批次；请不要填写批次",
    "stocktake.batch_needed": "{sku} 按批次盘点：请指定批次",
    "stocktake.batch_ambiguous": "{sku} 在 {location} 有多个批次：{batches}；请指定批次",
    "stocktake.approver_needed": "审核需要填写审核人姓名",
    "stocktake.uncounted_choice_needed": (
        "盘点单 #{stocktake_id} 共 {lines} 行，其中 {count} 行尚未盘点；"
        "请选择这些行保持账面数量不变，还是按零计"
    ),
    "stocktake.uncounted_option_needed": (
        "有 {count} 行尚未盘点（第一行：{location} 的 {sku}）；"
        "请加上 --uncounted unchanged（保持不变）或 --uncounted zero（按零计）"
    ),
    "stocktake.sold_after_count": (
        "{location} 的 {sku}：盘点之后出库的数量比盘到的数量还多 {qty}；请复盘"
    ),
    "stocktake.difference_not_postable": (
        "{sku}（{location}）的盘点差异无法过账：{problem}。请复盘该行（盘点之后库存可能已有变动）。"
    ),
    "stocktake.batch_difference_not_postable": (
        "{sku} 批次 {batch}（{location}）的盘点差异无法过账：{problem}。"
        "请复盘该行（盘点之后库存可能已有变动）。"
    ),
    "stocktake.no_cost_yet": (
        "{sku} 还没有成本（从未入库）：请先为盘到的数量过账一笔带单位成本的入库，再复盘该行"
    ),
    "stocktake.cannot_write": "无法写入 {path}：{problem}",
    "stocktake.sheet_unreadable": "无法把 {file} 作为工作簿读取：{problem}",
    "stocktake.not_a_count_sheet": (
        "{file} 不是本程序导出的盘点表；请先导出盘点表（stocktake sheet），填写后再导入"
    ),
    "stocktake.sheet_of_other_stocktake": (
        "{file} 是盘点单 #{sheet_stocktake_id} 的盘点表，不是 #{stocktake_id} 的；未导入任何数据"
    ),
    "stocktake.sheet_layout_changed": (
        "{file}：盘点表的格式被改动了（第 {row} 行第 {column} 列是“{found}”，应为“{expected}”）；"
        "请重新导出盘点表，填写时不要移动列；未导入任何数据"
    ),
    "stocktake.sheet_empty": "{file}：没有填写任何实盘数量；未导入任何数据",
    "stocktake.sheet_already_imported": "{file}：这些实盘数量已于 {at} 导入过；未做任何更改",
    "stocktake.sheet_negative_count": "实盘数量不能为负数",
    "stocktake.sheet_not_a_line_number": "不是有效的行号",
    "stocktake.sheet_line_repeated": "行号 {line_id} 已在第 {row} 行出现",
    "stocktake.sheet_count_without_item": "有实盘数量却没有商品：请填写 SKU",
    "stocktake.sheet_no_such_line": "没有这个行号",
    "stocktake.sheet_line_mismatch": "与行号 {line_id} 的内容不一致",
    "stocktake.sheet_unknown_item": "找不到此编码或条码对应的商品",
    # --- tabular (reading files)
    "tabular.empty": "为空",
    "tabular.not_accepted": "不是这一栏能接受的值",
    "tabular.not_finite": "不是有效的数字",
    "tabular.not_text": "不是文本",
    "tabular.not_number": "不是数字",
    "tabular.decimal_comma": "不是数字（小数点请用“.”，如 12.50）",
    "tabular.number_too_large": "数字太大",
    "tabular.not_whole": "不是整数",
    "tabular.not_date": "不是日期",
    "tabular.not_real_date": "不是真实存在的日期",
    "tabular.number_not_date": "是数字而不是日期；请把单元格设为日期格式（如 2026-11-21）",
    "tabular.ambiguous_date": "日期有歧义（日和月可能颠倒）；请写成 2026-11-21 的格式",
    "tabular.date_unreadable": "不是日期；请写成 2026-11-21 的格式",
    "tabular.file_not_found": "找不到 {file}",
    "tabular.file_locked": "无法打开 {file}；请在 Excel 或 WPS 中关闭它，并检查文件权限",
    "tabular.file_unreadable": "无法读取 {file}：{reason}",
    "tabular.unsupported_type": (
        "{file}：不支持的文件类型“{suffix}”；请使用 .xlsx、.xls、.ods 或 .csv"
    ),
    "tabular.no_file_type": (
        "{file}：没有文件扩展名，无法识别文件类型；请使用 .xlsx、.xls、.ods 或 .csv"
    ),
    "tabular.needs_calamine": (
        "{file}：读取 .xls 和 .ods 文件需要 python-calamine 组件，当前未安装；请将文件另存为 .xlsx"
    ),
    "tabular.workbook_password": (
        "{file} 设有密码保护；请在 Excel 或 WPS 中打开，取消密码后重新保存"
    ),
    "tabular.not_xls": (
        "{file} 不是 Excel 97-2003 .xls 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_xls_text": (
        "{file} 不是 Excel 97-2003 .xls 工作簿（它是文本文件或网页，只是扩展名为 .xls）；"
        "请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.xls_is_xlsx": (
        "{file} 其实是 Excel .xlsx 工作簿，只是扩展名为 .xls；请把扩展名改为 .xlsx"
    ),
    "tabular.not_xls_damaged": (
        "{file} 不是 Excel 97-2003 .xls 工作簿（文件已损坏）；"
        "请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_ods": (
        "{file} 不是 OpenDocument .ods 电子表格；"
        "请在 LibreOffice、WPS 或 Excel 中打开并另存为 .ods 或 .xlsx"
    ),
    "tabular.not_ods_text": (
        "{file} 不是 OpenDocument .ods 电子表格（看起来是文本文件）；"
        "请在 LibreOffice、WPS 或 Excel 中打开并另存为 .ods 或 .xlsx"
    ),
    "tabular.not_ods_damaged": (
        "{file} 不是 OpenDocument .ods 电子表格（文件已损坏）；"
        "请在 LibreOffice、WPS 或 Excel 中打开并另存为 .ods 或 .xlsx"
    ),
    "tabular.not_ods_too_big": (
        "{file} 不是 OpenDocument .ods 电子表格（解压后超过 1 GB，或其中单个部分超过 0.25 GB）；"
        "请在 LibreOffice、WPS 或 Excel 中打开并另存为 .ods 或 .xlsx"
    ),
    "tabular.ods_too_big": (
        "{file} 含有超过 {limit:,} 个单元格，.ods 文件一次读不了这么多；"
        "请删除未使用的行和列（按 Ctrl+End 可找到最后一个使用的单元格），或另存为 .xlsx"
    ),
    "tabular.read_cancelled": "已取消读取 {file}",
    "tabular.file_empty": "文件是空的",
    "tabular.no_data_rows": "没有数据行",
    "tabular.too_many_rows": "{file} 的数据超过 {max_rows:,} 行；请拆分成几个较小的文件",
    "tabular.too_many_problems": "问题太多，已在此处停止读取",
    "tabular.header_cell_empty": "表头单元格为空或已合并；请给每一列单独的表头（取消合并单元格）",
    "tabular.column_twice": "“{key}”列出现了两次：{where}",
    "tabular.column_twice.at": "“{header}”（{letter} 列）",
    "tabular.column_twice.and": "和",
    "tabular.missing_column": "缺少必填列“{key}”（表头可写作 {names}）；现有表头：{found}",
    "tabular.workbook_not_text": "{file} 是 Excel 工作簿，不是文本文件；请把扩展名改为 .xlsx",
    "tabular.unknown_encoding": "{file}：无法识别文本编码；请另存为 UTF-8 或 GB18030 编码",
    "tabular.csv_row_unreadable": "无法读取这一行（{reason}）",
    "tabular.csv_too_many_values": (
        "这一行有 {used} 个值，但表头只有 {width} 列；"
        "如果某个值中含有“{delimiter}”，请用英文双引号把它括起来"
    ),
    "tabular.not_workbook": (
        "{file} 不是 Excel .xlsx 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_workbook_xls": (
        "{file} 不是 Excel .xlsx 工作簿（是旧版 .xls 文件或设有密码保护）；"
        "请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_workbook_text": (
        "{file} 不是 Excel .xlsx 工作簿（看起来是文本文件）；请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_workbook_too_big": (
        "{file} 不是 Excel .xlsx 工作簿（解压后超过 1 GB，或其中单个部分超过 0.25 GB）；"
        "请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.not_workbook_damaged": (
        "{file} 不是 Excel .xlsx 工作簿（文件已损坏）；请在 Excel 或 WPS 中打开并另存为 .xlsx"
    ),
    "tabular.workbook_hostile": (
        "{file} 含有 XML 实体声明，而 Excel 或 WPS 保存的工作簿从来不会有；为安全起见已拒绝读取"
    ),
    "tabular.no_worksheets": "{file} 中没有工作表",
    "tabular.no_such_sheet": "{file} 中没有名为“{sheet}”的工作表；现有工作表：{sheets}",
    "tabular.sheet_too_long": (
        "{file}：工作表“{sheet}”一直用到第 {last_row:,} 行，超过允许的 {max_rows:,} 行；"
        "请拆分文件，如果其中大部分是空行，请把它们删除（按 Ctrl+End 可找到最后一个用过的单元格）"
    ),
    "tabular.header_formula": "表头单元格含有公式；请直接输入表头文字",
    "tabular.cell_formula": "含有公式；请改为粘贴数值（选择性粘贴 > 数值）",
    "tabular.cell_excel_error": "含有 Excel 错误值 {error}；请修改或清空该单元格",
    "tabular.cell_unreadable": "无法读取的单元格",
    # --- export
    "export.not_a_month": "“{month}”不是月份，请写成 2026-10 的格式",
    "export.unknown_language": "语言“{lang}”无效，可选：{choices}",
    "export.unknown_sheets": "未知的工作表：{sheets}",
    "export.future_period": "期间开始于未来（{start}）；没有可导出的内容",
    "export.not_xlsx": "{name}：导出的是 Excel .xlsx 文件，请以 .xlsx 作为文件扩展名",
    "export.no_folder": "文件夹 {folder} 不存在",
    "export.file_in_use": "无法替换 {name}；请在 Excel 或 WPS 中关闭它，然后重新导出",
    "export.write_failed": "无法写入文件：{reason}",
    "export.cancelled": "已取消导出，未写入任何文件",
    # --- analytics
    "analytics.unknown_period": "期间须为 {choices} 之一（或自定义日期），不能是“{period}”",
    "analytics.unknown_turnover_by": "库存周转率只能按 {choices} 统计，不能按“{by}”",
    "analytics.unknown_average": "平均库存只能按 simple 或 daily 方式计算，不能是“{average}”",
    # --- demo
    "demo.too_small": "演示店铺至少需要一个商品和一天的数据",
    # --- language, settings and the CLI's own words (#11)
    "preferences.bad_language": "语言“{value}”无效，可选：zh（简体中文）、en（英文）、auto（自动）",
    "preferences.not_saved": "无法将偏好设置保存到 {path}：{reason}",
    "settings.unknown_key": "没有名为“{setting}”的设置项；可用的设置项：{keys}",
    "cli.bad_limit": "“{text}”不是有效的行数（至少为 1）",
    "cli.language_set": "语言：{language}",
    "cli.setting_set": "{key} 已设为 {value}",
    "cli.settings_heading_key": "设置项",
    "cli.ind.revenue": "销售收入（有售价的出库）",
    "cli.ind.gross_margin": "毛利",
    "cli.ind.margin_rate": "毛利率",
    "cli.ind.gmroi": "存货毛利回报率 (GMROI)",
    "cli.ind.priced_share": "{share} 的销售成本有售价",
    "cli.ind.turnover": "库存周转率（本期）",
    "cli.ind.annualized": "库存周转率（年化）",
    "cli.ind.turnover_days": "库存周转天数",
    "cli.ind.capital_occupation": "资金占用率",
    "cli.ind.set_current_assets": "请设置流动资产：settings set current_assets 金额",
    "cli.ind.loss_rate": "损耗率",
    "cli.ind.stock_value": "库存金额",
    "cli.status.ok": "正常",
    "cli.status.low": "偏低",
    "cli.status.high": "偏高",
    "cli.alerts.count": "{title}：{n}",
    "cli.chart_written": "图表已保存到 {path}",
    "cli.turnover_note": (
        "{start} 至 {end}（{days} 天）；库存周转率 = 销售成本 ÷ 平均库存（平均方式：{average}）；"
        "库存周转天数 = {days} ÷ 库存周转率；合计年化周转率：{annualized}"
    ),
    "cli.abc_class": "{abc} 类：{count} 个商品，{value}",
    "cli.abc_total": "消耗金额合计 {total}；{classes}",
    "cli.abc_joiner": "；",
    "cli.reorder_rules": (
        "按近 {demand_days} 天需求计算，服务水平 {level}（z = {z}），补足 {cover_days} 天用量"
    ),
    "cli.alerts.expired": "已过期",
    "cli.alerts.expiring": "临期（{count} 天内到期）",
    "cli.alerts.low_stock": "低库存",
    "cli.alerts.out_of_stock": "缺货",
    "cli.alerts.dead_stock": "呆滞库存（{count} 天无出库）",
    "cli.counted": "第 {line} 行：{sku}（{location}）实盘数量 {total}",
    "cli.counted_batch": "第 {line} 行：{sku} 批次 {batch}（{location}）实盘数量 {total}",
    "cli.export_done": (
        "商品 {items} 个，出入库流水 {lines} 行，批次 {batches} 个，用时 {seconds} 秒"
    ),
    "cli.settings_heading_value": "值",
    "cli.items_imported": "新建商品 {created} 个，更新 {updated} 个",
    "cli.opening_imported": "已于 {date} 录入期初库存 {count} 个批次",
    "cli.journal_imported": "已过账 {count} 条出入库流水",
    "cli.stocktake_approved": "盘点 #{id} 已审核：过账差异 {count} 条",
    "cli.stocktake_cancelled": "盘点 #{id} 已取消",
    "cli.stocktake_status.open": "待盘点",
    "cli.stocktake_status.counting": "盘点中",
    "cli.stocktake_status.in_review": "待审核",
    "cli.stocktake_status.approved": "已审核",
    "cli.stocktake_status.cancelled": "已取消",
    "cli.counts_imported": "已导入 {count} 条盘点记录",
    "cli.lines_added": "新增 {count} 行",
    "cli.demo_built": "演示店铺：{items} 个商品，{movements} 条出入库流水",
    "cli.already_a_shop": "{path} 已是店铺文件，未做任何更改",
    # --- bad input (#14)
    "tabular.csv_unclosed_quote": (
        "这一行的引号没有闭合，其后的各行会被读成一个单元格；请补上或删去这个引号"
    ),
    "tabular.mixed_encoding": (
        "这一行不是 UTF-8 编码，而前面的行是：文件混用了两种文本编码；请重新另存为 "
        "UTF-8（Excel 中选“CSV UTF-8”）"
    ),
    "tabular.encoding_doubtful": (
        "文件不是 UTF-8 编码，按 GB18030（中文）读取时从这一行起出现不常见"
        "的字符；它可能是西文编码，请重新另存为 UTF-8（Excel 中选“CSV UTF-8”"
        "）"
    ),
    "tabular.header_again": (
        "这一行重复了第 {first} 行的表头（是否把两个文件拼在了一起？）；请删除这一行"
    ),
    "number.decimal_comma": (
        "{what}：“{value}”有歧义；小数请用“.”（如 1.5），“,”只能用作千位分隔（如 1,500）"
    ),
    "date.out_of_range": ("日期 {date} 超出了店铺文件可记录的范围（{first} 至 {last}）"),
    "tabular.date_out_of_range": ("日期 {date} 超出了店铺文件可记录的范围（{first} 至 {last}）"),
    "amount.qty_too_large": ("数量 {qty} 超出单行可记录的上限（最多 {limit:,}）"),
    "amount.cost_too_large": ("单位成本 {cost} 超出店铺文件可记录的上限（最多 {limit:,}）"),
    "amount.value_too_large": ("该行金额将为 {value}，超出单行可记录的上限（最多 {limit:,}）"),
    "cli.not_an_id": ("“{text}”不是有效的记录编号（应为从 1 开始的整数）"),
    "db.is_folder": ("{path} 是一个文件夹，不是店铺文件；请指定文件夹里的店铺文件"),
    "db.table_missing": (
        "{name} 已损坏：缺少部分数据（{tables}）。请从备份恢复（文件 > 从备份恢复）。"
    ),
    "file.name_too_long": (
        "文件名 {name} 太长，磁盘不支持（每个名称最多 255 字节）；请换一个短一些的名称"
    ),
    "file.no_permission": (
        "无法使用 {path}：没有权限（{problems}）；请联系电脑管理员，或改用你自己的文件夹"
    ),
    "file.is_folder": ("{path} 是一个文件夹，不是文件；请选择一个文件名"),
    "file.no_folder": ("{path} 所在的文件夹不存在，或者不是文件夹（{problems}）"),
    "file.os_error": ("无法使用 {path}（{problems}）"),
    "export.target_is_folder": ("{name} 是一个文件夹；请为导出文件指定一个以 .xlsx 结尾的文件名"),
    "export.name_too_long": ("文件名 {name} 太长，磁盘不支持；请控制在 {limit} 个字符以内"),
    "export.disk_full": ("磁盘已满，未能写入 {name}（没有留下不完整的文件）"),
    "catalog.sku_hidden_character": (
        "编码第 {position} 个字符是看不见、也无法输入的字符（{code}）；请重新输入编码"
    ),
    "catalog.name_control_character": ("名称中含有看不见的控制字符；请重新输入名称"),
    "tabular.sheet_too_wide": (
        "{file}：工作表“{sheet}”一直用到第 {last_column} 列"
        "，超过允许的 {max_columns} 列；请删除没有用到的列（按 Ctrl+End "
        "可找到最后一个用过的单元格）"
    ),
    # --- desktop rough edges (#11)
    "ledger.nothing_to_reverse": "单据 {document_id} 已没有可冲销的行",
    "ledger.no_such_document": "单据 {document_id} 不存在",
    # --- buying (#15)
    "suppliers.code_empty": "供应商编码不能为空",
    "suppliers.code_invalid": "供应商编码“{code}”太长（最多 {max} 个字符），或含有制表符或换行符",
    "suppliers.name_empty": "供应商 {code} 需要填写名称",
    "suppliers.name_too_long": "供应商 {code} 的名称不能超过 {max} 个字符",
    "suppliers.lead_time_invalid": "交货周期“{value}”不是整数天数（0 或以上）",
    "suppliers.code_taken": "供应商编码 {code} 已被使用，请换一个编码",
    "suppliers.unknown": "没有编码为 {code} 的供应商；请先添加该供应商",
    "units.factor_not_positive": "包装的换算率必须大于 0，不能是 {value}",
    "units.qty_not_exact": "{qty} 个包装 × 换算率 {factor} 超过 3 位小数；请按库存单位填写数量",
    "units.barcode_taken": "条码 {barcode} 已被商品或其他包装使用",
    "units.pack_exists": "该商品已有名为 {pack} 的包装",
    "units.unknown_pack": ("{sku} 没有名为 {pack} 的包装；请先为该商品添加这个包装及其换算率"),
    "units.pack_name_invalid": "包装名称须为 1 到 {max} 个字符，不能是“{pack}”",
    "units.pack_is_stock_unit": "{pack} 是 {sku} 的库存单位，不是包装",
    "po.unknown": "没有编号为 {id} 的采购订单",
    "po.not_draft": "采购订单 {id} 的状态是{status}：只有草稿订单可以修改",
    "po.empty": "采购订单 {id} 没有明细；请先添加商品再发送",
    "po.not_open": "采购订单 {id} 的状态是{status}：只能对已发送的订单收货入库",
    "po.not_on_order": "{sku} 不在采购订单 {id} 上",
    "po.over_receipt": (
        "{sku}：再收 {qty} 将使订单 {id} 已到货 {received}，超过订购数量 {ordered}；"
        "如确需超收，请选择允许超收"
    ),
    "po.closed": "采购订单 {id} 的状态是{status}，不能取消",
    "po.reason_empty": "请填写取消订单的原因",
    "po.qty_not_positive": "订购数量必须大于 0，不能是 {qty}",
    "po.unknown_status": "状态须为 {choices} 之一，不能是“{status}”",
    "po.export_format": "{name}：采购订单只能导出为 PDF 或 Excel（.xlsx）文件",
    "po.export_failed": "无法写入采购订单文件：{reason}",
    "gs1.empty": "扫码内容为空",
    "gs1.unknown_ai": "{scan}：本软件无法识别应用标识符 {ai}（可识别 01、10、17、30、37 等）",
    "gs1.bad_field": "{scan}：（{ai}）后的数据缺失、过长或不是数字",
    "gs1.bad_check_digit": "商品条码 {gtin} 的校验位不正确，请重新扫码",
    "gs1.bad_date": "{scan}：有效期 {value} 不是有效日期（年年月月日日）",
    "gs1.unknown_gtin": "没有商品或包装使用条码 {gtin}",
    "cli.receive_needs_item": "入库需要填写 {missing}（或扫描含有该信息的商品条码）",
    "labels.copies": "每个标签至少打印 1 份，不能是 {copies}",
    "labels.no_batch": "{sku} 没有可打印标签的批次 {batch}",
    "labels.layout": "标签版式须为 {choices} 之一，不能是“{layout}”",
    # --- demand (#16)
    "demand.action.reorder": "补货",
    "demand.action.reduce_order": "减少订货量",
    "demand.action.stop_reordering": "停止补货",
    "demand.action.mark_down": "在过期前降价促销",
    "demand.action.return_to_supplier": "退回供应商",
    "demand.action.bundle": "与畅销商品捆绑销售",
    "demand.unknown_margin_by": "毛利只能按 {choices} 统计，不能按“{by}”",
    "demand.nothing_to_set": (
        "item set {sku}：请指明要设置的内容：--price、--no-price、--no-reorder 或 --reorder"
    ),
    "demand.price_on_issue_only": "{sku}：只有出库（销售）行才能填写售价，此单据行不能填写",
    "demand.reorder_order": (
        "交货周期 {lead} 天内预测需求 {demand}，服务水平 {level}% 下 ±{safety}，"
        "现存量 {on_hand}，在途数量 {on_order} → 建议订货 {order} {unit}"
    ),
    "demand.reorder_enough": (
        "交货周期 {lead} 天内预测需求 {demand}，服务水平 {level}% 下 ±{safety}，"
        "现存量 {on_hand}，在途数量 {on_order}：高于再订货点 {rop}，暂不订货"
    ),
    # --- users and audit (#14)
    "users.sign_in_needed": (
        "请先登录：本店已设用户，只有{roles}可以执行此操作"
        "（命令行：--user 用户名，密码（PIN）放在 INVENTORY_PIN 中或在提示时输入）"
    ),
    "users.role_needed": "只有{roles}可以执行此操作；当前登录的是{role}",
    "users.unknown_role": (
        "角色“{role}”无效，只能是 owner（店主）、clerk（店员）或 accountant（会计）"
    ),
    "users.empty_name": "用户名不能为空",
    "users.first_must_be_owner": "本店的第一个用户必须是店主（--role owner）",
    "users.name_taken": "已有名为 {name} 的用户",
    "users.unknown": "没有名为 {name} 的用户",
    "users.last_owner": "{name} 是最后一位店主；请先添加另一位店主，再停用 {name}",
    "users.wait": "{name} 的密码（PIN）错误次数过多，请 {seconds} 秒后再试",
    "users.cannot_sign_in": "{name} 无法登录：没有该用户，或该用户已停用",
    "users.wrong_pin": "{name} 的密码（PIN）错误",
    "users.wrong_pin_wait": (
        "{name} 的密码（PIN）错误（已连续 {tries} 次），请等待 {seconds} 秒后再试"
    ),
    "users.pin_too_short": "密码（PIN）至少 4 个字符",
    "users.pin_too_long": "密码（PIN）最多 64 个字符",
    "users.pin_spaces": "密码（PIN）不能以空格开头或结尾",
    "users.pins_differ": "两次输入的密码（PIN）不一致，未做任何更改",
    "users.pin_needed": "未提供密码（PIN）：请设置 INVENTORY_PIN，或在提示时输入",
    "users.no_users": "本店还没有用户；请先添加店主：user add 用户名 --role owner",
    # --- stocktake approval by role (#14, r14)
    "stocktake.over_tolerance": (
        "盘点 #{stocktake_id} 有 {count} 行差异超出允许范围（{lines}）：只有{roles}可以审核；"
        "请复盘这些行，或请{roles}审核"
    ),
    # --- check's report in the user's language (#14, r14)
    # --- backups and restore (#14, h13)
    "backup.no_destination": "请指定备份到哪个文件或文件夹",
    "backup.not_a_file": "{path} 不是普通文件（是文件夹、设备或指向它们的链接）；请指定一个文件名",
    "backup.would_overwrite": (
        "{path} 已存在，且不是本店铺的备份；未做任何更改。请换一个文件名，或加上 --force 覆盖它"
    ),
    "backup.disk_full": "{folder} 的可用空间不足，无法备份；未写入任何内容",
    "backup.name_too_long": "文件名 {name} 太长，文件系统不支持；请换一个短一些的名字",
    "backup.no_folder": "文件夹 {folder} 不存在",
    "backup.cannot_write": "无法在 {folder} 中写入备份（{reason}）；请换一个文件夹",
    "backup.value_mismatch": "备份校验未通过：副本的库存金额为 {copied}，店铺文件为 {expected}",
    "restore.same_file": "{path} 就是店铺文件本身（或属于它的文件），不是它的备份",
    # --- the last Chinese gaps of the CLI (#11, r11)
    "reorder.why": (
        "近 {demand_days} 天日均需求 {mean}{unit_text}/天 × 交货周期 {lead} 天 = {lead_demand}；"
        "+ {safety_text} → 再订货点 {rop}；{decision}"
    ),
    "reorder.why.safety_item": "安全库存 {safety}（商品上设定）",
    "reorder.why.safety_z": "安全库存 {safety} = z {z} × σ {sigma}/天 × √{lead} 天",
    "reorder.why.have": "现存量 {on_hand}",
    "reorder.why.have_on_order": "现存量 {on_hand} + 在途数量 {on_order}",
    "reorder.why.order": (
        "{have} ≤ {rop}：建议订货 {order}{unit_text}，补足到 {target}（再订货点 + {cover} 天用量）"
    ),
    "reorder.why.enough": "{have} 高于再订货点：暂不订货",
    "check.ok": "通过",
    "check.fail": "失败",
    "check.passed": "数据校验全部通过，用时 {seconds} 秒",
    "check.failed": "数据校验未通过，用时 {seconds} 秒",
    "check.failed_damaged": "数据校验未通过",
    "check.rule.quick_check": "数据库文件快速检查",
    "check.rule.foreign_keys": "记录之间的引用完整",
    "check.rule.batch_remaining": "批次结存 = 入库 − 已分配",
    "check.rule.empty_batch": "数量为零的批次没有金额",
    "check.rule.on_hand_batches": "商品现存量 = 其各批次之和",
    "check.rule.on_hand_flows": "商品现存量 = 其各月收发之和",
    "check.rule.flows_movements": "各月收发 = 出入库流水",
    "check.rule.outgoing_value": "出库类流水的金额 = 其批次分配",
    "check.rule.receipt_value": "入库流水的金额 = 其生成的批次",
    "check.rule.transfer_value": "调拨只移动金额，不产生金额",
    "check.rule.value_conserved": "金额守恒：入库 + 调整 − 销售成本 = 库存金额",
    "check.rule.drawn_before_arrival": "没有批次在入库前被出库",
    "check.rule.below_zero": "没有批次在日终时为负数",
    "check.rule.pinyin": "商品拼音检索码与名称一致",
    "check.rule.reversal_once": "每笔冲销只冲销一笔原单，且仅一次",
    "check.rule.triggers": "全部保护触发器都在",
    "check.rule.chain": "已过账记录未被改动（防篡改链）",
    "check.trigger_missing": "触发器 {name} 缺失",
    "check.trigger_changed": "触发器 {name} 被改动",
    "cli.total": "合计",
    "cli.po_heading": "采购订单 {id}  {supplier} {name}  {status}  预计到货 {expected}",
    "po.min_order_note": "；为达到供应商起订金额加 {packs} {pack}",
}
