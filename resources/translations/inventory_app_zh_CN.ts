<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbcXyzMatrix</name>
    <message>
        <source>ABC–XYZ: value × how steady demand is</source>
        <translation>ABC–XYZ 分析：金额 × 需求稳定度</translation>
    </message>
    <message>
        <source>X steady</source>
        <translation>X 稳定</translation>
    </message>
    <message>
        <source>Y varies</source>
        <translation>Y 有波动</translation>
    </message>
    <message>
        <source>Z erratic</source>
        <translation>Z 不规则</translation>
    </message>
    <message>
        <source>A top 80% of value</source>
        <translation>A 占金额前 80%</translation>
    </message>
    <message>
        <source>B next 15%</source>
        <translation>B 其后 15%</translation>
    </message>
    <message>
        <source>C last 5%</source>
        <translation>C 末尾 5%</translation>
    </message>
    <message>
        <source>AX: reorder automatically from the forecast. AZ: watch closely, keep safety stock. CZ: stock only on order.</source>
        <translation>AX：按需求预测自动补货。AZ：重点关注，保留安全库存。CZ：按订单备货，不常备库存。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute: {0}</source>
        <translation>无法计算：{0}</translation>
    </message>
    <message>
        <source>1 item
{0:.0f}% of value</source>
        <translation>1 个商品
占金额 {0:.0f}%</translation>
    </message>
    <message>
        <source>{0:,} items
{1:.0f}% of value</source>
        <translation>{0:,} 个商品
占金额 {1:.0f}%</translation>
    </message>
    <message>
        <source>Margin: nothing sold in the period.</source>
        <translation>毛利：本期间没有销售。</translation>
    </message>
    <message>
        <source>Margin: no selling prices yet (Items ▸ edit ▸ Selling price).</source>
        <translation>毛利：尚未设置售价（商品 ▸ 编辑 ▸ 售价）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gross margin&lt;/b&gt; {0} ({1}) on revenue {2}; &lt;b&gt;GMROI&lt;/b&gt; {3} (gross margin ÷ average stock at cost). Prices known for {4:.0f}% of the cost of goods sold.</source>
        <translation>&lt;b&gt;毛利&lt;/b&gt; {0}（毛利率 {1}），销售额 {2}；&lt;b&gt;存货毛利回报率 (GMROI)&lt;/b&gt; {3}（毛利 ÷ 按成本计的平均库存）。有售价的出库占销售成本的 {4:.0f}%。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Inventory</source>
        <translation>关于进销存</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Shop file</source>
        <translation>店铺文件</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Droid Sans Fallback © Google, {0}</source>
        <translation>Droid Sans Fallback © Google，{0}</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>基于</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>进销存</translation>
    </message>
    <message>
        <source>Offline inventory for small shops.</source>
        <translation>面向小店的离线进销存。</translation>
    </message>
</context>
<context>
    <name>AddLineDialog</name>
    <message>
        <source>Add a line to order No. {0}</source>
        <translation>向采购订单 {0} 添加商品</translation>
    </message>
    <message>
        <source>last price</source>
        <translation>最近进价</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Price per pack</source>
        <translation>每包装单价</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>ApprovalQuestion</name>
    <message>
        <source>Post {0} differences (gains {1}, losses {2}) and close the stocktake? It cannot be changed afterwards.</source>
        <translation>过账 {0} 条差异（盘盈 {1}，盘亏 {2}）并关闭本次盘点吗？之后将无法修改。</translation>
    </message>
    <message>
        <source>Approve stocktake</source>
        <translation>审核盘点</translation>
    </message>
    <message>
        <source>{0} lines are flagged for recount:</source>
        <translation>有 {0} 行标记为需要复盘：</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>……另有 {0} 行</translation>
    </message>
    <message>
        <source>Recount them first, or approve anyway.</source>
        <translation>请先复盘这些行，或仍然审核。</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>仍然审核</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>批次 {0}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Posted a document</source>
        <translation>过账单据</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Closed a period</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Changed settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Started a stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Approved a stocktake</source>
        <translation>审核盘点</translation>
    </message>
    <message>
        <source>Cancelled a stocktake</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <source>Imported a count sheet</source>
        <translation>导入盘点表</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported a journal</source>
        <translation>导入流水账</translation>
    </message>
    <message>
        <source>Imported opening stock</source>
        <translation>导入期初库存</translation>
    </message>
    <message>
        <source>Added items</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Edited items</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>Restored an item</source>
        <translation>恢复商品</translation>
    </message>
    <message>
        <source>Archived an item</source>
        <translation>停用商品</translation>
    </message>
    <message>
        <source>Added a location</source>
        <translation>添加库位</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>密码（PIN）错误</translation>
    </message>
    <message>
        <source>Wrong recovery code</source>
        <translation>恢复码错误</translation>
    </message>
    <message>
        <source>Used the recovery code</source>
        <translation>使用恢复码</translation>
    </message>
    <message>
        <source>Added a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Changed a PIN</source>
        <translation>修改密码（PIN）</translation>
    </message>
    <message>
        <source>Disabled a user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Restored protecting triggers</source>
        <translation>恢复保护触发器</translation>
    </message>
    <message>
        <source>App</source>
        <translation>桌面程序</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the app did not expect. Nothing half-done was saved.
Please copy the details below and send them to whoever supports this app.</source>
        <translation>程序遇到了意料之外的问题，未完成的操作都没有保存。
