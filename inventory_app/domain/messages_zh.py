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
    "what": {
        "number": "数值",
        "quantity": "数量",
        "unit cost": "单位成本",
        "reorder point": "再订货点",
        "safety stock": "安全库存",
        "count": "实盘数量",
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
    "catalog.lead_time_invalid": "交货周期须为 0 或以上的整数天数",
    "catalog.shelf_life_invalid": "保质期须为大于 0 的整数天数",
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
        "{file} 不是 OpenDocument .ods 电子表格（解压后超过 2 GB）；"
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
        "{file} 不是 Excel .xlsx 工作簿（解压后超过 2 GB）；请在 Excel 或 WPS 中打开并另存为 .xlsx"
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
}
