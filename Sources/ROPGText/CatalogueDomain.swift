// The domain's keyed messages (KeyedMessage): what cannot be worked out in goal plans, the driver
// tree, allocations, hit plans, volume rules, unit economics and the cost book.

extension Catalogue {
    static let domainEntries: [String: String] = [
        "no price reaches a {margin} contribution margin: the fees take {fees} of every price, and {fees} + {margin} leaves nothing for the costs": "没有价格能达到 {margin} 的贡献毛利率：费用占每个价格的 {fees}，{fees} + {margin} 之后没有留给成本的部分",
        "a markup of {markup} would make the price 0 or less": "加价率 {markup} 会使价格为 0 或更低",
        "no price earns anything: the fees take {fees} of every price": "没有价格能赚钱：费用占每个价格的 {fees}",
        "the orders of {day} are unknown: set aov= (or orders goals)": "{day} 的订单数未知：请设定 aov=（或订单目标）",
        "the conversion rate is not set: set cvr=": "没有设定转化率：请设定 cvr=",
        "the cost per click is not set: set cpc=": "没有设定单次点击成本：请设定 cpc=",
        "{id} {name} is per unit, but the units sold are unknown: set aov= (or units goals)": "{id} {name} 按件计，但售出件数未知：请设定 aov=（或件数目标）",
        "{id} {name} is per order, but the orders are unknown: set aov= (or orders goals)": "{id} {name} 按单计，但订单数未知：请设定 aov=（或订单目标）",
        "{id} {name} follows the plan's paid clicks, but {problem}": "{id} {name} 跟随计划的付费点击，但{problem}",
        "they are unknown": "点击数未知",
        "a weight is negative": "有权重为负",
        "the weights are too large to add up": "权重太大，无法相加",
        "the weights are all zero": "权重全为零",
        "{total} is not a whole number of {step}": "{total} 不是 {step} 的整数倍",
        "the driver tree needs aov= and cvr= (for {day}); set them with set aov=120 cvr=3%": "驱动树需要 aov= 和 cvr=（{day}）；请用 set aov=120 cvr=3% 设定",
        "aov and cvr must be above 0 (on {day} they are {aov} and {cvr})": "aov 和 cvr 必须大于 0（{day} 它们是 {aov} 和 {cvr}）",
        "elasticity {elasticity} and {sku}'s price change from {old} to {new} would sell no units; use a smaller elasticity": "弹性 {elasticity} 加上 {sku} 从 {old} 到 {new} 的调价会一件也卖不出；请用更小的弹性",
        "the pinned days of {period} add up to {pinned}, more than its {metric} goal {goal}": "{period} 中固定的天合计 {pinned}，超过了它的 {metric} 目标 {goal}",
        "every day of {period} is pinned and they add up to {pinned}, not its goal {goal}": "{period} 的每一天都已固定，合计 {pinned}，不等于它的目标 {goal}",
        "the pinned goals inside {period} add up to {pinned}, more than its {metric} goal {goal} ({named})": "{period} 内固定的目标合计 {pinned}，超过了它的 {metric} 目标 {goal}（{named}）",
        "everything inside {period} is pinned and adds up to {pinned}, not its {metric} goal {goal}": "{period} 内全部已固定，合计 {pinned}，不等于它的 {metric} 目标 {goal}",
        "cannot spread {period}: {problem}": "无法分解 {period}：{problem}",
        "{period} has {count} {grain}s but {weights} weights were given": "{period} 有 {count} 个子期间（{grain}），但给了 {weights} 个权重",
        "no profile {name} (see profile list)": "没有季节曲线 {name}（见 profile list）",
        "by=prior needs {metric} actuals a year before {period} ({earlier}), and none are recorded": "by=prior 需要 {period} 前一年（{earlier}）的 {metric} 实际数据，但没有记录",
        "a plan needs at least one day": "计划至少需要一天",
        "paid-share needs one value, or one for each of the 4 phases": "paid-share 需要一个值，或 4 个阶段各一个",
        "the conversion rate is 0%, so no visitors ever buy": "转化率为 0%，所以没有访客会购买",
    ]
}