请复制下面的详细信息，发给为本软件提供支持的人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>Computing…</source>
        <extracomment>A chart counts as in view when at least this much of its height shows. A row of charts is as tall as the view (fit.ChartScroll), so the next row peeks in by the grid&apos;s margin (3 px at 1280x800): that sliver of frame does not make its two figures built and drawn on the way to the first paint (~0.12 s a chart); they come once the page is idle or scrolled.</extracomment>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <source>Count: {0}</source>
        <translation>盘点：{0}</translation>
    </message>
    <message>
        <source>  —  blind count</source>
        <translation>  —  盲盘</translation>
    </message>
    <message>
        <source>Ready to scan.</source>
        <translation>可以扫码了。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Quantity added by the next scan; back to 1 after it</source>
        <translation>下一次扫码增加的数量；扫码后恢复为 1</translation>
    </message>
    <message>
        <source>Scan or type a code, then Enter</source>
        <translation>扫码或输入编码，然后按回车</translation>
    </message>
    <message>
        <source>Recount next line</source>
        <translation>复盘下一行</translation>
    </message>
    <message>
        <source>The next count replaces the line&apos;s earlier counts (they stay in the history)</source>
        <translation>下一次盘点将替换该行之前的盘点数（旧记录仍保留在历史中）</translation>
    </message>
    <message>
        <source>Counting at</source>
        <translation>盘点库位</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>{0} of {1} lines counted</source>
        <translation>已盘 {0} / {1} 行</translation>
    </message>
    <message>
        <source>A count cannot be negative; use Recount to correct a line.</source>
        <translation>盘点数量不能为负；如需更正某行，请使用“复盘”。</translation>
    </message>
    <message>
        <source>Unknown code {0}: no item has this code or barcode.</source>
        <translation>未知编码 {0}：没有商品使用此编码或条码。</translation>
    </message>
    <message>
        <source>Not in this stocktake</source>
        <translation>不在本次盘点中</translation>
    </message>
    <message>
        <source>{0} {1} is not in the scope of this stocktake. Add it and count it?</source>
        <translation>{0} {1} 不在本次盘点范围内。是否添加并盘点？</translation>
    </message>
    <message>
        <source>{0} was not counted: outside the scope.</source>
        <translation>{0} 未盘点：不在盘点范围内。</translation>
    </message>
    <message>
        <source>{0} was not counted: no batch chosen.</source>
        <translation>{0} 未盘点：未选择批次。</translation>
    </message>
    <message>
        <source> ({0} {1})</source>
        <translation>（{0} {1}）</translation>
    </message>
    <message>
        <source>{0}  (expires {1})</source>
        <translation>{0}  （有效期至 {1}）</translation>
    </message>
    <message>
        <source>Another batch…</source>
        <translation>其他批次…</translation>
    </message>
    <message>
        <source>Which batch?</source>
        <translation>哪个批次？</translation>
    </message>
    <message>
        <source>{0} {1} is counted per batch. Batch:</source>
        <translation>{0} {1} 按批次盘点。批次：</translation>
    </message>
    <message>
        <source>Batch code:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <source> batch {0}</source>
        <translation> 批次 {0}</translation>
    </message>
    <message>
        <source>{0}{1} at {2}: +{3}, counted {4}</source>
        <translation>{0}{1} 在 {2}：+{3}，已盘 {4}</translation>
    </message>
</context>
<context>
    <name>DashboardLists</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现存量</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Last issue</source>
        <translation>最近出库</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Idle days</source>
        <translation>呆滞天数</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>no sales</source>
        <translation>无销售</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Consumption</source>
        <translation>消耗金额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>库龄（天）</translation>
    </message>
    <message>
        <source>Selection</source>
        <extracomment>the code of the item whose row was activated</extracomment>
        <translation>选中项</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>Slow movers</source>
        <translation>滞销商品</translation>
    </message>
    <message>
        <source>Overdue orders</source>
        <translation>逾期采购订单</translation>
    </message>
    <message>
        <source>Expiring in the week of {0}</source>
        <translation>{0} 当周到期</translation>
    </message>
    <message>
        <source>Class {0} items</source>
        <translation>{0} 类商品</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>{0}: {1} days</source>
        <translation>{0}：{1} 天</translation>
    </message>
    <message>
        <source>Order No.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Expected delivery</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>This month</source>
        <extracomment>a safety net: the collector is resumed after this long whatever happens emitted on the UI thread once new data and charts are shown</extracomment>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>The period ends before it starts</source>
        <translation>期间的结束日期早于开始日期</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Could not compute the dashboard: {0}</source>
        <translation>无法计算概览：{0}</translation>
    </message>
    <message>
        <source>{0} to {1} · computed in {2:.2f} s</source>
        <translation>{0} 至 {1} · 用时 {2:.2f} 秒</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>DemandPage</name>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Forecast all items…</source>
        <translation>预测全部商品…</translation>
    </message>
    <message>
        <source>Choose an item to see its demand and forecast.</source>
        <translation>请选择商品，查看其需求与需求预测。</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Forecast:</source>
        <translation>预测：</translation>
    </message>
    <message>
        <source>Forecasting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <source>Could not forecast: {0}</source>
        <translation>无法预测：{0}</translation>
    </message>
    <message>
        <source>last week&apos;s sales repeated</source>
        <translation>沿用上周销量</translation>
    </message>
    <message>
        <source>the same week last year</source>
        <translation>去年同周销量</translation>
    </message>
    <message>
        <source>a smoothed average of the weeks sold (simple exponential smoothing)</source>
        <translation>各周销量的平滑平均（简单指数平滑）</translation>
    </message>
    <message>
        <source>a smoothed level and trend (Holt)</source>
        <translation>平滑的水平与趋势（Holt 法）</translation>
    </message>
    <message>
        <source>level, trend and yearly season (Holt-Winters)</source>
        <translation>水平、趋势与年度季节性（Holt-Winters 法）</translation>
    </message>
    <message>
        <source>sporadic demand: the usual size of a sale ÷ the usual gap between sales (Croston-SBA)</source>
        <translation>间歇性需求：平均每次销量 ÷ 平均销售间隔（Croston-SBA 法）</translation>
    </message>
    <message>
        <source>the average so far (fewer than 12 weeks of history)</source>
        <translation>迄今的平均值（历史不足 12 周）</translation>
    </message>
    <message>
        <source>no forecast: it has never sold</source>
        <translation>无预测：从未销售</translation>
    </message>
    <message>
        <source>&lt;b&gt;Method:&lt;/b&gt; {0}.</source>
        <translation>&lt;b&gt;方法：&lt;/b&gt;{0}。</translation>
    </message>
    <message>
        <source>Tested on the last 13 weeks, 1 to 4 weeks ahead: its errors were {0:.0f}% smaller than repeating last week&apos;s sales (MASE {1:.2f}).</source>
        <translation>以最近 13 周回测、提前 1–4 周预测：误差比沿用上周销量小 {0:.0f}%（MASE {1:.2f}）。</translation>
    </message>
    <message>
        <source>Tested on the last 13 weeks, 1 to 4 weeks ahead: its errors were {0:.0f}% larger than repeating last week&apos;s sales (MASE {1:.2f}): demand is hard to predict; keep more safety stock.</source>
        <translation>以最近 13 周回测、提前 1–4 周预测：误差比沿用上周销量大 {0:.0f}%（MASE {1:.2f}）：需求难以预测，请多留安全库存。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&lt;b&gt;Season:&lt;/b&gt; yearly, highest in months {0}; ±{1:.0f} {2} a week.</source>
        <translation>&lt;b&gt;季节性：&lt;/b&gt;按年，{0} 月最高；每周约 ±{1:.0f} {2}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Season:&lt;/b&gt; needs two years of history to be found.</source>
        <translation>&lt;b&gt;季节性：&lt;/b&gt;需要两年历史数据才能识别。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Season:&lt;/b&gt; no yearly season found.</source>
        <translation>&lt;b&gt;季节性：&lt;/b&gt;未发现年度季节性。</translation>
    </message>
    <message>
        <source>{0} weeks without stock are left out: no stock is no evidence of no demand.</source>
        <translation>已剔除 {0} 周缺货期：缺货不代表没有需求。</translation>
    </message>
    <message>
        <source>By month: weeks split by their days in each month; this month is sold so far + forecast of the rest. The monthly interval comes from the method&apos;s error summed over the month&apos;s weeks (they move together), not from adding the weekly bounds.</source>
        <translation>按月：跨月的周按天数分摊到各月；本月 = 已售数量 + 剩余天数的预测。月度区间由该方法在当月各周误差之和得出（各周误差相互关联），而不是把每周的上下限相加。</translation>
    </message>
    <message>
        <source>Forecasting every item</source>
        <translation>正在预测全部商品</translation>
    </message>
    <message>
        <source>{0:,} items forecast in {1:.1f} s: {2}.</source>
        <translation>已预测 {0:,} 个商品，用时 {1:.1f} 秒：{2}。</translation>
    </message>
    <message>
        <source>Median MASE {0:.2f}; better than repeating last week for {1:.0f}% of items.</source>
        <translation>MASE 中位数 {0:.2f}；{1:.0f}% 的商品优于沿用上周销量。</translation>
    </message>
    <message>
        <source>naive</source>
        <translation>沿用上周</translation>
    </message>
    <message>
        <source>seasonal naive</source>
        <translation>去年同周</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>trend + season</source>
        <translation>趋势 + 季节</translation>
    </message>
    <message>
        <source>sporadic</source>
        <translation>间歇性</translation>
    </message>
    <message>
        <source>short history</source>
        <translation>历史较短</translation>
    </message>
    <message>
        <source>never sold</source>
        <translation>从未销售</translation>
    </message>
