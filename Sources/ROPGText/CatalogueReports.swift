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
        "shared costs are shared out month by month in proportion to each product's net revenue (alloc=revenue)":
            "共同成本逐月按各商品的净收入比例分摊（alloc=revenue）",
        "shared costs are shared out month by month in proportion to the units each product sells (alloc=units)":
            "共同成本逐月按各商品的销量比例分摊（alloc=units）",
        "shared costs are shared out month by month equally among the products that sell (alloc=even)":
            "共同成本逐月在有销售的商品之间平均分摊（alloc=even）",
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
        "units come from each product's net revenue ÷ its price ({units}), orders from GMV ÷ AOV ({orders}): {ratio} units an order in the plan":
            "件数来自各商品的净收入 ÷ 售价（{units}），订单数来自 GMV ÷ 客单价（{orders}）：计划中每单 {ratio} 件",
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
        "paid share {share}":
            "付费占比 {share}",
        "{count} natural visitor per paid click":
            "每次付费点击带来 {count} 个自然访客",
        "not set":
            "未设定",
        "assumptions: cvr {cvr}, aov {aov}, {paid}, cpc {cpc}; some days have their own (set … period=)":
            "假设：转化率 {cvr}，客单价 {aov}，{paid}，cpc {cpc}；有些日子有自己的值（set … period=）",
        "assumptions: cvr {cvr}, aov {aov}, {paid}, cpc {cpc}":
            "假设：转化率 {cvr}，客单价 {aov}，{paid}，cpc {cpc}",
        "visitors, orders, units and clicks are rounded up in each row and in the total, so the rows may add to a little more":
            "访客数、订单数、件数和点击在每行和合计中都向上取整，所以各行相加可能略多于合计",
        "ad spend needs a CPC: set cpc=0.8":
            "推广费需要 CPC：set cpc=0.8",
        "hit plans: the saved hit plans' revenue inside the GMV goal ({plans}); covered: that ÷ the GMV goal; rest of shop: what the other products must bring":
            "爆款计划：保存的爆款计划在销售额目标内的收入（{plans}）；已覆盖：它 ÷ 销售额目标；店铺其余：其他商品必须带来的部分",
        "⚠ beyond goal: on some days the hit plans bring more than the GMV goal; pnl counts the hits' revenue there":
            "⚠ 超出目标：有些日子爆款计划带来的多于销售额目标；pnl 在那些日子按爆款收入计",
        "{period} is split to {grain}s by {method}":
            "{period} 按 {method} 分解到{grain}",
        "weeks that run past {period} show only their days inside it":
            "超出 {period} 的周只显示其在期间内的日子",
        "blank: no goal covers every day of that period":
            "空白：没有目标覆盖该期间的每一天",
        "to {grain} by {method}":
            "按 {method} 分解到{grain}",
        "goal and actual over the days with the metric recorded (profit: the actual P&L over the days with GMV recorded); days recorded: of the row's days":
            "目标和实际覆盖记录了该指标的日子（利润：记录了销售额的日子的实际损益）；已记录天数：占该行天数",
        "a row with no day recorded is missing, never zero; variance = actual − goal; a blank goal: no goal covers every recorded day":
            "没有任何记录的行为缺失，绝不当作零；差异 = 实际 − 目标；目标为空：没有目标覆盖所有已记录的日子",
        "missing days are left out of both goal and actual, so a part-recorded period compares like with like":
            "缺失的日子在目标和实际中都不计，所以部分记录的期间也是同口径比较",
        "goals {period} against actual":
            "目标 {period} 对照实际",
        "no goals touch {period}; set one with goal set {settable} gmv=…":
            "没有目标涉及 {period}；用 goal set {settable} gmv=… 设一个",
        "no GMV goal covers every day of {period}; set one with goal set {settable} gmv=…":
            "没有销售额目标覆盖 {period} 的每一天；用 goal set {settable} gmv=… 设一个",
        "no actuals recorded yet: actual add 2026-03-14 gmv=… or actual import FILE.csv, then check":
            "还没有记录实际数据：actual add 2026-03-14 gmv=… 或 actual import FILE.csv，然后 check",
        "goal {verb} needs a period, e.g. goal {verb} 2026":
            "goal {verb} 需要一个期间，例如 goal {verb} 2026",
        "goal {period}: {what}":
            "目标 {period}：{what}",
        "removed goal {period}: {what}":
            "已删除目标 {period}：{what}",
        "no goals yet; set one with goal set 2026 gmv=1200万":
            "还没有目标；用 goal set 2026 gmv=1200万 设一个",
        "these are the goals set by hand (pinned); goal show spreads them":
            "这些是手工设定（锁定）的目标；goal show 显示分解结果",
        "{period} spreads by calendar days again":
            "{period} 恢复按日历天数分解",
        "{period} spreads to {grain}s by {method}":
            "{period} 按 {method} 分解到 {grain}",
        "GMV 销售额":
            "销售额",
        "orders 订单数":
            "订单数",
        "units 件数":
            "件数",
        "visitors 访客数":
            "访客数",
        "profit 利润":
            "利润",
        "ad spend 推广花费":
            "推广花费",
        "year":
            "年",
        "no products yet: add one with product add SKU price=… cost=…":
            "还没有商品：用 product add SKU price=… cost=… 添加",
        "contribution = planned units in {period} × unit contribution on {day}; visitors = units ÷ units per order ÷ CVR":
            "贡献毛利 = {period} 的计划件数 × {day} 的单件贡献毛利；访客数 = 件数 ÷ 每单件数 ÷ 转化率",
        "showing the {shown} best of {count} products: top=N or all for more":
            "显示 {count} 个商品中最好的 {shown} 个：用 top=N 或 all 查看更多",
        "no planned sales in {period}: set a GMV goal (goal set {period} gmv=…) to weigh the products":
            "{period} 没有计划销售：设定销售额目标（goal set {period} gmv=…）来衡量各商品",
        "the shop's cvr is not set: products without their own CVR count no visitors":
            "店铺的转化率未设定：没有自己转化率的商品不计访客",
        "{count} product whose role the numbers contradict":
            "{count} 个商品的角色与数字矛盾",
        "{count} products whose role the numbers contradict":
            "{count} 个商品的角色与数字矛盾",
        "portfolio {period}":
            "货品结构 {period}",
        "ABC by contribution":
            "按贡献毛利的 ABC",
        "A: the {count} product making 80% of the contribution ({share} of the range)":
            "A：贡献 80% 贡献毛利的 {count} 个商品（占商品数的 {share}）",
        "A: the {count} products making 80% of the contribution ({share} of the range)":
            "A：贡献 80% 贡献毛利的 {count} 个商品（占商品数的 {share}）",
        "high traffic, low margin (引流)":
            "高流量、低毛利（引流）",
        "high traffic, high margin":
            "高流量、高毛利",
        "low traffic, high margin (利润)":
            "低流量、高毛利（利润）",
        "low traffic, low margin":
            "低流量、低毛利",
        "traffic × margin":
            "流量 × 毛利",
        "split at the medians: visitors share {visitors}, margin {margin}":
            "按中位数划分：访客占比 {visitors}，毛利率 {margin}",
        "traffic product with a top-half margin":
            "引流款的毛利率在上半区",
        "profit product loses money":
            "利润款亏钱",
        "profit product brings traffic at a low margin":
            "利润款以低毛利带来流量",
        "hit brings little traffic":
            "爆款带来的流量很少",
        "{rates} measured":
            "{rates} 已实测",
        "per visitor = CVR × units per order {units} × unit contribution; per 1000 impressions = per visitor × CTR × 1000; a paid click may cost at most what a visitor is worth (the break-even CPC)":
            "每访客 = 转化率 × 每单件数 {units} × 单件贡献毛利；每千次展现 = 每访客 × 点击率 × 1000；一次付费点击最多可花一个访客的价值（保本 CPC）",
        "products without a measured CVR need the shop's: set cvr=3% (or product set SKU cvr=…)":
            "没有实测转化率的商品需要店铺的：set cvr=3%（或 product set SKU cvr=…）",
        "products without a measured CTR need the shop's for the value per 1000 impressions: set ctr=2%":
            "没有实测点击率的商品需要店铺的点击率来算每千次展现的价值：set ctr=2%",
        "hit candidates":
            "爆款候选",
        "total, {days}":
            "合计，{days}",
        "contribution = units × unit contribution {unit} + related revenue × the shop's contribution margin {margin} − ad spend":
            "贡献毛利 = 件数 × 单件贡献毛利 {unit} + 关联收入 × 店铺贡献毛利率 {margin} − 推广费",
        "{roi} (contribution after ads ÷ ad spend)":
            "{roi}（扣推广后贡献毛利 ÷ 推广费）",
        "{day} (day {number})":
            "{day}（第 {number} 天）",
        "does not pay back within the plan":
            "计划期内无法回本",
        "{amount} on {day}":
            "{day} 的 {amount}",
        "not set (product set {sku} stock=…)":
            "未设定（product set {sku} stock=…）",
        "{day} (lead time {days} days)":
            "{day}（备货周期 {days} 天）",
        "lasts the plan, but is below the stock needed with the safety margin":
            "够用到计划结束，但低于含安全余量的所需库存",
        "lasts the plan":
            "够用到计划结束",
        "summary":
            "汇总",
        "⚠ cpc {cpc} is above the break-even CPC {breakEven}: every paid click loses money on the product itself":
            "⚠ cpc {cpc} 高于保本 CPC {breakEven}：每次付费点击在这个商品本身上都亏钱",
        "⚠ the stock on hand runs out on {day}, inside the plan: reorder by {reorder}, which is before the plan starts":
            "⚠ 现有库存在计划期内的 {day} 用完：最晚 {reorder} 补货，这早于计划开始",
        "⚠ the stock on hand runs out on {day}, inside the plan: reorder by {reorder}":
            "⚠ 现有库存在计划期内的 {day} 用完：最晚 {reorder} 补货",
        "⚠ ad spend in {period} is {spend} on this plan alone, above the adspend goal {goal}":
            "⚠ 仅这个计划在 {period} 的推广费就是 {spend}，超过推广费目标 {goal}",
        "set":
            "已设定",
        "default":
            "默认",
        "for particular periods":
            "特定期间",
        "related revenue":
            "关联收入",
        "ROI":
            "ROI",
        "peak daily ad budget":
            "每日推广预算峰值",
        "cpc / break-even CPC":
            "cpc / 保本 CPC",
        "stock needed":
            "所需库存",
        "stock on hand":
            "现有库存",
        "stock runs out":
            "断货日",
        "reorder by":
            "最晚补货",
        "file":
            "文件",
        "cost entries":
            "成本条目",
        "by category":
            "按类别",
        "goals":
            "目标",
        "goal periods":
            "目标期间",
        "goal splits":
            "目标分解",
        "profiles":
            "季节配置",
        "actuals":
            "实际数据",
        "assumptions set":
            "已设假设",
        "undo steps":
            "撤销步数",
        "schema":
            "格式版本",
        "{count} row":
            "{count} 行",
        "{count} rows":
            "{count} 行",
        "{figure} {version}":
            "{figure} {version}",
        "what-if":
            "假设",
        "hit plan {sku}":
            "爆款计划 {sku}",
        "hit plan {name}: {sku}":
            "爆款计划 {name}：{sku}",
        "hit save NAME keeps this plan; its revenue, goods and ads then count in pnl, costs and goal show":
            "hit save NAME 保存这个计划；之后它的收入、货品和推广费计入 pnl、costs 和 goal show",
        "test":
            "测款",
        "ramp":
            "爬坡",
        "peak":
            "峰值",
        "hold":
            "维持",
        "none":
            "无",
        "{period} to {grain} by {method}":
            "{period} 按 {method} 分解到{grain}",
        "saved":
            "已保存",
        "unsaved changes":
            "有未保存的修改",
        "never saved":
            "从未保存",
        "new, never saved":
            "新建，从未保存",
        "unsaved changes; new, never saved":
            "有未保存的修改；新建，从未保存",
        "{rows} no scenario does not change is left out":
            "省略了没有情景改变的 {rows}",
        "{rows} no scenario does not change are left out":
            "省略了没有情景改变的 {rows}",
        "{rows} the what-if does not change is left out":
            "省略了假设分析没有改变的 {rows}",
        "{rows} the what-if does not change are left out":
            "省略了假设分析没有改变的 {rows}",
        "{rows} scenario {name} does not change is left out":
            "省略了情景 {name} 没有改变的 {rows}",
        "{rows} scenario {name} does not change are left out":
            "省略了情景 {name} 没有改变的 {rows}",
        "opening {path}":
            "打开 {path}",
        "quitting":
            "退出",
        "starting {name}":
            "新建 {name}",
        "{name} has unsaved changes (the open what-if's {changes} are not saved: keep makes them part of the plan first). Save the plan before {action}? [y/n/c] ":
            "{name} 有未保存的修改（打开的假设分析中的 {changes}不会保存：先用 keep 并入计划）。{action}之前保存计划吗？[y/n/c] ",
        "{name} has unsaved changes. Save them before {action}? [y/n/c] ":
            "{name} 有未保存的修改。{action}之前保存吗？[y/n/c] ",
        "{count} change":
            "{count} 个修改",
        "{count} changes":
            "{count} 个修改",
        "cancelled; nothing changed":
            "已取消；什么都没有改变",
        "{name} has unsaved changes; save them first, or add discard=yes":
            "{name} 有未保存的修改；请先保存，或加上 discard=yes",
        "added product {sku} {name}":
            "已添加商品 {sku} {name}",
        "changed product {sku}: {what}":
            "已修改商品 {sku}：{what}",
        "removed product {skus}":
            "已删除商品 {skus}",
        "price {amount}":
            "价格 {amount}",
        "cost {amount}":
            "成本 {amount}",
        "stock {count}":
            "库存 {count}",
        "share {rate}":
            "占比 {rate}",
        "added {id} {category} {name}: {what}":
            "已添加 {id} {category} {name}：{what}",
        "changed {id} {name}: {what}":
            "已修改 {id} {name}：{what}",
        "removed {ids}":
            "已删除 {ids}",
        "role|traffic":
            "引流款",
        "role|profit":
            "利润款",
        "role|image":
            "形象款",
        "role|custom":
            "定制款",
        "role|hit":
            "爆款",
        "more than {count} changes":
            "超过 {count} 个修改",
        "unsaved changes: {changes} were not saved (the workspace has no file); add `save FILE.json` to the script":
            "未保存的修改：{changes}没有保存（工作区没有文件）；在脚本中加上 `save FILE.json`",
        "unsaved changes: {changes} was not saved (the workspace has no file); add `save FILE.json` to the script":
            "未保存的修改：{changes}没有保存（工作区没有文件）；在脚本中加上 `save FILE.json`",
        "unsaved changes: {changes} since the last save were not saved; add `save` to the script":
            "未保存的修改：上次保存以来的 {changes}没有保存；在脚本中加上 `save`",
        "unsaved changes: {changes} since the last save was not saved; add `save` to the script":
            "未保存的修改：上次保存以来的 {changes}没有保存；在脚本中加上 `save`",
        "{warning} (a what-if is open: add `keep` before `save` to make its changes part of the plan, or `drop`)":
            "{warning}（有打开的假设分析：在 `save` 之前加 `keep` 把修改并入计划，或 `drop`）",
        "saved the plan of {name} to {path}, without the open what-if ({changes}): keep it to make it part of the plan":
            "已把 {name} 的计划保存到 {path}，不含打开的假设分析（{changes}）：用 keep 把它并入计划",
        "saved {name} to {path}":
            "已把 {name} 保存到 {path}",
        "wrote {rows} in {tables} tables to {file}":
            "已把 {tables} 张表共 {rows}写入 {file}",
        "wrote {rows} to {file}":
            "已把 {rows}写入 {file}",
        "{warning} (scenario {name} is open: add `keep` to store its changes into the scenario, then `save`; `drop` throws them away)":
            "{warning}（情景 {name} 已打开：先加 `keep` 把修改存入情景，再 `save`；`drop` 丢弃它们）",
        "scenario {name} has {changes} not kept yet (keep stores them into the scenario). Keep them into {name} and save before {action}? [y/n/c] ":
            "情景 {name} 有 {changes}还没有 keep（keep 把它们存入情景）。{action}之前存入 {name} 并保存吗？[y/n/c] ",
        "kept scenario {name}: {changes}":
            "已存入情景 {name}：{changes}",
        "product {verb} needs a SKU, e.g. product {verb} TS-001":
            "product {verb} 需要一个 SKU，例如 product {verb} TS-001",
        "no product {sku}":
            "没有商品 {sku}",
        "no product {sku}; did you mean {names}?":
            "没有商品 {sku}；你是想输入 {names} 吗？",
        "role={value} is not a role; use one of {roles}":
            "role={value} 不是角色；请用 {roles} 之一",
        "name={name}: a product's name cannot be blank; give it a name, e.g. name=纯棉T恤":
            "name={name}：商品名称不能为空；请给一个名称，例如 name=纯棉T恤",
        "product {sku} exists already; change it with product set {sku} …":
            "商品 {sku} 已存在；用 product set {sku} … 修改它",
        "product add needs price=, e.g. price=79":
            "product add 需要 price=，例如 price=79",
        "product add needs cost= (goods cost per unit), e.g. cost=28":
            "product add 需要 cost=（每件货品成本），例如 cost=28",
        "product set needs a SKU or a filter, e.g. product set TS-001 price=89 or product set role:traffic price-=10%":
            "product set 需要一个 SKU 或筛选条件，例如 product set TS-001 price=89 或 product set role:traffic price-=10%",
        "product set {targets} needs something to change, e.g. price=89 or price-=10%":
            "product set {targets} 需要要修改的内容，例如 price=89 或 price-=10%",
        "product {sku} exists already":
            "商品 {sku} 已存在",
        "product rm needs a SKU, e.g. product rm TS-001":
            "product rm 需要一个 SKU，例如 product rm TS-001",
        "product {sku} is used by cost {ids}; remove or change those first":
            "商品 {sku} 被成本条目 {ids} 使用；请先删除或修改它们",
        "product {sku} is planned in hit plan {plans}; hit rm those first":
            "商品 {sku} 在爆款计划 {plans} 中；请先 hit rm 它们",
        "share=: the products' GMV shares would add up to {total}, more than 100%":
            "share=：各商品的销售额占比合计将为 {total}，超过 100%",
        "{word} is not a cost category; use R (platform), O (operating), P (people) or G (goods)":
            "{word} 不是成本类别；请用 R（平台成本）、O（运营成本）、P（人员成本）或 G（货品成本）",
        "cost {verb} needs an entry ID or name, e.g. cost {verb} R1 (see cost list)":
            "cost {verb} 需要条目编号或名称，例如 cost {verb} R1（见 cost list）",
        "no cost entry {id} (see cost list)":
            "没有成本条目 {id}（见 cost list）",
        "cost add needs a category: R, O, P or G; usage: {usage}":
            "cost add 需要一个类别：R、O、P 或 G；用法：{usage}",
        "cost add needs a name, e.g. cost add {category} \"快递\" 4/order":
            "cost add 需要一个名称，例如 cost add {category} \"快递\" 4/order",
        "the amount is given twice":
            "金额给了两次",
        "cost set needs an entry ID, a name or a filter, e.g. cost set P1 amount=5000/month or cost set name:工资 amount+=10%":
            "cost set 需要条目编号、名称或筛选条件，例如 cost set P1 amount=5000/month 或 cost set name:工资 amount+=10%",
        "cost set needs something to change, e.g. amount=5000/month or amount*=1.1":
            "cost set 需要要修改的内容，例如 amount=5000/month 或 amount*=1.1",
        "cost rm needs an entry ID, e.g. cost rm R1":
            "cost rm 需要条目编号，例如 cost rm R1",
        "basis={value} is not a basis; use one of {bases}":
            "basis={value} 不是计提方式；请用 {bases} 之一",
        "actual {verb} needs a day, e.g. actual {verb} 2026-03-14":
            "actual {verb} 需要一天，例如 actual {verb} 2026-03-14",
        "actual add {day} needs figures, e.g. gmv=3.2万 uv=9800":
            "actual add {day} 需要数据，例如 gmv=3.2万 uv=9800",
        "actual rm needs a day, e.g. actual rm 2026-03-14":
            "actual rm 需要一天，例如 actual rm 2026-03-14",
        "nothing is recorded for {day}":
            "{day} 没有任何记录",
        "actual import needs a CSV file, e.g. actual import march.csv":
            "actual import 需要一个 CSV 文件，例如 actual import march.csv",
        "{word} is not a metric; use {metrics}":
            "{word} 不是指标；请用 {metrics}",
        "{word} is not a metric; use {metrics} (did you mean {near}?)":
            "{word} 不是指标；请用 {metrics}（你是想输入 {near} 吗？）",
        "goals are set on a year, quarter, month, week or day, not a range; set each month, or the quarter":
            "目标设在年、季度、月、周或日上，不能设在范围上；请逐月设定，或设在季度上",
        "goal set {period} needs a metric, e.g. gmv=1200万":
            "goal set {period} 需要一个指标，例如 gmv=1200万",
        "no goal for {period}":
            "{period} 没有目标",
        "no goal for {period} on {metrics}":
            "{period} 没有 {metrics} 的目标",
        "a what-if is already open: make the change and run the report in it, or keep or drop it first":
            "已经有一个打开的假设分析：在其中做修改并运行报表，或先 keep 或 drop",
        "write whatif CHANGE then REPORT, e.g. {example}":
            "请写 whatif 修改 then 报表，例如 {example}",
        "whatif: unknown command {word}":
            "whatif：未知命令 {word}",
        "whatif: {command} does not go inside a one-line what-if":
            "whatif：{command} 不能放在单行假设分析中",
        "the last part is the report to compare: pnl, costs, margin, breakeven, ladder or goal drivers":
            "最后一部分是要比较的报表：pnl、costs、margin、breakeven、ladder 或 goal drivers",
        "whatif: {command}: {problem}; nothing was changed":
            "whatif：{command}：{problem}；什么都没有改变",
        "no what-if is open; whatif opens one":
            "没有打开的假设分析；用 whatif 打开一个",
        "{word} is not a number of steps":
            "{word} 不是步数",
        "nothing to redo":
            "没有可重做的修改",
        "volume: {rule}, the default; whatif volume=hold-units or volume=elasticity:E changes it":
            "销量规则：{rule}，默认；whatif volume=hold-units 或 volume=elasticity:E 可改变它",
        "volume: {rule}, the default; volume=hold-units or volume=elasticity:E changes it":
            "销量规则：{rule}，默认；volume=hold-units 或 volume=elasticity:E 可改变它",
        "volume: {rule}":
            "销量规则：{rule}",
        "volume in {name}: {rule}":
            "{name} 的销量规则：{rule}",
        "under scenario {name} ({changes}); volume: {rule}":
            "在情景 {name} 下（{changes}）；销量规则：{rule}",
        "hold GMV (a new price sells the same GMV)":
            "保持销售额（新价格卖出同样的销售额）",
        "hold units (a new price sells the same units)":
            "保持件数（新价格卖出同样的件数）",
        "{amount} once on {day}":
            "{day} 一次性 {amount}",
        "{amount} / {per}":
            "{amount} / {per}",
        "{amount} over {months} months":
            "{amount} 分 {months} 个月摊销",
        "{amount} / unit":
            "{amount} / 件",
        "{amount} / order":
            "{amount} / 单",
        "{rate} of revenue":
            "收入的 {rate}",
        "CPS {rate} of revenue":
            "CPS 收入的 {rate}",
        "CPS {rate} of the {share} of revenue it brings":
            "CPS：其带来的 {share} 收入的 {rate}",
        "CPC {amount} × {clicks} clicks / {per}":
            "CPC {amount} × {clicks} 次点击 / {per}",
        "CPC on the plan's paid clicks":
            "按计划付费点击的 CPC",
        "CPC on {share} of the plan's paid clicks":
            "按计划付费点击 {share} 的 CPC",
        "CPM {amount} × {impressions} impressions / {per}":
            "CPM {amount} × {impressions} 次展现 / {per}",
        "CPT {amount} / {per}":
            "CPT {amount} / {per}",
        "{amount} deposit paid {day}":
            "保证金 {amount}，{day} 缴纳",
        "{amount} deposit":
            "保证金 {amount}",
        "{amount} ({shown} shown, so the lines add up)":
            "{amount}（显示为 {shown}，使各行相加一致）",
        "payment-fee × net revenue {base}, day by day = {amount}":
            "payment-fee × 净收入 {base}，逐日计 = {amount}",
        "hit plan {name}: {clicks} paid clicks × cpc {cpc} = {amount}":
            "爆款计划 {name}：{clicks} 次付费点击 × cpc {cpc} = {amount}",
        " of {sku}":
            "（{sku}）",
        "{amount}/unit{qty} × {base} units{of} = {total}":
            "{amount}/件{qty} × {base} 件{of} = {total}",
        "{amount}/order{qty} × {base} orders{of} = {total}":
            "{amount}/单{qty} × {base} 单{of} = {total}",
        "{rate}{qty} × net revenue{of} {revenue} = {total}":
            "{rate}{qty} × 净收入{of} {revenue} = {total}",
        "the plan's paid clicks × cpc{qty}{of}: ad spend {spend} = {total}":
            "计划付费点击 × cpc{qty}{of}：推广费 {spend} = {total}",
        "{share} of the plan's paid clicks × cpc{qty}{of}: ad spend {spend} = {total}":
            "计划付费点击的 {share} × cpc{qty}{of}：推广费 {spend} = {total}",
        "CPS {rate}{qty} × {share} of net revenue{of} = {rate} × {revenue} = {total}":
            "CPS {rate}{qty} × 净收入的 {share}{of} = {rate} × {revenue} = {total}",
        "{paid} paid on {day} → {total} in {period}":
            "{day} 支付 {paid} → {period} 计 {total}",
        "{working}, on {from}..{to}":
            "{working}，{from}..{to}",
        "{working} → {total} in {period}":
            "{working} → {period} 计 {total}",
        "each product's net revenue × its goods cost ÷ its price ({units} units in all) = {amount}":
            "各商品净收入 × 其货品成本 ÷ 其价格（共 {units} 件）= {amount}",
        "left out of the gap split, figures that cannot all be true (fix them with actual add): {figures}":
            "差距拆分中略去了不可能同时成立的数据（用 actual add 修正）：{figures}",
        "units come from the product mix (docs/DOMAIN.md §8.4): at aov {aov} the mix's prices make {mix} units an order, not units-per-order {assumed}; per-order costs of a product use units-per-order: set units-per-order={mix} or check the prices, shares and aov":
            "件数来自商品结构（docs/DOMAIN.md §8.4）：客单价 {aov} 时，按结构的价格每单为 {mix} 件，而不是 units-per-order {assumed}；商品的按单成本用 units-per-order：set units-per-order={mix}，或检查价格、占比和客单价",
        "scenario {verb} needs a name, e.g. scenario {verb} 保守":
            "scenario {verb} 需要一个名称，例如 scenario {verb} 保守",
        "{name}: {problem}":
            "{name}：{problem}",
        "a scenario needs a name":
            "情景需要一个名称",
        "a scenario's name is at most 40 characters":
            "情景名称最多 40 个字符",
        "a scenario's name has no spaces, = , # or ;":
            "情景名称中不能有空格、=、,、# 或 ;",
        "a scenario's name has no control characters":
            "情景名称中不能有控制字符",
        "{name} is the name of a command; scenario compare could not tell them apart. Pick another name":
            "{name} 是命令名；scenario compare 无法区分。请换一个名称",
        "scenario {name} exists already; scenario open {name} edits it, scenario rm {name} removes it":
            "情景 {name} 已存在；scenario open {name} 编辑它，scenario rm {name} 删除它",
        "volume={value} is not a rule; use {rules}":
            "volume={value} 不是规则；请用 {rules}",
        "a what-if is open: scenario save {name} makes it a scenario, or keep or drop it first":
            "有打开的假设分析：scenario save {name} 把它存为情景，或先 keep 或 drop",
        "scenario {name} opened: changes from now on belong to it; keep stores them in it, drop throws them away (volume: {rule})":
            "已打开情景 {name}：此后的修改都属于它；keep 把修改存入情景，drop 丢弃它们（销量规则：{rule}）",
        "no what-if is open to save; whatif opens one, or scenario new {name} opens one for a scenario":
            "没有可保存的假设分析；whatif 打开一个，或 scenario new {name} 为情景打开一个",
        "saved scenario {name}: {changes}; the what-if is closed and the plan is unchanged":
            "已保存情景 {name}：{changes}；假设分析已关闭，计划不变",
        "a what-if is open: keep or drop it before opening scenario {name}":
            "有打开的假设分析：打开情景 {name} 之前请先 keep 或 drop",
        "scenario rm needs a name, e.g. scenario rm 保守":
            "scenario rm 需要一个名称，例如 scenario rm 保守",
        "removed scenario {names} (undo brings it back)":
            "已删除情景 {names}（undo 可恢复）",
        "removed scenario {names} (undo brings them back)":
            "已删除情景 {names}（undo 可恢复）",
        "scenario rename needs the new name too, e.g. scenario rename {name} 稳健":
            "scenario rename 还需要新名称，例如 scenario rename {name} 稳健",
        "renamed scenario {old} to {new}":
            "已把情景 {old} 改名为 {new}",
        "scenario {name}: volume {rule}":
            "情景 {name}：销量规则 {rule}",
        "{word} is not a volume rule; use hold-gmv, hold-units or elasticity:E (e.g. elasticity:-1.5)":
            "{word} 不是销量规则；请用 hold-gmv、hold-units 或 elasticity:E（例如 elasticity:-1.5）",
        "a what-if is open: keep or drop it before {doing}":
            "有打开的假设分析：{doing}之前请先 keep 或 drop",
        "{word} is neither a scenario nor a report; scenario list shows the scenarios":
            "{word} 既不是情景也不是报表；scenario list 列出情景",
        "{word} is neither a scenario nor a report; did you mean {names}?":
            "{word} 既不是情景也不是报表；你是想输入 {names} 吗？",
        "scenario compare needs a report after the scenarios, e.g. scenario compare pnl 2026-11":
            "scenario compare 需要在情景后面跟一个报表，例如 scenario compare pnl 2026-11",
        "scenario compare takes a report such as pnl, costs or margin; {command} is not one":
            "scenario compare 需要 pnl、costs 或 margin 这样的报表；{command} 不是报表",
        "there are no scenarios to compare yet; scenario new NAME makes one":
            "还没有可比较的情景；scenario new NAME 新建一个",
        "{name}: {problem} (left out; the rest applies)":
            "{name}：{problem}（已略去；其余照常适用）",
        "{problem} (left out; the rest applies)":
            "{problem}（已略去；其余照常适用）",
        "scenario={name} shows a report under the scenario; {command} is not a report (scenario open {name} edits it)":
            "scenario={name} 在情景下显示报表；{command} 不是报表（scenario open {name} 编辑情景）",
        "{command} under scenario {name}: {problem}":
            "情景 {name} 下的 {command}：{problem}",
        "scenario={name} shows a report under the scenario; {command} changes it instead (scenario open {name} edits it)":
            "scenario={name} 在情景下显示报表；{command} 是修改而不是报表（scenario open {name} 编辑情景）",
        "no scenario {name}; did you mean {names}?":
            "没有情景 {name}；你是想输入 {names} 吗？",
        "no scenario {name}; there are none yet; scenario new NAME makes one":
            "没有情景 {name}；还没有任何情景；scenario new NAME 新建一个",
        "no scenario {name}; there are {names}":
            "没有情景 {name}；现有的是 {names}",
        "no what-if is open; scenario new NAME opens one for a scenario":
            "没有打开的假设分析；scenario new NAME 为情景打开一个",
        "a scenario holds changes to products, cost entries, goals, assumptions and hit plans; this what-if also changes {parts}: undo those, or keep the what-if in the plan":
            "情景只保存对商品、成本条目、目标、假设和爆款计划的修改；这个假设分析还改了 {parts}：请撤销这些，或把假设分析 keep 进计划",
        "scenario= needs a scenario's name, e.g. pnl 2026-11 scenario=激进":
            "scenario= 需要情景名称，例如 pnl 2026-11 scenario=激进",
        "role:{value} is not a role; use one of {roles}":
            "role:{value} 不是角色；请用 {roles} 之一",
        "category:{value} is not R, O, P or G":
            "category:{value} 不是 R、O、P 或 G",
        "basis:{value} is not a basis; use one of {bases}":
            "basis:{value} 不是计提方式；请用 {bases} 之一",
        "removing a scenario":
            "删除情景",
        "renaming a scenario":
            "重命名情景",
        "changing a scenario":
            "修改情景",
        "all apply":
            "全部适用",
        "{changes} no longer applies":
            "{changes}不再适用",
        "{changes} no longer apply":
            "{changes}不再适用",
        "{count} scenario":
            "{count} 个情景",
        "{count} scenarios":
            "{count} 个情景",
        "no longer applies: {problem}":
            "不再适用：{problem}",
        "applies":
            "适用",
        "{changes}; volume: {rule}":
            "{changes}；销量规则：{rule}",
        "no changes yet: scenario open {name} to make some":
            "还没有修改：用 scenario open {name} 来修改",
        "scenario {name}":
            "情景 {name}",
        "{title} — scenario {name}":
            "{title} — 情景 {name}",
        "what-if opened: changes from now on are held apart from the plan; reports compare the two. keep or drop to end it":
            "已打开假设分析：此后的修改与计划分开保存；报表会比较两者。用 keep 或 drop 结束",
        "the what-if is open and holds no changes yet":
            "假设分析已打开，还没有任何修改",
        "the what-if holds {changes}:":
            "假设分析中有 {changes}：",
        "(what-if dropped: the plan is unchanged)":
            "（假设分析已丢弃：计划不变）",
        "kept scenario {name}: {changes}; the plan is unchanged (scenario show {name} lists them)":
            "已存入情景 {name}：{changes}；计划不变（scenario show {name} 列出它们）",
        "the what-if held no changes; it is closed":
            "假设分析中没有修改；已关闭",
        "kept the what-if: {changes} is now part of the plan (undo takes it back in one step)":
            "已保留假设分析：{changes}现在是计划的一部分（undo 一步撤回）",
        "kept the what-if: {changes} are now part of the plan (undo takes them back in one step)":
            "已保留假设分析：{changes}现在是计划的一部分（undo 一步撤回）",
        "dropped the what-if: {changes} thrown away; the plan is as it was":
            "已丢弃假设分析：丢弃了 {changes}；计划保持原样",
        "width={word}: use a number of columns from {narrowest} to 10000, auto or full":
            "width={word}：请用 {narrowest} 到 10000 的列数、auto 或 full",
        "by={value}: use category, entry, product, month, quarter, week or day, or the grid category,month (by=month,category is by=month)":
            "by={value}：请用 category、entry、product、month、quarter、week 或 day，或网格 category,month（by=month,category 即 by=month）",
        "by={value}: a grid is by=month,product or by=product,month (one dimension: month, quarter, week, day or product)":
            "by={value}：网格为 by=month,product 或 by=product,month（单一维度：month、quarter、week、day 或 product）",
        "metric= and top= go with a grid: by=month,product or by=product,month":
            "metric= 和 top= 要和网格一起用：by=month,product 或 by=product,month",
    ]
}
