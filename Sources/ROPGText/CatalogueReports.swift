// Reports: table titles, column headers, row labels and notes.

extension Catalogue {
    static let reportEntries: [String: String] = [
        "{command} needs a period, e.g. {command} 2026-03; usage: {usage}":
            "{command} 需要一个期间，例如 {command} 2026-03；用法：{usage}",
        "sales-linked costs follow the plan: GMV goals and the driver tree (source=actual for recorded actuals)":
            "销售相关成本跟随计划：销售额目标和驱动树（source=actual 使用记录的实际数据）",
        "sales-linked costs follow the recorded actuals (source=actual)":
            "销售相关成本跟随记录的实际数据（source=actual）",
        "view=cash: one-off and amortized purchases on their payment day":
            "view=cash：一次性和摊销的采购计在付款当天",
        "refunds (refund-rate, day by day: overall {rate}): revenue, units, goods and percent costs are net of refunds; per-order costs follow gross orders":
            "退款（refund-rate，逐日计：总体 {rate}）：收入、件数、货品和按比例成本均扣除退款；按单成本按退款前的订单计",
        "deposits (capital tied up, not a cost): {held} held at the end of {period}, {paid} of it paid in {period}":
            "保证金（占用的资金，不是成本）：{period} 末占用 {held}，其中 {paid} 在 {period} 内缴纳",
        "deposits (capital tied up, not a cost): {held} held at the end of {period}":
            "保证金（占用的资金，不是成本）：{period} 末占用 {held}",
        "hit plan {name} ({sku}) is inside the GMV goal: revenue {revenue}, {units} units, ad spend {adspend} in O; it bears fees, goods and unit costs like every sale":
            "爆款计划 {name}（{sku}）包含在销售额目标内：收入 {revenue}，{units} 件，推广费 {adspend} 计入运营成本；它和每笔销售一样承担费用、货品和单件成本",
        "hit plans bring {hits} of GMV {gmv}; the rest of the shop brings {rest}":
            "爆款计划带来销售额 {gmv} 中的 {hits}；店铺其余部分带来 {rest}",
        "⚠ the hit plans bring {amount} more than the GMV goal on their days: the plan's GMV there is the hits' revenue":
            "⚠ 爆款计划在其日子里比销售额目标多带来 {amount}：那些日子计划的销售额即爆款的收入",
        "{count} day":
            "{count} 天",
        "{count} days":
            "{count} 天",
        "{days} of {period} have no GMV goal: no revenue counted there":
            "{period} 中有 {days} 没有销售额目标：这些日子不计收入",
        "{days} of {period} have no recorded GMV: no revenue counted there":
            "{period} 中有 {days} 没有记录销售额：这些日子不计收入",
        "goods (products) 货品成本":
            "货品成本（商品）",
        "payment fee 支付手续费":
            "支付手续费",
        "ad spend: hit plan {name} 爆款计划":
            "推广费：爆款计划 {name}",
        "R platform 平台固定成本":
            "R 平台成本",
        "O operating 运营成本":
            "O 运营成本",
        "P people 人员成本":
            "P 人员成本",
        "G goods 货品成本":
            "G 货品成本",
        "R platform":
            "R 平台成本",
        "O operating":
            "O 运营成本",
        "P people":
            "P 人员成本",
        "G goods":
            "G 货品成本",
        "traffic 引流款":
            "引流款",
        "profit 利润款":
            "利润款",
        "image 形象款":
            "形象款",
        "custom 定制款":
            "定制款",
        "hit 爆款":
            "爆款",
        "not tied to a product":
            "不归属于商品",
        "total {period}":
            "合计 {period}",
        "profit and loss {period}":
            "损益 {period}",
        "shared costs are shared out in proportion to each product's net revenue (alloc=revenue)":
            "共同成本按各商品的净收入比例分摊（alloc=revenue）",
        "shared costs are shared out in proportion to the units each product sells (alloc=units)":
            "共同成本按各商品的销量比例分摊（alloc=units）",
        "shared costs are shared out equally among the products that sell (alloc=even)":
            "共同成本在有销售的商品之间平均分摊（alloc=even）",
        "alloc= goes with by=product":
            "alloc= 要和 by=product 一起用",
        "only {category}":
            "仅 {category}",
        "costs {period}":
            "成本 {period}",
        "total cost":
            "总成本",
        "total shown":
            "显示部分合计",
        "net revenue {amount}":
            "净收入 {amount}",
        "subtotal {category}":
            "小计 {category}",
        "platform":
            "平台成本",
        "operating":
            "运营成本",
        "people":
            "人员成本",
        "goods":
            "货品成本",
        "shared (not tied to a product)":
            "共同成本（不归属于商品）",
        "a product's direct costs: its goods (net units × goods cost) and the entries tied to it; pnl by=product shares out the rest":
            "商品的直接成本：其货品（净件数 × 货品成本）和归属于它的条目；pnl by=product 分摊其余部分",
        "period":
            "期间",
        "GMV":
            "销售额",
        "refunds":
            "退款",
        "net revenue":
            "净收入",
        "profit":
            "利润",
        "margin":
            "利润率",
        "category":
            "类别",
        "amount":
            "金额",
        "% of cost":
            "占成本 %",
        "% of revenue":
            "占收入 %",
        "ID":
            "编号",
        "cat":
            "类",
        "name":
            "名称",
        "working":
            "计算过程",
        "SKU":
            "SKU",
        "direct costs":
            "直接成本",
        "month":
            "月",
        "quarter":
            "季度",
        "week":
            "周",
        "day":
            "日",
        "product":
            "商品",
    ]
}