</context>
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>Your shop is ready</source>
        <translation>店铺已创建</translation>
    </message>
    <message>
        <source>It has no items yet. Start with your item list: type items in one by one, or bring the whole list from Excel.</source>
        <translation>店里还没有商品。先建立商品档案：逐个录入，或从 Excel 一次导入整张清单。</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>Code, name, unit, barcode; then receive its stock.</source>
        <translation>填写编码、名称、单位、条码，然后办理入库。</translation>
    </message>
    <message>
        <source>Import items from Excel…</source>
        <translation>从 Excel 导入商品…</translation>
    </message>
    <message>
        <source>An .xlsx or .csv list; headings in Chinese or English.</source>
        <translation>.xlsx 或 .csv 清单，列标题中英文均可。</translation>
    </message>
    <message>
        <source>Download the items template…</source>
        <translation>下载商品导入模板…</translation>
    </message>
    <message>
        <source>An Excel file with the columns to fill in and how.</source>
        <translation>一个 Excel 文件，列明要填写的列及填写方法。</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <source>Look around a shop with a year of made-up history first.</source>
        <translation>先看看一个带有一年模拟数据的店铺。</translation>
    </message>
    <message>
        <source>Skip: show the app</source>
        <translation>跳过，进入软件</translation>
    </message>
    <message>
        <source>Save the items template</source>
        <translation>保存商品导入模板</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: {0}</source>
        <translation>模板已保存：{0}</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>delivery note, order no.</source>
        <translation>送货单号、订单号</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>e.g. found in the back room</source>
        <translation>例如：在后仓找到</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>From location</source>
        <translation>调出库位</translation>
    </message>
    <message>
        <source>To location</source>
        <translation>调入库位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>{0} is in the future</source>
        <translation>{0} 是未来的日期</translation>
    </message>
    <message>
        <source>{0} is in a closed period (closed up to {1}); post the correction in an open period</source>
        <translation>{0} 属于已结账期间（已结账至 {1}）；请在未结账期间过账更正</translation>
    </message>
    <message>
        <source>a transfer needs two different locations</source>
        <translation>调拨需要两个不同的库位</translation>
    </message>
    <message>
        <source>an adjustment needs a reason</source>
        <translation>库存调整需要填写原因</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import items</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import opening stock</source>
        <translation>导入期初库存</translation>
    </message>
    <message>
        <source>Import movement history</source>
        <translation>导入出入库流水</translation>
    </message>
    <message>
        <source>Columns may be headed in English or Chinese, in any order.</source>
        <translation>列标题可以用中文或英文，顺序不限。</translation>
    </message>
    <message>
        <source>Choose an .xlsx or .csv file…</source>
        <translation>选择 .xlsx 或 .csv 文件…</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>the first sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Opening date:</source>
        <translation>期初日期：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt *.tsv)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <source>Checked: no problems; {0} ready.</source>
        <translation>检查完毕，没有问题；{0}，可以导入。</translation>
    </message>
    <message>
        <source>{0} new items, {1} updated</source>
        <translation>新增 {0} 个商品，更新 {1} 个</translation>
    </message>
    <message>
        <source>1 movement</source>
        <translation>1 条流水</translation>
    </message>
    <message>
        <source>{0} movements</source>
        <translation>{0} 条流水</translation>
    </message>
    <message>
        <source>The first {0} rows of the file are shown.</source>
        <translation>显示文件的前 {0} 行。</translation>
    </message>
    <message>
        <source>Columns not imported: {0}.</source>
        <translation>未导入的列：{0}。</translation>
    </message>
    <message>
        <source>{0} problems found; nothing was imported. Fix these cells in the file, save it, then press Check again.</source>
        <translation>发现 {0} 个问题，未导入任何数据。请在文件中改正这些单元格并保存，然后点击“重新检查”。</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>ItemDetailDialog</name>
    <message>
        <source>Edit item…</source>
        <translation>编辑商品…</translation>
    </message>
    <message>
        <source>Batches in stock</source>
        <translation>在库批次</translation>
    </message>
    <message>
        <source>Stock card</source>
        <translation>库存卡片</translation>
    </message>
    <message>
        <source>  (archived)</source>
        <translation>  （已归档）</translation>
    </message>
    <message>
        <source>FEFO (first expiry first out)</source>
        <translation>近效期先出 (FEFO)</translation>
    </message>
    <message>
        <source>FIFO (first in first out)</source>
        <translation>先进先出 (FIFO)</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Labels of the selected batches (all batches in stock when none is selected)</source>
        <translation>为选中的批次打印标签（未选中时打印所有在库批次）</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Packs</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Removal</source>
        <translation>出库规则</translation>
    </message>
    <message>
        <source>Shelf life</source>
        <translation>保质期</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现存量</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Last cost</source>
        <translation>最近成本</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货周期</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{0} batches</source>
        <translation>{0} 个批次</translation>
    </message>
    <message>
        <source>all batches of {0}</source>
        <translation>{0} 的所有批次</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit item</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Active (archived items are hidden from lists)</source>
        <translation>启用（已归档的商品不在列表中显示）</translation>
    </message>
    <message>
        <source>per unit; empty: not priced</source>
        <translation>每单位售价；留空表示未定价</translation>
    </message>
    <message>
        <source>Do not reorder (leave reorder suggestions)</source>
        <translation>停止补货（不再出现在补货建议中）</translation>
    </message>
    <message>
        <source>pcs</source>
        <comment>the default unit of a new item</comment>
        <translation>件</translation>
    </message>
    <message>
        <source>FIFO — first in, first out</source>
        <translation>先进先出 (FIFO)</translation>
    </message>
    <message>
        <source>FEFO — first expiry, first out</source>
        <translation>近效期先出 (FEFO)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Shelf life (days)</source>
        <translation>保质期（天）</translation>
    </message>
    <message>
        <source>Removal</source>
        <translation>出库规则</translation>
    </message>
    <message>
        <source>Selling price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>a whole number of days, like 0, 7 or 30</source>
        <translation>请输入整数天数，如 0、7 或 30</translation>
    </message>
    <message>
        <source>a price like 12.50, not below 0</source>
        <translation>请输入价格，例如 12.50，不能小于 0</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>Scan a barcode, or type a code or name</source>
        <translation>扫描条码，或输入编码、名称</translation>
    </message>
    <message>
        <source>{0} — {1}  ({2} {3} on hand)</source>
        <translation>{0} — {1}  （现存 {2} {3}）</translation>
    </message>
    <message>
        <source>No item has the code, barcode or name “{0}”.</source>
        <translation>没有编码、条码或名称为“{0}”的商品。</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现存量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Last cost</source>
        <translation>最近成本</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>At or below the reorder point</source>
        <translation>等于或低于再订货点</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>Search or scan: name, code, barcode, pinyin (Ctrl+F)</source>
        <translation>搜索或扫码：名称、编码、条码、拼音 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Active items</source>
        <translation>在用商品</translation>
    </message>
    <message>
        <source>Archived items</source>
        <translation>已归档商品</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <source>Add an item (Ctrl+N)</source>
        <translation>新建商品 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Shelf labels with a barcode for the selected items (Ctrl+click to add)</source>
        <translation>为选中的商品打印带条码的货架标签（按住 Ctrl 单击可多选）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} 个商品</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 个商品</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>Stock value</source>
        <extracomment>the alert list a clicked tile leads to (``lists.ALERT_LISTS``)</extracomment>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Turnover (a year)</source>
        <translation>库存周转率（年）</translation>
    </message>
    <message>
        <source>Turnover days</source>
        <translation>库存周转天数</translation>
    </message>
    <message>
        <source>Capital occupation</source>
        <translation>资金占用率</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>损耗率</translation>
    </message>
    <message>
        <source>Expired batches</source>
        <translation>已过期批次</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>at {0}</source>
        <translation>截至 {0}</translation>
    </message>
    <message>
        <source>healthy {0}–{1} times</source>
        <translation>健康范围 {0}–{1} 次</translation>
    </message>
    <message>
        <source>healthy {0}–{1} days</source>
        <translation>健康范围 {0}–{1} 天</translation>
    </message>
    <message>
        <source>healthy &lt; {0:.0f}%</source>
        <translation>健康范围 &lt; {0:.0f}%</translation>
    </message>
    <message>
        <source>enter current assets in Settings</source>
        <translation>请在设置中填写流动资产</translation>
    </message>
    <message>
        <source>within 1 day</source>
        <translation>1 天内到期</translation>
    </message>
    <message>
        <source>within {0} days</source>
        <translation>{0} 天内到期</translation>
    </message>
    <message>
        <source>at or below the reorder point</source>
        <translation>等于或低于再订货点</translation>
    </message>
    <message>
        <source>nothing on hand</source>
        <translation>无现存量</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>A4 sheet, 3 × 8 labels (70 × 37 mm)</source>
        <translation>A4 标签纸，每页 3 × 8 张（70 × 37 毫米）</translation>
    </message>
    <message>
        <source>Label printer, 40 × 30 mm</source>
        <translation>标签打印机，40 × 30 毫米</translation>
    </message>
    <message>
        <source>optional, e.g. 3.50</source>
        <translation>可选，例如 3.50</translation>
    </message>
    <message>
        <source>Labels for</source>
        <translation>标签对象</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Copies of each</source>
        <translation>每项份数</translation>
    </message>
    <message>
        <source>Price on the label</source>
        <translation>标签上的价格</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Drawing labels…</source>
        <translation>正在生成标签…</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>{0} pages sent to the printer</source>
        <translation>已向打印机发送 {0} 页</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>Line (scan or type an item, then Enter)</source>
        <translation>明细行（扫码或输入商品，然后按回车）</translation>
    </message>
    <message>
        <source>+ found, − lost</source>
        <translation>+ 盘盈，− 盘亏</translation>
    </message>
    <message>
        <source>Unit or pack of the quantity and cost</source>
        <translation>数量和单价所用的单位或包装</translation>
    </message>
    <message>
        <source>item&apos;s price</source>
        <translation>商品售价</translation>
    </message>
    <message>
        <source>Selling price per unit of the quantity, for margins (empty: the item&apos;s)</source>
        <translation>按数量单位计的售价，用于计算毛利（留空则用商品售价）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Why this batch? (required)</source>
        <translation>为何选此批次？（必填）</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete in the table)</source>
        <translation>删除所选行（在表格中按 Delete）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Selling price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Automatic ({0})</source>
        <translation>自动（{0}）</translation>
    </message>
    <message>
        <source>{0} · {1} left · received {2}</source>
        <translation>{0} · 剩余 {1} · 入库 {2}</translation>
    </message>
    <message>
        <source>{0} · {1} left · EXPIRED {2}</source>
        <translation>{0} · 剩余 {1} · 已过期 {2}</translation>
    </message>
    <message>
        <source>{0} · {1} left · expires {2}</source>
        <translation>{0} · 剩余 {1} · 有效期至 {2}</translation>
    </message>
    <message>
        <source>{0} (= {1} {2})</source>
        <translation>{0}（= {1} {2}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inventory</source>
        <translation>进销存</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Undo last posting…</source>
        <translation>撤销上一单…</translation>
    </message>
    <message>
        <source>Find item</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New shop…</source>
        <translation>新建店铺…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>库存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>This shop has no users yet: add its owner under File › Users…</source>
        <translation>本店还没有用户：请在“文件 › 用户…”中添加店主</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Shop files (*.db *.sqlite *.inventory);;All files (*)</source>
        <translation>店铺文件 (*.db *.sqlite *.inventory);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Creating the shop {0}…</source>
        <translation>正在创建店铺 {0}…</translation>
    </message>
    <message>
        <source>Opening {0}</source>
        <translation>正在打开 {0}</translation>
    </message>
    <message>
        <source>The shop file is damaged</source>
        <translation>店铺文件已损坏</translation>
    </message>
    <message>
        <source>Open a shop file</source>
        <translation>打开店铺文件</translation>
    </message>
    <message>
        <source>New shop file</source>
        <translation>新建店铺文件</translation>
    </message>
    <message>
        <source>New shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <source>{0} already exists. Open it with File ▸ Open, or pick another name.</source>
        <translation>{0} 已存在。请用“文件 ▸ 打开”打开它，或换一个名称。</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <source>A demo shop was made before. Open it, or build a fresh one?</source>
        <translation>之前已建过演示店铺。打开它，还是重新创建？</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Build a fresh one</source>
        <translation>重新创建</translation>
    </message>
    <message>
        <source>Building the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
    <message>
        <source>Back up the shop</source>
        <translation>备份店铺</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up and verified: {0}</source>
        <translation>已备份并校验：{0}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>Restored from {0}; the shop as it was is kept in {1}</source>
        <translation>已从 {0} 恢复；恢复前的店铺已保存为 {1}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Backup: {0}
