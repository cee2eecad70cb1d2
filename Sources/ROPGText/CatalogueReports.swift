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
        "plan":
            "计划",
        "line":
            "行",
        "bounce":
            "跳失率",
        "depth":
            "访问深度",
        "inquiry cvr":
            "询单转化率",
        "goal":
            "目标",
        "grain":
            "粒度",
        "GMV goal":
            "销售额目标",
        "ad spend":
            "推广费",
        "paid clicks":
            "付费点击",
        "beyond goal":
            "超出目标",
        "pinned":
            "锁定",
        "rest of shop":
            "店铺其余",
        "split":
            "分解方式",
        "contribution":
            "贡献毛利",
        "pays back":
            "回本",
        "revenue":
            "收入",
        "to":
            "至",
        "phase":
            "阶段",
        "ABC":
            "ABC",
        "GMV share":
            "销售额占比",
        "class":
            "类别",
        "flag":
            "提示",
        "matrix":
            "矩阵",
        "meaning":
            "含义",
        "products":
            "商品数",
        "quadrant":
            "象限",
        "role":
            "角色",
        "share":
            "占比",
        "change":
            "变化",
        "discounted":
            "折后",
        "now":
            "现在",
        "after ads":
            "扣推广后",
        "break-even units":
            "保本件数",
        "price":
            "价格",
        "ads/unit":
            "每件推广费",
        "fees":
            "费用",
        "gross":
            "毛利率",
        "markup":
            "加价率",
        "other/unit":
            "其他/件",
        "Δ":
            "Δ",
        "Δ%":
            "Δ%",
        "field":
            "项目",
        "#":
            "#",
        "break-even CPC":
            "保本 CPC",
        "cost":
            "成本",
        "covered":
            "已覆盖",
        "cumulative":
            "累计",
        "gross margin":
            "毛利率",
        "hit plans":
            "爆款计划",
        "per 1000 impressions":
            "每千次展现",
        "per visitor":
            "每访客",
        "qty":
            "数量",
        "related":
            "关联",
        "share of year":
            "全年占比",
        "stock":
            "库存",
        "unit contribution":
            "单件贡献毛利",
        "weight":
            "权重",
        "CTR":
            "点击率",
        "basis":
            "方式",
        "end":
            "结束",
        "start":
            "开始",
        "events":
            "活动",
        "key":
            "键",
        "done":
            "已完成",
        "source":
            "来源",
        "state":
            "状态",
        "total":
            "合计",
        "undone (redo)":
            "已撤销（可重做）",
        "used by":
            "使用者",
        "margin|margin":
            "贡献毛利率",
        "rates":
            "费率来源",
        "⚠ loses {amount} a unit":
            "⚠ 每件亏 {amount}",
        "⚠ loses {amount} a unit after ads":
            "⚠ 扣推广后每件亏 {amount}",
        "ads/unit: cpc=plan entries' share of paid clicks × cpc {cpc} × paid share {share} ÷ (cvr {cvr} × units per order)":
            "每件推广费：cpc=plan 条目的付费点击份额 × cpc {cpc} × 付费占比 {share} ÷（转化率 {cvr} × 每单件数）",
        "{count} product loses money on every unit sold":
            "{count} 个商品每卖一件都亏钱",
        "{count} products lose money on every unit sold":
            "{count} 个商品每卖一件都亏钱",
        "{count} more product loses money once ads are paid":
            "另有 {count} 个商品算上推广费后亏钱",
        "{count} more products lose money once ads are paid":
            "另有 {count} 个商品算上推广费后亏钱",
        "{count} product loses money once ads are paid":
            "{count} 个商品算上推广费后亏钱",
        "{count} products lose money once ads are paid":
            "{count} 个商品算上推广费后亏钱",
        "unit economics {sku}":
            "单件经济 {sku}",
        "unit economics":
            "单件经济",
        "per-order costs":
            "按单成本",
        "per-order costs ÷ {units} units per order":
            "按单成本 ÷ 每单 {units} 件",
        "on {day}: fees = percent entries + CPS (rate × share of sales) + payment fee {fee}; other = per-unit entries + {perOrder}; entries tied to a product count for it alone":
            "{day} 的口径：费率 = 按比例条目 + CPS（费率 × 销售占比）+ 支付手续费 {fee}；其他 = 按件条目 + {perOrder}；归属于某商品的条目只计入该商品",
        "give one period; usage: {usage}":
            "只给一个期间；用法：{usage}",
        "give one SKU (or none for the whole shop); usage: {usage}":
            "只给一个 SKU（或不给，表示整个店铺）；用法：{usage}",
        "fixed costs {period}":
            "固定成本 {period}",
        "break-even CPC at cvr {cvr}":
            "转化率 {cvr} 时的保本 CPC",
        "set cvr= to know it":
            "设定 cvr= 后才能算出",
        "shop":
            "全店",
        "each product's units are rounded up; the mix is each product's share= of GMV (an even part of the rest without one)":
            "每个商品的件数向上取整；结构为各商品在销售额中的 share=（没有设定的平分其余部分）",
        "the products' shares of GMV add up to {share} (free products carry none); each is taken as its part of that":
            "各商品的销售额占比合计 {share}（免费商品不承担）；每个按其在其中的比例计",
        "the mix earns nothing per yuan of revenue (after ads), so no revenue covers the fixed costs":
            "这个结构每元收入（扣推广后）不赚钱，所以多少收入都覆盖不了固定成本",
        "break-even {period}, the whole shop at the planned mix":
            "保本 {period}：整个店铺按计划商品结构",
        "break-even {period}":
            "保本 {period}",
        "break-even {sku} {period}":
            "保本 {sku} {period}",
        "contribution margin":
            "贡献毛利率",
        "ads per unit (cpc=plan)":
            "每件推广费（cpc=plan）",
        "contribution after ads":
            "扣推广后贡献毛利",
        "break-even units a day":
            "每日保本件数",
        "break-even revenue":
            "保本收入",
        "contribution margin of the mix":
            "商品结构的贡献毛利率",
        "ads per yuan of revenue (cpc=plan)":
            "每元收入的推广费（cpc=plan）",
        "target":
            "目标",
        "exact price":
            "精确价格",
        "price now":
            "现价",
        "volume for the same contribution":
            "保持同样贡献毛利所需销量",
        "{sku} earns nothing on a unit (after ads), so no number of units covers the fixed costs":
            "{sku} 每件（扣推广后）不赚钱，所以多少件都覆盖不了固定成本",
        "break-even ROAS":
            "保本 ROAS",
        "break-even ACoS":
            "保本 ACoS",
        "give one target: margin=30%, markup=150% or profit=20 (usage: {usage})":
            "给出一个目标：margin=30%、markup=150% 或 profit=20（用法：{usage}）",
        "margin={value}: a contribution margin is below 100%":
            "margin={value}：贡献毛利率必须低于 100%",
        "a {rate} contribution margin":
            "贡献毛利率 {rate}",
        "a {rate} markup":
            "加价率 {rate}",
        "a contribution of {amount} a unit":
            "每件贡献毛利 {amount}",
        "{working} (goods {goods}, other {other}, fees {fees})":
            "{working}（货品 {goods}，其他 {other}，费率 {fees}）",
        "to use it: product set {sku} price={price}, or whatif product set {sku} price={price} to compare first":
            "应用它：product set {sku} price={price}，或先用 whatif product set {sku} price={price} 比较",
        "price for {target}: {sku}":
            "{target} 的价格：{sku}",
        "{points} pp":
            "{points} 个百分点",
        "{amount} ({rate})":
            "{amount}（{rate}）",
        "a cut of {cut} in the price":
            "价格降低 {cut}",
        "a cut of {cut} in the price, less the {fees} of fees it saves,":
            "价格降低 {cut}，减去由此省下的 {fees} 费用，",
        "{cut} takes {taken} of each unit's contribution; to earn the same, sales must be {times} times today's ({growth}): every 100 units sold now must become {units} ({whole} in whole units, rounded up)":
            "{cut}每件贡献毛利减少 {taken}；要赚同样多，销量必须是现在的 {times} 倍（{growth}）：现在每卖 100 件要变成 {units} 件（整件向上取整为 {whole}）",
        "discount {sku} {now} → {price}":
            "折扣 {sku} {now} → {price}",
        "ladder needs a SKU; usage: {usage}":
            "ladder 需要一个 SKU；用法：{usage}",
        "ladder needs from=, to= and step=, e.g. ladder {sku} from=59 to=99 step=5":
            "ladder 需要 from=、to= 和 step=，例如 ladder {sku} from=59 to=99 step=5",
        "← now":
            "← 现价",
        "break-even CPC at {cvr}":
            "保本 CPC（转化率 {cvr}）",
        "price ladder {sku} {name}, fixed costs {period} {amount}":
            "价格阶梯 {sku} {name}，固定成本 {period} {amount}",
        "a blank break-even: at that price a unit earns nothing (after ads)":
            "保本为空：在该价格下每件（扣推广后）不赚钱",
        "margin|fees":
            "费率",
        "changes":
            "修改",
        "how":
            "方式",
        "on the plan":
            "相对计划",
        "scenario":
            "情景",
        "volume":
            "销量规则",
    ]
}
