// The morning check: its tables, verdicts and the seeds' advice.

extension Catalogue {
    static let checkEntries: [String: String] = [
        "no goals cover {day}; set one with goal set {year} gmv=… to check against":
            "没有目标覆盖 {day}；用 goal set {year} gmv=… 设一个目标再检查",
        "no actuals recorded for the metrics with goals; actual add {day} gmv=…":
            "设有目标的指标还没有记录实际数据；actual add {day} gmv=…",
        "{recorded} of {days}":
            "{recorded} / {days}",
        "missing":
            "缺失",
        "not recorded":
            "未记录",
        "on target":
            "达标",
        "behind":
            "落后",
        "month to date":
            "本月至今",
        "quarter to date":
            "本季度至今",
        "year to date":
            "本年至今",
        "gmv":
            "销售额",
        "orders":
            "订单数",
        "units":
            "件数",
        "uv":
            "访客数",
        "adspend":
            "推广费",
        "goal to date, actual and gap cover only the days recorded; days recorded: recorded of the days to date":
            "至今目标、实际和差距只覆盖已记录的日子；已记录天数：已记录 / 至今天数",
        "needed per day: (period goal − actual − the missing days' goal) ÷ the days left after {day}":
            "每日所需：（期间目标 − 实际 − 缺失日子的目标）÷ {day} 之后剩余的天数",
        "check {day} {weekday}":
            "检查 {day} {weekday}",
        "Mon":
            "周一",
        "Tue":
            "周二",
        "Wed":
            "周三",
        "Thu":
            "周四",
        "Fri":
            "周五",
        "Sat":
            "周六",
        "Sun":
            "周日",
        "nothing is recorded for {day} itself: it is missing, not counted as 0 (actual add {day} gmv=… uv=… orders=…)":
            "{day} 当天没有任何记录：它是缺失，不当作 0（actual add {day} gmv=… uv=… orders=…）",
        "the GMV gap cannot be split: {why}":
            "销售额差距无法拆分：{why}",
        "health {day}":
            "健康度 {day}",
        "{metric} {scope}: {days} missing: {list}":
            "{metric} {scope}：缺失 {days}：{list}",
        "{list} and {count} more days":
            "{list} 及另外 {count} 天",
        "traffic 流量":
            "流量",
        "conversion 转化":
            "转化",
        "order value 客单价":
            "客单价",
        "the gap split: GMV = visitors × CVR × AOV; each part is that factor's Shapley share (the average over the six orders of changing one factor at a time), so the parts add up to the gap exactly (docs/DOMAIN.md §4.7)":
            "差距拆分：销售额 = 访客数 × 转化率 × 客单价；每一部分是该因素的 Shapley 份额（逐个改变因素的六种顺序的平均），所以各部分之和正好等于差距（docs/DOMAIN.md §4.7）",
        "plan: the driver tree of the GMV goal over the days counted (those with GMV, visitors and orders recorded)":
            "计划：所计日子（记录了销售额、访客数和订单数的日子）上销售额目标的驱动树",
        "main cause ({scope}) {cause}: {advice}":
            "主要原因（{scope}）{cause}：{advice}",
        "why GMV is off: traffic, conversion, order value":
            "销售额为什么偏离：流量、转化、客单价",
        "the drivers, plan and actual":
            "驱动因素：计划与实际",
        "visitors plan rounded up (docs/DOMAIN.md §4.2); CVR = orders ÷ visitors, AOV = GMV ÷ orders":
            "计划访客数向上取整（docs/DOMAIN.md §4.2）；转化率 = 订单数 ÷ 访客数，客单价 = 销售额 ÷ 订单数",
        "推广 answers for traffic: which source fell short, how much to add and at what budget; if traffic falls, look at ranking and test the main picture's click-through (测主图点击)":
            "流量由推广负责：哪个来源不足、要补多少、用多少预算；流量下滑时看排名并测主图点击",
        "check the main product every day for same-style listings (同款) that take its orders and for bad reviews (中差评); then the detail page (美工) and customer service (客服)":
            "每天检查主推商品有没有抢单的同款和中差评；再看详情页（美工）和客服",
        "related sales (关联销售): the store-wide AOV should be at least 1.3× the main product's (good: 1.5×); if not, adjust the page":
            "关联销售：全店客单价应至少是主推商品的 1.3 倍（良好：1.5 倍）；达不到就调整页面",
        "bounce rate 跳失率 is 70% or more":
            "跳失率达到 70% 或更高",
        "visit depth 访问深度 is below 2.5":
            "访问深度低于 2.5",
        " and ":
            " 且 ",
        "{failed}: adjust the page before adding promotion (the seeds: below these, more paid traffic only loses money); check them weekly, and mind that both depend on where the traffic comes from":
            "{failed}：先调整页面再加推广（种子文章：低于这些标准时，更多付费流量只会亏钱）；每周检查一次，并注意两者都取决于流量来源",
        "inquiry conversion below 50%: customer service needs training (客服培训)":
            "询单转化率低于 50%：客服需要培训",
        "over budget":
            "超预算",
        "within budget":
            "预算内",
        "adspend goal":
            "推广费目标",
        "driver tree":
            "驱动树",
        "ad spend 推广花费 against its budget":
            "推广花费对照预算",
        "over the days with ad spend recorded; the budget is the adspend goal of those days, else the driver tree's paid clicks × cpc on their GMV goal":
            "覆盖记录了推广花费的日子；预算为这些日子的推广费目标，没有时为驱动树按其销售额目标得出的付费点击 × cpc",
        "bounce rate 跳失率":
            "跳失率",
        "visit depth 访问深度":
            "访问深度",
        "inquiry conversion 询单转化率":
            "询单转化率",
        "pass {bound} {value}":
            "合格 {bound} {value}",
        "{pass}, good {bound} {value}":
            "{pass}，良好 {bound} {value}",
        "{rule} (below: train customer service)":
            "{rule}（低于：培训客服）",
        "pass":
            "合格",
        "good":
            "良好",
        "fail":
            "不合格",
        "scope":
            "范围",
        "metric":
            "指标",
        "days recorded":
            "已记录天数",
        "goal to date":
            "至今目标",
        "actual":
            "实际",
        "achieved":
            "达成率",
        "gap":
            "差距",
        "period goal":
            "期间目标",
        "days left":
            "剩余天数",
        "needed per day":
            "每日所需",
        "status":
            "状态",
        "figure":
            "指标",
        "value":
            "数值",
        "verdict":
            "结论",
        "thresholds":
            "阈值",
        "days":
            "天数",
        "plan GMV":
            "计划销售额",
        "actual GMV":
            "实际销售额",
        "traffic":
            "流量",
        "conversion":
            "转化",
        "order value":
            "客单价",
        "main cause":
            "主要原因",
        "visitors plan":
            "计划访客数",
        "visitors":
            "访客数",
        "CVR plan":
            "计划转化率",
        "CVR":
            "转化率",
        "AOV plan":
            "计划客单价",
        "AOV":
            "客单价",
        "budget":
            "预算",
        "from":
            "来源",
        "variance":
            "差异",
        "variance %":
            "差异 %",
        "scope|day":
            "当天",
    ]
}