Taken: {1}
Movements: {2}
Last movement: {3}
Stock value: {4}</source>
        <translation>备份：{0}
备份时间：{1}
出入库流水：{2} 条
最后一笔流水：{3}
库存金额：{4}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace everything in {0} with this backup?

{1}

The shop as it is now is kept first as a backup in {2}.</source>
        <translation>用这个备份替换 {0} 的全部内容吗？

{1}

恢复前，当前的店铺会先备份到 {2}。</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>正在做今天的备份…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>No shop open</source>
        <translation>未打开店铺</translation>
    </message>
    <message>
        <source>Stock value: {0} {1}</source>
        <translation>库存金额：{0} {1}</translation>
    </message>
    <message>
        <source>{0} expired</source>
        <translation>已过期 {0}</translation>
    </message>
    <message>
        <source>{0} expiring soon</source>
        <translation>临期 {0}</translation>
    </message>
    <message>
        <source>{0} to reorder</source>
        <translation>需补货 {0}</translation>
    </message>
    <message>
        <source>{0} dead stock</source>
        <translation>呆滞库存 {0}</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>About Inventory</source>
        <translation>关于进销存</translation>
    </message>
    <message>
        <source>The file was changed outside the app</source>
        <translation>文件曾在程序之外被修改</translation>
    </message>
    <message>
        <source>The check found protections missing from this shop file: {0}.

They are put back now. Someone may have edited the file directly: run the check to see whether posted rows were changed.</source>
        <translation>数据校验发现本店铺文件缺少保护：{0}。

现已恢复。可能有人直接修改过文件：请运行数据校验，查看已过账的记录是否被改动。</translation>
    </message>
</context>
<context>
    <name>MovementsModel</name>
    <message>
        <source>reverses No. {0}</source>
        <translation>冲销 {0} 号</translation>
    </message>
    <message>
        <source>reversed by No. {0}</source>
        <translation>已被 {0} 号冲销</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结存数量</translation>
    </message>
    <message>
        <source>Balance value</source>
        <translation>结存金额</translation>
    </message>
</context>
<context>
    <name>MovementsPage</name>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Item: name, code, pinyin (Ctrl+F)</source>
        <translation>商品：名称、编码、拼音 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Reference…</source>
        <translation>单号…</translation>
    </message>
    <message>
        <source>Operator…</source>
        <translation>操作员…</translation>
    </message>
    <message>
        <source>Select a movement to see which batches it used.</source>
        <translation>选择一条流水，查看它用到了哪些批次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No. {0}&lt;/b&gt; · {1} · {2}</source>
        <translation>&lt;b&gt;{0} 号&lt;/b&gt; · {1} · {2}</translation>
    </message>
    <message>
        <source>unit cost {0}</source>
        <translation>单位成本 {0}</translation>
    </message>
    <message>
        <source>reversed by No. {0}</source>
        <translation>已被 {0} 号冲销</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New PIN</source>
        <translation>新密码（PIN）</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码（PIN）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入密码（PIN）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码（PIN）不一致。</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Order the suggestions</source>
        <translation>按补货建议下单</translation>
    </message>
    <message>
        <source>Draft orders from the reorder suggestions, one per preferred supplier</source>
        <translation>按补货建议生成草稿订单，每个首选供应商一张</translation>
    </message>
    <message>
        <source>Add line…</source>
        <translation>添加商品…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>收货入库…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <source>Received</source>
        <comment>order status: every line arrived</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>未选择订单</translation>
    </message>
    <message>
        <source>Order No. {0} · {1} · {2} · expected {3}</source>
        <translation>采购订单 {0} · {1} · {2} · 预计 {3} 到货</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Add a supplier first (Suppliers page).</source>
        <translation>请先添加供应商（供应商页面）。</translation>
    </message>
    <message>
        <source>Cancel order No. {0}</source>
        <translation>取消采购订单 {0}</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>取消原因？</translation>
    </message>
    <message>
        <source>Export purchase order</source>
        <translation>导出采购订单</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>Receive goods</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Issue goods</source>
        <translation>销售出库</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Transfer between locations</source>
        <translation>库位间调拨</translation>
    </message>
    <message>
        <source>Batches to be used</source>
        <translation>将使用的批次</translation>
    </message>
    <message>
        <source>Batches to be created</source>
        <translation>将新建的批次</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>Lines: {0}</source>
        <translation>行数：{0}</translation>
    </message>
    <message>
        <source>Total {0} {1}</source>
        <translation>合计 {0} {1}</translation>
    </message>
    <message>
        <source>Post the document (Ctrl+Enter)</source>
        <translation>单据过账 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Discard this document and its line?</source>
        <translation>放弃本单据及其 1 行明细吗？</translation>
    </message>
    <message>
        <source>Discard this document and its {0} lines?</source>
        <translation>放弃本单据及其 {0} 行明细吗？</translation>
    </message>
    <message>
        <source>“{0}” is not a date (write 2026-03-01)</source>
        <translation>“{0}”不是日期（请写成 2026-03-01）</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>the quantity is zero</source>
        <translation>数量为零</translation>
    </message>
    <message>
        <source>the quantity must be above zero</source>
        <translation>数量必须大于零</translation>
    </message>
    <message>
        <source>the quantity is empty</source>
        <translation>数量为空</translation>
    </message>
    <message>
        <source>unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>a receipt needs a unit cost</source>
        <translation>入库需要填写单位成本</translation>
    </message>
    <message>
        <source>a gain needs a unit cost (the value it adds)</source>
        <translation>盘盈需要填写单位成本（即增加的金额）</translation>
    </message>
    <message>
        <source>selling price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>a batch code has at most 64 characters</source>
        <translation>批号最多 64 个字符</translation>
    </message>
    <message>
        <source>the expiry {0} is before the date {1}</source>
        <translation>有效期 {0} 早于单据日期 {1}</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>请至少添加一行。</translation>
    </message>
    <message>
        <source>give a reason for batch {0}</source>
        <translation>请填写选用批次 {0} 的原因</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未校验</translation>
    </message>
    <message>
        <source>Line {0} ({1}): {2}</source>
        <translation>第 {0} 行（{1}）：{2}</translation>
    </message>
    <message>
        <source>Scan or type an item to see which batches it will use.</source>
        <translation>扫码或输入商品，查看将使用哪些批次。</translation>
    </message>
    <message>
        <source>Each line becomes a batch with its own cost and expiry.</source>
        <translation>每一行都成为一个批次，有各自的成本和有效期。</translation>
    </message>
    <message>
        <source>{0} is issued FEFO: earliest expiry first.</source>
        <translation>{0} 按近效期先出：最早到期的先出库。</translation>
    </message>
    <message>
        <source>{0} is issued FIFO: oldest received first.</source>
        <translation>{0} 按先进先出：最早入库的先出库。</translation>
    </message>
    <message>
        <source>short {0}, available {1}</source>
        <translation>缺 {0}，可用 {1}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>ok, reason given</source>
        <translation>正常，已填原因</translation>
    </message>
    <message>
        <source>needs a reason</source>
        <translation>需填原因</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>new batch</source>
        <translation>新批次</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> （已过期）</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive against order No. {0} — {1}</source>
        <translation>采购订单 {0} 收货入库 — {1}</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <source>Arriving now</source>
        <translation>本次到货</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Price paid</source>
        <translation>实际单价</translation>
    </message>
    <message>
        <source>Split batch</source>
        <translation>拆分批次</translation>
    </message>
    <message>
        <source>Receive the selected line in one more batch</source>
        <translation>将所选商品再分一个批次收货</translation>
    </message>
    <message>
        <source>Allow more than ordered</source>
        <translation>允许超收</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Quantities are in each line&apos;s pack. Goods are posted as ordinary receipts; the order closes when every line has arrived.</source>
        <translation>数量按各行的包装计。到货按普通采购入库过账；所有商品到齐后订单自动完成。</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Dates are written like 2026-12-02.</source>
        <translation>日期请写成 2026-12-02 的格式。</translation>
    </message>
    <message>
        <source>Nothing to receive: type the quantity arriving.</source>
        <translation>没有要入库的商品：请填写本次到货数量。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgot PIN</source>
        <translation>忘记密码（PIN）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码（PIN）</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新密码（PIN）</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码（PIN）不一致。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>导出月报…</translation>
    </message>
    <message>
        <source>Save the month&apos;s Excel pack (Ctrl+E)</source>
        <translation>保存月度进销存报表 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Monthly Excel pack for the accountant</source>
        <translation>给会计的月度进销存报表</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Language of the sheets:</source>
        <translation>报表语言：</translation>
    </message>
    <message>
        <source>Summary with subtotals and a check column, every movement by batch, closing stock, stocktake variances and indicators.</source>
        <translation>包含带小计和校验列的进销存汇总、按批次的出入库明细、期末库存、盘点差异和指标。</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>导出汇总…</translation>
    </message>
    <message>
        <source>Summary for any period</source>
        <translation>任意期间的进销存汇总表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Import from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入</translation>
    </message>
    <message>
        <source>Import items…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <source>Import opening stock…</source>
        <translation>导入期初库存…</translation>
    </message>
    <message>
        <source>Import movement history…</source>
        <translation>导入出入库流水…</translation>
    </message>
    <message>
        <source>Items template</source>
        <translation>商品模板</translation>
    </message>
    <message>
        <source>Opening stock template</source>
        <translation>期初库存模板</translation>
    </message>
    <message>
        <source>Journal template</source>
        <translation>流水账模板</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Save the Excel file</source>
        <translation>保存 Excel 文件</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>正在导出 {0}…</translation>
    </message>
    <message>
        <source>Exporting the summary…</source>
        <translation>正在导出汇总表…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <source>Saved {0}: {1} items, {2} movement lines, {3} batches.</source>
        <translation>已保存 {0}：{1} 个商品，{2} 行流水，{3} 个批次。</translation>
    </message>
    <message>
        <source>Template saved: {0}</source>
        <translation>模板已保存：{0}</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse movement No. {0}</source>
        <translation>冲销 {0} 号流水</translation>
    </message>
    <message>
        <source>A reversal posts the opposite movement today and puts every batch back as it was. The original stays in the journal.</source>
        <translation>冲销会在今天过账一笔相反的流水，并把每个批次恢复原状。原流水仍保留在流水账中。</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>流水</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Why? e.g. wrong quantity typed</source>
        <translation>原因，例如：数量输错</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>ReverseDocumentDialog</name>
    <message>
        <source>Undo the last document</source>
        <translation>撤销上一张单据</translation>
    </message>
    <message>
        <source>Every line of this document is reversed together: the opposite movements are posted today with one reason, and every batch is put back as it was. The original stays in the journal.</source>
        <translation>这张单据的每一行将一起冲销：今天以同一个冲销原因过账相反的流水，每个批次都恢复原样。原单据仍保留在流水账中。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Why? e.g. posted twice by mistake</source>
        <translation>冲销原因，例如：重复过账</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Reverse all {0} lines</source>
        <translation>全部冲销（{0} 行）</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>{0} No. {1}</source>
        <translation>{0}单 {1} 号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>被盗</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Data error</source>
        <translation>数据错误</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>recount</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <source>Code or name…</source>
        <translation>编码或名称…</translation>
    </message>
    <message>
        <source>Variance only</source>
        <translation>仅看差异</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Uncounted</source>
        <translation>未盘点</translation>
    </message>
    <message>
        <source>(approval&apos;s reason)</source>
        <translation>（审核原因）</translation>
    </message>
    <message>
        <source>Recount line…</source>
        <translation>复盘该行…</translation>
    </message>
    <message>
        <source>Reason for the selected line</source>
        <translation>所选行的原因</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Approver&apos;s name</source>
        <translation>审核人姓名</translation>
    </message>
    <message>
        <source>Leave uncounted lines unchanged</source>
        <translation>未盘点的行保持不变</translation>
    </message>
    <message>
        <source>Count uncounted lines as zero</source>
        <translation>未盘点的行按零计</translation>
    </message>
    <message>
        <source>Approve and post differences</source>
        <translation>审核并过账差异</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Reason for other lines</source>
        <translation>其他行的原因</translation>
    </message>
    <message>
        <source>Review: {0}</source>
        <translation>审核：{0}</translation>
    </message>
    <message>
        <source>{0}  —  {1}, {2} of {3} lines counted</source>
        <translation>{0}  —  {1}，已盘 {2} / {3} 行</translation>
    </message>
    <message>
        <source>  —  approved by {0}</source>
        <translation>  —  审核人 {0}</translation>
    </message>
    <message>
        <source>Leave the {0} uncounted lines unchanged</source>
        <translation>{0} 个未盘点的行保持不变</translation>
    </message>
    <message>
        <source>Count the {0} uncounted lines as zero</source>
        <translation>{0} 个未盘点的行按零计</translation>
    </message>
    <message>
        <source>Gains {0}   Losses {1}   Net {2}</source>
        <translation>盘盈 {0}   盘亏 {1}   净差 {2}</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>New count for {0} (replaces the earlier counts):</source>
        <translation>{0} 的新盘点数（替换之前的盘点数）：</translation>
    </message>
    <message>
        <source>Uncounted lines</source>
        <translation>未盘点的行</translation>
    </message>
    <message>
        <source>{0} lines were not counted. Choose whether they stay unchanged or count as zero.</source>
        <translation>有 {0} 行未盘点。请选择保持不变还是按零计。</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Your name, recorded on every movement</source>
        <translation>您的姓名，记录在每条流水上</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. 250,000.00</source>
        <translation>例如 250,000.00</translation>
    </message>
    <message>
        <source>Cash, receivables and stock together: the capital-occupation rate on the dashboard is stock value ÷ current assets.</source>
        <translation>现金、应收款和存货等流动资产合计；概览中的资金占用率 = 库存金额 ÷ 流动资产。</translation>
    </message>
    <message>
        <source>Automatic (system language)</source>
        <translation>自动（跟随系统语言）</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>This shop</source>
        <translation>本店铺</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Currency symbol</source>
        <translation>货币符号</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Warn before expiry</source>
        <translation>到期前提醒</translation>
    </message>
    <message>
        <source>Current assets ({0})</source>
        <translation>流动资产（{0}）</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The shop name is empty.</source>
        <translation>店铺名称为空。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — {0}</source>
        <translation>登录 — {0}</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码（PIN）</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Forgot PIN?</source>
        <translation>忘记密码（PIN）？</translation>
    </message>
    <message>
        <source>This shop has users: sign in to continue.</source>
        <translation>本店已设用户：请登录后继续。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>The recovery code for {0} is:

{1}

Write it down and keep it safe: it is shown only now, and lets the owner back in after a forgotten PIN.</source>
        <translation>{0} 的恢复码是：

{1}

请抄下并妥善保管：它只显示这一次，忘记密码（PIN）时店主可凭它重新登录。</translation>
    </message>
</context>
<context>
    <name>StartStocktakeDialog</name>
    <message>
        <source>New stocktake</source>
        <translation>新建盘点</translation>
    </message>
    <message>
        <source>All stock</source>
        <translation>全部库存</translation>
    </message>
    <message>
        <source>One location</source>
        <translation>单个库位</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>Due for a cycle count</source>
        <translation>到期的循环盘点</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>{0} 类</translation>
    </message>
    <message>
        <source>Class {0} only</source>
        <translation>仅 {0} 类</translation>
    </message>
    <message>
        <source>e.g. Month-end count, Dairy cycle count</source>
        <translation>例如：月末盘点、乳制品循环盘点</translation>
    </message>
    <message>
        <source>Blind count: counters do not see expected quantities</source>
        <translation>盲盘：盘点人看不到账面数量</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>{0} items are due: never counted, or counted longer ago than their class&apos;s interval (A 30, B 90, C 365 days by default).</source>
        <translation>{0} 个商品到期待盘：从未盘点过，或距上次盘点已超过其分类的间隔（默认 A 类 30 天、B 类 90 天、C 类 365 天）。</translation>
    </message>
    <message>
        <source>The expected quantities are taken now; the shop can keep selling.</source>
        <translation>账面数量现在记下；盘点期间店铺可以照常销售。</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expires within the warning window</source>
        <translation>在提醒期内到期</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Item: name, code, barcode, pinyin (Ctrl+F)</source>
        <translation>商品：名称、编码、条码、拼音 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expiry in red: expired. In amber: expires within {0} days (File ▸ Settings).</source>
        <translation>有效期为红色：已过期。琥珀色：{0} 天内到期（文件 ▸ 设置）。</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
</context>
<context>
    <name>StocktakesModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>盘点名称</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
</context>
<context>
    <name>StocktakesPage</name>
    <message>
        <source>New stocktake…</source>
        <translation>新建盘点…</translation>
    </message>
    <message>
        <source>Count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>Review &amp;&amp; approve…</source>
        <translation>差异审核…</translation>
    </message>
    <message>
        <source>Count sheet…</source>
        <translation>盘点表…</translation>
    </message>
    <message>
        <source>Import sheet…</source>
        <translation>导入盘点表…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <source>Cancel stocktake</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <source>Start a stocktake to snapshot the books; the shop can keep selling while you count. Double-click a stocktake to count it (or review it once closed).</source>
        <translation>开始盘点时会记下账面数量；盘点期间店铺可以照常销售。双击某次盘点即可录入（关闭后则为查看）。</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Save count sheet</source>
        <translation>保存盘点表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import count sheet</source>
        <translation>导入盘点表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <source>{0} counts imported from {1} ({2} lines added).</source>
        <translation>已从 {1} 导入 {0} 条盘点数（新增 {2} 行）。</translation>
    </message>
    <message>
        <source>Save stocktake report</source>
        <translation>保存盘点报告</translation>
    </message>
    <message>
        <source>Cancel stocktake {0} ({1})? Nothing is posted; its counts are kept.</source>
        <translation>取消盘点 {0}（{1}）吗？不会过账任何差异；盘点数会保留。</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>0 = none</source>
        <translation>0 = 不限</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货周期</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>起订金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SuppliersPage</name>
    <message>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>起订金额</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时交货率</translation>
    </message>
    <message>
        <source>Lead time seen (days)</source>
        <translation>实际交货周期（天）</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Supplier&apos;s code</source>
        <translation>供应商货号</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Last price</source>
        <translation>最近进价</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>{0} suppliers</source>
        <translation>{0} 个供应商</translation>
    </message>
    <message>
        <source>1 supplier</source>
        <translation>1 个供应商</translation>
    </message>
    <message>
        <source>Items supplied</source>
        <translation>供应商品</translation>
    </message>
    <message>
        <source>Items supplied by {0}</source>
        <translation>{0} 供应的商品</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>The user guide is not part of this installation.</source>
        <translation>此安装中未包含使用指南。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>新密码（PIN）…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The owner may do everything; a clerk receives, issues, transfers and counts; the accountant reads and exports.</source>
        <translation>店主可执行所有操作；店员可入库、出库、调拨和盘点；会计可查看和导出。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>Disable {0}? They can no longer sign in; the audit trail keeps their name.</source>
        <translation>停用 {0} 吗？停用后将无法登录，审计记录中仍保留其姓名。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Keep track of what you have, what it is worth and when it expires. Everything stays in one file on this computer.</source>
        <translation>掌握您有什么货、值多少钱、什么时候到期。所有数据都保存在这台电脑上的一个文件里。</translation>
    </message>
    <message>
        <source>Create an empty shop</source>
        <translation>新建空白店铺</translation>
    </message>
    <message>
        <source>Start a new shop file and add your items.</source>
        <translation>新建店铺文件，再添加商品。</translation>
    </message>
    <message>
        <source>Open a shop file…</source>
        <translation>打开店铺文件…</translation>
    </message>
    <message>
        <source>Continue with a file you already have (.db).</source>
        <translation>继续使用已有的文件 (.db)。</translation>
    </message>
    <message>
        <source>Explore a demo shop</source>
        <translation>体验演示店铺</translation>
    </message>
    <message>
        <source>A small shop with a year of made-up history to try things out.</source>
        <translation>含一年模拟数据，可随意试用。</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>ABC analysis (Pareto)</source>
        <translation>ABC 分类（帕累托）</translation>
    </message>
    <message>
        <source>avg. value</source>
        <translation>平均库存</translation>
    </message>
    <message>
        <source>by consumption value</source>
        <translation>按消耗金额</translation>
    </message>
    <message>
        <source>cumulative share of value</source>
        <translation>金额累计占比</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>healthy {low}–{high}</source>
        <translation>健康范围 {low}–{high}</translation>
    </message>
    <message>
        <source>next {n} weeks from {day}</source>
        <translation>自 {day} 起 {n} 周</translation>
    </message>
    <message>
        <source>no sales</source>
        <translation>无销售</translation>
    </message>
    <message>
        <source>no sales in the demand window</source>
        <translation>需求期内无销售</translation>
    </message>
    <message>
        <source>No slow movers</source>
        <translation>没有滞销商品</translation>
    </message>
    <message>
        <source>No stock movements in this period</source>
        <translation>本期间没有出入库</translation>
    </message>
    <message>
        <source>No stock on hand</source>
        <translation>没有库存</translation>
    </message>
    <message>
        <source>No stock in this period</source>
        <translation>本期间没有库存</translation>
    </message>
    <message>
        <source>Nothing expires in the next {n} weeks</source>
        <translation>未来 {n} 周内没有到期的库存</translation>
    </message>
    <message>
        <source>Nothing was sold in this period</source>
        <translation>本期间没有销售</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>sells, but slowly</source>
        <translation>有销售但较慢</translation>
    </message>
    <message>
        <source>share of items, best sellers first</source>
        <translation>商品数占比（畅销在前）</translation>
    </message>
    <message>
        <source>Stock ageing by category</source>
        <translation>各类别库龄</translation>
    </message>
    <message>
        <source>stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Stock value expiring per week</source>
        <translation>每周到期的库存金额</translation>
    </message>
    <message>
        <source>stock value · days of cover</source>
        <translation>库存金额 · 可售天数</translation>
    </message>
    <message>
        <source>times a year, annualized</source>
        <translation>次/年（年化）</translation>
    </message>
    <message>
        <source>Top slow movers</source>
        <translation>滞销商品排行</translation>
    </message>
    <message>
        <source>turnover</source>
        <translation>周转率</translation>
    </message>
    <message>
        <source>Turnover and inventory value by month</source>
        <translation>各月库存周转率与库存金额</translation>
    </message>
    <message>
        <source>value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>value by days since receipt</source>
        <translation>按入库天数分的金额</translation>
    </message>
    <message>
        <source>week starting</source>
        <translation>周起始日</translation>
    </message>
    <message>
        <source>{bucket} days</source>
        <translation>{bucket} 天</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{items} items
{share:.0f}% of value</source>
        <translation>{items} 个商品
占金额 {share:.0f}%</translation>
    </message>
    <message>
        <source>Weekly demand and forecast ({unit})</source>
        <translation>每周需求与需求预测（{unit}）</translation>
    </message>
    <message>
        <source>No sales yet: nothing to forecast</source>
        <translation>尚无销售，无法预测</translation>
    </message>
    <message>
        <source>sold per week</source>
        <translation>每周销量</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 预测区间</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>需求预测</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Monthly demand and forecast ({unit})</source>
        <translation>每月需求与需求预测（{unit}）</translation>
    </message>
    <message>
        <source>sold per month</source>
        <translation>每月销量</translation>
    </message>
    <message>
        <source>days out of stock</source>
        <translation>有缺货天数</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot do that</source>
        <extracomment>problems met while headless (screenshot mode): there is nobody to click a dialog away</extracomment>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Shop file in use</source>
        <translation>店铺文件正在使用</translation>
    </message>
    <message>
        <source>Not a shop file</source>
        <translation>不是店铺文件</translation>
    </message>
</context>
<context>
    <name>location</name>
    <message>
        <source>Main</source>
        <translation>主库位</translation>
    </message>
</context>
<context>
    <name>movement</name>
    <message>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>出入库流水</translation>
    </message>
    <message>
        <source>Stocktakes</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求预测</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>reason</name>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>theft</source>
        <translation>被盗</translation>
    </message>
    <message>
        <source>data error</source>
        <translation>数据错误</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>原因不明</translation>
    </message>
</context>
<context>
    <name>reference</name>
    <message>
        <source>stocktake #{0}</source>
        <translation>盘点 {0} 号</translation>
    </message>
    <message>
        <source>reverses #{0}</source>
        <translation>冲销 {0} 号流水</translation>
    </message>
    <message>
        <source>reverses document #{0}</source>
        <translation>冲销 {0} 号单据</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Only the owner may do this.</source>
        <extracomment>shows a refusal in place of the message box</extracomment>
        <translation>只有店主可以执行此操作。</translation>
    </message>
    <message>
        <source>Only the owner or a clerk may do this.</source>
        <translation>只有店主或店员可以执行此操作。</translation>
    </message>
    <message>
        <source>Only the owner or the accountant may do this.</source>
        <translation>只有店主或会计可以执行此操作。</translation>
    </message>
    <message>
        <source>Anyone signed in may do this.</source>
        <translation>已登录的用户均可执行此操作。</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>accountant</source>
        <translation>会计</translation>
    </message>
</context>
<context>
    <name>stocktake</name>
    <message>
        <source>Open</source>
        <translation>待盘点</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
